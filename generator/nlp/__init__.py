"""The spaCy side of briefs: components, the pipeline and the Doc-to-Fact conversion."""

"""facts: see the modules of this package."""

"""content: see the modules of this package."""

"""publish: see the modules of this package."""

"""render: see the modules of this package."""

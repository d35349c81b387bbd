"""`python -m generator ...` runs the briefs command line."""

from generator.cli import main

main()

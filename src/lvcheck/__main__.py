"""`python -m lvcheck` runs the command line."""

from lvcheck.cli import main

main()

"""``python -m opengov``: the command line."""

from opengov.cli.main import run

run()

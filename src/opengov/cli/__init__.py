"""The ``opengov`` command line."""

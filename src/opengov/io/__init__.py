"""File formats. Each module reads and writes the same dict form; none holds domain logic.

The public modules are :mod:`~opengov.io.json`, :mod:`~opengov.io.csv`, :mod:`~opengov.io.files`,
:mod:`~opengov.io.schema` and :mod:`~opengov.io.dataframe`, and the packages :mod:`~opengov.io.ogp`
and :mod:`~opengov.io.rdf`, whose names are imported from the package itself. A module whose name
starts with an underscore is internal and may change without notice.
"""

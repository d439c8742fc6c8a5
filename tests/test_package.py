"""Package-level promises: a light import, typed, and a public API that is documented."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import opengov


def test_import_does_not_load_rdflib() -> None:
    code = "import sys, opengov; opengov.datasets.names(); print('rdflib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_package_is_typed() -> None:
    assert resources.files("opengov").joinpath("py.typed").is_file()


def test_public_api_has_docstrings() -> None:
    for name in opengov.__all__:
        obj = getattr(opengov, name)
        if callable(obj) or isinstance(obj, type):
            assert obj.__doc__, f"opengov.{name} has no docstring"


def test_exceptions_are_also_builtin_errors() -> None:
    assert issubclass(opengov.LoadError, ValueError)
    assert issubclass(opengov.VocabularyError, ValueError)
    assert issubclass(opengov.DateParseError, ValueError)
    assert issubclass(opengov.UnknownDatasetError, LookupError)
    assert issubclass(opengov.UnknownFormatError, ValueError)
    for exc in (
        opengov.LoadError,
        opengov.VocabularyError,
        opengov.DumpError,
        opengov.UnknownFormatError,
    ):
        assert issubclass(exc, opengov.OpenGovError)

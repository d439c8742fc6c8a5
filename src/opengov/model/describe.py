"""What each field of the model means: its English and French labels and a one-line meaning.

The facts live in one data file, ``opengov/model/data/fields.toml``, one entry per field headed
``[Class.field]``, so that an editor can change a label or a meaning without reading Python.
Documentation and format code read them from here; nothing here knows of any file format.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple

import attrs

from opengov.errors import LoadError, Problem

__all__ = [
    "FieldDoc",
    "field_doc",
    "field_docs",
    "model_classes",
    "parse_field_docs",
    "public_fields",
]

_DATA_FILE = "data/fields.toml"
_KEYS = ("en", "fr", "doc")


class FieldDoc(NamedTuple):
    """The labels and meaning of one field of the model."""

    en: str
    """English label, lower case except proper nouns and acronyms ("due date")."""
    fr: str
    """French label, in the wording of OGP's French documents ("échéance")."""
    doc: str
    """What the field holds, in one English sentence."""


def field_doc(cls: type, name: str) -> FieldDoc:
    """The labels and meaning of the field ``name`` of the model class ``cls``.

    Raises ``KeyError`` when the data file has no entry for ``Class.field``.
    """
    key = f"{cls.__name__}.{name}"
    try:
        return field_docs()[key]
    except KeyError:
        raise KeyError(f"{key} has no entry in opengov/model/{_DATA_FILE}") from None


def model_classes() -> list[type]:
    """Every attrs class defined in a module of ``opengov.model``, module by module."""
    import opengov.model

    found: list[type] = []
    for info in pkgutil.walk_packages(opengov.model.__path__, "opengov.model."):
        module = importlib.import_module(info.name)
        found.extend(
            obj
            for obj in vars(module).values()
            if inspect.isclass(obj) and obj.__module__ == module.__name__ and attrs.has(obj)
        )
    return found


def public_fields(cls: type) -> list[attrs.Attribute]:  # type: ignore[type-arg]
    """The fields of a model class that hold its data, in order: every attrs field but private
    ones such as ``DateSpan._text``, a cache. These are the fields the data file describes."""
    return [field for field in attrs.fields(cls) if not field.name.startswith("_")]


@functools.cache
def field_docs() -> Mapping[str, FieldDoc]:
    """Every entry of the data file, keyed by ``"Class.field"``, in the file's order.

    The file is read once; a malformed file raises :class:`~opengov.LoadError`.
    """
    text = resources.files("opengov.model").joinpath(_DATA_FILE).read_text(encoding="utf-8")
    return parse_field_docs(text, source=f"opengov/model/{_DATA_FILE}")


def parse_field_docs(text: str, *, source: str) -> Mapping[str, FieldDoc]:
    """Read the text of a fields file (see the module docstring) into entries by ``Class.field``.

    Raises :class:`~opengov.LoadError` naming ``source`` and the entry (or line) at fault.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LoadError([Problem("", str(exc))], source=source) from None
    entries: dict[str, FieldDoc] = {}
    problems: list[Problem] = []
    for class_name, fields in data.items():
        if not isinstance(fields, dict):
            problems.append(Problem(f"[{class_name}]", "expected entries headed [Class.field]"))
            continue
        for field_name, entry in fields.items():
            key = f"{class_name}.{field_name}"
            found = _entry(key, entry, problems)
            if found is not None:
                entries[key] = found
    if problems:
        raise LoadError(problems, source=source)
    return MappingProxyType(entries)


def _entry(key: str, entry: object, problems: list[Problem]) -> FieldDoc | None:
    where = f"[{key}]"
    if not isinstance(entry, dict):
        problems.append(Problem(where, "expected a table with en, fr and doc"))
        return None
    unknown = sorted(set(entry) - set(_KEYS))
    if unknown:
        problems.append(
            Problem(where, f"unknown key(s) {', '.join(unknown)}; expected en, fr, doc")
        )
    values: list[str] = []
    for name in _KEYS:
        value = entry.get(name)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(where, f"{name} must be a non-empty text"))
        else:
            values.append(value.strip())
    if len(values) != len(_KEYS) or unknown:
        return None
    return FieldDoc(*values)

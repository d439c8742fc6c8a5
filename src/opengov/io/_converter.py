"""The one cattrs converter behind every format.

JSON is the converter's unstructured dict; CSV and RDF rebuild that dict and call the same
``structure()``, so every format gets the same checks. The converter is strict: it never turns
``1`` into ``"1"`` or ``"false"`` into ``True``, refuses unknown keys, and reads vocabularies by
their code only.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterator
from types import NoneType, UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
import orjson
from cattrs import Converter
from cattrs.cols import list_structure_factory
from cattrs.fns import identity

from opengov.errors import DateParseError
from opengov.io._unstructure import make_unstructure_fn
from opengov.issues import Issue
from opengov.model.dates import DateSpan
from opengov.model.describe import Shape, describe, document_classes
from opengov.model.vocab import Vocabulary

__all__ = ["date_from_json", "date_to_json", "make_converter", "surrogate_problems"]

T = TypeVar("T")


#: A UTF-16 surrogate on its own: no encoding can write it, so no reader may accept it.
_SURROGATE = re.compile("[\ud800-\udfff]")

#: The whole numbers every format can write (JSON readers and writers stop at 64 bits).
_SMALLEST_INT, _LARGEST_INT = -(2**63), 2**63 - 1


def surrogate_problems(data: Any) -> list[Issue]:
    """Issues for every text holding a lone surrogate in a document's dict form (which no
    encoding can write), each named by its JSON path. Readers of text (JSON, CSV, Turtle,
    N-Triples) cannot produce one; this checks what arrives already parsed (a dict, an rdflib
    graph) in one pass at C speed, walking the data only when there is something to find."""
    try:
        orjson.dumps(data)
    except (TypeError, orjson.JSONEncodeError):
        return list(_surrogates(data, "$"))
    return []


def _surrogates(value: Any, path: str) -> Iterator[Issue]:
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        if found is not None:
            message = (
                f"text holds a lone surrogate (U+{ord(found.group()):04X}) at character "
                f"{found.start() + 1}: not a character any format can write"
            )
            yield Issue(path, "bad-text", message)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _surrogates(key, path)
            yield from _surrogates(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _surrogates(item, f"{path}[{i}]")


def _strict_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {_describe(value)}")
    return value


def _optional_str(value: Any, _: Any) -> str | None:
    if value is None or type(value) is str:
        return value
    return _strict_str(value, str)


def _optional_int(value: Any, _: Any) -> int | None:
    if value is None:
        return None
    return _strict_int(value, int)


def _strict_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, got {_describe(value)}")
    if not _SMALLEST_INT <= value <= _LARGEST_INT:
        digits = int(value.bit_length() * math.log10(2)) + 1  # str() of a huge int may refuse
        raise ValueError(
            f"a whole number of about {digits} digits, beyond those every format can write "
            f"({_SMALLEST_INT} to {_LARGEST_INT})"
        )
    return value


def _strict_float(value: Any, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {_describe(value)}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"expected a finite number, got {_describe(value)}")
    return number


def _strict_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_describe(value)}")
    return value


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    kind = {
        bool: "boolean",
        int: "number",
        float: "number",
        str: "text",
        list: "list",
        dict: "object",
    }
    return f"{kind.get(type(value), type(value).__name__)} {text}"


@functools.cache
def _members_by_code(cls: type[Vocabulary]) -> dict[str, Vocabulary]:
    return {member.value: member for member in cls}


def _structure_vocabulary(value: Any, cls: type[Vocabulary]) -> Vocabulary:
    if not isinstance(value, str):
        raise TypeError(f"expected a {cls.vocabulary_name()} code, got {_describe(value)}")
    member = _members_by_code(cls).get(value)
    if member is not None:
        return member
    codes = ", ".join(member.value for member in cls)
    raise ValueError(f"{value!r} is not a {cls.vocabulary_name()} code (expected one of: {codes})")


def _year_hook(states: type[Vocabulary]) -> Callable[[Any, Any], int | Vocabulary]:
    """The structure hook of a year field: a whole number, or the code of a missing-data state
    (the vocabulary ``states``)."""

    def structure_year(value: Any, _: Any) -> int | Vocabulary:
        if isinstance(value, str):
            return _structure_vocabulary(value, states)
        return _strict_int(value, int)

    return structure_year


def _year_types() -> dict[Any, type[Vocabulary]]:
    """The type of every year field of the documents (``int | Missing``), with its vocabulary of
    missing-data states, from the description of the model."""
    found: dict[Any, type[Vocabulary]] = {}
    for cls in document_classes():
        for field in describe(cls):
            if field.shape is Shape.YEAR and field.vocabulary is not None:
                found[int | field.vocabulary] = field.vocabulary
    return found


def _is_optional_type(type_: Any) -> bool:
    arguments = get_args(type_)
    return get_origin(type_) in (Union, UnionType) and len(arguments) == 2 and NoneType in arguments


def _optional_factory(type_: Any, converter: Converter) -> Callable[[Any, Any], Any]:
    """The structure hook of ``X | None``: ``None``, or the value through ``X``'s hook (looked
    up at the first value: the model's classes refer to each other)."""
    inner = next(argument for argument in get_args(type_) if argument is not NoneType)
    found: list[Callable[[Any, Any], Any]] = []

    def structure_optional(value: Any, _: Any) -> Any:
        if value is None:
            return None
        if not found:
            found.append(converter.get_structure_hook(inner))
        return found[0](value, inner)

    return structure_optional


def _is_list_type(type_: Any) -> bool:
    return get_origin(type_) is list


def _strict_list_factory(cls: Any, converter: Converter) -> Any:
    """Lists must be JSON arrays: a string is not read as a list of characters."""
    structure_items = list_structure_factory(cls, converter)

    def structure_list(value: Any, type_: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected a list, got {_describe(value)}")
        return structure_items(value, type_)

    return structure_list


def date_to_json(value: DateSpan) -> str | dict[str, str]:
    """A date's JSON form: its canonical text, or ``{"value", "phrase"}`` when it has a phrase."""
    if value.phrase is None:
        return value.iso()
    return {"value": value.iso(), "phrase": value.phrase}


def _optional_date_to_json(value: DateSpan | None) -> str | dict[str, str] | None:
    return None if value is None else date_to_json(value)


def date_from_json(value: Any, _: type = DateSpan) -> DateSpan:
    """Read a date's JSON form (see :func:`date_to_json`)."""
    if isinstance(value, str):
        try:
            return DateSpan.from_iso(value)
        except DateParseError as exc:
            raise ValueError(f"not a date: {value!r} ({exc.reason})") from None
    if isinstance(value, dict):
        unknown = set(value) - {"value", "phrase"}
        if unknown or "value" not in value:
            raise ValueError(
                f"a date object has the keys 'value' and 'phrase', got {sorted(value)}"
            )
        iso, phrase = value["value"], value.get("phrase")
        if not isinstance(iso, str) or not (phrase is None or isinstance(phrase, str)):
            raise TypeError("a date's 'value' and 'phrase' must be text")
        try:
            return DateSpan.from_iso(iso, phrase)
        except DateParseError as exc:
            raise ValueError(f"not a date: {iso!r} ({exc.reason})") from None
    raise TypeError(f"expected a date as text, got {_describe(value)}")


@functools.cache
def make_converter(*, detailed: bool = True, omit_defaults: bool = True) -> Converter:
    """The strict converter shared by every format.

    ``detailed=True`` records the path of every problem (slower); the loaders use the fast form
    first and re-run with details when it fails. ``omit_defaults=False`` writes every field,
    defaults included (tables want every column).
    """
    converter = Converter(forbid_extra_keys=True, detailed_validation=detailed)
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook(float, _strict_float)
    converter.register_structure_hook(bool, _strict_bool)
    # Dispatch follows the MRO, so this beats the ``str`` hook for the StrEnum vocabularies.
    converter.register_structure_hook(Vocabulary, _structure_vocabulary)
    # Vocabulary members are ``str`` instances whose value is their code: they pass through as
    # they are (cattrs inlines identity hooks), and every writer sees the code.
    converter.register_unstructure_hook(Vocabulary, identity)
    converter.register_structure_hook_factory(
        _is_list_type,
        functools.partial(_strict_list_factory, converter=converter),
    )
    # A year field (``int | Missing``) passes through as it is on the way out (a number, or a
    # vocabulary member, which is its code); on the way in, a number or a code.
    for year, states in _year_types().items():
        converter.register_structure_hook(year, _year_hook(states))
    # Optional fields find their hook once, not on every value; the commonest have fast paths.
    converter.register_structure_hook_factory(
        _is_optional_type, functools.partial(_optional_factory, converter=converter)
    )
    converter.register_structure_hook(str | None, _optional_str)
    converter.register_structure_hook(int | None, _optional_int)
    converter.register_structure_hook(DateSpan, date_from_json)
    converter.register_unstructure_hook(DateSpan, date_to_json)
    converter.register_unstructure_hook(DateSpan | None, _optional_date_to_json)
    for plain in (str | None, int | None, bool | None):
        converter.register_unstructure_hook(plain, identity)
    converter.register_unstructure_hook_factory(
        attrs.has, lambda cls: make_unstructure_fn(cls, converter, omit_defaults=omit_defaults)
    )
    return converter

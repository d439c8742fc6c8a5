"""One description of the model, read by every format, rule and generator.

:func:`describe` walks an attrs class once and returns a :class:`ClassInfo`: one
:class:`FieldInfo` per field with everything the rest of the library needs to know about it —
its shape (text, number, vocabulary, date, year, nested object; one value or a list), whether it
may be absent, what its values reference, whether it is personal data or plain (not prose)
text, and its English and French labels and one-line meaning (the class too has labels and a meaning). JSON, CSV, RDF, JSON Schema, the
ontology and shapes, validation, the personal-data filter, the API reference and the test
strategies all read it, so a new field is one edit of the class (and its entry in the labels
file).

The facts come from two places, each stated once: the attrs field (its type annotation, its
default, and the ``metadata`` built by ``facts(personal=..., plain=..., references=...)``), and
the data file ``opengov/model/data/fields.toml`` — one entry per class headed ``[Class]`` and one
per field headed ``[Class.field]`` — so that an editor can change a label or a meaning without
reading Python.
Nothing here knows of any file format.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import tomllib
import typing
from collections.abc import Iterator, Mapping
from enum import Enum
from importlib import resources
from types import MappingProxyType, NoneType, UnionType
from typing import Any, NamedTuple

import attrs
from attrs import frozen

from opengov.errors import LoadError
from opengov.issues import Issue
from opengov.model._fields import PERSONAL_KEY, PLAIN_KEY, REFERENCES_KEY
from opengov.model.dates import DateSpan
from opengov.model.vocab import Vocabulary

__all__ = [
    "ClassInfo",
    "FieldDoc",
    "FieldInfo",
    "Shape",
    "class_doc",
    "describe",
    "document_classes",
    "field_doc",
    "field_docs",
    "model_classes",
    "parse_field_docs",
    "public_fields",
]

_DATA_FILE = "data/fields.toml"
_KEYS = ("en", "fr", "doc")


class FieldDoc(NamedTuple):
    """The labels and meaning of one field (or one class) of the model."""

    en: str
    """English label, lower case except proper nouns and acronyms ("due date")."""
    fr: str
    """French label, in the wording of OGP's French documents ("échéance")."""
    doc: str
    """What the field holds (or what the class's objects are), in English, on one line."""


def field_doc(cls: type, name: str) -> FieldDoc:
    """The labels and meaning of the field ``name`` of the model class ``cls``.

    Raises ``KeyError`` when the data file has no entry for ``Class.field``.
    """
    key = f"{cls.__name__}.{name}"
    try:
        return field_docs()[key]
    except KeyError:
        raise KeyError(f"{key} has no entry in opengov/model/{_DATA_FILE}") from None


def class_doc(cls: type) -> FieldDoc:
    """The labels and meaning of the model class ``cls`` (its ``[Class]`` entry).

    Raises ``KeyError`` when the data file has no entry for the class.
    """
    try:
        return field_docs()[cls.__name__]
    except KeyError:
        raise KeyError(f"{cls.__name__} has no entry in opengov/model/{_DATA_FILE}") from None


def model_classes() -> list[type]:
    """Every attrs class defined in a module of ``opengov.model``, module by module."""
    import opengov.model

    found: list[type] = []
    for info in pkgutil.walk_packages(opengov.model.__path__, "opengov.model."):
        if info.name == __name__:  # the description's own records are not model classes
            continue
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
    """Every entry of the data file, in the file's order: a class's keyed by ``"Class"``, a
    field's by ``"Class.field"``.

    The file is read once; a malformed file raises :class:`~opengov.LoadError`.
    """
    text = resources.files("opengov.model").joinpath(_DATA_FILE).read_text(encoding="utf-8")
    return parse_field_docs(text, source=f"opengov/model/{_DATA_FILE}")


def parse_field_docs(text: str, *, source: str) -> Mapping[str, FieldDoc]:
    """Read the text of a fields file (see the module docstring) into entries keyed by
    ``Class`` (the class's own ``en``, ``fr`` and ``doc``) and ``Class.field``.

    Raises :class:`~opengov.LoadError` naming ``source`` and the entry (or line) at fault.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LoadError([Issue("", "toml-syntax", str(exc))], source=source) from None
    entries: dict[str, FieldDoc] = {}
    problems: list[Issue] = []
    for class_name, table in data.items():
        if not isinstance(table, dict):
            problems.append(
                Issue(
                    f"[{class_name}]",
                    "wrong-type",
                    "expected a table [Class] with entries [Class.field]",
                )
            )
            continue
        # The class's own keys are texts; its fields are the sub-tables.
        own = {key: value for key, value in table.items() if not isinstance(value, dict)}
        if own:
            found = _entry(class_name, own, problems)
            if found is not None:
                entries[class_name] = found
        for field_name, entry in table.items():
            if isinstance(entry, dict):
                key = f"{class_name}.{field_name}"
                found = _entry(key, entry, problems)
                if found is not None:
                    entries[key] = found
    if problems:
        raise LoadError(problems, source=source)
    return MappingProxyType(entries)


def _entry(key: str, entry: object, problems: list[Issue]) -> FieldDoc | None:
    where = f"[{key}]"
    if not isinstance(entry, dict):
        problems.append(Issue(where, "wrong-type", "expected a table with en, fr and doc"))
        return None
    unknown = sorted(set(entry) - set(_KEYS))
    if unknown:
        problems.append(
            Issue(
                where, "unknown-field", f"unknown key(s) {', '.join(unknown)}; expected en, fr, doc"
            )
        )
    values: list[str] = []
    for name in _KEYS:
        value = entry.get(name)
        if not isinstance(value, str) or not value.strip():
            problems.append(Issue(where, "missing-field", f"{name} must be a non-empty text"))
        else:
            values.append(value.strip())
    if len(values) != len(_KEYS) or unknown:
        return None
    return FieldDoc(*values)


# --- the description ----------------------------------------------------------------------------


class Shape(Enum):
    """What one value of a field is."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    VOCABULARY = "vocabulary"  # a member of a controlled vocabulary
    DATE = "date"  # a DateSpan, kept with its phrase
    YEAR = "year"  # a year, or a missing-data state of a vocabulary (ND / NR / NA)
    OBJECT = "object"  # a nested model object


_SCALARS = {str: Shape.TEXT, int: Shape.INTEGER, float: Shape.DECIMAL, bool: Shape.BOOLEAN}
_ALWAYS_PLAIN = frozenset({"id", "url"})


@frozen
class FieldInfo:
    """Everything the library knows about one field of a model class."""

    owner: type
    """The class the field belongs to."""
    name: str
    """The attribute name (also the JSON key)."""
    shape: Shape
    """What one value is."""
    item: type
    """The type of one value: ``str``, ``int``, ``float``, ``bool``, the vocabulary, ``DateSpan``,
    or the nested class (``int`` for a year)."""
    many: bool
    """The field holds a list of such values (in order)."""
    optional: bool
    """``None`` is a value of the field (the source does not state it)."""
    required: bool
    """The field has no default: a document must give it."""
    default: Any
    """The default value (``attrs.NOTHING`` when required; a new empty list for lists)."""
    references: type | None
    """The class whose ids the field's values are, or ``None``."""
    personal: bool
    """The field holds personal data."""
    plain: bool
    """Text that is not prose: never tagged with a language."""
    labels: FieldDoc
    """English and French labels and the one-line meaning."""
    vocabulary: type[Vocabulary] | None
    """The vocabulary of a vocabulary field, or of a year field's missing-data states."""

    @property
    def target(self) -> type | None:
        """The nested class of an object field."""
        return self.item if self.shape is Shape.OBJECT else None

    @property
    def prose(self) -> bool:
        """Text in a natural language (tagged with the document's language in RDF)."""
        return self.shape is Shape.TEXT and not self.plain

    @property
    def path(self) -> str:
        """``Class.field``, the key of the field's labels."""
        return f"{self.owner.__name__}.{self.name}"


@frozen
class ClassInfo:
    """A model class and its fields, in declaration order."""

    cls: type
    fields: tuple[FieldInfo, ...]
    labels: FieldDoc
    """English and French labels of the class and what its objects are."""

    @property
    def name(self) -> str:
        """The class name."""
        return self.cls.__name__

    @property
    def identified(self) -> bool:
        """The class has an ``id`` field: its objects can be referenced."""
        return any(f.name == "id" for f in self.fields)

    @property
    def personal(self) -> bool:
        """A required field holds personal data: the whole object is personal."""
        return any(f.personal and f.required for f in self.fields)

    def field(self, name: str) -> FieldInfo:
        """The field called ``name``."""
        for found in self.fields:
            if found.name == name:
                return found
        raise KeyError(f"{self.name} has no field {name!r}")

    def __iter__(self) -> Iterator[FieldInfo]:
        return iter(self.fields)


_DESCRIPTIONS: dict[type, ClassInfo] = {}


def describe(cls: type) -> ClassInfo:
    """The description of a model class (computed once per class)."""
    found = _DESCRIPTIONS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        fields = tuple(
            _describe_field(cls, attribute, hints[attribute.name])
            for attribute in attrs.fields(cls)
            if not attribute.name.startswith("_")
        )
        found = _DESCRIPTIONS[cls] = ClassInfo(cls, fields, _labels(cls, None))
    return found


def document_classes(*roots: type) -> list[type]:
    """Every class reachable from ``roots`` through object fields, each once, roots first
    (default roots: the document kinds ``PlanCollection``, ``ActionPlan`` and ``StandardSet``)."""
    if not roots:
        from opengov.model.plan import ActionPlan, PlanCollection
        from opengov.model.standards import StandardSet

        roots = (PlanCollection, ActionPlan, StandardSet)
    found: list[type] = []
    pending = list(roots)
    while pending:
        cls = pending.pop(0)
        if cls in found:
            continue
        found.append(cls)
        pending.extend(f.item for f in describe(cls) if f.shape is Shape.OBJECT)
    return found


def _describe_field(owner: type, attribute: attrs.Attribute, hint: Any) -> FieldInfo:  # type: ignore[type-arg]
    where = f"{owner.__name__}.{attribute.name}"
    tp, optional = _strip_none(hint)
    many = typing.get_origin(tp) is list
    if many:
        (tp,) = typing.get_args(tp)
    shape, item, vocabulary = _shape(tp, where)
    metadata = attribute.metadata
    default: Any = attribute.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        default = default.factory()
    return FieldInfo(
        owner=owner,
        name=attribute.name,
        shape=shape,
        item=item,
        many=many,
        optional=optional,
        required=attribute.default is attrs.NOTHING,
        default=default,
        references=metadata.get(REFERENCES_KEY),
        personal=bool(metadata.get(PERSONAL_KEY)),
        plain=bool(metadata.get(PLAIN_KEY)) or attribute.name in _ALWAYS_PLAIN,
        labels=_labels(owner, attribute.name),
        vocabulary=vocabulary,
    )


def _labels(owner: type, name: str | None) -> FieldDoc:
    """The entry of the field ``name`` (or of the class, when ``name`` is None) in the labels
    file; a class defined outside the library (a user's subclass) takes its bases' entries, and
    one without an entry is labelled by its name, with no meaning."""
    docs = field_docs()
    for cls in owner.__mro__:
        found = docs.get(cls.__name__ if name is None else f"{cls.__name__}.{name}")
        if found is not None:
            return found
    words = owner.__name__ if name is None else name.replace("_", " ")
    return FieldDoc(words, words, "")


def _strip_none(tp: Any) -> tuple[Any, bool]:
    if typing.get_origin(tp) in (UnionType, typing.Union):
        args = [a for a in typing.get_args(tp) if a is not NoneType]
        optional = len(args) < len(typing.get_args(tp))
        if len(args) == 1:
            return args[0], optional
        return typing.Union[tuple(args)], optional  # noqa: UP007 - rebuilt from its parts
    return tp, False


def _shape(tp: Any, where: str) -> tuple[Shape, type, type[Vocabulary] | None]:
    if typing.get_origin(tp) in (UnionType, typing.Union):
        args = typing.get_args(tp)
        vocabularies = [a for a in args if inspect.isclass(a) and issubclass(a, Vocabulary)]
        if int in args and len(vocabularies) == 1 and len(args) == 2:
            return Shape.YEAR, int, vocabularies[0]
        raise TypeError(f"{where}: the description has no shape for {tp!r}")
    if inspect.isclass(tp) and issubclass(tp, Vocabulary):
        return Shape.VOCABULARY, tp, tp
    if tp in _SCALARS:
        return _SCALARS[tp], tp, None
    if tp is DateSpan:
        return Shape.DATE, DateSpan, None
    if inspect.isclass(tp) and attrs.has(tp):
        return Shape.OBJECT, tp, None
    raise TypeError(f"{where}: the description has no shape for {tp!r}")

"""JSON Schema (draft 2020-12) of the JSON form, generated from the description of the model.

Every property carries what :func:`opengov.model.describe.describe` says of its field: ``title``
is the English label, ``description`` the one-line meaning, ``required`` lists the fields without
a default, and vocabularies are ``enum`` definitions of their codes. Two annotations of our own
(JSON Schema ignores keywords it does not know when validating):

- ``"x-references": "Organisation"``: the value (or each value of a list) is the ``id`` of an
  object of that class elsewhere in the same document;
- ``"x-personal-data": true``: the property (or, on a definition, the whole object) is personal
  data, left out by ``opengov.dump(..., personal_data=False)``.
"""

from __future__ import annotations

from typing import Any

from opengov.io._document import KINDS, SCHEMA_VERSION
from opengov.model.dates import CANONICAL_PATTERN
from opengov.model.describe import FieldInfo, Shape, describe
from opengov.model.vocab import Vocabulary

__all__ = ["PERSONAL_KEYWORD", "REFERENCES_KEYWORD", "json_schema"]

#: The annotation naming the class whose ids a property holds.
REFERENCES_KEYWORD = "x-references"
#: The annotation marking personal data.
PERSONAL_KEYWORD = "x-personal-data"

_SCALARS = {
    Shape.TEXT: "string",
    Shape.INTEGER: "integer",
    Shape.DECIMAL: "number",
    Shape.BOOLEAN: "boolean",
}
_COMMENT = (
    f"Generated from the opengov model. {REFERENCES_KEYWORD}: the value is the id of an object "
    f"of that class in the same document. {PERSONAL_KEYWORD}: personal data."
)


def _date_schema() -> dict[str, Any]:
    text = {"type": "string", "pattern": CANONICAL_PATTERN}
    return {
        "description": "A partial date: canonical text (2021, 2021-S2, 2021-Q3, 2021-06, 2021-06-15, "
        "2022-late, ranges with '/', open ends '..', 'ongoing', recurrences 'R/P1Y', "
        "'R/P6M/../2029'), or {value, phrase}.",
        "oneOf": [
            text,
            {
                "type": "object",
                "properties": {"value": text, "phrase": {"type": "string"}},
                "required": ["value"],
                "additionalProperties": False,
            },
        ],
    }


def _first_line(doc: str | None) -> str:
    lines = (doc or "").strip().splitlines()
    return lines[0] if lines else ""


class _Generator:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {"DateSpan": _date_schema()}

    def property(self, field: FieldInfo) -> dict[str, Any]:
        """The schema of a field, with its labels and marks."""
        schema: dict[str, Any] = {"title": field.labels.en}
        if field.labels.doc:
            schema["description"] = field.labels.doc
        value = self.value(field)
        if field.many:
            value = {"type": "array", "items": value}
        if field.optional and set(value) == {"type"}:
            value = {"type": [value["type"], "null"]}
        elif field.optional:
            value = {"anyOf": [value, {"type": "null"}]}
        schema.update(value)
        if field.references is not None:
            schema[REFERENCES_KEYWORD] = field.references.__name__
        if field.personal:
            schema[PERSONAL_KEYWORD] = True
        return schema

    def value(self, field: FieldInfo) -> dict[str, Any]:
        """The schema of one value of a field."""
        if field.shape in _SCALARS:
            return {"type": _SCALARS[field.shape]}
        if field.shape is Shape.DATE:
            return {"$ref": "#/$defs/DateSpan"}
        if field.shape is Shape.YEAR:
            assert field.vocabulary is not None  # a year's missing-data states
            return {"anyOf": [{"type": "integer"}, self.vocabulary(field.vocabulary)]}
        if field.shape is Shape.VOCABULARY:
            assert field.vocabulary is not None
            return self.vocabulary(field.vocabulary)
        return self.object(field.item)

    def vocabulary(self, vocabulary: type[Vocabulary]) -> dict[str, Any]:
        name = vocabulary.__name__
        if name not in self.defs:
            self.defs[name] = {
                "title": vocabulary.vocabulary_name(),
                "description": _first_line(vocabulary.__doc__),
                "enum": [member.value for member in vocabulary],
            }
        return {"$ref": f"#/$defs/{name}"}

    def object(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # a placeholder while the class is described (recursion)
            self.defs[name] = self.body(cls)
        return {"$ref": f"#/$defs/{name}"}

    def body(self, cls: type) -> dict[str, Any]:
        """The schema of an object of ``cls``."""
        info = describe(cls)
        schema: dict[str, Any] = {
            "type": "object",
            "title": info.name,
            "description": _first_line(cls.__doc__),
            "properties": {field.name: self.property(field) for field in info},
            "additionalProperties": False,
        }
        required = [field.name for field in info if field.required]
        if required:
            schema["required"] = required
        if info.personal:
            schema[PERSONAL_KEYWORD] = True
        return schema


def json_schema(kind: str = "action_plan") -> dict[str, Any]:
    """The JSON Schema of a document kind (``action_plan``, ``plan_collection`` or
    ``standard_set``)."""
    cls = KINDS[kind]
    generator = _Generator()
    body = generator.body(cls)
    body["properties"] = {
        "schema_version": {"title": "schema version", "const": SCHEMA_VERSION},
        "kind": {"title": "document kind", "const": kind},
        **body["properties"],
    }
    body["required"] = ["schema_version", "kind", *body.get("required", [])]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://w3id.org/opengov/schema/{SCHEMA_VERSION}/{kind}.json",
        "$comment": _COMMENT,
        **body,
        "title": f"opengov {kind.replace('_', ' ')} document",
        "$defs": generator.defs,
    }

"""JSON Schema (draft 2020-12) of the JSON form, generated from the model."""

from __future__ import annotations

import typing
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin

import attrs

from opengov.io.document import KINDS, SCHEMA_VERSION
from opengov.model import DateSpan
from opengov.model.irm import ReportYear
from opengov.model.vocab import Vocabulary

__all__ = ["json_schema"]

_POINT = r"\d{4}(-(S[12]|Q[1-4]|(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?))?(-(early|mid|late))?"
_DATE_PATTERN = rf"^(\.\.|{_POINT})(/(\.\.|{_POINT}))?$"


def _date_schema() -> dict[str, Any]:
    text = {"type": "string", "pattern": _DATE_PATTERN}
    return {
        "description": "A partial date: canonical text (2021, 2021-S2, 2021-Q3, 2021-06, 2021-06-15, "
        "2022-late, ranges with '/', open ends '..'), or {value, phrase}.",
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


class _Generator:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def of(self, tp: Any) -> dict[str, Any]:
        origin = get_origin(tp)
        if origin in (Union, UnionType):
            args = [a for a in get_args(tp) if a is not NoneType]
            if tp == ReportYear:
                return {"anyOf": [{"type": "integer"}, *(self.of(a) for a in args if a is not int)]}
            schemas = [self.of(a) for a in args]
            if len(args) < len(get_args(tp)):
                schemas.append({"type": "null"})
            return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
        if origin is list:
            (item,) = get_args(tp)
            return {"type": "array", "items": self.of(item)}
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is DateSpan:
            return {"$ref": "#/$defs/DateSpan"}
        if isinstance(tp, type) and issubclass(tp, Vocabulary):
            name = tp.__name__
            if name not in self.defs:
                self.defs[name] = {
                    "description": (tp.__doc__ or "").strip().splitlines()[0],
                    "enum": [m.value for m in tp],
                }
            return {"$ref": f"#/$defs/{name}"}
        if attrs.has(tp):
            name = tp.__name__
            if name not in self.defs:
                self.defs[name] = {}  # placeholder for recursion
                self.defs[name] = self.object(tp)
            return {"$ref": f"#/$defs/{name}"}
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover

    def object(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties = {}
        required = []
        for field in attrs.fields(cls):
            properties[field.name] = self.of(hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
        schema: dict[str, Any] = {
            "type": "object",
            "description": (cls.__doc__ or "").strip().splitlines()[0],
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        return schema


def json_schema(kind: str = "action_plan") -> dict[str, Any]:
    """The JSON Schema of a document kind (``action_plan`` or ``standard_set``)."""
    cls = KINDS[kind]
    generator = _Generator()
    generator.defs["DateSpan"] = _date_schema()
    body = generator.object(cls)
    body["properties"] = {
        "schema_version": {"const": SCHEMA_VERSION},
        "kind": {"const": kind},
        **body["properties"],
    }
    body["required"] = ["schema_version", "kind", *body.get("required", [])]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://w3id.org/opengov/schema/{SCHEMA_VERSION}/{kind}.json",
        "title": f"opengov {kind.replace('_', ' ')} document",
        **body,
        "$defs": generator.defs,
    }

"""JSON-LD with the shipped ``@context``; remote contexts are never fetched."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from opengov.errors import LoadError
from opengov.io.rdf._terms import CONTEXT_IRI
from opengov.issues import Issue

__all__ = ["context", "resolve_contexts"]

_KEYWORDS = frozenset(
    [
        "@base",
        "@container",
        "@context",
        "@direction",
        "@graph",
        "@id",
        "@import",
        "@included",
        "@index",
        "@json",
        "@language",
        "@list",
        "@nest",
        "@none",
        "@prefix",
        "@propagate",
        "@protected",
        "@reverse",
        "@set",
        "@type",
        "@value",
        "@version",
        "@vocab",
    ]
)
"""The keywords of JSON-LD 1.1 (section 1.7)."""
_LOOKS_LIKE_A_KEYWORD = re.compile(r"@[A-Za-z]+")
"""Keys of this form that are not keywords are ignored by JSON-LD processors."""


@cache
def context() -> dict[str, Any]:
    """The shipped JSON-LD context (also published at ``CONTEXT_IRI``)."""
    text = (
        resources.files("opengov.io.rdf")
        .joinpath("data/context.jsonld")
        .read_text(encoding="utf-8")
    )
    data: dict[str, Any] = json.loads(text)["@context"]
    return data


def resolve_contexts(document: Any, path: str = "$") -> Any:
    """Replace references to the shipped context by its content; refuse any other remote one.

    Parsing must never reach the network: a document naming a context by IRI gets the shipped
    context when the IRI is ours, and a :class:`~opengov.LoadError` otherwise.
    """
    if isinstance(document, list):
        return [resolve_contexts(item, f"{path}[{i}]") for i, item in enumerate(document)]
    if not isinstance(document, dict):
        return document
    resolved = {}
    for key, value in document.items():
        if key == "@context":
            resolved[key] = _resolve_context(value, f"{path}.@context")
            continue
        if key not in _KEYWORDS and _LOOKS_LIKE_A_KEYWORD.fullmatch(key):
            message = f"{key!r} is not a JSON-LD keyword: JSON-LD readers ignore it, and its value would be lost"
            raise LoadError([Issue(f"{path}.{key}", "rdf-syntax", message)])
        resolved[key] = resolve_contexts(value, f"{path}.{key}")
    return resolved


def _resolve_context(value: Any, path: str) -> Any:
    if isinstance(value, str):
        if value == CONTEXT_IRI:
            return context()
        raise LoadError(
            [
                Issue(
                    path,
                    "remote-context",
                    f"remote @context {value!r} is not fetched (only {CONTEXT_IRI} is known, and it ships with the library)",
                )
            ]
        )
    if isinstance(value, list):
        return [_resolve_context(item, f"{path}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, dict):
        if "@import" in value:
            raise LoadError(
                [Issue(f"{path}.@import", "remote-context", "remote @import is not fetched")]
            )
        return {k: resolve_contexts(v, f"{path}.{k}") for k, v in value.items()}
    return value

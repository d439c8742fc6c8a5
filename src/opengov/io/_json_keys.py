"""Duplicate keys in JSON text: refused, as duplicate tables in a zip are.

JSON parsers keep the last of two equal keys in one object (``{"id": "evil", "id":
"fr-2018-2020"}`` reads as ``fr-2018-2020``), so a document could say one thing to one reader and
another to the next. :func:`duplicate_keys` finds them after orjson has parsed the text, at
little cost: every member of an object in the text has one ``:`` outside its strings, so when the
text holds as many colons as the parsed data written back compactly (where each member keeps
one, and each colon inside a string stays one), no member was lost. Only when the counts differ
(or the text writes a colon as ``\\u003a``) is the text parsed again, by the standard library
with a hook that sees every member, to name each duplicate by its JSON path.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

from opengov.issues import Issue

__all__ = ["duplicate_keys"]

_IDENTIFIER = re.compile(r"[A-Za-z_@][A-Za-z0-9_@-]*")


class _Members(dict[str, Any]):
    """An object of the text whose keys are not all distinct: ``repeated`` counts them."""

    repeated: dict[str, int]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) == len(pairs):
        return found
    members = _Members(found)
    counts: dict[str, int] = {}
    for key, _ in pairs:
        counts[key] = counts.get(key, 0) + 1
    members.repeated = {key: n for key, n in counts.items() if n > 1}
    return members


def _step(path: str, key: str) -> str:
    return f"{path}.{key}" if _IDENTIFIER.fullmatch(key) else f"{path}[{json.dumps(key)}]"


def _located(tree: Any) -> list[Issue]:
    issues: list[Issue] = []
    stack: list[tuple[str, Any]] = [("$", tree)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            for key, count in getattr(node, "repeated", {}).items():
                issues.append(
                    Issue(
                        _step(path, key),
                        "duplicate-key",
                        f"the key {key!r} is given {count} times in one object: which one holds "
                        "is not said",
                    )
                )
            stack.extend((_step(path, key), value) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((f"{path}[{i}]", item) for i, item in reversed(list(enumerate(node))))
    return issues


def duplicate_keys(text: str | bytes, data: Any) -> list[Issue]:
    """The keys given twice in one object of the JSON ``text``, which orjson parsed to ``data``
    (empty when there are none), each named by its JSON path."""
    if isinstance(text, str):  # "\\u003" is rare: look for its two spellings only then
        escaped = "\\u003" in text and ("\\u003a" in text or "\\u003A" in text)
        colons = text.count(":")
    else:
        escaped = b"\\u003" in text and (b"\\u003a" in text or b"\\u003A" in text)
        colons = text.count(b":")
    if not escaped:
        try:
            if orjson.dumps(data).count(b":") == colons:
                return []
        except orjson.JSONEncodeError:  # nested beyond what orjson writes: look closer
            pass
    try:
        tree = json.loads(text, object_pairs_hook=_object)
    except RecursionError:
        return [Issue("$", "too-deep", "nested too deeply")]
    except ValueError:  # orjson read it, so this is a corner where the two parsers differ
        return []
    return _located(tree)

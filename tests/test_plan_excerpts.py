"""The bundled plan excerpts: every value of each source excerpt is found in its document.

Each excerpt in ``tests/data/plans/`` (values copied from cited public sources) is shipped as an
``opengov`` document (``opengov.datasets``). Its mapping, ``tests/data/plans/mappings/<file>.toml``,
says for each place in the excerpt (a path such as ``commitments[].title``, ``*`` for any one
key) which fields of the document may hold its values. The walk below takes every value of the
excerpt (and the keys of the dicts the mapping names under ``open_keys``: label names, language
codes) and looks for it, as written, in one of those fields: a value missing is a value dropped,
a value found only elsewhere is a value forced into a field that means something else.
"""

from __future__ import annotations

import fnmatch
import json
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import opengov
from opengov.io.json import dumps

PLANS = Path(__file__).parent / "data" / "plans"
MAPPINGS = PLANS / "mappings"
EXCERPTS = sorted(p.stem for p in PLANS.glob("*.json"))


def matches(path: str, pattern: str) -> bool:
    """fnmatch with ``[]`` meaning a list (fnmatch would read ``[`` as a character class)."""
    literal = pattern.replace("[[]]", "[]").replace("[]", "[[]]")
    return fnmatch.fnmatchcase(path, literal)


def mapping(stem: str) -> dict[str, Any]:
    return tomllib.loads((MAPPINGS / f"{stem}.toml").read_text(encoding="utf-8"))


def leaves(data: Any, path: str = "", open_keys: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """Every scalar under ``data`` as (path pattern, text); keys of the dicts named in
    ``open_keys`` count as values at ``<path>.{key}``."""
    if isinstance(data, dict):
        keyed = any(matches(path, pattern) for pattern in open_keys)
        for key, value in data.items():
            child = f"{path}.{key}" if path else key
            if keyed:
                yield f"{path}.{{key}}", key
            yield from leaves(value, child, open_keys)
    elif isinstance(data, list):
        for item in data:
            yield from leaves(item, f"{path}[]", open_keys)
    elif data is not None:
        yield path, text_of(data)


def text_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@cache
def document_leaves(name: str) -> dict[str, set[str]]:
    """The document's values, by path pattern."""
    plan = opengov.datasets.load(name)
    found: dict[str, set[str]] = {}
    for where, value in leaves(json.loads(dumps(plan))):
        found.setdefault(where, set()).add(value)
    return found


@cache
def card_values(name: str) -> set[str]:
    """Every value on a dataset's card (title, note, sources)."""
    card = opengov.datasets.path(name).with_suffix(".toml").read_text(encoding="utf-8")
    return {value for _, value in leaves(tomllib.loads(card))}


def targets(rules: dict[str, list[str]], where: str) -> list[str] | None:
    """The document fields a place in the excerpt maps to: the most specific rule that matches."""
    matching = [pattern for pattern in rules if matches(where, pattern)]
    if not matching:
        return None
    best = max(matching, key=lambda p: (len(p) - p.count("*") * 10, p))
    return rules[best]


@pytest.mark.parametrize("stem", EXCERPTS)
def test_every_excerpt_has_a_dataset_and_a_mapping(stem: str) -> None:
    spec = mapping(stem)
    info = opengov.datasets.info(spec["dataset"])
    assert info.excerpt
    excerpt = json.loads((PLANS / f"{stem}.json").read_text(encoding="utf-8"))
    urls = {source.url for source in info.sources}
    assert {s["url"] for s in excerpt["sources"]} <= urls, "the card lists the excerpt's sources"


@pytest.mark.parametrize("stem", EXCERPTS)
def test_every_value_is_found_where_it_belongs(stem: str) -> None:
    spec = mapping(stem)
    rules: dict[str, list[str]] = spec["map"]
    excerpt = json.loads((PLANS / f"{stem}.json").read_text(encoding="utf-8"))
    document = document_leaves(spec["dataset"])
    unmapped, dropped, misplaced = [], [], []
    for where, value in leaves(excerpt, open_keys=tuple(spec.get("open_keys", []))):
        fields = targets(rules, where)
        if fields is None:
            unmapped.append(where)
            continue
        if fields == ["card"]:  # about the excerpt, not the plan: kept on the dataset's card
            if value not in card_values(spec["dataset"]):
                dropped.append(f"{where} = {value!r} (not on the card)")
            continue
        places = [p for p, values in document.items() if value in values]
        if not places:
            dropped.append(f"{where} = {value!r}")
        elif not any(matches(p, f) for p in places for f in fields):
            misplaced.append(f"{where} = {value!r} found at {places}, expected {fields}")
    assert sorted(set(unmapped)) == [], "places of the excerpt no mapping rule covers"
    assert dropped == [], "values dropped"
    assert misplaced == [], "values forced into another field"

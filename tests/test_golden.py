"""Golden files: the France plan in every format, checked into tests/golden.

Regenerate after an intended change with ``OPENGOV_UPDATE_GOLDEN=1 pytest tests/test_golden.py``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import to_isomorphic

import opengov
from opengov.io import csv as ogcsv
from opengov.model import ActionPlan

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("OPENGOV_UPDATE_GOLDEN") == "1"


def check(path: Path, text: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.read_bytes().decode("utf-8") == text, f"{path.name} differs from the golden file"


@pytest.mark.parametrize(
    ("format", "name"),
    [("json", "fr-2018-2020.json"), ("turtle", "fr-2018-2020.ttl"), ("nt", "fr-2018-2020.nt")],
)
def test_text_formats(france: ActionPlan, format: str, name: str) -> None:
    text = opengov.dump(france, format=format)
    assert text is not None
    check(GOLDEN / name, text)
    assert opengov.load(GOLDEN / name) == france


def test_jsonld(france: ActionPlan) -> None:
    # rdflib's JSON-LD output orders nodes by hash: compare graphs, not bytes.
    text = opengov.dump(france, format="json-ld")
    assert text is not None
    path = GOLDEN / "fr-2018-2020.jsonld"
    if UPDATE:
        path.write_bytes(text.encode("utf-8"))
    golden = Graph().parse(path, format="json-ld")
    assert to_isomorphic(golden) == to_isomorphic(Graph().parse(data=text, format="json-ld"))
    assert opengov.load(path) == france


def test_csv_tables(france: ActionPlan) -> None:
    files = ogcsv.to_text_files(france)
    folder = GOLDEN / "fr-2018-2020-csv"
    if UPDATE:
        folder.mkdir(exist_ok=True)
        for old in folder.glob("*.csv"):
            old.unlink()
    for name, text in files.items():
        check(folder / name, text)
    assert sorted(p.name for p in folder.glob("*.csv")) == sorted(files)
    assert opengov.load(folder) == france

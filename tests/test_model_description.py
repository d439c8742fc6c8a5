"""A new field is one edit: added to a copy of the model, every format, generator and rule has it.

The test copies the package, adds four fields to ``Commitment`` — an optional text, a list of
text, a reference to an organisation and a personal field — with their labels in
``fields.toml``, and nothing else; a script run against the copy then checks JSON, CSV (folder
and zip), Turtle, JSON-LD, the JSON Schema, the SHACL shapes, the ontology, ``validate()``,
``opengov.testing`` and the command line's ``--no-personal-data``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "opengov"

FIELDS = """
    funding_note: str | None = None
    funders: list[str] = list_field()
    sponsor: str | None = field(default=None, metadata=facts(references=Organisation))
    officer: str | None = field(default=None, metadata=facts(personal=True))
"""

LABELS = """
[Commitment.funding_note]
en = "funding note"
fr = "note de financement"
doc = "The money set aside for the commitment, as the plan states it."

[Commitment.funders]
en = "funders"
fr = "financeurs"
doc = "Who pays for the commitment, as the plan names them."

[Commitment.sponsor]
en = "sponsor"
fr = "parrain"
doc = "The organisation that sponsors the commitment (an organisation id)."

[Commitment.officer]
en = "officer"
fr = "responsable"
doc = "The civil servant in charge of the commitment (personal data)."
"""

SCRIPT = r"""
import json, pathlib, subprocess, sys, time, warnings
T0 = time.perf_counter()

import opengov
from hypothesis import HealthCheck, given, settings
from opengov import datasets
from opengov.io.rdf import dumps
from opengov.io.rdf.ontology import shapes_graph, ontology_graph
from opengov.io.schema import json_schema
from opengov.model import ActionPlan
from opengov.testing import action_plans

out = pathlib.Path(sys.argv[1])
plan = datasets.load("fr-2018-2020")
first = plan.commitments[0]
first.funding_note = "2 M€ (loi de finances 2019)"
first.funders = ["AFD", "Union européenne"]
first.sponsor = plan.organisations[0].id
first.officer = "Jeanne Martin"
expected = (first.funding_note, first.funders, first.sponsor, first.officer)

def carried(doc):
    c = doc.commitments[0]
    return (c.funding_note, c.funders, c.sponsor, c.officer)

for name, fmt in [("p.json", None), ("p.zip", None), ("tables", "csv"), ("p.ttl", None),
                  ("p.jsonld", None), ("p.nt", None)]:
    opengov.dump(plan, out / name, format=fmt)
    assert carried(opengov.load(out / name, format=fmt)) == expected, name
    print("round trip", name, round(time.perf_counter() - T0, 1))

turtle = dumps(plan, format="turtle")
assert "og:fundingNote" in turtle and "og:funders" in turtle and "og:sponsor" in turtle
header = (out / "tables" / "commitments.csv").read_text(encoding="utf-8").splitlines()[0]
assert {"funding_note", "sponsor", "officer"} <= set(header.split(",")), header
assert (out / "tables" / "commitment_funders.csv").exists()

def definition_with(node, name):
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict) and name in props:
            return node
        for value in node.values():
            found = definition_with(value, name)
            if found is not None:
                return found
    elif isinstance(node, list):
        for value in node:
            found = definition_with(value, name)
            if found is not None:
                return found
    return None

schema = definition_with(json_schema(), "funding_note")
assert schema is not None
props = schema["properties"]
assert {"funding_note", "funders", "sponsor", "officer"} <= set(props)
assert props["sponsor"].get("x-references") == "Organisation", props["sponsor"]
assert props["officer"].get("x-personal-data") is True, props["officer"]
print("schema", round(time.perf_counter() - T0, 1))

ontology = ontology_graph().serialize(format="nt")
assert '<https://w3id.org/opengov/ns#fundingNote>' in ontology
assert '"financeurs"@fr' in ontology and '"parrain"@fr' in ontology
shapes = shapes_graph().serialize(format="nt")
for name in ("fundingNote", "funders", "sponsor", "officer"):
    assert f"<https://w3id.org/opengov/ns#{name}>" in shapes, name
print("ontology and shapes", round(time.perf_counter() - T0, 1))

first.sponsor = "no-such-organisation"
issues = [i for i in opengov.validate(plan) if i.code == "dangling-reference"]
assert [i.path for i in issues] == ["$.commitments[0].sponsor"], issues
first.sponsor = plan.organisations[0].id
print("validate", round(time.perf_counter() - T0, 1))

seen = set()

@settings(max_examples=40, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck), deadline=None)
@given(action_plans(max_commitments=3))
def draw(drawn):
    for c in drawn.commitments:
        seen.update(n for n in ("funding_note", "funders", "sponsor", "officer") if getattr(c, n))

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    draw()
assert seen == {"funding_note", "funders", "sponsor", "officer"}, seen
print("strategies", round(time.perf_counter() - T0, 1))

subprocess.run([sys.executable, "-m", "opengov", "convert", str(out / "p.json"),
                str(out / "public.json"), "--no-personal-data"], check=True)
public = opengov.load(out / "public.json").commitments[0]
assert public.officer is None and public.funding_note == expected[0] and public.sponsor == expected[2]
print("no personal data", round(time.perf_counter() - T0, 1))
"""


def _patched_copy(root: Path) -> Path:
    package = root / "src" / "opengov"
    shutil.copytree(SOURCE, package, ignore=shutil.ignore_patterns("__pycache__"))
    plan = package / "model" / "plan.py"
    text = plan.read_text(encoding="utf-8")
    start = text.index("class Commitment:")
    anchor = "    extra: list[ExtraField] = list_field()\n"
    at = text.index(anchor, start) + len(anchor)
    plan.write_text(text[:at] + FIELDS + text[at:], encoding="utf-8")
    labels = package / "model" / "data" / "fields.toml"
    labels.write_text(labels.read_text(encoding="utf-8") + LABELS, encoding="utf-8")
    return root / "src"


@pytest.mark.slow
def test_a_new_field_reaches_every_format_and_generator(tmp_path: Path) -> None:
    source = _patched_copy(tmp_path / "copy")
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(source)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for step in ("round trip p.jsonld", "schema", "ontology and shapes", "validate"):
        assert step in done.stdout
    assert "strategies" in done.stdout and "no personal data" in done.stdout


def test_the_copy_is_the_only_edit() -> None:
    """The shipped model has none of the four fields: the test above adds them itself."""
    from opengov.model import Commitment
    from opengov.model.describe import describe

    names = {f.name for f in describe(Commitment)}
    assert not names & {"funding_note", "funders", "sponsor", "officer"}

"""One set of limits for every format: what one reader accepts, every writer writes.

Each hostile value is put into the same small plan written in every format (by replacing a
marker value in the written text), then read back: every reader refuses it with a located
:class:`~opengov.LoadError`, or — where a format cannot even say it — refuses the text; a plan
that any reader accepts is then written in every format.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import opengov
from opengov import LoadError
from opengov.model import ActionPlan, Commitment, ProgressUpdate

NUMBER, PERCENT, PERIOD, LANGUAGE, TITLE = "424242", "42.5", "2018/2020", "qx", "Marker"

#: Text formats, by file suffix; CSV tables are a folder.
FORMATS = {"json": ".json", "turtle": ".ttl", "nt": ".nt", "json-ld": ".jsonld", "csv": ""}


def _plan() -> ActionPlan:
    return ActionPlan(
        id="x",
        country="FR",
        title=TITLE,
        language=LANGUAGE,
        period=PERIOD,
        commitments=[
            Commitment(
                id="x/c1",
                number=int(NUMBER),
                title="c",
                progress=[ProgressUpdate(id="x/c1/u1", percent=float(PERCENT))],
            )
        ],
    )


def _written(fmt: str, tmp_path: Path) -> Path:
    target = tmp_path / f"plan{FORMATS[fmt]}"
    opengov.dump(_plan(), target, format=fmt)
    return target


def _replace(path: Path, old: str, new: str) -> None:
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    found = 0
    for file in files:
        text = file.read_text(encoding="utf-8")
        found += text.count(old)
        file.write_text(text.replace(old, new), encoding="utf-8", errors="surrogatepass")
    assert found, f"{old!r} is not in the {path.name} written"


#: (marker, hostile replacement, per format: the replacement as that format writes it).
CASES = {
    "20-digit number": (NUMBER, "12345678901234567890"),
    "not a number": (PERCENT, "NaN"),
    "infinite number": (PERCENT, "inf"),
    "non-ASCII digits in an ISO date": (PERIOD, "２０１８/2020"),
    "malformed language tag": (LANGUAGE, "q x"),
    "language tag with a script": (LANGUAGE, "fr<script>"),
}


@pytest.mark.hostile
@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_every_reader_refuses_what_not_every_writer_can_write(
    case: str, fmt: str, tmp_path: Path
) -> None:
    marker, hostile = CASES[case]
    path = _written(fmt, tmp_path)
    if fmt in ("json", "json-ld") and not hostile[0].isdigit() and marker in (NUMBER, PERCENT):
        hostile = json.dumps(hostile)  # a JSON string where a number was: refused as a string
    _replace(path, marker, hostile)
    try:
        plan = opengov.load(path, format=fmt)
    except LoadError as exc:
        refused: LoadError | None = exc
    else:
        refused = None
    if refused is not None:
        assert refused.issues
        assert all(issue.path or refused.source for issue in refused.issues)
        return
    # A reader accepted it: then every writer must write it.
    for other in FORMATS:
        opengov.dump(plan, tmp_path / f"again-{other}{FORMATS[other]}", format=other)


@pytest.mark.hostile
@pytest.mark.parametrize("fmt", ["json", "turtle", "nt", "json-ld"])
def test_a_lone_surrogate_is_refused_with_its_place(fmt: str, tmp_path: Path) -> None:
    path = _written(fmt, tmp_path)
    escape = "\\ud800" if fmt in ("json", "json-ld") else "\\uD800"
    _replace(path, TITLE, f"Mar{escape}ker")
    with pytest.raises(LoadError) as caught:
        opengov.load(path, format=fmt)
    message = str(caught.value)
    assert "surrogate" in message or "D800" in message.upper()
    assert "Traceback" not in message


def test_the_limits_hold_for_a_plan_built_in_code() -> None:
    with pytest.raises(ValueError, match="not a language tag"):
        ActionPlan(id="x", country="FR", title="t", language="en US")
    with pytest.raises(ValueError, match="not a language tag"):
        ActionPlan(id="x", country="FR", title="t", languages=["fr", "français"])
    # By hand a phrase in other digits is read; its value is written in ASCII digits.
    period = ActionPlan(id="x", country="FR", title="t", period="２０１８").period
    assert period is not None
    assert period.iso() == "2018"
    assert period.phrase == "２０１８"


def test_the_largest_numbers_every_format_writes_round_trip(tmp_path: Path) -> None:
    for number in (2**63 - 1, -(2**63)):
        plan = _plan()
        plan.commitments[0].number = number
        for fmt, suffix in FORMATS.items():
            target = tmp_path / f"big-{fmt}{suffix}"
            opengov.dump(plan, target, format=fmt)
            assert opengov.load(target, format=fmt) == plan


@pytest.mark.hostile
def test_json_ld_refuses_a_key_given_twice(tmp_path: Path) -> None:
    path = _written("json-ld", tmp_path)
    text = path.read_text(encoding="utf-8")
    og = '"og": "https://w3id.org/opengov/ns#",'
    assert og in text
    path.write_text(text.replace(og, '"og": "https://example.org/evil#", ' + og, 1))
    with pytest.raises(LoadError, match="given 2 times"):
        opengov.load(path)


@pytest.mark.hostile
def test_a_lone_surrogate_in_a_dict_or_a_graph_is_refused_with_its_place() -> None:
    import rdflib

    from opengov.io import json as ogjson
    from opengov.io import rdf

    document = {"schema_version": "1.0", "kind": "action_plan", "id": "x", "country": "FR"}
    with pytest.raises(LoadError, match=r"\$\.title: text holds a lone surrogate \(U\+D800\)"):
        ogjson.from_dict({**document, "title": "Mar\ud800ker"})
    graph = rdf.to_graph(_plan())
    subject = rdflib.URIRef("https://w3id.org/opengov/id/x")
    title = rdflib.URIRef("http://purl.org/dc/terms/description")
    graph.add((subject, title, rdflib.Literal("a\udc00")))
    with pytest.raises(LoadError, match="lone surrogate"):
        rdf.from_graph(graph)

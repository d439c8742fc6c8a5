"""JSON: lossless round trips, a strict converter, and errors that name the path."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import opengov
from _hostile import (
    HUGE,
    NESTED,
    deep_evidence_json,
    expect_load_error,
    expect_load_error_or_plan,
    run_cli,
    write,
)
from opengov import LoadError
from opengov.io import _document as document
from opengov.io import json as ogjson
from opengov.model import ActionPlan, Commitment, Milestone
from opengov.testing import action_plans


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(action_plans())
def test_round_trip_is_lossless(plan: ActionPlan) -> None:
    text = opengov.dump(plan)
    assert isinstance(text, str)
    assert opengov.load(text) == plan
    assert ogjson.from_dict(json.loads(text)) == plan


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    plan = small_plan()
    target = tmp_path / "plan.json"
    assert opengov.dump(plan, target) is None
    assert opengov.load(target) == plan
    assert opengov.load(str(target)) == plan


def small_plan() -> ActionPlan:
    return ActionPlan(
        id="xx-2020-2022",
        country="XX",
        title="Plan",
        period="2020-2022",
        commitments=[
            Commitment(
                id="xx-2020-2022/c01",
                number=1,
                title="Open data",
                completion="Substantiel",
                milestones=[Milestone(id="xx-2020-2022/c01/m1", title="Portal", due="Q3 2021")],
            )
        ],
    )


def document_of(plan: ActionPlan) -> dict[str, Any]:
    return json.loads(opengov.dump(plan) or "")


def problems(data: Any) -> list[str]:
    with pytest.raises(LoadError) as caught:
        ogjson.from_dict(data)
    return [p.located for p in caught.value.issues]


def test_every_document_has_a_version_and_kind() -> None:
    data = document_of(small_plan())
    assert data["schema_version"] == document.SCHEMA_VERSION
    assert data["kind"] == "action_plan"


def test_dates_keep_their_phrase() -> None:
    data = document_of(small_plan())
    assert data["period"] == {"value": "2020/2022", "phrase": "2020-2022"}
    assert data["commitments"][0]["milestones"][0]["due"] == {
        "value": "2021-Q3",
        "phrase": "Q3 2021",
    }


def test_errors_name_the_json_path() -> None:
    data = document_of(small_plan())
    data["commitments"][0]["milestones"][0]["due"] = "2021-13-01"
    assert problems(data) == [
        "$.commitments[0].milestones[0].due: not a date: '2021-13-01' (month must be in 1..12)"
    ]


def test_every_problem_is_reported_at_once() -> None:
    data = document_of(small_plan())
    del data["title"]
    data["commitments"][0]["number"] = "1"
    data["commitments"][0]["completion"] = "Achevé"
    data["commitments"][0]["milestones"][0]["colour"] = "blue"
    found = problems(data)
    assert "$.title: required field missing" in found
    assert "$.commitments[0].number: expected a whole number, got text '1'" in found
    assert any(
        p.startswith("$.commitments[0].completion: 'Achevé' is not a completion code")
        for p in found
    )
    assert "$.commitments[0].milestones[0]: unknown field(s): colour" in found
    assert len(found) == 4
    with pytest.raises(LoadError) as caught:
        ogjson.from_dict(data)
    assert {p.path: p.code for p in caught.value.issues} == {
        "$.title": "missing-field",
        "$.commitments[0].number": "wrong-type",
        "$.commitments[0].completion": "bad-value",
        "$.commitments[0].milestones[0]": "unknown-field",
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("number", True, "expected a whole number, got boolean True"),
        ("number", 1.5, "expected a whole number, got number 1.5"),
        ("title", 7, "expected text, got number 7"),
        ("title", None, "expected text, got null"),
        ("objectives", "one", "expected a list, got text 'one'"),
        ("ogp_values", ["transparency"], "is not a ogp value code"),
        ("milestones", [{"id": "m"}], "required field missing"),
    ],
)
def test_no_silent_coercion(field: str, value: Any, message: str) -> None:
    data = document_of(small_plan())
    data["commitments"][0][field] = value
    assert any(message in p for p in problems(data)), problems(data)


def test_booleans_are_not_read_from_text() -> None:
    data = document_of(small_plan())
    data["commitments"][0]["milestones"][0]["added_after_adoption"] = "false"
    assert problems(data) == [
        "$.commitments[0].milestones[0].added_after_adoption: expected true or false, got text 'false'"
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("schema_version"), "$.schema_version: required field missing"),
        (lambda d: d.update(schema_version="9.9"), "$.schema_version: unsupported version '9.9'"),
        (
            lambda d: d.update(kind="budget"),
            "$.kind: expected one of action_plan, plan_collection, standard_set, got 'budget'",
        ),
    ],
)
def test_envelope_is_checked(change: Any, message: str) -> None:
    data = document_of(small_plan())
    change(data)
    assert any(p.startswith(message) for p in problems(data))


def test_not_an_object() -> None:
    assert problems([1, 2]) == ["$: a document must be a JSON object"]


def test_broken_json_names_line_and_column() -> None:
    with pytest.raises(LoadError, match=r"line 1, column 8: not valid JSON"):
        ogjson.loads('{"id": ')


def test_migrations_are_applied(monkeypatch: pytest.MonkeyPatch) -> None:
    def rename_name_to_title(body: dict[str, Any]) -> dict[str, Any]:
        body["title"] = body.pop("name")
        return body

    monkeypatch.setitem(document.MIGRATIONS, "0.9", ("1.0", rename_name_to_title))
    data = document_of(small_plan())
    data["schema_version"] = "0.9"
    data["name"] = data.pop("title")
    assert ogjson.from_dict(data) == small_plan()


def test_load_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": "1.0", "kind": "action_plan", "id": 3}', encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        opengov.load(bad)
    assert caught.value.source == str(bad)
    assert "$.id: expected text, got number 3" in str(caught.value)
    with pytest.raises(LoadError, match="no such file"):
        opengov.load(tmp_path / "missing.json")
    with pytest.raises(LoadError, match="cannot tell the format"):
        opengov.load(tmp_path / "plan.docx")


def test_dump_refuses_what_it_cannot_write(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="cannot write a Commitment"):
        opengov.dump(Commitment(id="c", number=1, title="t"))
    with pytest.raises(opengov.DumpError, match="cannot tell the format"):
        opengov.dump(small_plan(), tmp_path / "plan.txt")


def test_failed_dump_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.json"
    target.write_text("previous", encoding="utf-8")

    def explode(self: Path, *args: Any, **kwargs: Any) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(Path, "write_bytes", explode)
    with pytest.raises(OSError, match="disk full"):
        opengov.dump(small_plan(), target)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_personal_data_can_be_left_out() -> None:
    from opengov.model import Contact

    plan = small_plan()
    plan.commitments[0].contacts.append(
        Contact(id="xx-2020-2022/c01/contact1", name="Jeanne Dupont", email="jeanne@example.org")
    )
    with_contacts = opengov.dump(plan) or ""
    without = opengov.dump(plan, personal_data=False) or ""
    assert "jeanne@example.org" in with_contacts
    assert "jeanne@example.org" not in without
    assert "Jeanne Dupont" not in without
    assert plan.commitments[0].contacts, "the original plan is unchanged"


# --- what load() and loads() accept ---------------------------------------------------------


def test_a_document_dict_loads_as_its_json_would(france: ActionPlan) -> None:
    data = ogjson.to_dict(france)
    assert opengov.load(data) == france
    assert opengov.load(data, format="json") == france
    assert opengov.load(data) == opengov.load(json.dumps(data))
    broken = dict(data, title=3)
    with pytest.raises(LoadError, match=r"\$.title: expected text, got number 3"):
        opengov.load(broken)
    with pytest.raises(LoadError, match="kind"):
        opengov.load({"title": "a plan"})
    with pytest.raises(LoadError, match="a dict is read as a JSON document, not as turtle"):
        opengov.load(data, format="turtle")


@pytest.mark.parametrize("source", [b'{"kind": "action_plan"}', 42, None, ["plan.json"]])
def test_what_load_cannot_read_is_our_error(source: Any) -> None:
    with pytest.raises(LoadError, match=f"cannot read a value of type {type(source).__name__}"):
        opengov.load(source)


def test_loads_reads_text_in_each_text_format() -> None:
    plan = small_plan()
    for fmt in ("json", "turtle", "nt", "json-ld"):
        text = opengov.dump(plan, format=fmt)
        assert isinstance(text, str)
        assert opengov.loads(text, format=fmt) == plan, fmt
        assert opengov.loads(text.encode("utf-8"), format=fmt) == plan, fmt
    assert opengov.loads(opengov.dump(plan) or "") == plan  # json by default
    with pytest.raises(LoadError, match="the csv format is not text"):
        opengov.loads("key,value\n", format="csv")
    with pytest.raises(LoadError, match="expected text, got a int"):
        opengov.loads(3, format="turtle")  # type: ignore[arg-type]
    with pytest.raises(LoadError, match="byte 0: not UTF-8 text"):
        opengov.loads(b"\xff", format="turtle")
    with pytest.raises(LoadError, match="not valid turtle"):
        opengov.loads("this is not turtle", format="turtle")


def test_json_ld_text_starting_with_a_brace_is_read_as_json_ld_when_named(
    tmp_path: Path,
) -> None:
    plan = small_plan()
    target = tmp_path / "plan.data"
    target.write_text(opengov.dump(plan, format="json-ld") or "", encoding="utf-8")
    assert opengov.load(target, format="json-ld") == plan


def test_a_path_without_a_slash_is_a_csv_folder_when_named(tmp_path: Path) -> None:
    plan = small_plan()
    folder = tmp_path / "tables"  # a Path keeps no trailing slash
    with pytest.raises(opengov.DumpError, match="format= "):
        opengov.dump(plan, folder)
    opengov.dump(plan, folder, format="csv")
    assert (folder / "meta.csv").is_file()
    assert opengov.load(folder, format="csv") == plan
    assert opengov.load(folder) == plan  # an existing folder needs no name
    opengov.dump(plan, tmp_path / "plan.bin", format="csv-zip")
    assert opengov.load(tmp_path / "plan.bin", format="csv-zip") == plan


@pytest.mark.parametrize("name", ["yaml", "CSV", "zip ", ""])
def test_an_unknown_format_name_lists_the_known_ones(name: str, tmp_path: Path) -> None:
    known = "(known: json, csv, csv-zip, turtle, nt, json-ld)"
    plan = small_plan()
    for attempt in (
        lambda: opengov.load(tmp_path / "plan.json", format=name),
        lambda: opengov.load(ogjson.to_dict(plan), format=name),
        lambda: opengov.loads("{}", format=name),
        lambda: opengov.dump(plan, tmp_path / "plan.json", format=name),
        lambda: opengov.dump(plan, format=name),
    ):
        with pytest.raises(opengov.UnknownFormatError) as caught:
            attempt()
        assert str(caught.value) == f"unknown format {name!r} {known}"
        assert caught.value.known == ["json", "csv", "csv-zip", "turtle", "nt", "json-ld"]
    assert list(tmp_path.iterdir()) == []


def test_evidence_nested_too_deeply_is_refused_in_a_collection() -> None:
    """The nesting limit follows every way to evidence, inside each plan of a collection too."""
    item: dict[str, Any] = {"text": "leaf"}
    for level in range(40):
        item = {"text": f"level {level}", "items": [item]}
    document = ogjson.to_dict(opengov.datasets.load("fr-2018-2020"))
    document["participation"][0]["evidence"] = [item]
    body = {k: v for k, v in document.items() if k not in ("schema_version", "kind")}
    collection = {"schema_version": "1.0", "kind": "plan_collection", "id": "all", "plans": [body]}
    with pytest.raises(LoadError) as raised:
        opengov.load(collection)
    (problem,) = raised.value.issues
    assert problem.path.startswith("$.plans[0].participation[0].evidence[0].items[0].items")
    assert problem.message == "evidence nested more than 32 levels deep"


# --- hostile input -----------------------------------------------------------------------------


@pytest.mark.hostile
@pytest.mark.parametrize("kind", ["lists", "objects"])
def test_deeply_nested_json(kind: str, tmp_path: Path) -> None:
    if kind == "lists":
        text = "[" * NESTED + "]" * NESTED
    else:
        text = '{"a": ' * NESTED + "1" + "}" * NESTED
    path = write(tmp_path / "nested.json", text)
    expect_load_error(lambda: opengov.load(path))
    expect_load_error(lambda: ogjson.loads(text), has_source=False)
    expect_load_error(lambda: ogjson.loads(text.encode()), has_source=False)
    jsonld = write(tmp_path / "nested.jsonld", text)
    expect_load_error(lambda: opengov.load(jsonld))


@pytest.mark.hostile
def test_deeply_nested_json_text_given_to_load() -> None:
    """``opengov.load`` takes JSON text as well as paths: hostile text is a LoadError too."""
    expect_load_error(
        lambda: opengov.load('{"a": ' * NESTED + "1" + "}" * NESTED), has_source=False
    )


@pytest.mark.hostile
@pytest.mark.parametrize("text", ["[" * NESTED + "]" * NESTED, " \n[]", "x" * 5000])
def test_text_that_is_neither_a_path_nor_an_object(text: str) -> None:
    """Not an object and not an existing file: a LoadError, not an OSError (name too long)."""
    with pytest.raises(LoadError):
        opengov.load(text)


@pytest.mark.hostile
@pytest.mark.parametrize("depth", [100, 300, 1_000, 50_000])
def test_deeply_nested_evidence_json(
    depth: int, tmp_path: Path, france_text: Callable[[str], str]
) -> None:
    path = write(tmp_path / "plan.json", deep_evidence_json(france_text("json"), depth))
    result = expect_load_error_or_plan(lambda: opengov.load(path))
    if depth >= 1_000:
        assert isinstance(result, LoadError)


@pytest.mark.hostile
@pytest.mark.parametrize("number", ["1e400", "-1e400", HUGE, "1" + "0" * 400, "1.5", "true"])
def test_huge_numbers_json(number: str, france_text: Callable[[str], str]) -> None:
    text = france_text("json").replace('"number": 1,', f'"number": {number},', 1)
    assert text != france_text("json")
    expect_load_error(lambda: ogjson.loads(text), has_source=False)


@pytest.mark.hostile
def test_json_kind_of_the_wrong_type(france_text: Callable[[str], str]) -> None:
    for kind in ({}, [], ["action_plan"], 1, None):
        document = json.loads(france_text("json"))
        document["kind"] = kind
        expect_load_error(lambda document=document: ogjson.from_dict(document), has_source=False)
        text = json.dumps(document)
        expect_load_error(lambda text=text: ogjson.loads(text), has_source=False)


@pytest.mark.hostile
def test_unknown_field_names_stay_on_one_line(france_text: Callable[[str], str]) -> None:
    document = json.loads(france_text("json"))
    document["commitments"][0]["line one\nline two"] = 1
    expect_load_error(lambda: ogjson.loads(json.dumps(document)), has_source=False)


# --- duplicate keys ------------------------------------------------------------------------------


def _json_with(node: Any, repeat: Callable[[int], tuple[str, str] | None]) -> str:
    """``node`` as JSON text, with a member repeated where ``repeat`` says: it is given each
    object's number in document order and returns the key to repeat and the JSON of the value
    it is given first (the original value comes last), or None."""
    count = 0

    def write(value: Any) -> str:
        nonlocal count
        if isinstance(value, dict):
            number = count
            count += 1
            members = [f"{json.dumps(k)}: {write(v)}" for k, v in value.items()]
            repeated = repeat(number)
            if repeated is not None and repeated[0] in value:
                key, first = repeated
                at = list(value).index(key)
                members.insert(at, f"{json.dumps(key)}: {first}")
            return "{" + ", ".join(members) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(write(v) for v in value) + "]"
        return json.dumps(value, ensure_ascii=False)

    return write(node)


@pytest.mark.hostile
def test_a_duplicate_key_is_refused(france_text: Callable[[str], str], tmp_path: Path) -> None:
    document = json.loads(france_text("json"))
    text = _json_with(document, lambda n: ("id", '"evil"') if n == 0 else None)
    assert json.loads(text)["id"] == "fr-2018-2020", "the last one would win"
    error = expect_load_error(lambda: ogjson.loads(text), has_source=False)
    assert [(i.path, i.code) for i in error.issues] == [("$.id", "duplicate-key")]
    assert "'id' is given 2 times" in str(error)
    path = write(tmp_path / "plan.json", text)
    assert expect_load_error(lambda: opengov.load(path)).issues[0].path == "$.id"
    code, err = run_cli(["validate", str(path)])
    assert code == 2 and "$.id: the key 'id' is given 2 times" in err


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("first", "escaped"),
    [
        ('"a:b:c"', False),  # colons in the lost value
        ('"x"', True),  # the key written with an escape: "i\u0064"
        ('"\\u003a"', False),  # an escaped colon, which the colon count cannot see
        ('{"k:": ":", "id": 1}', False),  # an object, colons in its key and value
    ],
)
def test_every_duplicate_is_found_and_named(
    first: str, escaped: bool, france_text: Callable[[str], str]
) -> None:
    document = json.loads(france_text("json"))
    with_id = [n for n, obj in enumerate(_objects(document)) if "id" in obj]
    chosen = set(with_id[:: max(1, len(with_id) // 5)])
    assert len(chosen) >= 5

    def repeat(number: int) -> tuple[str, str] | None:
        return ("id", first) if number in chosen else None

    text = _json_with(document, repeat)
    if escaped:
        text = text.replace('"id": "x"', '"i\\u0064": "x"')
    error = expect_load_error(lambda: ogjson.loads(text), has_source=False)
    paths = [i.path for i in error.issues]
    assert len(set(paths)) == len(chosen), paths
    assert all(i.code == "duplicate-key" and i.path.endswith(".id") for i in error.issues)
    assert paths[0] == "$.id"


def _objects(value: Any) -> list[dict[str, Any]]:
    """Every object of a JSON document, in document order."""
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        found.append(value)
        for v in value.values():
            found += _objects(v)
    elif isinstance(value, list):
        for v in value:
            found += _objects(v)
    return found


@pytest.mark.hostile
def test_documents_without_duplicates_still_load(france_text: Callable[[str], str]) -> None:
    """Colons in text, keys and escapes are no duplicates: the France plan (URLs, times) loads,
    written compactly, indented, with every character escaped, and with escaped colons."""
    plan = ogjson.loads(france_text("json"))
    document = json.loads(france_text("json"))
    for text in (
        json.dumps(document),
        json.dumps(document, indent=4),
        json.dumps(document, ensure_ascii=True).replace(":", "\\u003a").replace('"\\u003a ', '": '),
    ):
        assert ogjson.loads(text) == plan

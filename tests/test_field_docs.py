"""Every class and field of the model has English and French labels and a meaning, and nothing
more."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import attrs
import pytest

import opengov.model
from opengov.errors import LoadError
from opengov.model import Milestone, describe
from opengov.model.describe import FieldDoc, class_doc, field_doc, field_docs, parse_field_docs


def model_classes() -> list[type]:
    """Every attrs class defined in a module of ``opengov.model`` (but the description's own
    records, ``FieldInfo`` and ``ClassInfo``)."""
    found: list[type] = []
    for info in pkgutil.walk_packages(opengov.model.__path__, "opengov.model."):
        if info.name == "opengov.model.describe":
            continue
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if inspect.isclass(obj) and obj.__module__ == module.__name__ and attrs.has(obj):
                found.append(obj)
    return found


def model_fields() -> list[str]:
    """``Class.field`` for every field of the model (private caches such as ``_text`` aside)."""
    return [
        f"{cls.__name__}.{field.name}"
        for cls in model_classes()
        for field in attrs.fields(cls)
        if not field.name.startswith("_")
    ]


def test_the_walk_finds_the_whole_model() -> None:
    names = {cls.__name__ for cls in model_classes()}
    assert {"ActionPlan", "Commitment", "Milestone", "IRMAssessment", "DateSpan"} <= names
    assert len(names) == len(model_classes()), "class names must be unique to key the file"
    assert len(model_fields()) > 150
    assert describe.model_classes() == model_classes()


def model_class_names() -> list[str]:
    return [cls.__name__ for cls in model_classes()]


@pytest.mark.parametrize("key", model_class_names() + model_fields())
def test_every_class_and_field_has_labels_and_a_meaning(key: str) -> None:
    entry = field_docs().get(key)
    assert entry is not None, f"{key} has no entry in opengov/model/data/fields.toml"
    assert entry.en.strip() and entry.fr.strip() and entry.doc.strip()
    assert "\n" not in entry.doc, f"{key}: the meaning must be one line"
    assert entry.doc[0].isupper() and entry.doc.endswith("."), f"{key}: a sentence"


def test_no_stale_entries() -> None:
    assert sorted(set(field_docs()) - set(model_fields()) - set(model_class_names())) == []


def test_field_doc_answers_by_class_and_name() -> None:
    due = field_doc(Milestone, "due")
    assert due == FieldDoc(en="due date", fr="échéance", doc=due.doc)
    assert "due" in due.doc
    with pytest.raises(KeyError, match=r"Milestone\.nope"):
        field_doc(Milestone, "nope")


def test_class_doc_answers_by_class() -> None:
    entry = class_doc(Milestone)
    assert (entry.en, entry.fr) == ("milestone", "jalon")
    assert describe.describe(Milestone).labels == entry
    with pytest.raises(KeyError, match=r"FieldDoc has no entry"):
        class_doc(FieldDoc)


def test_a_class_entry_sits_beside_its_field_entries() -> None:
    text = (
        '[Milestone]\nen = "milestone"\nfr = "jalon"\ndoc = "A step."\n\n'
        '[Milestone.due]\nen = "due date"\nfr = "échéance"\ndoc = "When."\n'
    )
    entries = parse_field_docs(text, source="fields.toml")
    assert entries["Milestone"] == FieldDoc("milestone", "jalon", "A step.")
    assert entries["Milestone.due"] == FieldDoc("due date", "échéance", "When.")
    with pytest.raises(LoadError, match=r"\[Milestone\]: doc must be a non-empty text"):
        parse_field_docs('[Milestone]\nen = "milestone"\nfr = "jalon"\n', source="fields.toml")


def test_a_subclass_without_entries_takes_its_bases_labels() -> None:
    @attrs.frozen
    class Reviewed(Milestone):
        reviewer: str | None = None

    info = describe.describe(Reviewed)
    assert info.labels == class_doc(Milestone)
    assert info.field("due").labels == field_doc(Milestone, "due")
    assert info.field("reviewer").labels == FieldDoc("reviewer", "reviewer", "")


def test_a_malformed_file_names_the_entry_at_fault() -> None:
    text = '[Milestone.due]\nen = "due date"\nfr = ""\ndoc = "When."\ncolour = "red"\n'
    with pytest.raises(LoadError) as info:
        parse_field_docs(text, source="fields.toml")
    message = str(info.value)
    assert message.startswith("fields.toml: 2 problems")
    assert "[Milestone.due]: fr must be a non-empty text" in message
    assert "[Milestone.due]: unknown key(s) colour" in message


def test_a_file_that_is_not_toml_names_the_line() -> None:
    with pytest.raises(LoadError, match=r"fields\.toml: .*line 2"):
        parse_field_docs('[Milestone.due]\nen = "due date\n', source="fields.toml")

"""Every date and vocabulary field of the model reads what documents say when built by hand."""

from __future__ import annotations

import types
from typing import Any

import attrs
import pytest

from opengov import DateParseError, VocabularyError
from opengov import model as model_module
from opengov.model import Commitment, DateSpan, Milestone, Vocabulary, parse_date


def _fields_of_kind(kind: type) -> list[tuple[str, attrs.Attribute[Any], type, bool]]:
    """(class.field, field, kind, optional) for every field typed ``kind`` or ``kind | None``."""
    found = []
    for name in model_module.__all__:
        cls = getattr(model_module, name)
        if not (isinstance(cls, type) and attrs.has(cls)):
            continue
        for field in attrs.fields(attrs.resolve_types(cls)):
            members = (
                field.type.__args__ if isinstance(field.type, types.UnionType) else (field.type,)
            )
            optional = type(None) in members
            rest = [m for m in members if m is not type(None)]
            if len(rest) == 1 and isinstance(rest[0], type) and issubclass(rest[0], kind):
                found.append((f"{name}.{field.name}", field, rest[0], optional))
    return found


VOCABULARY_FIELDS = _fields_of_kind(Vocabulary)
DATE_FIELDS = _fields_of_kind(DateSpan)


def test_the_model_has_such_fields() -> None:
    names = {name for name, *_ in VOCABULARY_FIELDS}
    assert {"Milestone.status", "Commitment.completion", "ActionPlan.overall_conformity"} <= names
    assert {"IRMAssessment.specificity", "Requirement.level", "InfluenceAssessment.level"} <= names
    assert {"ActionPlan.period", "Milestone.due", "Report.date"} <= {n for n, *_ in DATE_FIELDS}


@pytest.mark.parametrize(
    ("name", "field", "vocabulary", "optional"),
    [pytest.param(*f, id=f[0]) for f in VOCABULARY_FIELDS],
)
def test_vocabulary_fields_parse_labels(
    name: str, field: attrs.Attribute[Any], vocabulary: type[Vocabulary], optional: bool
) -> None:
    convert = field.converter
    assert callable(convert), f"{name} has no converter"
    for member in vocabulary:
        assert convert(member) is member
        assert convert(member.label_fr.upper()) is member
        assert convert(member.label_en) is member
    with pytest.raises(VocabularyError, match=vocabulary.vocabulary_name()):
        convert("not a label of any vocabulary")
    if optional:
        assert convert(None) is None
    else:
        with pytest.raises(VocabularyError):
            convert(None)


@pytest.mark.parametrize(
    ("name", "field", "kind", "optional"), [pytest.param(*f, id=f[0]) for f in DATE_FIELDS]
)
def test_date_fields_parse_phrases(
    name: str, field: attrs.Attribute[Any], kind: type, optional: bool
) -> None:
    convert = field.converter
    assert callable(convert), f"{name} has no converter"
    assert optional
    assert convert(None) is None
    span = parse_date("fin 2022")
    assert convert(span) is span
    assert convert("fin 2022") == span
    assert convert("2021-Q1/2021-Q2") == DateSpan.from_iso("2021-Q1/2021-Q2")
    with pytest.raises(DateParseError):
        convert("03/02/2021")  # day and month order is not written


def test_hand_built_objects_convert_on_construction_and_assignment() -> None:
    milestone = Milestone(id="m", title="t", due="Q3 2025", status="Achevé")
    assert milestone.due == parse_date("Q3 2025")
    assert milestone.status is model_module.MilestoneStatus.DONE
    commitment = Commitment(id="c", number=1, title="t")
    commitment.completion = "Substantiel"  # type: ignore[assignment]  # parsed at run time too
    assert commitment.completion is model_module.Completion.SUBSTANTIAL

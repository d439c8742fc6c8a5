"""Every vocabulary label that appears in the seed report parses to the right member."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov import VocabularyError
from opengov.model import (
    Completion,
    Conformity,
    MilestoneStatus,
    PublicInfluence,
    Vocabulary,
    read_verdict,
)
from opengov.model import vocabularies as vocab_module

# (label exactly as written in the seed report, expected member)
SEED_LABELS = [
    # completion scale of the per-commitment tables, including the misspelling "Achévé"
    ("Pas commencé", Completion.NOT_STARTED),
    ("Limité", Completion.LIMITED),
    ("Substantiel", Completion.SUBSTANTIAL),
    ("Achevé", Completion.COMPLETE),
    ("Achévé", Completion.COMPLETE),
    ("Non réalisé", Completion.NOT_STARTED),  # the synthesis table's first column
    # milestone status phrases
    ("réalisé", MilestoneStatus.DONE),
    ("Réalisé", MilestoneStatus.DONE),
    ("réalisé, actions au fil de l'eau", MilestoneStatus.DONE_ONGOING),
    ("partiellement réalisé", MilestoneStatus.PARTIALLY_DONE),
    ("en cours", MilestoneStatus.IN_PROGRESS),
    ("non réalisé", MilestoneStatus.NOT_DONE),
    ("mis en suspens", MilestoneStatus.SUSPENDED),
    # conformity verdicts
    ("CONFORMITÉ TOTALE.", Conformity.FULL),
    ("CONFORMITÉ TOTALE", Conformity.FULL),
    ("CONFORMITÉ PARTIELLE", Conformity.PARTIAL),
    ("conformité partielle", Conformity.PARTIAL),
    # public influence scale
    ("Aucune consultation", PublicInfluence.NO_CONSULTATION),
    ("Information", PublicInfluence.INFORM),
    ("Consultation", PublicInfluence.CONSULT),
    ("Implication", PublicInfluence.INVOLVE),
    ("Collaboration", PublicInfluence.COLLABORATE),
    ("Moyens donnés aux citoyens", PublicInfluence.EMPOWER),
]


@pytest.mark.parametrize(("label", "member"), SEED_LABELS)
def test_seed_label_parses(label: str, member: Vocabulary, seed_text: str) -> None:
    assert label in seed_text, f"{label!r} should be quoted from the seed report"
    assert type(member).parse(label) is member


def test_verdict_with_an_alternative_keeps_both(seed_text: str) -> None:
    phrase = "CONFORMITÉ LIMITÉE (ou non applicable)"
    assert phrase in seed_text
    # Two verdicts are not one label: the vocabulary refuses, read_verdict keeps both.
    with pytest.raises(VocabularyError):
        Conformity.parse(phrase)
    assert read_verdict(phrase) == (Conformity.LIMITED, Conformity.NOT_APPLICABLE)
    assert read_verdict("Partial conformity (or not applicable).") == (
        Conformity.PARTIAL,
        Conformity.NOT_APPLICABLE,
    )
    assert read_verdict("CONFORMITÉ TOTALE.") == (Conformity.FULL, None)
    with pytest.raises(VocabularyError):
        read_verdict("CONFORMITÉ LIMITÉE (ou bientôt)")


def test_status_phrase_not_in_seed_text_still_parses() -> None:
    # "non traité à ce stade" is named by the domain notes; the report's text renders it so.
    assert MilestoneStatus.parse("Non traité à ce stade") is MilestoneStatus.NOT_ADDRESSED


@pytest.mark.parametrize(
    ("label", "member"),
    [
        ("  ACHEVE ", Completion.COMPLETE),
        ("substantial", Completion.SUBSTANTIAL),
        ("Not Started", Completion.NOT_STARTED),
        ("ND", Completion.NO_DATA),
        ("NR", Completion.NOT_REVIEWED),
        ("n/a", Completion.NOT_APPLICABLE),
        ("réalisé, actions au fil de l’eau", MilestoneStatus.DONE_ONGOING),
    ],
)
def test_lenient_variants(label: str, member: Vocabulary) -> None:
    assert type(member).parse(label) is member


@pytest.mark.parametrize("label", ["", "Terminé", "75%", "achevé à moitié", "conformité"])
def test_unknown_labels_are_refused(label: str) -> None:
    with pytest.raises(VocabularyError) as caught:
        Completion.parse(label)
    assert repr(label) in str(caught.value)
    assert "expected one of" in str(caught.value)


def test_non_text_is_refused() -> None:
    with pytest.raises(VocabularyError):
        Completion.parse(4)
    with pytest.raises(ValueError, match="not a known"):
        Completion.parse(None)


def test_ogp_codes() -> None:
    assert [Completion.from_ogp_code(c) for c in range(6)] == [
        Completion.WITHDRAWN,
        Completion.UNCLEAR,
        Completion.NOT_STARTED,
        Completion.LIMITED,
        Completion.SUBSTANTIAL,
        Completion.COMPLETE,
    ]
    with pytest.raises(VocabularyError):
        Completion.from_ogp_code(9)
    assert Completion.UNKNOWN.ogp_code is None
    assert not Completion.UNKNOWN.is_known
    assert Completion.LIMITED.is_known


def test_public_influence_is_ordered() -> None:
    levels = list(PublicInfluence)
    shuffled = [levels[i] for i in (3, 0, 5, 1, 4, 2)]
    assert sorted(shuffled) == levels
    assert PublicInfluence.INVOLVE >= PublicInfluence.INVOLVE
    assert PublicInfluence.INVOLVE > PublicInfluence.CONSULT
    assert PublicInfluence.INFORM < PublicInfluence.CONSULT <= PublicInfluence.CONSULT
    assert [level.rank for level in levels] == list(range(6))


ALL_VOCABULARIES = [
    obj
    for obj in vars(vocab_module).values()
    if isinstance(obj, type) and issubclass(obj, Vocabulary) and obj is not Vocabulary
]


@pytest.mark.parametrize("vocabulary", ALL_VOCABULARIES, ids=lambda v: v.__name__)
def test_every_label_round_trips(vocabulary: type[Vocabulary]) -> None:
    for member in vocabulary:
        assert vocabulary.parse(member.value) is member
        assert vocabulary.parse(member.label_en) is member
        assert vocabulary.parse(member.label_fr) is member
        assert vocabulary.parse(member.label_en.upper()) is member
        assert member.label("fr") == member.label_fr
        assert member.label("en") == member.label_en
        for alias in member.aliases:
            assert vocabulary.parse(alias) is member


@given(st.text(max_size=30))
def test_parse_either_succeeds_or_raises_our_error(text: str) -> None:
    try:
        member = Completion.parse(text)
    except VocabularyError:
        return
    assert isinstance(member, Completion)


def test_missing_data_states_are_typed() -> None:
    from opengov.model import Conformity, Finding, Flag, Missing, PotentialImpact

    assert Flag.NO_DATA.missing is Missing.NO_DATA
    assert PotentialImpact.NOT_REVIEWED.missing is Missing.NOT_REVIEWED
    assert Completion.NOT_APPLICABLE.missing is Missing.NOT_APPLICABLE
    assert Completion.parse("N/A") is Completion.NOT_APPLICABLE
    assert Flag.YES.missing is None
    # "Not applicable" is a verdict or a finding of its own there, not missing data.
    assert Conformity.NOT_APPLICABLE.missing is None
    assert Finding.NOT_APPLICABLE.missing is None
    assert not Completion.UNKNOWN.is_known and not Completion.NO_DATA.is_known
    assert Completion.WITHDRAWN.is_known


def test_ordered_scales_rank_their_real_levels_in_order() -> None:
    from opengov.model import (
        DidItOpenGovernment,
        EarlyResults,
        PotentialForResults,
        PotentialImpact,
        PublicInfluence,
        Specificity,
    )

    for scale in (
        Completion,
        Specificity,
        PotentialImpact,
        PotentialForResults,
        DidItOpenGovernment,
        EarlyResults,
        PublicInfluence,
    ):
        ranks = [m.rank for m in scale if m.rank is not None]
        assert ranks == sorted(ranks), scale
        assert all(m.rank is None for m in scale if m.missing is not None), scale
    assert PublicInfluence.INVOLVE > PublicInfluence.CONSULT
    assert Completion.UNKNOWN.rank is None


def test_spanish_labels_fall_back_to_english() -> None:
    from opengov.model import Flag

    assert Flag.NO_DATA.label("es") == "Sin datos"
    assert Completion.COMPLETE.label("es") == "Complete"


def test_rank_of_refuses_a_member_off_the_scale() -> None:
    from opengov.model.vocab import rank_of

    assert rank_of(Completion.SUBSTANTIAL) == 4
    with pytest.raises(ValueError, match="no rank"):
        rank_of(Completion.NO_DATA)

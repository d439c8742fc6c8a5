"""Text in several languages: translations in every format, language tags in RDF."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib import DCTERMS, Literal, URIRef

import opengov
from opengov.io.rdf import to_graph
from opengov.io.rdf.ontology import shapes_graph
from opengov.model import (
    ActionPlan,
    Commitment,
    Milestone,
    PlanCollection,
    TextOrigin,
    Translation,
    text_in,
)

COMMITMENT = URIRef("https://w3id.org/opengov/id/co/c1")


def bilingual() -> ActionPlan:
    """A Spanish plan with English and French text beside its own."""
    return ActionPlan(
        id="co",
        country="CO",
        title="Plan de Acción de Estado Abierto",
        language="es",
        languages=["es", "en", "fr"],
        translations=[Translation(field="title", language="en", text="Open State Action Plan")],
        commitments=[
            Commitment(
                id="co/c1",
                number=1,
                title="Transparencia en la contratación",
                description="Publicar los contratos.",
                translations=[
                    Translation(
                        field="title",
                        language="en",
                        text="Transparency in contracting",
                        origin=TextOrigin.ORIGINAL,
                    ),
                    Translation(
                        field="title",
                        language="fr",
                        text="Transparence dans les marchés",
                        origin="machine_translation",
                    ),
                ],
                milestones=[
                    Milestone(
                        id="co/c1/m1",
                        title="Publicar",
                        translations=[Translation(field="title", language="en", text="Publish")],
                    )
                ],
            )
        ],
    )


@pytest.mark.parametrize(
    "name", ["plan.json", "plan-tables", "plan.zip", "plan.ttl", "plan.nt", "plan.jsonld"]
)
def test_translations_round_trip(name: str, tmp_path: Path) -> None:
    plan = bilingual()
    target = tmp_path / name
    opengov.dump(plan, target, format="csv" if name == "plan-tables" else None)
    assert opengov.load(target, format="csv" if name == "plan-tables" else None) == plan


def test_json_stays_compact_for_one_language() -> None:
    plan = ActionPlan(id="p", country="FR", title="Plan", language="fr")
    assert "translations" not in opengov.dump(plan, format="json")


def test_rdf_tags_each_literal_with_its_language() -> None:
    graph = to_graph(bilingual())
    titles = set(graph.objects(COMMITMENT, DCTERMS.title))
    assert titles == {
        Literal("Transparencia en la contratación", lang="es"),
        Literal("Transparency in contracting", lang="en"),
        Literal("Transparence dans les marchés", lang="fr"),
    }
    assert set(graph.objects(COMMITMENT, DCTERMS.description)) == {
        Literal("Publicar los contratos.", lang="es")
    }
    untagged_or_english_spanish = [
        o
        for o in graph.objects()
        if isinstance(o, Literal)
        and str(o) == "Transparencia en la contratación"
        and o.language != "es"
    ]
    assert untagged_or_english_spanish == []


def test_each_plan_of_a_collection_tags_its_own_text() -> None:
    french = ActionPlan(id="fr", country="FR", title="Plan d'action", language="fr")
    english = ActionPlan(id="gb", country="GB", title="Action plan", language="en")
    collection = PlanCollection(id="all", plans=[french, english])
    graph = to_graph(collection)
    base = "https://w3id.org/opengov/id/"
    assert set(graph.objects(URIRef(base + "fr"), DCTERMS.title)) == {
        Literal("Plan d'action", lang="fr")
    }
    assert set(graph.objects(URIRef(base + "gb"), DCTERMS.title)) == {
        Literal("Action plan", lang="en")
    }
    assert opengov.loads(opengov.dump(collection, format="turtle"), format="turtle") == collection


def test_a_literal_in_another_language_from_another_tool_is_kept_as_a_translation() -> None:
    graph = to_graph(bilingual())
    graph.add((COMMITMENT, DCTERMS.title, Literal("Transparência", lang="pt")))
    plan = opengov.loads(graph.serialize(format="turtle"), format="turtle")
    kept = [t for t in plan.commitments[0].translations if t.language == "pt"]
    assert kept == [
        Translation(field="title", language="pt", text="Transparência", origin=TextOrigin.UNKNOWN)
    ]


def test_shapes_take_one_literal_a_language() -> None:
    graph = to_graph(bilingual())
    conforms, _, _ = pyshacl.validate(graph, shacl_graph=shapes_graph())
    assert conforms
    graph.add((COMMITMENT, DCTERMS.title, Literal("Otro título", lang="es")))
    conforms, _, report = pyshacl.validate(graph, shacl_graph=shapes_graph())
    assert not conforms and "uniqueLang" in report.replace("UniqueLang", "uniqueLang")


def test_text_in_falls_back_visibly() -> None:
    commitment = bilingual().commitments[0]
    assert text_in(commitment, "title", "fr", default_language="es") == (
        "Transparence dans les marchés",
        "fr",
    )
    assert text_in(commitment, "description", "en", default_language="es") == (
        "Publicar los contratos.",
        "es",
    )
    assert text_in(commitment, "title", "es", default_language="es") == (
        "Transparencia en la contratación",
        "es",
    )


def test_rdflib_reads_the_tags() -> None:
    graph = rdflib.Graph().parse(data=opengov.dump(bilingual(), format="turtle"), format="turtle")
    languages = {o.language for o in graph.objects(COMMITMENT, DCTERMS.title)}
    assert languages == {"es", "en", "fr"}


def test_validation_flags_a_translation_that_fits_nowhere() -> None:
    plan = bilingual()
    assert opengov.validate(plan) == []
    plan.commitments[0].translations += [
        Translation(field="ogp_id", language="en", text="CO0001"),
        Translation(field="title", language="es", text="Otro"),
        Translation(field="title", language="fr", text="Encore"),
    ]
    found = [(i.path, i.code) for i in opengov.validate(plan)]
    assert found == [
        ("$.commitments[0].translations[2]", "translation"),
        ("$.commitments[0].translations[3]", "translation"),
        ("$.commitments[0].translations[4]", "translation"),
    ]


def test_a_commitment_in_another_language_tags_its_text_with_it() -> None:
    plan = bilingual()
    plan.commitments.append(
        Commitment(
            id="co/c2",
            number=2,
            language="en",
            title="Environmental Information System",
            milestones=[Milestone(id="co/c2/m1", title="Publish the metamodel")],
        )
    )
    graph = to_graph(plan)
    base = "https://w3id.org/opengov/id/"
    assert set(graph.objects(URIRef(base + "co/c2"), DCTERMS.title)) == {
        Literal("Environmental Information System", lang="en")
    }
    assert set(graph.objects(URIRef(base + "co/c2/m1"), DCTERMS.title)) == {
        Literal("Publish the metamodel", lang="en")
    }
    assert opengov.loads(opengov.dump(plan, format="turtle"), format="turtle") == plan
    plan.commitments[1].translations.append(Translation(field="title", language="en", text="x"))
    assert [i.code for i in opengov.validate(plan)] == ["translation"]


def test_reports_pick_the_language_asked_for_and_say_when_they_fall_back() -> None:
    from opengov.reporting.documents import html_report, markdown_report
    from opengov.reporting.text import text_report

    plan = bilingual()
    english = markdown_report(plan, lang="en")
    assert "# Open State Action Plan\n" in english  # the plan's English title
    assert "| Transparency in contracting |" in english  # an original English title
    french = markdown_report(plan, lang="fr")
    assert "Transparence dans les marchés" in french
    assert "# Plan de Acción de Estado Abierto [es]" in french  # no French title: said so
    assert "Plan de Acción de Estado Abierto [es]" in text_report(plan, lang="fr")
    page = html_report(plan, lang="fr")
    assert '<span lang="es">Plan de Acción de Estado Abierto</span>' in page
    assert '<span lang="fr">Transparence dans les marchés</span>' in page
    spanish = markdown_report(plan)
    assert "[es]" not in spanish and "[en]" not in spanish

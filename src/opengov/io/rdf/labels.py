"""English and French labels, and English comments, of the ``og:`` vocabulary.

``https://w3id.org/opengov/ns#`` is the library's own small vocabulary: the classes of the model
(action plans, commitments, milestones, IRM assessments, participation standards, ...) and the
properties that carry their fields where no standard vocabulary (DCTERMS, SKOS, vCard, schema.org)
fits. Each entry maps a local name to ``(English label, French label, English comment)``, for
``rdfs:label`` (``@en`` and ``@fr``) and ``rdfs:comment`` (``@en``) in the published ontology.

Labels are lower-case except proper nouns and acronyms; the French follows the wording of OGP's
French documents (PGO, MEI, engagement, jalon, administrations porteuses, normes de participation
et de co-création, influence citoyenne). Controlled values are SKOS concepts of the ``ogv:``
schemes (``https://w3id.org/opengov/vocab#``); dates are ``og:dateSpan`` literals, each written
with three companions (``<P>Phrase``, ``<P>Earliest``, ``<P>Latest``) listed here as well.
Plain data, no imports: safe to read without rdflib.
"""

from __future__ import annotations

__all__ = ["CLASS_LABELS", "PROPERTY_LABELS"]

#: Labels of the vocabulary's classes: local name -> (English label, French label,
#: English comment).
CLASS_LABELS: dict[str, tuple[str, str, str]] = {
    "ExtraField": (
        "extra field",
        "champ supplémentaire",
        "A value from a source that has no property of its own in this vocabulary, kept verbatim "
        "with the source's name for it (for example a column of OGP's commitment export).",
    ),
    "PlanCollection": (
        "plan collection",
        "collection de plans",
        "Several action plans published together in one document, such as OGP's commitment export.",
    ),
    "ActionPlan": (
        "action plan",
        "plan d'action",
        "An OGP action plan of a member, national or local: its commitments, the organisations "
        "behind them, and the assessments, reports and recommendations about it.",
    ),
    "StatedFigure": (
        "stated figure",
        "chiffre énoncé",
        'A figure exactly as a document states it (e.g. "76%"), with what it measures; kept as '
        "text, never recomputed.",
    ),
    "Organisation": (
        "organisation",
        "organisation",
        "A public body or other organisation named by an action plan. A hierarchy chain written "
        'as one name ("Ministère …, Direction …, Etalab") is one organisation.',
    ),
    "Commitment": (
        "commitment",
        "engagement",
        "A commitment of an action plan: what the government undertakes to do, with its "
        "milestones, lead organisations, completion level and IRM assessment.",
    ),
    "StandardAssessment": (
        "assessment against a standard",
        "évaluation au regard d'une norme",
        "A member's assessment against one participation and co-creation standard (or 2017 axis) "
        "for a phase of the OGP cycle: evidence, per-requirement findings, the conformity verdict "
        "and the actions to undertake.",
    ),
    "InfluenceAssessment": (
        "public influence assessment",
        "évaluation de l'influence citoyenne",
        "The level of public influence (the IAP2 spectrum plus no consultation) reached during a "
        "phase of the OGP cycle.",
    ),
    "Report": (
        "report",
        "rapport",
        "A report on an action plan: an IRM product (design, progress, end-of-term, action plan "
        "review, results report) or the government's self-assessment.",
    ),
    "KeyRecommendation": (
        "key recommendation",
        "recommandation clé",
        "One of the numbered key recommendations of an IRM report on an action plan.",
    ),
    "Response": (
        "response",
        "réponse",
        "An action or news item that echoes one or more of the IRM's key recommendations (e.g. "
        '"Echo aux recommandations 3 et 5 du MEI").',
    ),
    "PlannedAction": (
        "planned action",
        "action prévue",
        "A step planned for the next action plan, with its often partial date and the key "
        "recommendations it follows up.",
    ),
    "Consultation": (
        "consultation",
        "consultation",
        "A public consultation held on an action plan or on its self-assessment, with its period "
        "and the observations received.",
    ),
    "Resource": (
        "resource",
        "ressource",
        "A document, page or dataset cited as a resource or as evidence: a label and an optional "
        "URL.",
    ),
    "Contact": (
        "point of contact",
        "point de contact",
        "A point of contact for a commitment: name, role, organisation and e-mail address. Names "
        "and e-mail addresses are personal data.",
    ),
    "Milestone": (
        "milestone",
        "jalon",
        "A milestone or action of a commitment, with its status, dates, responsible organisation "
        "and evidence.",
    ),
    "CommitmentRecommendation": (
        "IRM recommendation for a commitment",
        "recommandation du MEI sur un engagement",
        "What the IRM recommends doing with a commitment in the next action plan: a stance, its "
        "statement and suggested measures.",
    ),
    "IRMAssessment": (
        "IRM assessment",
        "évaluation du MEI",
        "The Independent Reporting Mechanism's assessment of one commitment across its reports, "
        "in both rubric generations (up to 2020 and from 2021). Missing data is stated as no "
        "data, not reviewed or not applicable, never as zero.",
    ),
    "Evidence": (
        "evidence item",
        "élément de preuve",
        "An evidence item of an assessment against a standard: text, an optional link, and nested "
        "items.",
    ),
    "RequirementFinding": (
        "requirement finding",
        "constat sur une exigence",
        "Whether one requirement of a standard was met, and why.",
    ),
    "ValueRelevance": (
        "relevance to OGP values",
        "pertinence au regard des valeurs du PGO",
        "The IRM's reading of which OGP values a commitment is relevant to, value by value "
        "(access to information, civic participation, public accountability, technology and "
        "innovation).",
    ),
    "StandardSet": (
        "standard set",
        "ensemble de normes",
        "A published set of OGP participation and co-creation standards (ogp-2017, ogp-2021), "
        "with its source and the date it took effect.",
    ),
    "Standard": (
        "participation and co-creation standard",
        "norme de participation et de co-création",
        "One of the five participation and co-creation standards of 2021, or one of the three "
        "axes of the 2017 standards.",
    ),
    "Requirement": (
        "requirement",
        "exigence",
        "One requirement of a standard: a basic requirement or advanced step (2017) or a minimum "
        "requirement (2021).",
    ),
    "dateSpan": (
        "date span",
        "date partielle",
        "The datatype of partial dates in canonical text: a year, semester, quarter, month or day "
        '("2021", "2021-S2", "2021-Q1", "2021-06", "2021-06-15"), optionally qualified '
        '("2022-late"). Ranges join two dates with "/" and an open end is ".." '
        '("2021-Q1/2021-Q2", "../2020-late").',
    ),
}

#: Labels of the vocabulary's properties: local name -> (English label, French label,
#: English comment).
PROPERTY_LABELS: dict[str, tuple[str, str, str]] = {
    "hasExtraField": (
        "extra field",
        "champ supplémentaire",
        "Links a plan or a commitment to a source value with no property of its own "
        "(og:ExtraField), ordered by og:position.",
    ),
    "hasPlan": (
        "plan",
        "plan",
        "Links a plan collection to one of its action plans (og:ActionPlan), ordered by "
        "og:position.",
    ),
    "reference": (
        "number as written",
        "numéro tel qu'écrit",
        "The commitment's number as the plan writes it when it is not a plain integer "
        '("1.1.", "3b").',
    ),
    "source": (
        "source",
        "source",
        "Where the plans of a collection come from (a file name, a dataset, a URL).",
    ),
    "accessToInformation": (
        "access to information",
        "accès à l'information",
        "Whether the IRM finds the commitment relevant to the OGP value of access to information, a concept of the flag scheme (ogv:flag); no data, not reviewed or not applicable when the source gives none.",
    ),
    "actions": (
        "actions to undertake",
        "actions à entreprendre",
        "The actions to undertake that an assessment against a standard lists, in order (an rdf:Seq of text).",
    ),
    "addedAfterAdoption": (
        "added after adoption",
        "ajouté après adoption",
        'True when the milestone was added after the action plan was adopted (the report\'s "Ajout" flag); an xsd:boolean.',
    ),
    "ambitions": (
        "ambitions",
        "ambitions",
        "The ambitions (themes) under which an action plan groups its commitments, in the plan's order (an rdf:Seq of text).",
    ),
    "carriedForward": (
        "carried forward",
        "reconduit",
        'Whether the commitment was carried forward into another action plan (the "Carried Forward" column of OGP\'s commitment data), a concept of the flag scheme (ogv:flag); no data, not reviewed or not applicable when the source gives none.',
    ),
    "civicParticipation": (
        "civic participation",
        "participation civique",
        "Whether the IRM finds the commitment relevant to the OGP value of civic participation, a concept of the flag scheme (ogv:flag); no data, not reviewed or not applicable when the source gives none.",
    ),
    "completed": (
        "completion date",
        "date de réalisation",
        "When the milestone was completed, an og:dateSpan literal (often partial, such as a quarter or a month).",
    ),
    "completedEarliest": (
        "completion date (earliest day)",
        "date de réalisation (premier jour)",
        "The earliest day of a milestone's completion date, an xsd:date derived from its og:dateSpan value; absent when the span is open at the start.",
    ),
    "completedLatest": (
        "completion date (latest day)",
        "date de réalisation (dernier jour)",
        "The latest day of a milestone's completion date, an xsd:date derived from its og:dateSpan value; absent when the span is open at the end.",
    ),
    "completedPhrase": (
        "completion date (phrase)",
        "date de réalisation (formulation)",
        "A milestone's completion date as the source phrases it (e.g. \"juin 2019\"), tagged with the plan's language; the og:dateSpan value is og:completed.",
    ),
    "completion": (
        "completion",
        "avancement",
        "The commitment's completion level, a concept of the completion scheme (ogv:completion); unknown when no source states it.",
    ),
    "completionEndOfTerm": (
        "completion at end of term",
        "achèvement en fin de mandat",
        "The commitment's completion level in the IRM's end-of-term report, a concept of the completion scheme (ogv:completion); no data, not reviewed or not applicable when the source gives none.",
    ),
    "completionMidterm": (
        "completion at mid-term",
        "achèvement à mi-parcours",
        "The commitment's completion level in the IRM's progress (mid-term) report, a concept of the completion scheme (ogv:completion); no data, not reviewed or not applicable when the source gives none.",
    ),
    "completionNote": (
        "completion note",
        "note sur l'avancement",
        "Where the commitment's completion level comes from, or why it is unknown (text).",
    ),
    "country": (
        "country",
        "pays",
        'The country of the action plan\'s member, a plain literal code (e.g. "FR").',
    ),
    "date": (
        "date",
        "date",
        'The date of a planned action, an og:dateSpan literal (often partial, such as "2021-Q1"). A report\'s date is dcterms:issued.',
    ),
    "dateEarliest": (
        "date (earliest day)",
        "date (premier jour)",
        "The earliest day of the date of a planned action or a report, an xsd:date derived from its og:dateSpan value; absent when the span is open at the start.",
    ),
    "dateLatest": (
        "date (latest day)",
        "date (dernier jour)",
        "The latest day of the date of a planned action or a report, an xsd:date derived from its og:dateSpan value; absent when the span is open at the end.",
    ),
    "datePhrase": (
        "date (phrase)",
        "date (formulation)",
        'The date of a planned action or a report as the source phrases it (e.g. "Premier et second trimestres 2021"), tagged with the plan\'s language; the og:dateSpan value is og:date on a planned action, dcterms:issued on a report.',
    ),
    "descriptionEn": (
        "description in English",
        "description en anglais",
        "What a standard (or 2017 axis) covers, an English-tagged literal.",
    ),
    "didItOpenGovernment": (
        "did it open government?",
        "a-t-il contribué à ouvrir le gouvernement ?",
        "The IRM's overall judgement of how far the commitment opened government (worsens, did not change, marginal, major, outstanding), a concept of the did-it-open-government scheme (ogv:did-it-open-government); no data, not reviewed or not applicable when the source gives none.",
    ),
    "diogAccessToInformation": (
        "did it open government? (access to information)",
        "a-t-il contribué à ouvrir le gouvernement ? (accès à l'information)",
        'The IRM\'s "did it open government?" judgement for access to information alone, a concept of ogv:did-it-open-government; no data, not reviewed or not applicable when the source gives none.',
    ),
    "diogCivicParticipation": (
        "did it open government? (civic participation)",
        "a-t-il contribué à ouvrir le gouvernement ? (participation civique)",
        'The IRM\'s "did it open government?" judgement for civic participation alone, a concept of ogv:did-it-open-government; no data, not reviewed or not applicable when the source gives none.',
    ),
    "diogPublicAccountability": (
        "did it open government? (public accountability)",
        "a-t-il contribué à ouvrir le gouvernement ? (redevabilité publique)",
        'The IRM\'s "did it open government?" judgement for public accountability alone, a concept of ogv:did-it-open-government; no data, not reviewed or not applicable when the source gives none.',
    ),
    "due": (
        "due date",
        "échéance",
        'When the milestone is due, an og:dateSpan literal (often partial, such as "2021-Q1" or "../2020-late").',
    ),
    "dueEarliest": (
        "due date (earliest day)",
        "échéance (premier jour)",
        "The earliest day of a milestone's due date, an xsd:date derived from its og:dateSpan value; absent when the span is open at the start.",
    ),
    "dueLatest": (
        "due date (latest day)",
        "échéance (dernier jour)",
        "The latest day of a milestone's due date, an xsd:date derived from its og:dateSpan value; absent when the span is open at the end.",
    ),
    "duePhrase": (
        "due date (phrase)",
        "échéance (formulation)",
        "A milestone's due date as the source phrases it (e.g. \"Premier trimestre 2021\"), tagged with the plan's language; the og:dateSpan value is og:due.",
    ),
    "earlyResults": (
        "early results",
        "premiers résultats",
        "The IRM's early results of the commitment (2021+ rubric: no notable results, moderate, significant, outstanding), a concept of ogv:early-results; no data, not reviewed or not applicable when the source gives none.",
    ),
    "echoes": (
        "echoes",
        "fait écho à",
        "The IRM key recommendations a response echoes, an rdf:Seq of og:KeyRecommendation IRIs.",
    ),
    "effective": (
        "effective date",
        "date d'entrée en vigueur",
        "When a standard set took effect, an og:dateSpan literal.",
    ),
    "effectiveEarliest": (
        "effective date (earliest day)",
        "date d'entrée en vigueur (premier jour)",
        "The earliest day of the date a standard set took effect, an xsd:date derived from its og:dateSpan value; absent when the span is open at the start.",
    ),
    "effectiveLatest": (
        "effective date (latest day)",
        "date d'entrée en vigueur (dernier jour)",
        "The latest day of the date a standard set took effect, an xsd:date derived from its og:dateSpan value; absent when the span is open at the end.",
    ),
    "effectivePhrase": (
        "effective date (phrase)",
        "date d'entrée en vigueur (formulation)",
        'The date a standard set took effect as the source phrases it (e.g. "1 January 2022"), a plain literal; the og:dateSpan value is og:effective.',
    ),
    "endOfTermReportYear": (
        "end-of-term report year",
        "année du rapport de fin de mandat",
        "The publication year of the IRM's end-of-term report on the commitment, an xsd:integer, or a concept of the missing-data scheme (ogv:missing) when there is none.",
    ),
    "evidence": ("evidence", "éléments de preuve", "The evidence of a milestone, as text."),
    "finding": (
        "finding",
        "constat",
        "The outcome of checking a requirement, a concept of the finding scheme (ogv:finding).",
    ),
    "goal": (
        "goal",
        "ambition",
        'What the commitment sets out to achieve (the plan\'s "Ambition"), as text.',
    ),
    "hasCommitment": (
        "commitment",
        "engagement",
        "Links an action plan to one of its commitments (og:Commitment), ordered by og:position.",
    ),
    "hasConsultation": (
        "consultation",
        "consultation",
        "Links an action plan to a public consultation held on it or on its self-assessment (og:Consultation), ordered by og:position.",
    ),
    "hasContact": (
        "point of contact",
        "point de contact",
        "Links a commitment to one of its points of contact (og:Contact), ordered by og:position. Contacts hold personal data.",
    ),
    "hasEvidence": (
        "evidence item",
        "élément de preuve",
        "Links an assessment against a standard to an evidence item (og:Evidence), ordered by og:position.",
    ),
    "hasFinding": (
        "requirement finding",
        "constat",
        "Links an assessment against a standard to a per-requirement finding (og:RequirementFinding), ordered by og:position.",
    ),
    "hasItem": (
        "item",
        "sous-élément",
        "Links an evidence item to one of its nested items (og:Evidence), ordered by og:position.",
    ),
    "hasKeyRecommendation": (
        "key recommendation",
        "recommandation clé",
        "Links an action plan to one of the IRM's key recommendations on it (og:KeyRecommendation), ordered by og:position.",
    ),
    "hasMilestone": (
        "milestone",
        "jalon",
        "Links a commitment to one of its milestones or actions (og:Milestone), ordered by og:position.",
    ),
    "hasOrganisation": (
        "organisation",
        "organisation",
        "Links an action plan to an organisation the plan names (og:Organisation), ordered by og:position.",
    ),
    "hasParticipationAssessment": (
        "participation and co-creation assessment",
        "évaluation de la participation et de la co-création",
        "Links an action plan to an assessment against a participation and co-creation standard (og:StandardAssessment), ordered by og:position.",
    ),
    "hasPlannedAction": (
        "planned action",
        "action prévue",
        "Links an action plan to a step planned for the next action plan (og:PlannedAction), ordered by og:position.",
    ),
    "hasPublicInfluence": (
        "public influence",
        "influence citoyenne",
        "Links an action plan to the level of public influence reached during a phase (og:InfluenceAssessment), ordered by og:position.",
    ),
    "hasReport": (
        "report",
        "rapport",
        "Links an action plan to a report on it (og:Report), ordered by og:position.",
    ),
    "hasRequirement": (
        "requirement",
        "exigence",
        "Links a standard to one of its requirements (og:Requirement), ordered by og:position.",
    ),
    "hasResource": (
        "resource",
        "ressource",
        "Links a commitment or a milestone to a resource it cites (og:Resource), ordered by og:position.",
    ),
    "hasResponse": (
        "response",
        "réponse",
        "Links an action plan to an action or news item that echoes the IRM's key recommendations (og:Response), ordered by og:position.",
    ),
    "hasStandard": (
        "standard",
        "norme",
        "Links a standard set to one of its standards (og:Standard), ordered by og:position.",
    ),
    "hasStatedFigure": (
        "stated figure",
        "chiffre énoncé",
        "Links an action plan to a figure its documents state (og:StatedFigure), ordered by og:position.",
    ),
    "hierarchy": (
        "hierarchy",
        "hiérarchie",
        "The levels of an organisation written as a hierarchy chain, outermost first (an rdf:Seq of text); the organisation remains one body.",
    ),
    "irm": (
        "IRM assessment",
        "évaluation du MEI",
        "Links a commitment to the IRM's assessment of it (og:IRMAssessment).",
    ),
    "irmRecommendation": (
        "IRM recommendation",
        "recommandation du MEI",
        "Links a commitment to what the IRM recommends for it in the next action plan (og:CommitmentRecommendation).",
    ),
    "kind": (
        "report kind",
        "type de rapport",
        "The kind of a report (design, progress, mid-term, end-of-term, action plan review, results, self-assessment ...), a concept of ogv:irm-report-kind.",
    ),
    "leadOrganisation": (
        "lead organisation",
        "organisation cheffe de file",
        "The organisation that leads the member's OGP process for the action plan (an og:Organisation IRI).",
    ),
    "leadOrganisations": (
        "lead organisations",
        "organisations porteuses",
        'The organisations that lead a commitment (the plan\'s "administrations porteuses"), an rdf:Seq of og:Organisation IRIs.',
    ),
    "level": (
        "level",
        "niveau",
        "On an influence assessment, the level of public influence reached, a concept of ogv:public-influence; on a requirement, how binding it is (basic, advanced, minimum), a concept of ogv:requirement-level.",
    ),
    "measures": (
        "suggested measures",
        "mesures suggérées",
        "The measures the IRM suggests for a commitment in the next action plan, in order (an rdf:Seq of text).",
    ),
    "member": (
        "member",
        "membre",
        'The name of the OGP member, national or local, that the action plan belongs to (e.g. "France").',
    ),
    "name": (
        "name",
        "intitulé",
        "What a stated figure measures, in the document's words; or the source's name of an "
        "extra field (text).",
    ),
    "nextSteps": (
        "next steps",
        "prochaines étapes",
        "The next steps the report gives for a commitment (text).",
    ),
    "note": (
        "note",
        "note",
        "A free-text note on a stated figure, an assessment against a standard, an influence assessment or a standard set: context, sources or caveats.",
    ),
    "number": (
        "number",
        "numéro",
        "The number of an action plan (the member's first, second ... plan), a commitment, a key recommendation or a standard, an xsd:integer.",
    ),
    "objectives": (
        "objectives",
        "objectifs",
        "The objectives of a commitment, in the plan's order (an rdf:Seq of text).",
    ),
    "observations": (
        "observations",
        "observations",
        "The observations a consultation received or recorded, in order (an rdf:Seq of text).",
    ),
    "ogpValues": (
        "OGP values",
        "valeurs du PGO",
        "The OGP values a commitment is declared relevant to, as its plan or report states them, an rdf:Seq of concepts of ogv:ogp-value.",
    ),
    "openGovernmentLens": (
        "open government lens",
        "objectif de gouvernement ouvert",
        "Whether the IRM finds that the commitment has an open government lens (2021+ rubric), a concept of the flag scheme (ogv:flag); no data, not reviewed or not applicable when the source gives none.",
    ),
    "organisation": (
        "responsible organisation",
        "organisation responsable",
        "The organisation responsible for a milestone, an og:Organisation IRI.",
    ),
    "otherActors": (
        "other actors",
        "autres acteurs impliqués",
        "Other actors involved in a commitment, as the plan words them (an rdf:Seq of text).",
    ),
    "overallConformity": (
        "overall conformity",
        "conformité globale",
        "The overall conformity to the participation and co-creation standards that the document states for the action plan, a concept of ogv:conformity.",
    ),
    "overallConformityPhrase": (
        "overall conformity phrase",
        "conformité globale (formulation)",
        'The overall conformity in the document\'s own words (e.g. "conformité partielle").',
    ),
    "period": (
        "period",
        "période",
        "The implementation period of a commitment, an og:dateSpan literal. Action plans and consultations state theirs with dcterms:temporal.",
    ),
    "periodEarliest": (
        "period (earliest day)",
        "période (premier jour)",
        "The earliest day of the period of a commitment, action plan or consultation, an xsd:date derived from its og:dateSpan value; absent when the span is open at the start.",
    ),
    "periodLatest": (
        "period (latest day)",
        "période (dernier jour)",
        "The latest day of the period of a commitment, action plan or consultation, an xsd:date derived from its og:dateSpan value; absent when the span is open at the end.",
    ),
    "periodPhrase": (
        "period (phrase)",
        "période (formulation)",
        'The period of a commitment, action plan or consultation as the source phrases it (e.g. "2018-2020"), tagged with the plan\'s language; the og:dateSpan value is og:period on a commitment, dcterms:temporal on an action plan or consultation.',
    ),
    "phase": (
        "phase",
        "phase",
        "The phase of the OGP cycle an assessment or a requirement concerns (development; implementation, monitoring and self-assessment; or the whole cycle), a concept of ogv:phase.",
    ),
    "position": (
        "position",
        "position",
        "The 1-based order of an item among its siblings under the same property (the commitments of a plan, the milestones of a commitment ...), an xsd:integer.",
    ),
    "potentialForResults": (
        "potential for results",
        "potentiel de résultats",
        "The IRM's potential for results of the commitment (2020+ rubric: unclear, modest, substantial), a concept of ogv:potential-for-results; no data, not reviewed or not applicable when the source gives none.",
    ),
    "potentialImpact": (
        "potential impact",
        "impact potentiel",
        "The IRM's potential impact of the commitment (plans up to 2020: none, minor, moderate, transformative), a concept of ogv:potential-impact; no data, not reviewed or not applicable when the source gives none.",
    ),
    "progressReportYear": (
        "progress report year",
        "année du rapport d'avancement",
        "The publication year of the IRM's progress (mid-term) report on the commitment, an xsd:integer, or a concept of the missing-data scheme (ogv:missing) when there is none.",
    ),
    "promising": (
        "promising commitment",
        "engagement prometteur",
        "Whether the IRM identifies the commitment as promising (2021+ rubric), a concept of the flag scheme (ogv:flag); no data, not reviewed or not applicable when the source gives none.",
    ),
    "publicAccountability": (
        "public accountability",
        "redevabilité publique",
        "Whether the IRM finds the commitment relevant to the OGP value of public accountability, a concept of the flag scheme (ogv:flag); no data, not reviewed or not applicable when the source gives none.",
    ),
    "reason": ("reason", "motif", "Why a requirement was found met or not (text)."),
    "recommendations": (
        "key recommendations followed",
        "recommandations concernées",
        "The IRM key recommendations a planned action follows up, an rdf:Seq of og:KeyRecommendation IRIs.",
    ),
    "regime": (
        "regime",
        "référentiel",
        'The standard set a standard belongs to, as its identifier ("ogp-2017", "ogp-2021"); a plain literal.',
    ),
    "relevant": (
        "relevant",
        "pertinent",
        "Whether the IRM finds the commitment relevant to OGP values (at least one of access to information, civic participation and public accountability; technology alone does not count), a concept of the flag scheme (ogv:flag); no data, not reviewed or not applicable when the source gives none.",
    ),
    "report": (
        "source report",
        "rapport source",
        "The report that makes a key recommendation, an og:Report IRI.",
    ),
    "requirement": (
        "requirement checked",
        "exigence vérifiée",
        "The requirement a finding is about, an og:Requirement IRI.",
    ),
    "results": (
        "results and impacts",
        "résultats et impacts",
        "The results and impacts of a commitment as the report describes them (text).",
    ),
    "schedule": (
        "schedule",
        "calendrier",
        "What the report says about a commitment's schedule, as text; og:scheduleAdherence holds the normalised value.",
    ),
    "scheduleAdherence": (
        "schedule respected",
        "calendrier respecté",
        "How far a commitment kept to its schedule (yes, mostly, partially, no, not applicable), a concept of ogv:schedule-adherence; unknown when no source states it.",
    ),
    "shortTitle": ("short title", "titre court", "A short title of the commitment (text)."),
    "specificity": (
        "specificity",
        "spécificité",
        "The IRM's specificity of the commitment (plans up to 2020: none, low, medium, high), a concept of ogv:specificity; no data, not reviewed or not applicable when the source gives none.",
    ),
    "stance": (
        "recommended stance",
        "orientation recommandée",
        "What the IRM recommends doing with the commitment in the next action plan (make it a priority, continue, refocus, discontinue ...), a concept of ogv:continuation-stance; not stated when the source gives none.",
    ),
    "standard": (
        "standard assessed",
        "norme évaluée",
        "The standard (or 2017 axis) an assessment is against, an og:Standard IRI.",
    ),
    "statement": (
        "statement",
        "énoncé",
        "The IRM's recommendation for the commitment in its own words (text).",
    ),
    "status": (
        "status",
        "statut",
        "The normalised status of a milestone (done, partially done, in progress, suspended ...), a concept of ogv:milestone-status; unknown when the document does not state it.",
    ),
    "statusDate": (
        "status date",
        "date de situation",
        "The date as of which an action plan's document reports the progress of its commitments, an og:dateSpan literal.",
    ),
    "statusDateEarliest": (
        "status date (earliest day)",
        "date de situation (premier jour)",
        "The earliest day of an action plan's status date, an xsd:date derived from its og:dateSpan value; absent when the span is open at the start.",
    ),
    "statusDateLatest": (
        "status date (latest day)",
        "date de situation (dernier jour)",
        "The latest day of an action plan's status date, an xsd:date derived from its og:dateSpan value; absent when the span is open at the end.",
    ),
    "statusDatePhrase": (
        "status date (phrase)",
        "date de situation (formulation)",
        "An action plan's status date as the source phrases it (e.g. \"octobre 2020\"), tagged with the plan's language; the og:dateSpan value is og:statusDate.",
    ),
    "statusPhrase": (
        "status phrase",
        "statut (formulation)",
        "A milestone's status in the report's own words (e.g. \"réalisé, actions au fil de l'eau\"); og:status holds the normalised value.",
    ),
    "supportingOrganisations": (
        "supporting organisations",
        "organisations partenaires",
        "The organisations that support a commitment without leading it, an rdf:Seq of og:Organisation IRIs.",
    ),
    "technologyAndInnovation": (
        "technology and innovation for transparency and accountability",
        "technologie et innovation pour la transparence et la redevabilité",
        "Whether the IRM finds the commitment relevant to the OGP value of technology and innovation for transparency and accountability, a concept of the flag scheme (ogv:flag); no data, not reviewed or not applicable when the source gives none.",
    ),
    "text": (
        "text",
        "texte",
        "The text of a key recommendation, a response, a planned action or an evidence item.",
    ),
    "themes": (
        "themes",
        "thèmes",
        "The themes or policy areas of a commitment (an rdf:Seq of text).",
    ),
    "unverified": (
        "unverified",
        "non vérifié",
        "True when the wording of a standard or requirement was not found in a primary source and is the best available paraphrase; an xsd:boolean.",
    ),
    "value": (
        "value",
        "valeur",
        'A stated figure\'s value exactly as the document writes it (e.g. "76%"), or an extra '
        "field's value verbatim, as text.",
    ),
    "values": (
        "relevance to OGP values",
        "pertinence au regard des valeurs du PGO",
        "Links an IRM assessment to its value-by-value reading of the commitment's relevance to OGP values (og:ValueRelevance).",
    ),
    "verdict": (
        "conformity verdict",
        "niveau de conformité",
        "The conformity an assessment against a standard states (full, partial, limited, not applicable), a concept of ogv:conformity.",
    ),
    "verdictPhrase": (
        "verdict phrase",
        "niveau de conformité (formulation)",
        'The conformity verdict in the document\'s own words (e.g. "CONFORMITÉ TOTALE").',
    ),
    "verifiable": (
        "verifiable",
        "vérifiable",
        "Whether the IRM finds the commitment verifiable (2021+ rubric; a commitment that is not verifiable is not assessed further), a concept of the flag scheme (ogv:flag); no data, not reviewed or not applicable when the source gives none.",
    ),
}

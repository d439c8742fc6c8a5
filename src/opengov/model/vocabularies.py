"""The controlled vocabularies of the model and of the rules' outcomes.

Values are stable English codes; labels come in English and French; ``ogp_code`` is the numeric
code used in OGP's commitment export where one exists. "Unknown", "no data", "not reviewed" and
"not applicable" are members of their own, never ``None`` by accident and never zero. The last
three (:class:`Quadrant`, :class:`BindingConstraint`, :class:`CompletionChange`) are the values
of rules in :mod:`opengov.rules.irm` and :mod:`opengov.rules.ogp`, not of any field.
"""

from __future__ import annotations

from opengov.model.vocab import (
    NO_DATA_TERM,
    NOT_APPLICABLE_TERM,
    NOT_REVIEWED_TERM,
    Missing,
    Term,
    Vocabulary,
    rank_of,
)

__all__ = [
    "ActivityStatus",
    "BindingConstraint",
    "Completion",
    "CompletionChange",
    "Conformity",
    "ContinuationStance",
    "DidItOpenGovernment",
    "EarlyResults",
    "Finding",
    "Flag",
    "IRMPlaceholder",
    "IRMReportKind",
    "MemberLevel",
    "MilestoneStatus",
    "Missing",
    "OGPValue",
    "OrganisationRole",
    "Phase",
    "PlanEventKind",
    "PotentialForResults",
    "PotentialImpact",
    "Provenance",
    "PublicInfluence",
    "Quadrant",
    "Reporter",
    "ScheduleAdherence",
    "Specificity",
    "TextOrigin",
]


class Completion(Vocabulary):
    """Level of completion of a commitment (the IRM scale, plus explicit missing-data states)."""

    WITHDRAWN = Term("withdrawn", "Withdrawn", "Retiré", ogp=0, rank=0)
    UNCLEAR = Term("unclear", "Unclear", "Incertain", ogp=1, rank=1)
    NOT_STARTED = Term(
        "not_started",
        "Not started",
        "Pas commencé",
        ogp=2,
        rank=2,
        aliases=("non réalisé", "non commencé"),
    )
    LIMITED = Term("limited", "Limited", "Limité", ogp=3, rank=3)
    SUBSTANTIAL = Term("substantial", "Substantial", "Substantiel", ogp=4, rank=4)
    COMPLETE = Term(
        "complete",
        "Complete",
        "Achevé",
        ogp=5,
        rank=5,
        aliases=("Achévé", "complet", "completed"),
    )
    UNKNOWN = Term("unknown", "Unknown", "Inconnu")
    NO_DATA = NO_DATA_TERM
    NOT_REVIEWED = NOT_REVIEWED_TERM
    NOT_APPLICABLE = NOT_APPLICABLE_TERM._replace(aliases=("NA", "N/A"))


class MilestoneStatus(Vocabulary):
    """Status of a milestone or action, as government reports phrase it.

    Distinct from the 4-level completion scale: these are the words the report uses
    ("réalisé", "en cours", "mis en suspens", ...).
    """

    DONE = Term("done", "Done", "Réalisé", aliases=("achevé", "completed", "complete"))
    DONE_ONGOING = Term(
        "done_ongoing",
        "Done, actions ongoing",
        "Réalisé, actions au fil de l'eau",
        aliases=("réalisé, actions au fil de l’eau",),
    )
    SUBSTANTIALLY_DONE = Term(
        "substantially_done",
        "Substantially done",
        "Substantiel",
        aliases=(
            "réalisation : substantiel",
            "réalisation substantielle",
            "substantiellement réalisé",
        ),
    )
    PARTIALLY_DONE = Term("partially_done", "Partially done", "Partiellement réalisé")
    IN_PROGRESS = Term("in_progress", "In progress", "En cours", aliases=("ongoing",))
    NOT_DONE = Term("not_done", "Not done", "Non réalisé")
    SUSPENDED = Term("suspended", "Suspended", "Mis en suspens", aliases=("en suspens", "on hold"))
    NOT_ADDRESSED = Term(
        "not_addressed",
        "Not addressed at this stage",
        "Non traité à ce stade",
        aliases=("non traité",),
    )
    UNKNOWN = Term("unknown", "Unknown", "Inconnu", aliases=("non précisé",))


class OGPValue(Vocabulary):
    """OGP values a commitment can be relevant to."""

    ACCESS_TO_INFORMATION = Term(
        "access_to_information",
        "Access to Information",
        "Accès à l'information",
    )
    CIVIC_PARTICIPATION = Term(
        "civic_participation",
        "Civic Participation",
        "Participation civique",
    )
    PUBLIC_ACCOUNTABILITY = Term(
        "public_accountability",
        "Public Accountability",
        "Redevabilité publique",
        aliases=("Responsabilité publique",),
    )
    TECHNOLOGY_AND_INNOVATION = Term(
        "technology_and_innovation",
        "Technology & Innovation for Transparency & Accountability",
        "Technologie et innovation pour la transparence et la redevabilité",
        aliases=(
            "Technology and Innovation",
            "Technology & Innovation",
            "Technology and Innovation for Transparency and Accountability",
            "Technology",  # OGP's pages list the values shortened ("Access to Information , Technology")
        ),
    )


class ScheduleAdherence(Vocabulary):
    """How far a commitment kept to its schedule (the report's "calendrier respecté")."""

    YES = Term("yes", "Yes", "Oui", aliases=("respecté", "calendrier respecté"))
    MOSTLY = Term("mostly", "Mostly", "Globalement", aliases=("globalement respecté",))
    PARTIALLY = Term("partially", "Partially", "Partiellement", aliases=("partiellement respecté",))
    NO = Term("no", "No", "Non", aliases=("non respecté",))
    NOT_APPLICABLE = Term("not_applicable", "Not applicable", "Non applicable", aliases=("NA",))
    UNKNOWN = Term("unknown", "Unknown", "Inconnu")


class Phase(Vocabulary):
    """Phases of the OGP action-plan cycle that standards apply to."""

    WHOLE_CYCLE = Term("whole_cycle", "Throughout the OGP cycle", "Tout au long du cycle PGO")
    DEVELOPMENT = Term(
        "development",
        "Development of the action plan",
        "Élaboration du plan d'action",
        aliases=("co-creation", "élaboration", "co-création"),
    )
    IMPLEMENTATION = Term(
        "implementation",
        "Implementation, monitoring and self-assessment",
        "Mise en œuvre, suivi et auto-évaluation",
        aliases=("mise en œuvre", "mise en oeuvre", "implementation and monitoring"),
    )


class Conformity(Vocabulary):
    """Verdict of a self-assessment against a participation standard."""

    FULL = Term("full", "Full conformity", "Conformité totale", aliases=("totale", "full"))
    PARTIAL = Term("partial", "Partial conformity", "Conformité partielle", aliases=("partielle",))
    LIMITED = Term(
        "limited",
        "Limited conformity",
        "Conformité limitée",
        aliases=("limitée",),
    )
    NOT_APPLICABLE = Term(
        "not_applicable",
        "Not applicable",
        "Non applicable",
        aliases=("conformité non applicable",),
    )


class Finding(Vocabulary):
    """Outcome of checking one requirement (EARL-style)."""

    MET = Term("met", "Met", "Respecté", aliases=("passed", "oui", "yes"))
    PARTLY_MET = Term("partly_met", "Partly met", "Partiellement respecté", aliases=("partial",))
    NOT_MET = Term("not_met", "Not met", "Non respecté", aliases=("failed", "non", "no"))
    NOT_APPLICABLE = Term("not_applicable", "Not applicable", "Non applicable", aliases=("NA",))
    UNKNOWN = Term(
        "unknown", "Unknown", "Inconnu", aliases=("cantTell", "not stated", "non précisé")
    )


class PublicInfluence(Vocabulary):
    """Level of public influence (IAP2 spectrum plus "no consultation"), lowest first.

    Members compare by rank: ``PublicInfluence.INVOLVE >= PublicInfluence.CONSULT``. Their
    ``definition_fr`` is the IRM-adapted definition as France's 2018-2020 self-assessment prints
    it (February 2021, table "Degré d'influence citoyenne"); the IRM's English wording was not
    found, so ``definition_en`` is unset.
    """

    NO_CONSULTATION = Term(
        "no_consultation",
        "No consultation",
        "Aucune consultation",
        ogp=0,
        rank=0,
        definition_fr="Aucune consultation",
    )
    INFORM = Term(
        "inform",
        "Inform",
        "Information",
        ogp=1,
        rank=1,
        definition_fr="Le gouvernement a fourni aux citoyens des informations sur le plan d'action",
    )
    CONSULT = Term(
        "consult",
        "Consult",
        "Consultation",
        ogp=2,
        rank=2,
        definition_fr="Les citoyens ont pu apporter une contribution.",
    )
    INVOLVE = Term(
        "involve",
        "Involve",
        "Implication",
        ogp=3,
        rank=3,
        definition_fr=(
            "Le gouvernement a rendu compte de la manière dont les contributions citoyennes ont "
            "été intégrées."
        ),
    )
    COLLABORATE = Term(
        "collaborate",
        "Collaborate",
        "Collaboration",
        ogp=4,
        rank=4,
        definition_fr=(
            "Un dialogue continu a eu lieu ET les citoyens ont contribué à l'établissement des "
            "priorités."
        ),
    )
    EMPOWER = Term(
        "empower",
        "Empower",
        "Moyens donnés aux citoyens",
        ogp=5,
        rank=5,
        definition_fr="Le gouvernement a confié un pouvoir décisionnel à des citoyens.",
    )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PublicInfluence):
            return NotImplemented
        return rank_of(self) < rank_of(other)

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PublicInfluence):
            return NotImplemented
        return rank_of(self) <= rank_of(other)

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PublicInfluence):
            return NotImplemented
        return rank_of(self) > rank_of(other)

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PublicInfluence):
            return NotImplemented
        return rank_of(self) >= rank_of(other)


class ContinuationStance(Vocabulary):
    """What the IRM recommends doing with a commitment in the next plan."""

    PRIORITY = Term("priority", "Make it a priority", "En faire une priorité")
    CONTINUE = Term("continue", "Continue", "Poursuivre")
    REFOCUS = Term("refocus", "Refocus", "Recentrer")
    DISCONTINUE = Term("discontinue", "Discontinue", "Ne pas poursuivre")
    DISCONTINUE_UNLESS_ADAPTED = Term(
        "discontinue_unless_adapted",
        "Discontinue unless adapted",
        "Ne pas poursuivre sauf adaptation",
    )
    NOT_STATED = Term("not_stated", "Not stated", "Non précisé")


class IRMReportKind(Vocabulary):
    """Kinds of report the Independent Reporting Mechanism publishes."""

    DESIGN = Term("design", "Design report", "Rapport de conception")
    PROGRESS = Term("progress", "Progress report", "Rapport d'avancement")
    MID_TERM = Term("mid_term", "Mid-term report", "Rapport à mi-parcours")
    END_OF_TERM = Term("end_of_term", "End-of-term report", "Rapport de fin de mandat")
    TRANSITIONAL_RESULTS = Term(
        "transitional_results",
        "Transitional results report",
        "Rapport de résultats transitoire",
    )
    ACTION_PLAN_REVIEW = Term("action_plan_review", "Action plan review", "Examen du plan d'action")
    RESULTS = Term("results", "Results report", "Rapport de résultats")
    SELF_ASSESSMENT = Term("self_assessment", "Self-assessment report", "Rapport d'auto-évaluation")


# IRM rubric scales. Missing-data markers (ND / NR / NA) are members of their own.


class Specificity(Vocabulary):
    """IRM specificity of a commitment (plans up to 2020)."""

    NONE = Term("none", "None", "Aucune", ogp=0, rank=0)
    LOW = Term("low", "Low", "Faible", ogp=1, rank=1)
    MEDIUM = Term("medium", "Medium", "Moyenne", ogp=2, rank=2)
    HIGH = Term("high", "High", "Élevée", ogp=3, rank=3)
    NO_DATA = NO_DATA_TERM
    NOT_REVIEWED = NOT_REVIEWED_TERM
    NOT_APPLICABLE = NOT_APPLICABLE_TERM


class Flag(Vocabulary):
    """A yes/no judgement of the IRM (verifiable, relevant to a value, carried forward, ...)."""

    YES = Term("yes", "Yes", "Oui", ogp=1)
    NO = Term("no", "No", "Non", ogp=0)
    NO_DATA = NO_DATA_TERM
    NOT_REVIEWED = NOT_REVIEWED_TERM
    NOT_APPLICABLE = NOT_APPLICABLE_TERM


class PotentialImpact(Vocabulary):
    """IRM potential impact (plans up to 2020)."""

    NONE = Term("none", "None", "Aucun", ogp=0, rank=0)
    MINOR = Term("minor", "Minor", "Mineur", ogp=1, rank=1)
    MODERATE = Term("moderate", "Moderate", "Modéré", ogp=2, rank=2)
    TRANSFORMATIVE = Term("transformative", "Transformative", "Transformateur", ogp=3, rank=3)
    NO_DATA = NO_DATA_TERM
    NOT_REVIEWED = NOT_REVIEWED_TERM
    NOT_APPLICABLE = NOT_APPLICABLE_TERM


class PotentialForResults(Vocabulary):
    """IRM potential for results (2020+ rubric)."""

    UNCLEAR = Term("unclear", "Unclear", "Incertain", ogp=0, rank=0)
    MODEST = Term("modest", "Modest", "Modeste", ogp=1, rank=1)
    SUBSTANTIAL = Term("substantial", "Substantial", "Substantiel", ogp=2, rank=2)
    NO_DATA = NO_DATA_TERM
    NOT_REVIEWED = NOT_REVIEWED_TERM
    NOT_APPLICABLE = NOT_APPLICABLE_TERM


class DidItOpenGovernment(Vocabulary):
    """IRM "Did it open government?" (overall scale)."""

    WORSENS = Term("worsens", "Worsens", "Aggravé", ogp=0, rank=0)
    DID_NOT_CHANGE = Term("did_not_change", "Did Not Change", "Pas de changement", ogp=1, rank=1)
    NO_EARLY_RESULTS_YET = Term(
        "no_early_results_yet",
        "No early results to report yet",
        "Pas encore de premiers résultats",
        ogp=1,
        rank=1,
    )
    MARGINAL = Term("marginal", "Marginal", "Marginal", ogp=2, rank=2)
    MAJOR = Term("major", "Major", "Majeur", ogp=3, rank=3)
    OUTSTANDING = Term("outstanding", "Outstanding", "Exceptionnel", ogp=4, rank=4)
    NO_DATA = NO_DATA_TERM
    NOT_REVIEWED = NOT_REVIEWED_TERM
    NOT_APPLICABLE = NOT_APPLICABLE_TERM


class EarlyResults(Vocabulary):
    """IRM early results (2021+ rubric): no notable results (0), moderate (1), significant (2).

    These are the levels OGP's commitment export and its Results Reports attest. A higher
    "outstanding" level is not attested by any source read, so it is not a member: a label
    "Outstanding" under early results is refused rather than guessed.
    """

    NO_NOTABLE_RESULTS = Term(
        "no_notable_results",
        "No notable results",
        "Pas de résultats notables",
        ogp=0,
        rank=0,
    )
    MODERATE = Term("moderate", "Moderate", "Modérés", ogp=1, rank=1)
    SIGNIFICANT = Term("significant", "Significant", "Significatifs", ogp=2, rank=2)
    NO_DATA = NO_DATA_TERM
    NOT_REVIEWED = NOT_REVIEWED_TERM
    NOT_APPLICABLE = NOT_APPLICABLE_TERM


class MemberLevel(Vocabulary):
    """Whether an OGP member is a national government or a local (sub-national) one."""

    NATIONAL = Term("national", "National", "National", "Nacional")
    LOCAL = Term("local", "Local", "Local", "Local")
    UNKNOWN = Term("unknown", "Unknown", "Inconnu", "Desconocido")


class OrganisationRole(Vocabulary):
    """The kind of body an organisation is, as OGP's plans distinguish them."""

    GOVERNMENT = Term(
        "government", "Government", "Administration", "Gobierno", aliases=("public body",)
    )
    PARLIAMENT = Term("parliament", "Parliament", "Parlement", "Parlamento")
    JUDICIARY = Term("judiciary", "Judiciary", "Justice", "Poder judicial")
    CIVIL_SOCIETY = Term(
        "civil_society",
        "Civil society",
        "Société civile",
        "Sociedad civil",
        aliases=("CSO", "NGO", "OSC"),
    )
    PRIVATE_SECTOR = Term("private_sector", "Private sector", "Secteur privé", "Sector privado")
    ACADEMIA = Term("academia", "Academia", "Monde académique", "Academia")
    MULTILATERAL = Term(
        "multilateral", "Multilateral", "Organisation multilatérale", "Multilateral"
    )
    OTHER = Term("other", "Other", "Autre", "Otro")
    UNKNOWN = Term("unknown", "Unknown", "Inconnu", "Desconocido")


class TextOrigin(Vocabulary):
    """Where a text in one language comes from: written so, translated, or machine-translated."""

    ORIGINAL = Term("original", "Original", "Original", "Original")
    TRANSLATION = Term("translation", "Translation", "Traduction", "Traducción")
    MACHINE_TRANSLATION = Term(
        "machine_translation",
        "Machine translation",
        "Traduction automatique",
        "Traducción automática",
    )
    UNKNOWN = Term("unknown", "Unknown", "Inconnu", "Desconocido")


class Reporter(Vocabulary):
    """Who reported a progress update."""

    GOVERNMENT = Term(
        "government", "Government self-assessment", "Auto-évaluation du gouvernement",
        "Autoevaluación del gobierno", aliases=("self-assessment", "auto-évaluation"),
    )  # fmt: skip
    TRACKER = Term(
        "tracker", "Government tracker", "Outil de suivi", "Tablero de seguimiento",
        aliases=("dashboard",),
    )  # fmt: skip
    IRM = Term(
        "irm", "Independent Reporting Mechanism", "Mécanisme d'évaluation indépendant",
        "Mecanismo de Revisión Independiente", aliases=("MEI", "MII", "MRI"),
    )  # fmt: skip
    CIVIL_SOCIETY = Term("civil_society", "Civil society", "Société civile", "Sociedad civil")
    UNKNOWN = Term("unknown", "Unknown", "Inconnu", "Desconocido")


class PlanEventKind(Vocabulary):
    """A dated event in the life of an action plan."""

    DRAFT_PUBLISHED = Term(
        "draft_published", "Draft published", "Projet publié", "Borrador publicado"
    )
    CONSULTATION = Term("consultation", "Consultation", "Consultation", "Consulta")
    SUBMITTED = Term("submitted", "Submitted to OGP", "Soumis au PGO", "Presentado a OGP")
    PUBLISHED = Term("published", "Published", "Publié", "Publicado")
    LAUNCHED = Term("launched", "Launched", "Lancé", "Lanzado")
    STARTED = Term("started", "Implementation starts", "Début de la mise en œuvre", "Inicio")
    ENDED = Term("ended", "Implementation ends", "Fin de la mise en œuvre", "Fin")
    PROGRESS_REPORTED = Term(
        "progress_reported", "Progress reported", "Avancement publié", "Avance publicado"
    )
    SELF_ASSESSMENT_PUBLISHED = Term(
        "self_assessment_published",
        "Self-assessment published",
        "Auto-évaluation publiée",
        "Autoevaluación publicada",
    )
    EXTENDED = Term("extended", "Extended", "Prolongé", "Extendido")
    OTHER = Term("other", "Other", "Autre", "Otro")


class Quadrant(Vocabulary):
    """OGP's analysis quadrants of ambition × completion (or strong results)."""

    AMBITIOUS_AND_COMPLETE = Term(
        "ambitious_and_complete",
        "Ambitious and complete, or strong results",
        "Ambitieux et réalisé, ou résultats forts",
    )
    AMBITIOUS_NOT_COMPLETE = Term(
        "ambitious_not_complete",
        "Ambitious but not complete",
        "Ambitieux mais non réalisé",
    )
    COMPLETE_NOT_AMBITIOUS = Term(
        "complete_not_ambitious",
        "Complete but not ambitious",
        "Réalisé mais peu ambitieux",
    )
    NEITHER = Term("neither", "Not complete or ambitious", "Ni réalisé ni ambitieux")
    NOT_REVIEWED = Term("not_reviewed", "Not reviewed", "Non évalué")
    UNCLASSIFIED = Term(
        "unclassified",
        "Not classified (missing data)",
        "Non classé (données manquantes)",
    )


class BindingConstraint(Vocabulary):
    """The first star condition a commitment fails (OGP's "Binding constraint")."""

    NOT_REVIEWED = NOT_REVIEWED_TERM
    NO_DATA = NO_DATA_TERM
    SPECIFICITY = Term("specificity", "Specificity", "Spécificité", aliases=("Spec",))
    RELEVANCE = Term("relevance", "Relevance", "Pertinence", aliases=("Rel",))
    POTENTIAL_IMPACT = Term(
        "potential_impact",
        "Potential impact",
        "Impact potentiel",
        aliases=("PotImp",),
    )
    COMPLETION = Term("completion", "Completion", "Avancement", aliases=("Cmpl",))
    STARRED = Term("starred", "Starred", "Étoilé", aliases=("STAR",))
    NONE = Term("none", "No binding constraint", "Aucune contrainte", aliases=("FALSE",))


class CompletionChange(Vocabulary):
    """Direction of the change in completion between the mid-term and end-of-term reports."""

    INCREASE = Term("increase", "Increase", "Hausse")
    NO_CHANGE = Term("no_change", "No Change", "Pas de changement")
    DECREASE = Term("decrease", "Decrease", "Baisse")
    NO_DATA = NO_DATA_TERM
    NOT_REVIEWED = NOT_REVIEWED_TERM
    NOT_APPLICABLE = NOT_APPLICABLE_TERM


class ActivityStatus(Vocabulary):
    """Whether OGP lists a commitment as active: the "Status:" of an OGP commitment page
    ("Estado:" in Spanish). It says nothing of progress or completion."""

    ACTIVE = Term("active", "Active", es="Activo", aliases=("Activo",))
    INACTIVE = Term("inactive", "Inactive")


class IRMPlaceholder(Vocabulary):
    """What an OGP page prints where an IRM assessment has not been made: a state of the
    page, never an assessment (not a level of any IRM scale).

    Spellings as OGP pages print them in English, French and Spanish; French and Spanish
    pages are partial machine translations, hence the variants.
    """

    PENDING_REVIEW = Term(
        "pending_review",
        "Pending IRM Review",
        "examen du MII en attente",
        "Revisión pendiente de IRM",
        aliases=(
            "en attente d'examen par le MII",
            "examen IRM en attente",
            "Revisión pendiente de IRM",
            "revisión de IRM pendiente",
            "Pendiente revisión de IRM",
        ),
    )
    NO_DATA = Term("no_data", "No IRM Data")
    NO_EARLY_RESULTS_YET = Term("no_early_results_yet", "No early results to report yet")


class Provenance(Vocabulary):
    """How far a shipped text (a requirement of a standard) is confirmed by the source it cites."""

    VERIFIED = Term(
        "verified",
        "Verified",
        "Vérifié",
        "Verificado",
        definition_en="The wording or rule was found in the cited source.",
        definition_fr="Le texte ou la règle figure dans la source citée.",
    )
    PARTIAL = Term(
        "partial",
        "Partly verified",
        "Partiellement vérifié",
        "Parcialmente verificado",
        aliases=("partly verified",),
        definition_en=(
            "Found in part: the source's text is cut off, secondary, or does not state where "
            "the item belongs in the standards."
        ),
        definition_fr=(
            "Trouvé en partie : le texte de la source est tronqué ou de seconde main, ou elle "
            "ne dit pas où l'élément se place dans les normes."
        ),
    )
    UNVERIFIED = Term(
        "unverified",
        "Unverified",
        "Non vérifié",
        "No verificado",
        definition_en=(
            "Not found in any source read: the text is the best available paraphrase and the "
            "cited address is where the official text is published, unread."
        ),
        definition_fr=(
            "Introuvable dans les sources lues : le texte est la meilleure paraphrase "
            "disponible et l'adresse citée est celle de la publication officielle, non lue."
        ),
    )

"""The controlled vocabularies of the model.

Values are stable English codes; labels come in English and French; ``ogp_code`` is the numeric
code used in OGP's commitment export where one exists. "Unknown", "no data", "not reviewed" and
"not applicable" are members of their own, never ``None`` by accident and never zero.
"""

from __future__ import annotations

from opengov.model.vocab import Vocabulary

__all__ = [
    "Completion",
    "Conformity",
    "ContinuationStance",
    "DidItOpenGovernment",
    "EarlyResults",
    "Finding",
    "Flag",
    "IRMReportKind",
    "MilestoneStatus",
    "Missing",
    "OGPValue",
    "Phase",
    "PotentialForResults",
    "PotentialImpact",
    "PublicInfluence",
    "ScheduleAdherence",
    "Specificity",
]


class Completion(Vocabulary):
    """Level of completion of a commitment (the IRM scale, plus explicit missing-data states)."""

    WITHDRAWN = ("withdrawn", "Withdrawn", "Retiré", 0)
    UNCLEAR = ("unclear", "Unclear", "Incertain", 1)
    NOT_STARTED = ("not_started", "Not started", "Pas commencé", 2, ("non réalisé", "non commencé"))
    LIMITED = ("limited", "Limited", "Limité", 3)
    SUBSTANTIAL = ("substantial", "Substantial", "Substantiel", 4)
    COMPLETE = ("complete", "Complete", "Achevé", 5, ("Achévé", "complet", "completed"))
    UNKNOWN = ("unknown", "Unknown", "Inconnu")
    NO_DATA = ("no_data", "No data", "Pas de données", None, ("ND",))
    NOT_REVIEWED = ("not_reviewed", "Not reviewed", "Non évalué", None, ("NR",))
    NOT_APPLICABLE = ("not_applicable", "Not applicable", "Non applicable", None, ("NA", "N/A"))

    @property
    def is_known(self) -> bool:
        """True for a level on the completion scale (not a missing-data state)."""
        return self in _COMPLETION_LEVELS


_COMPLETION_LEVELS = frozenset(
    {
        Completion.WITHDRAWN,
        Completion.UNCLEAR,
        Completion.NOT_STARTED,
        Completion.LIMITED,
        Completion.SUBSTANTIAL,
        Completion.COMPLETE,
    }
)


class MilestoneStatus(Vocabulary):
    """Status of a milestone or action, as government reports phrase it.

    Distinct from the 4-level completion scale: these are the words the report uses
    ("réalisé", "en cours", "mis en suspens", ...).
    """

    DONE = ("done", "Done", "Réalisé", None, ("achevé", "completed", "complete"))
    DONE_ONGOING = (
        "done_ongoing",
        "Done, actions ongoing",
        "Réalisé, actions au fil de l'eau",
        None,
        ("réalisé, actions au fil de l’eau",),
    )
    SUBSTANTIALLY_DONE = (
        "substantially_done",
        "Substantially done",
        "Substantiel",
        None,
        ("réalisation : substantiel", "réalisation substantielle", "substantiellement réalisé"),
    )
    PARTIALLY_DONE = ("partially_done", "Partially done", "Partiellement réalisé")
    IN_PROGRESS = ("in_progress", "In progress", "En cours", None, ("ongoing",))
    NOT_DONE = ("not_done", "Not done", "Non réalisé")
    SUSPENDED = ("suspended", "Suspended", "Mis en suspens", None, ("en suspens", "on hold"))
    NOT_ADDRESSED = (
        "not_addressed",
        "Not addressed at this stage",
        "Non traité à ce stade",
        None,
        ("non traité",),
    )
    UNKNOWN = ("unknown", "Unknown", "Inconnu", None, ("non précisé",))


class OGPValue(Vocabulary):
    """OGP values a commitment can be relevant to."""

    ACCESS_TO_INFORMATION = (
        "access_to_information",
        "Access to Information",
        "Accès à l'information",
    )
    CIVIC_PARTICIPATION = ("civic_participation", "Civic Participation", "Participation civique")
    PUBLIC_ACCOUNTABILITY = (
        "public_accountability",
        "Public Accountability",
        "Redevabilité publique",
        None,
        ("Responsabilité publique",),
    )
    TECHNOLOGY_AND_INNOVATION = (
        "technology_and_innovation",
        "Technology & Innovation for Transparency & Accountability",
        "Technologie et innovation pour la transparence et la redevabilité",
        None,
        ("Technology and Innovation", "Technology & Innovation"),
    )


class ScheduleAdherence(Vocabulary):
    """How far a commitment kept to its schedule (the report's "calendrier respecté")."""

    YES = ("yes", "Yes", "Oui", None, ("respecté", "calendrier respecté"))
    MOSTLY = ("mostly", "Mostly", "Globalement", None, ("globalement respecté",))
    PARTIALLY = ("partially", "Partially", "Partiellement", None, ("partiellement respecté",))
    NO = ("no", "No", "Non", None, ("non respecté",))
    NOT_APPLICABLE = ("not_applicable", "Not applicable", "Non applicable", None, ("NA",))
    UNKNOWN = ("unknown", "Unknown", "Inconnu")


class Phase(Vocabulary):
    """Phases of the OGP action-plan cycle that standards apply to."""

    WHOLE_CYCLE = ("whole_cycle", "Throughout the OGP cycle", "Tout au long du cycle PGO")
    DEVELOPMENT = (
        "development",
        "Development of the action plan",
        "Élaboration du plan d'action",
        None,
        ("co-creation", "élaboration", "co-création"),
    )
    IMPLEMENTATION = (
        "implementation",
        "Implementation, monitoring and self-assessment",
        "Mise en œuvre, suivi et auto-évaluation",
        None,
        ("mise en œuvre", "mise en oeuvre", "implementation and monitoring"),
    )


class Conformity(Vocabulary):
    """Verdict of a self-assessment against a participation standard."""

    FULL = ("full", "Full conformity", "Conformité totale", None, ("totale", "full"))
    PARTIAL = ("partial", "Partial conformity", "Conformité partielle", None, ("partielle",))
    LIMITED = (
        "limited",
        "Limited conformity",
        "Conformité limitée",
        None,
        ("limitée", "conformité limitée (ou non applicable)", "limitée (ou non applicable)"),
    )
    NOT_APPLICABLE = (
        "not_applicable",
        "Not applicable",
        "Non applicable",
        None,
        ("conformité non applicable",),
    )


class Finding(Vocabulary):
    """Outcome of checking one requirement (EARL-style)."""

    MET = ("met", "Met", "Respecté", None, ("passed", "oui", "yes"))
    PARTLY_MET = ("partly_met", "Partly met", "Partiellement respecté", None, ("partial",))
    NOT_MET = ("not_met", "Not met", "Non respecté", None, ("failed", "non", "no"))
    NOT_APPLICABLE = ("not_applicable", "Not applicable", "Non applicable", None, ("NA",))
    UNKNOWN = ("unknown", "Unknown", "Inconnu", None, ("cantTell",))


class PublicInfluence(Vocabulary):
    """Level of public influence (IAP2 spectrum plus "no consultation"), lowest first.

    Members compare by rank: ``PublicInfluence.INVOLVE >= PublicInfluence.CONSULT``.
    """

    NO_CONSULTATION = ("no_consultation", "No consultation", "Aucune consultation", 0)
    INFORM = ("inform", "Inform", "Information", 1)
    CONSULT = ("consult", "Consult", "Consultation", 2)
    INVOLVE = ("involve", "Involve", "Implication", 3)
    COLLABORATE = ("collaborate", "Collaborate", "Collaboration", 4)
    EMPOWER = ("empower", "Empower", "Moyens donnés aux citoyens", 5)

    @property
    def rank(self) -> int:
        """Position on the scale, 0 (no consultation) to 5 (empower)."""
        return _INFLUENCE_ORDER.index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PublicInfluence):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PublicInfluence):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PublicInfluence):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PublicInfluence):
            return NotImplemented
        return self.rank >= other.rank


_INFLUENCE_ORDER = list(PublicInfluence)


class ContinuationStance(Vocabulary):
    """What the IRM recommends doing with a commitment in the next plan."""

    PRIORITY = ("priority", "Make it a priority", "En faire une priorité")
    CONTINUE = ("continue", "Continue", "Poursuivre")
    REFOCUS = ("refocus", "Refocus", "Recentrer")
    DISCONTINUE = ("discontinue", "Discontinue", "Ne pas poursuivre")
    DISCONTINUE_UNLESS_ADAPTED = (
        "discontinue_unless_adapted",
        "Discontinue unless adapted",
        "Ne pas poursuivre sauf adaptation",
    )
    NOT_STATED = ("not_stated", "Not stated", "Non précisé")


class IRMReportKind(Vocabulary):
    """Kinds of report the Independent Reporting Mechanism publishes."""

    DESIGN = ("design", "Design report", "Rapport de conception")
    PROGRESS = ("progress", "Progress report", "Rapport d'avancement")
    MID_TERM = ("mid_term", "Mid-term report", "Rapport à mi-parcours")
    END_OF_TERM = ("end_of_term", "End-of-term report", "Rapport de fin de mandat")
    TRANSITIONAL_RESULTS = (
        "transitional_results",
        "Transitional results report",
        "Rapport de résultats transitoire",
    )
    ACTION_PLAN_REVIEW = (
        "action_plan_review",
        "Action plan review",
        "Examen du plan d'action",
    )
    RESULTS = ("results", "Results report", "Rapport de résultats")
    SELF_ASSESSMENT = ("self_assessment", "Self-assessment report", "Rapport d'auto-évaluation")


# IRM rubric scales. Missing-data markers (ND / NR / NA) are members of their own.


class Specificity(Vocabulary):
    """IRM specificity of a commitment (plans up to 2020)."""

    NONE = ("none", "None", "Aucune", 0)
    LOW = ("low", "Low", "Faible", 1)
    MEDIUM = ("medium", "Medium", "Moyenne", 2)
    HIGH = ("high", "High", "Élevée", 3)
    NO_DATA = ("no_data", "No data", "Pas de données", None, ("ND",))
    NOT_REVIEWED = ("not_reviewed", "Not reviewed", "Non évalué", None, ("NR",))
    NOT_APPLICABLE = ("not_applicable", "Not applicable", "Non applicable", None, ("NA",))


class Flag(Vocabulary):
    """A yes/no judgement of the IRM (verifiable, relevant to a value, carried forward, ...)."""

    YES = ("yes", "Yes", "Oui", 1)
    NO = ("no", "No", "Non", 0)
    NO_DATA = ("no_data", "No data", "Pas de données", None, ("ND",))
    NOT_REVIEWED = ("not_reviewed", "Not reviewed", "Non évalué", None, ("NR",))
    NOT_APPLICABLE = ("not_applicable", "Not applicable", "Non applicable", None, ("NA",))


class Missing(Vocabulary):
    """Why a value is absent, in OGP's data: no data (ND), not reviewed (NR), not applicable (NA)."""

    NO_DATA = ("no_data", "No data", "Pas de données", None, ("ND",))
    NOT_REVIEWED = ("not_reviewed", "Not reviewed", "Non évalué", None, ("NR",))
    NOT_APPLICABLE = ("not_applicable", "Not applicable", "Non applicable", None, ("NA",))


class PotentialImpact(Vocabulary):
    """IRM potential impact (plans up to 2020)."""

    NONE = ("none", "None", "Aucun", 0)
    MINOR = ("minor", "Minor", "Mineur", 1)
    MODERATE = ("moderate", "Moderate", "Modéré", 2)
    TRANSFORMATIVE = ("transformative", "Transformative", "Transformateur", 3)
    NO_DATA = ("no_data", "No data", "Pas de données", None, ("ND",))
    NOT_REVIEWED = ("not_reviewed", "Not reviewed", "Non évalué", None, ("NR",))
    NOT_APPLICABLE = ("not_applicable", "Not applicable", "Non applicable", None, ("NA",))


class PotentialForResults(Vocabulary):
    """IRM potential for results (2020+ rubric)."""

    UNCLEAR = ("unclear", "Unclear", "Incertain", 0)
    MODEST = ("modest", "Modest", "Modeste", 1)
    SUBSTANTIAL = ("substantial", "Substantial", "Substantiel", 2)
    NO_DATA = ("no_data", "No data", "Pas de données", None, ("ND",))
    NOT_REVIEWED = ("not_reviewed", "Not reviewed", "Non évalué", None, ("NR",))
    NOT_APPLICABLE = ("not_applicable", "Not applicable", "Non applicable", None, ("NA",))


class DidItOpenGovernment(Vocabulary):
    """IRM "Did it open government?" (overall scale)."""

    WORSENS = ("worsens", "Worsens", "Aggravé", 0)
    DID_NOT_CHANGE = ("did_not_change", "Did Not Change", "Pas de changement", 1)
    NO_EARLY_RESULTS_YET = (
        "no_early_results_yet",
        "No early results to report yet",
        "Pas encore de premiers résultats",
        1,
    )
    MARGINAL = ("marginal", "Marginal", "Marginal", 2)
    MAJOR = ("major", "Major", "Majeur", 3)
    OUTSTANDING = ("outstanding", "Outstanding", "Exceptionnel", 4)
    NO_DATA = ("no_data", "No data", "Pas de données", None, ("ND",))
    NOT_REVIEWED = ("not_reviewed", "Not reviewed", "Non évalué", None, ("NR",))
    NOT_APPLICABLE = ("not_applicable", "Not applicable", "Non applicable", None, ("NA",))


class EarlyResults(Vocabulary):
    """IRM early results (2021+ rubric)."""

    NO_NOTABLE_RESULTS = (
        "no_notable_results",
        "No notable results",
        "Pas de résultats notables",
        0,
    )
    MODERATE = ("moderate", "Moderate", "Modérés", 1)
    SIGNIFICANT = ("significant", "Significant", "Significatifs", 2)
    OUTSTANDING = ("outstanding", "Outstanding", "Exceptionnels", 3)
    NO_DATA = ("no_data", "No data", "Pas de données", None, ("ND",))
    NOT_REVIEWED = ("not_reviewed", "Not reviewed", "Non évalué", None, ("NR",))
    NOT_APPLICABLE = ("not_applicable", "Not applicable", "Non applicable", None, ("NA",))

"""The words of a report's frame — headings, labels, the sentences around the figures — in
English, French and Spanish, one table per language.

The words of the data themselves (completion levels, milestone statuses, verdicts, phases) come
from the vocabularies' own labels (:meth:`opengov.model.vocab.Vocabulary.label`), English where
a vocabulary has no label in the frame's language. A report is framed in the plan's language
when there is a table for it, in English otherwise, or in the language asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from attrs import frozen

from opengov.errors import UnknownLanguageError
from opengov.model.vocab import Vocabulary

__all__ = ["LANGUAGES", "TABLES", "Frame", "report_frame"]

_EN = {
    # how a figure is written
    "percent": "{value}%",
    "pair": "{label}: {value}",
    "sep": "; ",
    "of": "{count} of {total}",
    # the plan's facts
    "member": "Member",
    "period": "Period",
    "plan_number": "plan n°{number}",
    "commitment_count": "{count} commitments",
    "status_date": "Status as of",
    "stated": "Stated by the plan",
    "stated_by": "Stated by {source}",
    "ambitions": "Ambitions",
    # commitments and milestones
    "commitments": "Commitments",
    "number": "n°",
    "commitment": "commitment",
    "lead": "lead",
    "completion": "completion",
    "milestones": "milestones",
    "milestones_done": "milestones done: {done} of {total} ({share})",
    "milestones_unknown": "status unknown: {count}",
    "no_milestones": "no milestones",
    "no_commitments": "no commitments",
    # the completion rate (rules.progress.completion_rate)
    "completion_heading": "Completion",
    "completion_rate": "Completion rate",
    "rate_known": (
        "{rate} of the commitments with a known completion are substantial or complete "
        "({achieved} of {known})"
    ),
    "rate_none_known": "no commitment has a known completion",
    "rate_unknown": (
        "completion unknown for {unknown} of {counted}: over all of them, the rate lies between "
        "{lowest} and {highest}"
    ),
    "rate_excluded": "left out (withdrawn or not applicable): {excluded}",
    # participation
    "participation": "Participation and co-creation",
    "self_assessment": "self-assessment",
    "standard": "standard",
    "phase": "phase",
    "verdict_stated": "verdict (stated)",
    "verdict_derived": "verdict (derived from findings)",
    "verdict_alternative": "{verdict} (or {alternative})",
    "verdict_agreement": "stated and derived",
    "verdicts_agree": "agrees",
    "verdicts_differ": "differs on {requirements}",
    "beside_irm": "Self-assessment beside the IRM",
    "government": "government",
    "irm": "IRM",
    "in_words": "in the document's words",
    "no_verdict": "no verdict",
    "overall": "Overall",
    "public_influence": "Public influence",
    # IRM and next steps
    "irm_recommendations": "IRM key recommendations",
    "echoed_by": "echoed by",
    "next_steps": "Planned next steps",
    # the scorecard
    "scorecard": "Scorecard",
    "figure": "figure",
    "value": "value",
    "why": "why",
    "value_unknown": "unknown",
    "value_none": "none",
    "value_yes": "yes",
    "value_partly": "partly",
    "irm_forum": "Multi-stakeholder forum",
    "irm_acted_contrary": "Acted contrary to OGP process",
    "irm_acted_according": "Acted according to OGP process",
    "irm_process": "Process",
    "value_no": "no",
    "rate_value": "{rate} of {known} known",
    "rate_value_none": "no completion known",
    "rate_value_range": "{known}; {unknown} unknown (between {lowest} and {highest} of all {counted})",
    "figure.completion_rate": "completion rate",
    "figure.milestone_statuses": "milestone statuses",
    "figure.overdue_milestones": "overdue milestones",
    "figure.acted_contrary_to_process": "acted contrary to process",
    "figure.acted_according_to_process": "acted according to process",
    "figure.starred": "starred",
    "figure.quadrants": "quadrants",
    "figure.progress_history": "progress history",
    "progress_value": "{updates} updates on {units} units",
    "progress_heading": "Progress over time",
    "progress_unit": "Unit",
    "progress_date": "Date",
    "progress_by": "Reported by",
    "progress_status": "Status as written",
    "progress_meaning": "Completion",
    "progress_percent": "%",
    "progress_expected": "Expected %",
    # charts
    "chart_commitments": "Milestones of each commitment, by status",
    "chart_milestones": "Milestones by status",
    "chart_conformity": "Conformity by standard and phase (self-assessment)",
    "chart_more": "… and {count} more (see the table)",
}

_FR = {
    "percent": "{value}\u00a0%",
    "pair": "{label} : {value}",
    "sep": " ; ",
    "of": "{count} sur {total}",
    "member": "Membre",
    "period": "Période",
    "plan_number": "plan n°{number}",
    "commitment_count": "{count} engagements",
    "status_date": "État d'avancement",
    "stated": "Déclaré par le plan",
    "stated_by": "Déclaré par {source}",
    "ambitions": "Ambitions",
    "commitments": "Engagements",
    "number": "n°",
    "commitment": "engagement",
    "lead": "pilote",
    "completion": "achèvement",
    "milestones": "jalons",
    "milestones_done": "jalons réalisés : {done} sur {total} ({share})",
    "milestones_unknown": "statut inconnu : {count}",
    "no_milestones": "aucun jalon",
    "no_commitments": "aucun engagement",
    "completion_heading": "Achèvement",
    "completion_rate": "Taux d'achèvement",
    "rate_known": (
        "{rate} des engagements dont l'achèvement est connu sont substantiels ou achevés "
        "({achieved} sur {known})"
    ),
    "rate_none_known": "aucun engagement n'a d'achèvement connu",
    "rate_unknown": (
        "achèvement inconnu pour {unknown} sur {counted} : sur l'ensemble, le taux est compris "
        "entre {lowest} et {highest}"
    ),
    "rate_excluded": "non comptés (retirés ou non applicables) : {excluded}",
    "participation": "Participation et co-création",
    "self_assessment": "auto-évaluation",
    "standard": "norme",
    "phase": "phase",
    "verdict_stated": "verdict (déclaré)",
    "verdict_derived": "verdict (déduit des constats)",
    "verdict_alternative": "{verdict} (ou {alternative})",
    "verdict_agreement": "déclaré et déduit",
    "verdicts_agree": "concorde",
    "verdicts_differ": "diffère sur {requirements}",
    "beside_irm": "Auto-évaluation et MRI",
    "government": "gouvernement",
    "irm": "MRI",
    "in_words": "selon les termes du document",
    "no_verdict": "pas de verdict",
    "overall": "Appréciation d'ensemble",
    "public_influence": "Influence du public",
    "irm_recommendations": "Recommandations clés du MRI",
    "echoed_by": "repris par",
    "next_steps": "Prochaines étapes prévues",
    "scorecard": "Tableau de bord",
    "figure": "indicateur",
    "value": "valeur",
    "why": "explication (en anglais)",
    "value_unknown": "inconnu",
    "value_none": "aucun",
    "value_yes": "oui",
    "value_partly": "en partie",
    "irm_forum": "Forum multipartite",
    "irm_acted_contrary": "Contraire au processus du PGO",
    "irm_acted_according": "Conforme au processus du PGO",
    "irm_process": "Processus",
    "value_no": "non",
    "rate_value": "{rate} des {known} connus",
    "rate_value_none": "aucun achèvement connu",
    "rate_value_range": (
        "{known} ; {unknown} inconnus (entre {lowest} et {highest} sur l'ensemble des {counted})"
    ),
    "figure.completion_rate": "taux d'achèvement",
    "figure.milestone_statuses": "statuts des jalons",
    "figure.overdue_milestones": "jalons en retard",
    "figure.acted_contrary_to_process": "action contraire au processus",
    "figure.acted_according_to_process": "action conforme au processus",
    "figure.starred": "engagements étoilés",
    "figure.quadrants": "quadrants",
    "figure.progress_history": "historique de l'avancement",
    "progress_value": "{updates} points d'avancement sur {units} éléments",
    "progress_heading": "Avancement dans le temps",
    "progress_unit": "Élément",
    "progress_date": "Date",
    "progress_by": "Source",
    "progress_status": "Statut tel qu'écrit",
    "progress_meaning": "Achèvement",
    "progress_percent": "%",
    "progress_expected": "% attendu",
    "chart_commitments": "Jalons de chaque engagement, par statut",
    "chart_milestones": "Jalons par statut",
    "chart_conformity": "Conformité par norme et par phase (auto-évaluation)",
    "chart_more": "… et {count} de plus (voir le tableau)",
}

_ES = {
    "percent": "{value}\u00a0%",
    "pair": "{label}: {value}",
    "sep": "; ",
    "of": "{count} de {total}",
    "member": "Miembro",
    "period": "Periodo",
    "plan_number": "plan n.º {number}",
    "commitment_count": "{count} compromisos",
    "status_date": "Estado a la fecha",
    "stated": "Declarado por el plan",
    "stated_by": "Declarado por {source}",
    "ambitions": "Ambiciones",
    "commitments": "Compromisos",
    "number": "n.º",
    "commitment": "compromiso",
    "lead": "responsable",
    "completion": "cumplimiento",
    "milestones": "hitos",
    "milestones_done": "hitos cumplidos: {done} de {total} ({share})",
    "milestones_unknown": "estado desconocido: {count}",
    "no_milestones": "sin hitos",
    "no_commitments": "sin compromisos",
    "completion_heading": "Cumplimiento",
    "completion_rate": "Tasa de cumplimiento",
    "rate_known": (
        "el {rate} de los compromisos con cumplimiento conocido son sustanciales o completos "
        "({achieved} de {known})"
    ),
    "rate_none_known": "ningún compromiso tiene un cumplimiento conocido",
    "rate_unknown": (
        "cumplimiento desconocido para {unknown} de {counted}: sobre el total, la tasa está "
        "entre {lowest} y {highest}"
    ),
    "rate_excluded": "excluidos (retirados o no aplicables): {excluded}",
    "participation": "Participación y cocreación",
    "self_assessment": "autoevaluación",
    "standard": "estándar",
    "phase": "fase",
    "verdict_stated": "veredicto (declarado)",
    "verdict_derived": "veredicto (derivado de los hallazgos)",
    "verdict_alternative": "{verdict} (o {alternative})",
    "verdict_agreement": "declarado y derivado",
    "verdicts_agree": "coincide",
    "verdicts_differ": "difiere en {requirements}",
    "beside_irm": "Autoevaluación y MRI",
    "government": "gobierno",
    "irm": "MRI",
    "in_words": "en palabras del documento",
    "no_verdict": "sin veredicto",
    "overall": "En conjunto",
    "public_influence": "Influencia del público",
    "irm_recommendations": "Recomendaciones clave del MRI",
    "echoed_by": "retomada por",
    "next_steps": "Próximos pasos previstos",
    "scorecard": "Cuadro de indicadores",
    "figure": "indicador",
    "value": "valor",
    "why": "explicación (en inglés)",
    "value_unknown": "desconocido",
    "value_none": "ninguno",
    "value_yes": "sí",
    "value_partly": "en parte",
    "irm_forum": "Foro multiactor",
    "irm_acted_contrary": "Actuó en contra del proceso de OGP",
    "irm_acted_according": "Actuó de acuerdo con el proceso de OGP",
    "irm_process": "Proceso",
    "value_no": "no",
    "rate_value": "{rate} de {known} conocidos",
    "rate_value_none": "ningún cumplimiento conocido",
    "rate_value_range": (
        "{known}; {unknown} desconocidos (entre {lowest} y {highest} del total de {counted})"
    ),
    "figure.completion_rate": "tasa de cumplimiento",
    "figure.milestone_statuses": "estados de los hitos",
    "figure.overdue_milestones": "hitos atrasados",
    "figure.acted_contrary_to_process": "actuó en contra del proceso",
    "figure.acted_according_to_process": "actuó conforme al proceso",
    "figure.starred": "compromisos estelares",
    "figure.quadrants": "cuadrantes",
    "figure.progress_history": "historial de avance",
    "progress_value": "{updates} reportes de avance sobre {units} elementos",
    "progress_heading": "Avance en el tiempo",
    "progress_unit": "Elemento",
    "progress_date": "Fecha",
    "progress_by": "Reportado por",
    "progress_status": "Estado tal como está escrito",
    "progress_meaning": "Cumplimiento",
    "progress_percent": "%",
    "progress_expected": "% esperado",
    "chart_commitments": "Hitos de cada compromiso, por estado",
    "chart_milestones": "Hitos por estado",
    "chart_conformity": "Conformidad por estándar y fase (autoevaluación)",
    "chart_more": "… y {count} más (ver la tabla)",
}

#: The frame's words, by language code and key.
TABLES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {"en": MappingProxyType(_EN), "fr": MappingProxyType(_FR), "es": MappingProxyType(_ES)}
)
#: The languages a report can be framed in.
LANGUAGES: tuple[str, ...] = tuple(TABLES)


@frozen
class Frame:
    """The words of a report in one language: ``frame("key", name=value)`` fills a phrase."""

    lang: str

    def __call__(self, key: str, /, **values: object) -> str:
        """The phrase ``key``, its ``{placeholders}`` filled from ``values``."""
        return TABLES[self.lang][key].format(**values)

    def get(self, key: str, default: str) -> str:
        """The phrase ``key`` as is, or ``default`` if the frame has none."""
        return TABLES[self.lang].get(key, default)

    def label(self, member: Vocabulary) -> str:
        """A vocabulary member's label in this language (English if it has none)."""
        return member.label(self.lang)

    def pair(self, label: str, value: object) -> str:
        """``label: value``, punctuated the language's way."""
        return self("pair", label=label, value=value)

    def percent(self, share: float) -> str:
        """A share between 0 and 1 as a whole percentage ("25%", "25 %")."""
        return self("percent", value=f"{share * 100:.0f}")

    def of(self, count: int, total: int) -> str:
        """``count of total``."""
        return self("of", count=count, total=total)


def report_frame(plan_language: str, lang: str | None = None) -> Frame:
    """The frame of a report: ``lang`` if given (one of :data:`LANGUAGES`, else
    :class:`~opengov.errors.UnknownLanguageError`), else the plan's language (its primary
    subtag: ``fr-BE`` → ``fr``) when a table exists for it, else English."""
    if lang is not None:
        if lang not in TABLES:
            raise UnknownLanguageError(lang, LANGUAGES)
        return Frame(lang)
    primary = plan_language.split("-")[0].strip().lower()
    return Frame(primary if primary in TABLES else "en")

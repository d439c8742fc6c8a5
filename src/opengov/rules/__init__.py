"""Rules: pure functions over the model (validation, scoring, conformity), each explainable.

Every rule returns an :class:`Outcome` (a value and an explanation naming its inputs); rule sets
group rules and can be copied and changed.
"""

from opengov.issues import Issue, Severity
from opengov.rules.base import Evaluation, Outcome, Rule, RuleSet
from opengov.rules.beside_irm import SideBySide, beside_irm
from opengov.rules.conformity import (
    DEFAULT_CONFORMITY_RULE,
    ConformityRule,
    derive_conformity,
    differing_requirements,
)
from opengov.rules.irm import STAR_2014, STAR_2015, StarRule, commitment_rules
from opengov.rules.ogp import export_rules
from opengov.rules.process import acted_according_to_process, acted_contrary_to_process
from opengov.rules.progress import completion_rate, milestone_progress, overdue_milestones
from opengov.rules.scorecard import Scorecard, score
from opengov.rules.validation import CHECKS, Check, check, validate

__all__ = [
    "CHECKS",
    "DEFAULT_CONFORMITY_RULE",
    "STAR_2014",
    "STAR_2015",
    "Check",
    "ConformityRule",
    "Evaluation",
    "Issue",
    "Outcome",
    "Rule",
    "RuleSet",
    "Scorecard",
    "Severity",
    "SideBySide",
    "StarRule",
    "acted_according_to_process",
    "acted_contrary_to_process",
    "beside_irm",
    "check",
    "commitment_rules",
    "completion_rate",
    "derive_conformity",
    "differing_requirements",
    "export_rules",
    "milestone_progress",
    "overdue_milestones",
    "score",
    "validate",
]

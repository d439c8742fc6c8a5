"""Rules: pure functions over the model (validation, scoring, conformity), each explainable."""

from opengov.rules.validation import CHECKS, Check, Issue, Severity, check, validate

__all__ = ["CHECKS", "Check", "Issue", "Severity", "check", "validate"]

"""Exception types raised by ``opengov``.

Every exception subclasses :class:`OpenGovError` *and* the matching builtin, so callers can
catch either (``except opengov.LoadError`` or ``except ValueError``).
"""

from __future__ import annotations

from collections.abc import Iterable

from opengov.issues import SHOWN_ISSUES, Issue

__all__ = [
    "AmbiguousStatusError",
    "DateParseError",
    "DumpError",
    "LoadError",
    "OpenGovError",
    "RuleError",
    "StatusError",
    "UnknownDatasetError",
    "UnknownFormatError",
    "UnknownLanguageError",
    "VocabularyError",
]


class OpenGovError(Exception):
    """Base class of every error raised by ``opengov``."""


class LoadError(OpenGovError, ValueError):
    """An input could not be read into model objects.

    ``issues`` lists every problem found as an :class:`~opengov.Issue` of severity error, each
    with its location (a JSON path such as ``$.commitments[3].milestones[0].due``, or a table,
    row and column for CSV) and a code for the kind of problem (``wrong-type``, ...). Its
    message lists the first :data:`~opengov.issues.SHOWN_ISSUES` of them and counts the rest.
    """

    def __init__(self, issues: Iterable[Issue], *, source: str | None = None) -> None:
        self.issues: list[Issue] = list(issues)
        self.source = source
        super().__init__(self._summary())

    def _summary(self) -> str:
        head = f"{self.source}: " if self.source else ""
        if len(self.issues) == 1:
            return f"{head}{self.issues[0].located}"
        lines = [f"{head}{len(self.issues):,} problems"]
        lines.extend(f"  {issue.located}" for issue in self.issues[:SHOWN_ISSUES])
        if len(self.issues) > SHOWN_ISSUES:
            lines.append(f"  … and {len(self.issues) - SHOWN_ISSUES:,} more")
        return "\n".join(lines)


class DumpError(OpenGovError, ValueError):
    """An object could not be written in the requested format."""


class VocabularyError(OpenGovError, ValueError):
    """A label does not belong to a controlled vocabulary."""

    def __init__(self, vocabulary: str, label: object, known: Iterable[str]) -> None:
        self.vocabulary = vocabulary
        self.label = label
        self.known = sorted(known)
        super().__init__(
            f"{label!r} is not a known {vocabulary} label (expected one of: {', '.join(self.known)})"
        )


class DateParseError(OpenGovError, ValueError):
    """A date phrase could not be read."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"not a date: {text!r} ({reason})")


class RuleError(OpenGovError, LookupError):
    """A rule set cannot evaluate: a rule needs one the set does not have, or rules form a cycle."""

    def __str__(self) -> str:  # LookupError would otherwise repr() the message
        return str(self.args[0])


class UnknownDatasetError(OpenGovError, LookupError):
    """No bundled dataset has the requested name."""

    def __init__(self, name: str, known: Iterable[str]) -> None:
        self.name = name
        self.known = sorted(known)
        super().__init__(f"no bundled dataset named {name!r} (bundled: {', '.join(self.known)})")

    def __str__(self) -> str:  # LookupError would otherwise repr() the message
        return str(self.args[0])


class UnknownLanguageError(OpenGovError, ValueError):
    """A report was asked for in a language it has no wording for."""

    def __init__(self, language: str, known: Iterable[str]) -> None:
        self.language = language
        self.known = sorted(known)
        super().__init__(f"no report language {language!r} (available: {', '.join(self.known)})")


class UnknownFormatError(OpenGovError, ValueError):
    """No file format has the requested name (``format=`` of ``load``, ``loads`` or ``dump``)."""

    def __init__(self, name: object, known: Iterable[str]) -> None:
        self.name = name
        self.known = list(known)
        super().__init__(f"unknown format {name!r} (known: {', '.join(self.known)})")


class StatusError(OpenGovError, ValueError):
    """A status word is on none of the status scales it was read against, or a status scale is
    declared wrongly (see :mod:`opengov.model.scales`)."""


class AmbiguousStatusError(StatusError):
    """A status word means different things on the status scales that know it.

    ``meanings`` lists each scale's reading as ``(scale id, meaning)``: name the scale the
    source declares to read the word.
    """

    def __init__(self, word: str, meanings: Iterable[tuple[str, str]]) -> None:
        self.word = word
        self.meanings = list(meanings)
        readings = "; ".join(f"{scale}: {meaning}" for scale, meaning in self.meanings)
        super().__init__(
            f"{word!r} means different things on different status scales ({readings}): "
            "name the scale its source uses"
        )

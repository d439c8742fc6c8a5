"""One record for every located message: a problem in an input, a check's finding, a warning.

Loaders put :class:`Issue` records in :class:`~opengov.LoadError`, :func:`opengov.validate`
returns them, and :func:`opengov.io.ogp.read_export` lists its warnings and unreadable rows as
them. Each names its place (``path``: a JSON path, a table, row and column, a subject and
property, a line), a short stable ``code`` for the kind of problem, the message, and how serious
it is. The module depends on nothing else in the package, so every layer can use it.

Messages stay bounded whatever the input: a message that names things lists at most
:data:`SHOWN` of them with :func:`listed` ("a, b, c and 19,990 more"), an issue's path and
message are cut after :data:`MAX_TEXT` characters (and its value where it is shown), and a :class:`~opengov.LoadError` prints at
most :data:`SHOWN_ISSUES` issues (its ``issues`` keep them all).
"""

from __future__ import annotations

import itertools
from collections.abc import Collection
from enum import StrEnum

from attrs import field, frozen

__all__ = ["MAX_TEXT", "SHOWN", "SHOWN_ISSUES", "Issue", "Severity", "listed"]

#: How many names a message lists before it says how many more there are.
SHOWN = 10
#: How many issues an error message prints before it says how many more there are.
SHOWN_ISSUES = 20
#: The longest path, message or value an issue keeps (longer ones are cut, and say so).
MAX_TEXT = 1000


def listed(names: Collection[str], shown: int = SHOWN) -> str:
    """``names`` joined with commas, at most ``shown`` of them: "a, b, c and 19,990 more"."""
    first = ", ".join(itertools.islice(names, shown))
    return first if len(names) <= shown else f"{first} and {len(names) - shown:,} more"


def _cut(text: str) -> str:
    if len(text) <= MAX_TEXT:
        return text
    return f"{text[:MAX_TEXT]}… ({len(text) - MAX_TEXT:,} more characters)"


class Severity(StrEnum):
    """How serious an issue is. Only errors make a plan invalid or an input unreadable."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def _one_line(text: str) -> str:
    """Issues print one per line: control characters from the input are shown escaped, and a
    text longer than :data:`MAX_TEXT` is cut."""
    text = _cut(text)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


@frozen
class Issue:
    """Where (``path``), which kind of problem (``code``), what (``message``), how serious.

    ``path`` and ``message`` are kept on one line (control characters shown escaped). The
    keyword-only fields are filled where the source has them: ``value`` is the text at fault
    (shown after the message), and a one-table source (OGP's export) also gives the ``row``
    (the header is row 1), the ``column`` and the ``commitment`` identifier of the row, so that
    callers can sort and filter without reading the path.
    """

    path: str = field(converter=_one_line)
    code: str
    message: str = field(converter=_one_line)
    severity: Severity = Severity.ERROR
    value: str | None = field(default=None, kw_only=True)
    row: int | None = field(default=None, kw_only=True)
    column: str | None = field(default=None, kw_only=True)
    commitment: str | None = field(default=None, kw_only=True)

    @property
    def located(self) -> str:
        """``path: message``, and the value if there is one: how a :class:`~opengov.LoadError`
        lists its issues."""
        shown = f" (value {_cut(self.value)!r})" if self.value is not None else ""
        text = f"{self.message}{shown}"
        return f"{self.path}: {text}" if self.path else text

    def __str__(self) -> str:
        """``error $.commitments[3].title: the commitment's title is empty [empty-title]``."""
        return f"{self.severity} {self.located} [{self.code}]"

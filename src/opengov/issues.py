"""One record for every located message: a problem in an input, a check's finding, a warning.

Loaders put :class:`Issue` records in :class:`~opengov.LoadError`, :func:`opengov.validate`
returns them, and :func:`opengov.io.ogp.read_export` lists its warnings and unreadable rows as
them. Each names its place (``path``: a JSON path, a table, row and column, a subject and
property, a line), a short stable ``code`` for the kind of problem, the message, and how serious
it is. The module depends on nothing else in the package, so every layer can use it.
"""

from __future__ import annotations

from enum import StrEnum

from attrs import field, frozen

__all__ = ["Issue", "Severity"]


class Severity(StrEnum):
    """How serious an issue is. Only errors make a plan invalid or an input unreadable."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def _one_line(text: str) -> str:
    """Issues print one per line: control characters from the input are shown escaped."""
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
        shown = f" (value {self.value!r})" if self.value is not None else ""
        text = f"{self.message}{shown}"
        return f"{self.path}: {text}" if self.path else text

    def __str__(self) -> str:
        """``error $.commitments[3].title: the commitment's title is empty [empty-title]``."""
        return f"{self.severity} {self.located} [{self.code}]"

"""Every value a report takes from a plan, escaped for the format it goes into.

The reports apply one of these functions to each value from the data (a title, a name, a phrase,
an id) where they insert it, and to nothing else: the report's own words are trusted. All three
show control characters as escapes and isolate bidirectional overrides
(:mod:`opengov._display`), and the first two put the value on one line (white space runs become
one space), so no value can retitle a terminal, start a new line, a heading or a table row, or
reorder its neighbours.

- :func:`plain` — text for a terminal;
- :func:`markdown` — Markdown text: ``&``, ``<`` and ``>`` as HTML entities (no raw HTML, no
  autolink, in every Markdown dialect), and the characters that make links, images, emphasis,
  code or a table cell (``\\ ` * _ [ ] | ~``; ``_`` unless inside a word) escaped with a
  backslash, as are a leading ``#``, ``-``, ``+`` and the ``.`` or ``)`` of a leading
  number (a value may follow a list marker, where they would make a heading, a list or a rule),
  so the value shows as written;
- :func:`html` — HTML text or attribute value (``& < > " '`` as entities).
"""

from __future__ import annotations

import re
from html import escape

from opengov._display import escape_controls, field, isolate_bidi

__all__ = ["html", "markdown", "plain"]

_MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MD_BACKSLASHED = frozenset("\\`*_[]|~")
_MD_LINE_START = frozenset("#-+")
_MD_ORDERED = re.compile(r"[0-9]+(?=[.)])")


def plain(value: object) -> str:
    """A value for a terminal, on one line."""
    return field(str(value))


def markdown(value: object) -> str:
    """A value for Markdown, on one line: shown as written by every renderer."""
    text = field(str(value))
    # what would start a heading, a list or a rule after a list marker
    ordered = _MD_ORDERED.match(text)
    leading = ordered.end() if ordered else 0 if text[:1] in _MD_LINE_START else -1
    out = []
    for i, ch in enumerate(text):
        if ch in _MD_ENTITIES:
            out.append(_MD_ENTITIES[ch])
        elif i == leading or (ch in _MD_BACKSLASHED and not (ch == "_" and _inside_word(text, i))):
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _inside_word(text: str, i: int) -> bool:
    """The character at ``i`` has a letter or digit on both sides (an underscore there makes no
    emphasis: ``AP_FRA01`` stays as it is)."""
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def html(value: object) -> str:
    """A value for HTML text or a quoted attribute (its white space kept: HTML folds it)."""
    return escape(isolate_bidi(escape_controls(str(value), keep="\t\n\r")))

"""How text from an input is shown to people: control characters escaped, bidi isolated.

A plan's text reaches terminals (the text report, ``opengov score``, error messages) and browsers
(the HTML report, a Markdown report once rendered). There it must stay text:

- :func:`escape_controls` shows C0 and C1 control characters (ESC, BEL, NEL, ...), line and
  paragraph separators and lone surrogates as escapes (``\\x1b``, ``\\x85``, ``\\u2028``), so
  no input retitles a terminal, clears it or moves its cursor;
- :func:`isolate_bidi` wraps a text holding explicit bidirectional formatting characters
  (overrides such as U+202E, embeddings, isolates) in a first-strong isolate, its own openers
  closed and its stray closers escaped, so that it cannot reorder the text around it.

:func:`field` does both for one value shown on one line; :func:`terminal` does both for a
whole output, line by line, keeping its line breaks. The module depends on nothing else in the
package, so every layer can use it.
"""

from __future__ import annotations

import re

__all__ = ["BIDI_CONTROLS", "escape_controls", "field", "isolate_bidi", "terminal"]

_FSI, _PDI, _PDF = "\u2068", "\u2069", "\u202c"
_ISOLATES = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI: closed by PDI
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")  # LRE, RLE, LRO, RLO: closed by PDF
#: The explicit bidirectional formatting characters (Unicode's UAX #9, section 2).
BIDI_CONTROLS = frozenset(_ISOLATES | _EMBEDDINGS | {_PDI, _PDF})
_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
# C0 and C1 controls, DEL, line and paragraph separators, surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def _escaped(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str, keep: str = "") -> str:
    """``text`` with every control character (C0, DEL, C1), line or paragraph separator and lone
    surrogate written as an escape (``\\x1b``, ``\\u2028``), except the characters in ``keep``
    (``"\\n"`` for a text of several lines)."""
    if keep:
        return "".join(
            part if part in keep else _UNSAFE.sub(_escaped, part)
            for part in re.split(f"([{re.escape(keep)}])", text)
        )
    return _UNSAFE.sub(_escaped, text)


def isolate_bidi(text: str) -> str:
    """``text`` unchanged if it holds no explicit bidi formatting character; otherwise wrapped in
    FSI … PDI, its own isolates closed at its end and its unmatched PDIs shown as ``\\u2069``, so
    nothing it opens reaches beyond it (the closing PDI also ends its embeddings and overrides)."""
    if not _BIDI.search(text):
        return text
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch in _ISOLATES:
            depth += 1
        elif ch == _PDI:
            if not depth:
                out.append("\\u2069")
                continue
            depth -= 1
        out.append(ch)
    return _FSI + "".join(out) + _PDI * depth + _PDI


def _contained(text: str) -> bool:
    """Every embedding or override of ``text`` sits inside an isolate it closes, and every
    isolate it opens is closed: it reorders nothing beyond itself."""
    depth = 0
    for ch in _BIDI.findall(text):
        if ch in _ISOLATES:
            depth += 1
        elif ch == _PDI:
            if not depth:
                return False
            depth -= 1
        elif not depth:
            return False
    return depth == 0


def field(text: str) -> str:
    """One value as shown on one line: white space runs made one space (no-break spaces kept),
    controls escaped, bidi isolated."""
    return isolate_bidi(escape_controls(_SPACES.sub(" ", text).strip(" ")))


def terminal(text: str) -> str:
    """A whole output for a terminal: controls escaped except line breaks, and each line whose
    bidi formatting characters are not already contained isolated (see :func:`isolate_bidi`)."""
    text = escape_controls(text, keep="\n")
    if not _BIDI.search(text):
        return text
    return "\n".join(line if _contained(line) else isolate_bidi(line) for line in text.split("\n"))

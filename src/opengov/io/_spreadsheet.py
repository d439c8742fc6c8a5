"""Spreadsheet formula injection: cells a spreadsheet would run as formulas, neutralised.

A spreadsheet runs a cell whose text starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and
skips a leading tab or carriage return to find one): ``=HYPERLINK(...)``, ``+cmd|' /C calc'!A0``,
``@SUM(1+1)``. :func:`neutralise` prefixes such a cell with an apostrophe, which every
spreadsheet shows as text; :func:`restore` removes exactly that apostrophe again, so a reader
that knows the cells were neutralised gets the original text back. A cell that already starts
with apostrophes before such a character gets one more, so the round trip is exact. Both the CSV
tables (``spreadsheet_safe=True``) and OGP's export use these two functions.
"""

from __future__ import annotations

__all__ = ["FORMULA_START", "neutralise", "restore"]

#: The first characters that make a spreadsheet read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """``text`` as a spreadsheet-safe cell (an apostrophe before a would-be formula)."""
    if text.lstrip("'").startswith(FORMULA_START):
        return "'" + text
    return text


def restore(text: str) -> str:
    """The original text of a cell written by :func:`neutralise`."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_START):
        return text[1:]
    return text

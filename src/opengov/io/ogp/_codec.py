"""Every kind of cell of OGP's commitment export, read and written in one place.

The export spells a few kinds of value, always the same way:

- the missing-data markers ``ND`` (no data), ``NR`` (not reviewed) and ``NA`` (not
  applicable), the :class:`~opengov.model.Missing` states of any vocabulary;
- flags written ``0``/``1`` (most columns) or ``Yes``/``No`` (``Verifiable``), or a marker;
- report years, or a marker;
- labels with a numeric twin (``Substantial`` and ``_Completion`` = ``4``), one
  :class:`LabelColumn` per pair;
- the ``Binding constraint`` words (``Spec``, ``PotImp``, ``STAR``...), the vocabulary's own
  aliases.

The reader, the writer and the derived columns use only this module. Each reader returns the
value and whether the cell was written the canonical way, so the reader can keep an unusual
spelling verbatim and the writer can write it back.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from opengov.errors import VocabularyError
from opengov.model import BindingConstraint, Completion, Flag, Missing
from opengov.model.vocab import Vocabulary, normalise_label

__all__ = [
    "FLAG_01",
    "FLAG_YES_NO",
    "MARKERS",
    "FlagCodec",
    "LabelColumn",
    "binding_constraint_text",
    "label_column",
    "marker_text",
    "read_label",
    "read_marker",
    "read_year",
    "twin_of",
    "value_text",
    "write_label",
    "write_year",
]

#: The missing-data markers, as OGP spells them.
MARKERS: dict[str, Missing] = {
    "ND": Missing.NO_DATA,
    "NR": Missing.NOT_REVIEWED,
    "NA": Missing.NOT_APPLICABLE,
}
_MARKER_TEXT = {state: text for text, state in MARKERS.items()}


def read_marker(text: str) -> Missing | None:
    """The missing-data state a cell spells exactly (``ND``, ``NR``, ``NA``), else ``None``."""
    return MARKERS.get(text)


def marker_text(member: Vocabulary) -> str | None:
    """``ND`` / ``NR`` / ``NA`` for a missing-data member of any vocabulary, else ``None``."""
    missing = member.missing
    return None if missing is None else _MARKER_TEXT[missing]


@frozen
class FlagCodec:
    """A flag column's spelling: ``yes`` and ``no`` (``"1"``/``"0"`` or ``"Yes"``/``"No"``),
    or a marker."""

    yes: str
    no: str

    @property
    def exact(self) -> dict[str, Flag]:
        """Every cell text this codec reads as written, with its flag."""
        return {self.yes: Flag.YES, self.no: Flag.NO} | {
            text: Flag(state.value) for text, state in MARKERS.items()
        }

    def read(self, text: str) -> tuple[Flag | None, bool]:
        """The flag a cell holds and whether it is spelled this column's way; ``(None, False)``
        for a cell that is no flag. Another column's spelling (``Yes`` in a 0/1 column) and
        other case or spacing are read too, as not exact."""
        found = self.exact.get(text)
        if found is not None:
            return found, True
        return _LENIENT_FLAGS.get(normalise_label(text)), False

    def write(self, flag: Flag) -> str:
        """The cell for a flag."""
        if flag is Flag.YES:
            return self.yes
        if flag is Flag.NO:
            return self.no
        text = marker_text(flag)
        assert text is not None  # every other flag is a missing-data state
        return text

    def same(self, written: str, cell: str) -> bool:
        """``written`` (as a source spelled it) says the same as ``cell``."""
        found = self.read(written)[0]
        return found is not None and found is self.read(cell)[0]


#: Most flag columns: ``1`` / ``0``.
FLAG_01 = FlagCodec("1", "0")
#: The ``Verifiable`` column: ``Yes`` / ``No``.
FLAG_YES_NO = FlagCodec("Yes", "No")

_LENIENT_FLAGS = {
    "yes": Flag.YES,
    "no": Flag.NO,
    "1": Flag.YES,
    "0": Flag.NO,
    **{normalise_label(text): Flag(state.value) for text, state in MARKERS.items()},
}


def read_year(text: str) -> int | Missing | None:
    """A report year (four digits, no leading zero) or a marker; ``None`` for anything else."""
    if len(text) == 4 and text.isascii() and text.isdigit() and text[0] != "0":
        return int(text)
    return read_marker(text)


def write_year(value: int | Missing) -> str:
    """The cell for a report year or a missing-data state."""
    return _MARKER_TEXT[value] if isinstance(value, Missing) else str(value)


@frozen
class LabelColumn:
    """A label column and its numeric twin: which assessment field it fills, and OGP's table.

    ``labels`` maps each OGP label (markers included) to its member and twin code; ``written``
    maps each member to the label written for it (the first label listed for it).
    """

    column: str
    twin: str
    field: str
    vocabulary: type[Vocabulary]
    labels: Mapping[str, tuple[Vocabulary, str]]
    written: Mapping[Vocabulary, str]


def label_column(
    column: str,
    twin: str,
    field: str,
    vocabulary: type[Vocabulary],
    *pairs: tuple[str, Vocabulary, str],
) -> LabelColumn:
    labels: dict[str, tuple[Vocabulary, str]] = {label: (m, code) for label, m, code in pairs}
    for marker in MARKERS:
        labels[marker] = (vocabulary.parse(marker), marker)  # the twin repeats the marker
    written: dict[Vocabulary, str] = {}
    for label, (member, _code) in labels.items():
        written.setdefault(member, label)
    return LabelColumn(column, twin, field, vocabulary, labels, written)


def read_label(lc: LabelColumn, text: str) -> tuple[Vocabulary | None, bool]:
    """The member a label cell holds and whether it is OGP's own spelling for it in this
    column; ``(None, False)`` for a label the column does not know. Other case, accents or a
    known alias are read too, as not exact."""
    hit = lc.labels.get(text)
    if hit is not None:
        return hit[0], lc.written[hit[0]] == text
    try:
        member = lc.vocabulary.parse(text)
    except VocabularyError:
        return None, False
    return (member, False) if member in lc.written else (None, False)


def twin_of(lc: LabelColumn, member: Vocabulary) -> str:
    """The numeric twin OGP writes beside a member's label."""
    canonical = lc.written.get(member)
    if canonical is not None:
        return lc.labels[canonical][1]
    return marker_text(member) or str(member.ogp_code)


def _means(lc: LabelColumn, text: str) -> Vocabulary | None:
    hit = lc.labels.get(text)
    if hit is not None:
        return hit[0]
    try:
        return lc.vocabulary.parse(text)
    except VocabularyError:
        return None


def write_label(lc: LabelColumn, member: Vocabulary, as_written: str | None) -> tuple[str, str]:
    """The label cell and its twin for a member; ``as_written`` (a source's own spelling) is
    kept when it still reads as that member."""
    if as_written is not None and _means(lc, as_written) is member:
        label = as_written
    else:
        label = lc.written.get(member) or marker_text(member) or member.label_en
    hit = lc.labels.get(label)
    return label, hit[1] if hit is not None else twin_of(lc, member)


def binding_constraint_text(value: BindingConstraint) -> str:
    """The ``Binding constraint`` cell: OGP's word for the member (its first alias)."""
    return value.aliases[0]


def value_text(value: object) -> str:
    """The cell for a derived rule's value: flags ``1``/``0``, whole numbers, completion codes,
    binding-constraint words, markers, OGP's words for other vocabularies."""
    if isinstance(value, Flag):
        return FLAG_01.write(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Missing):
        return _MARKER_TEXT[value]
    if isinstance(value, BindingConstraint):
        return binding_constraint_text(value)
    if isinstance(value, Vocabulary):
        marker = marker_text(value)
        if marker is not None:
            return marker
        if isinstance(value, Completion):
            return str(value.ogp_code)
        return value.label_en
    return str(value)

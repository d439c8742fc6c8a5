"""Machinery shared by every controlled vocabulary.

A vocabulary is a :class:`enum.StrEnum` whose value is a stable English code. Each member is
declared by keyword as a :class:`Term`: English and French labels (and a Spanish one where
known), the numeric code OGP uses where one exists, its rank on an ordered scale, the variant
spellings found in real documents, and whether it is one of the missing-data states (ND / NR /
NA) rather than a real value, and its definition where a source words one. :meth:`Vocabulary.parse` maps any of those labels (ignoring case,
accents and trailing punctuation) to a member and refuses anything else.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import NamedTuple, Self

from opengov.errors import VocabularyError

__all__ = [
    "NOT_APPLICABLE_TERM",
    "NOT_REVIEWED_TERM",
    "NO_DATA_TERM",
    "Missing",
    "Term",
    "Vocabulary",
    "normalise_label",
    "rank_of",
]

_SPACES = re.compile(r"\s+")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_EDGE_PUNCTUATION = " .:;,!*()[]«»\"'"


def normalise_label(text: str) -> str:
    """Fold a label for lenient comparison: case, accents, apostrophes, spaces, punctuation."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    stripped = stripped.replace("_", " ").replace("-", " ")
    return _SPACES.sub(" ", stripped.casefold()).strip(_EDGE_PUNCTUATION).strip()


class Term(NamedTuple):
    """The declaration of one vocabulary member: ``DONE = Term("done", "Done", "Réalisé")``."""

    code: str
    """The stable English code (the member's value)."""
    en: str = ""
    """English label (default: the code)."""
    fr: str = ""
    """French label (default: the English one)."""
    es: str = ""
    """Spanish label, where one is known."""
    ogp: int | None = None
    """The numeric code OGP's data uses for it."""
    rank: int | None = None
    """Position on an ordered scale (higher is more); ``None`` off the scale."""
    aliases: tuple[str, ...] = ()
    """Other spellings real documents use."""
    missing: bool = False
    """A missing-data state (ND / NR / NA), not a real value."""
    definition_en: str = ""
    """What the term means, in English, as a source words it (empty where none was found)."""
    definition_fr: str = ""
    """What the term means, in French, as a source words it (empty where none was found)."""


#: The three missing-data states of OGP's data, as members of any vocabulary that has them.
NO_DATA_TERM = Term(
    "no_data", "No data", "Pas de données", "Sin datos", aliases=("ND",), missing=True
)
NOT_REVIEWED_TERM = Term(
    "not_reviewed", "Not reviewed", "Non évalué", "No evaluado", aliases=("NR",), missing=True
)
NOT_APPLICABLE_TERM = Term(
    "not_applicable", "Not applicable", "Non applicable", "No aplica", aliases=("NA",), missing=True
)


class Vocabulary(StrEnum):
    """Base class of the controlled vocabularies (members declared as :class:`Term`\\ s)."""

    label_en: str
    label_fr: str
    label_es: str | None
    ogp_code: int | None
    rank: int | None
    aliases: tuple[str, ...]
    definition_en: str | None
    definition_fr: str | None
    _missing: bool

    def __new__(
        cls,
        code: str,
        en: str = "",
        fr: str = "",
        es: str = "",
        ogp: int | None = None,
        rank: int | None = None,
        aliases: tuple[str, ...] = (),
        missing: bool = False,
        definition_en: str = "",
        definition_fr: str = "",
    ) -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member.label_en = en or code
        member.label_fr = fr or en or code
        member.label_es = es or None
        member.ogp_code = ogp
        member.rank = rank
        member.aliases = aliases
        member.definition_en = definition_en or None
        member.definition_fr = definition_fr or None
        member._missing = missing
        return member

    @property
    def missing(self) -> Missing | None:
        """The missing-data state this member stands for (ND / NR / NA), or ``None`` for a real
        value."""
        return Missing(self._value_) if self._missing else None

    @property
    def is_known(self) -> bool:
        """True for a real value: not a missing-data state, and not "unknown"."""
        return not self._missing and self._value_ != "unknown"

    @classmethod
    def _lookup(cls) -> dict[str, Self]:
        table: dict[str, Self] | None = cls.__dict__.get("_label_table")
        if table is None:
            table = {}
            for member in cls:
                labels = (member.value, member.label_en, member.label_fr, member.label_es)
                for label in (*(x for x in labels if x), *member.aliases):
                    key = normalise_label(label)
                    other = table.setdefault(key, member)
                    if other is not member:
                        raise TypeError(f"{cls.__name__}: label {label!r} is ambiguous")
            type.__setattr__(cls, "_label_table", table)
        return table

    @classmethod
    def parse(cls, label: object) -> Self:
        """Return the member a label from a real document means.

        Accepts the code, the English or French label and known variants ("Achévé"), ignoring
        case, accents and surrounding punctuation. Raises :class:`~opengov.VocabularyError`
        for anything else: nothing is guessed.
        """
        if isinstance(label, cls):
            return label
        if not isinstance(label, str):
            raise VocabularyError(cls.vocabulary_name(), label, (m.value for m in cls))
        member = cls._lookup().get(normalise_label(label))
        if member is None:
            raise VocabularyError(cls.vocabulary_name(), label, (m.value for m in cls))
        return member

    @classmethod
    def from_ogp_code(cls, code: int) -> Self:
        """Return the member whose OGP numeric code is ``code``."""
        for member in cls:
            if member.ogp_code == code:
                return member
        raise VocabularyError(
            cls.vocabulary_name(), code, (str(m.ogp_code) for m in cls if m.ogp_code is not None)
        )

    @classmethod
    def vocabulary_name(cls) -> str:
        """A readable name of the vocabulary, used in error messages."""
        return _CAMEL_BOUNDARY.sub(" ", cls.__name__).lower()

    def label(self, language: str = "en") -> str:
        """The member's label in ``language`` ("en", "fr" or "es"; English where the
        vocabulary has no label in that language)."""
        if language == "fr":
            return self.label_fr
        if language == "es" and self.label_es is not None:
            return self.label_es
        return self.label_en


def rank_of(member: Vocabulary) -> int:
    """The rank of a level of an ordered scale; asking it of a member off the scale (a
    missing-data state, "unknown") is a programming error."""
    if member.rank is None:
        raise ValueError(f"{member!r} has no rank on its scale")
    return member.rank


class Missing(Vocabulary):
    """Why a value is absent, in OGP's data: no data (ND), not reviewed (NR), not applicable (NA)."""

    NO_DATA = NO_DATA_TERM
    NOT_REVIEWED = NOT_REVIEWED_TERM
    NOT_APPLICABLE = NOT_APPLICABLE_TERM

"""Machinery shared by every controlled vocabulary.

A vocabulary is a :class:`enum.StrEnum` whose value is a stable English code. Each member also
carries an English and a French label, the numeric code OGP uses where one exists, and the
variant spellings found in real documents. :meth:`Vocabulary.parse` maps any of those labels
(ignoring case, accents and trailing punctuation) to a member and refuses anything else.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import Self

from opengov.errors import VocabularyError

__all__ = ["Vocabulary", "normalise_label"]

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


class Vocabulary(StrEnum):
    """Base class of the controlled vocabularies.

    Members are declared as ``CODE = ("code", "English label", "Libellé français", ogp_code,
    ("variant", ...))``; the last two items are optional.
    """

    label_en: str
    label_fr: str
    ogp_code: int | None
    aliases: tuple[str, ...]

    def __new__(
        cls,
        code: str,
        label_en: str = "",
        label_fr: str = "",
        ogp_code: int | None = None,
        aliases: tuple[str, ...] = (),
    ) -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member.label_en = label_en or code
        member.label_fr = label_fr or label_en or code
        member.ogp_code = ogp_code
        member.aliases = aliases
        return member

    @classmethod
    def _lookup(cls) -> dict[str, Self]:
        table: dict[str, Self] | None = cls.__dict__.get("_label_table")
        if table is None:
            table = {}
            for member in cls:
                for label in (member.value, member.label_en, member.label_fr, *member.aliases):
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
        """The member's label in ``language`` ("en" or "fr")."""
        return self.label_fr if language == "fr" else self.label_en

"""Status scales: the status words a source declares, and what each one means.

Governments and the IRM report progress with words of their own: "Limited progress" on Canada's
tracker, "Behind schedule" on the UK's, "En Proceso" on Mexico's, "Substantiel" in France's
self-assessment, "66%" on Tunisia's. A word means something only on the scale its source uses:
"Substantiel" is a commitment's completion in one table of France's 2018-2020 self-assessment
and an action's status in another; "Completed" is a milestone status on the UK's 2013-15
tracker and a completion level in its end-of-term self-assessment.

A :class:`StatusScale` declares one source's words, and maps each to a member of one
controlled vocabulary, its *target*: :class:`~opengov.model.Completion` for scales of
commitment completion, :class:`~opengov.model.MilestoneStatus` for done / in progress / not
done words, :class:`~opengov.model.ActivityStatus` for OGP's active / inactive. A word with no
counterpart in the target means its ``unknown`` member, and every reading keeps the word as
written. A percentage scale keeps the number; no source states which percentage makes a
commitment limited or substantial, so its completion stays unknown.

:func:`parse_status` reads a word strictly against a declared scale. :func:`read_status` is the
lenient convenience: it tries every registered scale and refuses a word whose scales disagree.
The shipped scales are declared, with their sources, in ``opengov/model/data/scales.toml``;
:func:`register_scale` adds a user's own. :func:`irm_placeholder` recognises what OGP pages
print where no IRM assessment exists ("Pending IRM Review"), which is no status at all.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from importlib import resources
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from opengov.errors import AmbiguousStatusError, StatusError, VocabularyError
from opengov.model.vocab import Vocabulary, normalise_label
from opengov.model.vocabularies import (
    ActivityStatus,
    Completion,
    IRMPlaceholder,
    MilestoneStatus,
)

__all__ = [
    "LEVELS",
    "SCALES",
    "StatusReading",
    "StatusScale",
    "StatusWord",
    "irm_placeholder",
    "parse_scales",
    "parse_status",
    "read_status",
    "register_scale",
    "scale",
    "status_readings",
    "unregister_scale",
]

#: The levels of a plan a scale can apply to.
LEVELS = ("plan", "commitment", "sub-commitment", "milestone", "indicator")

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LANGUAGE = re.compile(r"[a-z]{2}")
_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*%")
_DATA_FILE = "data/scales.toml"


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _member(value: Vocabulary) -> Vocabulary:
    """A meaning is a member of a vocabulary; a label cannot be read without knowing which one."""
    given: object = value  # typed for callers, checked for everyone else
    if isinstance(given, Vocabulary):
        return given
    raise VocabularyError(
        "vocabulary", given, ["a member of a vocabulary, such as Completion.COMPLETE"]
    )


@frozen
class StatusWord:
    """One word of a status scale: its spellings, and the vocabulary member it means.

    ``english``, ``french`` and ``spanish`` are the word as the source writes it in each language
    it uses;
    ``aliases`` are other spellings or codes the same source uses ("NS" on Canada's tracker).
    ``rank`` orders the word on the source's own scale (lowest 0) where the source orders its
    words; ``note`` says why the word means what it is given to mean.
    """

    meaning: Vocabulary = field(converter=_member)
    english: str = ""
    french: str = ""
    spanish: str = ""
    aliases: tuple[str, ...] = field(default=(), converter=_strings)
    rank: int | None = None
    note: str | None = None

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every spelling of the word: English, French, Spanish, then the aliases."""
        return tuple(
            text for text in (self.english, self.french, self.spanish, *self.aliases) if text
        )

    def label(self, language: str = "en") -> str:
        """The word in ``language`` ("en", "fr" or "es"), or its first spelling where the
        source has none in that language."""
        found = {"en": self.english, "fr": self.french, "es": self.spanish}.get(language, "")
        return found or self.spellings[0]


def _words(value: Iterable[StatusWord]) -> tuple[StatusWord, ...]:
    return tuple(value)


@frozen
class StatusScale:
    """A scale of status words as one source declares them.

    Every word means a member of ``target``; ``percentages`` scales read "66%" as well.
    Declaring a scale checks it: an id of lowercase words joined by "-", at least one source,
    meanings of the target vocabulary, no spelling given to two words, known levels. A wrong
    declaration raises :class:`~opengov.StatusError`.
    """

    id: str
    title: str
    target: type[Vocabulary]
    sources: tuple[str, ...] = field(converter=_strings)
    words: tuple[StatusWord, ...] = field(default=(), converter=_words)
    languages: tuple[str, ...] = field(default=(), converter=_strings)
    levels: tuple[str, ...] = field(default=(), converter=_strings)
    percentages: bool = False
    note: str | None = None
    _lookup: Mapping[str, StatusWord] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        where = f"status scale {self.id!r}"
        if not _ID.fullmatch(self.id):
            raise StatusError(f"{where}: an id is lowercase words joined by '-'")
        if not self.sources or not all(source.strip() for source in self.sources):
            raise StatusError(f"{where}: name the source its words come from")
        if not (isinstance(self.target, type) and issubclass(self.target, Vocabulary)):
            raise StatusError(f"{where}: the target must be a vocabulary, not {self.target!r}")
        if not self.words and not self.percentages:
            raise StatusError(f"{where}: a scale has words, or reads percentages")
        if self.percentages and _unknown(self.target) is None:
            raise StatusError(
                f"{where}: a percentage means {self.target.__name__}'s unknown member, "
                "and it has none"
            )
        for language in self.languages:
            if not _LANGUAGE.fullmatch(language):
                raise StatusError(f"{where}: {language!r} is not a two-letter language code")
        for level in self.levels:
            if level not in LEVELS:
                raise StatusError(
                    f"{where}: {level!r} is not a level (one of: {', '.join(LEVELS)})"
                )
        lookup: dict[str, StatusWord] = {}
        for word in self.words:
            if not isinstance(word.meaning, self.target):
                raise StatusError(
                    f"{where}: {word.spellings!r} means {word.meaning!r}, "
                    f"not a member of {self.target.__name__}"
                )
            if not word.spellings:
                raise StatusError(f"{where}: a word has no spelling")
            for spelling in word.spellings:
                key = normalise_label(spelling)
                if not key or _PERCENT.fullmatch(key):
                    raise StatusError(f"{where}: {spelling!r} cannot be a word")
                other = lookup.setdefault(key, word)
                if other is not word:
                    raise StatusError(f"{where}: {spelling!r} is a spelling of two words")
        object.__setattr__(self, "_lookup", MappingProxyType(lookup))

    def word(self, text: str) -> StatusWord | None:
        """The word ``text`` spells on this scale (ignoring case, accents and surrounding
        punctuation), or ``None``."""
        return self._lookup.get(normalise_label(text))

    def describe_words(self) -> str:
        """The scale's words as an error message lists them."""
        words = [" / ".join(word.spellings) for word in self.words]
        if self.percentages:
            words.append("a percentage such as '66%'")
        return "; ".join(words)


@frozen
class StatusReading:
    """A status word read on a scale: the scale's id, the word as written, the member of the
    scale's target vocabulary it means, and the number a percentage states."""

    scale: str
    word: str
    meaning: Vocabulary = field(converter=_member)
    percent: Decimal | None = None


def _unknown(vocabulary: type[Vocabulary]) -> Vocabulary | None:
    for member in vocabulary:
        if member.value == "unknown":
            return member
    return None


def _percent(text: str) -> Decimal | None:
    """The number of a percentage ("66%", "33,5 %"), or None for any other text."""
    match = _PERCENT.fullmatch(text.replace("\u00a0", " ").replace("\u202f", " ").strip())
    if match is None:
        return None
    value = Decimal(match.group(1).replace(",", "."))
    return value if value <= 100 else None


_REGISTRY: dict[str, StatusScale] = {}

#: Every registered scale by id: the shipped ones, in the data file's order, then the user's.
SCALES: Mapping[str, StatusScale] = MappingProxyType(_REGISTRY)


def scale(scale_id: str) -> StatusScale:
    """The registered scale with this id; :class:`~opengov.StatusError` names the others."""
    found = _REGISTRY.get(scale_id)
    if found is None:
        raise StatusError(
            f"no status scale {scale_id!r} (declared: {', '.join(_REGISTRY) or 'none'})"
        )
    return found


def register_scale(declared: StatusScale, *, replace: bool = False) -> StatusScale:
    """Add a scale to :data:`SCALES` (and so to what :func:`read_status` tries).

    A scale whose id is taken is refused unless ``replace`` is true.
    """
    if not isinstance(declared, StatusScale):
        raise StatusError(f"not a status scale: {declared!r}")
    if declared.id in _REGISTRY and not replace:
        raise StatusError(f"a status scale {declared.id!r} is already declared")
    _REGISTRY[declared.id] = declared
    return declared


def unregister_scale(scale_id: str) -> StatusScale:
    """Remove a scale from :data:`SCALES` and return it."""
    found = scale(scale_id)
    del _REGISTRY[scale_id]
    return found


def irm_placeholder(text: str) -> IRMPlaceholder | None:
    """The placeholder an OGP page prints where no IRM assessment exists ("Pending IRM Review",
    "examen du MII en attente", "Revisión pendiente de IRM", "No IRM Data", "No early results
    to report yet"), or ``None`` for any other text: a placeholder is never an assessment."""
    try:
        return IRMPlaceholder.parse(text)
    except VocabularyError:
        return None


def _resolve(declared: StatusScale | str) -> StatusScale:
    return declared if isinstance(declared, StatusScale) else scale(declared)


def _read(text: str, declared: StatusScale) -> StatusReading | None:
    word = declared.word(text)
    if word is not None:
        return StatusReading(scale=declared.id, word=text, meaning=word.meaning)
    if declared.percentages:
        percent = _percent(text)
        if percent is not None:
            unknown = _unknown(declared.target)
            assert unknown is not None  # checked when the scale was declared
            return StatusReading(scale=declared.id, word=text, meaning=unknown, percent=percent)
    return None


def _placeholder_hint(text: str) -> str:
    placeholder = irm_placeholder(text)
    if placeholder is None:
        return ""
    return (
        f". It is what an OGP page prints where no IRM assessment exists "
        f"({placeholder.value}), not a status"
    )


def parse_status(word: object, on: StatusScale | str) -> StatusReading:
    """Read a status word on the scale its source declares (a :class:`StatusScale`, or the id
    of a registered one).

    Case, accents and surrounding punctuation are ignored. A word the scale does not have
    raises :class:`~opengov.StatusError`, naming the scale and listing its words: nothing is
    guessed.
    """
    declared = _resolve(on)
    if not isinstance(word, str):
        raise StatusError(f"a status word is text, not {word!r} (status scale {declared.id!r})")
    reading = _read(word, declared)
    if reading is None:
        raise StatusError(
            f"{word!r} is not a word of status scale {declared.id!r} ({declared.title}): "
            f"expected one of: {declared.describe_words()}{_placeholder_hint(word)}"
        )
    return reading


def status_readings(
    word: str, scales: Iterable[StatusScale | str] | None = None
) -> tuple[StatusReading, ...]:
    """The readings of a word on every scale that has it: the given scales, or every
    registered one, in order."""
    tried = [_resolve(each) for each in scales] if scales is not None else list(_REGISTRY.values())
    readings = (_read(word, each) for each in tried)
    return tuple(reading for reading in readings if reading is not None)


def read_status(word: object, scales: Iterable[StatusScale | str] | None = None) -> StatusReading:
    """Read a status word without naming its scale: a convenience for text whose source is not
    known.

    Every registered scale is tried (or only ``scales``). When the scales that have the word
    agree on its meaning, the first one's reading is returned, with its scale's id
    (:func:`status_readings` lists them all). When they disagree ("Completed" is a milestone
    status on one scale and a completion level on another), :class:`~opengov.AmbiguousStatusError`
    lists each scale's meaning; a word no scale has raises :class:`~opengov.StatusError`.
    """
    tried = [_resolve(each) for each in scales] if scales is not None else list(_REGISTRY.values())
    if not isinstance(word, str):
        raise StatusError(f"a status word is text, not {word!r}")
    readings = status_readings(word, tried)
    if not readings:
        names = ", ".join(each.id for each in tried) or "none"
        raise StatusError(
            f"{word!r} is a word of no status scale (tried: {names}){_placeholder_hint(word)}"
        )
    # Members of two vocabularies can be equal strings ("unknown"): compare them with their type.
    meanings = {(type(reading.meaning), reading.meaning) for reading in readings}
    if len(meanings) > 1:
        raise AmbiguousStatusError(
            word,
            [
                (reading.scale, f"{type(reading.meaning).__name__}.{reading.meaning.name}")
                for reading in readings
            ],
        )
    return readings[0]


# The shipped scales, declared in the data file.

_TARGETS: dict[str, type[Vocabulary]] = {
    vocabulary.__name__: vocabulary for vocabulary in (Completion, MilestoneStatus, ActivityStatus)
}
_SCALE_KEYS = {
    "id",
    "title",
    "target",
    "languages",
    "levels",
    "sources",
    "note",
    "percentages",
    "words",
}
_WORD_KEYS = {"en", "fr", "es", "aliases", "meaning", "rank", "note"}


def _declared_word(entry: dict[str, Any], target: type[Vocabulary], where: str) -> StatusWord:
    unknown = set(entry) - _WORD_KEYS
    if unknown:
        raise StatusError(f"{where}: unknown keys {sorted(unknown)}")
    try:
        meaning = target(entry["meaning"])
    except (KeyError, ValueError) as exc:
        raise StatusError(f"{where}: no meaning of {target.__name__} given ({exc})") from None
    return StatusWord(
        meaning=meaning,
        english=entry.get("en", ""),
        french=entry.get("fr", ""),
        spanish=entry.get("es", ""),
        aliases=entry.get("aliases", ()),
        rank=entry.get("rank"),
        note=entry.get("note"),
    )


def parse_scales(text: str, *, source: str = _DATA_FILE) -> list[StatusScale]:
    """The scales a data file in the format of ``opengov/model/data/scales.toml`` declares.

    A malformed file raises :class:`~opengov.StatusError` naming the file and the scale.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise StatusError(f"{source}: not TOML ({exc})") from None
    declared: list[StatusScale] = []
    for number, entry in enumerate(data.get("scales", []), 1):
        declared.append(_declared_scale(entry, f"{source}: scale {entry.get('id', number)!r}"))
    return declared


def _declared_scale(entry: dict[str, Any], where: str) -> StatusScale:
    unknown = set(entry) - _SCALE_KEYS
    if unknown:
        raise StatusError(f"{where}: unknown keys {sorted(unknown)}")
    target = _TARGETS.get(entry.get("target", ""))
    if target is None:
        raise StatusError(f"{where}: the target is one of {', '.join(_TARGETS)}")
    words = [
        _declared_word(word, target, f"{where}, word {index}")
        for index, word in enumerate(entry.get("words", []), 1)
    ]
    try:
        return StatusScale(
            id=entry["id"],
            title=entry["title"],
            target=target,
            sources=entry["sources"],
            words=words,
            languages=entry.get("languages", ()),
            levels=entry.get("levels", ()),
            percentages=entry.get("percentages", False),
            note=entry.get("note"),
        )
    except KeyError as exc:
        raise StatusError(f"{where}: {exc.args[0]!r} is missing") from None
    except StatusError as exc:
        raise StatusError(f"{where}: {exc}") from None


def _load_shipped() -> None:
    text = resources.files("opengov.model").joinpath(_DATA_FILE).read_text(encoding="utf-8")
    for declared in parse_scales(text):
        register_scale(declared)


_load_shipped()

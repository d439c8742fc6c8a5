"""Text in several languages: translations of a field, and a title's other wordings.

A model object's text fields (``title``, ``description``, ``goal``, ``name`` …) hold their value
in the document's language (:attr:`ActionPlan.language`). The same text in other languages is
a :class:`Translation` in the object's ``translations``, naming the field it translates, its
language and where it comes from: the original wording, a translation, or a machine translation.
When a translation is marked original, the field's own value is the translation.

:func:`text_in` picks a field's text in a language and says which language it found, so a
report can fall back visibly.
"""

from __future__ import annotations

from typing import Protocol

import attrs
from attrs import define

from opengov.model._fields import check_language_tag, facts, to_text_origin
from opengov.model.vocabularies import TextOrigin

__all__ = ["AlternativeTitle", "Translated", "Translation", "text_in"]


@define(kw_only=True)
class Translation:
    """One text field of an object in another language.

    ``field`` names the translated field (``title``, ``description`` …); ``text`` is in
    ``language`` (BCP 47: ``fr``, ``es``, ``en``).
    """

    field: str = attrs.field(metadata=facts(plain=True))  # the translated field's name
    language: str = attrs.field(validator=check_language_tag, metadata=facts(plain=True))
    text: str
    origin: TextOrigin = attrs.field(default=TextOrigin.TRANSLATION, converter=to_text_origin)
    source: str | None = None


@define(kw_only=True)
class AlternativeTitle:
    """Another title a source gives the same thing: OGP's short title, a draft's wording, the
    IRM summary's title. ``kind`` says which, in the source's words."""

    text: str
    language: str | None = attrs.field(
        default=None, validator=check_language_tag, metadata=facts(plain=True)
    )
    kind: str | None = None
    origin: TextOrigin = attrs.field(default=TextOrigin.UNKNOWN, converter=to_text_origin)
    source: str | None = None


class Translated(Protocol):
    """Any model object with translations."""

    @property
    def translations(self) -> list[Translation]: ...


def text_in(
    obj: Translated, name: str, language: str, *, default_language: str
) -> tuple[str | None, str]:
    """The text of field ``name`` of ``obj`` in ``language``, and the language it is in.

    Looks in the object's translations first, then falls back to the field's own value in
    ``default_language`` (the document's). The second item tells a caller whether it fell
    back (it differs from ``language``).
    """
    own = getattr(obj, name)
    if language == default_language and own is not None:
        return own, default_language
    for translation in obj.translations:
        if translation.field == name and translation.language == language:
            return translation.text, language
    return own, default_language

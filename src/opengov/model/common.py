"""Small records shared by every part of the model: cited resources and unmodelled values."""

from __future__ import annotations

from attrs import define

__all__ = ["ExtraField", "Resource"]


@define(kw_only=True)
class ExtraField:
    """A value from a source that has no field of its own in the model, kept verbatim.

    Importers use it so that nothing is dropped (an OGP export column such as ``Region``);
    ``name`` is the source's own name for it.
    """

    name: str
    value: str


@define(kw_only=True)
class Resource:
    """A document, page or dataset cited as a resource or as evidence."""

    label: str
    url: str | None = None

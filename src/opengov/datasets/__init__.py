"""Real plans shipped with the package, loaded through the same I/O code as any user file.

Each dataset is a document ``<name>.json`` with a card ``<name>.toml`` beside it saying what it
is: its title, whether it is a complete transcription or an excerpt, its sources and its terms
(:func:`info`).
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

from attrs import frozen

from opengov.errors import LoadError, UnknownDatasetError
from opengov.issues import Issue
from opengov.model import ActionPlan

__all__ = ["DatasetInfo", "Source", "info", "load", "names", "path"]

_SUFFIX = ".json"
_CARD = ".toml"


@frozen
class Source:
    """One source a dataset's values were copied from: a title, and its address where known."""

    title: str
    url: str | None = None
    what: str | None = None


@frozen
class DatasetInfo:
    """What a bundled dataset is: ``excerpt`` is true when it holds part of a plan only."""

    name: str
    title: str
    excerpt: bool
    sources: tuple[Source, ...]
    terms: str
    note: str | None = None


def names() -> list[str]:
    """The names of the bundled datasets (``["ar-2022-2024", …, "fr-2018-2020", …]``)."""
    folder = resources.files(__name__)
    return sorted(
        entry.name.removesuffix(_SUFFIX)
        for entry in folder.iterdir()
        if entry.name.endswith(_SUFFIX)
    )


def path(name: str) -> Path:
    """The file of a bundled dataset; raises :class:`~opengov.UnknownDatasetError`."""
    if name not in names():
        raise UnknownDatasetError(name, names())
    return Path(str(resources.files(__name__).joinpath(name + _SUFFIX)))


def info(name: str) -> DatasetInfo:
    """The card of a bundled dataset: title, excerpt or not, sources, terms."""
    card = path(name).with_suffix(_CARD)
    try:
        data = tomllib.loads(card.read_text(encoding="utf-8"))
        return DatasetInfo(
            name=name,
            title=data["title"],
            excerpt=bool(data["excerpt"]),
            sources=tuple(Source(**source) for source in data.get("sources", [])),
            terms=data["terms"],
            note=data.get("note"),
        )
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise LoadError([Issue(card.name, "dataset-card", f"not a dataset card: {exc}")]) from None


def load(name: str) -> ActionPlan:
    """Load a bundled dataset by name, e.g. ``opengov.datasets.load("fr-2018-2020")``."""
    # Imported on first use: ``import opengov`` imports this package, and stays light.
    from opengov.io.files import load as load_file

    plan: ActionPlan = load_file(path(name), expected=ActionPlan)
    return plan

"""Real plans shipped with the package, loaded through the same I/O code as any user file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from opengov.errors import UnknownDatasetError
from opengov.model import ActionPlan

__all__ = ["load", "names", "path"]

_SUFFIX = ".json"


def names() -> list[str]:
    """The names of the bundled datasets (``["fr-2018-2020"]``)."""
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


def load(name: str) -> ActionPlan:
    """Load a bundled dataset by name, e.g. ``opengov.datasets.load("fr-2018-2020")``."""
    # Imported on first use: ``import opengov`` imports this package, and stays light.
    from opengov.io.files import load as load_file

    plan: ActionPlan = load_file(path(name), expected=ActionPlan)
    return plan

"""OGP's participation and co-creation standards, shipped as data.

``opengov.standards.load("ogp-2017")`` returns the 2017 standards (three axes, basic
requirements and advanced steps by phase); ``load("ogp-2021")`` the 2021 standards (five
standards and their minimum requirements). Requirements whose wording could not be checked
against a primary source are marked ``unverified``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from opengov.errors import UnknownDatasetError
from opengov.io.files import load as load_file
from opengov.model import StandardSet

__all__ = ["load", "load_all", "names", "path"]

_SUFFIX = ".json"


def _folder() -> Path:
    return Path(str(resources.files(__name__).joinpath("data")))


def names() -> list[str]:
    """The shipped standard sets (``["ogp-2017", "ogp-2021"]``)."""
    folder = _folder()
    if not folder.is_dir():
        return []
    return sorted(
        p.name.removesuffix(_SUFFIX) for p in folder.iterdir() if p.name.endswith(_SUFFIX)
    )


def path(name: str) -> Path:
    """The file of a shipped standard set; raises :class:`~opengov.UnknownDatasetError`."""
    if name not in names():
        raise UnknownDatasetError(name, names())
    return _folder() / (name + _SUFFIX)


def load(name: str) -> StandardSet:
    """Load a shipped standard set by name."""
    standards: StandardSet = load_file(path(name), expected=StandardSet)
    return standards


def load_all() -> list[StandardSet]:
    """Every shipped standard set, to hand to the conformity rules
    (``score(plan, standards=load_all())``)."""
    return [load(name) for name in names()]

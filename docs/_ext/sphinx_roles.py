"""Griffe extension: Sphinx cross-reference roles in docstrings become links in the reference.

Docstrings keep the familiar, readable Sphinx roles (:class:`DateSpan`,
:func:`~opengov.io.rdf.to_graph`, :attr:`ActionPlan.organisations`); mkdocstrings would show them
raw. Before docstrings are parsed, each role is rewritten to a mkdocstrings cross-reference,
``[`DateSpan`][opengov.model.dates.DateSpan]``, with the name resolved the way Python would
from where the docstring is. A leading ``~`` shows the last component only, as in Sphinx.

A field of a model class has no heading of its own: it is a row of the class's "Fields:" table
(see ``model_fields.py``), whose anchor is ``Class(field)``. A name outside ``opengov``
(``enum.StrEnum``) is shown as code without a link, and so is an internal one (a name with a
leading underscore, as ``opengov.io._fs``): the reference lists the public API only, and an
internal object re-exported under a public name links to that name. A name that does not resolve
is reported as a warning, which fails the strict build.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import griffe

PACKAGE = "opengov"
ROLE = re.compile(r":(?:py:)?(?:class|attr|func|meth|mod|data|exc|obj):`(~?)([\w.]+)`")

logger = griffe.get_logger(__name__)


class SphinxRoles(griffe.Extension):
    """Rewrite Sphinx roles in every docstring of the ``opengov`` package."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        if pkg.path != PACKAGE:
            return
        for obj in walk(pkg):
            docstring = obj.docstring
            if docstring is not None and ":" in docstring.value:
                docstring.value = rewrite(docstring.value, obj)


def walk(obj: griffe.Object) -> Iterator[griffe.Object]:
    """The object and every object defined under it (aliases left out)."""
    yield obj
    for member in obj.members.values():
        if not member.is_alias:
            yield from walk(member)  # type: ignore[arg-type]


def rewrite(text: str, scope: griffe.Object) -> str:
    """``text`` with every Sphinx role replaced by a cross-reference resolved from ``scope``."""

    def replace(match: re.Match[str]) -> str:
        short, name = match.group(1) == "~", match.group(2)
        shown = name.rsplit(".", 1)[-1] if short else name
        identifier = resolve(name, scope)
        if identifier is None:
            return f"`{shown}`"
        return f"[`{shown}`][{identifier}]"

    return ROLE.sub(replace, text)


def resolve(name: str, scope: griffe.Object) -> str | None:
    """The identifier the reference renders ``name`` under, or None for a name outside opengov
    or an internal one."""
    head, _, rest = name.partition(".")
    try:
        path = scope.resolve(head)
    except griffe.NameResolutionError:
        path = head
    if rest:
        path = f"{path}.{rest}"
    if path.split(".", 1)[0] != PACKAGE:
        return None
    try:
        member = scope.modules_collection.get_member(path)
        target = member.final_target if member.is_alias else member
    except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        logger.warning("%s: cannot resolve %r in a docstring", scope.path, name)
        return path
    found: str = target.path
    if internal(found):  # an internal object links to the public name it is imported as
        seen = seen_as(head, scope)
        candidates = [member.path, f"{seen}.{rest}" if seen and rest else seen]
        found = next((p for p in candidates if p and not internal(p)), "")
        if not found:
            return None
    if target.is_attribute and target.docstring is None and target.parent.is_class:
        found = f"{target.parent.path}({target.name})"
    return found


def seen_as(name: str, scope: griffe.Object) -> str | None:
    """The path of ``name`` where ``scope`` sees it (an imported name: where it is imported)."""
    obj: griffe.Object | None = scope
    while obj is not None:
        if name in obj.members:
            return f"{obj.path}.{name}"
        obj = obj.parent
    return None


def internal(path: str) -> bool:
    """Whether ``path`` passes through a name with a leading underscore (not a dunder)."""
    return any(part.startswith("_") and not part.startswith("__") for part in path.split("."))

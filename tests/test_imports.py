"""The import structure of the package: no cycles, no import of the package root, and layers.

Read from the source (``ast``), not by importing: every ``import`` statement of every module in
``src/opengov`` counts, wherever it is. The layers, lowest first: ``model``, ``rules``, ``io``
(with ``datasets`` and ``standards``, which read files through it), ``reporting``, ``cli``. A
module may import its own layer and those below it, never one above; ``errors``, ``issues`` and
``_version`` are below every layer and import nothing of the package but each other.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from attrs import frozen

SOURCE = Path(__file__).resolve().parent.parent / "src"
ROOT = "opengov"
LAYERS = {
    "model": 0,
    "rules": 1,
    "io": 2,
    "datasets": 2,
    "standards": 2,
    "reporting": 3,
    "cli": 4,
}
FOUNDATION = frozenset({"opengov.errors", "opengov.issues", "opengov._version"})
#: The one import upwards the layers allow: the ``_repr_html_`` methods of plans, commitments
#: and scorecards import the notebook renderer when a notebook asks (never at import time).
NOTEBOOK_HOOK = "opengov.reporting.notebook"


@frozen
class Import:
    """One ``import`` statement's target, resolved to a module of the package."""

    source: str
    target: str
    line: int
    module_level: bool  # run when the module is imported (not inside a function)


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found = {}
    for path in sorted((SOURCE / ROOT).rglob("*.py")):
        parts = list(path.relative_to(SOURCE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = modules()


def imports_of(name: str, path: Path) -> Iterator[Import]:
    """The imports of package modules that the module ``name`` makes."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    yield from _walk(name, package, tree.body, module_level=True)


def _walk(name: str, package: str, body: list[ast.stmt], *, module_level: bool) -> Iterator[Import]:
    for node in body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield from _resolved(name, alias.name, node.lineno, module_level)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package
                for _ in range(node.level - 1):
                    parent = parent.rpartition(".")[0]
                base = f"{parent}.{base}" if base else parent
            for alias in node.names:
                # ``from opengov import datasets`` imports the module opengov.datasets
                submodule = f"{base}.{alias.name}"
                target = submodule if submodule in MODULES else base
                yield from _resolved(name, target, node.lineno, module_level)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield from _walk(name, package, node.body, module_level=False)
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            yield from _walk(name, package, node.body, module_level=False)
            yield from _walk(name, package, node.orelse, module_level=module_level)
        else:  # classes, try, with, if: their bodies run with the module
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.stmt):
                    yield from _walk(name, package, [child], module_level=module_level)
                elif isinstance(child, ast.ExceptHandler):
                    yield from _walk(name, package, child.body, module_level=module_level)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolved(source: str, target: str, line: int, module_level: bool) -> Iterator[Import]:
    if target == ROOT or target.startswith(ROOT + "."):
        yield Import(source, target, line, module_level)


IMPORTS = [found for name, path in MODULES.items() for found in imports_of(name, path)]


def layer(module: str) -> int | None:
    """The layer of a module (``None``: the root, ``testing``, ``__main__``)."""
    if module in FOUNDATION:
        return -1
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_the_walk_sees_the_imports() -> None:
    """The walk finds module-level and function-level imports, resolved to modules."""
    found = {(i.source, i.target, i.module_level) for i in IMPORTS}
    assert ("opengov.io.json", "opengov.io._document", True) in found
    assert ("opengov.io.files", "opengov.io.json", True) in found  # ``from opengov.io import json``
    assert ("opengov", "opengov.datasets", True) in found
    assert ("opengov", "opengov.io.files", False) in found  # the facade's lazy import
    assert all(i.target in MODULES for i in IMPORTS), "an import of a module that does not exist"


def test_no_module_imports_the_package_root() -> None:
    """The root (``opengov/__init__.py``) is the facade for users: importing it from inside
    the package makes every module depend on everything the facade imports."""
    found = [f"{i.source} line {i.line}" for i in IMPORTS if i.target == ROOT]
    assert found == []


def test_no_import_cycle() -> None:
    """No cycle between modules through module-level imports (each module can be imported
    first, alone)."""
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for found in IMPORTS:
        if found.module_level and found.target != found.source:
            graph[found.source].add(found.target)
    cycles = _cycles(graph)
    assert cycles == [], "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected group of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_cycle_in(group, graph) for group in groups]


def _cycle_in(group: list[str], graph: dict[str, set[str]]) -> list[str]:
    """A path from the group's first module back to itself, within the group."""
    start = group[0]
    paths = {start: [start]}
    pending = [start]
    while pending:
        node = pending.pop(0)
        for nxt in sorted(graph[node] & set(group)):
            if nxt == start:
                return [*paths[node], start]
            if nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                pending.append(nxt)
    return group  # pragma: no cover - a strongly connected group always has a cycle


def test_cycle_detection_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize("name", sorted(name for name in MODULES if layer(name) is not None))
def test_no_import_from_a_layer_above(name: str) -> None:
    """model imports no rules, io, reporting or cli; rules no io, reporting or cli; io no
    reporting or cli; reporting no cli. Any import counts, also inside a function, but the
    notebook hook's."""
    own = layer(name)
    assert own is not None
    above = [
        f"{i.target} (line {i.line})"
        for i in IMPORTS
        if i.source == name
        and (found := layer(i.target)) is not None
        and found > own
        and not (i.target == NOTEBOOK_HOOK and not i.module_level)
    ]
    assert above == [], f"{name} imports a layer above its own"


def test_the_foundation_imports_only_itself() -> None:
    """``errors``, ``issues`` and ``_version`` sit below every layer: each layer may use them."""
    found = [
        f"{i.source} imports {i.target} (line {i.line})"
        for i in IMPORTS
        if i.source in FOUNDATION and i.target not in FOUNDATION
    ]
    assert found == []

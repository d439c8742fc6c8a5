"""Tables from the dict form, and back: the flatten-tool way.

Every list of objects becomes a table whose rows carry the ids of their identified ancestors
(``plan_id``, ``commitment_id``, ...) and a ``position``; nested single objects become dotted
columns (``irm.values.access_to_information``); lists of text become tables of their own with a
``value`` column; a date is two columns (``due`` holds the canonical form, ``due.phrase`` the
phrase). Cells are text or ``None``: ``None`` is a missing value, ``""`` an empty text, and the
two stay distinct.

Reading rebuilds the dict form and calls the same ``structure()`` as JSON, so every format gets
the same checks; problems are reported with their table, row and column.
"""

from __future__ import annotations

import re
import typing
from collections import defaultdict
from collections.abc import Iterator
from enum import Enum, auto
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin

import attrs
from attrs import frozen

from opengov.errors import LoadError, Problem
from opengov.io.converter import make_converter
from opengov.io.document import structure
from opengov.io.limits import MAX_DEPTH
from opengov.model import DateSpan
from opengov.model.irm import ReportYear
from opengov.model.vocab import Vocabulary

__all__ = ["Cell", "Kind", "TableSchema", "Tables", "flatten", "schema_for", "unflatten"]

Cell = str | None
Row = dict[str, Cell]
Tables = dict[str, list[Row]]


class Kind(Enum):
    """How a column's cells map to dict values."""

    TEXT = auto()
    INT = auto()
    FLOAT = auto()
    BOOL = auto()
    CODE = auto()
    DATE = auto()
    DATE_PHRASE = auto()
    YEAR = auto()
    PRESENT = auto()


@frozen
class Column:
    """A column: its name, where its value sits in a row object's dict, and its kind."""

    name: str
    path: tuple[str, ...]
    kind: Kind


@frozen
class Child:
    """A list field whose items go to another table."""

    path: tuple[str, ...]
    table: str


@frozen
class TableSchema:
    """One table: the class of its rows (None for lists of text), key columns and columns."""

    name: str
    cls: type | None
    keys: tuple[str, ...]
    columns: tuple[Column, ...]
    children: tuple[Child, ...]
    recursive: str | None = None
    entity: str | None = None

    @property
    def header(self) -> list[str]:
        """Column names in order: keys, position (for list rows), then fields."""
        return [*self.keys, *(c.name for c in self.columns)]


# Entity names used in key columns (``<entity>_id``) and table names.
_ENTITIES = {
    "ActionPlan": "plan",
    "StandardAssessment": "assessment",
    "KeyRecommendation": "recommendation",
    "PlannedAction": "planned_action",
    "PlanCollection": "collection",
    "StandardSet": "standard_set",
}
_ROOT_TABLES = {
    "ActionPlan": "plans",
    "StandardSet": "standard_sets",
    "PlanCollection": "collections",
}
# Classes whose list fields keep the field's name as table name wherever they sit.
_TOP_LEVEL = {"ActionPlan", "StandardSet", "PlanCollection"}
# Prettier names for the tables people open most.
_TABLE_NAMES = {("commitment", "milestones"): "milestones", ("commitment", "contacts"): "contacts"}


def _entity(cls: type) -> str:
    name = cls.__name__
    if name in _ENTITIES:
        return _ENTITIES[name]
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def _identified(cls: type) -> bool:
    return any(f.name == "id" for f in attrs.fields(cls))


def _strip_optional(tp: Any) -> tuple[Any, bool]:
    if get_origin(tp) in (Union, UnionType):
        args = [a for a in get_args(tp) if a is not NoneType]
        if len(args) < len(get_args(tp)) and len(args) == 1:
            return args[0], True
    return tp, False


def _scalar_kind(tp: Any) -> Kind | None:
    if tp == ReportYear:
        return Kind.YEAR
    if tp is str:
        return Kind.TEXT
    if tp is bool:
        return Kind.BOOL
    if tp is int:
        return Kind.INT
    if tp is float:
        return Kind.FLOAT
    if isinstance(tp, type) and issubclass(tp, Vocabulary):
        return Kind.CODE
    return None


class _Builder:
    def __init__(self) -> None:
        self.tables: dict[str, TableSchema | None] = {}

    def table(
        self, cls: type, name: str, keys: tuple[str, ...], parent_keys: tuple[str, ...]
    ) -> None:
        self.tables[name] = None  # reserve the place: parents come before their children
        columns: list[Column] = []
        children: list[Child] = []
        recursive: list[str] = []
        entity = _entity(cls)
        child_keys = (*parent_keys, f"{entity}_id") if _identified(cls) else parent_keys
        self._fields(cls, (), entity, name, columns, children, recursive, child_keys)
        self.tables[name] = TableSchema(
            name,
            cls,
            keys,
            tuple(columns),
            tuple(children),
            recursive[0] if recursive else None,
            entity,
        )

    def _fields(
        self,
        cls: type,
        prefix: tuple[str, ...],
        entity: str,
        table: str,
        columns: list[Column],
        children: list[Child],
        recursive: list[str],
        child_keys: tuple[str, ...],
    ) -> None:
        hints = typing.get_type_hints(cls)
        is_root = cls.__name__ in _TOP_LEVEL
        for field in attrs.fields(cls):
            tp, _ = _strip_optional(hints[field.name])
            path = (*prefix, field.name)
            dotted = ".".join(path)
            kind = _scalar_kind(tp)
            if kind is not None:
                columns.append(Column(dotted, path, kind))
            elif tp is DateSpan:
                columns.append(Column(dotted, path, Kind.DATE))
                columns.append(Column(f"{dotted}.phrase", path, Kind.DATE_PHRASE))
            elif attrs.has(tp):
                columns.append(Column(dotted, path, Kind.PRESENT))
                self._fields(tp, path, entity, table, columns, children, recursive, child_keys)
            elif get_origin(tp) is list:
                (item,) = get_args(tp)
                if attrs.has(item) and item is cls and not prefix:
                    recursive.append(field.name)
                    continue
                base = "_".join((entity, *prefix))
                if is_root and not prefix:
                    name = field.name
                else:
                    name = _TABLE_NAMES.get((base, field.name), f"{base}_{field.name}")
                children.append(Child(path, name))
                keys = (*child_keys, "position")
                if attrs.has(item):
                    self.table(item, name, keys, child_keys)
                else:
                    item_kind = _scalar_kind(item)
                    if item_kind is None:  # pragma: no cover - the model has no such list
                        raise TypeError(f"cannot tabulate a list of {item!r}")
                    self.tables[name] = TableSchema(
                        name, None, keys, (Column("value", (), item_kind),), ()
                    )
            else:  # pragma: no cover - the model has no other field types
                raise TypeError(f"cannot tabulate {cls.__name__}.{field.name}: {tp!r}")


_SCHEMAS: dict[type, dict[str, TableSchema]] = {}


def schema_for(cls: type) -> dict[str, TableSchema]:
    """The tables of a document class, root table first (cached)."""
    if cls not in _SCHEMAS:
        builder = _Builder()
        builder.table(cls, _ROOT_TABLES[cls.__name__], (), ())
        _SCHEMAS[cls] = {
            name: schema for name, schema in builder.tables.items() if schema is not None
        }
    return _SCHEMAS[cls]


# --- writing -----------------------------------------------------------------------------------


def _dig(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _encode(value: Any, kind: Kind) -> Cell:
    if value is None:
        return None
    if kind is Kind.BOOL:
        return "true" if value else "false"
    if kind is Kind.DATE:
        return value if isinstance(value, str) else value["value"]
    if kind is Kind.DATE_PHRASE:
        return None if isinstance(value, str) else value.get("phrase")
    if kind is Kind.PRESENT:
        return "1"
    return value if isinstance(value, str) else str(value)


def flatten(obj: object) -> Tables:
    """The tables of a model object (a plan or a standard set), every table present."""
    data = make_converter(detailed=False, omit_defaults=False).unstructure(obj)
    schemas = schema_for(type(obj))
    tables: Tables = {name: [] for name in schemas}
    root = next(iter(schemas.values()))
    _write(data, root, {}, None, schemas, tables)
    return tables


def _write(
    data: dict[str, Any],
    schema: TableSchema,
    keys: dict[str, Cell],
    position: str | None,
    schemas: dict[str, TableSchema],
    tables: Tables,
) -> None:
    row: Row = dict(keys)
    if position is not None:
        row["position"] = position
    for column in schema.columns:
        row[column.name] = _encode(_dig(data, column.path), column.kind)
    tables[schema.name].append(row)
    child_keys = dict(keys)
    if schema.cls is not None and _identified(schema.cls):
        child_keys[f"{schema.entity}_id"] = data["id"]
    for child in schema.children:
        items = _dig(data, child.path) or []
        target = schemas[child.table]
        for i, item in enumerate(items, 1):
            if target.cls is None:
                kind = target.columns[0].kind
                tables[child.table].append(
                    {**child_keys, "position": str(i), "value": _encode(item, kind)}
                )
            else:
                _write(item, target, child_keys, str(i), schemas, tables)
    if schema.recursive:
        for i, item in enumerate(data.get(schema.recursive) or [], 1):
            _write(item, schema, keys, f"{position}.{i}", schemas, tables)


# --- reading -----------------------------------------------------------------------------------


_NESTED_POSITION = re.compile(r"[1-9][0-9]*(\.[1-9][0-9]*)*")


class _Reader:
    def __init__(self, schemas: dict[str, TableSchema], tables: Tables, source: str) -> None:
        self.schemas = schemas
        self.tables = tables
        self.problems: list[Problem] = []
        self.locations: dict[str, tuple[str, int]] = {}
        self.used: dict[str, set[int]] = defaultdict(set)
        self.index: dict[str, dict[tuple[Cell, ...], list[tuple[int, Row]]]] = {}

    def where(self, table: str, row: int, column: str | None = None) -> str:
        text = f"{table}.csv row {row}"
        return f"{text}, column {column}" if column else text

    def _group(self, table: str) -> dict[tuple[Cell, ...], list[tuple[int, Row]]]:
        if table not in self.index:
            schema = self.schemas[table]
            parent_keys = [k for k in schema.keys if k != "position"]
            grouped: dict[tuple[Cell, ...], list[tuple[int, Row]]] = defaultdict(list)
            for number, row in enumerate(self.tables.get(table, []), start=2):
                key = tuple(row.get(k) for k in parent_keys)
                position = row.get("position") or ""
                parent_position = position.rpartition(".")[0] if schema.recursive else ""
                grouped[(*key, parent_position)].append((number, row))
            self.index[table] = grouped
        return self.index[table]

    def _position_key(self, table: str, number: int, row: Row) -> tuple[int, ...]:
        text = row.get("position") or ""
        try:
            return tuple(int(part) for part in text.split("."))
        except ValueError:
            self.problems.append(
                Problem(self.where(table, number, "position"), f"not a position: {text!r}")
            )
            return (0,)

    def rows_under(
        self, table: str, keys: dict[str, Cell], parent_position: str = ""
    ) -> list[tuple[int, Row]]:
        schema = self.schemas[table]
        parent_keys = [k for k in schema.keys if k != "position"]
        found = self._group(table).get((*(keys.get(k) for k in parent_keys), parent_position), [])
        return sorted(found, key=lambda item: self._position_key(table, item[0], item[1]))

    def value(self, table: str, number: int, column: Column, cell: Cell) -> Any:
        if cell is None:
            return None
        kind = column.kind
        if kind is Kind.INT or (kind is Kind.YEAR and cell.lstrip("-").isdigit()):
            try:
                return int(cell)
            except ValueError:
                self.problems.append(
                    Problem(
                        self.where(table, number, column.name),
                        f"expected a whole number, got {cell!r}",
                    )
                )
                return None
        if kind is Kind.FLOAT:
            try:
                return float(cell)
            except ValueError:
                self.problems.append(
                    Problem(
                        self.where(table, number, column.name), f"expected a number, got {cell!r}"
                    )
                )
                return None
        if kind is Kind.BOOL:
            if cell in ("true", "false"):
                return cell == "true"
            self.problems.append(
                Problem(
                    self.where(table, number, column.name), f"expected true or false, got {cell!r}"
                )
            )
            return None
        return cell

    def build(
        self,
        schema: TableSchema,
        number: int,
        row: Row,
        path: str,
        keys: dict[str, Cell],
        depth: int = 0,
    ) -> dict[str, Any]:
        if number in self.used[schema.name]:
            self.problems.append(
                Problem(
                    self.where(schema.name, number),
                    "this row is reached twice: its position repeats another's",
                )
            )
            return {}
        if depth >= MAX_DEPTH:  # depth 0 is the first level
            self.problems.append(
                Problem(
                    self.where(schema.name, number), f"nested more than {MAX_DEPTH} levels deep"
                )
            )
            return {}
        self.used[schema.name].add(number)
        self.locations[path] = (schema.name, number)
        data: dict[str, Any] = {}
        present: dict[tuple[str, ...], bool] = {(): True}
        for column in schema.columns:
            cell = row.get(column.name)
            parent = column.path[:-1]
            if not present.get(parent, False):
                continue
            if column.kind is Kind.PRESENT:
                present[column.path] = cell is not None
                if cell is not None:
                    if cell != "1":
                        self.problems.append(
                            Problem(
                                self.where(schema.name, number, column.name),
                                f"expected 1 (present) or an empty cell, got {cell!r}",
                            )
                        )
                    _place(data, column.path, {})
                continue
            if column.kind is Kind.DATE_PHRASE:
                if cell is not None:
                    holder = _dig(data, column.path)
                    if holder is None:
                        self.problems.append(
                            Problem(
                                self.where(schema.name, number, column.name),
                                "a date phrase needs the date in the column before it",
                            )
                        )
                    else:
                        _place(data, column.path, {"value": holder, "phrase": cell})
                continue
            value = self.value(schema.name, number, column, cell)
            if value is not None:
                _place(data, column.path, value)
        child_keys = dict(keys)
        if schema.cls is not None and _identified(schema.cls):
            child_keys[f"{schema.entity}_id"] = row.get("id")
        for child in schema.children:
            target = self.schemas[child.table]
            items: list[Any] = []
            child_path = f"{path}.{'.'.join(child.path)}"
            for i, (child_number, child_row) in enumerate(self.rows_under(child.table, child_keys)):
                item_path = f"{child_path}[{i}]"
                if target.cls is None:
                    self.used[child.table].add(child_number)
                    self.locations[item_path] = (child.table, child_number)
                    items.append(
                        self.value(
                            child.table, child_number, target.columns[0], child_row.get("value")
                        )
                    )
                else:
                    items.append(self.build(target, child_number, child_row, item_path, child_keys))
            if items:
                _place(data, child.path, items)
        if schema.recursive:
            own = row.get("position") or ""
            if not _NESTED_POSITION.fullmatch(own):
                self.problems.append(
                    Problem(self.where(schema.name, number, "position"), f"not a position: {own!r}")
                )
                return data
            items = [
                self.build(schema, n, r, f"{path}.{schema.recursive}[{i}]", keys, depth + 1)
                for i, (n, r) in enumerate(self.rows_under(schema.name, keys, own))
            ]
            if items:
                data[schema.recursive] = items
        return data

    def orphans(self) -> Iterator[Problem]:
        for name, rows in self.tables.items():
            schema = self.schemas[name]
            for number, row in enumerate(rows, start=2):
                if number not in self.used[name]:
                    parents = ", ".join(
                        f"{k} {row.get(k)!r}" for k in schema.keys if k != "position"
                    )
                    yield Problem(
                        self.where(name, number),
                        f"belongs to no row of its parent table ({parents or 'no parent'})",
                    )

    def translate(self, problem: Problem) -> Problem:
        """Turn a JSON path from ``structure()`` into a table, row and column."""
        path = problem.path
        best = ""
        for known in self.locations:
            if (path == known or path.startswith((known + ".", known + "["))) and len(known) > len(
                best
            ):
                best = known
        if not best:
            return problem
        table, number = self.locations[best]
        rest = path[len(best) :].lstrip(".")
        schema = self.schemas[table]
        column = "value" if schema.cls is None else (rest.split("[")[0] if rest else None)
        return Problem(self.where(table, number, column), problem.message)


def _place(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def unflatten(tables: Tables, cls: type, *, source: str = "") -> Any:
    """Rebuild a model object from its tables; raises :class:`~opengov.LoadError` with table,
    row and column for every problem."""
    schemas = schema_for(cls)
    problems = []
    for name, rows in tables.items():
        if name not in schemas:
            problems.append(
                Problem(f"{name}.csv", f"unknown table (expected: {', '.join(schemas)})")
            )
            continue
        expected = set(schemas[name].header) | (
            {"position"} if "position" in schemas[name].keys else set()
        )
        for number, row in enumerate(rows, start=2):
            unknown = sorted(set(row) - expected)
            if unknown:
                problems.append(
                    Problem(f"{name}.csv row {number}", f"unknown column(s): {', '.join(unknown)}")
                )
                break
    if problems:
        raise LoadError(problems, source=source or None)
    root_name = next(iter(schemas))
    roots = tables.get(root_name, [])
    if len(roots) != 1:
        raise LoadError(
            [Problem(f"{root_name}.csv", f"expected exactly one row, found {len(roots)}")],
            source=source or None,
        )
    reader = _Reader(schemas, tables, source)
    data = reader.build(schemas[root_name], 2, roots[0], "$", {})
    reader.problems.extend(reader.orphans())
    if reader.problems:
        raise LoadError(reader.problems, source=source or None)
    try:
        return structure(data, cls)
    except LoadError as exc:
        raise LoadError(
            [reader.translate(p) for p in exc.problems], source=source or None
        ) from None

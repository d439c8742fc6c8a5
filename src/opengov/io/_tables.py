"""Tables from model objects, and back through the dict form: the flatten-tool way.

Every list of objects becomes a table whose rows carry the ids of their identified ancestors
(``plan_id``, ``commitment_id``, ...) and a ``position``; nested single objects become dotted
columns (``irm.values.access_to_information``); lists of text become tables of their own with a
``value`` column; a date is two columns (``due`` holds the canonical form, ``due.phrase`` the
phrase). Cells are text or ``None``: ``None`` is a missing value, ``""`` an empty text, and the
two stay distinct.

The layout is read from the model's description (:func:`opengov.model.describe.describe`):
which fields are lists, nested objects, dates, years, numbers or vocabularies, and which
classes have ids. A new field gets its column or table with no edit here; this module decides
only how tables and columns are named. Any model class can be tabulated, subclasses included.

Writing and reading are done by Python source written once per table from its columns, as the
converter's unstructure functions are: the writer reads the model objects themselves, each field
as the dict form would hold it, and joins each row into its CSV line; the reader turns each row (a
list of cells in its header's order) into its dict. Reading rebuilds the dict form and calls the
same ``structure()`` as JSON, so every format gets the same checks; problems are reported with
their table, row and column.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import attrs
from attrs import frozen

from opengov.errors import LoadError
from opengov.io._document import KINDS, structure
from opengov.io._limits import MAX_DEPTH
from opengov.issues import Issue, listed
from opengov.model.describe import FieldInfo, Shape, describe

__all__ = [
    "Cell",
    "Column",
    "TableSchema",
    "Tables",
    "expected_columns",
    "flatten",
    "schema_for",
    "table_lines",
    "table_rows",
    "unflatten",
    "unflatten_rows",
]

Cell = str | None
Row = dict[str, Cell]
Tables = dict[str, list[Row]]


@frozen
class Column:
    """A column: its name, where its value sits in a row object's dict, and the field it holds
    (in a table of values, the list field).

    A date field has two columns: its canonical form, then its phrase (``phrase`` is true); a
    nested object field has a column of its own, ``1`` when the object is present.
    """

    name: str
    path: tuple[str, ...]
    field: FieldInfo
    phrase: bool = False
    shape: Shape = attrs.field(init=False, eq=False, repr=False)
    """The field's shape (read for every cell)."""

    @shape.default
    def _shape(self) -> Shape:
        return self.field.shape

    @property
    def text(self) -> bool:
        """The cells hold text as the document writes it: a text field, or a date's phrase."""
        return self.phrase or self.shape is Shape.TEXT


@frozen
class Child:
    """A list field whose items go to another table."""

    path: tuple[str, ...]
    table: str


@frozen
class TableSchema:
    """One table: the class of its rows (None for lists of values), key columns and columns."""

    name: str
    cls: type | None
    keys: tuple[str, ...]
    columns: tuple[Column, ...]
    children: tuple[Child, ...]
    recursive: str | None = None
    entity: str | None = None
    child_key: str | None = None
    """The key column this table's rows give the rows of their child tables (``plan_id``):
    set when the rows are identified objects."""

    @property
    def header(self) -> list[str]:
        """Column names in order: keys, position (for list rows), then fields."""
        return [*self.keys, *(c.name for c in self.columns)]


# --- names ---------------------------------------------------------------------------------------
#
# The rule: the rows of a class are keyed by ``<entity>_id``, the entity being the class name in
# snake case (``Commitment`` -> ``commitment_id``); the root table is the entity's plural
# (``plans``); the table of a list field is ``<entity>_<field>`` (``commitment_objectives``,
# ``commitment_irm_recommendation_measures`` for a list inside a nested object), except the lists
# of a document (a plan, a collection, a standard set), which keep the field's name
# (``commitments``, ``organisations``). A subclass of a model class is tabulated as that class.
#
# Where a name differs from the rule, and why: key columns read as people say them (``plan_id``,
# not ``action_plan_id``), and the two tables people open most are named by their rows alone.
_NAMES = {
    "ActionPlan": "plan",
    "PlanCollection": "collection",
    "StandardAssessment": "assessment",
    "KeyRecommendation": "recommendation",
    "Commitment.milestones": "milestones",
    "Commitment.contacts": "contacts",
}
_DOCUMENTS = tuple(KINDS.values())
# ``SubCommitment`` -> ``sub_commitment``, ``IRMReview`` -> ``irm_review``
_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _model_class(cls: type) -> type:
    """The model class that ``cls`` is or extends (a class outside the model: itself)."""
    for base in cls.__mro__:
        if base.__module__.startswith("opengov.model."):
            return base
    return cls


def _entity(cls: type) -> str:
    name = _model_class(cls).__name__
    if name in _NAMES:
        return _NAMES[name]
    return _WORD_BOUNDARY.sub("_", name).lower()


def _list_table(cls: type, entity: str, prefix: tuple[str, ...], field: str) -> str:
    if not prefix:
        if issubclass(cls, _DOCUMENTS):
            return field
        special = _NAMES.get(f"{_model_class(cls).__name__}.{field}")
        if special is not None:
            return special
    return "_".join((entity, *prefix, field))


# --- the tables of a class ------------------------------------------------------------------------


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
        child_key = f"{entity}_id" if describe(cls).identified else None
        child_keys = (*parent_keys, child_key) if child_key else parent_keys
        self._fields(cls, name, (), entity, columns, children, recursive, child_keys)
        self.tables[name] = TableSchema(
            name,
            cls,
            keys,
            tuple(columns),
            tuple(children),
            recursive[0] if recursive else None,
            entity,
            child_key,
        )

    def _fields(
        self,
        cls: type,
        table: str,
        prefix: tuple[str, ...],
        entity: str,
        columns: list[Column],
        children: list[Child],
        recursive: list[str],
        child_keys: tuple[str, ...],
    ) -> None:
        for field in describe(cls):
            path = (*prefix, field.name)
            if field.many:
                if field.target is cls and not prefix:  # evidence within evidence
                    recursive.append(field.name)
                    continue
                name = _list_table(cls, entity, prefix, field.name)
                if name in self.tables:
                    # a class held in several places (an indicator's progress, under a
                    # milestone and under a commitment): one table per place
                    name = "_".join((table, *path))
                children.append(Child(path, name))
                keys = (*child_keys, "position")
                if field.target is not None:
                    self.table(field.target, name, keys, child_keys)
                elif field.shape is Shape.DATE:  # pragma: no cover - the model has no such list
                    raise TypeError(f"cannot tabulate {field.path}: a list of dates")
                else:
                    column = Column("value", (), field)
                    self.tables[name] = TableSchema(name, None, keys, (column,), ())
                continue
            dotted = ".".join(path)
            columns.append(Column(dotted, path, field))
            if field.shape is Shape.DATE:
                columns.append(Column(f"{dotted}.phrase", path, field, phrase=True))
            elif field.target is not None:
                self._fields(
                    field.target, table, path, entity, columns, children, recursive, child_keys
                )


_SCHEMAS: dict[type, dict[str, TableSchema]] = {}


def schema_for(cls: type) -> dict[str, TableSchema]:
    """The tables of a model class (a document class, or any other), root table first (cached)."""
    if cls not in _SCHEMAS:
        builder = _Builder()
        builder.table(cls, f"{_entity(cls)}s", (), ())
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


class _EmptyText:
    """The type of :data:`EMPTY_TEXT`."""

    __slots__ = ()

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "EMPTY_TEXT"


EMPTY_TEXT = _EmptyText()
"""An empty text among the fields of :func:`table_fields` (where ``""`` is a missing value)."""

Field = str | _EmptyText
"""A cell as the CSV writer takes it: text, ``""`` for a missing value, or :data:`EMPTY_TEXT`."""


def _field_expression(column: Column, value: str) -> str:
    """Python source of a column's field, ``value`` being the source of the value (``v`` and
    ``w`` temporaries): ``""`` for a missing value, ``E`` (:data:`EMPTY_TEXT`) for an empty
    text, else the text of the value."""
    shape = column.shape
    if shape is Shape.BOOLEAN:
        return f'("" if (v := {value}) is None else "true" if v else "false")'
    if shape is Shape.DATE and column.phrase:
        return f'("" if (v := {value}) is None or (w := v.phrase) is None else w or E)'
    if shape is Shape.DATE:
        return f'("" if (v := {value}) is None else v.iso())'
    if shape is Shape.OBJECT:
        return f'("" if {value} is None else "1")'
    if shape in (Shape.INTEGER, Shape.DECIMAL):
        return f'("" if (v := {value}) is None else str(v))'
    if shape is Shape.YEAR:  # a number, or the code of a missing-data state
        return f'(v if isinstance(v := {value}, str) else "" if v is None else str(v))'
    # text and vocabulary codes (``str`` instances): as they are; anything else is made text
    # by the encoder, as it is when it meets one
    return f'(v if (v := {value}) else "" if v is None else E)'


class _Source:
    """The source of a generated writer: one function per table of rows (see
    :func:`_writer`)."""

    def __init__(self, schemas: dict[str, TableSchema], *, joined: bool, safe: bool) -> None:
        self.schemas = schemas
        self.joined = joined
        self.safe = safe
        self.number = {name: i for i, name in enumerate(schemas)}
        self.lines: list[str] = []

    def function(self, schema: TableSchema) -> None:
        """``t<number>(o, k0, k1, ..., p)``: adds the row of ``o`` (the parents' keys ``k0``,
        ``k1``, ..., at ``p``) and the rows of everything in it."""
        number = self.number[schema.name]
        parents = self.parents(schema)
        params = [f"k{i}" for i in range(len(parents))] + (["p"] if schema.keys else [])
        lines = self.lines
        lines.append(f"    def t{number}({', '.join(['o', *params])}):")
        nested: dict[tuple[str, ...], str] = {(): "o"}
        row = ["p" if key == "position" else f"k{parents.index(key)}" for key in schema.keys]
        row += [self.field(column, self.value(column.path, nested)) for column in schema.columns]
        self.row("        ", number, row)
        given = {name: f"k{i}" for i, name in enumerate(parents)}
        if schema.child_key is not None:
            at = len(schema.keys) + [c.name for c in schema.columns].index("id")
            lines.append(f"        c = r[{at}]")
            given[schema.child_key] = "c"
        for child in schema.children:
            target = self.schemas[child.table]
            lines.append(f"        x = {self.value(child.path, nested)}")
            lines.append("        if x:")
            lines.append("            if len(x) >= len(P):")
            lines.append("                grow(len(x))")
            lines.append("            for q, i in zip(P, x):")
            if target.cls is None:  # a table of values: its rows are written here
                cells = [given[key] for key in target.keys[:-1]]
                cells += ["q", self.field(target.columns[0], "i")]
                self.row("                ", self.number[child.table], cells)
            else:
                args = ["i", *(given[key] for key in self.parents(target)), "q"]
                lines.append(f"                t{self.number[child.table]}({', '.join(args)})")
                if number == 0:  # the root: its tables so far may be handed on
                    lines.append("                F()")
        if schema.recursive:
            args = ["i", *params[:-1], 'f"{p}.{j}"'] if schema.keys else ["i"]
            lines.append(f"        x = o.{schema.recursive}")
            lines.append("        if x:")
            lines.append("            for j, i in enumerate(x, 1):")
            lines.append(f"                t{number}({', '.join(args)})")

    def field(self, column: Column, value: str) -> str:
        """The source of a column's field (made spreadsheet-safe if asked)."""
        field = _field_expression(column, value)
        return f"N({field})" if self.safe and column.text else field

    def row(self, indent: str, number: int, cells: list[str]) -> None:
        """Add the row ``r`` of the cells ``cells`` to the table ``number``: as it is, or
        joined into its line (field by field, by ``Q``, when it holds an empty text, a value
        that is not text, or text that needs quotes)."""
        add = self.lines.append
        add(f"{indent}r = [{', '.join(cells)}]")
        if not self.joined:
            add(f"{indent}a{number}(r)")
            return
        add(f"{indent}try:")
        add(f'{indent}    s = ",".join(r)')
        add(f"{indent}except TypeError:")
        add(f"{indent}    s = Q(r)")
        add(f"{indent}else:")
        add(
            f"""{indent}    if '"' in s or "\\n" in s or "\\r" in s """
            f"""or s.count(",") != {len(cells) - 1}:"""
        )
        add(f"{indent}        s = Q(r)")
        add(f"{indent}a{number}(s)")

    def parents(self, schema: TableSchema) -> list[str]:
        """The parents' key columns of a table, each once (a key given again keeps its first
        place, and the later value, as a dict would)."""
        return list(dict.fromkeys(schema.keys[:-1]))

    def value(self, path: tuple[str, ...], nested: dict[tuple[str, ...], str]) -> str:
        """The source of the value at ``path`` in ``o`` (``None`` under a missing object); the
        nested objects on the way are read once each, into ``n1``, ``n2``, ..."""
        holder = "o"
        for depth in range(1, len(path)):
            inner = path[:depth]
            if inner not in nested:
                name = f"n{len(nested)}"
                read = f"{holder}.{path[depth - 1]}"
                if holder != "o":
                    read = f"None if {holder} is None else {read}"
                self.lines.append(f"        {name} = {read}")
                nested[inner] = name
            holder = nested[inner]
        if holder == "o":
            return f"o.{path[-1]}"
        return f"(None if {holder} is None else {holder}.{path[-1]})"


Quote = Callable[[list[Field]], str]
"""Writes the fields of a row as its CSV line, quoting what needs it."""
Neutralise = Callable[[str], str]
"""Makes a text cell spreadsheet-safe."""
_Make = Callable[
    [dict[str, list[Any]], Quote | None, Neutralise | None, Callable[[], object]],
    Callable[[Any], None],
]
_WRITERS: dict[tuple[type, bool, bool], _Make] = {}


def _writer(cls: type, *, joined: bool = False, safe: bool = False) -> _Make:
    """The writer of the tables of ``cls``, written once as Python source from the tables, as
    the converter's unstructure functions are: given the tables to fill (and the functions
    ``Q``, ``N`` and ``F`` of :func:`table_lines`), it returns the function that adds the rows of
    an object of ``cls`` and of everything in it; rows of fields, or with ``joined`` their lines
    (``safe``: spreadsheet-safe)."""
    found = _WRITERS.get((cls, joined, safe))
    if found is None:
        schemas = schema_for(cls)
        source = _Source(schemas, joined=joined, safe=safe)
        lines = source.lines
        lines.append("def make(tables, Q, N, F):")
        for name, number in source.number.items():
            lines.append(f"    a{number} = tables[{name!r}].append")
        for schema in schemas.values():
            if schema.cls is not None:  # a table of values is filled by its parent's function
                source.function(schema)
        lines.append("    return t0")
        namespace: dict[str, Any] = {"E": EMPTY_TEXT, "P": _POSITIONS, "grow": _grow}
        code = compile("\n".join(lines) + "\n", f"<opengov tables {cls.__name__}>", "exec")
        exec(code, namespace)
        found = _WRITERS[(cls, joined, safe)] = namespace["make"]
    return found


_POSITIONS: list[str] = [str(i) for i in range(1, 1001)]
"""The positions ``"1"``, ``"2"``, ...: made once."""


def _grow(length: int) -> None:
    """Make positions up to ``length`` and beyond."""
    _POSITIONS.extend(str(i) for i in range(len(_POSITIONS) + 1, 2 * length + 2))


def table_fields(obj: object) -> dict[str, list[list[Field]]]:
    """The rows of every table of a model object, as the fields of a CSV row in the order of
    each table's header (see :func:`schema_for`): text, ``""`` for a missing value,
    :data:`EMPTY_TEXT` for an empty text; every table present."""
    tables: dict[str, list[Any]] = {name: [] for name in schema_for(type(obj))}
    _writer(type(obj))(tables, None, None, _nothing)(obj)
    return tables


def _nothing() -> None:
    """No progress to report."""


def table_lines(
    obj: object,
    quote: Quote,
    neutralise: Neutralise | None = None,
    progress: Callable[[dict[str, list[str]]], object] | None = None,
) -> dict[str, list[str]]:
    """The rows of every table of a model object, each as its CSV line: its fields (see
    :func:`table_fields`) joined by commas as they are, or by ``quote`` when they hold an empty
    text, a value that is not text, or text with a quote, a comma or a line break. With
    ``neutralise``, every text cell is passed through it first (when not empty).

    ``progress`` is called with the tables after the rows of each item of the object's lists
    (each plan of a collection, each commitment of a plan): it may take the lines made so far
    out of a table (``clear()`` it, not replace it); the tables returned hold the rest."""
    tables: dict[str, list[Any]] = {name: [] for name in schema_for(type(obj))}
    safe = neutralise is not None
    make = _writer(type(obj), joined=True, safe=safe)
    report = _nothing if progress is None else functools.partial(progress, tables)
    if neutralise is not None:
        act = neutralise

        def safe_cell(field: Field) -> Field:
            return act(field) if field and isinstance(field, str) else field

        make(tables, quote, safe_cell, report)(obj)  # type: ignore[arg-type]
    else:
        make(tables, quote, None, report)(obj)
    return tables


def table_rows(obj: object) -> dict[str, list[list[Cell]]]:
    """The rows of every table of a model object, as lists of cells in the order of each
    table's header (see :func:`schema_for`); every table present."""
    return {
        name: [
            [None if cell == "" else "" if cell is EMPTY_TEXT else str(cell) for cell in row]
            for row in rows
        ]
        for name, rows in table_fields(obj).items()
    }


def flatten(obj: object) -> Tables:
    """The tables of a model object (a document, or any object of a model class), every table
    present (see :func:`schema_for`), each row a dict from column name to cell."""
    schemas = schema_for(type(obj))
    return {
        name: [dict(zip(schemas[name].header, cells, strict=True)) for cells in rows]
        for name, rows in table_rows(obj).items()
    }


# --- reading -----------------------------------------------------------------------------------


_NESTED_POSITION = re.compile(r"[1-9][0-9]*(\.[1-9][0-9]*)*")


# The shapes whose cells are the values as they are (text, vocabulary codes, dates, which
# ``structure()`` reads): the reader places them with no conversion.
_AS_IS = frozenset({Shape.TEXT, Shape.VOCABULARY, Shape.DATE})

Read = tuple[list[str], list[list[Cell]]]
"""A table as read: its header, and its rows of cells in the header's order."""

Problem = Callable[[str, int, str, str, str], None]
"""Notes a problem: table, row number, column, code, message."""

_FILLERS: dict[tuple[str, int, tuple[str, ...]], Callable[[list[Cell], int, Problem], Any]] = {}


def _filler(
    schema: TableSchema, header: tuple[str, ...]
) -> Callable[[list[Cell], int, Problem], Any]:
    """The function giving the dict of a row's columns (its fields, nested objects included),
    written once per table and header as Python source; problems go to its ``bad`` argument.

    A nested object's columns are read only when the object is present (its own column holds
    ``1``); a date's phrase joins the date before it.
    """
    key = (schema.name, id(schema), header)
    found = _FILLERS.get(key)
    if found is None:
        at = {name: i for i, name in enumerate(header)}
        lines = ["def fill(r, number, bad):", "    d = {}"]
        holders: dict[tuple[str, ...], str] = {(): "d"}
        table = schema.name
        for column in schema.columns:
            parent = column.path[:-1]
            if parent not in holders:  # the object is missing from the header: never present
                continue
            holder, name = holders[parent], column.path[-1]
            indent = "    " * len(column.path)
            where = f"{table!r}, number, {column.name!r}"
            index = at.get(column.name)
            if column.shape is Shape.OBJECT:
                if index is None:
                    continue
                inner = f"n{len(holders)}"
                holders[column.path] = inner
                lines += [
                    f"{indent}c = r[{index}]",
                    f"{indent}if c is not None:",
                    f"{indent}    if c != '1':",
                    f"{indent}        bad({where}, 'wrong-type', "
                    "f'expected 1 (present) or an empty cell, got {c!r}')",
                    f"{indent}    {holder}[{name!r}] = {inner} = {{}}",
                ]
                continue
            if index is None:
                continue
            lines += [f"{indent}c = r[{index}]", f"{indent}if c is not None:"]
            body = indent + "    "
            if column.phrase:
                lines += [
                    f"{body}h = {holder}.get({name!r})",
                    f"{body}if h is None:",
                    f"{body}    bad({where}, 'date-phrase', "
                    "'a date phrase needs the date in the column before it')",
                    f"{body}else:",
                    f"{body}    {holder}[{name!r}] = {{'value': h, 'phrase': c}}",
                ]
            elif column.shape in _AS_IS:
                lines.append(f"{body}{holder}[{name!r}] = c")
            elif column.shape is Shape.BOOLEAN:
                lines += [
                    f"{body}if c == 'true':",
                    f"{body}    {holder}[{name!r}] = True",
                    f"{body}elif c == 'false':",
                    f"{body}    {holder}[{name!r}] = False",
                    f"{body}else:",
                    f"{body}    bad({where}, 'wrong-type', f'expected true or false, got {{c!r}}')",
                ]
            else:  # a whole number, a number, or a year (a number, or a missing-data code)
                number, expected = (
                    ("float", "a number")
                    if column.shape is Shape.DECIMAL
                    else ("int", "a whole number")
                )
                if column.shape is Shape.YEAR:
                    lines += [
                        f"{body}if not c.lstrip('-').isdigit():",
                        f"{body}    {holder}[{name!r}] = c",
                        f"{body}else:",
                    ]
                    body += "    "
                lines += [
                    f"{body}try:",
                    f"{body}    {holder}[{name!r}] = {number}(c)",
                    f"{body}except ValueError:",
                    f"{body}    bad({where}, 'wrong-type', f'expected {expected}, got {{c!r}}')",
                ]
        lines.append("    return d")
        namespace: dict[str, Any] = {}
        exec(compile("\n".join(lines) + "\n", f"<opengov read {table}>", "exec"), namespace)
        found = _FILLERS[key] = namespace["fill"]
    return found


class _Reader:
    def __init__(self, schemas: dict[str, TableSchema], tables: dict[str, Read], *, track: bool):
        self.schemas = schemas
        self.tables = tables
        self.problems: list[Issue] = []
        # Where each object of the document came from, to translate the problems that
        # ``structure()`` finds: only recorded (``track``) when there are some.
        self.track = track
        self.locations: dict[str, tuple[str, int]] = {}
        self.used: dict[str, set[int]] = defaultdict(set)
        self.index: dict[str, dict[tuple[Cell, ...], list[tuple[int, list[Cell]]]]] = {}
        self.fillers: dict[str, Callable[[list[Cell], int, Problem], Any]] = {}
        self.columns = {name: {c: i for i, c in enumerate(t[0])} for name, t in tables.items()}
        self.children: dict[str, list[Child]] = {}
        self.parent_keys = {
            name: [k for k in schema.keys if k != "position"] for name, schema in schemas.items()
        }

    def where(self, table: str, row: int, column: str | None = None) -> str:
        text = f"{table}.csv row {row}"
        return f"{text}, column {column}" if column else text

    def bad(self, table: str, number: int, column: str, code: str, message: str) -> None:
        self.problems.append(Issue(self.where(table, number, column), code, message))

    def cell(self, table: str, row: list[Cell], column: str) -> Cell:
        index = self.columns[table].get(column)
        return None if index is None else row[index]

    def fill(self, schema: TableSchema, row: list[Cell], number: int) -> dict[str, Any]:
        filler = self.fillers.get(schema.name)
        if filler is None:
            header = tuple(self.tables[schema.name][0])
            filler = self.fillers[schema.name] = _filler(schema, header)
        data: dict[str, Any] = filler(row, number, self.bad)
        return data

    def _group(self, table: str) -> dict[tuple[Cell, ...], list[tuple[int, list[Cell]]]]:
        if table not in self.index:
            schema = self.schemas[table]
            columns = self.columns[table]
            keys = [columns.get(k) for k in self.parent_keys[table]]
            position = columns.get("position")
            grouped: dict[tuple[Cell, ...], list[tuple[int, list[Cell]]]] = defaultdict(list)
            for number, row in enumerate(self.tables[table][1], start=2):
                key = tuple([None if i is None else row[i] for i in keys])
                if schema.recursive:
                    own = (None if position is None else row[position]) or ""
                    key = (*key, own.rpartition(".")[0])
                grouped[key].append((number, row))
            self.index[table] = grouped
        return self.index[table]

    def _position_key(self, table: str, number: int, row: list[Cell]) -> tuple[int, ...]:
        text = self.cell(table, row, "position") or ""
        if text.isdigit() and text.isascii():
            return (int(text),)
        try:
            return tuple(int(part) for part in text.split("."))
        except ValueError:
            self.problems.append(
                Issue(
                    self.where(table, number, "position"),
                    "bad-position",
                    f"not a position: {text!r}",
                )
            )
            return (0,)

    def filled(self, schema: TableSchema) -> list[Child]:
        """The child tables of a table that have rows."""
        found = self.children.get(schema.name)
        if found is None:
            found = [
                c for c in schema.children if c.table in self.tables and self.tables[c.table][1]
            ]
            self.children[schema.name] = found
        return found

    def rows_under(
        self, table: str, keys: dict[str, Cell], parent_position: str | None = None
    ) -> list[tuple[int, list[Cell]]]:
        parent = tuple([keys.get(k) for k in self.parent_keys[table]])
        if parent_position is not None:
            parent = (*parent, parent_position)
        found = self._group(table).get(parent)
        if not found:
            return []
        position = self.columns[table].get("position")
        if position is not None and parent_position is None:
            # the commonest case, checked at once: positions 1, 2, 3, ... in order
            if len(found) >= len(_POSITIONS):
                _grow(len(found))
            if [row[position] for _, row in found] == _POSITIONS[: len(found)]:
                return found
        order = [self._position_key(table, number, row) for number, row in found]
        if all(a < b for a, b in itertools.pairwise(order)):
            return found  # as written: in order
        return [item for _, item in sorted(zip(order, found, strict=True), key=lambda x: x[0])]

    def build(
        self,
        schema: TableSchema,
        number: int,
        row: list[Cell],
        path: str,
        keys: dict[str, Cell],
        depth: int = 0,
    ) -> dict[str, Any]:
        used = self.used[schema.name]
        if number in used:
            self.problems.append(
                Issue(
                    self.where(schema.name, number),
                    "bad-position",
                    "this row is reached twice: its position repeats another's",
                )
            )
            return {}
        if depth >= MAX_DEPTH:  # depth 0 is the first level
            self.problems.append(
                Issue(
                    self.where(schema.name, number),
                    "too-deep",
                    f"nested more than {MAX_DEPTH} levels deep",
                )
            )
            return {}
        used.add(number)
        if self.track:
            self.locations[path] = (schema.name, number)
        data = self.fill(schema, row, number)
        children = self.filled(schema)
        if children:
            child_keys = keys
            if schema.child_key is not None:
                child_keys = {**keys, schema.child_key: self.cell(schema.name, row, "id")}
            for child in children:
                items = self.items(child, child_keys, path)
                if items:
                    _place(data, child.path, items)
        if schema.recursive:
            own = self.cell(schema.name, row, "position") or ""
            if not _NESTED_POSITION.fullmatch(own):
                self.problems.append(
                    Issue(
                        self.where(schema.name, number, "position"),
                        "bad-position",
                        f"not a position: {own!r}",
                    )
                )
                return data
            items = [
                self.build(
                    schema,
                    n,
                    r,
                    f"{path}.{schema.recursive}[{i}]" if self.track else "",
                    keys,
                    depth + 1,
                )
                for i, (n, r) in enumerate(self.rows_under(schema.name, keys, own))
            ]
            if items:
                data[schema.recursive] = items
        return data

    def items(self, child: Child, keys: dict[str, Cell], path: str) -> list[Any]:
        """The items of a list field: the rows of its table under the row being built."""
        table = child.table
        target = self.schemas[table]
        found = self.rows_under(table, keys, "" if target.recursive else None)
        if not found:
            return []
        child_path = f"{path}.{'.'.join(child.path)}" if self.track else ""
        if target.cls is not None:
            return [
                self.build(target, number, row, f"{child_path}[{i}]" if self.track else "", keys)
                for i, (number, row) in enumerate(found)
            ]
        self.used[table].update(number for number, _ in found)
        if self.track:
            for i, (number, _) in enumerate(found):
                self.locations[f"{child_path}[{i}]"] = (table, number)
        column = target.columns[0]
        index = self.columns[table].get("value")
        if index is None:
            return [None for _ in found]
        if column.shape in _AS_IS:
            return [row[index] for _, row in found]
        items: list[Any] = []
        for number, row in found:
            cell = row[index]
            items.append(self.fill_value(table, number, column, cell))
        return items

    def fill_value(self, table: str, number: int, column: Column, cell: Cell) -> Any:
        """The value of a cell of a table of values (of numbers, or of years)."""
        if cell is None:
            return None
        shape = column.shape
        if shape is Shape.INTEGER or (shape is Shape.YEAR and cell.lstrip("-").isdigit()):
            try:
                return int(cell)
            except ValueError:
                self.bad(
                    table,
                    number,
                    column.name,
                    "wrong-type",
                    f"expected a whole number, got {cell!r}",
                )
                return None
        if shape is Shape.DECIMAL:
            try:
                return float(cell)
            except ValueError:
                self.bad(
                    table, number, column.name, "wrong-type", f"expected a number, got {cell!r}"
                )
                return None
        if shape is Shape.BOOLEAN:
            if cell in ("true", "false"):
                return cell == "true"
            self.bad(
                table, number, column.name, "wrong-type", f"expected true or false, got {cell!r}"
            )
            return None
        return cell

    def orphans(self) -> Iterator[Issue]:
        for name, (_, rows) in self.tables.items():
            used = self.used[name]
            if len(used) == len(rows):
                continue
            schema = self.schemas[name]
            for number, row in enumerate(rows, start=2):
                if number not in used:
                    parents = ", ".join(
                        f"{k} {self.cell(name, row, k)!r}" for k in schema.keys if k != "position"
                    )
                    yield Issue(
                        self.where(name, number),
                        "csv-orphan",
                        f"belongs to no row of its parent table ({parents or 'no parent'})",
                    )

    def translate(self, problem: Issue) -> Issue:
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
        return attrs.evolve(problem, path=self.where(table, number, column))


def _place(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def unflatten(tables: Tables, cls: type, *, source: str = "") -> Any:
    """Rebuild a model object from its tables (rows as dicts from column name to cell); raises
    :class:`~opengov.LoadError` with table, row and column for every problem."""
    schemas = schema_for(cls)
    problems = []
    for name, rows in tables.items():
        if name not in schemas:
            problems.append(_unknown_table(name, schemas))
            continue
        expected = expected_columns(schemas[name])
        for number, row in enumerate(rows, start=2):
            unknown = sorted(set(row) - expected)
            if unknown:
                problems.append(_unknown_columns(name, number, unknown))
                break
    if problems:
        raise LoadError(problems, source=source or None)
    read: dict[str, Read] = {}
    for name, rows in tables.items():
        header = list(dict.fromkeys(column for row in rows for column in row))
        read[name] = (header, [[row.get(column) for column in header] for row in rows])
    return _rebuild(read, cls, source)


def unflatten_rows(tables: dict[str, Read], cls: type, *, source: str = "") -> Any:
    """Rebuild a model object from its tables as read (a header, and rows of cells in its
    order); raises :class:`~opengov.LoadError` with table, row and column for every problem."""
    schemas = schema_for(cls)
    problems = []
    for name, (header, rows) in tables.items():
        if name not in schemas:
            problems.append(_unknown_table(name, schemas))
            continue
        unknown = sorted(set(header) - expected_columns(schemas[name]))
        if unknown and rows:
            problems.append(_unknown_columns(name, 2, unknown))
    if problems:
        raise LoadError(problems, source=source or None)
    return _rebuild(tables, cls, source)


def _unknown_table(name: str, schemas: dict[str, TableSchema]) -> Issue:
    return Issue(f"{name}.csv", "unknown-table", f"unknown table (expected: {', '.join(schemas)})")


def expected_columns(schema: TableSchema) -> set[str]:
    """The columns a table of ``schema`` may have (its header, and ``position`` where keyed)."""
    return set(schema.header) | ({"position"} if "position" in schema.keys else set())


def _unknown_columns(name: str, number: int, unknown: list[str]) -> Issue:
    return Issue(
        f"{name}.csv row {number}", "unknown-column", f"unknown column(s): {listed(unknown)}"
    )


def _rebuild(tables: dict[str, Read], cls: type, source: str) -> Any:
    schemas = schema_for(cls)
    root_name = next(iter(schemas))
    roots = tables.get(root_name, ([], []))[1]
    if len(roots) != 1:
        raise LoadError(
            [
                Issue(
                    f"{root_name}.csv",
                    "csv-root",
                    f"expected exactly one row, found {len(roots)}",
                )
            ],
            source=source or None,
        )
    reader = _Reader(schemas, tables, track=False)
    data = reader.build(schemas[root_name], 2, roots[0], "$", {})
    reader.problems.extend(reader.orphans())
    if reader.problems:
        raise LoadError(reader.problems, source=source or None)
    try:
        return structure(data, cls)
    except LoadError as exc:
        # Again, noting where each object came from, to name the table, row and column.
        again = _Reader(schemas, tables, track=True)
        again.build(schemas[root_name], 2, roots[0], "$", {})
        raise LoadError([again.translate(p) for p in exc.issues], source=source or None) from None

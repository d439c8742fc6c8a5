"""Hypothesis strategies for every model class, for this library's tests and for yours.

Install with ``pip install opengov-ogp[testing]``. :func:`strategy_for` draws objects of any
model class from the model's description (:func:`opengov.model.describe.describe`), field by
field, so a field added to the model is drawn without an edit here: text mixes ordinary words
with the characters that break naive serialisers (commas, quotes, semicolons, newlines, «», ’, a
leading ``=`` for spreadsheet formulas, emoji, non-Latin scripts), dates are partial dates and
ranges with their phrases, vocabulary fields take every member, years are numbers or a
missing-data state, nested objects are drawn in turn, and optional fields are sometimes absent.

Drawn documents are consistent, so they also pass :func:`opengov.validate`'s error checks:

* ids are unique and scoped to their parent (``xx-2019-2021/commitments/2/milestones/1``);
* a listed object's required number (a commitment's, a key recommendation's) is unique and
  increasing in its list;
* a reference names an object of the same document (an organisation, a report, a key
  recommendation); where the document holds none it is absent, and references to objects kept
  outside plans (standards and their requirements) name those of the bundled standard sets.

Example::

    from hypothesis import given
    from opengov.testing import action_plans

    @given(action_plans())
    def test_round_trip(plan):
        assert opengov.load(opengov.dump(plan)) == plan
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the installation
    raise ImportError(
        "opengov.testing needs hypothesis: pip install 'opengov-ogp[testing]'"
    ) from exc

from opengov.model import (
    ActionPlan,
    Commitment,
    Contact,
    DateSpan,
    Frequency,
    IRMAssessment,
    Milestone,
    Organisation,
    PartialDate,
    PlanCollection,
    Precision,
    Qualifier,
    Requirement,
    Resource,
    Standard,
    StandardSet,
)
from opengov.model.describe import FieldInfo, Shape, describe, document_classes
from opengov.model.vocab import Vocabulary

__all__ = [
    "NASTY_STRINGS",
    "action_plans",
    "commitments",
    "contacts",
    "date_spans",
    "irm_assessments",
    "milestones",
    "nasty_text",
    "organisations",
    "partial_dates",
    "plan_collections",
    "requirements",
    "resources",
    "standard_sets",
    "standards",
    "strategy_for",
    "vocabulary",
]

T = TypeVar("T")
V = TypeVar("V", bound=Vocabulary)

#: Strings that have broken serialisers before.
NASTY_STRINGS = (
    "",
    " ",
    "a,b",
    'say "hi"',
    "it's",
    "l’État",
    "« guillemets »",
    "semi;colon",
    "line\nbreak",
    "carriage\r\nreturn",
    "tab\there",
    "=SUM(1+1)",
    "+cmd|' /C calc'!A0",
    "-1",
    "@SUM(1+1)",
    '=HYPERLINK("http://example.com")',
    "🇫🇷 emoji 🎉",
    "Ελληνικά / 日本語 / العربية",
    "NULL",
    "None",
    "ND",
    "<p>html</p>",
    "trailing space ",
    "back\\slash",
    "#hash",
    '"quoted,comma"',
)

_TEXT_ALPHABET = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029"
) | st.sampled_from(["\n", "\t", ",", ";", '"', "'", "’", "«", "»", "=", "🎉"])


def nasty_text(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Text that mixes known troublemakers with arbitrary printable characters."""
    generated = st.text(_TEXT_ALPHABET, min_size=min_size, max_size=max_size)
    known = st.sampled_from([s for s in NASTY_STRINGS if len(s) >= min_size])
    return st.one_of(known, generated)


def _titles() -> st.SearchStrategy[str]:
    return nasty_text(min_size=1).filter(lambda s: s.strip() != "")


def vocabulary(cls: type[V]) -> st.SearchStrategy[V]:
    """Any member of a vocabulary."""
    return st.sampled_from(list(cls))


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 2000, max_year: int = 2035) -> PartialDate:
    """A partial date of any precision, possibly qualified."""
    precision = draw(st.sampled_from(list(Precision)))
    year = draw(st.integers(min_year, max_year))
    if precision is Precision.DAY:
        day = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        return PartialDate.from_date(day)
    limits = {Precision.SEMESTER: 2, Precision.QUARTER: 4, Precision.MONTH: 12}
    part = draw(st.integers(1, limits[precision])) if precision in limits else None
    qualifier = draw(_optional(st.sampled_from(list(Qualifier))))
    return PartialDate(year, precision, part, qualifier=qualifier)


@st.composite
def date_spans(draw: st.DrawFn) -> DateSpan:
    """A single partial date, a closed or open range, an ongoing span or a recurrence (with or
    without bounds), with or without a phrase."""
    first = draw(partial_dates())
    phrase = draw(_optional(nasty_text(min_size=1)))
    shape = draw(
        st.sampled_from(["single", "range", "open-start", "open-end", "ongoing", "recurring"])
    )
    if shape == "single":
        return DateSpan.of(first, phrase)
    if shape == "open-start":
        return DateSpan(None, first, phrase)
    if shape == "open-end":
        return DateSpan(first, None, phrase)
    if shape == "ongoing":
        return DateSpan.continuing(phrase)
    second = draw(partial_dates(min_year=first.year + 1, max_year=first.year + 5))
    if shape == "range":
        return DateSpan(first, second, phrase)
    start, end = draw(
        st.sampled_from([(None, None), (first, first), (None, second), (first, second)])
    )
    return DateSpan.every(draw(st.sampled_from(list(Frequency))), start, end, phrase)


def _urls() -> st.SearchStrategy[str]:
    return st.builds(
        lambda host, path: f"https://{host}.example.org/{path}",
        st.from_regex(r"[a-z]{1,10}", fullmatch=True),
        st.from_regex(r"[a-z0-9/_\-]{0,20}", fullmatch=True),
    )


def _root_ids() -> st.SearchStrategy[str]:
    """The id of an object with no identified parent: ``xx-2019-2021``."""
    return st.builds(
        lambda code, start, length: f"{code}-{start}-{start + length}",
        st.from_regex(r"[a-z]{2}", fullmatch=True),
        st.integers(2011, 2030),
        st.integers(1, 4),
    )


# --- drawing any class from its description -----------------------------------------------------

#: Text with a format of its own, by field name: drawn in that format where the field is plain
#: (not prose). Every other text field is drawn from :func:`nasty_text`.
_FORMATTED: Mapping[str, Callable[[], st.SearchStrategy[str]]] = {
    "url": _urls,
    "email": st.emails,
    "country": lambda: st.from_regex(r"[A-Z]{2}", fullmatch=True),
    "language": lambda: st.sampled_from(["en", "fr", "es", "pt-BR"]),
    "languages": lambda: st.sampled_from(["en", "fr", "es", "pt-BR"]),
}
_MAX_ITEMS = 3  # the longest list drawn, unless told otherwise
_MAX_DEPTH = 3  # how many times a class nests in itself (evidence items of evidence items)
_TICKETS = st.integers(0, 15)  # a drawn reference: which of the known ids, modulo their number
_STEPS = st.integers(1, 3)  # from one number of a list to the next
_LEFT_OUT = st.booleans()  # whether an optional nested object is absent


def _one_value(field: FieldInfo) -> st.SearchStrategy[Any]:
    """One value of a field that is neither an object nor a reference."""
    shape = field.shape
    if shape is Shape.TEXT:
        if field.plain and field.name in _FORMATTED:
            return _FORMATTED[field.name]()
        # a required text is stated: not blank (an item of a list may be empty text)
        return _titles() if field.required and not field.many else nasty_text()
    if shape is Shape.INTEGER:
        return st.integers(0, 1000)
    if shape is Shape.DECIMAL:
        return st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False)
    if shape is Shape.BOOLEAN:
        return st.booleans()
    if shape is Shape.VOCABULARY:
        assert field.vocabulary is not None
        return vocabulary(field.vocabulary)
    if shape is Shape.DATE:
        return date_spans()
    if shape is Shape.YEAR:
        assert field.vocabulary is not None
        return st.integers(2012, 2030) | vocabulary(field.vocabulary)
    raise TypeError(f"{field.path}: no strategy for {shape}")  # pragma: no cover


@functools.cache
def _value_strategy(owner: type, name: str) -> st.SearchStrategy[Any]:
    """The values of a scalar field: one value, maybe absent, or a list (cached per field)."""
    field = describe(owner).field(name)
    one = _one_value(field)
    if field.many:
        # a set of codes (OGP values) lists each once; a list of text may repeat itself
        unique = field.shape is Shape.VOCABULARY
        return st.lists(one, max_size=_MAX_ITEMS, unique=unique)
    return _optional(one) if field.optional else one


@functools.cache
def _ticket_strategy(owner: type, name: str) -> st.SearchStrategy[Any]:
    field = describe(owner).field(name)
    if field.many:
        return st.lists(_TICKETS, max_size=_MAX_ITEMS)
    return _optional(_TICKETS) if field.optional else _TICKETS


@functools.cache
def _holds(cls: type) -> frozenset[type]:
    """The classes whose objects an object of ``cls`` can hold, at any depth."""
    found: set[type] = set()
    for field in describe(cls).fields:
        if field.shape is Shape.OBJECT:
            found.update(document_classes(field.item))
    return frozenset(found)


@functools.cache
def _numbered(cls: type) -> tuple[str, ...]:
    """The required whole-number fields of a class: in a list, its objects' numbers."""
    return tuple(
        f.name for f in describe(cls) if f.shape is Shape.INTEGER and f.required and not f.many
    )


@functools.cache
def _catalogue() -> Mapping[type, tuple[str, ...]]:
    """The ids of the objects of the bundled standard sets, by class: what references to
    objects kept outside plans (a standard, a requirement) name."""
    from opengov import standards

    found: dict[type, list[str]] = {}

    def walk(obj: object) -> None:
        info = describe(type(obj))
        if info.identified:
            found.setdefault(type(obj), []).append(obj.id)  # type: ignore[attr-defined]
        for field in info.fields:
            if field.shape is Shape.OBJECT:
                value = getattr(obj, field.name)
                for item in value if field.many else [value]:
                    if item is not None:
                        walk(item)

    for name in standards.names():
        walk(standards.load(name))
    return {cls: tuple(ids) for cls, ids in found.items()}


class _Ref:
    """A reference drawn before the ids it may name are all known: the ticket(s) drawn, and
    the object whose ids it names (``None``: the known ids or the catalogue)."""

    __slots__ = ("field", "holder", "ticket")

    def __init__(self, field: FieldInfo, holder: _Node | None, ticket: Any) -> None:
        self.field = field
        self.holder = holder
        self.ticket = ticket


class _Node:
    """An object being drawn: its values, its nested objects and its references, and the ids
    of the objects drawn under it (by class)."""

    __slots__ = ("children", "cls", "ids", "refs", "values")

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.values: dict[str, Any] = {}
        self.children: list[tuple[str, Any]] = []  # (field, a node, a list of nodes or None)
        self.refs: list[_Ref] = []
        self.ids: dict[type, list[str]] = {}


class _Drawing:
    """One drawn object and what it needs: the draw function, the ids references may name
    outside it, the longest lists by ``Class.field``."""

    def __init__(
        self,
        draw: st.DrawFn,
        known_ids: Mapping[type, Sequence[str]],
        max_sizes: Mapping[str, int],
    ) -> None:
        self.draw = draw
        self.known_ids = known_ids
        self.max_sizes = max_sizes

    def node(
        self,
        cls: type,
        prefix: str,
        ancestors: tuple[_Node, ...],
        preset: Mapping[str, Any],
        fixed: Mapping[str, st.SearchStrategy[Any]],
    ) -> _Node:
        """Draw an object of ``cls`` whose id (if it has one) is ``prefix``."""
        draw = self.draw
        info = describe(cls)
        node = _Node(cls)
        lineage = (*ancestors, node)
        if info.identified:
            ident = draw(fixed["id"]) if "id" in fixed else prefix
            node.values["id"] = prefix = ident
            for ancestor in ancestors:
                if cls in _holds(ancestor.cls):
                    ancestor.ids.setdefault(cls, []).append(ident)
        for field in info.fields:
            name = field.name
            if name == "id" and info.identified:
                continue
            if name in fixed:
                node.values[name] = draw(fixed[name])
            elif name in preset:
                node.values[name] = preset[name]
            elif field.references is not None:
                holder = next(
                    (a for a in reversed(lineage) if field.references in _holds(a.cls)), None
                )
                node.refs.append(_Ref(field, holder, draw(_ticket_strategy(cls, name))))
            elif field.shape is Shape.OBJECT:
                node.children.append((name, self.nested(field, f"{prefix}/{name}", lineage)))
            else:
                node.values[name] = draw(_value_strategy(cls, name))
        return node

    def nested(self, field: FieldInfo, prefix: str, lineage: tuple[_Node, ...]) -> Any:
        """The nested object(s) of an object field: a node, a list of nodes, or ``None``."""
        draw = self.draw
        target = field.item
        deep = sum(1 for a in lineage if a.cls is target) >= _MAX_DEPTH
        if not field.many:
            if field.optional and (deep or draw(_LEFT_OUT)):
                return None
            return self.node(target, prefix, lineage, {}, {})
        if deep:
            return []
        # lists shrink with depth (a plan's commitments, a commitment's milestones, a
        # milestone's indicators …), so that a drawn document stays a size hypothesis can hold
        longest = max(1, _MAX_ITEMS + 1 - len(lineage))
        count = draw(st.integers(0, self.max_sizes.get(field.path, longest)))
        numbered = _numbered(target)
        numbers: dict[str, list[int]] = {}
        for name in numbered:
            numbers[name] = list(itertools.accumulate(draw(_STEPS) for _ in range(count)))
        return [
            self.node(
                target,
                f"{prefix}/{i + 1}",
                lineage,
                {name: numbers[name][i] for name in numbered},
                {},
            )
            for i in range(count)
        ]

    def build(self, node: _Node) -> Any:
        """The object of a drawn node, its references resolved."""
        values = dict(node.values)
        for name, child in node.children:
            if isinstance(child, list):
                values[name] = [self.build(item) for item in child]
            else:
                values[name] = None if child is None else self.build(child)
        for ref in node.refs:
            values[ref.field.name] = self.resolve(ref)
        return node.cls(**values)

    def resolve(self, ref: _Ref) -> Any:
        """The id(s) a reference names, from the ids drawn under its holder, else the ids
        known from outside."""
        field = ref.field
        target = field.references
        assert target is not None
        if ref.holder is not None:
            ids: Sequence[str] = ref.holder.ids.get(target, ())
        else:
            ids = self.known_ids.get(target) or _catalogue().get(target, ())
        if field.many:
            if not ids:
                return []
            return list(dict.fromkeys(ids[t % len(ids)] for t in ref.ticket))
        if ref.ticket is None:
            return None
        if not ids:  # a required reference with nothing to name: a plausible id
            return None if field.optional else self.draw(_root_ids())
        return ids[ref.ticket % len(ids)]


def strategy_for(
    cls: type[T],
    *,
    known_ids: Mapping[type, Sequence[str]] | None = None,
    max_sizes: Mapping[str, int] | None = None,
    **fields: st.SearchStrategy[Any],
) -> st.SearchStrategy[T]:
    """Objects of any model class, every field drawn from the model's description.

    ``fields`` draw the named fields of the object itself instead (as in ``st.builds``:
    ``strategy_for(Organisation, id=st.just("org/1"))``). ``known_ids`` gives, by class, the
    ids that references may name when the object does not hold such objects itself (a
    milestone's ``organisation``). ``max_sizes`` bounds lists by ``"Class.field"``
    (``{"ActionPlan.commitments": 2}``); other lists hold at most three items.
    """
    describe(cls)  # fail now, not at the first draw, for a class the description cannot read
    known = dict(known_ids or {})
    sizes = dict(max_sizes or {})

    @st.composite
    def objects(draw: st.DrawFn) -> T:
        drawing = _Drawing(draw, known, sizes)
        prefix = "" if "id" in fields else draw(_root_ids())
        found: T = drawing.build(drawing.node(cls, prefix, (), {}, fields))
        return found

    return objects()


# --- named strategies ---------------------------------------------------------------------------


def resources() -> st.SearchStrategy[Resource]:
    """A resource with a label and an optional URL."""
    return strategy_for(Resource)


def organisations(ident: str) -> st.SearchStrategy[Organisation]:
    """An organisation with the given id."""
    return strategy_for(Organisation, id=st.just(ident))


def contacts(ident: str) -> st.SearchStrategy[Contact]:
    """A point of contact with the given id."""
    return strategy_for(Contact, id=st.just(ident))


def milestones(
    ident: str, organisation_ids: list[str] | None = None
) -> st.SearchStrategy[Milestone]:
    """A milestone with the given id; ``organisation`` is drawn from ``organisation_ids``."""
    return strategy_for(
        Milestone, known_ids={Organisation: organisation_ids or []}, id=st.just(ident)
    )


def irm_assessments() -> st.SearchStrategy[IRMAssessment]:
    """An IRM assessment mixing real values and ND / NR / NA states."""
    return strategy_for(IRMAssessment)


def commitments(
    ident: str, number: int, organisation_ids: list[str] | None = None
) -> st.SearchStrategy[Commitment]:
    """A commitment with the given id and number, referencing ``organisation_ids``; its
    milestones and contacts have ids under ``ident``."""
    return strategy_for(
        Commitment,
        known_ids={Organisation: organisation_ids or []},
        id=st.just(ident),
        number=st.just(number),
    )


def action_plans(max_commitments: int = 5) -> st.SearchStrategy[ActionPlan]:
    """A whole plan: organisations, commitments, participation, IRM recommendations and more."""
    return strategy_for(ActionPlan, max_sizes={"ActionPlan.commitments": max_commitments})


def plan_collections(max_plans: int = 3) -> st.SearchStrategy[PlanCollection]:
    """A collection of plans with distinct ids (each plan with at most two commitments)."""
    return strategy_for(
        PlanCollection,
        max_sizes={"PlanCollection.plans": max_plans, "ActionPlan.commitments": 2},
    )


def standard_sets() -> st.SearchStrategy[StandardSet]:
    """A set of standards with their requirements."""
    return strategy_for(StandardSet)


def standards(ident: str | None = None) -> st.SearchStrategy[Standard]:
    """A standard with its requirements (with the given id, or a drawn one)."""
    return strategy_for(Standard) if ident is None else strategy_for(Standard, id=st.just(ident))


def requirements(ident: str | None = None) -> st.SearchStrategy[Requirement]:
    """A requirement of a standard (with the given id, or a drawn one)."""
    if ident is None:
        return strategy_for(Requirement)
    return strategy_for(Requirement, id=st.just(ident))

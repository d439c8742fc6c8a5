"""Reading: the index of a graph's triples → dict → the same ``structure()`` as JSON (LinkML's
two-phase loader is the model), so RDF input gets the same checks; every triple of the graph
must belong to the document, and problems name the subject IRI and property.

Each triple is taken out of the index as the walk reads it: what is left at the end is not part
of the document, and no second record of the triples is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from attrs import evolve

from opengov.errors import LoadError
from opengov.io._document import structure
from opengov.io._limits import MAX_DEPTH
from opengov.io.rdf._index import Index
from opengov.io.rdf._mapping import ROOTS, ClassMap, FieldMap, Kind, class_map, concept_iri
from opengov.io.rdf._terms import DCTERMS, OG, RDF, XSD, id_from_iri, iri_for_id
from opengov.io.rdf._triples import DATE_SPAN, POSITION, SEQ, TYPE, Term
from opengov.issues import Issue
from opengov.model.vocab import Vocabulary

__all__ = ["read"]

_MAX_PROBLEMS = 50


def _show(term: Term) -> str:
    if term[0] == "i":
        return f"<{term[1]}>"
    if term[0] == "b":
        return f"_:{term[1]}"
    text = term[1] if len(term[1]) < 60 else term[1][:57] + "..."
    suffix = f"@{term[2]}" if term[2] else (f"^^<{term[3]}>" if term[3] else "")
    return f'"{text}"{suffix}'


def _deeper(depth: int, field: FieldMap, parent: ClassMap) -> int:
    """Nesting counts items within items of the same class (evidence within evidence)."""
    return depth + 1 if field.target is parent.cls else 1


class _Reader:
    def __init__(self, index: Index) -> None:
        self.index = index.subjects
        self.problems: list[Issue] = [
            Issue(
                f"_:{label}",
                "rdf-blank-node",
                "blank nodes are not part of this format: every resource has an IRI",
            )
            for label in index.blanks
        ]
        self.locations: dict[str, tuple[str, ClassMap]] = {}
        self.base = ""
        self.concepts: dict[str, tuple[type[Vocabulary], str]] = {}
        self.built: set[str] = set()
        self.language: str | None = None  # of the innermost object that states one
        self.foreign: dict[str, list[tuple[str, str, str]]] = {}

    def problem(self, subject: str, predicate: str | None, code: str, message: str) -> None:
        where = f"<{subject}>" + (f" <{predicate}>" if predicate else "")
        self.problems.append(Issue(where, code, message))

    def peek(self, subject: str, predicate: str) -> list[Term]:
        """The values of a predicate, left in the index."""
        predicates = self.index.get(subject)
        return predicates.get(predicate, []) if predicates else []

    def take(self, subject: str, predicate: str) -> list[Term]:
        """The values of a predicate, taken out of the index (a triple stated twice once)."""
        predicates = self.index.get(subject)
        if not predicates:
            return []
        values = predicates.pop(predicate, None)
        if values is None:
            return []
        return list(dict.fromkeys(values)) if len(values) > 1 else values

    def one(self, subject: str, field: FieldMap) -> Term | None:
        values = self.take(subject, field.predicate)
        if len(values) > 1:
            self.problem(
                subject,
                field.predicate,
                "too-many-values",
                f"{len(values)} values where {field.name!r} takes one: {', '.join(_show(v) for v in values[:3])}",
            )
            return None
        return values[0] if values else None

    def scalar(self, subject: str, predicate: str, field: FieldMap, kind: Kind, term: Term) -> Any:
        def bad(expected: str) -> None:
            self.problem(
                subject, predicate, "wrong-type", f"expected {expected}, got {_show(term)}"
            )

        if kind in (Kind.TEXT, Kind.PLAIN):
            if term[0] != "l" or term[3]:  # a datatype other than xsd:string is not text
                return bad("a text literal")
            return term[1]
        if kind in (Kind.INT, Kind.YEAR) and term[0] == "l":
            datatypes = _YEARS if kind is Kind.YEAR else _INTEGERS
            return _number(term, datatypes, int, bad, "an xsd:integer", "a whole number")
        if kind is Kind.FLOAT:
            return _number(term, _DECIMALS, float, bad, "an xsd:decimal", "a number")
        if kind is Kind.BOOL:
            if (
                term[0] == "l"
                and term[3] == XSD + "boolean"
                and term[1] in ("true", "false", "1", "0")
            ):
                return term[1] in ("true", "1")
            return bad("an xsd:boolean")
        if kind in (Kind.CODE, Kind.YEAR):
            assert field.vocabulary is not None
            if term[0] != "i":
                return bad(f"a concept of {field.vocabulary.vocabulary_name()}")
            code = self.concept_code(field.vocabulary, term[1])
            if code is None:
                return bad(f"a concept of {field.vocabulary.vocabulary_name()}")
            return code
        if kind is Kind.REF:
            if term[0] != "i":
                return bad("an IRI")
            ident = id_from_iri(term[1], self.base)
            if ident is None:
                return bad(f"an IRI under the base {self.base}")
            return ident
        if kind is Kind.EMAIL:
            if term[0] != "i" or not term[1].startswith("mailto:"):
                return bad("a mailto: IRI")
            return unquote(term[1][len("mailto:") :])
        return bad("a value")  # pragma: no cover

    def concept_code(self, vocabulary: type[Vocabulary], iri: str) -> str | None:
        if not self.concepts.get(vocabulary.__name__ + "|"):
            for member in vocabulary:
                self.concepts[concept_iri(member)] = (vocabulary, member.value)
            self.concepts[vocabulary.__name__ + "|"] = (vocabulary, "")
        found = self.concepts.get(iri)
        return found[1] if found and found[0] is vocabulary else None

    def node(self, subject: str, cmap: ClassMap, path: str, depth: int = 1) -> dict[str, Any]:
        if subject in self.built:
            self.problem(
                subject, None, "rdf-tree", "this resource is reached twice: a document is a tree"
            )
            return {}
        if depth > MAX_DEPTH:
            self.problem(subject, None, "too-deep", f"nested more than {MAX_DEPTH} levels deep")
            return {}
        self.built.add(subject)
        self.locations[path] = (subject, cmap)
        types = self.take(subject, TYPE)
        if ("i", cmap.rdf_class) not in types:
            self.problem(
                subject,
                TYPE,
                "rdf-type",
                f"expected a {cmap.rdf_class}, found {', '.join(_show(t) for t in types) or 'no rdf:type'}",
            )
        outer = self.language
        stated = self.peek(subject, DCTERMS + "language") or self.peek(subject, OG + "language")
        if stated and len(stated) == 1 and stated[0][0] == "l":
            self.language = stated[0][1]
        data = self.fields(subject, cmap, path, depth)
        self.language = outer
        return data

    def prose(self, subject: str, field: FieldMap) -> Term | None:
        """The literal of a prose field in the document's language (or untagged); literals in
        other languages are the field's translations, kept in ``self.foreign``."""
        values = self.take(subject, field.predicate)
        language = field.language or self.language
        # language tags compare case-insensitively (rdflib lowercases "pt-BR")
        wanted = language.lower() if language else None
        own = [v for v in values if v[0] == "l" and v[2].lower() == wanted] if wanted else []
        if not own:
            own = [v for v in values if v[0] != "l" or not v[2]]
        if not own and len(values) == 1 and field.language is None and language is None:
            own = values
        for value in values:
            if value not in own and value[0] == "l" and value[2]:
                self.foreign.setdefault(subject, []).append((field.name, value[2], value[1]))
        if len(own) > 1:
            self.problem(
                subject,
                field.predicate,
                "too-many-values",
                f"{len(own)} values where {field.name!r} takes one: {', '.join(_show(v) for v in own[:3])}",
            )
            return None
        return own[0] if own else None

    def fields(self, subject: str, cmap: ClassMap, path: str, depth: int) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for field in cmap.fields:
            kind = field.kind
            if kind is Kind.DATE:
                self.date(subject, field, data)
            elif kind is Kind.NESTED:
                term = self.one(subject, field)
                if term is not None:
                    if not self.is_resource(subject, field, term):
                        continue
                    assert field.target is not None
                    data[field.name] = self.node(
                        term[1],
                        class_map(field.target),
                        f"{path}.{field.name}",
                        _deeper(depth, field, cmap),
                    )
            elif kind is Kind.OBJECTS:
                items = []
                assert field.target is not None
                for term in self.take(subject, field.predicate):
                    if not self.is_resource(subject, field, term):
                        continue
                    position = self.position(term[1])
                    items.append((position, term[1]))
                items.sort()
                for i, (_, child) in enumerate(items):
                    data.setdefault(field.name, []).append(
                        self.node(
                            child,
                            class_map(field.target),
                            f"{path}.{field.name}[{i}]",
                            _deeper(depth, field, cmap),
                        )
                    )
                if len({p for p, _ in items}) != len(items):
                    self.problem(
                        subject, field.predicate, "bad-position", "two items share a position"
                    )
            elif kind is Kind.SEQ:
                term = self.one(subject, field)
                if term is not None:
                    data[field.name] = self.seq(subject, field, term)
            else:
                term = self.prose(subject, field) if kind is Kind.TEXT else self.one(subject, field)
                if term is not None:
                    value = self.scalar(subject, field.predicate, field, kind, term)
                    if value is not None:
                        data[field.name] = value
        self.translations(subject, cmap, data)
        return data

    def translations(self, subject: str, cmap: ClassMap, data: dict[str, Any]) -> None:
        """Literals in other languages that no translation of the object holds become
        translations of unknown origin: nothing a graph states is dropped."""
        foreign = self.foreign.pop(subject, [])
        if not foreign:
            return
        if not any(f.name == "translations" for f in cmap.fields):
            for name, language, _ in foreign:
                self.problem(
                    subject,
                    next(f.predicate for f in cmap.fields if f.name == name),
                    "too-many-values",
                    f"a literal in {language!r} where {name!r} has no translations",
                )
            return
        known = {
            (t.get("field"), str(t.get("language")).lower(), t.get("text"))
            for t in data.get("translations", [])
        }
        for name, language, text in foreign:
            if (name, language.lower(), text) not in known:
                data.setdefault("translations", []).append(
                    {"field": name, "language": language, "text": text, "origin": "unknown"}
                )

    def is_resource(self, subject: str, field: FieldMap, term: Term) -> bool:
        """True for an IRI; otherwise the problem is noted."""
        if term[0] == "i":
            return True
        message = f"expected a resource, got {_show(term)}"
        self.problem(subject, field.predicate, "wrong-type", message)
        return False

    def position(self, subject: str) -> int:
        values = self.take(subject, POSITION)
        if len(values) != 1 or values[0][0] != "l":
            self.problem(subject, POSITION, "bad-position", "expected one og:position")
            return 0
        try:
            return int(values[0][1])
        except ValueError:
            self.problem(
                subject, POSITION, "bad-position", f"not a whole number: {_show(values[0])}"
            )
            return 0

    def seq(self, subject: str, field: FieldMap, term: Term) -> list[Any]:
        if term[0] != "i":
            self.problem(
                subject, field.predicate, "wrong-type", f"expected an rdf:Seq, got {_show(term)}"
            )
            return []
        seq = term[1]
        if ("i", SEQ) not in self.take(seq, TYPE):
            self.problem(seq, TYPE, "rdf-type", "expected an rdf:Seq")
        members: list[tuple[int, Term]] = []
        for predicate in list(self.index.get(seq, {})):
            if predicate.startswith(RDF + "_") and predicate[len(RDF) + 1 :].isdigit():
                for value in self.take(seq, predicate):
                    members.append((int(predicate[len(RDF) + 1 :]), value))
        members.sort(key=lambda m: m[0])
        if [n for n, _ in members] != list(range(1, len(members) + 1)):
            self.problem(
                seq, None, "bad-position", "rdf:Seq members must be rdf:_1, rdf:_2, ... with no gap"
            )
        assert field.item is not None
        return [self.scalar(seq, f"{RDF}_{n}", field, field.item, value) for n, value in members]

    def date(self, subject: str, field: FieldMap, data: dict[str, Any]) -> None:
        term = self.one(subject, field)
        phrase_p, earliest_p, latest_p = field.companions
        phrases = self.take(subject, phrase_p)
        self.take(subject, earliest_p)
        self.take(subject, latest_p)
        if term is None:
            if phrases:
                self.problem(subject, phrase_p, "date-phrase", "a date phrase without its date")
            return
        if term[0] != "l" or term[3] != DATE_SPAN:
            self.problem(
                subject,
                field.predicate,
                "wrong-type",
                f"expected an og:dateSpan literal, got {_show(term)}",
            )
            return
        if len(phrases) > 1:
            self.problem(subject, phrase_p, "date-phrase", "more than one phrase")
        data[field.name] = {"value": term[1], "phrase": phrases[0][1]} if phrases else term[1]

    def leftovers(self) -> None:
        left = [
            f"<{subject}> <{predicate}> {_show(value)}"
            for subject, predicates in self.index.items()
            for predicate, values in predicates.items()
            for value in dict.fromkeys(values)
        ]
        if left:
            shown = "; ".join(left[:5])
            more = f" (and {len(left) - 5} more)" if len(left) > 5 else ""
            self.problems.append(
                Issue(
                    "graph",
                    "unknown-triple",
                    f"{len(left)} triple(s) are not part of the document: {shown}{more}",
                )
            )

    def translate(self, problem: Issue) -> Issue:
        best = ""
        for known in self.locations:
            if (
                problem.path == known or problem.path.startswith((known + ".", known + "["))
            ) and len(known) > len(best):
                best = known
        if not best:
            return problem
        subject, cmap = self.locations[best]
        rest = problem.path[len(best) :].lstrip(".").split("[")[0].split(".")[0]
        predicate = next((f.predicate for f in cmap.fields if f.name == rest), None)
        return evolve(problem, path=f"<{subject}>" + (f" <{predicate}>" if predicate else ""))


def read(index: Index, *, expected: type | None = None) -> Any:
    """Rebuild the plan (or standard set, or collection) the indexed triples describe; raises
    :class:`~opengov.LoadError` naming the subject and property of every problem."""
    reader = _Reader(index)
    roots: list[tuple[str, type]] = []
    for cls in ROOTS if expected is None else (expected,):
        rdf_class = class_map(cls).rdf_class
        roots = [
            (subject, cls)
            for subject, predicates in reader.index.items()
            if ("i", rdf_class) in predicates.get(TYPE, [])
        ]
        if roots:  # a collection's plans are roots of their own: the outermost kind wins
            break
    if len(roots) != 1:
        found = ", ".join(f"<{s}>" for s, _ in roots[:5]) or "none"
        kinds = " or ".join(f"og:{c.__name__}" for c in ROOTS if expected in (None, c))
        raise LoadError(
            [
                Issue(
                    "graph",
                    "rdf-root",
                    f"expected one {kinds} resource, found {len(roots)}: {found}",
                )
            ]
        )
    subject, cls = roots[0]
    identifiers = reader.peek(subject, DCTERMS + "identifier")
    if len(identifiers) != 1 or identifiers[0][0] != "l":
        raise LoadError(
            [
                Issue(
                    f"<{subject}>",
                    "rdf-root",
                    "the root needs exactly one dcterms:identifier literal",
                )
            ]
        )
    ident = identifiers[0][1]
    suffix = iri_for_id(ident, "")
    if not subject.endswith(suffix):
        raise LoadError(
            [
                Issue(
                    f"<{subject}>",
                    "rdf-root",
                    f"the IRI does not end with its identifier {ident!r}",
                )
            ]
        )
    reader.base = subject[: len(subject) - len(suffix)]
    data = reader.node(subject, class_map(cls), "$")
    reader.leftovers()
    if reader.problems:
        raise LoadError(reader.problems[:_MAX_PROBLEMS])
    try:
        return structure(data, cls)
    except LoadError as exc:
        raise LoadError([reader.translate(p) for p in exc.issues]) from None


_INTEGERS = frozenset({XSD + "integer", XSD + "int", XSD + "long"})
_YEARS = _INTEGERS | {XSD + "gYear"}
_DECIMALS = frozenset({XSD + "double", XSD + "decimal", XSD + "float"})


def _number(
    term: Term,
    datatypes: frozenset[str],
    parse: Callable[[str], Any],
    bad: Callable[[str], None],
    expected: str,
    wording: str,
) -> Any:
    """A literal of one of ``datatypes`` read by ``parse``; else ``bad`` says what was expected."""
    if term[0] != "l" or term[3] not in datatypes:
        return bad(expected)
    try:
        return parse(term[1])
    except ValueError:
        return bad(wording)

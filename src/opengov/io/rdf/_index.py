"""The triples a reader works from: plain terms by subject and predicate, whatever the source
(a text parsed by pyoxigraph, or an rdflib graph)."""

from __future__ import annotations

from opengov.io.rdf._triples import Term

__all__ = ["Index"]


class Index:
    """Triples by subject IRI, then predicate IRI, each with its list of object terms.

    A triple stated twice may be listed twice (a graph is a set: the reader counts it once).
    Triples whose subject is a blank node are not indexed; their labels are in ``blanks``.
    """

    __slots__ = ("blanks", "subjects", "total")

    def __init__(self) -> None:
        self.subjects: dict[str, dict[str, list[Term]]] = {}
        self.blanks: list[str] = []
        self.total = 0

    def add(self, subject: Term, predicate: str, value: Term) -> None:
        """Index one triple (``subject`` is ``("i", iri)`` or ``("b", label)``)."""
        self.total += 1
        if subject[0] != "i":
            self.blanks.append(subject[1])
            return
        predicates = self.subjects.setdefault(subject[1], {})
        values = predicates.get(predicate)
        if values is None:
            predicates[predicate] = [value]
        else:
            values.append(value)

    def blank(self, label: str) -> None:
        """Note a triple whose subject is the blank node ``label``."""
        self.total += 1
        self.blanks.append(label)

"""What every rule returns, and how rules are grouped into inspectable, replaceable sets.

A rule is a pure function of a subject and of the :class:`Evaluation` it runs in. A rule that
builds on another (a star needs "relevant") asks the evaluation for that rule's outcome by name,
so it is looked up in the same rule set: replacing ``relevant`` in a set changes the stars, the
quadrants and the binding constraint that the set computes, consistently. Each outcome is computed
once per evaluation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, Generic, TypeVar

import attrs
from attrs import frozen

from opengov.errors import RuleError

__all__ = ["Evaluation", "Outcome", "Rule", "RuleSet"]

S = TypeVar("S")


@frozen
class Outcome:
    """The result of applying a rule: a value, and why.

    ``inputs`` names the values the rule read (``{"specificity": "high", ...}``), so a reader
    can check the explanation against the data.
    """

    rule: str
    value: Any
    explanation: str
    inputs: Mapping[str, Any] = attrs.field(factory=dict)

    def __str__(self) -> str:
        return f"{self.rule}: {_show(self.value)} — {self.explanation}"


def _show(value: Any) -> str:
    return str(getattr(value, "value", value))


@frozen
class Rule(Generic[S]):
    """A named rule: a pure function from a subject (and the evaluation it runs in) to an
    :class:`Outcome`.

    ``source`` says where the rule comes from (an OGP document, the IRM's data, a documented
    choice of this library). ``function(subject, evaluation)`` reads other rules' outcomes as
    ``evaluation["relevant"]``, never by calling them directly.
    """

    name: str
    description: str
    source: str
    function: Callable[[S, Evaluation[S]], Outcome]


class Evaluation(Generic[S]):
    """One subject evaluated against one rule set.

    ``evaluation[name]`` is the outcome of the set's rule ``name`` for the subject, computed on
    first use and kept; rules call it to read the outcomes they build on.
    """

    __slots__ = ("_active", "_outcomes", "rules", "subject")

    def __init__(self, rules: RuleSet[S], subject: S) -> None:
        self.rules = rules
        self.subject = subject
        self._outcomes: dict[str, Outcome] = {}
        self._active: list[str] = []

    def __getitem__(self, name: str) -> Outcome:
        found = self._outcomes.get(name)
        if found is not None:
            return found
        rule = self.rules.rules.get(name)
        if rule is None:
            needed_by = f"rule {self._active[-1]!r} needs" if self._active else "asked for"
            raise RuleError(
                f"{needed_by} {name!r}, which rule set {self.rules.name!r} does not have "
                f"(it has: {', '.join(self.rules.rules)})"
            )
        if name in self._active:
            cycle = " → ".join([*self._active[self._active.index(name) :], name])
            raise RuleError(f"rule set {self.rules.name!r} has a cycle: {cycle}")
        self._active.append(name)
        try:
            outcome = rule.function(self.subject, self)
        finally:
            self._active.pop()
        self._outcomes[name] = outcome
        return outcome

    def value(self, name: str) -> Any:
        """The value of rule ``name``'s outcome."""
        return self[name].value


def _read_only(rules: Mapping[str, Rule[Any]]) -> Mapping[str, Rule[Any]]:
    return MappingProxyType(dict(rules))


@frozen
class RuleSet(Generic[S]):
    """A named group of rules over the same kind of subject.

    Rule sets are values: :meth:`replace` and :meth:`without` return changed copies, so a user
    can start from a shipped set and adapt it, and hand the copy to whatever consumes rules
    (:func:`opengov.rules.score`, the OGP export's derived columns, ``to_dataframe``).
    """

    name: str
    description: str
    rules: Mapping[str, Rule[S]] = attrs.field(converter=_read_only)

    def __iter__(self) -> Iterator[Rule[S]]:
        return iter(self.rules.values())

    def __contains__(self, name: object) -> bool:
        return name in self.rules

    def __getitem__(self, name: str) -> Rule[S]:
        return self.rules[name]

    def evaluation(self, subject: S) -> Evaluation[S]:
        """A lazy evaluation of ``subject``: outcomes computed as they are asked for."""
        return Evaluation(self, subject)

    def evaluate(self, subject: S) -> dict[str, Outcome]:
        """Apply every rule to ``subject`` (each dependency computed once)."""
        evaluation = Evaluation(self, subject)
        return {name: evaluation[name] for name in self.rules}

    def outcome(self, name: str, subject: S) -> Outcome:
        """The outcome of one rule (and of what it builds on) for ``subject``."""
        return Evaluation(self, subject)[name]

    def replace(self, rule: Rule[S]) -> RuleSet[S]:
        """A copy with ``rule`` added, or replacing the rule of the same name."""
        return attrs.evolve(self, rules={**self.rules, rule.name: rule})

    def extend(self, name: str, description: str, rules: list[Rule[S]]) -> RuleSet[S]:
        """A new set named ``name``: these rules and ``rules`` (which win on a name clash)."""
        return RuleSet(name, description, {**self.rules, **{rule.name: rule for rule in rules}})

    def without(self, name: str) -> RuleSet[S]:
        """A copy without the rule ``name``."""
        if name not in self.rules:
            raise KeyError(name)
        return attrs.evolve(self, rules={k: v for k, v in self.rules.items() if k != name})

    @classmethod
    def of(cls, name: str, description: str, rules: list[Rule[S]]) -> RuleSet[S]:
        """A rule set from a list of rules (kept in order)."""
        return cls(name, description, {rule.name: rule for rule in rules})

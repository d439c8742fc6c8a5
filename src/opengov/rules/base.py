"""What every rule returns, and how rules are grouped into inspectable, replaceable sets."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Generic, TypeVar

import attrs
from attrs import frozen

__all__ = ["Outcome", "Rule", "RuleSet"]

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
    """A named rule: a pure function from a subject to an :class:`Outcome`.

    ``source`` says where the rule comes from (an OGP document, the IRM's data, a documented
    choice of this library).
    """

    name: str
    description: str
    source: str
    function: Callable[[S], Outcome]

    def __call__(self, subject: S) -> Outcome:
        return self.function(subject)


@frozen
class RuleSet(Generic[S]):
    """A named group of rules over the same kind of subject.

    Rule sets are values: :meth:`replace` and :meth:`without` return changed copies, so a user
    can start from a shipped set and adapt it.
    """

    name: str
    description: str
    rules: Mapping[str, Rule[S]]

    def __iter__(self) -> Iterator[Rule[S]]:
        return iter(self.rules.values())

    def __getitem__(self, name: str) -> Rule[S]:
        return self.rules[name]

    def evaluate(self, subject: S) -> dict[str, Outcome]:
        """Apply every rule to ``subject``."""
        return {name: rule(subject) for name, rule in self.rules.items()}

    def replace(self, rule: Rule[S]) -> RuleSet[S]:
        """A copy with ``rule`` added, or replacing the rule of the same name."""
        return attrs.evolve(self, rules={**self.rules, rule.name: rule})

    def without(self, name: str) -> RuleSet[S]:
        """A copy without the rule ``name``."""
        if name not in self.rules:
            raise KeyError(name)
        return attrs.evolve(self, rules={k: v for k, v in self.rules.items() if k != name})

    @classmethod
    def of(cls, name: str, description: str, rules: list[Rule[S]]) -> RuleSet[S]:
        """A rule set from a list of rules (kept in order)."""
        return cls(name, description, {rule.name: rule for rule in rules})

"""Generated unstructure functions for the model's classes: the hot path of every writer.

One function per class, generated once from the class's description
(:func:`opengov.model.describe.describe`). cattrs' generated functions compare each field with
its default, calling list factories to do so; these compare with cheap checks instead
(``is not None``, a non-empty list, identity for vocabulary defaults) and copy lists of text
directly. Output is the same dict form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cattrs import Converter

from opengov.model.describe import FieldInfo, Shape, describe
from opengov.model.vocab import Vocabulary

__all__ = ["make_unstructure_fn"]

# Values of these shapes are written as they are: text, numbers, and vocabulary members (``str``
# instances whose value is their code), alone or, for a year, with a missing-data state.
_AS_THEY_ARE = frozenset(
    {Shape.TEXT, Shape.INTEGER, Shape.DECIMAL, Shape.BOOLEAN, Shape.VOCABULARY, Shape.YEAR}
)


def make_unstructure_fn(
    cls: type, converter: Converter, *, omit_defaults: bool
) -> Callable[[Any], dict[str, Any]]:
    """A function turning an instance of ``cls`` into its dict form."""
    lines = ["def unstructure(instance):", "    res = {}"]
    env: dict[str, Any] = {}
    for number, field in enumerate(describe(cls)):
        name = field.name
        value = f"v{number}"
        expression = _expression(field, value, number, cls, converter, env)
        lines.append(f"    {value} = instance.{name}")
        if not omit_defaults or field.required:
            lines.append(f"    res[{name!r}] = {expression}")
            continue
        lines.append(f"    if {_differs(field, value, number, env)}:")
        lines.append(f"        res[{name!r}] = {expression}")
    lines.append("    return res")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), f"<opengov unstructure {cls.__name__}>", "exec"), env, namespace)
    function: Callable[[Any], dict[str, Any]] = namespace["unstructure"]
    env["unstructure"] = function  # lets a recursive class call itself
    return function


def _expression(
    field: FieldInfo, value: str, number: int, cls: type, converter: Converter, env: dict[str, Any]
) -> str:
    """The dict form of the field's value ``value``."""
    one: str | None = None  # the function turning one value into its dict form, if any
    if field.shape in _AS_THEY_ARE:
        pass
    elif field.item is cls:  # a recursive class (evidence within evidence)
        one = "unstructure"
    else:
        env[f"hook{number}"] = converter.get_unstructure_hook(field.item)
        one = f"hook{number}"
    if field.many:
        found = f"list({value})" if one is None else f"[{one}(x) for x in {value}]"
    else:
        found = value if one is None else f"{one}({value})"
    if field.optional and found != value:
        found = f"None if {value} is None else {found}"
    return found


def _differs(field: FieldInfo, value: str, number: int, env: dict[str, Any]) -> str:
    """A condition true when ``value`` is not the field's default."""
    default = field.default
    if default is None:
        return f"{value} is not None"
    if isinstance(default, list) and not default:
        return value  # a non-empty list
    env[f"default{number}"] = default
    if isinstance(default, Vocabulary | bool):
        return f"{value} is not default{number}"
    # Other defaults (an object built by a factory) are compared by value with the one the
    # description built: a field never holds that very object unless it was given it.
    return f"{value} != default{number}"

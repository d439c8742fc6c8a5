"""Generated unstructure functions for the model's attrs classes: the hot path of every writer.

cattrs' generated functions compare each field with its default, calling list factories to do
so; these compare with cheap checks instead (``is not None``, a non-empty list, identity for
vocabulary defaults) and copy lists of text directly. Output is the same dict form.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin

import attrs
from cattrs import Converter

from opengov.model.vocab import Vocabulary

__all__ = ["make_unstructure_fn"]

_PLAIN = (str, int, bool, float)


def _is_plain(tp: Any) -> bool:
    """Values of this type are written as they are (text, numbers, vocabulary members)."""
    if tp in _PLAIN:
        return True
    if isinstance(tp, type) and issubclass(tp, Vocabulary):
        return True
    if get_origin(tp) in (Union, UnionType):
        return all(a is NoneType or _is_plain(a) for a in get_args(tp))
    return False


def make_unstructure_fn(
    cls: type, converter: Converter, *, omit_defaults: bool
) -> Callable[[Any], dict[str, Any]]:
    """A function turning an instance of ``cls`` into its dict form."""
    hints = typing.get_type_hints(cls)
    lines = ["def unstructure(instance):", "    res = {}"]
    env: dict[str, Any] = {}
    for number, field in enumerate(attrs.fields(cls)):
        tp = hints[field.name]
        name = field.name
        value = f"instance.{name}"
        origin = get_origin(tp)
        if origin is list:
            (item,) = get_args(tp)
            if _is_plain(item):
                expression = f"list(v{number})"
            elif item is cls:  # a recursive class (evidence within evidence)
                expression = f"[unstructure(x) for x in v{number}]"
            else:
                env[f"item{number}"] = converter.get_unstructure_hook(item)
                expression = f"[item{number}(x) for x in v{number}]"
        elif _is_plain(tp):
            expression = f"v{number}"
        else:
            env[f"hook{number}"] = converter.get_unstructure_hook(tp)
            expression = f"hook{number}(v{number})"
            if get_origin(tp) in (Union, UnionType) and NoneType in get_args(tp):
                expression = f"None if v{number} is None else {expression}"
                inner = [a for a in get_args(tp) if a is not NoneType]
                if len(inner) == 1:
                    env[f"hook{number}"] = converter.get_unstructure_hook(inner[0])
        lines.append(f"    v{number} = {value}")
        default = field.default
        if not omit_defaults or default is attrs.NOTHING:
            lines.append(f"    res[{name!r}] = {expression}")
            continue
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.factory is list:
                condition = f"v{number}"
            else:
                env[f"factory{number}"] = default.factory
                condition = f"v{number} != factory{number}()"
        elif default is None:
            condition = f"v{number} is not None"
        elif isinstance(default, Vocabulary | bool):
            env[f"default{number}"] = default
            condition = f"v{number} is not default{number}"
        else:
            env[f"default{number}"] = default
            condition = f"v{number} != default{number}"
        lines.append(f"    if {condition}:")
        lines.append(f"        res[{name!r}] = {expression}")
    lines.append("    return res")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), f"<opengov unstructure {cls.__name__}>", "exec"), env, namespace)
    function: Callable[[Any], dict[str, Any]] = namespace["unstructure"]
    env["unstructure"] = function  # lets a recursive class call itself
    return function

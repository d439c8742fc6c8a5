"""Documents: the dict form every format shares, with its envelope and migrations.

A document is the converter's dict of an object plus two keys: ``schema_version`` and ``kind``.
Loading checks both, applies the migrations from older versions, and structures the rest with
the strict converter; every problem is reported with its JSON path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cattrs import transform_error
from cattrs.errors import BaseValidationError, ForbiddenExtraKeysError

from opengov.errors import LoadError
from opengov.io._converter import make_converter
from opengov.io._fs import no_gc
from opengov.io._limits import nesting_problems
from opengov.issues import Issue, listed
from opengov.model import ActionPlan, PlanCollection, StandardSet

__all__ = [
    "KINDS",
    "SCHEMA_VERSION",
    "document_kind",
    "from_document",
    "structure",
    "to_document",
    "unstructure",
]

#: The version written into every document.
SCHEMA_VERSION = "1.0"

#: Document kinds and the class each one holds.
KINDS: dict[str, type[Any]] = {
    "action_plan": ActionPlan,
    "plan_collection": PlanCollection,
    "standard_set": StandardSet,
}
_KIND_OF: dict[type[Any], str] = {cls: kind for kind, cls in KINDS.items()}

Migration = Callable[[dict[str, Any]], dict[str, Any]]
#: Dict-level migrations keyed by the version they upgrade *from*; each returns the next version.
MIGRATIONS: dict[str, tuple[str, Migration]] = {}


def document_kind(obj: object) -> str:
    """The document kind of an object (``"action_plan"``, ...)."""
    try:
        return _KIND_OF[type(obj)]
    except KeyError:
        known = ", ".join(cls.__name__ for cls in KINDS.values())
        raise TypeError(f"cannot write a {type(obj).__name__}: expected one of {known}") from None


def unstructure(obj: object) -> dict[str, Any]:
    """The dict form of a model object (no envelope)."""
    with no_gc():
        data: dict[str, Any] = make_converter(detailed=False).unstructure(obj)
    return data


def structure(data: Any, cls: type[Any], *, path: str = "$") -> Any:
    """Build a model object from its dict form, reporting every problem with its path."""
    try:
        with no_gc():
            return make_converter(detailed=False).structure(data, cls)
    except Exception:
        pass
    try:
        return make_converter(detailed=True).structure(data, cls)
    except BaseValidationError as exc:
        raise LoadError(_problems(exc, path)) from None
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise LoadError([Issue(path, _code(exc), _plain(exc))]) from None


def _plain(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _problems(exc: BaseValidationError, path: str) -> list[Issue]:
    codes: list[str] = []  # transform_error formats each leaf exception once, in order

    def format_exception(leaf: BaseException, type_: type | None) -> str:
        codes.append(_code(leaf))
        return _format_exception(leaf, type_)

    lines = transform_error(exc, path=path, format_exception=format_exception)
    problems = []
    for line, code in zip(lines, codes, strict=True):
        message, _, where = line.rpartition(" @ ")
        problems.append(Issue(where, code, message))
    return problems


def _code(exc: BaseException) -> str:
    """The issue code of an exception raised while structuring."""
    if isinstance(exc, KeyError) or (
        isinstance(exc, TypeError) and "missing" in str(exc) and "argument" in str(exc)
    ):
        return "missing-field"
    if isinstance(exc, ForbiddenExtraKeysError):
        return "unknown-field"
    if isinstance(exc, TypeError | AttributeError):
        return "wrong-type"
    return "bad-value"


def _format_exception(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown field(s): {listed(sorted(exc.extra_fields))}"
    if isinstance(exc, TypeError) and "missing" in str(exc) and "argument" in str(exc):
        return f"required field missing ({exc})"
    if isinstance(exc, AttributeError) and type_ is not None:
        return f"expected an object ({getattr(type_, '__name__', type_)}), got something else"
    return _plain(exc)


def to_document(obj: object) -> dict[str, Any]:
    """The full document of an object: ``schema_version``, ``kind``, then its fields."""
    return {"schema_version": SCHEMA_VERSION, "kind": document_kind(obj), **unstructure(obj)}


def from_document(data: Any, *, expected: type[Any] | None = None) -> Any:
    """Rebuild an object from a document, checking its envelope and migrating old versions."""
    if not isinstance(data, dict):
        raise LoadError([Issue("$", "wrong-type", "a document must be a JSON object")])
    body = dict(data)
    version = body.pop("schema_version", None)
    kind = body.pop("kind", None)
    problems = []
    if version is None:
        problems.append(Issue("$.schema_version", "missing-field", "required field missing"))
    elif not isinstance(version, str):
        problems.append(Issue("$.schema_version", "wrong-type", 'expected text such as "1.0"'))
    if not isinstance(kind, str) or kind not in KINDS:
        problems.append(
            Issue("$.kind", "unknown-kind", f"expected one of {', '.join(KINDS)}, got {kind!r}")
        )
    if problems:
        raise LoadError(problems)
    assert isinstance(version, str) and isinstance(kind, str)
    while version != SCHEMA_VERSION:
        if version not in MIGRATIONS:
            raise LoadError(
                [
                    Issue(
                        "$.schema_version",
                        "schema-version",
                        f"unsupported version {version!r} (this library writes {SCHEMA_VERSION})",
                    )
                ]
            )
        version, migrate = MIGRATIONS[version]
        body = migrate(body)
    cls = KINDS[kind]
    too_deep = nesting_problems(body, cls)
    if too_deep:
        raise LoadError(too_deep)
    if expected is not None and cls is not expected:
        raise LoadError(
            [Issue("$.kind", "wrong-kind", f"expected a {expected.__name__}, got {kind!r}")]
        )
    return structure(body, cls)

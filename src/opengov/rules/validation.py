"""Domain validation: a registry of small checks, each yielding :class:`~opengov.Issue` records.

Shape errors (wrong type, unknown key) are raised when loading; the checks here look at a
well-formed plan and report what is inconsistent: duplicate ids, dangling references, dates
outside the plan period, empty titles, and so on. Add your own with :func:`check`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from attrs import evolve, frozen

from opengov.issues import Issue, Severity
from opengov.model import ActionPlan, DateSpan, PlanCollection
from opengov.model.describe import Shape, describe, document_classes

__all__ = ["CHECKS", "Check", "check", "validate"]


CheckFunction = Callable[[ActionPlan], Iterable[Issue]]


@frozen
class Check:
    """A registered check: its code, default severity, description and function."""

    code: str
    severity: Severity
    description: str
    function: CheckFunction

    def __call__(self, plan: ActionPlan) -> Iterable[Issue]:
        return self.function(plan)


#: Every registered check, by code, in registration order.
CHECKS: dict[str, Check] = {}


def check(
    code: str, severity: Severity = Severity.ERROR
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function under ``code`` (its docstring is its description)."""

    def register(function: CheckFunction) -> CheckFunction:
        description = (function.__doc__ or code).strip().splitlines()[0]
        CHECKS[code] = Check(code, severity, description, function)
        return function

    return register


def validate(plan: ActionPlan | PlanCollection, checks: Iterable[str] | None = None) -> list[Issue]:
    """Run the registered checks (or only those named) and return every issue found.

    A :class:`~opengov.model.PlanCollection` is validated plan by plan (paths start with
    ``$.plans[i]``), and its plan ids must be unique.
    """
    if isinstance(plan, PlanCollection):
        return _validate_collection(plan, checks)
    if not isinstance(plan, ActionPlan):
        raise TypeError(
            f"validate() expects an ActionPlan or a PlanCollection, got {type(plan).__name__}"
        )
    selected = CHECKS.values() if checks is None else [CHECKS[code] for code in checks]
    issues: list[Issue] = []
    for registered in selected:
        issues.extend(registered(plan))
    return issues


def _validate_collection(collection: PlanCollection, checks: Iterable[str] | None) -> list[Issue]:
    issues: list[Issue] = []
    seen: dict[str, int] = {}
    selected = list(checks) if checks is not None else None
    for i, plan in enumerate(collection.plans):
        if plan.id in seen:
            issues.append(
                Issue(
                    f"$.plans[{i}].id",
                    "duplicate-id",
                    f"plan id {plan.id!r} is already used at $.plans[{seen[plan.id]}].id",
                )
            )
        seen.setdefault(plan.id, i)
        for issue in validate(plan, selected):
            path = f"$.plans[{i}]{issue.path[1:]}"
            issues.append(evolve(issue, path=path))
    return issues


# --- paths -------------------------------------------------------------------------------------


def _languages(obj: object, language: str, path: str = "$") -> Iterator[tuple[str, object, str]]:
    """Every object with its JSON path and the language of its text (its own ``language``
    where it states one, else its parent's)."""
    own = getattr(obj, "language", None)
    language = own if isinstance(own, str) and own else language
    yield path, obj, language
    for field in describe(type(obj)).fields:
        if field.shape is not Shape.OBJECT:
            continue
        value = getattr(obj, field.name)
        if field.many:
            for i, item in enumerate(value):
                yield from _languages(item, language, f"{path}.{field.name}[{i}]")
        elif value is not None:
            yield from _languages(value, language, f"{path}.{field.name}")


def _objects(obj: object) -> Iterator[tuple[str, object]]:
    """Every model object of a document with its JSON path, the document first (read from the
    model description, so a new nested field is walked without an edit here)."""
    for path, found, _ in _languages(obj, ""):
        yield path, found


def _ids(plan: ActionPlan) -> Iterator[tuple[str, str]]:
    """Every (path, id) pair of the plan's identified objects."""
    for path, obj in _objects(plan):
        if describe(type(obj)).identified:
            yield f"{path}.id", obj.id  # type: ignore[attr-defined]


# --- the checks --------------------------------------------------------------------------------


@check("duplicate-id")
def _duplicate_ids(plan: ActionPlan) -> Iterator[Issue]:
    """Every id in a plan is unique."""
    seen: dict[str, str] = {}
    for path, ident in _ids(plan):
        if ident in seen:
            yield Issue(path, "duplicate-id", f"id {ident!r} is already used at {seen[ident]}")
        else:
            seen[ident] = path


@check("empty-id")
def _empty_ids(plan: ActionPlan) -> Iterator[Issue]:
    """Ids are not empty and contain no white space."""
    for path, ident in _ids(plan):
        if not ident.strip():
            yield Issue(path, "empty-id", "id is empty")
        elif re.search(r"\s", ident):
            yield Issue(path, "empty-id", f"id {ident!r} contains white space")


@check("id-scope", Severity.WARNING)
def _id_scope(plan: ActionPlan) -> Iterator[Issue]:
    """Child ids start with their parent's id (``plan/c01/m1``), so IRIs nest predictably."""
    prefix = plan.id + "/"
    for path, ident in _ids(plan):
        if path != "$.id" and not ident.startswith(prefix):
            yield Issue(
                path,
                "id-scope",
                f"id {ident!r} does not start with the plan id {prefix!r}",
                Severity.WARNING,
            )
    for i, commitment in enumerate(plan.commitments):
        for j, milestone in enumerate(commitment.milestones):
            if not milestone.id.startswith(commitment.id + "/"):
                yield Issue(
                    f"$.commitments[{i}].milestones[{j}].id",
                    "id-scope",
                    f"milestone id {milestone.id!r} does not start with its commitment's id {commitment.id + '/'!r}",
                    Severity.WARNING,
                )


@check("duplicate-commitment-number")
def _duplicate_numbers(plan: ActionPlan) -> Iterator[Issue]:
    """Commitment numbers are unique within a plan."""
    counts = Counter(c.number for c in plan.commitments)
    for i, commitment in enumerate(plan.commitments):
        if counts[commitment.number] > 1:
            yield Issue(
                f"$.commitments[{i}].number",
                "duplicate-commitment-number",
                f"commitment number {commitment.number} is used {counts[commitment.number]} times",
            )


@check("commitment-number", Severity.WARNING)
def _commitment_numbers(plan: ActionPlan) -> Iterator[Issue]:
    """Commitment numbers are positive and listed in increasing order."""
    previous = None
    for i, commitment in enumerate(plan.commitments):
        if commitment.number < 1:
            yield Issue(
                f"$.commitments[{i}].number",
                "commitment-number",
                f"commitment number {commitment.number} is not positive",
                Severity.WARNING,
            )
        if previous is not None and commitment.number < previous:
            yield Issue(
                f"$.commitments[{i}].number",
                "commitment-number",
                f"commitment {commitment.number} is listed after commitment {previous}",
                Severity.WARNING,
            )
        previous = commitment.number


@check("empty-title")
def _empty_titles(plan: ActionPlan) -> Iterator[Issue]:
    """Plans, commitments and milestones have a non-blank title."""
    if not plan.title.strip():
        yield Issue("$.title", "empty-title", "the plan's title is empty")
    for i, commitment in enumerate(plan.commitments):
        if not commitment.title.strip():
            yield Issue(
                f"$.commitments[{i}].title",
                "empty-title",
                f"commitment {commitment.number} has an empty title",
            )
        for j, milestone in enumerate(commitment.milestones):
            if not milestone.title.strip():
                yield Issue(
                    f"$.commitments[{i}].milestones[{j}].title",
                    "empty-title",
                    f"milestone {milestone.id!r} has an empty title",
                )


@check("dangling-reference")
def _dangling_references(plan: ActionPlan) -> Iterator[Issue]:
    """Every object referenced by id (an organisation, a key recommendation, a report...) exists
    in the plan. References to objects kept outside plans (a standard's requirements) are not
    checked here."""
    objects = list(_objects(plan))
    inside = set(document_classes(ActionPlan))
    known: dict[type, set[str]] = {}
    for _, obj in objects:
        if describe(type(obj)).identified:
            known.setdefault(type(obj), set()).add(obj.id)  # type: ignore[attr-defined]
    for path, obj in objects:
        for field in describe(type(obj)).fields:
            target = field.references
            if target is None or target not in inside:
                continue
            value = getattr(obj, field.name)
            refs = list(enumerate(value)) if field.many else [(None, value)]
            for j, ref in refs:
                if ref is None or ref in known.get(target, ()):
                    continue
                where = f"{path}.{field.name}" + ("" if j is None else f"[{j}]")
                what = _WORDS.sub(" ", target.__name__).lower()
                yield Issue(where, "dangling-reference", f"no {what} has the id {ref!r}")


_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _outside(span: DateSpan, period: DateSpan) -> bool:
    starts_before = (
        span.latest is not None and period.earliest is not None and span.latest < period.earliest
    )
    ends_after = (
        span.earliest is not None and period.latest is not None and span.earliest > period.latest
    )
    return starts_before or ends_after


@check("date-outside-period", Severity.WARNING)
def _dates_outside_period(plan: ActionPlan) -> Iterator[Issue]:
    """Milestone due and completion dates fall within the plan's period."""
    if plan.period is None:
        return
    for i, commitment in enumerate(plan.commitments):
        for j, milestone in enumerate(commitment.milestones):
            for field in ("due", "completed"):
                span = getattr(milestone, field)
                if span is not None and _outside(span, plan.period):
                    yield Issue(
                        f"$.commitments[{i}].milestones[{j}].{field}",
                        "date-outside-period",
                        f"{field} date {span} lies outside the plan period {plan.period}",
                        Severity.WARNING,
                    )


@check("completed-not-done", Severity.INFO)
def _completed_without_done(plan: ActionPlan) -> Iterator[Issue]:
    """A milestone with a completion date has a status that says it was done."""
    from opengov.model import MilestoneStatus

    done = {MilestoneStatus.DONE, MilestoneStatus.DONE_ONGOING}
    for i, commitment in enumerate(plan.commitments):
        for j, milestone in enumerate(commitment.milestones):
            if milestone.completed is not None and milestone.status not in done:
                yield Issue(
                    f"$.commitments[{i}].milestones[{j}].status",
                    "completed-not-done",
                    f"milestone has a completion date but its status is {milestone.status.value!r}",
                    Severity.INFO,
                )


_URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@check("malformed-link", Severity.WARNING)
def _malformed_links(plan: ActionPlan) -> Iterator[Issue]:
    """Resource URLs are http(s) addresses and contact e-mails look like e-mail addresses."""
    for i, commitment in enumerate(plan.commitments):
        for j, resource in enumerate(commitment.resources):
            if resource.url is not None and not _URL.fullmatch(resource.url):
                yield Issue(
                    f"$.commitments[{i}].resources[{j}].url",
                    "malformed-link",
                    f"not an http(s) URL: {resource.url!r}",
                    Severity.WARNING,
                )
        for j, contact in enumerate(commitment.contacts):
            if contact.email is not None and not _EMAIL.fullmatch(contact.email):
                yield Issue(
                    f"$.commitments[{i}].contacts[{j}].email",
                    "malformed-link",
                    "not an e-mail address",
                    Severity.WARNING,
                )


@check("conformity-disagreement", Severity.WARNING)
def _conformity_disagreement(plan: ActionPlan) -> Iterator[Issue]:
    """A stated conformity verdict agrees with the one derived from its requirement findings."""
    from opengov.rules.conformity import derive_conformity

    for i, assessment in enumerate(plan.participation):
        if assessment.verdict is None or not assessment.findings:
            continue
        derived = derive_conformity(assessment)
        if derived.value is not None and derived.value not in assessment.stated_verdicts:
            stated = " or ".join(v.label_en.lower() for v in assessment.stated_verdicts)
            yield Issue(
                f"$.participation[{i}].verdict",
                "conformity-disagreement",
                f"stated {stated}, but the findings give "
                f"{derived.value.label_en.lower()}: {derived.explanation}",
                Severity.WARNING,
            )


@check("translation", Severity.WARNING)
def _translations(plan: ActionPlan) -> Iterator[Issue]:
    """A translation names a prose field of its object, in another language than the plan's,
    once per field and language."""
    for path, obj, language in _languages(plan, plan.language):
        translations = getattr(obj, "translations", None)
        if not translations:
            continue
        prose = {
            f.name for f in describe(type(obj)).fields if f.shape is Shape.TEXT and not f.plain
        }
        seen: set[tuple[str, str]] = set()
        for i, translation in enumerate(translations):
            where = f"{path}.translations[{i}]"
            if translation.field not in prose:
                message = f"{translation.field!r} is not a text field of this {type(obj).__name__}"
            elif translation.language == language:
                message = f"a translation into the text's own language {language!r}"
            elif (translation.field, translation.language) in seen:
                message = f"a second {translation.language!r} translation of {translation.field!r}"
            else:
                seen.add((translation.field, translation.language))
                continue
            yield Issue(where, "translation", message, Severity.WARNING)

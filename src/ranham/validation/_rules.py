"""The domain rules of ``format.md``, checked on a parsed document after the structural pass.

Each rule reads members through :meth:`Walk.get`, which hides the members that are missing or
unusable, so a broken member silences exactly the rules that would read it and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from typing import Any

import attrs

from ranham.model import Catalog, Dataset, InstitutionKind, Tier
from ranham.model._checks import INSTITUTION_CODE, PROVINCE_CODE
from ranham.model.enums import ReportStatus
from ranham.model.institution import CODE_PATTERNS, tier_of_code
from ranham.model.report import ALLOWED_TRANSITIONS
from ranham.periods import (
    PeriodCode,
    ReportingPeriod,
    Timing,
    local_date_text,
    period_days,
    timing,
    zone,
)
from ranham.validation._pointer import to_pointer
from ranham.validation._walk import (
    MISSING,
    Path,
    RawIssue,
    Walk,
    parse_date,
    parse_timestamp,
    show,
)

__all__ = ["CatalogView", "check_catalog", "check_dataset", "check_forum", "check_report"]

_CODES = {code.value: code for code in PeriodCode}
_STATUSES = {status.value: status for status in ReportStatus}
_TIERS = {tier.value: tier for tier in Tier}
_KINDS = {kind.value: kind for kind in InstitutionKind}


def _sequence(w: Walk, obj: Any, name: str) -> list[tuple[int, dict[str, Any] | None]]:
    """Every item of list member ``name`` with its index; ``None`` for an item that is no object.

    For the rules that compare an item with the one before it: a broken item breaks the chain.
    """
    value = w.get(obj, name)
    if type(value) is not list:
        return []
    return [(i, item if isinstance(item, dict) else None) for i, item in enumerate(value)]


def _items(w: Walk, obj: Any, name: str) -> list[tuple[int, dict[str, Any]]]:
    """The object items of list member ``name`` (non-objects are skipped), with their index."""
    value = w.get(obj, name)
    if type(value) is not list:
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


# --- catalog -------------------------------------------------------------------------------------


@attrs.frozen
class ActionView:
    """What the report rules need of one action: tier, responsible codes, measure periods.

    ``complete`` is false when some measure of the action has no usable id: a reference to a
    measure the view does not know may then name that one, and is not reported.
    """

    tier: Tier | None
    responsible: tuple[str, ...] | None
    measures: Mapping[str, PeriodCode | None]
    complete: bool = True


@attrs.frozen
class Assignee:
    """Who a report belongs to, as far as assignment goes."""

    code: str
    tier: Tier | None
    autonomous: bool | None = True  # None: unknown (the field is broken)
    known: bool = True


@attrs.frozen(kw_only=True)
class Context:
    """What a report is checked against: a catalog, or a dataset (its catalog and institutions).

    Made by :func:`ranham.validation.context` from a :class:`~ranham.Catalog`, a
    :class:`~ranham.Dataset`, a parsed document or a file, or by the catalog rules from a
    parsed catalog (skipping what is broken). ``complete`` says whether every action has a
    usable id, so that an action id the context does not know is surely not in the catalog.
    ``institutions`` is ``None`` for a catalog alone: then a report's tier is read from its
    institution code and the institution is taken as autonomous.
    """

    year: int | None = None
    periods: tuple[PeriodCode, ...] | None = None
    tz: tzinfo | None = None
    windows: Mapping[PeriodCode, tuple[date, date]] = attrs.Factory(dict)
    actions: Mapping[str, ActionView] = attrs.Factory(dict)
    owners: Mapping[str, str] = attrs.Factory(dict)
    complete: bool = False
    institutions: Mapping[str, Assignee] | None = None
    _owed: dict[tuple[Any, ...], tuple[str, ...]] = attrs.field(
        factory=dict, eq=False, repr=False, alias="_owed"
    )

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> Context:
        """The context of a catalog object (always complete)."""
        actions = {
            a.id: ActionView(a.tier, a.responsible, {m.id: m.period for m in a.measures})
            for a in catalog.actions
        }
        return cls(
            year=catalog.year,
            periods=catalog.plan.periods,
            tz=catalog.plan.tz,
            windows={code: (w.opens, w.closes) for code, w in catalog.windows.items()},
            actions=actions,
            owners={m.id: a.id for a in catalog.actions for m in a.measures},
            complete=True,
        )

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> Context:
        """The context of a dataset object: its catalog and its listed institutions."""
        institutions = {
            i.code: Assignee(i.code, i.kind.tier, i.autonomous) for i in dataset.institutions
        }
        return attrs.evolve(cls.from_catalog(dataset.catalog), institutions=institutions)

    def assignee(self, code: str) -> Assignee | None:
        """Who a report of ``code`` belongs to; ``None`` when a dataset does not list it."""
        if self.institutions is None:
            return Assignee(code, tier_of_code(code))
        return self.institutions.get(code)

    def owed(self, assignee: Assignee, period: PeriodCode) -> tuple[str, ...]:
        """The measure ids of ``period`` of every action assigned to ``assignee``, in order."""
        key = (assignee.code if assignee.tier is Tier.KL else assignee.tier, assignee, period)
        found = self._owed.get(key)
        if found is None:
            found = tuple(
                measure
                for action in self.actions.values()
                if action.tier is not None and _assigned(action, assignee)
                for measure, measure_period in action.measures.items()
                if measure_period is period
            )
            self._owed[key] = found
        return found


CatalogView = Context
"""The name this type had before it was public (the validator's modules still use it)."""


def incomplete_report(
    view: Context,
    assignee: Assignee | None,
    period: ReportingPeriod | None,
    listed: set[str],
    here: Path,
) -> RawIssue | None:
    """``incomplete-report`` when a report does not list every measure its institution owes.

    The one definition of the rule, for the careful walk and the fast path (format.md: checked
    against a catalog or a dataset; one warning per report, at its ``entries``).
    """
    if assignee is None or not assignee.known or period is None or not view.complete:
        return None
    if assignee.tier is None or assignee.autonomous is None:
        return None
    owed = view.owed(assignee, period.code)
    missing = [m for m in owed if m not in listed]
    if not missing:
        return None
    params = {
        "listed": len(owed) - len(missing),
        "expected": len(owed),
        "missing": len(missing),
        "first": missing[0],
        "period": str(period),
    }
    return RawIssue("incomplete-report", "incomplete-report", (*here, "entries"), params)


def check_catalog(w: Walk, catalog: dict[str, Any], path: Path) -> CatalogView:
    """Check a catalog's rules; return what reports can be checked against."""
    plan = w.get(catalog, "plan")
    periods: tuple[PeriodCode, ...] | None = None
    tz: tzinfo | None = None
    target_groups: frozenset[str] | None = None
    start = end = MISSING
    if isinstance(plan, dict):
        periods, tz, target_groups, start, end = _check_plan(w, plan, (*path, "plan"))
    year = w.get(catalog, "year")
    if type(year) is int and type(start) is int and type(end) is int and not start <= year <= end:
        w.add("year-outside-plan", (*path, "year"), got=year, start=start, end=end)
        year = MISSING
    windows = _check_windows(w, catalog, path, periods, year if type(year) is int else None)
    actions, owners, complete = _check_actions(w, catalog, path, periods, target_groups)
    return CatalogView(
        year=year if type(year) is int else None,
        periods=periods,
        tz=tz,
        windows=windows,
        actions=actions,
        owners=owners,
        complete=complete,
    )


def _check_plan(
    w: Walk, plan: dict[str, Any], path: Path
) -> tuple[tuple[PeriodCode, ...] | None, tzinfo | None, frozenset[str] | None, Any, Any]:
    start, end = w.get(plan, "start_year"), w.get(plan, "end_year")
    if type(start) is int and type(end) is int and end < start:
        w.add(
            "invalid-value",
            (*path, "end_year"),
            "invalid-value.before",
            field="end_year",
            other="start_year",
            other_value=start,
            got=end,
        )
        start = end = MISSING
    periods: tuple[PeriodCode, ...] | None = None
    raw_periods = w.get(plan, "periods")
    if type(raw_periods) is list:
        codes = tuple(_CODES[c] for c in raw_periods)
        if [c.month for c in codes] != sorted(c.month for c in codes):
            w.add(
                "invalid-value",
                (*path, "periods"),
                "invalid-value.order",
                field="periods",
                got=show(raw_periods),
            )
        else:
            periods = codes
    zone_name = w.get(plan, "timezone")
    tz = zone(zone_name) if type(zone_name) is str else None
    groups = w.get(plan, "target_groups")
    target_groups = frozenset(groups) if type(groups) is list else None
    return periods, tz, target_groups, start, end


def _check_windows(
    w: Walk,
    catalog: dict[str, Any],
    path: Path,
    periods: tuple[PeriodCode, ...] | None,
    year: int | None,
) -> dict[PeriodCode, tuple[date, date]]:
    windows = w.get(catalog, "windows")
    found: dict[PeriodCode, tuple[date, date]] = {}
    if not isinstance(windows, dict) or periods is None:
        return found
    base = (*path, "windows")
    allowed = ", ".join(c.value for c in periods)
    for key in windows:
        if _CODES.get(key) not in periods:
            w.add(
                "window-invalid", (*base, key), "window-invalid.extra", period=key, allowed=allowed
            )
    for code in periods:
        if code.value not in windows:
            w.add(
                "window-invalid",
                (*base, code.value),
                "window-invalid.missing",
                "container",
                period=code.value,
            )
    # format.md (2026-12-03): the keys of ``windows`` may come in any order; the windows are
    # taken in the plan's period order whatever the order of their keys.
    previous: tuple[str, date] | None = None
    for code in periods:
        window = windows.get(code.value)
        opens, closes = w.get(window, "opens"), w.get(window, "closes")
        if not isinstance(opens, str) or not isinstance(closes, str):
            previous = None
            continue
        opens_day, closes_day = parse_date(opens), parse_date(closes)
        if opens_day is None or closes_day is None:  # pragma: no cover - the walk checked them
            continue
        here = (*base, code.value)
        if closes_day < opens_day:
            w.add(
                "window-invalid",
                here,
                "window-invalid.reversed",
                period=code.value,
                opens=opens,
                closes=closes,
            )
        elif year is not None and opens_day < period_days(code, periods, year)[0]:
            first_day = period_days(code, periods, year)[0].isoformat()
            w.add(
                "window-invalid",
                here,
                "window-invalid.early",
                period=code.value,
                opens=opens,
                first_day=first_day,
            )
        elif previous is not None and previous[1] >= opens_day:
            w.add(
                "window-invalid",
                here,
                "window-invalid.overlap",
                period=code.value,
                opens=opens,
                previous=previous[0],
                previous_closes=previous[1].isoformat(),
            )
        else:
            found[code] = (opens_day, closes_day)
        previous = (code.value, closes_day)
    return found


def _check_actions(
    w: Walk,
    catalog: dict[str, Any],
    path: Path,
    periods: tuple[PeriodCode, ...] | None,
    target_groups: frozenset[str] | None,
) -> tuple[dict[str, ActionView], dict[str, str], bool]:
    actions: dict[str, ActionView] = {}
    owners: dict[str, str] = {}
    first_id: dict[str, Path] = {}
    first_number: dict[tuple[str, int], Path] = {}
    first_measure: dict[str, Path] = {}
    allowed_periods = ", ".join(c.value for c in periods) if periods else ""
    items = _items(w, catalog, "actions")
    complete = _all_items(w, catalog, "actions", items)
    for index, action in items:
        here = (*path, "actions", index)
        action_id = w.get(action, "id")
        if not isinstance(action_id, str):
            complete = False
        tier_code = w.get(action, "tier")
        number = w.get(action, "number")
        if isinstance(action_id, str) and _repeated(w, first_id, action_id, (*here, "id")):
            action_id = MISSING
        if isinstance(tier_code, str) and type(number) is int:
            _repeated(
                w,
                first_number,
                (tier_code, number),
                (*here, "number"),
                "duplicate-id.number",
                tier=tier_code,
                got=number,
            )
        group = w.get(action, "target_group")
        if isinstance(group, str) and target_groups is not None and group not in target_groups:
            w.add(
                "target-group-not-in-plan",
                (*here, "target_group"),
                got=group,
                allowed=", ".join(sorted(target_groups)),
            )
        tier = _TIERS.get(tier_code) if isinstance(tier_code, str) else None
        responsible = _check_responsible(w, action, here, tier)
        measures, measures_complete = _check_measures(
            w, action, here, periods, allowed_periods, first_measure
        )
        if isinstance(action_id, str):
            actions[action_id] = ActionView(tier, responsible, measures, measures_complete)
            for measure_id in measures:
                owners.setdefault(measure_id, action_id)
    return actions, owners, complete


def _all_items(w: Walk, obj: Any, name: str, items: list[tuple[int, dict[str, Any]]]) -> bool:
    """Whether list member ``name`` is usable and every item of it is an object."""
    value = w.get(obj, name)
    return type(value) is list and len(items) == len(value)


def _check_responsible(
    w: Walk, action: dict[str, Any], here: Path, tier: Tier | None
) -> tuple[str, ...] | None:
    if tier is None:
        return None
    if "responsible" in action:
        usable = w.get(action, "responsible")
        if usable is MISSING:
            return None
        codes = tuple(usable)
    else:
        codes = ()
    if tier is Tier.KL and not codes:
        where = "value" if "responsible" in action else "container"
        w.add(
            "responsible-invalid",
            (*here, "responsible"),
            "responsible-invalid.missing",
            where,
        )
        return None
    if tier is not Tier.KL and codes:
        w.add(
            "responsible-invalid",
            (*here, "responsible"),
            "responsible-invalid.regional",
            tier=tier.value,
        )
        return None
    return codes


def _check_measures(
    w: Walk,
    action: dict[str, Any],
    here: Path,
    periods: tuple[PeriodCode, ...] | None,
    allowed_periods: str,
    first_measure: dict[str, Path],
) -> tuple[dict[str, PeriodCode | None], bool]:
    """Check the measures of one action; return their periods and whether every id is usable."""
    measures: dict[str, PeriodCode | None] = {}
    covered: set[PeriodCode] = set()
    items = _items(w, action, "measures")
    ids_complete = _all_items(w, action, "measures", items)
    complete = ids_complete  # every period is known: coverage can be judged
    for m_index, measure in items:
        m_here = (*here, "measures", m_index)
        measure_id = w.get(measure, "id")
        code = w.get(measure, "period")
        period = _CODES.get(code) if isinstance(code, str) else None
        if period is None:
            complete = False
        elif periods is not None and period not in periods:
            w.add(
                "period-mismatch",
                (*m_here, "period"),
                "period-mismatch.plan",
                got=code,
                allowed=allowed_periods,
            )
            period = None
            complete = False  # one defect, one issue: the period that is wrong, not a gap
        else:
            covered.add(period)
        if isinstance(measure_id, str):
            if not _repeated(w, first_measure, measure_id, (*m_here, "id")):
                measures[measure_id] = period
        else:
            ids_complete = False
    if complete and periods is not None:
        missing = [c.value for c in periods if c not in covered]
        if missing:
            w.add("missing-period-measures", (*here, "measures"), missing=", ".join(missing))
    elif ids_complete and not items:  # empty, and the plan's periods are unknown
        w.add(
            "invalid-value",
            (*here, "measures"),
            "invalid-value.empty",
            field="measures",
            got="[]",
        )
    return measures, ids_complete


def _repeated(
    w: Walk, seen: dict[Any, Path], key: Any, path: Path, message: str = "", **params: Any
) -> bool:
    """Whether ``key`` was seen before; a repeat is ``duplicate-id`` at ``path``.

    The first place of each key is kept in ``seen``; a repeat's message names it. Without a
    ``message`` key the value repeated is the last member of ``path`` (``duplicate-id.value``).
    """
    first = seen.get(key)
    if first is None:
        seen[key] = path
        return False
    if not message:
        message = "duplicate-id.value"
        params = {"field": path[-1], "got": show(key), **params}
    w.add("duplicate-id", path, message, first=to_pointer(first), **params)
    return True


# --- institutions --------------------------------------------------------------------------------


def check_institution(w: Walk, inst: dict[str, Any], here: Path) -> InstitutionKind | None:
    """Code against kind, parent, autonomy; return the kind when it is usable."""
    code = w.get(inst, "code")
    kind = _KINDS.get(w.get(inst, "kind")) if isinstance(w.get(inst, "kind"), str) else None
    parent = w.get(inst, "parent")
    if not isinstance(code, str):
        code = None
    if kind is None:
        if code is not None and not INSTITUTION_CODE.ok(code):
            w.add(
                "invalid-value",
                (*here, "code"),
                "invalid-value.expected",
                field="code",
                expected="institution-code",
                got=show(code),
            )
        if isinstance(parent, str) and not PROVINCE_CODE.ok(parent):
            w.add(
                "invalid-value",
                (*here, "parent"),
                "invalid-value.expected",
                field="parent",
                expected="province-code",
                got=show(parent),
            )
        return None
    pattern = CODE_PATTERNS[kind]
    code_ok = code is not None and pattern.ok(code)
    if code is not None and not code_ok:
        w.add(
            "code-kind-mismatch",
            (*here, "code"),
            got=show(code),
            kind=kind.value,
            expected=pattern.name,
        )
    if kind in (InstitutionKind.REGENCY, InstitutionKind.CITY):
        if "parent" not in inst:
            expected = code[:2] if code_ok and code is not None else "PP"
            w.add(
                "parent-mismatch",
                (*here, "parent"),
                "parent-mismatch.missing",
                "container",
                kind=kind.value,
                expected=expected,
            )
        elif isinstance(parent, str) and code_ok and code is not None and parent != code[:2]:
            w.add(
                "parent-mismatch",
                (*here, "parent"),
                "parent-mismatch.wrong",
                expected=code[:2],
                code=code,
                got=show(parent),
            )
        elif isinstance(parent, str) and not code_ok and not PROVINCE_CODE.ok(parent):
            w.add(
                "invalid-value",
                (*here, "parent"),
                "invalid-value.expected",
                field="parent",
                expected="province-code",
                got=show(parent),
            )
    else:
        if "parent" in inst and parent is not MISSING:
            w.add(
                "parent-mismatch",
                (*here, "parent"),
                "parent-mismatch.forbidden",
                kind=kind.value,
                got=show(parent),
            )
        if w.get(inst, "autonomous") is False:
            w.add(
                "invalid-value", (*here, "autonomous"), "invalid-value.autonomous", kind=kind.value
            )
    return kind


# --- reports -------------------------------------------------------------------------------------


def check_report(
    w: Walk,
    report: dict[str, Any],
    here: Path,
    view: CatalogView | None,
    assignee: Assignee | None,
) -> ReportingPeriod | None:
    """Workflow, entries, assessments; against ``view`` when given. Return the usable period."""
    status = _check_history(w, report, here)
    _check_entries(w, report, here, status)
    period_text = w.get(report, "period")
    period = ReportingPeriod.parse(period_text) if isinstance(period_text, str) else None
    if view is None:
        return period
    if period is not None:
        period = _check_period(w, here, period, view)
    _check_references(w, report, here, view, assignee, period)
    if period is not None:
        _check_timing(w, report, here, view, period)
    return period


def _check_history(w: Walk, report: dict[str, Any], here: Path) -> ReportStatus | None:
    """Check the workflow; return the report's usable status."""
    history = w.get(report, "history")
    before: ReportStatus | None = ReportStatus.DRAFT
    previous_at = None
    complete = type(history) is list
    for index, change in _sequence(w, report, "history"):
        where = (*here, "history", index)
        if change is None:  # neither its status nor its time is known
            before = previous_at = None
            complete = False
            continue
        status = (
            _STATUSES.get(w.get(change, "status"))
            if isinstance(w.get(change, "status"), str)
            else None
        )
        if status is None:
            complete = False
        elif before is not None and status not in ALLOWED_TRANSITIONS[before]:
            allowed = ALLOWED_TRANSITIONS[before]
            if allowed:
                w.add(
                    "invalid-transition",
                    (*where, "status"),
                    "invalid-transition.step",
                    before=before.value,
                    after=status.value,
                    allowed=" or ".join(sorted(s.value for s in allowed)),
                )
            else:
                w.add(
                    "invalid-transition",
                    (*where, "status"),
                    "invalid-transition.final",
                    before=before.value,
                    after=status.value,
                )
        before = status
        at_text = w.get(change, "at")
        at = parse_timestamp(at_text) if isinstance(at_text, str) else None
        if not isinstance(at, str) and at is not None:
            if previous_at is not None and at < previous_at[0]:
                w.add("history-order", (*where, "at"), got=at_text, previous=previous_at[1])
            previous_at = (at, at_text)
        else:
            previous_at = None  # the next change has no usable change before it
    declared = w.get(report, "status")
    declared_status = _STATUSES.get(declared) if isinstance(declared, str) else None
    if (
        complete
        and declared_status is not None
        and before is not None
        and declared_status is not before
    ):
        w.add(
            "invalid-transition",
            (*here, "status"),
            "invalid-transition.status",
            expected=before.value,
            got=declared,
        )
        return None  # which of the two is right is unknown: the assessment rules stay silent
    return declared_status


def _check_entries(
    w: Walk, report: dict[str, Any], here: Path, status: ReportStatus | None
) -> None:
    first_action: dict[str, Path] = {}
    for e_index, entry in _items(w, report, "entries"):
        e_here = (*here, "entries", e_index)
        action = w.get(entry, "action")
        if isinstance(action, str):
            _repeated(w, first_action, action, (*e_here, "action"))
        first_measure: dict[str, Path] = {}
        for m_index, measure in _items(w, entry, "measures"):
            m_here = (*e_here, "measures", m_index)
            measure_id = w.get(measure, "measure")
            if isinstance(measure_id, str):
                _repeated(w, first_measure, measure_id, (*m_here, "measure"))
            if status is ReportStatus.VERIFIED and "assessment" not in measure:
                w.add(
                    "assessment-missing",
                    (*m_here, "assessment"),
                    "assessment-missing",
                    "container",
                    measure=measure_id if isinstance(measure_id, str) else "?",
                )
            elif (
                status in (ReportStatus.DRAFT, ReportStatus.SUBMITTED)
                and w.get(measure, "assessment") is not MISSING
            ):
                w.add("assessment-unexpected", (*m_here, "assessment"), status=status.value)


def _check_period(
    w: Walk, here: Path, period: ReportingPeriod, view: CatalogView
) -> ReportingPeriod | None:
    if view.periods is not None and period.code not in view.periods:
        w.add(
            "period-mismatch",
            (*here, "period"),
            "period-mismatch.plan",
            got=period.code.value,
            allowed=", ".join(c.value for c in view.periods),
        )
        return None
    if view.year is not None and period.year != view.year:
        allowed = ", ".join(f"{view.year}-{c.value}" for c in view.periods or ())
        w.add(
            "period-mismatch",
            (*here, "period"),
            "period-mismatch.report",
            got=str(period),
            allowed=allowed or str(view.year),
        )
        return None
    return period


def _check_references(
    w: Walk,
    report: dict[str, Any],
    here: Path,
    view: CatalogView,
    assignee: Assignee | None,
    period: ReportingPeriod | None,
) -> None:
    for e_index, entry in _items(w, report, "entries"):
        e_here = (*here, "entries", e_index)
        action_id = w.get(entry, "action")
        if not isinstance(action_id, str):
            continue
        action = view.actions.get(action_id)
        if action is None:
            if view.complete:  # else it may be an action whose id is broken
                w.add(
                    "unknown-reference",
                    (*e_here, "action"),
                    "unknown-reference.action",
                    got=show(action_id),
                )
            continue
        if assignee is not None and not _assigned(action, assignee):
            w.add("not-assigned", (*e_here, "action"), action=action_id, institution=assignee.code)
        for m_index, measure in _items(w, entry, "measures"):
            measure_id = w.get(measure, "measure")
            if not isinstance(measure_id, str):
                continue
            m_here = (*e_here, "measures", m_index, "measure")
            if measure_id not in action.measures:
                owner = view.owners.get(measure_id)
                if owner is None and not action.complete:
                    pass  # it may be a measure of this action whose id is broken
                elif owner is None:
                    w.add(
                        "unknown-reference",
                        m_here,
                        "unknown-reference.measure",
                        got=show(measure_id),
                        action=action_id,
                    )
                else:
                    w.add(
                        "unknown-reference",
                        m_here,
                        "unknown-reference.other-action",
                        got=show(measure_id),
                        action=action_id,
                        owner=owner,
                    )
                continue
            measure_period = action.measures[measure_id]
            if (
                period is not None
                and measure_period is not None
                and measure_period is not period.code
            ):
                w.add(
                    "period-mismatch",
                    m_here,
                    "period-mismatch.measure",
                    got=show(measure_id),
                    measure_period=measure_period.value,
                    period=str(period),
                )


def _assigned(action: ActionView, assignee: Assignee) -> bool:
    if action.tier is None or assignee.tier is None or not assignee.known:
        return True  # unknown: silenced
    if action.tier is Tier.KL:
        return action.responsible is None or assignee.code in action.responsible
    if assignee.autonomous is None:
        return True
    return action.tier is assignee.tier and assignee.autonomous


def _check_timing(
    w: Walk, report: dict[str, Any], here: Path, view: CatalogView, period: ReportingPeriod
) -> None:
    window = view.windows.get(period.code)
    if window is None or view.tz is None:
        return
    for index, change in _sequence(w, report, "history"):
        status = w.get(change, "status")
        if status is MISSING:
            return  # a change whose status is unknown may be the first submission
        if status != ReportStatus.SUBMITTED.value:
            continue
        at_text = w.get(change, "at")
        at = parse_timestamp(at_text) if isinstance(at_text, str) else None
        if at is None or isinstance(at, str):
            return
        where = (*here, "history", index, "at")
        found = submission_warning(at, at_text, period, window, view.tz, where)
        if found is not None:
            w.append(found)
        return


def submission_warning(
    at: datetime,
    at_text: str,
    period: ReportingPeriod,
    window: tuple[date, date],
    where: tzinfo,
    path: Path,
) -> RawIssue | None:
    """``late-submission`` or ``early-submission`` at ``path``, for a first submission.

    The one place both validation paths take these warnings from (the rule is
    :func:`ranham.periods.timing`).
    """
    opens, closes = window
    found = timing(at, where, opens, closes)
    if found is Timing.ON_TIME:
        return None
    params = {"period": str(period), "at": at_text, "local_date": local_date_text(at, where)}
    if found is Timing.LATE:
        params["closes"] = closes.isoformat()
        return RawIssue("late-submission", "late-submission", path, params)
    params["opens"] = opens.isoformat()
    return RawIssue("early-submission", "early-submission", path, params)


def check_standalone_report(w: Walk, report: dict[str, Any], view: Context | None) -> None:
    """A report file, alone or against a context.

    Against a catalog, assignment is read from the code's pattern and the institution is taken
    as autonomous; against a dataset, from its listed institutions.
    """
    code = w.get(report, "institution")
    assignee = None
    if isinstance(code, str):
        assignee = Assignee(code, tier_of_code(code))
        if view is not None and view.institutions is not None:
            assignee = view.institutions.get(code)
            if assignee is None:
                w.add(
                    "unknown-reference",
                    ("institution",),
                    "unknown-reference.institution",
                    got=show(code),
                )
                assignee = Assignee(code, None, known=False)
    period = check_report(w, report, (), view, assignee)
    if view is not None:
        listed = {
            measure_id
            for _, entry in _items(w, report, "entries")
            for _, measure in _items(w, entry, "measures")
            if isinstance(measure_id := w.get(measure, "measure"), str)
        }
        found = incomplete_report(view, assignee, period, listed, ())
        if found is not None:
            w.append(found)


def check_dataset(w: Walk, dataset: dict[str, Any]) -> None:
    """Every rule inside a dataset: catalog, institutions, reports, allegations."""
    catalog = w.get(dataset, "catalog")
    view = check_catalog(w, catalog, ("catalog",)) if isinstance(catalog, dict) else CatalogView()
    listed: dict[str, Assignee] = {}
    agencies: set[str] = set()
    uncertain: set[str] = set()  # listed codes whose kind is broken
    first_code: dict[str, Path] = {}
    institutions_usable = w.get(dataset, "institutions") is not MISSING
    items = _items(w, dataset, "institutions")
    # Whether every listed institution has a usable code: only then is a code that is not
    # listed surely unknown (a broken item may be the one a reference means).
    complete = _all_items(w, dataset, "institutions", items)
    for index, inst in items:
        here = ("institutions", index)
        kind = check_institution(w, inst, here)
        code = w.get(inst, "code")
        if not isinstance(code, str):
            complete = False
            continue
        if _repeated(w, first_code, code, (*here, "code")):
            continue
        listed[code] = Assignee(code, kind.tier if kind is not None else None, _autonomy(w, inst))
        if kind is None:
            uncertain.add(code)
        elif kind in (InstitutionKind.MINISTRY, InstitutionKind.AGENCY):
            agencies.add(code)
    if isinstance(catalog, dict) and complete:
        _check_responsible_listed(w, catalog, agencies, uncertain)
    first_report: dict[tuple[str, str], Path] = {}
    for index, report in _items(w, dataset, "reports"):
        here = ("reports", index)
        code = w.get(report, "institution")
        assignee: Assignee | None = None
        if isinstance(code, str) and institutions_usable:
            assignee = listed.get(code)
            if assignee is None:
                if complete:
                    w.add(
                        "unknown-reference",
                        (*here, "institution"),
                        "unknown-reference.institution",
                        got=show(code),
                    )
                assignee = Assignee(code, None, known=False)
        period = check_report(w, report, here, view, assignee)
        period_text = w.get(report, "period")
        if isinstance(code, str) and isinstance(period_text, str) and period is not None:
            key = (code, period_text)
            _repeated(
                w,
                first_report,
                key,
                (*here, "period"),
                "duplicate-id.report",
                institution=code,
                period=period_text,
            )
    first_case: dict[tuple[str, str], Path] = {}
    for index, allegation in _items(w, dataset, "allegations"):
        code = w.get(allegation, "institution")
        if complete and isinstance(code, str) and code not in listed:
            w.add(
                "unknown-reference",
                ("allegations", index, "institution"),
                "unknown-reference.institution",
                got=show(code),
            )
        reference = w.get(allegation, "reference")
        if isinstance(code, str) and isinstance(reference, str):
            _repeated(
                w,
                first_case,
                (code, reference),
                ("allegations", index, "reference"),
                "duplicate-id.allegation",
                got=show(reference),
                institution=code,
            )


def _autonomy(w: Walk, inst: dict[str, Any]) -> bool | None:
    """``autonomous`` (``True`` when absent); ``None`` when it is broken or not allowed."""
    if "autonomous" not in inst:
        return True
    value = w.get(inst, "autonomous")
    if type(value) is not bool:
        return None
    kind = w.get(inst, "kind")
    if value is False and kind not in (InstitutionKind.REGENCY.value, InstitutionKind.CITY.value):
        return None  # reported as invalid-value; unknown for assignment
    return value


def _check_responsible_listed(
    w: Walk, catalog: dict[str, Any], agencies: set[str], uncertain: set[str]
) -> None:
    for index, action in _items(w, catalog, "actions"):
        if w.get(action, "tier") != Tier.KL.value:
            continue
        responsible = w.get(action, "responsible")
        if type(responsible) is not list:
            continue
        for r_index, code in enumerate(responsible):
            if code not in agencies and code not in uncertain:
                w.add(
                    "responsible-invalid",
                    ("catalog", "actions", index, "responsible", r_index),
                    "responsible-invalid.unlisted",
                    got=show(code),
                )


def check_forum(w: Walk, forum: dict[str, Any]) -> None:
    """Dates, ids, declared counts and follow-up order of a forum."""
    start_text, end_text = w.get(forum, "start_date"), w.get(forum, "end_date")
    start = parse_date(start_text) if isinstance(start_text, str) else None
    end = parse_date(end_text) if isinstance(end_text, str) else None
    if start is not None and end is not None and end < start:
        w.add(
            "invalid-value",
            ("end_date",),
            "invalid-value.before",
            field="end_date",
            other="start_date",
            other_value=start_text,
            got=end_text,
        )
    first_id: dict[str, Path] = {}
    counts = {"panranham": 0, "pelaksana": 0}
    countable = w.get(forum, "recommendations") is not MISSING
    for index, rec in _items(w, forum, "recommendations"):
        here = ("recommendations", index)
        rec_id = w.get(rec, "id")
        if isinstance(rec_id, str):
            _repeated(w, first_id, rec_id, (*here, "id"))
        addressee = w.get(rec, "addressee")
        if isinstance(addressee, str):
            counts[addressee] += 1
        else:
            countable = False
        previous: date | None = None
        for f_index, follow_up in _sequence(w, rec, "follow_ups"):
            on_text = w.get(follow_up, "on")
            on = parse_date(on_text) if isinstance(on_text, str) else None
            if on is None:
                previous = None  # the next follow-up has no usable one before it
                continue
            where = (*here, "follow_ups", f_index, "on")
            if start is not None and on < start:
                w.add(
                    "follow-up-order", where, "follow-up-order.start", got=on_text, start=start_text
                )
            elif previous is not None and on < previous:
                w.add(
                    "follow-up-order",
                    where,
                    "follow-up-order.previous",
                    got=on_text,
                    previous=previous.isoformat(),
                )
            previous = on
    declared = w.get(forum, "declared")
    if not countable or not isinstance(declared, dict):
        return
    for addressee, count in counts.items():
        limit = w.get(declared, addressee)
        if type(limit) is not int:
            continue
        place: Path = ("declared", addressee)
        if count > limit:
            w.add("declared-exceeded", place, addressee=addressee, count=count, declared=limit)
        elif count < limit:
            w.add(
                "recommendations-incomplete",
                place,
                addressee=addressee,
                count=count,
                declared=limit,
            )

"""The domain rules of ``format.md``, checked on a parsed document after the structural pass.

Each rule reads members through :meth:`Walk.get`, which hides the members that are missing or
unusable, so a broken member silences exactly the rules that would read it and nothing else.
The cross-field rules themselves are the model's predicates (:mod:`ranham.model._invariants`),
written once: this module reads their arguments from the document (``None`` for what is
unknown) and turns every problem they yield into an issue (:func:`_add`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime, tzinfo
from typing import Any

import attrs

from ranham.model import Catalog, Dataset, InstitutionKind, Tier
from ranham.model import _invariants as rule
from ranham.model._checks import INSTITUTION_CODE, PROVINCE_CODE
from ranham.model._invariants import Problem
from ranham.model.enums import Addressee, ReportStatus
from ranham.model.institution import CODE_PATTERNS, tier_of_code
from ranham.periods import (
    PeriodCode,
    ReportingPeriod,
    Timing,
    in_month_order,
    local_date_text,
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


def _add(
    w: Walk, problem: Problem | None, base: Path = (), shown: tuple[str, ...] = (), **params: Any
) -> None:
    """Record ``problem`` (of the object at ``base``) as an issue.

    The parameters named in ``shown`` are shown as JSON (``"kemensos"``), as the validator's
    messages quote values; ``params`` replace the problem's own (a timestamp as written). A
    problem ``related`` to another member names it as ``first`` (a repeated id).
    """
    if problem is None:
        return
    found = dict(problem.params)
    for name in shown:
        if name in found:
            found[name] = show(found[name])
    if problem.related is not None and problem.code == "duplicate-id":
        found["first"] = to_pointer((*base, *problem.related))
    found.update(params)
    w.append(RawIssue(problem.code, problem.key, (*base, *problem.path), found, problem.where))


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
    _named: list[frozenset[str]] = attrs.field(factory=list, eq=False, repr=False, alias="_named")

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
        """The measure ids of ``period`` of every action assigned to ``assignee``, in order.

        Computed once per kind of assignee: institutions of one tier and autonomy owe the same
        measures unless an action names them in ``responsible`` (a ministry always does).
        """
        if not self._named:  # every code that some action's `responsible` names
            self._named.append(
                frozenset(code for a in self.actions.values() for code in a.responsible or ())
            )
        code = assignee.code
        named = assignee.tier is Tier.KL or code in self._named[0]
        key = (code if named else None, assignee.tier, assignee.autonomous, assignee.known, period)
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
    if type(year) is int and type(start) is int and type(end) is int:
        problem = rule.year_in_plan(year, start, end)
        if problem is not None:
            _add(w, problem, path)
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
    if type(start) is int and type(end) is int:
        problem = rule.not_before("start_year", start, "end_year", end)
        if problem is not None:
            _add(w, problem, path)
            start = end = MISSING
    periods: tuple[PeriodCode, ...] | None = None
    raw_periods = w.get(plan, "periods")
    if type(raw_periods) is list:
        codes = tuple(_CODES[c] for c in raw_periods)
        if not in_month_order(codes):
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
    if not isinstance(windows, dict) or periods is None:
        return {}
    for problem in rule.window_keys(periods, windows):
        _add(w, problem, path)
    # format.md (2026-12-03): the keys of ``windows`` may come in any order; the windows are
    # taken in the plan's period order whatever the order of their keys.
    known: dict[PeriodCode, tuple[date, date] | None] = {}
    for code in periods:
        window = windows.get(code.value)
        opens, closes = w.get(window, "opens"), w.get(window, "closes")
        if isinstance(opens, str) and isinstance(closes, str):
            opens_day, closes_day = parse_date(opens), parse_date(closes)
            if opens_day is not None and closes_day is not None:
                known[code] = (opens_day, closes_day)
                continue
        known[code] = None
    found = {code: window for code, window in known.items() if window is not None}
    for problem in rule.window_order(periods, year, known):
        _add(w, problem, path)
        found.pop(PeriodCode(problem.path[-1]), None)
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
    items = _items(w, catalog, "actions")
    complete = _all_items(w, catalog, "actions", items)
    ids = [(i, a_id) for i, action in items if isinstance(a_id := w.get(action, "id"), str)]
    complete = complete and len(ids) == len(items)
    repeated = _repeats(w, path, ids, "actions", "id")
    numbers = [
        (i, (tier, number))
        for i, action in items
        if isinstance(tier := w.get(action, "tier"), str)
        and type(number := w.get(action, "number")) is int
    ]
    for problem in rule.duplicates(
        [key for _, key in numbers],
        lambda k: ("actions", numbers[k][0], "number"),
        "",
        "duplicate-id.number",
        lambda key: {"tier": key[0], "got": key[1]},
    ):
        _add(w, problem, path)
    measure_ids = [
        (a_index, m_index, m_id)
        for a_index, action in items
        for m_index, measure in _items(w, action, "measures")
        if isinstance(m_id := w.get(measure, "id"), str)
    ]
    repeated |= _repeats(
        w, path, [((a, "measures", m), m_id) for a, m, m_id in measure_ids], "actions", "id"
    )
    for index, action in items:
        here = (*path, "actions", index)
        action_id = w.get(action, "id")
        if isinstance(action_id, str) and ("actions", index, "id") in repeated:
            action_id = MISSING
        group = w.get(action, "target_group")
        if isinstance(group, str) and target_groups is not None:
            _add(w, rule.target_group_in_plan(group, target_groups), here)
        tier_code = w.get(action, "tier")
        tier = _TIERS.get(tier_code) if isinstance(tier_code, str) else None
        responsible = _check_responsible(w, action, here, tier)
        measures, measures_complete = _check_measures(w, action, here, periods, index, repeated)
        if isinstance(action_id, str):
            actions[action_id] = ActionView(tier, responsible, measures, measures_complete)
            for measure_id in measures:
                owners.setdefault(measure_id, action_id)
    return actions, owners, complete


def _repeats(w: Walk, base: Path, ids: list[tuple[Any, Any]], *name: str | int) -> set[Path]:
    """Report every repeated id (``duplicate-id``); return the paths of the repeats.

    ``ids`` holds each usable id with the place of its item (an index, or a tuple of path
    members); an id lies at ``(*name[:-1], *place, name[-1])`` below ``base``.
    """
    *above, member = name

    def where(k: int) -> Path:
        place = ids[k][0]
        return (*above, *(place if isinstance(place, tuple) else (place,)), member)

    repeats: set[Path] = set()
    for problem in rule.duplicates([i for _, i in ids], where, ""):
        _add(w, problem, base, ("got",))
        repeats.add(problem.path)
    return repeats


def _all_items(w: Walk, obj: Any, name: str, items: list[tuple[int, dict[str, Any]]]) -> bool:
    """Whether list member ``name`` is usable and every item of it is an object."""
    value = w.get(obj, name)
    return type(value) is list and len(items) == len(value)


def _check_responsible(
    w: Walk, action: dict[str, Any], here: Path, tier: Tier | None
) -> tuple[str, ...] | None:
    if tier is None:
        return None
    given = "responsible" in action
    if given:
        usable = w.get(action, "responsible")
        if usable is MISSING:
            return None
        codes = tuple(usable)
    else:
        codes = ()
    problem = rule.responsible_by_tier(tier, codes, given)
    if problem is not None:
        _add(w, problem, here)
        return None
    return codes


def _check_measures(
    w: Walk,
    action: dict[str, Any],
    here: Path,
    periods: tuple[PeriodCode, ...] | None,
    a_index: int,
    repeated: set[Path],
) -> tuple[dict[str, PeriodCode | None], bool]:
    """Check the measures of one action; return their periods and whether every id is usable."""
    measures: dict[str, PeriodCode | None] = {}
    value = w.get(action, "measures")
    if type(value) is not list:
        return measures, False
    known: list[tuple[int, PeriodCode | None]] = []
    ids_complete = True
    for m_index, measure in enumerate(value):
        if not isinstance(measure, dict):
            known.append((m_index, None))
            ids_complete = False
            continue
        code = w.get(measure, "period")
        period = _CODES.get(code) if isinstance(code, str) else None
        known.append((m_index, period))
        measure_id = w.get(measure, "id")
        if not isinstance(measure_id, str):
            ids_complete = False
        elif ("actions", a_index, "measures", m_index, "id") not in repeated:
            usable = period is not None and (periods is None or period in periods)
            measures[measure_id] = period if usable else None
    if periods is not None:
        for problem in rule.measure_periods(periods, known):
            _add(w, problem, here)
    elif ids_complete and not value:  # empty, and the plan's periods are unknown
        w.add(
            "invalid-value",
            (*here, "measures"),
            "invalid-value.empty",
            field="measures",
            got="[]",
        )
    return measures, ids_complete


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
    given = "parent" in inst
    for problem in rule.institution_fits_kind(
        code,
        kind,
        pattern,
        parent if isinstance(parent, str) else None,
        given,
        False if w.get(inst, "autonomous") is False else None,
        parent_known=parent is not MISSING,
    ):
        _add(w, problem, here, ("got",) if "got" in problem.params else ())
    code_ok = code is not None and pattern.ok(code)
    if (
        kind in (InstitutionKind.REGENCY, InstitutionKind.CITY)
        and isinstance(parent, str)
        and not code_ok
        and not PROVINCE_CODE.ok(parent)
    ):  # the parent's own pattern, judged here when the code cannot say what it must be
        w.add(
            "invalid-value",
            (*here, "parent"),
            "invalid-value.expected",
            field="parent",
            expected="province-code",
            got=show(parent),
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
    entries = _check_entries(w, report, here, status)
    period_text = w.get(report, "period")
    period = ReportingPeriod.parse(period_text) if isinstance(period_text, str) else None
    if view is None:
        return period
    if period is not None:
        period = _check_period(w, here, period, view)
    _check_references(w, here, view, assignee, period, entries)
    if period is not None:
        _check_timing(w, report, here, view, period)
    return period


@attrs.frozen
class _Change:
    """A change of a document's history as the workflow rule reads it (``None``: unknown)."""

    status: ReportStatus | None
    at: datetime | None


@attrs.frozen
class _Measure:
    """A measure entry as the report rules read it."""

    measure: str | None
    assessment: object  # None: absent; rule.UNKNOWN: written but unreadable; else present


@attrs.frozen
class _Entry:
    """An action entry as the report rules read it (``None`` items are no objects)."""

    action: str | None
    measures: tuple[_Measure | None, ...]


def _check_history(w: Walk, report: dict[str, Any], here: Path) -> ReportStatus | None:
    """Check the workflow; return the report's usable status."""
    history = w.get(report, "history")
    changes: list[_Change | None] = []
    texts: list[Any] = []
    for _, change in _sequence(w, report, "history"):
        if change is None:  # neither its status nor its time is known
            changes.append(None)
            texts.append(None)
            continue
        status_text = w.get(change, "status")
        status = _STATUSES.get(status_text) if isinstance(status_text, str) else None
        at_text = w.get(change, "at")
        at = parse_timestamp(at_text) if isinstance(at_text, str) else None
        changes.append(_Change(status, at if isinstance(at, datetime) else None))
        texts.append(at_text)
    declared = w.get(report, "status")
    declared_status = _STATUSES.get(declared) if isinstance(declared, str) else None
    usable = declared_status if type(history) is list else None
    for problem in rule.workflow(changes, usable):
        if problem.key == "invalid-transition.status":
            _add(w, problem, here, got=declared)
            return None  # which of the two is right is unknown: the assessment rules stay silent
        if problem.related is not None:  # history-order: the times as written
            index, previous = int(problem.path[1]), int(problem.related[1])
            _add(w, problem, here, got=texts[index], previous=texts[previous])
        else:
            _add(w, problem, here)
    return declared_status


def _entries(w: Walk, report: dict[str, Any]) -> list[_Entry | None]:
    """The entries of a report as the report rules read them."""
    value = w.get(report, "entries")
    if type(value) is not list:
        return []
    out: list[_Entry | None] = []
    for entry in value:
        if not isinstance(entry, dict):
            out.append(None)
            continue
        action = w.get(entry, "action")
        raw = w.get(entry, "measures")
        measures: list[_Measure | None] = []
        for measure in raw if type(raw) is list else ():
            if not isinstance(measure, dict):
                measures.append(None)
                continue
            measure_id = w.get(measure, "measure")
            assessment = None
            if "assessment" in measure:
                found = w.get(measure, "assessment")
                assessment = rule.UNKNOWN if found is MISSING else True
            measures.append(
                _Measure(measure_id if isinstance(measure_id, str) else None, assessment)
            )
        out.append(_Entry(action if isinstance(action, str) else None, tuple(measures)))
    return out


def _check_entries(
    w: Walk, report: dict[str, Any], here: Path, status: ReportStatus | None
) -> list[_Entry | None]:
    """Repeats and assessments of a report's entries; return the entries as the rules read them."""
    entries = _entries(w, report)
    actions = [(e, entry.action) for e, entry in enumerate(entries) if entry and entry.action]
    _repeats(w, here, actions, "entries", "action")
    for e_index, entry in enumerate(entries):
        if entry is not None:
            ids = [(m, x.measure) for m, x in enumerate(entry.measures) if x and x.measure]
            _repeats(w, here, [((e_index, "measures", m), i) for m, i in ids], "entries", "measure")
    for problem in rule.assessments(status, entries):
        _add(w, problem, here)
    return entries


def _check_period(
    w: Walk, here: Path, period: ReportingPeriod, view: CatalogView
) -> ReportingPeriod | None:
    problem = rule.report_period(period, view.periods, view.year)
    if problem is None:
        return period
    _add(w, problem, here)
    return None


def _check_references(
    w: Walk,
    here: Path,
    view: CatalogView,
    assignee: Assignee | None,
    period: ReportingPeriod | None,
    entries: list[_Entry | None],
) -> None:
    institution = "?" if assignee is None else assignee.code
    for problem in reference_problems(view, assignee, period, entries, institution):
        _add(w, problem, here, ("got",))


def reference_problems(
    view: CatalogView,
    assignee: Assignee | None,
    period: ReportingPeriod | None,
    entries: Sequence[rule.EntryLike | None],
    institution: str,
) -> Iterator[Problem]:
    """The reference rule (:func:`ranham.model._invariants.entry_references`) against a view.

    For the careful walk and the fast path alike.
    """
    actions = view.actions
    assigned = None
    if assignee is not None:
        assigned = lambda action_id: _assigned(actions[action_id], assignee)  # noqa: E731
    return rule.entry_references(
        institution, period, entries, actions, assigned, view.owners, view.complete
    )


def _assigned(action: ActionView, assignee: Assignee) -> bool:
    if not assignee.known:
        return True  # unknown: silenced
    return rule.assigned(
        action.tier, action.responsible, assignee.code, assignee.tier, assignee.autonomous
    )


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
    institutions_usable = w.get(dataset, "institutions") is not MISSING
    items = _items(w, dataset, "institutions")
    # Whether every listed institution has a usable code: only then is a code that is not
    # listed surely unknown (a broken item may be the one a reference means).
    complete = _all_items(w, dataset, "institutions", items)
    kinds = {index: check_institution(w, inst, ("institutions", index)) for index, inst in items}
    codes = [(i, code) for i, inst in items if isinstance(code := w.get(inst, "code"), str)]
    complete = complete and len(codes) == len(items)
    repeated = _repeats(w, (), codes, "institutions", "code")
    by_index = dict(items)
    for index, code in codes:
        if ("institutions", index, "code") in repeated:
            continue
        kind = kinds[index]
        inst = by_index[index]
        listed[code] = Assignee(code, kind.tier if kind is not None else None, _autonomy(w, inst))
        if kind is None:
            uncertain.add(code)
        elif kind in (InstitutionKind.MINISTRY, InstitutionKind.AGENCY):
            agencies.add(code)
    if isinstance(catalog, dict) and complete:
        _check_responsible_listed(w, catalog, agencies, uncertain)
    keys: list[tuple[Any, Any]] = []
    for index, report in _items(w, dataset, "reports"):
        here = ("reports", index)
        code = w.get(report, "institution")
        assignee: Assignee | None = None
        if isinstance(code, str) and institutions_usable:
            assignee = listed.get(code)
            if assignee is None:
                if complete:
                    _add(w, rule.listed(code, listed, ("institution",)), here, ("got",))
                assignee = Assignee(code, None, known=False)
        period = check_report(w, report, here, view, assignee)
        period_text = w.get(report, "period")
        if isinstance(code, str) and isinstance(period_text, str) and period is not None:
            keys.append((index, (code, period_text)))
    for problem in rule.duplicates(
        [key for _, key in keys],
        lambda k: ("reports", keys[k][0], "period"),
        "",
        "duplicate-id.report",
        lambda key: {"institution": key[0], "period": key[1]},
    ):
        _add(w, problem)
    cases: list[tuple[Any, Any]] = []
    for index, allegation in _items(w, dataset, "allegations"):
        code = w.get(allegation, "institution")
        if complete and isinstance(code, str):
            _add(w, rule.listed(code, listed, ("institution",)), ("allegations", index), ("got",))
        reference = w.get(allegation, "reference")
        if isinstance(code, str) and isinstance(reference, str):
            cases.append((index, (code, reference)))
    for problem in rule.duplicates(
        [key for _, key in cases],
        lambda k: ("allegations", cases[k][0], "reference"),
        "",
        "duplicate-id.allegation",
        lambda key: {"got": show(key[1]), "institution": key[0]},
    ):
        _add(w, problem)


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
        for problem in rule.responsible_listed(responsible, agencies, uncertain):
            _add(w, problem, ("catalog", "actions", index), ("got",))


def check_forum(w: Walk, forum: dict[str, Any]) -> None:
    """Dates, ids, declared counts and follow-up order of a forum."""
    start_text, end_text = w.get(forum, "start_date"), w.get(forum, "end_date")
    start = parse_date(start_text) if isinstance(start_text, str) else None
    end = parse_date(end_text) if isinstance(end_text, str) else None
    _add(w, rule.not_before("start_date", start, "end_date", end))
    counts = dict.fromkeys(Addressee, 0)
    countable = w.get(forum, "recommendations") is not MISSING
    items = _items(w, forum, "recommendations")
    ids = [(i, rec_id) for i, rec in items if isinstance(rec_id := w.get(rec, "id"), str)]
    _repeats(w, (), ids, "recommendations", "id")
    for index, rec in items:
        addressee = w.get(rec, "addressee")
        if isinstance(addressee, str):
            counts[Addressee(addressee)] += 1
        else:
            countable = False
        days = [
            parse_date(on) if isinstance(on := w.get(follow_up, "on"), str) else None
            for _, follow_up in _sequence(w, rec, "follow_ups")
        ]
        for problem in rule.follow_up_order(start, days):
            _add(w, problem, ("recommendations", index))
    declared = w.get(forum, "declared")
    if not countable or not isinstance(declared, dict):
        return
    limits = {
        a: limit if type(limit := w.get(declared, a.value)) is int else None for a in Addressee
    }
    for problem in rule.declared_counts(counts, limits):
        _add(w, problem)

"""Plans, success measures, actions and the yearly catalog of actions.

>>> from datetime import date
>>> from ranham.model import ActionPlan, Action, Catalog, SuccessMeasure, TargetGroup, Tier
>>> from ranham.periods import PeriodCode, Window
>>> plan = ActionPlan(
...     id="ranham-2021-2025", title="RANHAM 2021-2025", legal_basis="Perpres 53/2021",
...     start_year=2021, end_year=2025, target_groups=(TargetGroup.WOMEN,),
...     periods=(PeriodCode.B04, PeriodCode.B08, PeriodCode.B12), timezone="Asia/Jakarta")
>>> plan.period_days(PeriodCode.B12, 2022)
(datetime.date(2022, 9, 1), datetime.date(2022, 12, 31))
>>> Action(id="a-1", tier=Tier.KL, number=1, target_group=TargetGroup.WOMEN, title="Pelatihan",
...        measures=(SuccessMeasure(id="m-1", period=PeriodCode.B04, description="Rapat"),))
Traceback (most recent call last):
...
ranham.errors.InvariantError: 'responsible' must list at least one ministry or agency for a \
kl action (got none).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, tzinfo
from typing import Protocol

import attrs

from ranham.errors import InvariantError, UnknownNameError
from ranham.model._checks import (
    RESPONSIBLE_CODE,
    SLUG,
    TEXT,
    YEAR,
    Enum,
    Instance,
    Int,
    Pattern,
    Tuple,
    check,
)
from ranham.model._fields import EXTENSIONS, check_extensions, freeze_extensions
from ranham.model._frozen import FrozenMap, JsonValue
from ranham.model.enums import TargetGroup, Tier
from ranham.periods import PeriodCode, ReportingPeriod, Window, check_scheme, period_days, zone

__all__ = ["Action", "ActionPlan", "Catalog", "SuccessMeasure"]

_ZONE_NAME = Pattern("timezone", r".++", "an IANA time zone name such as 'Asia/Jakarta'")


@attrs.frozen(kw_only=True)
class ActionPlan:
    """A national action plan (*RANHAM*): its years, target groups, periods and time zone."""

    id: str = attrs.field(validator=SLUG)
    title: str = attrs.field(validator=TEXT)
    legal_basis: str = attrs.field(validator=TEXT)
    start_year: int = attrs.field(validator=YEAR)
    end_year: int = attrs.field(validator=YEAR)
    target_groups: tuple[TargetGroup, ...] = attrs.field(
        validator=Tuple(Enum(TargetGroup), non_empty=True, unique=True)
    )
    periods: tuple[PeriodCode, ...] = attrs.field(
        validator=Tuple(Enum(PeriodCode), non_empty=True, unique=True)
    )
    timezone: str = attrs.field(validator=_ZONE_NAME)

    def __attrs_post_init__(self) -> None:
        if self.end_year < self.start_year:
            raise InvariantError(
                f"'end_year' must not be before 'start_year' ({self.start_year}) "
                f"(got {self.end_year}).",
                field="end_year",
            )
        check_scheme(self.periods)
        zone(self.timezone)

    @property
    def tz(self) -> tzinfo:
        """The plan's time zone, in which windows are calendar dates."""
        return zone(self.timezone)

    @property
    def years(self) -> range:
        """The years the plan covers, both ends included."""
        return range(self.start_year, self.end_year + 1)

    def period_days(self, code: PeriodCode, year: int) -> tuple[date, date]:
        """The first and last day of period ``code`` in ``year`` under this plan's scheme."""
        return period_days(code, self.periods, year)

    def reporting_periods(self, year: int) -> tuple[ReportingPeriod, ...]:
        """The plan's periods of ``year``, in order."""
        return tuple(ReportingPeriod(year, code) for code in self.periods)


@attrs.frozen(kw_only=True)
class SuccessMeasure:
    """One *ukuran keberhasilan*: what an institution must show for one period."""

    id: str = attrs.field(validator=SLUG)
    period: PeriodCode = attrs.field(validator=Enum(PeriodCode))
    description: str = attrs.field(validator=TEXT)


@attrs.frozen(kw_only=True)
class Action:
    """An *Aksi HAM*: a concrete action for one target group, with success measures per period.

    A ``kl`` action lists the ministries and agencies responsible for it; a provincial or
    regency/city action lists none, because it is assigned to every autonomous institution of
    its tier.
    """

    id: str = attrs.field(validator=SLUG)
    tier: Tier = attrs.field(validator=Enum(Tier))
    number: int = attrs.field(validator=Int(1))
    target_group: TargetGroup = attrs.field(validator=Enum(TargetGroup))
    title: str = attrs.field(validator=TEXT)
    intended_result: str | None = attrs.field(default=None, validator=check(TEXT, optional=True))
    success_criteria: str | None = attrs.field(default=None, validator=check(TEXT, optional=True))
    responsible: tuple[str, ...] = attrs.field(
        default=(), validator=Tuple(RESPONSIBLE_CODE, unique=True)
    )
    measures: tuple[SuccessMeasure, ...] = attrs.field(
        validator=Tuple(Instance(SuccessMeasure), non_empty=True)
    )
    extensions: FrozenMap[str, JsonValue] = attrs.field(
        factory=FrozenMap,
        converter=freeze_extensions,
        validator=check_extensions,
        metadata={EXTENSIONS: True},
    )

    def __attrs_post_init__(self) -> None:
        if self.tier is Tier.KL and not self.responsible:
            raise InvariantError(
                "'responsible' must list at least one ministry or agency for a kl action "
                "(got none).",
                code="responsible-invalid",
                field="responsible",
            )
        if self.tier is not Tier.KL and self.responsible:
            raise InvariantError(
                f"'responsible' must be empty for a {self.tier.value} action, which every "
                f"autonomous institution of its tier carries out (got {self.responsible!r}).",
                code="responsible-invalid",
                field="responsible",
            )
        _unique_ids(((f"measures.{i}.id", m) for i, m in enumerate(self.measures)), "measures")

    def measures_for(self, code: PeriodCode) -> tuple[SuccessMeasure, ...]:
        """The success measures of one period, in catalog order."""
        return tuple(m for m in self.measures if m.period is code)


def _freeze_windows(value: Mapping[PeriodCode, Window]) -> FrozenMap[PeriodCode, Window]:
    if isinstance(value, FrozenMap):
        return value
    if not isinstance(value, Mapping):
        raise InvariantError(
            f"'windows' must be a mapping of PeriodCode to Window (got {value!r}).",
            code="window-invalid",
            field="windows",
        )
    return FrozenMap(value)


@attrs.frozen(kw_only=True)
class Catalog:
    """The actions of one plan year, with the submission window of each period.

    ``windows`` maps every period code of the plan to its window; given in any order, it is kept
    in plan order.
    """

    plan: ActionPlan = attrs.field(validator=Instance(ActionPlan))
    year: int = attrs.field(validator=YEAR)
    windows: FrozenMap[PeriodCode, Window] = attrs.field(converter=_freeze_windows)
    actions: tuple[Action, ...] = attrs.field(validator=Tuple(Instance(Action)))
    extensions: FrozenMap[str, JsonValue] = attrs.field(
        factory=FrozenMap,
        converter=freeze_extensions,
        validator=check_extensions,
        metadata={EXTENSIONS: True},
    )

    def __attrs_post_init__(self) -> None:
        plan = self.plan
        if self.year not in plan.years:
            raise InvariantError(
                f"'year' must be within the plan's years {plan.start_year}–{plan.end_year} "
                f"(got {self.year}).",
                code="year-outside-plan",
                field="year",
            )
        self._check_windows()
        _unique_ids(((f"actions.{i}.id", a) for i, a in enumerate(self.actions)), "actions")
        _unique_ids(
            (
                (f"actions.{a_index}.measures.{m_index}.id", measure)
                for a_index, action in enumerate(self.actions)
                for m_index, measure in enumerate(action.measures)
            ),
            "measures",
        )
        numbers: set[tuple[Tier, int]] = set()
        for index, action in enumerate(self.actions):
            where = f"actions.{index}"
            if (action.tier, action.number) in numbers:
                raise InvariantError(
                    f"'actions' must not number two {action.tier.value} actions alike "
                    f"(got number {action.number} twice).",
                    code="duplicate-id",
                    field=f"{where}.number",
                )
            numbers.add((action.tier, action.number))
            if action.target_group not in plan.target_groups:
                raise InvariantError(
                    f"'{where}.target_group' must be one of the plan's target groups "
                    f"({', '.join(str(g) for g in plan.target_groups)}) "
                    f"(got {action.target_group.value}).",
                    code="target-group-not-in-plan",
                    field=f"{where}.target_group",
                )
            for m_index, measure in enumerate(action.measures):
                if measure.period not in plan.periods:
                    raise InvariantError(
                        f"'{where}.measures.{m_index}.period' must be one of the plan's periods "
                        f"({', '.join(map(str, plan.periods))}) (got {measure.period.value}).",
                        code="period-mismatch",
                        field=f"{where}.measures.{m_index}.period",
                    )
            covered = {m.period for m in action.measures}
            missing = [str(code) for code in plan.periods if code not in covered]
            if missing:
                raise InvariantError(
                    f"'{where}.measures' must hold a measure for every period of the plan "
                    f"(none for {', '.join(missing)}).",
                    code="missing-period-measures",
                    field=f"{where}.measures",
                )

    def _check_windows(self) -> None:
        plan = self.plan
        for code, window in self.windows.items():
            if not isinstance(code, PeriodCode) or not isinstance(window, Window):
                raise InvariantError(
                    f"'windows' must map PeriodCode to Window (got {code!r}: {window!r}).",
                    code="window-invalid",
                    field="windows",
                )
        if len(self.windows) != len(plan.periods) or set(self.windows) != set(plan.periods):
            raise InvariantError(
                f"'windows' must hold one window for each period of the plan "
                f"({', '.join(map(str, plan.periods))}) "
                f"(got {', '.join(map(str, self.windows)) or 'none'}).",
                code="window-invalid",
                field="windows",
            )
        if tuple(self.windows) != plan.periods:  # any key order is accepted; kept in plan order
            ordered = FrozenMap((code, self.windows[code]) for code in plan.periods)
            object.__setattr__(self, "windows", ordered)
        previous: tuple[PeriodCode, Window] | None = None
        for code, window in self.windows.items():
            first_day = plan.period_days(code, self.year)[0]
            if window.opens < first_day:
                raise InvariantError(
                    f"'windows.{code}' must open no earlier than the first day of its period "
                    f"({first_day.isoformat()}) (got {window.opens.isoformat()}).",
                    code="window-invalid",
                    field=f"windows.{code}",
                )
            if previous is not None and previous[1].closes >= window.opens:
                raise InvariantError(
                    f"'windows.{code}' must open after the {previous[0]} window closes "
                    f"({previous[1].closes.isoformat()}) (got {window.opens.isoformat()}).",
                    code="window-invalid",
                    field=f"windows.{code}",
                )
            previous = (code, window)

    @property
    def periods(self) -> tuple[ReportingPeriod, ...]:
        """The plan's reporting periods of this catalog's year."""
        return self.plan.reporting_periods(self.year)

    def action(self, action_id: str) -> Action:
        """The action with id ``action_id``; :class:`~ranham.errors.UnknownNameError` if none."""
        for action in self.actions:
            if action.id == action_id:
                return action
        raise UnknownNameError(f"the catalog has no action {action_id!r}.")

    def actions_of(self, tier: Tier) -> tuple[Action, ...]:
        """The actions of one tier, in catalog order."""
        return tuple(a for a in self.actions if a.tier is tier)

    @property
    def measure_index(self) -> Mapping[str, tuple[Action, SuccessMeasure]]:
        """Every measure id of the catalog with its action."""
        return {m.id: (a, m) for a in self.actions for m in a.measures}


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def _unique_ids(items: Iterable[tuple[str, _HasId]], name: str) -> None:
    seen: set[str] = set()
    for field, item in items:
        if item.id in seen:
            raise InvariantError(
                f"'{name}' must not repeat an id (got {item.id!r} twice).",
                code="duplicate-id",
                field=field,
            )
        seen.add(item.id)

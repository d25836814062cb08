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

from collections.abc import Callable, Mapping
from datetime import date, tzinfo

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
from ranham.model._invariants import (
    duplicates,
    measure_periods,
    not_before,
    refuse,
    refuse_if,
    responsible_by_tier,
    target_group_in_plan,
    window_keys,
    window_order,
    year_in_plan,
)
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
        refuse_if(not_before("start_year", self.start_year, "end_year", self.end_year))
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
        refuse_if(responsible_by_tier(self.tier, self.responsible))
        _refuse_repeats([m.id for m in self.measures], lambda i: ("measures", i, "id"), "measures")

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
        refuse_if(year_in_plan(self.year, plan.start_year, plan.end_year))
        self._check_windows()
        actions = self.actions
        _refuse_repeats([a.id for a in actions], lambda i: ("actions", i, "id"), "actions")
        places = [(a, m) for a, action in enumerate(actions) for m in range(len(action.measures))]
        _refuse_repeats(
            [m.id for action in actions for m in action.measures],
            lambda i: ("actions", places[i][0], "measures", places[i][1], "id"),
            "measures",
        )
        refuse(
            duplicates(
                [(a.tier, a.number) for a in actions],
                lambda i: ("actions", i, "number"),
                lambda key: (
                    f"'actions' must not number two {key[0].value} actions alike "
                    f"(got number {key[1]} twice)."
                ),
            )
        )
        groups = tuple(g.value for g in plan.target_groups)
        for index, action in enumerate(actions):
            refuse_if(target_group_in_plan(action.target_group.value, groups), "actions", index)
            refuse(
                measure_periods(plan.periods, list(enumerate(m.period for m in action.measures))),
                "actions",
                index,
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
        refuse(window_keys(plan.periods, [code.value for code in self.windows]))
        if tuple(self.windows) != plan.periods:  # any key order is accepted; kept in plan order
            ordered = FrozenMap((code, self.windows[code]) for code in plan.periods)
            object.__setattr__(self, "windows", ordered)
        refuse(
            window_order(
                plan.periods, self.year, {c: (w.opens, w.closes) for c, w in self.windows.items()}
            )
        )

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


def _refuse_repeats(
    ids: list[str], where: Callable[[int], tuple[str | int, ...]], name: str
) -> None:
    refuse(duplicates(ids, where, f"'{name}' must not repeat an id (got {{got}} twice)."))

"""Completion scores, from measure to nation, exactly as ``scoring.md`` defines them.

:func:`score` returns a :class:`Scores` object. Every quantity is computed once, on first use,
as an exact :class:`~fractions.Fraction` (or ``None`` where undefined), and remembered, so
scoring is linear in the size of the dataset: reports are found by a dictionary lookup
(:meth:`~ranham.model.Dataset.report`), each action-period score is computed once, nothing scans
the report list per institution.

>>> from ranham.rules.cases import SHIPPED_CASES
>>> from ranham import io
>>> from ranham.rules import score
>>> ds = io.load(SHIPPED_CASES / "bekasi-2022.json")
>>> scores = score(ds)
>>> scores.value("S(32.16)"), scores.shown("S(32.16)")
(Fraction(400, 9), '44.44')
>>> scores.institution_period("32.16", "2022-B12") is None
True
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, TypeAlias

import attrs

from ranham._process import paused_gc
from ranham.errors import ArgumentTypeError, PeriodError, UnknownChoiceError, UnknownNameError
from ranham.model import Action, ActionEntry, Dataset, Institution, Report, Tier
from ranham.periods import PeriodCode, ReportingPeriod
from ranham.rules._json_types import ScoresJson
from ranham.rules.counting import ReportCount, judge_report, measure_met
from ranham.rules.loading import ruleset_for
from ranham.rules.numbers import at_least, exact_sum, fixed, mean, percent, ratio
from ranham.rules.quantities import Quantity, parse_quantity, unknown
from ranham.rules.ruleset import MissingPeriod, RuleSet

if TYPE_CHECKING:  # pragma: no cover
    from ranham.rules._eligibility import Eligibility

__all__ = ["QUANTITIES", "TIERS", "Scores", "Shown", "Value", "score"]

Value: TypeAlias = Fraction | bool | int | None
"""The exact value of a quantity: a score or percentage (``Fraction``), a boolean
(``achieved``, ``target_met``, ``eligible``), a rank (``int``), or ``None`` when undefined."""

Shown: TypeAlias = str | bool | int | None
"""A value as JSON shows it: scores and percentages as strings with ``places`` decimals."""

TIERS: tuple[Tier, ...] = (Tier.KL, Tier.PROVINCE, Tier.REGENCY_CITY)
"""The tiers in output order."""


def as_tier(tier: Tier | str) -> Tier:
    """``tier`` as a :class:`~ranham.model.Tier`, given as one or as its value (``"kl"``).

    Any other text raises :class:`~ranham.errors.UnknownChoiceError` (a ``ValueError`` and a
    ``LookupError``) naming the tiers.
    """
    if isinstance(tier, Tier):
        return tier
    try:
        return Tier(tier)
    except ValueError:
        raise UnknownChoiceError(
            f"{tier!r} is not a tier; the tiers are {', '.join(t.value for t in TIERS)}"
        ) from None


def score(dataset: Dataset, ruleset: RuleSet | str | os.PathLike[str] | None = None) -> Scores:
    """Score ``dataset`` under ``ruleset`` (a :class:`RuleSet`, a shipped id or a path).

    Without ``ruleset``, the shipped default rule set of the dataset's plan is used. A rule set
    written for another plan, or for years that do not include the dataset's year, is refused
    with a :class:`~ranham.errors.RuleSetError` that names the years it covers.
    """
    if not isinstance(dataset, Dataset):
        raise ArgumentTypeError(
            f"'dataset' must be a ranham Dataset (got {type(dataset).__name__}); read a dataset "
            "file with ranham.io.load(path, kind=Dataset)."
        )
    catalog = dataset.catalog
    chosen = ruleset_for(catalog.plan.id, catalog.year, ruleset)
    return Scores(dataset=dataset, ruleset=chosen)


class _Memo:
    """The remembered results of one :class:`Scores` (filled on first use)."""

    def __init__(self, dataset: Dataset) -> None:
        catalog = dataset.catalog
        self.periods = catalog.periods
        self.period_set = frozenset(self.periods)
        self.tz = catalog.plan.tz
        members: dict[Tier, list[str]] = {tier: [] for tier in TIERS}
        assigned: dict[str, tuple[Action, ...]] = {}
        for institution in dataset.institutions:
            actions = dataset.assigned_actions(institution.code)
            if actions:
                assigned[institution.code] = actions
                members[institution.tier].append(institution.code)
        self.assigned = assigned
        self.assigned_ids = {code: {a.id for a in acts} for code, acts in assigned.items()}
        self.codes = tuple(sorted(assigned))
        self.members = {tier: tuple(sorted(codes)) for tier, codes in members.items()}
        self.measures: dict[tuple[str, PeriodCode], frozenset[str]] = {}
        for action in catalog.actions:
            by_period: dict[PeriodCode, set[str]] = {}
            for measure in action.measures:
                by_period.setdefault(measure.period, set()).add(measure.id)
            for code, ids in by_period.items():
                self.measures[action.id, code] = frozenset(ids)
        self.count: dict[tuple[str, ReportingPeriod], ReportCount] = {}
        self.entries: dict[tuple[str, ReportingPeriod], Mapping[str, ActionEntry]] = {}
        self.action_period: dict[tuple[str, str, ReportingPeriod], Fraction | None] = {}
        self.institution_period: dict[tuple[str, ReportingPeriod], Fraction | None] = {}
        self.institution_annual: dict[str, Fraction | None] = {}
        self.action_annual: dict[tuple[str, str], Fraction | None] = {}
        self.tier_period: dict[tuple[Tier, ReportingPeriod], Fraction | None] = {}
        self.tier_annual: dict[Tier, Fraction | None] = {}
        self.achieved: dict[str, int] = {}
        self.eligibility: Eligibility | None = None
        self.listing: dict[str, str] | None = None


@attrs.frozen(kw_only=True)
class Scores:
    """Every score of one dataset under one rule set, exact and rounded.

    Quantities are computed on first use and remembered; the object behaves as an immutable
    value. Read them by name (:meth:`value` exact, :meth:`shown` as JSON shows them) or with the
    typed methods below; :meth:`to_json` gives the JSON of ``scoring.md``.
    """

    dataset: Dataset
    ruleset: RuleSet
    history: Mapping[int, Scores] = attrs.field(factory=dict, repr=False, eq=False)
    """The other years of the same plan under the same rule set, by year: what the look-back
    criteria read. Filled by :func:`~ranham.rules.evaluate_years`; empty for one year alone."""
    _memo: _Memo = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_memo", _Memo(self.dataset))

    # -- what there is ---------------------------------------------------------------------

    @property
    def year(self) -> int:
        """The catalog year."""
        return self.dataset.catalog.year

    @property
    def periods(self) -> tuple[ReportingPeriod, ...]:
        """The plan's periods of the year (*P*)."""
        return self._memo.periods

    @property
    def places(self) -> int:
        """The decimals of shown scores (``scoring.places``)."""
        return self.ruleset.scoring.places

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the institutions with assigned actions, sorted."""
        return self._memo.codes

    @property
    def tiers(self) -> tuple[Tier, ...]:
        """The tiers that have an institution with assigned actions, in output order."""
        return tuple(tier for tier in TIERS if self._memo.members[tier])

    def members(self, tier: Tier | str) -> tuple[str, ...]:
        """The codes of ``tier``'s institutions with assigned actions, sorted."""
        return self._memo.members[self._tier(tier)]

    def assigned(self, code: str) -> tuple[Action, ...]:
        """The actions assigned to ``code``, in catalog order (its targets)."""
        return self._memo.assigned[self._code(code)]

    def institution(self, code: str) -> Institution:
        """The institution with ``code``."""
        return self.dataset.institution(code)

    def listed(self, code: str) -> str | None:
        """The code under which this dataset lists the institution that ``code`` names.

        Matched across editions of the region codes (``"92.71"`` finds ``"96.71"`` and back);
        ``None`` when it is not listed. Raises :class:`~ranham.errors.CycleError` for a dataset
        that lists both an old code and its new one.
        """
        if self._memo.listing is None:
            from ranham.rules._recoding import listing

            codes = (i.code for i in self.dataset.institutions)
            self._memo.listing = listing(codes, year=self.year)
        from ranham.rules._recoding import canonical

        return self._memo.listing.get(canonical(code))

    def round(self, value: Fraction | None) -> str | None:
        """``value`` rounded once and written with ``places`` decimals (``None`` stays)."""
        return fixed(value, self.places)

    # -- step 1 and 2 ----------------------------------------------------------------------

    def report_count(self, code: str, period: ReportingPeriod | str) -> ReportCount:
        """Step 1: does the report of ``code`` for ``period`` count, and why."""
        return self._count(self._code(code), self._period(period))

    def _count(self, code: str, period: ReportingPeriod) -> ReportCount:
        memo = self._memo.count
        found = memo.get((code, period))
        if found is None:
            found = memo[code, period] = self._judge(self.dataset.report(code, period))
        return found

    def _judge(self, report: Report | None) -> ReportCount:
        windows = self.dataset.catalog.windows
        return judge_report(report, self.ruleset.scoring, windows, self._memo.tz)

    def entries(self, code: str, period: ReportingPeriod) -> Mapping[str, ActionEntry]:
        """The entries of the report of ``code`` for ``period``, by action id."""
        memo = self._memo.entries
        found = memo.get((code, period))
        if found is None:
            report = self._count(code, period).report
            found = memo[code, period] = (
                {} if report is None else {entry.action: entry for entry in report.entries}
            )
        return found

    # -- steps 3 to 6 ----------------------------------------------------------------------

    def action_period(
        self, code: str, action_id: str, period: ReportingPeriod | str
    ) -> Fraction | None:
        """Step 3: ``s(i,a,p)``; ``None`` when the report does not count."""
        code = self._code(code)
        return self._action_period(code, self._action(code, action_id), self._period(period))

    def _action_period(self, code: str, action_id: str, period: ReportingPeriod) -> Fraction | None:
        memo = self._memo.action_period
        key = (code, action_id, period)
        if key in memo:
            return memo[key]
        value: Fraction | None = None
        if self._count(code, period).counted:
            ids = self._memo.measures[action_id, period.code]
            entry = self.entries(code, period).get(action_id)
            basis = self.ruleset.scoring.basis
            met = (
                0
                if entry is None
                else sum(1 for m in entry.measures if m.measure in ids and measure_met(m, basis))
            )
            value = ratio(met, len(ids))
        memo[key] = value
        return value

    def institution_period(self, code: str, period: ReportingPeriod | str) -> Fraction | None:
        """Step 4: ``S(i,p)``; ``None`` when ``code`` did not participate in ``period``."""
        return self._institution_period(self._code(code), self._period(period))

    def _institution_period(self, code: str, period: ReportingPeriod) -> Fraction | None:
        memo = self._memo.institution_period
        if (code, period) in memo:
            return memo[code, period]
        value: Fraction | None = None
        if self._count(code, period).counted:
            parts = [self._action_period(code, a.id, period) for a in self._memo.assigned[code]]
            value = mean([p for p in parts if p is not None])
        memo[code, period] = value
        return value

    def _annual(self, parts: list[Fraction | None]) -> Fraction | None:
        defined = [p for p in parts if p is not None]
        if not defined:
            return None
        if self.ruleset.scoring.missing_period is MissingPeriod.ZERO:
            total = exact_sum(defined)
            return Fraction(total.numerator, total.denominator * len(parts))
        return mean(defined)

    def institution_annual(self, code: str) -> Fraction | None:
        """Step 5: ``S(i)``; ``None`` when ``code`` participated in no period."""
        return self._institution_annual(self._code(code))

    def _institution_annual(self, code: str) -> Fraction | None:
        memo = self._memo.institution_annual
        if code not in memo:
            memo[code] = self._annual([self._institution_period(code, p) for p in self.periods])
        return memo[code]

    def action_annual(self, code: str, action_id: str) -> Fraction | None:
        """Step 6: ``s(i,a)``; ``None`` when ``code`` participated in no period."""
        code = self._code(code)
        return self._action_annual(code, self._action(code, action_id))

    def _action_annual(self, code: str, action_id: str) -> Fraction | None:
        memo = self._memo.action_annual
        if (code, action_id) not in memo:
            memo[code, action_id] = self._annual(
                [self._action_period(code, action_id, p) for p in self.periods]
            )
        return memo[code, action_id]

    def achieved(self, code: str, action_id: str) -> bool:
        """Step 6: the target (``code``, ``action_id``) is achieved."""
        code = self._code(code)
        return self._achieved(code, self._action(code, action_id))

    def _achieved(self, code: str, action_id: str) -> bool:
        rules = self.ruleset.scoring
        return at_least(self._action_annual(code, action_id), rules.achieved_min, rules.places)

    def achieved_count(self, code: str) -> int:
        """How many of ``code``'s targets are achieved."""
        code = self._code(code)
        memo = self._memo.achieved
        if code not in memo:
            memo[code] = sum(1 for a in self._memo.assigned[code] if self._achieved(code, a.id))
        return memo[code]

    # -- steps 7 to 11 ---------------------------------------------------------------------

    def tier_period(self, tier: Tier | str, period: ReportingPeriod | str) -> Fraction | None:
        """Step 7: ``T(t,p)``, the mean of ``S(i,p)`` over the participating institutions."""
        tier, period = self._tier(tier), self._period(period)
        memo = self._memo.tier_period
        if (tier, period) not in memo:
            parts = [self._institution_period(c, period) for c in self._memo.members[tier]]
            memo[tier, period] = mean([p for p in parts if p is not None])
        return memo[tier, period]

    def tier_annual(self, tier: Tier | str) -> Fraction | None:
        """Step 7: ``T(t)``, the mean of the defined ``S(i)`` of the tier."""
        tier = self._tier(tier)
        memo = self._memo.tier_annual
        if tier not in memo:
            parts = [self._institution_annual(c) for c in self._memo.members[tier]]
            memo[tier] = mean([p for p in parts if p is not None])
        return memo[tier]

    def national_period(self, period: ReportingPeriod | str) -> Fraction | None:
        """Step 8: ``N(p)``, the plain mean of the defined ``T(t,p)``."""
        period = self._period(period)
        parts = [self.tier_period(tier, period) for tier in TIERS]
        return mean([p for p in parts if p is not None])

    def national(self) -> Fraction | None:
        """Step 8: ``N``, the plain mean of the defined ``T(t)``."""
        parts = [self.tier_annual(tier) for tier in TIERS]
        return mean([p for p in parts if p is not None])

    def participants(self, tier: Tier | str, period: ReportingPeriod | str) -> int:
        """How many institutions of ``tier`` participated in ``period``."""
        period = self._period(period)
        return sum(1 for c in self.members(tier) if self._count(c, period).counted)

    def participation(self, tier: Tier | str, period: ReportingPeriod | str) -> Fraction | None:
        """Step 9: participating / institutions with assigned actions, as a percentage."""
        return percent(self.participants(tier, period), len(self.members(tier)))

    def target(self, tier: Tier | str) -> Fraction | None:
        """Step 10: the rule set's target for ``tier`` in the year; ``None`` when none."""
        return self.ruleset.target(self.year, self._tier(tier))

    def target_met(self, tier: Tier | str) -> bool | None:
        """Step 10: rounded ``T(t)`` is at least the target; ``None`` without target or ``T(t)``."""
        target, annual = self.target(tier), self.tier_annual(tier)
        if target is None or annual is None:
            return None
        return at_least(annual, target, self.places)

    def targets(self, tier: Tier | str | None = None) -> int:
        """The number of targets (institution, assigned action) of a tier, or of all tiers."""
        codes = self.codes if tier is None else self.members(tier)
        return sum(len(self._memo.assigned[c]) for c in codes)

    def achieved_targets(self, tier: Tier | str | None = None) -> int:
        """The number of achieved targets of a tier, or of all tiers."""
        codes = self.codes if tier is None else self.members(tier)
        return sum(self.achieved_count(c) for c in codes)

    def ratio(self, tier: Tier | str | None = None) -> Fraction | None:
        """Step 11: achieved targets / all targets, as a percentage; ``None`` without targets."""
        return percent(self.achieved_targets(tier), self.targets(tier))

    # -- by name ---------------------------------------------------------------------------

    def value(self, quantity: str | Quantity) -> Value:
        """The exact value of a named quantity (``"S(32.16,2022-B04)"``, ``"N"``, …).

        Raises :class:`~ranham.errors.UnknownNameError` for a name that is not a quantity of
        this dataset, listing the valid forms.
        """
        q = quantity if isinstance(quantity, Quantity) else parse_quantity(quantity)
        if q.function in ("eligible", "rank"):
            return self.eligibility().value(q)
        handler = QUANTITIES.get((q.function, len(q.args)))
        if handler is None:
            raise unknown(str(q))
        try:
            return handler(self, *q.args)
        except (UnknownNameError, PeriodError) as error:
            raise unknown(str(q), str(error)) from None

    def shown(self, quantity: str | Quantity) -> Shown:
        """A named quantity as JSON shows it: ``"44.44"``, ``None``, ``True``, ``3``."""
        return self.show(self.value(quantity))

    def show(self, value: Value) -> Shown:
        """A value as JSON shows it (scores and percentages rounded to ``places``)."""
        if isinstance(value, Fraction):
            return self.round(value)
        return value

    def eligibility(self) -> Eligibility:
        """The incentive-eligibility decisions under the same rule set (computed once)."""
        if self._memo.eligibility is None:
            from ranham.rules._eligibility import decide

            with paused_gc():
                self._memo.eligibility = decide(self)
        return self._memo.eligibility

    def to_json(
        self,
        *,
        by_action: bool = False,
        period: ReportingPeriod | str | None = None,
        tier: Tier | str | None = None,
    ) -> ScoresJson:
        """The JSON object of ``ranham score`` (``scoring.md``); ``by_action`` adds the actions.

        ``period`` restricts the ``periods`` list and every per-period map to one period.
        ``tier`` (a :class:`~ranham.model.Tier` or its value, as for
        :meth:`Eligibility.to_json <ranham.rules.Eligibility.to_json>`) keeps that tier's item
        of ``tiers`` and its institutions only; the national figures and the overall counts
        stay those of every tier. Another string raises :class:`~ranham.errors.UnknownChoiceError`
        (a :class:`ValueError`). Each institution
        carries its ``name`` after its ``code`` (an addition to ``scoring.md``). The same
        inputs always give the same object, and :func:`orjson.dumps` the same bytes.
        """
        from ranham.rules.output import scores_json

        chosen = None if tier is None else as_tier(tier)
        with paused_gc():
            return scores_json(
                self,
                by_action=by_action,
                period=None if period is None else self._period(period),
                tier=chosen,
            )

    # -- argument checks -------------------------------------------------------------------

    def _period(self, period: ReportingPeriod | str) -> ReportingPeriod:
        if isinstance(period, str):
            period = ReportingPeriod.parse(period)  # PeriodError (a ValueError) when malformed
        if period not in self._memo.period_set:
            raise UnknownNameError(
                f"{period} is not a period of this dataset; its periods are "
                f"{', '.join(map(str, self.periods))}"
            )
        return period

    def _tier(self, tier: Tier | str) -> Tier:
        return as_tier(tier)

    def _code(self, code: str) -> str:
        if code not in self._memo.assigned:
            listed = any(i.code == code for i in self.dataset.institutions)
            why = (
                f"{code} has no assigned action and takes no part in scoring"
                if listed
                else f"the dataset lists no institution {code!r}"
            )
            raise UnknownNameError(why)
        return code

    def _action(self, code: str, action_id: str) -> str:
        if action_id not in self._memo.assigned_ids[code]:
            raise UnknownNameError(f"action {action_id!r} is not assigned to {code}")
        return action_id


QUANTITIES: dict[tuple[str, int], Callable[..., Value]] = {
    ("s", 3): Scores.action_period,
    ("s", 2): Scores.action_annual,
    ("achieved", 2): Scores.achieved,
    ("S", 2): Scores.institution_period,
    ("S", 1): Scores.institution_annual,
    ("T", 2): Scores.tier_period,
    ("T", 1): Scores.tier_annual,
    ("N", 1): Scores.national_period,
    ("N", 0): Scores.national,
    ("participation", 2): Scores.participation,
    ("ratio", 1): Scores.ratio,
    ("ratio", 0): Scores.ratio,
    ("target_met", 1): Scores.target_met,
}
"""The registry of named quantities of one year: (function, number of arguments) → the method
that computes it. ``eligible`` and ``rank`` are answered by :class:`Eligibility`. A name that is
not registered is refused with :class:`~ranham.errors.UnknownNameError`, never read as another."""

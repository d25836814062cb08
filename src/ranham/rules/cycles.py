"""Evaluation across years: the plan's cycles, per year and over the plan period.

A plan runs for several years, each one cycle of reporting periods ending in an annual
evaluation; the plan ends with an evaluation of all its years (``scoring.md``, "Across years").
:func:`evaluate_years` takes datasets of **one plan, one per year** and returns a
:class:`Cycles`: every year scored alone, exactly as :func:`~ranham.rules.score` scores it, and
the quantities across years, exact until shown:

- ``S(CODE,YEAR)``, ``T(TIER,YEAR)``, ``N(YEAR)``, ``ratio(TIER,YEAR)``,
  ``participation(TIER,YEAR)`` (the mean over the year's periods);
- ``change(CODE,YEAR)``, ``change(TIER,YEAR)``, ``change(YEAR)``: the exact annual score of YEAR
  minus that of YEAR-1, shown with halves rounded away from zero;
- ``S(CODE,PLAN)``, ``T(TIER,PLAN)``, ``N(PLAN)``: means over the years given, under the rule
  set's ``cycle.missing_year``.

Any name of one year that holds a period (``S(32.16,2022-B04)``) is answered by that period's
year. Institutions are matched across years by code, after the shipped re-coding of the region
codes (``92.71`` in 2022 is ``96.71`` in 2025: one trajectory).

>>> from ranham.reference import example_dataset
>>> from ranham.rules import evaluate_years, score
>>> years = [example_dataset(year=y, seed=1, scale=0.02) for y in (2022, 2023)]
>>> cycles = evaluate_years(years)
>>> cycles.years
(2022, 2023)
>>> cycles.shown("N(2022)") == score(years[0]).shown("N")
True
>>> cycles.value("change(2023)") == cycles.value("N(2023)") - cycles.value("N(2022)")
True
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from ranham.errors import CycleError, PeriodError, UnknownNameError
from ranham.model import Dataset, FrozenMap, Tier
from ranham.periods import ReportingPeriod
from ranham.rules._eligibility import Eligibility
from ranham.rules._explain import _Explainer
from ranham.rules._recoding import canonical
from ranham.rules.loading import load_ruleset, ruleset_for
from ranham.rules.node import Node, NodeValue
from ranham.rules.numbers import exact_sum, fixed_change, mean
from ranham.rules.quantities import CYCLE_FORMS, FORMS, Quantity, name, parse_quantity, unknown
from ranham.rules.ruleset import MissingYear, RuleSet
from ranham.rules.scoring import QUANTITIES, TIERS, Scores, Shown, Value
from ranham.rules.texts import Message

__all__ = ["CYCLE_QUANTITIES", "Cycles", "evaluate_years"]

ALL_FORMS: tuple[str, ...] = FORMS + CYCLE_FORMS

_YEAR = re.compile(r"[0-9]{4}")
_PLAN = "PLAN"


def evaluate_years(
    datasets: Iterable[Dataset], ruleset: RuleSet | str | os.PathLike[str] | None = None
) -> Cycles:
    """Evaluate the datasets of one plan, one per year, under one rule set.

    The order of ``datasets`` does not matter. ``ruleset`` is as for :func:`~ranham.rules.score`
    and must cover every year given. Raises :class:`~ranham.errors.CycleError` for no dataset,
    datasets of different plans, two datasets of one year, or a dataset listing both an old
    region code and the new code it was re-coded to; :class:`~ranham.errors.RuleSetError` for a
    rule set that does not cover a year.
    """
    given = list(datasets)
    if not given or not all(isinstance(d, Dataset) for d in given):
        raise CycleError(
            "evaluate_years needs at least one dataset, and only datasets "
            f"(got {len(given)} item(s))."
        )
    plans = sorted({d.catalog.plan.id for d in given})
    if len(plans) > 1:
        raise CycleError(
            f"the datasets belong to different plans ({', '.join(plans)}); give the years of "
            "one plan."
        )
    by_year: dict[int, Dataset] = {}
    for dataset in given:
        year = dataset.catalog.year
        if year in by_year:
            raise CycleError(f"two datasets are for {year}; give one dataset per year.")
        by_year[year] = dataset
    chosen = ruleset
    if chosen is not None and not isinstance(chosen, RuleSet):
        chosen = load_ruleset(chosen)
    history: dict[int, Scores] = {}
    for year in sorted(by_year):
        rules = ruleset_for(plans[0], year, chosen)
        history[year] = Scores(dataset=by_year[year], ruleset=rules, history=history)
    rulesets = {s.ruleset for s in history.values()}
    if len(rulesets) > 1:  # pragma: no cover - one rule set object, or one default per plan
        raise CycleError("the years would be scored under different rule sets.")
    cycles = Cycles(ruleset=next(iter(rulesets)), by_year=FrozenMap(history))
    for scores in history.values():
        scores.listed("")  # refuses a dataset listing an old code and its new one
    return cycles


class _Memo:
    def __init__(self) -> None:
        self.tiers: dict[str, Tier] = {}
        self.keys: tuple[str, ...] | None = None
        self.listed: dict[str, dict[int, str]] = {}
        self.by_year: dict[int, Scores] = {}
        self.years: tuple[int, ...] | None = None


@attrs.frozen(kw_only=True)
class Cycles:
    """Every year of one plan under one rule set, and the quantities across years.

    ``by_year`` maps each year given to its :class:`~ranham.rules.Scores` (years ascending).
    Read quantities by name (:meth:`value` exact, :meth:`shown` as JSON shows them), with the
    typed methods below, or as a tree (:meth:`explain`); :meth:`to_json` gives the JSON of
    ``ranham trend``.
    """

    ruleset: RuleSet
    by_year: FrozenMap[int, Scores]
    _memo: _Memo = attrs.field(init=False, factory=_Memo, repr=False, eq=False)

    # -- what there is ---------------------------------------------------------------------

    @property
    def years(self) -> tuple[int, ...]:
        """The years given, ascending."""
        if self._memo.years is None:
            self._memo.years = tuple(self.by_year)
        return self._memo.years

    @property
    def places(self) -> int:
        """The decimals of shown figures (``scoring.places``)."""
        return self.ruleset.scoring.places

    @property
    def missing_year(self) -> MissingYear:
        """How a year without a defined score enters plan-period means."""
        return self.ruleset.missing_year

    def scores(self, year: int) -> Scores:
        """The scores of ``year`` (identical to scoring that year's dataset alone)."""
        if not self._memo.by_year:
            self._memo.by_year.update(self.by_year)
        found = self._memo.by_year.get(year) if type(year) is int else None
        if found is None:
            raise UnknownNameError(
                f"{year!r} is not among the years given: {', '.join(map(str, self.years))}."
            )
        return found

    def eligibility(self, year: int) -> Eligibility:
        """The eligibility decisions of ``year``, the look-back criteria reading earlier years.

        Raises :class:`~ranham.errors.MissingYearsError` naming the earlier years within the
        plan that an enabled look-back criterion needs and that were not given.
        """
        return self.scores(year).eligibility()

    @property
    def codes(self) -> tuple[str, ...]:
        """Every institution with assigned actions in at least one year, by its newest code."""
        if self._memo.keys is None:
            found: dict[str, Tier] = {}
            listed: dict[str, dict[int, str]] = {}
            for year, scores in self.by_year.items():  # ascending: the newest year's tier wins
                for code in scores.codes:
                    key = canonical(code)
                    found[key] = scores.institution(code).tier
                    listed.setdefault(key, {})[year] = code
            self._memo.tiers.update(found)
            self._memo.listed.update(listed)
            self._memo.keys = tuple(sorted(found))
        return self._memo.keys

    def tier_of(self, code: str) -> Tier:
        """The tier of an institution (in the latest year it has assigned actions)."""
        return self._memo.tiers[self._key(code)]

    def listed(self, code: str, year: int) -> str | None:
        """The code under which ``year`` lists ``code`` with assigned actions; else ``None``."""
        self.scores(year)  # refuses a year that was not given
        return self._memo.listed[self._key(code)].get(year)

    def counted_years(self, code: str) -> tuple[int, ...]:
        """The years in which ``code`` had assigned actions: the years its plan score counts."""
        return tuple(self._memo.listed[self._key(code)])

    def trajectory(self, code: str) -> dict[int, Fraction | None]:
        """``S(CODE,YEAR)`` for every year in which ``code`` had assigned actions, by year."""
        return {
            year: self.by_year[year].institution_annual(listed)
            for year, listed in self._memo.listed[self._key(code)].items()
        }

    # -- per year --------------------------------------------------------------------------

    def annual(self, code: str, year: int) -> Fraction | None:
        """``S(CODE,YEAR)``; ``None`` when the institution has no score that year."""
        scores = self.scores(year)
        listed = self._memo.listed[self._key(code)].get(year)
        return None if listed is None else scores.institution_annual(listed)

    def tier_annual(self, tier: Tier | str, year: int) -> Fraction | None:
        """``T(TIER,YEAR)``."""
        scores = self.scores(year)
        return scores.tier_annual(self._tier(tier))

    def national(self, year: int) -> Fraction | None:
        """``N(YEAR)``."""
        return self.scores(year).national()

    def ratio(self, tier: Tier | str, year: int) -> Fraction | None:
        """``ratio(TIER,YEAR)``: achieved / all targets of the tier that year, in percent."""
        return self.scores(year).ratio(self._tier(tier))

    def participation(self, tier: Tier | str, year: int) -> Fraction | None:
        """``participation(TIER,YEAR)``: the mean participation over the year's periods."""
        scores, tier = self.scores(year), self._tier(tier)
        if not scores.members(tier):
            return None
        return mean([scores.participation(tier, p) or Fraction(0) for p in scores.periods])

    # -- change ----------------------------------------------------------------------------

    def change(self, code: str, year: int) -> Fraction | None:
        """``change(CODE,YEAR)``: ``S(CODE,YEAR) - S(CODE,YEAR-1)``, exact."""
        return self._change(lambda y: self.annual(code, y), year)

    def tier_change(self, tier: Tier | str, year: int) -> Fraction | None:
        """``change(TIER,YEAR)``."""
        return self._change(lambda y: self.tier_annual(tier, y), year)

    def national_change(self, year: int) -> Fraction | None:
        """``change(YEAR)``."""
        return self._change(self.national, year)

    def _change(self, of: Callable[[int], Fraction | None], year: int) -> Fraction | None:
        now = of(year)
        if year - 1 not in self.by_year:
            return None
        before = of(year - 1)
        return None if now is None or before is None else now - before

    # -- over the plan period ----------------------------------------------------------------

    def plan_score(self, code: str) -> Fraction | None:
        """``S(CODE,PLAN)``: the mean of the annual scores over the years that count."""
        key = self._key(code)
        return self._plan([self.annual(key, y) for y in self.counted_years(key)])

    def tier_plan(self, tier: Tier | str) -> Fraction | None:
        """``T(TIER,PLAN)``: the mean of ``T(TIER,YEAR)`` over the years the tier takes part."""
        tier = self._tier(tier)
        years = [y for y in self.years if self.by_year[y].members(tier)]
        return self._plan([self.tier_annual(tier, y) for y in years])

    def national_plan(self) -> Fraction | None:
        """``N(PLAN)``: the mean of ``N(YEAR)`` over the years with scored institutions."""
        years = [y for y in self.years if self.by_year[y].codes]
        return self._plan([self.national(y) for y in years])

    def _plan(self, parts: list[Fraction | None]) -> Fraction | None:
        defined = [p for p in parts if p is not None]
        if not defined:
            return None
        if self.missing_year is MissingYear.ZERO:
            total = exact_sum(defined)
            return Fraction(total.numerator, total.denominator * len(parts))
        return mean(defined)

    # -- by name ---------------------------------------------------------------------------

    def value(self, quantity: str | Quantity) -> Value:
        """The exact value of a named quantity across years (``"S(32.16,2023)"``, ``"N(PLAN)"``).

        Names of one year that hold a period (``"S(32.16,2022-B04)"``) are answered by that
        year. Raises :class:`~ranham.errors.UnknownNameError` for anything else.
        """
        q = _parse(quantity)
        handler = CYCLE_QUANTITIES.get(_signature(q))
        if handler is None:
            raise unknown(str(q), "name a year, PLAN or a period", forms=ALL_FORMS)
        try:
            return handler(self, *q.args)
        except (UnknownNameError, PeriodError) as error:
            raise unknown(str(q), str(error), forms=ALL_FORMS) from None

    def shown(self, quantity: str | Quantity) -> Shown:
        """A named quantity as JSON shows it; a ``change`` rounds halves away from zero."""
        q = _parse(quantity)
        value = self.value(q)
        if q.function == "change" and isinstance(value, Fraction | type(None)):
            return fixed_change(value, self.places)
        return self.by_year[self.years[0]].show(value)

    def round(self, value: Fraction | None) -> str | None:
        """A score or percentage shown with ``places`` decimals."""
        return self.by_year[self.years[0]].round(value)

    def explain(self, quantity: str) -> Node:
        """The explanation tree of a quantity across years, down to the measures of each year."""
        q = parse_quantity(quantity, forms=ALL_FORMS)
        self.value(q)  # refuses a name that is not a quantity of these years
        node = _CycleExplainer(self).quantity(q)
        return attrs.evolve(node, ruleset=(self.ruleset.id, self.ruleset.version))

    def to_json(self, *, code: str | None = None) -> dict[str, Any]:
        """The JSON object of ``ranham trend``; ``code`` keeps one institution's trajectory."""
        from ranham.rules._cycles_output import cycles_json

        return cycles_json(self, code=code)

    # -- argument checks -------------------------------------------------------------------

    def _key(self, code: str) -> str:
        if self._memo.keys is None:
            self.codes  # noqa: B018 - fills the memo
        key = canonical(code) if isinstance(code, str) else code
        if key not in self._memo.tiers:
            raise UnknownNameError(
                f"no dataset given lists {code!r} with assigned actions (matched across "
                "editions of the region codes)"
            )
        return key

    def _tier(self, tier: Tier | str) -> Tier:
        return self.by_year[self.years[0]]._tier(tier)

    def _routed(self, q: Quantity) -> tuple[Scores, Quantity]:
        """A name of one year that holds a period, translated to that year's codes."""
        period = ReportingPeriod.parse(q.args[-1])
        scores = self.scores(period.year)
        args = list(q.args)
        if q.function in ("S", "s"):
            listed = scores.listed(args[0])
            args[0] = listed if listed is not None else args[0]
        return scores, Quantity(q.function, tuple(args))


def _parse(quantity: str | Quantity) -> Quantity:
    if isinstance(quantity, Quantity):
        return quantity
    return parse_quantity(quantity, forms=ALL_FORMS)


def _kind(arg: str) -> str:
    if arg == _PLAN:
        return "plan"
    return "year" if _YEAR.fullmatch(arg) else "period"


def _signature(q: Quantity) -> tuple[str, int, str]:
    return (q.function, len(q.args), _kind(q.args[-1]) if q.args else "")


def _year(text: str) -> int:
    return int(text)


def _is_tier(text: str) -> bool:
    return text in {t.value for t in TIERS}


def _change_of(cycles: Cycles, subject: str, year: str) -> Fraction | None:
    if _is_tier(subject):
        return cycles.tier_change(subject, _year(year))
    return cycles.change(subject, _year(year))


def _route(function: str) -> Callable[..., Value]:
    def answer(cycles: Cycles, *args: str) -> Value:
        scores, q = cycles._routed(Quantity(function, args))
        return QUANTITIES[function, len(args)](scores, *q.args)

    return answer


CYCLE_QUANTITIES: dict[tuple[str, int, str], Callable[..., Value]] = {
    ("S", 2, "year"): lambda c, code, y: c.annual(code, _year(y)),
    ("T", 2, "year"): lambda c, tier, y: c.tier_annual(tier, _year(y)),
    ("N", 1, "year"): lambda c, y: c.national(_year(y)),
    ("ratio", 2, "year"): lambda c, tier, y: c.ratio(tier, _year(y)),
    ("participation", 2, "year"): lambda c, tier, y: c.participation(tier, _year(y)),
    ("change", 2, "year"): _change_of,
    ("change", 1, "year"): lambda c, y: c.national_change(_year(y)),
    ("S", 2, "plan"): lambda c, code, _: c.plan_score(code),
    ("T", 2, "plan"): lambda c, tier, _: c.tier_plan(tier),
    ("N", 1, "plan"): lambda c, _: c.national_plan(),
    ("s", 3, "period"): _route("s"),
    ("S", 2, "period"): _route("S"),
    ("T", 2, "period"): _route("T"),
    ("N", 1, "period"): _route("N"),
    ("participation", 2, "period"): _route("participation"),
}
"""The registry of names across years: (function, arguments, kind of the last argument: a
``year``, ``plan`` or ``period``) → the method that answers it. Anything else is refused with
:class:`~ranham.errors.UnknownNameError`, never read as another name."""


class _CycleExplainer:
    """Builds the nodes of names across years; each year's own tree comes from its explainer."""

    def __init__(self, cycles: Cycles) -> None:
        self.c = cycles
        self.explainers: dict[int, _Explainer] = {}

    def year(self, year: int) -> _Explainer:
        found = self.explainers.get(year)
        if found is None:
            found = self.explainers[year] = _Explainer(self.c.scores(year))
        return found

    def quantity(self, q: Quantity) -> Node:
        build = _NODES.get(_signature(q))
        if build is None:
            scores, routed = self.c._routed(q)
            return self.year(scores.year).quantity(routed)
        return build(self, *q.args)

    def _node(
        self,
        quantity: str,
        value: NodeValue,
        why: Message,
        children: tuple[Node, ...],
        *,
        change: bool = False,
        params: Mapping[str, str] | None = None,
    ) -> Node:
        exact = value if isinstance(value, Fraction) else None
        rounded = fixed_change(exact, self.c.places) if change else self.c.round(exact)
        return Node(
            quantity=quantity,
            value=value,
            rounded=rounded,
            step="cycle",
            params=params or {},
            why=why,
            children=children,
        )

    def annual(self, code: str, year: str) -> Node:
        y = _year(year)
        key = self.c._key(code)
        listed = self.c.listed(key, y)
        if listed is None:
            return self._node(name("S", key, y), None, Message("cycle.absent", {"year": y}), ())
        below = self.year(y).institution_annual(listed)
        why = Message("cycle.annual", {"year": y})
        return self._node(name("S", key, y), below.value, why, (below,))

    def tier_annual(self, tier: str, year: str) -> Node:
        y = _year(year)
        below = self.year(y).tier_annual(self.c._tier(tier))
        why = Message("cycle.annual", {"year": y})
        return self._node(name("T", tier, y), self.c.tier_annual(tier, y), why, (below,))

    def national(self, year: str) -> Node:
        y = _year(year)
        below = self.year(y).national()
        return self._node(
            name("N", y), self.c.national(y), Message("cycle.annual", {"year": y}), (below,)
        )

    def ratio(self, tier: str, year: str) -> Node:
        y = _year(year)
        below = self.year(y).ratio(self.c._tier(tier))
        why = Message("cycle.annual", {"year": y})
        return self._node(name("ratio", tier, y), self.c.ratio(tier, y), why, (below,))

    def participation(self, tier: str, year: str) -> Node:
        y = _year(year)
        explainer, scores = self.year(y), self.c.scores(y)
        t = self.c._tier(tier)
        parts = tuple(explainer.participation(t, p) for p in scores.periods)
        why = Message("cycle.mean-participation", {"count": len(parts), "year": y})
        return self._node(name("participation", tier, y), self.c.participation(t, y), why, parts)

    def change(self, *args: str) -> Node:
        year = _year(args[-1])
        subject = args[0] if len(args) == 2 else ""
        of: Callable[[str], Node]
        if not subject:
            of = self.national
            value = self.c.national_change(year)
        elif _is_tier(subject):
            tier = subject
            of = lambda y: self.tier_annual(tier, y)  # noqa: E731
            value = self.c.tier_change(tier, year)
        else:
            subject = key = self.c._key(subject)
            of = lambda y: self.annual(key, y)  # noqa: E731
            value = self.c.change(key, year)
        children = [of(str(year))]
        if year - 1 in self.c.by_year:
            children.append(of(str(year - 1)))
        key = "cycle.change" if value is not None else "cycle.change-undefined"
        why = Message(key, {"year": year, "previous": year - 1})
        quantity = name("change", *([subject] if subject else []), year)
        return self._node(quantity, value, why, tuple(children), change=True)

    def _plan_node(self, quantity: str, value: Fraction | None, parts: list[Node]) -> Node:
        counted = sum(1 for p in parts if p.value is not None)
        if self.c.missing_year is MissingYear.ZERO:
            counted = len(parts)
        why = (
            Message(
                "cycle.plan",
                {"counted": counted, "given": len(self.c.years)},
            )
            if value is not None
            else Message("cycle.plan-undefined")
        )
        params = {"cycle.missing_year": self.c.missing_year.value}
        return self._node(quantity, value, why, tuple(parts), params=params)

    def plan_score(self, code: str, _: str) -> Node:
        key = self.c._key(code)
        parts = [self.annual(key, str(y)) for y in self.c.counted_years(key)]
        return self._plan_node(name("S", key, _PLAN), self.c.plan_score(key), parts)

    def tier_plan(self, tier: str, _: str) -> Node:
        t = self.c._tier(tier)
        years = [y for y in self.c.years if self.c.by_year[y].members(t)]
        parts = [self.tier_annual(tier, str(y)) for y in years]
        return self._plan_node(name("T", tier, _PLAN), self.c.tier_plan(t), parts)

    def national_plan(self, _: str) -> Node:
        years = [y for y in self.c.years if self.c.by_year[y].codes]
        parts = [self.national(str(y)) for y in years]
        return self._plan_node(name("N", _PLAN), self.c.national_plan(), parts)


_NODES: dict[tuple[str, int, str], Callable[..., Node]] = {
    ("S", 2, "year"): _CycleExplainer.annual,
    ("T", 2, "year"): _CycleExplainer.tier_annual,
    ("N", 1, "year"): _CycleExplainer.national,
    ("ratio", 2, "year"): _CycleExplainer.ratio,
    ("participation", 2, "year"): _CycleExplainer.participation,
    ("change", 2, "year"): _CycleExplainer.change,
    ("change", 1, "year"): _CycleExplainer.change,
    ("S", 2, "plan"): _CycleExplainer.plan_score,
    ("T", 2, "plan"): _CycleExplainer.tier_plan,
    ("N", 1, "plan"): _CycleExplainer.national_plan,
}

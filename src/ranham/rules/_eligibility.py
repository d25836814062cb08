"""Incentive eligibility and ranking (``scoring.md``, "Incentive eligibility").

An institution with assigned actions is **eligible** when every criterion the rule set enables
holds. Eligible institutions are ranked within their tier by exact annual score (highest first,
an undefined score last), ties broken by code; ranks are 1, 2, 3, … with none shared.

>>> from ranham.rules.cases import SHIPPED_CASES
>>> from ranham import io
>>> from ranham.rules import eligibility
>>> result = eligibility(io.load(SHIPPED_CASES / "bekasi-2022.json"))
>>> bekasi = result.decision("32.16")
>>> bekasi.eligible, [(c.criterion.value, c.passed) for c in bekasi.criteria]
(False, [('reported-on-time', False), ('all-verified', False), ('annual-score', False), \
('no-allegation', False)])
>>> bekasi.criteria[2].observed.text("id"), bekasi.criteria[0].observed.text("id")
('44.44', '2 dari 3 periode tepat waktu')
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import date
from fractions import Fraction
from typing import TypeAlias

import attrs

from ranham.errors import MissingYearsError, UnknownNameError
from ranham.model import Allegation, Dataset, ReportStatus, Tier
from ranham.periods import Timing
from ranham.rules._json_types import EligibilityJson
from ranham.rules.numbers import at_least
from ranham.rules.quantities import Quantity, parse_quantity, unknown
from ranham.rules.ruleset import Criterion, RuleSet
from ranham.rules.scoring import QUANTITIES, Scores, Shown, Value, as_tier, score
from ranham.rules.texts import Message
from ranham.words import Lang

__all__ = [
    "JUDGES",
    "CriterionResult",
    "Decision",
    "Eligibility",
    "allegation_window",
    "counted_allegations",
    "decide",
    "eligibility",
    "needed_years",
    "on_time_count",
    "previous_annual",
]


@attrs.frozen(kw_only=True)
class CriterionResult:
    """One criterion judged for one institution: passed or not, observed and required values."""

    criterion: Criterion
    passed: bool
    observed: Message
    required: Message


@attrs.frozen(kw_only=True)
class Decision:
    """The eligibility decision for one institution, with every enabled criterion, in order."""

    code: str
    tier: Tier
    eligible: bool
    rank: int | None
    criteria: tuple[CriterionResult, ...]

    @property
    def failed(self) -> tuple[CriterionResult, ...]:
        """The criteria that do not hold, in the rule set's order."""
        return tuple(c for c in self.criteria if not c.passed)


def eligibility(
    dataset: Dataset, ruleset: RuleSet | str | os.PathLike[str] | None = None
) -> Eligibility:
    """The incentive-eligibility decisions for ``dataset`` (rule set as for :func:`score`)."""
    return score(dataset, ruleset).eligibility()


def allegation_window(scores: Scores) -> tuple[date, date]:
    """The dates an allegation counts in: 1 January of the year to the cut-off of the next year."""
    cutoff = scores.ruleset.eligibility.allegation_cutoff
    return date(scores.year, 1, 1), cutoff.in_year(scores.year + 1)


def counted_allegations(scores: Scores, allegations: tuple[Allegation, ...]) -> int:
    """How many of ``allegations`` fall within :func:`allegation_window`, both ends included."""
    start, end = allegation_window(scores)
    return sum(1 for a in allegations if start <= a.reported_on <= end)


def _plain(text: str) -> Message:
    return Message("plain", {"text": text})


class _Context:
    """What judging one dataset's institutions shares: the scores and allegations by code."""

    def __init__(self, scores: Scores) -> None:
        self.scores = scores
        self.rules = scores.ruleset.eligibility
        self.total = len(scores.periods)
        self.allegations: dict[str, list[Allegation]] = {}
        for allegation in scores.dataset.allegations:
            self.allegations.setdefault(allegation.institution, []).append(allegation)

    def history(self, year: int) -> Scores:
        """The scores of ``year`` under this rule set (:func:`needed_years` checked it is given)."""
        other = self.scores.history[year]
        if other.ruleset != self.scores.ruleset:
            other = Scores(dataset=other.dataset, ruleset=self.scores.ruleset)
        return other


Judge: TypeAlias = Callable[[_Context, str], CriterionResult]


def on_time_count(scores: Scores, code: str) -> int:
    """How many of the year's periods ``code`` reported for on time (within the window)."""
    catalog = scores.dataset.catalog
    tz = catalog.plan.tz
    count = 0
    for period in scores.periods:
        report = scores.report_count(code, period).report
        if report is not None and report.timing(catalog.windows[period.code], tz) is Timing.ON_TIME:
            count += 1
    return count


def _reported_on_time(ctx: _Context, code: str) -> CriterionResult:
    n = on_time_count(ctx.scores, code)
    return _count_result(Criterion.REPORTED_ON_TIME, n, ctx.total, "observed.on-time")


def _all_verified(ctx: _Context, code: str) -> CriterionResult:
    scores = ctx.scores
    reports = [scores.report_count(code, p).report for p in scores.periods]
    n = sum(1 for r in reports if r is not None and r.status is ReportStatus.VERIFIED)
    return _count_result(Criterion.ALL_VERIFIED, n, ctx.total, "observed.verified")


def _annual_score(ctx: _Context, code: str) -> CriterionResult:
    scores = ctx.scores
    annual = scores.institution_annual(code)
    shown = scores.round(annual)
    return CriterionResult(
        criterion=Criterion.ANNUAL_SCORE,
        passed=at_least(annual, ctx.rules.annual_score_min, scores.places),
        observed=Message("observed.undefined") if shown is None else _plain(shown),
        required=_plain(scores.round(ctx.rules.annual_score_min) or ""),
    )


def _no_allegation(ctx: _Context, code: str) -> CriterionResult:
    n = counted_allegations(ctx.scores, tuple(ctx.allegations.get(code, ())))
    return CriterionResult(
        criterion=Criterion.NO_ALLEGATION,
        passed=n == 0,
        observed=_allegations_message(n),
        required=Message("observed.none"),
    )


def _previous_year_score(ctx: _Context, code: str) -> CriterionResult:
    scores = ctx.scores
    minimum = ctx.rules.previous_year_score_min or Fraction(0)
    required = _plain(scores.round(minimum) or "")
    year = scores.year - 1
    first = scores.dataset.catalog.plan.start_year
    criterion = Criterion.PREVIOUS_YEAR_SCORE
    if year < first:
        observed = Message("observed.before-plan", {"year": year, "first": first})
        return CriterionResult(
            criterion=criterion, passed=False, observed=observed, required=required
        )
    value = previous_annual(ctx.history(year), code)
    shown = scores.round(value)
    return CriterionResult(
        criterion=criterion,
        passed=at_least(value, minimum, scores.places),
        observed=Message("observed.undefined-in", {"year": year})
        if shown is None
        else Message("observed.in-year", {"value": shown, "year": year}),
        required=required,
    )


def previous_annual(other: Scores, code: str) -> Fraction | None:
    """``S(code)`` in ``other``'s year, the institution matched across editions.

    ``None`` when it is not listed there, has no assigned action, or did not participate.
    """
    listed = other.listed(code)
    if listed is None or listed not in other.codes:
        return None
    return other.institution_annual(listed)


def _consistent_reporting(ctx: _Context, code: str) -> CriterionResult:
    scores = ctx.scores
    n = ctx.rules.consistent_years or 1
    first = scores.dataset.catalog.plan.start_year
    years = range(scores.year - n + 1, scores.year + 1)
    criterion = Criterion.CONSISTENT_REPORTING
    required = Message("observed.years", {"n": n})
    if years[0] < first:
        observed = Message("observed.before-plan", {"year": years[0], "first": first})
        return CriterionResult(
            criterion=criterion, passed=False, observed=observed, required=required
        )
    held = sum(1 for year in years if on_time_in(ctx, year, code))
    return CriterionResult(
        criterion=criterion,
        passed=held == n,
        observed=Message("observed.years-on-time", {"n": held, "total": n}),
        required=required,
    )


def on_time_in(ctx: _Context, year: int, code: str) -> bool:
    """Whether ``reported-on-time`` holds for ``code`` in ``year`` (matched across editions)."""
    other = ctx.scores if year == ctx.scores.year else ctx.history(year)
    listed = other.listed(code)
    if listed is None or listed not in other.codes:
        return False
    return on_time_count(other, listed) == len(other.periods)


JUDGES: dict[Criterion, Judge] = {
    Criterion.REPORTED_ON_TIME: _reported_on_time,
    Criterion.ALL_VERIFIED: _all_verified,
    Criterion.ANNUAL_SCORE: _annual_score,
    Criterion.NO_ALLEGATION: _no_allegation,
    Criterion.PREVIOUS_YEAR_SCORE: _previous_year_score,
    Criterion.CONSISTENT_REPORTING: _consistent_reporting,
}
"""The registry of criteria: each enabled criterion is judged by its function here. A criterion
without one is refused with :class:`~ranham.errors.UnknownNameError`, never judged as another."""


def needed_years(scores: Scores) -> tuple[int, ...]:
    """The earlier years whose datasets the enabled look-back criteria read, oldest first.

    Only years within the plan count: a year before the plan's first year cannot be given
    (the criterion fails there, saying so).
    """
    rules = scores.ruleset.eligibility
    first = scores.dataset.catalog.plan.start_year
    wanted: set[int] = set()
    if Criterion.PREVIOUS_YEAR_SCORE in rules.criteria:
        wanted.add(scores.year - 1)
    if Criterion.CONSISTENT_REPORTING in rules.criteria and rules.consistent_years:
        wanted.update(range(scores.year - rules.consistent_years + 1, scores.year))
    return tuple(sorted(y for y in wanted if y >= first))


def _check_history(scores: Scores) -> None:
    needed = needed_years(scores)
    missing = [year for year in needed if year not in scores.history]
    if missing:
        enabled = ", ".join(str(c) for c in scores.ruleset.eligibility.look_back)
        raise MissingYearsError(
            f"judging {enabled} for {scores.year} needs the datasets of "
            f"{', '.join(map(str, missing))}, which were not given; give them too (on the "
            "command line: --previous DATASET...).",
            years=missing,
        )


def decide(scores: Scores) -> Eligibility:
    """Judge every institution with assigned actions under ``scores``' rule set, then rank.

    Raises :class:`~ranham.errors.MissingYearsError` naming the years whose datasets an
    enabled look-back criterion needs and ``scores.history`` lacks.
    """
    rules = scores.ruleset.eligibility
    judges: list[Judge] = []
    for criterion in rules.criteria:
        judge = JUDGES.get(criterion)
        if judge is None:
            raise UnknownNameError(f"no judge is registered for the criterion {criterion!r}.")
        judges.append(judge)
    if rules.look_back:
        _check_history(scores)
    ctx = _Context(scores)
    judged: list[tuple[str, Tier, tuple[CriterionResult, ...]]] = []
    for code in scores.codes:
        results = tuple(judge(ctx, code) for judge in judges)
        judged.append((code, scores.institution(code).tier, results))
    ranks = _ranks(
        scores, [(code, tier) for code, tier, results in judged if all(r.passed for r in results)]
    )
    decisions = tuple(
        Decision(
            code=code,
            tier=tier,
            eligible=all(r.passed for r in results),
            rank=ranks.get(code),
            criteria=results,
        )
        for code, tier, results in judged
    )
    return Eligibility(scores=scores, decisions=decisions)


def _allegations_message(n: int) -> Message:
    if n == 0:
        return Message("observed.none")
    return Message("observed.allegation" if n == 1 else "observed.allegations", {"n": n})


def _count_result(criterion: Criterion, n: int, total: int, key: str) -> CriterionResult:
    return CriterionResult(
        criterion=criterion,
        passed=n == total,
        observed=Message(key, {"n": n, "total": total}),
        required=Message("observed.count", {"total": total}),
    )


def _ranks(scores: Scores, eligible: list[tuple[str, Tier]]) -> dict[str, int]:
    by_tier: dict[Tier, list[str]] = {}
    for code, tier in eligible:
        by_tier.setdefault(tier, []).append(code)
    ranks: dict[str, int] = {}
    for codes in by_tier.values():
        codes.sort(key=lambda c: _rank_key(scores.institution_annual(c), c))
        ranks.update({code: index for index, code in enumerate(codes, start=1)})
    return ranks


def _rank_key(annual: Fraction | None, code: str) -> tuple[bool, Fraction, str]:
    return (annual is None, -annual if annual is not None else Fraction(0), code)


@attrs.frozen(kw_only=True)
class Eligibility:
    """Every eligibility decision of a dataset under one rule set, ordered by code."""

    scores: Scores
    decisions: tuple[Decision, ...]
    _by_code: Mapping[str, Decision] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {d.code: d for d in self.decisions})

    @property
    def ruleset(self) -> RuleSet:
        """The rule set that decided."""
        return self.scores.ruleset

    def decision(self, code: str) -> Decision:
        """The decision for ``code``; :class:`~ranham.errors.UnknownNameError` if not judged."""
        try:
            return self._by_code[code]
        except KeyError:
            raise UnknownNameError(
                f"no eligibility decision for {code!r}: only institutions with assigned actions "
                "are judged."
            ) from None

    def ranked(self, tier: Tier | str) -> tuple[Decision, ...]:
        """The eligible institutions of ``tier``, in rank order.

        Raises :class:`~ranham.errors.UnknownChoiceError` (a :class:`ValueError` and a
        :class:`LookupError`) for a text that is not a tier.
        """
        chosen = as_tier(tier)
        found = [d for d in self.decisions if d.tier is chosen and d.rank is not None]
        return tuple(sorted(found, key=lambda d: d.rank or 0))

    def value(self, quantity: str | Quantity) -> Value:
        """The exact value of a named quantity.

        ``eligible(CODE)`` and ``rank(CODE)`` are answered here, every other name by
        :meth:`Scores.value`.
        """
        q = quantity if isinstance(quantity, Quantity) else parse_quantity(quantity)
        answer = DECISION_QUANTITIES.get((q.function, len(q.args)))
        if answer is None:
            if (q.function, len(q.args)) not in QUANTITIES:
                raise unknown(str(q))
            return self.scores.value(q)
        code = q.args[0]
        if code not in self._by_code:
            raise unknown(
                str(q), f"{code} is not judged: only institutions with assigned actions are"
            )
        return answer(self._by_code[code])

    def shown(self, quantity: str | Quantity) -> Shown:
        """A named quantity as JSON shows it."""
        return self.scores.show(self.value(quantity))

    def to_json(self, *, lang: Lang = "en", tier: Tier | str | None = None) -> EligibilityJson:
        """The JSON object of ``ranham eligibility``; ``observed``/``required`` in ``lang``.

        ``tier`` keeps that tier's decisions only (a :class:`~ranham.model.Tier` or its value;
        another string raises :class:`~ranham.errors.UnknownChoiceError`, a
        :class:`ValueError`). When the rule set enables a look-back
        criterion, ``years`` lists every year the decisions read (the year judged and the
        earlier years within the plan), oldest first.
        """
        from ranham.rules.output import eligibility_json

        data = eligibility_json(self, lang=lang, tier=None if tier is None else as_tier(tier).value)
        if self.ruleset.eligibility.look_back:
            years = sorted({self.scores.year, *needed_years(self.scores)})
            return {
                "ruleset": data["ruleset"],
                "year": data["year"],
                "years": years,
                "decisions": data["decisions"],
            }
        return data


DECISION_QUANTITIES: dict[tuple[str, int], Callable[[Decision], Value]] = {
    ("eligible", 1): lambda decision: decision.eligible,
    ("rank", 1): lambda decision: decision.rank,
}
"""The registry of quantities answered by a decision: (function, arguments) → its reader."""

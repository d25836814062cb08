"""Incentive eligibility and ranking (``scoring.md``, "Incentive eligibility").

An institution with assigned actions is **eligible** when every criterion the rule set enables
holds. Eligible institutions are ranked within their tier by exact annual score (highest first,
an undefined score last), ties broken by code; ranks are 1, 2, 3, … with none shared.

>>> from ranham.rules.cases import SHIPPED_CASES
>>> from ranham import io
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
from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from typing import Any

import attrs

from ranham.errors import UnknownNameError
from ranham.model import Allegation, Dataset, ReportStatus, Tier
from ranham.periods import Timing
from ranham.rules.numbers import at_least
from ranham.rules.quantities import Quantity, parse_quantity, unknown
from ranham.rules.ruleset import Criterion, RuleSet
from ranham.rules.scoring import Scores, Shown, Value, score
from ranham.rules.texts import Message
from ranham.validation.messages import Lang

__all__ = [
    "CriterionResult",
    "Decision",
    "Eligibility",
    "allegation_window",
    "counted_allegations",
    "decide",
    "eligibility",
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


def decide(scores: Scores) -> Eligibility:
    """Judge every institution with assigned actions under ``scores``' rule set, then rank."""
    rules = scores.ruleset.eligibility
    by_code: dict[str, list[Allegation]] = {}
    for allegation in scores.dataset.allegations:
        by_code.setdefault(allegation.institution, []).append(allegation)
    catalog = scores.dataset.catalog
    tz = catalog.plan.tz
    total = len(scores.periods)
    judged: list[tuple[str, Tier, tuple[CriterionResult, ...]]] = []
    for code in scores.codes:
        reports = [scores.report_count(code, p).report for p in scores.periods]
        results: list[CriterionResult] = []
        for criterion in rules.criteria:
            if criterion is Criterion.REPORTED_ON_TIME:
                n = sum(
                    1
                    for r in reports
                    if r is not None
                    and r.timing(catalog.windows[r.period.code], tz) is Timing.ON_TIME
                )
                results.append(_count_result(criterion, n, total, "observed.on-time"))
            elif criterion is Criterion.ALL_VERIFIED:
                n = sum(1 for r in reports if r is not None and r.status is ReportStatus.VERIFIED)
                results.append(_count_result(criterion, n, total, "observed.verified"))
            elif criterion is Criterion.ANNUAL_SCORE:
                annual = scores.institution_annual(code)
                shown = scores.round(annual)
                results.append(
                    CriterionResult(
                        criterion=criterion,
                        passed=at_least(annual, rules.annual_score_min, scores.places),
                        observed=Message("observed.undefined") if shown is None else _plain(shown),
                        required=_plain(scores.round(rules.annual_score_min) or ""),
                    )
                )
            else:
                n = counted_allegations(scores, tuple(by_code.get(code, ())))
                results.append(
                    CriterionResult(
                        criterion=criterion,
                        passed=n == 0,
                        observed=_allegations_message(n),
                        required=Message("observed.none"),
                    )
                )
        judged.append((code, scores.institution(code).tier, tuple(results)))
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
        """The eligible institutions of ``tier``, in rank order."""
        tier = Tier(tier)
        found = [d for d in self.decisions if d.tier is tier and d.rank is not None]
        return tuple(sorted(found, key=lambda d: d.rank or 0))

    def value(self, quantity: str | Quantity) -> Value:
        """The exact value of a named quantity.

        ``eligible(CODE)`` and ``rank(CODE)`` are answered here, every other name by
        :meth:`Scores.value`.
        """
        q = quantity if isinstance(quantity, Quantity) else parse_quantity(quantity)
        if q.function not in ("eligible", "rank"):
            return self.scores.value(q)
        code = q.args[0]
        if code not in self._by_code:
            raise unknown(
                str(q), f"{code} is not judged: only institutions with assigned actions are"
            )
        decision = self._by_code[code]
        return decision.eligible if q.function == "eligible" else decision.rank

    def shown(self, quantity: str | Quantity) -> Shown:
        """A named quantity as JSON shows it."""
        return self.scores.show(self.value(quantity))

    def to_json(self, *, lang: Lang = "en", tier: Tier | str | None = None) -> dict[str, Any]:
        """The JSON object of ``ranham eligibility``; ``observed``/``required`` in ``lang``."""
        from ranham.rules.output import eligibility_json

        return eligibility_json(self, lang=lang, tier=None if tier is None else Tier(tier).value)

"""Rule sets: every parameter of scoring and eligibility, with its source, as a frozen value.

A :class:`RuleSet` is what a ``.toml`` rule-set file holds (see :mod:`ranham.rules.loading`):
an id ``PLAN/NAME``, a version, the plan and years it applies to, the scoring parameters, the
tier targets by year, the eligibility criteria and their parameters, and where each parameter
comes from. Constructors refuse a value that breaks a rule with a
:class:`~ranham.errors.RuleSetError` whose ``location`` is the TOML key at fault.

>>> from fractions import Fraction
>>> MonthDay.parse("09-17").in_year(2023)
datetime.date(2023, 9, 17)
>>> MonthDay.parse("02-29")
Traceback (most recent call last):
...
ranham.errors.RuleSetError: eligibility.allegation_cutoff: must be a month-day MM-DD that \
exists in every year, such as "09-17" (got "02-29", which exists only in leap years).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from ranham.errors import RuleSetError
from ranham.model import FrozenMap, Tier
from ranham.rules.numbers import MAX_PLACES, decimals_of, fixed

__all__ = [
    "LOOK_BACK",
    "MAX_CONSISTENT_YEARS",
    "OPTIONAL_PARAMETERS",
    "PARAMETERS",
    "SINGLE_YEAR",
    "Basis",
    "Criterion",
    "CycleRules",
    "EligibilityRules",
    "Late",
    "MissingPeriod",
    "MissingYear",
    "MonthDay",
    "RuleSet",
    "ScoringRules",
]


class Basis(enum.Enum):
    """What counts as a report and a met measure (``scoring.basis``)."""

    VERIFIED = "verified"
    """Verified reports; a measure is met when the verifier found it administratively and
    substantively sound."""
    CLAIMED = "claimed"
    """Submitted, returned or verified reports; a measure is met when claimed and backed by at
    least one evidence item on letterhead and signed (a provisional self-check)."""

    def __str__(self) -> str:
        return self.value


class Late(enum.Enum):
    """What a report first submitted after its window closed counts for (``scoring.late``)."""

    ACCEPT = "accept"
    REJECT = "reject"

    def __str__(self) -> str:
        return self.value


class MissingPeriod(enum.Enum):
    """How a period without a counted report enters annual scores (``scoring.missing_period``)."""

    ZERO = "zero"
    """Counted as 0; the annual score divides by every period of the year."""
    EXCLUDE = "exclude"
    """Left out; the annual score averages the periods with a counted report."""

    def __str__(self) -> str:
        return self.value


class Criterion(enum.Enum):
    """An incentive-eligibility criterion (``eligibility.criteria``)."""

    REPORTED_ON_TIME = "reported-on-time"
    ALL_VERIFIED = "all-verified"
    ANNUAL_SCORE = "annual-score"
    NO_ALLEGATION = "no-allegation"
    PREVIOUS_YEAR_SCORE = "previous-year-score"
    """Looks back: the annual score of the year before is at least a minimum."""
    CONSISTENT_REPORTING = "consistent-reporting"
    """Looks back: reported on time in each of the last ``consistent_years`` years."""

    def __str__(self) -> str:
        return self.value


SINGLE_YEAR: tuple[Criterion, ...] = (
    Criterion.REPORTED_ON_TIME,
    Criterion.ALL_VERIFIED,
    Criterion.ANNUAL_SCORE,
    Criterion.NO_ALLEGATION,
)
"""The criteria judged from one year's dataset, the default rule set's four, in its order."""

LOOK_BACK: tuple[Criterion, ...] = (Criterion.PREVIOUS_YEAR_SCORE, Criterion.CONSISTENT_REPORTING)
"""The criteria that need the datasets of earlier years (``scoring.md``, "Across years")."""

MAX_CONSISTENT_YEARS = 100
"""The largest ``eligibility.consistent_years`` a rule set may ask for."""


class MissingYear(enum.Enum):
    """How a year without a defined annual score enters a plan-period mean (``missing_year``)."""

    EXCLUDE = "exclude"
    """Left out: the plan-period mean averages the years whose score is defined."""
    ZERO = "zero"
    """Counted as 0 (only years in which the institution had assigned actions count at all)."""

    def __str__(self) -> str:
        return self.value


PARAMETERS: tuple[str, ...] = (
    "scoring.basis",
    "scoring.late",
    "scoring.missing_period",
    "scoring.achieved_min",
    "scoring.places",
    "eligibility.criteria",
    "eligibility.annual_score_min",
    "eligibility.allegation_cutoff",
)
"""Every required parameter key of a rule set, besides ``targets.YEAR`` (one per year with
targets). The optional keys are :data:`OPTIONAL_PARAMETERS`."""

OPTIONAL_PARAMETERS: tuple[str, ...] = (
    "eligibility.previous_year_score_min",
    "eligibility.consistent_years",
    "cycle.missing_year",
)
"""The parameters a rule set may leave out: those of the look-back criteria (required exactly
when the criterion is enabled) and ``cycle.missing_year`` (default ``"exclude"``)."""

_MONTH_DAY = re.compile(r"(\d\d)-(\d\d)")
_SLUG = re.compile(r"[a-z0-9][a-z0-9._-]{0,127}")


def _refuse(location: str, message: str) -> RuleSetError:
    return RuleSetError(message, location=location)


@attrs.frozen
class MonthDay:
    """A day of the year without the year (``"09-17"``), valid in every year: never 29 February."""

    month: int
    day: int

    def __attrs_post_init__(self) -> None:
        try:
            date(2001, self.month, self.day)  # 2001 is not a leap year
        except (TypeError, ValueError):
            leap = (self.month, self.day) == (2, 29)
            raise _refuse(
                "eligibility.allegation_cutoff",
                'must be a month-day MM-DD that exists in every year, such as "09-17" '
                f'(got "{self.month:02d}-{self.day:02d}"'
                f"{', which exists only in leap years' if leap else ''}).",
            ) from None

    @classmethod
    def parse(cls, text: str) -> MonthDay:
        """Read ``"MM-DD"``."""
        match = _MONTH_DAY.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise _refuse(
                "eligibility.allegation_cutoff",
                f'must be a month-day written MM-DD, such as "09-17" (got {text!r}).',
            )
        return cls(int(match.group(1)), int(match.group(2)))

    def in_year(self, year: int) -> date:
        """This day in ``year``."""
        return date(year, self.month, self.day)

    def __str__(self) -> str:
        return f"{self.month:02d}-{self.day:02d}"


def check_threshold(location: str, value: object, places: int) -> Fraction:
    """A percentage threshold: a number from 0 to 100 with at most ``places`` decimals."""
    if not isinstance(value, Fraction):
        raise _refuse(
            location,
            "must be an exact number from 0 to 100: an int, Fraction or Decimal, never a float "
            f"(got {value!r}).",
        )
    if not 0 <= value <= 100:
        raise _refuse(location, f"must be a number from 0 to 100 (got {_show(value)}).")
    needed = decimals_of(value)
    if needed is None or needed > places:
        raise _refuse(
            location,
            f"must have at most scoring.places = {places} decimals, because it is compared "
            f"with a score rounded to {places} decimals (got {_show(value)}); write "
            f"{fixed(value, places)} or raise scoring.places.",
        )
    return value


def exact(value: Any) -> Any:
    """An ``int`` or :class:`~decimal.Decimal` as the :class:`Fraction` it is; others unchanged."""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return Fraction(value)
    return value


def _show(value: Fraction) -> str:
    needed = decimals_of(value)
    if needed is None:
        return f"{value.numerator}/{value.denominator}"
    return fixed(value, needed) or ""


@attrs.frozen(kw_only=True)
class ScoringRules:
    """The ``[scoring]`` table: how reports and measures count, and how scores round."""

    basis: Basis = Basis.VERIFIED
    late: Late = Late.ACCEPT
    missing_period: MissingPeriod = MissingPeriod.ZERO
    achieved_min: Fraction = attrs.field(default=Fraction(100), converter=exact)
    places: int = 2

    def __attrs_post_init__(self) -> None:
        for name, kind in (("basis", Basis), ("late", Late), ("missing_period", MissingPeriod)):
            value = getattr(self, name)
            if not isinstance(value, kind):
                choices = " or ".join(f'"{m.value}"' for m in kind)
                raise _refuse(f"scoring.{name}", f"must be {choices} (got {value!r}).")
        if type(self.places) is not int or not 0 <= self.places <= MAX_PLACES:
            raise _refuse(
                "scoring.places",
                f"must be a whole number of decimals from 0 to {MAX_PLACES} (got {self.places!r}).",
            )
        check_threshold("scoring.achieved_min", self.achieved_min, self.places)


@attrs.frozen(kw_only=True)
class EligibilityRules:
    """The ``[eligibility]`` table: the enabled criteria, in order, and their parameters."""

    criteria: tuple[Criterion, ...] = SINGLE_YEAR
    annual_score_min: Fraction = attrs.field(default=Fraction(80), converter=exact)
    allegation_cutoff: MonthDay = MonthDay(9, 17)
    previous_year_score_min: Fraction | None = attrs.field(default=None, converter=exact)
    """The minimum of ``previous-year-score``; ``None`` exactly when it is not enabled."""
    consistent_years: int | None = None
    """The *N* of ``consistent-reporting``; ``None`` exactly when it is not enabled."""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.criteria, tuple) or not all(
            isinstance(c, Criterion) for c in self.criteria
        ):
            raise _refuse(
                "eligibility.criteria",
                f"must be a list of criterion ids ({_criteria_list()}) (got {self.criteria!r}).",
            )
        if len(set(self.criteria)) != len(self.criteria):
            raise _refuse(
                "eligibility.criteria",
                f"must name each criterion once (got {', '.join(str(c) for c in self.criteria)}).",
            )
        if not isinstance(self.allegation_cutoff, MonthDay):
            raise _refuse(
                "eligibility.allegation_cutoff",
                f"must be a MonthDay (got {self.allegation_cutoff!r}).",
            )
        for criterion, key, example in (
            (Criterion.PREVIOUS_YEAR_SCORE, "previous_year_score_min", "80"),
            (Criterion.CONSISTENT_REPORTING, "consistent_years", "2"),
        ):
            given = getattr(self, key) is not None
            if criterion in self.criteria and not given:
                raise _refuse(
                    f"eligibility.{key}",
                    f"is required because the criterion {criterion} is enabled; add it, e.g. "
                    f"{key} = {example}.",
                )
            if given and criterion not in self.criteria:
                raise _refuse(
                    f"eligibility.{key}",
                    f"is a parameter of a criterion that is not enabled ({criterion}); enable "
                    "it in eligibility.criteria or remove the key.",
                )
        years = self.consistent_years
        if years is not None and (type(years) is not int or not 1 <= years <= MAX_CONSISTENT_YEARS):
            raise _refuse(
                "eligibility.consistent_years",
                f"must be a whole number of years from 1 to {MAX_CONSISTENT_YEARS} "
                f"(got {years!r}).",
            )

    @property
    def look_back(self) -> tuple[Criterion, ...]:
        """The enabled criteria that need earlier years, in the rule set's order."""
        return tuple(c for c in self.criteria if c in LOOK_BACK)


@attrs.frozen(kw_only=True)
class CycleRules:
    """The optional ``[cycle]`` table: how years enter plan-period means."""

    missing_year: MissingYear = MissingYear.EXCLUDE

    def __attrs_post_init__(self) -> None:
        value: object = self.missing_year
        if not isinstance(value, MissingYear):
            choices = " or ".join(f'"{m.value}"' for m in MissingYear)
            raise _refuse("cycle.missing_year", f"must be {choices} (got {value!r}).")


def _criteria_list() -> str:
    return ", ".join(f'"{c.value}"' for c in Criterion)


def _freeze_targets(
    value: Mapping[int, Mapping[Tier, Fraction]],
) -> FrozenMap[int, FrozenMap[Tier, Fraction]]:
    if not isinstance(value, Mapping):
        raise _refuse("targets", f"must be a table of years (got {value!r}).")
    return FrozenMap(
        (year, FrozenMap((tier, exact(target)) for tier, target in tiers.items()))
        for year, tiers in sorted(value.items())
    )


def _freeze_sources(value: Mapping[str, str]) -> FrozenMap[str, str]:
    if not isinstance(value, Mapping):
        raise _refuse("sources", f"must be a table of parameter = source (got {value!r}).")
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


@attrs.frozen(kw_only=True)
class RuleSet:
    """A versioned set of scoring and eligibility rules for one plan and a range of years.

    ``targets`` maps a year to the target (percent) of each tier that has one; ``sources``
    maps a parameter key (``"scoring.basis"``, ``"targets.2022"``) to the regulation, published
    figure or decision it rests on. ``origin`` says where the rule set was read from.
    """

    id: str
    version: str
    plan: str
    years: tuple[int, int]
    scoring: ScoringRules = attrs.field(factory=ScoringRules)
    targets: FrozenMap[int, FrozenMap[Tier, Fraction]] = attrs.field(
        factory=FrozenMap, converter=_freeze_targets
    )
    eligibility: EligibilityRules = attrs.field(factory=EligibilityRules)
    sources: FrozenMap[str, str] = attrs.field(factory=FrozenMap, converter=_freeze_sources)
    origin: str = attrs.field(default="", eq=False)
    cycle: CycleRules | None = None
    """The ``[cycle]`` table, ``None`` when the file has none (then :attr:`missing_year` is
    ``"exclude"``)."""

    def __attrs_post_init__(self) -> None:
        if type(self.plan) is not str or not _SLUG.fullmatch(self.plan):
            raise _refuse(
                "plan", f'must be a plan id such as "ranham-2021-2025" (got {self.plan!r}).'
            )
        name = self.id.partition("/")[2] if isinstance(self.id, str) else ""
        if (
            not isinstance(self.id, str)
            or not self.id.startswith(f"{self.plan}/")
            or not _SLUG.fullmatch(name)
        ):
            raise _refuse(
                "id",
                f'must be PLAN/NAME with PLAN the rule set\'s plan ("{self.plan}") and NAME a '
                f'slug, such as "{self.plan}/default" (got {self.id!r}).',
            )
        if type(self.version) is not str or not self.version.strip():
            raise _refuse(
                "version", f'must be a non-blank string such as "1" (got {self.version!r}).'
            )
        self._check_years()
        if not isinstance(self.scoring, ScoringRules):
            raise _refuse("scoring", f"must be a ScoringRules (got {self.scoring!r}).")
        if not isinstance(self.eligibility, EligibilityRules):
            raise _refuse("eligibility", f"must be an EligibilityRules (got {self.eligibility!r}).")
        if self.cycle is not None and not isinstance(self.cycle, CycleRules):
            raise _refuse("cycle", f"must be a CycleRules (got {self.cycle!r}).")
        places = self.scoring.places
        check_threshold("eligibility.annual_score_min", self.eligibility.annual_score_min, places)
        if self.eligibility.previous_year_score_min is not None:
            check_threshold(
                "eligibility.previous_year_score_min",
                self.eligibility.previous_year_score_min,
                places,
            )
        for year, tiers in self.targets.items():
            if type(year) is not int or not self.first_year <= year <= self.last_year:
                raise _refuse(
                    f"targets.{year}",
                    f"must be a year the rule set covers, {self.first_year} to {self.last_year} "
                    f"(got {year!r}).",
                )
            for tier, target in tiers.items():
                if not isinstance(tier, Tier):
                    raise _refuse(
                        f"targets.{year}.{tier}",
                        f'is not a tier: use "kl", "provinsi" or "kabkota" (got {tier!r}).',
                    )
                check_threshold(f"targets.{year}.{tier.value}", target, places)
        self._check_sources()

    def _check_years(self) -> None:
        years = self.years
        if (
            not isinstance(years, tuple)
            or len(years) != 2
            or not all(type(y) is int and 1 <= y <= 9999 for y in years)
            or years[0] > years[1]
        ):
            raise _refuse(
                "years",
                "must be [FIRST, LAST], two years with FIRST <= LAST, both included, such as "
                f"[2021, 2025] (got {list(years) if isinstance(years, tuple) else years!r}).",
            )

    def _check_sources(self) -> None:
        known = set(self.parameter_keys)
        for key, text in self.sources.items():
            if key not in known:
                raise _refuse(
                    f'sources."{key}"',
                    f"names no parameter of this rule set; the parameters are: "
                    f"{', '.join(self.parameter_keys)}.",
                )
            if type(text) is not str or not text.strip():
                raise _refuse(
                    f'sources."{key}"',
                    "must be a non-blank string naming a regulation, a published figure or "
                    f'"decision" (got {text!r}).',
                )

    @property
    def first_year(self) -> int:
        """The first year the rule set applies to."""
        return self.years[0]

    @property
    def last_year(self) -> int:
        """The last year the rule set applies to (included)."""
        return self.years[1]

    def covers(self, year: int) -> bool:
        """Whether the rule set applies to ``year``."""
        return self.first_year <= year <= self.last_year

    def target(self, year: int, tier: Tier) -> Fraction | None:
        """The target of ``tier`` in ``year`` (percent); ``None`` when the year has none."""
        tiers = self.targets.get(year)
        return None if tiers is None else tiers.get(tier)

    @property
    def missing_year(self) -> MissingYear:
        """``cycle.missing_year``, ``"exclude"`` when the rule set has no ``[cycle]`` table."""
        return MissingYear.EXCLUDE if self.cycle is None else self.cycle.missing_year

    @property
    def parameter_keys(self) -> tuple[str, ...]:
        """Every parameter key of this rule set, ``targets.YEAR`` included, in file order."""
        years = tuple(f"targets.{year}" for year in self.targets)
        rules = self.eligibility
        given = (
            rules.previous_year_score_min is not None,
            rules.consistent_years is not None,
            self.cycle is not None,
        )
        optional = tuple(
            key for key, is_given in zip(OPTIONAL_PARAMETERS, given, strict=True) if is_given
        )
        return PARAMETERS[:5] + years + PARAMETERS[5:] + optional

    @property
    def missing_sources(self) -> tuple[str, ...]:
        """The parameter keys without a source (a shipped rule set has none)."""
        return tuple(key for key in self.parameter_keys if key not in self.sources)

    def parameters(self) -> dict[str, Any]:
        """Every parameter as shown to people: ``{"scoring.basis": "verified", …}``."""
        places = self.scoring.places
        out: dict[str, Any] = {
            "scoring.basis": self.scoring.basis.value,
            "scoring.late": self.scoring.late.value,
            "scoring.missing_period": self.scoring.missing_period.value,
            "scoring.achieved_min": fixed(self.scoring.achieved_min, places),
            "scoring.places": places,
        }
        for year, tiers in self.targets.items():
            out[f"targets.{year}"] = {t.value: fixed(v, places) for t, v in tiers.items()}
        out["eligibility.criteria"] = [c.value for c in self.eligibility.criteria]
        out["eligibility.annual_score_min"] = fixed(self.eligibility.annual_score_min, places)
        out["eligibility.allegation_cutoff"] = str(self.eligibility.allegation_cutoff)
        if self.eligibility.previous_year_score_min is not None:
            out["eligibility.previous_year_score_min"] = fixed(
                self.eligibility.previous_year_score_min, places
            )
        if self.eligibility.consistent_years is not None:
            out["eligibility.consistent_years"] = self.eligibility.consistent_years
        if self.cycle is not None:
            out["cycle.missing_year"] = self.cycle.missing_year.value
        return out

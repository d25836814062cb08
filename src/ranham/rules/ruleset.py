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
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Any, TypeVar

import attrs

from ranham.errors import RuleSetError, RuleSetProblem
from ranham.model import FrozenMap, Tier
from ranham.rules._toml import describe
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

_MONTH_DAY = re.compile(r"([0-9][0-9])-([0-9][0-9])")
_SLUG = re.compile(r"[a-z0-9][a-z0-9._-]{0,127}")
_T = TypeVar("_T")


def refuse(key: str, en: str, id_: str) -> RuleSetError:
    """A :class:`~ranham.errors.RuleSetError` of one problem at ``key`` (English, Indonesian)."""
    return RuleSetError(en, location=key, message_id=id_)


class Problems:
    """The problems of several checks, gathered so that all of them are reported at once.

    >>> found = Problems()
    >>> found.check(lambda: check_version(" ")), found.check(lambda: check_plan("p"))
    (None, 'p')
    >>> [problem.key for problem in found.found]
    ['version']
    """

    def __init__(self) -> None:
        self.found: list[RuleSetProblem] = []

    def check(self, run: Callable[[], _T]) -> _T | None:
        """``run()``'s value, or ``None`` after noting the problems of its ``RuleSetError``."""
        try:
            return run()
        except RuleSetError as error:
            self.found.extend(error.problems)
            return None

    def add(self, error: RuleSetError) -> None:
        """Note every problem of ``error``."""
        self.found.extend(error.problems)

    def raise_any(self, source: str = "") -> None:
        """Raise one error holding every problem found, if any (duplicates dropped)."""
        if self.found:
            raise RuleSetError(problems=tuple(dict.fromkeys(self.found)), source=source)


@attrs.frozen
class MonthDay:
    """A day of the year without the year (``"09-17"``), valid in every year: never 29 February."""

    month: int
    day: int

    def __attrs_post_init__(self) -> None:
        try:
            date(2001, self.month, self.day)  # 2001 is not a leap year
        except (TypeError, ValueError, OverflowError):
            shown = f"{self.month!r}-{self.day!r}"
            if type(self.month) is int and type(self.day) is int:
                shown = f"{self.month:02d}-{self.day:02d}"
            leap = (self.month, self.day) == (2, 29)
            raise refuse(
                "eligibility.allegation_cutoff",
                'must be a month-day MM-DD that exists in every year, such as "09-17" '
                f'(got "{shown}"{", which exists only in leap years" if leap else ""}).',
                'harus tanggal-bulan MM-DD yang ada di setiap tahun, misalnya "09-17" '
                f'(tertulis "{shown}"{", yang hanya ada di tahun kabisat" if leap else ""}).',
            ) from None

    @classmethod
    def parse(cls, text: str) -> MonthDay:
        """Read ``"MM-DD"`` (ASCII digits only)."""
        match = _MONTH_DAY.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            shown = _short(text)
            raise refuse(
                "eligibility.allegation_cutoff",
                "must be a month-day written MM-DD with digits 0-9, such as "
                f'"09-17" (got {shown}).',
                "harus tanggal-bulan ditulis MM-DD dengan angka 0-9, misalnya "
                f'"09-17" (tertulis {shown}).',
            )
        return cls(int(match.group(1)), int(match.group(2)))

    def in_year(self, year: int) -> date:
        """This day in ``year``."""
        return date(year, self.month, self.day)

    def __str__(self) -> str:
        return f"{self.month:02d}-{self.day:02d}"


def _short(value: object, limit: int = 60) -> str:
    """``value`` for a message, cut to ``limit`` characters (never echo a huge value)."""
    if isinstance(value, Fraction):
        return _show(value)
    if isinstance(value, str | bool | int | Decimal | list | dict):
        return describe(value, limit=limit)
    try:
        shown = repr(value)
    except ValueError:  # an int beyond the conversion limit, inside a container
        shown = f"a {type(value).__name__} too large to show"
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def check_threshold(location: str, value: object, places: int) -> Fraction:
    """A percentage threshold: a number from 0 to 100 with at most ``places`` decimals."""
    if not isinstance(value, Fraction):
        raise refuse(
            location,
            "must be an exact number from 0 to 100: an int, Fraction or Decimal, never a float "
            f"(got {_short(value)}).",
            "harus bilangan eksak dari 0 sampai 100: int, Fraction atau Decimal, bukan float "
            f"(tertulis {_short(value)}).",
        )
    if not 0 <= value <= 100:
        raise refuse(
            location,
            f"must be a number from 0 to 100 (got {_short(value)}).",
            f"harus bilangan dari 0 sampai 100 (tertulis {_short(value)}).",
        )
    needed = decimals_of(value)
    if needed is None or needed > places:
        raise refuse(
            location,
            f"must have at most scoring.places = {places} decimals, because it is compared "
            f"with a score rounded to {places} decimals (got {_short(value)}); write "
            f"{fixed(value, places)} or raise scoring.places.",
            f"paling banyak {places} desimal (scoring.places), karena dibandingkan dengan skor "
            f"yang dibulatkan ke {places} desimal (tertulis {_short(value)}); tulis "
            f"{fixed(value, places)} atau naikkan scoring.places.",
        )
    return value


def exact(value: Any) -> Any:
    """An ``int`` or :class:`~decimal.Decimal` as the :class:`Fraction` it is; others unchanged.

    A :class:`~decimal.Decimal` with an exponent beyond ±``MAX_EXPONENT`` is left unchanged (and
    then refused as not a number of the rule set), so that no huge power of ten is ever built.
    """
    if isinstance(value, Decimal):
        if value.is_finite() and abs(value.as_tuple().exponent) <= MAX_EXPONENT:  # type: ignore[arg-type]
            return Fraction(value)
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    return value


MAX_EXPONENT = 64
"""The largest power of ten a number of a rule set may be written with (``1e64``, ``1e-64``)."""


def _show(value: Fraction) -> str:
    needed = decimals_of(value) if value.denominator.bit_length() <= 512 else None
    if needed is None:
        return f"{value.numerator}/{value.denominator}"
    return fixed(value, needed) or ""


def check_choice(location: str, value: object, kind: type[enum.Enum]) -> Any:
    """``value`` when it is a member of ``kind``."""
    if not isinstance(value, kind):
        choices = " or ".join(f'"{m.value}"' for m in kind)
        pilihan = " atau ".join(f'"{m.value}"' for m in kind)
        raise refuse(
            location,
            f"must be {choices} (got {_short(value)}).",
            f"harus {pilihan} (tertulis {_short(value)}).",
        )
    return value


def check_places(value: object) -> int:
    """``scoring.places``: a whole number of decimals from 0 to ``MAX_PLACES``."""
    if type(value) is not int or not 0 <= value <= MAX_PLACES:
        raise refuse(
            "scoring.places",
            f"must be a whole number of decimals from 0 to {MAX_PLACES} (got {_short(value)}).",
            f"harus bilangan bulat jumlah desimal dari 0 sampai {MAX_PLACES} "
            f"(tertulis {_short(value)}).",
        )
    return value


@attrs.frozen(kw_only=True)
class ScoringRules:
    """The ``[scoring]`` table: how reports and measures count, and how scores round."""

    basis: Basis = Basis.VERIFIED
    late: Late = Late.ACCEPT
    missing_period: MissingPeriod = MissingPeriod.ZERO
    achieved_min: Fraction = attrs.field(default=Fraction(100), converter=exact)
    places: int = 2

    def __attrs_post_init__(self) -> None:
        found = Problems()
        for name, kind in (("basis", Basis), ("late", Late), ("missing_period", MissingPeriod)):
            value = getattr(self, name)
            found.check(partial(check_choice, f"scoring.{name}", value, kind))
        places = found.check(lambda: check_places(self.places))
        if places is not None:
            found.check(lambda: check_threshold("scoring.achieved_min", self.achieved_min, places))
        found.raise_any()


def check_criteria(value: object) -> tuple[Criterion, ...]:
    """``eligibility.criteria``: a tuple of distinct criteria."""
    if not isinstance(value, tuple) or not all(isinstance(c, Criterion) for c in value):
        raise refuse(
            "eligibility.criteria",
            f"must be a list of criterion ids ({_criteria_list()}) (got {_short(value)}).",
            f"harus daftar id kriteria ({_criteria_list()}) (tertulis {_short(value)}).",
        )
    if len(set(value)) != len(value):
        named = ", ".join(str(c) for c in value)
        raise refuse(
            "eligibility.criteria",
            f"must name each criterion once (got {named}).",
            f"setiap kriteria hanya boleh disebut sekali (tertulis {named}).",
        )
    return value


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
        found = Problems()
        found.check(lambda: check_criteria(self.criteria))
        cutoff: object = self.allegation_cutoff
        if not isinstance(cutoff, MonthDay):
            found.add(
                refuse(
                    "eligibility.allegation_cutoff",
                    f"must be a MonthDay (got {_short(cutoff)}).",
                    f"harus MonthDay (tertulis {_short(cutoff)}).",
                )
            )
        for criterion, key, example in (
            (Criterion.PREVIOUS_YEAR_SCORE, "previous_year_score_min", "80"),
            (Criterion.CONSISTENT_REPORTING, "consistent_years", "2"),
        ):
            given = getattr(self, key) is not None
            if criterion in self.criteria and not given:
                found.add(
                    refuse(
                        f"eligibility.{key}",
                        f"is required because the criterion {criterion} is enabled; add it, "
                        f"e.g. {key} = {example}.",
                        f"wajib ada karena kriteria {criterion} diaktifkan; tambahkan, misalnya "
                        f"{key} = {example}.",
                    )
                )
            if given and criterion not in self.criteria:
                found.add(
                    refuse(
                        f"eligibility.{key}",
                        f"is a parameter of a criterion that is not enabled ({criterion}); "
                        "enable it in eligibility.criteria or remove the key.",
                        f"adalah parameter kriteria yang tidak diaktifkan ({criterion}); "
                        "aktifkan di eligibility.criteria atau hapus kuncinya.",
                    )
                )
        years = self.consistent_years
        if years is not None and (type(years) is not int or not 1 <= years <= MAX_CONSISTENT_YEARS):
            found.add(
                refuse(
                    "eligibility.consistent_years",
                    f"must be a whole number of years from 1 to {MAX_CONSISTENT_YEARS} "
                    f"(got {_short(years)}).",
                    f"harus bilangan bulat tahun dari 1 sampai {MAX_CONSISTENT_YEARS} "
                    f"(tertulis {_short(years)}).",
                )
            )
        found.raise_any()

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
            choices_id = " atau ".join(f'"{m.value}"' for m in MissingYear)
            raise refuse(
                "cycle.missing_year",
                f"must be {choices} (got {_short(value)}).",
                f"harus {choices_id} (tertulis {_short(value)}).",
            )


def _criteria_list() -> str:
    return ", ".join(f'"{c.value}"' for c in Criterion)


def _freeze_targets(value: Any) -> Any:
    if not isinstance(value, Mapping) or not all(isinstance(t, Mapping) for t in value.values()):
        return value  # refused by check_targets
    items = list(value.items())
    if all(type(year) is int for year, _ in items):
        items.sort()
    return FrozenMap(
        (year, FrozenMap((tier, exact(target)) for tier, target in tiers.items()))
        for year, tiers in items
    )


def _freeze_sources(value: Any) -> Any:
    if not isinstance(value, Mapping) or isinstance(value, FrozenMap):
        return value  # a non-mapping is refused by check_sources
    return FrozenMap(value)


def check_plan(plan: object) -> str:
    """``plan``: a plan id (a lowercase slug)."""
    if type(plan) is not str or not _SLUG.fullmatch(plan):
        raise refuse(
            "plan",
            f'must be a plan id such as "ranham-2021-2025" (got {_short(plan)}).',
            f'harus id rencana aksi seperti "ranham-2021-2025" (tertulis {_short(plan)}).',
        )
    return plan


def check_id(ruleset_id: object, plan: object) -> str:
    """``id``: ``PLAN/NAME`` with ``PLAN`` the rule set's plan and ``NAME`` a slug."""
    name = ruleset_id.partition("/")[2] if isinstance(ruleset_id, str) else ""
    if (
        not isinstance(ruleset_id, str)
        or not ruleset_id.startswith(f"{plan}/")
        or not _SLUG.fullmatch(name)
    ):
        raise refuse(
            "id",
            f'must be PLAN/NAME with PLAN the rule set\'s plan ("{plan}") and NAME a '
            f'slug, such as "{plan}/default" (got {_short(ruleset_id)}).',
            f'harus PLAN/NAMA dengan PLAN rencana aksi aturan ini ("{plan}") dan NAMA '
            f'berupa slug, misalnya "{plan}/default" (tertulis {_short(ruleset_id)}).',
        )
    return ruleset_id


def check_version(version: object) -> str:
    """``version``: a non-blank string of at most 64 printable characters (shown in results)."""
    if (
        type(version) is not str
        or not version.strip()
        or len(version) > 64
        or not version.isprintable()
    ):
        raise refuse(
            "version",
            "must be a non-blank string of at most 64 printable characters (no line breaks or "
            f'control characters), such as "1" (got {_short(version)}).',
            "harus teks yang tidak kosong, paling banyak 64 karakter yang dapat dicetak (tanpa "
            f'ganti baris atau karakter kendali), misalnya "1" (tertulis {_short(version)}).',
        )
    return version


def check_years(years: object) -> tuple[int, int]:
    """``years``: ``(FIRST, LAST)``, two years from 1 to 9999 with ``FIRST <= LAST``."""
    if (
        not isinstance(years, tuple)
        or len(years) != 2
        or not all(type(y) is int and 1 <= y <= 9999 for y in years)
        or years[0] > years[1]
    ):
        shown = _short(list(years) if isinstance(years, tuple) else years)
        raise refuse(
            "years",
            "must be [FIRST, LAST], two years with FIRST <= LAST, both included, such as "
            f"[2021, 2025] (got {shown}).",
            "harus [AWAL, AKHIR], dua tahun dengan AWAL <= AKHIR, keduanya termasuk, misalnya "
            f"[2021, 2025] (tertulis {shown}).",
        )
    return years[0], years[1]


def check_targets(targets: object, years: tuple[int, int], places: int | None) -> None:
    """``targets``: years the rule set covers, tiers, thresholds (all problems at once).

    With ``places`` unknown (``None``, because ``scoring.places`` is refused) the decimals of
    the targets are not checked.
    """
    if not isinstance(targets, Mapping) or not all(
        isinstance(t, Mapping) for t in targets.values()
    ):
        raise refuse(
            "targets",
            f"must be a table of years (got {_short(targets)}).",
            f"harus tabel tahun (tertulis {_short(targets)}).",
        )
    found = Problems()
    first, last = years
    for year, tiers in targets.items():
        if type(year) is not int or not first <= year <= last:
            found.add(
                refuse(
                    f"targets.{year}",
                    f"must be a year the rule set covers, {first} to {last} (got {_short(year)}).",
                    f"harus tahun yang dicakup aturan ini, {first} sampai {last} "
                    f"(tertulis {_short(year)}).",
                )
            )
        for tier, target in tiers.items():
            if not isinstance(tier, Tier):
                found.add(
                    refuse(
                        f"targets.{year}.{tier}",
                        f'is not a tier: use "kl", "provinsi" or "kabkota" (got {_short(tier)}).',
                        'bukan tingkat: gunakan "kl", "provinsi" atau "kabkota" '
                        f"(tertulis {_short(tier)}).",
                    )
                )
            elif places is not None:
                key = f"targets.{year}.{tier.value}"
                found.check(partial(check_threshold, key, target, places))
    found.raise_any()


def check_sources(sources: object, parameter_keys: Sequence[str]) -> None:
    """``sources``: a non-blank text for parameter keys of the rule set (all problems at once)."""
    if not isinstance(sources, Mapping):
        raise refuse(
            "sources",
            f"must be a table of parameter = source (got {_short(sources)}).",
            f"harus tabel parameter = sumber (tertulis {_short(sources)}).",
        )
    found = Problems()
    known = set(parameter_keys)
    for key, text in sources.items():
        where = f"sources.{describe(key)}" if isinstance(key, str) else "sources"
        if key not in known:
            found.add(
                refuse(
                    where,
                    f"names no parameter of this rule set; the parameters are: "
                    f"{', '.join(parameter_keys)}.",
                    f"tidak menyebut parameter aturan ini; parameternya: "
                    f"{', '.join(parameter_keys)}.",
                )
            )
        if type(text) is not str or not text.strip():
            found.add(
                refuse(
                    where,
                    "must be a non-blank string naming a regulation, a published figure or "
                    f'"decision" (got {_short(text)}).',
                    "harus teks tidak kosong yang menyebut peraturan, angka yang diterbitkan "
                    f'atau "decision" (tertulis {_short(text)}).',
                )
            )
    found.raise_any()


def parameter_keys_of(target_years: Iterable[int]) -> tuple[str, ...]:
    """Every parameter key of a rule set with targets in ``target_years``, in file order."""
    return PARAMETERS[:5] + tuple(f"targets.{year}" for year in target_years) + PARAMETERS[5:]


@attrs.frozen(kw_only=True)
class RuleSet:
    """A versioned set of scoring and eligibility rules for one plan and a range of years.

    ``targets`` maps a year to the target (percent) of each tier that has one; ``sources``
    maps a parameter key (``"scoring.basis"``, ``"targets.2022"``) to the regulation, published
    figure or decision it rests on. ``origin`` says where the rule set was read from. A rule set
    that breaks several rules is refused with every problem in one
    :class:`~ranham.errors.RuleSetError`.
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
        found = Problems()
        found.check(lambda: check_plan(self.plan))
        found.check(lambda: check_id(self.id, self.plan))
        found.check(lambda: check_version(self.version))
        years = found.check(lambda: check_years(self.years))
        places: int | None = None
        scoring: object = self.scoring
        eligibility: object = self.eligibility
        if isinstance(scoring, ScoringRules):
            places = scoring.places
        else:
            found.add(
                refuse(
                    "scoring",
                    f"must be a ScoringRules (got {_short(scoring)}).",
                    f"harus ScoringRules (tertulis {_short(scoring)}).",
                )
            )
        if not isinstance(eligibility, EligibilityRules):
            found.add(
                refuse(
                    "eligibility",
                    f"must be an EligibilityRules (got {_short(eligibility)}).",
                    f"harus EligibilityRules (tertulis {_short(eligibility)}).",
                )
            )
        elif places is not None:
            minimum = eligibility.annual_score_min
            found.check(lambda: check_threshold("eligibility.annual_score_min", minimum, places))
            previous = eligibility.previous_year_score_min
            if previous is not None:
                key = "eligibility.previous_year_score_min"
                found.check(lambda: check_threshold(key, previous, places))
        cycle: object = self.cycle
        if cycle is not None and not isinstance(cycle, CycleRules):
            found.add(
                refuse(
                    "cycle",
                    f"must be a CycleRules (got {_short(cycle)}).",
                    f"harus CycleRules (tertulis {_short(cycle)}).",
                )
            )
        if years is not None:
            found.check(lambda: check_targets(self.targets, years, places))
        if isinstance(self.targets, Mapping):
            found.check(lambda: check_sources(self.sources, self.parameter_keys))
        found.raise_any()

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
        rules = self.eligibility
        given = (
            isinstance(rules, EligibilityRules) and rules.previous_year_score_min is not None,
            isinstance(rules, EligibilityRules) and rules.consistent_years is not None,
            self.cycle is not None,
        )
        optional = tuple(
            key for key, is_given in zip(OPTIONAL_PARAMETERS, given, strict=True) if is_given
        )
        return parameter_keys_of(self.targets) + optional

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

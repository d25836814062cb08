"""Realistic national example datasets: real institutions, synthetic outcomes.

:func:`example_dataset` builds one plan year of RANHAM 2021–2025 the size of the real thing:

- **Institutions** are real: the provinces and regencies/cities of a shipped region table
  (:func:`~ranham.reference.regions`), the six administrative units of DKI Jakarta included as
  non-autonomous institutions (they carry no regional action), and 28 ministries and agencies
  under their real names. For 2021 and 2022 the provinces are the 34 that the published
  targets count (the 2022 edition without 93 Papua Selatan, 94 Papua Tengah and 95 Papua
  Pegunungan, whose regencies keep their 2022 codes); from 2023 all 38 of the 2025 edition.
  ``edition="2022"`` or ``"2025"`` takes every province of that edition instead.
- **Actions** follow the published counts per tier (:data:`ACTION_COUNTS`: 2022 has 8
  provincial, 6 regency/city and 210 K/L actions), each K/L action with one responsible
  ministry or agency. Titles and measures are synthetic, except the 2025 regency/city Aksi 1,
  whose success measures are the published ones, verbatim.
- **Windows** are the published ones where known (B08 and B12 2022) and follow their pattern
  otherwise.
- **Reports, evidence, assessments and allegations are synthetic**: a mix of on-time, late and
  early submissions, missing reports, drafts, submitted, returned and verified reports (some
  verified after being returned once), evidence with and without letterhead or signature, and
  assessments that mostly agree with the claims. The dataset's ``extensions`` say so.

Everything is drawn from ``random.Random`` instances seeded from the arguments, through their
``random()`` method only (whose sequence Python guarantees across versions), never from the
global generator, the clock or a set's order: the same arguments give the same dataset and the
same bytes from :func:`ranham.io.dumps`, on every run, machine and Python version.

``scale`` multiplies the number of regencies/cities and of K/L actions. Below 1 it also thins
out the provinces, the administrative units and the ministries/agencies (keeping at least one
of each), for small examples. Above 1 (up to :data:`MAX_SCALE`) the regencies/cities and the
ministries/agencies are repeated under synthetic but valid codes (unused ``PP.KK`` codes; slugs
such as ``kemensos-2``) and names ending in ``(Sintetis N)``, for benchmarks.

>>> from ranham.reference import example_dataset
>>> small = example_dataset(year=2022, seed=1, scale=0.02)
>>> len(small.catalog.actions), small.extensions["ranham"]["synthetic"]
(18, True)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta

from ranham.model import (
    Action,
    Allegation,
    Catalog,
    Dataset,
    Institution,
    Report,
    SuccessMeasure,
    Tier,
    is_assigned,
)
from ranham.periods import PeriodCode
from ranham.reference._catalog import (
    ACTION_COUNTS,
    MAX_SCALE,
    WINDOW_SOURCES,
    Blueprint,
    blueprint,
    series_key,
)
from ranham.reference._draw import Draw
from ranham.reference._simulate import COMPLETION_DRIFT, DILIGENCE_DRIFT, Level, Simulator

__all__ = [
    "ACTION_COUNTS",
    "COMPLETION_DRIFT",
    "DILIGENCE_DRIFT",
    "MAX_SCALE",
    "WINDOW_SOURCES",
    "Level",
    "example_catalog",
    "example_dataset",
    "example_institutions",
    "example_levels",
    "example_reports",
    "series_key",
]

_GENERATOR = "ranham.reference.example_dataset"


def example_catalog(
    *, year: int = 2022, seed: int = 0, scale: float = 1.0, anchor: int | None = None
) -> Catalog:
    """The catalog of :func:`example_dataset` with the same arguments."""
    return blueprint(year=year, seed=seed, scale=scale, edition=None, same_as=anchor).catalog


def example_institutions(
    *,
    year: int = 2022,
    seed: int = 0,
    scale: float = 1.0,
    edition: str | None = None,
    anchor: int | None = None,
) -> tuple[Institution, ...]:
    """The institutions of :func:`example_dataset` with the same arguments.

    Ministries and agencies first, then the regions in code order.
    """
    plan = blueprint(year=year, seed=seed, scale=scale, edition=edition, same_as=anchor)
    return plan.institutions


def example_reports(
    *,
    year: int = 2022,
    seed: int = 0,
    scale: float = 1.0,
    edition: str | None = None,
    anchor: int | None = None,
) -> Iterator[Report]:
    """The reports of :func:`example_dataset`, one institution at a time.

    Memory stays bounded by one institution's reports (plus the catalog and the institution
    list), so ``ranham.io.write_jsonl(example_reports(scale=10), path)`` writes a large archive
    for benchmarks. The reports are the dataset's, in the same order.
    """
    plan = blueprint(year=year, seed=seed, scale=scale, edition=edition, same_as=anchor)
    simulator = _simulator(plan, seed)
    levels = _previous_levels(year=year, seed=seed, scale=scale, edition=edition, anchor=anchor)
    for institution, assigned in _assignments(plan):
        previous = levels.get(series_key(institution.code))
        yield from simulator.reports(institution, assigned, previous)


def example_dataset(
    *,
    year: int = 2022,
    seed: int = 0,
    scale: float = 1.0,
    edition: str | None = None,
    anchor: int | None = None,
) -> Dataset:
    """A realistic, deterministic national dataset of one year of RANHAM 2021–2025.

    ``year`` from 2021 to 2025; ``seed`` any integer; ``scale`` above 0 and at most
    :data:`MAX_SCALE`; ``edition`` ``None`` (the provinces the year's targets assume), ``"2022"``
    or ``"2025"``. See the module documentation for what is real and what is synthetic.

    ``anchor`` makes the year one of a **series**: the anchor year is exactly the single-year
    example (``anchor=None`` or ``anchor=year`` give the same dataset), and every other year
    follows from its neighbour nearer the anchor, each institution drifting a little from where
    it stood there (:func:`example_levels`). Below scale 1 every year of a series keeps the
    institutions the anchor year keeps (matched across editions of the region codes), instead
    of thinning them anew. Give every year of a series the same ``anchor``, seed, scale and
    edition.

    Raises :class:`~ranham.errors.InvariantError` for arguments out of range and
    :class:`~ranham.errors.UnknownNameError` for an edition that is not shipped.
    """
    plan = blueprint(year=year, seed=seed, scale=scale, edition=edition, same_as=anchor)
    simulator = _simulator(plan, seed)
    levels = _previous_levels(year=year, seed=seed, scale=scale, edition=edition, anchor=anchor)
    reports: list[Report] = []
    for institution, assigned in _assignments(plan):
        previous = levels.get(series_key(institution.code))
        reports.extend(simulator.reports(institution, assigned, previous))
    provenance = _provenance(plan, year=year, seed=seed, scale=scale)
    if anchor is not None and anchor != year:
        provenance["anchor"] = anchor
    return Dataset(
        catalog=plan.catalog,
        institutions=plan.institutions,
        reports=tuple(reports),
        allegations=_allegations(plan, seed),
        extensions={"ranham": provenance},
    )


def example_levels(
    *,
    year: int = 2022,
    seed: int = 0,
    scale: float = 1.0,
    edition: str | None = None,
    anchor: int | None = None,
) -> Mapping[str, Level]:
    """Where each institution with assigned actions stands in ``year`` of a series.

    Keyed by :func:`series_key`. In the anchor year (or with ``anchor=None``) every institution
    is drawn afresh, as in the single-year example; in another year it has drifted from its
    level in the neighbouring year nearer the anchor (at most :data:`COMPLETION_DRIFT` and
    :data:`DILIGENCE_DRIFT`). No report is drawn, so this is cheap.

    >>> from ranham.reference import COMPLETION_DRIFT, example_levels
    >>> before = example_levels(year=2022, seed=1, scale=0.05, anchor=2022)
    >>> after = example_levels(year=2023, seed=1, scale=0.05, anchor=2022)
    >>> all(abs(after[k].completion - before[k].completion) <= COMPLETION_DRIFT
    ...     for k in before.keys() & after.keys())
    True
    """
    last = year if anchor is None else anchor
    return _walk(year=year, seed=seed, scale=scale, edition=edition, anchor=last, to=year)[1]


def _previous_levels(
    *, year: int, seed: int, scale: float, edition: str | None, anchor: int | None
) -> Mapping[str, Level]:
    """The levels a year of a series drifts from (none in the anchor year)."""
    if anchor is None or anchor == year:
        return {}
    before = year - 1 if year > anchor else year + 1
    return _walk(year=year, seed=seed, scale=scale, edition=edition, anchor=anchor, to=before)[0]


def _walk(
    *, year: int, seed: int, scale: float, edition: str | None, anchor: int, to: int
) -> tuple[dict[str, Level], dict[str, Level]]:
    """Every level met walking from ``anchor`` to ``to`` (both included), and those of ``to``.

    An institution missing from a year, or without assigned actions in it, keeps the level it
    had last.
    """
    blueprint(year=year, seed=seed, scale=scale, edition=edition)  # checks the arguments
    step = 1 if to >= anchor else -1
    levels: dict[str, Level] = {}
    reached: dict[str, Level] = {}
    for walked in range(anchor, to + step, step):
        plan = blueprint(year=walked, seed=seed, scale=scale, edition=edition, same_as=anchor)
        simulator = _simulator(plan, seed)
        reached = {}
        for institution, assigned in _assignments(plan):
            if assigned:
                key = series_key(institution.code)
                reached[key] = simulator.level(institution, assigned, levels.get(key))
        levels.update(reached)
    return levels, reached


def _provenance(plan: Blueprint, *, year: int, seed: int, scale: float) -> dict[str, object]:
    return {
        "synthetic": True,
        "generator": _GENERATOR,
        "year": year,
        "seed": seed,
        "scale": repr(float(scale)),
        "edition": plan.edition,
        "provinces": plan.provinces_rule,
        "synthetic_institutions": plan.synthetic_institutions,
        "real_actions": list(plan.real_actions),
        "note": (
            "An example, not real data. Real: the institutions' codes and names (Kemendagri "
            "region tables via cahyadsn/wilayah, MIT, (c) 2017-2025 Cahya DSN; public names of "
            "ministries and agencies), the action counts and windows marked published in the "
            "catalog, and the success measures of the actions listed in real_actions. "
            "Synthetic: everything else, including which K/L carries which action, every "
            "report, evidence item, assessment and allegation, and institutions whose names "
            "end in '(Sintetis N)'."
        ),
    }


def _simulator(plan: Blueprint, seed: int) -> Simulator:
    catalog = plan.catalog
    measures: dict[tuple[str, PeriodCode], tuple[SuccessMeasure, ...]] = {}
    for action in catalog.actions:
        for code in catalog.plan.periods:
            measures[(action.id, code)] = action.measures_for(code)
    return Simulator(
        year=catalog.year,
        seed=seed,
        windows=catalog.windows,
        periods=catalog.plan.periods,
        period_starts={
            c: catalog.plan.period_days(c, catalog.year)[0] for c in catalog.plan.periods
        },
        measures=measures,
        evidence=plan.evidence,
    )


def _assignments(plan: Blueprint) -> Iterator[tuple[Institution, tuple[Action, ...]]]:
    regional: Mapping[Tier, tuple[Action, ...]] = {
        tier: plan.catalog.actions_of(tier) for tier in (Tier.PROVINCE, Tier.REGENCY_CITY)
    }
    by_agency: dict[str, list[Action]] = {}
    for action in plan.catalog.actions_of(Tier.KL):
        for code in action.responsible:
            by_agency.setdefault(code, []).append(action)
    for institution in plan.institutions:
        if institution.tier is Tier.KL:
            assigned = tuple(by_agency.get(institution.code, ()))
        else:
            assigned = tuple(a for a in regional[institution.tier] if is_assigned(a, institution))
        yield institution, assigned


def _allegations(plan: Blueprint, seed: int) -> tuple[Allegation, ...]:
    """About one allegation per forty autonomous regional institutions.

    Dated from January of the year to December of the next: some fall after the usual
    17 September cut-off of the eligibility rule.
    """
    year = plan.catalog.year
    rng = Draw(f"{seed}/{year}/allegations")
    candidates = [i for i in plan.institutions if i.tier is not Tier.KL and i.autonomous] or list(
        plan.institutions
    )
    count = max(1, len(candidates) // 40)
    first = date(year, 1, 1)
    days = (date(year + 1, 12, 31) - first).days + 1
    drawn = sorted(
        (first + timedelta(days=rng.below(days)), rng.pick(candidates).code) for _ in range(count)
    )
    return tuple(
        Allegation(institution=code, reported_on=day, reference=f"ADU-{day.year}-{n:04d}")
        for n, (day, code) in enumerate(drawn, 1)
    )

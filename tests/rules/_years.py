"""Datasets of several years of one plan, drawn small, for the properties across years.

A drawn 2022 dataset (:func:`tests.rules._data.datasets`) is moved to another year by shifting
every date, period and timestamp by whole years; the regency ``33.73`` can be listed under the
old and new code of a re-coded city (``92.71`` up to 2022, ``96.71`` from 2023, as the shipped
re-coding says), so that its trajectory crosses the edition change.
"""

from __future__ import annotations

from datetime import date, datetime

import attrs
from hypothesis import strategies as st

from ranham.model import Allegation, Dataset, Institution, InstitutionKind, Report
from ranham.periods import ReportingPeriod, Window
from tests.rules._data import datasets

PLAN_YEARS = (2021, 2022, 2023, 2024, 2025)
OLD, NEW = "92.71", "96.71"


def _day(day: date, years: int) -> date:
    return day.replace(year=day.year + years)


def _moment(at: datetime, years: int) -> datetime:
    return at.replace(year=at.year + years)


def _report(report: Report, years: int, rename: dict[str, str]) -> Report:
    history = tuple(attrs.evolve(h, at=_moment(h.at, years)) for h in report.history)
    return attrs.evolve(
        report,
        institution=rename.get(report.institution, report.institution),
        period=ReportingPeriod(report.period.year + years, report.period.code),
        history=history,
    )


def _institution(institution: Institution, rename: dict[str, str]) -> Institution:
    code = rename.get(institution.code)
    if code is None:
        return institution
    return Institution(
        code=code,
        kind=InstitutionKind.CITY,
        name="Kota Sorong",
        parent=code[:2],
        autonomous=institution.autonomous,
    )


def moved(dataset: Dataset, year: int, *, recode: bool = False) -> Dataset:
    """``dataset`` (of 2022) as a dataset of ``year``; ``recode`` lists 33.73 as Kota Sorong."""
    years = year - dataset.catalog.year
    rename = {"33.73": OLD if year <= 2022 else NEW} if recode else {}
    catalog = dataset.catalog
    windows = {
        code: Window(_day(w.opens, years), _day(w.closes, years))
        for code, w in catalog.windows.items()
    }
    return Dataset(
        catalog=attrs.evolve(catalog, year=year, windows=windows),
        institutions=tuple(_institution(i, rename) for i in dataset.institutions),
        reports=tuple(_report(r, years, rename) for r in dataset.reports),
        allegations=tuple(
            Allegation(
                institution=rename.get(a.institution, a.institution),
                reported_on=_day(a.reported_on, years),
                reference=a.reference,
            )
            for a in dataset.allegations
        ),
    )


@st.composite
def year_series(
    draw: st.DrawFn, *, min_years: int = 1, max_years: int = 3, recode: bool = False
) -> list[Dataset]:
    """Datasets of 1-3 distinct plan years, each drawn on its own, oldest first."""
    years = sorted(
        draw(
            st.lists(
                st.sampled_from(PLAN_YEARS), min_size=min_years, max_size=max_years, unique=True
            )
        )
    )
    return [moved(draw(datasets()), year, recode=recode) for year in years]

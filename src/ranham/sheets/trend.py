"""Trend workbooks: the figures of ``ranham trend`` across years, as numbers, with a line chart.

The workbook follows the conventions of the score workbooks (``sheets.md``): labels in
Indonesian by default (English with ``lang="en"``), every figure a number equal to the rounded
one of :meth:`ranham.rules.Cycles.to_json` and shown with ``places`` decimals, an undefined
figure an empty cell, frozen header rows, filters, fitting widths, and an "about" sheet. Its
sheets: the nation and the tiers per year (annual score, plan period, change, participation,
achievement ratio); one sheet per tier with the trajectory of every institution; with ``code``,
one sheet with that institution's trajectory year by year; a chart sheet with a line chart of
the nation and each tier (and the institution) across the years; the about sheet.

>>> import io as stdio
>>> from ranham.reference import example_dataset
>>> from ranham.rules import evaluate_years
>>> from ranham.sheets import write_trend_workbook
>>> cycles = evaluate_years(example_dataset(year=y, seed=1, scale=0.02) for y in (2022, 2023))
>>> write_trend_workbook(cycles, stdio.BytesIO(), lang="en")
('National', 'K-L', 'Provinces', 'Regencies-cities', 'Charts', 'About')
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime
from typing import IO, Any

from ranham.model import Tier
from ranham.rules import Cycles
from ranham.sheets._deps import openpyxl
from ranham.sheets.scores import TIER_NAMES, TIER_SHEETS, Writer, made_at, number, save
from ranham.validation import Lang

__all__ = ["write_trend_workbook"]

_T: dict[Lang, dict[str, str]] = {
    "id": {
        "national-sheet": "Nasional",
        "institution-sheet": "Instansi",
        "charts": "Grafik",
        "about": "Tentang",
        "code": "Kode",
        "name": "Nama",
        "plan": "Rencana",
        "change": "Perubahan {year}",
        "participation": "Partisipasi {year}",
        "ratio": "Rasio capaian {year}",
        "listed": "Terdaftar sebagai",
        "year": "Tahun",
        "annual": "Nilai tahunan",
        "change-column": "Perubahan",
        "national": "Nasional",
        "line-title": "Nilai tahunan nasional dan tiap tingkat, {first}-{last}",
        "score": "Nilai",
        "ruleset": "Aturan (id)",
        "version": "Versi aturan",
        "years": "Tahun",
        "missing-year": "missing_year",
        "plan-id": "Rencana aksi",
        "digest": "Sidik input {year} (SHA-256)",
        "ranham": "Versi ranham",
        "made": "Dibuat pada",
        "note": "Nilai yang tidak terdefinisi ditulis sebagai sel kosong. Perubahan adalah "
        "selisih tepat nilai tahunan dengan tahun sebelumnya, dibulatkan sekali.",
    },
    "en": {
        "national-sheet": "National",
        "institution-sheet": "Institution",
        "charts": "Charts",
        "about": "About",
        "code": "Code",
        "name": "Name",
        "plan": "Plan",
        "change": "Change {year}",
        "participation": "Participation {year}",
        "ratio": "Achievement ratio {year}",
        "listed": "Listed as",
        "year": "Year",
        "annual": "Annual score",
        "change-column": "Change",
        "national": "National",
        "line-title": "Annual score of the nation and each tier, {first}-{last}",
        "score": "Score",
        "ruleset": "Rule set (id)",
        "version": "Rule set version",
        "years": "Years",
        "missing-year": "missing_year",
        "plan-id": "Action plan",
        "digest": "Input digest {year} (SHA-256)",
        "ranham": "ranham version",
        "made": "Made at",
        "note": "An undefined figure is an empty cell. A change is the exact difference of "
        "the annual scores of a year and the year before, rounded once.",
    },
}


def write_trend_workbook(
    cycles: Cycles,
    out: str | os.PathLike[str] | IO[bytes],
    *,
    code: str | None = None,
    lang: Lang = "id",
    digests: Mapping[int, str] | None = None,
    at: datetime | None = None,
) -> tuple[str, ...]:
    """Write the trend workbook of ``cycles`` to ``out``; return its sheet names.

    ``code`` adds the sheet of one institution's trajectory (an old region code finds its
    re-coded successor; an unknown code raises :class:`~ranham.errors.UnknownNameError` before
    anything is written) and its line in the chart. ``digests`` maps each year to the SHA-256
    of its input file, ``at`` is the time made (default: :func:`~ranham.sheets.made_at`). The
    same inputs and time give the same bytes.
    """
    openpyxl()
    data = cycles.to_json()
    one = None if code is None else cycles.to_json(code=code)["institutions"][0]
    book = _TrendBook(cycles, data, lang)
    book.national()
    for tier in data["tiers"]:
        book.tier(Tier(tier["tier"]))
    if one is not None:
        book.institution(one)
    book.line_chart(one)
    when = at or made_at()
    book.about(digests or {}, when)
    return save(book.wb, out, when)


class _TrendBook(Writer):
    def __init__(self, cycles: Cycles, data: dict[str, Any], lang: Lang) -> None:
        super().__init__(cycles.places, lang)
        self.cycles = cycles
        self.data = data
        self.years = [str(y) for y in cycles.years]
        self.t = _T[lang]

    def _by_year(self, figures: Mapping[str, str | None]) -> list[float | None]:
        return [number(figures[y]) for y in self.years]

    def _name(self, key: str) -> str:
        cycles = self.cycles
        for year in reversed(cycles.years):
            listed = cycles.listed(key, year)
            if listed is not None:
                return cycles.scores(year).institution(listed).name
        return ""  # pragma: no cover - every key is listed in some year

    def national(self) -> None:
        t, years = self.t, self.years
        headers = [t["code"], t["name"], *years, t["plan"]]
        headers += [t["change"].format(year=y) for y in years]
        headers += [t["participation"].format(year=y) for y in years]
        headers += [t["ratio"].format(year=y) for y in years]
        national = self.data["national"]
        rows: list[list[Any]] = [
            [
                "national",
                t["national"],
                *self._by_year(national["annual"]),
                number(national["plan"]),
                *self._by_year(national["change"]),
                *([None] * (2 * len(years))),
            ]
        ]
        for tier in self.data["tiers"]:
            rows.append(
                [
                    tier["tier"],
                    TIER_NAMES[self.lang][Tier(tier["tier"])],
                    *self._by_year(tier["annual"]),
                    number(tier["plan"]),
                    *self._by_year(tier["change"]),
                    *self._by_year(tier["participation"]),
                    *self._by_year(tier["achievement_ratio"]),
                ]
            )
        self._table(self._sheet(t["national-sheet"]), headers, rows)

    def tier(self, tier: Tier) -> None:
        t, years = self.t, self.years
        headers = [t["code"], t["name"], *years, t["plan"]]
        headers += [t["change"].format(year=y) for y in years]
        headers.append(t["listed"])
        rows: list[list[Any]] = []
        for item in self.data["institutions"]:
            if item["tier"] != tier.value:
                continue
            rows.append(
                [
                    item["code"],
                    self._name(item["code"]),
                    *self._by_year(item["annual"]),
                    number(item["plan"]),
                    *self._by_year(item["change"]),
                    _other_codes(item),
                ]
            )
        self._table(self._sheet(TIER_SHEETS[self.lang][tier]), headers, rows)

    def institution(self, item: dict[str, Any]) -> None:
        t = self.t
        headers = [t["code"], t["name"], t["year"], t["listed"], t["annual"], t["change-column"]]
        name = self._name(item["code"])
        rows: list[list[Any]] = [
            [
                item["code"],
                name,
                int(year),
                item["listed_as"][year],
                number(item["annual"][year]),
                number(item["change"][year]),
            ]
            for year in self.years
        ]
        rows.append([item["code"], name, t["plan"], None, number(item["plan"]), None])
        self._table(self._sheet(t["institution-sheet"]), headers, rows)

    def line_chart(self, item: dict[str, Any] | None) -> None:
        """The line chart: a table of years by subject, and one line per column."""
        t, years = self.t, self.years
        sheet = self._sheet(t["charts"])
        bold = self.styles.Font(bold=True)
        columns: list[tuple[str, Mapping[str, str | None]]] = [
            (t["national"], self.data["national"]["annual"])
        ]
        for tier in self.data["tiers"]:
            columns.append((TIER_NAMES[self.lang][Tier(tier["tier"])], tier["annual"]))
        if item is not None:
            columns.append((f"{item['code']} {self._name(item['code'])}", item["annual"]))
        sheet.cell(row=1, column=1, value=t["year"]).font = bold
        for column, (title, _) in enumerate(columns, start=2):
            sheet.cell(row=1, column=column, value=title).font = bold
        for row, year in enumerate(years, start=2):
            sheet.cell(row=row, column=1, value=int(year))
            for column, (_, figures) in enumerate(columns, start=2):
                cell = sheet.cell(row=row, column=column, value=number(figures[year]))
                cell.number_format = self.format
        sheet.freeze_panes = "A2"
        last_row = 1 + len(years)
        line = self.chart.LineChart()
        line.title = t["line-title"].format(first=years[0], last=years[-1])
        line.y_axis.title = t["score"]
        line.x_axis.title = t["year"]
        line.add_data(
            self.chart.Reference(
                sheet, min_col=2, max_col=1 + len(columns), min_row=1, max_row=last_row
            ),
            titles_from_data=True,
        )
        line.set_categories(self.chart.Reference(sheet, min_col=1, min_row=2, max_row=last_row))
        for series in line.series:  # straight segments between the years, a marker on each
            series.smooth = False
            series.marker.symbol = "circle"
        line.y_axis.scaling.min, line.y_axis.scaling.max = 0, 100
        line.y_axis.majorUnit, line.y_axis.number_format = 20, "0"
        line.x_axis.delete = line.y_axis.delete = False  # shown (openpyxl hides them otherwise)
        line.width, line.height = 20, 10
        sheet.page_setup.orientation = "landscape"  # printed on one page, table and chart
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToHeight = 0
        sheet.add_chart(line, f"{sheet.cell(row=1, column=len(columns) + 3).column_letter}2")
        for column, (title, _) in enumerate(columns, start=1):
            letter = sheet.cell(row=1, column=column + 1).column_letter
            sheet.column_dimensions[letter].width = min(max(len(title) + 2, 10), 40)

    def about(self, digests: Mapping[int, str], when: datetime) -> None:
        cycles, t = self.cycles, self.t
        plan = cycles.scores(cycles.years[0]).dataset.catalog.plan.id
        rows: list[tuple[str, Any]] = [
            (t["ruleset"], cycles.ruleset.id),
            (t["version"], cycles.ruleset.version),
            (t["years"], ", ".join(self.years)),
            (t["missing-year"], cycles.missing_year.value),
            (t["plan-id"], plan),
        ]
        rows += [(t["digest"].format(year=y), digests.get(y, "")) for y in cycles.years]
        self._about(rows, when, key_width=30)


def _other_codes(item: Mapping[str, Any]) -> str | None:
    """The codes an institution was listed under other than its own (a re-coded regency)."""
    others = [c for c in dict.fromkeys(item["listed_as"].values()) if c and c != item["code"]]
    return ", ".join(others) or None

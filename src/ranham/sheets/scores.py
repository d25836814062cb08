"""Score workbooks: every figure of ``ranham score``/``eligibility`` JSON, as numbers, with charts.

>>> import io as stdio
>>> from ranham import io
>>> from ranham.rules import score
>>> from ranham.rules.cases import SHIPPED_CASES
>>> from ranham.sheets import write_score_workbook
>>> scores = score(io.load(SHIPPED_CASES / "bekasi-2022.json"))
>>> out = stdio.BytesIO()
>>> write_score_workbook(scores, out, eligibility=scores.eligibility(), lang="en")
('National', 'K-L', 'Provinces', 'Regencies-cities', 'Charts', 'About')
"""

from __future__ import annotations

import importlib
import io as stdio
import os
import zipfile
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import IO, Any

from ranham._version import __version__
from ranham.model import Tier
from ranham.rules import Eligibility, Scores
from ranham.sheets._deps import openpyxl
from ranham.validation import Lang

__all__ = [
    "BIN_WIDTH",
    "TIER_NAMES",
    "TIER_SHEETS",
    "Writer",
    "made_at",
    "number",
    "save",
    "write_score_workbook",
]

BIN_WIDTH = 10
"""The distribution chart counts institutions' annual scores in bins this many points wide."""

TIER_SHEETS: dict[Lang, dict[Tier, str]] = {
    "id": {Tier.KL: "K-L", Tier.PROVINCE: "Provinsi", Tier.REGENCY_CITY: "Kabupaten-Kota"},
    "en": {Tier.KL: "K-L", Tier.PROVINCE: "Provinces", Tier.REGENCY_CITY: "Regencies-cities"},
}
TIER_NAMES: dict[Lang, dict[Tier, str]] = {
    "id": {Tier.KL: "K/L", Tier.PROVINCE: "Provinsi", Tier.REGENCY_CITY: "Kabupaten/Kota"},
    "en": {Tier.KL: "K/L", Tier.PROVINCE: "Provinces", Tier.REGENCY_CITY: "Regencies/cities"},
}
_T: dict[Lang, dict[str, str]] = {
    "id": {
        "national-sheet": "Nasional",
        "charts": "Grafik",
        "about": "Tentang",
        "code": "Kode",
        "name": "Nama",
        "annual": "Tahunan",
        "target": "Target",
        "target-met": "Target tercapai",
        "achieved": "Tercapai",
        "targets": "Jumlah target",
        "eligible": "Layak insentif",
        "rank": "Peringkat",
        "national": "Nasional",
        "yes": "Ya",
        "no": "Tidak",
        "bar-title": "Nilai per tingkat per periode dan targetnya",
        "dist-title": "Sebaran nilai tahunan instansi (interval 10 poin)",
        "bin": "Interval nilai",
        "count": "Jumlah instansi",
        "ruleset": "Aturan (id)",
        "version": "Versi aturan",
        "year": "Tahun",
        "plan": "Rencana aksi",
        "digest": "Sidik input (SHA-256)",
        "ranham": "Versi ranham",
        "made": "Dibuat pada",
        "note": "Nilai yang tidak terdefinisi ditulis sebagai sel kosong.",
    },
    "en": {
        "national-sheet": "National",
        "charts": "Charts",
        "about": "About",
        "code": "Code",
        "name": "Name",
        "annual": "Annual",
        "target": "Target",
        "target-met": "Target met",
        "achieved": "Achieved",
        "targets": "Targets",
        "eligible": "Eligible",
        "rank": "Rank",
        "national": "National",
        "yes": "Yes",
        "no": "No",
        "bar-title": "Tier scores per period against their targets",
        "dist-title": "Distribution of institutions' annual scores (10-point bins)",
        "bin": "Score bin",
        "count": "Institutions",
        "ruleset": "Rule set (id)",
        "version": "Rule set version",
        "year": "Year",
        "plan": "Action plan",
        "digest": "Input digest (SHA-256)",
        "ranham": "ranham version",
        "made": "Made at",
        "note": "An undefined score is an empty cell.",
    },
}


def made_at() -> datetime:
    """The time a workbook is made: ``SOURCE_DATE_EPOCH`` (UTC) when set, else now (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC)
        except (OverflowError, OSError, ValueError):
            pass
    return datetime.now(tz=UTC).replace(microsecond=0)


def number(shown: str | None) -> float | None:
    """The JSON output's rounded figure as a number (``None`` stays an empty cell)."""
    return None if shown is None else float(Decimal(shown))


def write_score_workbook(
    scores: Scores,
    out: str | os.PathLike[str] | IO[bytes],
    *,
    eligibility: Eligibility | None = None,
    lang: Lang = "id",
    digest: str = "",
    at: datetime | None = None,
) -> tuple[str, ...]:
    """Write the score workbook of ``scores`` (and ``eligibility`` when given) to ``out``.

    ``digest`` names the input file (its SHA-256), ``at`` the time made (default:
    :func:`made_at`). The same inputs and time give the same bytes. Returns the sheet names.
    """
    openpyxl()
    book = _Book(scores, eligibility, lang)
    book.national()
    for tier in scores.tiers:
        book.tier(tier)
    book.charts()
    when = at or made_at()
    book.about(digest, when)
    return save(book.wb, out, when)


def save(wb: Any, out: str | os.PathLike[str] | IO[bytes], when: datetime) -> tuple[str, ...]:
    """Write ``wb`` to ``out`` with every part dated ``when``; return its sheet names."""
    buffer = stdio.BytesIO()
    wb.properties.created = when.astimezone(UTC).replace(tzinfo=None)
    wb.save(buffer)
    data = _fixed_times(buffer.getvalue(), when)
    if isinstance(out, str | os.PathLike):
        with open(out, "wb") as stream:
            stream.write(data)
    else:
        out.write(data)
    return tuple(wb.sheetnames)


def _fixed_times(data: bytes, when: datetime) -> bytes:
    """The same zip with every part dated ``when`` and the core properties' time fixed."""
    stamp = when.astimezone(UTC)
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, 0)
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(stdio.BytesIO(data))
    target_buffer = stdio.BytesIO()
    with zipfile.ZipFile(target_buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = _core_times(content, iso)
            fixed = zipfile.ZipInfo(info.filename, date_time=date_time)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return target_buffer.getvalue()


def _core_times(content: bytes, iso: bytes) -> bytes:
    for tag in (b"dcterms:created", b"dcterms:modified"):
        start = content.find(b"<" + tag)
        if start < 0:
            continue
        open_end = content.find(b">", start)
        close = content.find(b"</" + tag + b">", open_end)
        if open_end < 0 or close < 0:
            continue
        content = content[: open_end + 1] + iso + content[close:]
    return content


class Writer:
    """What the workbooks share: sheets, tables with a frozen header, filters and widths."""

    t: Mapping[str, str]  # the texts of one workbook, in its language (set by each workbook)

    def __init__(self, places: int, lang: Lang) -> None:
        xl = openpyxl()
        self.styles = importlib.import_module("openpyxl.styles")
        self.chart = importlib.import_module("openpyxl.chart")
        self.lang: Lang = lang
        self.wb = xl.Workbook()
        self.format = "0." + "0" * places if places else "0"

    def _sheet(self, title: str) -> Any:
        if self.wb.active is not None and self.wb.active.title == "Sheet":
            sheet = self.wb.active
            sheet.title = title
            return sheet
        return self.wb.create_sheet(title)

    def _about(self, rows: Sequence[tuple[str, Any]], when: datetime, key_width: int) -> None:
        """The about sheet: ``rows`` of key and value, then the version and the time made."""
        t = self.t
        sheet = self._sheet(t["about"])
        made = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        every = [*rows, (t["ranham"], __version__), (t["made"], made), ("", t["note"])]
        for index, (key, value) in enumerate(every, start=1):
            sheet.cell(row=index, column=1, value=key).font = self.styles.Font(bold=True)
            sheet.cell(row=index, column=2, value=value)
        sheet.column_dimensions["A"].width = key_width
        sheet.column_dimensions["B"].width = 70

    def _table(self, sheet: Any, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        bold = self.styles.Font(bold=True)
        for column, header in enumerate(headers, start=1):
            sheet.cell(row=1, column=column, value=header).font = bold
        for r, values in enumerate(rows, start=2):
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row=r, column=column)
                if isinstance(value, float):
                    cell.value = value
                    cell.number_format = self.format
                elif isinstance(value, str):
                    cell.value = value
                    cell.data_type = "s"
                else:
                    cell.value = value
        sheet.freeze_panes = "A2"
        last = sheet.cell(row=max(len(rows) + 1, 1), column=len(headers)).coordinate
        sheet.auto_filter.ref = f"A1:{last}"
        for column, header in enumerate(headers, start=1):
            width = max(
                [len(str(header))]
                + [len(_shown(row[column - 1])) for row in rows if column - 1 < len(row)]
            )
            letter = sheet.cell(row=1, column=column).column_letter
            sheet.column_dimensions[letter].width = min(max(width + 2, 8), 60)


class _Book(Writer):
    def __init__(self, scores: Scores, eligibility: Eligibility | None, lang: Lang) -> None:
        super().__init__(scores.places, lang)
        self.scores = scores
        self.eligibility = eligibility
        self.t = _T[lang]

    def _yes(self, value: bool | None) -> str | None:
        return None if value is None else self.t["yes" if value else "no"]

    def national(self) -> None:
        s, t = self.scores, self.t
        r = s.round
        headers = [t["code"], t["name"], *map(str, s.periods), t["annual"], t["target"]]
        headers += [t["target-met"], t["achieved"], t["targets"]]
        rows: list[list[Any]] = []
        for tier in s.tiers:
            rows.append(
                [
                    tier.value,
                    TIER_NAMES[self.lang][tier],
                    *(number(r(s.tier_period(tier, p))) for p in s.periods),
                    number(r(s.tier_annual(tier))),
                    number(r(s.target(tier))),
                    self._yes(s.target_met(tier)),
                    s.achieved_targets(tier),
                    s.targets(tier),
                ]
            )
        rows.append(
            [
                "national",
                t["national"],
                *(number(r(s.national_period(p))) for p in s.periods),
                number(r(s.national())),
                None,
                None,
                s.achieved_targets(),
                s.targets(),
            ]
        )
        self._table(self._sheet(t["national-sheet"]), headers, rows)

    def tier(self, tier: Tier) -> None:
        s, t = self.scores, self.t
        r = s.round
        headers = [t["code"], t["name"], *map(str, s.periods), t["annual"]]
        headers += [t["achieved"], t["targets"]]
        criteria: list[str] = []
        if self.eligibility is not None:
            first = next((d for d in self.eligibility.decisions if d.tier is tier), None)
            criteria = [] if first is None else [c.criterion.value for c in first.criteria]
            headers += [*criteria, t["eligible"], t["rank"]]
        rows: list[list[Any]] = []
        for code in s.members(tier):
            row: list[Any] = [
                code,
                s.institution(code).name,
                *(number(r(s.institution_period(code, p))) for p in s.periods),
                number(r(s.institution_annual(code))),
                s.achieved_count(code),
                len(s.assigned(code)),
            ]
            if self.eligibility is not None:
                decision = self.eligibility.decision(code)
                passed = {c.criterion.value: c.passed for c in decision.criteria}
                row += [self._yes(passed.get(c)) for c in criteria]
                row += [self._yes(decision.eligible), decision.rank]
            rows.append(row)
        self._table(self._sheet(TIER_SHEETS[self.lang][tier]), headers, rows)

    def charts(self) -> None:
        s, t = self.scores, self.t
        r = s.round
        sheet = self._sheet(t["charts"])
        bold = self.styles.Font(bold=True)
        headers = [t["code"], *map(str, s.periods), t["target"]]
        for column, header in enumerate(headers, start=1):
            sheet.cell(row=1, column=column, value=header).font = bold
        for index, tier in enumerate(s.tiers, start=2):
            sheet.cell(row=index, column=1, value=TIER_NAMES[self.lang][tier])
            values = [*(r(s.tier_period(tier, p)) for p in s.periods), r(s.target(tier))]
            for column, shown in enumerate(values, start=2):
                cell = sheet.cell(row=index, column=column, value=number(shown))
                cell.number_format = self.format
        last_row = 1 + len(s.tiers)
        bar = self.chart.BarChart()
        bar.type = "col"
        bar.title = t["bar-title"]
        bar.y_axis.title = "%"
        data = self.chart.Reference(
            sheet, min_col=2, max_col=len(headers), min_row=1, max_row=last_row
        )
        labels = self.chart.Reference(sheet, min_col=1, min_row=2, max_row=last_row)
        bar.add_data(data, titles_from_data=True)
        bar.set_categories(labels)
        bar.width, bar.height = 18, 9
        sheet.add_chart(bar, "H2")
        start = last_row + 3
        sheet.cell(row=start, column=1, value=t["bin"]).font = bold
        for column, tier in enumerate(s.tiers, start=2):
            sheet.cell(row=start, column=column, value=TIER_NAMES[self.lang][tier]).font = bold
        counts = distribution(s)
        for index, low in enumerate(range(0, 100, BIN_WIDTH)):
            high = low + BIN_WIDTH
            label = f"{low}–{high}" if high == 100 else f"{low}–<{high}"
            sheet.cell(row=start + 1 + index, column=1, value=label)
            for column, tier in enumerate(s.tiers, start=2):
                sheet.cell(row=start + 1 + index, column=column, value=counts[tier][index])
        end = start + 100 // BIN_WIDTH
        hist = self.chart.BarChart()
        hist.type = "col"
        hist.title = t["dist-title"]
        hist.y_axis.title = t["count"]
        hist.add_data(
            self.chart.Reference(
                sheet, min_col=2, max_col=1 + len(s.tiers), min_row=start, max_row=end
            ),
            titles_from_data=True,
        )
        hist.set_categories(self.chart.Reference(sheet, min_col=1, min_row=start + 1, max_row=end))
        hist.width, hist.height = 18, 9
        sheet.add_chart(hist, "H22")
        sheet.column_dimensions["A"].width = 18

    def about(self, digest: str, when: datetime) -> None:
        s, t = self.scores, self.t
        rows = [
            (t["ruleset"], s.ruleset.id),
            (t["version"], s.ruleset.version),
            (t["year"], s.year),
            (t["plan"], s.dataset.catalog.plan.id),
            (t["digest"], digest),
        ]
        self._about(rows, when, key_width=26)


def distribution(scores: Scores) -> dict[Tier, list[int]]:
    """Per tier, how many institutions' rounded annual scores fall in each 10-point bin.

    Bins are ``[0, 10)``, ``[10, 20)``, … ``[90, 100]`` (100 falls in the last); institutions
    whose annual score is undefined are not counted.
    """
    bins = 100 // BIN_WIDTH
    counts: dict[Tier, list[int]] = {tier: [0] * bins for tier in scores.tiers}
    for tier in scores.tiers:
        for code in scores.members(tier):
            shown = scores.round(scores.institution_annual(code))
            if shown is None:
                continue
            index = min(int(Decimal(shown) // BIN_WIDTH), bins - 1)
            counts[tier][index] += 1
    return counts


def _shown(value: Any) -> str:
    return "" if value is None else str(value)

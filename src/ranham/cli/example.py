"""``ranham example --out DIR``: example documents of every kind, and a national example year.

Writes into ``DIR`` (created if needed; files of the same name are overwritten):

- ``catalog.json``, ``report.json``, ``dataset.json``: a small example year (a few
  institutions) from :func:`ranham.reference.example_dataset`;
- ``forum.json``: the forum example of the format specification;
- ``national-dataset.json``: the national example year (``--year``, ``--seed``, ``--scale``);
- ``national-catalog.json``: that year's catalog, to check the archive against;
- ``reports.jsonl``: the same year's reports as a JSON Lines archive, one report per line (the
  reports that :func:`ranham.reference.example_reports` streams): check it with
  ``ranham validate DIR/reports.jsonl --catalog DIR/national-catalog.json``;
- with ``--years 2021-2025``: ``national-dataset-YEAR.json`` for each of those years, a national
  series with the same seed and scale (the same institutions every year, the
  regencies/cities of Papua Barat Daya under their ``92.xx`` codes until 2022 and ``96.xx``
  from 2023): see it with ``ranham trend DIR/national-dataset-20*.json``. The series is
  anchored at ``--year`` (or at its first year when it does not hold ``--year``): that year is
  exactly ``national-dataset.json``, and each other year follows from its neighbour nearer the
  anchor, every institution keeping its level and moving by a small drift
  (:func:`ranham.reference.example_dataset`, ``anchor``).

Every file validates without error (``ranham validate DIR``); late and early submissions show as
warnings, as they should. Institutions and their names are real; actions, reports and
allegations are synthetic, and each dataset says so in its ``extensions``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ranham import io
from ranham.cli._common import (
    EXIT_OK,
    EXIT_USAGE,
    ArgumentMessage,
    add_lang,
    clean,
    fail,
    os_reason,
    render_table,
)
from ranham.model import Dataset, Report, ReportStatus
from ranham.reference import example_dataset
from ranham.words import Lang

SMALL_SCALE = 0.01
"""The scale of the small examples: one province, five regencies/cities, one ministry."""

SPEC_FORUM: dict[str, Any] = {
    "kind": "forum",
    "schema_version": "1.0",
    "id": "forum-koordinasi-ranham-2022",
    "title": "Forum Koordinasi Pelaksanaan RANHAM",
    "start_date": "2022-08-24",
    "end_date": "2022-08-26",
    "location": "Bekasi",
    "sources": ["https://portal.ham.go.id/2022/08/33684/"],
    "declared": {"panranham": 8, "pelaksana": 6},
    "recommendations": [
        {
            "id": "panranham-insentif",
            "addressee": "panranham",
            "theme": "insentif",
            "text": "Pemberian insentif bagi pelaksana Aksi HAM",
            "due": "2023-12-31",
            "follow_ups": [
                {
                    "on": "2023-03-01",
                    "status": "in_progress",
                    "note": "Aturan kelayakan insentif disusun",
                    "links": ["ruleset:ranham-2021-2025/default"],
                }
            ],
        }
    ],
}
"""The forum example of ``format.md``: one of the eight recommendations to PANRANHAM."""

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "file": "file",
        "kind": "kind",
        "bytes": "bytes",
        "what": "what",
        "catalog": "the actions of the small example year",
        "report": "one report of the small example",
        "dataset": "a small example year: {n} institutions, {r} reports",
        "forum": "the forum example of the format specification",
        "national": "national example {year}: {n} institutions, {r} reports",
        "national-catalog": "the catalog of the national example (for the archive)",
        "archive": "the national reports, one per line: {r} reports",
        "done": "Wrote {count} files to {out}. Check the reports against their catalogs with:",
        "series": "national example {year} of the series: {n} institutions, {r} reports",
        "trend": "See the years side by side: ranham trend {out}/national-dataset-20*.json",
        "synthetic": "Institutions are real; actions, reports and allegations are synthetic.",
        "synthetic-scaled": "The real institutions come first; the others (--scale above 1) and "
        "every action, report and allegation are synthetic.",
        "cannot-write": "cannot write into {out} ({reason}): give --out a directory you may "
        "create or write to, e.g. --out ./contoh",
    },
    "id": {
        "file": "berkas",
        "kind": "jenis",
        "bytes": "bita",
        "what": "isi",
        "catalog": "aksi dari contoh kecil",
        "report": "satu laporan dari contoh kecil",
        "dataset": "contoh kecil satu tahun: {n} instansi, {r} laporan",
        "forum": "contoh forum dari spesifikasi format",
        "national": "contoh nasional {year}: {n} instansi, {r} laporan",
        "national-catalog": "katalog contoh nasional (untuk arsip laporan)",
        "archive": "laporan contoh nasional, satu per baris: {r} laporan",
        "done": "{count} berkas ditulis ke {out}. Periksa laporan terhadap katalognya dengan:",
        "series": "contoh nasional {year} dari deret tahunan: {n} instansi, {r} laporan",
        "trend": "Lihat tahun-tahunnya berdampingan: ranham trend {out}/national-dataset-20*.json",
        "synthetic": "Instansi nyata; aksi, laporan dan pengaduan adalah sintetis.",
        "synthetic-scaled": "Instansi nyata tercantum lebih dulu; instansi lainnya (--scale di "
        "atas 1) serta semua aksi, laporan dan pengaduan adalah sintetis.",
        "cannot-write": "tidak dapat menulis ke {out} ({reason}): berikan --out direktori yang "
        "boleh dibuat atau ditulisi, mis. --out ./contoh",
    },
}


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham example``."""
    parser.add_argument("--out", required=True, metavar="DIR", help="directory to write into")
    parser.add_argument(
        "--year", type=int, default=2022, help="plan year, 2021 to 2025 (default: 2022)"
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=1,
        help="seed of the synthetic outcomes (default: 1, the seed of ranham demo)",
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="size of the national example: 1 is the real size, below 1 smaller, above 1 "
        "larger with synthetic institutions (default: 1)",
    )
    parser.add_argument(
        "--years",
        type=parse_years,
        metavar="FIRST-LAST",
        help="also write a national series, one dataset per year, e.g. 2021-2025; "
        "the year --year in it is national-dataset.json, the others drift from it",
    )
    add_lang(parser)


def series_anchor(years: range, year: int) -> int | None:
    """The anchor of a series: ``year`` when the series holds it, else its first year."""
    if not years:
        return None
    return year if year in years else years[0]


def parse_years(text: str) -> range:
    """``"2021-2025"`` as the years it spans (both included)."""
    first, sep, last = text.partition("-")
    digits = sep and first.isascii() and last.isascii() and first.isdigit() and last.isdigit()
    if not digits or len(first) != 4 or len(last) != 4 or int(first) > int(last):
        shown = clean(text[:40])
        raise ArgumentMessage(
            f"must be FIRST-LAST such as 2021-2025 (got {shown!r})",
            f"harus AWAL-AKHIR, mis. 2021-2025 (ditemukan {shown!r})",
        )
    return range(int(first), int(last) + 1)


def _showcase(dataset: Dataset) -> Report:
    """The most instructive report: verified after being returned once, else the first one."""

    def rank(report: Report) -> int:
        verified = report.status is ReportStatus.VERIFIED and bool(report.entries)
        return 0 if verified and len(report.history) > 2 else 1 if verified else 2

    return min(dataset.reports, key=rank)


def run(args: argparse.Namespace) -> int:
    """Write the example files and list them."""
    lang: Lang = args.lang
    text = _TEXT[lang]
    out = Path(args.out)
    national = example_dataset(year=args.year, seed=args.seed, scale=args.scale)
    years: range = args.years or range(0)
    anchor = series_anchor(years, args.year)
    series = [
        national
        if year == args.year  # the anchor: the same dataset, not generated twice
        else example_dataset(year=year, seed=args.seed, scale=args.scale, anchor=anchor)
        for year in years
    ]
    small = example_dataset(year=args.year, seed=args.seed, scale=SMALL_SCALE)
    try:
        rows = _write(out, national, small, args.year, text, series)
    except OSError as error:
        reason = os_reason(error, lang)
        return fail(clean(text["cannot-write"].format(out=out, reason=reason)), EXIT_USAGE)
    headers = [text["file"], text["kind"], text["bytes"], text["what"]]
    print(render_table(headers, rows, right=(2,)))
    print()
    print(text["synthetic-scaled" if args.scale > 1 else "synthetic"])
    print(text["done"].format(count=len(rows), out=clean(str(out))))
    for command in hints(out):
        print(f"  {clean(command)}")
    if series:
        print(clean(text["trend"].format(out=out)))
    return EXIT_OK


def hints(out: Path) -> tuple[str, ...]:
    """The commands the closing hint suggests (each run by the tests on the files written)."""
    return (
        f"ranham validate {out / 'report.json'} --catalog {out / 'catalog.json'}",
        f"ranham validate {out / 'reports.jsonl'} --catalog {out / 'national-catalog.json'}",
        f"ranham score {out / 'dataset.json'}",
    )


def _write(
    out: Path,
    national: Dataset,
    small: Dataset,
    year: int,
    text: dict[str, str],
    series: list[Dataset],
) -> list[tuple[str, str, int, str]]:
    out.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str, int, str]] = []

    def write(name: str, kind: str, what: str, document: Any, *, indent: bool = True) -> None:
        path = out / name
        io.dump(document, path, indent=indent)
        rows.append((name, kind, path.stat().st_size, what))

    write("catalog.json", "catalog", text["catalog"], small.catalog)
    write("report.json", "report", text["report"], _showcase(small))
    counts = {"n": len(small.institutions), "r": len(small.reports)}
    write("dataset.json", "dataset", text["dataset"].format(**counts), small)
    write("forum.json", "forum", text["forum"], io.from_dict(SPEC_FORUM))
    counts = {"n": len(national.institutions), "r": len(national.reports), "year": year}
    write(
        "national-dataset.json",
        "dataset",
        text["national"].format(**counts),
        national,
        indent=False,
    )
    write("national-catalog.json", "catalog", text["national-catalog"], national.catalog)
    archive = out / "reports.jsonl"
    written = io.write_jsonl(national.reports, archive)
    rows.append(
        ("reports.jsonl", "report", archive.stat().st_size, text["archive"].format(r=written))
    )
    for dataset in series:
        year = dataset.catalog.year
        counts = {"n": len(dataset.institutions), "r": len(dataset.reports), "year": year}
        name = f"national-dataset-{year}.json"
        write(name, "dataset", text["series"].format(**counts), dataset, indent=False)
    return rows

"""Benchmark of report forms (issue 17): ranham's overhead over openpyxl's own write and load.

    python benchmarks/sheets.py [--scale 1] [--rounds 3] [--out benchmarks/RESULTS-sheets.md]

Inputs: the national example year (``ranham.reference.example_dataset``, 2022, seed 0), its
period 2022-B04, one form per institution with assigned actions, filled from the institution's
report when it has one. Contenders, alternating in this one process, each round timing the
whole national set, the contenders alternating form by form:

- write: ``ranham.sheets.write_form`` against openpyxl writing the same workbooks itself (a new
  workbook with the same sheets and cell values, saved) — what a program without ranham does;
  ranham's forms also carry styles, lists (data validation), protection and page setup;
- read: ``ranham.sheets.read_form`` (safety checks, locked-row comparison, format rules, cells)
  against openpyxl's own read-only load of the same files, reading every row's values.

The goal (issue 17): ranham's time at most 1.5 times openpyxl's, for both. Only ratios of
numbers measured in the same run are reported; tests never time anything.
"""

from __future__ import annotations

import argparse
import gc
import io as stdio
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import openpyxl

from ranham.model import Dataset
from ranham.periods import ReportingPeriod
from ranham.reference import example_dataset
from ranham.sheets import institutions_with_actions, read_form, write_form

HERE = Path(__file__).resolve().parent
GOAL = 1.5
PERIOD = ReportingPeriod.parse("2022-B04")


def _forms(dataset: Dataset) -> list[tuple[str, Any]]:
    return [(code, dataset.report(code, PERIOD)) for code, _ in institutions_with_actions(dataset)]


def ranham_write(dataset: Dataset, code: str, report: Any) -> bytes:
    buffer = stdio.BytesIO()
    write_form(dataset, buffer, institution=code, period=PERIOD, report=report)
    return buffer.getvalue()


def openpyxl_write(sheets: list[tuple[str, list[list[Any]]]]) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(stdio.BytesIO())


def ranham_read(dataset: Dataset, data: bytes) -> None:
    result = read_form(data, dataset)
    if not result.valid:  # pragma: no cover - the benchmark's own forms are valid
        raise SystemExit(f"a benchmark form did not read back: {result.issues[:3]}")


def openpyxl_read(data: bytes) -> None:
    book = openpyxl.load_workbook(stdio.BytesIO(data), read_only=True, data_only=True)
    for sheet in book.worksheets:
        sheet.reset_dimensions()
        for _row in sheet.iter_rows(values_only=True):
            pass
    book.close()


def _contents(files: list[bytes]) -> list[list[tuple[str, list[list[Any]]]]]:
    out = []
    for data in files:
        book = openpyxl.load_workbook(stdio.BytesIO(data))
        out.append(
            [
                (sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)])
                for sheet in book.worksheets
            ]
        )
    return out


def _time(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS-sheets.md")
    args = parser.parse_args()
    dataset = example_dataset(year=2022, seed=0, scale=args.scale)
    forms = _forms(dataset)
    files = [ranham_write(dataset, code, report) for code, report in forms]  # warm-up, inputs
    contents = _contents(files)
    times: dict[str, list[float]] = {k: [] for k in ("rw", "ow", "rr", "or")}
    for _ in range(args.rounds):
        # the contenders alternate form by form (same process, default gc), so that the load of
        # a shared machine falls on both alike
        total = dict.fromkeys(times, 0.0)
        for (code, report), data, sheets in zip(forms, files, contents, strict=True):
            gc.collect()
            total["rw"] += _time(lambda c=code, r=report: ranham_write(dataset, c, r))
            total["ow"] += _time(lambda s=sheets: openpyxl_write(s))
            total["rr"] += _time(lambda d=data: ranham_read(dataset, d))
            total["or"] += _time(lambda d=data: openpyxl_read(d))
        for key, value in total.items():
            times[key].append(value)
    med = {k: statistics.median(v) for k, v in times.items()}
    write_ratio = med["rw"] / med["ow"]
    read_ratio = med["rr"] / med["or"]
    size = sum(len(f) for f in files)
    rows = [
        ("write the national set", med["rw"], med["ow"], write_ratio),
        ("read the national set back", med["rr"], med["or"], read_ratio),
    ]
    lines = [
        "# Benchmark results: report forms (issue 17)",
        "",
        (
            f"Run {datetime.now(tz=UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, Python "
            f"{platform.python_version()}, openpyxl {metadata.version('openpyxl')}; "
            f"{len(files)} forms of {PERIOD} (scale {args.scale}, {size / 1e6:.1f} MB), "
            f"{args.rounds} rounds, medians. Made by `python benchmarks/sheets.py`."
        ),
        "",
        "| stage | ranham (s) | openpyxl (s) | ratio | goal | |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, ours, theirs, ratio in rows:
        verdict = "PASS" if ratio <= GOAL else "MISS"
        lines.append(
            f"| {name} | {ours:.2f} | {theirs:.2f} | {ratio:.2f}× | ≤ {GOAL}× | {verdict} |"
        )
    text = "\n".join(lines) + "\n"
    args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

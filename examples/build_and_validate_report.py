"""Build a report from database rows, write it, and validate it before it leaves the system.

The scenario: the IT office of Kabupaten Bekasi (region code 32.16) keeps its Aksi HAM progress
in its own database. When the B04 2022 window opens, it turns the rows into a harmonised
``report`` document, writes it as JSON, and checks it with ``ranham.validate`` against the
year's catalog before sending it on, exactly as the receiving system will check it. A second
export, made by an older script with a misspelt field and a timestamp without its UTC offset,
is refused with every problem at once, in Indonesian for the operator.

The catalog is the shipped example catalog of 2022 (synthetic actions); in a real system it is
the catalog file PANRANHAM publishes for the year.

Run it with ``python examples/build_and_validate_report.py``.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from ranham import (
    ActionEntry,
    Catalog,
    Evidence,
    EvidenceKind,
    MeasureEntry,
    Report,
    ReportingPeriod,
    ReportStatus,
    Tier,
    io,
    validate,
)
from ranham.reference import example_catalog

WIB = timezone(timedelta(hours=7))
PERIOD = ReportingPeriod.parse("2022-B04")


def database_rows(catalog: Catalog) -> list[dict[str, Any]]:
    """What the regency's database holds for B04 2022: one row per success measure.

    Here the rows are made up for the first two regency/city actions of the catalog: every
    measure claimed, with signed minutes on letterhead, except the last, still in progress.
    """
    rows: list[dict[str, Any]] = []
    for action in catalog.actions_of(Tier.REGENCY_CITY)[:2]:
        for measure in action.measures_for(PERIOD.code):
            rows.append(
                {
                    "action": action.id,
                    "measure": measure.id,
                    "done": True,
                    "narrative": f"{measure.description} (Kabupaten Bekasi)",
                    "document": f"Notulen: {measure.description}",
                    "url": f"https://sapa-ham.example/bekasi/{measure.id}",
                }
            )
    rows[-1] = {**rows[-1], "done": False, "document": None, "url": None}
    return rows


def build_report(rows: Iterable[dict[str, Any]], submitted_at: datetime) -> Report:
    """The harmonised report of the rows, submitted at ``submitted_at``."""
    entries: dict[str, list[MeasureEntry]] = {}
    for row in rows:
        evidence: tuple[Evidence, ...] = ()
        if row["document"] is not None:
            evidence = (
                Evidence(
                    kind=EvidenceKind.MINUTES,
                    title=row["document"],
                    uri=row["url"],
                    letterhead=True,
                    signed=True,
                ),
            )
        entries.setdefault(row["action"], []).append(
            MeasureEntry(
                measure=row["measure"],
                claimed=row["done"],
                narrative=row["narrative"],
                evidence=evidence,
            )
        )
    draft = Report(
        institution="32.16",
        period=PERIOD,
        entries=tuple(
            ActionEntry(action=action, measures=tuple(measures))
            for action, measures in entries.items()
        ),
    )
    return draft.transition(ReportStatus.SUBMITTED, submitted_at)


def main() -> int:
    """Build, write and validate the report; then show how a broken export is refused."""
    catalog = example_catalog(year=2022, seed=1, scale=0.01)
    window = catalog.windows[PERIOD.code]
    print(
        f"Catalog {catalog.year}: {len(catalog.actions)} actions; "
        f"{PERIOD} window {window.opens} to {window.closes}"
    )
    report = build_report(database_rows(catalog), datetime(2022, 4, 29, 10, 15, tzinfo=WIB))
    measures = sum(len(entry.measures) for entry in report.entries)
    on_time = "on time" if report.is_on_time(window, catalog.plan.tz) else "NOT on time"
    print(
        f"Report {report.institution} {report.period}: {len(report.entries)} actions, "
        f"{measures} measures, status {report.status}, submitted {on_time}"
    )

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        io.dump(catalog, out / "katalog-2022.json")
        path = out / "laporan-32.16-2022-B04.json"
        io.dump(report, path)
        print(f"Wrote {path.name} ({path.stat().st_size} bytes)")

        result = validate(path, catalog=out / "katalog-2022.json")
        verdict = "valid" if result.valid else "NOT valid"
        print(
            f"Validation of {path.name} against the catalog: {verdict}, "
            f"{len(result.errors)} errors, {len(result.warnings)} warnings"
        )
        if not result.valid:  # pragma: no cover - the report above is valid
            return 1

        legacy = io.to_dict(report)
        legacy["history"][0]["at"] = "2022-04-29T10:15:00"  # the old script forgot the offset
        entry = legacy["entries"][0]["measures"][0]
        entry["klaim"] = entry.pop("claimed")  # and wrote a field name of its own
        old = out / "laporan-lama.json"
        old.write_text(json.dumps(legacy, indent=2), encoding="utf-8")
        result = validate(old, catalog=out / "katalog-2022.json")
        verdict = "valid" if result.valid else "NOT valid"
        print(f"Validation of {old.name} (legacy export): {verdict}, {len(result.errors)} errors")
        for issue in result.issues:
            print(f"  {issue.line}:{issue.column} {issue.code} {issue.pointer}")
            print(f"    {issue.message('id')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

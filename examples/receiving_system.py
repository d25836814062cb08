"""A provincial intake service: uploads validated against the year's dataset, kept in SQLite.

The scenario: Jawa Barat's portal receives the four-monthly reports of its regencies and cities
over HTTP. Each upload is checked once, against the year's *dataset* (so the institution must
be listed and its autonomy counts), by the institution that sent it (a check of the portal's
own, reported as a local issue ``x-wrong-sender`` beside ``ranham``'s issues), and kept with
its warnings. The dashboard is scored from what was stored. Every type here is ``ranham``'s own,
and ``mypy --strict`` passes on this file without a cast (the test suite checks it).

Run it with ``python examples/receiving_system.py``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import attrs

from ranham import Dataset, Report, io, score
from ranham.reference import example_dataset
from ranham.validation import Context, Issue, IssueJSON, Lang, Severity, context, validate


@attrs.frozen
class Receipt:
    """What the portal answers an upload: accepted or not, and every issue."""

    accepted: bool
    issues: tuple[Issue, ...]

    def lines(self, lang: Lang = "id") -> list[str]:
        """The issues as the submitter sees them."""
        return [f"{i.pointer or '/'} {i.code}: {i.message(lang)}" for i in self.issues]


class Intake:
    """Receives reports for one year; stores the valid ones with their warnings."""

    def __init__(self, database: sqlite3.Connection, year: Dataset) -> None:
        self.database = database
        self.year = year
        self.context: Context = context(year)  # made once; every upload reuses it
        database.executescript(
            """
            CREATE TABLE IF NOT EXISTS reports (
                institution TEXT NOT NULL, period TEXT NOT NULL, document BLOB NOT NULL,
                PRIMARY KEY (institution, period));
            CREATE TABLE IF NOT EXISTS warnings (
                institution TEXT NOT NULL, period TEXT NOT NULL, code TEXT NOT NULL,
                pointer TEXT NOT NULL, message TEXT NOT NULL);
            """
        )

    def receive(self, sender: str, body: bytes) -> Receipt:
        """Check an upload from ``sender`` once; keep it when it has no error."""
        result = validate(body, kind=Report, catalog=self.context)
        issues = list(result.issues)
        report = result.document  # typed: Report | None
        if report is not None and report.institution != sender:
            issues.append(
                Issue.local(
                    "x-wrong-sender",
                    severity=Severity.ERROR,
                    pointer="/institution",
                    en="This report is for {institution}, but {sender} sent it: send your own.",
                    id="Laporan ini untuk {institution}, tetapi dikirim oleh {sender}: kirim "
                    "laporan instansi Anda sendiri.",
                    params={"institution": report.institution, "sender": sender},
                )
            )
        if report is None or any(issue.is_error for issue in issues):
            return Receipt(accepted=False, issues=tuple(issues))
        self._store(report, result.warnings)
        return Receipt(accepted=True, issues=tuple(issues))

    def _store(self, report: Report, warnings: Sequence[Issue]) -> None:
        key = (report.institution, str(report.period))
        with self.database:  # a newer version of a report replaces the older one
            self.database.execute(
                "INSERT OR REPLACE INTO reports VALUES (?, ?, ?)", (*key, io.dumps(report))
            )
            self.database.execute("DELETE FROM warnings WHERE institution = ? AND period = ?", key)
            for warning in warnings:
                item: IssueJSON = warning.to_json("id")
                self.database.execute(
                    "INSERT INTO warnings VALUES (?, ?, ?, ?, ?)",
                    (*key, item["code"], item["pointer"], item.get("message", "")),
                )

    def stored(self) -> Dataset:
        """The year as received: the dataset with the stored reports in place of its own."""
        rows = self.database.execute("SELECT document FROM reports ORDER BY institution, period")
        received = {}
        for (document,) in rows:
            report = io.loads(document, kind=Report)
            received[(report.institution, report.period)] = report
        kept = [r for r in self.year.reports if (r.institution, r.period) not in received]
        return attrs.evolve(self.year, reports=(*kept, *received.values()))


def main() -> None:
    """Receive four uploads and score what was stored."""
    year = example_dataset(year=2022, seed=1, scale=0.05)
    regency = next(r for r in year.reports if r.institution.startswith("32."))
    intake = Intake(sqlite3.connect(":memory:"), attrs.evolve(year, reports=()))

    uploads = {
        "valid, from its institution": (regency.institution, io.dumps(regency)),
        "sent by another regency": ("32.01", io.dumps(regency)),
        "one entry only": (
            regency.institution,
            io.dumps(attrs.evolve(regency, entries=regency.entries[:1])),
        ),
        "broken JSON": (regency.institution, b'{"kind": "report", "schema_version": "1.0",'),
    }
    for what, (sender, body) in uploads.items():
        receipt = intake.receive(sender, body)
        verdict = "diterima" if receipt.accepted else "ditolak"
        print(f"{what}: {verdict}, {len(receipt.issues)} masalah")
        for line in receipt.lines("id"):
            print(f"  {line}")
    warnings = intake.database.execute("SELECT COUNT(*) FROM warnings").fetchone()[0]
    print(f"Stored warnings: {warnings}")
    scores = score(intake.stored())
    print(f"Dashboard: national figure N = {scores.shown('N')}")


if __name__ == "__main__":
    main()

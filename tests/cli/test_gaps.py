"""Issue 16, item 2: no silent gap: skipped checks said once, every failed criterion listed,
annual figures that count missing periods as 0 explained under the table."""

from __future__ import annotations

from pathlib import Path

import pytest

from ranham.cli import main
from ranham.rules.cases import SHIPPED_CASES

SPEC = Path(__file__).parent.parent / "data" / "spec"
BEKASI = str(SHIPPED_CASES / "bekasi-2022.json")
EXCLUDE = str(SHIPPED_CASES / "rulesets" / "missing-exclude.toml")
REPORT, CATALOG = str(SPEC / "report.json"), str(SPEC / "catalog.json")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_reports_without_catalog_say_once_what_was_not_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    archive = tmp_path / "reports.jsonl"
    archive.write_bytes(Path(REPORT).read_bytes().replace(b"\n", b"") + b"\n")
    status, _, err = _run(capsys, "validate", "--format", fmt, REPORT, CATALOG, str(archive))
    assert status == 0
    assert err.count("ranham: ") == 1
    assert err.startswith("ranham: note: 2 valid report file(s) were checked without a catalog")
    assert "Give the year's catalog (or a dataset) with --catalog FILE to run them." in err


def test_the_note_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = _run(capsys, "validate", "--lang", "id", REPORT)
    assert err.startswith("ranham: catatan: 1 berkas laporan yang sah diperiksa tanpa katalog")


@pytest.mark.parametrize(
    "argv", [["--catalog", CATALOG, REPORT], [CATALOG], [str(SPEC / "forum.json")]]
)
def test_no_note_with_a_catalog_or_without_reports(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, _, err = _run(capsys, "validate", *argv)
    assert status == 0
    assert err == ""


def test_the_eligibility_table_lists_every_failed_criterion(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = _run(capsys, "eligibility", BEKASI, "--lang", "en")
    assert status == 0
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("32.16 "))
    assert " ".join(lines[first].split()[-10:]) == "reported-on-time 2 of 3 periods on time 3 of 3"
    assert [line.split()[0] for line in lines[first + 1 : first + 4]] == [
        "all-verified",
        "annual-score",
        "no-allegation",
    ]
    assert "Failed criteria" in out


NOTE = "Note: a period without a counted report counts as 0 in the annual mean"


def test_a_note_under_annual_figures_when_a_missing_period_counts_as_zero(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = _run(capsys, "score", BEKASI)
    assert status == 0
    assert out.count(NOTE) == 2  # under the tier table and under the institution table
    _, out, _ = _run(capsys, "score", BEKASI, "--lang", "id")
    assert out.count("Catatan: periode tanpa laporan yang dihitung bernilai 0") == 2


def test_no_note_when_missing_periods_are_left_out(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "score", BEKASI, "--ruleset", EXCLUDE)
    assert status == 0, err
    assert NOTE not in out


def test_no_note_when_no_period_is_missing(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "score", str(SHIPPED_CASES / "threshold-2022.json"))
    assert status == 0
    assert NOTE not in out

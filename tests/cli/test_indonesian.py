"""Issue 16, item 4: ``--lang id`` text output in Indonesian, decimal comma in text tables only."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ranham.cli import main
from ranham.cli._common import comma
from ranham.rules.cases import SHIPPED_CASES

BEKASI = str(SHIPPED_CASES / "bekasi-2022.json")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def test_score_tables_use_a_decimal_comma_and_keep_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(capsys, "score", BEKASI, "--lang", "id")
    assert out.splitlines()[0].endswith("· dasar terverifikasi")
    assert "32.16     Kabupaten Bekasi" in out  # a code is not a number
    row = next(line for line in out.splitlines() if line.startswith("32.16 "))
    assert row.split()[-4:] == ["66,67", "66,67", "44,44", "0/6"]
    english = _run(capsys, "score", BEKASI, "--lang", "en")
    assert "44.44" in english
    assert "44,44" not in english


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_machine_formats_keep_the_point(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    out = _run(capsys, "score", BEKASI, "--lang", "id", "--format", fmt)
    if fmt == "json":
        json.loads(out)
    else:
        list(csv.reader(io.StringIO(out)))
    assert "44.44" in out
    assert "44,44" not in out


def test_eligibility_criteria_and_figures_in_indonesian(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(capsys, "eligibility", BEKASI, "--lang", "id")
    assert "kriteria: lapor tepat waktu, semua terverifikasi, nilai tahunan, tanpa dugaan" in out
    assert "reported-on-time" not in out
    lines = out.splitlines()
    bekasi = next(i for i, line in enumerate(lines) if line.startswith("32.16 "))
    assert lines[bekasi + 2].split()[-3:] == ["tahunan", "44,44", "80,00"]


def test_comma_touches_decimal_numbers_only() -> None:
    assert [comma(t) for t in ("74.81", "-0.5", "100", "32.16.01", "1.5 MB", "a.b")] == [
        "74,81",
        "-0,5",
        "100",
        "32.16.01",
        "1.5 MB",
        "a.b",
    ]

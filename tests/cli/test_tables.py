"""Issue 16, item 3: tables fit the terminal, grouped by tier then code, filtered and sorted."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ranham.cli import main
from ranham.cli._common import render_table
from ranham.rules.cases import SHIPPED_CASES

BEKASI = str(SHIPPED_CASES / "bekasi-2022.json")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def _codes(out: str) -> list[str]:
    """The first cell of the rows of the last table (the institutions)."""
    table = out.rsplit("\n\n", maxsplit=1)[-1].splitlines()
    return [line.split()[0] for line in table[2:] if not line.startswith("Note:")]


@pytest.fixture(autouse=True)
def _no_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)


def test_rows_are_grouped_by_tier_then_code(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "score", BEKASI, "--lang", "en")
    assert status == 0
    assert _codes(out) == ["kemenkes", "kemensos", "32", "33", "32.16", "33.73"]


def test_sort_by_score_within_each_tier(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "score", BEKASI, "--sort", "score")
    assert _codes(out) == ["kemenkes", "kemensos", "32", "33", "33.73", "32.16"]


@pytest.mark.parametrize(
    ("argv", "codes"),
    [
        (["--province", "32"], ["32", "32.16"]),
        (["--code", "33.73", "--code", "kemensos"], ["kemensos", "33.73"]),
        (["--tier", "provinsi"], ["32", "33"]),
        (["--tier", "kabkota", "--sort", "score"], ["33.73", "32.16"]),
    ],
)
def test_filters(capsys: pytest.CaptureFixture[str], argv: list[str], codes: list[str]) -> None:
    status, out, _ = _run(capsys, "score", BEKASI, *argv)
    assert status == 0
    assert _codes(out) == codes


@pytest.mark.parametrize("argv", [["--code", "99"], ["--province", "99"], ["--province", "32.16"]])
def test_a_filter_that_selects_nothing_is_refused(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = _run(capsys, "score", BEKASI, *argv)
    assert status == 2
    assert out == ""
    assert "in this dataset; give" in err


def test_names_are_shortened_to_fit_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = _run(capsys, "score", BEKASI, "--lang", "en")
    table = out.split("\n\n")[-1].splitlines()
    assert "Kementerian Kesehatan" not in out
    assert any("Kementerian…" in line for line in table)
    _, wide, _ = _run(capsys, "score", BEKASI, "--wide")
    assert "Kementerian Kesehatan" in wide


def test_output_to_a_pipe_keeps_full_names(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "score", BEKASI)  # captured: not a terminal, no COLUMNS
    assert "Kementerian Kesehatan" in out


def test_eligibility_by_province_shows_only_its_tiers(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "eligibility", BEKASI, "--province", "33", "--lang", "en")
    assert status == 0
    assert "K/L" not in out
    assert "33.73" in out
    assert "32.16" not in out


@given(
    st.lists(st.text(string.ascii_letters, min_size=1, max_size=60), min_size=1, max_size=5),
    st.integers(min_value=40, max_value=120),
)
def test_a_shrunk_table_fits_when_the_name_can_give_way(names: list[str], width: int) -> None:
    rows = [["32.16", name, "100.00"] for name in names]
    lines = render_table(["Code", "Name", "Annual"], rows, width=width, shrink=1).splitlines()
    floor = len("32.16  ") + min(12, max(map(len, [*names, "Name"]))) + len("  Annual")
    assert max(map(len, lines)) <= max(width, floor)
    for name, line in zip(names, lines[2:], strict=True):
        cell = line.split()[1]
        assert cell == name or (cell.endswith("…") and name.startswith(cell[:-1]))

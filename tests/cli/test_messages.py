"""Issue 16, item 6: each small message says what was expected and how to fix it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ranham.cli import main
from ranham.cli.example import hints
from ranham.rules.cases import SHIPPED_CASES

BEKASI = str(SHIPPED_CASES / "bekasi-2022.json")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "internal error" not in err
    return status, out, err


def test_explain_of_a_code_that_is_not_in_the_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "eligibility", BEKASI, "--explain", "99.99")
    assert status == 2
    assert out == ""
    assert "no institution of this dataset has that code" in err
    assert "only institutions with assigned actions" not in err
    assert "(e.g. 32)" in err


def test_explain_of_a_listed_institution_without_actions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = _run(capsys, "eligibility", BEKASI, "--explain", "31.71", "--lang", "id")
    assert status == 2
    assert "--explain 31.71: Kota Administrasi Jakarta Selatan tidak mendapat aksi" in err


def test_a_json_lines_archive_given_as_dataset(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "reports.jsonl"
    path.write_bytes(b"{}\n{}\n")
    status, _, err = _run(capsys, "score", str(path))
    assert status == 2
    assert "is a JSON Lines archive" in err
    assert "needs one dataset document (.json)" in err
    assert "json-syntax" not in err


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="no /proc")
def test_example_into_a_directory_that_cannot_be_made(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "example", "--out", "/proc/x", "--scale", "0.01")
    assert status == 2
    assert out == ""
    assert "[Errno" not in err
    assert err.startswith("ranham: cannot write into /proc/x (")
    assert "give --out a directory you may create or write to" in err


def test_demo_with_a_year_outside_the_plan_prints_no_step(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = _run(capsys, "demo", "--year", "2020", "--scale", "0.01")
    assert status == 2
    assert out == ""
    assert "2021 to 2025 (got 2020)" in err


@pytest.mark.parametrize("depth", ["-1", "x", "١"])
@pytest.mark.parametrize("command", [["score", BEKASI], ["check", "x.toml"]])
def test_a_negative_depth_is_refused(
    capsys: pytest.CaptureFixture[str], depth: str, command: list[str]
) -> None:
    status, out, err = _run(capsys, *command, "--depth", depth)
    assert status == 2
    assert out == ""
    assert "expected a whole number of levels, 0 or more" in err


def test_an_unknown_ranham_lang_is_warned_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RANHAM_LANG", "xx")
    monkeypatch.setenv("LC_ALL", "C")
    status, out, err = _run(capsys, "score", BEKASI)
    assert status == 0
    assert out.startswith("RANHAM 2022 · rule set")  # English, from the locale
    assert err.count("RANHAM_LANG") >= 1
    assert err.count("ranham: RANHAM_LANG='xx' is not a language of ranham") == 1


@pytest.mark.parametrize("value", ["en", "id", ""])
def test_a_known_ranham_lang_is_not_warned(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("RANHAM_LANG", value)
    status, _, err = _run(capsys, "score", BEKASI)
    assert status == 0
    assert err == ""


def test_example_above_scale_1_does_not_call_every_institution_real(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = _run(capsys, "example", "--out", str(tmp_path), "--scale", "1.02")
    assert status == 0
    assert "Institutions are real" not in out
    assert "the others (--scale above 1)" in out


def test_the_closing_hint_of_example_runs_clean(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Every command the hint prints runs on the written files: valid, no skipped check."""
    status, out, _ = _run(capsys, "example", "--out", str(tmp_path), "--scale", "0.02")
    assert status == 0
    printed = [line.strip() for line in out.splitlines()[-3:]]
    assert printed == list(hints(tmp_path))
    for command in printed:
        argv = command.split()[1:]
        status, out, err = _run(capsys, *argv)
        assert status == 0, (command, out, err)
        assert err == ""

"""Issue 16, item 4: with ``--lang id`` the errors a command prints are Indonesian too.

``RanhamError.text(lang)`` gives the Indonesian message where the raiser wrote one; the system's
reasons for a file that cannot be read are said in Indonesian as well.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ranham.cli import main
from ranham.errors import UnknownChoiceError, UnknownNameError
from ranham.rules.cases import SHIPPED_CASES

BEKASI = str(SHIPPED_CASES / "bekasi-2022.json")


def _error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("ranham: ")
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    ("argv", "indonesian", "english"),
    [
        (["score", BEKASI, "--period", "2022-B99"], "bukan periode dataset ini", "not a period"),
        (["score", BEKASI, "--code", "99.99"], "bukan instansi yang mendapat aksi", "not an inst"),
        (["score", BEKASI, "--province", "99"], "bukan provinsi yang mendapat aksi", "not a prov"),
        (["explain", BEKASI, "S(99.99)"], "bukan besaran dataset ini", "names no quantity"),
        (["explain", BEKASI, "frob"], "bukan nama besaran; nama besaran:", "not a quantity"),
        (["score", BEKASI, "--ruleset", "nope"], "bukan id aturan RENCANA/NAMA", "neither"),
        (["score", BEKASI, "--ruleset", "x/nope"], "tidak ada aturan bawaan", "no shipped"),
        (["score", "/nonexistent/d.json"], "berkas atau direktori tidak ada", "No such file"),
        (
            ["score", BEKASI, "--ruleset", "/nonexistent/r.toml"],
            "tidak dapat dibaca (berkas atau direktori tidak ada)",
            "cannot be read",
        ),
    ],
)
def test_errors_in_indonesian(
    capsys: pytest.CaptureFixture[str], argv: list[str], indonesian: str, english: str
) -> None:
    err = _error(capsys, *argv, "--lang", "id")
    assert indonesian in err
    assert english not in err
    assert english in _error(capsys, *argv, "--lang", "en")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_special_file_is_refused_in_indonesian(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "d.json"
    os.mkfifo(fifo)
    assert "bukan berkas biasa melainkan FIFO" in _error(capsys, "score", str(fifo), "--lang", "id")
    assert "not a regular file but a FIFO" in _error(capsys, "score", str(fifo), "--lang", "en")


def test_text_falls_back_to_english_without_an_indonesian_message() -> None:
    assert UnknownNameError("only English").text("id") == "only English"
    both = UnknownChoiceError("x is no tier", message_id="x bukan tingkat")
    assert (both.text("id"), both.text("en"), str(both)) == (
        "x bukan tingkat",
        "x is no tier",
        "x is no tier",
    )
    assert isinstance(both, ValueError)

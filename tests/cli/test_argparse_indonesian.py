"""Issue 16, item 4: with ``--lang id`` argparse's own words are Indonesian too.

Its usage line, headings, placeholders and error messages ("the following arguments are
required", "expected one argument", …), the messages of ``ranham``'s own argument types, and a
rule-set file's problems reported by ``score``.
"""

from __future__ import annotations

import argparse
import inspect
import re
from pathlib import Path

import pytest

from ranham.cli import main
from ranham.cli._help_id import ARGPARSE, METAVARS
from ranham.rules.cases import SHIPPED_CASES

BEKASI = str(SHIPPED_CASES / "bekasi-2022.json")


def _fail(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    ("argv", "indonesian", "english"),
    [
        (["score"], "argumen berikut wajib diberikan: DATASET", "the following arguments are"),
        (["score", BEKASI, "--tier"], "argumen --tier: diharapkan satu argumen", "expected one"),
        (["score", BEKASI, "--bogus"], "argumen tidak dikenal: --bogus", "unrecognized"),
        (["score", BEKASI, "--format", "pdf"], "pilihan tidak sah: 'pdf' (pilih dari", "choose"),
        (
            ["score", BEKASI, "--depth", "-1"],
            "diharapkan bilangan bulat jumlah tingkat",
            "whole number",
        ),
        (
            ["validate", "x.json", "--max-size", "0"],
            "diharapkan bilangan bulat jumlah bita",
            "number of bytes",
        ),
        (
            ["validate", "x.json", "--max-issues", "x"],
            "jumlah masalah dari 1 sampai",
            "number of issues",
        ),
        (["example", "--years", "2025-2021"], "harus AWAL-AKHIR, mis. 2021-2025", "FIRST-LAST"),
        (
            ["recommendations", "f.json", "--as-of", "2023-02-30"],
            "diharapkan tanggal",
            "expected a date",
        ),
        (
            ["ruleset", "check", "f.toml", "--max-size", "0"],
            "harus bilangan bulat",
            "number of bytes",
        ),
        (["demo", "--top", "x"], "nilai int tidak sah: 'x'", "invalid int value"),
    ],
)
def test_argument_errors_in_indonesian(
    capsys: pytest.CaptureFixture[str], argv: list[str], indonesian: str, english: str
) -> None:
    err = _fail(capsys, *argv, "--lang", "id")
    assert ": galat: " in err
    assert indonesian in err
    assert "error:" not in err
    assert english not in err
    english_err = _fail(capsys, *argv, "--lang", "en")
    assert ": error: " in english_err
    assert english in english_err
    assert "galat" not in english_err


def test_argparse_is_left_as_it_was(capsys: pytest.CaptureFixture[str]) -> None:
    """The swap of argparse's words lasts for the parse only, also when the parse fails."""
    before = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    _fail(capsys, "score", "--lang", "id")
    assert main(["score", "--help", "--lang", "id"]) == 0
    assert (argparse._, argparse.ngettext) == before  # type: ignore[attr-defined]
    parser = argparse.ArgumentParser(prog="other")
    assert "usage: other" in parser.format_usage()


def _message_ids() -> set[str]:
    source = inspect.getsource(argparse)
    found = set(re.findall(r"""(?<![\w.])_\('((?:[^'\\]|\\.)*+)'\)""", source))
    found |= set(re.findall(r"""(?<![\w.])_\("((?:[^"\\]|\\.)*+)"\)""", source))
    found |= set(re.findall(r"""ngettext\('([^']*+)',\s*'([^']*+)'""", source)[0])
    return {text.replace("\\n", "\n") for text in found}


# Messages about a parser that is built wrongly: a bug of ranham, never seen by a user.
_PROGRAMMER_ERRORS = re.compile(
    r"conflicting|cannot merge|not defined|invalid option string|invalid conflict|"
    r"mutually exclusive|unknown action|is not callable|has no choices|dest= is required|"
    r"'required' is an invalid|cannot have multiple subparser|must (?:not )?be|invalid nargs|"
    r"length of metavar|argument \"-\" with mode|%r is not callable|abbrev"
)


def test_every_word_of_argparse_a_user_can_see_is_translated() -> None:
    """A newer Python that adds or rewords a message fails here instead of printing English."""
    seen = {text for text in _message_ids() if not _PROGRAMMER_ERRORS.search(text)}
    missing = seen - ARGPARSE.keys()
    assert not missing, sorted(missing)
    assert len(seen) > 15  # the scan found argparse's messages


def test_every_translated_word_is_one_argparse_says() -> None:
    source = inspect.getsource(argparse)
    for english in ARGPARSE:
        literal = repr(english)
        assert literal in source or literal.replace("'", '"') in source, english


def test_placeholders_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    commands = ["score", "validate", "eligibility", "trend", "example", "demo", "template"]
    commands += ["import", "recommendations", "explain", "schema", "check"]
    for command in commands:
        assert main([command, "--help", "--lang", "id"]) == 0
        usage = capsys.readouterr().out.partition("\n\n")[0]
        assert usage.startswith(f"penggunaan: ranham {command}")
        for english, indonesian in METAVARS.items():
            if english != indonesian:
                assert not re.search(rf"(?<![\w|-]){re.escape(english)}(?![\w|-])", usage), (
                    command,
                    english,
                )
        assert main([command, "--help", "--lang", "en"]) == 0
        assert "usage: ranham" in capsys.readouterr().out


def test_rule_set_problems_in_indonesian(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x/y"\n', encoding="utf-8")
    err = _fail(capsys, "score", BEKASI, "--ruleset", str(bad), "--lang", "id")
    assert "masalah" in err
    assert "wajib ada" in err
    assert "is required" not in err
    english = _fail(capsys, "score", BEKASI, "--ruleset", str(bad), "--lang", "en")
    assert "is required" in english

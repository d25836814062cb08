"""Issue 16, item 4: ``--help`` in Indonesian, every text of every command."""

from __future__ import annotations

import argparse

import pytest

from ranham.cli import COMMANDS, _parser, main

OWN = ("validate", "schema", "score", "explain", "eligibility", "check", "recommendations")
OWN += ("example", "demo", "trend")


def _sub(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    chosen: argparse.ArgumentParser = action.choices[name]
    return chosen


@pytest.mark.parametrize("name", OWN)
def test_every_help_text_is_translated(name: str) -> None:
    english = _sub(_parser(name, "en"), name)
    indonesian = _sub(_parser(name, "id"), name)
    assert indonesian.description != english.description
    pairs = list(zip(english._actions, indonesian._actions, strict=True))
    assert len(pairs) > 1
    for en, id_ in pairs:
        assert en.dest == id_.dest
        assert id_.help != en.help, (name, en.dest, en.help)


def test_the_list_of_own_commands_is_complete() -> None:
    assert set(OWN) <= set(COMMANDS)


@pytest.mark.parametrize("argv", [["score", "--help", "--lang", "id"], ["--help"]])
def test_help_output_in_indonesian(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    monkeypatch.setenv("RANHAM_LANG", "id")
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("penggunaan: ranham")
    assert "opsi:" in out
    assert "tampilkan bantuan ini lalu keluar" in out
    for english in ("usage:", "options:", "show this help", "default:", "output format"):
        assert english not in out


def test_help_output_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--help", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: ranham score")
    assert "show this help message and exit" in out

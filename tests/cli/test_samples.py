"""Issue 16, item 1: every sample a newcomer reads comes from, or is checked by, a real run.

The README's ``make demo`` output, its Python snippet and shell lines, and the explanation
sample of ``docs/explanation/scoring.md`` are run here on the files ``ranham example`` writes,
and compared with what the pages say.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from ranham.cli import main

ROOT = Path(__file__).parent.parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SCORING = (ROOT / "docs" / "explanation" / "scoring.md").read_text(encoding="utf-8")


def _block(text: str, after: str, language: str) -> str:
    """The first fenced block of ``language`` after the text ``after``."""
    start = text.index(f"```{language}\n", text.index(after)) + len(language) + 4
    return text[start : text.index("```", start)]


@pytest.fixture(scope="module")
def contoh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ``contoh/``, written by ``ranham example --out contoh`` (defaults)."""
    base = tmp_path_factory.mktemp("samples")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["example", "--out", str(base / "contoh")]) == 0
    return base


def _ran(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    status = main(argv)
    out, err = capsys.readouterr()
    assert status == 0, (argv, out, err)
    return out


@pytest.mark.slow
@pytest.mark.xdist_group("default-demo")
def test_the_readme_demo_output_is_a_real_run(default_demo: str) -> None:
    printed = _block(README, "`make demo` prints:", "text").splitlines()
    real = default_demo.splitlines()

    def timeless(lines: list[str]) -> list[str]:
        return [
            line
            for line in lines
            if not line.startswith("Done in ") and " generated in " not in line
        ]

    assert timeless(real) == timeless(printed)


@pytest.mark.slow
def test_the_readme_python_snippet_runs_on_the_example_files(
    contoh: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each ``print(X)  # V`` line of the snippet prints V (the repr of X's value)."""
    snippet = _block(README, "## Using the library", "python")
    checked = re.sub(
        r"^print\((.+?)\)\s+# ('[^']*'|True|False)(?:,.*)?$",
        r"assert \1 == \2, \1",
        snippet,
        flags=re.MULTILINE,
    )
    assert checked.count("assert ") == 3
    monkeypatch.chdir(contoh)
    exec(compile(checked, "README.md", "exec"), {})  # the README's own code
    assert "S(32.16) = 44.44" in capsys.readouterr().out


@pytest.mark.slow
def test_the_readme_shell_lines_run_on_the_example_files(
    contoh: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _block(README, "And from the shell:", "console").splitlines()
    monkeypatch.chdir(contoh)
    for line in lines:
        argv = shlex.split(line.split(">")[0])
        assert argv[0] == "ranham"
        _ran(capsys, argv[1:])


@pytest.mark.slow
def test_the_explanation_sample_of_the_scoring_page_is_a_real_run(
    contoh: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    command, *printed = _block(SCORING, "## Explanations", "console").splitlines()
    assert command.startswith("$ ranham ")
    monkeypatch.chdir(contoh)
    real = _ran(capsys, shlex.split(command)[2:])
    assert real.splitlines() == printed


@pytest.mark.slow
def test_the_demo_and_the_example_files_agree(
    contoh: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The demo's closing hint: ``ranham example`` writes the year the demo scored."""
    demo = _block(README, "`make demo` prints:", "text")
    assert "Next: `ranham example --out DIR` writes these files" in demo
    national = re.findall(r"^National .* (\d+\.\d\d) .*$", demo, flags=re.MULTILINE)[0]
    table = _ran(capsys, ["score", str(contoh / "contoh" / "national-dataset.json")])
    assert re.search(rf"^National .* {re.escape(national)} ", table, flags=re.MULTILINE)

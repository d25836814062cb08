"""Files named on the command line besides ``validate``'s: datasets, rule sets, case files.

Issue 13: none of them may block on a FIFO or read ``/dev/zero`` forever; each is examined with
``stat`` first, read only if it is a regular file, and within a size limit; every refusal is one
clear sentence and exit 2.
"""

from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ranham.cli import main
from ranham.rules.cases import SHIPPED_CASES

BEKASI = str(SHIPPED_CASES / "bekasi-2022.json")
CASE = SHIPPED_CASES / "eligibility-default.toml"


@pytest.fixture(autouse=True)
def alarm() -> Iterator[None]:
    """Fail a test that blocks (opening a FIFO, reading /dev/zero) instead of hanging the suite."""

    def expire(_signal: int, _frame: object) -> None:
        raise AssertionError("blocked: the command did not end")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(30)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "internal error" not in err
    return status, out, err


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    return path


@pytest.fixture
def zero(tmp_path: Path) -> Path:
    """A rule set that is ``/dev/zero`` behind a symbolic link."""
    if not os.path.exists("/dev/zero"):  # pragma: no cover - not a POSIX system
        pytest.skip("no /dev/zero")
    path = tmp_path / "zero.toml"
    path.symlink_to("/dev/zero")
    return path


@pytest.mark.parametrize("command", ["score", "eligibility"])
def test_a_ruleset_that_is_a_fifo_is_refused(
    capsys: pytest.CaptureFixture[str], fifo: Path, command: str
) -> None:
    status, out, err = _run(capsys, command, BEKASI, "--ruleset", str(fifo))
    assert status == 2
    assert out == ""
    assert f"{fifo}: cannot be read (not a regular file but a FIFO (named pipe))" in err


def test_a_ruleset_that_is_dev_zero_is_refused(
    capsys: pytest.CaptureFixture[str], zero: Path
) -> None:
    status, _, err = _run(capsys, "explain", BEKASI, "S(32.16)", "--ruleset", str(zero))
    assert status == 2
    assert "character device" in err


def test_a_huge_ruleset_is_refused_before_it_is_parsed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "huge.toml"
    path.write_bytes(b"# " + b"x" * (1 << 21) + b"\n")
    status, _, err = _run(capsys, "score", BEKASI, "--ruleset", str(path))
    assert status == 2
    assert "larger than 1048576 bytes" in err


def test_a_ruleset_that_is_not_utf8_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes(b'id = "caf\xe9"\n')
    status, _, err = _run(capsys, "score", BEKASI, "--ruleset", str(path))
    assert status == 2
    assert "is not UTF-8 text (byte 9 cannot be decoded)" in err


def test_a_dataset_that_is_a_fifo_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "data.json"
    os.mkfifo(path)
    status, _, err = _run(capsys, "score", str(path))
    assert status == 2
    assert "FIFO" in err


def test_a_case_file_that_is_a_fifo_is_an_unreadable_case(
    capsys: pytest.CaptureFixture[str], fifo: Path
) -> None:
    status, out, _ = _run(capsys, "check", str(fifo), str(CASE))
    assert status == 2
    lines = out.splitlines()
    assert (
        lines[0]
        == f"ERROR {fifo}: is a FIFO (named pipe), not a regular file; expected a case file."
    )
    assert lines[1].startswith(f"PASS {CASE}")
    assert lines[-1] == "2 case(s): 1 passed, 0 failed, 1 unreadable"


def test_case_files_that_are_dev_zero_huge_or_not_utf8(
    capsys: pytest.CaptureFixture[str], zero: Path
) -> None:
    folder = Path(tempfile.mkdtemp(dir=zero.parent))
    (folder / "a-huge.toml").write_bytes(b"#" * (1 << 21))
    (folder / "b-latin.toml").write_bytes(b'name = "caf\xe9"\n')
    status, out, _ = _run(capsys, "check", "--max-size", "1048576", str(zero), str(folder))
    assert status == 2
    lines = out.splitlines()
    assert "is a device, not a regular file" in lines[0]
    assert "larger than the limit of 1,048,576 bytes" in lines[1]
    assert "is not UTF-8 text" in lines[2]
    assert lines[-1] == "3 case(s): 0 passed, 0 failed, 3 unreadable"

"""Fixtures shared by the command-line tests."""

from __future__ import annotations

import contextlib
import io

import pytest

from ranham.cli import main


@pytest.fixture(scope="session")
def default_demo() -> str:
    """What ``ranham demo --lang en`` prints (the README's ``make demo``), run once.

    The default demo generates and scores the national year and four more for the trend, which
    takes seconds; the tests that read its output share one run. They are in the
    ``default-demo`` ``xdist_group``, so one pytest-xdist worker runs them all.
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["demo", "--lang", "en"])
    assert status == 0, out.getvalue()
    return out.getvalue()

"""The expert test cases shipped with the rules: their folder (the cases themselves moved).

Running cases reads documents, so :mod:`ranham.cases` (above the rules) now holds
:func:`~ranham.cases.load_case`, :func:`~ranham.cases.run_cases` and their classes. This module
keeps :data:`SHIPPED_CASES`, the folder of the package's cases and their datasets, which the
rules' own examples use; the names that moved are still found here, with a
:class:`DeprecationWarning`.

>>> from ranham.rules.cases import SHIPPED_CASES
>>> (SHIPPED_CASES / "bekasi-2022.json").is_file()
True
"""

from __future__ import annotations

import importlib
import warnings
from pathlib import Path
from typing import Any

__all__ = ["SHIPPED_CASES"]

SHIPPED_CASES = Path(__file__).parent / "cases"
"""The folder of the expert cases shipped with the package (and their datasets)."""

MOVED = frozenset(
    {
        "CASE_MAX_SIZE",
        "Case",
        "CaseResult",
        "Mismatch",
        "as_mapping",
        "case_files",
        "expected_text",
        "load_case",
        "run_case",
        "run_cases",
    }
)
"""The names that moved to :mod:`ranham.cases`."""


def moved(module: str, name: str) -> Any:
    """``ranham.cases.<name>``, with a warning that ``module.<name>`` is the old place.

    The import is by name, at the first use: the rules never load the cases (and the JSON layer
    that cases need) unless an old import path asks for them.
    """
    warnings.warn(
        f"{module}.{name} moved to ranham.cases.{name}; import it from there "
        "(the old path will be removed in a future release).",
        DeprecationWarning,
        stacklevel=3,
    )
    return getattr(importlib.import_module("ranham.cases"), name)


def __getattr__(name: str) -> Any:
    if name in MOVED:
        return moved(__name__, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

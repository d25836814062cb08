"""The expert test cases shipped with the rules: their folder (the cases themselves moved).

Running cases reads documents, so :mod:`ranham.cases` (above the rules) now holds
:func:`~ranham.cases.load_case`, :func:`~ranham.cases.run_cases` and their classes. This module
keeps :data:`SHIPPED_CASES`, the folder of the package's cases and their datasets, which the
rules' own examples use.

>>> from ranham.rules.cases import SHIPPED_CASES
>>> (SHIPPED_CASES / "bekasi-2022.json").is_file()
True
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["SHIPPED_CASES"]

SHIPPED_CASES = Path(__file__).parent / "cases"
"""The folder of the expert cases shipped with the package (and their datasets)."""

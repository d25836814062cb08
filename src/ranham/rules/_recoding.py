"""One institution across years: region codes matched across editions by the shipped re-coding.

Institutions are matched across years by code (``scoring.md``, "Across years"). The shipped
re-coding (:func:`ranham.reference.recoded`, the 2022 → 2025 edition of the Kemendagri codes)
maps each old code to its new one first, so the six regencies/cities of Papua Barat Daya, re-coded
from ``92.xx`` to ``96.xx``, keep one trajectory. A code that was not re-coded (a ministry's
slug, every other region) is its own key.

>>> canonical("92.71"), canonical("96.71"), canonical("32.16"), canonical("kemensos")
('96.71', '96.71', '32.16', 'kemensos')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from types import MappingProxyType

from ranham.errors import CycleError

__all__ = ["canonical", "listing", "recoding"]


@cache
def recoding() -> Mapping[str, str]:
    """Old code → new code, from the shipped 2022 → 2025 comparison (read once)."""
    from ranham.reference import recoded  # lazy: the rules need the table only across years

    return MappingProxyType(dict(recoded("2022", "2025")))


def canonical(code: str) -> str:
    """The key that matches ``code`` across years: its newest code."""
    return _table().get(code, code)


@cache
def _table() -> dict[str, str]:
    return dict(recoding())


def listing(codes: Iterable[str], *, year: int) -> dict[str, str]:
    """Key (:func:`canonical`) → the code one dataset lists it under.

    Raises :class:`~ranham.errors.CycleError` when the dataset lists both an old code and the
    new code it maps to: the two would be one institution counted twice.
    """
    found: dict[str, str] = {}
    for code in codes:
        key = canonical(code)
        other = found.get(key)
        if other is not None and other != code:
            old, new = sorted((code, other), key=lambda c: c == key)
            raise CycleError(
                f"the {year} dataset lists both {old} and {new}, but the shipped re-coding "
                f"(2022 → 2025 edition) maps {old} to {new}: they are one institution. List "
                "it under one code."
            )
        found[key] = code
    return found

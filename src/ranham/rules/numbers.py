"""Exact numbers and the one rounding step of scoring.

Scores, percentages and thresholds are :class:`fractions.Fraction` values from the first measure
to the national figure. A value is rounded exactly once, by :func:`round_half_up`, when it is shown
or compared with a threshold; :func:`fixed` shows the rounded value with ``places`` decimals.

>>> from fractions import Fraction
>>> fixed(Fraction(15999, 200), 2)   # 79.995
'80.00'
>>> fixed(Fraction(400, 9), 2), fixed(Fraction(100), 0), fixed(None, 2)
('44.44', '100', None)
>>> exact_text(Fraction(400, 9)), exact_text(Fraction(100))
('400/9', '100')
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction

__all__ = [
    "MAX_PLACES",
    "at_least",
    "decimals_of",
    "exact_text",
    "fixed",
    "fixed_change",
    "exact_sum",
    "mean",
    "ratio",
    "percent",
    "round_half_up",
]

MAX_PLACES = 10
"""The most decimals a rule set may ask for (``scoring.places``)."""


def round_half_up(value: Fraction, places: int) -> Fraction:
    """``value`` rounded to ``places`` decimals, halves rounded up (``79.995`` → ``80.00``).

    This is the only rounding in ``ranham``'s scoring: every shown score and every threshold
    comparison goes through it, once, on the exact value.

    >>> round_half_up(Fraction(15999, 200), 2)
    Fraction(80, 1)
    >>> round_half_up(Fraction(1, 3), 2)
    Fraction(33, 100)
    """
    return Fraction(_units(value, places), 10**places)


def _units(value: Fraction, places: int) -> int:
    """``floor(value × 10^places + 1/2)`` in integers: the rounded value in units of 10^-places."""
    numerator: int = value.numerator
    denominator: int = value.denominator
    units: int = (2 * numerator * 10**places + denominator) // (2 * denominator)
    return units


def fixed(value: Fraction | None, places: int) -> str | None:
    """``value`` rounded once (:func:`round_half_up`) and written with exactly ``places`` decimals.

    ``None`` (an undefined score) stays ``None``, which JSON writes as ``null``.
    """
    if value is None:
        return None
    units = _units(value, places)
    sign = "-" if units < 0 else ""
    digits = str(abs(units)).rjust(places + 1, "0")
    if places == 0:
        return sign + digits
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def fixed_change(value: Fraction | None, places: int) -> str | None:
    """A difference shown with ``places`` decimals: halves round away from zero, never ``-0.00``.

    Rounding is symmetric about zero, so a change and its opposite show as opposites:

    >>> fixed_change(Fraction(-1, 200), 2), fixed_change(Fraction(1, 200), 2)
    ('-0.01', '0.01')
    >>> fixed_change(Fraction(-1, 1000), 2), fixed_change(Fraction(-5, 2), 0)
    ('0.00', '-3')
    """
    if value is None:
        return None
    shown = fixed(abs(value), places) or ""
    if value < 0 and any(c not in "0." for c in shown):
        return f"-{shown}"
    return shown


def at_least(value: Fraction | None, threshold: Fraction, places: int) -> bool:
    """Whether ``value``, rounded to ``places`` decimals, is at least ``threshold``.

    Thresholds compare the rounded score, as an official reading the published figure would:

    >>> at_least(Fraction(15999, 200), Fraction(80), 2)
    True
    >>> at_least(Fraction(15999, 200), Fraction(80), 3)
    False
    """
    return value is not None and round_half_up(value, places) >= threshold


def exact_sum(values: Iterable[Fraction]) -> Fraction:
    """The exact sum of ``values``, added over their least common denominator.

    The same value as ``sum(values, Fraction(0))``; scores have small denominators, so one
    integer sum and one normalisation replace a normalisation per addition.
    """
    items = list(values)
    denominator = math.lcm(*(v.denominator for v in items)) if items else 1
    return Fraction(sum(v.numerator * (denominator // v.denominator) for v in items), denominator)


def mean(values: list[Fraction]) -> Fraction | None:
    """The exact mean of ``values``; ``None`` for none."""
    if not values:
        return None
    total = exact_sum(values)
    return Fraction(total.numerator, total.denominator * len(values))


def ratio(part: int, whole: int) -> Fraction:
    """``100 × part / whole`` exactly, shared between equal arguments (scores repeat a lot)."""
    found = _RATIOS.get((part, whole))
    if found is None:
        found = Fraction(100 * part, whole)
        if len(_RATIOS) < 4096:
            _RATIOS[part, whole] = found
    return found


_RATIOS: dict[tuple[int, int], Fraction] = {}


def percent(part: int, whole: int) -> Fraction | None:
    """``100 × part / whole`` exactly; ``None`` when ``whole`` is 0."""
    return None if whole == 0 else Fraction(100 * part, whole)


def exact_text(value: Fraction) -> str:
    """An exact fraction as text: ``'400/9'``, or ``'100'`` for a whole number."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"


def decimals_of(value: Fraction) -> int | None:
    """How many decimals ``value`` needs when written exactly; ``None`` if it never ends.

    >>> decimals_of(Fraction(121, 2)), decimals_of(Fraction(80)), decimals_of(Fraction(1, 3))
    (1, 0, None)
    """
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    return max(twos, fives) if denominator == 1 else None

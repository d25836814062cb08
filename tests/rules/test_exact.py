"""Exact arithmetic at its edges (issue 19): the decimals of a fraction, the sum of nothing.

Each test names the mutation of :mod:`ranham.rules.numbers` it kills.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ranham.rules.numbers import decimals_of, exact_sum, mean


@pytest.mark.parametrize(
    ("value", "decimals"),
    [
        (Fraction(1, 5), 1),  # more fives than twos: kills `max(twos, fives)` -> `twos`
        (Fraction(1, 25), 2),
        (Fraction(3, 125), 3),
        (Fraction(1, 50), 2),  # one two, two fives
        (Fraction(1, 8), 3),  # more twos than fives: kills `max(...)` -> `fives`
        (Fraction(7, 40), 3),
        (Fraction(1, 10), 1),
        (Fraction(-1, 5), 1),
        (Fraction(0), 0),
        (Fraction(100), 0),
        (Fraction(1, 3), None),
        (Fraction(1, 15), None),  # a five and a three: kills `denominator == 1` -> always
        (Fraction(1, 6), None),
    ],
)
def test_decimals_of_at_the_edges(value: Fraction, decimals: int | None) -> None:
    assert decimals_of(value) == decimals


@given(
    numerator=st.integers(-(10**6), 10**6),
    twos=st.integers(0, 12),
    fives=st.integers(0, 12),
    other=st.sampled_from([1, 1, 1, 3, 7, 9, 11, 21]),
)
def test_decimals_of_is_the_fewest_decimals_that_write_the_value_exactly(
    numerator: int, twos: int, fives: int, other: int
) -> None:
    # law: decimals_of(v) is the least d with v × 10^d whole, None when there is none
    value = Fraction(numerator, 2**twos * 5**fives * other)
    found = decimals_of(value)
    if value.denominator % 3 == 0 or value.denominator % 7 == 0 or value.denominator % 11 == 0:
        assert found is None
        return
    assert found is not None
    assert (value * 10**found).denominator == 1
    assert found == 0 or (value * 10 ** (found - 1)).denominator != 1


def test_the_exact_sum_of_nothing_is_zero() -> None:
    # kills `if items else 1` -> `if items else 0` (a ZeroDivisionError) and a sum that starts at 1
    total = exact_sum([])
    assert total == 0
    assert isinstance(total, Fraction)
    assert exact_sum(iter(())) == 0


def test_the_mean_of_nothing_is_undefined() -> None:
    assert mean([]) is None
    assert mean([Fraction(1, 3)]) == Fraction(1, 3)


fractions = st.fractions(min_value=-1000, max_value=1000, max_denominator=720)


@given(st.lists(fractions, max_size=12))
def test_the_exact_sum_is_the_sum(values: list[Fraction]) -> None:
    # law (numbers.py): the same value as sum(values, Fraction(0)), of any iterable
    assert exact_sum(values) == sum(values, Fraction(0))
    assert exact_sum(iter(values)) == sum(values, Fraction(0))


@given(st.lists(fractions, min_size=1, max_size=12))
def test_the_mean_is_the_sum_over_the_count(values: list[Fraction]) -> None:
    assert mean(values) == sum(values, Fraction(0)) / len(values)

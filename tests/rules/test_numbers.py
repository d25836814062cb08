"""The one rounding step: half up, exactly once, on the exact value."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ranham.rules import numbers
from ranham.rules.numbers import (
    at_least,
    decimals_of,
    exact_text,
    fixed,
    mean,
    percent,
    ratio,
    round_half_up,
)

# Equivalent mutants that make mutate leaves alive here (CONTRIBUTING.md), not worth a test:
# - fixed_change: `fixed(abs(value), places) or ""` with another string: fixed() of a number is
#   never None, the `or` is there for the type checker only.
# - fixed_change: `value < 0` as `value <= 0`: zero shows as all zeros, so no sign either way.
# - fixed_change: the characters "0." as "XX0.XX": no X is ever among the digits shown.


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        (Fraction(15999, 200), 2, "80.00"),  # 79.995
        (Fraction(15999, 200), 3, "79.995"),
        (Fraction(400, 9), 2, "44.44"),
        (Fraction(200, 3), 2, "66.67"),
        (Fraction(1, 200), 2, "0.01"),  # 0.005
        (Fraction(1, 201), 2, "0.00"),
        (Fraction(100), 2, "100.00"),
        (Fraction(0), 2, "0.00"),
        (Fraction(1, 2), 0, "1"),
        (Fraction(5611, 75), 2, "74.81"),
        (Fraction(146150, 2439), 2, "59.92"),
    ],
)
def test_fixed_rounds_half_up(value, places, shown):
    assert fixed(value, places) == shown


def test_undefined_stays_undefined():
    assert fixed(None, 2) is None
    assert at_least(None, Fraction(0), 2) is False
    assert mean([]) is None
    assert percent(1, 0) is None


@given(st.fractions(min_value=0, max_value=100, max_denominator=10**6), st.integers(0, 6))
def test_fixed_agrees_with_decimal_round_half_up(value, places):
    # With denominators up to 10**6 a value lies at least 1e-13 from any rounding half, far
    # more than the 28 digits of the decimal context can blur.
    quotient = Decimal(value.numerator) / Decimal(value.denominator)
    expected = quotient.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert fixed(value, places) == str(expected)


@given(st.fractions(min_value=0, max_value=100), st.integers(0, 4))
def test_rounding_is_within_half_a_unit(value, places):
    rounded = round_half_up(value, places)
    unit = Fraction(1, 10**places)
    assert -unit / 2 < rounded - value <= unit / 2
    assert rounded * 10**places == int(rounded * 10**places)


@given(
    st.fractions(min_value=0, max_value=100),
    st.integers(0, 100).map(Fraction),
    st.integers(0, 4),
)
def test_threshold_compares_the_shown_value(value, threshold, places):
    assert at_least(value, threshold, places) == (Fraction(fixed(value, places)) >= threshold)


def test_exact_text_and_decimals():
    assert exact_text(Fraction(400, 9)) == "400/9"
    assert exact_text(Fraction(100)) == "100"
    assert decimals_of(Fraction(121, 2)) == 1
    assert decimals_of(Fraction(15999, 200)) == 3
    assert decimals_of(Fraction(1, 3)) is None


def test_equal_ratios_are_one_shared_value(monkeypatch):
    """ratio() remembers its results: scores repeat a lot (a survivor skipped the lookup)."""
    monkeypatch.setattr(numbers, "_RATIOS", {})
    first = ratio(2, 3)
    assert first == Fraction(200, 3)
    assert ratio(2, 3) is first

"""A series of example years: the anchor year is the single-year example, the others drift.

The law (``ranham.reference.example_dataset``, ``anchor``): the anchor year of a series is
byte for byte the single-year example of that year; in every other year each institution's
completion (the share of its actions it carries out) and diligence lie within
``COMPLETION_DRIFT`` and ``DILIGENCE_DRIFT`` of where they stood in the neighbouring year nearer
the anchor, and it carries out that share of its actions, rounded; a re-coded regency keeps its
trajectory. On average an institution's annual score therefore moves less from one year to the
next than when every year is drawn independently.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ranham import io
from ranham.reference import (
    COMPLETION_DRIFT,
    DILIGENCE_DRIFT,
    example_dataset,
    example_levels,
    series_key,
)
from ranham.rules import evaluate_years
from tests.conftest import examples

YEARS = st.sampled_from((2021, 2022, 2023, 2024, 2025))
SEEDS = st.integers(min_value=0, max_value=2**32)
SMALL = 0.02


@settings(max_examples=10, deadline=None)
@given(year=YEARS, seed=SEEDS)
def test_the_anchor_year_is_the_single_year_example(year, seed):
    alone = io.dumps(example_dataset(year=year, seed=seed, scale=SMALL))
    assert io.dumps(example_dataset(year=year, seed=seed, scale=SMALL, anchor=year)) == alone


@settings(max_examples=examples(15), deadline=None)
@given(year=YEARS, anchor=YEARS, seed=SEEDS)
def test_every_institution_drifts_at_most_the_bound_from_the_year_nearer_the_anchor(
    year, anchor, seed
):
    if year == anchor:
        year = 2021 if anchor != 2021 else 2025
    nearer = year - 1 if year > anchor else year + 1
    before = example_levels(year=nearer, seed=seed, anchor=anchor)  # scale 1: every region
    after = example_levels(year=year, seed=seed, anchor=anchor)
    both = before.keys() & after.keys()
    assert len(both) >= len(after) - 30  # all but the new provinces and their regencies
    for key in both:
        old, new = before[key], after[key]
        assert abs(new.completion - old.completion) <= COMPLETION_DRIFT + 1e-12, key
        assert abs(new.diligence - old.diligence) <= DILIGENCE_DRIFT + 1e-12, key
        assert new.carried == int(new.completion * new.assigned + 0.5), key
    fresh = example_levels(year=year, seed=seed)  # drawn alone
    assert fresh.keys() == after.keys()
    assert any(fresh[k] != after[k] for k in both)


@settings(max_examples=10, deadline=None)
@given(year=YEARS, seed=SEEDS)
def test_in_the_anchor_year_the_completion_is_the_share_of_actions_carried_out(year, seed):
    for level in example_levels(year=year, seed=seed, scale=SMALL, anchor=year).values():
        assert level.completion == level.carried / level.assigned


def test_a_recoded_regency_keeps_its_trajectory():
    """Kota Sorong: 92.71 in 2022, 96.71 from 2023, one level drifting across the change."""
    assert series_key("92.71") == "96.71"
    in_2022 = example_levels(year=2022, seed=1, anchor=2022)["96.71"]
    in_2023 = example_levels(year=2023, seed=1, anchor=2022)["96.71"]
    alone_2023 = example_levels(year=2023, seed=1)["96.71"]
    assert abs(in_2023.diligence - in_2022.diligence) <= DILIGENCE_DRIFT + 1e-12
    assert abs(in_2023.completion - in_2022.completion) <= COMPLETION_DRIFT + 1e-12
    assert in_2023 != alone_2023  # drifted, not drawn afresh
    dataset = example_dataset(year=2023, seed=1, scale=1.0, anchor=2022)
    assert any(r.institution == "96.71" for r in dataset.reports)


@pytest.mark.parametrize("seed", [1, 7])
def test_scores_move_less_from_year_to_year_than_independent_draws(seed):
    def mean_change(anchor):
        series = [
            example_dataset(year=y, seed=seed, scale=0.2, anchor=anchor) for y in (2022, 2023)
        ]
        cycles = evaluate_years(series)
        changes = [cycles.change(k, 2023) for k in cycles.codes]
        moved = [abs(c) for c in changes if c is not None]
        return sum(moved) / len(moved)

    assert mean_change(2022) < mean_change(None) * 3 / 4


def test_a_year_of_a_series_says_its_anchor():
    dataset = example_dataset(year=2023, seed=1, scale=SMALL, anchor=2021)
    assert dataset.extensions["ranham"]["anchor"] == 2021
    assert "anchor" not in example_dataset(year=2023, seed=1, scale=SMALL).extensions["ranham"]


def test_the_streamed_reports_of_a_series_year_are_the_dataset_s():
    from ranham.reference import example_reports

    arguments = {"year": 2024, "seed": 3, "scale": SMALL, "anchor": 2022}
    streamed = tuple(example_reports(**arguments))
    assert streamed == example_dataset(**arguments).reports
    assert streamed != example_dataset(year=2024, seed=3, scale=SMALL).reports


@settings(max_examples=5, deadline=None)
@given(year=YEARS, anchor=YEARS, seed=SEEDS)
def test_below_scale_one_a_series_keeps_the_anchor_s_institutions(year, anchor, seed):
    from ranham.reference import example_institutions

    def keys(of_year, **kwargs):
        institutions = example_institutions(year=of_year, seed=seed, scale=0.05, **kwargs)
        return {series_key(i.code) for i in institutions}

    kept = keys(anchor)
    assert keys(anchor, anchor=anchor) == kept
    new_provinces = {"93", "94", "95", "96"}
    assert keys(year, anchor=anchor) - new_provinces == kept - new_provinces

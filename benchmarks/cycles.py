"""Evaluation across years costs at most five one-year evaluations plus 10 % (issue 18).

    python benchmarks/cycles.py [--scale 0.25] [--rounds 5] [--seed 1]

Five national example years (2021-2025) are generated once. Two contenders then run in this
one process, alternating (the order swapped every round), with ``gc.collect()`` before each
timed call and the collector otherwise at the interpreter's default:

- **one year at a time**: for each year, ``score(dataset)`` and its full JSON (``to_json``);
- **five years at once**: ``evaluate_years(datasets)``, the full JSON of each year from it, and
  the JSON across years (per year, plan period and change for the nation, tiers and every
  institution).

Each contender starts from freshly constructed scores (nothing is remembered between calls).
The ratio of the medians is printed with PASS when it is at most 1.10. No test asserts a time:
the tests check only the correctness of what is measured here.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable

from ranham.model import Dataset
from ranham.reference import example_dataset
from ranham.rules import evaluate_years, score

GOAL = 1.10
YEARS = (2021, 2022, 2023, 2024, 2025)


def one_year_at_a_time(datasets: list[Dataset]) -> object:
    """Five separate one-year evaluations."""
    return [score(dataset).to_json() for dataset in datasets]


def five_years_at_once(datasets: list[Dataset]) -> object:
    """One evaluation across the five years, each year's JSON included."""
    cycles = evaluate_years(datasets)
    yearly = [cycles.scores(year).to_json() for year in cycles.years]
    return yearly, cycles.to_json()


def _time(call: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    result = call()
    elapsed = time.perf_counter() - start
    del result
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.25)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    datasets = [example_dataset(year=y, seed=args.seed, scale=args.scale) for y in YEARS]
    contenders = {
        "one year at a time": one_year_at_a_time,
        "five years at once": five_years_at_once,
    }
    one = one_year_at_a_time(datasets)
    both = five_years_at_once(datasets)
    assert one == both[0], "the five-year evaluation must give each year's figures unchanged"
    times: dict[str, list[float]] = {name: [] for name in contenders}
    names = list(contenders)
    for index in range(args.rounds):
        for name in names if index % 2 == 0 else reversed(names):
            times[name].append(_time(lambda f=contenders[name]: f(datasets)))
    single = statistics.median(times["one year at a time"])
    whole = statistics.median(times["five years at once"])
    ratio = whole / single
    print(f"scale {args.scale}, seed {args.seed}, {args.rounds} rounds, medians:")
    print(f"  five one-year evaluations  {single:8.3f} s")
    print(f"  one five-year evaluation   {whole:8.3f} s")
    verdict = "PASS" if ratio <= GOAL else "MISS"
    print(f"  ratio {ratio:.3f} (goal <= {GOAL:.2f}): {verdict}")


if __name__ == "__main__":
    main()

"""Score a national year and print the tier table, as an analyst's script would.

The scenario: an analyst of the PANRANHAM secretariat receives the dataset of a year — the
catalog, every implementer and every report — and needs the figures of the annual report: the
mean score of each tier (ministries and agencies, provinces, regencies and cities) per period and
for the year, the tier targets and whether they were met, participation, the share of targets
achieved, and the national figure, which is the plain mean of the tier means.

The dataset here is the shipped national example (real institution lists, synthetic outcomes),
so the script runs anywhere; pass ``--dataset FILE`` to score a dataset file instead. Scores are
exact fractions, rounded once to two decimals for display by the rule set.

Run it with ``python examples/score_dataset.py`` (``--help`` for the options).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ranham import Dataset, io, score
from ranham.reference import example_dataset

TIER_NAMES = {
    "kl": "K/L (ministries, agencies)",
    "provinsi": "Provinces",
    "kabkota": "Regencies/cities",
}


def load(args: argparse.Namespace) -> tuple[Dataset, str]:
    """The dataset to score, and a line saying what it is."""
    if args.dataset is not None:
        return io.load(args.dataset, kind=Dataset), f"dataset {args.dataset}"
    dataset = example_dataset(year=args.year, seed=args.seed, scale=args.scale)
    return dataset, f"national example {args.year} (seed {args.seed}, synthetic outcomes)"


def tier_table(result: dict[str, Any]) -> list[str]:
    """The lines of the tier table, from the JSON of ``ranham score``."""
    periods: list[str] = result["periods"]
    heads = [p.split("-")[1] for p in periods]
    header = (
        f"{'Tier':<28}"
        + "".join(f"{h:>8}" for h in heads)
        + f"{'Annual':>8}{'Target':>8}{'Met':>5}{'Achieved':>14}{'Ratio %':>9}"
    )
    lines = [header, "-" * len(header)]

    def cell(value: object) -> str:
        return "—" if value is None else str(value)

    for tier in result["tiers"]:
        met = {True: "yes", False: "no", None: "—"}[tier["target_met"]]
        lines.append(
            f"{TIER_NAMES[tier['tier']]:<28}"
            + "".join(f"{cell(tier['periods'][p]):>8}" for p in periods)
            + f"{cell(tier['annual']):>8}{cell(tier['target']):>8}{met:>5}"
            + f"{str(tier['achieved']) + '/' + str(tier['targets']):>14}"
            + f"{cell(tier['achievement_ratio']):>9}"
        )
    national = result["national"]
    lines.append(
        f"{'National':<28}"
        + "".join(f"{cell(national['periods'][p]):>8}" for p in periods)
        + f"{cell(national['annual']):>8}{'':>8}{'':>5}"
        + f"{str(result['achieved']) + '/' + str(result['targets']):>14}"
        + f"{cell(result['achievement_ratio']):>9}"
    )
    return lines


def participation_table(result: dict[str, Any]) -> list[str]:
    """Participating institutions per tier and period, as a percentage."""
    periods: list[str] = result["periods"]
    lines = [f"{'Participation %':<28}" + "".join(f"{p.split('-')[1]:>8}" for p in periods)]
    for tier in result["tiers"]:
        lines.append(
            f"{TIER_NAMES[tier['tier']]:<28}"
            + "".join(f"{tier['participation'][p]:>8}" for p in periods)
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Score the year and print the tables."""
    parser = argparse.ArgumentParser(description="Score a RANHAM year; print the tier table.")
    parser.add_argument("--dataset", type=Path, help="a dataset file (default: the example)")
    parser.add_argument("--year", type=int, default=2022, help="example year (default 2022)")
    parser.add_argument("--seed", type=int, default=1, help="example seed (default 1)")
    parser.add_argument("--scale", type=float, default=1.0, help="example size (default 1)")
    args = parser.parse_args(argv)

    dataset, what = load(args)
    scores = score(dataset)
    result = scores.to_json()
    print(f"RANHAM {scores.year}: {what}")
    print(
        f"{len(scores.codes)} institutions with assigned actions; rule set "
        f"{scores.ruleset.id} version {scores.ruleset.version}"
    )
    print()
    print("\n".join(tier_table(result)))
    print()
    print("\n".join(participation_table(result)))
    print()
    national = scores.value("N")
    print(f"National figure N = {scores.shown('N')} (exact {national})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

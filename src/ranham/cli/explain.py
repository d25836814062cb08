"""``ranham explain DATASET QUANTITY``: why a score or decision is what it is, down to the measures.

Quantity names are those of the scoring rules: ``S(32.16,2022-B04)``, ``S(32.16)``,
``s(32.16,2022-kabkota-1)``, ``T(kabkota)``, ``N``, ``ratio``, ``eligible(32.16)``, ….
"""

from __future__ import annotations

import argparse

from ranham.cli._common import add_format
from ranham.cli.score import (
    add_common,
    add_depth,
    load_dataset,
    print_explanation,
    ruleset_argument,
)
from ranham.rules import FORMS, score
from ranham.words import Lang


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham explain``."""
    add_common(parser)
    parser.add_argument(
        "quantity",
        metavar="QUANTITY",
        help=f"what to explain, one of: {', '.join(FORMS)}; e.g. 'S(32.16,2022-B04)' "
        "(quote it in the shell)",
    )
    add_format(parser, ("text", "json"), "text")
    add_depth(parser)


def run(args: argparse.Namespace) -> int:
    """Print the explanation tree of one quantity."""
    lang: Lang = args.lang
    dataset = load_dataset(args.dataset, lang)
    if isinstance(dataset, int):
        return dataset
    scores = score(dataset, ruleset_argument(args.ruleset))
    return print_explanation(scores, args.quantity, args.format, lang, args.depth)

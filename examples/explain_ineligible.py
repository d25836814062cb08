"""Explain why an institution is not eligible for the incentive, as an official must.

The scenario: the head of Kabupaten Bekasi asks the ministry why the regency got no incentive
for 2022. The official runs the year's eligibility rules and answers from one explanation: which
criteria failed, what was observed and what was required, down to the report that came late,
the report that was returned and the score of each period. The answer names the rule set and its
version, so it can be checked again years later.

The dataset is the shipped national example of 2022 (real institutions, synthetic outcomes),
in which Kabupaten Bekasi scores 44.44; pass another region code or ministry slug to explain a
different institution, ``--lang en`` for English.

Run it with ``python examples/explain_ineligible.py [CODE] [--lang id|en]``.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ranham import UnknownNameError, eligibility
from ranham.reference import example_dataset
from ranham.rules import explain, render_text
from ranham.words import Lang

TEXT = {
    "en": {
        "eligible": "{name} ({code}) is eligible for the {year} incentive: "
        "rank {rank} of its tier.",
        "not": "{name} ({code}) is not eligible for the {year} incentive.",
        "failed": "Failed criteria:",
        "passed": "Criteria met:",
        "line": "  {mark} {criterion}: observed {observed}; required {required}",
        "why": "Why:",
        "unknown": "{code} is not judged: {reason}",
    },
    "id": {
        "eligible": "{name} ({code}) layak menerima insentif {year}: "
        "peringkat {rank} di tingkatnya.",
        "not": "{name} ({code}) tidak layak menerima insentif {year}.",
        "failed": "Kriteria yang tidak terpenuhi:",
        "passed": "Kriteria yang terpenuhi:",
        "line": "  {mark} {criterion}: teramati {observed}; disyaratkan {required}",
        "why": "Alasannya:",
        "unknown": "{code} tidak dinilai: {reason}",
    },
}


def main(argv: Sequence[str] | None = None) -> int:
    """Decide eligibility for the year and explain one institution's decision."""
    parser = argparse.ArgumentParser(description="Explain one incentive-eligibility decision.")
    parser.add_argument("code", nargs="?", default="32.16", help="institution (default 32.16)")
    parser.add_argument("--lang", choices=("id", "en"), default="id", help="language (default id)")
    parser.add_argument("--depth", type=int, default=2, help="explanation depth (default 2)")
    args = parser.parse_args(argv)
    lang: Lang = args.lang
    text = TEXT[lang]

    dataset = example_dataset(year=2022, seed=1)
    result = eligibility(dataset)
    try:
        decision = result.decision(args.code)
    except UnknownNameError as error:
        print(text["unknown"].format(code=args.code, reason=error))
        return 2
    name = dataset.institution(args.code).name
    year = dataset.catalog.year
    if decision.eligible:
        print(text["eligible"].format(name=name, code=args.code, year=year, rank=decision.rank))
    else:
        print(text["not"].format(name=name, code=args.code, year=year))

    for heading, passed in (("failed", False), ("passed", True)):
        chosen = [c for c in decision.criteria if c.passed is passed]
        if chosen:
            print(text[heading])
        for criterion in chosen:
            print(
                text["line"].format(
                    mark="✓" if passed else "✗",
                    criterion=criterion.criterion.value,
                    observed=criterion.observed.text(lang),
                    required=criterion.required.text(lang),
                )
            )

    print()
    print(text["why"])
    print(render_text(explain(result, f"eligible({args.code})"), lang, depth=args.depth))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

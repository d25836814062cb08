"""``ranham trend DATASET...``: the plan's years side by side, the plan-period figure and change.

Give the datasets of one plan, one per year, in any order. The table shows the nation and each
tier per year, over the plan period (``PLAN``) and the change from the year before; ``--code``
shows one institution's trajectory instead (matched across editions of the region codes).
``--format xlsx --out FILE`` writes the trend workbook (:func:`ranham.sheets.write_trend_workbook`):
the same figures as numbers, a sheet per tier with every institution, the ``--code``
institution's own sheet, and a line chart of the nation and each tier.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from fractions import Fraction

from ranham.cli._common import (
    EXIT_OK,
    add_format,
    add_lang,
    clean_lines,
    print_json,
    render_csv,
    render_table,
)
from ranham.cli._sheets import add_out, digest, needs_out, write_trend
from ranham.cli.score import TIER_NAMES, add_depth, load_dataset
from ranham.model import Dataset
from ranham.rules import Cycles, evaluate_years, node_to_json, render_text
from ranham.rules.numbers import fixed_change
from ranham.rules.scoring import TIERS
from ranham.validation.messages import Lang

__all__ = ["configure", "run", "trend_table"]

HEAD: dict[str, dict[str, str]] = {
    "en": {
        "title": "RANHAM {first}-{last} across years · rule set {id} (version {version}) · "
        "missing_year {missing}",
        "annual": "Annual score",
        "change": "Change from the year before",
        "subject": "",
        "plan": "Plan",
        "national": "National",
        "listed": "Listed as",
        "institution": "{code} {name} ({tier})",
    },
    "id": {
        "title": "RANHAM {first}-{last} lintas tahun · aturan {id} (versi {version}) · "
        "missing_year {missing}",
        "annual": "Nilai tahunan",
        "change": "Perubahan dari tahun sebelumnya",
        "subject": "",
        "plan": "Rencana",
        "national": "Nasional",
        "listed": "Terdaftar sebagai",
        "institution": "{code} {name} ({tier})",
    },
}


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham trend``."""
    parser.add_argument(
        "datasets",
        metavar="DATASET",
        nargs="+",
        help="dataset documents (.json) of one plan, one per year, in any order",
    )
    parser.add_argument(
        "--ruleset",
        metavar="ID|PATH",
        help="a shipped rule set id or a path ending in .toml, covering every year given "
        "(default: the shipped default rule set of the plan)",
    )
    add_lang(parser)
    parser.add_argument(
        "--code",
        metavar="CODE",
        help="one institution's trajectory (an old region code finds its re-coded successor)",
    )
    add_format(parser, ("table", "json", "csv", "xlsx"), "table")
    add_out(parser)
    parser.add_argument(
        "--explain",
        metavar="QUANTITY",
        help="explain one quantity across years instead, e.g. 'S(32.16,PLAN)', 'change(2023)', "
        "'T(kl,2022)' or any name of one year that holds a period",
    )
    add_depth(parser)


def run(args: argparse.Namespace) -> int:
    """Evaluate the years and print the trend (or one explanation)."""
    lang: Lang = args.lang
    if args.explain is None:
        refused = needs_out(args)  # before any dataset is read
        if refused is not None:
            return refused
    datasets: list[Dataset] = []
    digests: dict[int, str] = {}
    for path in args.datasets:
        loaded = load_dataset(path, lang)
        if isinstance(loaded, int):
            return loaded
        datasets.append(loaded)
        if args.format == "xlsx":
            digests[loaded.catalog.year] = digest(path)
    cycles = evaluate_years(datasets, args.ruleset)
    if args.explain is not None:
        node = cycles.explain(args.explain)
        if args.format == "json":
            print_json(node_to_json(node, depth=args.depth))
        else:
            print(clean_lines(render_text(node, lang, depth=args.depth)))
        return EXIT_OK
    if args.code is not None:
        cycles.to_json(code=args.code)  # refuses an unknown code before printing anything
    if args.format == "xlsx":  # the trend workbook (ranham.sheets)
        return write_trend(args, cycles, digests)
    if args.format == "json":
        print_json(cycles.to_json(code=args.code))
    elif args.format == "csv":
        sys.stdout.write(_csv(cycles, args.code))
    else:
        print(trend_table(cycles, args.code, lang))
    return EXIT_OK


Row = tuple[str, Callable[[int], Fraction | None], Fraction | None]


def _rows(cycles: Cycles, code: str | None, lang: Lang) -> tuple[list[Row], list[Row]]:
    """(label, per-year value, plan value) for the annual and the change tables."""
    annual: list[Row] = []
    change: list[Row] = []
    if code is not None:
        key = cycles.to_json(code=code)["institutions"][0]["code"]
        tier = cycles.tier_of(key)
        name = _name(cycles, key)
        label = (
            HEAD[lang]["institution"]
            .format(code=key, name=name, tier=TIER_NAMES[lang][tier])
            .replace(" ()", "")
        )
        annual.append((label, lambda y: cycles.annual(key, y), cycles.plan_score(key)))
        change.append((label, lambda y: cycles.change(key, y), None))
        return annual, change
    national = HEAD[lang]["national"]
    annual.append((national, cycles.national, cycles.national_plan()))
    change.append((national, cycles.national_change, None))
    for tier in TIERS:
        if not any(cycles.by_year[y].members(tier) for y in cycles.years):
            continue
        label = TIER_NAMES[lang][tier]
        annual.append((label, _bind(cycles.tier_annual, tier), cycles.tier_plan(tier)))
        change.append((label, _bind(cycles.tier_change, tier), None))
    return annual, change


def _bind(
    method: Callable[..., Fraction | None], first: object
) -> Callable[[int], Fraction | None]:
    return lambda year: method(first, year)


def _name(cycles: Cycles, key: str) -> str:
    for year in reversed(cycles.years):
        listed = cycles.listed(key, year)
        if listed is not None:
            return cycles.scores(year).institution(listed).name
    return ""  # pragma: no cover - every key is listed in some year


def trend_table(cycles: Cycles, code: str | None, lang: Lang) -> str:
    """The text of ``ranham trend``: annual scores and plan period, then the changes."""
    h = HEAD[lang]
    rules = cycles.ruleset
    years = cycles.years
    out = [
        h["title"].format(
            first=years[0],
            last=years[-1],
            id=rules.id,
            version=rules.version,
            missing=cycles.missing_year.value,
        ),
        "",
    ]
    annual, change = _rows(cycles, code, lang)
    headers = [h["subject"], *map(str, years), h["plan"]]
    right = tuple(range(1, len(headers)))
    out.append(h["annual"])
    rows = [
        [label, *(cycles.round(of(y)) for y in years), cycles.round(plan)]
        for label, of, plan in annual
    ]
    out += [render_table(headers, rows, right=right), ""]
    out.append(h["change"])
    rows = [
        [label, *(fixed_change(of(y), cycles.places) for y in years)] for label, of, _ in change
    ]
    out.append(render_table(headers[:-1], rows, right=right[:-1]))
    if code is not None:
        key = cycles.to_json(code=code)["institutions"][0]
        listed = [f"{y}: {c}" for y, c in key["listed_as"].items() if c is not None]
        out += ["", f"{h['listed']}: {', '.join(listed)}"]
    return "\n".join(out)


def _csv(cycles: Cycles, code: str | None) -> str:
    years = cycles.years
    headers = ["subject", "figure", *map(str, years), "plan"]
    data = cycles.to_json(code=code)
    rows: list[list[object]] = []
    subjects: list[tuple[str, dict[str, object]]] = []
    if code is None:
        subjects.append(("national", data["national"]))
        subjects += [(t["tier"], t) for t in data["tiers"]]
    subjects += [(i["code"], i) for i in data["institutions"]]
    for subject, figures in subjects:
        for figure in ("annual", "change"):
            by_year = figures[figure]
            if not isinstance(by_year, dict):  # pragma: no cover - the JSON shape
                continue
            plan = figures["plan"] if figure == "annual" else None
            rows.append([subject, figure, *(by_year[str(y)] for y in years), plan])
    return render_csv(headers, rows)

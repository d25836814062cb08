"""``ranham eligibility DATASET``: who is eligible for the year's incentive, ranked per tier."""

from __future__ import annotations

import argparse
import sys

from ranham.cli._common import EXIT_OK, add_format, print_json, render_csv, render_table
from ranham.cli._sheets import add_out, write_scores
from ranham.cli.score import TIER_NAMES, add_common, add_depth, load_dataset, print_explanation
from ranham.model import Tier
from ranham.rules import Decision, Eligibility, eligibility
from ranham.rules.scoring import TIERS
from ranham.validation.messages import Lang

HEAD: dict[str, dict[str, str]] = {
    "en": {
        "title": "Incentive eligibility {year} · rule set {id} (version {version}) · criteria: "
        "{criteria}",
        "eligible": "Eligible: {tier}",
        "none-eligible": "Eligible: {tier}: none",
        "not-eligible": "Not eligible",
        "rank": "Rank",
        "code": "Code",
        "name": "Name",
        "tier": "Tier",
        "annual": "Annual score",
        "failed": "First failed criterion",
        "observed": "Observed",
        "required": "Required",
        "no-criteria": "none",
    },
    "id": {
        "title": "Kelayakan insentif {year} · aturan {id} (versi {version}) · kriteria: {criteria}",
        "eligible": "Layak: {tier}",
        "none-eligible": "Layak: {tier}: tidak ada",
        "not-eligible": "Tidak layak",
        "rank": "Peringkat",
        "code": "Kode",
        "name": "Nama",
        "tier": "Tingkat",
        "annual": "Nilai tahunan",
        "failed": "Kriteria pertama yang gagal",
        "observed": "Teramati",
        "required": "Disyaratkan",
        "no-criteria": "tidak ada",
    },
}


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham eligibility``."""
    add_common(parser)
    parser.add_argument(
        "--tier", choices=[t.value for t in TIERS], help="show one tier only (ranks do not change)"
    )
    add_format(parser, ("table", "json", "csv", "xlsx"), "table")
    add_out(parser)
    parser.add_argument(
        "--explain",
        metavar="CODE",
        help="explain one institution's decision and rank, down to its reports, measures and "
        "allegations (e.g. 32.16)",
    )
    add_depth(parser)


def run(args: argparse.Namespace) -> int:
    """Decide eligibility and print the decisions (or one explanation)."""
    lang: Lang = args.lang
    dataset = load_dataset(args.dataset, lang)
    if isinstance(dataset, int):
        return dataset
    result = eligibility(dataset, args.ruleset)
    if args.explain is not None:
        code = args.explain
        decision = result.decision(code)
        quantity = f"rank({code})" if decision.rank is not None else f"eligible({code})"
        fmt = "json" if args.format == "json" else "text"
        return print_explanation(result, quantity, fmt, lang, args.depth)
    tiers = TIERS if args.tier is None else (Tier(args.tier),)
    if args.format == "xlsx":  # the score workbook with eligibility (ranham.sheets)
        return write_scores(args, result.scores, result)
    if args.format == "json":
        print_json(result.to_json(lang=lang, tier=args.tier))
    elif args.format == "csv":
        sys.stdout.write(_csv(result, tiers, lang))
    else:
        print(_table(result, tiers, lang))
    return EXIT_OK


def _name(result: Eligibility, code: str) -> str:
    return result.scores.institution(code).name


def _table(result: Eligibility, tiers: tuple[Tier, ...], lang: Lang) -> str:
    h = HEAD[lang]
    scores = result.scores
    rules = result.ruleset
    criteria = ", ".join(str(c) for c in rules.eligibility.criteria) or h["no-criteria"]
    out = [
        h["title"].format(year=scores.year, id=rules.id, version=rules.version, criteria=criteria),
        "",
    ]
    for tier in tiers:
        if tier not in scores.tiers:
            continue
        ranked = result.ranked(tier)
        if not ranked:
            out += [h["none-eligible"].format(tier=TIER_NAMES[lang][tier]), ""]
            continue
        out.append(h["eligible"].format(tier=TIER_NAMES[lang][tier]))
        rows = [
            [d.rank, d.code, _name(result, d.code), scores.round(scores.institution_annual(d.code))]
            for d in ranked
        ]
        out += [
            render_table([h["rank"], h["code"], h["name"], h["annual"]], rows, right=(0, 3)),
            "",
        ]
    others = [d for d in result.decisions if not d.eligible and d.tier in tiers]
    if others:
        out.append(h["not-eligible"])
        failed_rows = [_failed_row(result, d, lang) for d in others]
        columns = [h["code"], h["name"], h["tier"], h["failed"], h["observed"], h["required"]]
        out.append(render_table(columns, failed_rows))
    return "\n".join(out).rstrip()


def _failed_row(result: Eligibility, decision: Decision, lang: Lang) -> list[object]:
    first = decision.failed[0]
    return [
        decision.code,
        _name(result, decision.code),
        TIER_NAMES[lang][decision.tier],
        str(first.criterion),
        first.observed.text(lang),
        first.required.text(lang),
    ]


def _csv(result: Eligibility, tiers: tuple[Tier, ...], lang: Lang) -> str:
    criteria = result.ruleset.eligibility.criteria
    headers = ["code", "name", "tier", "eligible", "rank", "first_failed"]
    for criterion in criteria:
        headers += [f"{criterion}", f"{criterion} observed", f"{criterion} required"]
    rows: list[list[object]] = []
    for d in result.decisions:
        if d.tier not in tiers:
            continue
        row: list[object] = [
            d.code,
            _name(result, d.code),
            d.tier.value,
            "true" if d.eligible else "false",
            d.rank,
            str(d.failed[0].criterion) if d.failed else "",
        ]
        for c in d.criteria:
            row += ["true" if c.passed else "false", c.observed.text(lang), c.required.text(lang)]
        rows.append(row)
    return render_csv(headers, rows)

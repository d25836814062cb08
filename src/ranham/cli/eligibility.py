"""``ranham eligibility DATASET``: who is eligible for the year's incentive, ranked per tier."""

from __future__ import annotations

import argparse
import sys

from ranham.cli._common import (
    EXIT_OK,
    EXIT_USAGE,
    add_format,
    clean,
    fail,
    print_json,
    render_csv,
    render_table,
    table_width,
)
from ranham.cli._sheets import add_out, write_scores
from ranham.cli.score import (
    CRITERION_NAMES,
    TIER_NAMES,
    add_common,
    add_depth,
    add_selection,
    load_dataset,
    print_explanation,
    ruleset_argument,
    selected,
)
from ranham.model import Dataset, Tier
from ranham.rules import Decision, Eligibility, eligibility, evaluate_years
from ranham.rules.scoring import TIERS
from ranham.words import Lang

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
        "failed": "Failed criteria",
        "observed": "Observed",
        "required": "Required",
        "no-criteria": "none",
        "unknown-code": "--explain {code}: no institution of this dataset has that code; give the "
        "code of a listed institution (e.g. {example}); `ranham eligibility DATASET` lists the "
        "judged ones.",
        "not-judged": "--explain {code}: {name} has no action assigned in this dataset, so it is "
        "not judged for the incentive; choose an institution listed by `ranham eligibility "
        "DATASET`.",
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
        "failed": "Kriteria yang gagal",
        "observed": "Teramati",
        "required": "Disyaratkan",
        "no-criteria": "tidak ada",
        "unknown-code": "--explain {code}: tidak ada instansi berkode itu dalam dataset ini; "
        "berikan kode instansi yang terdaftar (mis. {example}); `ranham eligibility DATASET` "
        "mendaftar instansi yang dinilai.",
        "not-judged": "--explain {code}: {name} tidak mendapat aksi dalam dataset ini, sehingga "
        "tidak dinilai untuk insentif; pilih instansi yang terdaftar oleh `ranham eligibility "
        "DATASET`.",
    },
}


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham eligibility``."""
    add_common(parser)
    parser.add_argument(
        "--tier", choices=[t.value for t in TIERS], help="show one tier only (ranks do not change)"
    )
    add_format(parser, ("table", "json", "csv", "xlsx"), "table")
    add_selection(parser, tier=False)
    add_out(parser)
    parser.add_argument(
        "--explain",
        metavar="CODE",
        help="explain one institution's decision and rank, down to its reports, measures and "
        "allegations (e.g. 32.16)",
    )
    add_depth(parser)
    parser.add_argument(
        "--previous",
        metavar="DATASET",
        nargs="+",
        help="datasets of earlier years of the plan, for the look-back criteria "
        "(previous-year-score, consistent-reporting); a missing year is named, exit 2",
    )


def run(args: argparse.Namespace) -> int:
    """Decide eligibility and print the decisions (or one explanation)."""
    lang: Lang = args.lang
    dataset = load_dataset(args.dataset, lang)
    if isinstance(dataset, int):
        return dataset
    ruleset = ruleset_argument(args.ruleset)
    if args.previous:
        earlier = [load_dataset(path, lang) for path in args.previous]
        failed = next((status for status in earlier if isinstance(status, int)), None)
        if failed is not None:
            return failed
        cycles = evaluate_years([dataset, *earlier], ruleset)  # type: ignore[list-item]
        result = cycles.eligibility(dataset.catalog.year)
    else:
        result = eligibility(dataset, ruleset)
    if args.explain is not None:
        code = args.explain
        if code not in result.scores.codes:
            return _not_judged(dataset, result, code, lang)
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
        print(_table(result, tiers, lang, args))
    return EXIT_OK


def _not_judged(dataset: Dataset, result: Eligibility, code: str, lang: Lang) -> int:
    """Refuse ``--explain`` of a code that is not judged, saying why and what to give instead."""
    listed = {institution.code: institution.name for institution in dataset.institutions}
    if code in listed:
        message = HEAD[lang]["not-judged"].format(code=code, name=listed[code])
    else:
        example = result.scores.codes[0] if result.scores.codes else next(iter(listed), "32.16")
        message = HEAD[lang]["unknown-code"].format(code=code, example=example)
    return fail(clean(message), EXIT_USAGE)


def _name(result: Eligibility, code: str) -> str:
    return result.scores.institution(code).name


def _table(
    result: Eligibility, tiers: tuple[Tier, ...], lang: Lang, args: argparse.Namespace
) -> str:
    """Eligible institutions per tier in rank order, then the others with every failed criterion.

    ``--code``/``--province`` choose the institutions shown (ranks do not change); ``--sort``
    orders the others; names are shortened to fit the terminal unless ``--wide``.
    """
    h = HEAD[lang]
    scores = result.scores
    shown = selected(scores, [d.code for d in result.decisions], args)
    chosen = set(shown)
    width = table_width(args.wide)
    rules = result.ruleset
    names = CRITERION_NAMES[lang]
    criteria = ", ".join(names.get(str(c), str(c)) for c in rules.eligibility.criteria)
    criteria = criteria or h["no-criteria"]
    out = [
        h["title"].format(year=scores.year, id=rules.id, version=rules.version, criteria=criteria),
        "",
    ]
    for tier in tiers:
        if tier not in scores.tiers:
            continue
        ranked = [d for d in result.ranked(tier) if d.code in chosen]
        if (args.code or args.province) and not any(
            result.decision(code).tier is tier for code in shown
        ):
            continue  # a tier the selection left out is not "none eligible"
        if not ranked:
            out += [h["none-eligible"].format(tier=TIER_NAMES[lang][tier]), ""]
            continue
        out.append(h["eligible"].format(tier=TIER_NAMES[lang][tier]))
        rows = [
            [d.rank, d.code, _name(result, d.code), scores.round(scores.institution_annual(d.code))]
            for d in ranked
        ]
        out += [
            render_table(
                [h["rank"], h["code"], h["name"], h["annual"]],
                rows,
                right=(0, 3),
                width=width,
                shrink=2,
                decimal_comma=lang == "id",
            ),
            "",
        ]
    by_code = {d.code: d for d in result.decisions}
    others = [
        by_code[code]
        for code in shown
        if not by_code[code].eligible and by_code[code].tier in tiers
    ]
    if others:
        out.append(h["not-eligible"])
        failed_rows = [row for d in others for row in _failed_rows(result, d, lang)]
        columns = [h["code"], h["name"], h["tier"], h["failed"], h["observed"], h["required"]]
        table = render_table(
            columns,
            failed_rows,
            width=width,
            shrink=1,
            decimal_comma=lang == "id",
            numeric=(4, 5),
        )
        out.append(table)
    return "\n".join(out).rstrip()


def _failed_rows(result: Eligibility, decision: Decision, lang: Lang) -> list[list[object]]:
    """One row per failed criterion; the institution is named on the first only."""
    rows: list[list[object]] = []
    for index, failed in enumerate(decision.failed):
        who: list[object] = (
            [decision.code, _name(result, decision.code), TIER_NAMES[lang][decision.tier]]
            if index == 0
            else ["", "", ""]
        )
        rows.append(
            [
                *who,
                CRITERION_NAMES[lang].get(str(failed.criterion), str(failed.criterion)),
                failed.observed.text(lang),
                failed.required.text(lang),
            ]
        )
    return rows


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

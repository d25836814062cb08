"""``ranham demo``: the whole chain on a generated national year, in memory.

It generates a national example (real institution lists, synthetic outcomes), writes it as the
harmonised JSON a ministry would receive, validates those bytes, reads them back, scores the
year, decides incentive eligibility and explains one decision, printing the tier table with
targets, the national figure, participation, the top eligible institutions of each tier and
the explanation. It ends with the trend of the nation and its tiers across the plan's years
(``--years``, default 2021-2025): a series with the same seed and scale, anchored at the demo's
year (each other year drifts from its neighbour, as ``ranham example --years`` writes it).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from ranham import io
from ranham.cli._common import EXIT_FINDINGS, EXIT_OK, add_lang, clean_lines, number, render_table
from ranham.cli.example import parse_years, series_anchor
from ranham.cli.score import TIER_NAMES, participation_table, tier_table, title
from ranham.cli.trend import trend_table
from ranham.model import Dataset
from ranham.reference import example_dataset
from ranham.rules import Cycles, Eligibility, Scores, evaluate_years, explain, render_text, score
from ranham.validation import validate
from ranham.words import Lang

T = TypeVar("T")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "step-generate": "1. Generate the national example {year} (seed {seed}, scale {scale})",
        "generated": "   {institutions} institutions, {actions} actions, {reports} reports, "
        "{entries} action entries, {measures} measure entries, {evidence} evidence items, "
        "{allegations} allegations; outcomes are synthetic",
        "step-validate": "2. Validate the harmonised JSON ({size} MB)",
        "valid": "   valid: {errors} errors, {warnings} warnings ({detail})",
        "invalid": "   NOT valid: {errors} errors; first: {first}",
        "step-load": "3. Read it back into typed objects",
        "step-score": "4. Score the year",
        "step-eligibility": "5. Incentive eligibility: the top {top} of each tier",
        "eligible-count": "   {tier}: {eligible} of {judged} eligible",
        "rank": "Rank",
        "code": "Code",
        "name": "Name",
        "annual": "Annual",
        "not-found": "   {asked} has no assigned actions in this example; explaining {code}.",
        "step-explain": "6. Why is {name} ({code}) not eligible?",
        "step-explain-eligible": "6. Why is {name} ({code}) eligible?",
        "timing": "Done in {total} s (generate {generate} s, validate {validate} s, "
        "read {load} s, score and eligibility {score} s).",
        "more": "Next: `ranham example --out DIR` writes these files; `ranham score`, "
        "`ranham eligibility --explain CODE` and `ranham validate` work on them.",
        "step-trend": "7. The trend across {first}-{last}: the nation and its tiers",
        "trend-timing": "   the other years generated in {generate:.1f} s, evaluated in "
        "{evaluate:.1f} s",
    },
    "id": {
        "step-generate": "1. Membuat contoh nasional {year} (benih {seed}, skala {scale})",
        "generated": "   {institutions} instansi, {actions} aksi, {reports} laporan, "
        "{entries} entri aksi, {measures} entri ukuran, {evidence} data dukung, "
        "{allegations} dugaan pelanggaran; capaian bersifat sintetis",
        "step-validate": "2. Memvalidasi JSON terharmonisasi ({size} MB)",
        "valid": "   sah: {errors} galat, {warnings} peringatan ({detail})",
        "invalid": "   TIDAK sah: {errors} galat; yang pertama: {first}",
        "step-load": "3. Membaca kembali menjadi objek bertipe",
        "step-score": "4. Menghitung skor tahunan",
        "step-eligibility": "5. Kelayakan insentif: {top} teratas tiap tingkat",
        "eligible-count": "   {tier}: {eligible} dari {judged} layak",
        "rank": "Peringkat",
        "code": "Kode",
        "name": "Nama",
        "annual": "Tahunan",
        "not-found": "   {asked} tidak mendapat aksi dalam contoh ini; yang dijelaskan {code}.",
        "step-explain": "6. Mengapa {name} ({code}) tidak layak?",
        "step-explain-eligible": "6. Mengapa {name} ({code}) layak?",
        "timing": "Selesai dalam {total} dtk (membuat {generate} dtk, validasi "
        "{validate} dtk, membaca {load} dtk, skor dan kelayakan {score} dtk).",
        "more": "Berikutnya: `ranham example --out DIR` menulis berkas-berkas ini; "
        "`ranham score`, `ranham eligibility --explain KODE` dan `ranham validate` "
        "bekerja pada berkas tersebut.",
        "step-trend": "7. Tren {first}-{last}: nasional dan tiap tingkat",
        "trend-timing": "   tahun-tahun lain dibuat dalam {generate:.1f} dtk, dinilai dalam "
        "{evaluate:.1f} dtk",
    },
}


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham demo``."""
    parser.add_argument(
        "--year", type=int, default=2022, help="plan year, 2021-2025 (default 2022)"
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the example (default 1)")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="size relative to a national year (default 1)"
    )
    parser.add_argument(
        "--top", type=int, default=3, help="eligible institutions shown per tier (default 3)"
    )
    parser.add_argument(
        "--explain",
        metavar="CODE",
        default="32.16",
        help="the institution whose decision is explained (default 32.16, Kabupaten Bekasi)",
    )
    parser.add_argument(
        "--years",
        type=parse_years,
        default=range(2021, 2026),
        metavar="FIRST-LAST",
        help="the years of the closing trend (default 2021-2025)",
    )
    parser.add_argument(
        "--sheets",
        metavar="DIR",
        help="also write the national score workbook and one filled report form (.xlsx) here",
    )
    add_lang(parser)


def _timed(step: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = step()
    return result, time.perf_counter() - start


def run(args: argparse.Namespace) -> int:
    """Generate, validate, read, score, decide and explain; exit 1 if the example were invalid."""
    lang: Lang = args.lang
    text = TEXT[lang]
    # generated before the first line is printed, so that a refused --year prints nothing else
    generated, t_generate = _timed(
        lambda: example_dataset(year=args.year, seed=args.seed, scale=args.scale)
    )
    scale = number(str(args.scale), lang)
    print(text["step-generate"].format(year=args.year, seed=args.seed, scale=scale))
    print(text["generated"].format(**_counts(generated)))

    data = io.dumps(generated)
    print(text["step-validate"].format(size=number(f"{len(data) / 1e6:.1f}", lang)))
    result, t_validate = _timed(lambda: validate(data))
    if not result.valid:  # pragma: no cover - the generator's output is tested to be valid
        first = result.errors[0]
        print(
            text["invalid"].format(errors=len(result.errors), first=f"{first.pointer} {first.code}")
        )
        return EXIT_FINDINGS
    by_code = Counter(issue.code for issue in result.warnings)
    detail = ", ".join(f"{code} {n}" for code, n in sorted(by_code.items())) or "-"
    print(text["valid"].format(errors=0, warnings=len(result.warnings), detail=detail))

    print(text["step-load"])
    dataset, t_load = _timed(lambda: io.loads(data, kind=Dataset))

    print(text["step-score"])
    (scores, decisions), t_score = _timed(lambda: _score(dataset))
    periods = scores.periods
    print()
    print(title(scores, lang))
    print()
    print(tier_table(scores, periods, lang))
    print()
    print(participation_table(scores, periods, lang))
    print()

    print(text["step-eligibility"].format(top=args.top))
    _print_eligible(scores, decisions, args.top, lang)

    code = args.explain
    if code not in scores.codes:
        code = scores.codes[0]
        print(text["not-found"].format(asked=args.explain, code=code))
    name = dataset.institution(code).name
    decision = decisions.decision(code)
    key = "step-explain-eligible" if decision.eligible else "step-explain"
    print(text[key].format(name=name, code=code))
    print()
    print(clean_lines(render_text(explain(decisions, f"eligible({code})"), lang, depth=2)))
    print()
    _print_trend(args, generated, lang)
    total = t_generate + t_validate + t_load + t_score
    seconds = {
        "total": total,
        "generate": t_generate,
        "validate": t_validate,
        "load": t_load,
        "score": t_score,
    }
    print(text["timing"].format(**{k: number(f"{v:.1f}", lang) for k, v in seconds.items()}))
    if args.sheets:  # the workbooks of ranham.sheets (make demo asks for them)
        from ranham.cli._sheets import demo_sheets

        demo_sheets(args.sheets, data, scores, decisions, code, lang)
    print(text["more"])
    return EXIT_OK


def _print_trend(args: argparse.Namespace, generated: Dataset, lang: Lang) -> None:
    """Step 7: the other years generated alike, then the trend table of the nation and tiers."""
    years: range = args.years
    text = TEXT[lang]
    print(text["step-trend"].format(first=years[0], last=years[-1]))
    anchor = series_anchor(years, generated.catalog.year)
    series, t_generate = _timed(
        lambda: [
            generated
            if year == generated.catalog.year  # the anchor of the series
            else example_dataset(year=year, seed=args.seed, scale=args.scale, anchor=anchor)
            for year in years
        ]
    )
    cycles, t_evaluate = _timed(lambda: _evaluated(series))
    print(text["trend-timing"].format(generate=t_generate, evaluate=t_evaluate))
    print()
    print(trend_table(cycles, None, lang))
    print()


def _evaluated(series: list[Dataset]) -> Cycles:
    cycles = evaluate_years(series)
    cycles.to_json()  # every figure of the table, computed once
    return cycles


def _score(dataset: Dataset) -> tuple[Scores, Eligibility]:
    scores = score(dataset)
    return scores, scores.eligibility()  # the decisions reuse the scores


def _counts(dataset: Dataset) -> dict[str, int]:
    entries = [entry for report in dataset.reports for entry in report.entries]
    measures = [m for entry in entries for m in entry.measures]
    return {
        "institutions": len(dataset.institutions),
        "actions": len(dataset.catalog.actions),
        "reports": len(dataset.reports),
        "entries": len(entries),
        "measures": len(measures),
        "evidence": sum(len(m.evidence) for m in measures),
        "allegations": len(dataset.allegations),
    }


def _short(name: str, width: int = 48) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _print_eligible(scores: Scores, decisions: Eligibility, top: int, lang: Lang) -> None:
    text = TEXT[lang]
    rows = []
    for tier in scores.tiers:
        ranked = decisions.ranked(tier)
        judged = sum(1 for code in scores.codes if scores.institution(code).tier is tier)
        print(
            text["eligible-count"].format(
                tier=TIER_NAMES[lang][tier], eligible=len(ranked), judged=judged
            )
        )
        rows += [
            [
                TIER_NAMES[lang][tier],
                decision.rank,
                decision.code,
                _short(scores.institution(decision.code).name),
                scores.round(scores.institution_annual(decision.code)),
            ]
            for decision in ranked[:top]
        ]
    print()
    if rows:
        headers = ["", text["rank"], text["code"], text["name"], text["annual"]]
        print(render_table(headers, rows, right=(1, 4), decimal_comma=lang == "id"))
        print()

"""``ranham score DATASET``: completion scores from measure to nation, as a table, JSON or CSV.

This module also holds what ``score``, ``explain`` and ``eligibility`` share: reading the dataset
(refusing an invalid one with its validation issues, exit 1) and choosing the rule set.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ranham import io
from ranham.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_format,
    add_lang,
    fail,
    print_json,
    render_csv,
    render_table,
)
from ranham.cli._sheets import add_out, write_scores
from ranham.errors import DocumentError, InvariantError, UnknownNameError
from ranham.model import Dataset, Tier
from ranham.periods import ReportingPeriod
from ranham.rules import Eligibility, Scores, explain, node_to_json, render_text, score
from ranham.rules.scoring import TIERS
from ranham.validation.messages import Lang

__all__ = ["add_common", "configure", "load_dataset", "print_explanation", "run"]

_SEVERITY = {"en": "error", "id": "galat"}

HEAD: dict[str, dict[str, str]] = {
    "en": {
        "title": "RANHAM {year} · rule set {id} (version {version}) · basis {basis}",
        "tier": "Tier",
        "annual": "Annual",
        "target": "Target",
        "met": "Met",
        "achieved": "Achieved",
        "ratio": "Ratio (%)",
        "national": "National",
        "participation": "Participation (%)",
        "code": "Code",
        "name": "Name",
        "total": "Total",
        "yes": "yes",
        "no": "no",
        "refused": "{path} is not a valid dataset: {count} error(s); nothing was computed.",
        "not-dataset": "{path} is a {kind} document; this command needs a dataset document.",
    },
    "id": {
        "title": "RANHAM {year} · aturan {id} (versi {version}) · dasar {basis}",
        "tier": "Tingkat",
        "annual": "Tahunan",
        "target": "Target",
        "met": "Memenuhi",
        "achieved": "Tercapai",
        "ratio": "Rasio (%)",
        "national": "Nasional",
        "participation": "Partisipasi (%)",
        "code": "Kode",
        "name": "Nama",
        "total": "Total",
        "yes": "ya",
        "no": "tidak",
        "refused": "{path} bukan dataset yang sah: {count} galat; tidak ada yang dihitung.",
        "not-dataset": "{path} adalah dokumen {kind}; perintah ini memerlukan dokumen dataset.",
    },
}

TIER_NAMES: dict[str, dict[Tier, str]] = {
    "en": {Tier.KL: "K/L", Tier.PROVINCE: "Provinces", Tier.REGENCY_CITY: "Regencies/cities"},
    "id": {Tier.KL: "K/L", Tier.PROVINCE: "Provinsi", Tier.REGENCY_CITY: "Kabupaten/Kota"},
}


def add_common(parser: argparse.ArgumentParser) -> None:
    """``DATASET``, ``--ruleset`` and ``--lang``."""
    parser.add_argument("dataset", metavar="DATASET", help="a dataset document (.json)")
    parser.add_argument(
        "--ruleset",
        metavar="ID|PATH",
        help="a shipped rule set id such as ranham-2021-2025/default, or a path ending in .toml "
        "(default: the shipped default rule set of the dataset's plan)",
    )
    add_lang(parser)


def add_depth(parser: argparse.ArgumentParser) -> None:
    """``--depth`` of an explanation."""
    parser.add_argument(
        "--depth",
        type=int,
        metavar="N",
        help="show an explanation N levels deep (default: all the way down to the measures)",
    )


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham score``."""
    add_common(parser)
    parser.add_argument("--period", metavar="PERIOD", help="show one period only, e.g. 2022-B04")
    parser.add_argument(
        "--by",
        choices=("action",),
        help="'action' adds each institution's actions (their scores and whether achieved)",
    )
    add_format(parser, ("table", "json", "csv", "xlsx"), "table")
    add_out(parser)
    parser.add_argument(
        "--explain",
        metavar="QUANTITY",
        help="explain one quantity instead, e.g. 'S(32.16,2022-B04)' (see ranham explain)",
    )
    add_depth(parser)


def load_dataset(path: str, lang: Lang) -> Dataset | int:
    """The dataset at ``path``, or the exit status after refusing it.

    An invalid file is refused with every validation issue on standard error, as ``ranham
    validate`` prints them (exit 1); a file that is not a dataset, or cannot be read, exits 2.
    """
    try:
        return io.load(Path(path), kind=Dataset)
    except DocumentError as error:
        for issue in error.issues:
            if not issue.is_error:
                continue
            where = f"{path}:{issue.line}:{issue.column}" if issue.line is not None else path
            print(
                f"{where}: {_SEVERITY[lang]} {issue.code} {issue.pointer or '/'}: "
                f"{issue.message(lang)}",
                file=sys.stderr,
            )
        errors = sum(1 for issue in error.issues if issue.is_error)
        return fail(HEAD[lang]["refused"].format(path=path, count=errors), EXIT_FINDINGS)
    except InvariantError:
        kind = _kind(path)
        return fail(HEAD[lang]["not-dataset"].format(path=path, kind=kind), EXIT_USAGE)
    except OSError as error:
        return fail(f"{path}: {error.strerror or type(error).__name__}", EXIT_USAGE)


def _kind(path: str) -> str:
    try:
        return str(io.load(Path(path)).__class__.__name__).lower()
    except Exception:  # pragma: no cover - the file was just read successfully
        return "other"


def print_explanation(
    result: Scores | Eligibility, quantity: str, fmt: str, lang: Lang, depth: int | None
) -> int:
    """Print the explanation of ``quantity`` as text, or as JSON when ``fmt`` is ``json``."""
    node = explain(result, quantity)
    if fmt == "json":
        print_json(node_to_json(node, depth=depth))
    else:
        print(render_text(node, lang, depth=depth))
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Score the dataset and print the scores (or one explanation)."""
    lang: Lang = args.lang
    dataset = load_dataset(args.dataset, lang)
    if isinstance(dataset, int):
        return dataset
    scores = score(dataset, args.ruleset)
    if args.explain is not None:
        return print_explanation(scores, args.explain, args.format, lang, args.depth)
    period: ReportingPeriod | None = None
    if args.period is not None:
        period = next((p for p in scores.periods if str(p) == args.period), None)
        if period is None:
            raise UnknownNameError(
                f"--period {args.period!r} is not a period of this dataset; its periods are "
                f"{', '.join(map(str, scores.periods))}."
            )
    by_action = args.by == "action"
    if args.format == "xlsx":  # the score workbook (ranham.sheets)
        return write_scores(args, scores)
    if args.format == "json":
        print_json(scores.to_json(by_action=by_action, period=period))
    elif args.format == "csv":
        sys.stdout.write(_csv(scores, period, by_action))
    else:
        print(_table(scores, period, by_action, lang))
    return EXIT_OK


def _periods(scores: Scores, period: ReportingPeriod | None) -> tuple[ReportingPeriod, ...]:
    return scores.periods if period is None else (period,)


def _yes(value: bool | None, lang: Lang) -> str:
    return "" if value is None else HEAD[lang]["yes" if value else "no"]


def _table(scores: Scores, period: ReportingPeriod | None, by_action: bool, lang: Lang) -> str:
    periods = _periods(scores, period)
    parts = [
        title(scores, lang),
        "",
        tier_table(scores, periods, lang),
        "",
        participation_table(scores, periods, lang),
        "",
        institution_table(scores, periods, by_action, lang),
    ]
    return "\n".join(parts)


def title(scores: Scores, lang: Lang) -> str:
    """The heading line: year, rule set and basis."""
    rules = scores.ruleset
    return HEAD[lang]["title"].format(
        year=scores.year, id=rules.id, version=rules.version, basis=rules.scoring.basis
    )


def tier_table(scores: Scores, periods: Sequence[ReportingPeriod], lang: Lang) -> str:
    """Tier means per period and annual, targets, achieved targets, then the national figure."""
    h = HEAD[lang]
    r = scores.round
    columns = [h["tier"], *map(str, periods), h["annual"], h["target"], h["met"]]
    columns += [h["achieved"], h["ratio"]]
    rows: list[Sequence[object]] = []
    for tier in scores.tiers:
        rows.append(
            [
                TIER_NAMES[lang][tier],
                *(r(scores.tier_period(tier, p)) for p in periods),
                r(scores.tier_annual(tier)),
                r(scores.target(tier)),
                _yes(scores.target_met(tier), lang),
                f"{scores.achieved_targets(tier)}/{scores.targets(tier)}",
                r(scores.ratio(tier)),
            ]
        )
    rows.append(
        [
            h["national"],
            *(r(scores.national_period(p)) for p in periods),
            r(scores.national()),
            "",
            "",
            f"{scores.achieved_targets()}/{scores.targets()}",
            r(scores.ratio()),
        ]
    )
    return render_table(columns, rows, right=range(1, len(columns)))


def participation_table(scores: Scores, periods: Sequence[ReportingPeriod], lang: Lang) -> str:
    """Participation of each tier in each period, as a percentage."""
    r = scores.round
    rows = [
        [TIER_NAMES[lang][tier], *(r(scores.participation(tier, p)) for p in periods)]
        for tier in scores.tiers
    ]
    return render_table(
        [HEAD[lang]["participation"], *map(str, periods)], rows, right=range(1, len(periods) + 1)
    )


def institution_table(
    scores: Scores, periods: Sequence[ReportingPeriod], by_action: bool, lang: Lang
) -> str:
    """Every institution with assigned actions (and, ``by_action``, each of its actions)."""
    h = HEAD[lang]
    r = scores.round
    columns = [h["code"], h["name"], h["tier"], *map(str, periods), h["annual"], h["achieved"]]
    rows: list[Sequence[object]] = []
    for code in scores.codes:
        institution = scores.institution(code)
        rows.append(
            [
                code,
                institution.name,
                TIER_NAMES[lang][institution.tier],
                *(r(scores.institution_period(code, p)) for p in periods),
                r(scores.institution_annual(code)),
                f"{scores.achieved_count(code)}/{len(scores.assigned(code))}",
            ]
        )
        if by_action:
            rows += [
                [
                    f"  {action.id}",
                    action.title,
                    "",
                    *(r(scores.action_period(code, action.id, p)) for p in periods),
                    r(scores.action_annual(code, action.id)),
                    _yes(scores.achieved(code, action.id), lang),
                ]
                for action in scores.assigned(code)
            ]
    return render_table(columns, rows, right=range(3, len(columns)))


def _csv_value(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _csv(scores: Scores, period: ReportingPeriod | None, by_action: bool) -> str:
    periods = _periods(scores, period)
    r = scores.round
    headers = ["level", "tier", "code", "name", "action", *map(str, periods), "annual"]
    headers += [f"participation {p}" for p in periods]
    headers += ["target", "target_met", "achieved", "targets", "achievement_ratio"]
    blank = [""] * len(periods)
    rows: list[list[object]] = []
    rows.append(
        [
            "national",
            "",
            "",
            "",
            "",
            *(r(scores.national_period(p)) for p in periods),
            r(scores.national()),
            *blank,
            "",
            "",
            scores.achieved_targets(),
            scores.targets(),
            r(scores.ratio()),
        ]
    )
    for tier in TIERS:
        if tier not in scores.tiers:
            continue
        rows.append(
            [
                "tier",
                tier.value,
                "",
                "",
                "",
                *(r(scores.tier_period(tier, p)) for p in periods),
                r(scores.tier_annual(tier)),
                *(r(scores.participation(tier, p)) for p in periods),
                r(scores.target(tier)),
                scores.target_met(tier),
                scores.achieved_targets(tier),
                scores.targets(tier),
                r(scores.ratio(tier)),
            ]
        )
    for code in scores.codes:
        institution = scores.institution(code)
        rows.append(
            [
                "institution",
                institution.tier.value,
                code,
                institution.name,
                "",
                *(r(scores.institution_period(code, p)) for p in periods),
                r(scores.institution_annual(code)),
                *blank,
                "",
                "",
                scores.achieved_count(code),
                len(scores.assigned(code)),
                "",
            ]
        )
        if by_action:
            rows += [
                [
                    "action",
                    institution.tier.value,
                    code,
                    institution.name,
                    action.id,
                    *(r(scores.action_period(code, action.id, p)) for p in periods),
                    r(scores.action_annual(code, action.id)),
                    *blank,
                    "",
                    "",
                    scores.achieved(code, action.id),
                    1,
                    "",
                ]
                for action in scores.assigned(code)
            ]
    return render_csv(headers, [[_csv_value(c) for c in row] for row in rows])

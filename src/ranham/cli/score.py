"""``ranham score DATASET``: completion scores from measure to nation, as a table, JSON or CSV.

This module also holds what ``score``, ``explain`` and ``eligibility`` share: reading the dataset
(refusing an invalid one with its validation issues, exit 1) and choosing the rule set.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from fractions import Fraction

from ranham import io
from ranham.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    ArgumentMessage,
    InputSizeError,
    add_format,
    add_lang,
    clean,
    clean_lines,
    fail,
    open_regular,
    os_reason,
    print_json,
    read_bounded,
    read_regular,
    render_csv,
    render_table,
    table_width,
)
from ranham.cli._sheets import add_out, write_scores
from ranham.errors import DocumentError, InvariantError, RuleSetError, UnknownNameError
from ranham.model import Dataset, Tier
from ranham.periods import ReportingPeriod
from ranham.rules import (
    Eligibility,
    MissingPeriod,
    RuleSet,
    Scores,
    explain,
    loads_ruleset,
    node_to_json,
    render_text,
    score,
)
from ranham.rules.scoring import TIERS
from ranham.validation import DEFAULT_MAX_SIZE
from ranham.words import Lang

__all__ = [
    "BASIS_NAMES",
    "CRITERION_NAMES",
    "RULESET_MAX_SIZE",
    "add_common",
    "add_selection",
    "configure",
    "load_dataset",
    "non_negative",
    "print_explanation",
    "ruleset_argument",
    "run",
    "selected",
]

RULESET_MAX_SIZE = 1 << 20
"""The largest rule-set file read from the command line (1 MiB; the shipped ones are < 20 KB)."""

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
        "zero-note": "Note: a period without a counted report counts as 0 in the annual mean "
        "(missing_period = zero).",
        "jsonl": "{path} is a JSON Lines archive (one document per line); this command needs one "
        "dataset document (.json) holding the catalog, the institutions and the reports, such "
        "as the dataset.json that `ranham example --out DIR` writes.",
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
        "zero-note": "Catatan: periode tanpa laporan yang dihitung bernilai 0 dalam rerata "
        "tahunan (missing_period = zero).",
        "jsonl": "{path} adalah arsip JSON Lines (satu dokumen per baris); perintah ini "
        "memerlukan satu dokumen dataset (.json) yang memuat katalog, instansi dan laporan, "
        "seperti dataset.json yang ditulis `ranham example --out DIR`.",
    },
}

TIER_NAMES: dict[str, dict[Tier, str]] = {
    "en": {Tier.KL: "K/L", Tier.PROVINCE: "Provinces", Tier.REGENCY_CITY: "Regencies/cities"},
    "id": {Tier.KL: "K/L", Tier.PROVINCE: "Provinsi", Tier.REGENCY_CITY: "Kabupaten/Kota"},
}


BASIS_NAMES: dict[str, dict[str, str]] = {
    "en": {},
    "id": {"verified": "terverifikasi", "claimed": "diklaim"},
}
"""The words of ``scoring.basis`` in text output (English keeps the rule set's own value)."""

CRITERION_NAMES: dict[str, dict[str, str]] = {
    "en": {},
    "id": {
        "reported-on-time": "lapor tepat waktu",
        "all-verified": "semua terverifikasi",
        "annual-score": "nilai tahunan",
        "no-allegation": "tanpa dugaan pelanggaran",
    },
}
"""The names of eligibility criteria in text tables (a criterion not listed keeps its id)."""


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
        type=non_negative,
        metavar="N",
        help="show an explanation N levels deep (default: all the way down to the measures)",
    )


def add_selection(parser: argparse.ArgumentParser, *, tier: bool = True) -> None:
    """``--tier``, ``--code``, ``--province``, ``--sort`` and ``--wide`` of the tables."""
    if tier:
        parser.add_argument(
            "--tier",
            choices=[t.value for t in TIERS],
            help="show one tier only in the table (ranks and figures do not change)",
        )
    parser.add_argument(
        "--code",
        action="append",
        metavar="CODE",
        help="show only this institution in the table (repeat for more), e.g. --code 32.16",
    )
    parser.add_argument(
        "--province",
        metavar="CODE",
        help="show only this province and its regencies/cities in the table, e.g. --province 32",
    )
    parser.add_argument(
        "--sort",
        choices=("code", "score"),
        default="code",
        help="order of the institutions within each tier: code (default) or score, the "
        "highest annual score first",
    )
    parser.add_argument(
        "--wide",
        action="store_true",
        help="never shorten names; by default a table fits the terminal ($COLUMNS), names "
        "shortened with '…' (output to a file or pipe is never shortened)",
    )


def selected(scores: Scores, codes: Sequence[str], args: argparse.Namespace) -> list[str]:
    """``codes`` kept by ``--tier``/``--code``/``--province``, grouped by tier, then sorted.

    Within a tier, institutions come by code, or with ``--sort score`` by annual score, the
    highest first (an undefined score last; ties by code). Raises
    :class:`~ranham.errors.UnknownNameError` for a ``--code`` or ``--province`` that selects
    no institution with assigned actions.
    """
    wanted = set(codes)
    for code in args.code or ():
        if code not in wanted:
            raise UnknownNameError(
                f"--code {clean(code)!r} is not an institution with assigned actions in this "
                "dataset; give one of the codes the table lists without --code.",
                message_id=f"--code {clean(code)!r} bukan instansi yang mendapat aksi dalam "
                "dataset ini; berikan salah satu kode yang tercantum di tabel tanpa --code.",
            )
    province = args.province
    if province is not None and not (
        len(province) == 2 and province.isascii() and province.isdigit() and province in wanted
    ):
        raise UnknownNameError(
            f"--province {clean(province)!r} is not a province with assigned actions in this "
            "dataset; give a two-digit province code such as 32 (Jawa Barat).",
            message_id=f"--province {clean(province)!r} bukan provinsi yang mendapat aksi dalam "
            "dataset ini; berikan kode provinsi dua angka seperti 32 (Jawa Barat).",
        )
    kept = [
        code
        for code in codes
        if (args.tier is None or scores.institution(code).tier.value == args.tier)
        and (not args.code or code in args.code)
        and (province is None or code == province or code.startswith(f"{province}."))
    ]
    order = {tier: index for index, tier in enumerate(TIERS)}

    def key(code: str) -> tuple[int, int, Fraction, str]:
        group = order[scores.institution(code).tier]
        if args.sort != "score":
            return (group, 0, Fraction(0), code)
        annual = scores.institution_annual(code)
        return (group, annual is None, -(annual or Fraction(0)), code)

    return sorted(kept, key=key)


def non_negative(text: str) -> int:
    """``--depth``: a whole number of levels, 0 or more (0 shows the quantity alone)."""
    value = int(text) if text.isascii() and text.isdigit() and len(text) <= 6 else -1
    if value < 0:
        raise ArgumentMessage(
            f"expected a whole number of levels, 0 or more, such as 2 (got {clean(text)!r})",
            f"diharapkan bilangan bulat jumlah tingkat, 0 atau lebih, mis. 2 "
            f"(ditemukan {clean(text)!r})",
        )
    return value


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
    add_selection(parser)
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
    A path that is not a regular file (a FIFO, a device) is refused without being opened.
    """
    if path.endswith(".jsonl"):
        return fail(HEAD[lang]["jsonl"].format(path=clean(path)), EXIT_USAGE)
    try:
        with open_regular(path) as stream:
            data = read_bounded(stream, DEFAULT_MAX_SIZE)  # more than the limit is too-large
        return io.loads(data, kind=Dataset)
    except DocumentError as error:
        for issue in error.issues:
            if not issue.is_error:
                continue
            where = f"{path}:{issue.line}:{issue.column}" if issue.line is not None else path
            line = (
                f"{where}: {_SEVERITY[lang]} {issue.code} {issue.pointer or '/'}: "
                f"{issue.message(lang)}"
            )
            print(clean(line), file=sys.stderr)
        errors = sum(1 for issue in error.issues if issue.is_error)
        return fail(HEAD[lang]["refused"].format(path=clean(path), count=errors), EXIT_FINDINGS)
    except InvariantError:
        kind = _kind(data)
        return fail(HEAD[lang]["not-dataset"].format(path=clean(path), kind=kind), EXIT_USAGE)
    except OSError as error:
        return fail(f"{clean(path)}: {os_reason(error, lang)}", EXIT_USAGE)


def _kind(data: bytes) -> str:
    try:
        return str(io.loads(data).__class__.__name__).lower()
    except Exception:  # pragma: no cover - the file was just read successfully
        return "other"


def ruleset_argument(value: str | None) -> RuleSet | str | None:
    """``--ruleset``: a shipped id as given; a path ending in ``.toml`` read here, safely.

    The file must be a regular file (never a FIFO or a device, which would block or never end)
    of at most :data:`RULESET_MAX_SIZE` bytes of UTF-8; anything else is a
    :class:`~ranham.errors.RuleSetError` naming the file (exit 2).
    """
    if value is None or not value.endswith(".toml"):
        return value
    try:
        data = read_regular(value, RULESET_MAX_SIZE, "rule set")
    except OSError as error:
        reason, reason_id = os_reason(error, "en"), os_reason(error, "id")
        raise RuleSetError(
            f"cannot be read ({reason}); check the path, or pass a shipped rule set id such "
            "as ranham-2021-2025/default.",
            message_id=f"tidak dapat dibaca ({reason_id}); periksa path-nya, atau berikan id "
            "aturan bawaan seperti ranham-2021-2025/default.",
            location=clean(value),
        ) from None
    except InputSizeError as error:
        raise RuleSetError(str(error)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RuleSetError(
            f"is not UTF-8 text (byte {error.start} cannot be decoded); save it as UTF-8.",
            message_id=f"bukan teks UTF-8 (bita {error.start} tidak dapat dibaca); simpan "
            "sebagai UTF-8.",
            location=clean(value),
        ) from None
    return loads_ruleset(text, name=value)


def print_explanation(
    result: Scores | Eligibility, quantity: str, fmt: str, lang: Lang, depth: int | None
) -> int:
    """Print the explanation of ``quantity`` as text, or as JSON when ``fmt`` is ``json``."""
    node = explain(result, quantity)
    if fmt == "json":
        print_json(node_to_json(node, depth=depth))
    else:
        print(clean_lines(render_text(node, lang, depth=depth)))
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Score the dataset and print the scores (or one explanation)."""
    lang: Lang = args.lang
    dataset = load_dataset(args.dataset, lang)
    if isinstance(dataset, int):
        return dataset
    scores = score(dataset, ruleset_argument(args.ruleset))
    if args.explain is not None:
        return print_explanation(scores, args.explain, args.format, lang, args.depth)
    period: ReportingPeriod | None = None
    if args.period is not None:
        period = next((p for p in scores.periods if str(p) == args.period), None)
        if period is None:
            periods = ", ".join(map(str, scores.periods))
            shown = clean(args.period[:40])
            raise UnknownNameError(
                f"--period {shown!r} is not a period of this dataset; its periods are {periods}.",
                message_id=f"--period {shown!r} bukan periode dataset ini; periodenya {periods}.",
            )
    by_action = args.by == "action"
    if args.format == "xlsx":  # the score workbook (ranham.sheets)
        return write_scores(args, scores)
    if args.format == "json":
        print_json(scores.to_json(by_action=by_action, period=period))
    elif args.format == "csv":
        sys.stdout.write(_csv(scores, period, by_action))
    else:
        print(_table(scores, period, by_action, lang, args))
    return EXIT_OK


def _periods(scores: Scores, period: ReportingPeriod | None) -> tuple[ReportingPeriod, ...]:
    return scores.periods if period is None else (period,)


def _yes(value: bool | None, lang: Lang) -> str:
    return "" if value is None else HEAD[lang]["yes" if value else "no"]


def _table(
    scores: Scores,
    period: ReportingPeriod | None,
    by_action: bool,
    lang: Lang,
    args: argparse.Namespace,
) -> str:
    periods = _periods(scores, period)
    codes = selected(scores, scores.codes, args)
    parts = [
        title(scores, lang),
        "",
        tier_table(scores, periods, lang),
        "",
        participation_table(scores, periods, lang),
        "",
        institution_table(scores, periods, by_action, lang, codes, table_width(args.wide)),
    ]
    return "\n".join(parts)


def title(scores: Scores, lang: Lang) -> str:
    """The heading line: year, rule set and basis."""
    rules = scores.ruleset
    basis = BASIS_NAMES[lang].get(rules.scoring.basis.value, rules.scoring.basis.value)
    return HEAD[lang]["title"].format(
        year=scores.year, id=rules.id, version=rules.version, basis=basis
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
    table = render_table(columns, rows, right=range(1, len(columns)), decimal_comma=lang == "id")
    return table + zero_note(scores, lang)


def zero_note(scores: Scores, lang: Lang) -> str:
    """The line under a table of annual figures when missing periods count as 0 in them.

    Empty unless the rule set counts a period without a counted report as 0 and some
    institution of the dataset has such a period: only then can an annual figure fall below
    all its period figures, which readers otherwise take for an error.
    """
    if scores.ruleset.scoring.missing_period is not MissingPeriod.ZERO:
        return ""
    missing = any(
        scores.institution_period(code, period) is None
        for code in scores.codes
        for period in scores.periods
    )
    return "\n" + HEAD[lang]["zero-note"] if missing else ""


def participation_table(scores: Scores, periods: Sequence[ReportingPeriod], lang: Lang) -> str:
    """Participation of each tier in each period, as a percentage."""
    r = scores.round
    rows = [
        [TIER_NAMES[lang][tier], *(r(scores.participation(tier, p)) for p in periods)]
        for tier in scores.tiers
    ]
    return render_table(
        [HEAD[lang]["participation"], *map(str, periods)],
        rows,
        right=range(1, len(periods) + 1),
        decimal_comma=lang == "id",
    )


def institution_table(
    scores: Scores,
    periods: Sequence[ReportingPeriod],
    by_action: bool,
    lang: Lang,
    codes: Sequence[str] | None = None,
    width: int | None = None,
) -> str:
    """Institutions with assigned actions (and, ``by_action``, each of their actions).

    ``codes`` (default: all, by code) chooses and orders them; ``width`` is the width to fit,
    names shortened with "…" (``None``: full names).
    """
    h = HEAD[lang]
    r = scores.round
    columns = [h["code"], h["name"], h["tier"], *map(str, periods), h["annual"], h["achieved"]]
    rows: list[Sequence[object]] = []
    for code in scores.codes if codes is None else codes:
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
    table = render_table(
        columns,
        rows,
        right=range(3, len(columns)),
        width=width,
        shrink=1,
        decimal_comma=lang == "id",
    )
    return table + zero_note(scores, lang)


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

"""``ranham template SOURCE``: the report form of one institution and period, or of all of them.

``SOURCE`` is a catalog or a dataset (which adds names and autonomy). ``--all --out DIR`` writes
one form per institution with assigned actions (from a catalog alone: the ministries and
agencies its actions name), showing a progress line on a terminal. Exit status: 0 written, 1 the
report given does not fit the form, 2 could not run as asked.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ranham import io
from ranham.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, fail
from ranham.cli._sheets import load_context
from ranham.errors import DocumentError, InvariantError
from ranham.model import Catalog, Dataset, Report
from ranham.periods import ReportingPeriod
from ranham.validation import Lang

__all__ = ["configure", "run"]

_T = {
    "en": {
        "wrote": "wrote {path}: {rows} measure row(s) of {code} for {period}",
        "dropped": "note: a form does not carry {what}; they are not in {path}",
        "all": "wrote {count} form(s) for {period} in {path}",
        "needs": "give --institution CODE, or --all",
        "all-dir": "--all writes one file per institution: --out must be a directory",
        "verifier": "--verifier needs --report REPORT.json (the submitted report)",
        "report": "{path} is not a valid report: {count} error(s)",
        "progress": "\r{done}/{total} {code}",
        "period": "--period {period} is not a period of the catalog ({periods})",
    },
    "id": {
        "wrote": "menulis {path}: {rows} baris ukuran untuk {code} periode {period}",
        "dropped": "catatan: formulir tidak memuat {what}; bagian itu tidak ada di {path}",
        "all": "menulis {count} formulir periode {period} di {path}",
        "needs": "berikan --institution KODE, atau --all",
        "all-dir": "--all menulis satu berkas per instansi: --out harus berupa direktori",
        "verifier": "--verifier memerlukan --report LAPORAN.json (laporan yang telah dikirim)",
        "report": "{path} bukan laporan yang sah: {count} galat",
        "progress": "\r{done}/{total} {code}",
        "period": "--period {period} bukan periode katalog ({periods})",
    },
}


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham template``."""
    parser.add_argument("source", metavar="CATALOG_OR_DATASET", help="a catalog or dataset (.json)")
    parser.add_argument("--institution", metavar="CODE", help="the institution's code")
    parser.add_argument("--period", metavar="YEAR-CODE", required=True, help="e.g. 2022-B04")
    parser.add_argument(
        "--out", metavar="FILE|DIR", required=True, help="the .xlsx to write (a directory: --all)"
    )
    parser.add_argument(
        "--all", action="store_true", help="one form per institution with assigned actions"
    )
    parser.add_argument("--report", metavar="FILE", help="fill the form from this report (.json)")
    parser.add_argument(
        "--verifier",
        action="store_true",
        help="a verifier form, made from the submitted report given with --report",
    )
    parser.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id",
        help="language of the form: id (Bahasa Indonesia, the default) or en",
    )


def run(args: argparse.Namespace) -> int:
    """Write the form(s)."""
    from ranham.sheets import write_form

    lang: Lang = args.lang
    t = _T[lang]
    context = load_context(args.source, lang)
    if isinstance(context, int):
        return context
    report: Report | None = None
    if args.report is not None:
        try:
            report = io.load(Path(args.report), kind=Report)
        except DocumentError as error:
            count = sum(1 for i in error.issues if i.is_error)
            return fail(t["report"].format(path=args.report, count=count), EXIT_FINDINGS)
    if args.verifier and report is None:
        return fail(t["verifier"], EXIT_USAGE)
    catalog = context.catalog if isinstance(context, Dataset) else context
    if ReportingPeriod.parse(args.period) not in catalog.periods:
        periods = ", ".join(map(str, catalog.periods))
        return fail(t["period"].format(period=args.period, periods=periods), EXIT_USAGE)
    out = Path(args.out)
    if args.all:
        return _all(args, context, out, lang)
    code = args.institution or (report.institution if report is not None else None)
    if code is None:
        return fail(t["needs"], EXIT_USAGE)
    try:
        written = write_form(
            context,
            out,
            institution=code,
            period=args.period,
            report=report,
            verifier=args.verifier,
            lang=lang,
        )
    except InvariantError as error:
        return fail(str(error), EXIT_FINDINGS)
    print(t["wrote"].format(path=out, rows=written.rows, code=code, period=written.period))
    if written.dropped:
        print(t["dropped"].format(what=", ".join(written.dropped), path=out), file=sys.stderr)
    return EXIT_OK


def _all(args: argparse.Namespace, context: Catalog | Dataset, out: Path, lang: Lang) -> int:
    from ranham.sheets import institutions_with_actions, write_form

    t = _T[lang]
    if out.exists() and not out.is_dir():
        return fail(t["all-dir"], EXIT_USAGE)
    out.mkdir(parents=True, exist_ok=True)
    codes = institutions_with_actions(context)
    terminal = sys.stderr.isatty()
    for done, (code, _name) in enumerate(codes, start=1):
        if terminal:
            sys.stderr.write(t["progress"].format(done=done, total=len(codes), code=code))
            sys.stderr.flush()
        write_form(
            context,
            out / f"{code}_{args.period}.xlsx",
            institution=code,
            period=args.period,
            lang=lang,
        )
    if terminal:
        sys.stderr.write("\n")
    print(t["all"].format(count=len(codes), period=args.period, path=out))
    return EXIT_OK

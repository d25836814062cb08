"""``ranham check CASES...``: run expert test cases of the rules, each mismatch with its reason.

Exit status: 0 when every case passes, 1 when some expected value does not match, 2 when a case
cannot be read (bad TOML, unknown key, invalid dataset, unknown rule set or quantity).
"""

from __future__ import annotations

import argparse
import textwrap

from ranham.cases import CASE_MAX_SIZE, as_mapping, case_files, expected_text, run_cases
from ranham.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_format,
    add_lang,
    clean,
    clean_lines,
    fail,
    print_json,
)
from ranham.cli.ruleset import parse_size
from ranham.cli.score import non_negative
from ranham.rules import render_text
from ranham.words import Lang

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "pass": "PASS",
        "fail": "FAIL",
        "error": "ERROR",
        "values": "{count} value(s)",
        "mismatch": "{quantity}: expected {expected}, got {actual}; why:",
        "summary": "{total} case(s): {passed} passed, {failed} failed, {errors} unreadable",
        "none": "no case files found in {paths} (a directory gives its *.toml files)",
    },
    "id": {
        "pass": "LULUS",
        "fail": "GAGAL",
        "error": "GALAT",
        "values": "{count} nilai",
        "mismatch": "{quantity}: diharapkan {expected}, diperoleh {actual}; sebabnya:",
        "summary": "{total} kasus: {passed} lulus, {failed} gagal, {errors} tidak terbaca",
        "none": "tidak ada berkas kasus di {paths} (sebuah direktori memberi berkas *.toml-nya)",
    },
}


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham check``."""
    parser.add_argument(
        "cases",
        nargs="+",
        metavar="CASES",
        help="case files (.toml), or directories whose *.toml files are cases",
    )
    add_lang(parser)
    add_format(parser, ("text", "json"), "text")
    parser.add_argument(
        "--max-size",
        type=parse_size,
        default=CASE_MAX_SIZE,
        metavar="BYTES",
        help=f"largest case file read, in bytes (default: {CASE_MAX_SIZE})",
    )
    parser.add_argument(
        "--depth",
        type=non_negative,
        default=4,
        metavar="N",
        help="how deep to explain a mismatch (default: 4 levels)",
    )


def run(args: argparse.Namespace) -> int:
    """Run the cases; report passes, mismatches (with explanations) and unreadable cases."""
    lang: Lang = args.lang
    t = TEXT[lang]
    if not case_files(args.cases):
        return fail(t["none"].format(paths=", ".join(args.cases)), EXIT_USAGE)
    results = run_cases(args.cases, max_size=args.max_size)
    errors = sum(1 for r in results if r.error is not None)
    failed = sum(1 for r in results if r.error is None and r.mismatches)
    if args.format == "json":
        print_json(
            {
                "passed": errors == 0 and failed == 0,
                "cases": [as_mapping(r) for r in results],
                "summary": {
                    "cases": len(results),
                    "passed": len(results) - errors - failed,
                    "failed": failed,
                    "unreadable": errors,
                },
            }
        )
    else:
        for result in results:
            if result.error is not None:
                error = (result.error_id if lang == "id" else None) or result.error
                print(clean(f"{t['error']} {error}"))
                continue
            status = t["pass"] if result.passed else t["fail"]
            values = t["values"].format(count=result.checked)
            print(f"{status} {result.path}: {result.name} ({values})")
            for mismatch in result.mismatches:
                print(
                    "  "
                    + t["mismatch"].format(
                        quantity=mismatch.quantity,
                        expected=expected_text(mismatch.expected),
                        actual=expected_text(mismatch.actual),
                    )
                )
                tree = clean_lines(render_text(mismatch.explanation, lang, depth=args.depth))
                print(textwrap.indent(tree, "    "))
        print(
            t["summary"].format(
                total=len(results),
                passed=len(results) - errors - failed,
                failed=failed,
                errors=errors,
            )
        )
    if errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if failed else EXIT_OK

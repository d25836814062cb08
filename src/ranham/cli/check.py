"""``ranham check CASES...``: run expert test cases of the rules, each mismatch with its reason.

Exit status: 0 when every case passes, 1 when some expected value does not match, 2 when a case
cannot be read (bad TOML, unknown key, invalid dataset, unknown rule set or quantity).
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Sequence
from pathlib import Path

from ranham.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    InputSizeError,
    add_format,
    add_lang,
    clean,
    fail,
    print_json,
    read_regular,
)
from ranham.cli.score import non_negative
from ranham.rules import CaseResult, render_text, run_cases
from ranham.rules.cases import as_mapping, case_files, expected_text
from ranham.words import Lang

CASE_MAX_SIZE = 1 << 20
"""The largest case file read (1 MiB): a case is a few hundred lines of TOML; a larger one
(or ``/dev/zero`` behind a symbolic link) is refused before it is parsed."""

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
    results = _run_guarded(case_files(args.cases))
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
                print(clean(f"{t['error']} {result.error}"))
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
                tree = render_text(mismatch.explanation, lang, depth=args.depth)
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


def _run_guarded(paths: Sequence[Path]) -> tuple[CaseResult, ...]:
    """Run the cases; a file that is not a regular UTF-8 file within the limit is refused first.

    A case that makes the library fail unexpectedly is that case's error, never the run's end.
    """
    refused: dict[int, CaseResult] = {}
    readable: list[Path] = []
    for index, path in enumerate(paths):
        error = _refusal(str(path))
        if error is None:
            readable.append(path)
        else:
            refused[index] = CaseResult(path=str(path), name=path.stem, error=error)
    try:
        ran = list(run_cases(readable))
    except Exception:  # a defect of ranham: find the case it belongs to, run the others
        ran = [_run_one(path) for path in readable]
    results = []
    for index in range(len(paths)):
        results.append(refused[index] if index in refused else ran.pop(0))
    return tuple(results)


def _run_one(path: Path) -> CaseResult:
    try:
        (result,) = run_cases([path])
    except Exception as error:
        detail = str(error)[:200]
        return CaseResult(
            path=str(path),
            name=path.stem,
            error=f"{path}: internal error of ranham ({type(error).__name__}: {detail}); "
            "this is a defect of ranham, not of the case: please report it with the case.",
        )
    return result


def _refusal(path: str) -> str | None:
    """Why the case file ``path`` is not run, or ``None``."""
    try:
        read_regular(path, CASE_MAX_SIZE, "case file").decode("utf-8")
    except OSError as error:
        return f"{path}: cannot be read ({error.strerror or type(error).__name__})"
    except InputSizeError as error:
        return str(error)
    except UnicodeDecodeError as error:
        return (
            f"{path}: is not UTF-8 text (byte {error.start} cannot be decoded); save the case "
            "file as UTF-8."
        )
    return None

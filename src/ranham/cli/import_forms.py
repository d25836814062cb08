"""``ranham import FORM.xlsx... --catalog SOURCE``: filled forms back to report documents.

Each form is read against the catalog or dataset it was made from; every issue is printed as
``ranham validate`` prints them, with the form's ``cell`` (``'Laporan'!G9``) after the path.
One report document (``INSTITUTION_PERIOD.json``) is written to ``--out`` (default: the current
directory) for each form without errors. Exit status: 0 every form gave a report, 1 a form has
an error, 2 a path or the catalog could not be read.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from ranham import io
from ranham.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, add_lang, fail, print_json
from ranham.cli._sheets import load_context, print_issue_lines
from ranham.errors import InvariantError
from ranham.model import Report
from ranham.validation import Issue, Lang

__all__ = ["configure", "run"]

_T = {
    "en": {
        "wrote": "{path}: report written to {out}",
        "summary": "{files} form(s), {errors} error(s), {warnings} warning(s), {written} written",
        "at": "--at must be an RFC 3339 timestamp with offset, e.g. 2022-05-20T16:30:00+07:00",
    },
    "id": {
        "wrote": "{path}: laporan ditulis ke {out}",
        "summary": "{files} formulir, {errors} galat, {warnings} peringatan, {written} ditulis",
        "at": "--at harus stempel waktu RFC 3339 dengan zona, mis. 2022-05-20T16:30:00+07:00",
    },
}


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham import``."""
    parser.add_argument("forms", nargs="+", metavar="FORM.xlsx", help="filled forms")
    parser.add_argument(
        "--catalog",
        metavar="CATALOG_OR_DATASET",
        required=True,
        help="the catalog or dataset the forms were made from",
    )
    parser.add_argument(
        "--out", metavar="DIR", default=".", help="where to write the reports (default: .)"
    )
    parser.add_argument(
        "--at",
        metavar="TIMESTAMP",
        help="time of a verifier's decision (default: now, in the plan's time zone)",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    add_lang(parser)


def run(args: argparse.Namespace) -> int:
    """Read every form; write a report for each valid one; print every issue."""
    from ranham.sheets import FormResult, read_form

    lang: Lang = args.lang
    t = _T[lang]
    at: datetime | None = None
    if args.at is not None:
        try:
            at = datetime.fromisoformat(args.at)
        except ValueError:
            at = None
        if at is None or at.tzinfo is None:
            return fail(t["at"], EXIT_USAGE)
    context = load_context(args.catalog, lang)
    if isinstance(context, int):
        return context
    out = Path(args.out)
    results: list[FormResult] = []
    written: dict[str, str] = {}
    unreadable = False
    for name in args.forms:
        try:
            result = read_form(Path(name), context, at=at)
        except OSError as error:
            unreadable = True
            issue = Issue(code="unreadable", params={"reason": error.strerror or str(error)})
            results.append(FormResult(path=name, issues=(_wrap(issue),)))
            continue
        results.append(result)
        if result.document is not None:
            target = _write(result.document, out)
            if target is not None:
                written[name] = str(target)
    _report(results, written, args.format, lang)
    if unreadable:
        return EXIT_USAGE
    return EXIT_OK if all(r.valid for r in results) else EXIT_FINDINGS


def _wrap(issue: Issue) -> Any:
    from ranham.sheets import FormIssue

    return FormIssue.wrap(issue, None)


def _write(document: dict[str, Any], out: Path) -> Path | None:
    try:
        report = io.from_dict(document, kind=Report)
    except (InvariantError, ValueError):  # pragma: no cover - the document was just validated
        return None
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{report.institution}_{report.period}.json"
    io.dump(report, target)
    return target


def _report(results: list[Any], written: dict[str, str], fmt: str, lang: Lang) -> None:
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    if fmt == "json":
        files = []
        for result in results:
            item = result.to_json(lang)
            item["written"] = written.get(str(result.path))
            files.append(item)
        print_json(
            {
                "valid": all(r.valid for r in results),
                "files": files,
                "summary": {"files": len(results), "errors": errors, "warnings": warnings},
            }
        )
        return
    t = _T[lang]
    for result in results:
        print_issue_lines(str(result.path), result.issues, lang)
        if str(result.path) in written:
            print(t["wrote"].format(path=result.path, out=written[str(result.path)]))
    print(
        t["summary"].format(
            files=len(results), errors=errors, warnings=warnings, written=len(written)
        )
    )

"""``ranham validate PATH...``: every issue of every file, for people (text) or machines (json)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from ranham.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, add_lang, print_json
from ranham.errors import DocumentError
from ranham.validation import DEFAULT_MAX_SIZE, Issue, ValidationResult, catalog_view, validate
from ranham.validation._rules import CatalogView
from ranham.validation.messages import Lang

_SEVERITY = {
    "en": {"error": "error", "warning": "warning"},
    "id": {"error": "galat", "warning": "peringatan"},
}
_SUMMARY = {
    "en": "{files} file(s), {errors} error(s), {warnings} warning(s)",
    "id": "{files} berkas, {errors} galat, {warnings} peringatan",
}
_VALID = {"en": "valid", "id": "sah"}


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham validate``."""
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files (.json, .jsonl) or directories to walk"
    )
    parser.add_argument("--catalog", metavar="FILE", help="check reports against this catalog")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--max-size",
        type=int,
        default=DEFAULT_MAX_SIZE,
        metavar="BYTES",
        help=f"size limit of a document or JSON Lines line (default: {DEFAULT_MAX_SIZE})",
    )
    add_lang(parser)


def _files(paths: list[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file()
            )
            yield from found
        else:
            yield path


def run(args: argparse.Namespace) -> int:
    """Validate every path; 0 all valid, 1 some error, 2 something could not be read."""
    lang: Lang = args.lang
    view: CatalogView | None = None
    if args.catalog is not None:
        try:
            view = catalog_view(Path(args.catalog), args.max_size)
        except DocumentError as error:
            _report([ValidationResult(issues=error.issues, path=args.catalog)], args.format, lang)
            print(
                f"ranham: the catalog {args.catalog} is not valid; nothing else was checked.",
                file=sys.stderr,
            )
            return EXIT_USAGE
    results: list[ValidationResult] = []
    unreadable = False
    for path in _files(args.paths):
        try:
            result = validate(path, catalog=view, max_size=args.max_size)
        except OSError as error:
            unreadable = True
            reason = error.strerror or type(error).__name__
            result = ValidationResult(
                issues=(Issue(code="unreadable", params={"reason": reason}),), path=str(path)
            )
        results.append(result)
    _report(results, args.format, lang)
    if unreadable:
        return EXIT_USAGE
    return EXIT_OK if all(r.valid for r in results) else EXIT_FINDINGS


def _report(results: list[ValidationResult], fmt: str, lang: Lang) -> None:
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    if fmt == "json":
        print_json(
            {
                "valid": all(r.valid for r in results),
                "files": [r.to_json(lang) for r in results],
                "summary": {"files": len(results), "errors": errors, "warnings": warnings},
            }
        )
        return
    for result in results:
        if not result.issues:
            print(f"{result.path}: {_VALID[lang]}")
        for issue in result.issues:
            where = (
                f"{result.path}:{issue.line}:{issue.column}"
                if issue.line is not None
                else str(result.path)
            )
            severity = _SEVERITY[lang][issue.severity]
            print(f"{where}: {severity} {issue.code} {issue.pointer or '/'}: {issue.message(lang)}")
    print(_SUMMARY[lang].format(files=len(results), errors=errors, warnings=warnings))

"""``ranham validate PATH...``: every issue of every file, for people (text) or machines (json).

Directories are walked for ``.json`` and ``.jsonl`` files (in sorted order); a path that cannot
be opened or read is reported with its ``unreadable`` issue and the other paths are still
checked. Exit status: 0 when every file is valid, 1 when any file has an error, 2 when a path
(or the ``--catalog``) could not be read or the catalog is not valid.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import orjson

from ranham.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, add_lang, print_json
from ranham.cli._sheets import check_form
from ranham.errors import DocumentError
from ranham.validation import DEFAULT_MAX_SIZE, Issue, ValidationResult, catalog_view, validate
from ranham.validation._pointer import document_order, parse_pointer
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
_CATALOG_INVALID = {
    "en": "the catalog {path} is not valid; nothing else was checked.",
    "id": "katalog {path} tidak sah; berkas lain tidak diperiksa.",
}
_CATALOG_UNREADABLE = {
    "en": "the catalog {path} cannot be read; nothing else was checked.",
    "id": "katalog {path} tidak dapat dibaca; berkas lain tidak diperiksa.",
}
_SUFFIXES = (".json", ".jsonl")


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
        type=_positive,
        default=DEFAULT_MAX_SIZE,
        metavar="BYTES",
        help=f"size limit of a document or JSON Lines line (default: {DEFAULT_MAX_SIZE})",
    )
    parser.add_argument(
        "--regions",
        metavar="EDITION",
        choices=("2022", "2025"),
        help="also check the institutions of each dataset against this edition of the "
        "Kemendagri region table (2022 or 2025), as region-* warnings",
    )
    add_lang(parser)


def _positive(text: str) -> int:
    """A size limit: a positive integer of bytes."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of bytes (got {text!r})")
    return value


def _files(paths: list[str]) -> Iterator[Path]:
    """The files to check: each path given, and the .json/.jsonl files below each directory.

    Inside a directory, a broken symbolic link named like a document is kept (it is reported
    as unreadable); other special files are skipped.
    """
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.suffix in _SUFFIXES and (p.is_file() or (p.is_symlink() and not p.exists()))
            )
        else:
            yield path


def _unreadable(path: str, error: OSError) -> ValidationResult:
    reason = error.strerror or type(error).__name__
    issue = Issue(code="unreadable", params={"reason": reason})
    return ValidationResult(issues=(issue,), path=path)


def run(args: argparse.Namespace) -> int:
    """Validate every path; 0 all valid, 1 some error, 2 something could not be read."""
    lang: Lang = args.lang
    view: CatalogView | None = None
    if args.catalog is not None:
        try:
            view = catalog_view(Path(args.catalog), args.max_size)
        except DocumentError as error:
            _report([ValidationResult(issues=error.issues, path=args.catalog)], args.format, lang)
            print(f"ranham: {_CATALOG_INVALID[lang].format(path=args.catalog)}", file=sys.stderr)
            return EXIT_USAGE
        except OSError as error:
            _report([_unreadable(args.catalog, error)], args.format, lang)
            print(f"ranham: {_CATALOG_UNREADABLE[lang].format(path=args.catalog)}", file=sys.stderr)
            return EXIT_USAGE
    results: list[ValidationResult] = []
    unreadable = False
    for path in _files(args.paths):
        try:
            if path.suffix.lower() == ".xlsx":  # a report form: ranham.sheets reads it
                result = check_form(path, args.catalog)
            else:
                result = validate(path, catalog=view, max_size=args.max_size)
        except OSError as error:
            unreadable = True
            result = _unreadable(str(path), error)
        if args.regions is not None and result.kind == "dataset":
            result = _with_regions(result, path, args.regions)
        results.append(result)
    _report(results, args.format, lang)
    if unreadable:
        return EXIT_USAGE
    return EXIT_OK if all(r.valid for r in results) else EXIT_FINDINGS


def _with_regions(result: ValidationResult, path: Path, edition: str) -> ValidationResult:
    """Add the region-table warnings of a dataset, merged in document order."""
    from ranham.reference import check_institutions

    extra = check_institutions(path, edition)
    if not extra:
        return result
    try:
        document = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):  # pragma: no cover - it was just validated
        document = {}
    issues = sorted(
        (*result.issues, *extra),
        key=lambda i: (document_order(document, _segments(i.pointer)), i.code),
    )
    return attrs.evolve(result, issues=tuple(issues))


def _segments(pointer: str) -> tuple[str | int, ...]:
    return tuple(int(t) if t.isdigit() else t for t in parse_pointer(pointer))


def _where(result: ValidationResult, issue: Issue) -> str:
    """``path:line:column`` as far as it is known."""
    parts = [str(result.path)]
    if getattr(issue, "cell", None):  # an issue of a form is at a cell
        parts.append(issue.cell)  # type: ignore[attr-defined]
    if issue.line is not None:
        parts.append(str(issue.line))
        if issue.column is not None:
            parts.append(str(issue.column))
    return ":".join(parts)


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
            severity = _SEVERITY[lang][issue.severity]
            print(
                f"{_where(result, issue)}: {severity} {issue.code} {issue.pointer or '/'}: "
                f"{issue.message(lang)}"
            )
    print(_SUMMARY[lang].format(files=len(results), errors=errors, warnings=warnings))

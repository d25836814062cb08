"""``ranham validate PATH...``: every issue of every file, for people (text) or machines (json).

Every path given is reported, whatever happens to the others. Directories are walked for
``.json`` and ``.jsonl`` files (in sorted order). A path that is not a regular file (a FIFO, a
socket, a device) or cannot be opened or read is reported with its ``unreadable`` issue; it is
examined with ``stat`` and never opened for reading unless it is a regular file, so a FIFO among
the paths cannot block the run. An unexpected failure of the validator on one file becomes that
file's ``internal`` issue and the run goes on. Exit status: 2 when a path (or the ``--catalog``)
could not be read, a file got ``internal``, or the catalog is not valid; else 1 when any file has
an error; else 0.

Output is streamed: a JSON Lines archive is read, checked and written one line at a time, so
memory stays flat in the number of lines and issues. For that reason the JSON output writes
``files`` first and ``valid`` and ``summary`` last, and each ``files`` item writes ``path`` and
``issues`` before ``kind`` and ``valid`` (JSON objects are unordered; a reader that needs the
verdict first can parse the whole document as before). Text output escapes control and
bidirectional-control characters coming from the input (see :func:`~ranham.cli._common.clean`);
JSON output writes a file name that is not UTF-8 readable in ``path`` and exactly in
``path_base64`` (see :func:`~ranham.cli._common.json_path`).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import attrs
import orjson

from ranham.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    ArgumentMessage,
    add_lang,
    clean,
    json_path,
    open_regular,
    read_bounded,
)
from ranham.cli._sheets import check_form
from ranham.errors import DocumentError
from ranham.model import Catalog, Dataset
from ranham.validation import (
    DEFAULT_MAX_ISSUES,
    DEFAULT_MAX_SIZE,
    Issue,
    ValidationResult,
    context,
    iter_jsonl,
    validate,
)
from ranham.validation._pointer import document_order, parse_pointer
from ranham.validation._rules import CatalogView
from ranham.words import Lang

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
_NO_CATALOG = {
    "en": "note: {count} valid report file(s) were checked without a catalog, so these "
    "checks were not done: that each action and measure is in the year's catalog and belongs "
    "to the report's period, that the period is one the plan uses, that the actions are "
    "assigned to the institution's tier, and that the report came within its window. Give the "
    "year's catalog (or a dataset) with --catalog FILE to run them.",
    "id": "catatan: {count} berkas laporan yang sah diperiksa tanpa katalog, sehingga "
    "pemeriksaan berikut tidak dilakukan: setiap aksi dan ukuran ada dalam katalog tahun itu "
    "dan sesuai periode laporan, periodenya dipakai oleh rencana aksi, aksinya ditugaskan ke "
    "tingkat instansi, dan laporan masuk dalam jendela waktunya. Berikan katalog tahun itu "
    "(atau dataset) dengan --catalog BERKAS untuk menjalankannya.",
}
_SUFFIXES = (".json", ".jsonl")
MAX_SIZE_LIMIT = 1 << 40
"""The largest ``--max-size`` accepted (1 TiB): far above any real document, and small enough
for every buffer size the operating system takes."""
_DIGITS = re.compile(r"[0-9]{1,16}")
_DETAIL_LIMIT = 200
"""How much of an unexpected exception's text an ``internal`` issue keeps."""


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham validate``."""
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files (.json, .jsonl) or directories to walk"
    )
    parser.add_argument(
        "--catalog",
        metavar="FILE",
        help="check reports against this catalog or dataset (a dataset adds its institutions)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (default: text); json writes 'files' first, then 'valid' and "
        "'summary', so that it can stream",
    )
    parser.add_argument(
        "--max-size",
        type=_positive,
        default=DEFAULT_MAX_SIZE,
        metavar="BYTES",
        help=f"size limit of a document or JSON Lines line, from 1 to {MAX_SIZE_LIMIT} "
        f"(default: {DEFAULT_MAX_SIZE})",
    )
    parser.add_argument(
        "--max-issues",
        type=_issue_limit,
        default=DEFAULT_MAX_ISSUES,
        metavar="N",
        help="issues listed per document before a too-many-issues notice, from 1 to "
        f"{MAX_ISSUES_LIMIT} (default: {DEFAULT_MAX_ISSUES}); every issue is still counted",
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
    """A size limit: a whole number of bytes from 1 to :data:`MAX_SIZE_LIMIT`, ASCII digits."""
    value = int(text) if _DIGITS.fullmatch(text) else 0
    if not 1 <= value <= MAX_SIZE_LIMIT:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise ArgumentMessage(
            f"expected a whole number of bytes from 1 to {MAX_SIZE_LIMIT} written with the "
            f"digits 0-9 (got {clean(shown)!r}); e.g. --max-size 1048576 for 1 MiB",
            f"diharapkan bilangan bulat jumlah bita dari 1 sampai {MAX_SIZE_LIMIT}, ditulis "
            f"dengan angka 0-9 (ditemukan {clean(shown)!r}); mis. --max-size 1048576 untuk 1 MiB",
        )
    return value


MAX_ISSUES_LIMIT = 10**6
"""The largest ``--max-issues`` accepted: the listed issues are kept in memory per document."""


def _issue_limit(text: str) -> int:
    """An issue limit: a whole number from 1 to :data:`MAX_ISSUES_LIMIT`, ASCII digits."""
    value = int(text) if _DIGITS.fullmatch(text) and len(text) <= 7 else 0
    if not 1 <= value <= MAX_ISSUES_LIMIT:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise ArgumentMessage(
            f"expected a whole number of issues from 1 to {MAX_ISSUES_LIMIT} written with the "
            f"digits 0-9 (got {clean(shown)!r}); e.g. --max-issues 100",
            f"diharapkan bilangan bulat jumlah masalah dari 1 sampai {MAX_ISSUES_LIMIT}, ditulis "
            f"dengan angka 0-9 (ditemukan {clean(shown)!r}); mis. --max-issues 100",
        )
    return value


def _files(paths: list[str]) -> Iterator[str]:
    """The files to check: each path given, and the .json/.jsonl files below each directory.

    Inside a directory, a broken symbolic link named like a document is kept (it is reported
    as unreadable); other special files are skipped. A path given explicitly is always kept.
    """
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                str(p)
                for p in path.rglob("*")
                if p.suffix in _SUFFIXES and (p.is_file() or (p.is_symlink() and not p.exists()))
            )
        else:
            yield name


def _unreadable(path: str, error: OSError) -> ValidationResult:
    reason = error.strerror or type(error).__name__
    issue = Issue(code="unreadable", params={"reason": reason})
    return ValidationResult(issues=(issue,), path=path)


def _internal(error: Exception) -> Issue:
    """An unexpected exception of the validator, as one ``internal`` issue of its file."""
    detail = str(error)
    if len(detail) > _DETAIL_LIMIT:
        detail = detail[:_DETAIL_LIMIT] + "…"
    return Issue(code="internal", params={"exception": type(error).__name__, "detail": detail})


def _counts(result: ValidationResult) -> tuple[int, int]:
    """Errors and warnings of a result, those left out by the issue cap included."""
    return result.error_count, result.warning_count


def run(args: argparse.Namespace) -> int:
    """Validate every path; 2 something could not be read or checked, 1 some error, else 0."""
    lang: Lang = args.lang
    writer: _Writer = _JsonWriter(lang) if args.format == "json" else _TextWriter(lang)
    view: CatalogView | None = None
    if args.catalog is not None:
        refused = _catalog(args.catalog, args.max_size)
        if isinstance(refused, ValidationResult):
            writer.result(refused)
            writer.finish()
            message = _CATALOG_UNREADABLE if _stops_run(refused) else _CATALOG_INVALID
            print(f"ranham: {message[lang].format(path=clean(args.catalog))}", file=sys.stderr)
            return EXIT_USAGE
        view = refused
    for path in _files(args.paths):
        _check_file(path, view, args, writer)
    writer.finish()
    if view is None and writer.reports:  # once, and on stderr: stdout stays the contract
        print(f"ranham: {_NO_CATALOG[lang].format(count=writer.reports)}", file=sys.stderr)
    if writer.stopped:
        return EXIT_USAGE
    return EXIT_OK if writer.valid else EXIT_FINDINGS


def _stops_run(result: ValidationResult) -> bool:
    return any(issue.code in ("unreadable", "internal") for issue in result.issues)


def _catalog(path: str, max_size: int) -> CatalogView | ValidationResult | None:
    """The catalog's view, or the result that refuses it (unreadable, invalid, internal)."""
    try:
        with open_regular(path) as stream:
            data = read_bounded(stream, max_size)  # more than the limit is too-large
        result = validate(data, max_size=max_size)
        if result.kind not in (None, "catalog", "dataset"):
            issue = Issue(
                code="unknown-kind",
                key="unknown-kind.not-catalog",
                pointer="/kind",
                params={"got": result.kind},
            )
            return ValidationResult(issues=(issue,), path=path)
        document = result.document
        if not result.valid or not isinstance(document, Catalog | Dataset):
            return attrs.evolve(result, path=path)
        return context(document)
    except DocumentError as error:
        return ValidationResult(issues=tuple(error.issues), path=path)
    except OSError as error:
        return _unreadable(path, error)
    except Exception as error:  # a defect of ranham: the catalog's issue, never a traceback
        return ValidationResult(issues=(_internal(error),), path=path)


def _check_file(
    path: str, view: CatalogView | None, args: argparse.Namespace, writer: _Writer
) -> None:
    """Validate one file and hand its issues to ``writer``; nothing here ends the run."""
    if path.lower().endswith(".xlsx"):  # a report form: ranham.sheets reads it, issues at cells
        _check_form(path, args, writer)
        return
    try:
        stream = open_regular(path)
    except OSError as error:
        writer.result(_unreadable(path, error))
        return
    with stream:
        if path.endswith(".jsonl"):
            _check_lines(path, stream, view, args, writer)
            return
        try:
            size = os.fstat(stream.fileno()).st_size
            if size > args.max_size:  # the library's answer for a path, with the real size
                issue = Issue(code="too-large", params={"size": size, "limit": args.max_size})
                writer.result(ValidationResult(issues=(issue,), path=path))
                return
            data = read_bounded(stream, args.max_size)  # more than the limit is too-large
        except OSError as error:
            writer.result(_unreadable(path, error))
            return
    try:
        checked = validate(data, catalog=view, max_size=args.max_size, max_issues=args.max_issues)
        result = attrs.evolve(checked, path=path)
        if args.regions is not None and result.kind == "dataset":
            result = _with_regions(result, data, args.regions)
    except Exception as error:  # a defect of ranham: this file's issue, never a traceback
        result = ValidationResult(issues=(_internal(error),), path=path)
    writer.result(result)


def _unreadable_reason(reason: str) -> Issue:
    return Issue(code="unreadable", params={"reason": reason})


def _check_form(path: str, args: argparse.Namespace, writer: _Writer) -> None:
    """A report form (``.xlsx``), read against ``--catalog``; its issues carry their cell."""
    if args.catalog is None:  # a usage error: said on stderr, the file still reported
        print(
            f"ranham: {clean(path)}: a report form is read against the catalog or dataset it "
            "was made from: add --catalog FILE.",
            file=sys.stderr,
        )
        reason = "a report form needs --catalog"
        writer.result(ValidationResult(issues=(_unreadable_reason(reason),), path=path))
        return
    try:
        form = check_form(Path(path), args.catalog)
    except OSError as error:
        writer.result(_unreadable(path, error))
        return
    except Exception as error:
        writer.result(ValidationResult(issues=(_internal(error),), path=path))
        return
    writer.begin(path)
    writer.issues(form.issues, len(form.errors), len(form.warnings))
    writer.end(form.kind)


def _check_lines(
    path: str,
    stream: IO[bytes],
    view: CatalogView | None,
    args: argparse.Namespace,
    writer: _Writer,
) -> None:
    """Stream a JSON Lines archive: each line's issues are written before the next is read."""
    writer.begin(path)
    kinds: set[str] = set()
    try:
        lines = iter_jsonl(stream, view=view, max_size=args.max_size, max_issues=args.max_issues)
        for _, result in lines:
            writer.issues(result.issues, *_counts(result))
            if result.kind is not None and result.kind not in kinds:
                kinds.add(result.kind)
    except OSError as error:
        writer.issues(_unreadable(path, error).issues, 1, 0)
    except Exception as error:  # a defect of ranham: this file's issue, never a traceback
        writer.issues((_internal(error),), 1, 0)
    writer.end(next(iter(kinds)) if len(kinds) == 1 else None, "report" in kinds)


def _with_regions(result: ValidationResult, data: bytes, edition: str) -> ValidationResult:
    """Add the region-table warnings of a dataset, merged in document order."""
    from ranham.reference import check_institutions

    try:
        document: Any = result.value if result.value is not None else orjson.loads(data)
    except orjson.JSONDecodeError:  # not plain JSON (a non-finite number): no region check
        return result
    if not isinstance(document, dict):  # pragma: no cover - its kind was read from an object
        return result
    extra = check_institutions(document, edition)
    if not extra:
        return result
    issues = sorted(
        (*result.issues, *extra),
        key=lambda i: (document_order(document, _segments(i.pointer)), i.code),
    )
    return attrs.evolve(result, issues=tuple(issues))


def _segments(pointer: str) -> tuple[str | int, ...]:
    return tuple(int(t) if t.isdigit() else t for t in parse_pointer(pointer))


class _Writer:
    """Writes one file's issues as they come; keeps only counts (memory flat in issues)."""

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang
        self.files = 0
        self.errors = 0
        self.warnings = 0
        self.valid = True
        self.stopped = False  # a file unreadable or internal: exit 2
        self.reports = 0  # files holding reports and no error (valid, as far as checked)
        self._path = ""
        self._file_errors = 0
        self._file_issues = 0

    def result(self, result: ValidationResult) -> None:
        """A whole file at once."""
        self.begin(str(result.path))
        self.issues(result.issues, *_counts(result))
        self.end(result.kind)

    def begin(self, path: str) -> None:
        self._path = path
        self._file_errors = 0
        self._file_issues = 0

    def issues(self, issues: Iterable[Issue], errors: int, warnings: int) -> None:
        for issue in issues:
            self._file_issues += 1
            if issue.code in ("unreadable", "internal"):
                self.stopped = True
            self._issue(issue)
        self._file_errors += errors
        self.errors += errors
        self.warnings += warnings

    def end(self, kind: str | None, reports: bool = False) -> None:
        """The file is done; ``reports`` says it held reports (a mixed archive has no kind)."""
        self.files += 1
        if (kind == "report" or reports) and not self._file_errors:
            self.reports += 1
        if self._file_errors:
            self.valid = False
        self._end(kind)

    def finish(self) -> None:
        raise NotImplementedError

    def _issue(self, issue: Issue) -> None:
        raise NotImplementedError

    def _end(self, kind: str | None) -> None:
        raise NotImplementedError


class _TextWriter(_Writer):
    """``path:line:column: severity code pointer: message``, one line per issue."""

    def _issue(self, issue: Issue) -> None:
        where = [self._path]
        cell = getattr(issue, "cell", None)
        if cell:  # an issue of a report form is at a cell
            where.append(cell)
        if issue.line is not None:
            where.append(str(issue.line))
            if issue.column is not None:
                where.append(str(issue.column))
        severity = _SEVERITY[self.lang][issue.severity]
        line = (
            f"{':'.join(where)}: {severity} {issue.code} {issue.pointer or '/'}: "
            f"{issue.message(self.lang)}"
        )
        sys.stdout.write(clean(line) + "\n")

    def _end(self, kind: str | None) -> None:
        if not self._file_issues:
            sys.stdout.write(f"{clean(self._path)}: {_VALID[self.lang]}\n")

    def finish(self) -> None:
        summary = _SUMMARY[self.lang].format(
            files=self.files, errors=self.errors, warnings=self.warnings
        )
        sys.stdout.write(summary + "\n")
        sys.stdout.flush()


class _JsonWriter(_Writer):
    """One JSON document, written as the files are checked: ``files``, then the verdict."""

    def __init__(self, lang: Lang) -> None:
        super().__init__(lang)
        sys.stdout.flush()
        self._out = sys.stdout.buffer
        self._out.write(b'{"files": [')

    def begin(self, path: str) -> None:
        super().begin(path)
        head = _dumps(json_path(path))[:-1]  # the object left open
        self._out.write((b",\n  " if self.files else b"\n  ") + head + b', "issues": [')

    def _issue(self, issue: Issue) -> None:
        separator = b",\n    " if self._file_issues > 1 else b"\n    "
        self._out.write(separator + _dumps(issue.to_json(self.lang)))

    def _end(self, kind: str | None) -> None:
        tail = _dumps({"kind": kind, "valid": not self._file_errors})[1:]
        self._out.write((b"\n  ], " if self._file_issues else b"], ") + tail)

    def finish(self) -> None:
        summary = {"files": self.files, "errors": self.errors, "warnings": self.warnings}
        tail = _dumps({"valid": self.valid, "summary": summary})[1:]
        self._out.write((b"\n], " if self.files else b"], ") + tail + b"\n")
        self._out.flush()


def _dumps(value: Mapping[str, Any]) -> bytes:
    """Compact JSON; a string that is not UTF-8 (a lone surrogate) is written escaped."""
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        return orjson.dumps(_scrub(value))


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v) for v in value]
    return value

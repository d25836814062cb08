"""Validation of RANHAM documents: every problem at once, stable codes, pointers, two languages.

>>> from ranham.validation import validate
>>> result = validate(b'{"kind": "report", "schema_version": "1.0", "institution": "32.16",'
...                   b' "period": "2022-B04", "status": "draft", "history": [], "entries": [],'
...                   b' "claimd": true}')
>>> result.valid, result.codes
(False, ('unknown-field',))
>>> issue = result.issues[0]
>>> issue.pointer, issue.line, issue.column
('/claimd', 1, 140)
>>> print(issue.message("id"))
"claimd" bukan kolom dari objek ini: hapus kolom tersebut.

``source`` may be ``bytes`` or ``str`` (document content), an :class:`os.PathLike` (a file; a
``.jsonl`` file is read as JSON Lines) or a ``dict`` (an already-parsed document; any other
parsed JSON value is ``not-an-object``). Validation never raises on any content; only a path
that cannot be read raises :class:`OSError` (the command line reports it as ``unreadable``).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import weakref
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import IO, Any, TypeVar, overload

import attrs

from ranham.errors import ArgumentTypeError, DocumentError, InvariantError
from ranham.model import Catalog, Dataset
from ranham.validation import _rules
from ranham.validation._build import build_document, check_fast
from ranham.validation._careful import walk_document
from ranham.validation._json import (
    DEFAULT_MAX_SIZE,
    MAX_DEPTH,
    MAX_INTEGER_DIGITS,
    CompactLayout,
    Fatal,
    Located,
    Positions,
    count_key_tokens,
    decode_text,
    locate,
    parse_fast,
    parse_strict,
    paused_gc,
    precheck,
)
from ranham.validation._pointer import to_pointer
from ranham.validation._rules import CatalogView, Context
from ranham.validation._walk import (
    DEFAULT_MAX_ISSUES,
    DOCUMENT_CLASSES,
    RawIssue,
    Walk,
    clip,
    json_type,
    show,
)
from ranham.validation.codes import CODES, FATAL, Severity
from ranham.validation.issues import (
    D,
    Document,
    FileJSON,
    Issue,
    IssueJSON,
    SummaryJSON,
    ValidationJSON,
    ValidationResult,
)
from ranham.validation.messages import Lang

__all__ = [
    "CODES",
    "DEFAULT_MAX_ISSUES",
    "DEFAULT_MAX_SIZE",
    "KINDS",
    "MAX_INTEGER_DIGITS",
    "SCHEMA_VERSION",
    "Context",
    "ContextSource",
    "Document",
    "FileJSON",
    "Issue",
    "IssueJSON",
    "Lang",
    "Severity",
    "SummaryJSON",
    "ValidationJSON",
    "ValidationResult",
    "catalog_view",
    "context",
    "iter_jsonl",
    "open_regular",
    "validate",
]

_T = TypeVar("_T")

SCHEMA_VERSION = "1.0"
"""The format version this library reads and writes."""

KINDS = tuple(DOCUMENT_CLASSES)
"""The document kinds: ``catalog``, ``report``, ``dataset``, ``forum``."""

_VERSION = re.compile(r"(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})")

Source = bytes | bytearray | memoryview | str | os.PathLike[str] | Mapping[str, Any]
"""Content (``bytes``, ``str``), a file (a path) or an already-parsed document (a ``dict``)."""

Parsed = list[Any] | int | float | None
"""Other parsed JSON values: never a document (``not-an-object``)."""


@overload
def validate(
    source: Source | Parsed,
    *,
    kind: type[D],
    catalog: ContextSource | None = None,
    jsonl: bool | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    max_issues: int = DEFAULT_MAX_ISSUES,
    positions: bool = True,
    fast: bool = True,
) -> ValidationResult[D]: ...
@overload
def validate(
    source: Source | Parsed,
    *,
    kind: None = None,
    catalog: ContextSource | None = None,
    jsonl: bool | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    max_issues: int = DEFAULT_MAX_ISSUES,
    positions: bool = True,
    fast: bool = True,
) -> ValidationResult[Document]: ...


def validate(
    source: Source | Parsed,
    *,
    kind: type[D] | None = None,
    catalog: ContextSource | None = None,
    jsonl: bool | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    max_issues: int = DEFAULT_MAX_ISSUES,
    positions: bool = True,
    fast: bool = True,
) -> ValidationResult[Any]:
    """Check a document (or a JSON Lines archive) against ``format.md``; report every issue.

    ``kind`` (``Report``, ``Catalog``, …) insists on one kind of document (another kind is
    ``unknown-kind``) and types the result's ``document``. ``catalog`` (see :func:`context`: a
    catalog or a dataset, in any form) adds the checks a report needs a catalog or a dataset
    for: its actions and measures, its periods, its windows, what its institution owes, and
    against a dataset its institution and autonomy. ``jsonl`` reads ``source`` as JSON Lines
    (the default for a path ending in ``.jsonl``). ``max_size`` limits a document (or one
    line) in bytes;
    ``max_issues`` the issues listed per document (then one ``too-many-issues`` notice; an
    archive lists at most that many in all, and :func:`iter_jsonl` gives every line).
    ``positions=False`` skips looking up the line and column of warnings in a valid document
    (errors always get them): :mod:`ranham.io` reads that way, since it drops the warnings.
    ``fast=False`` skips the fast check-and-build pass (:mod:`ranham.validation._build`): the
    answer is the same, only slower; tests compare the two.

    Content never makes it raise: a defect of ``ranham`` met on one document becomes an
    ``internal`` issue of that document. A path that cannot be read raises :class:`OSError`;
    arguments of the wrong type raise :class:`~ranham.errors.ArgumentTypeError`.
    """
    wanted = _wanted_kind(kind)
    limits = _Limits(_size_limit(max_size), _issue_limit(max_issues), positions, fast, wanted)
    if not isinstance(source, _SOURCES) or isinstance(source, type):
        raise ArgumentTypeError(
            "'source' must be bytes or str (content), a path (os.PathLike), or a parsed JSON "
            f"document (a dict) (got {type(source).__name__})."
        )
    view = catalog_view(catalog, limits.size)
    label: str | None = None
    if isinstance(source, os.PathLike):
        path = Path(source)
        label = str(source)
        if jsonl or (jsonl is None and path.suffix == ".jsonl"):
            with open_regular(path) as stream:
                lines = _bounded_lines(stream, limits.size)
                return _collect(_iter_lines(lines, view, limits), label, limits.issues)
        with open_regular(path) as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > limits.size:
                issue = Issue(code="too-large", params={"size": size, "limit": limits.size})
                return ValidationResult(issues=(issue,), path=label)
            data = stream.read(min(size, limits.size) + 1)  # a file that grew is still bounded
    elif isinstance(source, Mapping):
        with paused_gc():
            return _guarded(_check_value, dict(source), view, None, None, label, limits)
    elif isinstance(source, str):
        try:
            data = source.encode("utf-8")
        except UnicodeEncodeError as error:  # a lone surrogate: not a character
            return _fatal(_surrogate_char(source, error.start), label)
    elif isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:  # another parsed JSON value (a list, a number, None): not a document
        issue = Issue(code="not-an-object", params={"got_type": json_type(source)})
        return ValidationResult(issues=(issue,))
    if jsonl:
        lines = iter(data.split(b"\n"))
        return _collect(_iter_lines(lines, view, limits), label, limits.issues)
    with paused_gc():
        result = _guarded(_check_bytes, data, view, limits)
    return _replaced(result, path=label)


def _replaced(instance: _T, /, **changes: Any) -> _T:
    """``attrs.evolve(instance, **changes)`` for an issue or a result this module made.

    Its members were checked when it was made, and ``changes`` are of the same kinds (a line
    number, a path, issues, a document), so the copy is made without running ``__init__``
    again (1.7 µs against ``attrs.evolve``'s 4.4 µs for an issue), for every line of a JSON
    Lines archive; ``tests/validation/test_replaced.py`` holds it to ``attrs.evolve``'s answer.
    """
    cls: type = type(instance)
    copy: _T = object.__new__(cls)
    for name in _field_names(cls):
        new = changes[name] if name in changes else getattr(instance, name)
        object.__setattr__(copy, name, new)
    return copy


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(cls))


def open_regular(path: str | os.PathLike[str]) -> IO[bytes]:
    """``path`` opened for reading when it is a regular file; else :class:`OSError`.

    A FIFO, a device (``/dev/zero``), a socket or a directory is refused after a ``stat``,
    without being opened for reading, so it can neither block a run nor feed it forever; the
    file is opened non-blocking and checked again through its descriptor (no race).
    """
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "a directory, not a regular file", os.fspath(path))
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "not a regular file", os.fspath(path))
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # replaced between the two looks
        os.close(descriptor)
        raise OSError(errno.EINVAL, "not a regular file", os.fspath(path))
    return os.fdopen(descriptor, "rb")


_SOURCES = (bytes, bytearray, memoryview, str, os.PathLike, Mapping, list, int, float, type(None))


@attrs.frozen
class _Limits:
    """The options of one validation run."""

    size: int
    issues: int
    positions: bool = True
    fast: bool = True
    kind: str | None = None


def _wanted_kind(kind: object) -> str | None:
    if kind is None:
        return None
    for name, cls in DOCUMENT_CLASSES.items():
        if kind is cls:
            return name
    raise ArgumentTypeError(f"'kind' must be Catalog, Report, Dataset or Forum (got {kind!r}).")


def _size_limit(max_size: object) -> int:
    if type(max_size) is not int:
        raise ArgumentTypeError(f"'max_size' must be an int (got {max_size!r}).")
    if max_size < 0:
        raise InvariantError(f"'max_size' must be >= 0 (got {max_size}).")
    return min(max_size, sys.maxsize - 2)  # a larger limit is no limit: nothing is larger


def _issue_limit(max_issues: object) -> int:
    if type(max_issues) is not int:
        raise ArgumentTypeError(f"'max_issues' must be an int (got {max_issues!r}).")
    if max_issues < 1:
        raise InvariantError(f"'max_issues' must be >= 1 (got {max_issues}).")
    return max_issues


def _guarded(check: Callable[..., ValidationResult], *args: Any) -> ValidationResult:
    """Run one document's check; a defect of ``ranham`` becomes an ``internal`` issue.

    ``KeyboardInterrupt`` and ``SystemExit`` are not :class:`Exception` and pass.
    """
    try:
        return check(*args)
    except _Failed as failed:
        return _internal(failed.error, failed.found)
    except Exception as error:
        return _internal(error, ())


class _Failed(Exception):
    """A failure inside the checks of one document, with the issues found before it."""

    def __init__(self, error: Exception, found: tuple[Issue, ...]) -> None:
        super().__init__(error)
        self.error = error
        self.found = found


def _internal(error: Exception, found: tuple[Issue, ...]) -> ValidationResult:
    detail = clip(str(error).replace("\n", " "), 200)
    issue = Issue(code="internal", params={"exception": type(error).__name__, "detail": detail})
    return ValidationResult(issues=(*found, issue))


def iter_jsonl(
    stream: IO[bytes],
    *,
    view: CatalogView | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    max_issues: int = DEFAULT_MAX_ISSUES,
    keep_values: bool = False,
) -> Iterator[tuple[int, ValidationResult]]:
    """Validate a JSON Lines stream one line at a time, in bounded memory.

    Yields ``(line_number, result)`` for every non-blank line; issue lines are the file's.
    ``view`` (see :func:`catalog_view`) checks reports against a catalog; ``keep_values`` keeps
    each valid line's parsed value in its result. Each line lists at most ``max_issues`` issues.
    """
    limits = _Limits(_size_limit(max_size), _issue_limit(max_issues))
    lines = _bounded_lines(stream, limits.size)
    return _iter_lines(lines, view, limits, keep_values)


def _bounded_lines(stream: IO[bytes], max_size: int) -> Iterator[bytes | int]:
    """The lines of ``stream``; a line longer than ``max_size`` comes as its length only."""
    while True:
        line = stream.readline(max_size + 2)
        if not line:
            return
        if len(line) > max_size + 1 and not line.endswith(b"\n"):
            # Too long: count the rest of the line without keeping it.
            size = len(line)
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
                size += len(line)
            yield size - (2 if line.endswith(b"\r\n") else 1 if line.endswith(b"\n") else 0)
            continue
        yield line


def _iter_lines(
    lines: Iterator[bytes | int],
    view: CatalogView | None,
    limits: _Limits,
    keep_values: bool = False,
) -> Iterator[tuple[int, ValidationResult]]:
    for number, line in enumerate(lines, start=1):
        if isinstance(line, int):
            params = {"size": line, "limit": limits.size}
            issue = Issue(code="too-large", line=number, params=params)
            yield number, ValidationResult(issues=(issue,))
            continue
        content = line.rstrip(b"\r\n")
        if not content.strip(b" \t\r\n"):
            continue
        with paused_gc():
            result = _guarded(_check_bytes, content, view, limits)
        issues = tuple([_replaced(i, line=number) for i in result.issues])
        value = result.value if keep_values else None
        document = result.document if keep_values else None
        yield number, _replaced(result, issues=issues, value=value, document=document)


def _collect(
    results: Iterator[tuple[int, ValidationResult]], label: str | None, limit: int
) -> ValidationResult:
    """One result for a whole archive: at most ``limit`` issues listed, all of them counted."""
    issues: list[Issue] = []
    kinds: set[str | None] = set()
    errors = warnings = 0
    for _, result in results:
        kinds.add(result.kind)
        room = limit - len(issues)
        listed = [i for i in result.issues if i.code != "too-many-issues"]
        issues.extend(listed[:room])
        for issue in listed[room:]:
            if issue.is_error:
                errors += 1
            else:
                warnings += 1
        errors += result.omitted_errors
        warnings += result.omitted_warnings
    kinds.discard(None)  # lines whose kind is unknown do not count
    kind = kinds.pop() if len(kinds) == 1 else None
    if errors or warnings:
        issues.append(_too_many(errors + warnings, limit))
    return ValidationResult(
        issues=tuple(issues),
        kind=kind,
        path=label,
        omitted_errors=errors,
        omitted_warnings=warnings,
    )


def _too_many(omitted: int, limit: int) -> Issue:
    return Issue(code="too-many-issues", params={"omitted": omitted, "limit": limit})


ContextSource = Catalog | Dataset | Context | Mapping[str, Any] | os.PathLike[str]
"""What reports can be checked against: a catalog or a dataset, as an object, a parsed
document or a file, or a :class:`Context` made before."""


def context(source: ContextSource, max_size: int = DEFAULT_MAX_SIZE) -> Context:
    """What reports are checked against, from a catalog or a dataset in any form.

    A :class:`Context` is made once per :class:`~ranham.Catalog` or :class:`~ranham.Dataset`
    object and kept while the object lives, so passing the object to every call is as fast as
    passing the context. A dataset adds its institutions: a report's institution must be
    listed, and assignment follows its kind and autonomy (format.md, "a report checked against
    a dataset"). Raises :class:`~ranham.errors.DocumentError` when the catalog or dataset
    itself is not valid, and :class:`~ranham.errors.ArgumentTypeError` for another type.

    >>> from ranham.reference import example_dataset
    >>> dataset = example_dataset(year=2022, seed=1, scale=0.05)
    >>> context(dataset) is context(dataset), context(dataset).institutions is not None
    (True, True)
    """
    if isinstance(source, Context):
        return source
    if isinstance(source, Catalog | Dataset):
        return _context_of(source)
    if isinstance(source, os.PathLike):
        result = validate(source, max_size=max_size, jsonl=False)
    elif isinstance(source, Mapping):
        result = validate(source)
    else:
        raise ArgumentTypeError(
            "'catalog' must be a Catalog or a Dataset, a parsed catalog or dataset document "
            "(a dict) or a path (os.PathLike; a str is not taken as a path) "
            f"(got {type(source).__name__})."
        )
    if result.kind not in (None, "catalog", "dataset"):
        issue = Issue(
            code="unknown-kind",
            key="unknown-kind.not-catalog",
            pointer="/kind",
            params={"got": result.kind},
        )
        raise DocumentError([issue], source="given as catalog")
    document = result.document
    if not result.valid or not isinstance(document, Catalog | Dataset):
        raise DocumentError(result.issues, source="given as catalog")
    return _context_of(document)


def catalog_view(catalog: ContextSource | None, max_size: int = DEFAULT_MAX_SIZE) -> Context | None:
    """:func:`context`, or ``None`` for ``None`` (the name of earlier versions)."""
    return None if catalog is None else context(catalog, max_size)


_CONTEXTS: dict[int, tuple[weakref.ref[Catalog | Dataset], Context]] = {}


def _context_of(source: Catalog | Dataset) -> Context:
    """The context of an object, made once while the object lives."""
    known = _CONTEXTS.get(id(source))
    if known is not None and known[0]() is source:
        return known[1]
    made = Context.from_catalog(source) if isinstance(source, Catalog) else None
    if made is None:
        assert isinstance(source, Dataset)
        made = Context.from_dataset(source)
    key = id(source)
    _CONTEXTS[key] = (weakref.ref(source), made)
    weakref.finalize(source, _CONTEXTS.pop, key, None)
    return made


def _check_bytes(data: bytes, view: CatalogView | None, limits: _Limits) -> ValidationResult:
    fatal = precheck(data, limits.size)
    if fatal is not None:
        return _fatal(fatal, None)
    ok, value = parse_fast(data)
    if ok and isinstance(value, dict):
        counts = _Counts()
        result = _check_value(value, view, None, data, None, limits, counts)
        # The fast parser's answer stands unless a key was repeated or a float was read: its
        # digits are read again from the text (an integer beyond 64 bits that ``orjson`` read
        # as a float, a number a double cannot hold: ``inexact-number``).
        if _no_repeated_keys(data, counts) and not counts.floats:
            return result
    text = decode_text(data)
    if isinstance(text, Fatal):
        return _fatal(text, None)
    value, fatal = parse_strict(text)
    if fatal is not None:
        return _fatal(fatal, None)
    return _check_value(value, view, text, None, None, limits)


@attrs.define
class _Counts:
    """What the checks of a fast-parsed document report back.

    The object keys read, whether a float was seen, and (on the fast path) the colons inside
    the strings read; ``None`` when the strings were not counted.
    """

    keys: int = -1
    floats: bool = True
    colons: int | None = None


def _no_repeated_keys(data: bytes, counts: _Counts) -> bool:
    """Whether the text holds exactly the keys that were read (``orjson`` keeps the last of two).

    Every colon of a JSON text ends a key unless it stands inside a string, and a UTF-8 byte
    0x3A is always a colon, so ``keys = colons in the text - colons in the strings``: one fast
    count when the fast path counted the colons of the strings it read. An escaped colon
    (``\\u003a``) would make the strings hold more colons than the text; then, and on the
    careful path, the key tokens are counted instead (:func:`count_key_tokens`).
    """
    if counts.colons is not None and b"\\u003" not in data:
        return counts.keys == data.count(b":") - counts.colons
    return counts.keys == count_key_tokens(data)


def _fatal(fatal: Fatal, label: str | None) -> ValidationResult:
    issue = Issue(
        code=fatal.code,
        pointer=to_pointer(fatal.path),
        key=fatal.key,
        params=fatal.params,
        line=fatal.line,
        column=fatal.column,
    )
    return ValidationResult(issues=(issue,), path=label)


def _surrogate_char(text: str, offset: int) -> Fatal:
    """A ``str`` source holding a lone surrogate (it cannot be encoded as UTF-8)."""
    line, column = Positions(text).line_column(offset)
    escape = f"\\u{ord(text[offset]):04x}"
    return Fatal("encoding", "encoding.surrogate", {"escape": escape}, offset, line, column)


def _check_value(
    value: Any,
    view: CatalogView | None,
    text: str | None,
    data: bytes | None,
    label: str | None,
    limits: _Limits,
    counts: _Counts | None = None,
) -> ValidationResult:
    if not isinstance(value, dict):
        raw = RawIssue("not-an-object", "not-an-object", (), {"got_type": json_type(value)})
        return _finish(Walk(value, limits.issues), [raw], value, None, text, data, label)
    header = _check_header(value, limits.kind)
    if header is not None:
        # ``kind`` is known when only the version is wrong (format.md: "whenever kind was valid")
        # or when it is not the kind that was asked for
        known = header.code == "unsupported-version" or header.key == "unknown-kind.expected"
        kind_known = value["kind"] if known else None
        w = Walk(value, limits.issues)
        return _finish(w, [header], value, kind_known, text, data, label)
    kind = value["kind"]
    if limits.fast:
        fast = check_fast(value, kind, view)
        if fast is not None:
            built, warnings = fast
            if counts is not None:
                counts.keys, counts.floats, counts.colons = built.keys, built.floats, built.colons
            w = Walk(value, limits.issues)
            result = _finish(w, warnings, value, kind, text, data, label, limits.positions)
            return _replaced(result, document=built.document)
    w = Walk(value, limits.issues)
    try:
        _, deep = walk_document(value, kind, w)
        if counts is not None:
            counts.keys = w.keys
        if deep is not None:
            # A raw-JSON problem: the parser may find it before ``kind`` is read, so kind stays
            # unknown here too (the same answer on every path).
            raw = RawIssue("too-deep", "too-deep", deep, {"limit": MAX_DEPTH})
            return _finish(w, [raw], value, None, text, data, label)
        _CHECKS[kind](w, value, view)
    except Exception as error:
        found = _finish(w, w.issues, value, kind, text, data, label)
        raise _Failed(error, found.issues) from error
    result = _finish(w, w.issues, value, kind, text, data, label)
    if result.valid:  # the careful path proved it valid: build the document it holds
        made = build_document(value, kind)
        if made is not None:
            result = _replaced(result, document=made.document)
    return result


_CHECKS: dict[str, Callable[[Walk, dict[str, Any], CatalogView | None], object]] = {
    "catalog": lambda w, value, view: _rules.check_catalog(w, value, ()),
    "report": lambda w, value, view: _rules.check_standalone_report(w, value, view),  # noqa: PLW0108 - looked up when called
    "dataset": lambda w, value, view: _rules.check_dataset(w, value),
    "forum": lambda w, value, view: _rules.check_forum(w, value),
}
"""The domain rules of each document kind, run after the structural walk."""


def _check_header(value: dict[str, Any], wanted: str | None = None) -> RawIssue | None:
    kind = value.get("kind")
    if "kind" not in value:
        return RawIssue("unknown-kind", "unknown-kind.missing", ("kind",), {}, "container")
    if type(kind) is not str or kind not in DOCUMENT_CLASSES:
        return RawIssue("unknown-kind", "unknown-kind", ("kind",), {"got": show(kind)})
    if wanted is not None and kind != wanted:
        params = {"got": kind, "expected": wanted}
        return RawIssue("unknown-kind", "unknown-kind.expected", ("kind",), params)
    version = value.get("schema_version")
    params = {"supported": SCHEMA_VERSION, "got": show(version)}
    if "schema_version" not in value:
        return RawIssue(
            "unsupported-version",
            "unsupported-version.missing",
            ("schema_version",),
            params,
            "container",
        )
    match = _VERSION.fullmatch(version) if isinstance(version, str) else None
    if match is None:
        return RawIssue(
            "unsupported-version", "unsupported-version.malformed", ("schema_version",), params
        )
    major, minor = int(match[1]), int(match[2])
    own_major, own_minor = (int(p) for p in SCHEMA_VERSION.split("."))
    if major != own_major or minor > own_minor:
        return RawIssue("unsupported-version", "unsupported-version", ("schema_version",), params)
    return None


def _finish(
    w: Walk,
    raw: list[RawIssue],
    value: Any,
    kind: str | None,
    text: str | None,
    data: bytes | None,
    label: str | None,
    positions: bool = True,
) -> ValidationResult:
    fatal = [r for r in raw if r.code in FATAL]
    if fatal:
        raw = fatal[:1]
        w.omitted = [0, 0]
    raw = sorted(raw, key=w.sort_key)
    omitted_warnings, omitted_errors = w.omitted
    for r in raw[w.limit :]:
        if CODES[r.code] is Severity.ERROR:
            omitted_errors += 1
        else:
            omitted_warnings += 1
    raw = raw[: w.limit]
    valid = omitted_errors == 0 and not any(CODES[r.code] is Severity.ERROR for r in raw)
    wanted = raw if positions or not valid else []
    located: dict[int, tuple[int, int]] = {}
    if wanted and text is None and data is not None:
        compact = _compact_positions(wanted, CompactLayout(value, data))
        if compact is not None:
            located = compact
        else:
            decoded = decode_text(data)
            text = decoded if isinstance(decoded, str) else None
    if wanted and text is not None:
        located = _positions(wanted, text)
    issues = []
    for index, r in enumerate(raw):
        line, column = located.get(index, (None, None))
        issues.append(
            Issue(
                code=r.code,
                pointer=to_pointer(r.path),
                line=line,
                column=column,
                key=r.key,
                params=r.params,
            )
        )
    if omitted_errors or omitted_warnings:
        issues.append(_too_many(omitted_errors + omitted_warnings, w.limit))
    return ValidationResult(
        issues=tuple(issues),
        kind=kind,
        path=label,
        value=value if valid else None,
        omitted_errors=omitted_errors,
        omitted_warnings=omitted_warnings,
    )


def _positions(raw: list[RawIssue], text: str) -> dict[int, tuple[int, int]]:
    lines = Positions(text)
    found = locate(text, (r.path for r in raw))
    return {index: lines.line_column(offset) for index, offset in _offsets(raw, found).items()}


def _compact_positions(
    raw: list[RawIssue], layout: CompactLayout
) -> dict[int, tuple[int, int]] | None:
    """Positions from a compact text's layout; ``None`` when the text is laid out otherwise."""
    found = layout.locate(r.path for r in raw)
    if found is None:
        return None
    offsets = _offsets(raw, found)
    columns = layout.columns(offsets.values())
    return {index: (1, columns[offset]) for index, offset in offsets.items()}


def _offsets(raw: list[RawIssue], found: Mapping[Any, Located]) -> dict[int, int]:
    """The offset each issue's position is taken at: the key, the value, or the container."""
    out: dict[int, int] = {}
    for index, r in enumerate(raw):
        located = found.get(r.path)
        if located is None:
            continue
        if r.where == "key" and located.keys:
            occurrence = r.occurrence if r.occurrence >= 0 else len(located.keys) - 1
            out[index] = located.keys[min(occurrence, len(located.keys) - 1)]
        elif r.where == "value" and located.values:
            out[index] = located.values[-1]
        elif located.container is not None:
            out[index] = located.container
    return out

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

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import attrs

from ranham.errors import DocumentError, InvariantError
from ranham.model import Catalog
from ranham.validation import _rules
from ranham.validation._build import check_fast
from ranham.validation._json import (
    DEFAULT_MAX_SIZE,
    MAX_DEPTH,
    CompactLayout,
    Fatal,
    Located,
    Positions,
    count_key_tokens,
    decode_text,
    locate,
    may_hold_big_integers,
    parse_fast,
    parse_strict,
    paused_gc,
    precheck,
)
from ranham.validation._pointer import document_order, to_pointer
from ranham.validation._rules import CatalogView
from ranham.validation._walk import DOCUMENT_CLASSES, RawIssue, json_type, show, walk_document
from ranham.validation.codes import CODES, FATAL, Severity
from ranham.validation.issues import Issue, ValidationResult
from ranham.validation.messages import Lang

__all__ = [
    "CODES",
    "DEFAULT_MAX_SIZE",
    "KINDS",
    "SCHEMA_VERSION",
    "Issue",
    "Lang",
    "Severity",
    "ValidationResult",
    "catalog_view",
    "iter_jsonl",
    "validate",
]

FAST_PATH = True
"""Try the fast check-and-build pass first (:mod:`ranham.validation._build`); tests turn it off
to compare the two paths."""

SCHEMA_VERSION = "1.0"
"""The format version this library reads and writes."""

KINDS = tuple(DOCUMENT_CLASSES)
"""The document kinds: ``catalog``, ``report``, ``dataset``, ``forum``."""

_VERSION = re.compile(r"(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})")

Source = bytes | bytearray | memoryview | str | os.PathLike[str] | Mapping[str, Any]
"""Content (``bytes``, ``str``), a file (a path) or an already-parsed document (a ``dict``)."""

Parsed = list[Any] | int | float | None
"""Other parsed JSON values: never a document (``not-an-object``)."""


def validate(
    source: Source | Parsed,
    *,
    catalog: Catalog | CatalogView | Mapping[str, Any] | os.PathLike[str] | None = None,
    jsonl: bool | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    positions: bool = True,
) -> ValidationResult:
    """Check a document (or a JSON Lines archive) against ``format.md``; report every issue.

    ``catalog`` adds the checks a report needs a catalog for: its actions and measures, its
    periods, its windows. ``jsonl`` reads ``source`` as JSON Lines (the default for a path
    ending in ``.jsonl``). ``max_size`` limits a document (or one line) in bytes.
    ``positions=False`` skips looking up the line and column of warnings in a valid document
    (errors always get them): :mod:`ranham.io` reads that way, since it drops the warnings.
    """
    view = catalog_view(catalog, max_size)
    label: str | None = None
    if isinstance(source, os.PathLike):
        path = Path(source)
        label = str(source)
        if jsonl or (jsonl is None and path.suffix == ".jsonl"):
            with path.open("rb") as stream:
                return _collect(iter_jsonl(stream, view=view, max_size=max_size), label)
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > max_size:
                issue = Issue(code="too-large", params={"size": size, "limit": max_size})
                return ValidationResult(issues=(issue,), path=label)
            data = stream.read(max_size + 1)  # a file that grew meanwhile is still bounded
    elif isinstance(source, Mapping):
        with paused_gc():
            return _check_value(dict(source), view, None, None, label)
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
        return _collect(_iter_lines(data.split(b"\n"), view, max_size), label)
    with paused_gc():
        result = _check_bytes(data, view, max_size, positions)
    return attrs.evolve(result, path=label)


def iter_jsonl(
    stream: IO[bytes],
    *,
    view: CatalogView | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    keep_values: bool = False,
) -> Iterator[tuple[int, ValidationResult]]:
    """Validate a JSON Lines stream one line at a time, in bounded memory.

    Yields ``(line_number, result)`` for every non-blank line; issue lines are the file's.
    ``view`` (see :func:`catalog_view`) checks reports against a catalog; ``keep_values`` keeps
    each valid line's parsed value in its result.
    """
    return _iter_lines(_bounded_lines(stream, max_size), view, max_size, keep_values)


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
    lines: Iterable[bytes | int],
    view: CatalogView | None,
    max_size: int,
    keep_values: bool = False,
) -> Iterator[tuple[int, ValidationResult]]:
    for number, line in enumerate(lines, start=1):
        if isinstance(line, int):
            issue = Issue(code="too-large", line=number, params={"size": line, "limit": max_size})
            yield number, ValidationResult(issues=(issue,))
            continue
        content = line.rstrip(b"\r\n")
        if not content.strip(b" \t\r\n"):
            continue
        with paused_gc():
            result = _check_bytes(content, view, max_size)
        issues = tuple(
            Issue(
                code=i.code,
                pointer=i.pointer,
                line=number,
                column=i.column,
                key=i.key,
                params=i.params,
            )
            for i in result.issues
        )
        value = result.value if keep_values else None
        yield number, ValidationResult(issues=issues, kind=result.kind, value=value)


def _collect(
    results: Iterator[tuple[int, ValidationResult]], label: str | None
) -> ValidationResult:
    issues: list[Issue] = []
    kinds: set[str] = set()
    for _, result in results:
        issues.extend(result.issues)
        if result.kind is not None:
            kinds.add(result.kind)
    kind = kinds.pop() if len(kinds) == 1 else None  # lines whose kind is unknown do not count
    return ValidationResult(issues=tuple(issues), kind=kind, path=label)


def catalog_view(
    catalog: Catalog | CatalogView | Mapping[str, Any] | os.PathLike[str] | None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> CatalogView | None:
    """What reports are checked against: from a Catalog, a parsed catalog or a catalog file.

    Raises :class:`~ranham.errors.DocumentError` when the catalog itself is not valid.
    """
    if catalog is None or isinstance(catalog, CatalogView):
        return catalog
    if isinstance(catalog, Catalog):
        return CatalogView.from_catalog(catalog)
    if isinstance(catalog, os.PathLike):
        result = validate(catalog, max_size=max_size, jsonl=False)
    elif isinstance(catalog, Mapping):
        result = validate(catalog)
    else:
        raise InvariantError(
            f"'catalog' must be a Catalog, a parsed catalog document or a path (got {catalog!r})."
        )
    if not result.valid or result.kind != "catalog" or result.value is None:
        if result.kind not in (None, "catalog"):
            issue = Issue(
                code="unknown-kind",
                key="unknown-kind.not-catalog",
                pointer="/kind",
                params={"got": result.kind},
            )
            raise DocumentError([issue], source="given as catalog")
        raise DocumentError(result.issues, source="given as catalog")
    value = dict(result.value)
    walk, _ = walk_document(value, "catalog")
    return _rules.check_catalog(walk, value, ())


def _check_bytes(
    data: bytes, view: CatalogView | None, max_size: int, positions: bool = True
) -> ValidationResult:
    fatal = precheck(data, max_size)
    if fatal is not None:
        return _fatal(fatal, None)
    ok, value = parse_fast(data)
    if ok and isinstance(value, dict):
        counts = _Counts()
        result = _check_value(value, view, None, data, None, counts, positions)
        # The fast parser's answer stands unless a key was repeated or an integer beyond 64 bits
        # may have been read as a float (only then are the 19-digit runs looked for).
        if _no_repeated_keys(data, counts) and not (counts.floats and may_hold_big_integers(data)):
            return result
    text = decode_text(data)
    if isinstance(text, Fatal):
        return _fatal(text, None)
    value, fatal = parse_strict(text)
    if fatal is not None:
        return _fatal(fatal, None)
    return _check_value(value, view, text, None, None)


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
    counts: _Counts | None = None,
    positions: bool = True,
) -> ValidationResult:
    if not isinstance(value, dict):
        raw = RawIssue("not-an-object", "not-an-object", (), {"got_type": json_type(value)})
        return _finish([raw], value, None, text, data, label)
    header = _check_header(value)
    if header is not None:
        # ``kind`` is known when only the version is wrong (format.md: "whenever kind was valid")
        kind_known = value["kind"] if header.code == "unsupported-version" else None
        return _finish([header], value, kind_known, text, data, label)
    kind = value["kind"]
    if FAST_PATH:
        fast = check_fast(value, kind, view)
        if fast is not None:
            built, warnings = fast
            if counts is not None:
                counts.keys, counts.floats, counts.colons = built.keys, built.floats, built.colons
            result = _finish(warnings, value, kind, text, data, label, positions)
            return attrs.evolve(result, document=built.document)
    w, deep = walk_document(value, kind)
    if counts is not None:
        counts.keys = w.keys
    if deep is not None:
        # A raw-JSON problem: the parser may find it before ``kind`` is read, so kind stays
        # unknown here too (the same answer on every path).
        raw = RawIssue("too-deep", "too-deep", deep, {"limit": MAX_DEPTH})
        return _finish([raw], value, None, text, data, label)
    if kind == "catalog":
        _rules.check_catalog(w, value, ())
    elif kind == "report":
        _rules.check_standalone_report(w, value, view)
    elif kind == "dataset":
        _rules.check_dataset(w, value)
    else:
        _rules.check_forum(w, value)
    return _finish(w.issues, value, kind, text, data, label)


def _check_header(value: dict[str, Any]) -> RawIssue | None:
    kind = value.get("kind")
    if "kind" not in value:
        return RawIssue("unknown-kind", "unknown-kind.missing", ("kind",), {}, "container")
    if type(kind) is not str or kind not in DOCUMENT_CLASSES:
        return RawIssue("unknown-kind", "unknown-kind", ("kind",), {"got": show(kind)})
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
    raw: list[RawIssue],
    value: dict[str, Any],
    kind: str | None,
    text: str | None,
    data: bytes | None,
    label: str | None,
    positions: bool = True,
) -> ValidationResult:
    fatal = [r for r in raw if r.code in FATAL]
    if fatal:
        raw = fatal[:1]
    raw.sort(key=lambda r: (document_order(value, r.path), r.code, r.occurrence))
    wanted = raw if positions or any(CODES[r.code] is Severity.ERROR for r in raw) else []
    located: dict[int, tuple[int, int]] = {}
    if wanted and text is None and data is not None:
        layout = CompactLayout.of(value, data)
        if layout is not None:
            located = _compact_positions(wanted, layout)
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
    valid = not any(CODES[r.code] is Severity.ERROR for r in raw)
    return ValidationResult(
        issues=tuple(issues),
        kind=kind,
        path=label,
        value=value if valid else None,
    )


def _positions(raw: list[RawIssue], text: str) -> dict[int, tuple[int, int]]:
    lines = Positions(text)
    found = locate(text, (r.path for r in raw))
    return {index: lines.line_column(offset) for index, offset in _offsets(raw, found).items()}


def _compact_positions(raw: list[RawIssue], layout: CompactLayout) -> dict[int, tuple[int, int]]:
    offsets = _offsets(raw, layout.locate(r.path for r in raw))
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

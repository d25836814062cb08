"""Reading and writing the harmonised documents: bytes, text, files, dicts and JSON Lines.

Every read validates the whole document first and refuses an invalid one with a
:class:`~ranham.errors.DocumentError` that lists every problem; warnings (a late submission)
do not stop a read. Every write is canonical: the fields of ``format.md`` in its order, optional
fields left out when they hold their default, the ``extensions`` kept verbatim. The same object
always gives the same bytes.

>>> from ranham import io
>>> from ranham.rules.cases import SHIPPED_CASES
>>> dataset = io.load(SHIPPED_CASES / "bekasi-2022.json")
>>> report = dataset.reports[0]
>>> report.institution, str(report.period), report.status
('32.16', '2022-B04', <ReportStatus.VERIFIED: 'verified'>)
>>> io.loads(io.dumps(dataset)) == dataset
True
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, TypeVar, overload

import orjson

from ranham import model
from ranham.errors import ArgumentTypeError, DocumentError, InvariantError
from ranham.io._converter import ENTITIES, converter, format_timestamp, make_converter
from ranham.validation import (
    SCHEMA_VERSION,
    ValidationResult,
    catalog_view,
    iter_jsonl,
    open_regular,
    validate,
)
from ranham.validation._json import DEFAULT_MAX_SIZE, paused_gc
from ranham.validation._rules import CatalogView
from ranham.validation._walk import DOCUMENT_CLASSES

__all__ = [
    "ENTITIES",
    "Document",
    "converter",
    "dump",
    "dumps",
    "format_timestamp",
    "from_dict",
    "iter_documents",
    "kind_of",
    "load",
    "loads",
    "make_converter",
    "to_dict",
    "write_jsonl",
]

Document = model.Catalog | model.Report | model.Dataset | model.Forum
"""The four document kinds."""

D = TypeVar("D", model.Catalog, model.Report, model.Dataset, model.Forum)

_KIND_OF_CLASS = {cls: kind for kind, cls in DOCUMENT_CLASSES.items()}


def kind_of(document: Document) -> str:
    """The ``kind`` a document object is written as (``"report"`` for a :class:`Report`)."""
    try:
        return _KIND_OF_CLASS[type(document)]
    except KeyError:
        raise InvariantError(
            "a document must be a Catalog, Report, Dataset or Forum "
            f"(got {type(document).__name__})."
        ) from None


def _build(result: ValidationResult, kind: type[D] | None, source: str) -> Any:
    if not result.valid or result.value is None:
        raise DocumentError(result.issues, source=source)
    actual = DOCUMENT_CLASSES[result.value["kind"]]
    if result.document is not None and (kind is None or type(result.document) is kind):
        return result.document
    if kind is not None and actual is not kind:
        where = f" in {source}" if source else ""
        raise InvariantError(
            f"expected a {_KIND_OF_CLASS[kind]} document, got a {result.value['kind']} "
            f"document{where}."
        )
    body = {k: v for k, v in result.value.items() if k not in ("kind", "schema_version")}
    return converter.structure(body, actual)


@overload
def loads(data: bytes | str, *, kind: type[D], catalog: Any = None) -> D: ...
@overload
def loads(data: bytes | str, *, kind: None = None, catalog: Any = None) -> Document: ...


def loads(data: bytes | str, *, kind: type[D] | None = None, catalog: Any = None) -> Any:
    """Read a document from JSON content; ``kind`` (e.g. ``Report``) insists on one kind.

    ``catalog`` (a :class:`~ranham.Catalog`, a parsed catalog or a path) adds the checks a report
    needs a catalog for. Raises :class:`~ranham.errors.DocumentError` listing every problem.
    """
    if not isinstance(data, bytes | bytearray | memoryview | str):
        raise ArgumentTypeError(
            f"'data' must be JSON content, bytes or str (got {type(data).__name__}); "
            "use load() for a path and from_dict() for a parsed document."
        )
    with paused_gc():
        return _build(validate(data, catalog=catalog, positions=False), kind, "")


@overload
def load(path: str | os.PathLike[str], *, kind: type[D], catalog: Any = None) -> D: ...
@overload
def load(path: str | os.PathLike[str], *, kind: None = None, catalog: Any = None) -> Document: ...


def load(path: str | os.PathLike[str], *, kind: type[D] | None = None, catalog: Any = None) -> Any:
    """Read a document from a ``.json`` file (see :func:`loads`)."""
    if not isinstance(path, str | os.PathLike):
        raise ArgumentTypeError(f"'path' must be a str or a path (got {type(path).__name__}).")
    with paused_gc():
        return _build(
            validate(Path(path), catalog=catalog, jsonl=False, positions=False), kind, str(path)
        )


@overload
def from_dict(data: Mapping[str, Any], *, kind: type[D], catalog: Any = None) -> D: ...
@overload
def from_dict(data: Mapping[str, Any], *, kind: None = None, catalog: Any = None) -> Document: ...


def from_dict(data: Mapping[str, Any], *, kind: type[D] | None = None, catalog: Any = None) -> Any:
    """Build a document from an already-parsed JSON object (a ``dict``), validating it first."""
    if not isinstance(data, Mapping):
        raise ArgumentTypeError(
            f"'data' must be a parsed JSON document, a dict (got {type(data).__name__})."
        )
    return _build(validate(data, catalog=catalog), kind, "")


def to_dict(document: Document) -> dict[str, Any]:
    """A document as a JSON-ready ``dict``, header first, fields in canonical order."""
    with paused_gc():
        body = converter.unstructure(document)
    return {"kind": kind_of(document), "schema_version": SCHEMA_VERSION, **body}


def dumps(document: Document, *, indent: bool = False) -> bytes:
    """A document as canonical UTF-8 JSON bytes (2-space indented when ``indent``)."""
    return _encode(to_dict(document), indent)


def _encode(value: dict[str, Any], indent: bool) -> bytes:
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2 if indent else 0)
    except orjson.JSONEncodeError:
        # An integer beyond 64 bits inside extensions: the standard library writes it exactly,
        # in the same layout.
        text = json.dumps(
            value,
            ensure_ascii=False,
            allow_nan=False,
            indent=2 if indent else None,
            separators=(",", ": ") if indent else (",", ":"),
        )
        return text.encode("utf-8")


def dump(document: Document, path: str | os.PathLike[str], *, indent: bool = True) -> None:
    """Write a document to a ``.json`` file (indented by default, with a final newline)."""
    Path(path).write_bytes(dumps(document, indent=indent) + b"\n")


@overload
def iter_documents(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    kind: type[D],
    catalog: Any = None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> Iterator[D]: ...
@overload
def iter_documents(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    kind: None = None,
    catalog: Any = None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> Iterator[Document]: ...


def iter_documents(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    kind: type[D] | None = None,
    catalog: Any = None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> Iterator[Any]:
    """Read a JSON Lines file lazily, one validated document per non-blank line.

    Memory stays bounded by one line. An invalid line raises
    :class:`~ranham.errors.DocumentError` whose issues carry that line's number. Arguments of
    the wrong type raise :class:`~ranham.errors.ArgumentTypeError` at once, not on iteration.
    """
    if not isinstance(source, str | os.PathLike) and not callable(
        getattr(source, "readline", None)
    ):
        raise ArgumentTypeError(
            f"'source' must be a path or a binary stream (got {type(source).__name__})."
        )
    view = _view(catalog)
    return _iter_documents(source, kind, view, max_size)


def _iter_documents(
    source: str | os.PathLike[str] | IO[bytes],
    kind: type[D] | None,
    view: CatalogView | None,
    max_size: int,
) -> Iterator[Any]:
    if isinstance(source, str | os.PathLike):
        with open_regular(source) as stream:
            yield from _documents(stream, kind, view, max_size, str(source))
    else:
        yield from _documents(source, kind, view, max_size, "")


def _view(catalog: Any) -> CatalogView | None:
    if catalog is None:
        return None
    return catalog_view(catalog)


def _documents(
    stream: IO[bytes], kind: type[D] | None, view: CatalogView | None, max_size: int, label: str
) -> Iterator[Any]:
    for number, result in iter_jsonl(stream, view=view, max_size=max_size, keep_values=True):
        yield _build(result, kind, f"{label} line {number}".strip())


def write_jsonl(documents: Iterable[Document], path: str | os.PathLike[str]) -> int:
    """Write documents to a JSON Lines file, one canonical line each; return how many."""
    count = 0
    with Path(path).open("wb") as stream:
        for document in documents:
            stream.write(dumps(document) + b"\n")
            count += 1
    return count

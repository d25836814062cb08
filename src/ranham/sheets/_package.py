"""Opening a hostile ``.xlsx`` safely, before openpyxl sees it.

A workbook is a zip of XML parts. Before anything else reads it, this module checks that it is
one (not an ``.xls``, a renamed CSV, an ``.ods``, a macro-enabled or encrypted workbook) and
inflates every part once, counting the bytes as they come (a zip's headers can lie), so that a
zip bomb is refused as ``too-large`` after at most the limit has been inflated. It keeps the
parts that the reader needs besides openpyxl: the workbook's sheet list, and each sheet's
hyperlinks, read with :mod:`defusedxml` (no entity expansion, no external resources).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Mapping
from typing import Any

import attrs

from ranham.sheets.issues import FormIssue

__all__ = [
    "MAX_FILE_SIZE",
    "MAX_INFLATED",
    "MAX_PARTS",
    "MAX_RATIO",
    "Package",
    "open_package",
]

MAX_FILE_SIZE = 20 * 1024 * 1024
"""A workbook file is at most 20 MiB."""
MAX_INFLATED = 100 * 1024 * 1024
"""Its parts inflate to at most 100 MiB together ..."""
MAX_RATIO = 100
"""... and to at most 100 times the file's size."""
MAX_PARTS = 10_000
"""A workbook has at most this many parts (a form has about a dozen)."""

_CHUNK = 64 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and every encrypted Office file
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@attrs.frozen(kw_only=True)
class Package:
    """A workbook that passed the checks: its bytes, sheets, hyperlinks and formula sheets."""

    data: bytes
    sheets: tuple[str, ...]
    hyperlinks: Mapping[str, Mapping[str, str]]
    """Per sheet name, cell coordinate (``D5``) to the hyperlink's target."""
    formulas: frozenset[str]
    """The names of the sheets that hold a formula."""


def _refuse(key: str, **params: Any) -> FormIssue:
    code = key.partition(".")[0]
    return FormIssue(code=code, key=key, params=params)


def open_package(data: bytes) -> Package | FormIssue:
    """The checked workbook, or the one issue that refuses it."""
    size = len(data)
    if size > MAX_FILE_SIZE:
        return _refuse("too-large.file", size=size, limit=MAX_FILE_SIZE)
    if data.startswith(_OLE):
        return _refuse("not-a-workbook.ole")
    if not data.startswith(b"PK"):
        if b"\x00" in data[:4096]:
            return _refuse("not-a-workbook.zip", detail="not a zip archive")
        return _refuse("not-a-workbook.text")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return _refuse("not-a-workbook.zip", detail="a broken zip archive")
    if len(infos) > MAX_PARTS:
        return _refuse("too-large.parts", limit=MAX_PARTS)
    names = {info.filename for info in infos}
    if "mimetype" in names and "content.xml" in names:
        return _refuse("not-a-workbook.ods")
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return _refuse("not-a-workbook.macro")
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        return _refuse("not-a-workbook.zip", detail="no workbook inside the zip archive")
    budget = min(MAX_INFLATED, MAX_RATIO * size)
    kept: dict[str, bytes] = {}
    total = 0
    try:
        for info in infos:
            keep = _wanted(info.filename)
            chunks: list[bytes] = []
            with archive.open(info) as stream:
                while True:
                    chunk = stream.read(_CHUNK)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > budget:
                        return _refuse("too-large.inflated", limit=budget, size=size)
                    if keep:
                        chunks.append(chunk)
            if keep:
                kept[info.filename] = b"".join(chunks)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, RuntimeError) as error:
        return _refuse("not-a-workbook.zip", detail=_why(error))
    except NotImplementedError:
        return _refuse("not-a-workbook.zip", detail="an unsupported compression method")
    if b"macroEnabled" in kept.get("[Content_Types].xml", b""):
        return _refuse("not-a-workbook.macro")
    try:
        return _package(data, kept)
    except Exception as error:  # defusedxml refusals, malformed XML, missing relationships
        return _refuse("not-a-workbook.xml", detail=_why(error))


def _why(error: BaseException) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text[:200]}" if text else type(error).__name__


def _wanted(name: str) -> bool:
    return name in ("[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels") or (
        name.startswith(("xl/worksheets/sheet", "xl/worksheets/_rels/sheet"))
    )


def _parse(data: bytes) -> Any:
    from defusedxml.ElementTree import fromstring

    return fromstring(data, forbid_dtd=True)


def _targets(rels: bytes | None) -> dict[str, str]:
    if rels is None:
        return {}
    root = _parse(rels)
    return {
        str(rel.get("Id")): str(rel.get("Target", ""))
        for rel in root.iter(f"{_NS_PKG}Relationship")
    }


def _package(data: bytes, parts: Mapping[str, bytes]) -> Package:
    book = _parse(parts["xl/workbook.xml"])
    targets = _targets(parts.get("xl/_rels/workbook.xml.rels"))
    sheets: list[str] = []
    hyperlinks: dict[str, dict[str, str]] = {}
    formulas: set[str] = set()
    for sheet in book.iter(f"{_NS_MAIN}sheet"):
        name = str(sheet.get("name", ""))
        sheets.append(name)
        target = targets.get(str(sheet.get(f"{_NS_REL}id", "")), "")
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        xml = parts.get(path)
        if xml is None:
            continue
        if _FORMULA.search(xml):
            formulas.add(name)
        if b"hyperlink" in xml:
            folder, _, file = path.rpartition("/")
            rels = _targets(parts.get(f"{folder}/_rels/{file}.rels"))
            links: dict[str, str] = {}
            for link in _parse(xml).iter(f"{_NS_MAIN}hyperlink"):
                ref = str(link.get("ref", "")).split(":")[0]
                rel = link.get(f"{_NS_REL}id")
                if ref and rel is not None and rel in rels:
                    links[ref.upper()] = rels[rel]
            hyperlinks[name] = links
    return Package(
        data=data, sheets=tuple(sheets), hyperlinks=hyperlinks, formulas=frozenset(formulas)
    )

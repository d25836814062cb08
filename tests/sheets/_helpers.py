"""Making forms and editing them as people do, in memory."""

from __future__ import annotations

import io as stdio
import re
import zipfile
from collections.abc import Callable
from typing import Any

import openpyxl

from ranham import io
from ranham.model import Dataset
from ranham.rules.cases import SHIPPED_CASES
from ranham.sheets import write_form

BEKASI: Dataset = io.load(SHIPPED_CASES / "bekasi-2022.json", kind=Dataset)


def form(
    source: Any = BEKASI,
    *,
    institution: str = "32.16",
    period: str = "2022-B04",
    report: Any = None,
    verifier: bool = False,
    lang: str = "id",
) -> bytes:
    out = stdio.BytesIO()
    write_form(
        source,
        out,
        institution=institution,
        period=period,
        report=report,
        verifier=verifier,
        lang=lang,  # type: ignore[arg-type]
    )
    return out.getvalue()


def edit(data: bytes, change: Callable[[openpyxl.Workbook], None]) -> bytes:
    """Open the workbook as Excel would, change it, save it."""
    book = openpyxl.load_workbook(stdio.BytesIO(data))
    change(book)
    out = stdio.BytesIO()
    book.save(out)
    return out.getvalue()


def replace_part(data: bytes, name: str, content: bytes | None) -> bytes:
    """The same zip with part ``name`` replaced (``None``: removed, a new name: added)."""
    source = zipfile.ZipFile(stdio.BytesIO(data))
    out = stdio.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for item in names:
            if item == name:
                if content is not None:
                    target.writestr(item, content)
            else:
                target.writestr(item, source.read(item))
        if name not in names and content is not None:
            target.writestr(name, content)
    return out.getvalue()


def part(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(stdio.BytesIO(data)).read(name)


def cache_formula_result(data: bytes, sheet_part: str, coordinate: str, text: str) -> bytes:
    """Store ``text`` as the result of the formula at ``coordinate``, as Excel does on save."""
    xml = part(data, sheet_part)
    pattern = re.compile(
        rb'<c r="' + coordinate.encode() + rb'"([^>]*)><f>(.*?)</f><v\s*/>', re.DOTALL
    )
    new, count = pattern.subn(
        lambda m: (
            b'<c r="%s"%s t="str"><f>%s</f><v>%s</v>'
            % (coordinate.encode(), m.group(1), m.group(2), text.encode())
        ),
        xml,
    )
    assert count == 1
    return replace_part(data, sheet_part, new)

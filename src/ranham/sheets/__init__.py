"""Spreadsheets: report forms and score workbooks (``.xlsx``), as ``sheets.md`` describes."""

from __future__ import annotations

from ranham.sheets._deps import SheetsUnavailableError
from ranham.sheets.form import CELL_LIMIT, WrittenForm, write_form
from ranham.sheets.issues import SHEET_CODES, FormIssue, cell_name
from ranham.sheets.reader import FormResult, read_form

__all__ = [
    "CELL_LIMIT",
    "SHEET_CODES",
    "FormIssue",
    "FormResult",
    "SheetsUnavailableError",
    "WrittenForm",
    "cell_name",
    "read_form",
    "write_form",
]

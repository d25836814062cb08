"""Spreadsheets: report forms, score and trend workbooks (``.xlsx``), as ``sheets.md`` describes."""

from __future__ import annotations

from ranham.sheets._deps import SheetsUnavailableError
from ranham.sheets._layout import assigned_actions, institutions_with_actions
from ranham.sheets.form import CELL_LIMIT, WrittenForm, write_form
from ranham.sheets.issues import SHEET_CODES, FormIssue, cell_name
from ranham.sheets.reader import FormResult, read_form
from ranham.sheets.scores import BIN_WIDTH, distribution, made_at, write_score_workbook
from ranham.sheets.trend import write_trend_workbook

__all__ = [
    "BIN_WIDTH",
    "CELL_LIMIT",
    "SHEET_CODES",
    "FormIssue",
    "FormResult",
    "SheetsUnavailableError",
    "WrittenForm",
    "assigned_actions",
    "cell_name",
    "distribution",
    "institutions_with_actions",
    "made_at",
    "read_form",
    "write_form",
    "write_score_workbook",
    "write_trend_workbook",
]

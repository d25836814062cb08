"""Writing report forms and verifier forms: one institution, one period, one workbook.

>>> from ranham import io
>>> from ranham.rules.cases import SHIPPED_CASES
>>> from ranham.sheets import write_form
>>> dataset = io.load(SHIPPED_CASES / "bekasi-2022.json")
>>> import io as stdio
>>> out = stdio.BytesIO()
>>> written = write_form(dataset, out, institution="32.16", period="2022-B08")
>>> written.rows > 0, out.getvalue()[:2]
(True, b'PK')
"""

from __future__ import annotations

import copy
import importlib
import os
import re
from collections.abc import Sequence
from typing import IO, Any

import attrs
import orjson

from ranham import io
from ranham.errors import InvariantError
from ranham.model import Catalog, Dataset, Institution, Report, ReportStatus
from ranham.periods import ReportingPeriod
from ranham.sheets import _layout as L
from ranham.sheets._deps import openpyxl
from ranham.sheets._labels import (
    DECISIONS,
    HEAD,
    INSTRUCTIONS,
    KINDS,
    SHEETS,
    TARGET_GROUPS,
    YES_NO,
)
from ranham.validation import Lang

__all__ = ["CELL_LIMIT", "WrittenForm", "write_form"]

CELL_LIMIT = 32_767
"""The most characters a cell holds; the writer refuses a longer text rather than cut it."""

SPARE_EVIDENCE_ROWS = 200
"""Empty evidence rows prepared (unlocked, with lists) below those already filled."""

_LOCKED_FILL = "DDDDDD"
_HEAD_FILL = "1F4E78"


@attrs.frozen(kw_only=True)
class WrittenForm:
    """What a written form holds: its rows, and what of the report it could not carry."""

    institution: str
    period: ReportingPeriod
    verifier: bool
    rows: int
    dropped: tuple[str, ...] = ()
    """JSON Pointers of the report's parts a form does not carry (``extensions``, an entry
    with no measures)."""


def write_form(
    source: Catalog | Dataset,
    out: str | os.PathLike[str] | IO[bytes],
    *,
    institution: str | Institution,
    period: ReportingPeriod | str,
    report: Report | None = None,
    verifier: bool = False,
    lang: Lang = "id",
) -> WrittenForm:
    """Write the form of ``institution`` for ``period`` to ``out`` (a path or a binary file).

    ``source`` is the catalog, or a dataset (which adds the institution's name and its
    autonomy). A report form is blank, or filled from ``report``. A verifier form
    (``verifier=True``) needs ``report``: a submitted report gives a form for the verifier to
    fill; a verified or returned one gives the form filled with its assessments and decision.
    Raises :class:`~ranham.errors.InvariantError` when the report does not fit the form or holds
    a text a cell cannot hold (over 32,767 characters, or a control character).
    """
    plan = L.plan_form(source, institution, period)
    kept_history: tuple[Any, ...] = ()
    decision: ReportStatus | None = None
    if report is not None:
        _check_report(plan, report)
    if verifier:
        if report is None:
            raise InvariantError("a verifier form is made from a submitted report (got none).")
        if report.status is ReportStatus.SUBMITTED:
            kept = report.history
        elif report.status in (ReportStatus.VERIFIED, ReportStatus.RETURNED):
            kept = report.history[:-1]
            decision = report.status
        else:
            raise InvariantError(
                f"a verifier form is made from a submitted report (got a {report.status.value} "
                "one)."
            )
        bare = Report(
            institution=report.institution,
            period=report.period,
            status=ReportStatus.SUBMITTED,
            history=kept,
        )
        kept_history = tuple(io.to_dict(bare)["history"])
    writer = _Writer(plan, lang, verifier)
    writer.identity(kept_history)
    writer.report_sheet(report, decision)
    writer.evidence_sheet(report)
    writer.finish()
    writer.book.save(out)
    return WrittenForm(
        institution=plan.code,
        period=plan.period,
        verifier=verifier,
        rows=len(plan.rows),
        dropped=_dropped(report),
    )


def _check_report(plan: L.FormPlan, report: Report) -> None:
    if report.institution != plan.code or report.period != plan.period:
        raise InvariantError(
            f"the report is of {report.institution} for {report.period}, but the form is of "
            f"{plan.code} for {plan.period}."
        )
    known = set(plan.measure_ids)
    for entry in report.entries:
        for measure in entry.measures:
            if measure.measure not in known:
                raise InvariantError(
                    f"the report names measure {measure.measure!r} of action {entry.action!r}, "
                    f"which is not a measure the form of {plan.code} for {plan.period} holds."
                )


def _dropped(report: Report | None) -> tuple[str, ...]:
    if report is None:
        return ()
    dropped = ["/extensions"] if report.extensions else []
    for index, entry in enumerate(report.entries):
        if entry.extensions:
            dropped.append(f"/entries/{index}/extensions")
        if not entry.measures:
            dropped.append(f"/entries/{index}")
    return tuple(dropped)


def _text(value: str, where: str) -> str:
    if len(value) > CELL_LIMIT:
        raise InvariantError(
            f"{where} is {len(value)} characters long, more than a cell holds ({CELL_LIMIT}): "
            "the form cannot carry it."
        )
    if _UNHOLDABLE.search(value):
        raise InvariantError(
            f"{where} holds a control character or a non-character (U+FFFE, U+FFFF, a lone "
            "surrogate), which a cell cannot hold."
        )
    return value


def _height(text: str, width: int) -> float:
    """A row height (points) that shows ``text`` wrapped at about ``width`` characters a line.

    Excel and LibreOffice do not grow rows written by a library, so the writer sizes them.
    """
    lines = sum(max(1, -(-len(part) // width)) for part in text.split("\n"))
    return 15.0 * min(lines, 20)


_UNHOLDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""The characters XML 1.0 cannot carry (a cell's text is XML): one character class, linear."""


class _Writer:
    """Builds one form workbook."""

    def __init__(self, plan: L.FormPlan, lang: Lang, verifier: bool) -> None:
        self.xl = openpyxl()
        self.styles = importlib.import_module("openpyxl.styles")
        self.dv = importlib.import_module("openpyxl.worksheet.datavalidation")
        self.protection = importlib.import_module("openpyxl.workbook.protection")
        self.plan = plan
        self.lang: Lang = lang
        self.verifier = verifier
        self.head = HEAD[lang]
        self.names = SHEETS[lang]
        self.book = self.xl.Workbook()
        guide = self.book.active
        guide.title = self.names["guide"]
        wrap = self.styles.Alignment(wrap_text=True, vertical="top")
        for row, line in enumerate(INSTRUCTIONS[lang], start=1):
            guide.cell(row=row, column=1, value=line).alignment = wrap
            guide.row_dimensions[row].height = _height(line, 95)
        guide.column_dimensions["A"].width = 100
        guide["A1"].font = self.styles.Font(bold=True, size=13)
        guide.protection.sheet = True
        self.report = self.book.create_sheet(self.names["report"])
        self.evidence = self.book.create_sheet(self.names["evidence"])
        self.hidden = self.book.create_sheet(L.FORM_SHEET)
        self.locked_fill = self.styles.PatternFill("solid", fgColor=_LOCKED_FILL)
        self.unlocked = self.styles.Protection(locked=False)
        self.bold_white = self.styles.Font(bold=True, color="FFFFFF")
        self.head_fill = self.styles.PatternFill("solid", fgColor=_HEAD_FILL)
        self.prototypes: dict[tuple[bool, bool], Any] = {}
        self.wrap = self.styles.Alignment(wrap_text=True, vertical="top")
        self.top = self.styles.Alignment(vertical="top")
        yes, no = YES_NO[lang]
        self.yes_no = f'"{yes},{no}"'

    # -- cells ---------------------------------------------------------------------------------

    def put(
        self,
        sheet: Any,
        row: int,
        column: int,
        value: Any,
        *,
        locked: bool = True,
        wrap: bool = True,
    ) -> Any:
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, str):
            if len(value) > CELL_LIMIT or _UNHOLDABLE.search(value):
                _text(value, f"the text for {sheet.title}!{cell.coordinate}")  # raises
            cell.value = value
            cell.data_type = "s"  # a text starting with '=' stays a text, never a formula
        else:
            cell.value = value
        key = (locked, wrap)
        style = self.prototypes.get(key)
        if style is None:
            if locked:
                cell.fill = self.locked_fill
            else:
                cell.protection = self.unlocked
            cell.alignment = self.wrap if wrap else self.top
            self.prototypes[key] = copy.copy(cell._style)
        else:  # the same style again: copy openpyxl's style record instead of rebuilding it
            cell._style = copy.copy(style)
        return cell

    def heading(self, sheet: Any, row: int, keys: Sequence[str]) -> None:
        for column, key in enumerate(keys, start=1):
            cell = sheet.cell(row=row, column=column, value=self.head[key])
            cell.font = self.bold_white
            cell.fill = self.head_fill
            cell.alignment = self.wrap

    def validation(self, sheet: Any, formula: str, ref: str, error_key: str) -> None:
        rule = self.dv.DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="RANHAM",
            error=self.head[error_key],
        )
        rule.add(ref)
        sheet.add_data_validation(rule)

    def yes_no_label(self, value: bool | None) -> str | None:
        if value is None:
            return None
        return YES_NO[self.lang][0 if value else 1]

    # -- sheets --------------------------------------------------------------------------------

    def identity(self, history: Sequence[Any]) -> None:
        plan = self.plan
        values = {
            "form_version": L.FORM_VERSION,
            "form_kind": "verifier" if self.verifier else "report",
            "lang": self.lang,
            "plan": plan.catalog.plan.id,
            "catalog_year": str(plan.catalog.year),
            "institution": plan.code,
            "period": str(plan.period),
            "history": orjson.dumps(list(history)).decode() if self.verifier else "",
        }
        sheet = self.hidden
        for row, key in enumerate(L.IDENTITY_KEYS, start=1):
            sheet.cell(row=row, column=1, value=key)
            self.put(sheet, row, 2, values[key])
        for row, measure_id in enumerate(plan.measure_ids, start=1):
            sheet.cell(row=row, column=4, value=measure_id)
        sheet.sheet_state = "hidden"
        sheet.protection.sheet = True

    def report_sheet(self, report: Report | None, decision: ReportStatus | None) -> None:
        plan, head, sheet = self.plan, self.head, self.report
        window = plan.catalog.windows[plan.period.code]
        title = head["title-verifier" if self.verifier else "title"]
        sheet.cell(row=1, column=1, value=title).font = self.styles.Font(bold=True, size=14)
        header = [
            (L.INSTITUTION_CELL, "institution", plan.code),
            (L.NAME_CELL, "name", plan.name),
            (L.PERIOD_CELL, "period", str(plan.period)),
            (L.OPENS_CELL, "window", window.opens.isoformat()),
        ]
        for (row, column), key, value in header:
            sheet.cell(row=row, column=1, value=head[key]).font = self.styles.Font(bold=True)
            self.put(sheet, row, column, value, wrap=False)
        self.put(sheet, *L.CLOSES_CELL, window.closes.isoformat(), wrap=False)
        if self.verifier:
            row, column = L.DECISION_CELL
            sheet.cell(row=row, column=1, value=head["decision"]).font = self.styles.Font(bold=True)
            label = None
            if decision is not None:
                label = DECISIONS[self.lang][0 if decision is ReportStatus.VERIFIED else 1]
            self.put(sheet, row, column, label, locked=False, wrap=False)
            verified, returned = DECISIONS[self.lang]
            decision_ref = f"{_letter(column)}{row}"
            self.validation(sheet, f'"{verified},{returned}"', decision_ref, "decision-error")
        keys = list(L.MEASURE_COLUMNS) + (list(L.VERIFIER_COLUMNS) if self.verifier else [])
        self.heading(sheet, L.HEADER_ROW, keys)
        entries = _measure_entries(report)
        groups = TARGET_GROUPS[self.lang]
        for offset, item in enumerate(plan.rows):
            row = L.FIRST_ROW + offset
            action, measure = item.action, item.measure
            locked: tuple[object, ...] = (
                action.id,
                action.number,
                action.title,
                groups[action.target_group],
                measure.id,
                measure.description,
            )
            for column, shown in enumerate(locked, start=1):
                self.put(sheet, row, column, shown, wrap=column in (3, 6))
            sheet.row_dimensions[row].height = max(
                _height(action.title, 38), _height(measure.description, 38)
            )
            entry = entries.get(measure.id)
            claimed = self.yes_no_label(None if entry is None else entry.claimed)
            narrative = None if entry is None else entry.narrative
            self.put(sheet, row, L.CLAIMED_COLUMN, claimed, locked=self.verifier, wrap=False)
            self.put(sheet, row, L.NARRATIVE_COLUMN, narrative, locked=self.verifier)
            if self.verifier:
                assessment = None if entry is None else entry.assessment
                values = (
                    (None, None, None)
                    if assessment is None
                    else (
                        self.yes_no_label(assessment.administrative),
                        self.yes_no_label(assessment.substantive),
                        assessment.note,
                    )
                )
                for column, value in zip(
                    (L.ADMINISTRATIVE_COLUMN, L.SUBSTANTIVE_COLUMN, L.NOTE_COLUMN),
                    values,
                    strict=True,
                ):
                    self.put(sheet, row, column, value, locked=False)
        last = L.FIRST_ROW + max(len(plan.rows), 1) - 1
        if plan.rows:
            if not self.verifier:
                self.validation(sheet, self.yes_no, f"G{L.FIRST_ROW}:G{last}", "yes-no-error")
            else:
                self.validation(sheet, self.yes_no, f"I{L.FIRST_ROW}:J{last}", "yes-no-error")
        widths = (16, 5, 40, 24, 22, 40, 12, 50, 14, 14, 40)
        for index, width in enumerate(widths[: len(keys)]):
            sheet.column_dimensions[_letter(index + 1)].width = width
        sheet.freeze_panes = sheet.cell(row=L.FIRST_ROW, column=1)
        sheet.protection.sheet = True

    def evidence_sheet(self, report: Report | None) -> None:
        sheet, plan = self.evidence, self.plan
        self.heading(sheet, 1, L.EVIDENCE_COLUMNS)
        kinds = KINDS[self.lang]
        row = 2
        entries = _measure_entries(report)
        for measure_id in plan.measure_ids:
            entry = entries.get(measure_id)
            for evidence in () if entry is None else entry.evidence:
                values = (
                    measure_id,
                    kinds[evidence.kind],
                    evidence.title,
                    evidence.uri,
                    self.yes_no_label(evidence.letterhead),
                    self.yes_no_label(evidence.signed),
                )
                for column, value in enumerate(values, start=1):
                    self.put(sheet, row, column, value, locked=self.verifier)
                row += 1
        if not self.verifier:
            last = row + SPARE_EVIDENCE_ROWS - 1
            for column in range(1, len(L.EVIDENCE_COLUMNS) + 1):
                # every empty cell of the column is unlocked: rows can be typed anywhere below
                sheet.column_dimensions[_letter(column)].protection = self.unlocked
            if plan.rows:
                ids = f"'{L.FORM_SHEET}'!$D$1:$D${len(plan.rows)}"
                self.validation(sheet, ids, f"A2:A{last}", "measure-error")
            labels = ",".join(kinds.values())
            self.validation(sheet, f'"{labels}"', f"B2:B{last}", "kind-error")
            self.validation(sheet, self.yes_no, f"E2:F{last}", "yes-no-error")
        for index, width in enumerate((22, 22, 40, 40, 16, 16)):
            sheet.column_dimensions[_letter(index + 1)].width = width
        sheet.freeze_panes = "A2"
        sheet.protection.sheet = True

    def finish(self) -> None:
        for sheet in (self.book.worksheets[0], self.report, self.evidence):
            # printed on landscape pages one sheet wide, as an officer prints the form to sign
            sheet.page_setup.orientation = "landscape"
            sheet.page_setup.fitToWidth = 1
            sheet.page_setup.fitToHeight = 0
            sheet.sheet_properties.pageSetUpPr.fitToPage = True
        security = self.protection.WorkbookProtection(lockStructure=True)
        self.book.security = security
        self.book.active = 1


def _letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _measure_entries(report: Report | None) -> dict[str, Any]:
    if report is None:
        return {}
    return {m.measure: m for entry in report.entries for m in entry.measures}

"""Reading a filled form back: a report document plus every issue at its cell.

>>> import io as stdio
>>> from ranham import io
>>> from ranham.rules.cases import SHIPPED_CASES
>>> from ranham.sheets import read_form, write_form
>>> dataset = io.load(SHIPPED_CASES / "bekasi-2022.json")
>>> report = dataset.reports[0]
>>> out = stdio.BytesIO()
>>> _ = write_form(dataset, out, institution="32.16", period="2022-B04", report=report)
>>> result = read_form(out.getvalue(), dataset)
>>> result.valid, result.document["status"], len(result.document["entries"])
(True, 'draft', 5)
>>> read_form(b"kode,nama\\n32.16,Bekasi\\n", dataset).issues[0].code
'not-a-workbook'
"""

from __future__ import annotations

import io as stdio
import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import attrs
import orjson

from ranham.io import format_timestamp
from ranham.model import Catalog, Dataset, EvidenceKind
from ranham.periods import ReportingPeriod
from ranham.sheets import _layout as L
from ranham.sheets._cells import is_blank, text_of, yes_no
from ranham.sheets._deps import openpyxl
from ranham.sheets._labels import DECISIONS, HEAD, KINDS, SHEETS, TARGET_GROUPS, YES_NO
from ranham.sheets._package import MAX_FILE_SIZE, Package, open_package
from ranham.sheets.issues import FormIssue, cell_name
from ranham.validation import Lang, validate

__all__ = ["FormResult", "read_form"]

Cell = tuple[str, int, int]
"""A sheet name, a row and a column (1-based)."""

_KIND_LABELS: dict[str, EvidenceKind] = {
    label.casefold(): kind for labels in KINDS.values() for kind, label in labels.items()
} | {kind.value: kind for kind in EvidenceKind}
_DECISIONS: dict[str, str] = {
    label.casefold(): status
    for labels in DECISIONS.values()
    for label, status in zip(labels, ("verified", "returned"), strict=True)
} | {"verified": "verified", "returned": "returned"}


@attrs.frozen(kw_only=True)
class FormResult:
    """What a form gave: the report document (``None`` when the form has an error) and issues.

    Issues without a cell come first, then by sheet, row and column.
    """

    issues: tuple[FormIssue, ...] = ()
    document: dict[str, Any] | None = attrs.field(default=None, eq=False, repr=False)
    path: str | None = None
    form_kind: str | None = None

    @property
    def valid(self) -> bool:
        """No issue is an error (then :attr:`document` is the report)."""
        return not any(issue.is_error for issue in self.issues)

    @property
    def errors(self) -> tuple[FormIssue, ...]:
        """The issues that stop the form from giving a report."""
        return tuple(issue for issue in self.issues if issue.is_error)

    @property
    def warnings(self) -> tuple[FormIssue, ...]:
        """The issues that do not."""
        return tuple(issue for issue in self.issues if not issue.is_error)

    @property
    def kind(self) -> str | None:
        """``"report"`` when the form gave a report document."""
        return "report" if self.document is not None else None

    @property
    def codes(self) -> tuple[str, ...]:
        """The issue codes, in order."""
        return tuple(issue.code for issue in self.issues)

    def to_json(self, lang: Lang = "en") -> dict[str, Any]:
        """One ``files`` item of ``ranham import``/``validate --format json``."""
        return {
            "path": self.path,
            "kind": "report" if self.document is not None else None,
            "valid": self.valid,
            "issues": [issue.to_json(lang) for issue in self.issues],
        }


def read_form(
    source: bytes | str | os.PathLike[str] | IO[bytes],
    context: Catalog | Dataset,
    *,
    at: datetime | None = None,
    institution: str | None = None,
    period: ReportingPeriod | str | None = None,
) -> FormResult:
    """Read a filled form against the catalog or dataset it was made from.

    ``source`` is the file's content (``bytes``), a path, or a binary file. ``at`` is the time of
    a verifier's decision (default: now, in the plan's time zone). ``institution`` and
    ``period``, when given, are what the form must have been made for (``form-mismatch``
    otherwise). Never raises on any content; a path that cannot be read raises
    :class:`OSError`.
    """
    label: str | None = None
    if isinstance(source, bytes):
        data = source
    elif isinstance(source, str | os.PathLike):
        label = str(source)
        with Path(source).open("rb") as stream:
            data = stream.read(MAX_FILE_SIZE + 1)
    else:
        data = source.read(MAX_FILE_SIZE + 1)
    package = open_package(data)
    if isinstance(package, FormIssue):
        return FormResult(issues=(package,), path=label)
    expected = None if period is None else str(period)
    try:
        reader = _Reader(package, context, at, institution, expected)
        issues, document = reader.read()
    except _Refused as refused:
        return FormResult(issues=(refused.issue,), path=label)
    ordered = tuple(sorted(issues, key=reader.order))
    valid = not any(i.is_error for i in ordered)
    return FormResult(
        issues=ordered,
        document=document if valid else None,
        path=label,
        form_kind=reader.kind,
    )


class _Refused(Exception):
    """The workbook cannot be read at all: one issue says why."""

    def __init__(self, issue: FormIssue) -> None:
        super().__init__(issue.code)
        self.issue = issue


def _load(data: bytes, *, formulas: bool) -> Any:
    xl = openpyxl()
    try:
        return xl.load_workbook(
            stdio.BytesIO(data), read_only=True, data_only=not formulas, keep_links=False
        )
    except Exception as error:  # defusedxml refusals, malformed parts: never a traceback
        detail = f"{type(error).__name__}: {str(error)[:200]}"
        raise _Refused(
            FormIssue(code="not-a-workbook", key="not-a-workbook.xml", params={"detail": detail})
        ) from None


Rows = dict[int, tuple[Any, ...]]
"""The rows of a sheet that hold something, by row number: empty rows cost no memory."""


def _rows(sheet: Any, columns: int) -> Rows:
    try:
        sheet.reset_dimensions()
        return {
            index: tuple(row)
            for index, row in enumerate(sheet.iter_rows(max_col=columns, values_only=True), 1)
            if any(value is not None for value in row)
        }
    except Exception as error:
        detail = f"{type(error).__name__}: {str(error)[:200]}"
        raise _Refused(
            FormIssue(code="not-a-workbook", key="not-a-workbook.xml", params={"detail": detail})
        ) from None


def _at(rows: Rows, row: int, column: int) -> Any:
    values = rows.get(row)
    if values is not None and column - 1 < len(values):
        return values[column - 1]
    return None


class _Reader:
    """Reads one workbook that passed the package checks."""

    def __init__(
        self,
        package: Package,
        context: Catalog | Dataset,
        at: datetime | None,
        institution: str | None,
        period: str | None,
    ) -> None:
        self.package = package
        self.context = context
        self.catalog = context.catalog if isinstance(context, Dataset) else context
        self.at = at
        self.want_institution = institution
        self.want_period = period
        self.issues: list[FormIssue] = []
        self.kind: str | None = None
        self.sheet_index = {name: i for i, name in enumerate(package.sheets)}
        self.cells: dict[str, Cell] = {}
        self.formula_cells: set[Cell] = set()
        self._cell_of: dict[int, Cell] = {}
        self.missing = 0

    def order(self, issue: FormIssue) -> tuple[int, int, int, int, str]:
        cell = self._cell_of.get(id(issue))
        if cell is None:
            return (0, 0, 0, 0, issue.code)
        sheet, row, column = cell
        return (1, self.sheet_index.get(sheet, len(self.sheet_index)), row, column, issue.code)

    def issue(
        self, code: str, key: str, cell: Cell | None, pointer: str = "", **params: Any
    ) -> None:
        made = FormIssue(
            code=code,
            key=key,
            pointer=pointer,
            cell=None if cell is None else cell_name(*cell),
            params=params,
        )
        if cell is not None:
            self._cell_of[id(made)] = cell
        self.issues.append(made)

    # -- the whole form ------------------------------------------------------------------------

    def read(self) -> tuple[list[FormIssue], dict[str, Any] | None]:
        book = _load(self.package.data, formulas=False)
        identity = self.identify(book)
        if identity is None:
            return self.issues, None
        lang: Lang = identity["lang"]
        names = SHEETS[lang]
        missing = [names[r] for r in ("guide", "report", "evidence") if names[r] not in book]
        for name in missing:
            self.issue("sheet-missing", "sheet-missing", None, sheet=name)
        if missing:
            return self.issues, None
        self.lang = lang
        self.names = names
        self.verifier = identity["form_kind"] == "verifier"
        self.plan = L.plan_form(self.context, identity["institution"], identity["period"])
        width = L.NOTE_COLUMN if self.verifier else L.NARRATIVE_COLUMN
        report_rows = _rows(book[names["report"]], width)
        evidence_rows = _rows(book[names["evidence"]], len(L.EVIDENCE_COLUMNS))
        if self.package.formulas & {names["report"], names["evidence"]}:
            self.find_formulas(names)
        intact = self.check_report_sheet(report_rows) & self.check_evidence_head(evidence_rows)
        if not intact:
            return self.issues, None
        document = self.document(identity, report_rows, evidence_rows)
        self.validate(document)
        return self.issues, document

    def find_formulas(self, names: Mapping[str, str]) -> None:
        book = _load(self.package.data, formulas=True)
        for role in ("report", "evidence"):
            name = names[role]
            if name not in self.package.formulas:
                continue
            sheet = book[name]
            sheet.reset_dimensions()
            for cells in sheet.iter_rows(max_col=L.NOTE_COLUMN):
                for cell in cells:
                    if getattr(cell, "data_type", None) == "f":
                        self.formula_cells.add((name, cell.row, cell.column))

    # -- the identifying sheet -----------------------------------------------------------------

    def identify(self, book: Any) -> dict[str, Any] | None:
        if L.FORM_SHEET not in book.sheetnames:
            self.issue("form-mismatch", "form-mismatch.missing", None, sheet=L.FORM_SHEET)
            return None
        rows = _rows(book[L.FORM_SHEET], 2)
        found: dict[str, tuple[int, str]] = {}
        for index, row in sorted(rows.items()):
            key = text_of(row[0]) if row else None
            if key in L.IDENTITY_KEYS and key not in found:
                value = text_of(row[1]) if len(row) > 1 else None
                found[key] = (index, value or "")
        catalog = self.catalog
        expected = {
            "form_version": L.FORM_VERSION,
            "plan": catalog.plan.id,
            "catalog_year": str(catalog.year),
        }
        if self.want_institution is not None:
            expected["institution"] = self.want_institution
        if self.want_period is not None:
            expected["period"] = self.want_period
        names = {
            "form_version": "form version",
            "plan": "plan",
            "catalog_year": "catalog year",
            "institution": "institution",
            "period": "period",
        }
        for key in L.IDENTITY_KEYS:
            if key not in found:
                self.issue(
                    "form-mismatch",
                    "form-mismatch.altered",
                    (L.FORM_SHEET, 1, 1),
                    field=key,
                    got="",
                )
                return None
        for key, want in expected.items():
            at_row, got = found[key]
            if got != want:
                self.issue(
                    "form-mismatch",
                    "form-mismatch.field",
                    (L.FORM_SHEET, at_row, 2),
                    field=names[key],
                    got=got,
                    expected=want,
                )
                return None
        values = {key: value for key, (_, value) in found.items()}
        problem = self._identity_problem(values)
        if problem is not None:
            at_row, got = found[problem]
            self.issue(
                "form-mismatch",
                "form-mismatch.altered",
                (L.FORM_SHEET, at_row, 2),
                field=problem,
                got=got[:80],
            )
            return None
        self.kind = values["form_kind"]
        self.history_cell: Cell = (L.FORM_SHEET, found["history"][0], 2)
        return values

    def _identity_problem(self, values: dict[str, Any]) -> str | None:
        if values["form_kind"] not in ("report", "verifier"):
            return "form_kind"
        if values["lang"] not in ("id", "en"):
            return "lang"
        try:
            period = ReportingPeriod.parse(values["period"])
        except Exception:
            return "period"
        if period not in self.catalog.periods:
            return "period"
        code = values["institution"]
        try:
            if isinstance(self.context, Dataset):
                self.context.institution(code)
            L.assigned_actions(self.context, code)
        except Exception:
            return "institution"
        if values["form_kind"] == "verifier":
            try:
                history = orjson.loads(values["history"])
            except orjson.JSONDecodeError:
                return "history"
            if not isinstance(history, list):
                return "history"
            values["history"] = history
        return None

    # -- locked cells --------------------------------------------------------------------------

    def altered(self, cell: Cell, want: str | None, got: Any) -> None:
        self.issue(
            "row-altered",
            "row-altered",
            cell,
            expected=want or "",
            got=(text_of(got) or "")[:80],
        )

    def check_report_sheet(self, rows: Rows) -> bool:
        name = self.names["report"]
        plan = self.plan
        window = plan.catalog.windows[plan.period.code]
        checks: list[tuple[tuple[int, int], str | None]] = [
            (L.INSTITUTION_CELL, plan.code),
            (L.PERIOD_CELL, str(plan.period)),
            (L.OPENS_CELL, window.opens.isoformat()),
            (L.CLOSES_CELL, window.closes.isoformat()),
        ]
        if isinstance(self.context, Dataset):
            checks.insert(1, (L.NAME_CELL, plan.name.strip()))  # a cell reads trimmed
        head = HEAD[self.lang]
        keys = list(L.MEASURE_COLUMNS) + (list(L.VERIFIER_COLUMNS) if self.verifier else [])
        checks += [((L.HEADER_ROW, c), head[k]) for c, k in enumerate(keys, start=1)]
        for (row, column), want in checks:
            got = _at(rows, row, column)
            if text_of(got) != want:
                self.altered((name, row, column), want, got)
                return False
        groups = TARGET_GROUPS[self.lang]
        for offset, item in enumerate(plan.rows):
            row = L.FIRST_ROW + offset
            action, measure = item.action, item.measure
            wants = (
                action.id,
                str(action.number),
                action.title.strip(),
                groups[action.target_group],
                measure.id,
                measure.description.strip(),
            )
            for column, want in enumerate(wants, start=1):
                got = _at(rows, row, column)
                if text_of(got) != want:
                    self.altered((name, row, column), want, got)
                    return False
        below = sorted(r for r in rows if r >= L.FIRST_ROW + len(plan.rows))
        below += sorted(
            {r for s, r, _ in self.formula_cells if s == name and r >= L.FIRST_ROW + len(plan.rows)}
        )
        for row in below:
            for column in range(1, len(keys) + 1):
                got = _at(rows, row, column)
                if not is_blank(got):
                    self.altered((name, row, column), None, got)
                    return False
        return True

    def check_evidence_head(self, rows: Rows) -> bool:
        head = HEAD[self.lang]
        for column, key in enumerate(L.EVIDENCE_COLUMNS, start=1):
            got = _at(rows, 1, column)
            if text_of(got) != head[key]:
                self.altered((self.names["evidence"], 1, column), head[key], got)
                return False
        return True

    # -- fillable cells ------------------------------------------------------------------------

    def value(self, cell: Cell, raw: Any) -> Any:
        """The cell's value; a formula without stored result is reported and counts as filled."""
        if raw is None and cell in self.formula_cells:
            self.issue("invalid-value", "invalid-value.formula", cell, self._pointer(cell))
            return _FAULTY
        return raw

    def flag(self, cell: Cell, raw: Any, pointer: str) -> bool | object | None:
        value = self.value(cell, raw)
        if value is _FAULTY or is_blank(value):
            return value if value is _FAULTY else None
        answer = yes_no(value)
        if answer is None:
            yes, no = YES_NO[self.lang]
            self.issue(
                "invalid-value",
                "invalid-value.yes-no",
                cell,
                pointer,
                got=(text_of(value) or "")[:80],
                yes=yes,
                no=no,
            )
            return _FAULTY
        return answer

    def _pointer(self, cell: Cell) -> str:
        for pointer, where in self.cells.items():
            if where == cell:
                return pointer
        return ""

    def document(
        self,
        identity: Mapping[str, Any],
        report_rows: Rows,
        evidence_rows: Rows,
    ) -> dict[str, Any]:
        plan = self.plan
        report_name, evidence_name = self.names["report"], self.names["evidence"]
        evidence = self.evidence(evidence_rows, evidence_name)
        entries: list[dict[str, Any]] = []
        positions: dict[str, int] = {}
        deferred: list[tuple[str, Cell, str]] = []
        decision = None
        if self.verifier:
            decision = self.decision(report_rows)
        first_missing: Cell | None = None
        for offset, item in enumerate(plan.rows):
            row = L.FIRST_ROW + offset
            cells = {
                column: (report_name, row, column)
                for column in range(L.CLAIMED_COLUMN, L.NOTE_COLUMN + 1)
            }
            raw = {c: _at(report_rows, row, c) for c in cells}
            filled = [
                c for c, v in raw.items() if not is_blank(v) or cells[c] in self.formula_cells
            ]
            named = evidence.get(item.measure.id, [])
            if not filled and not named:
                first_missing = first_missing or cells[L.CLAIMED_COLUMN]
                continue
            if item.action.id not in positions:
                positions[item.action.id] = len(entries)
                entries.append({"action": item.action.id, "measures": []})
                self.cells[f"/entries/{positions[item.action.id]}/action"] = (report_name, row, 1)
            e_index = positions[item.action.id]
            measures = entries[e_index]["measures"]
            base = f"/entries/{e_index}/measures/{len(measures)}"
            self.cells[base] = (report_name, row, 5)
            self.cells[f"{base}/measure"] = (report_name, row, 5)
            self.cells[f"{base}/claimed"] = cells[L.CLAIMED_COLUMN]
            self.cells[f"{base}/narrative"] = cells[L.NARRATIVE_COLUMN]
            entry: dict[str, Any] = {"measure": item.measure.id}
            claimed = self.flag(cells[L.CLAIMED_COLUMN], raw[L.CLAIMED_COLUMN], f"{base}/claimed")
            if claimed is None:
                deferred.append(
                    ("missing-field.claimed", cells[L.CLAIMED_COLUMN], f"{base}/claimed")
                )
                claimed = _FAULTY
            entry["claimed"] = False if claimed is _FAULTY else claimed
            narrative = self.value(cells[L.NARRATIVE_COLUMN], raw[L.NARRATIVE_COLUMN])
            if narrative is not _FAULTY and text_of(narrative) is not None:
                entry["narrative"] = text_of(narrative)
            entry["evidence"] = []
            for number, (ev_row, ev) in enumerate(named):
                ev_base = f"{base}/evidence/{number}"
                for column, field in enumerate(L.EVIDENCE_FIELDS, start=1):
                    self.cells[f"{ev_base}/{field}"] = (evidence_name, ev_row, column)
                self.cells[ev_base] = (evidence_name, ev_row, 1)
                entry["evidence"].append(ev)
            if self.verifier:
                assessment = self.assessment(cells, raw, base)
                if assessment is not None:
                    entry["assessment"] = assessment
                self.cells[f"{base}/assessment"] = cells[L.ADMINISTRATIVE_COLUMN]
            measures.append(entry)
        for key, cell, pointer in deferred:
            yes, no = YES_NO[self.lang]
            self.issue("missing-field", key, cell, pointer, yes=yes, no=no)
        self.cells["/entries"] = first_missing or (report_name, L.HEADER_ROW, L.CLAIMED_COLUMN)
        self.cells["/institution"] = (report_name, *L.INSTITUTION_CELL)
        self.cells["/period"] = (report_name, *L.PERIOD_CELL)
        self.missing = sum(
            1
            for offset, item in enumerate(plan.rows)
            if not any(
                e["measure"] == item.measure.id for entry in entries for e in entry["measures"]
            )
        )
        history: list[Any] = []
        status = "draft"
        if self.verifier:
            history = list(identity["history"])
            self.cells["/history"] = self.history_cell
            self.cells["/status"] = (report_name, *L.DECISION_CELL)
            if decision is not None:
                status = decision
                at = self.at or datetime.now(self.catalog.plan.tz)
                history.append({"status": decision, "at": format_timestamp(at)})
                self.cells[f"/history/{len(history) - 1}"] = (report_name, *L.DECISION_CELL)
            else:
                status = "submitted"
        return {
            "kind": "report",
            "schema_version": "1.0",
            "institution": plan.code,
            "period": str(plan.period),
            "status": status,
            "history": history,
            "entries": entries,
        }

    def decision(self, rows: Rows) -> str | None:
        cell = (self.names["report"], *L.DECISION_CELL)
        raw = self.value(cell, _at(rows, *L.DECISION_CELL))
        verified, returned = DECISIONS[self.lang]
        if raw is _FAULTY:
            return None
        text = text_of(raw)
        if text is None:
            self.issue(
                "missing-field",
                "missing-field.decision",
                cell,
                "/status",
                verified=verified,
                returned=returned,
            )
            return None
        status = _DECISIONS.get(text.casefold())
        if status is None:
            self.issue(
                "invalid-value",
                "invalid-value.decision",
                cell,
                "/status",
                got=text[:80],
                verified=verified,
                returned=returned,
            )
        return status

    def assessment(
        self, cells: Mapping[int, Cell], raw: Mapping[int, Any], base: str
    ) -> dict[str, Any] | None:
        out: dict[str, Any] = {}
        for column, field in (
            (L.ADMINISTRATIVE_COLUMN, "administrative"),
            (L.SUBSTANTIVE_COLUMN, "substantive"),
        ):
            pointer = f"{base}/assessment/{field}"
            self.cells[pointer] = cells[column]
            answer = self.flag(cells[column], raw[column], pointer)
            if answer is _FAULTY:
                out[field] = False
            elif answer is not None:
                out[field] = answer
        note_cell = cells[L.NOTE_COLUMN]
        self.cells[f"{base}/assessment/note"] = note_cell
        note = self.value(note_cell, raw[L.NOTE_COLUMN])
        if note is not _FAULTY and text_of(note) is not None:
            out["note"] = text_of(note)
        return out or None

    def evidence(self, rows: Rows, name: str) -> dict[str, list[tuple[int, dict[str, Any]]]]:
        known = set(self.plan.measure_ids)
        links = self.package.hyperlinks.get(name, {})
        found: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        formula_rows = {r for s, r, _ in self.formula_cells if s == name}
        link_rows = {int(ref[1:]) for ref in links if ref[:1] == "D" and ref[1:].isdigit()}
        for row in sorted((set(rows) | formula_rows | link_rows) - {1}):
            raw = [_at(rows, row, c) for c in range(1, len(L.EVIDENCE_FIELDS) + 1)]
            cells = [(name, row, c) for c in range(1, len(L.EVIDENCE_FIELDS) + 1)]
            link = links.get(f"D{row}")
            if (
                all(is_blank(v) for v in raw)
                and link is None
                and not any(c in self.formula_cells for c in cells)
            ):
                continue
            values = [self.value(c, v) for c, v in zip(cells, raw, strict=True)]
            measure = values[0]
            measure_text = None if measure is _FAULTY else text_of(measure)
            if measure_text is None:
                if measure is not _FAULTY:
                    self.issue("missing-field", "missing-field.measure", cells[0])
                measure_ok = False
            elif measure_text not in known:
                self.issue(
                    "unknown-reference",
                    "unknown-reference.measure",
                    cells[0],
                    got=measure_text[:80],
                )
                measure_ok = False
            else:
                measure_ok = True
            item: dict[str, Any] = {}
            kind = values[1]
            if kind is _FAULTY:
                item["kind"] = EvidenceKind.OTHER.value
            elif text_of(kind) is not None:
                found_kind = _KIND_LABELS.get((text_of(kind) or "").casefold())
                if found_kind is None:
                    self.issue(
                        "invalid-value",
                        "invalid-value.kind",
                        cells[1],
                        got=(text_of(kind) or "")[:80],
                        allowed=", ".join(KINDS[self.lang].values()),
                    )
                    item["kind"] = EvidenceKind.OTHER.value
                else:
                    item["kind"] = found_kind.value
            title = values[2]
            if title is not _FAULTY and text_of(title) is not None:
                item["title"] = text_of(title)
            elif title is _FAULTY:
                item["title"] = "-"
            uri = link if link is not None else values[3]
            uri_text = None if uri is _FAULTY else text_of(uri)
            if uri_text is not None:
                if uri_text.lower().startswith(("http://", "https://")) and _plain(uri_text):
                    item["uri"] = uri_text
                else:
                    self.issue("invalid-value", "invalid-value.uri", cells[3], got=uri_text[:80])
            for index, field in ((4, "letterhead"), (5, "signed")):
                answer = self.flag(cells[index], raw[index], "")
                if answer is _FAULTY:
                    item[field] = False
                elif answer is not None:
                    item[field] = answer
            if measure_ok:
                found.setdefault(measure_text or "", []).append((row, item))
        return found

    # -- the format's rules --------------------------------------------------------------------

    def validate(self, document: dict[str, Any]) -> None:
        self.repoint()
        result = validate(document, catalog=self.catalog)
        seen_incomplete = False
        for issue in result.issues:
            if issue.code == "incomplete-report":
                seen_incomplete = True
            cell = self.locate(issue.pointer)
            made = FormIssue.wrap(issue, None if cell is None else cell_name(*cell))
            if cell is not None:
                self._cell_of[id(made)] = cell
            self.issues.append(made)
        if not seen_incomplete and self.missing:
            first = next(
                item.measure.id
                for item in self.plan.rows
                if not any(
                    m["measure"] == item.measure.id
                    for e in document["entries"]
                    for m in e["measures"]
                )
            )
            self.issue(
                "incomplete-report",
                "incomplete-report",
                self.cells["/entries"],
                "/entries",
                listed=len(self.plan.rows) - self.missing,
                expected=len(self.plan.rows),
                missing=self.missing,
                period=str(self.plan.period),
                first=first,
            )

    def repoint(self) -> None:
        """Give the issues found while reading cells the pointer of their cell."""
        by_cell = {cell: pointer for pointer, cell in self.cells.items()}
        for index, issue in enumerate(self.issues):
            cell = self._cell_of.get(id(issue))
            if issue.pointer or cell is None:
                continue
            pointer = by_cell.get(cell, "")
            if pointer:
                moved = attrs.evolve(issue, pointer=pointer)
                del self._cell_of[id(issue)]
                self._cell_of[id(moved)] = cell
                self.issues[index] = moved

    def locate(self, pointer: str) -> Cell | None:
        parts = pointer.split("/")
        while len(parts) > 1:
            cell = self.cells.get("/".join(parts))
            if cell is not None:
                return cell
            parts.pop()
        return None


_FAULTY = object()
"""A cell already reported: the document gets a placeholder so it is not reported twice."""


def _plain(uri: str) -> bool:
    return not any(c.isspace() for c in uri)

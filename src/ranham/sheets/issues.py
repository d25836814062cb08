"""Issues of a form: ``format.md``'s issue fields plus the ``cell`` where a person can fix it.

>>> issue = FormIssue(code="sheet-missing", key="sheet-missing", params={"sheet": "Laporan"})
>>> issue.to_json("en")["message"]
'The form has no sheet named "Laporan": do not rename or delete sheets.'
>>> FormIssue(code="missing-field", pointer="/entries/0/measures/0/claimed",
...           cell="'Laporan'!G9", key="missing-field.claimed").to_json("id")["cell"]
"'Laporan'!G9"
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ranham.model import FrozenMap
from ranham.sheets._labels import MESSAGES, message
from ranham.validation import CODES, Issue, Lang, Severity

__all__ = ["SHEET_CODES", "FormIssue", "cell_name"]

SHEET_CODES = MappingProxyType(
    {
        "not-a-workbook": Severity.ERROR,
        "too-large": Severity.ERROR,
        "form-mismatch": Severity.ERROR,
        "sheet-missing": Severity.ERROR,
        "row-altered": Severity.ERROR,
    }
)
"""The codes ``sheets.md`` adds to ``format.md``'s (``too-large`` is shared)."""


def cell_name(sheet: str, row: int, column: int) -> str:
    """A cell in A1 notation with its sheet quoted: ``cell_name("Laporan", 12, 3)`` is C12.

    >>> cell_name("Data Dukung", 12, 3)
    "'Data Dukung'!C12"
    >>> cell_name("It's", 1, 28)
    "'It''s'!AB1"
    """
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    quoted = sheet.replace("'", "''")
    return f"'{quoted}'!{letters}{row}"


def _severity(code: str) -> Severity:
    if code in SHEET_CODES:
        return SHEET_CODES[code]
    return CODES[code]


def _freeze(params: Mapping[str, Any]) -> FrozenMap[str, Any]:
    return params if isinstance(params, FrozenMap) else FrozenMap(params)


@attrs.frozen(kw_only=True)
class FormIssue:
    """One problem of a form: a ``format.md`` issue code or one of :data:`SHEET_CODES`.

    ``pointer`` points into the report document the form maps to (``""`` when nothing in it is
    at fault); ``cell`` is ``'Sheet'!C12``, ``None`` when no cell is at fault. ``issue`` is the
    validation issue this one wraps, when the format rules found it; otherwise ``key`` and
    ``params`` give the message.
    """

    code: str = attrs.field()
    pointer: str = ""
    cell: str | None = None
    key: str = attrs.field(default=attrs.Factory(lambda self: self.code, takes_self=True))
    params: FrozenMap[str, Any] = attrs.field(factory=FrozenMap, converter=_freeze)
    issue: Issue | None = None

    @code.validator
    def _check_code(self, _attribute: attrs.Attribute[str], value: str) -> None:
        if value not in SHEET_CODES and value not in CODES:
            from ranham.errors import InvariantError

            raise InvariantError(
                f"'code' must be an issue code of format.md or sheets.md (got {value!r})."
            )

    @classmethod
    def wrap(cls, issue: Issue, cell: str | None) -> FormIssue:
        """The validation ``issue`` located at ``cell``."""
        return cls(code=issue.code, pointer=issue.pointer, cell=cell, issue=issue)

    @property
    def line(self) -> None:
        """A form has cells, not lines (``None``: see :attr:`cell`)."""
        return None

    @property
    def column(self) -> None:
        """A form has cells, not columns (``None``: see :attr:`cell`)."""
        return None

    @property
    def severity(self) -> str:
        """``"error"`` or ``"warning"``."""
        return _severity(self.code).value

    @property
    def is_error(self) -> bool:
        """Whether this issue stops the form from giving a report."""
        return _severity(self.code) is Severity.ERROR

    def message(self, lang: Lang = "en") -> str:
        """One sentence: what was expected, what was found, how to fix it."""
        if self.issue is not None:
            return self.issue.message(lang)
        if self.key in MESSAGES[lang]:
            return message(self.key, self.params, lang)
        return Issue(code=self.code, key=self.key, params=self.params).message(lang)

    def to_json(self, lang: Lang = "en") -> dict[str, Any]:
        """The issue as JSON: ``format.md``'s fields plus ``cell`` (left out when ``None``)."""
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "pointer": self.pointer,
        }
        if self.cell is not None:
            out["cell"] = self.cell
        out["message"] = self.message(lang)
        return out

    def __str__(self) -> str:
        return f"{self.cell or '-'} {self.code}: {self.message()}"

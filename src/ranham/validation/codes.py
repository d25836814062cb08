"""The validation issue codes of ``format.md``: stable slugs, never renamed.

>>> from ranham.validation.codes import CODES, Severity
>>> CODES["late-submission"]
<Severity.WARNING: 'warning'>
>>> sum(1 for s in CODES.values() if s is Severity.ERROR) > 30
True
"""

from __future__ import annotations

import enum
from types import MappingProxyType

__all__ = ["CODES", "FATAL", "REGION_CODES", "Severity"]


class Severity(enum.Enum):
    """An error makes a document invalid; a warning does not."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


_E, _W = Severity.ERROR, Severity.WARNING

CODES = MappingProxyType(
    {
        # raw JSON
        "unreadable": _E,
        "encoding": _E,
        "json-syntax": _E,
        "too-large": _E,
        "too-deep": _E,
        "duplicate-key": _E,
        "non-finite-number": _E,
        "not-an-object": _E,
        "unknown-kind": _E,
        "unsupported-version": _E,
        # structure
        "missing-field": _E,
        "unknown-field": _E,
        "wrong-type": _E,
        "invalid-value": _E,
        "invalid-date": _E,
        "naive-timestamp": _E,
        # domain rules
        "code-kind-mismatch": _E,
        "parent-mismatch": _E,
        "duplicate-id": _E,
        "unknown-reference": _E,
        "period-mismatch": _E,
        "year-outside-plan": _E,
        "target-group-not-in-plan": _E,
        "missing-period-measures": _E,
        "window-invalid": _E,
        "responsible-invalid": _E,
        "not-assigned": _E,
        "invalid-transition": _E,
        "history-order": _E,
        "assessment-missing": _E,
        "assessment-unexpected": _E,
        "declared-exceeded": _E,
        "follow-up-order": _E,
        "late-submission": _W,
        "early-submission": _W,
        "recommendations-incomplete": _W,
        "incomplete-report": _W,
        "inexact-number": _W,
        # about the run of the validator on one document
        "too-many-issues": _W,
        "internal": _E,
        # checked against a shipped region table (ranham.reference)
        "region-unknown": _W,
        "region-name-mismatch": _W,
        "region-parent-mismatch": _W,
        "region-autonomous-mismatch": _W,
    }
)
"""Every issue code with its severity."""

FATAL = frozenset(
    {
        "unreadable",
        "encoding",
        "json-syntax",
        "too-large",
        "too-deep",
        "not-an-object",
        "unknown-kind",
        "unsupported-version",
    }
)
"""Codes after which nothing else is checked in that document."""

REGION_CODES = frozenset(code for code in CODES if code.startswith("region-"))
"""Codes raised only when checking institutions against a region table."""

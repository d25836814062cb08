"""Steps 1 and 2 of scoring: does a report count, and is a reported measure met.

>>> from ranham.model import Assessment, MeasureEntry
>>> from ranham.rules import Basis
>>> entry = MeasureEntry(measure="m-1", claimed=True,
...                      assessment=Assessment(administrative=True, substantive=False))
>>> measure_met(entry, Basis.VERIFIED), measure_met(entry, Basis.CLAIMED)
(False, False)
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import tzinfo

import attrs

from ranham.model import MeasureEntry, Report, ReportStatus
from ranham.periods import PeriodCode, Timing, Window
from ranham.rules.ruleset import Basis, Late, ScoringRules

__all__ = ["ACCEPTED", "CountReason", "ReportCount", "judge_report", "measure_met"]

ACCEPTED: Mapping[Basis, frozenset[ReportStatus]] = {
    Basis.VERIFIED: frozenset({ReportStatus.VERIFIED}),
    Basis.CLAIMED: frozenset(
        {ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.VERIFIED}
    ),
}
"""The report statuses that count under each basis."""


class CountReason(enum.Enum):
    """Why a report counts or not (step 1)."""

    COUNTED = "counted"
    MISSING = "missing"
    STATUS = "status"
    LATE = "late"


@attrs.frozen(kw_only=True)
class ReportCount:
    """Step 1 for one institution and period: the report (if any), whether it counts, and why."""

    report: Report | None
    reason: CountReason
    timing: Timing | None = None

    @property
    def counted(self) -> bool:
        """Whether the report counts."""
        return self.reason is CountReason.COUNTED


def measure_met(entry: MeasureEntry, basis: Basis) -> bool:
    """Step 2: whether a reported measure is met under ``basis``."""
    if basis is Basis.VERIFIED:
        return entry.assessment is not None and entry.assessment.met
    return entry.claimed and any(item.is_formal for item in entry.evidence)


def judge_report(
    report: Report | None,
    rules: ScoringRules,
    windows: Mapping[PeriodCode, Window],
    plan_tz: tzinfo,
) -> ReportCount:
    """Step 1: whether ``report`` counts under ``rules``, and why (missing, status, late)."""
    if report is None:
        return ReportCount(report=None, reason=CountReason.MISSING)
    timing = report.timing(windows[report.period.code], plan_tz)
    if report.status not in ACCEPTED[rules.basis]:
        return ReportCount(report=report, reason=CountReason.STATUS, timing=timing)
    if rules.late is Late.REJECT and timing is Timing.LATE:
        return ReportCount(report=report, reason=CountReason.LATE, timing=timing)
    return ReportCount(report=report, reason=CountReason.COUNTED, timing=timing)

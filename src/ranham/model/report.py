"""Achievement reports (*laporan capaian*) and their workflow.

A report starts as ``draft``. The workflow allows ``draft → submitted``, ``submitted →
returned``, ``returned → submitted`` and ``submitted → verified``; ``verified`` is final. The
report's ``status`` is the status of its last change, and its **submission time** is the time of
its first change to ``submitted``.

>>> from datetime import datetime, timedelta, timezone
>>> from ranham.model import Report, ReportStatus
>>> from ranham.periods import ReportingPeriod
>>> wib = timezone(timedelta(hours=7))
>>> draft = Report(institution="32.16", period=ReportingPeriod.parse("2022-B04"))
>>> sent = draft.transition(ReportStatus.SUBMITTED, datetime(2022, 4, 29, 10, 15, tzinfo=wib))
>>> sent.status, sent.submitted_at
(<ReportStatus.SUBMITTED: 'submitted'>, datetime.datetime(2022, 4, 29, 10, 15, \
tzinfo=datetime.timezone(datetime.timedelta(seconds=25200))))
>>> sent.transition(ReportStatus.DRAFT, datetime(2022, 4, 30, tzinfo=wib))
Traceback (most recent call last):
...
ranham.errors.TransitionError: a submitted report can become returned or verified, not draft.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

import attrs

from ranham.errors import TransitionError
from ranham.model._checks import (
    FLAG,
    HTTP_URL,
    INSTANT,
    INSTITUTION_CODE,
    SLUG,
    TEXT,
    Enum,
    Instance,
    Tuple,
    check,
)
from ranham.model._fields import EXTENSIONS, check_extensions, freeze_extensions
from ranham.model._frozen import FrozenMap, JsonValue
from ranham.model._invariants import (
    ALLOWED_TRANSITIONS,
    assessments,
    duplicates,
    refuse,
    transition_problem,
    workflow,
)
from ranham.model.enums import EvidenceKind, ReportStatus
from ranham.periods import ReportingPeriod, Timing, Window

__all__ = [
    "ALLOWED_TRANSITIONS",
    "ActionEntry",
    "Assessment",
    "Evidence",
    "MeasureEntry",
    "Report",
    "StatusChange",
]


@attrs.frozen(kw_only=True)
class Evidence:
    """A piece of supporting evidence (*data dukung*) for a measure."""

    kind: EvidenceKind = attrs.field(validator=Enum(EvidenceKind))
    title: str = attrs.field(validator=TEXT)
    uri: str | None = attrs.field(default=None, validator=check(HTTP_URL, optional=True))
    letterhead: bool = attrs.field(validator=FLAG)
    signed: bool = attrs.field(validator=FLAG)

    @property
    def is_formal(self) -> bool:
        """On letterhead and signed: what the ``claimed`` scoring basis asks of evidence."""
        return self.letterhead and self.signed


@attrs.frozen(kw_only=True)
class Assessment:
    """The verifier's judgement of a measure: administratively and substantively sound?"""

    administrative: bool = attrs.field(validator=FLAG)
    substantive: bool = attrs.field(validator=FLAG)
    note: str | None = attrs.field(default=None, validator=check(TEXT, optional=True))

    @property
    def met(self) -> bool:
        """Both checks passed (the ``verified`` scoring basis)."""
        return self.administrative and self.substantive


@attrs.frozen(kw_only=True)
class MeasureEntry:
    """What an institution reports for one success measure."""

    measure: str = attrs.field(validator=SLUG)
    claimed: bool = attrs.field(validator=FLAG)
    narrative: str | None = attrs.field(default=None, validator=check(TEXT, optional=True))
    evidence: tuple[Evidence, ...] = attrs.field(default=(), validator=Tuple(Instance(Evidence)))
    assessment: Assessment | None = attrs.field(
        default=None, validator=check(Instance(Assessment), optional=True)
    )


@attrs.frozen(kw_only=True)
class ActionEntry:
    """What an institution reports for one action: an entry per success measure."""

    action: str = attrs.field(validator=SLUG)
    measures: tuple[MeasureEntry, ...] = attrs.field(validator=Tuple(Instance(MeasureEntry)))
    extensions: FrozenMap[str, JsonValue] = attrs.field(
        factory=FrozenMap,
        converter=freeze_extensions,
        validator=check_extensions,
        metadata={EXTENSIONS: True},
    )

    def __attrs_post_init__(self) -> None:
        measures = self.measures
        # the set guards the call (the predicate's own first test): most entries repeat nothing
        if len(measures) > 1 and len({m.measure for m in measures}) != len(measures):
            refuse(
                duplicates(
                    [m.measure for m in measures],
                    lambda i: ("measures", i, "measure"),
                    "'measures' must name each measure once (got {got} twice).",
                )
            )


@attrs.frozen(kw_only=True)
class StatusChange:
    """One step of a report's workflow: the new status, when, by whom and why."""

    status: ReportStatus = attrs.field(validator=Enum(ReportStatus))
    at: datetime = attrs.field(validator=INSTANT)
    by: str | None = attrs.field(default=None, validator=check(TEXT, optional=True))
    note: str | None = attrs.field(default=None, validator=check(TEXT, optional=True))


@attrs.frozen(kw_only=True)
class Report:
    """One institution's achievement report for one period.

    The constructor checks the workflow (every change allowed, in time order, ``status`` equal
    to the last change) and the verifier's assessments (on every measure of a verified report,
    on none of a draft or submitted one). Whether the entries name actions and measures of the
    catalog, and whether the report came within its window, needs the catalog: see
    :mod:`ranham.validation`.
    """

    institution: str = attrs.field(validator=INSTITUTION_CODE)
    period: ReportingPeriod = attrs.field(validator=Instance(ReportingPeriod))
    status: ReportStatus = attrs.field(default=ReportStatus.DRAFT, validator=Enum(ReportStatus))
    history: tuple[StatusChange, ...] = attrs.field(
        default=(), validator=Tuple(Instance(StatusChange))
    )
    entries: tuple[ActionEntry, ...] = attrs.field(
        default=(), validator=Tuple(Instance(ActionEntry))
    )
    extensions: FrozenMap[str, JsonValue] = attrs.field(
        factory=FrozenMap,
        converter=freeze_extensions,
        validator=check_extensions,
        metadata={EXTENSIONS: True},
    )

    def __attrs_post_init__(self) -> None:
        status = self.status
        refuse(workflow(self.history, status))
        entries = self.entries
        if len(entries) > 1 and len({e.action for e in entries}) != len(entries):
            refuse(
                duplicates(
                    [e.action for e in entries],
                    lambda i: ("entries", i, "action"),
                    "'entries' must name each action once (got {got} twice).",
                )
            )
        refuse(assessments(status, entries))

    @property
    def submitted_at(self) -> datetime | None:
        """The time of the first change to ``submitted``; ``None`` if it was never submitted."""
        for change in self.history:
            if change.status is ReportStatus.SUBMITTED:
                return change.at
        return None

    def timing(self, window: Window, plan_tz: tzinfo) -> Timing | None:
        """Early, on time or late against ``window``; ``None`` when never submitted.

        ``plan_tz`` is the plan's time zone (``catalog.plan.tz``).
        """
        at = self.submitted_at
        return None if at is None else window.timing(at, plan_tz)

    def is_on_time(self, window: Window, plan_tz: tzinfo) -> bool:
        """Whether the report was first submitted within ``window`` (dates in ``plan_tz``)."""
        return self.timing(window, plan_tz) is Timing.ON_TIME

    def transition(
        self,
        status: ReportStatus,
        at: datetime,
        *,
        by: str | None = None,
        note: str | None = None,
        entries: tuple[ActionEntry, ...] | None = None,
    ) -> Report:
        """A new report one workflow step further; the workflow's refusals raise.

        Verifying or returning a report usually adds the verifier's assessments, and a
        resubmission removes them: pass the new ``entries`` with the step. Raises
        :class:`~ranham.errors.TransitionError` for a change the workflow forbids and
        :class:`~ranham.errors.InvariantError` when the result would break another rule (a
        change dated before the last one, a verified report without assessments).
        """
        problem = transition_problem(self.status, status)
        if problem is not None:
            raise TransitionError(f"{problem}.")
        change = StatusChange(status=status, at=at, by=by, note=note)
        return attrs.evolve(
            self,
            status=status,
            history=(*self.history, change),
            entries=self.entries if entries is None else entries,
        )

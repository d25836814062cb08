"""Constructors enforce every single-object invariant, with the issue code of the defect."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from ranham.errors import InvariantError, TransitionError
from ranham.model import (
    ActionEntry,
    Allegation,
    Assessment,
    Dataset,
    Evidence,
    EvidenceKind,
    FollowUp,
    FollowUpStatus,
    FrozenMap,
    Institution,
    InstitutionKind,
    Link,
    LinkType,
    MeasureEntry,
    Report,
    ReportStatus,
    StatusChange,
    SuccessMeasure,
    TargetGroup,
    Tier,
    is_assigned,
)
from ranham.periods import PeriodCode, ReportingPeriod, Window
from ranham.strategies import datasets
from tests.conftest import examples
from tests.model._examples import (
    ACTION,
    B04,
    B08,
    B12,
    CATALOG,
    FORUM,
    INSTITUTIONS,
    KL_ACTION,
    PLAN,
    REPORT,
    WIB,
    WINDOWS,
)


def refuses(code: str, build, *, match: str | None = None):
    with pytest.raises(InvariantError, match=match) as caught:
        build()
    assert caught.value.code == code, caught.value
    assert isinstance(caught.value, ValueError)
    return caught.value


def test_the_spec_examples_construct():
    dataset = Dataset(catalog=CATALOG, institutions=INSTITUTIONS, reports=(REPORT,))
    assert dataset.assigned_actions("32.16") == (ACTION,)
    assert dataset.assigned_actions("kemensos") == (KL_ACTION,)
    assert dataset.assigned_actions("31.71") == ()  # administrative: no regional action
    assert dataset.assigned_actions("32") == ()  # the catalog has no provincial action
    assert dataset.report("32.16", ReportingPeriod(2022, B04)) is REPORT
    assert dataset.report("32.16", ReportingPeriod(2022, B08)) is None
    assert FORUM.recommendations[0].status is FollowUpStatus.IN_PROGRESS


# --- plan ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "code", "match"),
    [
        ({"id": "Ranham"}, "invalid-value", "'id' must be a slug"),
        ({"title": "   "}, "invalid-value", "'title' must be a non-blank string"),
        ({"start_year": 2026}, "invalid-value", "'end_year' must not be before 'start_year'"),
        ({"target_groups": ()}, "invalid-value", "at least one item"),
        ({"periods": (B08, B04)}, "invalid-value", "month order"),
        ({"periods": (B04, B04)}, "duplicate-id", "must not repeat"),
        ({"timezone": "Mars/Olympus"}, "invalid-value", "IANA time zone"),
        ({"target_groups": ("perempuan",)}, "invalid-value", r"use TargetGroup\('perempuan'\)"),
    ],
)
def test_plan_invariants(changes, code, match):
    refuses(code, lambda: attrs.evolve(PLAN, **changes), match=match)


# --- catalog ------------------------------------------------------------------------------------


def _measures(*codes: PeriodCode, prefix: str = "m") -> tuple[SuccessMeasure, ...]:
    return tuple(
        SuccessMeasure(id=f"{prefix}-{i}", period=code, description="Rapat")
        for i, code in enumerate(codes)
    )


def test_windows_in_any_order_are_kept_in_plan_order() -> None:
    """format.md 2026-12-03: the keys of ``windows`` may come in any order."""
    shuffled = {B08: WINDOWS[B08], B12: WINDOWS[B12], B04: WINDOWS[B04]}
    catalog = attrs.evolve(CATALOG, windows=shuffled)
    assert list(catalog.windows) == [B04, B08, B12]
    assert catalog == CATALOG


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"year": 2026}, "year-outside-plan", "year"),
        # the missing window, where the validator points (/windows/B12)
        ({"windows": {B04: WINDOWS[B04], B08: WINDOWS[B08]}}, "window-invalid", "windows.B12"),
        (
            {"windows": {**WINDOWS, B08: Window(date(2022, 5, 1), date(2022, 5, 5))}},
            "window-invalid",
            "windows.B08",
        ),
        (
            {"windows": {**WINDOWS, B04: Window(date(2021, 12, 31), date(2022, 1, 5))}},
            "window-invalid",
            "windows.B04",
        ),
        ({"actions": (ACTION, ACTION)}, "duplicate-id", "actions.1.id"),
        (
            {
                "actions": (
                    ACTION,
                    attrs.evolve(ACTION, id="other", measures=_measures(B04, B08, B12)),
                )
            },
            "duplicate-id",
            "actions.1.number",
        ),
        (
            {"actions": (ACTION, attrs.evolve(ACTION, id="other", number=2))},
            "duplicate-id",
            "actions.1.measures.0.id",
        ),
        (
            {"actions": (attrs.evolve(ACTION, measures=_measures(B04, B08, B12, PeriodCode.B06)),)},
            "period-mismatch",
            "actions.0.measures.3.period",
        ),
        (
            {"actions": (attrs.evolve(ACTION, measures=_measures(B04, B12)),)},
            "missing-period-measures",
            "actions.0.measures",
        ),
    ],
)
def test_catalog_invariants(changes, code, field):
    error = refuses(code, lambda: attrs.evolve(CATALOG, **changes))
    assert error.field == field


def test_catalog_refuses_a_target_group_outside_the_plan():
    plan = attrs.evolve(PLAN, target_groups=(TargetGroup.CHILDREN,))
    error = refuses(
        "target-group-not-in-plan",
        lambda: attrs.evolve(CATALOG, plan=plan, actions=(ACTION,)),
    )
    assert error.field == "actions.0.target_group"


@pytest.mark.parametrize(
    ("changes", "code", "match"),
    [
        ({"number": 0}, "invalid-value", r"'number' must be an integer >= 1 \(got 0\)"),
        ({"number": True}, "invalid-value", "'number'"),
        ({"measures": ()}, "invalid-value", "at least one item"),
        ({"responsible": ("kemensos",)}, "responsible-invalid", "must be empty"),
        ({"responsible": ("Kemensos",)}, "responsible-invalid", "ministry or agency code"),
        ({"tier": Tier.KL}, "responsible-invalid", "at least one ministry"),
        (
            {"measures": _measures(B04, B08) + _measures(B12, prefix="m")[:0] + _measures(B04)},
            "duplicate-id",
            "repeat an id",
        ),
        ({"extensions": {"x": float("nan")}}, "invalid-value", "JSON object"),
        ({"extensions": {1: "x"}}, "invalid-value", "JSON object"),
    ],
)
def test_action_invariants(changes, code, match):
    refuses(code, lambda: attrs.evolve(ACTION, **changes), match=match)


def test_extensions_are_frozen_deeply_and_hashable():
    action = attrs.evolve(ACTION, extensions={"a": [1, {"b": None}], "c": 1.5})
    assert action.extensions == {"a": (1, FrozenMap({"b": None})), "c": 1.5}
    assert isinstance(action.extensions["a"], tuple)
    assert hash(action) == hash(attrs.evolve(ACTION, extensions={"a": (1, {"b": None}), "c": 1.5}))


def test_windows_must_be_a_mapping():
    refuses("window-invalid", lambda: attrs.evolve(CATALOG, windows=[WINDOWS[B04]]))


# --- institutions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        (
            {"code": "32.16", "kind": InstitutionKind.CITY, "parent": "32"},
            "code-kind-mismatch",
            "code",
        ),
        (
            {"code": "32.76", "kind": InstitutionKind.REGENCY, "parent": "32"},
            "code-kind-mismatch",
            "code",
        ),
        ({"code": "3216", "kind": InstitutionKind.PROVINCE}, "code-kind-mismatch", "code"),
        ({"code": "KEMENSOS", "kind": InstitutionKind.MINISTRY}, "code-kind-mismatch", "code"),
        ({"code": "32.16", "kind": InstitutionKind.REGENCY}, "parent-mismatch", "parent"),
        (
            {"code": "32.16", "kind": InstitutionKind.REGENCY, "parent": "33"},
            "parent-mismatch",
            "parent",
        ),
        (
            {"code": "32", "kind": InstitutionKind.PROVINCE, "parent": "32"},
            "parent-mismatch",
            "parent",
        ),
        (
            {"code": "32", "kind": InstitutionKind.PROVINCE, "autonomous": False},
            "invalid-value",
            "autonomous",
        ),
        (
            {"code": "bnpb", "kind": InstitutionKind.AGENCY, "autonomous": 0},
            "invalid-value",
            "autonomous",
        ),
    ],
)
def test_institution_invariants(kwargs, code, field):
    error = refuses(code, lambda: Institution(name="Nama", **kwargs))
    assert error.field == field


@pytest.mark.parametrize(
    ("code", "kind", "parent", "tier"),
    [
        ("kemensos", InstitutionKind.MINISTRY, None, Tier.KL),
        ("bnpb", InstitutionKind.AGENCY, None, Tier.KL),
        ("11", InstitutionKind.PROVINCE, None, Tier.PROVINCE),
        ("11.01", InstitutionKind.REGENCY, "11", Tier.REGENCY_CITY),
        ("11.69", InstitutionKind.REGENCY, "11", Tier.REGENCY_CITY),
        ("33.73", InstitutionKind.CITY, "33", Tier.REGENCY_CITY),
        ("96.71", InstitutionKind.CITY, "96", Tier.REGENCY_CITY),
    ],
)
def test_institution_tier_follows_kind(code, kind, parent, tier):
    assert Institution(code=code, kind=kind, name="Nama", parent=parent).tier is tier


# --- reports ------------------------------------------------------------------------------------

SUBMITTED = StatusChange(status=ReportStatus.SUBMITTED, at=datetime(2022, 4, 29, 10, tzinfo=WIB))


def _entry(**changes):
    base = MeasureEntry(measure="2022-kabkota-1-b04-1", claimed=True)
    return ActionEntry(action="2022-kabkota-1", measures=(attrs.evolve(base, **changes),))


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"status": ReportStatus.SUBMITTED}, "invalid-transition", "status"),
        (
            {"status": ReportStatus.DRAFT, "history": ()},
            "assessment-unexpected",
            "entries.0.measures.0.assessment",
        ),
        (
            {
                "history": (
                    SUBMITTED,
                    attrs.evolve(
                        SUBMITTED,
                        status=ReportStatus.VERIFIED,
                        at=SUBMITTED.at - timedelta(hours=1),
                    ),
                )
            },
            "history-order",
            "history.1.at",
        ),
        (
            {"history": (attrs.evolve(SUBMITTED, status=ReportStatus.VERIFIED),)},
            "invalid-transition",
            "history.0.status",
        ),
        ({"entries": REPORT.entries * 2}, "duplicate-id", "entries.1.action"),
        ({"entries": (_entry(),)}, "assessment-missing", "entries.0.measures.0.assessment"),
        ({"institution": "Bekasi"}, "invalid-value", "institution"),
    ],
)
def test_report_invariants(changes, code, field):
    error = refuses(code, lambda: attrs.evolve(REPORT, **changes))
    assert error.field == field


def test_measure_entries_name_each_measure_once():
    measure = MeasureEntry(measure="m", claimed=False)
    error = refuses("duplicate-id", lambda: ActionEntry(action="a", measures=(measure, measure)))
    assert error.field == "measures.1.measure"


def test_a_timestamp_needs_an_offset():
    refuses(
        "naive-timestamp",
        lambda: StatusChange(status=ReportStatus.SUBMITTED, at=datetime(2022, 4, 29, 10)),
    )


def test_evidence_uri_must_be_http():
    refuses(
        "invalid-value",
        lambda: Evidence(
            kind=EvidenceKind.PHOTO, title="Foto", uri="ftp://x/y", letterhead=False, signed=False
        ),
        match="http or https URL",
    )


def test_transition_walks_the_workflow():
    period = ReportingPeriod(2022, B04)
    draft = Report(institution="32.16", period=period, entries=(_entry(),))
    submitted = draft.transition(ReportStatus.SUBMITTED, SUBMITTED.at)
    assert submitted.status is ReportStatus.SUBMITTED
    assert submitted.submitted_at == SUBMITTED.at
    with pytest.raises(TransitionError, match="can become returned or verified, not draft"):
        submitted.transition(ReportStatus.DRAFT, SUBMITTED.at)
    with pytest.raises(InvariantError) as caught:  # a verified report needs assessments
        submitted.transition(ReportStatus.VERIFIED, SUBMITTED.at + timedelta(days=1))
    assert caught.value.code == "assessment-missing"
    assessed = (_entry(assessment=Assessment(administrative=True, substantive=False)),)
    verified = submitted.transition(
        ReportStatus.VERIFIED, SUBMITTED.at + timedelta(days=1), by="tim", entries=assessed
    )
    assert [c.status for c in verified.history] == [ReportStatus.SUBMITTED, ReportStatus.VERIFIED]
    with pytest.raises(TransitionError, match="final"):
        verified.transition(ReportStatus.RETURNED, SUBMITTED.at + timedelta(days=2))
    with pytest.raises(InvariantError) as caught:
        submitted.transition(ReportStatus.RETURNED, SUBMITTED.at - timedelta(days=1))
    assert caught.value.code == "history-order"


def test_submission_time_is_the_first_change_to_submitted():
    assert REPORT.submitted_at == REPORT.history[0].at
    assert REPORT.is_on_time(WINDOWS[B04], PLAN.tz)
    assert not REPORT.is_on_time(WINDOWS[B08], PLAN.tz)
    assert Report(institution="32.16", period=REPORT.period).timing(WINDOWS[B04], PLAN.tz) is None


# --- dataset ------------------------------------------------------------------------------------


def _dataset(**changes):
    base = Dataset(catalog=CATALOG, institutions=INSTITUTIONS, reports=(REPORT,))
    return attrs.evolve(base, **changes)


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"institutions": INSTITUTIONS + INSTITUTIONS[:1]}, "duplicate-id", "institutions.4.code"),
        (
            {"institutions": INSTITUTIONS[:3]},
            "responsible-invalid",
            "catalog.actions.1.responsible.0",
        ),
        (
            {"reports": (attrs.evolve(REPORT, institution="33.01"),)},
            "unknown-reference",
            "reports.0.institution",
        ),
        ({"reports": (REPORT, REPORT)}, "duplicate-id", "reports.1.period"),
        (
            {"reports": (attrs.evolve(REPORT, period=ReportingPeriod(2023, B04)),)},
            "period-mismatch",
            "reports.0.period",
        ),
        (
            {"reports": (attrs.evolve(REPORT, period=ReportingPeriod(2022, PeriodCode.B06)),)},
            "period-mismatch",
            "reports.0.period",
        ),
        (
            {"reports": (attrs.evolve(REPORT, period=ReportingPeriod(2022, B08)),)},
            "period-mismatch",
            "reports.0.entries.0.measures.0.measure",
        ),
        (
            {"reports": (attrs.evolve(REPORT, institution="31.71"),)},
            "not-assigned",
            "reports.0.entries.0.action",
        ),
        (
            {"reports": (attrs.evolve(REPORT, institution="kemensos"),)},
            "not-assigned",
            "reports.0.entries.0.action",
        ),
        (
            {
                "reports": (
                    attrs.evolve(
                        REPORT, entries=(attrs.evolve(REPORT.entries[0], action="2022-kabkota-9"),)
                    ),
                )
            },
            "unknown-reference",
            "reports.0.entries.0.action",
        ),
        (
            {
                "allegations": (
                    Allegation(institution="99", reported_on=date(2022, 6, 1), reference="ADU-1"),
                )
            },
            "unknown-reference",
            "allegations.0.institution",
        ),
    ],
)
def test_dataset_invariants(changes, code, field):
    error = refuses(code, lambda: _dataset(**changes))
    assert error.field == field


def test_a_measure_of_another_action_is_an_unknown_reference():
    entry = attrs.evolve(
        REPORT.entries[0],
        measures=(attrs.evolve(REPORT.entries[0].measures[0], measure="2022-kl-1-b04-1"),),
    )
    error = refuses(
        "unknown-reference", lambda: _dataset(reports=(attrs.evolve(REPORT, entries=(entry,)),))
    )
    assert error.field == "reports.0.entries.0.measures.0.measure"


# --- forum --------------------------------------------------------------------------------------


def _follow_up(day: date) -> FollowUp:
    return FollowUp(on=day, status=FollowUpStatus.OPEN)


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"end_date": date(2022, 8, 23)}, "invalid-value", "end_date"),
        ({"recommendations": FORUM.recommendations * 2}, "duplicate-id", "recommendations.1.id"),
        (
            {"declared": attrs.evolve(FORUM.declared, panranham=0)},
            "declared-exceeded",
            "declared.panranham",
        ),
        (
            {
                "recommendations": (
                    attrs.evolve(
                        FORUM.recommendations[0], follow_ups=(_follow_up(date(2022, 8, 1)),)
                    ),
                )
            },
            "follow-up-order",
            "recommendations.0.follow_ups.0.on",
        ),
    ],
)
def test_forum_invariants(changes, code, field):
    error = refuses(code, lambda: attrs.evolve(FORUM, **changes))
    assert error.field == field


def test_follow_ups_are_in_date_order():
    rec = FORUM.recommendations[0]
    error = refuses(
        "follow-up-order",
        lambda: attrs.evolve(
            rec, follow_ups=(_follow_up(date(2023, 2, 1)), _follow_up(date(2023, 1, 1)))
        ),
    )
    assert error.field == "follow_ups.1.on"


def test_overdue_needs_a_due_date_passed_and_an_open_status():
    rec = FORUM.recommendations[0]  # due 2023-12-31, in progress
    assert not rec.is_overdue(date(2023, 12, 31))
    assert rec.is_overdue(date(2024, 1, 1))
    done = attrs.evolve(
        rec,
        follow_ups=(
            *rec.follow_ups,
            FollowUp(on=date(2024, 2, 1), status=FollowUpStatus.IMPLEMENTED),
        ),
    )
    assert not done.is_overdue(date(2024, 3, 1))
    assert not attrs.evolve(rec, due=None).is_overdue(date(2030, 1, 1))


@pytest.mark.parametrize(
    ("text", "link_type", "target"),
    [
        ("action:2022-kl-1", LinkType.ACTION, "2022-kl-1"),
        ("ruleset:ranham-2021-2025/default", LinkType.RULESET, "ranham-2021-2025/default"),
        ("url:https://portal.ham.go.id/x", LinkType.URL, "https://portal.ham.go.id/x"),
        ("document:Notulen rapat 3 Maret", LinkType.DOCUMENT, "Notulen rapat 3 Maret"),
    ],
)
def test_links_parse_and_print(text, link_type, target):
    link = Link.parse(text)
    assert (link.type, link.target, str(link)) == (link_type, target, text)


@pytest.mark.parametrize(
    "text", ["action:", "ruleset:default", "url:ftp://x", "web:x", "document:  ", "nocolon"]
)
def test_malformed_links_are_refused(text):
    refuses("invalid-value", lambda: Link.parse(text))


# --- one assignment rule ------------------------------------------------------------------------


@given(datasets())
@settings(max_examples=examples(25), deadline=None, suppress_health_check=list(HealthCheck))
def test_the_bulk_assignment_agrees_with_the_assignment_rule(dataset):
    """``Dataset`` groups the assignment rule by tier for speed; it must give what the one
    predicate (``is_assigned``, i.e. ``ranham.model._invariants.assigned``) gives per pair."""
    for institution in dataset.institutions:
        expected = tuple(a for a in dataset.catalog.actions if is_assigned(a, institution))
        assert dataset.assigned_actions(institution.code) == expected

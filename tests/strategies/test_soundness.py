"""Every generated object constructs, every generated document validates, knobs hold."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ranham import io
from ranham.model import (
    Action,
    ActionEntry,
    ActionPlan,
    Addressee,
    Allegation,
    Assessment,
    Catalog,
    Dataset,
    Declared,
    Evidence,
    FollowUp,
    Forum,
    FrozenMap,
    Institution,
    InstitutionKind,
    Link,
    MeasureEntry,
    Recommendation,
    Report,
    ReportStatus,
    StatusChange,
    SuccessMeasure,
    Tier,
    code_fits_kind,
    is_assigned,
)
from ranham.periods import PeriodCode, ReportingPeriod, Timing, Window, zone
from ranham.reference import RANHAM_2021_2025
from ranham.rules import eligibility, score
from ranham.strategies import (
    TIMINGS,
    action_entries,
    actions,
    allegations,
    assessments,
    catalog_windows,
    catalogs,
    datasets,
    dates,
    declared_counts,
    documents,
    evidence_items,
    extensions,
    follow_ups,
    forums,
    http_urls,
    institution_codes,
    institutions,
    links,
    measure_entries,
    period_codes,
    period_schemes,
    plans,
    recommendations,
    reporting_periods,
    reports,
    slugs,
    status_changes,
    success_measures,
    texts,
    timestamps,
    utc_offsets,
    windows,
)
from ranham.validation import validate
from ranham.validation._walk import parse_timestamp
from tests.conftest import examples

HEAVY = settings(
    max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
LIGHT = settings(max_examples=examples(60), deadline=None)

ENTITY_STRATEGIES: list[tuple[Callable[[], st.SearchStrategy[Any]], type]] = [
    (plans, ActionPlan),
    (success_measures, SuccessMeasure),
    (actions, Action),
    (institutions, Institution),
    (evidence_items, Evidence),
    (assessments, Assessment),
    (measure_entries, MeasureEntry),
    (action_entries, ActionEntry),
    (status_changes, StatusChange),
    (allegations, Allegation),
    (follow_ups, FollowUp),
    (recommendations, Recommendation),
    (declared_counts, Declared),
    (links, Link),
    (reporting_periods, ReportingPeriod),
    (windows, Window),
    (extensions, FrozenMap),
    (catalogs, Catalog),
    (reports, Report),
    (datasets, Dataset),
    (forums, Forum),
]


@pytest.mark.parametrize(("factory", "kind"), ENTITY_STRATEGIES, ids=lambda x: x.__name__)
@given(data=st.data())
@HEAVY
def test_every_strategy_draws_objects_of_its_type(factory, kind, data):
    value = data.draw(factory())
    assert type(value) is kind


# --- documents validate --------------------------------------------------------------------------


@given(documents())
@HEAVY
def test_every_generated_document_validates_without_error(document):
    result = validate(document)
    assert result.valid, result.errors
    assert {i.code for i in result.warnings} <= {
        "late-submission",
        "early-submission",
        "recommendations-incomplete",
    }


@given(documents(warnings=False))
@HEAVY
def test_clean_documents_validate_without_any_issue(document):
    assert validate(document).issues == ()


@given(documents())
@HEAVY
def test_every_generated_document_reads_back_as_the_same_document(document):
    assert io.to_dict(io.from_dict(document)) == document


@given(datasets(plan=RANHAM_2021_2025, timings=TIMINGS))
@HEAVY
def test_the_shipped_rules_score_every_generated_dataset_of_their_plan(dataset):
    scores = score(dataset)
    result = eligibility(dataset)
    assert scores is not None
    assert result is not None


# --- reports that fit a catalog and an institution -----------------------------------------------


@given(data=st.data(), catalog=catalogs(max_actions=4))
@HEAVY
def test_a_report_fits_the_catalog_and_institution_it_is_given(data, catalog):
    institution = data.draw(institutions())
    report = data.draw(reports(catalog=catalog, institution=institution))
    assert report.institution == institution.code
    assert report.period in catalog.periods
    by_id = {a.id: a for a in catalog.actions}
    for entry in report.entries:
        action = by_id[entry.action]
        assert is_assigned(action, institution)
        own = {m.id for m in action.measures_for(report.period.code)}
        assert {m.measure for m in entry.measures} <= own
    result = validate(io.to_dict(report), catalog=catalog)
    assert result.valid, result.errors


@pytest.mark.parametrize("status", list(ReportStatus))
@given(data=st.data())
@HEAVY
def test_history_and_assessments_follow_the_status(status, data):
    report = data.draw(reports(statuses=[status]))
    assert report.status is status
    steps = [c.status for c in report.history]
    if status is ReportStatus.DRAFT:
        assert steps == []
    else:
        assert steps[0] is ReportStatus.SUBMITTED
        assert steps[-1] is status
    assessed = [m.assessment is not None for e in report.entries for m in e.measures]
    if status is ReportStatus.VERIFIED:
        assert all(assessed)
    elif status is not ReportStatus.RETURNED:
        assert not any(assessed)


@pytest.mark.parametrize("timing", list(Timing))
@given(data=st.data())
@HEAVY
def test_the_first_submission_has_the_timing_asked_for(timing, data):
    catalog = data.draw(catalogs(), label="catalog")
    statuses = [ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.VERIFIED]
    report = data.draw(reports(catalog=catalog, statuses=statuses, timings=[timing]))
    window = catalog.windows[report.period.code]
    assert report.timing(window, catalog.plan.tz) is timing
    assert report.is_on_time(window, catalog.plan.tz) is (timing is Timing.ON_TIME)
    expected = {
        Timing.ON_TIME: [],
        Timing.LATE: [("late-submission", "/history/0/at")],
        Timing.EARLY: [("early-submission", "/history/0/at")],
    }[timing]
    result = validate(io.to_dict(report), catalog=catalog)
    found = [(i.code, i.pointer) for i in result.issues if i.code != "incomplete-report"]
    assert found == expected  # reports() may leave measures out: incomplete-report aside


@given(datasets(timings=TIMINGS, min_reports=1))
@HEAVY
def test_dataset_warnings_are_exactly_the_reports_off_time(dataset):
    tz = dataset.catalog.plan.tz
    expected = []
    for index, report in enumerate(dataset.reports):
        timing = report.timing(dataset.catalog.windows[report.period.code], tz)
        if timing is Timing.LATE:
            expected.append(("late-submission", f"/reports/{index}/history/0/at"))
        elif timing is Timing.EARLY:
            expected.append(("early-submission", f"/reports/{index}/history/0/at"))
    result = validate(io.to_dict(dataset))
    assert sorted((i.code, i.pointer) for i in result.issues) == sorted(expected)


# --- datasets and their knobs --------------------------------------------------------------------


@given(
    datasets(
        tiers=[Tier.KL],
        min_institutions=2,
        max_institutions=3,
        max_actions=2,
        max_reports=3,
        statuses=[ReportStatus.VERIFIED],
        years=[2022],
    )
)
@HEAVY
def test_dataset_knobs_hold(dataset):
    assert dataset.catalog.year == 2022
    assert 2 <= len(dataset.institutions) <= 3
    assert all(i.tier is Tier.KL for i in dataset.institutions)
    assert all(a.tier is Tier.KL for a in dataset.catalog.actions)
    assert 1 <= len(dataset.catalog.actions) <= 2
    assert len(dataset.reports) <= 3
    assert all(r.status is ReportStatus.VERIFIED for r in dataset.reports)
    listed = {i.code for i in dataset.institutions}
    assert {c for a in dataset.catalog.actions for c in a.responsible} <= listed


@given(datasets(kinds=[InstitutionKind.CITY], tiers=[Tier.REGENCY_CITY], min_reports=1))
@HEAVY
def test_entries_name_only_assigned_actions(dataset):
    for report in dataset.reports:
        institution = dataset.institution(report.institution)
        assigned = {a.id for a in dataset.assigned_actions(report.institution)}
        assert {e.action for e in report.entries} <= assigned
        if not institution.autonomous:
            assert report.entries == ()


@pytest.mark.parametrize("complete", [True, False])
@given(data=st.data())
@HEAVY
def test_forums_declare_as_asked(complete, data):
    forum = data.draw(forums(complete=complete))
    listed = {a: len(forum.listed(a)) for a in Addressee}
    exact = all(forum.declared[a] == n for a, n in listed.items())
    assert exact is complete
    codes = validate(io.to_dict(forum)).codes
    assert ("recommendations-incomplete" in codes) is not complete
    for rec in forum.recommendations:
        days = [f.on for f in rec.follow_ups]
        assert days == sorted(days)
        assert all(day >= forum.start_date for day in days)


# --- values --------------------------------------------------------------------------------------


@given(kind=st.sampled_from(InstitutionKind), data=st.data())
@LIGHT
def test_institution_codes_fit_their_kind(kind, data):
    assert code_fits_kind(data.draw(institution_codes(kind=kind)), kind)


@given(kind=st.sampled_from([InstitutionKind.REGENCY, InstitutionKind.CITY]), data=st.data())
@LIGHT
def test_institution_codes_fit_their_parent(kind, data):
    code = data.draw(institution_codes(kind=kind, parent="32"))
    assert code.startswith("32.")
    assert code_fits_kind(code, kind)


@given(institutions(autonomous=False))
@LIGHT
def test_only_regencies_and_cities_are_administrative(institution):
    assert not institution.autonomous
    assert institution.kind in (InstitutionKind.REGENCY, InstitutionKind.CITY)


@given(slugs(max_size=128), texts(), http_urls())
@LIGHT
def test_identifiers_and_texts_match_the_format(slug, text, url):
    from ranham.model._checks import HTTP_URL, SLUG

    assert SLUG.ok(slug)
    assert text.strip()
    assert HTTP_URL.ok(url)


@given(period_schemes())
@LIGHT
def test_schemes_are_in_month_order_without_repeats(scheme):
    months = [code.month for code in scheme]
    assert months == sorted(set(months))
    assert scheme


@given(plan=plans(), data=st.data())
@LIGHT
def test_catalog_windows_satisfy_the_catalog_rules(plan, data):
    year = data.draw(st.sampled_from(plan.years))
    found = data.draw(catalog_windows(plan, year=year))
    Catalog(plan=plan, year=year, windows=found, actions=())  # checks every window rule
    for code, window in found.items():
        assert window.closes >= plan.period_days(code, year)[1]


@given(timestamps(years=[2022]), utc_offsets())
@LIGHT
def test_timestamps_are_aware_and_survive_the_format(moment, offset):
    assert moment.utcoffset() is not None
    written = io.format_timestamp(moment)
    assert parse_timestamp(written) == moment
    assert moment.astimezone(offset) == moment


@given(dates(years=[2024]), period_codes(scheme=[PeriodCode.B08]))
@LIGHT
def test_small_value_knobs_hold(day, code):
    assert day.year == 2024
    assert code is PeriodCode.B08


@pytest.mark.parametrize(
    "make",
    [
        lambda: datasets(years=[]),
        lambda: datasets(years=[99999]),
        lambda: datasets(min_institutions=3, max_institutions=2),
        lambda: datasets(plan=RANHAM_2021_2025, years=[2015]),
        lambda: catalogs(tiers=["kl"]),
        lambda: reports(statuses=[]),
        lambda: institutions(kinds=[InstitutionKind.MINISTRY], autonomous=False),
        lambda: institution_codes(kind=InstitutionKind.PROVINCE, parent="32"),
        lambda: plans(schemes=[(PeriodCode.B12, PeriodCode.B04)]),
        lambda: plans(timezones=["Mars/Olympus"]),
        lambda: documents("laporan"),
        lambda: slugs(max_size=0),
        lambda: catalog_windows(RANHAM_2021_2025, year=2030),
        lambda: actions(tiers=[Tier.KL], agencies=[]),
        lambda: action_entries(
            action=Action(
                id="a",
                tier=Tier.PROVINCE,
                number=1,
                target_group=RANHAM_2021_2025.target_groups[0],
                title="t",
                measures=(SuccessMeasure(id="m", period=PeriodCode.B04, description="d"),),
            ),
            period=PeriodCode.B08,
        ),
    ],
)
def test_bad_knobs_are_refused_when_the_strategy_is_made(make):
    with pytest.raises(InvalidArgument):
        make()


def test_plan_time_zones_are_indonesian_by_default():
    from ranham.strategies import INDONESIAN_ZONES

    for name in INDONESIAN_ZONES:
        assert zone(name) is not None

"""Every corruption family breaks a valid document in exactly the one way it promises."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import ranham
from ranham import io
from ranham.strategies import (
    CORRUPTION_CODES,
    CORRUPTION_FAMILIES,
    CORRUPTION_KINDS,
    Corruption,
    applicable,
    catalogs,
    corrupted,
    documents,
)
from ranham.strategies._corrupt import FAMILIES, _in_context
from ranham.validation import validate
from ranham.validation.codes import CODES, FATAL, REGION_CODES
from tests.conftest import SPEC, examples

SPEC_CATALOG = io.load(SPEC / "catalog.json")
SPEC_REPORT = io.load(SPEC / "report.json")

READY = tuple(CORRUPTION_FAMILIES)


def _family_params(names):
    return list(names)


FAMILY = settings(
    max_examples=examples(20), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _found(corruption: Corruption) -> list[tuple[str, str]]:
    return [(issue.code, issue.pointer) for issue in corruption.validate().issues]


def test_there_is_a_family_for_every_code_a_document_can_show():
    about_the_run = {"too-many-issues", "internal"}  # not one defect of a document
    expected = set(CODES) - {"unreadable"} - REGION_CODES - about_the_run
    assert set(CORRUPTION_CODES) == expected
    assert list(CORRUPTION_CODES) == [c for c in CODES if c in expected]  # format.md's order
    assert [FAMILIES[n].code for n in CORRUPTION_FAMILIES] == [  # families in the same order
        c for c in CORRUPTION_CODES for n in CORRUPTION_FAMILIES if FAMILIES[n].code == c
    ]
    assert all(n == FAMILIES[n].code or n.startswith(FAMILIES[n].code + ".") for n in FAMILIES)


def _context(corruption: Corruption):
    context = corruption.context
    return io.to_dict(context) if isinstance(context, ranham.Dataset) else context


@pytest.mark.parametrize("name", _family_params(CORRUPTION_FAMILIES))
@given(data=st.data())
@FAMILY
def test_each_family_raises_exactly_its_code_at_its_pointer(name, data):
    corruption = data.draw(corrupted(family=name))
    code = corruption.code
    assert corruption.family == name
    assert code == FAMILIES[name].code
    assert validate(corruption.original, catalog=_context(corruption)).issues == ()
    result = corruption.validate()
    assert [(i.code, i.pointer) for i in result.issues] == [(code, corruption.pointer)]
    assert result.valid is (CODES[code].value == "warning")
    assert corruption.severity == CODES[code].value
    raw = FAMILIES[name].raw
    assert isinstance(corruption.document, bytes) is raw
    assert raw is (code in _RAW or code == "inexact-number")
    if not raw:  # the same document as bytes gives the same issue, now with a position
        issues = validate(
            corruption.content,
            catalog=_context(corruption),
            max_size=corruption.max_size or 2**28,
        ).issues
        assert [(i.code, i.pointer) for i in issues] == [(code, corruption.pointer)]
        assert issues[0].line is not None or issues[0].pointer == ""


_RAW = {
    "encoding",
    "json-syntax",
    "too-large",
    "too-deep",
    "duplicate-key",
    "non-finite-number",
    "not-an-object",
    "unknown-kind",
    "unsupported-version",
}


PAIRS = [(name, kind) for name in READY for kind in sorted(FAMILIES[name].bases)]


@given(pair=st.sampled_from(PAIRS), data=st.data())
@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_families_break_documents_of_the_kinds_asked_for(pair, data):
    name, kind = pair
    corruption = data.draw(corrupted(family=name, kinds=[kind]))
    assert corruption.kind == kind
    assert _found(corruption) == [(FAMILIES[name].code, corruption.pointer)]


def test_the_kinds_of_a_code_are_those_of_its_families():
    assert CORRUPTION_KINDS["duplicate-id"] == {"catalog", "report", "dataset", "forum"}
    assert CORRUPTION_KINDS["incomplete-report"] == {"report"}
    assert CORRUPTION_KINDS["inexact-number"] == {"catalog", "report", "dataset", "forum"}


def test_every_kind_can_be_broken_in_many_ways():
    for kind in ("catalog", "report", "dataset", "forum"):
        assert sum(kind in kinds for kinds in CORRUPTION_KINDS.values()) >= 15


@given(data=st.data(), document=documents())
@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_given_document_gains_the_promised_issue_and_no_other(data, document):
    before = {(i.code, i.pointer) for i in validate(document).issues}
    names = list(applicable(document))
    name = data.draw(st.sampled_from(names))
    corruption = data.draw(corrupted(document, family=name))
    assert corruption.original == document
    assert corruption.family == name
    found = _found(corruption)
    promised = (corruption.code, corruption.pointer)
    assert promised in found
    if corruption.code in FATAL:
        assert found == [promised]
    else:
        assert set(found) - {promised} <= before


def test_the_spec_catalog_can_be_broken_in_many_ways():
    document = io.to_dict(SPEC_CATALOG)

    names = list(applicable(SPEC_CATALOG))

    @given(st.sampled_from(names).flatmap(lambda n: corrupted(SPEC_CATALOG, family=n)))
    @settings(max_examples=examples(50), deadline=None)
    def check(corruption):
        assert (corruption.code, corruption.pointer) in _found(corruption)

    check()
    assert validate(document).issues == ()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: corrupted(code="unreadable"), "file system or a region table"),
        (lambda: corrupted(code="region-unknown"), "file system or a region table"),
        (lambda: corrupted(code="typo"), "no corruption family"),
        (lambda: corrupted(code="too-many-issues"), "a run of the validator"),
        (lambda: corrupted(code="internal"), "a run of the validator"),
        (lambda: corrupted(family="duplicate-id.typo"), "is not a corruption family"),
        (lambda: corrupted(code="invalid-value", family="duplicate-id"), "not 'invalid-value'"),
        (lambda: corrupted(catalog=SPEC_CATALOG, kinds=["catalog"]), "kinds= to include report"),
        (lambda: corrupted(catalog={"kind": "catalog"}), "must be a valid catalog or dataset"),
        (lambda: corrupted(catalog=[1]), "must be a Catalog or Dataset"),
        (lambda: corrupted(catalog=io.to_dict(SPEC_REPORT)), "(got a report)"),
        (lambda: corrupted(SPEC_REPORT, code="incomplete-report"), "nothing it can break"),
        (
            lambda: corrupted(code="year-outside-plan", catalog=SPEC_CATALOG),
            "never breaks a report document checked against catalog=",
        ),
        (lambda: corrupted({"kind": "report"}), "must be a valid document"),
        (lambda: corrupted(SPEC_CATALOG, code="declared-exceeded"), "breaks forum documents"),
        (lambda: corrupted(SPEC_CATALOG, kinds=["report"]), "kinds= excludes catalog"),
        (lambda: corrupted(code="not-assigned", kinds=["report"]), "never breaks a report"),
        (lambda: corrupted(kinds=["laporan"]), "kinds= must name"),
        (lambda: corrupted([1, 2]), "a document object or a JSON dict"),
    ],
)
def test_impossible_corruptions_are_refused(make, message):
    with pytest.raises(InvalidArgument, match=message):
        make()


@given(corrupted(code="too-large"))
@settings(max_examples=10, deadline=None)
def test_too_large_promises_a_limit_below_the_size(corruption):
    assert corruption.max_size is not None
    assert len(corruption.content) > corruption.max_size
    assert validate(corruption.content).valid  # within the default limit it is fine


@given(corrupted(code="too-deep"))
@settings(max_examples=10, deadline=None)
def test_too_deep_points_at_the_first_value_at_depth_65(corruption):
    assert corruption.pointer.count("/") == 65 - 1


# --- reports checked against the caller's catalog or dataset ------------------------------------

SPEC_DATASET = io.load(SPEC / "dataset.json")
IN_CONTEXT = tuple(n for n in CORRUPTION_FAMILIES if _in_context(FAMILIES[n]))


def test_the_families_that_break_reports_against_a_context():
    assert set(IN_CONTEXT) == {n for n in CORRUPTION_FAMILIES if "report" in FAMILIES[n].bases} | {
        "unknown-reference",
        "period-mismatch",
        "not-assigned",
        "late-submission",
        "early-submission",
    }
    assert "incomplete-report" in IN_CONTEXT
    assert "window-invalid" not in IN_CONTEXT


@pytest.mark.parametrize("name", _family_params(IN_CONTEXT))
@given(data=st.data())
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_each_family_breaks_a_report_that_fits_the_callers_catalog(name, data):
    catalog = data.draw(st.one_of(st.just(SPEC_CATALOG), catalogs()))
    corruption = data.draw(corrupted(family=name, catalog=catalog))
    assert corruption.context is catalog
    assert corruption.kind == "report"
    original = io.from_dict(corruption.original, kind=ranham.Report)
    assert original.period in catalog.periods
    assert {e.action for e in original.entries} <= {a.id for a in catalog.actions}
    assert validate(corruption.original, catalog=catalog).issues == ()
    code = FAMILIES[name].code
    assert _found(corruption) == [(code, corruption.pointer)]
    assert corruption.validate(catalog=catalog) == corruption.validate()


def test_a_family_rarely_met_in_a_drawn_report_passes_the_filtering_health_check():
    # Most reports drawn for a catalog are not verified, or assess nothing, so most give
    # assessment-missing nothing to break: filtering them away failed Hypothesis' filter_too_much
    # health check in about 1 run in 100 (this seed with Hypothesis 6.170 did). A user's test
    # of the public strategy would fail the same way.
    @seed(141)
    @given(data=st.data())
    @settings(max_examples=8, database=None, suppress_health_check=[HealthCheck.too_slow])
    def body(data):
        catalog = data.draw(st.one_of(st.just(SPEC_CATALOG), catalogs()))
        corruption = data.draw(corrupted(family="assessment-missing", catalog=catalog))
        assert corruption.code == "assessment-missing"

    body()


@pytest.mark.parametrize("name", ["not-assigned", "unknown-reference"])
@given(data=st.data())
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_families_break_a_report_that_fits_the_callers_dataset(name, data):
    corruption = data.draw(corrupted(family=name, catalog=SPEC_DATASET))
    assert corruption.context is SPEC_DATASET
    institution = corruption.original["institution"]
    assert institution in {i.code for i in SPEC_DATASET.institutions}
    assert _found(corruption) == [(FAMILIES[name].code, corruption.pointer)]


@given(data=st.data())
@settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_reports_drawn_for_a_dataset_name_its_institutions_and_assigned_actions(data):
    corruption = data.draw(corrupted(catalog=SPEC_DATASET))
    original = io.from_dict(corruption.original, kind=ranham.Report)
    assert SPEC_DATASET.institution(original.institution)  # listed
    assigned = {a.id for a in SPEC_DATASET.assigned_actions(original.institution)}
    owed = {
        m.id
        for a in SPEC_DATASET.catalog.actions
        if a.id in assigned
        for m in a.measures_for(original.period.code)
    }
    assert {m.measure for e in original.entries for m in e.measures} == owed  # complete
    assert {e.action for e in original.entries} <= assigned


def test_a_report_is_judged_by_the_context_it_is_checked_against():
    @given(corrupted(family="not-assigned", catalog=SPEC_CATALOG))
    @settings(max_examples=10, deadline=None)
    def check(corruption):
        assert _found(corruption) == [("not-assigned", corruption.pointer)]
        assert validate(corruption.document).issues == ()  # alone, nothing says it is wrong

    check()


@given(corrupted(code="incomplete-report"))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_family_that_needs_a_context_draws_one_and_says_so(corruption):
    assert isinstance(corruption.context, ranham.Catalog)
    assert corruption.kind == "report"
    assert validate(corruption.original, catalog=corruption.context).issues == ()
    assert corruption.pointer == "/entries"


@given(data=st.data(), document=documents())
@settings(max_examples=examples(20), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_applicable_names_exactly_the_families_that_accept_the_document(data, document):
    names = applicable(document)
    assert list(names) == [n for n in CORRUPTION_FAMILIES if n in names]  # in family order
    name = data.draw(st.sampled_from(CORRUPTION_FAMILIES))
    if name in names:
        assert data.draw(corrupted(document, family=name)).family == name
    else:
        with pytest.raises(InvalidArgument):
            corrupted(document, family=name)


def test_applicable_against_a_catalog_adds_what_the_catalog_reveals():
    alone = set(applicable(SPEC_REPORT))
    against = set(applicable(SPEC_REPORT, catalog=SPEC_CATALOG))
    assert against - alone == {  # its only action is assigned to it: nothing is not-assigned
        "unknown-reference",
        "period-mismatch",
        "late-submission",
        "early-submission",
        "incomplete-report",
    }
    assert alone <= against
    assert "window-invalid" in applicable(SPEC_CATALOG)
    with pytest.raises(InvalidArgument, match="valid document against catalog="):
        applicable(io.to_dict(SPEC_REPORT) | {"period": "2022-B06"}, catalog=SPEC_CATALOG)


@pytest.mark.parametrize(
    ("literal", "inexact"),
    [
        ("0.1", False),
        ("1e2", False),
        ("2.5", False),
        ("12345678901234567.89", True),
        ("0.30000000000000000001", True),
        ("1e-400", True),
    ],
)
def test_the_inexact_numbers_are_those_of_the_format(literal, inexact):
    from ranham.strategies._additions import is_inexact

    assert is_inexact(literal) is inexact  # format.md: Decimal(text) != Decimal(repr(float(text)))


@given(corrupted(family="inexact-number"))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_inexact_number_writes_a_number_a_double_cannot_hold_in_extensions(corruption):
    from ranham.strategies._additions import is_inexact

    assert isinstance(corruption.document, bytes)
    assert "/extensions/" in corruption.pointer + "/"
    data = json.loads(corruption.document, parse_float=str)  # the text of every number
    value = data
    for segment in corruption.pointer.split("/")[1:]:
        key = segment.replace("~1", "/").replace("~0", "~")
        value = value[int(key)] if isinstance(value, list) else value[key]
    assert isinstance(value, str)
    assert is_inexact(value)


def test_a_malformed_agency_code_is_responsible_invalid_not_invalid_value() -> None:
    """The validator reports a malformed code in ``responsible`` as ``responsible-invalid``; the
    ``invalid-value`` family once wrote one there and broke its promise on a rare draw."""
    from ranham.strategies._domain import responsible_targets
    from ranham.strategies._shapes import facts
    from ranham.strategies._structure import invalid_value_targets

    catalog = json.loads((SPEC / "catalog.json").read_text(encoding="utf-8"))
    catalog["actions"][0].update(tier="kl", responsible=["kemensos"])
    known = facts(catalog)
    paths = [path for path, _ in invalid_value_targets(catalog, known)]
    assert ("actions", 0, "tier") in paths  # the scan reached the action
    assert not [p for p in paths if "responsible" in p]
    assert (0, "pattern") in responsible_targets(catalog, known)

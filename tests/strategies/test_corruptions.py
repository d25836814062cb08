"""Every corruption family breaks a valid document in exactly the one way it promises."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ranham import io
from ranham.strategies import (
    CORRUPTION_CODES,
    CORRUPTION_KINDS,
    Corruption,
    corrupted,
    documents,
)
from ranham.validation import validate
from ranham.validation.codes import CODES, FATAL, REGION_CODES
from tests.conftest import SPEC

SPEC_CATALOG = io.load(SPEC / "catalog.json")

FAMILY = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _found(corruption: Corruption) -> list[tuple[str, str]]:
    return [(issue.code, issue.pointer) for issue in corruption.validate().issues]


def test_there_is_a_family_for_every_code_a_document_can_show():
    expected = set(CODES) - {"unreadable"} - REGION_CODES
    assert set(CORRUPTION_CODES) == expected
    assert list(CORRUPTION_CODES) == [c for c in CODES if c in expected]  # format.md's order


@pytest.mark.parametrize("code", CORRUPTION_CODES)
@given(data=st.data())
@FAMILY
def test_each_family_raises_exactly_its_code_at_its_pointer(code, data):
    corruption = data.draw(corrupted(code=code))
    assert corruption.code == code
    assert validate(corruption.original).issues == ()
    result = corruption.validate()
    assert [(i.code, i.pointer) for i in result.issues] == [(code, corruption.pointer)]
    assert result.valid is (CODES[code].value == "warning")
    assert corruption.severity == CODES[code].value
    raw = code in _RAW
    assert isinstance(corruption.document, bytes) is raw
    if not raw:  # the same document as bytes gives the same issue, now with a position
        issues = validate(corruption.content, max_size=corruption.max_size or 2**28).issues
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


PAIRS = [(code, kind) for code, kinds in CORRUPTION_KINDS.items() for kind in sorted(kinds)]


@given(pair=st.sampled_from(PAIRS), data=st.data())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_families_break_documents_of_the_kinds_asked_for(pair, data):
    code, kind = pair
    corruption = data.draw(corrupted(code=code, kinds=[kind]))
    assert corruption.kind == kind
    assert _found(corruption) == [(code, corruption.pointer)]


def test_every_kind_can_be_broken_in_many_ways():
    for kind in ("catalog", "report", "dataset", "forum"):
        assert sum(kind in kinds for kinds in CORRUPTION_KINDS.values()) >= 15


@given(data=st.data(), document=documents())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_given_document_gains_the_promised_issue_and_no_other(data, document):
    before = {(i.code, i.pointer) for i in validate(document).issues}
    corruption = data.draw(corrupted(document))
    assert corruption.original == document
    found = _found(corruption)
    promised = (corruption.code, corruption.pointer)
    assert promised in found
    if corruption.code in FATAL:
        assert found == [promised]
    else:
        assert set(found) - {promised} <= before


def test_the_spec_catalog_can_be_broken_in_many_ways():
    document = io.to_dict(SPEC_CATALOG)

    @given(corrupted(SPEC_CATALOG))
    @settings(max_examples=50, deadline=None)
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

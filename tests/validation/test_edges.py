"""Boundaries at equality (issue 19): each rule of format.md that allows equality, at equality.

Every test here names the mutation it kills: turning a ``<=`` of a rule into ``<`` (or ``<``
into ``<=``) in ``ranham.validation._rules``, ``ranham.validation._walk``,
``ranham.validation._json`` or the model's constructors (the fast path) makes it fail. Each
edge is checked on both validation paths (:mod:`tests.validation._paths`): the fast one proves
a valid document valid with the model's constructors, the careful one with the walk and the
rules, and a mutation in either must be caught.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ranham import io
from ranham.validation import ValidationResult, catalog_view, validate
from tests.conftest import examples

from ._paths import PATHS, validate_on

SPEC = Path(__file__).parent.parent / "data" / "spec"
MAX_DOUBLE_INT = int(1.7976931348623157e308)
"""The largest double, as the integer it is exactly (309 digits)."""


def _spec(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SPEC / f"{name}.json").read_text())
    return loaded


def _text(document: dict[str, Any]) -> bytes:
    """The document as JSON text (orjson refuses integers beyond 64 bits; json does not)."""
    return json.dumps(document).encode()


def _clean(path: str, result: ValidationResult) -> bool:
    """No issue; on the fast path, proved so by the fast path itself (it built the document).

    A fast path stricter than the rules falls back to the careful walk, which finds nothing:
    only the built document shows that the fast path accepted the edge too.
    """
    return result.issues == () and (path == "careful" or result.document is not None)


def _errors(result: ValidationResult) -> list[tuple[str, str]]:
    return [(i.code, i.pointer) for i in result.errors]


# --- plan years, catalog year ---------------------------------------------------------------------


@pytest.mark.parametrize("path", PATHS)
def test_a_plan_of_one_year_is_valid(path: str) -> None:
    # kills `end < start` -> `end <= start` (_rules._check_plan, ActionPlan.__attrs_post_init__),
    # and `start <= year <= end` -> `start < year ...` or `... year < end` (year-outside-plan)
    catalog = _spec("catalog")
    catalog["plan"]["start_year"] = catalog["plan"]["end_year"] = catalog["year"]
    assert _clean(path, validate_on(path, catalog))


@pytest.mark.parametrize("path", PATHS)
def test_a_plan_ending_the_year_before_it_starts_is_invalid(path: str) -> None:
    catalog = _spec("catalog")
    catalog["plan"]["start_year"] = 2022
    catalog["plan"]["end_year"] = 2021
    result = validate_on(path, catalog)
    assert _errors(result) == [("invalid-value", "/plan/end_year")]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(("year", "code"), [(2020, "year-outside-plan"), (2021, None)])
def test_the_catalog_year_at_the_plans_first_year(path: str, year: int, code: str | None) -> None:
    catalog = _spec("catalog")
    catalog["plan"]["start_year"] = 2021
    catalog["year"] = year
    for window in catalog["windows"].values():
        for key in ("opens", "closes"):
            window[key] = str(year) + window[key][4:]
    result = validate_on(path, catalog)
    assert [i.code for i in result.errors] == ([code] if code else [])


# --- windows --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PATHS)
def test_a_window_of_one_day_opening_on_the_first_day_of_its_period_is_valid(path: str) -> None:
    # kills `closes < opens` -> `closes <= opens` (reversed) and
    # `opens < first_day` -> `opens <= first_day` (early), in _rules and in Catalog
    catalog = _spec("catalog")
    catalog["windows"]["B04"] = {"opens": "2022-01-01", "closes": "2022-01-01"}
    catalog["windows"]["B08"] = {"opens": "2022-05-01", "closes": "2022-09-06"}
    assert _clean(path, validate_on(path, catalog))


@pytest.mark.parametrize("path", PATHS)
def test_a_window_opening_the_day_after_the_previous_one_closes_is_valid(path: str) -> None:
    # kills `previous.closes >= opens` -> `previous.closes > opens` ... the other way round:
    # the day after is fine, the same day overlaps (next test)
    catalog = _spec("catalog")
    catalog["windows"]["B08"] = {"opens": "2022-05-06", "closes": "2022-09-06"}
    assert _clean(path, validate_on(path, catalog))


@pytest.mark.parametrize("path", PATHS)
def test_a_window_opening_the_day_the_previous_one_closes_overlaps(path: str) -> None:
    # kills `previous[1] >= opens_day` -> `previous[1] > opens_day` (format.md: closes < next.opens)
    catalog = _spec("catalog")
    catalog["windows"]["B08"] = {"opens": "2022-05-05", "closes": "2022-09-06"}
    result = validate_on(path, catalog)
    assert _errors(result) == [("window-invalid", "/windows/B08")]
    (issue,) = result.errors
    assert issue.key == "window-invalid.overlap"
    assert dict(issue.params) == {
        "period": "B08",
        "opens": "2022-05-05",
        "previous": "B04",
        "previous_closes": "2022-05-05",
    }


@pytest.mark.parametrize("path", PATHS)
def test_a_window_opening_the_day_before_its_period_is_early(path: str) -> None:
    catalog = _spec("catalog")
    catalog["windows"]["B08"] = {"opens": "2022-04-30", "closes": "2022-09-06"}
    catalog["windows"]["B04"] = {"opens": "2022-04-01", "closes": "2022-04-29"}
    result = validate_on(path, catalog)
    assert _errors(result) == [("window-invalid", "/windows/B08")]
    assert result.errors[0].key == "window-invalid.early"
    assert result.errors[0].params["first_day"] == "2022-05-01"


# --- submission time against the window -----------------------------------------------------------


def _submitted_on(day: date, hour: str = "10:00:00+07:00") -> dict[str, Any]:
    """The spec's report, submitted once on ``day`` (local time in Asia/Jakarta), no assessment."""
    report = _spec("report")
    report["status"] = "submitted"
    report["history"] = [{"status": "submitted", "at": f"{day.isoformat()}T{hour}"}]
    for entry in report["entries"]:
        for measure in entry["measures"]:
            del measure["assessment"]
    return report


OPENS, CLOSES = date(2022, 4, 28), date(2022, 5, 5)  # the B04 window of the spec's catalog


@settings(max_examples=examples(30), deadline=None)
@given(offset=st.integers(-3, 10), path=st.sampled_from(PATHS))
def test_a_submission_is_on_time_exactly_inside_its_window(offset: int, path: str) -> None:
    # law (format.md): on time when opens <= local date <= closes, late after, early before.
    # kills `local > closes` -> `local >= closes` and `local < opens` -> `local <= opens`
    day = OPENS + timedelta(days=offset)
    result = validate_on(path, _submitted_on(day), catalog=SPEC / "catalog.json")
    expected = ["late-submission"] if day > CLOSES else ["early-submission"] if day < OPENS else []
    assert [i.code for i in result.issues] == expected
    assert path == "careful" or result.document is not None  # warnings only: the fast path


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    ("at", "code"),
    [
        ("2022-05-05T23:59:59+07:00", None),  # the last second of the closing day, in Jakarta
        ("2022-05-05T17:00:00Z", "late-submission"),  # 00:00 on 6 May in Jakarta
        ("2022-04-27T17:00:00Z", None),  # 00:00 on 28 April in Jakarta: the opening day
        ("2022-04-28T01:59:59+09:00", "early-submission"),  # 28 April in Jayapura, 27 in Jakarta
    ],
)
def test_the_window_is_judged_in_the_plans_time_zone(path: str, at: str, code: str | None) -> None:
    report = _submitted_on(OPENS)
    report["history"][0]["at"] = at
    result = validate_on(path, report, catalog=SPEC / "catalog.json")
    assert [i.code for i in result.issues] == ([code] if code else [])
    assert path == "careful" or result.document is not None  # warnings only: the fast path


# --- report history, forum dates ------------------------------------------------------------------


@pytest.mark.parametrize("path", PATHS)
def test_two_status_changes_at_the_same_time_are_in_order(path: str) -> None:
    # kills `at < previous_at` -> `at <= previous_at` (_rules._check_history, Report)
    report = _spec("report")
    same = report["history"][1]["at"]
    report["history"][2]["at"] = same
    assert _clean(path, validate_on(path, report))


@pytest.mark.parametrize("path", PATHS)
def test_a_status_change_a_second_earlier_is_out_of_order(path: str) -> None:
    report = _spec("report")
    report["history"][2]["at"] = "2022-05-08T08:59:59+07:00"
    result = validate_on(path, report)
    assert _errors(result) == [("history-order", "/history/2/at")]
    assert dict(result.errors[0].params) == {
        "got": "2022-05-08T08:59:59+07:00",
        "previous": "2022-05-08T09:00:00+07:00",
    }


def _forum(start: str, end: str, *follow_ups: str) -> dict[str, Any]:
    forum = _spec("forum")
    forum["start_date"], forum["end_date"] = start, end
    forum["declared"] = {"panranham": 1, "pelaksana": 0}
    forum["recommendations"][0]["follow_ups"] = [
        {"on": on, "status": "in_progress"} for on in follow_ups
    ]
    return forum


@pytest.mark.parametrize("path", PATHS)
def test_a_forum_of_one_day_with_follow_ups_on_that_day_is_valid(path: str) -> None:
    # kills `end < start` -> `end <= start` (forum dates), `on < start` -> `on <= start` and
    # `on < previous` -> `on <= previous` (follow-up-order: equal dates allowed)
    forum = _forum("2022-08-24", "2022-08-24", "2022-08-24", "2022-08-24")
    assert _clean(path, validate_on(path, forum))


@pytest.mark.parametrize("path", PATHS)
def test_a_follow_up_the_day_before_the_forum_is_out_of_order(path: str) -> None:
    result = validate_on(path, _forum("2022-08-24", "2022-08-24", "2022-08-23"))
    assert _errors(result) == [("follow-up-order", "/recommendations/0/follow_ups/0/on")]
    assert dict(result.errors[0].params) == {"got": "2022-08-23", "start": "2022-08-24"}


@pytest.mark.parametrize("path", PATHS)
def test_a_forum_ending_the_day_before_it_starts_is_invalid(path: str) -> None:
    result = validate_on(path, _forum("2022-08-24", "2022-08-23"))
    assert _errors(result) == [("invalid-value", "/end_date")]


# --- integers: 2**53 and the largest double -------------------------------------------------------


def _declared(value: int) -> dict[str, Any]:
    forum = _forum("2022-08-24", "2022-08-26")
    forum["declared"]["pelaksana"] = value
    return forum


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("given_as", ["text", "dict"])
@pytest.mark.parametrize(
    ("value", "code"),
    [
        (2**53, "recommendations-incomplete"),  # format.md: integers within ±2^53, included
        (2**53 + 1, "invalid-value"),
        (2**64, "invalid-value"),  # beyond orjson's 64 bits: the careful parser reads it
        (MAX_DOUBLE_INT, "invalid-value"),  # the largest double: still a finite number
        (MAX_DOUBLE_INT + 1, "non-finite-number"),
        (-MAX_DOUBLE_INT, "invalid-value"),
        (-MAX_DOUBLE_INT - 1, "non-finite-number"),
    ],
)
def test_integers_at_the_bounds_of_the_format_and_of_a_double(
    path: str, given_as: str, value: int, code: str
) -> None:
    # kills `-MAX_DOUBLE <= value <= MAX_DOUBLE` -> `<` on either side (_walk._integer, _json._int),
    # `low <= value <= high` -> `<` (the ±2^53 bounds), and a check that forgets either sign
    forum = _declared(value)
    source: Any = _text(forum) if given_as == "text" else forum
    result = validate_on(path, source)
    assert [(i.code, i.pointer) for i in result.issues] == [(code, "/declared/pelaksana")]
    if result.valid:  # a warning only: the fast path must have accepted the value itself
        assert path == "careful" or result.document is not None


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("given_as", ["text", "dict"])
@pytest.mark.parametrize("value", [MAX_DOUBLE_INT, -MAX_DOUBLE_INT, 2**64, -(2**64)])
def test_integers_in_extensions_up_to_the_largest_double_are_kept(
    path: str, given_as: str, value: int
) -> None:
    # kills the same bounds in _walk._free and _build._freeze (extensions)
    report = _spec("report")
    report["extensions"] = {"big": value}
    source: Any = _text(report) if given_as == "text" else report
    result = validate_on(path, source)
    assert _clean(path, result)
    assert result.value is not None
    assert result.value["extensions"]["big"] == value


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("given_as", ["text", "dict"])
@pytest.mark.parametrize(
    "value",
    [MAX_DOUBLE_INT + 1, -MAX_DOUBLE_INT - 1, 10**4299, 10**4300 - 1, -(10**4300 - 1)],
    ids=["max+1", "-max-1", "10^4299", "10^4300-1", "-(10^4300-1)"],
)
def test_integers_in_extensions_beyond_a_double_are_kept_exactly(
    path: str, given_as: str, value: int
) -> None:
    """format.md 2026-12-03: an integer inside extensions is kept exactly at any size and is
    never non-finite-number, up to MAX_INTEGER_DIGITS (4,300) digits (the design page)."""
    report = _spec("report")
    report["extensions"] = {"big": [value]}
    source: Any = _text(report) if given_as == "text" else report
    result = validate_on(path, source)
    assert result.issues == ()
    assert result.value is not None
    assert result.value["extensions"]["big"] == [value]
    assert json.loads(io.dumps(result.document))["extensions"]["big"] == [value]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    "digits",
    ["1" + "0" * 4300, "-1" + "0" * 4300, "9" * 20000],
    ids=["10^4300", "-10^4300", "20000-nines"],
)
def test_an_integer_longer_than_the_limit_is_non_finite(path: str, digits: str) -> None:
    """Reading a longer literal would cost time quadratic in its length (and Python refuses to
    write one): more than 4,300 digits is ``non-finite-number``, as text and as a dict."""
    report = _spec("report")
    report["extensions"] = {"big": "BIG"}
    text = json.dumps(report).replace('"BIG"', digits).encode()
    issues = validate_on(path, text).issues
    assert [(i.code, i.pointer) for i in issues] == [("non-finite-number", "/extensions/big")]
    report["extensions"] = {"big": 10**4300 if digits[0] != "-" else -(10**4300)}
    issues = validate_on(path, report).issues
    assert [(i.code, i.pointer) for i in issues] == [("non-finite-number", "/extensions/big")]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("given_as", ["text", "dict"])
def test_outside_extensions_an_integer_beyond_a_double_is_still_non_finite(
    path: str, given_as: str
) -> None:
    catalog = _spec("catalog")
    catalog["actions"][0]["number"] = MAX_DOUBLE_INT + 1
    source: Any = _text(catalog) if given_as == "text" else catalog
    issues = validate_on(path, source).issues
    assert [(i.code, i.pointer) for i in issues] == [("non-finite-number", "/actions/0/number")]


# --- the depth limit ------------------------------------------------------------------------------


def _nested(levels: int) -> Any:
    """``levels`` nested arrays around a 0."""
    value: Any = 0
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("given_as", ["text", "dict"])
@pytest.mark.parametrize("member", ["zzz", "extensions"])
def test_the_depth_limit_is_reached_under_any_member(path: str, given_as: str, member: str) -> None:
    # format.md: the document is at depth 1, any value at depth 65 or more is too-deep. Under an
    # unknown member as under extensions. kills `level > MAX_DEPTH` -> `>=` (and `>` -> `> +1`)
    # in _json (text), _walk._free (careful) and _build._freeze (fast)
    def document(levels: int) -> Any:
        report = _spec("report")
        report[member] = {"a": _nested(levels)} if member == "extensions" else _nested(levels)
        return _text(report) if given_as == "text" else report

    inner = 61 if member == "extensions" else 62  # extensions adds the object level of "a"
    at_limit = validate_on(path, document(inner))  # the 0 is at depth 64
    beyond = validate_on(path, document(inner + 1))  # the 0 is at depth 65
    if member == "extensions":
        assert _clean(path, at_limit)
    else:
        assert [i.code for i in at_limit.issues] == ["unknown-field"]
    assert [i.code for i in beyond.issues] == ["too-deep"]
    prefix = "/extensions/a" if member == "extensions" else "/zzz"
    assert beyond.issues[0].pointer == prefix + "/0" * (inner + 1)


def test_the_spec_examples_are_at_their_edges_unchanged() -> None:
    # the fixtures the tests above change are valid as shipped
    for name in ("catalog", "report", "dataset"):
        assert validate(SPEC / f"{name}.json").valid
    report = validate(SPEC / "report.json", catalog=catalog_view(SPEC / "catalog.json"))
    assert report.issues == ()
    assert orjson.loads((SPEC / "report.json").read_bytes())["period"] == "2022-B04"
    assert copy.deepcopy(_spec("forum")) == _spec("forum")

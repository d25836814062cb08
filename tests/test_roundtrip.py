"""Lossless round trips of every document kind, of periods, and the on-time test (issue 2)."""

from __future__ import annotations

import io as stdio
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ranham import io
from ranham.model import Catalog, Dataset, Forum, Report
from ranham.periods import PeriodCode, ReportingPeriod, Timing, Window, zone
from ranham.strategies import (
    catalogs,
    datasets,
    forums,
    reporting_periods,
    reports,
    timestamps,
    windows,
)

DOCS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

KINDS = [
    pytest.param(catalogs, Catalog, id="catalog"),
    pytest.param(reports, Report, id="report"),
    pytest.param(datasets, Dataset, id="dataset"),
    pytest.param(forums, Forum, id="forum"),
]


@pytest.mark.parametrize(("strategy", "kind"), KINDS)
@given(data=st.data())
@DOCS
def test_object_to_json_to_object_is_equal(strategy, kind, data):
    document = data.draw(strategy())
    assert io.from_dict(io.to_dict(document), kind=kind) == document
    assert io.loads(io.dumps(document), kind=kind) == document
    assert io.loads(io.dumps(document, indent=True), kind=kind) == document


@pytest.mark.parametrize(("strategy", "kind"), KINDS)
@given(data=st.data())
@DOCS
def test_canonical_json_to_object_to_json_is_byte_identical(strategy, kind, data):
    document = data.draw(strategy())
    for indent in (False, True):
        canonical = io.dumps(document, indent=indent)
        assert io.dumps(io.loads(canonical), indent=indent) == canonical


@given(st.lists(st.one_of(catalogs(), reports(), forums()), max_size=4))
@DOCS
def test_json_lines_round_trip_one_document_per_line(documents):
    path_text = b"".join(io.dumps(d) + b"\n" for d in documents)
    assert list(io.iter_documents(stdio.BytesIO(path_text))) == documents


@given(reporting_periods(years=range(1000, 9001)))
def test_a_period_s_string_form_round_trips(period):
    assert ReportingPeriod.parse(str(period)) == period


@given(year=st.integers(1, 9999), code=st.sampled_from(PeriodCode))
def test_every_well_formed_period_string_round_trips(year, code):
    text = f"{year:04d}-{code.value}"
    assert str(ReportingPeriod.parse(text)) == text


# --- windows and the on-time test against a brute-force check ------------------------------------

WIB, WIT = timezone(timedelta(hours=7)), timezone(timedelta(hours=9))
ZONES = [
    "Asia/Jakarta",
    "Asia/Pontianak",
    "Asia/Makassar",
    "Asia/Jayapura",
    "UTC",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "Europe/Amsterdam",
    "America/Sao_Paulo",
    "Australia/Lord_Howe",
    "Pacific/Kiritimati",
    "America/Adak",
]


def brute_force_timing(window: Window, moment: datetime, local_day: date) -> Timing:
    """Timing by walking every day of the window (and one either side) one by one."""
    day = window.opens - timedelta(days=1)
    while day <= window.closes + timedelta(days=1):
        if day == local_day:
            break
        day += timedelta(days=1)
    else:
        return Timing.EARLY if local_day < window.opens else Timing.LATE
    if day < window.opens:
        return Timing.EARLY
    if day > window.closes:
        return Timing.LATE
    return Timing.ON_TIME


@given(
    window=windows(years=range(2015, 2031), max_days=10),
    moment=timestamps(years=range(2015, 2031)),
    name=st.sampled_from(ZONES),
    near=st.booleans(),
    shift=st.integers(-36 * 3600, 36 * 3600),
)
@example(  # 23:30 WIT on the closing day is 21:30 in Jakarta: on time
    window=Window(date(2022, 9, 1), date(2022, 9, 6)),
    moment=datetime(2022, 9, 6, 23, 30, tzinfo=WIT),
    name="Asia/Jakarta",
    near=False,
    shift=0,
)
@example(  # 00:30 WIB on the day after is late
    window=Window(date(2022, 9, 1), date(2022, 9, 6)),
    moment=datetime(2022, 9, 7, 0, 30, tzinfo=WIB),
    name="Asia/Jakarta",
    near=False,
    shift=0,
)
@settings(max_examples=300)
def test_windows_agree_with_a_brute_force_check_across_time_zones(
    window, moment, name, near, shift
):
    if near:  # most interesting instants lie around the window's ends
        edge = datetime.combine(window.closes, datetime.min.time(), tzinfo=UTC)
        moment = (edge + timedelta(seconds=shift)).astimezone(moment.tzinfo)
    local_day = moment.astimezone(ZoneInfo(name)).date()  # zoneinfo, not dateutil
    expected = brute_force_timing(window, moment, local_day)
    assert window.timing(moment, zone(name)) is expected
    assert window.is_on_time(moment, zone(name)) is (expected is Timing.ON_TIME)


@given(
    window=windows(max_days=5),
    moment=timestamps(),
    minutes=st.integers(-1439, 1439),
)
def test_windows_agree_with_utc_arithmetic_for_fixed_offsets(window, moment, minutes):
    offset = timezone(timedelta(minutes=minutes))
    naive_utc = moment.astimezone(UTC).replace(tzinfo=None)
    local_day = (naive_utc + timedelta(minutes=minutes)).date()
    assert window.timing(moment, offset) is brute_force_timing(window, moment, local_day)

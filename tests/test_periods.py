from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from ranham.errors import NaiveDatetimeError, PeriodError
from ranham.periods import PeriodCode, ReportingPeriod, Timing, Window, period_days, zone

THIRDS = (PeriodCode.B04, PeriodCode.B08, PeriodCode.B12)
QUARTERS = (PeriodCode.B04, PeriodCode.B06, PeriodCode.B09, PeriodCode.B12)


@pytest.mark.parametrize(
    ("scheme", "code", "first", "last"),
    [
        (THIRDS, PeriodCode.B04, date(2022, 1, 1), date(2022, 4, 30)),
        (THIRDS, PeriodCode.B08, date(2022, 5, 1), date(2022, 8, 31)),
        (THIRDS, PeriodCode.B12, date(2022, 9, 1), date(2022, 12, 31)),
        (QUARTERS, PeriodCode.B06, date(2022, 5, 1), date(2022, 6, 30)),
        (QUARTERS, PeriodCode.B09, date(2022, 7, 1), date(2022, 9, 30)),
        (QUARTERS, PeriodCode.B12, date(2022, 10, 1), date(2022, 12, 31)),
    ],
)
def test_period_days_follow_the_scheme(scheme, code, first, last):
    assert period_days(code, scheme, 2022) == (first, last)


def test_period_days_refuse_a_code_outside_the_scheme():
    with pytest.raises(PeriodError, match="B06 is not one of the plan's periods"):
        period_days(PeriodCode.B06, THIRDS, 2022)


@pytest.mark.parametrize(
    "text", ["2022-B4", "2022-B05", "22-B04", "2022B04", "2022-b04", " 2022-B04"]
)
def test_reporting_period_refuses_malformed_text(text):
    with pytest.raises(PeriodError, match="is not a reporting period"):
        ReportingPeriod.parse(text)


def test_reporting_periods_order_by_year_then_month():
    periods = [ReportingPeriod.parse(t) for t in ("2023-B04", "2022-B12", "2022-B04", "2022-B08")]
    assert [str(p) for p in sorted(periods)] == ["2022-B04", "2022-B08", "2022-B12", "2023-B04"]


def test_window_refuses_closing_before_opening():
    with pytest.raises(ValueError, match="'closes' must not be before 'opens'"):
        Window(date(2022, 5, 5), date(2022, 4, 28))


WIT = timezone(timedelta(hours=9))
WIB = timezone(timedelta(hours=7))
JAKARTA = zone("Asia/Jakarta")
B08 = Window(date(2022, 8, 30), date(2022, 9, 6))


@pytest.mark.parametrize(
    ("moment", "timing"),
    [
        (datetime(2022, 9, 6, 23, 30, tzinfo=WIT), Timing.ON_TIME),  # 21:30 WIB on the closing day
        (datetime(2022, 9, 7, 0, 30, tzinfo=WIB), Timing.LATE),
        (datetime(2022, 9, 6, 17, 0, tzinfo=UTC), Timing.LATE),  # 00:00 WIB on the 7th
        (datetime(2022, 9, 6, 16, 59, 59, tzinfo=UTC), Timing.ON_TIME),
        (datetime(2022, 8, 30, 0, 0, tzinfo=WIB), Timing.ON_TIME),
        (datetime(2022, 8, 29, 23, 59, tzinfo=WIB), Timing.EARLY),
        (datetime(2022, 8, 30, 0, 30, tzinfo=WIT), Timing.EARLY),  # 22:30 WIB on the 29th
    ],
)
def test_timing_takes_the_date_in_the_plan_time_zone(moment, timing):
    assert B08.timing(moment, JAKARTA) is timing
    assert B08.is_on_time(moment, JAKARTA) is (timing is Timing.ON_TIME)


def test_naive_datetimes_are_refused():
    with pytest.raises(NaiveDatetimeError, match="must carry a UTC offset"):
        B08.timing(datetime(2022, 9, 1, 10, 0), JAKARTA)


@pytest.mark.parametrize("name", ["", "Nowhere/Zone", "/etc/localtime", "../etc", "Asia/Jakarta "])
def test_zone_refuses_what_is_not_an_iana_name(name):
    with pytest.raises(ValueError, match="IANA time zone name"):
        zone(name)


@pytest.mark.parametrize("name", ["UTC+7", "Asia/Jakarta+1", "a" * 300, "EST+5"])
def test_zone_refuses_posix_tz_strings_and_long_names(name):
    with pytest.raises(ValueError, match="IANA time zone name"):
        zone(name)


@pytest.mark.parametrize(
    "name", ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "UTC", "Etc/GMT-7"]
)
def test_zone_reads_iana_names(name):
    assert zone(name).utcoffset(datetime(2022, 1, 1)) is not None


def test_reporting_periods_take_ascii_digits_only():
    with pytest.raises(PeriodError):
        ReportingPeriod.parse("٢٠٢٢-B04")

"""Reporting periods, submission windows and the on-time test.

RANHAM implementers report every four months. A period is named after its last month: ``B04``
(January–April), ``B08`` (May–August), ``B12`` (September–December). A plan lists the codes it
uses (its *scheme*): the first period starts on 1 January and each later one the day after the
previous one ends, so the 2015–2019 quarterly scheme ``B04, B06, B09, B12`` covers January–April,
May–June, July–September and October–December.

>>> from ranham.periods import PeriodCode, ReportingPeriod, period_days
>>> p = ReportingPeriod.parse("2022-B08")
>>> p.year, p.code
(2022, <PeriodCode.B08: 'B08'>)
>>> str(p)
'2022-B08'
>>> period_days(PeriodCode.B08, (PeriodCode.B04, PeriodCode.B08, PeriodCode.B12), 2022)
(datetime.date(2022, 5, 1), datetime.date(2022, 8, 31))

A submission window is an inclusive range of calendar dates *in the plan's time zone*. An
instant is on time when its local date falls inside the window:

>>> from datetime import date, datetime, timedelta, timezone
>>> from ranham.periods import Window, Timing, zone
>>> w = Window(opens=date(2022, 8, 30), closes=date(2022, 9, 6))
>>> jakarta = zone("Asia/Jakarta")
>>> wit = timezone(timedelta(hours=9))  # Jayapura, two hours ahead of Jakarta
>>> w.timing(datetime(2022, 9, 6, 23, 30, tzinfo=wit), jakarta)  # 21:30 in Jakarta
<Timing.ON_TIME: 'on_time'>
>>> w.timing(datetime(2022, 9, 7, 0, 30, tzinfo=jakarta), jakarta)
<Timing.LATE: 'late'>
"""

from __future__ import annotations

import calendar
import enum
import re
from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from functools import lru_cache
from importlib.resources import files

import attrs
from dateutil import tz

from ranham.errors import InvariantError, NaiveDatetimeError, PeriodError

__all__ = [
    "PeriodCode",
    "ReportingPeriod",
    "Timing",
    "Window",
    "check_scheme",
    "in_month_order",
    "local_date",
    "period_days",
    "local_date_text",
    "timing",
    "zone",
    "zone_names",
]


class PeriodCode(enum.Enum):
    """A reporting period code, named after the period's last month (``B04`` ends in April)."""

    B04 = "B04"
    B06 = "B06"
    B08 = "B08"
    B09 = "B09"
    B12 = "B12"

    @property
    def month(self) -> int:
        """The last month of the period (1–12)."""
        return int(self.value[1:])

    def __str__(self) -> str:
        return self.value


_PERIOD_RE = re.compile(r"([0-9]{4})-(B[0-9][0-9])")


@attrs.frozen(order=True, cache_hash=True)
class ReportingPeriod:
    """One period of one year, written ``"2022-B04"``.

    Ordered by year, then by the period's last month.
    """

    year: int = attrs.field()
    code: PeriodCode = attrs.field(order=lambda code: code.month)

    @year.validator
    def _check_year(self, _attribute: attrs.Attribute[int], value: int) -> None:
        if type(value) is not int or not 1 <= value <= 9999:
            raise PeriodError(f"'year' must be an integer from 1 to 9999 (got {value!r}).")

    @code.validator
    def _check_code(self, _attribute: attrs.Attribute[PeriodCode], value: PeriodCode) -> None:
        if not isinstance(value, PeriodCode):
            raise PeriodError(
                f"'code' must be a PeriodCode (got {value!r}); use PeriodCode({value!r})."
            )

    @classmethod
    def parse(cls, text: str) -> ReportingPeriod:
        """Read ``"YEAR-CODE"``, e.g. ``"2022-B04"``.

        >>> ReportingPeriod.parse("2022-B05")
        Traceback (most recent call last):
        ...
        ranham.errors.PeriodError: '2022-B05' is not a reporting period: expected YEAR-CODE \
with CODE one of B04, B06, B08, B09, B12, e.g. '2022-B04'.
        """
        match = _PERIOD_RE.fullmatch(text) if isinstance(text, str) else None
        if match is None or match.group(2) not in _CODES:
            raise PeriodError(
                f"{text!r} is not a reporting period: expected YEAR-CODE with CODE one of "
                f"{', '.join(_CODES)}, e.g. '2022-B04'."
            )
        return cls(int(match.group(1)), PeriodCode(match.group(2)))

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.code.value}"


_CODES = tuple(code.value for code in PeriodCode)


def check_scheme(codes: Sequence[PeriodCode]) -> None:
    """Refuse a period scheme that is empty, repeats a code or is not in month order."""
    if not codes:
        raise InvariantError("'periods' must list at least one period code (got none).")
    months = [code.month for code in codes]
    if len(set(months)) != len(months):
        raise InvariantError(
            f"'periods' must not repeat a code (got {', '.join(map(str, codes))}).",
            code="duplicate-id",
            field="periods",
        )
    if not in_month_order(codes):
        raise InvariantError(
            f"'periods' must be in month order (got {', '.join(map(str, codes))}).",
            field="periods",
        )


def in_month_order(codes: Sequence[PeriodCode]) -> bool:
    """Whether a scheme's codes come in the order of their months.

    The one definition of the order rule, for the plan's constructor and the validator.

    >>> in_month_order((PeriodCode.B04, PeriodCode.B12)), in_month_order((PeriodCode.B12,
    ...     PeriodCode.B04))
    (True, False)
    """
    months = [code.month for code in codes]
    return months == sorted(months)


def period_days(code: PeriodCode, scheme: Sequence[PeriodCode], year: int) -> tuple[date, date]:
    """The first and last day of period ``code`` in ``year`` under a plan's ``scheme``.

    The first period of a scheme starts on 1 January; each later one starts the day after the
    previous one ends. Raises :class:`~ranham.errors.PeriodError` when the scheme does not use
    ``code``.
    """
    if code not in scheme:
        raise PeriodError(
            f"period {code.value} is not one of the plan's periods "
            f"({', '.join(str(c) for c in scheme)})."
        )
    index = list(scheme).index(code)
    first_month = 1 if index == 0 else scheme[index - 1].month + 1
    last = date(year, code.month, calendar.monthrange(year, code.month)[1])
    return date(year, first_month, 1), last


@lru_cache(maxsize=64)
def zone(name: str) -> tzinfo:
    """The IANA time zone ``name`` (``"Asia/Jakarta"``), read from the ``tzdata`` package.

    Only the names of the IANA list are accepted, canonical zones and backward links alike
    (:func:`zone_names`); ``localtime``, ``posixrules``, ``Factory``, paths and POSIX TZ strings
    are refused with :class:`~ranham.errors.InvariantError` (a ``ValueError``), so that on-time
    decisions never depend on the host's own settings or files.

    >>> zone("Asia/Jakarta").utcoffset(datetime(2022, 5, 5))
    datetime.timedelta(seconds=25200)
    """
    if type(name) is not str or name not in zone_names():
        raise InvariantError(
            f"'timezone' must be an IANA time zone name such as 'Asia/Jakarta' (got {name!r}).",
            field="timezone",
        )
    with files("tzdata.zoneinfo").joinpath(*name.split("/")).open("rb") as data:
        return tz.tzfile(data, filename=name)


@lru_cache(maxsize=1)
def zone_names() -> frozenset[str]:
    """The IANA time zone names ``ranham`` accepts: those the ``tzdata`` package lists.

    >>> "Asia/Jakarta" in zone_names(), "localtime" in zone_names(), "Factory" in zone_names()
    (True, False, False)
    """
    listed = files("tzdata").joinpath("zones").read_text(encoding="utf-8").split()
    return frozenset(listed) - {"Factory"}


def is_aware(moment: datetime) -> bool:
    """Whether ``moment`` carries a UTC offset (Python's definition of an aware datetime)."""
    return moment.tzinfo is not None and moment.tzinfo.utcoffset(moment) is not None


def local_date(moment: datetime, where: tzinfo) -> date:
    """The calendar date of instant ``moment`` in time zone ``where``; naive input is refused."""
    if not isinstance(moment, datetime) or not is_aware(moment):
        raise NaiveDatetimeError(
            f"a timestamp must carry a UTC offset, e.g. 2022-12-01T09:30:00+07:00 (got {moment!r})."
        )
    return moment.astimezone(where).date()


def local_date_text(moment: datetime, where: tzinfo) -> str:
    """The ``YYYY-MM-DD`` local date of ``moment`` in ``where``, even beyond year 9999.

    An offset is less than a day, so an instant whose local date Python cannot hold lies on
    10000-01-01 or 0000-12-31 (``9999-12-31T23:59:59Z`` in Jakarta is 10000-01-01).

    >>> from datetime import timezone, timedelta
    >>> local_date_text(datetime(9999, 12, 31, 23, 0, tzinfo=timezone.utc),
    ...                 timezone(timedelta(hours=7)))
    '10000-01-01'
    """
    try:
        return local_date(moment, where).isoformat()
    except OverflowError:
        return "10000-01-01" if moment.year == date.max.year else "0000-12-31"


def timing(moment: datetime, where: tzinfo, opens: date, closes: date) -> Timing:
    """Early, on time or late: the local date of ``moment`` in ``where`` against a window.

    The one definition of the on-time rule of ``format.md``, used by the model, the validator
    and scoring. A local date beyond what :class:`datetime.date` holds is after every window
    (or before, at the other end).
    """
    try:
        day = local_date(moment, where)
    except OverflowError:
        return Timing.LATE if moment.year == date.max.year else Timing.EARLY
    if day < opens:
        return Timing.EARLY
    if day > closes:
        return Timing.LATE
    return Timing.ON_TIME


class Timing(enum.Enum):
    """Where a submission falls relative to its window."""

    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"


@attrs.frozen
class Window:
    """A submission window: calendar dates in the plan's time zone, both ends inclusive."""

    opens: date = attrs.field()
    closes: date = attrs.field()

    @opens.validator
    def _check_opens(self, _attribute: attrs.Attribute[date], value: date) -> None:
        _require_date("opens", value)

    @closes.validator
    def _check_closes(self, _attribute: attrs.Attribute[date], value: date) -> None:
        _require_date("closes", value)
        if value < self.opens:
            raise InvariantError(
                f"'closes' must not be before 'opens' ({self.opens.isoformat()}) "
                f"(got {value.isoformat()}).",
                code="window-invalid",
                field="closes",
            )

    def __contains__(self, day: object) -> bool:
        """Whether a calendar date lies within the window."""
        return isinstance(day, date) and self.opens <= day <= self.closes

    def timing(self, moment: datetime, where: tzinfo) -> Timing:
        """Early, on time or late: the local date of ``moment`` in ``where`` against the window."""
        return timing(moment, where, self.opens, self.closes)

    def is_on_time(self, moment: datetime, where: tzinfo) -> bool:
        """Whether ``moment``, taken as a date in ``where``, lies within the window."""
        return self.timing(moment, where) is Timing.ON_TIME


def _require_date(name: str, value: object) -> None:
    if type(value) is not date:
        raise InvariantError(f"'{name}' must be a datetime.date (got {value!r}).", field=name)

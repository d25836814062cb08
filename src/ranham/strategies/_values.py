"""Strategies for the format's values: codes, slugs, texts, periods, windows, dates, timestamps."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ranham.model import (
    FrozenMap,
    InstitutionKind,
    JsonValue,
    Link,
    LinkType,
)
from ranham.model._checks import MAX_INT
from ranham.model.plan import ActionPlan
from ranham.periods import PeriodCode, ReportingPeriod, Timing, Window

__all__ = [
    "DEFAULT_YEARS",
    "INDONESIAN_ZONES",
    "OFFICIAL_SCHEMES",
    "catalog_windows",
    "dates",
    "extensions",
    "http_urls",
    "institution_codes",
    "links",
    "period_codes",
    "period_schemes",
    "reporting_periods",
    "slugs",
    "texts",
    "timestamps",
    "utc_offsets",
    "windows",
]

DEFAULT_YEARS = range(2015, 2031)
"""The years drawn by default: both RANHAM plans of the format's time and a few more."""

MIN_YEAR, MAX_YEAR = 1000, 9000
"""The years a ``years=`` knob may hold (windows and submissions must stay within dates)."""

INDONESIAN_ZONES = ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura")
"""Indonesia's IANA time zones (WIB, WIB, WITA, WIT); plans are drawn in these by default."""

B04, B06, B08, B09, B12 = (PeriodCode(c) for c in ("B04", "B06", "B08", "B09", "B12"))

OFFICIAL_SCHEMES: tuple[tuple[PeriodCode, ...], ...] = ((B04, B08, B12), (B04, B06, B09, B12))
"""The period schemes of the 2021–2025 plan and of the 2015–2019 plan."""

T = TypeVar("T")

_UNICODE = st.characters(exclude_categories=["Cs"])
"""Any character that JSON text can hold (surrogates cannot be encoded as UTF-8)."""

_MONTH_ORDER = {code: code.month for code in PeriodCode}

_SLUG_FIRST = "abcdefghijklmnopqrstuvwxyz0123456789"
_SLUG_REST = _SLUG_FIRST + "._-"
_AGENCY_FIRST = "abcdefghijklmnopqrstuvwxyz"
_AGENCY_REST = _AGENCY_FIRST + "0123456789-"

_PHRASES = (
    "Rapat perencanaan",
    "Daftar penerima bantuan",
    "Rapat monitoring dan evaluasi",
    "Sosialisasi hak penyandang disabilitas",
    "Pelatihan aparatur desa",
    "Memberikan bantuan usaha bagi perempuan kepala keluarga",
    "Notulen rapat koordinasi",
    "Surat keputusan bupati",
    "Forum Koordinasi Pelaksanaan RANHAM",
)

_AGENCIES = ("kemensos", "kemenkes", "kemendagri", "kemenkumham", "kemenpppa", "bappenas", "bnpb")


_CHOICE = st.integers(0, 2**20 - 1)
"""One choice among items; the index taken is this number modulo the number of items."""


def pick(draw: st.DrawFn, items: Sequence[T]) -> T:
    """One of ``items``, shrinking to the first.

    The choice is a number taken modulo ``len(items)``, so it stays valid when ``items``
    shrinks (one institution fewer, one period fewer) and nothing after it shifts.
    """
    return items[draw(_CHOICE) % len(items)]


@cache
def _choice_lists(min_size: int, max_size: int) -> st.SearchStrategy[list[int]]:
    return st.lists(_CHOICE, min_size=min_size, max_size=max_size)


def pick_some(
    draw: st.DrawFn, items: Sequence[T], *, min_size: int = 0, max_size: int = 4
) -> list[T]:
    """Distinct items of ``items`` in drawn order, as :func:`pick` chooses them.

    ``max_size`` bounds the number of choices drawn whatever the length of ``items`` (for the
    same reason), so fewer may come back when ``items`` is short; ``min_size`` is met as far
    as ``items`` allows, by adding the first items not chosen yet. The choices are drawn even
    when ``items`` is empty.
    """
    values = draw(_choice_lists(min_size, max(min_size, max_size)))
    if not items:
        return []
    chosen = list(dict.fromkeys(v % len(items) for v in values))
    for index in range(len(items)):
        if len(chosen) >= min(min_size, len(items)):
            break
        if index not in chosen:
            chosen.append(index)
    return [items[i] for i in chosen]


def _check_sizes(**bounds: int) -> None:
    for name, value in bounds.items():
        if type(value) is not int or value < 0:
            raise InvalidArgument(f"{name}= must be an integer >= 0 (got {value!r}).")


def _check_range(low_name: str, low: int, high_name: str, high: int) -> None:
    _check_sizes(**{low_name: low, high_name: high})
    if low > high:
        raise InvalidArgument(f"{low_name}={low} must not exceed {high_name}={high}.")


def _check_years(years: Sequence[int]) -> tuple[int, ...]:
    values = tuple(years)
    if not values:
        raise InvalidArgument("years= must hold at least one year (got none).")
    for year in values:
        if type(year) is not int or not MIN_YEAR <= year <= MAX_YEAR:
            raise InvalidArgument(
                f"years= must hold integers from {MIN_YEAR} to {MAX_YEAR} (got {year!r})."
            )
    return values


def _check_members(name: str, values: Sequence[object], kind: type) -> None:
    if not values:
        raise InvalidArgument(f"{name}= must hold at least one {kind.__name__} (got none).")
    for value in values:
        if not isinstance(value, kind):
            raise InvalidArgument(f"{name}= must hold {kind.__name__} members (got {value!r}).")


# --- identifiers and text ------------------------------------------------------------------------


def slugs(*, max_size: int = 24) -> st.SearchStrategy[str]:
    """Ids as the format writes them: ``^[a-z0-9][a-z0-9._-]{0,127}$``; shrinks to ``"a"``.

    ``max_size`` (1–128) bounds the length; the default keeps examples readable.
    """
    if not 1 <= max_size <= 128:
        raise InvalidArgument(f"max_size= must be from 1 to 128 (got {max_size!r}).")
    return _slugs(max_size)


@cache
def _slugs(max_size: int) -> st.SearchStrategy[str]:
    return st.builds(
        str.__add__,
        st.sampled_from(_SLUG_FIRST),
        st.text(alphabet=_SLUG_REST, max_size=max_size - 1),
    )


def texts(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Free text that is not blank after stripping: Indonesian phrases, or any Unicode.

    Surrogates are never drawn (JSON cannot carry them); leading and trailing white space may
    be. Shrinks to ``"Rapat perencanaan"``.
    """
    return _texts(max_size)


@cache
def _texts(max_size: int) -> st.SearchStrategy[str]:
    arbitrary = st.text(alphabet=_UNICODE, min_size=1, max_size=max_size).filter(
        lambda s: bool(s.strip())
    )
    return st.one_of(st.sampled_from(_PHRASES), arbitrary)


@cache
def http_urls() -> st.SearchStrategy[str]:
    """Absolute ``http``/``https`` URLs such as ``https://sapa-ham.example/doc/881``."""
    host = st.one_of(
        st.sampled_from(("sapa-ham.example", "portal.ham.go.id", "ranham.example.org")),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-.", min_size=1, max_size=20),
    )
    path = st.text(
        alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?#=&%",
        max_size=30,
    )
    scheme = st.sampled_from(("https://", "http://", "HTTPS://"))
    return st.builds(lambda s, h, p: f"{s}{h}/{p}", scheme, host, path)


@cache
def _agency_codes() -> st.SearchStrategy[str]:
    arbitrary = st.builds(
        str.__add__,
        st.sampled_from(_AGENCY_FIRST),
        st.text(alphabet=_AGENCY_REST, min_size=1, max_size=30),
    )
    return st.one_of(st.sampled_from(_AGENCIES), arbitrary)


_REGIONAL = (InstitutionKind.REGENCY, InstitutionKind.CITY)


def institution_codes(
    *, kind: InstitutionKind | None = None, parent: str | None = None
) -> st.SearchStrategy[str]:
    """Institution codes that fit ``kind``: ``kemensos``, ``32``, ``32.16`` (regency), ``32.73``.

    ``kind=None`` draws a kind first (regencies first, so examples shrink to one). ``parent``
    (a province code such as ``"32"``) restricts the draw to regencies and cities of that
    province.
    """
    if kind is not None and not isinstance(kind, InstitutionKind):
        raise InvalidArgument(f"kind= must be an InstitutionKind (got {kind!r}).")
    if parent is not None:
        if not (isinstance(parent, str) and len(parent) == 2 and parent.isdigit()):
            raise InvalidArgument(f"parent= must be a province code such as '32' (got {parent!r}).")
        if parent[0] == "0":
            raise InvalidArgument(f"parent= must not start with 0 (got {parent!r}).")
        if kind is not None and kind not in _REGIONAL:
            raise InvalidArgument(f"parent= needs a kabupaten or kota kind (got {kind.value}).")
    return _institution_codes(kind, parent)


@cache
def _institution_codes(kind: InstitutionKind | None, parent: str | None) -> st.SearchStrategy[str]:
    if kind is None:
        kinds = _REGIONAL if parent is not None else _KIND_ORDER
        return st.one_of(*(_institution_codes(k, parent) for k in kinds))
    provinces = st.just(parent) if parent is not None else st.integers(11, 99).map(str)
    if kind is InstitutionKind.REGENCY:
        return st.builds(lambda p, k: f"{p}.{k:02d}", provinces, st.integers(1, 69))
    if kind is InstitutionKind.CITY:
        return st.builds(lambda p, k: f"{p}.{k:02d}", provinces, st.integers(71, 99))
    if kind is InstitutionKind.PROVINCE:
        return st.integers(10, 99).map(str)
    return _agency_codes()


_KIND_ORDER = (
    InstitutionKind.REGENCY,
    InstitutionKind.CITY,
    InstitutionKind.PROVINCE,
    InstitutionKind.MINISTRY,
    InstitutionKind.AGENCY,
)


# --- periods and windows -------------------------------------------------------------------------


def period_codes(*, scheme: Sequence[PeriodCode] | None = None) -> st.SearchStrategy[PeriodCode]:
    """Period codes, of ``scheme`` when given (every code otherwise); shrinks to the first."""
    codes = tuple(PeriodCode) if scheme is None else tuple(scheme)
    _check_members("scheme", codes, PeriodCode)
    return st.sampled_from(codes)


@cache
def period_schemes() -> st.SearchStrategy[tuple[PeriodCode, ...]]:
    """A plan's period codes: non-empty, no repeats, in month order.

    Half of the draws are one of :data:`OFFICIAL_SCHEMES`; the rest are any subset. Shrinks to
    ``(B04,)``, the scheme with a single period.
    """
    return _schemes()


@st.composite
def _schemes(draw: st.DrawFn) -> tuple[PeriodCode, ...]:
    # Both are drawn every time, so that shrinking from an official scheme to a subset does
    # not shift the draws that follow.
    subset = draw(st.lists(st.sampled_from(tuple(PeriodCode)), min_size=1, max_size=5, unique=True))
    official = draw(st.sampled_from(OFFICIAL_SCHEMES))
    if draw(st.booleans()):
        return official
    return tuple(sorted(subset, key=_MONTH_ORDER.__getitem__))


def reporting_periods(
    *, years: Sequence[int] = DEFAULT_YEARS, scheme: Sequence[PeriodCode] | None = None
) -> st.SearchStrategy[ReportingPeriod]:
    """Reporting periods (``2022-B04``) of ``years`` and the codes of ``scheme``."""
    return st.builds(
        ReportingPeriod, st.sampled_from(_check_years(years)), period_codes(scheme=scheme)
    )


def windows(
    *, years: Sequence[int] = DEFAULT_YEARS, max_days: int = 31
) -> st.SearchStrategy[Window]:
    """Submission windows opening in one of ``years`` and lasting up to ``max_days`` more days."""
    values = _check_years(years)
    if max_days < 0:
        raise InvalidArgument(f"max_days= must be >= 0 (got {max_days!r}).")
    opens = st.dates(date(min(values), 1, 1), date(max(values), 12, 31))
    return st.builds(
        lambda day, length: Window(day, day + timedelta(days=length)),
        opens,
        st.integers(0, max_days),
    )


def catalog_windows(
    plan: ActionPlan, *, year: int
) -> st.SearchStrategy[FrozenMap[PeriodCode, Window]]:
    """One window per period of ``plan`` in ``year``, as a catalog needs them.

    Each window opens up to 14 days before its period ends (never before it starts) and closes
    up to 14 days after, before the next one opens. Shrinks to windows of one day: the last day
    of each period.
    """
    if not isinstance(plan, ActionPlan):
        raise InvalidArgument(f"plan= must be an ActionPlan (got {plan!r}).")
    if year not in plan.years:
        raise InvalidArgument(f"year= must be one of the plan's years (got {year!r}).")
    return _draw_windows(plan, year)


@st.composite
def _draw_windows(draw: st.DrawFn, plan: ActionPlan, year: int) -> FrozenMap[PeriodCode, Window]:
    # Defined once, at module level: a composite defined inside catalog_windows() would be
    # built, and its source read by Hypothesis, for every catalog drawn.
    # Two numbers for every code, used or not, so that shrinking the scheme does not shift
    # the draws that follow.
    raw = {code: (draw(st.integers(0, 14)), draw(st.integers(0, 14))) for code in PeriodCode}
    out: dict[PeriodCode, Window] = {}
    spill = 0  # days the previous window reaches into this period
    for code in plan.periods:
        first, last = plan.period_days(code, year)
        length = (last - first).days + 1
        before, after = min(raw[code][0], length - spill - 1), raw[code][1]
        out[code] = Window(last - timedelta(days=before), last + timedelta(days=after))
        spill = after
    return FrozenMap(out)


def dates(*, years: Sequence[int] = DEFAULT_YEARS) -> st.SearchStrategy[date]:
    """Calendar dates within ``years``."""
    values = _check_years(years)
    return st.dates(date(min(values), 1, 1), date(max(values), 12, 31))


# --- instants ------------------------------------------------------------------------------------

_COMMON_OFFSETS = (7 * 60, 0, 8 * 60, 9 * 60, 330, -5 * 60, 14 * 60, -12 * 60)


@cache
def utc_offsets() -> st.SearchStrategy[tzinfo]:
    """Fixed UTC offsets that RFC 3339 can write (whole minutes, under 24 hours).

    Mostly Indonesia's (+07:00 first, then UTC, +08:00, +09:00) and other common ones; a
    quarter of the draws are any whole-minute offset.
    """
    minutes = st.one_of(st.sampled_from(_COMMON_OFFSETS), st.integers(-1439, 1439))
    return minutes.map(_offset)


def _offset(minutes: int) -> tzinfo:
    return UTC if minutes == 0 else timezone(timedelta(minutes=minutes))


def timestamps(
    *, years: Sequence[int] = DEFAULT_YEARS, offsets: st.SearchStrategy[tzinfo] | None = None
) -> st.SearchStrategy[datetime]:
    """Aware timestamps within ``years`` (as UTC instants), with offsets from ``offsets``.

    Microseconds are drawn too (the format allows up to six fraction digits). Every timestamp
    can be written as RFC 3339 and read back equal.
    """
    values = _check_years(years)
    zones = utc_offsets() if offsets is None else offsets
    start = datetime(min(values), 1, 1)
    end = datetime(max(values), 12, 31, 23, 59, 59, 999999)
    return st.builds(
        lambda naive, where: naive.replace(tzinfo=UTC).astimezone(where),
        st.datetimes(start, end),
        zones,
    )


def instant_on(
    day: date, clock: time, plan_tz: tzinfo, offset: tzinfo, timing: Timing, window: Window
) -> datetime:
    """An instant at local ``clock`` on ``day`` in ``plan_tz``, written with ``offset``.

    Falls back to noon when ``clock`` does not exist or repeats on that day (a DST change), so
    that the instant's timing against ``window`` is the one intended.
    """
    for moment in (clock, time(12)):
        local = datetime.combine(day, moment, tzinfo=plan_tz)
        instant = local.astimezone(offset)
        if window.timing(instant, plan_tz) is timing:
            return instant
    raise AssertionError(f"no instant on {day} has timing {timing}")  # pragma: no cover


# --- links and extensions ------------------------------------------------------------------------


def links(*, types: Sequence[LinkType] | None = None) -> st.SearchStrategy[Link]:
    """Follow-up links ``TYPE:ID``: to an action, a rule set, a URL or a document."""
    chosen = tuple(LinkType) if types is None else tuple(types)
    _check_members("types", chosen, LinkType)
    return _links(chosen)


@cache
def _links(chosen: tuple[LinkType, ...]) -> st.SearchStrategy[Link]:
    targets = {
        LinkType.ACTION: slugs(),
        LinkType.RULESET: st.builds(lambda a, b: f"{a}/{b}", slugs(), slugs()),
        LinkType.URL: http_urls(),
        LinkType.DOCUMENT: texts(),
    }
    return st.one_of(*(st.builds(Link, st.just(t), targets[t]) for t in chosen))


_JSON_SCALARS: st.SearchStrategy[JsonValue] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-MAX_INT, MAX_INT),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=_UNICODE, max_size=20),
)


def _json_keys() -> st.SearchStrategy[str]:
    return st.text(alphabet=_UNICODE, max_size=12)


def extensions(*, max_leaves: int = 8) -> st.SearchStrategy[FrozenMap[str, JsonValue]]:
    """Free ``extensions`` objects: any JSON (finite numbers), frozen; shrinks to ``{}``.

    Integers stay within ±2^53 so that every JSON reader holds them exactly.
    """
    return _extensions(max_leaves)


@cache
def _extensions(max_leaves: int) -> st.SearchStrategy[FrozenMap[str, JsonValue]]:
    values = st.recursive(
        _JSON_SCALARS,
        lambda children: st.one_of(
            st.lists(children, max_size=3).map(tuple),
            st.dictionaries(_json_keys(), children, max_size=3).map(FrozenMap),
        ),
        max_leaves=max_leaves,
    )
    return st.dictionaries(_json_keys(), values, max_size=4).map(FrozenMap)


@cache
def maybe_extensions() -> st.SearchStrategy[FrozenMap[str, JsonValue]]:
    """Mostly empty ``extensions``; shrinks to empty."""
    return st.one_of(st.just(FrozenMap()), extensions())

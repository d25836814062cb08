"""Corruption families for the structural codes: members, JSON types, values, dates."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from ranham.model import (
    Addressee,
    EvidenceKind,
    FollowUpStatus,
    InstitutionKind,
    ReportStatus,
    TargetGroup,
    Theme,
    Tier,
)
from ranham.periods import PeriodCode
from ranham.strategies._family import Broken, copy_of, json_type, parent_of
from ranham.strategies._shapes import (
    HEADER,
    SHAPES,
    Facts,
    Path,
    blank_is_safe,
    get,
    members,
    nodes,
    pointer,
)

__all__ = [
    "invalid_date",
    "invalid_value",
    "missing_field",
    "naive_timestamp",
    "unknown_field",
    "wrong_type",
]

Doc = dict[str, Any]


# --- missing-field -------------------------------------------------------------------------------


def missing_field_targets(doc: Doc, known: Facts) -> list[Path]:
    """Every required member whose absence silences only its own rules."""
    out = []
    for node in nodes(doc):
        for name, member in SHAPES[node.shape].items():
            path = (*node.path, name)
            if member.required and name in node.value and blank_is_safe(doc, known, path):
                out.append(path)
    return out


def missing_field(draw: st.DrawFn, doc: Doc, known: Facts, path: Path) -> Broken:
    """Remove a required member."""
    broken = copy_of(doc)
    del parent_of(broken, path)[path[-1]]
    return Broken(broken, path, f"removed the required member {pointer(path)}")


# --- unknown-field -------------------------------------------------------------------------------

_TYPOS = ("claimd", "titel", "nama", "komentar", "x-note", "periode", "Kind", "extension")
_SMALL_JSON = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1000, 1000),
    st.text(max_size=8),
    st.lists(st.integers(0, 9), max_size=2),
    st.dictionaries(st.text(max_size=4), st.integers(0, 9), max_size=2),
)


def unknown_field_targets(doc: Doc, known: Facts) -> list[Path]:
    """Every object that the spec defines (not ``extensions``, not the windows map)."""
    return [node.path for node in nodes(doc)]


def unknown_field(draw: st.DrawFn, doc: Doc, known: Facts, path: Path) -> Broken:
    """Add a member that the object does not define (a typo, say)."""
    broken = copy_of(doc)
    target = get(broken, path)
    shape = next(n.shape for n in nodes(doc) if n.path == path)
    taken = set(SHAPES[shape]) | set(target) | (set(HEADER) if not path else set())
    key = draw(
        st.one_of(st.sampled_from(_TYPOS), st.text(max_size=12)).filter(lambda k: k not in taken)
    )
    target[key] = draw(_SMALL_JSON)
    return Broken(broken, (*path, key), f"added the member {key!r}, which the object lacks")


# --- wrong-type ----------------------------------------------------------------------------------

_WRONG: tuple[Any, ...] = (None, True, False, 0, 7, -1, 2.5, 3.0, "", "x", "true", [], ["x"], {})


def wrong_type_targets(doc: Doc, known: Facts) -> list[tuple[Path, str]]:
    """Every member (and scalar list item) whose unusable value silences only its own rules."""
    out = []
    for path, member, value in members(doc):
        if not blank_is_safe(doc, known, path):
            continue
        out.append((path, member.type))
        if member.type == "array" and member.child == "item":
            out.extend(((*path, i), "string") for i in range(len(value)))
    return out


def wrong_type(draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[Path, str]) -> Broken:
    """Replace a value by one of another JSON type (``null`` included)."""
    path, expected = target
    choices = [v for v in _WRONG if json_type(v) != expected]
    value = draw(st.sampled_from(choices))
    broken = copy_of(doc)
    parent_of(broken, path)[path[-1]] = value
    return Broken(broken, path, f"replaced the {expected} at {pointer(path)} by {value!r}")


# --- invalid-value -------------------------------------------------------------------------------

_ENUMS: dict[str, frozenset[str]] = {
    "tier": frozenset(t.value for t in Tier),
    "target_group": frozenset(t.value for t in TargetGroup),
    "institution_kind": frozenset(k.value for k in InstitutionKind),
    "report_status": frozenset(s.value for s in ReportStatus),
    "evidence_kind": frozenset(k.value for k in EvidenceKind),
    "addressee": frozenset(a.value for a in Addressee),
    "theme": frozenset(t.value for t in Theme),
    "follow_up_status": frozenset(s.value for s in FollowUpStatus),
    "period_code": frozenset(c.value for c in PeriodCode),
}

_BAD: dict[str, tuple[Any, ...]] = {
    "text": ("", " ", "\t", "  \n "),
    "number": (0, -1, -7, 2**53 + 1),
    "year": (0, -2022, 10000, 12022),
    "count": (-1, -8, 2**53 + 1),
    "slug": ("Bad Id", "-leading-dash", "", "x" * 129, "a/b", "ÄÖ", "UPPER"),
    "institution_code": ("32-16", "Kemensos", "3.16", "32.00", "", "kemensos!"),
    "uri": (
        "ftp://example.org/x",
        "example.org/doc",
        "https://",
        "http:// spasi",
        "",
        "mailto:a@b.c",
    ),
    "link": ("foo:bar", "action:Bad Id", "url:ftp://x", "document:", "document:   ", "ruleset:abc"),
    "timezone": ("Mars/Olympus", "Asia/Jakarta ", "Nowhere/Zone", "", "../etc"),
}


def invalid_value_targets(doc: Doc, known: Facts) -> list[tuple[Path, str]]:
    """Every value that can leave its value set, pattern or range, plus the unnamed rules."""
    out: list[tuple[Path, str]] = []
    for path, member, value in members(doc):
        role = member.role
        if member.type == "array" and member.child == "item":
            if role == "agency":  # a malformed agency code is responsible-invalid (pattern)
                continue
            if role in _ENUMS or role in _BAD:
                out.extend(((*path, i), role) for i in range(len(value)) if role)
            if path[-1] in ("target_groups", "periods"):
                out.append((path, "empty"))
                if path[-1] == "periods" and len(value) > 1:
                    out.append((path, "reversed"))
            continue
        if role is None or not blank_is_safe(doc, known, path):
            continue
        if path[-1] == "code":  # a code that misses its kind is code-kind-mismatch
            continue
        if role in _ENUMS or role in _BAD or role == "reporting_period":
            out.append((path, role))
        if path[-1] == "end_year" and get(doc, path[:-1])["start_year"] > 1:
            out.append((path, "end_before_start"))
    if known.kind == "forum":
        out.append((("end_date",), "end_before_start_date"))
    if known.dataset:
        busy = {r["institution"] for r in doc["reports"] if r["entries"]}
        for index, inst in enumerate(doc["institutions"]):
            regional = inst["kind"] in ("kabupaten", "kota")
            if not regional and inst["code"] not in busy:
                out.append((("institutions", index, "autonomous"), "autonomous"))
    return out


def invalid_value(draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[Path, str]) -> Broken:
    """Give a value outside its value set, pattern or range, or break an unnamed rule."""
    path, variant = target
    broken = copy_of(doc)
    parent = parent_of(broken, path)
    old: Any = parent.get(path[-1]) if isinstance(parent, dict) else parent[path[-1]]
    if variant in _ENUMS:
        candidates = [old.upper(), old + "x", old.title(), "unknown", "", " " + old]
        value: Any = draw(st.sampled_from([c for c in candidates if c not in _ENUMS[variant]]))
    elif variant == "reporting_period":
        year = old[:4]
        value = draw(st.sampled_from((f"{year}-B05", f"{year}-b04", "22-B04", f"{year}B04", "")))
    elif variant in _BAD:
        value = draw(st.sampled_from(_BAD[variant]))
    elif variant == "empty":
        value = []
    elif variant == "reversed":
        value = list(reversed(old))
    elif variant == "end_before_start":
        start = get(doc, (*path[:-1], "start_year"))
        value = start - draw(st.integers(1, min(3, start - 1)))
    elif variant == "end_before_start_date":
        value = _days_before(doc["start_date"], draw(st.integers(1, 30)))
    else:  # autonomous
        value = False
    parent[path[-1]] = value
    return Broken(broken, path, f"set {pointer(path)} to {value!r} ({variant})")


def _days_before(day: str, days: int) -> str:
    return (date.fromisoformat(day) - timedelta(days=days)).isoformat()


# --- invalid-date and naive-timestamp ------------------------------------------------------------

_TIMESTAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})"
)


def date_targets(doc: Doc, known: Facts) -> list[tuple[Path, str]]:
    """Every date and timestamp whose unusable value silences only its own rules."""
    return [
        (path, str(member.role))
        for path, member, _ in members(doc)
        if member.role in ("date", "timestamp") and blank_is_safe(doc, known, path)
    ]


def invalid_date(draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[Path, str]) -> Broken:
    """Write a date or timestamp in another form, or one that does not exist."""
    path, role = target
    old: str = get(doc, path)
    if role == "date":
        y, m, d = old.split("-")
        candidates = [
            f"{y}-02-30",
            f"{y}-13-01",
            f"{y}-00-10",
            f"{y}/{m}/{d}",
            f"{y}{m}{d}",
            f"{d}-{m}-{y}",
            f"{old}T00:00:00Z",
            f"{y}-W01-1",
            "",
            "kemarin",
            f"{old} ",
        ]
    else:
        match = _TIMESTAMP.fullmatch(old)
        assert match is not None
        y, mo, d, h, mi, s, frac, off = match.groups()
        frac = frac or ""
        candidates = [
            old.replace("T", " "),
            old.replace("T", "t"),
            f"{y}-{mo}-{d}T{h}:{mi}{off}",
            f"{y}-02-30T{h}:{mi}:{s}{frac}{off}",
            f"{y}-{mo}-{d}T25:{mi}:{s}{frac}{off}",
            f"{y}-{mo}-{d}T{h}:{mi}:{s}{frac}+24:00",
            f"{y}-{mo}-{d}T{h}:{mi}:{s}.1234567{off}",
            f"{y}-{mo}-{d}",
            f"{y}{mo}{d}T{h}{mi}{s}Z",
            "",
        ]
    value = draw(st.sampled_from(candidates))
    broken = copy_of(doc)
    parent_of(broken, path)[path[-1]] = value
    return Broken(broken, path, f"wrote the {role} {old!r} at {pointer(path)} as {value!r}")


def naive_targets(doc: Doc, known: Facts) -> list[Path]:
    """Every timestamp whose unusable value silences only its own rules."""
    return [path for path, role in date_targets(doc, known) if role == "timestamp"]


def naive_timestamp(draw: st.DrawFn, doc: Doc, known: Facts, path: Path) -> Broken:
    """Drop a timestamp's offset."""
    old: str = get(doc, path)
    match = _TIMESTAMP.fullmatch(old)
    assert match is not None
    value = old[: match.start(8)]
    broken = copy_of(doc)
    parent_of(broken, path)[path[-1]] = value
    return Broken(broken, path, f"dropped the offset of {old!r} at {pointer(path)}")

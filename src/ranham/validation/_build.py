"""The fast path: check a parsed document and build its entities in one pass.

Most documents a receiving system sees are valid. For them, validation need not collect issues:
it must prove that none exists, and the objects a reader wants can be built on the way. This
module generates, for each entity class, one function that checks every member of a parsed JSON
object (types, patterns, bounds, value sets — read from the model's field checks, like the walk
in :mod:`ranham.validation._walk`) and builds the entity without running its field validators a
second time; the entity's own ``__attrs_post_init__`` then checks what relates its members (the
workflow of a report, a catalog's windows, every reference inside a dataset). What it checks
beyond one entity (a report against the caller's catalog, the forum's declared counts, the
warnings) calls the same predicates as the constructors and the careful walk
(:mod:`ranham.model._invariants`).

On the first problem it gives up (:class:`Bail`), and :func:`ranham.validation.validate` runs
the careful walk and the domain rules, which find and explain every issue. So the fast path
never has to explain anything, and the careful path stays the one place where issues are
described. The test suite checks that both paths agree on every document of the issue corpus,
on every corruption family and on mutated documents.
"""

from __future__ import annotations

import linecache
import math
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cache
from typing import Any

import attrs

from ranham import model
from ranham.model import _checks as checks
from ranham.model._frozen import FrozenMap
from ranham.model._invariants import declared_counts, report_period
from ranham.model.forum import Link
from ranham.periods import PeriodCode, ReportingPeriod, Window, zone
from ranham.validation._json import INTEGER_LIMIT, MAX_DEPTH, InexactFloat
from ranham.validation._rules import (
    CatalogView,
    incomplete_report,
    reference_problems,
    submission_warning,
)
from ranham.validation._walk import (
    DOCUMENT_CLASSES,
    FieldInfo,
    Path,
    RawIssue,
    describe,
    inexact_numbers,
    parse_timestamp,
)

__all__ = ["Bail", "Built", "build_document", "check_fast", "entity_builder"]


class Bail(Exception):
    """The fast path found a problem; the careful path will say which."""


@attrs.define
class Built:
    """A document built on the fast path.

    Also the number of object keys it read, and whether it read a float (in ``extensions``).
    """

    document: Any
    keys: int
    floats: bool = False
    colons: int = 0
    inexact: bool = False


_EMPTY: FrozenMap[str, Any] = FrozenMap()
_HEADER = frozenset({"kind", "schema_version"})
_new = object.__new__
_set = object.__setattr__
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fullmatch
_PERIOD_CODES = {code.value: code for code in PeriodCode}


class _Counter:
    """Counts the object keys read, and notes whether a float was read.

    The keys are compared with the keys in the text (repeated keys); a float may be an integer
    beyond 64 bits that ``orjson`` read as a float.
    """

    __slots__ = ("colons", "floats", "inexact", "keys")

    def __init__(self) -> None:
        self.keys = 0
        self.floats = False
        self.inexact = False  # a number the text wrote with more digits than a double holds
        self.colons = 0  # colons inside the strings read (see ranham.validation._check_bytes)


def _date(value: Any) -> date:
    if type(value) is not str or _DATE(value) is None:
        raise Bail
    return date.fromisoformat(value)


def _timestamp(value: Any) -> datetime:
    if type(value) is not str:
        raise Bail
    parsed = parse_timestamp(value)
    if type(parsed) is str:
        raise Bail
    return parsed  # type: ignore[return-value]


def _reporting_period(value: Any) -> ReportingPeriod:
    if type(value) is not str:
        raise Bail
    return ReportingPeriod.parse(value)


def _link(value: Any) -> Link:
    if type(value) is not str:
        raise Bail
    return Link.parse(value)


def _string(value: Any) -> str:
    if type(value) is not str:
        raise Bail
    return value


def _timezone(value: Any) -> str:
    if type(value) is not str:
        raise Bail
    zone(value)
    return value


def _freeze(value: Any, depth: int, counter: _Counter) -> Any:
    """Free JSON (``extensions``): frozen deeply; depth and numbers checked."""
    if depth > MAX_DEPTH:
        raise Bail
    kind = type(value)
    if kind is dict:
        if not value:
            return _EMPTY  # immutable, so one instance serves every empty object
        counter.keys += len(value)
        return FrozenMap.adopt(
            {_key(k, counter): _freeze(v, depth + 1, counter) for k, v in value.items()}
        )
    if kind is list:
        return tuple([_freeze(v, depth + 1, counter) for v in value])
    if kind is InexactFloat:  # from the careful parser: kept as the double it reads as
        counter.floats = counter.inexact = True
        return float(value)
    if kind is float:
        if not math.isfinite(value):
            raise Bail
        counter.floats = True
    if kind is int and not -INTEGER_LIMIT < value < INTEGER_LIMIT:
        raise Bail
    if kind is str:
        if ":" in value:
            counter.colons += value.count(":")
        return value
    if value is None or kind is bool or kind is int or kind is float:
        return value
    raise Bail  # not a JSON value (a dict given by a program may hold anything)


def _key(key: Any, counter: _Counter) -> str:
    if type(key) is not str:
        raise Bail
    if ":" in key:
        counter.colons += key.count(":")
    return key


def _extensions(value: Any, depth: int, counter: _Counter) -> FrozenMap[str, Any]:
    if type(value) is not dict:
        raise Bail
    if not value:
        return _EMPTY
    return _freeze(value, depth, counter)  # type: ignore[no-any-return]


def _windows(value: Any, depth: int, counter: _Counter) -> FrozenMap[PeriodCode, Window]:
    if type(value) is not dict:
        raise Bail
    counter.keys += len(value)
    out = []
    for code, window in value.items():
        if type(window) is not dict or len(window) != 2:
            raise Bail
        counter.keys += 2
        out.append((_PERIOD_CODES[code], Window(_date(window["opens"]), _date(window["closes"]))))
    return FrozenMap(out)


Scalar = Callable[[Any], Any]


def _scalar(check: checks.Check) -> Scalar | None:
    """A function checking one scalar value (returning the domain value), if ``check`` is one."""
    if isinstance(check, checks.Text):

        def text(value: Any) -> str:
            if type(value) is not str or not value or value.isspace():
                raise Bail
            return value

        return text
    if isinstance(check, checks.Pattern):
        match = re.compile(check.regex).fullmatch

        def pattern(value: Any) -> str:
            if type(value) is not str or match(value) is None:
                raise Bail
            return value

        return pattern
    if isinstance(check, checks.Enum):
        members = {str(member.value): member for member in check.enum_type}

        def member(value: Any) -> Any:
            if type(value) is not str:
                raise Bail
            return members[value]

        return member
    if isinstance(check, checks.Day):
        return _date
    if isinstance(check, checks.Instant):
        return _timestamp
    if isinstance(check, checks.Instance) and check.kind is ReportingPeriod:
        return _reporting_period
    if isinstance(check, checks.Instance) and check.kind is Link:
        return _link
    return None


Builder = Callable[[Any, int, _Counter], Any]
"""``builder(raw_value, depth, counter) -> domain value``; raises :class:`Bail`."""

_SPECIAL: dict[str, Builder] = {
    "extensions": _extensions,
    "windows": _windows,
    "institution-code": lambda v, d, c: _string(v),
    "parent": lambda v, d, c: _string(v),
    "timezone": lambda v, d, c: _timezone_counted(v, c),
}


def _timezone_counted(value: Any, counter: _Counter) -> str:
    name = _timezone(value)
    counter.colons += name.count(":")
    return name


_COLON_FREE = frozenset(
    {
        "slug",
        "agency-code",
        "province-code",
        "regency-code",
        "city-code",
        "institution-code",
        "ruleset-id",
    }
)
"""Patterns whose strings cannot hold a colon; every other string's colons are counted."""


def _holds_colons(check: checks.Check) -> bool:
    """Whether a string that passes ``check`` may contain ``:``."""
    if isinstance(check, checks.Pattern):
        return check.name not in _COLON_FREE
    if isinstance(check, checks.Instance):
        return check.kind is Link
    return isinstance(check, checks.Text | checks.Instant)


def _field_code(info: FieldInfo, names: dict[str, Any]) -> list[str]:
    """Statements that turn raw value ``v`` of member ``info`` into its domain value ``v``.

    Simple checks are written inline (no call per value); the rest call helpers put in
    ``names``.
    """
    name = info.name
    check = info.check
    if info.special is not None:
        names[f"b_{name}"] = _SPECIAL[info.special]
        return [f"v = b_{name}(v, depth + 1, counter)"]
    assert check is not None
    count = ['if ":" in v:', '    counter.colons += v.count(":")'] if _holds_colons(check) else []
    if isinstance(check, checks.Text):
        return ["if type(v) is not str or not v or v.isspace():", "    raise Bail", *count]
    if isinstance(check, checks.Pattern):
        names[f"m_{name}"] = re.compile(check.regex).fullmatch
        return [f"if type(v) is not str or m_{name}(v) is None:", "    raise Bail", *count]
    if isinstance(check, checks.Int):
        return [
            f"if type(v) is not int or not {check.low} <= v <= {check.high}:",
            "    raise Bail",
        ]
    if isinstance(check, checks.Flag):
        return ["if type(v) is not bool:", "    raise Bail"]
    if isinstance(check, checks.Enum):
        names[f"e_{name}"] = {str(m.value): m for m in check.enum_type}
        return ["if type(v) is not str:", "    raise Bail", f"v = e_{name}[v]"]
    scalar = _scalar(check)
    if scalar is not None:
        names[f"s_{name}"] = scalar
        # count the colons of the text once the helper has proved it a string
        counted = [line.replace("v", "t") for line in count]
        return ["t = v", f"v = s_{name}(v)", *counted]
    if isinstance(check, checks.Instance):
        names[f"b_{name}"] = entity_builder(check.kind)
        return [f"v = b_{name}(v, depth + 1, counter)"]
    if isinstance(check, checks.Tuple):
        item = check.item
        lines = ["if type(v) is not list:", "    raise Bail"]
        item_scalar = _scalar(item)
        if item_scalar is not None:
            names[f"s_{name}"] = item_scalar
            if _holds_colons(item):
                lines.append('counter.colons += sum([x.count(":") for x in v if type(x) is str])')
            lines.append(f"v = tuple([s_{name}(x) for x in v])")
        else:
            assert isinstance(item, checks.Instance)
            names[f"b_{name}"] = entity_builder(item.kind)
            lines.append(f"v = tuple([b_{name}(x, depth + 2, counter) for x in v])")
        if check.non_empty:
            lines += ["if not v:", "    raise Bail"]
        if check.unique:
            lines += ["if len(set(v)) != len(v):", "    raise Bail"]
        return lines
    raise TypeError(f"no fast builder for {info}")  # pragma: no cover


@cache
def entity_builder(cls: type) -> Builder:
    """The fast check-and-build function of an entity class (generated once, then cached)."""
    fields = describe(cls)
    names: dict[str, Any] = {"Bail": Bail, "_new": _new, "_set": _set, "cls": cls}
    required = [info for info in fields if info.required]
    defaults = {f.name: f.default for f in attrs.fields(cls) if f.init}
    lines = [
        "def build(raw, depth, counter):",
        "    if type(raw) is not dict:",
        "        raise Bail",
        "    size = len(raw)",
        "    counter.keys += size",
        f"    present = {len(required)}",
    ]
    for info in fields:
        code = _field_code(info, names)
        if info.required:
            lines.append(f"    v = raw[{info.name!r}]")
            lines += [f"    {line}" for line in code]
        else:
            default = defaults[info.name]
            names[f"d_{info.name}"] = (
                default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
            )
            lines += [
                f"    v = raw.get({info.name!r}, Bail)",
                "    if v is Bail:",
                f"        v = d_{info.name}",
                "    else:",
                "        present += 1",
            ]
            lines += [f"        {line}" for line in code]
        lines.append(f"    f_{info.name} = v")
    lines += [
        "    if present != size:",
        "        raise Bail",
        "    obj = _new(cls)",
    ]
    lines += [f"    _set(obj, {info.name!r}, f_{info.name})" for info in fields]
    if "__attrs_post_init__" in cls.__dict__:
        lines.append("    obj.__attrs_post_init__()")
    lines.append("    return obj")
    source = "\n".join(lines) + "\n"
    # A file name of its own and a linecache entry, as attrs and cattrs do for generated code:
    # a traceback through it shows the generated lines, not "<string>".
    filename = f"<ranham generated fast builder {cls.__module__}.{cls.__qualname__}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), names)
    return names["build"]  # type: ignore[no-any-return]


_CAUGHT = (Bail, LookupError, ValueError)
"""What makes the fast path give up, and nothing else: a missing member or an unknown value
(``LookupError``), a value the domain refuses (``ValueError``: every ``InvariantError``), or a
:class:`Bail`. The careful path then explains (or finds nothing). Any other exception is a
defect of ``ranham`` and reaches :func:`ranham.validation.validate`, which reports it as an
``internal`` issue instead of hiding it behind the slower path."""


def build_document(value: Mapping[str, Any], kind: str) -> Built | None:
    """Build document ``value`` of ``kind`` (its header already checked), or ``None``."""
    if type(value) is not dict:  # a DupDict from the careful parser: repeated keys to report
        return None
    counter = _Counter()
    body = {k: v for k, v in value.items() if k not in _HEADER}
    try:
        document = entity_builder(DOCUMENT_CLASSES[kind])(body, 1, counter)
    except _CAUGHT:
        return None
    return Built(
        document,
        counter.keys + len(value) - len(body),
        counter.floats,
        counter.colons,
        counter.inexact,
    )


# --- what the fast path checks on built objects --------------------------------------------------


def report_fits(report: model.Report, view: CatalogView) -> bool:
    """Whether a report alone agrees with a catalog (periods, references, assignment).

    The same predicates as the careful walk's (:mod:`ranham.model._invariants`): any problem
    sends the report to the careful path, which explains it.
    """
    period = report.period
    if report_period(period, view.periods, view.year) is not None:
        return False
    assignee = view.assignee(report.institution)
    if assignee is None:  # not listed in the dataset given as context
        return False
    for _problem in reference_problems(view, assignee, period, report.entries, assignee.code):
        return False
    return True


def timing_warnings(
    report: model.Report, raw: Mapping[str, Any], here: Path, view: CatalogView
) -> list[RawIssue]:
    """``late-submission`` or ``early-submission`` for a report, as the careful path gives it."""
    window = view.windows.get(report.period.code)
    if window is None or view.tz is None:
        return []
    for index, change in enumerate(report.history):
        if change.status is not model.ReportStatus.SUBMITTED:
            continue
        where = (*here, "history", index, "at")
        at_text = raw["history"][index]["at"]
        found = submission_warning(change.at, at_text, report.period, window, view.tz, where)
        return [] if found is None else [found]
    return []


def forum_warnings(forum: model.Forum) -> list[RawIssue]:
    """``recommendations-incomplete`` for each addressee with fewer listed than declared."""
    counts = {addressee: len(forum.listed(addressee)) for addressee in model.Addressee}
    declared = {addressee: forum.declared[addressee] for addressee in model.Addressee}
    return [
        RawIssue(p.code, p.key, p.path, dict(p.params))
        for p in declared_counts(counts, declared)
        if p.warning
    ]


def check_fast(
    value: Mapping[str, Any], kind: str, view: CatalogView | None
) -> tuple[Built, list[RawIssue]] | None:
    """Build a document and find its warnings, or ``None`` when the careful path must look."""
    built = build_document(value, kind)
    if built is None:
        return None
    document = built.document
    warnings: list[RawIssue] = inexact_numbers(value) if built.inexact else []
    if kind == "report" and view is not None:
        if not view.complete or not report_fits(document, view):
            return None
        warnings += timing_warnings(document, value, (), view)
        listed = {m.measure for entry in document.entries for m in entry.measures}
        assignee = view.assignee(document.institution)
        incomplete = incomplete_report(view, assignee, document.period, listed, ())
        if incomplete is not None:
            warnings.append(incomplete)
    elif kind == "dataset":
        view = CatalogView.from_catalog(document.catalog)
        for index, report in enumerate(document.reports):
            warnings += timing_warnings(report, value["reports"][index], ("reports", index), view)
    elif kind == "forum":
        warnings += forum_warnings(document)
    return built, warnings

"""The structural pass's machinery: the walk's state, JSON types, and a checker per value kind.

A checker (``checker(value, parent_path, key, walk, depth) -> usable``) checks one JSON value and
records every problem with its JSON Pointer; it never raises on any JSON value. Which checker a
member gets is declared once per field kind in :mod:`ranham.validation._kinds`, and
:mod:`ranham.validation._careful` walks a document with them.

Besides issues, the walk records for each object the members that are missing or unusable
(``Walk.bad``), so that the domain rules (:mod:`ranham.validation._rules`) skip exactly the rules
that would read them, and it counts the object keys it saw (to detect repeated keys cheaply).
"""

from __future__ import annotations

import difflib
import enum
import math
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any, Final

import attrs
import orjson

from ranham import model
from ranham.model import _checks as checks
from ranham.model.forum import Link
from ranham.periods import PeriodCode, ReportingPeriod, zone
from ranham.validation._json import (
    INTEGER_LIMIT,
    MAX_DEPTH,
    MAX_DOUBLE,
    DupDict,
    InexactFloat,
    NonFinite,
)
from ranham.validation._pointer import DocumentOrder, to_pointer
from ranham.validation.codes import CODES, FATAL, Severity

__all__ = [
    "DOCUMENT_CLASSES",
    "MISSING",
    "Checker",
    "ObjectSpec",
    "Path",
    "RawIssue",
    "TooDeep",
    "Walk",
    "parse_date",
    "parse_timestamp",
]

Path = tuple[str | int, ...]
MISSING: Final = object()
"""Returned by :meth:`Walk.get` for a member that is absent or unusable."""

DOCUMENT_CLASSES: dict[str, type] = {
    "catalog": model.Catalog,
    "report": model.Report,
    "dataset": model.Dataset,
    "forum": model.Forum,
}
"""The entity that each document ``kind`` holds."""

REQUIRED_IN_JSON: dict[type, frozenset[str]] = {
    model.Report: frozenset({"status", "history", "entries"}),
    model.Dataset: frozenset({"reports"}),
}
"""Members a document must have although the entity gives them a default for convenience."""


@attrs.define(slots=True)
class RawIssue:
    """An issue before it has a position and a message."""

    code: str
    key: str
    path: Path
    params: dict[str, Any]
    where: str = "value"  # "value", "key" (unknown-field) or "container" (a missing member)
    occurrence: int = -1  # for duplicate-key: which occurrence of the key (1 = the second)


class TooDeep(Exception):
    """Raised inside the walk when a value lies beyond :data:`MAX_DEPTH`."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.path = path


DEFAULT_MAX_ISSUES = 1000
"""How many issues one document lists before a ``too-many-issues`` notice (format.md)."""


class Walk:
    """The state of one structural pass: issues, unusable members, and keys seen.

    At most about twice ``limit`` issues are kept while walking: beyond that the list is sorted
    in document order and cut to ``limit``, and what is cut is only counted (``omitted``), so a
    document with millions of problems is walked in bounded memory.
    """

    __slots__ = ("bad", "issues", "keys", "limit", "omitted", "order")

    def __init__(self, root: Any = None, limit: int = DEFAULT_MAX_ISSUES) -> None:
        self.issues: list[RawIssue] = []
        self.bad: dict[int, set[str]] = {}
        self.keys = 0
        self.limit = limit
        self.order = DocumentOrder(root)
        self.omitted = [0, 0]  # issues cut: [warnings, errors]

    def add(
        self, code: str, path: Path, key: str | None = None, where: str = "value", /, **params: Any
    ) -> None:
        """Record an issue ``code`` at ``path`` with message ``key`` (default: the code)."""
        self.append(RawIssue(code, key or code, path, params, where))

    def append(self, issue: RawIssue) -> None:
        """Record ``issue``; past about twice the limit, keep only the first ``limit``."""
        issues = self.issues
        issues.append(issue)
        if len(issues) > 2 * self.limit + 16:
            self.prune()

    def sort_key(self, issue: RawIssue) -> tuple[Any, ...]:
        """Document order, then code, then occurrence (format.md's order of issues)."""
        return (self.order.key(issue.path), issue.code, issue.occurrence)

    def prune(self) -> None:
        """Sort the issues and keep the first ``limit`` (fatal ones always); count the rest."""
        fatal = [i for i in self.issues if i.code in FATAL]
        rest = sorted((i for i in self.issues if i.code not in FATAL), key=self.sort_key)
        keep = max(self.limit - len(fatal), 0)
        for issue in rest[keep:]:
            self.omitted[CODES[issue.code] is Severity.ERROR] += 1
        self.issues = fatal + rest[:keep]

    def get(self, obj: Any, name: str) -> Any:
        """Member ``name`` of ``obj`` when it is present and usable, else :data:`MISSING`."""
        if type(obj) is not dict and type(obj) is not DupDict:
            return MISSING
        if name not in obj:
            return MISSING
        bad = self.bad.get(id(obj))
        if bad is not None and name in bad:
            return MISSING
        return obj[name]

    def wrong_type(
        self, value: Any, expected: str, parent: Path, key: str | int, depth: int
    ) -> bool:
        """Record ``wrong-type`` (or ``non-finite-number`` for NaN and friends); return False.

        An object or array of the wrong type is still searched for what the raw JSON checks
        find in any value (depth, repeated keys, non-finite numbers); ``depth`` is its depth.
        """
        path = (*parent, key)
        if _non_finite(value):
            self.add("non-finite-number", path, literal=show(value))
            return False
        self.add(
            "wrong-type",
            path,
            field=_field_name(parent, key),
            expected_type=expected,
            got_type=json_type(value),
        )
        kind = type(value)
        if kind is dict or kind is DupDict or kind is list:
            _free(value, parent, key, self, depth)
        return False

    def invalid(
        self, parent: Path, key: str | int, variant: str, value: Any, **params: Any
    ) -> bool:
        """Record ``invalid-value`` with message ``invalid-value.VARIANT``; return False."""
        self.add(
            "invalid-value",
            (*parent, key),
            f"invalid-value.{variant}",
            field=_field_name(parent, key),
            got=show(value),
            **params,
        )
        return False


def json_type(value: Any) -> str:
    """The JSON type name of a parsed value (``python:NAME`` for a value that is not JSON)."""
    if value is None:
        return "null"
    kind = type(value)
    if kind is bool:
        return "boolean"
    if kind is int:
        return "integer"
    if kind is float or kind is NonFinite or kind is InexactFloat:
        return "number"
    if kind is str:
        return "string"
    if kind is list:
        return "array"
    if kind is dict or kind is DupDict:
        return "object"
    return f"python:{kind.__name__}"


def _non_finite(value: Any) -> bool:
    """``NaN``, an infinity, or an integer beyond the largest double (a parsed or given value)."""
    kind = type(value)
    if kind is NonFinite:
        return True
    if kind is float:
        return not math.isfinite(value)
    if kind is int:
        return not -MAX_DOUBLE <= value <= MAX_DOUBLE
    return False


def show(value: Any, limit: int = 60) -> str:
    """A short JSON rendering of ``value`` for messages; never fails.

    >>> show("kemensos"), show(float("nan")), show(10**5000), show(["x"] * 40)[-3:]
    ('"kemensos"', 'NaN', '<5001 digits>', '"x…')
    """
    kind = type(value)
    if kind is NonFinite:
        text: str = value.literal
    elif kind is float and not math.isfinite(value):
        text = "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    elif kind is int and not -(2**63) <= value < 2**64:
        text = _long_int(value)
    else:
        try:
            budget: list[Any] = [limit, False]
            text = orjson.dumps(_trimmed(value, budget)).decode()
            if budget[1] and len(text) <= limit:
                text = text[: limit - 2] + "…"
        except (TypeError, ValueError):
            try:
                text = repr(value)
            except Exception:  # a foreign object whose repr fails: say what it is
                text = f"<{kind.__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _trimmed(value: Any, budget: list[Any]) -> Any:
    """As much of ``value`` as ``budget`` characters show: only that part is ever rendered.

    A message never renders a whole 60 MB value to show its first 60 characters.
    ``budget`` is ``[characters left, whether anything was cut]``.
    """
    budget[0] -= 1
    kind = type(value)
    if kind is str:
        text = value[: max(budget[0], 0) + 1]
        budget[0] -= len(text)
        budget[1] = budget[1] or len(text) < len(value)
        return text
    if kind is list:
        items = []
        for item in value:
            if budget[0] <= 0:
                budget[1] = True
                break
            items.append(_trimmed(item, budget))
        return items
    if kind is dict or kind is DupDict:
        members = {}
        for name, item in value.items():
            if budget[0] <= 0:
                budget[1] = True
                break
            members[_trimmed(name, budget)] = _trimmed(item, budget)
        return members
    return value


def clip(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis: what a message echoes of input.

    >>> clip("k" * 100)[-3:], len(clip("k" * 100)), clip("short")
    ('kk…', 60, 'short')
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _long_int(value: int) -> str:
    """A huge integer in full when Python can print it, else its size (printing it may fail)."""
    digits = int(abs(value).bit_length() * math.log10(2)) + 1
    if digits < 4000:
        return str(value)
    return f"{'-' if value < 0 else ''}<{digits} digits>"


def _field_name(parent: Path, key: str | int) -> str:
    if isinstance(key, int):
        names = [str(s) for s in parent if isinstance(s, str)]
        return f"{names[-1] if names else ''}[{key}]"
    return key


# --- value parsers shared with the domain rules -------------------------------------------------

_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TIMESTAMP_RE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,6}))?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})?"
)


def parse_date(text: str) -> date | None:
    """A ``YYYY-MM-DD`` date that exists, else ``None``."""
    match = _DATE_RE.fullmatch(text)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def parse_timestamp(text: str) -> datetime | str:
    """An RFC 3339 timestamp with offset, or the issue code that refuses it.

    >>> parse_timestamp("2022-12-01T09:30:00+07:00").isoformat()
    '2022-12-01T09:30:00+07:00'
    >>> parse_timestamp("2022-12-01T09:30:00"), parse_timestamp("2022-02-30T09:30:00Z")
    ('naive-timestamp', 'invalid-date')
    """
    match = _TIMESTAMP_RE.fullmatch(text)
    if match is None:
        return "invalid-date"
    offset = match[8]
    if offset is not None and offset != "Z" and (offset[1:3] > "23" or offset[4:6] > "59"):
        return "invalid-date"
    try:  # the pattern admits only RFC 3339 forms, which fromisoformat reads exactly
        moment = datetime.fromisoformat(text)
    except ValueError:  # a day or time that does not exist (2022-02-30, 24:00, :60)
        return "invalid-date"
    return "naive-timestamp" if offset is None else moment


# --- checkers ------------------------------------------------------------------------------------

Checker = Callable[[Any, Path, "str | int", Walk, int], bool]
"""``checker(value, parent_path, key, walk, depth) -> usable``."""


def text(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
    if type(value) is str:
        return bool(value.strip()) or w.invalid(parent, key, "blank", value)
    return w.wrong_type(value, "string", parent, key, depth)


def string(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
    return type(value) is str or w.wrong_type(value, "string", parent, key, depth)


def boolean(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
    return type(value) is bool or w.wrong_type(value, "boolean", parent, key, depth)


def day(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
    if type(value) is not str:
        return w.wrong_type(value, "string", parent, key, depth)
    if parse_date(value) is None:
        w.add("invalid-date", (*parent, key), "invalid-date.date", field=key, got=show(value))
        return False
    return True


def timestamp(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
    if type(value) is not str:
        return w.wrong_type(value, "string", parent, key, depth)
    parsed = parse_timestamp(value)
    if parsed == "naive-timestamp":
        w.add("naive-timestamp", (*parent, key), field=key, got=show(value))
        return False
    if parsed == "invalid-date":
        w.add("invalid-date", (*parent, key), "invalid-date.timestamp", field=key, got=show(value))
        return False
    return True


def reporting_period(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
    if type(value) is not str:
        return w.wrong_type(value, "string", parent, key, depth)
    try:
        if not value.isascii():  # only ASCII digits are digits in the format
            raise ValueError(value)
        ReportingPeriod.parse(value)
    except ValueError:
        return w.invalid(
            parent, key, "period", value, allowed=", ".join(c.value for c in PeriodCode)
        )
    return True


def link(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
    if type(value) is not str:
        return w.wrong_type(value, "string", parent, key, depth)
    try:
        Link.parse(value)
    except ValueError:
        return w.invalid(parent, key, "expected", value, expected="link")
    return True


def timezone(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
    if type(value) is not str:
        return w.wrong_type(value, "string", parent, key, depth)
    try:
        zone(value)
    except (ValueError, OSError):  # dateutil may try a long name as a file
        w.add("invalid-value", (*parent, key), "invalid-value.timezone", got=show(value))
        return False
    return True


def pattern(expected: checks.Pattern) -> Checker:
    """A string matched whole by ``expected``; a miss is ``invalid-value`` naming the pattern."""
    ok = expected.ok

    def check(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
        if type(value) is not str:
            return w.wrong_type(value, "string", parent, key, depth)
        return ok(value) or w.invalid(parent, key, "expected", value, expected=expected.name)

    return check


def responsible(expected: checks.Pattern) -> Checker:
    """An item of ``responsible``: a miss is ``responsible-invalid`` (format.md)."""
    ok = expected.ok

    def check(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
        if type(value) is not str:
            return w.wrong_type(value, "string", parent, key, depth)
        if ok(value):
            return True
        w.add("responsible-invalid", (*parent, key), "responsible-invalid.pattern", got=show(value))
        return False

    return check


def integer(bounds: checks.Int) -> Checker:
    low, high = bounds.low, bounds.high

    def check(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
        if type(value) is not int:
            return w.wrong_type(value, "integer", parent, key, depth)
        if low <= value <= high:
            return True
        if not -MAX_DOUBLE <= value <= MAX_DOUBLE:
            w.add("non-finite-number", (*parent, key), literal=show(value))
            return False
        if high == checks.MAX_INT and value < low:
            return w.invalid(parent, key, "min", value, low=low)
        return w.invalid(parent, key, "range", value, low=low, high=high)

    return check


def enumeration(enum_type: type[enum.Enum]) -> Checker:
    values = frozenset(str(member.value) for member in enum_type)
    allowed = ", ".join(f'"{member.value}"' for member in enum_type)

    def check(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
        if type(value) is not str:
            return w.wrong_type(value, "string", parent, key, depth)
        return value in values or w.invalid(parent, key, "enum", value, allowed=allowed)

    return check


def array(item: Checker, *, scalar: bool, non_empty: bool, unique: bool) -> Checker:
    def check(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
        if type(value) is not list:
            return w.wrong_type(value, "array", parent, key, depth)
        path = (*parent, key)
        if value and depth + 1 > MAX_DEPTH:
            raise TooDeep((*path, 0))
        usable = True
        for index, element in enumerate(value):
            if not item(element, path, index, w, depth + 1) and scalar:
                usable = False
        if non_empty and not value:
            return w.invalid(parent, key, "empty", value)
        if unique and usable:
            first: dict[Any, int] = {}
            for index, element in enumerate(value):
                if element in first:
                    w.add(
                        "duplicate-id",
                        (*path, index),
                        "duplicate-id.item",
                        field=key,
                        got=show(element),
                        first=to_pointer((*path, first[element])),
                    )
                    usable = False
                else:
                    first[element] = index
        return usable

    return check


def _free(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
    """Any JSON (extensions, unknown members): depth, keys, numbers and JSON types are checked.

    Iterative, in document order, holding one iterator per open container: memory stays
    bounded by the depth, whatever the length of an array or object.
    """
    stack: list[tuple[Iterator[tuple[Any, Any]], Path, int]] = []
    _free_one(value, parent, key, w, depth, stack)
    while stack:
        items, path, level = stack[-1]
        entry = next(items, None)
        if entry is None:
            stack.pop()
            continue
        _free_one(entry[1], path, entry[0], w, level + 1, stack)
    return True


def _free_one(
    item: Any,
    where: Path,
    name: str | int,
    w: Walk,
    level: int,
    stack: list[tuple[Iterator[tuple[Any, Any]], Path, int]],
) -> None:
    if level > MAX_DEPTH:
        raise TooDeep((*where, name))
    kind = type(item)
    if kind is str or kind is bool or item is None:
        return
    if kind is dict or kind is DupDict:
        w.keys += len(item)
        path = (*where, name)
        if kind is DupDict:
            _report_duplicates(item, path, w)
        if all(type(k) is str for k in item):
            stack.append((iter(item.items()), path, level))
        else:
            stack.append((iter(_string_keys(list(item.items()), path, w)), path, level))
    elif kind is list:
        stack.append((enumerate(item), (*where, name), level))
    elif kind is int:  # kept exactly, up to MAX_INTEGER_DIGITS digits
        if not -INTEGER_LIMIT < item < INTEGER_LIMIT:
            w.add("non-finite-number", (*where, name), literal=show(item))
    elif kind is float:
        if not math.isfinite(item):
            w.add("non-finite-number", (*where, name), literal=show(item))
    elif kind is InexactFloat:
        w.add("inexact-number", (*where, name), literal=clip(item.literal), kept=repr(float(item)))
    elif kind is NonFinite:
        w.add("non-finite-number", (*where, name), literal=item.literal)
    else:  # a Python object in an already-parsed document: not JSON
        w.add(
            "wrong-type",
            (*where, name),
            "wrong-type.json",
            field=_field_name(where, name),
            got_type=json_type(item),
        )


def inexact_numbers(value: Any) -> list[RawIssue]:
    """The ``inexact-number`` warnings of a parsed document, in document order."""
    w = Walk(value)
    _free(value, (), "", w, 0)
    return [
        RawIssue(i.code, i.key, i.path[1:], i.params)
        for i in w.issues
        if i.code == "inexact-number"
    ]


def _string_keys(pairs: list[tuple[Any, Any]], path: Path, w: Walk) -> list[tuple[Any, Any]]:
    """Report the keys that are not strings (a dict given by a program); keep the others."""
    kept = []
    for k, v in pairs:
        if type(k) is str:
            kept.append((k, v))
        else:
            _foreign_key(k, path, w)
    return kept


def _foreign_key(name: Any, path: Path, w: Walk) -> None:
    w.append(
        RawIssue(
            "wrong-type",
            "wrong-type.key",
            (*path, show(name)),
            {"got": show(name), "got_type": json_type(name)},
            "key",
        )
    )


def extensions(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
    if type(value) is not dict and type(value) is not DupDict:
        return w.wrong_type(value, "object", parent, key, depth)
    return _free(value, parent, key, w, depth)


def _report_duplicates(obj: DupDict, path: Path, w: Walk) -> None:
    counts: dict[str, int] = {}
    for name in obj.duplicates:
        counts[name] = counts.get(name, 0) + 1
        issue = RawIssue(
            "duplicate-key", "duplicate-key", (*path, name), {"key": clip(name)}, "key"
        )
        issue.occurrence = counts[name]
        w.append(issue)


@attrs.frozen
class ObjectSpec:
    """The JSON members of one entity: a checker each, and which are required."""

    name: str
    fields: dict[str, Checker]
    required: tuple[str, ...]

    def check(self, value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
        """Check an object of this shape; True when it is an object at all."""
        if type(value) is not dict and type(value) is not DupDict:
            return w.wrong_type(value, "object", parent, key, depth)
        return self.check_members(value, (*parent, key), w, depth)

    def check_members(
        self,
        value: dict[str, Any],
        path: Path,
        w: Walk,
        depth: int,
        extra: frozenset[str] = frozenset(),
    ) -> bool:
        """Check the members of ``value`` (the object at ``path``, at ``depth``)."""
        w.keys += len(value)
        if type(value) is DupDict:
            _report_duplicates(value, path, w)
        fields = self.fields
        bad: set[str] | None = None
        for name, member in value.items():
            checker = fields.get(name)
            if checker is None:
                if name in extra:
                    continue
                if type(name) is not str:
                    _foreign_key(name, path, w)
                    continue
                suggestion = difflib.get_close_matches(name, list(fields), n=1, cutoff=0.75)
                w.append(
                    RawIssue(
                        "unknown-field",
                        "unknown-field.suggest" if suggestion else "unknown-field",
                        (*path, name),
                        {"field": clip(name), "suggestion": suggestion[0] if suggestion else ""},
                        "key",
                    )
                )
                _free(member, path, name, w, depth + 1)
                if bad is None:
                    bad = set()
                continue
            if not checker(member, path, name, w, depth + 1):
                if bad is None:
                    bad = set()
                bad.add(name)
        for name in self.required:
            if name not in value:
                w.add("missing-field", (*path, name), None, "container", field=name)
                if bad is None:
                    bad = set()
                bad.add(name)
        if bad:
            w.bad[id(value)] = bad
        return True


_WINDOW = ObjectSpec("window", {"opens": day, "closes": day}, ("opens", "closes"))


def windows(value: Any, parent: Path, key: str | int, w: Walk, depth: int) -> bool:
    if type(value) is not dict and type(value) is not DupDict:
        return w.wrong_type(value, "object", parent, key, depth)
    w.keys += len(value)
    path = (*parent, key)
    if type(value) is DupDict:
        _report_duplicates(value, path, w)
    usable = True
    for code, window in value.items():
        if type(code) is not str:
            _foreign_key(code, path, w)
            usable = False
            continue
        _WINDOW.check(window, path, code, w, depth + 1)
    return usable

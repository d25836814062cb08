"""One declaration per field kind: how a member of each kind is checked, read, described, written.

Every member of an entity is of one *field kind*: a kind of :mod:`ranham.model._checks` check
(``Text``, ``Pattern``, ``Int``, ``Enum``, ``Tuple``…), or one of the few members whose rule the
model's field alone does not tell (``windows``, ``extensions``, an institution's ``code``…).
Four consumers need to know each kind, and each takes its part from the kind's one declaration
here, as cattrs' hook factories are looked up by type:

- :meth:`FieldKind.careful`: the checker of the careful walk (:mod:`ranham.validation._careful`),
  which explains every problem;
- :meth:`FieldKind.fast`: the statements of the generated fast path
  (:mod:`ranham.validation._build`), which check a raw value and turn it into the domain value;
- :meth:`FieldKind.schema`: the member's JSON Schema (:mod:`ranham.io.schema`);
- :meth:`FieldKind.write`: the expression of the converter's generated writer
  (:mod:`ranham.io._converter`).

Each consumer passes itself as the ``to`` argument (recursion into nested entities and items,
names bound into generated code), the way cattrs passes the converter to a hook factory.
:func:`kind_of` looks a check up by its exact type and raises
:class:`~ranham.errors.ArgumentTypeError` naming a check it does not know: a new kind of check
fails loudly until it is declared here, and a test proves every subclass of ``Check`` declared.

The model knows nothing of this module (``model`` never imports ``validation``): a check stays a
small value describing what it accepts, and this is the one place that says what it is in JSON.
"""

from __future__ import annotations

import abc
import math
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any, ClassVar, Generic, Protocol, TypeVar

import attrs

from ranham import model
from ranham.errors import ArgumentTypeError
from ranham.model import _checks as checks
from ranham.model._fields import EXTENSIONS
from ranham.model._frozen import FrozenMap
from ranham.model.forum import LINK, Link
from ranham.periods import PeriodCode, ReportingPeriod, Window, zone
from ranham.validation import _walk as walk
from ranham.validation._json import INTEGER_LIMIT, MAX_DEPTH, InexactFloat
from ranham.validation._walk import REQUIRED_IN_JSON, Checker, parse_timestamp

__all__ = [
    "Bail",
    "Counter",
    "FieldInfo",
    "FieldKind",
    "describe",
    "kind_of",
]

C = TypeVar("C")


class Bail(Exception):
    """The fast path found a problem; the careful path will say which."""


class Counter:
    """Counts the object keys the fast path read, and notes whether it read a float.

    The keys are compared with the keys in the text (repeated keys); a float may be an integer
    beyond 64 bits that ``orjson`` read as a float.
    """

    __slots__ = ("colons", "floats", "inexact", "keys")

    def __init__(self) -> None:
        self.keys = 0
        self.floats = False
        self.inexact = False  # a number the text wrote with more digits than a double holds
        self.colons = 0  # colons inside the strings read (see ranham.validation._check_bytes)


# --- what each consumer gives the kinds ----------------------------------------------------------


class CarefulTo(Protocol):
    """The careful walk, as a kind sees it."""

    @property
    def empty_ok(self) -> bool:
        """The member is a list whose emptiness a more specific rule reports."""

    def entity(self, cls: type) -> Checker:
        """The checker of an object holding entity ``cls``."""


class FastTo(Protocol):
    """The fast-path generator, as a kind sees it."""

    def bind(self, prefix: str, value: Any) -> str:
        """Put ``value`` into the generated code's names; return the name it has there."""

    def entity(self, cls: type) -> str:
        """The name of the generated builder of entity ``cls`` (``b(raw, depth, counter)``)."""


class SchemaTo(Protocol):
    """The JSON Schema export, as a kind sees it."""

    def ref(self, cls: type) -> dict[str, Any]:
        """A ``$ref`` to the schema of entity ``cls``."""

    def define(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        """A ``$ref`` to ``schema``, put into ``$defs`` as ``name``."""


class WriteTo(Protocol):
    """The converter's writer generator, as a kind sees it."""

    def value(self, type_: type, var: str, inline: str) -> str:
        """``inline`` (an expression writing ``var``) unless a hook for ``type_`` replaced it."""

    def bind(self, prefix: str, value: Any) -> str:
        """Put ``value`` into the generated code's names; return the name it has there."""

    def entity(self, cls: type, var: str) -> str:
        """An expression writing entity ``var`` of class ``cls``."""


# --- the declaration -----------------------------------------------------------------------------


class FieldKind(abc.ABC, Generic[C]):
    """How the members of one kind are checked, read, described and written in JSON.

    ``C`` is the check the methods receive (``None`` for a special member, which has none).
    """

    colons: ClassVar[bool] = False
    """Whether a string of this kind may hold ``:`` (the fast path counts those colons)."""

    def holds_colons(self, check: C) -> bool:
        """Whether a string that passes ``check`` may contain ``:``."""
        return self.colons

    @abc.abstractmethod
    def careful(self, check: C, to: CarefulTo) -> Checker:
        """The careful walk's checker: records every problem, returns whether usable."""

    @abc.abstractmethod
    def fast(self, check: C, to: FastTo) -> list[str]:
        """Statements turning raw ``v`` (at ``depth + 1``) into its domain value ``v``.

        They ``raise Bail`` (or a ``LookupError`` or ``ValueError``) on any problem, and count
        the colons of the strings they read (``counter.colons``).
        """

    def fast_item(self, check: C, to: FastTo) -> str:
        """An expression turning raw list item ``x`` (at ``depth + 2``) into its domain value."""
        raise ArgumentTypeError(f"a {type(self).__name__} member cannot be a list item.")

    @abc.abstractmethod
    def schema(self, check: C, to: SchemaTo) -> dict[str, Any]:
        """The member's JSON Schema (a relaxation of the careful check)."""

    @abc.abstractmethod
    def write(self, check: C, var: str, to: WriteTo) -> str:
        """An expression writing domain value ``var`` as JSON-ready data."""


def _counted(var: str) -> list[str]:
    return [f'if ":" in {var}:', f'    counter.colons += {var}.count(":")']


class _Scalar(FieldKind[C]):
    """A kind whose fast path is one function ``read(raw) -> value`` (raising :class:`Bail`)."""

    @abc.abstractmethod
    def read(self, check: C) -> Callable[[Any], Any]:
        """The fast path's reader of one raw value."""

    def fast(self, check: C, to: FastTo) -> list[str]:
        name = to.bind("s", self.read(check))
        if not self.holds_colons(check):
            return [f"v = {name}(v)"]
        # count the colons of the text once the reader has proved it a string
        return ["t = v", f"v = {name}(v)", *_counted("t")]

    def fast_item(self, check: C, to: FastTo) -> str:
        return f"{to.bind('s', self.read(check))}(x)"


# --- the kinds of check -------------------------------------------------------------------------


_TEXT_SCHEMA = {"type": "string", "pattern": r"\S"}


def _read_text(value: Any) -> str:
    if type(value) is not str or not value or value.isspace():
        raise Bail
    return value


class TextKind(_Scalar[checks.Text]):
    """:class:`~ranham.model._checks.Text`: a string that is not blank."""

    colons = True

    def careful(self, check: checks.Text, to: CarefulTo) -> Checker:
        return walk.text

    def read(self, check: checks.Text) -> Callable[[Any], Any]:
        return _read_text

    def fast(self, check: checks.Text, to: FastTo) -> list[str]:
        return ["if type(v) is not str or not v or v.isspace():", "    raise Bail", *_counted("v")]

    def schema(self, check: checks.Text, to: SchemaTo) -> dict[str, Any]:
        return dict(_TEXT_SCHEMA)

    def write(self, check: checks.Text, var: str, to: WriteTo) -> str:
        return to.value(str, var, var)


def _anchored(regex: str) -> str:
    return f"^(?:{regex})$"


class PatternKind(_Scalar[checks.Pattern]):
    """:class:`~ranham.model._checks.Pattern`: a string matched whole by a regular expression."""

    COLON_FREE: ClassVar[frozenset[str]] = frozenset(
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
    """The patterns whose strings cannot hold a colon; every other string's colons are counted."""

    def holds_colons(self, check: checks.Pattern) -> bool:
        return check.name not in self.COLON_FREE

    def careful(self, check: checks.Pattern, to: CarefulTo) -> Checker:
        return walk.pattern(check)

    def read(self, check: checks.Pattern) -> Callable[[Any], Any]:
        match = re.compile(check.regex).fullmatch

        def pattern(value: Any) -> str:
            if type(value) is not str or match(value) is None:
                raise Bail
            return value

        return pattern

    def fast(self, check: checks.Pattern, to: FastTo) -> list[str]:
        match = to.bind("m", re.compile(check.regex).fullmatch)
        count = _counted("v") if self.holds_colons(check) else []
        return [f"if type(v) is not str or {match}(v) is None:", "    raise Bail", *count]

    def schema(self, check: checks.Pattern, to: SchemaTo) -> dict[str, Any]:
        return {"type": "string", "pattern": _anchored(check.portable_regex)}

    def write(self, check: checks.Pattern, var: str, to: WriteTo) -> str:
        return to.value(str, var, var)


class ResponsibleKind(PatternKind):
    """:class:`~ranham.model._checks.ResponsibleCode`: a miss is ``responsible-invalid``."""

    def careful(self, check: checks.Pattern, to: CarefulTo) -> Checker:
        return walk.responsible(check)


class IntKind(_Scalar[checks.Int]):
    """:class:`~ranham.model._checks.Int`: an integer (not a boolean) within bounds."""

    def careful(self, check: checks.Int, to: CarefulTo) -> Checker:
        return walk.integer(check)

    def read(self, check: checks.Int) -> Callable[[Any], Any]:
        low, high = check.low, check.high

        def integer(value: Any) -> int:
            if type(value) is not int or not low <= value <= high:
                raise Bail
            return value

        return integer

    def fast(self, check: checks.Int, to: FastTo) -> list[str]:
        return [f"if type(v) is not int or not {check.low} <= v <= {check.high}:", "    raise Bail"]

    def schema(self, check: checks.Int, to: SchemaTo) -> dict[str, Any]:
        return {"type": "integer", "minimum": check.low, "maximum": check.high}

    def write(self, check: checks.Int, var: str, to: WriteTo) -> str:
        return to.value(int, var, var)


def _read_flag(value: Any) -> bool:
    if type(value) is not bool:
        raise Bail
    return value


class FlagKind(_Scalar[checks.Flag]):
    """:class:`~ranham.model._checks.Flag`: ``true`` or ``false``."""

    def careful(self, check: checks.Flag, to: CarefulTo) -> Checker:
        return walk.boolean

    def read(self, check: checks.Flag) -> Callable[[Any], Any]:
        return _read_flag

    def fast(self, check: checks.Flag, to: FastTo) -> list[str]:
        return ["if type(v) is not bool:", "    raise Bail"]

    def schema(self, check: checks.Flag, to: SchemaTo) -> dict[str, Any]:
        return {"type": "boolean"}

    def write(self, check: checks.Flag, var: str, to: WriteTo) -> str:
        return to.value(bool, var, var)


def _enum_schema(enum_type: type[Any]) -> dict[str, Any]:
    return {"type": "string", "enum": [member.value for member in enum_type]}


class EnumKind(_Scalar[checks.Enum]):
    """:class:`~ranham.model._checks.Enum`: a member of an enumeration, written as its value."""

    def careful(self, check: checks.Enum, to: CarefulTo) -> Checker:
        return walk.enumeration(check.enum_type)

    def read(self, check: checks.Enum) -> Callable[[Any], Any]:
        members = {str(member.value): member for member in check.enum_type}

        def member(value: Any) -> Any:
            if type(value) is not str:
                raise Bail
            return members[value]

        return member

    def fast(self, check: checks.Enum, to: FastTo) -> list[str]:
        members = to.bind("e", {str(m.value): m for m in check.enum_type})
        return ["if type(v) is not str:", "    raise Bail", f"v = {members}[v]"]

    def schema(self, check: checks.Enum, to: SchemaTo) -> dict[str, Any]:
        return _enum_schema(check.enum_type)

    def write(self, check: checks.Enum, var: str, to: WriteTo) -> str:
        return to.value(check.enum_type, var, f"{var}.value")


_DATE_SCHEMA = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fullmatch


def _read_date(value: Any) -> date:
    if type(value) is not str or _DATE(value) is None:
        raise Bail
    return date.fromisoformat(value)


class DayKind(_Scalar[checks.Day]):
    """:class:`~ranham.model._checks.Day`: a calendar date ``YYYY-MM-DD``."""

    def careful(self, check: checks.Day, to: CarefulTo) -> Checker:
        return walk.day

    def read(self, check: checks.Day) -> Callable[[Any], Any]:
        return _read_date

    def schema(self, check: checks.Day, to: SchemaTo) -> dict[str, Any]:
        return dict(_DATE_SCHEMA)

    def write(self, check: checks.Day, var: str, to: WriteTo) -> str:
        return to.value(date, var, f"{var}.isoformat()")


_TIMESTAMP_SCHEMA = {
    "type": "string",
    "format": "date-time",
    "pattern": (
        r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?"
        r"(Z|[+-][0-9]{2}:[0-9]{2})$"
    ),
}


def _read_timestamp(value: Any) -> datetime:
    if type(value) is not str:
        raise Bail
    parsed = parse_timestamp(value)
    if type(parsed) is str:
        raise Bail
    return parsed  # type: ignore[return-value]


class InstantKind(_Scalar[checks.Instant]):
    """:class:`~ranham.model._checks.Instant`: an RFC 3339 timestamp with its offset."""

    colons = True

    def careful(self, check: checks.Instant, to: CarefulTo) -> Checker:
        return walk.timestamp

    def read(self, check: checks.Instant) -> Callable[[Any], Any]:
        return _read_timestamp

    def schema(self, check: checks.Instant, to: SchemaTo) -> dict[str, Any]:
        return dict(_TIMESTAMP_SCHEMA)

    def write(self, check: checks.Instant, var: str, to: WriteTo) -> str:
        return to.value(datetime, var, f"{to.bind('_timestamp', format_timestamp)}({var})")


_UTC = timedelta(0)


def format_timestamp(moment: datetime) -> str:
    """RFC 3339 with the offset the timestamp carries; UTC is written ``Z``.

    >>> from datetime import timedelta, timezone
    >>> format_timestamp(datetime(2022, 12, 1, 9, 30, tzinfo=timezone(timedelta(hours=7))))
    '2022-12-01T09:30:00+07:00'
    >>> format_timestamp(datetime(2022, 12, 1, 2, 30, 0, 250000, tzinfo=timezone.utc))
    '2022-12-01T02:30:00.250000Z'
    """
    offset = moment.utcoffset()
    if offset is None or offset == _UTC or offset.seconds % 60 or offset.microseconds:
        # UTC, or a historical offset with seconds that RFC 3339 cannot write: write it in UTC.
        return moment.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"
    return moment.isoformat()


def _read_period(value: Any) -> ReportingPeriod:
    if type(value) is not str:
        raise Bail
    return ReportingPeriod.parse(value)


class PeriodKind(_Scalar[checks.Instance]):
    """``Instance(ReportingPeriod)``: a reporting period ``YYYY-CODE``, written as text."""

    def careful(self, check: checks.Instance, to: CarefulTo) -> Checker:
        return walk.reporting_period

    def read(self, check: checks.Instance) -> Callable[[Any], Any]:
        return _read_period

    def schema(self, check: checks.Instance, to: SchemaTo) -> dict[str, Any]:
        codes = "|".join(c.value for c in PeriodCode)
        return {"type": "string", "pattern": f"^[0-9]{{4}}-({codes})$"}

    def write(self, check: checks.Instance, var: str, to: WriteTo) -> str:
        return to.value(ReportingPeriod, var, f"str({var})")


def _read_link(value: Any) -> Link:
    if type(value) is not str:
        raise Bail
    return Link.parse(value)


class LinkKind(_Scalar[checks.Instance]):
    """``Instance(Link)``: a follow-up's link ``TYPE:ID``, written as text."""

    colons = True

    def careful(self, check: checks.Instance, to: CarefulTo) -> Checker:
        return walk.link

    def read(self, check: checks.Instance) -> Callable[[Any], Any]:
        return _read_link

    def schema(self, check: checks.Instance, to: SchemaTo) -> dict[str, Any]:
        return {"type": "string", "pattern": _anchored(LINK.portable_regex)}

    def write(self, check: checks.Instance, var: str, to: WriteTo) -> str:
        return to.value(Link, var, f"str({var})")


class EntityKind(FieldKind[checks.Instance]):
    """``Instance(cls)`` of an entity class: a JSON object with ``cls``'s members."""

    def careful(self, check: checks.Instance, to: CarefulTo) -> Checker:
        return to.entity(check.kind)

    def fast(self, check: checks.Instance, to: FastTo) -> list[str]:
        return [f"v = {to.entity(check.kind)}(v, depth + 1, counter)"]

    def fast_item(self, check: checks.Instance, to: FastTo) -> str:
        return f"{to.entity(check.kind)}(x, depth + 2, counter)"

    def schema(self, check: checks.Instance, to: SchemaTo) -> dict[str, Any]:
        return to.ref(check.kind)

    def write(self, check: checks.Instance, var: str, to: WriteTo) -> str:
        return to.entity(check.kind, var)


class InstanceKind(FieldKind[checks.Instance]):
    """:class:`~ranham.model._checks.Instance`: the kind of the class it names.

    A value type written as text (:data:`VALUE_TYPES`), or an entity (an attrs class) written as
    an object; any other class is refused by :func:`kind_of`.
    """

    def of(self, check: checks.Instance) -> FieldKind[checks.Instance]:
        """The kind of the class ``check`` names."""
        kind = VALUE_TYPES.get(check.kind)
        if kind is not None:
            return kind
        if attrs.has(check.kind):
            return ENTITY
        raise ArgumentTypeError(
            f"no field kind is declared for Instance({check.kind.__name__}): declare its value "
            "type in ranham.validation._kinds.VALUE_TYPES."
        )

    def holds_colons(self, check: checks.Instance) -> bool:
        return self.of(check).holds_colons(check)

    def careful(self, check: checks.Instance, to: CarefulTo) -> Checker:
        return self.of(check).careful(check, to)

    def fast(self, check: checks.Instance, to: FastTo) -> list[str]:
        return self.of(check).fast(check, to)

    def fast_item(self, check: checks.Instance, to: FastTo) -> str:
        return self.of(check).fast_item(check, to)

    def schema(self, check: checks.Instance, to: SchemaTo) -> dict[str, Any]:
        return self.of(check).schema(check, to)

    def write(self, check: checks.Instance, var: str, to: WriteTo) -> str:
        return self.of(check).write(check, var, to)


class TupleKind(FieldKind[checks.Tuple]):
    """:class:`~ranham.model._checks.Tuple`: a JSON array of items of one kind."""

    def careful(self, check: checks.Tuple, to: CarefulTo) -> Checker:
        item = kind_of(check.item).careful(check.item, to)
        scalar = not (isinstance(check.item, checks.Instance) and attrs.has(check.item.kind))
        non_empty = check.non_empty and not to.empty_ok
        return walk.array(item, scalar=scalar, non_empty=non_empty, unique=check.unique)

    def fast(self, check: checks.Tuple, to: FastTo) -> list[str]:
        item = kind_of(check.item)
        lines = ["if type(v) is not list:", "    raise Bail"]
        expression = item.fast_item(check.item, to)
        if item.holds_colons(check.item):
            lines.append('counter.colons += sum([x.count(":") for x in v if type(x) is str])')
        lines.append(f"v = tuple([{expression} for x in v])")
        if check.non_empty:
            lines += ["if not v:", "    raise Bail"]
        if check.unique:
            lines += ["if len(set(v)) != len(v):", "    raise Bail"]
        return lines

    def schema(self, check: checks.Tuple, to: SchemaTo) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "array",
            "items": kind_of(check.item).schema(check.item, to),
        }
        if check.non_empty:
            out["minItems"] = 1
        if check.unique:
            out["uniqueItems"] = True
        return out

    def write(self, check: checks.Tuple, var: str, to: WriteTo) -> str:
        item = kind_of(check.item).write(check.item, "x", to)
        if item == "x":
            return f"list({var})"
        return f"[{item} for x in {var}]"


# --- the special members: rules the model's field alone does not tell -----------------------------


def _read_string(value: Any) -> str:
    if type(value) is not str:
        raise Bail
    return value


class CodeKind(_Scalar[None]):
    """An institution's ``code``: its pattern follows its ``kind`` (checked by the rules)."""

    def careful(self, check: None, to: CarefulTo) -> Checker:
        return walk.string

    def read(self, check: None) -> Callable[[Any], Any]:
        return _read_string

    def fast(self, check: None, to: FastTo) -> list[str]:
        return ["if type(v) is not str:", "    raise Bail"]

    def schema(self, check: None, to: SchemaTo) -> dict[str, Any]:
        return {"type": "string", "pattern": _anchored(checks.INSTITUTION_CODE.regex)}

    def write(self, check: None, var: str, to: WriteTo) -> str:
        return to.value(str, var, var)


class ParentKind(CodeKind):
    """A regency's or city's ``parent``: its province, which the rules compare with its code."""

    def schema(self, check: None, to: SchemaTo) -> dict[str, Any]:
        return {"type": "string", "pattern": _anchored(checks.PROVINCE_CODE.regex)}


class TimezoneKind(FieldKind[None]):
    """A plan's ``timezone``: a name in the ``tzdata`` package's list."""

    def careful(self, check: None, to: CarefulTo) -> Checker:
        return walk.timezone

    def fast(self, check: None, to: FastTo) -> list[str]:
        return [f"v = {to.bind('z', _read_timezone)}(v, counter)"]

    def schema(self, check: None, to: SchemaTo) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "description": "An IANA time zone name."}

    def write(self, check: None, var: str, to: WriteTo) -> str:
        return to.value(str, var, var)


def _read_timezone(value: Any, counter: Counter) -> str:
    if type(value) is not str:
        raise Bail
    zone(value)
    counter.colons += value.count(":")
    return value


_PERIOD_CODES = {code.value: code for code in PeriodCode}


def _read_windows(value: Any, depth: int, counter: Counter) -> FrozenMap[PeriodCode, Window]:
    if type(value) is not dict:
        raise Bail
    counter.keys += len(value)
    out = []
    for code, window in value.items():
        if type(window) is not dict or len(window) != 2:
            raise Bail
        counter.keys += 2
        opens, closes = _read_date(window["opens"]), _read_date(window["closes"])
        out.append((_PERIOD_CODES[code], Window(opens, closes)))
    return FrozenMap(out)


def _unstructure_windows(value: FrozenMap[PeriodCode, Window]) -> dict[str, Any]:
    return {
        code.value: {"opens": w.opens.isoformat(), "closes": w.closes.isoformat()}
        for code, w in value.items()
    }


class WindowsKind(FieldKind[None]):
    """A catalog's ``windows``: an object from period codes to ``{opens, closes}``."""

    def careful(self, check: None, to: CarefulTo) -> Checker:
        return walk.windows

    def fast(self, check: None, to: FastTo) -> list[str]:
        return [f"v = {to.bind('w', _read_windows)}(v, depth + 1, counter)"]

    def schema(self, check: None, to: SchemaTo) -> dict[str, Any]:
        window = {
            "type": "object",
            "description": "A submission window: dates in the plan's time zone, inclusive.",
            "properties": {"opens": dict(_DATE_SCHEMA), "closes": dict(_DATE_SCHEMA)},
            "required": ["opens", "closes"],
            "additionalProperties": False,
        }
        return {
            "type": "object",
            "propertyNames": _enum_schema(PeriodCode),
            "additionalProperties": to.define("Window", window),
        }

    def write(self, check: None, var: str, to: WriteTo) -> str:
        return f"{to.bind('_windows', _unstructure_windows)}({var})"


_EMPTY: FrozenMap[str, Any] = FrozenMap()


def _freeze(value: Any, depth: int, counter: Counter) -> Any:
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


def _key(key: Any, counter: Counter) -> str:
    if type(key) is not str:
        raise Bail
    if ":" in key:
        counter.colons += key.count(":")
    return key


def _read_extensions(value: Any, depth: int, counter: Counter) -> FrozenMap[str, Any]:
    if type(value) is not dict:
        raise Bail
    if not value:
        return _EMPTY
    return _freeze(value, depth, counter)  # type: ignore[no-any-return]


def thaw_json(value: Any) -> Any:
    """A frozen JSON value back as plain dicts and lists."""
    kind = type(value)
    if kind is FrozenMap:
        return {k: thaw_json(v) for k, v in value.items()}
    if kind is tuple:
        return [thaw_json(v) for v in value]
    return value


class ExtensionsKind(FieldKind[None]):
    """``extensions``: free JSON, kept verbatim (depth, keys and numbers still checked)."""

    def careful(self, check: None, to: CarefulTo) -> Checker:
        return walk.extensions

    def fast(self, check: None, to: FastTo) -> list[str]:
        return [f"v = {to.bind('x', _read_extensions)}(v, depth + 1, counter)"]

    def schema(self, check: None, to: SchemaTo) -> dict[str, Any]:
        return {"type": "object", "description": "Free JSON, preserved verbatim and ignored."}

    def write(self, check: None, var: str, to: WriteTo) -> str:
        return f"{to.bind('_thaw', thaw_json)}({var})"


# --- the registry --------------------------------------------------------------------------------

ENTITY = EntityKind()

VALUE_TYPES: dict[type, FieldKind[checks.Instance]] = {
    ReportingPeriod: PeriodKind(),
    Link: LinkKind(),
}
"""The value types (not entities) that an ``Instance`` check may name, and their kinds."""

KINDS: dict[type[checks.Check], FieldKind[Any]] = {
    checks.Text: TextKind(),
    checks.Pattern: PatternKind(),
    checks.ResponsibleCode: ResponsibleKind(),
    checks.Int: IntKind(),
    checks.Flag: FlagKind(),
    checks.Enum: EnumKind(),
    checks.Day: DayKind(),
    checks.Instant: InstantKind(),
    checks.Instance: InstanceKind(),
    checks.Tuple: TupleKind(),
}
"""Every kind of check, by its exact type (a subclass is a kind of its own, declared here)."""

SPECIAL: dict[tuple[type, str], FieldKind[None]] = {
    (model.Catalog, "windows"): WindowsKind(),
    (model.Institution, "code"): CodeKind(),
    (model.Institution, "parent"): ParentKind(),
    (model.ActionPlan, "timezone"): TimezoneKind(),
}
"""Members whose rule needs another member (checked by the domain rules) or a table."""

EXTENSIONS_KIND = ExtensionsKind()
"""The kind of every member marked as ``extensions`` (free JSON) in its field's metadata."""


def kind_of(check: checks.Check) -> FieldKind[Any]:
    """The declared kind of ``check``; :class:`~ranham.errors.ArgumentTypeError` if none is."""
    kind = KINDS.get(type(check))
    if kind is None:
        raise ArgumentTypeError(
            f"no field kind is declared for the check {type(check).__name__} ({check!r}): "
            "declare one in ranham.validation._kinds.KINDS."
        )
    return kind


@attrs.frozen
class FieldInfo:
    """One JSON member of an entity: its name, whether required, its check and its kind.

    ``check`` is the member's value check from the model (``None`` for the special members,
    whose ``kind`` alone says what they are).
    """

    name: str
    required: bool
    check: Any
    kind: FieldKind[Any]


@cache
def describe(cls: type) -> tuple[FieldInfo, ...]:
    """The JSON members of an entity class in canonical order, read from its attrs fields."""
    forced = REQUIRED_IN_JSON.get(cls, frozenset())
    out = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        required = field.default is attrs.NOTHING or field.name in forced
        special = (
            EXTENSIONS_KIND if field.metadata.get(EXTENSIONS) else SPECIAL.get((cls, field.name))
        )
        if special is not None:
            out.append(FieldInfo(field.name, required, None, special))
            continue
        check = getattr(field.validator, "check", field.validator)
        out.append(FieldInfo(field.name, required, check, kind_of(check)))
    return tuple(out)

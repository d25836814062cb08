"""The field checks of the entities: attrs validators that also describe themselves.

Each check is an attrs validator (``check(instance, attribute, value)``) that raises
:class:`~ranham.errors.InvariantError` with an attrs-shaped message, *and* a small value object
that says what it accepts (``ok(value)``, ``expected``). Validation reuses ``ok`` on raw JSON
values and the JSON Schema export reads the patterns and bounds, so each check of one field is
written once, here. The rules that relate several fields are written once too, as the
predicates of :mod:`ranham.model._invariants`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, ClassVar

import attrs

from ranham.errors import InvariantError
from ranham.periods import is_aware

__all__ = [
    "MAX_INT",
    "Check",
    "Enum",
    "Flag",
    "Int",
    "Pattern",
    "Text",
    "Tuple",
    "check",
]

MAX_INT = 2**53
"""The format's integers lie within ±2^53, so every JSON reader can hold them exactly."""


@attrs.frozen
class Check:
    """Base class: a named expectation with an issue code for values that miss it."""

    code: ClassVar[str] = "invalid-value"

    def ok(self, value: Any) -> bool:  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    @property
    def expected(self) -> str:  # pragma: no cover - every subclass overrides, but Tuple
        # (a Tuple writes its own messages, naming its item's expectation, and is never an item)
        raise NotImplementedError

    def failure(self, name: str, value: Any) -> str:
        """The message for ``value`` refused in field ``name``."""
        return f"'{name}' must be {self.expected} (got {value!r})."

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not self.ok(value):
            raise InvariantError(
                self.failure(attribute.name, value), code=self.code, field=attribute.name
            )


@attrs.frozen
class Text(Check):
    """A string that is not empty after stripping white space."""

    def ok(self, value: Any) -> bool:
        return type(value) is str and bool(value.strip())

    @property
    def expected(self) -> str:
        return "a non-blank string"


@attrs.frozen
class Pattern(Check):
    """A string matched as a whole by ``regex`` (no anchors needed in ``regex``).

    ``name`` identifies the pattern to message catalogs (``slug``, ``http-url``).
    """

    name: str
    regex: str
    description: str
    _match: Callable[[str], object] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_match", re.compile(self.regex).fullmatch)

    def ok(self, value: Any) -> bool:
        return type(value) is str and self._match(value) is not None

    @property
    def expected(self) -> str:
        return self.description

    @property
    def portable_regex(self) -> str:
        """``regex`` without possessive quantifiers, for JSON Schema (ECMA-262 has none)."""
        return portable(self.regex)


def portable(regex: str) -> str:
    """``regex`` with its possessive quantifiers made greedy: the same language.

    Every unbounded repeat in ``ranham``'s patterns is possessive (``*+``, ``++``), so that no
    input can make a match backtrack; JSON Schema's dialect does not know them.

    >>> portable(r"[a-z]*+(?:/[+-]++)*+\\++x{1,2}+")
    '[a-z]*(?:/[+-]+)*\\\\++x{1,2}'
    """
    out: list[str] = []
    in_class = escaped = False
    after_quantifier = False
    for char in regex:
        if escaped:
            out.append(char)
            escaped = after_quantifier = False
            continue
        if char == "\\":
            escaped = True
            out.append(char)
            after_quantifier = False
            continue
        if in_class:
            in_class = char != "]"
            out.append(char)
            after_quantifier = False
            continue
        if char == "+" and after_quantifier:
            after_quantifier = False
            continue
        out.append(char)
        in_class = char == "["
        after_quantifier = char in "*+?}"
    return "".join(out)


@attrs.frozen
class Int(Check):
    """An ``int`` (not a ``bool``) from ``low`` to ``high`` inclusive."""

    low: int = -MAX_INT
    high: int = MAX_INT

    def ok(self, value: Any) -> bool:
        return type(value) is int and self.low <= value <= self.high

    @property
    def expected(self) -> str:
        if self.high == MAX_INT:
            return f"an integer >= {self.low}"
        return f"an integer from {self.low} to {self.high}"


@attrs.frozen
class Flag(Check):
    """A ``bool``: ``True`` or ``False``, nothing truthy."""

    def ok(self, value: Any) -> bool:
        return type(value) is bool

    @property
    def expected(self) -> str:
        return "True or False"


@attrs.frozen
class Enum(Check):
    """A member of ``enum_type`` (not its value: ``TargetGroup.WOMEN``, not ``"perempuan"``)."""

    enum_type: type[enum.Enum]

    def ok(self, value: Any) -> bool:
        return isinstance(value, self.enum_type)

    @property
    def expected(self) -> str:
        return f"a {self.enum_type.__name__}"

    def failure(self, name: str, value: Any) -> str:
        """The message, with the constructor call that would have worked."""
        hint = f"; use {self.enum_type.__name__}({value!r})" if isinstance(value, str) else ""
        values = ", ".join(repr(m.value) for m in self.enum_type)
        return (
            f"'{name}' must be a {self.enum_type.__name__} (got {value!r}){hint}; one of: {values}."
        )


@attrs.frozen
class Day(Check):
    """A :class:`datetime.date` (a ``datetime`` is refused: it is an instant, not a day)."""

    def ok(self, value: Any) -> bool:
        return type(value) is date

    @property
    def expected(self) -> str:
        return "a datetime.date"


@attrs.frozen
class Instant(Check):
    """An aware :class:`datetime.datetime` (one with a UTC offset)."""

    code: ClassVar[str] = "naive-timestamp"

    def ok(self, value: Any) -> bool:
        return isinstance(value, datetime) and is_aware(value)

    @property
    def expected(self) -> str:
        return "a datetime with a UTC offset (tzinfo)"


@attrs.frozen
class Instance(Check):
    """An instance of ``kind`` (for nested entities and value types)."""

    kind: type

    def ok(self, value: Any) -> bool:
        return isinstance(value, self.kind)

    @property
    def expected(self) -> str:
        return f"a {self.kind.__name__}"


@attrs.frozen
class Tuple(Check):
    """A tuple whose items pass ``item``; optionally non-empty and without repeats."""

    item: Check
    non_empty: bool = False
    unique: bool = False

    def ok(self, value: Any) -> bool:
        return (
            type(value) is tuple
            and all(self.item.ok(v) for v in value)
            and (bool(value) or not self.non_empty)
            and (not self.unique or len(set(value)) == len(value))
        )

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        name = attribute.name
        if type(value) is not tuple:
            raise InvariantError(
                f"'{name}' must be a tuple (got {type(value).__name__} {value!r}).", field=name
            )
        if self.non_empty and not value:
            raise InvariantError(f"'{name}' must have at least one item (got none).", field=name)
        seen: set[Any] = set()
        for index, item in enumerate(value):
            if not self.item.ok(item):
                raise InvariantError(
                    self.item.failure(f"{name}[{index}]", item),
                    code=self.item.code,
                    field=f"{name}.{index}",
                )
            if self.unique:
                if item in seen:
                    raise InvariantError(
                        f"'{name}' must not repeat an item (got {item!r} twice).",
                        code="duplicate-id",
                        field=f"{name}.{index}",
                    )
                seen.add(item)


def check(checker: Check, *, optional: bool = False) -> Callable[..., None]:
    """Wrap ``checker`` so that ``None`` passes when the field is ``optional``.

    The wrapper keeps the check reachable (``.check``, ``.optional``) for introspection.
    """
    if not optional:
        return checker
    return _Optional(checker)


@attrs.frozen
class _Optional:
    check: Check
    optional: ClassVar[bool] = True

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            self.check(instance, attribute, value)


SLUG = Pattern(
    "slug",
    r"[a-z0-9][a-z0-9._-]{0,127}",
    "a slug: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, "
    "at most 128 characters",
)
"""Every ``id`` and every reference to one."""

AGENCY_CODE = Pattern(
    "agency-code",
    r"[a-z][a-z0-9-]{1,62}",
    "a ministry or agency code: a lower-case slug such as 'kemensos' (letters, digits, '-')",
)
"""The code of a ministry (``kementerian``) or agency (``lembaga``)."""


@attrs.frozen
class ResponsibleCode(Pattern):
    """A code in a ``kl`` action's ``responsible``: a miss is ``responsible-invalid``."""

    code: ClassVar[str] = "responsible-invalid"


RESPONSIBLE_CODE = ResponsibleCode("agency-code", AGENCY_CODE.regex, AGENCY_CODE.description)
"""An item of ``responsible`` (format.md: a province code there is ``responsible-invalid``)."""

PROVINCE_CODE = Pattern("province-code", r"[1-9][0-9]", "a two-digit province code such as '32'")
REGENCY_CODE = Pattern(
    "regency-code",
    r"[1-9][0-9]\.(?:0[1-9]|[1-6][0-9])",
    "a regency code PP.KK with KK from 01 to 69, such as '32.16'",
)
CITY_CODE = Pattern(
    "city-code",
    r"[1-9][0-9]\.(?:7[1-9]|[89][0-9])",
    "a city code PP.KK with KK from 71 to 99, such as '33.73'",
)
INSTITUTION_CODE = Pattern(
    "institution-code",
    rf"{AGENCY_CODE.regex}|{PROVINCE_CODE.regex}|{REGENCY_CODE.regex}|{CITY_CODE.regex}",
    "an institution code: a ministry/agency slug ('kemensos'), a province ('32'), "
    "a regency ('32.16') or a city ('33.73')",
)
HTTP_URL = Pattern(
    "http-url",
    r"[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#][^\s]*+",
    "an absolute http or https URL such as 'https://example.org/doc/1'",
)
YEAR = Int(1, 9999)
TEXT = Text()
FLAG = Flag()
DAY = Day()
INSTANT = Instant()

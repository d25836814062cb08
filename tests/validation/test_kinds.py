"""One declaration per field kind: every check is declared, and every consumer takes it from there.

The careful walk, the fast path, the JSON Schema and the converter all look a member's kind up
in :mod:`ranham.validation._kinds`; these tests prove the registry complete for every subclass of
``Check``, refuse an undeclared check loudly, and run all four consumers over an entity that has
a member of every kind (and a list of every kind that can be an item).
"""

from __future__ import annotations

import inspect
import sys
from datetime import date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest

import ranham.model  # noqa: F401  (every Check subclass of the model is defined on import)
from ranham.errors import ArgumentTypeError
from ranham.io import _converter
from ranham.io._converter import make_converter
from ranham.io.schema import _To as SchemaTo
from ranham.model import _checks as checks
from ranham.model.enums import Tier
from ranham.model.forum import Link
from ranham.periods import ReportingPeriod
from ranham.validation._build import Bail, entity_builder
from ranham.validation._careful import object_spec
from ranham.validation._kinds import KINDS, SPECIAL, VALUE_TYPES, Counter, FieldKind, kind_of
from ranham.validation._walk import Walk


def _subclasses(cls: type) -> set[type]:
    """Every subclass of ``cls`` that a module of ``ranham`` defines.

    (attrs replaces a slotted class by a new one: the class it replaced may linger among the
    subclasses until collected, so only the class its module holds counts.)
    """
    found = set()
    for sub in cls.__subclasses__():
        module = sys.modules.get(sub.__module__)
        if sub.__module__.startswith("ranham.") and getattr(module, sub.__qualname__, None) is sub:
            found.add(sub)
        found |= _subclasses(sub)
    return found


CHECK_TYPES = sorted(_subclasses(checks.Check), key=lambda c: c.__qualname__)
ASPECTS = ("careful", "fast", "schema", "write")


def test_the_scan_finds_the_checks() -> None:
    assert {checks.Text, checks.Pattern, checks.Tuple, checks.ResponsibleCode} <= set(CHECK_TYPES)


@pytest.mark.parametrize("check_type", CHECK_TYPES, ids=lambda c: c.__qualname__)
def test_every_check_has_a_kind_with_every_aspect(check_type: type) -> None:
    """A new subclass of Check fails here until its kind is declared with all four aspects."""
    kind = KINDS.get(check_type)
    assert kind is not None, f"{check_type.__qualname__} has no field kind in _kinds.KINDS"
    assert isinstance(kind, FieldKind)
    assert not inspect.isabstract(type(kind))
    for aspect in ASPECTS:  # each consumer's part is written for this kind, not inherited empty
        assert getattr(type(kind), aspect) is not getattr(FieldKind, aspect), aspect


@pytest.mark.parametrize(
    "kind", [*VALUE_TYPES.values(), *SPECIAL.values()], ids=lambda kind: type(kind).__name__
)
def test_every_value_type_and_special_member_has_every_aspect(kind: FieldKind[Any]) -> None:
    assert not inspect.isabstract(type(kind))


def test_the_registry_holds_only_checks() -> None:
    assert set(KINDS) <= set(CHECK_TYPES)


def test_an_undeclared_check_is_refused_by_name() -> None:
    @attrs.frozen
    class Odd(checks.Check):
        def ok(self, value: Any) -> bool:
            return True

        @property
        def expected(self) -> str:
            return "anything"

    with pytest.raises(ArgumentTypeError, match="no field kind is declared for the check Odd"):
        kind_of(Odd())
    # a subclass of a declared check is a kind of its own: it is not taken for its parent
    with pytest.raises(ArgumentTypeError, match="BigInt"):
        kind_of(type("BigInt", (checks.Int,), {})())


def test_an_instance_of_an_undeclared_value_type_is_refused_by_name() -> None:
    with pytest.raises(ArgumentTypeError, match=r"Instance\(date\)"):
        kind_of(checks.Instance(date)).schema(checks.Instance(date), SchemaTo({}))


# --- every consumer, over every kind ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Leaf:
    """A nested entity."""

    n: int = attrs.field(validator=checks.Int(0, 9))


_SCALARS: dict[str, tuple[checks.Check, Any, Any, Any]] = {
    # name: (check, a valid raw value, its domain value, an invalid raw value)
    "text": (checks.TEXT, "a: b", "a: b", " "),
    "slug": (checks.SLUG, "a-1", "a-1", "A"),
    "responsible": (checks.RESPONSIBLE_CODE, "kemensos", "kemensos", "32"),
    "count": (checks.Int(1, 5), 5, 5, 6),
    "flag": (checks.FLAG, True, True, 1),
    "tier": (checks.Enum(Tier), "kl", Tier.KL, "KL"),
    "day": (checks.DAY, "2022-02-28", date(2022, 2, 28), "2022-02-30"),
    "at": (
        checks.INSTANT,
        "2022-12-01T09:30:00+07:00",
        datetime(2022, 12, 1, 9, 30, tzinfo=timezone(timedelta(hours=7))),
        "2022-12-01T09:30:00",
    ),
    "period": (
        checks.Instance(ReportingPeriod),
        "2022-B04",
        ReportingPeriod.parse("2022-B04"),
        "2022-B05",
    ),
    "link": (
        checks.Instance(Link),
        "action:a-1",
        Link.parse("action:a-1"),
        "actions:a-1",
    ),
    "leaf": (checks.Instance(Leaf), {"n": 3}, Leaf(n=3), {"n": 10}),
}


def _everything() -> type:
    """An entity with a member of every kind, and a list member of every kind."""
    fields: dict[str, Any] = {}
    for name, (check, *_) in _SCALARS.items():
        fields[name] = attrs.field(validator=check)
        fields[f"{name}_list"] = attrs.field(validator=checks.Tuple(check, unique=name != "leaf"))
    return attrs.make_class("Everything", fields, frozen=True, kw_only=True)


EVERYTHING = _everything()
VALID_RAW = {name: raw for name, (_, raw, _, _) in _SCALARS.items()}
VALID_RAW |= {f"{name}_list": [raw] for name, raw in VALID_RAW.items()}
VALID = {name: value for name, (_, _, value, _) in _SCALARS.items()}
VALID |= {f"{name}_list": (value,) for name, value in VALID.items()}


def _fast(raw: dict[str, Any]) -> Any:
    return entity_builder(EVERYTHING)(raw, 1, Counter())


def _careful(raw: dict[str, Any]) -> list[str]:
    w = Walk(raw)
    object_spec(EVERYTHING).check_members(raw, (), w, 1)
    return [issue.code for issue in w.issues]


def test_every_kind_reads_a_valid_value_on_both_paths() -> None:
    assert _careful(VALID_RAW) == []
    assert _fast(VALID_RAW) == EVERYTHING(**VALID)


@pytest.mark.parametrize("name", [*_SCALARS, *(f"{n}_list" for n in _SCALARS)])
def test_every_kind_refuses_an_invalid_value_on_both_paths(name: str) -> None:
    base = name.removesuffix("_list")
    bad = _SCALARS[base][3]
    raw = VALID_RAW | {name: [bad] if name.endswith("_list") else bad}
    assert _careful(raw), f"the careful walk accepted {name}={bad!r}"
    with pytest.raises((Bail, LookupError, ValueError)):
        _fast(raw)


def test_every_kind_writes_what_it_reads() -> None:
    conv = make_converter()
    defaults = {type_: conv.get_unstructure_hook(type_) for type_ in _converter._VALUE_TYPES}
    write = _converter._unstructure_fn(EVERYTHING, conv, defaults)
    assert write(EVERYTHING(**VALID)) == VALID_RAW


def test_every_kind_has_a_schema() -> None:
    defs: dict[str, Any] = {}
    to = SchemaTo(defs)
    for name, (check, *_) in _SCALARS.items():
        schema = kind_of(check).schema(check, to)
        assert schema, name
        listed = checks.Tuple(check)
        assert kind_of(listed).schema(listed, to)["items"] == schema
    assert "Leaf" in defs

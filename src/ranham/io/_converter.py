"""The one cattrs converter between entities and the JSON shapes of ``format.md``.

:func:`make_converter` builds it on :mod:`cattrs.preconf.orjson`, registering simple value hooks
first (dates, timestamps, periods, links, the free ``extensions`` object, a catalog's windows)
and then the entity classes, whose fields it writes in the canonical order of ``format.md``,
leaving out optional fields that hold their default. It never touches
``cattrs.global_converter``.

The converter trusts its input: :mod:`ranham.io` validates a document (every problem at once,
with JSON Pointers) before it asks the converter to build objects, and the entities' own
validators check again as they are built. Use :func:`ranham.io.from_dict`, not the converter,
on data you have not validated.
"""

from __future__ import annotations

import enum
import types
import typing
from datetime import UTC, date, datetime, timedelta
from typing import Any

import attrs
import cattrs
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, override
from cattrs.preconf.orjson import make_converter as make_orjson_converter

from ranham import model
from ranham.model import FrozenMap, JsonValue, Link
from ranham.model._fields import EXTENSIONS
from ranham.model._frozen import freeze_json
from ranham.periods import PeriodCode, ReportingPeriod, Window
from ranham.validation._walk import REQUIRED_IN_JSON

__all__ = ["ENTITIES", "converter", "format_timestamp", "make_converter", "thaw_json"]

ENTITIES: tuple[type, ...] = (
    model.ActionPlan,
    model.SuccessMeasure,
    model.Action,
    model.Catalog,
    model.Institution,
    model.Evidence,
    model.Assessment,
    model.MeasureEntry,
    model.ActionEntry,
    model.StatusChange,
    model.Report,
    model.Allegation,
    model.Dataset,
    model.FollowUp,
    model.Recommendation,
    model.Declared,
    model.Forum,
)
"""Every entity class the converter knows, leaves first."""

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


def _structure_timestamp(value: str, _type: Any) -> datetime:
    return datetime.fromisoformat(value)


def thaw_json(value: Any) -> Any:
    """A frozen JSON value back as plain dicts and lists."""
    kind = type(value)
    if kind is FrozenMap:
        return {k: thaw_json(v) for k, v in value.items()}
    if kind is tuple:
        return [thaw_json(v) for v in value]
    return value


def _structure_extensions(value: Any, _type: Any) -> FrozenMap[str, JsonValue]:
    if not value:
        return _EMPTY
    frozen = freeze_json(value)
    assert isinstance(frozen, FrozenMap)
    return frozen


_EMPTY: FrozenMap[str, JsonValue] = FrozenMap()


def _structure_windows(value: dict[str, Any], _type: Any) -> FrozenMap[PeriodCode, Window]:
    return FrozenMap(
        (
            PeriodCode(code),
            Window(date.fromisoformat(w["opens"]), date.fromisoformat(w["closes"])),
        )
        for code, w in value.items()
    )


def _unstructure_windows(value: FrozenMap[PeriodCode, Window]) -> dict[str, Any]:
    return {
        code.value: {"opens": w.opens.isoformat(), "closes": w.closes.isoformat()}
        for code, w in value.items()
    }


def _is_extensions(field: attrs.Attribute[Any]) -> bool:
    return bool(field.metadata.get(EXTENSIONS))


def make_converter() -> cattrs.Converter:
    """A new converter for the entities of :mod:`ranham.model` and the format's value types."""
    conv = make_orjson_converter(forbid_extra_keys=True, omit_if_default=True)

    conv.register_structure_hook(date, lambda v, _: date.fromisoformat(v))
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(datetime, _structure_timestamp)
    conv.register_unstructure_hook(datetime, format_timestamp)
    conv.register_structure_hook(ReportingPeriod, lambda v, _: ReportingPeriod.parse(v))
    conv.register_unstructure_hook(ReportingPeriod, str)
    conv.register_structure_hook(Link, lambda v, _: Link.parse(v))
    conv.register_unstructure_hook(Link, str)
    for enum_type in (
        PeriodCode,
        model.TargetGroup,
        model.Tier,
        model.InstitutionKind,
        model.ReportStatus,
        model.EvidenceKind,
        model.Addressee,
        model.Theme,
        model.FollowUpStatus,
    ):
        _register_enum(conv, enum_type)

    conv.register_structure_hook_factory(_is_homogeneous_tuple, lambda t: _tuple_hook(t, conv))
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple, lambda t: _tuple_unstructure_hook(t, conv)
    )
    conv.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(t, conv))

    for cls in ENTITIES:
        structure_overrides: dict[str, Any] = {}
        for field in attrs.fields(cls):
            if _is_extensions(field):
                structure_overrides[field.name] = override(struct_hook=_structure_extensions)
            elif cls is model.Catalog and field.name == "windows":
                structure_overrides[field.name] = override(struct_hook=_structure_windows)
        conv.register_structure_hook(cls, make_dict_structure_fn(cls, conv, **structure_overrides))
    for cls in ENTITIES:
        conv.register_unstructure_hook(cls, _unstructure_fn(cls, conv))
    return conv


def _unstructure_fn(cls: type, conv: cattrs.Converter) -> Any:
    """Generate ``cls`` -> dict that writes fields in canonical (declaration) order.

    cattrs' own generator writes the fields it may omit after the others; ``format.md`` fixes
    one order for each object, so the writer keeps declaration order and leaves out an optional
    field only when it holds its default. Values are written inline where the type allows (an
    enum's ``.value``, a tuple as a list comprehension, a nested entity by a direct call to its
    own generated function): writing a national year calls no hook per value.
    """
    attrs.resolve_types(cls)
    names: dict[str, Any] = {}
    lines = [f"def unstructure_{cls.__name__}(instance):"]
    required = REQUIRED_IN_JSON.get(cls, frozenset())
    leading: list[str] | None = []  # the first run of always-written fields: a dict literal
    for field in attrs.fields(cls):
        if not field.init:
            continue
        name = field.name
        always = field.default is attrs.NOTHING or name in required
        var = f"instance.{name}" if always and leading is not None else "v"
        if _is_extensions(field):
            names["_thaw"] = thaw_json
            value = f"_thaw({var})"
        elif cls is model.Catalog and name == "windows":
            names["_windows"] = _unstructure_windows
            value = f"_windows({var})"
        else:
            value = _write_expression(field.type, var, conv, names)
        if always and leading is not None:
            leading.append(f"{name!r}: {value}")
            continue
        if leading is not None:
            lines.append(f"    res = {{{', '.join(leading)}}}")
            leading = None
        lines.append(f"    v = instance.{name}")
        if always:
            lines.append(f"    res[{name!r}] = {value}")
            continue
        default = field.default
        default = default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
        if default is None or default is True or default is False:
            lines.append(f"    if v is not {default!r}:")
        elif default == () or default == FrozenMap():
            lines.append("    if v:")
        else:  # pragma: no cover - no other default in the model today
            names[f"_default_{name}"] = default
            lines.append(f"    if v != _default_{name}:")
        lines.append(f"        res[{name!r}] = {value}")
    if leading is not None:
        lines.append(f"    res = {{{', '.join(leading)}}}")
    lines.append("    return res")
    exec("\n".join(lines), names)
    return names[f"unstructure_{cls.__name__}"]


def _write_expression(type_: Any, var: str, conv: cattrs.Converter, names: dict[str, Any]) -> str:
    """A Python expression writing value ``var`` of ``type_`` as JSON-ready data."""
    if type_ in (str, int, bool, float):
        return var
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return f"{var}.value"
    if type_ is date:
        return f"{var}.isoformat()"
    if type_ is datetime:
        names["_timestamp"] = format_timestamp
        return f"_timestamp({var})"
    if type_ in (ReportingPeriod, Link):
        return f"str({var})"
    if _is_optional(type_):  # written only when it is not None
        inner = next(arg for arg in typing.get_args(type_) if arg is not type(None))
        return _write_expression(inner, var, conv, names)
    if _is_homogeneous_tuple(type_):
        item = typing.get_args(type_)[0]
        item_expression = _write_expression(item, "x", conv, names)
        if item_expression == "x":
            return f"list({var})"
        return f"[{item_expression} for x in {var}]"
    hook = conv.get_unstructure_hook(type_)
    if hook is identity:  # pragma: no cover - the model has no other identity type
        return var
    hook_name = f"_write_{getattr(type_, '__name__', 'value')}"
    names[hook_name] = hook
    return f"{hook_name}({var})"


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(type_: Any, conv: cattrs.Converter) -> Any:
    """``tuple[X, ...]`` from a list: the item hook is looked up once, not per item."""
    item_type = typing.get_args(type_)[0]
    if item_type is str:
        return lambda value, _: tuple(value)
    item_hook = conv.get_structure_hook(item_type)
    return lambda value, _: tuple([item_hook(item, item_type) for item in value])


def _tuple_unstructure_hook(type_: Any, conv: cattrs.Converter) -> Any:
    """``tuple[X, ...]`` to a list, with the item hook looked up once."""
    item_hook = conv.get_unstructure_hook(typing.get_args(type_)[0])
    if item_hook is identity:
        return list
    return lambda value: [item_hook(item) for item in value]


def _is_optional(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) in (typing.Union, types.UnionType) and (
        len(args) == 2 and type(None) in args
    )


def _optional_hook(type_: Any, conv: cattrs.Converter) -> Any:
    """``X | None``: validated input never holds ``null``, so absent fields take the default."""
    inner = next(arg for arg in typing.get_args(type_) if arg is not type(None))
    if inner is str:
        return lambda value, _: value
    inner_hook = conv.get_structure_hook(inner)
    return lambda value, _: None if value is None else inner_hook(value, inner)


def _register_enum(conv: cattrs.Converter, enum_type: type[Any]) -> None:
    by_value = {member.value: member for member in enum_type}
    conv.register_structure_hook(enum_type, lambda v, _: by_value[v])
    conv.register_unstructure_hook(enum_type, lambda member: member.value)


converter = make_converter()
"""The module's converter instance (build your own with :func:`make_converter`)."""

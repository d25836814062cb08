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
import linecache
import types
import typing
from datetime import date, datetime
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
from ranham.validation._kinds import describe, format_timestamp, thaw_json

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


def _structure_timestamp(value: str, _type: Any) -> datetime:
    return datetime.fromisoformat(value)


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


def _is_extensions(field: attrs.Attribute[Any]) -> bool:
    return bool(field.metadata.get(EXTENSIONS))


_ENUMS: tuple[type[enum.Enum], ...] = (
    PeriodCode,
    model.TargetGroup,
    model.Tier,
    model.InstitutionKind,
    model.ReportStatus,
    model.EvidenceKind,
    model.Addressee,
    model.Theme,
    model.FollowUpStatus,
)
_VALUE_TYPES: tuple[type, ...] = (str, int, bool, date, datetime, ReportingPeriod, Link, *_ENUMS)
"""The value types whose writing the generated code inlines while their hook is the default."""


def make_converter() -> cattrs.Converter:
    """A new converter for the entities of :mod:`ranham.model` and the format's value types.

    Its entity hooks are generated when the converter first meets an entity class, and again
    after a hook is registered on it (cattrs then clears its dispatch cache). A generated writer
    writes a value inline (``d.isoformat()``, ``e.value``) only while the converter's hook for
    the value's type is the one this function registered; a hook registered on the converter
    for a value type (``date``, ``datetime``, an enum, ``str``…) or an entity class is called
    instead, so the converter honours its hooks as cattrs' own generated functions do. The
    module's :data:`converter` registers none, and writes every value inline.

    >>> from datetime import date
    >>> from ranham.model import FollowUp, FollowUpStatus
    >>> conv = make_converter()
    >>> conv.register_unstructure_hook(date, lambda d: d.strftime("%d/%m/%Y"))
    >>> conv.unstructure(FollowUp(on=date(2023, 3, 1), status=FollowUpStatus.IN_PROGRESS))
    {'on': '01/03/2023', 'status': 'in_progress'}
    """
    conv = make_orjson_converter(forbid_extra_keys=True, omit_if_default=True)

    conv.register_structure_hook(date, lambda v, _: date.fromisoformat(v))
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(datetime, _structure_timestamp)
    conv.register_unstructure_hook(datetime, format_timestamp)
    conv.register_structure_hook(ReportingPeriod, lambda v, _: ReportingPeriod.parse(v))
    conv.register_unstructure_hook(ReportingPeriod, str)
    conv.register_structure_hook(Link, lambda v, _: Link.parse(v))
    conv.register_unstructure_hook(Link, str)
    for enum_type in _ENUMS:
        _register_enum(conv, enum_type)

    conv.register_structure_hook_factory(_is_homogeneous_tuple, lambda t: _tuple_hook(t, conv))
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple, lambda t: _tuple_unstructure_hook(t, conv)
    )
    conv.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(t, conv))

    defaults = {type_: conv.get_unstructure_hook(type_) for type_ in _VALUE_TYPES}
    entities = frozenset(ENTITIES)
    conv.register_structure_hook_factory(
        entities.__contains__, lambda cls: _structure_fn(cls, conv)
    )
    conv.register_unstructure_hook_factory(
        entities.__contains__, lambda cls: _unstructure_fn(cls, conv, defaults)
    )
    return conv


def _structure_fn(cls: type, conv: cattrs.Converter) -> Any:
    """The structure function cattrs generates for of ``cls``, with the special members' hooks."""
    overrides: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if _is_extensions(field):
            overrides[field.name] = override(struct_hook=_structure_extensions)
        elif cls is model.Catalog and field.name == "windows":
            overrides[field.name] = override(struct_hook=_structure_windows)
    return make_dict_structure_fn(cls, conv, **overrides)


@attrs.frozen
class _To:
    """What the writer generator gives a field kind: the converter's hooks, names in the code."""

    conv: cattrs.Converter
    defaults: dict[type, Any]
    names: dict[str, Any]

    def value(self, type_: type, var: str, inline: str) -> str:
        hook = self.conv.get_unstructure_hook(type_)
        if hook is self.defaults.get(type_):
            return inline
        return f"{self.bind(f'_write_{type_.__name__}', hook)}({var})"

    def bind(self, prefix: str, value: Any) -> str:
        self.names[prefix] = value
        return prefix

    def entity(self, cls: type, var: str) -> str:
        return f"{self.bind(f'_write_{cls.__name__}', self.conv.get_unstructure_hook(cls))}({var})"


def _unstructure_fn(cls: type, conv: cattrs.Converter, defaults: dict[type, Any]) -> Any:
    """Generate ``cls`` -> dict that writes fields in canonical (declaration) order.

    cattrs' own generator writes the fields it may omit after the others; ``format.md`` fixes
    one order for each object, so the writer keeps declaration order and leaves out an optional
    field only when it holds its default. Each value is written by its field kind
    (:meth:`ranham.validation._kinds.FieldKind.write`): inline where the converter's hook is
    the default (an enum's ``.value``, a tuple as a list comprehension), a nested entity by a
    direct call to its own generated function: writing a national year calls no hook per value.
    """
    names: dict[str, Any] = {}
    to = _To(conv, defaults, names)
    lines = [f"def unstructure_{cls.__name__}(instance):"]
    leading: list[str] | None = []  # the first run of always-written fields: a dict literal
    fields = {field.name: field for field in attrs.fields(cls)}
    for info in describe(cls):
        name = info.name
        always = info.required
        var = f"instance.{name}" if always and leading is not None else "v"
        value = info.kind.write(info.check, var, to)
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
        default = fields[name].default
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
    source = "\n".join(lines) + "\n"
    # A file name of its own and a linecache entry, as attrs and cattrs do for generated code.
    filename = f"<ranham generated writer {cls.__module__}.{cls.__qualname__}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), names)
    return names[f"unstructure_{cls.__name__}"]


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

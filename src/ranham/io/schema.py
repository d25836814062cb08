"""JSON Schema (draft 2020-12) of each document kind, generated from the model.

The schema is read from the same field descriptions that validation walks
(:func:`ranham.validation._walk.describe`), so it cannot drift from the entities. It states
what a schema can: members, types, patterns, bounds, value sets. Rules that relate members or
documents (a window's order, a measure's action, a report's workflow) are only in
:func:`ranham.validation.validate`, so the schema is a relaxation of validation: every document
that validates is accepted by the schema, and every document the schema rejects fails
validation too.

>>> from ranham.io.schema import json_schema
>>> schema = json_schema("report")
>>> schema["$schema"], schema["properties"]["kind"]
('https://json-schema.org/draft/2020-12/schema', {'const': 'report'})
"""

from __future__ import annotations

import enum
from typing import Any

from ranham.errors import UnknownNameError
from ranham.model import _checks as checks
from ranham.model.forum import LINK, Link
from ranham.periods import PeriodCode, ReportingPeriod
from ranham.validation import KINDS, SCHEMA_VERSION
from ranham.validation._walk import DOCUMENT_CLASSES, FieldInfo, describe

__all__ = ["json_schema", "schema_id"]

_BASE = "https://ranham.readthedocs.io/en/latest/_static/schema"

_DATE = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_TIMESTAMP = {
    "type": "string",
    "format": "date-time",
    "pattern": (
        r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?"
        r"(Z|[+-][0-9]{2}:[0-9]{2})$"
    ),
}
_TEXT = {"type": "string", "pattern": r"\S"}
_PERIOD = {
    "type": "string",
    "pattern": "^[0-9]{4}-(" + "|".join(c.value for c in PeriodCode) + ")$",
}


def schema_id(kind: str) -> str:
    """The ``$id`` of a kind's schema."""
    return f"{_BASE}/{SCHEMA_VERSION}/{kind}.schema.json"


def _name(cls: type) -> str:
    return cls.__name__


def _anchored(regex: str) -> str:
    return f"^(?:{regex})$"


def _value(check: checks.Check, defs: dict[str, Any]) -> dict[str, Any]:
    if isinstance(check, checks.Text):
        return dict(_TEXT)
    if isinstance(check, checks.Pattern):
        return {"type": "string", "pattern": _anchored(check.portable_regex)}
    if isinstance(check, checks.Int):
        return {"type": "integer", "minimum": check.low, "maximum": check.high}
    if isinstance(check, checks.Flag):
        return {"type": "boolean"}
    if isinstance(check, checks.Enum):
        return _enum(check.enum_type)
    if isinstance(check, checks.Day):
        return dict(_DATE)
    if isinstance(check, checks.Instant):
        return dict(_TIMESTAMP)
    if isinstance(check, checks.Instance):
        if check.kind is ReportingPeriod:
            return dict(_PERIOD)
        if check.kind is Link:
            return {"type": "string", "pattern": _anchored(LINK.portable_regex)}
        return _ref(check.kind, defs)
    if isinstance(check, checks.Tuple):
        out: dict[str, Any] = {"type": "array", "items": _value(check.item, defs)}
        if check.non_empty:
            out["minItems"] = 1
        if check.unique:
            out["uniqueItems"] = True
        return out
    raise TypeError(f"no JSON Schema for {check!r}")  # pragma: no cover


def _enum(enum_type: type[enum.Enum]) -> dict[str, Any]:
    return {"type": "string", "enum": [member.value for member in enum_type]}


def _special(info: FieldInfo, defs: dict[str, Any]) -> dict[str, Any]:
    if info.special == "extensions":
        return {"type": "object", "description": "Free JSON, preserved verbatim and ignored."}
    if info.special == "windows":
        defs.setdefault(
            "Window",
            {
                "type": "object",
                "description": "A submission window: dates in the plan's time zone, inclusive.",
                "properties": {"opens": dict(_DATE), "closes": dict(_DATE)},
                "required": ["opens", "closes"],
                "additionalProperties": False,
            },
        )
        return {
            "type": "object",
            "propertyNames": _enum(PeriodCode),
            "additionalProperties": {"$ref": "#/$defs/Window"},
        }
    if info.special == "institution-code":
        return {"type": "string", "pattern": _anchored(checks.INSTITUTION_CODE.regex)}
    if info.special == "parent":
        return {"type": "string", "pattern": _anchored(checks.PROVINCE_CODE.regex)}
    if info.special == "timezone":
        return {"type": "string", "minLength": 1, "description": "An IANA time zone name."}
    raise TypeError(f"no JSON Schema for {info!r}")  # pragma: no cover


def _ref(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    name = _name(cls)
    if name not in defs:
        defs[name] = {}  # reserve the name first: entities may nest
        defs[name] = _object(cls, defs)
    return {"$ref": f"#/$defs/{name}"}


def _object(
    cls: type, defs: dict[str, Any], header: dict[str, Any] | None = None
) -> dict[str, Any]:
    properties: dict[str, Any] = dict(header or {})
    required = list(properties)
    for info in describe(cls):
        if info.special is not None:
            properties[info.name] = _special(info, defs)
        else:
            assert info.check is not None
            properties[info.name] = _value(info.check, defs)
        if info.required:
            required.append(info.name)
    doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    out: dict[str, Any] = {"type": "object", "properties": properties, "required": required}
    if doc:
        out["description"] = doc
    out["additionalProperties"] = False
    return out


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of document ``kind`` (``catalog``, ``report``, ``dataset``, ``forum``)."""
    if kind not in DOCUMENT_CLASSES:
        raise UnknownNameError(
            f"there is no document kind {kind!r}; the kinds are {', '.join(KINDS)}."
        )
    defs: dict[str, Any] = {}
    header = {"kind": {"const": kind}, "schema_version": {"const": SCHEMA_VERSION}}
    body = _object(DOCUMENT_CLASSES[kind], defs, header)
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(kind),
        "title": f"RANHAM {kind} document, format {SCHEMA_VERSION}",
        **body,
    }
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema

"""JSON Schema (draft 2020-12) of each document kind, generated from the model.

The schema is read from the same field kinds that validation walks
(:mod:`ranham.validation._kinds`: each kind declares its schema beside its checks), so it
cannot drift from the entities. It states
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

from typing import Any

from ranham.errors import UnknownNameError
from ranham.validation import KINDS, SCHEMA_VERSION
from ranham.validation._kinds import describe
from ranham.validation._walk import DOCUMENT_CLASSES

__all__ = ["json_schema", "schema_id"]

_BASE = "https://ranham.readthedocs.io/en/latest/_static/schema"


def schema_id(kind: str) -> str:
    """The ``$id`` of a kind's schema."""
    return f"{_BASE}/{SCHEMA_VERSION}/{kind}.schema.json"


class _To:
    """What the schema export gives a field kind: references into ``$defs``."""

    __slots__ = ("defs",)

    def __init__(self, defs: dict[str, Any]) -> None:
        self.defs = defs

    def ref(self, cls: type) -> dict[str, Any]:
        return _ref(cls, self.defs)

    def define(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        self.defs.setdefault(name, schema)
        return {"$ref": f"#/$defs/{name}"}


def _ref(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    name = cls.__name__
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
        properties[info.name] = info.kind.schema(info.check, _To(defs))
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

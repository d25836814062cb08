"""The careful walk of a document: every member checked by its field kind's careful checker.

Each entity's attrs fields say which JSON members an object has (the field names), which are
required (no default), and what each value must be (:func:`ranham.validation._kinds.describe`
gives each member its field kind). This module turns that into an :class:`ObjectSpec` per entity
once, then walks a parsed document and records every problem with its JSON Pointer.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import attrs

from ranham import model
from ranham.validation._kinds import describe
from ranham.validation._walk import DOCUMENT_CLASSES, Checker, ObjectSpec, Path, TooDeep, Walk

__all__ = ["object_spec", "walk_document"]

_EMPTY_OK: dict[type, frozenset[str]] = {model.Action: frozenset({"measures"})}
"""Required-non-empty lists whose emptiness a more specific code reports."""


@attrs.frozen
class _To:
    """What the careful walk gives a field kind: nested entities, and the member's context."""

    empty_ok: bool = False

    def entity(self, cls: type) -> Checker:
        return object_spec(cls).check


@cache
def object_spec(cls: type) -> ObjectSpec:
    """The :class:`ObjectSpec` of an entity class: each member's checker from its field kind."""
    fields: dict[str, Checker] = {}
    empty_ok = _EMPTY_OK.get(cls, frozenset())
    for info in describe(cls):
        fields[info.name] = info.kind.careful(info.check, _To(info.name in empty_ok))
    required = tuple(info.name for info in describe(cls) if info.required)
    return ObjectSpec(cls.__name__, fields, required)


_HEADER = frozenset({"kind", "schema_version"})


def walk_document(
    value: dict[str, Any], kind: str, w: Walk | None = None
) -> tuple[Walk, Path | None]:
    """Walk a document of ``kind``; return the walk and the pointer of a too-deep value, if any."""
    if w is None:
        w = Walk(value)
    spec = object_spec(DOCUMENT_CLASSES[kind])
    try:
        spec.check_members(value, (), w, 1, extra=_HEADER)
    except TooDeep as deep:
        return w, deep.path
    return w, None

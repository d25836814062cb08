"""The ``extensions`` field that documents and some entities carry."""

from __future__ import annotations

from typing import Any

import attrs

from ranham.errors import InvariantError
from ranham.model._frozen import FrozenMap, JsonValue, freeze_json, is_json

__all__ = ["EXTENSIONS", "check_extensions", "freeze_extensions"]

EXTENSIONS = "ranham.extensions"
"""Field metadata key marking the free ``extensions`` object (``ranham.io`` keeps it verbatim)."""


def freeze_extensions(value: Any) -> FrozenMap[str, JsonValue]:
    """Freeze a JSON object deeply (dicts become ``FrozenMap``, lists become tuples)."""
    frozen = freeze_json(value)
    return frozen if isinstance(frozen, FrozenMap) else value


def check_extensions(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but a JSON object with string keys and finite numbers."""
    if not isinstance(value, FrozenMap) or not is_json(value):
        raise InvariantError(
            f"'{attribute.name}' must be a JSON object: a mapping with string keys whose values "
            f"are JSON (None, bool, int, finite float, str, lists, mappings) (got {value!r}).",
            field=attribute.name,
        )

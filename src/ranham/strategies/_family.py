"""What a corruption family is, and the small edits the families make on JSON documents."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

import attrs
import orjson
from hypothesis import strategies as st

from ranham.strategies._shapes import Facts, Path, get

__all__ = ["Broken", "Family", "copy_of", "dumps_with", "json_type"]


class Broken(NamedTuple):
    """A broken document (a dict, or bytes for the raw-JSON families) and where it is broken."""

    document: dict[str, Any] | bytes
    path: Path
    description: str
    max_size: int | None = None


Targets = Callable[[dict[str, Any], Facts], Sequence[Any]]
Apply = Callable[[st.DrawFn, dict[str, Any], Facts, Any], Broken]


@attrs.frozen
class Family:
    """One way of breaking a valid document, for one issue code.

    ``bases`` draws, for each document kind the family can break, clean documents of that kind
    (documents without any issue); ``targets`` lists the places of a document this family can
    break (empty: it does not apply); ``apply`` breaks one of them. ``name`` is the code, or
    ``CODE.VARIANT`` for a second family of the same code. ``reports`` says whether the family
    breaks a report checked against a catalog or dataset (``catalog=``); ``needs_context``
    whether it breaks only such a report.
    """

    code: str
    raw: bool
    bases: Mapping[str, Callable[[], st.SearchStrategy[dict[str, Any]]]]
    targets: Targets
    apply: Apply
    name: str = attrs.field(kw_only=True, default=attrs.Factory(lambda s: s.code, takes_self=True))
    reports: bool = attrs.field(kw_only=True, default=False)
    needs_context: bool = attrs.field(kw_only=True, default=False)


def copy_of(document: dict[str, Any]) -> dict[str, Any]:
    """A deep copy to break (the original stays valid)."""
    return copy.deepcopy(document)


def parent_of(document: dict[str, Any], path: Path) -> Any:
    """The object or array that holds the member at ``path``."""
    return get(document, path[:-1])


def json_type(value: Any) -> str:
    """The JSON type name of a Python value as the format reads it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def dumps_with(
    document: Any, raw: dict[Path, bytes] | None = None, repeat: Path | None = None
) -> bytes:
    """Compact JSON of ``document`` with the values at some paths replaced by ``raw`` bytes.

    ``repeat`` names an object member to write twice in a row (a duplicated key).
    """
    return _emit(document, (), raw or {}, repeat)


def _emit(value: Any, path: Path, raw: dict[Path, bytes], repeat: Path | None) -> bytes:
    if path in raw:
        return raw[path]
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            member = orjson.dumps(key) + b":" + _emit(item, (*path, key), raw, repeat)
            parts.append(member)
            if repeat == (*path, key):
                parts.append(member)
        return b"{" + b",".join(parts) + b"}"
    if isinstance(value, list):
        return (
            b"[" + b",".join(_emit(v, (*path, i), raw, repeat) for i, v in enumerate(value)) + b"]"
        )
    return orjson.dumps(value)

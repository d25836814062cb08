"""Immutable containers for the few places where the domain needs a mapping.

``FrozenMap`` is a hashable, insertion-ordered, read-only mapping: a catalog's windows by period
code, and the free ``extensions`` objects, which are frozen deeply (objects become ``FrozenMap``,
arrays become tuples) so that an entity is immutable all the way down.

:func:`given_state` and :func:`restore_state` pickle a frozen class that derives private indexes
in ``__attrs_post_init__`` (read-only ``mappingproxy`` views, which cannot be pickled).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeAlias, TypeVar, overload

import attrs

__all__ = [
    "FrozenMap",
    "JsonValue",
    "freeze_json",
    "given_state",
    "is_json",
    "itself",
    "restore_state",
]

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """A read-only, hashable mapping that keeps the order its items were given in.

    >>> m = FrozenMap({"b": 1, "a": 2})
    >>> list(m), m["a"], m == {"a": 2, "b": 1}
    (['b', 'a'], 2, True)
    >>> hash(m) == hash(FrozenMap({"a": 2, "b": 1}))
    True
    """

    __slots__ = ("_data", "_hash")

    @overload
    def __init__(self) -> None: ...
    @overload
    def __init__(self, items: Mapping[K, V]) -> None: ...
    @overload
    def __init__(self, items: Iterable[tuple[K, V]]) -> None: ...

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._data: dict[K, V] = dict(items)
        self._hash: int | None = None

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._data,))

    @classmethod
    def adopt(cls, data: dict[K, V]) -> FrozenMap[K, V]:
        """A map over ``data`` itself, not a copy: the caller gives up every other reference.

        The validator freezes large ``extensions`` this way, so a frozen copy costs one small
        object per JSON object instead of a second dictionary.
        """
        new = cls.__new__(cls)
        new._data = data
        new._hash = None
        return new


JsonValue: TypeAlias = (
    "bool | int | float | str | tuple[JsonValue, ...] | FrozenMap[str, JsonValue] | None"
)
"""A frozen JSON value: objects are :class:`FrozenMap`, arrays are tuples."""


def freeze_json(value: Any) -> JsonValue:
    """Freeze a JSON-shaped Python value: dicts become ``FrozenMap``, lists become tuples.

    Values that are not JSON (a set, a ``NaN``, a non-string key) are returned as they are
    for :func:`is_json` to refuse with a clear message.
    """
    kind = type(value)
    if kind is dict or kind is FrozenMap or isinstance(value, Mapping):
        return FrozenMap((k, freeze_json(v)) for k, v in value.items())
    if kind is list or kind is tuple:
        return tuple(freeze_json(v) for v in value)
    if kind is not float and isinstance(value, float):  # a parser's float subclass: the double
        return float(value)
    return value  # type: ignore[no-any-return]


def is_json(value: object) -> bool:
    """Whether ``value`` is a frozen JSON value with string keys and finite numbers."""
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is str:
        return True
    if kind is float:
        return math.isfinite(value)  # type: ignore[arg-type]
    if kind is tuple:
        return all(is_json(v) for v in value)  # type: ignore[attr-defined]
    if kind is FrozenMap:
        return all(type(k) is str and is_json(v) for k, v in value.items())  # type: ignore[attr-defined]
    return False


def given_state(self: Any) -> dict[str, Any]:
    """``__getstate__`` of a frozen attrs class: the fields it was given, not what it derives.

    Assign it in the class body (``__getstate__ = given_state``), with :func:`restore_state`:
    attrs then leaves both alone. Unpickling runs ``__attrs_post_init__`` again, so the object
    checks its invariants and makes its indexes anew, as when it was first built.
    """
    return {
        field.name: getattr(self, field.name) for field in attrs.fields(type(self)) if field.init
    }


def restore_state(self: Any, state: dict[str, Any]) -> None:
    """``__setstate__`` to go with :func:`given_state`."""
    for name, value in state.items():
        object.__setattr__(self, name, value)
    self.__attrs_post_init__()


def itself(self: Any) -> Any:
    """``__copy__`` of an immutable object: the object itself, as for a tuple.

    For the classes whose unpickling checks their invariants again (:func:`restore_state`), a
    shallow copy would otherwise pay for that check and gain nothing.
    """
    return self

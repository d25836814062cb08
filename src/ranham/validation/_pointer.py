"""RFC 6901 JSON Pointers and the document order of issues."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["DocumentOrder", "document_order", "parse_pointer", "to_pointer"]


def to_pointer(path: Sequence[str | int]) -> str:
    """The JSON Pointer of a path: ``("entries", 0, "a/b")`` is ``/entries/0/a~1b``.

    >>> to_pointer(()), to_pointer(("plan", "id")), to_pointer(("x~y", 3))
    ('', '/plan/id', '/x~0y/3')
    """
    return "".join("/" + str(s).replace("~", "~0").replace("/", "~1") for s in path)


def parse_pointer(pointer: str) -> tuple[str, ...]:
    """The reference tokens of a JSON Pointer (array indices stay strings).

    >>> parse_pointer("/x~0y/3")
    ('x~y', '3')
    """
    if not pointer:
        return ()
    return tuple(t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/"))


def document_order(document: Any, path: Sequence[str | int]) -> tuple[int, ...]:
    """A sort key that puts paths in the order their places appear in ``document``.

    Members of an object rank by the position of their key in it; a member that is absent (a
    missing field) ranks after every present one. A path ranks before the paths below it. To
    order many paths of one document, use one :class:`DocumentOrder`: it lists each object's
    keys once.
    """
    return DocumentOrder(document).key(path)


class DocumentOrder:
    """Document-order sort keys for many paths of one document, in O(path length) each.

    The position of every key of an object is looked up in a table built the first time the
    object is met, so ordering n issues costs O(n log n), not O(n x keys).

    >>> order = DocumentOrder({"b": {"y": 1, "x": 2}, "a": [0, 1]})
    >>> sorted([("a", 1), ("b", "x"), ("b", "y"), ("zz",)], key=order.key)
    [('b', 'y'), ('b', 'x'), ('a', 1), ('zz',)]
    """

    __slots__ = ("_document", "_positions")

    def __init__(self, document: Any) -> None:
        self._document = document
        # id(object) -> (object, its key positions); the object is kept so its id stays its own
        self._positions: dict[int, tuple[Any, dict[Any, int]]] = {}

    def key(self, path: Sequence[str | int]) -> tuple[int, ...]:
        """The sort key of ``path``."""
        key: list[int] = []
        node = self._document
        for segment in path:
            if isinstance(node, dict):
                known = self._positions.get(id(node))
                if known is None:
                    known = (node, {name: index for index, name in enumerate(node)})
                    self._positions[id(node)] = known
                positions = known[1]
                index = positions.get(segment) if isinstance(segment, str) else None
                if index is not None:
                    key.append(index)
                    node = node[segment]
                else:
                    key.append(len(positions))
                    node = None
            elif isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
                key.append(segment)
                node = node[segment]
            else:
                key.append(segment if isinstance(segment, int) else 0)
                node = None
        return tuple(key)

"""RFC 6901 JSON Pointers and the document order of issues."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["document_order", "parse_pointer", "to_pointer"]


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
    missing field) ranks after every present one. A path ranks before the paths below it.
    """
    key: list[int] = []
    node = document
    for segment in path:
        if isinstance(node, dict):
            keys = list(node)
            if segment in node:
                key.append(keys.index(segment))
                node = node[segment]
            else:
                key.append(len(keys))
                node = None
        elif isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
            key.append(segment)
            node = node[segment]
        else:
            key.append(segment if isinstance(segment, int) else 0)
            node = None
    return tuple(key)

"""Process-level helpers: what ``ranham`` does to the interpreter around bulk work.

This is a bottom layer: it imports only the standard library, so that every layer that builds
many objects at once (decoding and validation, reading documents, scoring) can use it without
importing any other. Today it holds one helper, :func:`paused_gc`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many acyclic objects are made; restore it after.

    Bulk decoding allocates hundreds of thousands of small containers, which triggers the
    collector again and again to find no cycles (parsed JSON and frozen entities have none):
    measured on a national year, the collector otherwise costs more than the parsing itself.
    When the collector was enabled, the objects made meanwhile are then moved to its oldest
    generation without being scanned (``gc.freeze()`` then ``gc.unfreeze()``); otherwise the
    first collection after the pause would walk all of them at once. This also moves the
    caller's own young objects to the oldest generation, where the next full collection looks
    at them. A caller who disabled the collector keeps it disabled and untouched, and one who
    froze objects (``gc.freeze()`` before forking workers) keeps them frozen: then nothing is
    moved.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()

"""Shipped forum records: the coordination forums whose recommendations are public.

Each record is a ``forum`` document (format 1.0) shipped as package data and read with
:mod:`importlib.resources`, so it works from a wheel, a zip or a source tree. A record is
validated when it is read, like any other document, and the :class:`~ranham.Forum` object is
cached: forums are immutable, so every caller can share it.

>>> from ranham.reference.forums import bekasi_2022, names
>>> names()
('bekasi-2022',)
>>> forum = bekasi_2022()
>>> forum.id, str(forum.start_date), forum.location
('forum-koordinasi-ranham-2022', '2022-08-24', 'Bekasi')
>>> forum.declared.panranham, len(forum.recommendations)
(8, 6)

Only six of the fourteen recommendations that the 2022 Bekasi forum declared are public; the
record says so with its ``declared`` counts, and validation warns
(``recommendations-incomplete``). Each text is a verbatim phrase of the published report; the
record's ``extensions["ranham"]`` quotes the published sentences and says what is verbatim.
"""

from __future__ import annotations

import functools
from importlib.resources import files

from ranham.errors import UnknownNameError
from ranham.model import Forum

__all__ = ["FILES", "bekasi_2022", "document", "forum", "forums", "names"]

FILES: dict[str, str] = {"bekasi-2022": "forum-koordinasi-ranham-2022.json"}
"""Each shipped forum's short name and its file in ``ranham/reference/data/forums/``."""

_PACKAGE = "ranham.reference"


def names() -> tuple[str, ...]:
    """The short names of the shipped forums (``"bekasi-2022"``), oldest first."""
    return tuple(FILES)


def _file_name(name: str) -> str:
    if name in FILES:
        return FILES[name]
    for file_name in FILES.values():  # the forum id is accepted as well
        if file_name == f"{name}.json":
            return file_name
    known = ", ".join(repr(n) for n in FILES)
    raise UnknownNameError(
        f"{name!r} is not a shipped forum: use one of {known} (or a forum id such as "
        f"'forum-koordinasi-ranham-2022'), or load your own file with ranham.io.load()."
    )


def document(name: str) -> bytes:
    """The shipped forum document ``name`` as its JSON bytes (to validate or to copy).

    ``name`` is a short name (``"bekasi-2022"``) or the forum's id. Raises
    :class:`~ranham.errors.UnknownNameError` for any other name.
    """
    resource = files(_PACKAGE) / "data" / "forums" / _file_name(name)
    return resource.read_bytes()


@functools.cache
def _load(file_name: str) -> Forum:
    from ranham import io  # lazy: importing the reference data must stay cheap

    resource = files(_PACKAGE) / "data" / "forums" / file_name
    return io.loads(resource.read_bytes(), kind=Forum)


def forum(name: str) -> Forum:
    """The shipped forum ``name`` (a short name such as ``"bekasi-2022"`` or the forum id)."""
    return _load(_file_name(name))


def forums() -> tuple[Forum, ...]:
    """Every shipped forum, oldest first."""
    return tuple(forum(name) for name in FILES)


def bekasi_2022() -> Forum:
    """The *Forum Koordinasi Pelaksanaan RANHAM*, Bekasi, 24–26 August 2022.

    Declared eight recommendations to PANRANHAM and six to implementers; the six that are public
    are listed (four and two), with the published wording and sources.
    """
    return forum("bekasi-2022")

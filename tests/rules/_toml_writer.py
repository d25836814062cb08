"""A small TOML writer for the tests: turns a parsed rule set (or case) back into TOML text.

Floats are written from :class:`Raw` text so that the tests can write literals that no Python
float holds (``1e-999999999``, 5,000 digits).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import attrs

_BARE = re.compile(r"[A-Za-z0-9_-]+")


@attrs.frozen
class Raw:
    """A value written exactly as its text (a float literal, a deep array...)."""

    text: str


def key(name: str) -> str:
    return name if _BARE.fullmatch(name) else string(name)


def string(text: str) -> str:
    out = []
    for char in text:
        code = ord(char)
        if code < 0x20 or code == 0x7F or char in '"\\':
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def value(item: Any) -> str:
    if isinstance(item, Raw):
        return item.text
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, str):
        return string(item)
    if isinstance(item, int | Decimal):
        return str(item)
    if isinstance(item, datetime | date | time):
        return item.isoformat()
    if isinstance(item, list):
        return "[" + ", ".join(value(x) for x in item) + "]"
    if isinstance(item, dict):
        return "{" + ", ".join(f"{key(k)} = {value(v)}" for k, v in item.items()) + "}"
    raise TypeError(type(item))


def dumps(document: dict[str, Any]) -> str:
    """TOML text: scalars and arrays first, then one ``[table]`` per table, nested dotted."""
    lines: list[str] = []
    _table(document, (), lines)
    return "\n".join(lines) + "\n"


def _table(table: dict[str, Any], path: tuple[str, ...], lines: list[str]) -> None:
    if path:
        lines.append("[" + ".".join(key(p) for p in path) + "]")
    for name, item in table.items():
        if not isinstance(item, dict):
            lines.append(f"{key(name)} = {value(item)}")
    for name, item in table.items():
        if isinstance(item, dict):
            _table(item, (*path, name), lines)

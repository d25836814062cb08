"""Reading what people type into cells: yes/no, texts, numbers and dates typed as text.

>>> yes_no("  tidak "), yes_no(1), yes_no("T")
(False, True, None)
>>> text_of(12.0), text_of(0.5), text_of("  Rapat  ")
('12', '0.5', 'Rapat')
>>> import datetime
>>> text_of(datetime.datetime(2022, 4, 12))
'2022-04-12'
"""

from __future__ import annotations

import math
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

__all__ = ["YES", "NO", "is_blank", "text_of", "yes_no"]

YES = frozenset({"ya", "yes", "y", "true", "1"})
"""Texts read as yes (after trimming, any case)."""
NO = frozenset({"tidak", "no", "n", "false", "0"})
"""Texts read as no. ``T`` is neither: *Tidak* to one reader, *True* to another."""


def is_blank(value: Any) -> bool:
    """An empty cell, or one holding only white space."""
    return value is None or (isinstance(value, str) and not value.strip())


def text_of(value: Any) -> str | None:
    """A cell's value as trimmed text; a number as its shortest exact text, a date as ISO.

    ``None`` for a blank cell.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer():
            return str(int(value))
        text = repr(value)
        if "e" in text or "E" in text:
            text = format(Decimal(text), "f")
        return text
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def yes_no(value: Any) -> bool | None:
    """A yes/no cell's answer, ``None`` when it is not one (the caller reports it)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return True if value == 1 else False if value == 0 else None
    text = text_of(value)
    if text is None:
        return None
    folded = text.casefold()
    if folded in YES:
        return True
    if folded in NO:
        return False
    return None

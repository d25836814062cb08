"""Names for people, in English and Indonesian, of the values a follow-up report shows.

The codes themselves (``panranham``, ``komitmen_pimpinan``, ``in_progress``) are what JSON and
CSV carry; these labels are for tables and messages.

>>> from ranham.model import FollowUpStatus, Theme
>>> from ranham.recommendations import label
>>> label(FollowUpStatus.IN_PROGRESS, "id"), label(Theme.LEADERSHIP_COMMITMENT, "en")
('dalam proses', 'leadership commitment')
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from ranham.model import Addressee, FollowUpStatus, Theme

if TYPE_CHECKING:  # pragma: no cover - typing only
    from ranham.validation.messages import Lang

__all__ = ["LABELS", "label", "yes_no"]

LABELS: dict[enum.Enum, dict[str, str]] = {
    Addressee.PANRANHAM: {"en": "PANRANHAM", "id": "PANRANHAM"},
    Addressee.IMPLEMENTERS: {"en": "implementers", "id": "pelaksana"},
    Theme.OUTREACH: {"en": "outreach", "id": "sosialisasi"},
    Theme.GUIDELINE: {"en": "guideline", "id": "pedoman"},
    Theme.FORMAT: {"en": "report format", "id": "format"},
    Theme.INCENTIVE: {"en": "incentives", "id": "insentif"},
    Theme.BUDGET: {"en": "budget", "id": "anggaran"},
    Theme.LEADERSHIP_COMMITMENT: {"en": "leadership commitment", "id": "komitmen pimpinan"},
    Theme.MONITORING_EVALUATION: {
        "en": "monitoring and evaluation",
        "id": "pemantauan dan evaluasi",
    },
    Theme.CAPACITY: {"en": "capacity", "id": "kapasitas"},
    Theme.OTHER: {"en": "other", "id": "lainnya"},
    FollowUpStatus.OPEN: {"en": "open", "id": "terbuka"},
    FollowUpStatus.IN_PROGRESS: {"en": "in progress", "id": "dalam proses"},
    FollowUpStatus.IMPLEMENTED: {"en": "implemented", "id": "terlaksana"},
    FollowUpStatus.DROPPED: {"en": "dropped", "id": "dibatalkan"},
}
"""Every addressee, theme and follow-up status (and link state) with its English and Indonesian
name; :mod:`ranham.recommendations.links` adds the link states."""

_YES_NO = {"en": ("yes", "no"), "id": ("ya", "tidak")}


def _check_lang(lang: str) -> None:
    if lang not in _YES_NO:
        raise ValueError(f"'lang' must be 'en' or 'id' (got {lang!r}).")


def label(value: enum.Enum, lang: Lang = "en") -> str:
    """The name of ``value`` (an addressee, theme, status or link state) in ``lang``.

    A value without a label falls back to its code, so a value added to the format later still
    prints.
    """
    _check_lang(lang)
    names = LABELS.get(value)
    return names[lang] if names is not None else str(value.value)


def yes_no(flag: bool, lang: Lang = "en") -> str:
    """``yes``/``no`` (``ya``/``tidak``)."""
    _check_lang(lang)
    return _YES_NO[lang][0 if flag else 1]

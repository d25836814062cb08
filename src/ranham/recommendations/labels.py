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

from ranham.words import Catalog, Lang, check_lang

__all__ = ["LABELS", "label", "yes_no"]

LABELS = Catalog(
    "recommendation labels",
    en={
        "Addressee.panranham": "PANRANHAM",
        "Addressee.pelaksana": "implementers",
        "Theme.sosialisasi": "outreach",
        "Theme.pedoman": "guideline",
        "Theme.format": "report format",
        "Theme.insentif": "incentives",
        "Theme.anggaran": "budget",
        "Theme.komitmen_pimpinan": "leadership commitment",
        "Theme.pemantauan_evaluasi": "monitoring and evaluation",
        "Theme.kapasitas": "capacity",
        "Theme.lainnya": "other",
        "FollowUpStatus.open": "open",
        "FollowUpStatus.in_progress": "in progress",
        "FollowUpStatus.implemented": "implemented",
        "FollowUpStatus.dropped": "dropped",
        "LinkState.given": "as given",
        "LinkState.found": "found",
        "LinkState.missing": "not found",
        "LinkState.unknown": "unknown",
        "word.yes": "yes",
        "word.no": "no",
    },
    id={
        "Addressee.panranham": "PANRANHAM",
        "Addressee.pelaksana": "pelaksana",
        "Theme.sosialisasi": "sosialisasi",
        "Theme.pedoman": "pedoman",
        "Theme.format": "format",
        "Theme.insentif": "insentif",
        "Theme.anggaran": "anggaran",
        "Theme.komitmen_pimpinan": "komitmen pimpinan",
        "Theme.pemantauan_evaluasi": "pemantauan dan evaluasi",
        "Theme.kapasitas": "kapasitas",
        "Theme.lainnya": "lainnya",
        "FollowUpStatus.open": "terbuka",
        "FollowUpStatus.in_progress": "dalam proses",
        "FollowUpStatus.implemented": "terlaksana",
        "FollowUpStatus.dropped": "dibatalkan",
        "LinkState.given": "sesuai tertulis",
        "LinkState.found": "ditemukan",
        "LinkState.missing": "tidak ditemukan",
        "LinkState.unknown": "tidak diketahui",
        "word.yes": "ya",
        "word.no": "tidak",
    },
)
"""The name of every addressee, theme, follow-up status and link state
(:class:`~ranham.recommendations.LinkState`) in English and Indonesian, keyed
``CLASS.CODE`` (``"Theme.komitmen_pimpinan"``), and the words yes and no."""


def label_key(value: enum.Enum) -> str:
    """The key of ``value`` in :data:`LABELS`: its class name and its code.

    >>> from ranham.model import Theme
    >>> label_key(Theme.LEADERSHIP_COMMITMENT)
    'Theme.komitmen_pimpinan'
    """
    return f"{type(value).__name__}.{value.value}"


def label(value: enum.Enum, lang: Lang = "en") -> str:
    """The name of ``value`` (an addressee, theme, status or link state) in ``lang``.

    A value without a label falls back to its code, so a value added to the format later still
    prints.
    """
    names = LABELS.templates(check_lang(lang))
    return names.get(label_key(value), str(value.value))


def yes_no(flag: bool, lang: Lang = "en") -> str:
    """``yes``/``no`` (``ya``/``tidak``)."""
    return LABELS.template("word.yes" if flag else "word.no", check_lang(lang))

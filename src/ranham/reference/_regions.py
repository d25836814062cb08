"""The region codes (*kode wilayah*) of the Home Affairs decrees, by edition.

Provinces and regencies/cities are identified by the code of the Ministry of Home Affairs
(Kemendagri): ``PP`` for a province, ``PP.KK`` for a regency (``KK`` from 01) or a city (``KK``
from 71). Two editions are shipped as package data:

- ``"2022"``: Kepmendagri 100.1.1-6117 Tahun 2022, 37 provinces (after the Papua expansion of
  mid-2022), 416 regencies and 98 cities;
- ``"2025"``: Kepmendagri 300.2.2-2138 Tahun 2025, 38 provinces (with Papua Barat Daya, code
  96, whose six regencies/cities were re-coded from ``92.xx``), 416 regencies and 98 cities.

In both, the Kepulauan Seribu regency and the five cities of DKI Jakarta are *administrative*:
not autonomous, so they carry out no regional action.

>>> from ranham.reference import regions
>>> table = regions("2025")
>>> table.get("32.16").name
'Kabupaten Bekasi'
>>> len(table.provinces()), len(table.regencies_and_cities()), len(table.administrative())
(38, 514, 6)
>>> regions("2022").get("96")
Traceback (most recent call last):
...
ranham.errors.UnknownNameError: the 2022 region table (Kepmendagri 100.1.1-6117 Tahun 2022) \
has no code '96'; its provinces are 11, 12, ...

The tables are extracted from the MIT-licensed repository cahyadsn/wilayah, © 2017–2025 Cahya
DSN; ``data/regions/ATTRIBUTION.md`` (shipped next to them) gives the licence, the source commit
and what was changed.
"""

from __future__ import annotations

import csv
import enum
import io
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

import attrs

from ranham.errors import InvariantError, RanhamError, UnknownNameError
from ranham.model import FrozenMap, Institution, InstitutionKind, Tier
from ranham.model._frozen import given_state, itself, restore_state

__all__ = [
    "DECREES",
    "EDITIONS",
    "ChangeKind",
    "Region",
    "RegionChange",
    "RegionTable",
    "changes",
    "recoded",
    "regions",
]

EDITIONS: tuple[str, ...] = ("2022", "2025")
"""The shipped editions of the region table, oldest first."""

DECREES: Mapping[str, str] = MappingProxyType(
    {
        "2022": "Kepmendagri 100.1.1-6117 Tahun 2022",
        "2025": "Kepmendagri 300.2.2-2138 Tahun 2025",
    }
)
"""The decree behind each edition."""

_REGIONAL_KINDS = (InstitutionKind.PROVINCE, InstitutionKind.REGENCY, InstitutionKind.CITY)


def _check_kind(
    _instance: object, _attribute: attrs.Attribute[InstitutionKind], value: InstitutionKind
) -> None:
    if value not in _REGIONAL_KINDS:
        raise InvariantError(
            f"'kind' of a region must be provinsi, kabupaten or kota (got {value!r})."
        )


@attrs.frozen(kw_only=True)
class Region:
    """One row of a region table: a province, a regency or a city.

    ``parent`` is the province code of a regency or city and ``None`` for a province.
    ``administrative`` is ``True`` for the administrative regency and cities of DKI Jakarta.
    """

    code: str
    name: str
    kind: InstitutionKind = attrs.field(validator=_check_kind)
    parent: str | None = None
    administrative: bool = False

    def __attrs_post_init__(self) -> None:
        if self.administrative and self.kind is InstitutionKind.PROVINCE:
            raise InvariantError("'administrative' may be True only for a regency or city.")
        self.to_institution()  # the code fits the kind, the parent is the code's province

    @property
    def autonomous(self) -> bool:
        """Whether the region governs itself (carries out regional actions)."""
        return not self.administrative

    @property
    def tier(self) -> Tier:
        """``provinsi`` or ``kabkota``."""
        return self.kind.tier

    def to_institution(self) -> Institution:
        """The region as an implementer of a dataset (same code, kind, name, parent, autonomy).

        >>> regions("2025").get("31.71").to_institution().autonomous
        False
        """
        return Institution(
            code=self.code,
            kind=self.kind,
            name=self.name,
            parent=self.parent,
            autonomous=self.autonomous,
        )


@attrs.frozen(kw_only=True)
class RegionTable:
    """One edition of the region table: its rows in code order, looked up by code.

    Iterating gives every row; ``code in table`` tests a code; ``len(table)`` counts rows.
    """

    edition: str
    decree: str
    rows: tuple[Region, ...]
    _by_code: Mapping[str, Region] = attrs.field(init=False, repr=False, eq=False)
    # the index is derived, and a mappingproxy cannot be pickled: made again when unpickled
    __getstate__ = given_state
    __setstate__ = restore_state
    __copy__ = itself

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_code", MappingProxyType({r.code: r for r in self.rows}))

    def __iter__(self) -> Iterator[Region]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def find(self, code: str) -> Region | None:
        """The row with ``code``, or ``None`` when the edition has no such code."""
        return self._by_code.get(code)

    def get(self, code: str) -> Region:
        """The row with ``code``; :class:`~ranham.errors.UnknownNameError` when there is none.

        The error lists what exists: the codes of the province when the province is known, the
        province codes otherwise.
        """
        found = self._by_code.get(code)
        if found is not None:
            return found
        province = code[:2] if isinstance(code, str) else ""
        if province in self._by_code and code != province:
            known = ", ".join(r.code for r in self.regencies_and_cities(province))
            what = f"province {province} has {known}"
        else:
            what = f"its provinces are {', '.join(r.code for r in self.provinces())}"
        raise UnknownNameError(
            f"the {self.edition} region table ({self.decree}) has no code {code!r}; {what}."
        )

    def provinces(self) -> tuple[Region, ...]:
        """The provinces, in code order."""
        return tuple(r for r in self.rows if r.kind is InstitutionKind.PROVINCE)

    def regencies_and_cities(self, province: str | None = None) -> tuple[Region, ...]:
        """The regencies and cities, in code order; only those of ``province`` when given."""
        return tuple(
            r
            for r in self.rows
            if r.kind is not InstitutionKind.PROVINCE and (province is None or r.parent == province)
        )

    def administrative(self) -> tuple[Region, ...]:
        """The administrative (not autonomous) regencies and cities, in code order."""
        return tuple(r for r in self.rows if r.administrative)

    def autonomous(self) -> tuple[Region, ...]:
        """The autonomous regencies and cities, in code order (those that get regional actions)."""
        return tuple(
            r for r in self.rows if r.kind is not InstitutionKind.PROVINCE and not r.administrative
        )


def _edition(edition: str | int) -> str:
    text = str(edition) if type(edition) is int else edition
    if text not in EDITIONS:
        raise UnknownNameError(
            f"there is no region table edition {edition!r}: the shipped editions are "
            f"{', '.join(repr(e) for e in EDITIONS)}."
        )
    return text


def regions(edition: str | int) -> RegionTable:
    """The region table of ``edition`` (``"2022"`` or ``"2025"``; ``2022`` works too).

    Read from the package data once and cached. Raises
    :class:`~ranham.errors.UnknownNameError` for an edition that is not shipped.
    """
    return _load(_edition(edition))


def _data(name: str) -> str:
    return resources.files("ranham.reference").joinpath("data", "regions", name).read_text("utf-8")


@cache
def _load(edition: str) -> RegionTable:
    decree = DECREES[edition]
    rows: list[Region] = []
    for line, row in enumerate(csv.DictReader(io.StringIO(_data(f"kepmendagri-{edition}.csv"))), 2):
        rows.append(_region(row, f"kepmendagri-{edition}.csv line {line}"))
        if row["edition"] != decree:
            raise RanhamError(f"kepmendagri-{edition}.csv line {line}: not from {decree}.")
    rows.sort(key=lambda r: r.code)
    return RegionTable(edition=edition, decree=decree, rows=tuple(rows))


def _region(row: Mapping[str, str], where: str) -> Region:
    """One CSV row as a :class:`Region`; a damaged row is an error of the package itself."""
    try:
        if row["administrative"] not in ("true", "false"):
            raise InvariantError(f"'administrative' must be true or false: {dict(row)!r}.")
        return Region(
            code=row["code"],
            name=row["name"],
            kind=InstitutionKind(row["kind"]),
            parent=row["parent"] or None,
            administrative=row["administrative"] == "true",
        )
    except ValueError as error:  # InvariantError included
        raise RanhamError(f"{where}: the shipped region table is damaged: {error}") from None


class ChangeKind(enum.Enum):
    """How a code changed from one edition to the next."""

    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class RegionChange:
    """One difference between two editions: a code added, removed, or named differently.

    ``note`` says why, when the shipped comparison of the two editions explains it.
    """

    change: ChangeKind
    code: str
    old_name: str | None
    new_name: str | None
    note: str | None = None


def changes(old: str | int = "2022", new: str | int = "2025") -> tuple[RegionChange, ...]:
    """What changed from edition ``old`` to edition ``new``, in code order.

    Computed from the two tables; the notes come from the shipped comparison
    ``data/regions/diff-2022-2025.csv`` (the 2022→2025 re-coding of Papua Barat Daya and five
    spelling differences between the source files).

    >>> [str(c.change) + " " + c.code for c in changes("2022", "2025") if c.code.startswith("96")]
    ['added 96', 'added 96.01', 'added 96.02', 'added 96.03', 'added 96.04', 'added 96.05', \
'added 96.71']
    """
    before, after = regions(old), regions(new)
    notes = _notes() if (before.edition, after.edition) == ("2022", "2025") else {}
    found: list[RegionChange] = []
    for code in sorted({r.code for r in before} | {r.code for r in after}):
        was, now = before.find(code), after.find(code)
        if was is not None and now is not None and was.name == now.name:
            continue
        if was is None:
            change = ChangeKind.ADDED
        elif now is None:
            change = ChangeKind.REMOVED
        else:
            change = ChangeKind.RENAMED
        found.append(
            RegionChange(
                change=change,
                code=code,
                old_name=None if was is None else was.name,
                new_name=None if now is None else now.name,
                note=notes.get((change.value, code)),
            )
        )
    return tuple(found)


@cache
def _notes() -> Mapping[tuple[str, str], str]:
    rows = csv.DictReader(io.StringIO(_data("diff-2022-2025.csv")))
    return MappingProxyType({(row["change"], row["code"]): row["note"] for row in rows})


def recoded(old: str | int = "2022", new: str | int = "2025") -> FrozenMap[str, str]:
    """Old code → new code for the regions that ``new`` lists under another code.

    A region counts as re-coded when its code is gone in ``new`` and exactly one added code of
    the same kind carries the same name.

    >>> dict(recoded("2022", "2025"))["92.71"]
    '96.71'
    """
    before, after = regions(old), regions(new)
    added: dict[tuple[InstitutionKind, str], list[str]] = {}
    for region in after:
        if region.code not in before:
            added.setdefault((region.kind, region.name), []).append(region.code)
    pairs: list[tuple[str, str]] = []
    for region in before:
        if region.code in after:
            continue
        candidates = added.get((region.kind, region.name), [])
        if len(candidates) == 1:
            pairs.append((region.code, candidates[0]))
    return FrozenMap(pairs)

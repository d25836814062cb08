"""Implementers (*pelaksana*): ministries, agencies, provinces, regencies and cities.

Regions are identified by the Home Affairs region code (*kode wilayah*): ``PP`` for a province,
``PP.KK`` for a regency (``KK`` from 01) or a city (``KK`` from 71). Ministries and agencies have
no official RANHAM code; ``ranham`` identifies them by a lower-case slug such as ``kemensos``.

>>> from ranham.model import Institution, InstitutionKind
>>> bekasi = Institution(code="32.16", kind=InstitutionKind.REGENCY, name="Kabupaten Bekasi",
...                      parent="32")
>>> bekasi.tier
<Tier.REGENCY_CITY: 'kabkota'>
>>> Institution(code="32.76", kind=InstitutionKind.REGENCY, name="Kota Depok", parent="32")
Traceback (most recent call last):
...
ranham.errors.InvariantError: 'code' must be a regency code PP.KK with KK from 01 to 69, such \
as '32.16' for kind kabupaten (got '32.76').
"""

from __future__ import annotations

from functools import lru_cache

import attrs

from ranham.model._checks import (
    AGENCY_CODE,
    CITY_CODE,
    FLAG,
    PROVINCE_CODE,
    REGENCY_CODE,
    TEXT,
    Enum,
    Pattern,
    check,
)
from ranham.model._invariants import institution_fits_kind, refuse
from ranham.model.enums import InstitutionKind, Tier

__all__ = ["CODE_PATTERNS", "Institution", "code_fits_kind", "kinds_of_code"]

CODE_PATTERNS: dict[InstitutionKind, Pattern] = {
    InstitutionKind.MINISTRY: AGENCY_CODE,
    InstitutionKind.AGENCY: AGENCY_CODE,
    InstitutionKind.PROVINCE: PROVINCE_CODE,
    InstitutionKind.REGENCY: REGENCY_CODE,
    InstitutionKind.CITY: CITY_CODE,
}
"""The pattern an institution's code must match, by kind."""


def code_fits_kind(code: str, kind: InstitutionKind) -> bool:
    """Whether ``code`` is a well-formed code for an institution of ``kind``."""
    return CODE_PATTERNS[kind].ok(code)


def kinds_of_code(code: str) -> frozenset[InstitutionKind]:
    """The kinds whose code pattern ``code`` fits (empty when it fits none).

    >>> sorted(k.value for k in kinds_of_code("kemensos"))
    ['kementerian', 'lembaga']
    """
    return frozenset(kind for kind, pattern in CODE_PATTERNS.items() if pattern.ok(code))


def tier_of_code(code: str) -> Tier | None:
    """The tier that an institution code's pattern implies, ``None`` when it fits no pattern.

    Asked for every report checked against a catalog: the answers for codes of at most
    :data:`CACHED_CODE_LENGTH` characters (every valid code) are kept, 1,024 at most, so that
    neither a long code nor a stream of ever-new ones makes the cache grow.
    """
    if len(code) <= CACHED_CODE_LENGTH:
        return _cached_tier(code)
    return _tier(code)


CACHED_CODE_LENGTH = 64
"""The longest code whose tier :func:`tier_of_code` keeps (an agency code has at most 63)."""


def _tier(code: str) -> Tier | None:
    tiers = {kind.tier for kind in kinds_of_code(code)}
    return tiers.pop() if len(tiers) == 1 else None


_cached_tier = lru_cache(maxsize=1024)(_tier)


@attrs.frozen(kw_only=True)
class Institution:
    """One implementer, identified by ``code``; its tier follows from its kind.

    ``parent`` is the province code of a regency or city (the first two digits of its code) and
    absent otherwise. ``autonomous`` is ``False`` only for the administrative regency and cities
    of DKI Jakarta, which carry out no regional action.
    """

    code: str = attrs.field()
    kind: InstitutionKind = attrs.field(validator=Enum(InstitutionKind))
    name: str = attrs.field(validator=TEXT)
    parent: str | None = attrs.field(default=None, validator=check(PROVINCE_CODE, optional=True))
    autonomous: bool = attrs.field(default=True, validator=FLAG)

    def __attrs_post_init__(self) -> None:
        parent = self.parent
        refuse(
            institution_fits_kind(
                self.code,
                self.kind,
                CODE_PATTERNS[self.kind],
                parent,
                parent is not None,
                self.autonomous,
            )
        )

    @property
    def tier(self) -> Tier:
        """The reporting tier: ``kl``, ``provinsi`` or ``kabkota``."""
        return self.kind.tier

"""The value sets of the format: English names, the official Indonesian codes as values.

>>> from ranham.model import TargetGroup, InstitutionKind, Tier
>>> TargetGroup.WOMEN.value
'perempuan'
>>> InstitutionKind("kabupaten").tier
<Tier.REGENCY_CITY: 'kabkota'>
"""

from __future__ import annotations

import enum

__all__ = [
    "Addressee",
    "EvidenceKind",
    "FollowUpStatus",
    "InstitutionKind",
    "ReportStatus",
    "TargetGroup",
    "Theme",
    "Tier",
]


class _Coded(enum.Enum):
    """An enum whose ``str()`` is its official code."""

    def __str__(self) -> str:
        return str(self.value)


class TargetGroup(_Coded):
    """*Kelompok sasaran*: the groups a plan's actions are for (Perpres 53/2021, Pasal 3)."""

    WOMEN = "perempuan"
    CHILDREN = "anak"
    PERSONS_WITH_DISABILITIES = "penyandang_disabilitas"
    INDIGENOUS_COMMUNITIES = "masyarakat_adat"


class Tier(_Coded):
    """The three reporting tiers: ministries/agencies, provinces, regencies/cities."""

    KL = "kl"
    PROVINCE = "provinsi"
    REGENCY_CITY = "kabkota"


class InstitutionKind(_Coded):
    """The kind of an implementer (*pelaksana*); each kind belongs to one tier."""

    MINISTRY = "kementerian"
    AGENCY = "lembaga"
    PROVINCE = "provinsi"
    REGENCY = "kabupaten"
    CITY = "kota"

    @property
    def tier(self) -> Tier:
        """The reporting tier of this kind."""
        return _TIER_OF_KIND[self]

    @property
    def is_regional(self) -> bool:
        """Whether this kind is a regional government (province, regency or city)."""
        return self not in (InstitutionKind.MINISTRY, InstitutionKind.AGENCY)


_TIER_OF_KIND = {
    InstitutionKind.MINISTRY: Tier.KL,
    InstitutionKind.AGENCY: Tier.KL,
    InstitutionKind.PROVINCE: Tier.PROVINCE,
    InstitutionKind.REGENCY: Tier.REGENCY_CITY,
    InstitutionKind.CITY: Tier.REGENCY_CITY,
}


class ReportStatus(_Coded):
    """Where a report is in the reporting workflow."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    VERIFIED = "verified"


class EvidenceKind(_Coded):
    """The kind of a piece of supporting evidence (*data dukung*)."""

    MINUTES = "notulen"
    DECREE = "sk"
    BUDGET = "anggaran"
    BENEFICIARY_LIST = "daftar_penerima"
    REPORT = "laporan"
    PHOTO = "foto"
    OTHER = "lainnya"


class Addressee(_Coded):
    """To whom a forum's recommendation is addressed."""

    PANRANHAM = "panranham"
    IMPLEMENTERS = "pelaksana"


class Theme(_Coded):
    """The theme of a recommendation."""

    OUTREACH = "sosialisasi"
    GUIDELINE = "pedoman"
    FORMAT = "format"
    INCENTIVE = "insentif"
    BUDGET = "anggaran"
    LEADERSHIP_COMMITMENT = "komitmen_pimpinan"
    MONITORING_EVALUATION = "pemantauan_evaluasi"
    CAPACITY = "kapasitas"
    OTHER = "lainnya"


class FollowUpStatus(_Coded):
    """The status a follow-up (*tindak lanjut*) gives its recommendation."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    IMPLEMENTED = "implemented"
    DROPPED = "dropped"

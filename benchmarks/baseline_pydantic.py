"""The benchmark baselines: the document format 1.0 as pydantic v2 models and as msgspec Structs.

Both are written from ``format.md`` for the benchmarks only; ``ranham`` never imports them.
They model the **schema layer** of the format, what a careful pydantic or msgspec user would
write for it:

- every object of every document kind (``catalog``, ``report``, ``dataset``, ``forum``), the
  documents with their ``kind`` and ``schema_version`` (``"1.0"``), dispatched on ``kind``;
- unknown keys refused (pydantic ``extra="forbid"``, msgspec ``forbid_unknown_fields``);
- strict types: no ``"3"`` or ``3.0`` for an integer, only ``true``/``false`` for a boolean, no
  ``null`` anywhere (an optional field may be omitted, never ``null``), integers within their
  ranges (years 1-9999, counts within 2^53);
- the value sets as enums; the patterns of slugs, institution codes (per institution kind, the
  kind being the union's tag), periods ``YYYY-Bnn``, ``http(s)`` URLs, links ``TYPE:ID``, time
  zone names; non-empty lists where the format says so; every free text non-empty after
  stripping white space;
- dates ``YYYY-MM-DD`` that exist, RFC 3339 timestamps with seconds, upper-case ``T`` and an
  explicit offset (a pattern, then a real date-time).

They do **not** check what needs more than one value: cross references (actions, measures,
institutions), unique ids, ``(tier, number)``, windows against periods, workflow transitions,
history order, assessments against status, ``parent`` against the code prefix, the time zone's
existence, duplicate keys (both parsers keep the last value), issue positions or messages.
``ranham`` checks all of that, so these baselines check less than ``ranham`` does.

Use :class:`Document` (``Document.model_validate_json(data)``, ``model.model_dump_json()``) and
:data:`MSGSPEC_DOCUMENT` (``msgspec.json.decode(data, type=MSGSPEC_DOCUMENT)``).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

import msgspec
from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    Strict,
    StringConstraints,
)

# --- value sets ---------------------------------------------------------------------------------


class TargetGroup(StrEnum):
    PEREMPUAN = "perempuan"
    ANAK = "anak"
    PENYANDANG_DISABILITAS = "penyandang_disabilitas"
    MASYARAKAT_ADAT = "masyarakat_adat"


class Tier(StrEnum):
    KL = "kl"
    PROVINSI = "provinsi"
    KABKOTA = "kabkota"


class PeriodCode(StrEnum):
    B04 = "B04"
    B06 = "B06"
    B08 = "B08"
    B09 = "B09"
    B12 = "B12"


class ReportStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    VERIFIED = "verified"


class EvidenceKind(StrEnum):
    NOTULEN = "notulen"
    SK = "sk"
    ANGGARAN = "anggaran"
    DAFTAR_PENERIMA = "daftar_penerima"
    LAPORAN = "laporan"
    FOTO = "foto"
    LAINNYA = "lainnya"


class Addressee(StrEnum):
    PANRANHAM = "panranham"
    PELAKSANA = "pelaksana"


class Theme(StrEnum):
    SOSIALISASI = "sosialisasi"
    PEDOMAN = "pedoman"
    FORMAT = "format"
    INSENTIF = "insentif"
    ANGGARAN = "anggaran"
    KOMITMEN_PIMPINAN = "komitmen_pimpinan"
    PEMANTAUAN_EVALUASI = "pemantauan_evaluasi"
    KAPASITAS = "kapasitas"
    LAINNYA = "lainnya"


class FollowUpStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    IMPLEMENTED = "implemented"
    DROPPED = "dropped"


# --- patterns (format.md, "Fields" and "Types and text") ----------------------------------------

SLUG_RE = r"[a-z0-9][a-z0-9._-]{0,127}"
AGENCY_RE = r"[a-z][a-z0-9-]{1,62}"
PROVINCE_RE = r"[1-9][0-9]"
REGENCY_RE = r"[1-9][0-9]\.(?:0[1-9]|[1-6][0-9])"
CITY_RE = r"[1-9][0-9]\.(?:7[1-9]|[89][0-9])"
INSTITUTION_RE = rf"{AGENCY_RE}|{PROVINCE_RE}|{REGENCY_RE}|{CITY_RE}"
# A year from 0001 to 9999, then one of the period codes.
PERIOD_RE = r"(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-B(?:04|06|08|09|12)"
HTTP_URL_RE = r"[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+[^\s]*"
LINK_RE = (
    rf"action:{SLUG_RE}|ruleset:{SLUG_RE}/{SLUG_RE}|url:{HTTP_URL_RE}"
    r"|document:[\s\S]*\S[\s\S]*"
)
ZONE_RE = r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*"
TEXT_RE = r"\S"  # searched, not matched: some character that is not white space
TIMESTAMP_RE = (
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?"
    r"(?:Z|[+-][0-9]{2}:[0-9]{2})"
)
MAX_INT = 2**53

_TIMESTAMP = re.compile(TIMESTAMP_RE)


def _whole(regex: str) -> str:
    return rf"^(?:{regex})$"


def _rfc3339(value: object) -> object:
    """The timestamp's form (the date-time parser behind it accepts more forms than 1.0 does)."""
    if type(value) is not str or _TIMESTAMP.fullmatch(value) is None:
        raise ValueError("expected an RFC 3339 timestamp with seconds, 'T' and an offset")
    return value


# --- pydantic -----------------------------------------------------------------------------------

Slug = Annotated[str, StringConstraints(pattern=_whole(SLUG_RE))]
AgencyCode = Annotated[str, StringConstraints(pattern=_whole(AGENCY_RE))]
ProvinceCode = Annotated[str, StringConstraints(pattern=_whole(PROVINCE_RE))]
RegencyCode = Annotated[str, StringConstraints(pattern=_whole(REGENCY_RE))]
CityCode = Annotated[str, StringConstraints(pattern=_whole(CITY_RE))]
InstitutionCode = Annotated[str, StringConstraints(pattern=_whole(INSTITUTION_RE))]
Period = Annotated[str, StringConstraints(pattern=_whole(PERIOD_RE))]
HttpUrl = Annotated[str, StringConstraints(pattern=_whole(HTTP_URL_RE))]
Link = Annotated[str, StringConstraints(pattern=_whole(LINK_RE))]
ZoneName = Annotated[str, StringConstraints(pattern=_whole(ZONE_RE))]
Text = Annotated[str, StringConstraints(pattern=TEXT_RE)]
Year = Annotated[int, Field(ge=1, le=9999)]
Number = Annotated[int, Field(ge=1, le=MAX_INT)]
Count = Annotated[int, Field(ge=0, le=MAX_INT)]
# In strict mode a date-time after a Python validator would refuse the (already checked) string,
# so the parser behind the pattern check runs in lax mode: it still refuses Feb 30 and +24:00.
Timestamp = Annotated[AwareDatetime, Strict(False), BeforeValidator(_rfc3339)]
Extensions = dict[str, Any]

# Optional fields are typed as their value with a ``None`` default: omitted gives ``None``, an
# explicit ``null`` is refused (format.md: no field is nullable), and ``exclude_defaults``
# leaves them out on writing, as the format's writer does.


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Plan(_Strict):
    id: Slug
    title: Text
    legal_basis: Text
    start_year: Year
    end_year: Year
    target_groups: Annotated[list[TargetGroup], Field(min_length=1)]
    periods: Annotated[list[PeriodCode], Field(min_length=1)]
    timezone: ZoneName


class Window(_Strict):
    opens: date
    closes: date


class Measure(_Strict):
    id: Slug
    period: PeriodCode
    description: Text


class Action(_Strict):
    id: Slug
    tier: Tier
    number: Number
    target_group: TargetGroup
    title: Text
    intended_result: Text = None  # type: ignore[assignment]
    success_criteria: Text = None  # type: ignore[assignment]
    responsible: list[AgencyCode] = []
    measures: Annotated[list[Measure], Field(min_length=1)]
    extensions: Extensions = {}


class CatalogBody(_Strict):
    plan: Plan
    year: Year
    windows: dict[PeriodCode, Window]
    actions: list[Action]
    extensions: Extensions = {}


class Agency(_Strict):
    code: AgencyCode
    kind: Literal["kementerian", "lembaga"]
    name: Text
    autonomous: Literal[True] = True


class Province(_Strict):
    code: ProvinceCode
    kind: Literal["provinsi"]
    name: Text
    autonomous: Literal[True] = True


class Regency(_Strict):
    code: RegencyCode
    kind: Literal["kabupaten"]
    name: Text
    parent: ProvinceCode
    autonomous: bool = True


class City(_Strict):
    code: CityCode
    kind: Literal["kota"]
    name: Text
    parent: ProvinceCode
    autonomous: bool = True


Institution = Annotated[Agency | Province | Regency | City, Field(discriminator="kind")]


class StatusChange(_Strict):
    status: ReportStatus
    at: Timestamp
    by: Text = None  # type: ignore[assignment]
    note: Text = None  # type: ignore[assignment]


class Evidence(_Strict):
    kind: EvidenceKind
    title: Text
    uri: HttpUrl = None  # type: ignore[assignment]
    letterhead: bool
    signed: bool


class Assessment(_Strict):
    administrative: bool
    substantive: bool
    note: Text = None  # type: ignore[assignment]


class MeasureEntry(_Strict):
    measure: Slug
    claimed: bool
    narrative: Text = None  # type: ignore[assignment]
    evidence: list[Evidence] = []
    assessment: Assessment = None  # type: ignore[assignment]


class ActionEntry(_Strict):
    action: Slug
    measures: list[MeasureEntry]
    extensions: Extensions = {}


class ReportBody(_Strict):
    institution: InstitutionCode
    period: Period
    status: ReportStatus
    history: list[StatusChange]
    entries: list[ActionEntry]
    extensions: Extensions = {}


class Allegation(_Strict):
    institution: InstitutionCode
    reported_on: date
    reference: Text


class Declared(_Strict):
    panranham: Count
    pelaksana: Count


class FollowUp(_Strict):
    on: date
    status: FollowUpStatus
    note: Text = None  # type: ignore[assignment]
    links: list[Link] = []


class Recommendation(_Strict):
    id: Slug
    addressee: Addressee
    theme: Theme
    text: Text
    due: date = None  # type: ignore[assignment]
    follow_ups: list[FollowUp] = []
    extensions: Extensions = {}


# The documents: header first, then the body's fields in canonical order (written out, so that
# ``model_dump_json`` writes the fields in the order of format.md).

Version = Literal["1.0"]


class CatalogDocument(_Strict):
    kind: Literal["catalog"]
    schema_version: Version
    plan: Plan
    year: Year
    windows: dict[PeriodCode, Window]
    actions: list[Action]
    extensions: Extensions = {}


class ReportDocument(_Strict):
    kind: Literal["report"]
    schema_version: Version
    institution: InstitutionCode
    period: Period
    status: ReportStatus
    history: list[StatusChange]
    entries: list[ActionEntry]
    extensions: Extensions = {}


class DatasetDocument(_Strict):
    kind: Literal["dataset"]
    schema_version: Version
    catalog: CatalogBody
    institutions: list[Institution]
    reports: list[ReportBody]
    allegations: list[Allegation] = []
    extensions: Extensions = {}


class ForumDocument(_Strict):
    kind: Literal["forum"]
    schema_version: Version
    id: Slug
    title: Text
    start_date: date
    end_date: date
    location: Text
    sources: list[Text] = []
    declared: Declared
    recommendations: list[Recommendation]
    extensions: Extensions = {}


class Document(RootModel[Any]):
    """Any document, dispatched on ``kind`` (as ``ranham.validation.validate`` does)."""

    root: Annotated[
        CatalogDocument | ReportDocument | DatasetDocument | ForumDocument,
        Field(discriminator="kind"),
    ]


def dump_json(document: Document) -> bytes:
    """The document as JSON bytes, optional fields with their default left out (as ranham)."""
    return document.model_dump_json(exclude_defaults=True).encode()


# --- msgspec: the same schema layer as Structs, to show the limit -------------------------------


def _mpattern(regex: str) -> msgspec.Meta:
    return msgspec.Meta(pattern=_whole(regex))


MSlug = Annotated[str, _mpattern(SLUG_RE)]
MAgencyCode = Annotated[str, _mpattern(AGENCY_RE)]
MProvinceCode = Annotated[str, _mpattern(PROVINCE_RE)]
MRegencyCode = Annotated[str, _mpattern(REGENCY_RE)]
MCityCode = Annotated[str, _mpattern(CITY_RE)]
MInstitutionCode = Annotated[str, _mpattern(INSTITUTION_RE)]
MPeriod = Annotated[str, _mpattern(PERIOD_RE)]
MHttpUrl = Annotated[str, _mpattern(HTTP_URL_RE)]
MLink = Annotated[str, _mpattern(LINK_RE)]
MZoneName = Annotated[str, _mpattern(ZONE_RE)]
MText = Annotated[str, msgspec.Meta(pattern=TEXT_RE)]
MYear = Annotated[int, msgspec.Meta(ge=1, le=9999)]
MNumber = Annotated[int, msgspec.Meta(ge=1, le=MAX_INT)]
MCount = Annotated[int, msgspec.Meta(ge=0, le=MAX_INT)]
# msgspec parses RFC 3339 itself and requires the offset (``tz=True``); its parser also accepts
# a space for the ``T``, which 1.0 refuses. A pattern first would cost a Python call per value,
# which is not how msgspec is used: it shows the limit, it is not an equal.
MTimestamp = Annotated[datetime, msgspec.Meta(tz=True)]
MExtensions = dict[str, Any]


class _MStruct(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    pass


class MPlan(_MStruct, kw_only=True):
    id: MSlug
    title: MText
    legal_basis: MText
    start_year: MYear
    end_year: MYear
    target_groups: Annotated[list[TargetGroup], msgspec.Meta(min_length=1)]
    periods: Annotated[list[PeriodCode], msgspec.Meta(min_length=1)]
    timezone: MZoneName


class MWindow(_MStruct, kw_only=True):
    opens: date
    closes: date


class MMeasure(_MStruct, kw_only=True):
    id: MSlug
    period: PeriodCode
    description: MText


class MAction(_MStruct, kw_only=True):
    id: MSlug
    tier: Tier
    number: MNumber
    target_group: TargetGroup
    title: MText
    intended_result: MText | msgspec.UnsetType = msgspec.UNSET
    success_criteria: MText | msgspec.UnsetType = msgspec.UNSET
    responsible: list[MAgencyCode] = msgspec.field(default_factory=list)
    measures: Annotated[list[MMeasure], msgspec.Meta(min_length=1)]
    extensions: MExtensions = msgspec.field(default_factory=dict)


class MCatalogBody(_MStruct, kw_only=True):
    plan: MPlan
    year: MYear
    windows: dict[PeriodCode, MWindow]
    actions: list[MAction]
    extensions: MExtensions = msgspec.field(default_factory=dict)


class _MInstitution(_MStruct, tag_field="kind"):
    pass


class MKementerian(_MInstitution, tag="kementerian", kw_only=True):
    code: MAgencyCode
    name: MText
    autonomous: Literal[True] = True


class MLembaga(_MInstitution, tag="lembaga", kw_only=True):
    code: MAgencyCode
    name: MText
    autonomous: Literal[True] = True


class MProvince(_MInstitution, tag="provinsi", kw_only=True):
    code: MProvinceCode
    name: MText
    autonomous: Literal[True] = True


class MRegency(_MInstitution, tag="kabupaten", kw_only=True):
    code: MRegencyCode
    name: MText
    parent: MProvinceCode
    autonomous: bool = True


class MCity(_MInstitution, tag="kota", kw_only=True):
    code: MCityCode
    name: MText
    parent: MProvinceCode
    autonomous: bool = True


MInstitution = MKementerian | MLembaga | MProvince | MRegency | MCity


class MStatusChange(_MStruct, kw_only=True):
    status: ReportStatus
    at: MTimestamp
    by: MText | msgspec.UnsetType = msgspec.UNSET
    note: MText | msgspec.UnsetType = msgspec.UNSET


class MEvidence(_MStruct, kw_only=True):
    kind: EvidenceKind
    title: MText
    uri: MHttpUrl | msgspec.UnsetType = msgspec.UNSET
    letterhead: bool
    signed: bool


class MAssessment(_MStruct, kw_only=True):
    administrative: bool
    substantive: bool
    note: MText | msgspec.UnsetType = msgspec.UNSET


class MMeasureEntry(_MStruct, kw_only=True):
    measure: MSlug
    claimed: bool
    narrative: MText | msgspec.UnsetType = msgspec.UNSET
    evidence: list[MEvidence] = msgspec.field(default_factory=list)
    assessment: MAssessment | msgspec.UnsetType = msgspec.UNSET


class MActionEntry(_MStruct, kw_only=True):
    action: MSlug
    measures: list[MMeasureEntry]
    extensions: MExtensions = msgspec.field(default_factory=dict)


class MReportBody(_MStruct, kw_only=True):
    institution: MInstitutionCode
    period: MPeriod
    status: ReportStatus
    history: list[MStatusChange]
    entries: list[MActionEntry]
    extensions: MExtensions = msgspec.field(default_factory=dict)


class MAllegation(_MStruct, kw_only=True):
    institution: MInstitutionCode
    reported_on: date
    reference: MText


class MDeclared(_MStruct, kw_only=True):
    panranham: MCount
    pelaksana: MCount


class MFollowUp(_MStruct, kw_only=True):
    on: date
    status: FollowUpStatus
    note: MText | msgspec.UnsetType = msgspec.UNSET
    links: list[MLink] = msgspec.field(default_factory=list)


class MRecommendation(_MStruct, kw_only=True):
    id: MSlug
    addressee: Addressee
    theme: Theme
    text: MText
    due: date | msgspec.UnsetType = msgspec.UNSET
    follow_ups: list[MFollowUp] = msgspec.field(default_factory=list)
    extensions: MExtensions = msgspec.field(default_factory=dict)


class _MDocument(_MStruct, tag_field="kind"):
    schema_version: Literal["1.0"]


class MCatalogDocument(_MDocument, tag="catalog", kw_only=True):
    plan: MPlan
    year: MYear
    windows: dict[PeriodCode, MWindow]
    actions: list[MAction]
    extensions: MExtensions = msgspec.field(default_factory=dict)


class MReportDocument(_MDocument, tag="report", kw_only=True):
    institution: MInstitutionCode
    period: MPeriod
    status: ReportStatus
    history: list[MStatusChange]
    entries: list[MActionEntry]
    extensions: MExtensions = msgspec.field(default_factory=dict)


class MDatasetDocument(_MDocument, tag="dataset", kw_only=True):
    catalog: MCatalogBody
    institutions: list[MInstitution]
    reports: list[MReportBody]
    allegations: list[MAllegation] = msgspec.field(default_factory=list)
    extensions: MExtensions = msgspec.field(default_factory=dict)


class MForumDocument(_MDocument, tag="forum", kw_only=True):
    id: MSlug
    title: MText
    start_date: date
    end_date: date
    location: MText
    sources: list[MText] = msgspec.field(default_factory=list)
    declared: MDeclared
    recommendations: list[MRecommendation]
    extensions: MExtensions = msgspec.field(default_factory=dict)


MSGSPEC_DOCUMENT = MCatalogDocument | MReportDocument | MDatasetDocument | MForumDocument
"""Any document as msgspec Structs, dispatched on ``kind``."""

_MSGSPEC_DECODER = msgspec.json.Decoder(MSGSPEC_DOCUMENT)


def msgspec_decode(data: bytes) -> Any:
    """Decode and check ``data`` into the msgspec Structs (raises ``msgspec.ValidationError``)."""
    return _MSGSPEC_DECODER.decode(data)

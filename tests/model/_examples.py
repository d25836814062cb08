"""The examples of format.md built as objects, for the model's tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ranham.model import (
    Action,
    ActionEntry,
    ActionPlan,
    Addressee,
    Assessment,
    Catalog,
    Declared,
    Evidence,
    EvidenceKind,
    FollowUp,
    FollowUpStatus,
    Forum,
    Institution,
    InstitutionKind,
    Link,
    MeasureEntry,
    Recommendation,
    Report,
    ReportStatus,
    StatusChange,
    SuccessMeasure,
    TargetGroup,
    Theme,
    Tier,
)
from ranham.periods import PeriodCode, ReportingPeriod, Window

WIB = timezone(timedelta(hours=7))
B04, B08, B12 = PeriodCode.B04, PeriodCode.B08, PeriodCode.B12

PLAN = ActionPlan(
    id="ranham-2021-2025",
    title="Rencana Aksi Nasional Hak Asasi Manusia Tahun 2021-2025",
    legal_basis="Perpres 53/2021",
    start_year=2021,
    end_year=2025,
    target_groups=tuple(TargetGroup),
    periods=(B04, B08, B12),
    timezone="Asia/Jakarta",
)

ACTION = Action(
    id="2022-kabkota-1",
    tier=Tier.REGENCY_CITY,
    number=1,
    target_group=TargetGroup.WOMEN,
    title="Memberikan bantuan usaha bagi perempuan kepala keluarga",
    intended_result="Meningkatnya akses perempuan kepala keluarga di bidang usaha",
    success_criteria="Perempuan kepala keluarga menerima bantuan usaha",
    measures=(
        SuccessMeasure(id="2022-kabkota-1-b04-1", period=B04, description="Rapat perencanaan"),
        SuccessMeasure(
            id="2022-kabkota-1-b08-1", period=B08, description="Daftar penerima bantuan"
        ),
        SuccessMeasure(
            id="2022-kabkota-1-b12-1", period=B12, description="Rapat monitoring dan evaluasi"
        ),
    ),
)

KL_ACTION = Action(
    id="2022-kl-1",
    tier=Tier.KL,
    number=1,
    target_group=TargetGroup.CHILDREN,
    title="Penyusunan pedoman layanan ramah anak",
    responsible=("kemensos",),
    measures=tuple(
        SuccessMeasure(id=f"2022-kl-1-{code.value.lower()}-1", period=code, description="Dokumen")
        for code in (B04, B08, B12)
    ),
)

WINDOWS = {
    B04: Window(date(2022, 4, 28), date(2022, 5, 5)),
    B08: Window(date(2022, 8, 30), date(2022, 9, 6)),
    B12: Window(date(2022, 11, 28), date(2022, 12, 5)),
}

CATALOG = Catalog(plan=PLAN, year=2022, windows=WINDOWS, actions=(ACTION, KL_ACTION))

REPORT = Report(
    institution="32.16",
    period=ReportingPeriod(2022, B04),
    status=ReportStatus.VERIFIED,
    history=(
        StatusChange(status=ReportStatus.SUBMITTED, at=datetime(2022, 4, 29, 10, 15, tzinfo=WIB)),
        StatusChange(
            status=ReportStatus.RETURNED,
            at=datetime(2022, 5, 8, 9, 0, tzinfo=WIB),
            note="kop surat tidak ada",
        ),
        StatusChange(status=ReportStatus.SUBMITTED, at=datetime(2022, 5, 9, 14, 0, tzinfo=WIB)),
        StatusChange(
            status=ReportStatus.VERIFIED,
            at=datetime(2022, 5, 20, 16, 30, tzinfo=WIB),
            by="tim-verifikator-2",
        ),
    ),
    entries=(
        ActionEntry(
            action="2022-kabkota-1",
            measures=(
                MeasureEntry(
                    measure="2022-kabkota-1-b04-1",
                    claimed=True,
                    narrative="Rapat perencanaan dilaksanakan 12 April 2022",
                    evidence=(
                        Evidence(
                            kind=EvidenceKind.MINUTES,
                            title="Notulen rapat perencanaan",
                            uri="https://sapa-ham.example/doc/881",
                            letterhead=True,
                            signed=True,
                        ),
                    ),
                    assessment=Assessment(administrative=True, substantive=True),
                ),
            ),
        ),
    ),
)

INSTITUTIONS = (
    Institution(code="32", kind=InstitutionKind.PROVINCE, name="Jawa Barat"),
    Institution(code="32.16", kind=InstitutionKind.REGENCY, name="Kabupaten Bekasi", parent="32"),
    Institution(
        code="31.71",
        kind=InstitutionKind.CITY,
        name="Kota Administrasi Jakarta Selatan",
        parent="31",
        autonomous=False,
    ),
    Institution(code="kemensos", kind=InstitutionKind.MINISTRY, name="Kementerian Sosial"),
)

FORUM = Forum(
    id="forum-koordinasi-ranham-2022",
    title="Forum Koordinasi Pelaksanaan RANHAM",
    start_date=date(2022, 8, 24),
    end_date=date(2022, 8, 26),
    location="Bekasi",
    sources=("https://portal.ham.go.id/2022/08/33684/",),
    declared=Declared(panranham=8, pelaksana=6),
    recommendations=(
        Recommendation(
            id="panranham-insentif",
            addressee=Addressee.PANRANHAM,
            theme=Theme.INCENTIVE,
            text="Pemberian insentif bagi pelaksana Aksi HAM",
            due=date(2023, 12, 31),
            follow_ups=(
                FollowUp(
                    on=date(2023, 3, 1),
                    status=FollowUpStatus.IN_PROGRESS,
                    note="Aturan kelayakan insentif disusun",
                    links=(Link.parse("ruleset:ranham-2021-2025/default"),),
                ),
            ),
        ),
    ),
)

"""Deterministic generator of the datasets that the shipped expert cases score.

Run ``python tests/rules/make_case_data.py`` to (re)write them into
``src/ranham/rules/cases/``; ``tests/rules/test_cases.py`` checks that the committed files are
exactly what this script writes. The datasets are synthetic: institution names are made up,
codes follow the format's patterns, and only what a case needs is reported (one measure per
action and period, except where a published figure needs a finer denominator).

- ``bekasi-2022.json``: a small 2022 dataset whose reports exercise every scoring parameter;
  Kabupaten Bekasi (32.16) scores 66.67, 66.67 and nothing (a returned report), 44.44 a year.
- ``eligibility-2022.json``: one regency or city per eligibility situation (a late, an early, a
  returned, a missing report, an allegation on and after the cut-off day, a low score).
- ``threshold-2022.json``: Kota Salatiga's annual score is exactly 79.995 (32 actions, one with
  625 measures in B04: 79.995 = 15999/200 needs a denominator of 20000).
- ``national-b04-2022.json``: tier means of B04 2022 exactly 87.23 (100 K/L), 65.56 (25 of 34
  provinces participating, one action with 25 measures) and 71.65 (100 of 508 regencies/cities,
  one action with 10 measures): the published national figure 74.81.
- ``achievement-2021.json``: 34 provinces and 508 autonomous regencies/cities with 9 actions
  each, 2,923 of the 4,878 targets achieved: the published 59.92 %.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from ranham import io
from ranham.model import (
    Action,
    ActionEntry,
    ActionPlan,
    Allegation,
    Assessment,
    Catalog,
    Dataset,
    Evidence,
    EvidenceKind,
    Institution,
    InstitutionKind,
    MeasureEntry,
    Report,
    ReportStatus,
    StatusChange,
    SuccessMeasure,
    TargetGroup,
    Tier,
)
from ranham.periods import PeriodCode, ReportingPeriod, Window

OUT = Path(__file__).resolve().parents[2] / "src" / "ranham" / "rules" / "cases"
WIB = timezone(timedelta(hours=7))
CODES = (PeriodCode.B04, PeriodCode.B08, PeriodCode.B12)
GROUPS = tuple(TargetGroup)

PLAN = ActionPlan(
    id="ranham-2021-2025",
    title="Rencana Aksi Nasional Hak Asasi Manusia Tahun 2021-2025",
    legal_basis="Perpres 53/2021",
    start_year=2021,
    end_year=2025,
    target_groups=GROUPS,
    periods=CODES,
    timezone="Asia/Jakarta",
)

WINDOWS = {
    # 2022: the published windows of B08 and B12; B04 as in format.md's example.
    2022: {
        PeriodCode.B04: Window(date(2022, 4, 28), date(2022, 5, 5)),
        PeriodCode.B08: Window(date(2022, 8, 30), date(2022, 9, 6)),
        PeriodCode.B12: Window(date(2022, 11, 28), date(2022, 12, 5)),
    },
    # 2021: illustrative windows.
    2021: {
        PeriodCode.B04: Window(date(2021, 4, 26), date(2021, 5, 7)),
        PeriodCode.B08: Window(date(2021, 8, 25), date(2021, 9, 6)),
        PeriodCode.B12: Window(date(2021, 11, 25), date(2021, 12, 6)),
    },
}

# The 34 provinces of the 2021-2022 targets (codes of Kepmendagri; names made up).
PROVINCES = (
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35",
    "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
    "81", "82", "91", "94",
)  # fmt: skip


# -- building blocks -------------------------------------------------------------------------


def action(
    year: int,
    tier: Tier,
    number: int,
    *,
    responsible: Sequence[str] = (),
    measures: dict[PeriodCode, int] | None = None,
    short: bool = False,
) -> Action:
    """An action with ``measures[code]`` measures per period (1 where not given).

    Ids are ``2022-kabkota-1`` and ``2022-kabkota-1-b04-1``, or with ``short`` (for the large
    files) ``k1`` and ``k1-b04-1``.
    """
    counts = dict.fromkeys(CODES, 1) | (measures or {})
    prefix = {Tier.KL: "kl", Tier.PROVINCE: "p", Tier.REGENCY_CITY: "k"}[tier]
    action_id = f"{prefix}{number}" if short else f"{year}-{tier.value}-{number}"
    return Action(
        id=action_id,
        tier=tier,
        number=number,
        target_group=GROUPS[(number - 1) % len(GROUPS)],
        title=f"Aksi {tier.value} {number}",
        responsible=tuple(responsible),
        measures=tuple(
            SuccessMeasure(
                id=f"{action_id}-{code.value.lower()}-{index}",
                period=code,
                description=f"Ukuran {code.value} nomor {index}",
            )
            for code in CODES
            for index in range(1, counts[code] + 1)
        ),
    )


def catalog(year: int, actions: Iterable[Action]) -> Catalog:
    return Catalog(plan=PLAN, year=year, windows=WINDOWS[year], actions=tuple(actions))


def ministry(code: str, name: str) -> Institution:
    return Institution(code=code, kind=InstitutionKind.MINISTRY, name=name)


def province(code: str, name: str | None = None) -> Institution:
    return Institution(code=code, kind=InstitutionKind.PROVINCE, name=name or f"Provinsi {code}")


def regency(code: str, name: str | None = None, *, autonomous: bool = True) -> Institution:
    kind = InstitutionKind.CITY if int(code[3:]) >= 71 else InstitutionKind.REGENCY
    default = f"{'Kota' if kind is InstitutionKind.CITY else 'Kabupaten'} {code}"
    return Institution(
        code=code, kind=kind, name=name or default, parent=code[:2], autonomous=autonomous
    )


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=WIB)


def report(
    cat: Catalog,
    code: str,
    period: PeriodCode,
    met: dict[str, Sequence[bool]],
    *,
    status: ReportStatus = ReportStatus.VERIFIED,
    timing: str = "on_time",
    formal: dict[str, Sequence[bool]] | None = None,
    evidence: bool = True,
) -> Report:
    """A report listing, for each action in ``met``, its first measures with met flags.

    Verified and returned reports carry the verifier's assessment (both checks equal to the
    flag); every measure entry is claimed, with one evidence item that is formal (letterhead
    and signed) when ``formal`` says so, by default when the measure is met. Without
    ``evidence`` (the large files, scored on the verified basis) entries carry none.
    """
    window = cat.windows[period]
    submitted = {
        "on_time": window.opens + timedelta(days=1),
        "late": window.closes + timedelta(days=2),
        "early": window.opens - timedelta(days=2),
    }[timing]
    history: list[StatusChange] = []
    if status is not ReportStatus.DRAFT:
        history.append(StatusChange(status=ReportStatus.SUBMITTED, at=at(submitted)))
    if status in (ReportStatus.VERIFIED, ReportStatus.RETURNED):
        history.append(StatusChange(status=status, at=at(submitted + timedelta(days=10), 15)))
    assessed = status in (ReportStatus.VERIFIED, ReportStatus.RETURNED)
    by_id = {a.id: a for a in cat.actions}
    entries = []
    for action_id, flags in met.items():
        measures = [m for m in by_id[action_id].measures if m.period is period]
        formal_flags = (formal or {}).get(action_id, flags)
        entries.append(
            ActionEntry(
                action=action_id,
                measures=tuple(
                    MeasureEntry(
                        measure=measure.id,
                        claimed=True,
                        evidence=(
                            Evidence(
                                kind=EvidenceKind.MINUTES,
                                title="Notulen",
                                letterhead=True,
                                signed=bool(is_formal),
                            ),
                        )
                        if evidence
                        else (),
                        assessment=Assessment(administrative=flag, substantive=flag)
                        if assessed
                        else None,
                    )
                    for measure, flag, is_formal in zip(measures, flags, formal_flags, strict=False)
                ),
            )
        )
    return Report(
        institution=code,
        period=ReportingPeriod(cat.year, period),
        status=status,
        history=tuple(history),
        entries=tuple(entries),
    )


def full(cat: Catalog, actions: Iterable[str]) -> dict[str, list[bool]]:
    """Every measure of the given actions met (for any period: flags beyond a period's count
    are ignored)."""
    by_id = {a.id: a for a in cat.actions}
    return {a: [True] * len(by_id[a].measures) for a in actions}


# -- the datasets ----------------------------------------------------------------------------


def small_catalog_2022() -> Catalog:
    return catalog(
        2022,
        [
            action(2022, Tier.KL, 1, responsible=("kemensos", "kemenkes")),
            action(2022, Tier.KL, 2, responsible=("kemensos",), measures={PeriodCode.B04: 2}),
            *(action(2022, Tier.PROVINCE, n) for n in (1, 2)),
            *(action(2022, Tier.REGENCY_CITY, n) for n in range(1, 7)),
        ],
    )


K = [f"2022-kabkota-{n}" for n in range(1, 7)]
P = ["2022-provinsi-1", "2022-provinsi-2"]
KL1, KL2 = "2022-kl-1", "2022-kl-2"


def bekasi() -> Dataset:
    """Every scoring parameter changes some result here (see the module docstring)."""
    cat = small_catalog_2022()
    b04, b08, b12 = CODES
    no_formal_k5 = {K[4]: [False]}
    reports = [
        # Kabupaten Bekasi: 4 of 6 actions met in B04 and B08 (B08 late), B12 returned.
        report(cat, "32.16", b04, {**full(cat, K[:4]), K[4]: [False]}, formal=no_formal_k5),
        report(cat, "32.16", b08, full(cat, K[:4]), timing="late"),
        report(
            cat,
            "32.16",
            b12,
            {k: [False] for k in K},
            status=ReportStatus.RETURNED,
            formal={k: [n < 3] for n, k in enumerate(K)},
        ),
        # Kota Salatiga: everything met, on time, verified.
        *(report(cat, "33.73", code, full(cat, K)) for code in CODES),
        # Jawa Barat: B04 all met, B08 one of two, no B12 report.
        report(cat, "32", b04, full(cat, P)),
        report(cat, "32", b08, full(cat, P[:1])),
        # Jawa Tengah: B04 submitted only, B08 a draft, B12 verified but submitted early.
        report(cat, "33", b04, full(cat, P), status=ReportStatus.SUBMITTED),
        report(cat, "33", b08, {}, status=ReportStatus.DRAFT),
        report(cat, "33", b12, full(cat, P), timing="early"),
        # Kementerian Sosial: one of the two B04 measures of kl-2 not met.
        report(cat, "kemensos", b04, {KL1: [True], KL2: [True, False]}),
        report(cat, "kemensos", b08, full(cat, [KL1, KL2])),
        report(cat, "kemensos", b12, full(cat, [KL1, KL2])),
        # Kementerian Kesehatan: B04 verified but submitted late.
        report(cat, "kemenkes", b04, full(cat, [KL1]), timing="late"),
        report(cat, "kemenkes", b08, full(cat, [KL1])),
        report(cat, "kemenkes", b12, full(cat, [KL1])),
    ]
    return Dataset(
        catalog=cat,
        institutions=(
            ministry("kemensos", "Kementerian Sosial"),
            ministry("kemenkes", "Kementerian Kesehatan"),
            province("32", "Jawa Barat"),
            province("33", "Jawa Tengah"),
            regency("32.16", "Kabupaten Bekasi"),
            regency("33.73", "Kota Salatiga"),
            regency("31.71", "Kota Administrasi Jakarta Selatan", autonomous=False),
        ),
        reports=tuple(reports),
        allegations=(
            Allegation(
                institution="32.16", reported_on=date(2022, 6, 1), reference="ADU-2022-0113"
            ),
        ),
    )


def eligibility_2022() -> Dataset:
    """One regency or city per eligibility situation, plus provinces and a ministry to rank."""
    cat = small_catalog_2022()
    b04, b08, b12 = CODES
    reports: list[Report] = []

    def perfect(code: str, actions: list[str], **special: dict[str, object]) -> None:
        for period in CODES:
            options = special.get(period.value, {})
            reports.append(report(cat, code, period, full(cat, actions), **options))  # type: ignore[arg-type]

    perfect("33.73", K)  # Kota Salatiga: eligible
    perfect("33.02", K)  # Banyumas: eligible (allegations outside the dates)
    perfect("33.01", K)  # Cilacap: allegation on the cut-off day
    perfect("33.03", K, B08={"timing": "late"})  # Purbalingga: a late report
    perfect("33.04", K, B12={"status": ReportStatus.RETURNED})  # Banjarnegara: returned
    perfect("33.05", K, B04={"timing": "early"})  # Kebumen: submitted before the window
    # Purworejo: no B12 report.
    reports += [report(cat, "33.06", code, full(cat, K)) for code in (b04, b08)]
    # Wonosobo: 4, 5 and 5 of 6 actions met, 77.78.
    reports += [
        report(cat, "33.07", b04, full(cat, K[:4])),
        report(cat, "33.07", b08, full(cat, K[:5])),
        report(cat, "33.07", b12, full(cat, K[:5])),
    ]
    # Magelang: 5 of 6 in every period, 83.33.
    reports += [report(cat, "33.08", code, full(cat, K[:5])) for code in CODES]
    perfect("33", P)  # Jawa Tengah
    reports += [  # Jawa Barat: 83.33
        report(cat, "32", b04, full(cat, P)),
        report(cat, "32", b08, full(cat, P[:1])),
        report(cat, "32", b12, full(cat, P)),
    ]
    perfect("kemensos", [KL1, KL2])
    names = {
        "33.01": "Kabupaten Cilacap",
        "33.02": "Kabupaten Banyumas",
        "33.03": "Kabupaten Purbalingga",
        "33.04": "Kabupaten Banjarnegara",
        "33.05": "Kabupaten Kebumen",
        "33.06": "Kabupaten Purworejo",
        "33.07": "Kabupaten Wonosobo",
        "33.08": "Kabupaten Magelang",
        "33.73": "Kota Salatiga",
    }
    return Dataset(
        catalog=cat,
        institutions=(
            ministry("kemensos", "Kementerian Sosial"),
            ministry("kemenkes", "Kementerian Kesehatan"),
            province("32", "Jawa Barat"),
            province("33", "Jawa Tengah"),
            *(regency(code, name) for code, name in names.items()),
        ),
        reports=tuple(reports),
        allegations=(
            Allegation(institution="33.01", reported_on=date(2023, 9, 17), reference="ADU-1"),
            Allegation(institution="33.02", reported_on=date(2023, 9, 18), reference="ADU-2"),
            Allegation(institution="33.02", reported_on=date(2021, 12, 31), reference="ADU-3"),
        ),
    )


def bare(cat: Catalog, code: str, period: PeriodCode, met: dict[str, Sequence[bool]]) -> Report:
    """A verified, on-time report without evidence (for the large files)."""
    return report(cat, code, period, met, evidence=False)


def threshold_2022() -> Dataset:
    """Kota Salatiga: S = (39.985 + 100 + 100) / 3 = 79.995 exactly."""
    actions = [
        action(2022, Tier.REGENCY_CITY, 1, measures={PeriodCode.B04: 625}, short=True),
        *(action(2022, Tier.REGENCY_CITY, n, short=True) for n in range(2, 33)),
    ]
    cat = catalog(2022, actions)
    ids = [a.id for a in actions]
    # B04: 497 of 625 measures of action 1 and 12 other actions: (497/625 + 12) × 100/32.
    b04 = {ids[0]: [True] * 497 + [False] * 128, **full(cat, ids[1:13])}
    reports = [
        bare(cat, "33.73", PeriodCode.B04, b04),
        bare(cat, "33.73", PeriodCode.B08, full(cat, ids)),
        bare(cat, "33.73", PeriodCode.B12, full(cat, ids)),
    ]
    return Dataset(
        catalog=cat,
        institutions=(regency("33.73", "Kota Salatiga"),),
        reports=tuple(reports),
    )


def regencies() -> list[Institution]:
    """508 autonomous regencies/cities over the 33 provinces other than DKI Jakarta (31),
    and DKI Jakarta's administrative regency and five cities."""
    others = [p for p in PROVINCES if p != "31"]
    out = []
    for index in range(508):
        local = index // len(others) + 1
        number = local if local <= 12 else 70 + local - 12
        out.append(regency(f"{others[index % len(others)]}.{number:02d}"))
    out += [regency(f"31.{n:02d}", autonomous=False) for n in (1, 71, 72, 73, 74, 75)]
    return sorted(out, key=lambda i: i.code)


def national_b04_2022() -> Dataset:
    """B04 2022 tier means 87.23, 65.56 and 71.65 exactly; national 74.81."""
    kl = [f"kl-{n:03d}" for n in range(1, 101)]
    a, b = kl[86], kl[87]  # kl-087 has 4 actions, kl-088 has 25
    actions = [
        action(2022, Tier.KL, 1, responsible=kl, short=True),
        *(action(2022, Tier.KL, n, responsible=(a, b), short=True) for n in (2, 3, 4)),
        *(action(2022, Tier.KL, n, responsible=(b,), short=True) for n in range(5, 26)),
        action(2022, Tier.PROVINCE, 1, measures={PeriodCode.B04: 25}, short=True),
        *(action(2022, Tier.PROVINCE, n, short=True) for n in range(2, 9)),
        action(2022, Tier.REGENCY_CITY, 1, measures={PeriodCode.B04: 10}, short=True),
        *(action(2022, Tier.REGENCY_CITY, n, short=True) for n in range(2, 7)),
    ]
    cat = catalog(2022, actions)
    b04 = PeriodCode.B04
    kl_ids = [f"kl{n}" for n in range(1, 26)]
    p_ids = [f"p{n}" for n in range(1, 9)]
    k_ids = [f"k{n}" for n in range(1, 7)]
    reports = []
    # K/L: 86 × 100 + 75 (3 of 4 actions) + 48 (12 of 25) + 12 × 0 = 8723 over 100.
    for code in kl[:86]:
        reports.append(bare(cat, code, b04, full(cat, kl_ids[:1])))
    reports.append(bare(cat, a, b04, full(cat, kl_ids[:3])))
    reports.append(bare(cat, b, b04, full(cat, kl_ids[:12])))
    reports += [bare(cat, code, b04, {kl_ids[0]: [False]}) for code in kl[88:]]
    # Provinces: 25 of 34 participate; 18 × 7 + 5 actions met + 3 of 25 measures = 131.12;
    # 131.12 × 100 / (8 × 25) = 65.56.
    provinces = list(PROVINCES)
    for code in provinces[:18]:
        reports.append(bare(cat, code, b04, full(cat, p_ids[1:])))
    reports.append(bare(cat, provinces[18], b04, full(cat, p_ids[1:6])))
    reports.append(bare(cat, provinces[19], b04, {p_ids[0]: [True] * 3 + [False] * 22}))
    reports += [bare(cat, code, b04, {}) for code in provinces[20:25]]
    # Regencies/cities: 100 of 508 participate; 85 × 5 + 4 actions met + 9 of 10 measures =
    # 429.9; 429.9 × 100 / (6 × 100) = 71.65.
    autonomous = [i.code for i in regencies() if i.autonomous]
    for code in autonomous[:85]:
        reports.append(bare(cat, code, b04, full(cat, k_ids[1:])))
    reports.append(
        report(cat, autonomous[85], b04, {**full(cat, k_ids[1:5]), k_ids[0]: [True] * 9 + [False]})
    )
    reports += [bare(cat, code, b04, {}) for code in autonomous[86:100]]
    return Dataset(
        catalog=cat,
        institutions=(
            *(ministry(code, f"Kementerian/Lembaga {code[3:]}") for code in kl),
            *(province(code) for code in PROVINCES),
            *regencies(),
        ),
        reports=tuple(reports),
    )


def achievement_2021() -> Dataset:
    """2,923 of 4,878 regional targets achieved: every province (306), 290 regencies/cities
    fully (2,610) and one with 7 of its 9 actions."""
    actions = [
        action(2021, tier, n, short=True)
        for tier in (Tier.PROVINCE, Tier.REGENCY_CITY)
        for n in range(1, 10)
    ]
    cat = catalog(2021, actions)
    p_ids = [f"p{n}" for n in range(1, 10)]
    k_ids = [f"k{n}" for n in range(1, 10)]
    autonomous = [i.code for i in regencies() if i.autonomous]
    plan: list[tuple[str, list[str]]] = [(code, p_ids) for code in PROVINCES]
    plan += [(code, k_ids) for code in autonomous[:290]]
    plan.append((autonomous[290], k_ids[:7]))
    reports = [
        bare(cat, code, period, full(cat, achieved)) for code, achieved in plan for period in CODES
    ]
    return Dataset(
        catalog=cat,
        institutions=(*(province(code) for code in PROVINCES), *regencies()),
        reports=tuple(reports),
    )


FILES = {
    "bekasi-2022.json": (bekasi, True),
    "eligibility-2022.json": (eligibility_2022, True),
    "threshold-2022.json": (threshold_2022, False),
    "national-b04-2022.json": (national_b04_2022, False),
    "achievement-2021.json": (achievement_2021, False),
}
"""Each file: its builder, and whether it is written indented (small files) or compact."""


def content(name: str) -> bytes:
    """The bytes of one generated file."""
    build, indent = FILES[name]
    return io.dumps(build(), indent=indent) + b"\n"


def main(argv: Sequence[str] = ()) -> int:
    for name in FILES:
        (OUT / name).write_bytes(content(name))
        print(f"wrote {OUT / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

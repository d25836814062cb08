"""Small, valid datasets and rule sets for the property tests of ``ranham.rules``.

The strategies draw a few institutions of each tier, a catalog with few actions and measures,
and reports with every status and timing (early, on time, late), so that every rule of
``scoring.md`` is exercised while a dataset stays tiny.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from fractions import Fraction
from typing import Any

import attrs
from hypothesis import strategies as st

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
from ranham.rules import (
    SINGLE_YEAR,
    Basis,
    EligibilityRules,
    Late,
    MissingPeriod,
    MonthDay,
    RuleSet,
    ScoringRules,
)

WIB = timezone(timedelta(hours=7))
CODES = (PeriodCode.B04, PeriodCode.B08, PeriodCode.B12)
YEAR = 2022
PLAN = ActionPlan(
    id="ranham-2021-2025",
    title="RANHAM 2021-2025",
    legal_basis="Perpres 53/2021",
    start_year=2021,
    end_year=2025,
    target_groups=tuple(TargetGroup),
    periods=CODES,
    timezone="Asia/Jakarta",
)
WINDOWS = {
    PeriodCode.B04: Window(date(2022, 4, 28), date(2022, 5, 5)),
    PeriodCode.B08: Window(date(2022, 8, 30), date(2022, 9, 6)),
    PeriodCode.B12: Window(date(2022, 11, 28), date(2022, 12, 5)),
}
MINISTRIES = ("kl-a", "kl-b", "kl-c")
PROVINCES = ("32", "33")
REGENCIES = (("32.16", True), ("33.73", True), ("33.01", True), ("31.71", False))


def institution(code: str, autonomous: bool = True) -> Institution:
    if "." in code:
        kind = InstitutionKind.CITY if int(code[3:]) >= 71 else InstitutionKind.REGENCY
        return Institution(
            code=code, kind=kind, name=f"Daerah {code}", parent=code[:2], autonomous=autonomous
        )
    if code.isdigit():
        return Institution(code=code, kind=InstitutionKind.PROVINCE, name=f"Provinsi {code}")
    return Institution(code=code, kind=InstitutionKind.MINISTRY, name=f"Kementerian {code}")


@st.composite
def actions(draw: st.DrawFn, tier: Tier, number: int, kl: tuple[str, ...]) -> Action:
    action_id = f"{tier.value}-{number}"
    measures = []
    for code in CODES:
        count = draw(st.integers(1, 2))
        measures += [
            SuccessMeasure(
                id=f"{action_id}-{code.value.lower()}-{i}", period=code, description="ukuran"
            )
            for i in range(count)
        ]
    responsible: tuple[str, ...] = ()
    if tier is Tier.KL:
        responsible = tuple(draw(st.lists(st.sampled_from(kl), min_size=1, unique=True)))
    return Action(
        id=action_id,
        tier=tier,
        number=number,
        target_group=TargetGroup.WOMEN,
        title=f"Aksi {action_id}",
        responsible=responsible,
        measures=tuple(measures),
    )


def moment(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=WIB)


TIMINGS = ("early", "on_time", "late")


def submission_day(window: Window, timing: str) -> date:
    return {
        "early": window.opens - timedelta(days=1),
        "on_time": window.opens,
        "late": window.closes + timedelta(days=1),
    }[timing]


@st.composite
def reports(
    draw: st.DrawFn,
    code: str,
    period: ReportingPeriod,
    assigned: tuple[Action, ...],
    statuses: tuple[ReportStatus, ...],
) -> Report:
    status = draw(st.sampled_from(statuses))
    timing = draw(st.sampled_from(TIMINGS))
    day = submission_day(WINDOWS[period.code], timing)
    history: list[StatusChange] = []
    if status is not ReportStatus.DRAFT:
        history.append(StatusChange(status=ReportStatus.SUBMITTED, at=moment(day)))
        if status is ReportStatus.VERIFIED and draw(st.booleans()):
            # returned once, then resubmitted and verified
            history += [
                StatusChange(status=ReportStatus.RETURNED, at=moment(day, 12)),
                StatusChange(status=ReportStatus.SUBMITTED, at=moment(day, 14)),
            ]
        if status in (ReportStatus.RETURNED, ReportStatus.VERIFIED):
            history.append(StatusChange(status=status, at=moment(day + timedelta(days=9))))
    entries = []
    for action in assigned:
        if not draw(st.booleans()):
            continue
        measures = [m for m in action.measures if m.period is period.code]
        chosen = draw(st.lists(st.sampled_from(measures), unique=True))
        entries.append(
            ActionEntry(
                action=action.id,
                measures=tuple(draw(measure_entries(m.id, status)) for m in chosen),
            )
        )
    return Report(
        institution=code,
        period=period,
        status=status,
        history=tuple(history),
        entries=tuple(entries),
    )


@st.composite
def measure_entries(draw: st.DrawFn, measure: str, status: ReportStatus) -> MeasureEntry:
    evidence = draw(
        st.lists(
            st.builds(
                Evidence,
                kind=st.just(EvidenceKind.MINUTES),
                title=st.just("Notulen"),
                letterhead=st.booleans(),
                signed=st.booleans(),
            ),
            max_size=2,
        )
    )
    assessment = None
    if status is ReportStatus.VERIFIED or (status is ReportStatus.RETURNED and draw(st.booleans())):
        assessment = Assessment(administrative=draw(st.booleans()), substantive=draw(st.booleans()))
    return MeasureEntry(
        measure=measure,
        claimed=draw(st.booleans()),
        evidence=tuple(evidence),
        assessment=assessment,
    )


ALL_STATUSES = tuple(ReportStatus)
ALLEGATION_DAYS = (
    date(2021, 12, 31),
    date(2022, 1, 1),
    date(2022, 6, 1),
    date(2023, 9, 16),
    date(2023, 9, 17),
    date(2023, 9, 18),
)


@st.composite
def datasets(draw: st.DrawFn, statuses: tuple[ReportStatus, ...] = ALL_STATUSES) -> Dataset:
    """A valid 2022 dataset: 0-3 ministries, 0-2 provinces, 0-4 regencies/cities (one of them
    administrative), 0-2 actions per tier, reports of the given statuses, 0-3 allegations."""
    kl = tuple(draw(st.lists(st.sampled_from(MINISTRIES), max_size=3, unique=True)))
    provinces = draw(st.lists(st.sampled_from(PROVINCES), max_size=2, unique=True))
    regencies = draw(st.lists(st.sampled_from(REGENCIES), max_size=4, unique=True))
    members = [institution(c) for c in kl] + [institution(c) for c in provinces]
    members += [institution(c, autonomous) for c, autonomous in regencies]
    if not members:
        members = [institution("33.73")]
    action_list: list[Action] = []
    for tier in (Tier.KL, Tier.PROVINCE, Tier.REGENCY_CITY):
        if tier is Tier.KL and not kl:
            continue
        count = draw(st.integers(0, 2))
        action_list += [draw(actions(tier, n, kl)) for n in range(1, count + 1)]
    catalog = Catalog(plan=PLAN, year=YEAR, windows=WINDOWS, actions=tuple(action_list))
    shell = Dataset(catalog=catalog, institutions=tuple(members))
    report_list = []
    for member in members:
        assigned = shell.assigned_actions(member.code)
        for period in catalog.periods:
            if draw(st.integers(0, 3)) > 0:
                report_list.append(draw(reports(member.code, period, assigned, statuses)))
    allegations = [
        Allegation(
            institution=draw(st.sampled_from([m.code for m in members])),
            reported_on=draw(st.sampled_from(ALLEGATION_DAYS)),
            reference=f"ADU-{index}",
        )
        for index in range(draw(st.integers(0, 3)))
    ]
    return Dataset(
        catalog=catalog,
        institutions=tuple(members),
        reports=tuple(report_list),
        allegations=tuple(allegations),
    )


THRESHOLDS = st.sampled_from([Fraction(0), Fraction(50), Fraction(80), Fraction(100)])


@st.composite
def rulesets(draw: st.DrawFn) -> RuleSet:
    """A rule set for 2021-2025 with every parameter drawn."""
    places = draw(st.integers(0, 3))
    criteria = draw(st.lists(st.sampled_from(SINGLE_YEAR), unique=True))
    targets = draw(st.dictionaries(st.sampled_from(tuple(Tier)), THRESHOLDS, max_size=3))
    return RuleSet(
        id="ranham-2021-2025/drawn",
        version="1",
        plan="ranham-2021-2025",
        years=(2021, 2025),
        scoring=ScoringRules(
            basis=draw(st.sampled_from(tuple(Basis))),
            late=draw(st.sampled_from(tuple(Late))),
            missing_period=draw(st.sampled_from(tuple(MissingPeriod))),
            achieved_min=draw(THRESHOLDS),
            places=places,
        ),
        targets={YEAR: targets} if targets else {},
        eligibility=EligibilityRules(
            criteria=tuple(criteria),
            annual_score_min=draw(THRESHOLDS),
            allegation_cutoff=draw(st.sampled_from([MonthDay(9, 17), MonthDay(9, 16)])),
        ),
    )


def evolve_scoring(ruleset: RuleSet, **changes: Any) -> RuleSet:
    return attrs.evolve(ruleset, scoring=attrs.evolve(ruleset.scoring, **changes))


def evolve_eligibility(ruleset: RuleSet, **changes: Any) -> RuleSet:
    return attrs.evolve(ruleset, eligibility=attrs.evolve(ruleset.eligibility, **changes))


def map_reports(dataset: Dataset, change: Callable[[Report], Report]) -> Dataset:
    return attrs.evolve(dataset, reports=tuple(change(r) for r in dataset.reports))


def quantity_names(dataset: Dataset) -> list[str]:
    """Every quantity name of ``dataset`` (as scoring.md lists them)."""
    periods = [str(p) for p in dataset.catalog.periods]
    names = ["N", "ratio", *(f"N({p})" for p in periods)]
    for tier in ("kl", "provinsi", "kabkota"):
        names += [f"T({tier})", f"ratio({tier})", f"target_met({tier})"]
        names += [f"T({tier},{p})" for p in periods]
        names += [f"participation({tier},{p})" for p in periods]
    for member in dataset.institutions:
        assigned = dataset.assigned_actions(member.code)
        if not assigned:
            continue
        code = member.code
        names += [f"S({code})", f"eligible({code})", f"rank({code})"]
        names += [f"S({code},{p})" for p in periods]
        for action in assigned:
            names += [f"s({code},{action.id})", f"achieved({code},{action.id})"]
            names += [f"s({code},{action.id},{p})" for p in periods]
    return names

"""The catalog and the institution list of a generated example year.

Facts (published) and decisions (ours) are kept apart: :data:`ACTION_COUNTS` and
:data:`WINDOW_SOURCES` say which numbers are which.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

from ranham.errors import InvariantError
from ranham.model import (
    Action,
    Catalog,
    EvidenceKind,
    Institution,
    InstitutionKind,
    SuccessMeasure,
    TargetGroup,
    Tier,
)
from ranham.periods import PeriodCode, Window
from ranham.reference._draw import Draw
from ranham.reference._regions import Region, recoded, regions
from ranham.reference._topics import MEASURE_TEMPLATES, TOPICS, Topic, evidence_kind_of
from ranham.reference.plan import RANHAM_2021_2025

__all__ = [
    "ACTION_COUNTS",
    "MAX_SCALE",
    "WINDOW_SOURCES",
    "Blueprint",
    "blueprint",
    "series_key",
]

MAX_SCALE = 10.0
"""The largest ``scale``: beyond it the synthetic region codes would run out."""

ACTION_COUNTS: Mapping[int, Mapping[Tier, int]] = MappingProxyType(
    {
        2021: MappingProxyType({Tier.KL: 210, Tier.PROVINCE: 9, Tier.REGENCY_CITY: 9}),
        2022: MappingProxyType({Tier.KL: 210, Tier.PROVINCE: 8, Tier.REGENCY_CITY: 6}),
        2023: MappingProxyType({Tier.KL: 210, Tier.PROVINCE: 7, Tier.REGENCY_CITY: 7}),
        2024: MappingProxyType({Tier.KL: 210, Tier.PROVINCE: 7, Tier.REGENCY_CITY: 7}),
        2025: MappingProxyType({Tier.KL: 210, Tier.PROVINCE: 7, Tier.REGENCY_CITY: 7}),
    }
)
"""Actions per tier and year at scale 1.

Published: 2021 nine actions for every region; 2022 eight provincial and six regency/city
actions and 210 K/L actions over 28 K/L; 2023 seven regency/city actions. Decisions: 210 K/L
actions in every year, seven provincial actions from 2023, seven regency/city actions in 2024
and 2025.
"""

COUNT_SOURCES = MappingProxyType(
    {
        2021: "provinsi 9 and kabkota 9 published; kl 210: decision (the 2022 figure)",
        2022: "published: kl 210 over 28 K/L, provinsi 8, kabkota 6",
        2023: "kabkota 7 published; kl 210 and provinsi 7: decision",
        2024: "decision: kl 210, provinsi 7, kabkota 7",
        2025: "decision: kl 210, provinsi 7, kabkota 7",
    }
)

_PUBLISHED_WINDOWS: Mapping[tuple[int, PeriodCode], tuple[date, date]] = {
    (2022, PeriodCode.B08): (date(2022, 8, 30), date(2022, 9, 6)),
    (2022, PeriodCode.B12): (date(2022, 11, 28), date(2022, 12, 5)),
}
# The pattern of the published windows (28th of the period's last month, about a week):
_PATTERN = {
    PeriodCode.B04: (4, 28, 5, 5),
    PeriodCode.B08: (8, 28, 9, 5),
    PeriodCode.B12: (11, 28, 12, 5),
}

WINDOW_SOURCES = MappingProxyType(
    {
        "published": "ham.go.id 2022: B08 2022 30 Aug - 6 Sep, B12 2022 28 Nov - 5 Dec",
        "pattern": (
            "decision: 28th of the period's last month to the 5th of the next month, the pattern "
            "of the published windows (B08 2020: 28 Aug - 5 Sep); B04 2022 is the format "
            "specification's example window"
        ),
    }
)

_GROUPS = (
    TargetGroup.WOMEN,
    TargetGroup.CHILDREN,
    TargetGroup.PERSONS_WITH_DISABILITIES,
    TargetGroup.INDIGENOUS_COMMUNITIES,
)
_MEASURE_WEIGHTS = {
    PeriodCode.B04: (0.05, 0.35, 0.6),
    PeriodCode.B08: (0.1, 0.4, 0.5),
    PeriodCode.B12: (0.25, 0.45, 0.3),
}
_NEW_PROVINCES_2022 = ("93", "94", "95")


@attrs.frozen(kw_only=True)
class Blueprint:
    """Everything fixed before reports are drawn: catalog, institutions, evidence kinds."""

    catalog: Catalog
    institutions: tuple[Institution, ...]
    evidence: Mapping[str, EvidenceKind]
    edition: str
    provinces_rule: str
    synthetic_institutions: int
    real_actions: tuple[str, ...]


def windows(year: int) -> tuple[dict[PeriodCode, Window], dict[str, str]]:
    """The window of each period of ``year`` and where each comes from."""
    found: dict[PeriodCode, Window] = {}
    sources: dict[str, str] = {}
    for code in RANHAM_2021_2025.periods:
        published = _PUBLISHED_WINDOWS.get((year, code))
        if published is not None:
            found[code] = Window(opens=published[0], closes=published[1])
            sources[code.value] = "published"
        else:
            m1, d1, m2, d2 = _PATTERN[code]
            found[code] = Window(opens=date(year, m1, d1), closes=date(year, m2, d2))
            sources[code.value] = "pattern"
    return found, sources


@cache
def _kl_list() -> tuple[Institution, ...]:
    text = resources.files("ranham.reference").joinpath("data", "institutions", "kl-2022.json")
    rows = json.loads(text.read_text("utf-8"))["institutions"]
    return tuple(
        Institution(code=r["code"], kind=InstitutionKind(r["kind"]), name=r["name"]) for r in rows
    )


@cache
def real_action(year: int, tier: Tier, number: int) -> Mapping[str, Any] | None:
    """The published action matrix entry, when one is shipped (only 2025 kabkota Aksi 1)."""
    if (year, tier, number) != (2025, Tier.REGENCY_CITY, 1):
        return None
    path = resources.files("ranham.reference").joinpath(
        "data", "actions", "2025-kabkota-aksi-1.json"
    )
    value: Mapping[str, Any] = json.loads(path.read_text("utf-8"))
    return MappingProxyType(value)


def _scaled(count: int, scale: float) -> int:
    return max(1, int(count * scale + 0.5))


def _sample(rng: Draw, items: Sequence[Region], count: int) -> list[Region]:
    if count >= len(items):
        return list(items)
    chosen = rng.indices(len(items), count)
    return [items[i] for i in chosen]


def series_key(code: str) -> str:
    """The code that follows an institution through a series: its code in the 2025 edition.

    >>> series_key("92.71"), series_key("33.73")
    ('96.71', '33.73')
    """
    return _recoding().get(code, code)


@cache
def _recoding() -> Mapping[str, str]:
    return recoded("2022", "2025")


def _kept(year: int, seed: int, scale: float, edition: str | None) -> frozenset[str]:
    """The series keys of the institutions a thinned year (``scale`` below 1) keeps."""
    regional, agencies, *_ = _institutions(year, seed, scale, edition)
    return frozenset(series_key(i.code) for i in (*regional, *agencies))


def _institutions(
    year: int, seed: int, scale: float, edition: str | None, same_as: int | None = None
) -> tuple[list[Institution], list[Institution], str, str, int]:
    """Regional institutions, K/L, the edition used, the province rule, synthetic count.

    Below scale 1, ``same_as`` (the anchor of a series, another year) keeps the institutions
    that year keeps, matched across editions of the region codes, instead of thinning anew.
    """
    kept = None if same_as in (None, year) or scale >= 1 else _kept(same_as, seed, scale, edition)
    rng = Draw(f"{seed}/{year}/institutions")
    if edition is None:
        chosen = "2022" if year <= 2022 else "2025"
        table = regions(chosen)
        if chosen == "2022":
            provinces = [p for p in table.provinces() if p.code not in _NEW_PROVINCES_2022]
            rule = (
                "the 34 provinces of the published 2021-2022 targets (2022 edition without 93-95)"
            )
        else:
            provinces = list(table.provinces())
            rule = "every province of the 2025 edition"
    else:
        table = regions(edition)
        chosen = table.edition
        provinces = list(table.provinces())
        rule = f"every province of the {chosen} edition"
    autonomous = list(table.autonomous())
    administrative = list(table.administrative())
    if kept is not None:
        provinces = [r for r in provinces if series_key(r.code) in kept]
        autonomous = [r for r in autonomous if series_key(r.code) in kept]
        administrative = [r for r in administrative if series_key(r.code) in kept]
    elif scale < 1:
        provinces = _sample(rng, provinces, _scaled(len(provinces), scale))
        autonomous = _sample(rng, autonomous, _scaled(len(autonomous), scale))
        administrative = _sample(rng, administrative, _scaled(len(administrative), scale))
    extra = (
        _synthetic_regions(table.rows, autonomous, _scaled(len(autonomous), scale))
        if scale > 1
        else []
    )
    regional = sorted(
        (r.to_institution() for r in (*provinces, *autonomous, *administrative, *extra)),
        key=lambda i: i.code,
    )
    if kept is not None:
        agencies = [i for i in _kl_list() if i.code in kept]
    else:
        agencies = _kl_institutions(rng, scale)
    return regional, agencies, chosen, rule, len(extra)


def _synthetic_regions(used: Sequence[Region], real: Sequence[Region], count: int) -> list[Region]:
    """Regencies/cities with unused but valid codes, copying the real ones in turn."""
    extra = count - len(real)
    if extra <= 0:
        return []
    taken = {r.code for r in used}
    free: dict[InstitutionKind, list[str]] = {
        kind: [
            f"{pp}.{kk:02d}"
            for pp in range(10, 100)
            for kk in (range(1, 70) if kind is InstitutionKind.REGENCY else range(71, 100))
            if f"{pp}.{kk:02d}" not in taken
        ]
        for kind in (InstitutionKind.REGENCY, InstitutionKind.CITY)
    }
    cursor = {InstitutionKind.REGENCY: 0, InstitutionKind.CITY: 0}
    made: list[Region] = []
    for index in range(extra):
        template = real[index % len(real)]
        codes = free[template.kind]
        if cursor[template.kind] >= len(codes):  # pragma: no cover - MAX_SCALE prevents it
            raise InvariantError("'scale' is too large: no synthetic region codes are left.")
        code = codes[cursor[template.kind]]
        cursor[template.kind] += 1
        copy = index // len(real) + 2
        made.append(
            Region(
                code=code,
                name=f"{template.name} (Sintetis {copy})",
                kind=template.kind,
                parent=code[:2],
            )
        )
    return made


def _kl_institutions(rng: Draw, scale: float) -> list[Institution]:
    real = list(_kl_list())
    if scale <= 1:
        count = _scaled(len(real), scale)
        chosen = rng.indices(len(real), count) if count < len(real) else range(count)
        return [real[i] for i in chosen]
    out = list(real)
    for index in range(_scaled(len(real), scale) - len(real)):
        template = real[index % len(real)]
        copy = index // len(real) + 2
        out.append(
            attrs.evolve(
                template,
                code=f"{template.code}-{copy}",
                name=f"{template.name} (Sintetis {copy})",
            )
        )
    return out


def _measures(
    rng: Draw, action_id: str, topic: Topic, evidence: dict[str, EvidenceKind]
) -> tuple[SuccessMeasure, ...]:
    measures: list[SuccessMeasure] = []
    for code in RANHAM_2021_2025.periods:
        templates = MEASURE_TEMPLATES[code.value]
        count = rng.weighted((1, 2, 3), _MEASURE_WEIGHTS[code])
        for n, index in enumerate(rng.indices(len(templates), count), 1):
            template = templates[index]
            measure_id = f"{action_id}-{code.value.lower()}-{n}"
            text = template.text.format(activity=topic.activity, beneficiaries=topic.beneficiaries)
            measures.append(SuccessMeasure(id=measure_id, period=code, description=text))
            evidence[measure_id] = template.evidence
    return tuple(measures)


def _real(year: int, tier: Tier, number: int, evidence: dict[str, EvidenceKind]) -> Action | None:
    data = real_action(year, tier, number)
    if data is None:
        return None
    action_id = f"{year}-{tier.value}-{number}"
    measures: list[SuccessMeasure] = []
    for code in RANHAM_2021_2025.periods:
        for n, text in enumerate(data["success_measures"][code.value], 1):
            measure_id = f"{action_id}-{code.value.lower()}-{n}"
            measures.append(SuccessMeasure(id=measure_id, period=code, description=text))
            evidence[measure_id] = evidence_kind_of(text)
    return Action(
        id=action_id,
        tier=tier,
        number=number,
        target_group=TargetGroup(data["target_group"]),
        title=data["title"],
        intended_result=data["intended_result"],
        measures=tuple(measures),
        extensions={
            "ranham": {
                "synthetic": False,
                "measures": "verbatim from the published 2025 reporting matrix",
                "title": data["title_note"],
                "intended_result": data["intended_result_note"],
                "source": data["source"],
                "corroboration": list(data["corroboration"]),
            }
        },
    )


def _regional_actions(
    rng: Draw, year: int, tier: Tier, count: int, evidence: dict[str, EvidenceKind]
) -> list[Action]:
    actions: list[Action] = []
    unused = {group: [t for t in TOPICS if t.group is group] for group in _GROUPS}
    for number in range(1, count + 1):
        real = _real(year, tier, number, evidence)
        if real is not None:
            actions.append(real)
            continue
        pool = unused[_GROUPS[(number - 1) % len(_GROUPS)]]
        topic = pool.pop(rng.below(len(pool)))
        action_id = f"{year}-{tier.value}-{number}"
        actions.append(_action(rng, action_id, tier, number, topic, (), evidence))
    return actions


def _action(
    rng: Draw,
    action_id: str,
    tier: Tier,
    number: int,
    topic: Topic,
    responsible: tuple[str, ...],
    evidence: dict[str, EvidenceKind],
) -> Action:
    return Action(
        id=action_id,
        tier=tier,
        number=number,
        target_group=topic.group,
        title=topic.title,
        intended_result=topic.intended_result,
        success_criteria=topic.success_criteria,
        responsible=responsible,
        measures=_measures(rng, action_id, topic, evidence),
    )


def _kl_actions(
    rng: Draw,
    year: int,
    count: int,
    agencies: Sequence[Institution],
    evidence: dict[str, EvidenceKind],
) -> list[Action]:
    """``count`` K/L actions, each with one responsible ministry or agency, grouped by it."""
    floor = min(3, count // len(agencies))
    per = [floor] * len(agencies)
    for _ in range(count - floor * len(agencies)):
        per[rng.below(len(agencies))] += 1
    actions: list[Action] = []
    for agency, how_many in zip(agencies, per, strict=True):
        for _ in range(how_many):
            number = len(actions) + 1
            action_id = f"{year}-kl-{number}"
            topic = rng.pick(TOPICS)
            actions.append(
                _action(rng, action_id, Tier.KL, number, topic, (agency.code,), evidence)
            )
    return actions


def blueprint(
    *, year: int, seed: int, scale: float, edition: str | None, same_as: int | None = None
) -> Blueprint:
    """The catalog and institutions of a generated year (see ``example_dataset``).

    ``same_as``: the anchor of the series the year belongs to (below scale 1, the year keeps
    the anchor's institutions).
    """
    if type(year) is not int or year not in ACTION_COUNTS:
        raise InvariantError(
            f"'year' must be a year of RANHAM 2021-2025, 2021 to 2025 (got {year!r})."
        )
    if type(seed) is not int:
        raise InvariantError(f"'seed' must be an integer (got {seed!r}).")
    if not isinstance(scale, int | float) or isinstance(scale, bool) or not 0 < scale <= MAX_SCALE:
        raise InvariantError(
            f"'scale' must be a number above 0 and at most {MAX_SCALE} (got {scale!r})."
        )
    if same_as is not None and same_as not in ACTION_COUNTS:
        raise InvariantError(
            f"'anchor' must be a year of RANHAM 2021-2025, 2021 to 2025 (got {same_as!r})."
        )
    regional, agencies, chosen, rule, extra = _institutions(
        year, seed, float(scale), edition, same_as
    )
    counts = ACTION_COUNTS[year]
    # One generator per tier, so that the regional actions do not depend on the scale.
    evidence: dict[str, EvidenceKind] = {}
    rng = Draw(f"{seed}/{year}/actions/{Tier.KL.value}")
    actions = _kl_actions(rng, year, _scaled(counts[Tier.KL], scale), agencies, evidence)
    for tier in (Tier.PROVINCE, Tier.REGENCY_CITY):
        rng = Draw(f"{seed}/{year}/actions/{tier.value}")
        actions += _regional_actions(rng, year, tier, counts[tier], evidence)
    found, sources = windows(year)
    catalog = Catalog(
        plan=RANHAM_2021_2025,
        year=year,
        windows=found,
        actions=tuple(actions),
        extensions={
            "ranham": {
                "synthetic": True,
                "note": (
                    "Synthetic actions for an example: no Aksi HAM matrix is public except the "
                    "2025 regency/city Aksi 1, whose action says so in its own extensions."
                ),
                "action_counts": COUNT_SOURCES[year],
                "windows": {code: WINDOW_SOURCES[src] for code, src in sources.items()},
            }
        },
    )
    real = tuple(a.id for a in actions if a.extensions)
    return Blueprint(
        catalog=catalog,
        institutions=(*agencies, *regional),
        evidence=MappingProxyType(evidence),
        edition=chosen,
        provinces_rule=rule,
        synthetic_institutions=extra + max(0, len(agencies) - len(_kl_list())),
        real_actions=real,
    )

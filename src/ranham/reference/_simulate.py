"""Draw one institution's reports for a generated example year (all outcomes synthetic).

Each institution draws from its own stream (seeded ``f"{seed}/{year}/{code}"``), so its reports
do not depend on which other institutions are listed or in what order, and the reports can be
streamed one institution at a time.

The model, in short: an institution has a *diligence* (a bell-shaped number whose mean
depends on its tier: K/L highest, provinces lowest, as in the published B04 2022 tier means).
Diligence raises its chance to report at all and on time, and the chance that it *carries out*
each assigned action in the year. An action carried out is reported in full, claimed, backed by
formal evidence (on letterhead and signed) and accepted by the verifier in nearly every period;
an action neglected is often left out, seldom claimed, and its claims often rejected. Outcomes
are therefore close to all-or-nothing per action, as the published figures suggest (tier means
of 65-87 per period alongside 59.92 % of targets achieved in 2021). Verifiers work in Jakarta
time, after the window closes; a submission carries the local offset of the institution's
province (WIB, WITA or WIT).

Across the years of a series an institution keeps its :class:`Level`: the year after (or
before) a year it was drawn in, its diligence and *completion* (the share of its actions it
carries out) move by a small drift (a pull of a fifth of the way towards its tier's mean plus a
random step, at most :data:`DILIGENCE_DRIFT` and :data:`COMPLETION_DRIFT`), drawn from its own
stream ``f"{seed}/{year}/{code}/drift"``; it then carries out that share of its actions, rounded
to a whole number, chosen at random. The reports are drawn from the same stream as in a single
year. An institution met for the first time in a series is drawn as in a single-year example.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta, timezone

import attrs

from ranham.model import (
    Action,
    ActionEntry,
    Assessment,
    Evidence,
    EvidenceKind,
    Institution,
    MeasureEntry,
    Report,
    ReportStatus,
    StatusChange,
    SuccessMeasure,
    Tier,
)
from ranham.periods import PeriodCode, ReportingPeriod, Window
from ranham.reference._draw import Draw

__all__ = ["COMPLETION_DRIFT", "DILIGENCE_DRIFT", "Level", "Simulator"]

WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))
WIT = timezone(timedelta(hours=9))
_WITA_PROVINCES = frozenset(
    {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
)
_WIT_PROVINCES = frozenset({"81", "82", "91", "92", "93", "94", "95", "96"})

_MEAN_DILIGENCE = {Tier.KL: 0.95, Tier.PROVINCE: 0.7, Tier.REGENCY_CITY: 0.76}
_SPREAD = 0.25

COMPLETION_DRIFT = 0.1
"""The most an institution's completion (share of its actions carried out) moves in a year."""
DILIGENCE_DRIFT = 0.05
"""The most an institution's diligence moves in a year."""
_PULL = 0.2  # the share of the distance to the tier's mean closed in a year
_NOISE = 0.08  # the width of the year's random step (a triangle on [-_NOISE, _NOISE])


@attrs.frozen(kw_only=True)
class Level:
    """Where an institution stands in one year of a series, and what the next year drifts from.

    ``diligence`` drives reporting (at all, on time); ``completion`` is the share of its
    assigned actions the institution carries out, before rounding to a whole number of actions:
    ``carried`` of its ``assigned`` actions. ``key`` names the drift's stream (the
    institution's code in the newest edition of the region codes), set by the series.
    """

    diligence: float
    completion: float
    carried: int
    assigned: int


def _clamp(value: float, low: float, high: float) -> float:
    return min(high, max(low, value))


def _step(draw: Draw, distance: float, bound: float) -> float:
    """A year's move: a pull towards the tier's mean plus a random step, within ``bound``."""
    noise = _NOISE * (draw.random() + draw.random() - 1.0)
    return _clamp(_PULL * distance + noise, -bound, bound)


@attrs.frozen
class _Behaviour:
    """How an institution reports one action: carried out, or neglected."""

    keep_action: float  # the action has an entry in the report
    keep_measure: float  # the entry lists the measure
    claim: float  # the measure is claimed as done
    formal: float  # a (non-photo) document is on letterhead; the same for signed
    accept: float  # the verifier accepts a claimed, documented measure as substantively met


_CARRIED_OUT = _Behaviour(
    keep_action=0.998, keep_measure=0.999, claim=0.998, formal=0.99, accept=0.997
)
_NEGLECTED = _Behaviour(keep_action=0.5, keep_measure=0.85, claim=0.2, formal=0.6, accept=0.4)

_TITLE = {
    EvidenceKind.MINUTES: "Notulen",
    EvidenceKind.DECREE: "Surat keputusan",
    EvidenceKind.BUDGET: "Dokumen pelaksanaan anggaran",
    EvidenceKind.BENEFICIARY_LIST: "Daftar penerima",
    EvidenceKind.REPORT: "Laporan",
    EvidenceKind.PHOTO: "Foto kegiatan",
    EvidenceKind.OTHER: "Dokumen pendukung",
}
_EXTRA_KINDS = (EvidenceKind.PHOTO, EvidenceKind.PHOTO, EvidenceKind.REPORT, EvidenceKind.OTHER)
_RETURN_NOTES = (
    "kop surat tidak ada",
    "data dukung belum ditandatangani",
    "data dukung tidak sesuai ukuran keberhasilan",
    "tautan data dukung tidak dapat dibuka",
)
_NOT_DONE = (
    "Belum terlaksana karena anggaran belum tersedia.",
    "Kegiatan dijadwalkan ulang pada periode berikutnya.",
    "Menunggu penetapan surat keputusan.",
    "Belum terlaksana karena perubahan prioritas perangkat daerah.",
)
_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
_NOTE_FORM = "Data dukung tidak berkop surat atau tidak ditandatangani."
_NOTE_SUBSTANCE = "Data dukung tidak sesuai dengan ukuran keberhasilan."


def zone_of(code: str) -> timezone:
    """The UTC offset of an institution's office: its province's, Jakarta for K/L."""
    prefix = code[:2]
    if prefix in _WITA_PROVINCES:
        return WITA
    if prefix in _WIT_PROVINCES:
        return WIT
    return WIB


class Simulator:
    """Draws reports for one catalog year; holds what every institution shares."""

    def __init__(
        self,
        *,
        year: int,
        seed: int,
        windows: Mapping[PeriodCode, Window],
        periods: Sequence[PeriodCode],
        period_starts: Mapping[PeriodCode, date],
        measures: Mapping[tuple[str, PeriodCode], tuple[SuccessMeasure, ...]],
        evidence: Mapping[str, EvidenceKind],
    ) -> None:
        self.year = year
        self.seed = seed
        self.windows = windows
        self.periods = tuple(periods)
        self.period_starts = period_starts
        self.measures = measures
        self.evidence = evidence
        self._titles: dict[tuple[str, EvidenceKind], str] = {}

    def host(self, code: PeriodCode) -> str:
        """SERAMBI until B04 2023, SAPA-HAM from B08 2023 (example hosts, not real ones)."""
        if self.year < 2023 or (self.year == 2023 and code is PeriodCode.B04):
            return "serambi.example"
        return "sapa-ham.example"

    def level(
        self, institution: Institution, assigned: Sequence[Action], previous: Level | None = None
    ) -> Level:
        """Where ``institution`` stands this year: drawn afresh, or drifted from ``previous``.

        Cheap: no report is drawn. ``assigned`` must not be empty.
        """
        return self._start(institution, assigned, previous)[0]

    def _start(
        self, institution: Institution, assigned: Sequence[Action], previous: Level | None
    ) -> tuple[Level, Draw, list[_Behaviour]]:
        """The level, the stream the reports are drawn from, and how each action is handled."""
        rng = Draw(f"{self.seed}/{self.year}/{institution.code}")
        mean = _MEAN_DILIGENCE[institution.tier]
        if previous is None:  # the single-year example: these draws must never change
            diligence = rng.around(mean, _SPREAD)
            commitment = min(0.995, diligence)
            behaviour = [
                _CARRIED_OUT if rng.random() < commitment else _NEGLECTED for _ in assigned
            ]
            carried = sum(1 for how in behaviour if how is _CARRIED_OUT)
            level = Level(
                diligence=diligence,
                completion=carried / len(assigned),
                carried=carried,
                assigned=len(assigned),
            )
            return level, rng, behaviour
        drift = Draw(f"{self.seed}/{self.year}/{institution.code}/drift")
        diligence = _clamp(
            previous.diligence + _step(drift, mean - previous.diligence, DILIGENCE_DRIFT),
            0.02,
            1.0,
        )
        completion = _clamp(
            previous.completion + _step(drift, mean - previous.completion, COMPLETION_DRIFT),
            0.0,
            1.0,
        )
        n = len(assigned)
        carried = min(n, int(completion * n + 0.5))
        chosen = set(drift.indices(n, carried))
        behaviour = [_CARRIED_OUT if i in chosen else _NEGLECTED for i in range(n)]
        level = Level(diligence=diligence, completion=completion, carried=carried, assigned=n)
        return level, rng, behaviour

    def reports(
        self, institution: Institution, assigned: Sequence[Action], previous: Level | None = None
    ) -> list[Report]:
        """The reports of ``institution`` for every period; none when nothing is assigned.

        ``previous`` is the institution's level in the neighbouring year of a series (see
        :meth:`level`); without it the institution is drawn as in a single-year example.
        """
        if not assigned:
            return []
        level, rng, behaviour = self._start(institution, assigned, previous)
        diligence = level.diligence
        plan = tuple(zip(assigned, behaviour, strict=True))
        out: list[Report] = []
        for code in self.periods:
            if rng.random() >= 0.95 + 0.045 * diligence:
                continue  # missing: no report for this period
            out.append(self._report(rng, diligence, institution, plan, code))
        return out

    def _report(
        self,
        rng: Draw,
        d: float,
        institution: Institution,
        plan: Sequence[tuple[Action, _Behaviour]],
        code: PeriodCode,
    ) -> Report:
        roll = rng.random()
        if roll < 0.01:
            final = ReportStatus.DRAFT
        elif roll < 0.025:
            final = ReportStatus.SUBMITTED
        elif roll < 0.055:
            final = ReportStatus.RETURNED
        else:
            final = ReportStatus.VERIFIED
        cycle = final is ReportStatus.VERIFIED and rng.random() < 0.15
        window = self.windows[code]
        submitted = self._submission(rng, d, window, zone_of(institution.code))
        history = self._history(rng, final, cycle, submitted, window)
        assessed = final in (ReportStatus.VERIFIED, ReportStatus.RETURNED)
        entries = self._entries(rng, plan, code, final, assessed, submitted)
        return Report(
            institution=institution.code,
            period=ReportingPeriod(self.year, code),
            status=final,
            history=history,
            entries=entries,
        )

    def _submission(self, rng: Draw, d: float, window: Window, tz: timezone) -> datetime:
        roll = rng.random()
        if roll < 0.72 + 0.25 * d:
            day = window.opens + timedelta(days=rng.below((window.closes - window.opens).days + 1))
        elif rng.random() < 0.7:
            day = window.closes + timedelta(days=rng.between(1, 12))
        else:
            day = window.opens - timedelta(days=rng.between(1, 6))
        hour, minute, second = rng.between(7, 22), rng.below(60), rng.below(60)
        jakarta = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=WIB)
        return jakarta.astimezone(tz)

    def _office_time(self, rng: Draw, after: datetime, low: int, high: int) -> datetime:
        day = after.astimezone(WIB).date() + timedelta(days=rng.between(low, high))
        return datetime(day.year, day.month, day.day, rng.between(8, 16), rng.below(60), tzinfo=WIB)

    def _history(
        self,
        rng: Draw,
        final: ReportStatus,
        cycle: bool,
        submitted: datetime,
        window: Window,
    ) -> tuple[StatusChange, ...]:
        if final is ReportStatus.DRAFT:
            return ()
        changes = [StatusChange(status=ReportStatus.SUBMITTED, at=submitted)]
        if final is ReportStatus.SUBMITTED:
            return tuple(changes)
        closed = datetime(
            window.closes.year, window.closes.month, window.closes.day, 17, tzinfo=WIB
        )
        start = max(submitted, closed)
        verifier = f"tim-verifikator-{rng.between(1, 12)}"
        if final is ReportStatus.RETURNED or cycle:
            returned = self._office_time(rng, start, 1, 7)
            note = rng.pick(_RETURN_NOTES)
            changes.append(
                StatusChange(status=ReportStatus.RETURNED, at=returned, by=verifier, note=note)
            )
            if final is ReportStatus.RETURNED:
                return tuple(changes)
            again = self._office_time(rng, returned, 1, 5)
            changes.append(StatusChange(status=ReportStatus.SUBMITTED, at=again))
            start = again
        verified = self._office_time(rng, start, 2, 15)
        changes.append(StatusChange(status=ReportStatus.VERIFIED, at=verified, by=verifier))
        return tuple(changes)

    def _entries(
        self,
        rng: Draw,
        plan: Sequence[tuple[Action, _Behaviour]],
        code: PeriodCode,
        final: ReportStatus,
        assessed: bool,
        submitted: datetime,
    ) -> tuple[ActionEntry, ...]:
        draft = final is ReportStatus.DRAFT
        done_by = max(self.period_starts[code], submitted.date() - timedelta(days=60))
        span = max(1, (submitted.date() - done_by).days)
        host = self.host(code)
        entries: list[ActionEntry] = []
        for action, how in plan:
            if rng.random() >= (0.5 if draft else how.keep_action):
                continue
            measures: list[MeasureEntry] = []
            for measure in self.measures[(action.id, code)]:
                if rng.random() >= how.keep_measure:
                    continue
                measures.append(self._measure(rng, how, measure, assessed, host, done_by, span))
            entries.append(ActionEntry(action=action.id, measures=tuple(measures)))
        return tuple(entries)

    def _measure(
        self,
        rng: Draw,
        how: _Behaviour,
        measure: SuccessMeasure,
        assessed: bool,
        host: str,
        done_by: date,
        span: int,
    ) -> MeasureEntry:
        claimed = rng.random() < how.claim
        if claimed:
            count = rng.weighted((1, 2, 3, 4), (0.2, 0.35, 0.27, 0.18))
            day = done_by + timedelta(days=rng.below(span))
            narrative: str | None = (
                f"Telah dilaksanakan pada {day.day} {_MONTHS[day.month - 1]} {day.year}."
                if rng.random() < 0.6
                else None
            )
        else:
            count = 1 if rng.random() < 0.15 else 0
            narrative = rng.pick(_NOT_DONE) if rng.random() < 0.5 else None
        kinds = [self.evidence[measure.id]] + [rng.pick(_EXTRA_KINDS) for _ in range(count - 1)]
        if how is _CARRIED_OUT and claimed and kinds[0] is EvidenceKind.PHOTO:
            # a photo is never on letterhead: whoever carries the action out adds the report
            kinds[1:2] = [EvidenceKind.REPORT]
            count = max(count, 2)
        evidence = tuple(self._evidence(rng, how, measure, kind, host) for kind in kinds[:count])
        assessment: Assessment | None = None
        if assessed:
            formal = any(e.letterhead and e.signed for e in evidence)
            administrative = formal and rng.random() < 0.999
            substantive = claimed and bool(evidence) and rng.random() < how.accept
            note = None
            if not administrative and evidence:
                note = _NOTE_FORM
            elif administrative and not substantive:
                note = _NOTE_SUBSTANCE
            assessment = Assessment(
                administrative=administrative, substantive=substantive, note=note
            )
        return MeasureEntry(
            measure=measure.id,
            claimed=claimed,
            narrative=narrative,
            evidence=evidence,
            assessment=assessment,
        )

    def _evidence(
        self, rng: Draw, how: _Behaviour, measure: SuccessMeasure, kind: EvidenceKind, host: str
    ) -> Evidence:
        key = (measure.id, kind)
        title = self._titles.get(key)
        if title is None:
            title = self._titles[key] = _title(kind, measure.description)
        if kind is EvidenceKind.PHOTO:
            letterhead = signed = False
        else:
            letterhead = rng.random() < how.formal
            signed = rng.random() < how.formal
        uri = f"https://{host}/dokumen/{rng.below(10**7):07d}" if rng.random() < 0.9 else None
        return Evidence(kind=kind, title=title, uri=uri, letterhead=letterhead, signed=signed)


def _title(kind: EvidenceKind, description: str) -> str:
    text = description.rstrip(".")
    if len(text) > 70:
        text = text[:70].rsplit(" ", 1)[0] + " …"
    return f"{_TITLE[kind]}: {text}"

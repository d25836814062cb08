"""A dataset: one plan year with its institutions, reports and allegations — what scoring reads.

The constructor checks every reference inside the dataset (reports name listed institutions and
periods of the catalog year, entries name actions *assigned* to the institution, measures belong
to their action and period, responsible codes are listed ministries or agencies), so a
:class:`Dataset` object can always be scored. :mod:`ranham.validation` reports the same rules on
a document, all at once and with JSON Pointers.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

import attrs

from ranham.errors import InvariantError, UnknownNameError
from ranham.model._checks import DAY, INSTITUTION_CODE, TEXT, Instance, Tuple
from ranham.model._fields import EXTENSIONS, check_extensions, freeze_extensions
from ranham.model._frozen import FrozenMap, JsonValue
from ranham.model.enums import InstitutionKind, Tier
from ranham.model.institution import Institution
from ranham.model.plan import Action, Catalog
from ranham.model.report import Report
from ranham.periods import PeriodCode, ReportingPeriod

__all__ = ["Allegation", "Dataset", "is_assigned"]


@attrs.frozen(kw_only=True)
class Allegation:
    """An alleged human-rights violation case against an institution (no personal data)."""

    institution: str = attrs.field(validator=INSTITUTION_CODE)
    reported_on: date = attrs.field(validator=DAY)
    reference: str = attrs.field(validator=TEXT)


def is_assigned(action: Action, institution: Institution) -> bool:
    """Whether ``action`` is assigned to ``institution``.

    A ``kl`` action is assigned to the ministries and agencies its ``responsible`` lists; a
    regional action to every *autonomous* institution of its tier.
    """
    if action.tier is Tier.KL:
        return institution.code in action.responsible
    return action.tier is institution.tier and institution.autonomous


@attrs.frozen(kw_only=True)
class Dataset:
    """One catalog year, its institutions, their reports and the allegations against them."""

    catalog: Catalog = attrs.field(validator=Instance(Catalog))
    institutions: tuple[Institution, ...] = attrs.field(validator=Tuple(Instance(Institution)))
    reports: tuple[Report, ...] = attrs.field(default=(), validator=Tuple(Instance(Report)))
    allegations: tuple[Allegation, ...] = attrs.field(
        default=(), validator=Tuple(Instance(Allegation))
    )
    extensions: FrozenMap[str, JsonValue] = attrs.field(
        factory=FrozenMap,
        converter=freeze_extensions,
        validator=check_extensions,
        metadata={EXTENSIONS: True},
    )
    _by_code: Mapping[str, Institution] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _assigned: Mapping[str, tuple[Action, ...]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _reports: Mapping[tuple[str, ReportingPeriod], Report] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        by_code: dict[str, Institution] = {}
        for index, institution in enumerate(self.institutions):
            if institution.code in by_code:
                raise InvariantError(
                    f"'institutions' must not repeat a code (got {institution.code!r} twice).",
                    code="duplicate-id",
                    field=f"institutions.{index}.code",
                )
            by_code[institution.code] = institution
        catalog = self.catalog
        agencies = {
            code
            for code, inst in by_code.items()
            if inst.kind in (InstitutionKind.MINISTRY, InstitutionKind.AGENCY)
        }
        for a_index, action in enumerate(catalog.actions):
            for r_index, code in enumerate(action.responsible):
                if code not in agencies:
                    raise InvariantError(
                        f"'catalog.actions.{a_index}.responsible.{r_index}' must be a listed "
                        f"ministry or agency (got {code!r}).",
                        code="responsible-invalid",
                        field=f"catalog.actions.{a_index}.responsible.{r_index}",
                    )
        assigned = _assignments(catalog, by_code)
        reports: dict[tuple[str, ReportingPeriod], Report] = {}
        periods = set(catalog.periods)
        measure_periods = {a.id: {m.id: m.period for m in a.measures} for a in catalog.actions}
        assigned_ids = {
            code: frozenset(a.id for a in actions) for code, actions in assigned.items()
        }
        for index, report in enumerate(self.reports):
            where = f"reports.{index}"
            if report.institution not in by_code:
                raise InvariantError(
                    f"'{where}.institution' must be a listed institution "
                    f"(got {report.institution!r}).",
                    code="unknown-reference",
                    field=f"{where}.institution",
                )
            if report.period not in periods:
                raise InvariantError(
                    f"'{where}.period' must be one of the catalog's periods "
                    f"({', '.join(map(str, catalog.periods))}) (got {report.period}).",
                    code="period-mismatch",
                    field=f"{where}.period",
                )
            key = (report.institution, report.period)
            if key in reports:
                raise InvariantError(
                    f"'{where}' repeats the report of {report.institution} for {report.period}.",
                    code="duplicate-id",
                    field=f"{where}.period",
                )
            reports[key] = report
            _check_entries(report, where, assigned_ids[report.institution], measure_periods)
        cases: set[tuple[str, str]] = set()
        for index, allegation in enumerate(self.allegations):
            if allegation.institution not in by_code:
                raise InvariantError(
                    f"'allegations.{index}.institution' must be a listed institution "
                    f"(got {allegation.institution!r}).",
                    code="unknown-reference",
                    field=f"allegations.{index}.institution",
                )
            case = (allegation.institution, allegation.reference)
            if case in cases:
                raise InvariantError(
                    f"'allegations.{index}' records the case {allegation.reference!r} of "
                    f"{allegation.institution} a second time.",
                    code="duplicate-id",
                    field=f"allegations.{index}.reference",
                )
            cases.add(case)
        object.__setattr__(self, "_by_code", MappingProxyType(by_code))
        object.__setattr__(self, "_assigned", MappingProxyType(assigned))
        object.__setattr__(self, "_reports", MappingProxyType(reports))

    def institution(self, code: str) -> Institution:
        """The listed institution with ``code``; raises :class:`~ranham.errors.UnknownNameError`."""
        try:
            return self._by_code[code]
        except KeyError:
            raise UnknownNameError(f"the dataset lists no institution {code!r}.") from None

    def assigned_actions(self, code: str) -> tuple[Action, ...]:
        """The actions assigned to institution ``code``, in catalog order."""
        self.institution(code)
        return self._assigned[code]

    def report(self, code: str, period: ReportingPeriod) -> Report | None:
        """The report of institution ``code`` for ``period``, ``None`` when there is none."""
        return self._reports.get((code, period))

    def allegations_against(self, code: str) -> tuple[Allegation, ...]:
        """The allegations against institution ``code``, in dataset order."""
        return tuple(a for a in self.allegations if a.institution == code)


def _assignments(
    catalog: Catalog, by_code: Mapping[str, Institution]
) -> dict[str, tuple[Action, ...]]:
    """Each institution's assigned actions in catalog order, in one pass over the catalog."""
    regional: dict[Tier, list[Action]] = {Tier.PROVINCE: [], Tier.REGENCY_CITY: []}
    responsible_for: dict[str, list[Action]] = {}
    for action in catalog.actions:
        if action.tier is Tier.KL:
            for code in action.responsible:
                responsible_for.setdefault(code, []).append(action)
        else:
            regional[action.tier].append(action)
    frozen_regional = {tier: tuple(actions) for tier, actions in regional.items()}
    assigned: dict[str, tuple[Action, ...]] = {}
    for code, inst in by_code.items():
        if inst.tier is Tier.KL:
            assigned[code] = tuple(responsible_for.get(code, ()))
        else:
            assigned[code] = frozen_regional[inst.tier] if inst.autonomous else ()
    return assigned


def _check_entries(
    report: Report,
    where: str,
    assigned: frozenset[str],
    measure_periods: Mapping[str, Mapping[str, PeriodCode]],
) -> None:
    """Check that each entry names an assigned action and its measures, of the report's period.

    Messages are built only for the entry at fault.
    """
    code = report.period.code
    for e_index, entry in enumerate(report.entries):
        if entry.action not in assigned:
            field = f"{where}.entries.{e_index}.action"
            known = entry.action in measure_periods
            raise InvariantError(
                f"'{field}' must be an action assigned to {report.institution} "
                f"(got {entry.action!r}, "
                f"{'assigned to others' if known else 'not in the catalog'}).",
                code="not-assigned" if known else "unknown-reference",
                field=field,
            )
        periods = measure_periods[entry.action]
        for m_index, measure_entry in enumerate(entry.measures):
            period = periods.get(measure_entry.measure)
            if period is code:
                continue
            m_field = f"{where}.entries.{e_index}.measures.{m_index}.measure"
            if period is None:
                raise InvariantError(
                    f"'{m_field}' must be a measure of action {entry.action} "
                    f"(got {measure_entry.measure!r}).",
                    code="unknown-reference",
                    field=m_field,
                )
            raise InvariantError(
                f"'{m_field}' must be a measure of period {code} "
                f"(got {measure_entry.measure!r}, a measure of {period}).",
                code="period-mismatch",
                field=m_field,
            )

"""A dataset: one plan year with its institutions, reports and allegations — what scoring reads.

The constructor checks every reference inside the dataset (reports name listed institutions and
periods of the catalog year, entries name actions *assigned* to the institution, measures belong
to their action and period, responsible codes are listed ministries or agencies), so a
:class:`Dataset` object can always be scored. :mod:`ranham.validation` reports the same rules on
a document, all at once and with JSON Pointers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

import attrs

from ranham.errors import UnknownNameError
from ranham.model._checks import DAY, INSTITUTION_CODE, TEXT, Instance, Tuple
from ranham.model._fields import EXTENSIONS, check_extensions, freeze_extensions
from ranham.model._frozen import FrozenMap, JsonValue, given_state, itself, restore_state
from ranham.model._invariants import (
    ActionMeasures,
    assigned,
    duplicates,
    entry_references,
    listed,
    refuse,
    refuse_if,
    report_period,
    responsible_listed,
)
from ranham.model.enums import InstitutionKind, Tier
from ranham.model.institution import Institution
from ranham.model.plan import Action, Catalog
from ranham.model.report import Report
from ranham.periods import ReportingPeriod

__all__ = ["Allegation", "Dataset", "is_assigned"]

_AGENCY_KINDS = frozenset({InstitutionKind.MINISTRY, InstitutionKind.AGENCY})


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
    return assigned(
        action.tier,
        action.responsible,
        institution.code,
        institution.tier,
        institution.autonomous,
    )


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
    # the indexes are derived, and a mappingproxy cannot be pickled: made again when unpickled
    __getstate__ = given_state
    __setstate__ = restore_state
    __copy__ = itself

    def __attrs_post_init__(self) -> None:
        institutions = self.institutions
        by_code = {institution.code: institution for institution in institutions}
        if len(by_code) != len(institutions):  # a code repeats: the predicate says which
            _refuse_repeats(
                [i.code for i in institutions],
                lambda i: ("institutions", i, "code"),
                "'institutions' must not repeat a code (got {got} twice).",
            )
        catalog = self.catalog
        agencies = {code for code, inst in by_code.items() if inst.kind in _AGENCY_KINDS}
        for a_index, action in enumerate(catalog.actions):
            if action.responsible:
                refuse(
                    responsible_listed(action.responsible, agencies), "catalog", "actions", a_index
                )
        assigned = _assignments(catalog, by_code)
        periods, year = catalog.plan.periods, catalog.year
        actions = {
            a.id: ActionMeasures({m.id: m.period for m in a.measures}) for a in catalog.actions
        }
        owners = {m.id: a.id for a in catalog.actions for m in a.measures}
        assigned_ids = {
            code: frozenset(a.id for a in actions) for code, actions in assigned.items()
        }
        for index, report in enumerate(self.reports):
            code = report.institution
            refuse_if(listed(code, by_code, ("institution",)), "reports", index)
            refuse_if(report_period(report.period, periods, year), "reports", index)
            refuse(
                entry_references(
                    code,
                    report.period,
                    report.entries,
                    actions,
                    assigned_ids[code].__contains__,
                    owners,
                    complete=True,
                ),
                "reports",
                index,
            )
        reports = {(r.institution, r.period): r for r in self.reports}
        if len(reports) != len(self.reports):  # a report repeats: the predicate says which
            _refuse_repeats(
                [(r.institution, r.period) for r in self.reports],
                lambda i: ("reports", i, "period"),
                lambda key: f"'{{field}}' repeats the report of {key[0]} for {key[1]}.",
            )
        allegations = self.allegations
        for index, allegation in enumerate(allegations):
            refuse_if(
                listed(allegation.institution, by_code, ("institution",)), "allegations", index
            )
        _refuse_repeats(
            [(a.institution, a.reference) for a in allegations],
            lambda i: ("allegations", i, "reference"),
            lambda key: f"'{{field}}' records the case {key[1]!r} of {key[0]} a second time.",
        )
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
    """Each institution's assigned actions in catalog order, in one pass over the catalog.

    The assignment rule of :func:`ranham.model._invariants.assigned`, computed for every pair
    at once (grouped by tier, not a call per pair: a national year has some 160,000 pairs);
    a test checks that the two agree.
    """
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


def _refuse_repeats(
    values: list[Any],
    where: Callable[[int], tuple[str | int, ...]],
    text: str | Callable[[Any], str],
) -> None:
    refuse(duplicates(values, where, text))

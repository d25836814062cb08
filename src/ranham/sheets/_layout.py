"""Where everything sits in a form, and what a form holds for one institution and period.

The writer and the reader share this module, so a form's layout is defined once.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ranham.errors import InvariantError, UnknownNameError
from ranham.model import (
    Action,
    Catalog,
    Dataset,
    Institution,
    SuccessMeasure,
    Tier,
    is_assigned,
    kinds_of_code,
)
from ranham.periods import ReportingPeriod

__all__ = [
    "EVIDENCE_COLUMNS",
    "FIRST_ROW",
    "FORM_SHEET",
    "FORM_VERSION",
    "HEADER_ROW",
    "IDENTITY_KEYS",
    "MEASURE_COLUMNS",
    "VERIFIER_COLUMNS",
    "FormPlan",
    "MeasureRow",
    "assigned_actions",
    "plan_form",
]

FORM_VERSION = "1"
"""The version of the form layout; a reader refuses a form of another version."""

FORM_SHEET = "_ranham"
"""The hidden, protected sheet that identifies a form (the same name in both languages)."""

IDENTITY_KEYS = (
    "form_version",
    "form_kind",
    "lang",
    "plan",
    "catalog_year",
    "institution",
    "period",
    "history",
)
"""The rows of the identifying sheet: key in column A, value in column B, from row 1."""

# The report sheet: a header block, then one row per measure.
INSTITUTION_CELL = (2, 3)
NAME_CELL = (3, 3)
PERIOD_CELL = (4, 3)
OPENS_CELL = (5, 3)
CLOSES_CELL = (5, 4)
DECISION_CELL = (6, 3)
HEADER_ROW = 8
FIRST_ROW = 9

MEASURE_COLUMNS = (
    "action",
    "number",
    "action-title",
    "target-group",
    "measure",
    "description",
    "claimed",
    "narrative",
)
"""Columns A to H of a measure row; A to F are locked."""
LOCKED = 6
CLAIMED_COLUMN = 7
NARRATIVE_COLUMN = 8
VERIFIER_COLUMNS = ("administrative", "substantive", "note")
"""Columns I to K of a measure row in a verifier form."""
ADMINISTRATIVE_COLUMN = 9
SUBSTANTIVE_COLUMN = 10
NOTE_COLUMN = 11

EVIDENCE_COLUMNS = ("ev-measure", "kind", "ev-title", "uri", "letterhead", "signed")
"""Columns A to F of the evidence sheet, whose row 1 is the heading."""
EVIDENCE_FIELDS = ("measure", "kind", "title", "uri", "letterhead", "signed")


@attrs.frozen(kw_only=True)
class MeasureRow:
    """One locked row of the report sheet: a measure of an assigned action."""

    action: Action
    measure: SuccessMeasure


@attrs.frozen(kw_only=True)
class FormPlan:
    """What a form for one institution and period holds, before any language or layout."""

    catalog: Catalog
    code: str
    name: str
    period: ReportingPeriod
    rows: tuple[MeasureRow, ...]

    @property
    def measure_ids(self) -> tuple[str, ...]:
        """The measure ids of the rows, in catalog order."""
        return tuple(row.measure.id for row in self.rows)


def assigned_actions(source: Catalog | Dataset, code: str) -> tuple[Action, ...]:
    """The actions assigned to institution ``code``, in catalog order.

    From a dataset, as the dataset assigns them (autonomy included). From a catalog alone, the
    tier is read from the code's pattern and a regional institution is taken as autonomous, as
    ``format.md`` does when it checks a report against a catalog alone.
    """
    if isinstance(source, Dataset):
        return source.assigned_actions(code)
    tiers = {kind.tier for kind in kinds_of_code(code)}
    if len(tiers) != 1:
        raise UnknownNameError(
            f"{code!r} is not an institution code (a ministry/agency slug, PP, or PP.KK)."
        )
    tier = tiers.pop()
    if tier is Tier.KL:
        return tuple(a for a in source.actions if code in a.responsible)
    return tuple(a for a in source.actions if a.tier is tier)


def institutions_with_actions(source: Catalog | Dataset) -> tuple[tuple[str, str], ...]:
    """``(code, name)`` of every institution that has assigned actions, sorted by code.

    A catalog alone names only the ministries and agencies of its ``responsible`` lists (their
    names unknown); a dataset lists every institution.
    """
    if isinstance(source, Dataset):
        return tuple(
            sorted(
                (i.code, i.name)
                for i in source.institutions
                if any(is_assigned(a, i) for a in source.catalog.actions)
            )
        )
    codes = {code for action in source.actions for code in action.responsible}
    return tuple((code, "") for code in sorted(codes))


def plan_form(
    source: Catalog | Dataset, institution: str | Institution, period: ReportingPeriod | str
) -> FormPlan:
    """The rows of the form of ``institution`` for ``period`` (a period of the catalog's year)."""
    catalog = source.catalog if isinstance(source, Dataset) else source
    code = institution.code if isinstance(institution, Institution) else institution
    name = institution.name if isinstance(institution, Institution) else ""
    if isinstance(source, Dataset):
        name = source.institution(code).name
    chosen = period if isinstance(period, ReportingPeriod) else ReportingPeriod.parse(period)
    if chosen not in catalog.periods:
        raise InvariantError(
            f"the period must be one of the catalog's ({', '.join(map(str, catalog.periods))}) "
            f"(got {chosen})."
        )
    rows = tuple(
        MeasureRow(action=action, measure=measure)
        for action in assigned_actions(source, code)
        for measure in action.measures_for(chosen.code)
    )
    return FormPlan(catalog=catalog, code=code, name=name, period=chosen, rows=rows)


def sheet_order(names: Sequence[str]) -> dict[str, int]:
    """Each sheet name's place in the workbook (issues are listed in sheet order)."""
    return {name: index for index, name in enumerate(names)}

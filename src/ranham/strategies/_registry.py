"""Which strategy ``st.from_type`` uses for each public type of ``ranham``.

:mod:`ranham._hypothesis_hook` registers one function for every public type; the function
imports this module on first use and calls :func:`strategy_for`.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from ranham import errors, model
from ranham.periods import PeriodCode, ReportingPeriod, Timing, Window
from ranham.strategies import _catalogs, _datasets, _reports
from ranham.strategies import _documents as docs
from ranham.strategies import _entities as ent
from ranham.strategies import _parts as parts
from ranham.strategies import _values as val
from ranham.strategies._corrupt import corrupted
from ranham.strategies._values import slugs, texts
from ranham.validation import Issue, ValidationResult, validate
from ranham.validation.codes import CODES

__all__ = ["REGISTERED", "strategy_for", "validation_results"]


def validation_results(*, valid: bool | None = None) -> st.SearchStrategy[ValidationResult]:
    """Results of validating generated documents: valid ones, corrupted ones, or either."""
    good = docs.documents().map(validate)
    bad = corrupted().map(lambda corruption: corruption.validate())
    if valid is True:
        return good
    if valid is False:
        return bad.filter(lambda result: not result.valid)
    return st.one_of(good, bad)


def _issues() -> st.SearchStrategy[Issue]:
    return validation_results(valid=False).map(lambda result: result.issues[0])


def _document_errors() -> st.SearchStrategy[errors.DocumentError]:
    return st.builds(
        lambda result, source: errors.DocumentError(result.issues, source=source),
        validation_results(valid=False),
        st.one_of(st.just(""), st.just("laporan.json"), texts()),
    )


_CODE_NAMES = tuple(CODES)
_FIELDS = st.one_of(st.just(""), slugs())

_FACTORIES: dict[object, Callable[[], st.SearchStrategy[Any]]] = {
    # entities
    model.ActionPlan: ent.plans,
    model.SuccessMeasure: ent.success_measures,
    model.Action: ent.actions,
    model.Catalog: _catalogs.catalogs,
    model.Institution: ent.institutions,
    model.Evidence: parts.evidence_items,
    model.Assessment: parts.assessments,
    model.MeasureEntry: parts.measure_entries,
    model.ActionEntry: parts.action_entries,
    model.StatusChange: parts.status_changes,
    model.Report: _reports.reports,
    model.Allegation: parts.allegations,
    model.Dataset: _datasets.datasets,
    model.FollowUp: parts.follow_ups,
    model.Recommendation: parts.recommendations,
    model.Declared: parts.declared_counts,
    model.Forum: docs.forums,
    model.Link: val.links,
    # values
    model.FrozenMap: val.extensions,
    PeriodCode: val.period_codes,
    ReportingPeriod: val.reporting_periods,
    Window: val.windows,
    # validation
    ValidationResult: validation_results,
    Issue: _issues,
    # errors
    errors.RanhamError: lambda: st.builds(errors.RanhamError, texts()),
    errors.InvariantError: lambda: st.builds(
        errors.InvariantError, texts(), code=st.sampled_from(_CODE_NAMES), field=_FIELDS
    ),
    errors.TransitionError: lambda: st.builds(errors.TransitionError, texts(), field=_FIELDS),
    errors.NaiveDatetimeError: lambda: st.builds(errors.NaiveDatetimeError, texts(), field=_FIELDS),
    errors.PeriodError: lambda: st.builds(errors.PeriodError, texts()),
    errors.ArgumentTypeError: lambda: st.builds(errors.ArgumentTypeError, texts()),
    errors.RuleSetError: lambda: st.builds(
        errors.RuleSetError, texts(), location=st.one_of(st.just(""), texts())
    ),
    errors.UnknownNameError: lambda: st.builds(errors.UnknownNameError, texts()),
    errors.UnknownChoiceError: lambda: st.builds(errors.UnknownChoiceError, texts()),
    errors.CycleError: lambda: st.builds(errors.CycleError, texts()),
    errors.MissingYearsError: lambda: st.builds(
        errors.MissingYearsError, texts(), years=st.lists(st.integers(1, 9999), max_size=5)
    ),
    errors.DocumentError: _document_errors,
}

_ENUMS: tuple[type[enum.Enum], ...] = (
    model.Addressee,
    model.EvidenceKind,
    model.FollowUpStatus,
    model.InstitutionKind,
    model.LinkType,
    model.ReportStatus,
    model.TargetGroup,
    model.Theme,
    model.Tier,
    Timing,
)

REGISTERED: frozenset[object] = frozenset(_FACTORIES) | frozenset(_ENUMS)
"""Every type :func:`strategy_for` knows."""


def strategy_for(thing: object) -> st.SearchStrategy[Any] | Any:
    """The strategy for ``thing``, or ``NotImplemented`` for a type this module does not know.

    ``FrozenMap[K, V]`` draws mappings of ``K`` to ``V``; a bare ``FrozenMap`` draws
    ``extensions`` objects.
    """
    factory = _FACTORIES.get(thing)
    if factory is not None:
        return factory()
    if thing in _ENUMS:
        return st.sampled_from(thing)
    if typing.get_origin(thing) is model.FrozenMap:
        key, value = typing.get_args(thing)
        return st.dictionaries(st.from_type(key), st.from_type(value), max_size=4).map(
            model.FrozenMap
        )
    return NotImplemented

"""ranham: the domain model, document format, scoring and incentive rules of RANHAM.

RANHAM (*Rencana Aksi Nasional Hak Asasi Manusia*, Perpres 53/2021) is Indonesia's National
Action Plan on Human Rights. This package holds its data in typed, immutable objects, reads and
validates the harmonised JSON documents, computes completion scores and incentive eligibility by
versioned rule sets, and ships Hypothesis strategies for property-testing other systems.

``import ranham`` is cheap: the entities, periods and errors load eagerly; ``ranham.io``,
``ranham.validation``, ``ranham.rules`` and the other subpackages load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ranham._version import __version__
from ranham.errors import (
    ArgumentTypeError,
    CycleError,
    DocumentError,
    InvariantError,
    MissingYearsError,
    NaiveDatetimeError,
    PeriodError,
    RanhamError,
    RuleSetError,
    TransitionError,
    UnknownChoiceError,
    UnknownNameError,
)
from ranham.model import (
    Action,
    ActionEntry,
    ActionPlan,
    Addressee,
    Allegation,
    Assessment,
    Catalog,
    Dataset,
    Declared,
    Evidence,
    EvidenceKind,
    FollowUp,
    FollowUpStatus,
    Forum,
    FrozenMap,
    Institution,
    InstitutionKind,
    Link,
    LinkType,
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
from ranham.periods import PeriodCode, ReportingPeriod, Timing, Window

if TYPE_CHECKING:  # pragma: no cover
    from ranham.rules._eligibility import eligibility
    from ranham.rules._explain import explain
    from ranham.rules.loading import load_ruleset
    from ranham.rules.scoring import score
    from ranham.validation import ValidationResult, validate

__all__ = [
    # entities
    "Action",
    "ActionEntry",
    "ActionPlan",
    "Allegation",
    "Assessment",
    "Catalog",
    "Dataset",
    "Declared",
    "Evidence",
    "FollowUp",
    "Forum",
    "Institution",
    "Link",
    "MeasureEntry",
    "Recommendation",
    "Report",
    "StatusChange",
    "SuccessMeasure",
    # values and value sets
    "Addressee",
    "EvidenceKind",
    "FollowUpStatus",
    "FrozenMap",
    "InstitutionKind",
    "LinkType",
    "PeriodCode",
    "ReportStatus",
    "ReportingPeriod",
    "TargetGroup",
    "Theme",
    "Tier",
    "Timing",
    "Window",
    # errors
    "ArgumentTypeError",
    "CycleError",
    "DocumentError",
    "InvariantError",
    "MissingYearsError",
    "NaiveDatetimeError",
    "PeriodError",
    "RanhamError",
    "RuleSetError",
    "TransitionError",
    "UnknownChoiceError",
    "UnknownNameError",
    # functions (loaded on first use)
    "ValidationResult",
    "validate",
    "score",
    "eligibility",
    "explain",
    "load_ruleset",
    "evaluate_years",
    "__version__",
]

_LAZY = {
    "validate": "ranham.validation",
    "ValidationResult": "ranham.validation",
    "score": "ranham.rules",
    "eligibility": "ranham.rules",
    "explain": "ranham.rules",
    "load_ruleset": "ranham.rules",
    "evaluate_years": "ranham.rules",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ranham' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value

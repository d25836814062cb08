"""The RANHAM domain model: frozen, slotted, fully typed attrs entities.

Entities know nothing of JSON, files or schema versions (:mod:`ranham.io` does). Their
constructors refuse values that break an invariant one object can check, with a
:class:`~ranham.errors.InvariantError` (a ``ValueError``) that names the field, what was expected
and what came. To change an entity, make a new one with :func:`attrs.evolve`.
"""

from ranham.model._frozen import FrozenMap, JsonValue
from ranham.model.dataset import Allegation, Dataset, is_assigned
from ranham.model.enums import (
    Addressee,
    EvidenceKind,
    FollowUpStatus,
    InstitutionKind,
    ReportStatus,
    TargetGroup,
    Theme,
    Tier,
)
from ranham.model.forum import Declared, FollowUp, Forum, Link, LinkType, Recommendation
from ranham.model.institution import Institution, code_fits_kind, kinds_of_code
from ranham.model.plan import Action, ActionPlan, Catalog, SuccessMeasure
from ranham.model.report import (
    ALLOWED_TRANSITIONS,
    ActionEntry,
    Assessment,
    Evidence,
    MeasureEntry,
    Report,
    StatusChange,
)

__all__ = [
    "ALLOWED_TRANSITIONS",
    "Action",
    "ActionEntry",
    "ActionPlan",
    "Addressee",
    "Allegation",
    "Assessment",
    "Catalog",
    "Dataset",
    "Declared",
    "Evidence",
    "EvidenceKind",
    "FollowUp",
    "FollowUpStatus",
    "Forum",
    "FrozenMap",
    "Institution",
    "InstitutionKind",
    "JsonValue",
    "Link",
    "LinkType",
    "MeasureEntry",
    "Recommendation",
    "Report",
    "ReportStatus",
    "StatusChange",
    "SuccessMeasure",
    "TargetGroup",
    "Theme",
    "Tier",
    "code_fits_kind",
    "is_assigned",
    "kinds_of_code",
]

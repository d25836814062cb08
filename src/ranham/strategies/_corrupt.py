"""Valid documents broken in exactly one known way, with the issue validation must report."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

import attrs
import orjson
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ranham.io import Document, to_dict
from ranham.model import Catalog, Dataset, Forum, Report, ReportStatus
from ranham.strategies import _domain as dom
from ranham.strategies import _raw as raw
from ranham.strategies import _structure as struct
from ranham.strategies import _workflow as flow
from ranham.strategies._catalogs import catalogs
from ranham.strategies._datasets import clean_datasets
from ranham.strategies._documents import KINDS, forums, forums_with_follow_ups
from ranham.strategies._family import Family
from ranham.strategies._reports import reports, reports_with_entries
from ranham.strategies._shapes import facts, pointer
from ranham.validation import ValidationResult, validate
from ranham.validation.codes import CODES

__all__ = ["CORRUPTION_CODES", "CORRUPTION_KINDS", "Corruption", "corrupted"]

Doc = dict[str, Any]

_SUBMITTED = (ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.VERIFIED)


@attrs.frozen(kw_only=True)
class Corruption:
    """A valid document broken in exactly one way, and the issue that validation must report.

    ``document`` is the broken JSON document: a ``dict`` (for the families that break a
    document's content) or ``bytes`` (for the raw-JSON families: ``encoding``, ``json-syntax``,
    ``too-large``, ``too-deep``, ``duplicate-key``, ``non-finite-number``, ``not-an-object``,
    ``unknown-kind``, ``unsupported-version``). ``code`` is the issue code and ``pointer`` the
    JSON Pointer at which validation reports it; ``max_size``, when not ``None``, is the size
    limit to validate with (``too-large``). ``original`` is the valid document it was made
    from and ``description`` says in English what was broken.

    The promise: :meth:`validate` reports an issue ``code`` at ``pointer``, and every other
    issue it reports is an issue of ``original`` too (same code, same pointer), so a document
    that had no issue at all gets exactly one. After a code that stops a file (``encoding``,
    ``json-syntax``, ``too-large``, ``too-deep``, ``not-an-object``, ``unknown-kind``,
    ``unsupported-version``) it is the only issue.
    """

    document: Doc | bytes
    code: str
    pointer: str
    original: Doc
    description: str
    max_size: int | None = None

    @property
    def kind(self) -> str:
        """The kind of the original document."""
        return str(self.original["kind"])

    @property
    def severity(self) -> str:
        """``"error"``, or ``"warning"`` for the families of a warning code."""
        return CODES[self.code].value

    @property
    def content(self) -> bytes:
        """The broken document as bytes (a dict is written as compact JSON)."""
        if isinstance(self.document, bytes):
            return self.document
        return orjson.dumps(self.document)

    def validate(self) -> ValidationResult:
        """Validate the broken document as the promise is stated (with ``max_size``)."""
        if self.max_size is None:
            return validate(self.document)
        return validate(self.document, max_size=self.max_size)


# --- the families --------------------------------------------------------------------------------


Base = Callable[[], st.SearchStrategy[Doc]]


def _catalog() -> st.SearchStrategy[Doc]:
    return catalogs().map(to_dict)


def _dataset() -> st.SearchStrategy[Doc]:
    return clean_datasets().map(to_dict)


def _forum() -> st.SearchStrategy[Doc]:
    return forums(complete=True).map(to_dict)


def _datasets_with(**knobs: Any) -> Base:
    return lambda: clean_datasets(**knobs).map(to_dict)


def _reports_in(statuses: tuple[ReportStatus, ...], entries: bool = False) -> dict[str, Base]:
    """Bases for the report families: a report alone, or inside a dataset."""
    if entries:
        return {
            "report": lambda: reports_with_entries(statuses).map(to_dict),
            "dataset": _datasets_with(statuses=statuses, min_reports=1, min_measure_entries=1),
        }
    return {
        "report": lambda: reports(statuses=statuses).map(to_dict),
        "dataset": _datasets_with(statuses=statuses, min_reports=1),
    }


_ANY: dict[str, Base] = {
    "catalog": _catalog,
    "report": lambda: reports().map(to_dict),
    "dataset": _dataset,
    "forum": _forum,
}
_CATALOGISH: dict[str, Base] = {"catalog": _catalog, "dataset": _dataset}
_DATASET: dict[str, Base] = {"dataset": _dataset}
_DATASET_REPORTS: dict[str, Base] = {"dataset": _datasets_with(min_reports=1)}
_SUBMITTED_REPORTS: dict[str, Base] = {
    "dataset": _datasets_with(statuses=_SUBMITTED, min_reports=1)
}
_ALL = tuple(ReportStatus)

_FAMILIES = (
    # raw JSON
    Family("encoding", True, _ANY, raw.anywhere, raw.encoding),
    Family("json-syntax", True, _ANY, raw.anywhere, raw.json_syntax),
    Family("too-large", True, _ANY, raw.anywhere, raw.too_large),
    Family("too-deep", True, _ANY, raw.anywhere, raw.too_deep),
    Family("duplicate-key", True, _ANY, raw.duplicate_targets, raw.duplicate_key),
    Family("non-finite-number", True, _ANY, raw.number_targets, raw.non_finite_number),
    Family("not-an-object", True, _ANY, raw.anywhere, raw.not_an_object),
    Family("unknown-kind", True, _ANY, raw.anywhere, raw.unknown_kind),
    Family("unsupported-version", True, _ANY, raw.anywhere, raw.unsupported_version),
    # structure
    Family("missing-field", False, _ANY, struct.missing_field_targets, struct.missing_field),
    Family("unknown-field", False, _ANY, struct.unknown_field_targets, struct.unknown_field),
    Family("wrong-type", False, _ANY, struct.wrong_type_targets, struct.wrong_type),
    Family("invalid-value", False, _ANY, struct.invalid_value_targets, struct.invalid_value),
    Family(
        "invalid-date",
        False,
        {**_CATALOGISH, "forum": _forum, "report": _reports_in(_SUBMITTED)["report"]},
        struct.date_targets,
        struct.invalid_date,
    ),
    Family(
        "naive-timestamp",
        False,
        _reports_in(_SUBMITTED),
        struct.naive_targets,
        struct.naive_timestamp,
    ),
    # domain rules
    Family("code-kind-mismatch", False, _DATASET, dom.code_kind_targets, dom.code_kind_mismatch),
    Family("parent-mismatch", False, _DATASET, dom.parent_targets, dom.parent_mismatch),
    Family(
        "duplicate-id",
        False,
        {
            **_CATALOGISH,
            "report": _reports_in(_ALL, entries=True)["report"],
            "forum": lambda: forums(min_recommendations=2, complete=True).map(to_dict),
        },
        dom.duplicate_targets,
        dom.duplicate_id,
    ),
    Family(
        "unknown-reference",
        False,
        _DATASET_REPORTS,
        dom.reference_targets,
        dom.unknown_reference,
    ),
    Family(
        "period-mismatch",
        False,
        {**_DATASET_REPORTS, "catalog": _catalog},
        dom.period_targets,
        dom.period_mismatch,
    ),
    Family("year-outside-plan", False, _CATALOGISH, dom.year_targets, dom.year_outside_plan),
    Family(
        "target-group-not-in-plan",
        False,
        _CATALOGISH,
        dom.target_group_targets,
        dom.target_group_not_in_plan,
    ),
    Family(
        "missing-period-measures",
        False,
        _CATALOGISH,
        dom.period_measures_targets,
        dom.missing_period_measures,
    ),
    Family("window-invalid", False, _CATALOGISH, dom.window_targets, dom.window_invalid),
    Family(
        "responsible-invalid",
        False,
        _CATALOGISH,
        dom.responsible_targets,
        dom.responsible_invalid,
    ),
    Family("not-assigned", False, _DATASET_REPORTS, flow.not_assigned_targets, flow.not_assigned),
    Family(
        "invalid-transition",
        False,
        _reports_in(_ALL),
        flow.transition_targets,
        flow.invalid_transition,
    ),
    Family(
        "history-order",
        False,
        _reports_in((ReportStatus.RETURNED, ReportStatus.VERIFIED)),
        flow.order_targets,
        flow.history_order,
    ),
    Family(
        "assessment-missing",
        False,
        _reports_in((ReportStatus.VERIFIED,), entries=True),
        lambda doc, known: flow.assessment_targets(doc, known, ("verified",)),
        flow.assessment_missing,
    ),
    Family(
        "assessment-unexpected",
        False,
        _reports_in((ReportStatus.DRAFT, ReportStatus.SUBMITTED), entries=True),
        lambda doc, known: flow.assessment_targets(doc, known, ("draft", "submitted")),
        flow.assessment_unexpected,
    ),
    Family(
        "declared-exceeded",
        False,
        {"forum": lambda: forums(min_recommendations=1, complete=True).map(to_dict)},
        flow.exceeded_targets,
        flow.declared_exceeded,
    ),
    Family(
        "follow-up-order",
        False,
        {"forum": lambda: forums_with_follow_ups().map(to_dict)},
        flow.follow_up_targets,
        flow.follow_up_order,
    ),
    Family(
        "late-submission",
        False,
        _SUBMITTED_REPORTS,
        flow.timing_targets,
        flow.late_submission,
    ),
    Family(
        "early-submission",
        False,
        _SUBMITTED_REPORTS,
        flow.timing_targets,
        flow.early_submission,
    ),
    Family(
        "recommendations-incomplete",
        False,
        {"forum": _forum},
        flow.incomplete_targets,
        flow.recommendations_incomplete,
    ),
)

FAMILIES: Mapping[str, Family] = {family.code: family for family in _FAMILIES}
"""Every corruption family by issue code, in the order of ``format.md``'s table."""

CORRUPTION_CODES: tuple[str, ...] = tuple(FAMILIES)
"""The issue codes that :func:`corrupted` can produce: every code of ``format.md`` except
``unreadable`` (a path that cannot be read) and the ``region-*`` codes (a region table)."""


CORRUPTION_KINDS: Mapping[str, frozenset[str]] = {
    family.code: frozenset(family.bases) for family in _FAMILIES
}
"""For each code of :data:`CORRUPTION_CODES`, the document kinds its family can break."""


@cache
def _base(code: str, kind: str) -> st.SearchStrategy[Doc]:
    family = FAMILIES[code]
    return family.bases[kind]().filter(lambda doc: bool(family.targets(doc, facts(doc))))


# --- the strategy --------------------------------------------------------------------------------


def corrupted(
    document: Document | Mapping[str, Any] | None = None,
    *,
    code: str | None = None,
    kinds: Sequence[str] | None = None,
) -> st.SearchStrategy[Corruption]:
    """Valid documents broken in exactly one way, as :class:`Corruption` values.

    ``code`` picks the family (one per issue code of :data:`CORRUPTION_CODES`); ``None``
    draws any family. ``document`` (a valid document object or JSON ``dict``) is the document
    to break; when ``None``, a document that the family can break is drawn, one that
    validates without any issue, of one of ``kinds`` (``"catalog"``, ``"report"``,
    ``"dataset"``, ``"forum"``; every kind when ``None``; see :data:`CORRUPTION_KINDS`).

    Raises :class:`~hypothesis.errors.InvalidArgument` for a code without a family, an invalid
    document, or a family that cannot break the document or kinds given.

    >>> from ranham.strategies import corrupted
    >>> strategy = corrupted(code="naive-timestamp", kinds=["report"])
    """
    if code is not None and code not in FAMILIES:
        why = ""
        if code == "unreadable" or code.startswith("region-"):
            why = " (it needs a file system or a region table, not a document)"
        raise InvalidArgument(
            f"code={code!r} has no corruption family{why}; "
            f"the codes are: {', '.join(CORRUPTION_CODES)}."
        )
    wanted = KINDS if kinds is None else tuple(dict.fromkeys(kinds))
    unknown = [k for k in wanted if k not in KINDS]
    if unknown or not wanted:
        raise InvalidArgument(f"kinds= must name some of {', '.join(KINDS)} (got {kinds!r}).")
    families = [FAMILIES[code]] if code is not None else list(_FAMILIES)
    if document is not None:
        original = _as_document(document)
        known = facts(original)
        usable = tuple(f for f in families if f.targets(original, known))
        if not usable or known.kind not in wanted:
            raise InvalidArgument(
                f"the {families[0].code if code else 'corruption'} family finds nothing it can "
                f"break in this {known.kind} document"
                + (f"; it breaks {_kinds_of(families[0])} documents" if code else "")
                + ("" if known.kind in wanted else f", and kinds= excludes {known.kind}")
                + "."
            )
        return _corruptions(usable, original, wanted)
    usable = tuple(f for f in families if set(f.bases) & set(wanted))
    if not usable:
        raise InvalidArgument(
            f"the {families[0].code} family never breaks a {' or '.join(wanted)} document; "
            f"it breaks {_kinds_of(families[0])} documents."
        )
    return _corruptions(usable, None, wanted)


def _kinds_of(family: Family) -> str:
    return " and ".join(k for k in KINDS if k in family.bases)


def _as_document(document: Document | Mapping[str, Any]) -> Doc:
    if isinstance(document, Catalog | Report | Dataset | Forum):
        document = to_dict(document)
    if not isinstance(document, Mapping):
        raise InvalidArgument(
            f"document= must be a document object or a JSON dict (got {type(document).__name__})."
        )
    result = validate(document)
    if not result.valid:
        first = result.errors[0]
        raise InvalidArgument(
            f"document= must be a valid document; it has {len(result.errors)} error(s), the "
            f"first {first.code} at {first.pointer or '/'}."
        )
    return copy.deepcopy(dict(document))


@st.composite
def _corruptions(
    draw: st.DrawFn, families: tuple[Family, ...], document: Doc | None, kinds: tuple[str, ...]
) -> Corruption:
    family = families[draw(st.integers(0, len(families) - 1))]
    if document is None:
        options = [k for k in KINDS if k in family.bases and k in kinds]
        original = draw(_base(family.code, options[draw(st.integers(0, len(options) - 1))]))
    else:
        original = document
    known = facts(original)
    targets = family.targets(original, known)
    target = targets[draw(st.integers(0, len(targets) - 1))]
    broken = family.apply(draw, original, known, target)
    return Corruption(
        document=broken.document,
        code=family.code,
        pointer=pointer(broken.path),
        original=original,
        description=broken.description,
        max_size=broken.max_size,
    )

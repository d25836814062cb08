"""Valid documents broken in exactly one known way, with the issue validation must report."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

import attrs
import orjson
from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ranham.io import Document, to_dict
from ranham.model import Catalog, Dataset, Forum, Report, ReportStatus
from ranham.strategies import _additions as add
from ranham.strategies import _domain as dom
from ranham.strategies import _raw as raw
from ranham.strategies import _structure as struct
from ranham.strategies import _workflow as flow
from ranham.strategies._catalogs import catalogs
from ranham.strategies._context import (
    Context,
    as_context,
    context_reports,
    in_report,
    read_back,
    stand_in,
)
from ranham.strategies._datasets import clean_datasets
from ranham.strategies._documents import KINDS, forums, forums_with_follow_ups
from ranham.strategies._family import Broken, Family
from ranham.strategies._reports import reports, reports_with_entries
from ranham.strategies._shapes import Path, facts, pointer
from ranham.validation import ValidationResult, validate
from ranham.validation.codes import CODES

__all__ = [
    "CORRUPTION_CODES",
    "CORRUPTION_FAMILIES",
    "CORRUPTION_KINDS",
    "Corruption",
    "applicable",
    "corrupted",
]

Doc = dict[str, Any]

_SUBMITTED = (ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.VERIFIED)


@attrs.frozen(kw_only=True)
class Corruption:
    """A valid document broken in exactly one way, and the issue that validation must report.

    ``document`` is the broken JSON document: a ``dict`` (for the families that break a
    document's content) or ``bytes`` (for the raw-JSON families: ``encoding``, ``json-syntax``,
    ``too-large``, ``too-deep``, ``duplicate-key``, ``non-finite-number``, ``not-an-object``,
    ``unknown-kind``, ``unsupported-version``, and ``inexact-number``, which needs the text of
    a number). ``code`` is the issue code and ``pointer`` the JSON Pointer at which validation
    reports it; ``family`` names the family that broke it (see :func:`applicable`);
    ``max_size``, when not ``None``, is the size limit to validate with (``too-large``).
    ``original`` is the valid document it was made from and ``description`` says in English
    what was broken. ``context`` is the catalog or dataset the report is checked against
    (``None``: the document is checked alone): the caller's ``catalog=``, or one drawn for a
    family that needs it (``incomplete-report``).

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
    family: str = attrs.field(default=attrs.Factory(lambda self: self.code, takes_self=True))
    context: Catalog | Dataset | None = None

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

    def validate(self, catalog: Catalog | Dataset | None = None) -> ValidationResult:
        """Validate the broken document as the promise is stated (with ``max_size``).

        The document is checked against ``catalog`` (a :class:`~ranham.Catalog` or
        :class:`~ranham.Dataset`), by default against :attr:`context`; the promise holds for
        :attr:`context`, and for another catalog or dataset that the original fits as well.
        """
        return _validate(self.document, self.context if catalog is None else catalog, self.max_size)


def _validate(
    document: Doc | bytes, context: Catalog | Dataset | None, max_size: int | None
) -> ValidationResult:
    if max_size is None:
        return validate(document, catalog=context)
    return validate(document, catalog=context, max_size=max_size)


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
        "duplicate-id",
        False,
        {"dataset": lambda: clean_datasets(min_allegations=1).map(to_dict)},
        add.allegation_targets,
        add.allegation_duplicate,
        name="duplicate-id.allegation",
    ),
    Family(
        "unknown-reference",
        False,
        _DATASET_REPORTS,
        dom.reference_targets,
        dom.unknown_reference,
        reports=True,
    ),
    Family(
        "period-mismatch",
        False,
        {**_DATASET_REPORTS, "catalog": _catalog},
        dom.period_targets,
        dom.period_mismatch,
        reports=True,
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
    Family(
        "responsible-invalid",
        False,
        _CATALOGISH,
        add.province_targets,
        add.province_responsible,
        name="responsible-invalid.province",
    ),
    Family(
        "not-assigned",
        False,
        _DATASET_REPORTS,
        flow.not_assigned_targets,
        flow.not_assigned,
        reports=True,
    ),
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
        reports=True,
    ),
    Family(
        "early-submission",
        False,
        _SUBMITTED_REPORTS,
        flow.timing_targets,
        flow.early_submission,
        reports=True,
    ),
    Family(
        "recommendations-incomplete",
        False,
        {"forum": _forum},
        flow.incomplete_targets,
        flow.recommendations_incomplete,
    ),
    Family(
        "incomplete-report",
        False,
        {"report": st.nothing},  # drawn with a context: see _corruptions
        add.omission_targets,
        add.omit_measure,
        needs_context=True,
    ),
    Family("inexact-number", True, _ANY, add.inexact_targets, add.inexact_number),
)

FAMILIES: Mapping[str, Family] = {family.name: family for family in _FAMILIES}
"""Every corruption family by name, in the order of ``format.md``'s table."""

CORRUPTION_FAMILIES: tuple[str, ...] = tuple(FAMILIES)
"""The name of every corruption family: its issue code, or ``CODE.VARIANT`` for a further
family of that code (``duplicate-id.allegation``, ``responsible-invalid.province``)."""

CORRUPTION_CODES: tuple[str, ...] = tuple(dict.fromkeys(family.code for family in _FAMILIES))
"""The issue codes that :func:`corrupted` can produce: every code of ``format.md`` except
``unreadable`` (a path that cannot be read), the ``region-*`` codes (a region table),
``too-many-issues`` (a document with a thousand issues is not broken in one way) and
``internal`` (a defect of the validator, not of a document)."""


CORRUPTION_KINDS: Mapping[str, frozenset[str]] = {
    code: frozenset(kind for f in _FAMILIES if f.code == code for kind in f.bases)
    for code in CORRUPTION_CODES
}
"""For each code of :data:`CORRUPTION_CODES`, the document kinds its families can break
(``incomplete-report`` breaks reports checked against a catalog or dataset only)."""


def _in_context(family: Family) -> bool:
    """Whether ``family`` breaks a report checked against a catalog or dataset."""
    return family.reports or family.needs_context or "report" in family.bases


@cache
def _base(name: str, kind: str) -> st.SearchStrategy[Doc]:
    family = FAMILIES[name]
    return family.bases[kind]().filter(lambda doc: bool(family.targets(doc, facts(doc))))


def _targets(family: Family, document: Doc, context: Context | None) -> Sequence[Any]:
    """Where ``family`` can break ``document`` (checked alone, or against ``context``)."""
    if context is None:
        return () if family.needs_context else family.targets(document, facts(document))
    if document.get("kind") != "report" or not _in_context(family):
        return ()
    if family.raw:
        return family.targets(document, attrs.evolve(facts(document), context=True))
    stand = stand_in(context, document)
    known = attrs.evolve(facts(stand), context=True)
    return [t for t in family.targets(stand, known) if in_report(t, family.code, context.listed)]


# --- the strategy --------------------------------------------------------------------------------


def corrupted(
    document: Document | Mapping[str, Any] | None = None,
    *,
    code: str | None = None,
    family: str | None = None,
    kinds: Sequence[str] | None = None,
    catalog: Catalog | Dataset | Mapping[str, Any] | None = None,
) -> st.SearchStrategy[Corruption]:
    """Valid documents broken in exactly one way, as :class:`Corruption` values.

    ``code`` picks the families of one issue code of :data:`CORRUPTION_CODES`, ``family`` one
    family by name (:data:`CORRUPTION_FAMILIES`, :func:`applicable`); ``None`` draws any.
    ``document`` (a valid document object or JSON ``dict``) is the document to break; when
    ``None``, a document that the family can break is drawn, one that validates without any
    issue, of one of ``kinds`` (``"catalog"``, ``"report"``, ``"dataset"``, ``"forum"``; every
    kind when ``None``; see :data:`CORRUPTION_KINDS`).

    ``catalog`` (a :class:`~ranham.Catalog` or :class:`~ranham.Dataset`, or one as a parsed
    ``dict``; it must be valid) is the context your system checks reports against: the
    corruptions are then reports that fit it — drawn for its periods and actions and, for a
    dataset, its listed institutions, complete and on time — broken in a way that checking
    against it reveals (a wrong action or measure, an action not assigned, a measure left
    out, …), and :meth:`Corruption.validate` checks against it. Only reports are drawn then.
    ``incomplete-report`` needs a context: without ``catalog``, it draws one
    (:attr:`Corruption.context`).

    Raises :class:`~hypothesis.errors.InvalidArgument` for a code or family name without a
    family, an invalid document or context, or a family that cannot break the document or
    kinds given.

    >>> from ranham.strategies import corrupted
    >>> strategy = corrupted(code="naive-timestamp", kinds=["report"])
    """
    families = _chosen(code, family)
    context = None if catalog is None else as_context(catalog)
    wanted = KINDS if kinds is None else tuple(dict.fromkeys(kinds))
    unknown = [k for k in wanted if k not in KINDS]
    if unknown or not wanted:
        raise InvalidArgument(f"kinds= must name some of {', '.join(KINDS)} (got {kinds!r}).")
    if context is not None:
        if "report" not in wanted:
            raise InvalidArgument(
                "catalog= is what reports are checked against: it needs kinds= to include "
                f"report (got {kinds!r})."
            )
        wanted = ("report",)
    what = families[0].name if len(families) == 1 else code or "corruption"
    if document is not None:
        original = _as_document(document, context)
        kind = str(original["kind"])
        usable = tuple(f for f in families if _targets(f, original, context))
        if not usable or kind not in wanted:
            raise InvalidArgument(
                f"the {what} family finds nothing it can break in this {kind} document"
                + ("" if context is None else " checked against catalog=")
                + (f"; it breaks {_kinds_of(families[0])} documents" if code or family else "")
                + ("" if kind in wanted else f", and kinds= excludes {kind}")
                + "."
            )
        return _corruptions(usable, original, wanted, context)
    if context is None:
        usable = tuple(f for f in families if set(f.bases) & set(wanted))
    else:
        usable = tuple(f for f in families if _in_context(f))
    if not usable:
        raise InvalidArgument(
            f"the {what} family never breaks a {' or '.join(wanted)} document"
            + ("" if context is None else " checked against catalog=")
            + f"; it breaks {_kinds_of(families[0])} documents."
        )
    return _corruptions(usable, None, wanted, context)


def applicable(
    document: Document | Mapping[str, Any],
    *,
    catalog: Catalog | Dataset | Mapping[str, Any] | None = None,
) -> tuple[str, ...]:
    """The names of the families that can break ``document``, in :data:`CORRUPTION_FAMILIES` order.

    Each is a ``family=`` that ``corrupted(document, family=name, catalog=catalog)`` accepts.
    ``document`` must be valid (against ``catalog`` when given, which then also makes the
    families that need a context apply to a report). A family's name is its issue code, or
    ``CODE.VARIANT`` (see :attr:`Corruption.family`); raises
    :class:`~hypothesis.errors.InvalidArgument` for an invalid document or context.

    >>> from ranham import io
    >>> from ranham.strategies import applicable
    >>> from ranham.rules.cases import SHIPPED_CASES
    >>> dataset = io.load(SHIPPED_CASES / "bekasi-2022.json")
    >>> names = applicable(dataset.reports[0], catalog=dataset.catalog)
    >>> "incomplete-report" in names, "not-assigned" in names, "forum" in " ".join(names)
    (True, True, False)
    """
    context = None if catalog is None else as_context(catalog)
    original = _as_document(document, context)
    return tuple(f.name for f in _FAMILIES if _targets(f, original, context))


def _chosen(code: str | None, name: str | None) -> list[Family]:
    if name is not None:
        if name not in FAMILIES:
            raise InvalidArgument(
                f"family={name!r} is not a corruption family; the families are: "
                f"{', '.join(CORRUPTION_FAMILIES)}."
            )
        if code is not None and FAMILIES[name].code != code:
            raise InvalidArgument(f"family={name!r} breaks {FAMILIES[name].code}, not {code!r}.")
        return [FAMILIES[name]]
    if code is not None and code not in CORRUPTION_CODES:
        why = ""
        if code == "unreadable" or code.startswith("region-"):
            why = " (it needs a file system or a region table, not a document)"
        elif code in ("too-many-issues", "internal"):
            why = " (it is about a run of the validator, not one defect of a document)"
        raise InvalidArgument(
            f"code={code!r} has no corruption family{why}; "
            f"the codes are: {', '.join(CORRUPTION_CODES)}."
        )
    return [f for f in _FAMILIES if code is None or f.code == code]


def _kinds_of(family: Family) -> str:
    return " and ".join(k for k in KINDS if k in family.bases)


def _as_document(document: Document | Mapping[str, Any], context: Context | None) -> Doc:
    if isinstance(document, Catalog | Report | Dataset | Forum):
        document = to_dict(document)
    if not isinstance(document, Mapping):
        raise InvalidArgument(
            f"document= must be a document object or a JSON dict (got {type(document).__name__})."
        )
    result = _validate(dict(document), None if context is None else context.target, None)
    if not result.valid:
        first = result.errors[0]
        against = "" if context is None else " against catalog="
        raise InvalidArgument(
            f"document= must be a valid document{against}; it has {len(result.errors)} "
            f"error(s), the first {first.code} at {first.pointer or '/'}."
        )
    return copy.deepcopy(dict(document))


@st.composite
def _corruptions(
    draw: st.DrawFn,
    families: tuple[Family, ...],
    document: Doc | None,
    kinds: tuple[str, ...],
    context: Context | None,
) -> Corruption:
    family = families[draw(st.integers(0, len(families) - 1))]
    if document is not None:
        original = document
    elif context is not None or family.needs_context:
        if context is None:  # a family that needs one: draw it, and say so in the result
            context = Context.of(draw(catalogs()))
        original = _breakable_report(draw, family, context)
    else:
        options = [k for k in KINDS if k in family.bases and k in kinds]
        original = draw(_base(family.name, options[draw(st.integers(0, len(options) - 1))]))
    broken, path = _break(draw, family, original, context)
    return Corruption(
        document=broken.document,
        code=family.code,
        pointer=pointer(path),
        original=original,
        description=broken.description,
        max_size=broken.max_size,
        family=family.name,
        context=None if context is None else context.target,
    )


_REPORT_ATTEMPTS = 12
"""Reports drawn for a context until one gives the family something to break."""


def _breakable_report(draw: st.DrawFn, family: Family, context: Context) -> Doc:
    """A report valid against ``context`` that ``family`` can break.

    Some families are rarely met in a drawn report (``assessment-missing`` needs a verified
    report that assesses a measure): a ``.filter`` would throw most drawn examples away and
    fail Hypothesis' ``filter_too_much`` health check now and then, in the caller's test. So
    this draws up to :data:`_REPORT_ATTEMPTS` reports within one example and rejects the
    example only if none fits.
    """
    for _ in range(_REPORT_ATTEMPTS):
        candidate = to_dict(draw(context_reports(context)))
        if _targets(family, candidate, context):
            break
    else:
        reject()
    return candidate


def _break(
    draw: st.DrawFn, family: Family, original: Doc, context: Context | None
) -> tuple[Broken, Path]:
    if context is None or family.raw:
        known = facts(original)
        if context is not None:
            known = attrs.evolve(known, context=True)
        targets = family.targets(original, known)
        target = targets[draw(st.integers(0, len(targets) - 1))]
        broken = family.apply(draw, original, known, target)
        return broken, broken.path
    stand = stand_in(context, original)
    targets = _targets(family, original, context)
    target = targets[draw(st.integers(0, len(targets) - 1))]
    known = attrs.evolve(facts(stand), context=True)
    broken = family.apply(draw, stand, known, target)
    header = {k: original[k] for k in ("kind", "schema_version")}
    found = read_back(stand, broken.document, broken.path, header)
    if found is None:  # pragma: no cover - the targets are inside the report
        reject()
    report, path = found
    return broken._replace(document=report, path=path), path

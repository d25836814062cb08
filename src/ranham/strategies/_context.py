"""Reports checked against the caller's catalog or dataset, and how families break them.

A report checked against a context gets the rules that concern one report inside a dataset
(``format.md``): references, periods, windows, assignment, and completeness. So the families
break it as they would break the one report of a dataset made of the context and that report
(the *stand-in*): the targets inside the report are kept, the break is read back out of the
stand-in, and its path loses the ``/reports/0`` prefix. Against a catalog alone there is no
institution list, so the stand-in lists the report's institution, drawn autonomous (a catalog
alone takes every institution as autonomous), and no family points the report's
``institution`` elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ranham.io import converter, from_dict, to_dict
from ranham.model import (
    Catalog,
    Dataset,
    Institution,
    InstitutionKind,
    Report,
    code_fits_kind,
    is_assigned,
)
from ranham.periods import Timing
from ranham.strategies._entities import institutions
from ranham.strategies._reports import STATUSES, agencies_named, draw_report
from ranham.strategies._shapes import Path
from ranham.strategies._values import pick
from ranham.validation import validate

__all__ = ["Context", "as_context", "context_reports", "in_report", "read_back", "stand_in"]

Doc = dict[str, Any]
_HEADER = ("kind", "schema_version")
_REPORT: Path = ("reports", 0)


@attrs.frozen(eq=False)
class Context:
    """A catalog or dataset that reports are checked against, with its JSON parts."""

    target: Catalog | Dataset
    catalog: Catalog
    institutions: tuple[Institution, ...] | None
    catalog_json: Doc
    institutions_json: tuple[Doc, ...]

    @classmethod
    def of(cls, target: Catalog | Dataset) -> Context:
        """The context of a catalog or dataset object (not checked: see :func:`as_context`)."""
        body = {k: v for k, v in to_dict(target).items() if k not in _HEADER}
        if isinstance(target, Dataset):
            return cls(
                target,
                target.catalog,
                target.institutions,
                body["catalog"],
                tuple(body["institutions"]),
            )
        return cls(target, target, None, body, ())

    @property
    def listed(self) -> bool:
        """Whether the context lists institutions (a dataset)."""
        return self.institutions is not None


def as_context(value: object) -> Context:
    """Check a ``catalog=`` argument: a valid catalog or dataset, as an object or a dict."""
    if isinstance(value, Mapping):
        result = validate(dict(value))
        if result.valid and result.kind in ("catalog", "dataset"):
            value = from_dict(value)
        else:
            _refuse(value, result.kind, result.errors[0].code if result.errors else None)
    if not isinstance(value, Catalog | Dataset):
        raise InvalidArgument(
            "catalog= must be a Catalog or Dataset, or a parsed catalog or dataset document "
            f"(got {type(value).__name__})."
        )
    errors = validate(to_dict(value)).errors
    if errors:
        _refuse(value, None, errors[0].code)
    if isinstance(value, Dataset) and not value.institutions:
        raise InvalidArgument("catalog= is a dataset without institutions: no report fits it.")
    return Context.of(value)


def _refuse(value: object, kind: str | None, code: str | None) -> None:
    if code is None:
        raise InvalidArgument(f"catalog= must be a catalog or dataset document (got a {kind}).")
    raise InvalidArgument(
        f"catalog= must be a valid catalog or dataset: nothing can be promised against an "
        f"invalid one (its first error is {code})."
    )


def context_reports(context: Context) -> st.SearchStrategy[Report]:
    """Reports valid against ``context`` without any issue: complete, submitted on time."""
    return _context_reports(context)


@st.composite
def _context_reports(draw: st.DrawFn, context: Context) -> Report:
    catalog = context.catalog
    if context.institutions is not None:
        listed = context.institutions
        busy = [i for i in listed if any(is_assigned(a, i) for a in catalog.actions)]
        institution = pick(draw, busy or listed) if draw(st.integers(0, 3)) else pick(draw, listed)
    else:
        named = tuple(dict.fromkeys(code for a in catalog.actions for code in a.responsible))
        choices = institutions(autonomous=True)
        if named:
            choices = st.one_of(agencies_named(named), choices)
        institution = draw(choices)
    period = pick(draw, catalog.periods)
    return draw_report(
        draw, catalog, institution, period, STATUSES, (Timing.ON_TIME,), 3, 0, complete=True
    )


def stand_in(context: Context, report: Doc) -> Doc:
    """The dataset of ``context`` holding ``report`` (a report document) as its one report."""
    if context.listed:
        listed = list(context.institutions_json)
    else:
        code = report["institution"]
        institution = _institution_for(context, code)
        listed = [converter.unstructure(institution)]
    return {
        "kind": "dataset",
        "schema_version": report["schema_version"],
        "catalog": context.catalog_json,
        "institutions": listed,
        "reports": [{k: v for k, v in report.items() if k not in _HEADER}],
    }


def _institution_for(context: Context, code: str) -> Institution:
    """The institution a catalog alone assumes: of the code's kind, autonomous."""
    kind = next(k for k in InstitutionKind if code_fits_kind(code, k))
    parent = code[:2] if kind in (InstitutionKind.REGENCY, InstitutionKind.CITY) else None
    return Institution(code=code, kind=kind, name="-", parent=parent)


def read_back(stand: Doc, broken: Any, path: Path, header: Doc) -> tuple[Doc, Path] | None:
    """The broken report and its path, or ``None`` when the break reached beyond the report."""
    if not isinstance(broken, dict) or path[:2] != _REPORT:
        return None
    reports = broken.get("reports")
    if not isinstance(reports, list) or len(reports) != 1 or not isinstance(reports[0], dict):
        return None
    if any(broken.get(k) != stand.get(k) for k in ("catalog", "institutions")) or set(
        broken
    ) != set(stand):
        return None
    return {**header, **reports[0]}, path[2:]


def in_report(target: object, family: str, listed: bool) -> bool:
    """Whether a family's target lies inside the stand-in's report (and means the same)."""
    paths = _paths(target)
    if not paths:  # a report index, alone or first in a tuple
        first = target[0] if isinstance(target, tuple) and target else target
        return first == 0 and type(first) is int
    if not listed and family == "unknown-reference" and (*_REPORT, "institution") in paths:
        return False  # a catalog alone lists no institution
    return all(len(p) >= 2 and p[:2] == _REPORT for p in paths)


def _is_path(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and bool(value)
        and isinstance(value[0], str)
        and all(isinstance(s, str | int) for s in value)
    )


def _paths(target: object) -> list[Path]:
    if _is_path(target):
        assert isinstance(target, tuple)
        return [target]
    if isinstance(target, tuple):
        return [part for part in target if _is_path(part)]
    return []

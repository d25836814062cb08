"""The fast path: check a parsed document and build its entities in one pass.

Most documents a receiving system sees are valid. For them, validation need not collect issues:
it must prove that none exists, and the objects a reader wants can be built on the way. This
module generates, for each entity class, one function that checks every member of a parsed JSON
object (types, patterns, bounds, value sets — read from the model's field checks, like the walk
in :mod:`ranham.validation._walk`) and builds the entity without running its field validators a
second time; the entity's own ``__attrs_post_init__`` then checks what relates its members (the
workflow of a report, a catalog's windows, every reference inside a dataset). What it checks
beyond one entity (a report against the caller's catalog, the forum's declared counts, the
warnings) calls the same predicates as the constructors and the careful walk
(:mod:`ranham.model._invariants`).

On the first problem it gives up (:class:`Bail`), and :func:`ranham.validation.validate` runs
the careful walk and the domain rules, which find and explain every issue. So the fast path
never has to explain anything, and the careful path stays the one place where issues are
described. The test suite checks that both paths agree on every document of the issue corpus,
on every corruption family and on mutated documents.
"""

from __future__ import annotations

import inspect
import linecache
import types
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import attrs

from ranham import model
from ranham.model._invariants import declared_counts, report_period
from ranham.validation._kinds import Bail, Counter, describe
from ranham.validation._rules import (
    CatalogView,
    incomplete_report,
    reference_problems,
    submission_warning,
)
from ranham.validation._walk import DOCUMENT_CLASSES, Path, RawIssue, inexact_numbers

__all__ = ["Bail", "Built", "build_document", "check_fast", "entity_builder"]


@attrs.define
class Built:
    """A document built on the fast path.

    Also the number of object keys it read, and whether it read a float (in ``extensions``).
    """

    document: Any
    keys: int
    floats: bool = False
    colons: int = 0
    inexact: bool = False


_HEADER = frozenset({"kind", "schema_version"})
_new = object.__new__
_set = object.__setattr__


class _To:
    """What the fast-path generator gives a field kind: names in the code, nested builders."""

    __slots__ = ("member", "names")

    def __init__(self, names: dict[str, Any], member: str) -> None:
        self.names = names
        self.member = member

    def bind(self, prefix: str, value: Any) -> str:
        name = f"{prefix}_{self.member}"
        assert self.names.get(name, value) is value, name
        self.names[name] = value
        return name

    def entity(self, cls: type) -> str:
        return self.bind("b", entity_builder(cls))


Builder = Callable[[Any, int, Counter], Any]
"""``builder(raw_value, depth, counter) -> domain value``; raises :class:`Bail`."""


@cache
def entity_builder(cls: type) -> Builder:
    """The fast check-and-build function of an entity class (generated once, then cached)."""
    fields = describe(cls)
    names: dict[str, Any] = {"Bail": Bail, "_new": _new, "_set": _set, "cls": cls}
    required = [info for info in fields if info.required]
    defaults = {f.name: f.default for f in attrs.fields(cls) if f.init}
    lines = [
        "def build(raw, depth, counter):",
        "    if type(raw) is not dict:",
        "        raise Bail",
        "    size = len(raw)",
        "    counter.keys += size",
        f"    present = {len(required)}",
    ]
    for info in fields:
        code = info.kind.fast(info.check, _To(names, info.name))
        if info.required:
            lines.append(f"    v = raw[{info.name!r}]")
            lines += [f"    {line}" for line in code]
        else:
            default = defaults[info.name]
            names[f"d_{info.name}"] = (
                default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
            )
            lines += [
                f"    v = raw.get({info.name!r}, Bail)",
                "    if v is Bail:",
                f"        v = d_{info.name}",
                "    else:",
                "        present += 1",
            ]
            lines += [f"        {line}" for line in code]
        lines.append(f"    f_{info.name} = v")
    lines += [
        "    if present != size:",
        "        raise Bail",
        "    obj = _new(cls)",
    ]
    for info in fields:
        slot = inspect.getattr_static(cls, info.name, None)
        if type(slot) is types.MemberDescriptorType:
            # a slotted class: the slot's own setter skips object.__setattr__'s lookup by name
            names[f"set_{info.name}"] = slot.__set__
            lines.append(f"    set_{info.name}(obj, f_{info.name})")
        else:  # pragma: no cover - every entity is slotted
            lines.append(f"    _set(obj, {info.name!r}, f_{info.name})")
    if "__attrs_post_init__" in cls.__dict__:
        lines.append("    obj.__attrs_post_init__()")
    lines.append("    return obj")
    source = "\n".join(lines) + "\n"
    # A file name of its own and a linecache entry, as attrs and cattrs do for generated code:
    # a traceback through it shows the generated lines, not "<string>".
    filename = f"<ranham generated fast builder {cls.__module__}.{cls.__qualname__}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), names)
    return names["build"]  # type: ignore[no-any-return]


_CAUGHT = (Bail, LookupError, ValueError)
"""What makes the fast path give up, and nothing else: a missing member or an unknown value
(``LookupError``), a value the domain refuses (``ValueError``: every ``InvariantError``), or a
:class:`Bail`. The careful path then explains (or finds nothing). Any other exception is a
defect of ``ranham`` and reaches :func:`ranham.validation.validate`, which reports it as an
``internal`` issue instead of hiding it behind the slower path."""


def build_document(value: Mapping[str, Any], kind: str) -> Built | None:
    """Build document ``value`` of ``kind`` (its header already checked), or ``None``."""
    if type(value) is not dict:  # a DupDict from the careful parser: repeated keys to report
        return None
    counter = Counter()
    body = {k: v for k, v in value.items() if k not in _HEADER}
    try:
        document = entity_builder(DOCUMENT_CLASSES[kind])(body, 1, counter)
    except _CAUGHT:
        return None
    return Built(
        document,
        counter.keys + len(value) - len(body),
        counter.floats,
        counter.colons,
        counter.inexact,
    )


# --- what the fast path checks on built objects --------------------------------------------------


def report_fits(report: model.Report, view: CatalogView) -> bool:
    """Whether a report alone agrees with a catalog (periods, references, assignment).

    The same predicates as the careful walk's (:mod:`ranham.model._invariants`): any problem
    sends the report to the careful path, which explains it.
    """
    period = report.period
    if report_period(period, view.periods, view.year) is not None:
        return False
    assignee = view.assignee(report.institution)
    if assignee is None:  # not listed in the dataset given as context
        return False
    for _problem in reference_problems(view, assignee, period, report.entries, assignee.code):
        return False
    return True


def timing_warnings(
    report: model.Report, raw: Mapping[str, Any], here: Path, view: CatalogView
) -> list[RawIssue]:
    """``late-submission`` or ``early-submission`` for a report, as the careful path gives it."""
    window = view.windows.get(report.period.code)
    if window is None or view.tz is None:
        return []
    for index, change in enumerate(report.history):
        if change.status is not model.ReportStatus.SUBMITTED:
            continue
        where = (*here, "history", index, "at")
        at_text = raw["history"][index]["at"]
        found = submission_warning(change.at, at_text, report.period, window, view.tz, where)
        return [] if found is None else [found]
    return []


def forum_warnings(forum: model.Forum) -> list[RawIssue]:
    """``recommendations-incomplete`` for each addressee with fewer listed than declared."""
    counts = {addressee: len(forum.listed(addressee)) for addressee in model.Addressee}
    declared = {addressee: forum.declared[addressee] for addressee in model.Addressee}
    return [
        RawIssue(p.code, p.key, p.path, dict(p.params))
        for p in declared_counts(counts, declared)
        if p.warning
    ]


def check_fast(
    value: Mapping[str, Any], kind: str, view: CatalogView | None
) -> tuple[Built, list[RawIssue]] | None:
    """Build a document and find its warnings, or ``None`` when the careful path must look."""
    built = build_document(value, kind)
    if built is None:
        return None
    document = built.document
    warnings: list[RawIssue] = inexact_numbers(value) if built.inexact else []
    if kind == "report" and view is not None:
        if not view.complete or not report_fits(document, view):
            return None
        warnings += timing_warnings(document, value, (), view)
        listed = {m.measure for entry in document.entries for m in entry.measures}
        assignee = view.assignee(document.institution)
        incomplete = incomplete_report(view, assignee, document.period, listed, ())
        if incomplete is not None:
            warnings.append(incomplete)
    elif kind == "dataset":
        view = CatalogView.from_catalog(document.catalog)
        for index, report in enumerate(document.reports):
            warnings += timing_warnings(report, value["reports"][index], ("reports", index), view)
    elif kind == "forum":
        warnings += forum_warnings(document)
    return built, warnings

"""The shapes of ``format.md``'s objects, as the corruption strategies walk a JSON document.

Written from the spec's field table (not from the model), so that the corruptions test the
validator against the contract rather than against itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

__all__ = [
    "HEADER",
    "SHAPES",
    "Facts",
    "Member",
    "Node",
    "Path",
    "blank_is_safe",
    "facts",
    "get",
    "members",
    "nodes",
    "pointer",
]

Path = tuple[str | int, ...]


@attrs.frozen
class Member:
    """One member of an object: its JSON type, whether required, and what it holds.

    ``child`` names the shape of an object member or of an array's items (``"item"`` for an
    array of strings, ``"windows"`` for a catalog's windows, ``"free"`` for ``extensions``);
    ``role`` says what a string is (``text``, ``slug``, ``date``, ``timestamp``, ``enum``, …).
    """

    type: str
    required: bool = True
    child: str | None = None
    role: str | None = None


def _s(role: str, required: bool = True) -> Member:
    return Member("string", required, None, role)


_EXT = Member("object", False, "free")

SHAPES: dict[str, dict[str, Member]] = {
    "plan": {
        "id": _s("slug"),
        "title": _s("text"),
        "legal_basis": _s("text"),
        "start_year": Member("integer", role="year"),
        "end_year": Member("integer", role="year"),
        "target_groups": Member("array", child="item", role="target_group"),
        "periods": Member("array", child="item", role="period_code"),
        "timezone": _s("timezone"),
    },
    "catalog": {
        "plan": Member("object", child="plan"),
        "year": Member("integer", role="year"),
        "windows": Member("object", child="windows"),
        "actions": Member("array", child="action"),
        "extensions": _EXT,
    },
    "window": {"opens": _s("date"), "closes": _s("date")},
    "action": {
        "id": _s("slug"),
        "tier": _s("tier"),
        "number": Member("integer", role="number"),
        "target_group": _s("target_group"),
        "title": _s("text"),
        "intended_result": _s("text", False),
        "success_criteria": _s("text", False),
        "responsible": Member("array", False, "item", "agency"),
        "measures": Member("array", child="measure"),
        "extensions": _EXT,
    },
    "measure": {"id": _s("slug"), "period": _s("period_code"), "description": _s("text")},
    "institution": {
        "code": _s("institution_code"),
        "kind": _s("institution_kind"),
        "name": _s("text"),
        "parent": _s("province", False),
        "autonomous": Member("boolean", False),
    },
    "report": {
        "institution": _s("institution_code"),
        "period": _s("reporting_period"),
        "status": _s("report_status"),
        "history": Member("array", child="change"),
        "entries": Member("array", child="entry"),
        "extensions": _EXT,
    },
    "change": {
        "status": _s("report_status"),
        "at": _s("timestamp"),
        "by": _s("text", False),
        "note": _s("text", False),
    },
    "entry": {
        "action": _s("slug"),
        "measures": Member("array", child="measure_entry"),
        "extensions": _EXT,
    },
    "measure_entry": {
        "measure": _s("slug"),
        "claimed": Member("boolean"),
        "narrative": _s("text", False),
        "evidence": Member("array", False, "evidence"),
        "assessment": Member("object", False, "assessment"),
    },
    "evidence": {
        "kind": _s("evidence_kind"),
        "title": _s("text"),
        "uri": _s("uri", False),
        "letterhead": Member("boolean"),
        "signed": Member("boolean"),
    },
    "assessment": {
        "administrative": Member("boolean"),
        "substantive": Member("boolean"),
        "note": _s("text", False),
    },
    "dataset": {
        "catalog": Member("object", child="catalog"),
        "institutions": Member("array", child="institution"),
        "reports": Member("array", child="report"),
        "allegations": Member("array", False, "allegation"),
        "extensions": _EXT,
    },
    "allegation": {
        "institution": _s("institution_code"),
        "reported_on": _s("date"),
        "reference": _s("text"),
    },
    "forum": {
        "id": _s("slug"),
        "title": _s("text"),
        "start_date": _s("date"),
        "end_date": _s("date"),
        "location": _s("text"),
        "sources": Member("array", False, "item", "text"),
        "declared": Member("object", child="declared"),
        "recommendations": Member("array", child="recommendation"),
        "extensions": _EXT,
    },
    "declared": {
        "panranham": Member("integer", role="count"),
        "pelaksana": Member("integer", role="count"),
    },
    "recommendation": {
        "id": _s("slug"),
        "addressee": _s("addressee"),
        "theme": _s("theme"),
        "text": _s("text"),
        "due": _s("date", False),
        "follow_ups": Member("array", False, "follow_up"),
        "extensions": _EXT,
    },
    "follow_up": {
        "on": _s("date"),
        "status": _s("follow_up_status"),
        "note": _s("text", False),
        "links": Member("array", False, "item", "link"),
    },
}
"""Every object of ``format.md`` (documents by their kind), member by member, in spec order."""

HEADER = ("kind", "schema_version")


@attrs.frozen
class Node:
    """An object of a document: where it is, what shape it has, and the object itself."""

    path: Path
    shape: str
    value: dict[str, Any]


def nodes(document: dict[str, Any]) -> list[Node]:
    """Every object of ``document`` that ``format.md`` defines, in document order."""
    found: list[Node] = []
    _visit(document, str(document.get("kind")), (), found)
    return found


def _visit(value: Any, shape: str, path: Path, found: list[Node]) -> None:
    if not isinstance(value, dict) or shape not in SHAPES:
        return
    found.append(Node(path, shape, value))
    for name, member in SHAPES[shape].items():
        if name not in value:
            continue
        child = value[name]
        if member.child == "windows" and isinstance(child, dict):
            for code, window in child.items():
                _visit(window, "window", (*path, name, code), found)
        elif member.type == "object" and member.child is not None:
            _visit(child, member.child, (*path, name), found)
        elif member.type == "array" and isinstance(child, list):
            for index, item in enumerate(child):
                _visit(item, member.child or "", (*path, name, index), found)


def members(document: dict[str, Any]) -> Iterator[tuple[Path, Member, Any]]:
    """Every member of every object of ``document`` (the header excluded), with its value."""
    for node in nodes(document):
        for name, value in node.value.items():
            member = SHAPES[node.shape].get(name)
            if member is not None:
                yield (*node.path, name), member, value


def pointer(path: Path) -> str:
    """The RFC 6901 JSON Pointer of ``path``."""
    return "".join("/" + str(s).replace("~", "~0").replace("/", "~1") for s in path)


def get(document: Any, path: Path) -> Any:
    """The value at ``path``."""
    for segment in path:
        document = document[segment]
    return document


# --- what a document references: what a corruption must not disturb ------------------------------


@attrs.frozen
class Facts:
    """What the rules of a document read across objects, so corruptions can keep clear of it.

    ``catalog`` and ``reports`` are the paths of the catalog and report objects (a dataset
    holds both); the sets hold what a dataset's reports, allegations and ``kl`` actions refer
    to; ``moving_status`` holds the ``status`` members whose loss would move a report's
    submission time to a later change. ``context`` says that the document stands for one
    report checked against a catalog or dataset (see :mod:`ranham.strategies._context`), so
    that the report is checked for completeness.
    """

    kind: str
    catalog: Path | None
    reports: tuple[Path, ...]
    dataset: bool
    entry_actions: frozenset[str] = frozenset()
    entry_measures: frozenset[str] = frozenset()
    any_entries: bool = False
    referenced_codes: frozenset[str] = frozenset()
    responsible_codes: frozenset[str] = frozenset()
    moving_status: frozenset[Path] = frozenset()
    context: bool = False


def facts(document: dict[str, Any]) -> Facts:
    """The :class:`Facts` of a valid document."""
    kind = str(document.get("kind"))
    if kind == "catalog":
        return Facts(kind, (), (), False)
    if kind == "report":
        return Facts(kind, None, ((),), False)
    if kind != "dataset":
        return Facts(kind, None, (), False)
    reports = document.get("reports", [])
    entries = [e for r in reports for e in r.get("entries", [])]
    responsible = {
        code for a in document["catalog"].get("actions", []) for code in a.get("responsible", [])
    }
    referenced = {r["institution"] for r in reports}
    referenced |= {a["institution"] for a in document.get("allegations", [])}
    moving: set[Path] = set()
    for index, report in enumerate(reports):
        submitted = [
            i for i, c in enumerate(report.get("history", [])) if c.get("status") == "submitted"
        ]
        if len(submitted) > 1:
            moving.add(("reports", index, "history", submitted[0], "status"))
    return Facts(
        kind,
        ("catalog",),
        tuple(("reports", i) for i in range(len(reports))),
        True,
        entry_actions=frozenset(e["action"] for e in entries),
        entry_measures=frozenset(m["measure"] for e in entries for m in e.get("measures", [])),
        any_entries=bool(entries),
        referenced_codes=frozenset(referenced | responsible),
        responsible_codes=frozenset(responsible),
        moving_status=frozenset(moving),
    )


def blank_is_safe(document: dict[str, Any], known: Facts, path: Path) -> bool:
    """Whether making the member at ``path`` unusable silences only rules with nothing to say.

    Inside a dataset, a broken action id, measure list, measure id or institution code would
    turn every reference to it into ``unknown-reference``; a broken catalog, or action list,
    would do so for every entry; a broken institution kind would make a ``responsible`` code
    unlisted; a broken status of a report's first submission would move its submission time.
    """
    if known.context and _lists_a_measure(known, path):
        return False
    if not known.dataset:
        return True
    if path in (("catalog",), ("catalog", "actions")):
        return not known.any_entries
    if path in known.moving_status:
        return False
    if len(path) >= 4 and path[:2] == ("catalog", "actions"):
        action = get(document, path[:3])
        if len(path) == 4 and path[3] == "id":
            return action["id"] not in known.entry_actions
        if len(path) == 4 and path[3] == "measures":
            return not any(m["id"] in known.entry_measures for m in action["measures"])
        if len(path) == 6 and path[3] == "measures" and path[5] == "id":
            return get(document, path) not in known.entry_measures
    if len(path) == 3 and path[0] == "institutions":
        code = get(document, path[:2])["code"]
        if path[2] == "code":
            return code not in known.referenced_codes
        if path[2] == "kind":
            return code not in known.responsible_codes
    return True


def _lists_a_measure(known: Facts, path: Path) -> bool:
    """Whether ``path`` is a report's entries or what says which measures an entry lists.

    Against a context, a report is checked for completeness, and an unusable entry or
    measure reference might hide a measure the report lists.
    """
    for base in known.reports:
        if path[: len(base)] != base or path[len(base) : len(base) + 1] != ("entries",):
            continue
        tail = path[len(base) + 1 :]
        return (
            len(tail) == 0
            or (len(tail) == 2 and tail[1] in ("action", "measures"))
            or (len(tail) == 4 and tail[3] == "measure")
        )
    return False

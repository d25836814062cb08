"""Corruption families for the workflow of reports, their timing, and forums."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from ranham.io import format_timestamp
from ranham.periods import zone
from ranham.strategies._domain import _reports, _shifted
from ranham.strategies._family import Broken, copy_of
from ranham.strategies._shapes import Facts, Path, get

__all__ = [
    "assessment_missing",
    "assessment_unexpected",
    "declared_exceeded",
    "early_submission",
    "follow_up_order",
    "history_order",
    "invalid_transition",
    "late_submission",
    "not_assigned",
    "recommendations_incomplete",
]

Doc = dict[str, Any]
_TIER = {"kementerian": "kl", "lembaga": "kl", "provinsi": "provinsi"}


# --- reports -------------------------------------------------------------------------------------


def _assigned(action: Doc, inst: Doc) -> bool:
    if action["tier"] == "kl":
        return inst["code"] in action.get("responsible", [])
    tier = _TIER.get(inst["kind"], "kabkota")
    return bool(action["tier"] == tier and inst.get("autonomous", True))


def not_assigned_targets(doc: Doc, known: Facts) -> list[tuple[int, str]]:
    """(report, action) pairs where the action is not assigned to the report's institution."""
    if not known.dataset:
        return []
    listed = {i["code"]: i for i in doc["institutions"]}
    out = []
    for r, report in enumerate(doc["reports"]):
        inst = listed[report["institution"]]
        named = {e["action"] for e in report["entries"]}
        out += [
            (r, a["id"])
            for a in doc["catalog"]["actions"]
            if a["id"] not in named and not _assigned(a, inst)
        ]
    return out


def not_assigned(draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[int, str]) -> Broken:
    """Add an entry (without measures) for an action assigned to others."""
    r, action_id = target
    broken = copy_of(doc)
    entries = broken["reports"][r]["entries"]
    entries.append({"action": action_id, "measures": []})
    path: Path = ("reports", r, "entries", len(entries) - 1, "action")
    return Broken(broken, path, f"added an entry for {action_id!r}, assigned to others")


def transition_targets(doc: Doc, known: Facts) -> list[tuple[Path, str]]:
    """Reports whose last change can repeat, or whose status can disagree with the history."""
    out = []
    for base, report in _reports(doc, known):
        if report["history"]:
            out.append((base, "repeat"))
        assessed = ["assessment" in m for e in report["entries"] for m in e["measures"]]
        status = report["status"]
        other = {"draft": "submitted", "submitted": "draft", "verified": "returned"}.get(status)
        if status == "returned":
            other = "verified" if all(assessed) else "submitted" if not any(assessed) else None
        if other is not None:
            out.append((base, other))
    return out


def invalid_transition(draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[Path, str]) -> Broken:
    """Repeat the last status change, or let ``status`` disagree with the history."""
    base, variant = target
    broken = copy_of(doc)
    report = get(broken, base)
    if variant == "repeat":
        report["history"].append(dict(report["history"][-1]))
        path: Path = (*base, "history", len(report["history"]) - 1, "status")
        return Broken(broken, path, "repeated the last status change")
    report["status"] = variant
    return Broken(broken, (*base, "status"), f"set the status to {variant!r}")


def _parse(at: str) -> datetime:
    return datetime.fromisoformat(at)


def order_targets(doc: Doc, known: Facts) -> list[tuple[Path, int]]:
    """Every status change after the first."""
    return [
        (base, k) for base, report in _reports(doc, known) for k in range(1, len(report["history"]))
    ]


def history_order(draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[Path, int]) -> Broken:
    """Date a status change before the one before it."""
    base, k = target
    broken = copy_of(doc)
    history = get(broken, base)["history"]
    before, here = _parse(history[k - 1]["at"]), _parse(history[k]["at"])
    gap = timedelta(seconds=draw(st.integers(1, 2 * 86400)))
    assert here.tzinfo is not None
    history[k]["at"] = format_timestamp((before - gap).astimezone(here.tzinfo))
    return Broken(broken, (*base, "history", k, "at"), "dated a change before the one before it")


def assessment_targets(doc: Doc, known: Facts, statuses: tuple[str, ...]) -> list[Path]:
    """Measure entries of reports in ``statuses``."""
    return [
        (*base, "entries", e, "measures", m, "assessment")
        for base, report in _reports(doc, known)
        if report["status"] in statuses
        for e, entry in enumerate(report["entries"])
        for m in range(len(entry["measures"]))
    ]


def assessment_missing(draw: st.DrawFn, doc: Doc, known: Facts, path: Path) -> Broken:
    """Remove the assessment of a measure of a verified report."""
    broken = copy_of(doc)
    del get(broken, path[:-1])["assessment"]
    return Broken(broken, path, "removed an assessment from a verified report")


def assessment_unexpected(draw: st.DrawFn, doc: Doc, known: Facts, path: Path) -> Broken:
    """Assess a measure of a draft or submitted report."""
    broken = copy_of(doc)
    get(broken, path[:-1])["assessment"] = {
        "administrative": draw(st.booleans()),
        "substantive": draw(st.booleans()),
    }
    return Broken(broken, path, "assessed a measure of a report that is not yet verified")


def timing_targets(doc: Doc, known: Facts) -> list[int]:
    """Reports of a dataset that were submitted."""
    if not known.dataset:
        return []
    return [
        r
        for r, report in enumerate(doc["reports"])
        if any(c["status"] == "submitted" for c in report["history"])
    ]


def _submission(doc: Doc, r: int, late: bool, draw: st.DrawFn) -> Broken:
    broken = copy_of(doc)
    report = broken["reports"][r]
    history = report["history"]
    first = next(i for i, c in enumerate(history) if c["status"] == "submitted")
    cat = doc["catalog"]
    where = zone(cat["plan"]["timezone"])
    window = cat["windows"][report["period"][5:]]
    opens, closes = date.fromisoformat(window["opens"]), date.fromisoformat(window["closes"])
    at = _parse(history[first]["at"])
    if late:
        target = closes + timedelta(days=draw(st.integers(1, 60)))
    else:
        target = opens - timedelta(days=draw(st.integers(1, 30)))
    shift = timedelta(days=(target - at.astimezone(where).date()).days)
    while True:  # a change of UTC offset in the plan's zone may need one more day
        local = (at + shift).astimezone(where).date()
        if (late and local > closes) or (not late and local < opens):
            break
        shift += timedelta(days=1 if late else -1)
    for change in history:
        change["at"] = format_timestamp(_parse(change["at"]) + shift)
    path: Path = ("reports", r, "history", first, "at")
    word = "after the window closed" if late else "before the window opened"
    return Broken(broken, path, f"moved the whole history so that it was submitted {word}")


def late_submission(draw: st.DrawFn, doc: Doc, known: Facts, r: int) -> Broken:
    """Move a report's history so that it was first submitted after its window closed."""
    return _submission(doc, r, True, draw)


def early_submission(draw: st.DrawFn, doc: Doc, known: Facts, r: int) -> Broken:
    """Move a report's history so that it was first submitted before its window opened."""
    return _submission(doc, r, False, draw)


# --- forums --------------------------------------------------------------------------------------


def _counts(doc: Doc) -> Counter[str]:
    return Counter(r["addressee"] for r in doc["recommendations"])


def exceeded_targets(doc: Doc, known: Facts) -> list[str]:
    """Addressees with at least one recommendation."""
    if known.kind != "forum":
        return []
    return [a for a, n in sorted(_counts(doc).items()) if n]


def declared_exceeded(draw: st.DrawFn, doc: Doc, known: Facts, addressee: str) -> Broken:
    """Declare fewer recommendations for an addressee than are listed."""
    count = _counts(doc)[addressee]
    broken = copy_of(doc)
    broken["declared"][addressee] = count - draw(st.integers(1, count))
    return Broken(broken, ("declared", addressee), f"declared fewer for {addressee} than listed")


def incomplete_targets(doc: Doc, known: Facts) -> list[str]:
    """Both addressees of a forum."""
    return ["panranham", "pelaksana"] if known.kind == "forum" else []


def recommendations_incomplete(draw: st.DrawFn, doc: Doc, known: Facts, addressee: str) -> Broken:
    """Declare more recommendations for an addressee than are listed."""
    broken = copy_of(doc)
    broken["declared"][addressee] += draw(st.integers(1, 3))
    return Broken(broken, ("declared", addressee), f"declared more for {addressee} than listed")


def follow_up_targets(doc: Doc, known: Facts) -> list[tuple[int, int]]:
    """Every follow-up of a forum."""
    if known.kind != "forum":
        return []
    return [
        (r, f)
        for r, rec in enumerate(doc["recommendations"])
        for f in range(len(rec.get("follow_ups", [])))
    ]


def follow_up_order(draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[int, int]) -> Broken:
    """Date a follow-up before the previous one (or before the forum, for the first)."""
    r, f = target
    broken = copy_of(doc)
    follow = broken["recommendations"][r]["follow_ups"]
    previous = doc["start_date"] if f == 0 else follow[f - 1]["on"]
    follow[f]["on"] = _shifted(previous, -draw(st.integers(1, 30)))
    path: Path = ("recommendations", r, "follow_ups", f, "on")
    return Broken(broken, path, "dated a follow-up before the one before it")

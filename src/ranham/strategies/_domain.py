"""Corruption families for the domain rules: institutions, references, catalogs, workflow."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from ranham.model import InstitutionKind, TargetGroup, code_fits_kind
from ranham.periods import PeriodCode, period_days, zone
from ranham.strategies._family import Broken, copy_of
from ranham.strategies._shapes import Facts, Path, get, pointer
from ranham.strategies._values import _agency_codes, institution_codes, slugs

__all__ = [
    "code_kind_mismatch",
    "duplicate_id",
    "missing_period_measures",
    "parent_mismatch",
    "period_mismatch",
    "responsible_invalid",
    "target_group_not_in_plan",
    "unknown_reference",
    "window_invalid",
    "year_outside_plan",
]

Doc = dict[str, Any]
_REGIONAL = ("kabupaten", "kota")


def _catalog(doc: Doc, known: Facts) -> tuple[Path, Doc] | None:
    if known.catalog is None:
        return None
    return known.catalog, get(doc, known.catalog)


def _reports(doc: Doc, known: Facts) -> list[tuple[Path, Doc]]:
    return [(path, get(doc, path)) for path in known.reports]


def submitted_off_time(dataset: Doc, report: Doc) -> bool:
    """Whether a dataset's report was first submitted outside its window (a warning)."""
    first = next((c["at"] for c in report["history"] if c["status"] == "submitted"), None)
    window = dataset["catalog"]["windows"].get(report["period"][5:])
    if first is None or window is None:
        return False
    where = zone(dataset["catalog"]["plan"]["timezone"])
    day = datetime.fromisoformat(first).astimezone(where).date().isoformat()
    return not window["opens"] <= day <= window["closes"]


def _shifted(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


# --- institutions --------------------------------------------------------------------------------


def code_kind_targets(doc: Doc, known: Facts) -> list[tuple[int, str]]:
    """Regencies and cities (their kind can swap); institutions nothing refers to (recode)."""
    if not known.dataset:
        return []
    out = []
    for index, inst in enumerate(doc["institutions"]):
        if inst["kind"] in _REGIONAL:
            out.append((index, "swap"))
        if inst["code"] not in known.referenced_codes:
            out.append((index, "recode"))
    return out


def code_kind_mismatch(draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[int, str]) -> Broken:
    """Make an institution's code miss its (valid) kind."""
    index, variant = target
    broken = copy_of(doc)
    inst = broken["institutions"][index]
    path: Path = ("institutions", index, "code")
    if variant == "swap":
        inst["kind"] = "kota" if inst["kind"] == "kabupaten" else "kabupaten"
        return Broken(broken, path, f"gave {inst['code']} the kind {inst['kind']}")
    kind = InstitutionKind(inst["kind"])
    taken = {i["code"] for i in doc["institutions"]}
    others = [k for k in InstitutionKind if not code_fits_kind(inst["code"], k)]
    other = draw(st.sampled_from(others))
    code = draw(
        institution_codes(kind=other).filter(
            lambda c: c not in taken and not code_fits_kind(c, kind)
        )
    )
    inst["code"] = code
    return Broken(broken, path, f"gave the {kind.value} the code {code!r} of a {other.value}")


def parent_targets(doc: Doc, known: Facts) -> list[tuple[int, str]]:
    """Every institution: a regency's or city's parent can go or change, others can gain one."""
    if not known.dataset:
        return []
    out = []
    for index, inst in enumerate(doc["institutions"]):
        if inst["kind"] in _REGIONAL:
            out += [(index, "remove"), (index, "change")]
        else:
            out.append((index, "add"))
    return out


def parent_mismatch(draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[int, str]) -> Broken:
    """Remove, change or add an institution's ``parent``."""
    index, variant = target
    broken = copy_of(doc)
    inst = broken["institutions"][index]
    path: Path = ("institutions", index, "parent")
    provinces = st.integers(10, 99).map(str)
    if variant == "remove":
        del inst["parent"]
        return Broken(broken, path, f"removed the parent of {inst['code']}")
    if variant == "change":
        inst["parent"] = draw(provinces.filter(lambda p: p != inst["code"][:2]))
    else:
        inst["parent"] = draw(provinces)
    return Broken(broken, path, f"set the parent of {inst['code']} to {inst['parent']!r}")


# --- duplicate-id --------------------------------------------------------------------------------


def duplicate_targets(doc: Doc, known: Facts) -> list[tuple[Any, ...]]:
    """Lists that must not repeat, ids and numbers that must be unique, and their places."""
    out: list[tuple[Any, ...]] = []
    found = _catalog(doc, known)
    if found is not None:
        base, cat = found
        out.append(("append", (*base, "plan", "target_groups")))
        out.append(("append", (*base, "plan", "periods")))
        first_number: dict[tuple[str, int], int] = {}
        for a, action in enumerate(cat["actions"]):
            here = (*base, "actions", a)
            if action.get("responsible"):
                out.append(("append", (*here, "responsible")))
            key = (action["tier"], action["number"])
            first_number.setdefault(key, a)
            for b in range(a):
                other = cat["actions"][b]
                if other["tier"] == action["tier"]:
                    out.append(("set", (*here, "number"), other["number"]))
                    break
            unused = action["id"] not in known.entry_actions and not any(
                m["id"] in known.entry_measures for m in action["measures"]
            )
            if a and unused:
                out.append(("set", (*here, "id"), cat["actions"][a - 1]["id"]))
        earlier: str | None = None
        for a, action in enumerate(cat["actions"]):
            for m, measure in enumerate(action["measures"]):
                if earlier is not None and measure["id"] not in known.entry_measures:
                    out.append(("set", (*base, "actions", a, "measures", m, "id"), earlier))
                earlier = measure["id"]
    for base, report in _reports(doc, known):
        for e, entry in enumerate(report["entries"]):
            out.append(("copy", (*base, "entries"), e, "action"))
            for m in range(len(entry["measures"])):
                out.append(("copy", (*base, "entries", e, "measures"), m, "measure"))
    if known.dataset:
        out += [("copy", ("institutions",), i, "code") for i in range(len(doc["institutions"]))]
        out += [
            ("copy", ("reports",), r, "period")
            for r, report in enumerate(doc["reports"])
            if not submitted_off_time(doc, report)  # a copy would repeat its warning
        ]
    if known.kind == "forum":
        recs = doc["recommendations"]
        out += [
            ("set", ("recommendations", b, "id"), recs[b - 1]["id"]) for b in range(1, len(recs))
        ]
    return out


def duplicate_id(draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[Any, ...]) -> Broken:
    """Repeat a list item, an id, a number, an entry, an institution or a report."""
    broken = copy_of(doc)
    variant, path = target[0], target[1]
    if variant == "append":
        items = get(broken, path)
        items.append(items[draw(st.integers(0, len(items) - 1))])
        where: Path = (*path, len(items) - 1)
        return Broken(broken, where, f"repeated an item of {pointer(path)}")
    if variant == "set":
        get(broken, path[:-1])[path[-1]] = target[2]
        return Broken(broken, path, f"set {pointer(path)} to the earlier {target[2]!r}")
    items = get(broken, path)
    items.append(copy_of(items[target[2]]))
    where = (*path, len(items) - 1, target[3])
    return Broken(broken, where, f"appended a copy of {pointer((*path, target[2]))}")


# --- references and periods ----------------------------------------------------------------------


def _ids(doc: Doc) -> tuple[set[str], set[str]]:
    actions = doc["catalog"]["actions"]
    return {a["id"] for a in actions}, {m["id"] for a in actions for m in a["measures"]}


def _measure_periods(doc: Doc) -> dict[str, tuple[str, str]]:
    """Each measure id of a dataset's catalog with its action id and period code."""
    return {
        m["id"]: (a["id"], m["period"]) for a in doc["catalog"]["actions"] for m in a["measures"]
    }


def reference_targets(doc: Doc, known: Facts) -> list[tuple[Any, ...]]:
    """Institutions of reports and allegations, actions of entries, measures of measure entries."""
    if not known.dataset:
        return []
    out: list[tuple[Any, ...]] = []
    out += [
        (("allegations", a, "institution"), "code") for a in range(len(doc.get("allegations", [])))
    ]
    owners = _measure_periods(doc)
    for r, report in enumerate(doc["reports"]):
        out.append((("reports", r, "institution"), "code"))
        for e, entry in enumerate(report["entries"]):
            out.append((("reports", r, "entries", e, "action"), "action"))
            own = {m["measure"] for m in entry["measures"]}
            for m, measure in enumerate(entry["measures"]):
                here = ("reports", r, "entries", e, "measures", m, "measure")
                out.append((here, "measure"))
                period = owners[measure["measure"]][1]
                for other, (action_id, code) in owners.items():
                    if action_id != entry["action"] and code == period and other not in own:
                        out.append((here, "other", other))
                        break
    return out


def unknown_reference(draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[Any, ...]) -> Broken:
    """Point a reference at an institution, action or measure that does not exist."""
    path, variant = target[0], target[1]
    actions, measures = _ids(doc)
    listed = {i["code"] for i in doc["institutions"]}
    if variant == "code":
        value = draw(institution_codes().filter(lambda c: c not in listed))
    elif variant == "action":
        value = draw(slugs().filter(lambda s: s not in actions))
    elif variant == "measure":
        value = draw(slugs().filter(lambda s: s not in measures))
    else:
        value = target[2]
    broken = copy_of(doc)
    if variant == "code":
        get(broken, path[:-1])[path[-1]] = value
    else:
        path = _append_entry(broken, path, value)
    return Broken(broken, path, f"pointed {pointer(path)} at {value!r}, which does not exist")


def _append_entry(broken: Doc, path: Path, value: str) -> Path:
    """Add an entry (or a measure entry, copied from the one at ``path``) naming ``value``.

    Adding rather than renaming keeps every measure the report listed, so a report that was
    complete stays complete (no ``incomplete-report`` joins the promised issue).
    """
    if path[-1] == "action":  # …/entries/E/action: a new entry without measures
        entries = get(broken, path[:-2])
        entries.append({"action": value, "measures": []})
        return (*path[:-2], len(entries) - 1, "action")
    items = get(broken, path[:-2])  # …/measures/M/measure: a copy of that measure entry
    item = copy_of(items[path[-2]])
    item["measure"] = value
    items.append(item)
    return (*path[:-2], len(items) - 1, "measure")


def period_targets(doc: Doc, known: Facts) -> list[tuple[Any, ...]]:
    """Report periods, measures of entries, and the periods of a catalog's measures."""
    out: list[tuple[Any, ...]] = []
    found = _catalog(doc, known)
    if found is None:
        return out
    base, cat = found
    unused = [c.value for c in PeriodCode if c.value not in cat["plan"]["periods"]]
    for a, action in enumerate(cat["actions"]):
        per_period = Counter(m["period"] for m in action["measures"])
        for m, measure in enumerate(action["measures"]):
            if unused and per_period[measure["period"]] > 1:
                out.append(((*base, "actions", a, "measures", m, "period"), "plan", unused))
    if not known.dataset:
        return out
    owners = _measure_periods(doc)
    by_action: dict[str, list[tuple[str, str]]] = {}
    for measure_id, (action_id, code) in owners.items():
        by_action.setdefault(action_id, []).append((measure_id, code))
    for r, report in enumerate(doc["reports"]):
        if unused:
            out.append((("reports", r, "period"), "code", unused))
        out.append((("reports", r, "period"), "year"))
        code = report["period"][5:]
        for e, entry in enumerate(report["entries"]):
            others = [mid for mid, c in by_action[entry["action"]] if c != code]
            if others:
                for m in range(len(entry["measures"])):
                    here = ("reports", r, "entries", e, "measures", m, "measure")
                    out.append((here, "measure", others))
    return out


def period_mismatch(draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[Any, ...]) -> Broken:
    """A report outside the catalog's year or plan, a measure of another period."""
    path, variant = target[0], target[1]
    old = get(doc, path)
    if variant in ("plan", "measure"):
        value = draw(st.sampled_from(target[2]))
    elif variant == "code":
        value = f"{old[:4]}-{draw(st.sampled_from(target[2]))}"
    else:
        year = int(old[:4]) + draw(st.sampled_from((1, -1, 2, -3)))
        value = f"{year:04d}{old[4:]}"
    broken = copy_of(doc)
    if variant == "measure":
        path = _append_entry(broken, path, value)
        return Broken(broken, path, f"added a measure entry for {value!r} of another period")
    get(broken, path[:-1])[path[-1]] = value
    return Broken(broken, path, f"changed {pointer(path)} from {old!r} to {value!r}")


# --- catalogs ------------------------------------------------------------------------------------


def year_targets(doc: Doc, known: Facts) -> list[Path]:
    """The catalog's year."""
    found = _catalog(doc, known)
    return [] if found is None else [(*found[0], "year")]


def year_outside_plan(draw: st.DrawFn, doc: Doc, known: Facts, path: Path) -> Broken:
    """Move the catalog year before or after the plan's years."""
    plan = get(doc, (*path[:-1], "plan"))
    choices = [plan["end_year"] + k for k in (1, 2, 5) if plan["end_year"] + k <= 9999]
    choices += [plan["start_year"] - k for k in (1, 3) if plan["start_year"] - k >= 1]
    value = draw(st.sampled_from(choices))
    broken = copy_of(doc)
    get(broken, path[:-1])["year"] = value
    return Broken(broken, path, f"set the catalog year to {value}, outside the plan")


def target_group_targets(doc: Doc, known: Facts) -> list[tuple[Path, list[str]]]:
    """Actions of a plan that lacks a target group."""
    found = _catalog(doc, known)
    if found is None:
        return []
    base, cat = found
    missing = [g.value for g in TargetGroup if g.value not in cat["plan"]["target_groups"]]
    if not missing:
        return []
    return [((*base, "actions", a, "target_group"), missing) for a in range(len(cat["actions"]))]


def target_group_not_in_plan(
    draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[Path, list[str]]
) -> Broken:
    """Give an action a target group its plan does not have."""
    path, missing = target
    value = draw(st.sampled_from(missing))
    broken = copy_of(doc)
    get(broken, path[:-1])["target_group"] = value
    return Broken(broken, path, f"gave the action the target group {value!r}")


def period_measures_targets(doc: Doc, known: Facts) -> list[tuple[Path, str]]:
    """(action, period) pairs whose measures no report entry names."""
    found = _catalog(doc, known)
    if found is None:
        return []
    base, cat = found
    out = []
    for a, action in enumerate(cat["actions"]):
        for code in cat["plan"]["periods"]:
            ids = [m["id"] for m in action["measures"] if m["period"] == code]
            if not any(i in known.entry_measures for i in ids):
                out.append(((*base, "actions", a, "measures"), code))
    return out


def missing_period_measures(
    draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[Path, str]
) -> Broken:
    """Remove every measure of one period from an action."""
    path, code = target
    broken = copy_of(doc)
    action = get(broken, path[:-1])
    action["measures"] = [m for m in action["measures"] if m["period"] != code]
    return Broken(broken, path, f"removed the {code} measures of the action")


def window_targets(doc: Doc, known: Facts) -> list[tuple[str, str]]:
    """Each window (to remove, reverse, open early, overlap, swap) and each unused code."""
    found = _catalog(doc, known)
    if found is None:
        return []
    periods = found[1]["plan"]["periods"]
    reported = {get(doc, path)["period"][5:] for path in known.reports} if known.dataset else set()
    out = []
    for index, code in enumerate(periods):
        out += [("remove", code), ("reverse", code), ("early", code)]
        if index:
            out.append(("overlap", code))
            if periods[index - 1] not in reported:  # its reports would move out of time
                out.append(("order", code))
    out += [("extra", c.value) for c in PeriodCode if c.value not in periods]
    return out


def window_invalid(draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[str, str]) -> Broken:
    """Remove, add, reverse, move or reorder a window."""
    variant, code = target
    broken = copy_of(doc)
    found = _catalog(broken, known)
    assert found is not None
    base, cat = found
    windows: dict[str, dict[str, str]] = cat["windows"]
    periods: list[str] = cat["plan"]["periods"]
    path: Path = (*base, "windows", code)
    if variant == "remove":
        del windows[code]
    elif variant == "extra":
        last = windows[periods[-1]]["closes"]
        windows[code] = {"opens": _shifted(last, 10), "closes": _shifted(last, 12)}
    elif variant == "reverse":
        windows[code]["closes"] = _shifted(windows[code]["opens"], -draw(st.integers(1, 10)))
    elif variant == "early":
        scheme = [PeriodCode(c) for c in periods]
        first = period_days(PeriodCode(code), scheme, cat["year"])[0].isoformat()
        windows[code]["opens"] = _shifted(first, -draw(st.integers(1, 20)))
    elif variant == "overlap":
        before = periods[periods.index(code) - 1]
        windows[code]["opens"] = windows[before]["closes"]
    else:  # order: swap the dates with the window before it (the keys' order means nothing)
        before = periods[periods.index(code) - 1]
        windows[before], windows[code] = windows[code], windows[before]
    return Broken(broken, path, f"{variant}: broke the {code} window")


MALFORMED_AGENCIES = ("Kemensos", "k", "1abc", "kemen sos", "")
"""Values of ``responsible`` that are no agency code (``responsible-invalid``, its pattern)."""


def responsible_targets(doc: Doc, known: Facts) -> list[tuple[int, str]]:
    """Where ``responsible`` can break: ``kl`` actions and regional ones (one that adds a code).

    A ``kl`` action: drop the list, empty it, a malformed code, or an unlisted one (datasets).
    """
    found = _catalog(doc, known)
    if found is None:
        return []
    out = []
    for a, action in enumerate(found[1]["actions"]):
        if action["tier"] == "kl":
            out += [(a, "drop"), (a, "empty")]
            if action.get("responsible"):
                out.append((a, "pattern"))
            if known.dataset:
                out.append((a, "unlisted"))
        else:
            out.append((a, "add"))
    return out


def responsible_invalid(draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[int, str]) -> Broken:
    """Break who is responsible for an action."""
    a, variant = target
    broken = copy_of(doc)
    found = _catalog(broken, known)
    assert found is not None
    base, cat = found
    action = cat["actions"][a]
    path: Path = (*base, "actions", a, "responsible")
    if variant == "drop":
        del action["responsible"]
    elif variant == "empty":
        action["responsible"] = []
    elif variant == "add":
        action["responsible"] = [draw(_agency_codes())]
    elif variant == "pattern":  # not an agency code: upper case, a digit first, a space, empty
        action["responsible"][0] = draw(st.sampled_from(MALFORMED_AGENCIES))
        path = (*path, 0)
    else:
        listed = {i["code"] for i in doc["institutions"]} | set(action["responsible"])
        action["responsible"].append(draw(_agency_codes().filter(lambda c: c not in listed)))
        path = (*path, len(action["responsible"]) - 1)
    return Broken(broken, path, f"{variant}: broke the responsible institutions")

"""Corruption families for the format additions of 2026-12-03 (``format.md``).

``incomplete-report`` (a report checked against a catalog or dataset that leaves out a measure
it owes), ``inexact-number`` (a number in ``extensions`` that a double cannot hold as written),
``duplicate-id.allegation`` (the same case recorded twice) and ``responsible-invalid.province``
(a province code among a ``kl`` action's responsible ministries and agencies).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from ranham.strategies._family import Broken, copy_of, dumps_with
from ranham.strategies._shapes import SHAPES, Facts, Path, get, nodes

__all__ = [
    "allegation_duplicate",
    "allegation_targets",
    "inexact_number",
    "inexact_targets",
    "is_inexact",
    "omission_targets",
    "omit_measure",
    "province_responsible",
    "province_targets",
]

Doc = dict[str, Any]


# --- incomplete-report ---------------------------------------------------------------------------


def omission_targets(doc: Doc, known: Facts) -> list[tuple[Path, int, int | None]]:
    """Entries and measure entries of a report checked against a context (its own path first).

    Only a report checked against a catalog or dataset (``known.context``) can be incomplete;
    its drawn form lists every measure it owes, so leaving one out makes it incomplete.
    """
    if not known.context:
        return []
    out: list[tuple[Path, int, int | None]] = []
    for base in known.reports:
        for e, entry in enumerate(get(doc, base)["entries"]):
            out.append((base, e, None))
            out += [(base, e, m) for m in range(len(entry["measures"]))]
    return out


def omit_measure(
    draw: st.DrawFn, doc: Doc, known: Facts, target: tuple[Path, int, int | None]
) -> Broken:
    """Leave out a whole entry, or one measure entry of an entry."""
    base, e, m = target
    broken = copy_of(doc)
    entries = get(broken, base)["entries"]
    if m is None:
        gone = entries.pop(e)
        text = f"left out the entry for {gone['action']!r}"
    else:
        gone = entries[e]["measures"].pop(m)
        text = f"left out the measure entry for {gone['measure']!r}"
    return Broken(broken, (*base, "entries"), text)


# --- inexact-number ------------------------------------------------------------------------------


def is_inexact(text: str) -> bool:
    """Whether a JSON number written with ``.``, ``e`` or ``E`` loses digits as a double."""
    return Decimal(text) != Decimal(repr(float(text)))


_KNOWN_INEXACT = (
    "12345678901234567.89",
    "0.30000000000000000001",
    "1e-400",
    "9007199254740993.0",
    "-0.1000000000000000000001",
    "2.5E-330",
)


def _inexact_literals() -> st.SearchStrategy[str]:
    drawn = st.builds(
        lambda whole, part: f"{whole}.{part:02d}",
        st.integers(10**16, 10**19),
        st.integers(1, 99),
    ).filter(is_inexact)
    return st.one_of(st.sampled_from(_KNOWN_INEXACT), drawn)


def inexact_targets(doc: Doc, known: Facts) -> list[Path]:
    """Every object that may carry ``extensions``."""
    return [node.path for node in nodes(doc) if "extensions" in SHAPES[node.shape]]


def inexact_number(draw: st.DrawFn, doc: Doc, known: Facts, path: Path) -> Broken:
    """Add to an object's ``extensions`` a number that a double cannot hold as written."""
    broken = copy_of(doc)
    extensions = get(broken, path).setdefault("extensions", {})
    key = draw(st.text(max_size=6).filter(lambda k: k not in extensions))
    extensions[key] = 0
    literal = draw(_inexact_literals())
    where: Path = (*path, "extensions", key)
    data = dumps_with(broken, {where: literal.encode("ascii")})
    return Broken(data, where, f"wrote {literal} in extensions, which a double cannot hold")


# --- duplicate-id.allegation ---------------------------------------------------------------------


def allegation_targets(doc: Doc, known: Facts) -> list[int]:
    """The allegations of a dataset."""
    if not known.dataset or known.context:
        return []
    return list(range(len(doc.get("allegations", []))))


def allegation_duplicate(draw: st.DrawFn, doc: Doc, known: Facts, index: int) -> Broken:
    """Record an allegation again (same institution and reference), maybe on another day."""
    broken = copy_of(doc)
    allegations = broken["allegations"]
    again = dict(allegations[index])
    if draw(st.booleans()):
        year = doc["catalog"]["year"]
        again["reported_on"] = draw(st.dates(date(year, 1, 1), date(year, 12, 31))).isoformat()
    allegations.append(again)
    path: Path = ("allegations", len(allegations) - 1, "reference")
    return Broken(broken, path, f"recorded allegation {index} a second time")


# --- responsible-invalid.province ----------------------------------------------------------------


def province_targets(doc: Doc, known: Facts) -> list[int]:
    """The ``kl`` actions of a catalog (alone or in a dataset)."""
    if known.catalog is None or known.context:
        return []
    actions = get(doc, known.catalog)["actions"]
    return [a for a, action in enumerate(actions) if action["tier"] == "kl"]


def province_responsible(draw: st.DrawFn, doc: Doc, known: Facts, a: int) -> Broken:
    """Name a province code (listed as a province in a dataset, or not) as responsible."""
    assert known.catalog is not None
    reporting = {get(doc, path)["institution"] for path in known.reports}
    provinces = st.integers(11, 99).map(str).filter(lambda c: c not in reporting)
    if known.dataset:
        listed = [
            i["code"]
            for i in doc["institutions"]
            if i["kind"] == "provinsi" and i["code"] not in reporting
        ]
        if listed:
            provinces = st.one_of(st.sampled_from(listed), provinces)
    broken = copy_of(doc)
    action = get(broken, known.catalog)["actions"][a]
    code = draw(provinces)
    action["responsible"].append(code)
    path: Path = (*known.catalog, "actions", a, "responsible", len(action["responsible"]) - 1)
    return Broken(broken, path, f"named the province {code} as responsible for a kl action")

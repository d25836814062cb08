"""Reading rule sets from TOML: shipped ones by id, others from a path, every problem at once.

A rule-set file holds every key of ``scoring.md`` and no other (``[sources]`` may be left out of
a user's rule set). Numbers are read exactly from their decimal text: ``60.5`` is ``121/2``.
A malformed file raises one :class:`~ranham.errors.RuleSetError` that lists every problem, each
with its key and its message in English and Indonesian.

>>> from ranham.rules import load_ruleset, shipped_rulesets
>>> "ranham-2021-2025/default" in shipped_rulesets()
True
>>> rules = load_ruleset("ranham-2021-2025/default")
>>> rules.version, rules.scoring.basis.value, rules.scoring.places
('1', 'verified', 2)
>>> loads_ruleset('id = "x"\\nversion = "1"\\nplan = "p"\\nyears = [2021, 2025]', name="mine.toml")
Traceback (most recent call last):
...
ranham.errors.RuleSetError: mine.toml: 4 problems
  id: must be PLAN/NAME with PLAN the rule set's plan ("p") and NAME a slug, such as "p/default" \
(got "x").
  scoring: is required; add it, e.g. a [scoring] table.
  targets: is required; add it, e.g. a [targets] table (it may be empty).
  eligibility: is required; add it, e.g. an [eligibility] table.

The file is read as :mod:`ranham.rules._toml` reads every file from outside: a regular file of at
most :data:`RULESET_MAX_SIZE` bytes (``max_size=`` changes it), UTF-8, nested at most 64 levels
deep; a number has at most :data:`MAX_DIGITS` significant digits and an exponent of at most
64, and every digit of a number, year or date is an ASCII digit 0-9.
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from functools import partial
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import attrs

from ranham.errors import ArgumentTypeError, RuleSetError, UnknownNameError
from ranham.model import Tier
from ranham.rules._toml import (
    LongNumber,
    check_arguments,
    describe,
    key_path,
    parse_toml,
    read_text_file,
)
from ranham.rules.numbers import MAX_PLACES
from ranham.rules.ruleset import (
    MAX_CONSISTENT_YEARS,
    MAX_EXPONENT,
    OPTIONAL_PARAMETERS,
    Basis,
    Criterion,
    CycleRules,
    EligibilityRules,
    Late,
    MissingPeriod,
    MissingYear,
    MonthDay,
    Problems,
    RuleSet,
    ScoringRules,
    check_choice,
    check_criteria,
    check_id,
    check_places,
    check_plan,
    check_sources,
    check_targets,
    check_threshold,
    check_version,
    check_years,
    parameter_keys_of,
    refuse,
)

__all__ = [
    "MAX_DIGITS",
    "MAX_PROBLEMS",
    "RULESET_MAX_SIZE",
    "SECTIONS",
    "Key",
    "Section",
    "default_ruleset",
    "load_ruleset",
    "loads_ruleset",
    "ruleset_for",
    "shipped_rulesets",
]

RULESET_MAX_SIZE = 1024 * 1024
"""The largest rule-set file read, in bytes (1 MiB; the shipped default is about 2 KB)."""

MAX_DIGITS = 30
"""The most significant digits of a number in a rule set (a percentage needs at most 13)."""

MAX_PROBLEMS = 100
"""The most problems one error lists; a note says how many more there were."""

_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,127}/[a-z0-9][a-z0-9._-]{0,127}")
_YEAR = re.compile(r"[0-9]{4}")
_WHAT = ("a rule-set file", "berkas aturan")


@attrs.frozen(kw_only=True)
class Key:
    """One key of a table: an example of it (shown when it is missing) and how to read it.

    ``read(value, key, found)`` returns the Python value, or ``None`` after noting the problems
    of ``value`` in ``found``.
    """

    example: str
    read: Callable[[Any, str, Problems], Any]
    required: bool = True


@attrs.frozen(kw_only=True)
class Section:
    """A table of a rule-set file: fixed ``keys``, or free keys read as a whole by ``read``.

    ``""`` names the top level. A section that is not ``required`` may be left out (the
    ``[sources]`` of a user's rule set); a new optional table is one more entry in
    :data:`SECTIONS`.
    """

    example: str
    keys: Mapping[str, Key] = attrs.field(factory=dict)
    read: Callable[[Any, str, Problems], Any] | None = None
    required: bool = True


def _simple(reader: Callable[[Any, str], Any]) -> Callable[[Any, str, Problems], Any]:
    def read(value: Any, key: str, found: Problems) -> Any:
        return found.check(lambda: reader(value, key))

    return read


def _string(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise refuse(
            key,
            f"must be a string in quotes (got {describe(value)}).",
            f"harus teks dalam tanda kutip (tertulis {describe(value)}).",
        )
    return value


def _number(value: Any, key: str) -> Fraction:
    """A number of the file as the exact :class:`Fraction`, bounded before it is built."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | LongNumber):
        raise refuse(
            key,
            f"must be a number such as 80 or 60.5 (got {describe(value)}).",
            f"harus bilangan seperti 80 atau 60.5 (tertulis {describe(value)}).",
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise refuse(
            key,
            f"must be a finite number (got {value}).",
            f"harus bilangan terhingga (tertulis {value}).",
        )
    if isinstance(value, int):
        digits, exponent = len(str(abs(value))) if value.bit_length() < 200 else 61, 0
    elif isinstance(value, Decimal):
        shape = value.as_tuple()
        digits, exponent = len(shape.digits), int(shape.exponent)
    else:
        digits, exponent = MAX_DIGITS + 1, 0
    if digits > MAX_DIGITS or abs(exponent) > MAX_EXPONENT:
        raise refuse(
            key,
            f"must be a number of at most {MAX_DIGITS} digits and an exponent of at most "
            f"{MAX_EXPONENT}, such as 80 or 60.5 (got {describe(value)}).",
            f"harus bilangan dengan paling banyak {MAX_DIGITS} angka dan eksponen paling "
            f"besar {MAX_EXPONENT}, misalnya 80 atau 60.5 (tertulis {describe(value)}).",
        )
    assert not isinstance(value, LongNumber)  # its digits were refused above
    return Fraction(value)


def _threshold(value: Any, key: str) -> Fraction:
    number = _number(value, key)
    return check_threshold(key, number, MAX_PLACES)  # the decimals: once places is known


def _choice(kind: type[enum.Enum]) -> Callable[[Any, str], Any]:
    def read(value: Any, key: str) -> Any:
        text = _string(value, key)
        member = next((m for m in kind if m.value == text), text)
        return check_choice(key, member, kind)

    return read


def _places(value: Any, key: str) -> int:
    return check_places(value)


def _years(value: Any, key: str) -> tuple[int, int]:
    return check_years(tuple(value) if isinstance(value, list) else value)


def _criteria(value: Any, key: str, found: Problems) -> tuple[Criterion, ...] | None:
    if not isinstance(value, list):
        found.add(
            refuse(
                key,
                'must be an array of criterion ids such as ["annual-score"] '
                f"(got {describe(value)}).",
                f'harus array id kriteria seperti ["annual-score"] (tertulis {describe(value)}).',
            )
        )
        return None
    out: list[Criterion] = []
    known = ", ".join(f'"{c.value}"' for c in Criterion)
    for index, item in enumerate(value):
        where = f"{key}[{index}]"
        text = found.check(partial(_string, item, where))
        if text is None:
            continue
        criterion = next((c for c in Criterion if c.value == text), None)
        if criterion is None:
            found.add(
                refuse(
                    where,
                    f"{describe(text)} is not a criterion; the criteria are {known}.",
                    f"{describe(text)} bukan kriteria; kriterianya adalah {known}.",
                )
            )
        else:
            out.append(criterion)
    if len(out) != len(value):
        return None
    return found.check(lambda: check_criteria(tuple(out)))


def _whole_years(value: Any, key: str) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 1 <= value <= MAX_CONSISTENT_YEARS
    ):
        raise refuse(
            key,
            f"must be a whole number of years from 1 to {MAX_CONSISTENT_YEARS}, such as 2 "
            f"(got {describe(value)}).",
            f"harus bilangan bulat tahun dari 1 sampai {MAX_CONSISTENT_YEARS}, misalnya 2 "
            f"(tertulis {describe(value)}).",
        )
    return value


def _cutoff(value: Any, key: str) -> MonthDay:
    return MonthDay.parse(_string(value, key))


def _targets(value: Any, key: str, found: Problems) -> dict[int, dict[Tier, Fraction]]:
    out: dict[int, dict[Tier, Fraction]] = {}
    for year_key, tiers in value.items():
        where = key_path(key, year_key)
        if not _YEAR.fullmatch(year_key):
            found.add(
                refuse(
                    where,
                    "must be a year written with four digits 0-9, such as [targets.2022] "
                    f"(got {describe(year_key)}).",
                    "harus tahun yang ditulis dengan empat angka 0-9, misalnya "
                    f"[targets.2022] (tertulis {describe(year_key)}).",
                )
            )
            continue
        if not isinstance(tiers, dict):
            found.add(
                refuse(
                    where,
                    f"must be a table of tier = percent, such as kl = 75 (got {describe(tiers)}).",
                    f"harus tabel tingkat = persen, misalnya kl = 75 (tertulis {describe(tiers)}).",
                )
            )
            continue
        row: dict[Tier, Fraction] = {}
        for tier_name, target in tiers.items():
            tier_key = key_path(key, year_key, tier_name)
            tier = next((t for t in Tier if t.value == tier_name), None)
            if tier is None:
                found.add(
                    refuse(
                        tier_key,
                        'is not a tier; use "kl", "provinsi" or "kabkota".',
                        'bukan tingkat; gunakan "kl", "provinsi" atau "kabkota".',
                    )
                )
                continue
            number = found.check(partial(_threshold, target, tier_key))
            if number is not None:
                row[tier] = number
        out[int(year_key)] = row
    return out


def _sources(value: Any, key: str, found: Problems) -> dict[str, Any]:
    return dict(value)  # checked against the parameters by check_sources


SECTIONS: dict[str, Section] = {
    "": Section(
        example="",
        keys={
            "id": Key(example='id = "ranham-2021-2025/mine"', read=_simple(_string)),
            "version": Key(example='version = "1"', read=_simple(_string)),
            "plan": Key(example='plan = "ranham-2021-2025"', read=_simple(_string)),
            "years": Key(example="years = [2021, 2025]", read=_simple(_years)),
        },
    ),
    "scoring": Section(
        example="a [scoring] table",
        keys={
            "basis": Key(example='basis = "verified"', read=_simple(_choice(Basis))),
            "late": Key(example='late = "accept"', read=_simple(_choice(Late))),
            "missing_period": Key(
                example='missing_period = "zero"', read=_simple(_choice(MissingPeriod))
            ),
            "achieved_min": Key(example="achieved_min = 100", read=_simple(_threshold)),
            "places": Key(example="places = 2", read=_simple(_places)),
        },
    ),
    "targets": Section(example="a [targets] table (it may be empty)", read=_targets),
    "eligibility": Section(
        example="an [eligibility] table",
        keys={
            "criteria": Key(
                example='criteria = ["reported-on-time", "all-verified", "annual-score", '
                '"no-allegation"]',
                read=_criteria,
            ),
            "annual_score_min": Key(example="annual_score_min = 80", read=_simple(_threshold)),
            "allegation_cutoff": Key(example='allegation_cutoff = "09-17"', read=_simple(_cutoff)),
            "previous_year_score_min": Key(
                example="previous_year_score_min = 80", read=_simple(_threshold), required=False
            ),
            "consistent_years": Key(
                example="consistent_years = 2", read=_simple(_whole_years), required=False
            ),
        },
    ),
    "cycle": Section(
        example="a [cycle] table",
        keys={
            "missing_year": Key(
                example='missing_year = "exclude"',
                read=_simple(_choice(MissingYear)),
                required=False,
            ),
        },
        required=False,
    ),
    "sources": Section(example="a [sources] table", read=_sources, required=False),
}
"""The tables of a rule-set file, in file order (``""`` is the top level)."""


def _rulesets_dir() -> Traversable:
    return resources.files("ranham.rules") / "rulesets"


def shipped_rulesets() -> tuple[str, ...]:
    """The ids of the rule sets shipped with ``ranham``, sorted (``"ranham-2021-2025/default"``)."""
    found: list[str] = []
    for plan in _rulesets_dir().iterdir():
        if plan.is_dir():
            found += [
                f"{plan.name}/{item.name[:-5]}"
                for item in plan.iterdir()
                if item.name.endswith(".toml") and item.is_file()
            ]
    return tuple(sorted(found))


def load_ruleset(source: str | os.PathLike[str], *, max_size: int = RULESET_MAX_SIZE) -> RuleSet:
    """A shipped rule set by id (``"ranham-2021-2025/default"``) or a rule-set file by path.

    A string ending in ``.toml`` and any :class:`os.PathLike` are paths; any other string is a
    shipped id. Raises :class:`~ranham.errors.UnknownNameError` for an id that is not shipped and
    :class:`~ranham.errors.RuleSetError` for a file that cannot be read (not a regular file,
    larger than ``max_size`` bytes, not UTF-8) or is malformed, listing every problem.
    """
    check_arguments(source, max_size, function="load_ruleset")
    if isinstance(source, os.PathLike) or source.endswith(".toml"):
        text = read_text_file(source, max_size=max_size, what=_WHAT[0], what_id=_WHAT[1])
        return loads_ruleset(text, name=os.fsdecode(source), max_size=max_size)
    shipped = ", ".join(shipped_rulesets())
    if not _ID.fullmatch(source):
        raise UnknownNameError(
            f"{describe(source)} is neither a rule set id PLAN/NAME nor a path ending in .toml; "
            f"shipped rule sets: {shipped}.",
            message_id=f"{describe(source)} bukan id aturan RENCANA/NAMA dan bukan path "
            f"berakhiran .toml; aturan bawaan: {shipped}.",
        )
    plan, name = source.split("/")
    item = _rulesets_dir() / plan / f"{name}.toml"
    if not item.is_file():
        raise UnknownNameError(
            f"no shipped rule set {source!r}; shipped rule sets: {shipped} (or give a path "
            "ending in .toml).",
            message_id=f"tidak ada aturan bawaan {source!r}; aturan bawaan: {shipped} (atau "
            "berikan path berakhiran .toml).",
        )
    return loads_ruleset(item.read_text(encoding="utf-8"), name=f"{source}.toml")


def default_ruleset(plan: str, year: int) -> RuleSet:
    """The shipped ``PLAN/default`` rule set, which must cover ``year``."""
    ruleset_id = f"{plan}/default"
    if ruleset_id not in shipped_rulesets():
        raise RuleSetError(
            f"no default rule set is shipped for plan {plan!r} (shipped: "
            f"{', '.join(shipped_rulesets())}); pass a rule set file written for that plan."
        )
    return ruleset_for(plan, year, load_ruleset(ruleset_id))


def ruleset_for(plan: str, year: int, ruleset: RuleSet | str | os.PathLike[str] | None) -> RuleSet:
    """The rule set to score ``plan``'s ``year`` with.

    ``ruleset`` is an object, a shipped id or a path; ``None`` picks the plan's shipped default.
    A rule set written for another plan or for other years is refused.
    """
    if ruleset is None:
        return default_ruleset(plan, year)
    chosen = ruleset if isinstance(ruleset, RuleSet) else load_ruleset(ruleset)
    if chosen.plan != plan:
        raise RuleSetError(
            f"rule set {chosen.id} (version {chosen.version}) is for plan {chosen.plan}, but the "
            f"dataset belongs to plan {plan}; choose a rule set written for {plan}."
        )
    if not chosen.covers(year):
        raise RuleSetError(
            f"rule set {chosen.id} (version {chosen.version}) covers the years "
            f"{chosen.first_year}–{chosen.last_year}, not {year}; choose a rule set that covers "
            f"{year}."
        )
    return chosen


def loads_ruleset(
    text: str, *, name: str = "<rule set>", max_size: int = RULESET_MAX_SIZE
) -> RuleSet:
    """A rule set from TOML text; ``name`` (the file) names the source of every problem.

    Every problem of the text is found before one :class:`~ranham.errors.RuleSetError` lists
    them all (at most :data:`MAX_PROBLEMS`).
    """
    if not isinstance(name, str):
        raise ArgumentTypeError(
            f"loads_ruleset(name=...) must be a str (got {type(name).__name__})."
        )
    check_arguments(name, max_size, function="loads_ruleset")
    data = parse_toml(text, source=name, max_size=max_size, what=_WHAT[0], what_id=_WHAT[1])
    found = Problems()
    values = _read_sections(data, found)
    ruleset = _assemble(values, found, name, frozenset(data))
    _raise(found, name)
    assert ruleset is not None  # no problem was found, so the rule set was built
    return ruleset


def _raise(found: Problems, name: str) -> None:
    if len(found.found) > MAX_PROBLEMS:
        more = len(found.found) - MAX_PROBLEMS
        del found.found[MAX_PROBLEMS:]
        found.add(
            refuse(
                "",
                f"… and {more} more problems; correct these first.",
                f"… dan {more} masalah lagi; perbaiki yang di atas dulu.",
            )
        )
        found.raise_any(source=name)
    order = [key for section in SECTIONS.values() for key in section.keys] + list(SECTIONS)
    found.found.sort(key=lambda problem: _rank(problem.key, order))
    found.raise_any(source=name)


def _rank(key: str, order: list[str]) -> int:
    head = re.split(r"[.\[]", key, maxsplit=1)[0]
    return order.index(head) if head in order else -1  # unknown keys first


def _read_sections(data: Mapping[str, Any], found: Problems) -> dict[str, Any]:
    """Every key of every table read on its own: ``{"scoring.places": 2, "targets": {...}}``.

    A key whose value is refused is left out; its problems are in ``found``.
    """
    values: dict[str, Any] = {}
    top = SECTIONS[""].keys
    for key in data:
        if key not in top and key not in SECTIONS:
            known = ", ".join([*top, *(s for s in SECTIONS if s)])
            found.add(
                refuse(
                    key_path(key),
                    f"is not a key of the rule set; the keys are: {known} (check the spelling).",
                    f"bukan kunci aturan; kuncinya: {known} (periksa ejaannya).",
                )
            )
    for name, section in SECTIONS.items():
        if name and name not in data:
            if section.required:
                found.add(_required(name, section.example))
            continue
        table = data[name] if name else data
        if not isinstance(table, dict):
            found.add(
                refuse(
                    name,
                    f"must be a table [{name}] (got {describe(table)}).",
                    f"harus tabel [{name}] (tertulis {describe(table)}).",
                )
            )
            continue
        if section.read is not None:
            values[name] = section.read(table, name, found)
            continue
        if name:
            _unknown_keys(table, name, section, found)
        for key, spec in section.keys.items():
            where = f"{name}.{key}" if name else key
            if key not in table:
                if spec.required:
                    found.add(_required(where, spec.example))
                continue
            value = spec.read(table[key], where, found)
            if value is not None:
                values[where] = value
    return values


def _unknown_keys(table: Mapping[str, Any], name: str, section: Section, found: Problems) -> None:
    for key in table:
        if key not in section.keys:
            known = ", ".join(section.keys)
            found.add(
                refuse(
                    key_path(name, key),
                    f"is not a key of [{name}]; the keys are: {known} (check the spelling).",
                    f"bukan kunci [{name}]; kuncinya: {known} (periksa ejaannya).",
                )
            )


def _required(where: str, example: str) -> RuleSetError:
    return refuse(
        where,
        f"is required; add it, e.g. {example}.",
        f"wajib ada; tambahkan, misalnya {_example_id(example)}.",
    )


def _example_id(example: str) -> str:
    for en, id_ in (
        ("an [eligibility] table", "tabel [eligibility]"),
        ("a [targets] table (it may be empty)", "tabel [targets] (boleh kosong)"),
        ("a [", "tabel ["),
    ):
        if example.startswith(en):
            return id_ + example[len(en) :].replace(" table", "")
    return example


def _assemble(
    values: Mapping[str, Any], found: Problems, name: str, sections: frozenset[str] = frozenset()
) -> RuleSet | None:
    """The checks between keys (the rule set's own), then the rule set when all is well."""
    plan = values.get("plan")
    if plan is not None:
        plan = found.check(lambda: check_plan(plan))
    if "id" in values and plan is not None:
        found.check(lambda: check_id(values["id"], plan))
    if "version" in values:
        found.check(lambda: check_version(values["version"]))
    places = values.get("scoring.places")
    if places is not None:
        thresholds = (
            "scoring.achieved_min",
            "eligibility.annual_score_min",
            "eligibility.previous_year_score_min",
        )
        for key in thresholds:
            if key in values:
                found.check(partial(check_threshold, key, values[key], places))
    years = values.get("years")
    targets = values.get("targets")
    if years is not None and targets is not None:
        found.check(lambda: check_targets(targets, years, places))
    sources = values.get("sources", {})
    if targets is not None:
        optional = tuple(
            key
            for key in OPTIONAL_PARAMETERS
            if key in values or (key == "cycle.missing_year" and "cycle" in sections)
        )
        keys = parameter_keys_of(sorted(targets)) + optional
        found.check(lambda: check_sources(sources, keys))
    if found.found:
        return None
    return found.check(
        lambda: RuleSet(
            id=values["id"],
            version=values["version"],
            plan=values["plan"],
            years=values["years"],
            scoring=ScoringRules(
                basis=values["scoring.basis"],
                late=values["scoring.late"],
                missing_period=values["scoring.missing_period"],
                achieved_min=values["scoring.achieved_min"],
                places=values["scoring.places"],
            ),
            targets=values["targets"],
            eligibility=EligibilityRules(
                criteria=values["eligibility.criteria"],
                annual_score_min=values["eligibility.annual_score_min"],
                allegation_cutoff=values["eligibility.allegation_cutoff"],
                previous_year_score_min=values.get("eligibility.previous_year_score_min"),
                consistent_years=values.get("eligibility.consistent_years"),
            ),
            cycle=CycleRules(missing_year=values["cycle.missing_year"])
            if "cycle.missing_year" in values
            else (CycleRules() if "cycle" in sections else None),
            sources=values.get("sources", {}),
            origin=name,
        )
    )

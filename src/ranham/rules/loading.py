"""Reading rule sets from TOML: shipped ones by id, others from a path, errors located by key.

A rule-set file holds every key of ``scoring.md`` and no other (``[sources]`` may be left out of
a user's rule set). Numbers are read exactly from their decimal text: ``60.5`` is ``121/2``.

>>> from ranham.rules import load_ruleset, shipped_rulesets
>>> "ranham-2021-2025/default" in shipped_rulesets()
True
>>> rules = load_ruleset("ranham-2021-2025/default")
>>> rules.version, rules.scoring.basis.value, rules.scoring.places
('1', 'verified', 2)
>>> loads_ruleset('id = "x"', name="mine.toml")
Traceback (most recent call last):
...
ranham.errors.RuleSetError: mine.toml: version: is required; add it, e.g. version = "1".
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ranham.errors import RuleSetError, UnknownNameError
from ranham.model import Tier
from ranham.rules._cycle_keys import cycle_rules, look_back_parameters
from ranham.rules.ruleset import (
    Basis,
    Criterion,
    EligibilityRules,
    Late,
    MissingPeriod,
    MonthDay,
    RuleSet,
    ScoringRules,
)

__all__ = [
    "default_ruleset",
    "load_ruleset",
    "loads_ruleset",
    "ruleset_for",
    "shipped_rulesets",
]

_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,127}/[a-z0-9][a-z0-9._-]{0,127}")

_TOP: dict[str, str] = {
    "id": 'id = "ranham-2021-2025/mine"',
    "version": 'version = "1"',
    "plan": 'plan = "ranham-2021-2025"',
    "years": "years = [2021, 2025]",
    "scoring": "a [scoring] table",
    "targets": "a [targets] table (it may be empty)",
    "eligibility": "an [eligibility] table",
}
_SCORING: dict[str, str] = {
    "basis": 'basis = "verified"',
    "late": 'late = "accept"',
    "missing_period": 'missing_period = "zero"',
    "achieved_min": "achieved_min = 100",
    "places": "places = 2",
}
_ELIGIBILITY: dict[str, str] = {
    "criteria": 'criteria = ["reported-on-time", "all-verified", "annual-score", "no-allegation"]',
    "annual_score_min": "annual_score_min = 80",
    "allegation_cutoff": 'allegation_cutoff = "09-17"',
}


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


def load_ruleset(source: str | os.PathLike[str]) -> RuleSet:
    """A shipped rule set by id (``"ranham-2021-2025/default"``) or a rule-set file by path.

    A string ending in ``.toml`` and any :class:`os.PathLike` are paths; any other string is a
    shipped id. Raises :class:`~ranham.errors.UnknownNameError` for an id that is not shipped and
    :class:`~ranham.errors.RuleSetError` for a file that cannot be read or is malformed.
    """
    if isinstance(source, os.PathLike) or (isinstance(source, str) and source.endswith(".toml")):
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or type(error).__name__
            raise RuleSetError(
                f"cannot be read ({reason}); check the path, or pass a shipped rule set id "
                f"such as {shipped_rulesets()[0]!r}.",
                location=str(source),
            ) from None
        return loads_ruleset(text, name=str(source))
    if not isinstance(source, str) or not _ID.fullmatch(source):
        raise UnknownNameError(
            f"{source!r} is neither a rule set id PLAN/NAME nor a path ending in .toml; "
            f"shipped rule sets: {', '.join(shipped_rulesets())}."
        )
    plan, name = source.split("/")
    item = _rulesets_dir() / plan / f"{name}.toml"
    if not item.is_file():
        raise UnknownNameError(
            f"no shipped rule set {source!r}; shipped rule sets: "
            f"{', '.join(shipped_rulesets())} (or give a path ending in .toml)."
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


def loads_ruleset(text: str, *, name: str = "<rule set>") -> RuleSet:
    """A rule set from TOML text; ``name`` (the file) prefixes the location of every error."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise RuleSetError(
            f"is not valid TOML: {error}. Correct the text at that position.", location=name
        ) from None
    try:
        return _build(data, name)
    except RuleSetError as error:
        detail = str(error).removeprefix(f"{error.location}: ") if error.location else str(error)
        where = f"{name}: {error.location}" if error.location else name
        raise RuleSetError(detail, location=where) from None


def _table(data: Mapping[str, Any], keys: Mapping[str, str], where: str) -> None:
    prefix = f"{where}." if where else ""
    extra = [key for key in data if key not in keys]
    if extra:
        raise RuleSetError(
            f"is not a key of {'the rule set' if not where else f'[{where}]'}; the keys are: "
            f"{', '.join(keys)} (check the spelling).",
            location=prefix + extra[0],
        )
    for key, example in keys.items():
        if key not in data:
            raise RuleSetError(f"is required; add it, e.g. {example}.", location=prefix + key)


def _sub(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data[key]
    if not isinstance(value, dict):
        raise RuleSetError(f"must be a table [{key}] (got {_toml(value)}).", location=key)
    return value


def _string(value: Any, location: str) -> str:
    if not isinstance(value, str):
        raise RuleSetError(f"must be a string in quotes (got {_toml(value)}).", location=location)
    return value


def _number(value: Any, location: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise RuleSetError(
            f"must be a number such as 80 or 60.5 (got {_toml(value)}).", location=location
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise RuleSetError(f"must be a finite number (got {value}).", location=location)
    return Fraction(value)


def _choice(value: Any, kind: type[Basis] | type[Late] | type[MissingPeriod], location: str) -> Any:
    text = _string(value, location)
    try:
        return kind(text)
    except ValueError:
        choices = " or ".join(f'"{m.value}"' for m in kind)
        raise RuleSetError(f'must be {choices} (got "{text}").', location=location) from None


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return str(value)


def _build(data: dict[str, Any], name: str) -> RuleSet:
    keys = dict(_TOP)
    if "sources" in data:
        keys["sources"] = "a [sources] table"
    if "cycle" in data:  # optional, across years
        keys["cycle"] = "a [cycle] table"
    _table(data, keys, "")
    years = data["years"]
    if not isinstance(years, list) or len(years) != 2 or not all(type(y) is int for y in years):
        raise RuleSetError(
            f"must be [FIRST, LAST], two whole years, both included, such as [2021, 2025] "
            f"(got {_toml(years) if not isinstance(years, list) else years}).",
            location="years",
        )
    scoring = _sub(data, "scoring")
    _table(scoring, _SCORING, "scoring")
    places = scoring["places"]
    if isinstance(places, bool) or not isinstance(places, int):
        raise RuleSetError(
            f"must be a whole number of decimals such as 2 (got {_toml(places)}).",
            location="scoring.places",
        )
    scoring_rules = ScoringRules(
        basis=_choice(scoring["basis"], Basis, "scoring.basis"),
        late=_choice(scoring["late"], Late, "scoring.late"),
        missing_period=_choice(scoring["missing_period"], MissingPeriod, "scoring.missing_period"),
        achieved_min=_number(scoring["achieved_min"], "scoring.achieved_min"),
        places=places,
    )
    look_back, eligibility = look_back_parameters(_sub(data, "eligibility"))
    _table(eligibility, _ELIGIBILITY, "eligibility")
    return RuleSet(
        id=_string(data["id"], "id"),
        version=_string(data["version"], "version"),
        plan=_string(data["plan"], "plan"),
        years=(years[0], years[1]),
        scoring=scoring_rules,
        targets=_targets(_sub(data, "targets")),
        eligibility=EligibilityRules(
            criteria=_criteria(eligibility["criteria"]),
            annual_score_min=_number(
                eligibility["annual_score_min"], "eligibility.annual_score_min"
            ),
            allegation_cutoff=MonthDay.parse(
                _string(eligibility["allegation_cutoff"], "eligibility.allegation_cutoff")
            ),
            **look_back,
        ),
        cycle=cycle_rules(data),
        sources={
            key: _string(value, f'sources."{key}"') for key, value in _sub(data, "sources").items()
        }
        if "sources" in data
        else {},
        origin=name,
    )


def _criteria(value: Any) -> tuple[Criterion, ...]:
    location = "eligibility.criteria"
    if not isinstance(value, list):
        raise RuleSetError(
            f'must be an array of criterion ids such as ["annual-score"] (got {_toml(value)}).',
            location=location,
        )
    out: list[Criterion] = []
    for index, item in enumerate(value):
        text = _string(item, f"{location}[{index}]")
        try:
            out.append(Criterion(text))
        except ValueError:
            known = ", ".join(f'"{c.value}"' for c in Criterion)
            raise RuleSetError(
                f'"{text}" is not a criterion; the criteria are {known}.',
                location=f"{location}[{index}]",
            ) from None
    return tuple(out)


def _targets(table: Mapping[str, Any]) -> dict[int, dict[Tier, Fraction]]:
    out: dict[int, dict[Tier, Fraction]] = {}
    for key, tiers in table.items():
        if not key.isdigit() or len(key) != 4:
            raise RuleSetError(
                f"must be a year such as [targets.2022] (got {key!r}).", location=f"targets.{key}"
            )
        if not isinstance(tiers, dict):
            raise RuleSetError(
                f"must be a table of tier = percent, such as kl = 75 (got {_toml(tiers)}).",
                location=f"targets.{key}",
            )
        row: dict[Tier, Fraction] = {}
        for tier_name, value in tiers.items():
            try:
                tier = Tier(tier_name)
            except ValueError:
                raise RuleSetError(
                    'is not a tier; use "kl", "provinsi" or "kabkota".',
                    location=f"targets.{key}.{tier_name}",
                ) from None
            row[tier] = _number(value, f"targets.{key}.{tier_name}")
        out[int(key)] = row
    return out

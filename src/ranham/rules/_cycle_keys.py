"""The optional rule-set keys of evaluation across years, read from a parsed TOML table.

Kept apart from :mod:`ranham.rules.loading` so that the loader only calls two functions:
:func:`look_back_parameters` takes the look-back criteria's parameters out of ``[eligibility]``
(what remains is checked by the loader as before), and :func:`cycle_rules` reads the optional
``[cycle]`` table. Every other key stays required, so rule-set files written before these keys
stay valid (``scoring.md``, "Across years").
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ranham.errors import RuleSetError
from ranham.rules.ruleset import CycleRules, MissingYear

__all__ = ["CYCLE_KEYS", "LOOK_BACK_KEYS", "cycle_rules", "look_back_parameters"]

LOOK_BACK_KEYS: dict[str, str] = {
    "previous_year_score_min": "previous_year_score_min = 80",
    "consistent_years": "consistent_years = 2",
}
"""The optional keys of ``[eligibility]`` and an example of each."""

CYCLE_KEYS: dict[str, str] = {"missing_year": 'missing_year = "exclude"'}
"""The keys of ``[cycle]`` (each optional) and an example of each."""

_MAX_DIGITS = 30
_MAX_EXPONENT = 30


def look_back_parameters(
    eligibility: Mapping[str, Any],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(parameters, rest)``: the look-back parameters read, and the other keys untouched."""
    rest = {key: value for key, value in eligibility.items() if key not in LOOK_BACK_KEYS}
    found: dict[str, Any] = {}
    if "previous_year_score_min" in eligibility:
        found["previous_year_score_min"] = _number(
            eligibility["previous_year_score_min"], "eligibility.previous_year_score_min"
        )
    if "consistent_years" in eligibility:
        value = eligibility["consistent_years"]
        if isinstance(value, bool) or not isinstance(value, int):
            raise RuleSetError(
                f"must be a whole number of years such as 2 (got {_toml(value)}).",
                location="eligibility.consistent_years",
            )
        found["consistent_years"] = value
    return found, rest


def cycle_rules(data: Mapping[str, Any]) -> CycleRules | None:
    """The ``[cycle]`` table of a rule-set file; ``None`` when there is none."""
    if "cycle" not in data:
        return None
    table = data["cycle"]
    if not isinstance(table, dict):
        raise RuleSetError(f"must be a table [cycle] (got {_toml(table)}).", location="cycle")
    extra = [key for key in table if key not in CYCLE_KEYS]
    if extra:
        raise RuleSetError(
            f"is not a key of [cycle]; the keys are: {', '.join(CYCLE_KEYS)} (check the spelling).",
            location=f"cycle.{extra[0]}",
        )
    if "missing_year" not in table:
        return CycleRules()
    value = table["missing_year"]
    choices = " or ".join(f'"{m.value}"' for m in MissingYear)
    if not isinstance(value, str) or value not in {m.value for m in MissingYear}:
        raise RuleSetError(
            f"must be {choices} (got {_toml(value)}).", location="cycle.missing_year"
        )
    return CycleRules(missing_year=MissingYear(value))


def _number(value: Any, location: str) -> Fraction:
    """A TOML number as the exact fraction it is written as; digits and exponent bounded first."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise RuleSetError(f"must be a number such as 80 (got {_toml(value)}).", location=location)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise RuleSetError(f"must be a finite number (got {value}).", location=location)
        _sign, digits, exponent = value.as_tuple()
        if (
            len(digits) > _MAX_DIGITS
            or not isinstance(exponent, int)
            or abs(exponent) > _MAX_EXPONENT
        ):
            raise RuleSetError(
                "must be a percentage written with at most 30 digits, such as 80 or 72.5.",
                location=location,
            )
    elif value.bit_length() > 100:
        raise RuleSetError("must be a percentage from 0 to 100.", location=location)
    return Fraction(value)


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return f'"{shown}"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return str(value)[:40]

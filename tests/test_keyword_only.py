"""Rule, result and validation classes are built with keywords only (issue 19, style.md).

A class that takes its fields by position breaks every caller when a field is added or moved.
For each public attrs class of the rules, scoring, eligibility, case and validation results, a
real instance is rebuilt from its own field values: by keyword it gives the same value, by
position it is refused with a ``TypeError``. Kills dropping ``kw_only=True`` from any of them.
Three small value classes are positional on purpose (``MonthDay(9, 17)``,
``Quantity(function, args)``, ``Message(key, params)``) and are checked to stay the only ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

import ranham.cases
import ranham.recommendations
import ranham.rules
import ranham.validation
from ranham import io
from ranham.cases import Mismatch, load_case, run_cases
from ranham.rules import (
    CycleRules,
    EligibilityRules,
    ScoringRules,
    evaluate_years,
    explain,
    load_ruleset,
    score,
)
from ranham.rules.cases import SHIPPED_CASES
from ranham.validation import validate

POSITIONAL_VALUES = {"MonthDay", "Quantity", "Message"}


def _bekasi() -> Any:
    return io.load(SHIPPED_CASES / "bekasi-2022.json")


def _eligibility() -> Any:
    return ranham.rules.eligibility(_bekasi())


def _decision() -> Any:
    return _eligibility().decision("32.16")


def _case_result() -> Any:
    (result,) = run_cases([SHIPPED_CASES / "published-national-b04-2022.toml"])
    return result


def _mismatch() -> Any:
    scores = score(_bekasi())
    node = explain(scores, "S(32.16,2022-B04)")
    return Mismatch(quantity="S(32.16,2022-B04)", expected="1.00", actual="66.67", explanation=node)


EXAMPLES: dict[str, Callable[[], Any]] = {
    "RuleSet": lambda: load_ruleset("ranham-2021-2025/default"),
    "ScoringRules": ScoringRules,
    "EligibilityRules": EligibilityRules,
    "Scores": lambda: score(_bekasi()),
    "ReportCount": lambda: score(_bekasi()).report_count("32.16", "2022-B04"),
    "Eligibility": _eligibility,
    "Decision": _decision,
    "CriterionResult": lambda: _decision().criteria[0],
    "Node": lambda: explain(score(_bekasi()), "S(32.16,2022-B04)"),
    "Case": lambda: load_case(SHIPPED_CASES / "published-national-b04-2022.toml"),
    "CaseResult": _case_result,
    "Mismatch": _mismatch,
    "Issue": lambda: validate(b'{"kind": "report"}').issues[0],
    "ValidationResult": lambda: validate(b'{"kind": "report"}'),
    "Context": lambda: ranham.validation.context(_bekasi()),
    "CycleRules": CycleRules,
    "Cycles": lambda: evaluate_years([_bekasi()]),
}


def _public_attrs_classes() -> dict[str, type]:
    found: dict[str, type] = {}
    for module in (ranham.rules, ranham.validation, ranham.recommendations, ranham.cases):
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, type) and attrs.has(value):
                found[name] = value
    return found


def test_only_the_small_value_classes_take_positional_arguments() -> None:
    positional = {
        name
        for name, cls in _public_attrs_classes().items()
        if not all(field.kw_only for field in attrs.fields(cls) if field.init)
    }
    assert positional == POSITIONAL_VALUES


def test_every_rule_and_result_class_has_an_example_here() -> None:
    classes = _public_attrs_classes()
    rules_and_results = {
        name
        for name, cls in classes.items()
        if cls.__module__.startswith(("ranham.rules", "ranham.validation", "ranham.cases"))
    }
    assert rules_and_results - POSITIONAL_VALUES == set(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_positional_construction_is_refused(name: str) -> None:
    instance = EXAMPLES[name]()
    cls = type(instance)
    assert cls.__name__ == name
    fields = [field for field in attrs.fields(cls) if field.init]
    values = [getattr(instance, field.name) for field in fields]
    rebuilt = cls(**{field.alias: value for field, value in zip(fields, values, strict=True)})
    assert rebuilt == instance
    with pytest.raises(TypeError, match="positional argument"):
        cls(*values)

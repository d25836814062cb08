"""Rules as data: completion scores, incentive eligibility and explanations.

Every parameter a ministry might change lives in a versioned rule set (TOML, shipped or loaded
from a path); every number is exact (:class:`~fractions.Fraction`) until it is rounded once,
half up, to the rule set's ``places``; every result says which rule set produced it, and every
quantity can be explained down to the individual measures. Expert test cases, which read
documents, live above the rules in :mod:`ranham.cases`.

>>> from ranham.rules.cases import SHIPPED_CASES
>>> from ranham import io
>>> from ranham.rules import score, explain, render_text
>>> scores = score(io.load(SHIPPED_CASES / "bekasi-2022.json"))
>>> scores.shown("S(32.16,2022-B04)"), scores.shown("eligible(32.16)")
('66.67', False)
"""

from __future__ import annotations

from ranham.rules._eligibility import CriterionResult, Decision, Eligibility, eligibility
from ranham.rules._explain import explain
from ranham.rules._json_types import (
    ActionScoreJson,
    CriterionJson,
    DecisionJson,
    EligibilityJson,
    Figure,
    InstitutionScoreJson,
    NationalJson,
    RuleSetRefJson,
    ScoresJson,
    TierName,
    TierScoreJson,
)
from ranham.rules.counting import CountReason, ReportCount
from ranham.rules.cycles import CYCLE_QUANTITIES, Cycles, evaluate_years
from ranham.rules.loading import default_ruleset, load_ruleset, loads_ruleset, shipped_rulesets
from ranham.rules.node import Node
from ranham.rules.numbers import fixed, round_half_up
from ranham.rules.quantities import CYCLE_FORMS, FORMS, Quantity, parse_quantity
from ranham.rules.render import node_to_json, render_text
from ranham.rules.ruleset import (
    LOOK_BACK,
    SINGLE_YEAR,
    Basis,
    Criterion,
    CycleRules,
    EligibilityRules,
    Late,
    MissingPeriod,
    MissingYear,
    MonthDay,
    RuleSet,
    ScoringRules,
)
from ranham.rules.scoring import Scores, score
from ranham.rules.texts import Message

__all__ = [
    # rule sets
    "RuleSet",
    "ScoringRules",
    "EligibilityRules",
    "Basis",
    "Late",
    "MissingPeriod",
    "Criterion",
    "SINGLE_YEAR",
    "LOOK_BACK",
    "CycleRules",
    "MissingYear",
    "MonthDay",
    "load_ruleset",
    "loads_ruleset",
    "shipped_rulesets",
    "default_ruleset",
    # scoring
    "score",
    "Scores",
    "ReportCount",
    "CountReason",
    "round_half_up",
    "fixed",
    # eligibility
    "eligibility",
    "Eligibility",
    "Decision",
    "CriterionResult",
    # across years
    "evaluate_years",
    "Cycles",
    "CYCLE_FORMS",
    "CYCLE_QUANTITIES",
    # quantities and explanations
    "FORMS",
    "Quantity",
    "parse_quantity",
    "explain",
    "Node",
    "Message",
    "render_text",
    "node_to_json",
    # the types of the JSON output
    "ScoresJson",
    "NationalJson",
    "TierScoreJson",
    "InstitutionScoreJson",
    "ActionScoreJson",
    "EligibilityJson",
    "DecisionJson",
    "CriterionJson",
    "RuleSetRefJson",
    "Figure",
    "TierName",
]

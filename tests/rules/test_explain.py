"""Explanations: every quantity's tree reproduces it exactly, and each node follows from its
children by the rule step it names."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings

from ranham import io
from ranham.errors import UnknownNameError
from ranham.periods import ReportingPeriod
from ranham.rules import (
    FORMS,
    MissingPeriod,
    Node,
    Scores,
    explain,
    node_to_json,
    render_text,
    score,
)
from ranham.rules.cases import SHIPPED_CASES
from ranham.rules.numbers import exact_text, round_half_up
from tests.conftest import examples

from ._data import datasets, quantity_names, rulesets

CASES = SHIPPED_CASES


def _mean(values: list[Fraction]) -> Fraction | None:
    return Fraction(sum(values), len(values)) if values else None


def _function(node: Node) -> tuple[str, list[str]]:
    function, _, rest = node.quantity.partition("(")
    return function, rest.rstrip(")").split(",") if rest else []


def check_tree(node: Node, scores: Scores, seen: set[int] | None = None) -> None:
    """Recompute every node of the tree from its children by the rule it names."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    rules = scores.ruleset
    places = rules.scoring.places
    function, args = _function(node)
    kids = node.children
    values = [k.value for k in kids]
    if isinstance(node.value, Fraction) or node.rounded is not None:
        assert node.rounded == scores.round(node.value)
    if function in ("report", "met", "on_time", "verified", "allegation"):
        assert kids == ()
        assert isinstance(node.value, bool)
    elif function == "s" and len(args) == 3:
        assert _function(kids[0])[0] == "report"
        if not kids[0].value:
            assert node.value is None
            assert len(kids) == 1
        else:
            action = scores.dataset.catalog.action(args[1])
            measures = action.measures_for(ReportingPeriod.parse(args[2]).code)
            assert [k.quantity for k in kids[1:]] == [f"met({args[0]},{m.id})" for m in measures]
            assert node.value == Fraction(100 * sum(values[1:]), len(measures))
    elif function == "S" and len(args) == 2:
        if not kids[0].value:
            assert node.value is None
            assert len(kids) == 1
        else:
            assert len(kids) - 1 == len(scores.assigned(args[0]))
            assert node.value == _mean(values[1:])
    elif function in ("S", "s"):  # annual, steps 5 and 6
        assert len(kids) == len(scores.periods)
        defined = [v for v in values if v is not None]
        if not defined:
            assert node.value is None
        elif rules.scoring.missing_period is MissingPeriod.ZERO:
            assert node.value == Fraction(sum(defined), len(kids))
        else:
            assert node.value == _mean(defined)
    elif function == "achieved":
        (annual,) = values
        assert node.value == (
            annual is not None and round_half_up(annual, places) >= rules.scoring.achieved_min
        )
    elif function in ("T", "N"):
        assert node.value == _mean([v for v in values if v is not None])
    elif function == "participation":
        assert node.value == (Fraction(100 * sum(values), len(values)) if values else None)
    elif function == "target_met":
        target = rules.target(scores.year, scores._tier(args[0]))
        (annual,) = values
        expected = (
            None if target is None or annual is None else round_half_up(annual, places) >= target
        )
        assert node.value == expected
    elif function == "ratio" and args:
        assert node.value == (Fraction(100 * sum(values), len(values)) if values else None)
    elif function == "ratio":
        achieved = sum(sum(g.value for g in k.children) for k in kids)
        targets = sum(len(k.children) for k in kids)
        assert node.value == (Fraction(100 * achieved, targets) if targets else None)
    elif function == "eligible":
        assert node.value == all(values)
        assert [k.quantity.partition("(")[0] for k in kids] == [
            c.value for c in rules.eligibility.criteria
        ]
    elif function in ("reported-on-time", "all-verified"):
        assert node.value == all(values)
        assert len(kids) == len(scores.periods)
    elif function == "annual-score":
        (annual,) = values
        assert node.value == (
            annual is not None
            and round_half_up(annual, places) >= rules.eligibility.annual_score_min
        )
    elif function == "no-allegation":
        assert node.value == (not any(values))
    elif function == "rank":
        assert kids[0].quantity == f"eligible({args[0]})"
        if node.value is None:
            assert kids[0].value is False
        else:
            me = next(k for k in kids[1:] if k.quantity == f"S({args[0]})")

            def key(k: Node) -> tuple[bool, Fraction, str]:
                v = k.value
                return (v is None, -v if v is not None else Fraction(0), _function(k)[1][0])

            assert node.value == 1 + sum(1 for k in kids[1:] if key(k) < key(me))
            return  # the peers are summaries, not explained further
    else:  # pragma: no cover - a node the checker does not know
        raise AssertionError(f"unchecked node {node.quantity}")
    for kid in kids:
        check_tree(kid, scores, seen)


@settings(max_examples=examples(60))
@given(datasets(), rulesets())
def test_explain_reproduces_every_quantity_exactly_and_each_node_follows_from_its_children(
    dataset, ruleset
):
    scores = score(dataset, ruleset)
    for name in quantity_names(dataset):
        node = explain(scores, name)
        expected = scores.value(name)
        assert type(node.value) is type(expected), name
        assert node.value == expected, name
        assert node.ruleset == (ruleset.id, ruleset.version)
        check_tree(node, scores)


@pytest.fixture(scope="module")
def bekasi() -> Scores:
    return score(io.load(CASES / "bekasi-2022.json"))


def test_the_bekasi_question_is_answered_down_to_the_measures(bekasi):
    node = explain(bekasi.eligibility(), "eligible(32.16)")
    text = render_text(node, "en")
    assert text.splitlines()[0] == "rule set ranham-2021-2025/default, version 1"
    assert "eligible(32.16) = no" in text
    assert "S(32.16) = 44.44 (exact 400/9) · step 5, institution annual score" in text
    assert (
        "report(32.16,2022-B12) = no · step 1, counted report: not counted: status returned" in text
    )
    assert "met(32.16,2022-kabkota-5-b04-1) = no · step 2, measure met" in text
    assert "substantive no" in text
    assert "on_time(32.16,2022-B08) = no" in text
    assert "late (window 2022-08-30 to 2022-09-06)" in text
    assert "allegation(32.16,ADU-2022-0113) = yes" in text
    assert "within 2022-01-01 to 2023-09-17" in text
    indonesian = render_text(node, "id")
    assert indonesian.splitlines()[0] == "aturan ranham-2021-2025/default, versi 1"
    assert "S(32.16) = 44.44 (eksak 400/9) · langkah 5, nilai tahunan instansi" in indonesian
    assert "tidak dihitung: status returned" in indonesian


def test_depth_cuts_the_tree_and_says_how_much_is_left(bekasi):
    node = explain(bekasi, "S(32.16)")
    lines = render_text(node, "en", depth=1).splitlines()
    more = "    … {} more (raise the depth to see them)"
    assert [line.split(" = ")[0] for line in lines] == [
        "rule set ranham-2021-2025/default, version 1",
        "S(32.16)",
        "  S(32.16,2022-B04)",
        more.format(7),  # its report and its 6 actions
        "  S(32.16,2022-B08)",
        more.format(7),
        "  S(32.16,2022-B12)",
        more.format(1),  # its report, which does not count
    ]
    cut = node_to_json(node, depth=0)
    assert cut["children"] == []
    assert cut["more"] == 3


def test_walk_visits_every_node_down_to_the_measures(bekasi):
    node = explain(bekasi, "S(32.16,2022-B04)")
    names = [n.quantity for n in node.walk()]
    assert names[:3] == [
        "S(32.16,2022-B04)",
        "report(32.16,2022-B04)",
        "s(32.16,2022-kabkota-1,2022-B04)",
    ]
    assert sum(name.startswith("met(") for name in names) == 6


def test_json_of_a_node(bekasi):
    data = node_to_json(explain(bekasi, "S(32.16)"))
    assert data["ruleset"] == {"id": "ranham-2021-2025/default", "version": "1"}
    assert data["quantity"] == "S(32.16)"
    assert data["value"] == exact_text(Fraction(400, 9)) == "400/9"
    assert data["rounded"] == "44.44"
    assert data["step"] == "5"
    assert data["rule"] == {"en": "institution annual score", "id": "nilai tahunan instansi"}
    assert data["params"] == {"missing_period": "zero"}
    assert set(data["why"]) == {"en", "id"}
    b12 = data["children"][2]
    assert (b12["value"], b12["rounded"]) == (None, None)
    assert b12["children"][0]["value"] is False
    assert "ruleset" not in b12


def test_unknown_quantities_are_refused_with_every_form(bekasi):
    with pytest.raises(UnknownNameError) as caught:
        explain(bekasi, "X(1)")
    assert all(form in str(caught.value) for form in FORMS)
    with pytest.raises(UnknownNameError, match="not a period of this dataset"):
        explain(bekasi, "S(32.16,2022-B06)")

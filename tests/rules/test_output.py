"""The JSON of ``ranham score`` and ``ranham eligibility`` has exactly scoring.md's shape."""

from __future__ import annotations

import re

import jsonschema
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ranham import io
from ranham.model import Tier
from ranham.rules import Scores, score
from ranham.rules.cases import SHIPPED_CASES

from ._data import datasets, rulesets

CASES = SHIPPED_CASES


def _schema(places: int, periods: list[str], by_action: bool) -> dict:
    decimals = rf"\.\d{{{places}}}" if places else ""
    number = {"type": ["string", "null"], "pattern": rf"^(0|[1-9]\d?|100){decimals}$"}
    per_period = {
        "type": "object",
        "properties": dict.fromkeys(periods, number),
        "required": periods,
        "additionalProperties": False,
    }

    def obj(properties: dict, **extra) -> dict:
        return {
            "type": "object",
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
            **extra,
        }

    count = {"type": "integer", "minimum": 0}
    action = obj(
        {
            "action": {"type": "string"},
            "periods": per_period,
            "annual": number,
            "achieved": {"type": "boolean"},
        }
    )
    institution = {
        "code": {"type": "string"},
        "name": {"type": "string", "minLength": 1},
        "tier": {"enum": ["kl", "provinsi", "kabkota"]},
        "periods": per_period,
        "annual": number,
        "achieved": count,
        "targets": count,
    }
    if by_action:
        institution["actions"] = {"type": "array", "items": action}
    return obj(
        {
            "ruleset": obj({"id": {"type": "string"}, "version": {"type": "string"}}),
            "year": {"type": "integer"},
            "periods": {"const": periods},
            "national": obj({"periods": per_period, "annual": number}),
            "tiers": {
                "type": "array",
                "items": obj(
                    {
                        "tier": {"enum": ["kl", "provinsi", "kabkota"]},
                        "periods": per_period,
                        "annual": number,
                        "participation": per_period,
                        "target": number,
                        "target_met": {"type": ["boolean", "null"]},
                        "achieved": count,
                        "targets": count,
                        "achievement_ratio": number,
                    }
                ),
            },
            "institutions": {"type": "array", "items": obj(institution)},
            "achieved": count,
            "targets": count,
            "achievement_ratio": number,
        }
    )


def _check(scores: Scores, by_action: bool) -> None:
    data = scores.to_json(by_action=by_action)
    periods = [str(p) for p in scores.periods]
    jsonschema.validate(data, _schema(scores.places, periods, by_action))
    assert list(data) == [
        "ruleset",
        "year",
        "periods",
        "national",
        "tiers",
        "institutions",
        "achieved",
        "targets",
        "achievement_ratio",
    ]
    assert data["ruleset"] == {"id": scores.ruleset.id, "version": scores.ruleset.version}
    assert [t["tier"] for t in data["tiers"]] == [t.value for t in scores.tiers]
    assert [i["code"] for i in data["institutions"]] == sorted(scores.codes)
    # every value is the named quantity as shown (strings with places decimals, nulls)
    for p in periods:
        assert data["national"]["periods"][p] == scores.shown(f"N({p})")
    assert data["national"]["annual"] == scores.shown("N")
    assert data["achievement_ratio"] == scores.shown("ratio")
    for tier in data["tiers"]:
        t = tier["tier"]
        assert tier["annual"] == scores.shown(f"T({t})")
        assert tier["target_met"] == scores.shown(f"target_met({t})")
        assert tier["achievement_ratio"] == scores.shown(f"ratio({t})")
        assert tier["target"] == scores.round(scores.target(t))
        if tier["target"] is None or tier["annual"] is None:
            assert tier["target_met"] is None
        for p in periods:
            assert tier["periods"][p] == scores.shown(f"T({t},{p})")
            assert tier["participation"][p] == scores.shown(f"participation({t},{p})")
    for item in data["institutions"]:
        code = item["code"]
        assert list(item)[:3] == ["code", "name", "tier"]  # the name follows the code
        assert item["name"] == scores.dataset.institution(code).name
        assert item["annual"] == scores.shown(f"S({code})")
        assert item["targets"] == len(scores.dataset.assigned_actions(code))
        for p in periods:
            assert item["periods"][p] == scores.shown(f"S({code},{p})")
        if by_action:
            assert [a["action"] for a in item["actions"]] == [
                a.id for a in scores.dataset.assigned_actions(code)
            ]
            for a in item["actions"]:
                assert a["achieved"] == scores.shown(f"achieved({code},{a['action']})")
                assert a["annual"] == scores.shown(f"s({code},{a['action']})")
            assert item["achieved"] == sum(a["achieved"] for a in item["actions"])
    assert data["achieved"] == sum(t["achieved"] for t in data["tiers"])
    assert data["targets"] == sum(t["targets"] for t in data["tiers"])


@given(datasets(), rulesets())
@settings(deadline=None)  # no wall-clock limit: the machine's load is not the code's speed
def test_score_json_has_the_shape_and_formatting_of_the_spec(dataset, ruleset):
    scores = score(dataset, ruleset)
    _check(scores, by_action=False)
    _check(scores, by_action=True)


@given(datasets(), rulesets())
def test_eligibility_json_has_the_shape_of_the_spec(dataset, ruleset):
    result = score(dataset, ruleset).eligibility()
    for lang in ("en", "id"):
        data = result.to_json(lang=lang)
        assert list(data) == ["ruleset", "year", "decisions"]
        assert [d["code"] for d in data["decisions"]] == sorted(result.scores.codes)
        for decision in data["decisions"]:
            assert list(decision) == ["code", "name", "tier", "eligible", "rank", "criteria"]
            assert decision["name"] == result.scores.dataset.institution(decision["code"]).name
            assert [c["id"] for c in decision["criteria"]] == [
                c.value for c in ruleset.eligibility.criteria
            ]
            for criterion in decision["criteria"]:
                assert list(criterion) == ["id", "passed", "observed", "required"]
                assert isinstance(criterion["passed"], bool)
                assert criterion["observed"]
                assert criterion["required"]


def test_the_bekasi_example_of_the_spec():
    scores = score(io.load(CASES / "bekasi-2022.json"))
    bekasi = next(i for i in scores.to_json()["institutions"] if i["code"] == "32.16")
    assert bekasi == {
        "code": "32.16",
        "name": "Kabupaten Bekasi",
        "tier": "kabkota",
        "periods": {"2022-B04": "66.67", "2022-B08": "66.67", "2022-B12": None},
        "annual": "44.44",
        "achieved": 0,
        "targets": 6,
    }
    decision = scores.eligibility().to_json()["decisions"][1]
    assert decision == {
        "code": "32.16",
        "name": "Kabupaten Bekasi",
        "tier": "kabkota",
        "eligible": False,
        "rank": None,
        "criteria": [
            {
                "id": "reported-on-time",
                "passed": False,
                "observed": "2 of 3 periods on time",
                "required": "3 of 3",
            },
            {
                "id": "all-verified",
                "passed": False,
                "observed": "2 of 3 periods verified",
                "required": "3 of 3",
            },
            {"id": "annual-score", "passed": False, "observed": "44.44", "required": "80.00"},
            {
                "id": "no-allegation",
                "passed": False,
                "observed": "1 allegation",
                "required": "none",
            },
        ],
    }


def test_one_period_only():
    scores = score(io.load(CASES / "bekasi-2022.json"))
    data = scores.to_json(period="2022-B04")
    assert data["periods"] == ["2022-B04"]
    assert data["national"]["periods"] == {"2022-B04": "90.28"}
    assert all(list(t["participation"]) == ["2022-B04"] for t in data["tiers"])
    assert data["national"]["annual"] == scores.shown("N")


def test_scores_are_strings_with_places_decimals():
    text = orjson.dumps(score(io.load(CASES / "bekasi-2022.json")).to_json()).decode()
    for number in re.findall(r'"(\d+\.\d+)"', text):
        assert len(number.partition(".")[2]) == 2


@given(datasets(), rulesets(), st.sampled_from(list(Tier)))
@settings(deadline=None)
def test_score_json_of_one_tier_keeps_that_tier_and_its_institutions(dataset, ruleset, tier):
    scores = score(dataset, ruleset)
    whole = scores.to_json(by_action=True)
    for chosen in (tier, tier.value):
        data = scores.to_json(by_action=True, tier=chosen)
        assert data["tiers"] == [t for t in whole["tiers"] if t["tier"] == tier.value]
        assert data["institutions"] == [i for i in whole["institutions"] if i["tier"] == tier.value]
        rest = ("ruleset", "year", "periods", "national", "achieved", "targets")
        assert {k: data[k] for k in rest} == {k: whole[k] for k in rest}  # type: ignore[literal-required]
        assert data["achievement_ratio"] == whole["achievement_ratio"]


def test_the_tier_filters_of_score_and_eligibility_agree():
    scores = score(io.load(CASES / "bekasi-2022.json"))
    kabkota = scores.to_json(tier="kabkota")
    assert [i["code"] for i in kabkota["institutions"]] == ["32.16", "33.73"]
    assert [t["tier"] for t in kabkota["tiers"]] == ["kabkota"]
    decisions = scores.eligibility().to_json(tier=Tier.REGENCY_CITY)["decisions"]
    assert [d["code"] for d in decisions] == ["32.16", "33.73"]
    with pytest.raises(ValueError, match="kabupaten"):
        scores.to_json(tier="kabupaten")
    with pytest.raises(ValueError, match="kabupaten"):
        scores.eligibility().to_json(tier="kabupaten")

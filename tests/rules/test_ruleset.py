"""Rule sets: shipped and loadable, every key required, exact numbers, located errors."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import ranham.rules
from ranham import io
from ranham.errors import RuleSetError, UnknownNameError
from ranham.model import Tier
from ranham.rules import (
    SINGLE_YEAR,
    Basis,
    Criterion,
    EligibilityRules,
    Late,
    MissingPeriod,
    MonthDay,
    RuleSet,
    ScoringRules,
    load_ruleset,
    loads_ruleset,
    score,
    shipped_rulesets,
)
from ranham.rules.loading import default_ruleset
from ranham.rules.ruleset import PARAMETERS

RULES = Path(ranham.rules.__file__).parent
CASES = RULES / "cases"
DEFAULT = (RULES / "rulesets" / "ranham-2021-2025" / "default.toml").read_text()


def test_the_default_rule_set_is_the_one_of_the_spec():
    rules = load_ruleset("ranham-2021-2025/default")
    assert (rules.id, rules.version, rules.plan, rules.years) == (
        "ranham-2021-2025/default",
        "1",
        "ranham-2021-2025",
        (2021, 2025),
    )
    assert rules.scoring.basis is Basis.VERIFIED
    assert rules.scoring.achieved_min == 100
    assert rules.scoring.places == 2
    assert rules.targets == {2022: {Tier.KL: 75, Tier.PROVINCE: 65, Tier.REGENCY_CITY: 60}}
    assert rules.target(2023, Tier.KL) is None
    assert rules.eligibility.criteria == SINGLE_YEAR
    assert rules.eligibility.annual_score_min == 80
    assert rules.eligibility.allegation_cutoff == MonthDay(9, 17)


@pytest.mark.parametrize("ruleset_id", shipped_rulesets())
def test_every_shipped_rule_set_gives_a_source_for_every_parameter(ruleset_id):
    rules = load_ruleset(ruleset_id)
    assert rules.missing_sources == ()
    assert set(rules.sources) == set(rules.parameter_keys)
    assert set(PARAMETERS) <= set(rules.parameter_keys)


def test_paths_and_ids(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(DEFAULT.replace("/default", "/mine"))
    assert load_ruleset(str(path)).id == "ranham-2021-2025/mine"
    assert load_ruleset(path).origin == str(path)
    with pytest.raises(UnknownNameError, match="ranham-2021-2025/default"):
        load_ruleset("ranham-2021-2025/nope")
    with pytest.raises(UnknownNameError, match="neither a rule set id"):
        load_ruleset("../etc/passwd")
    with pytest.raises(RuleSetError, match=r"missing\.toml: cannot be read"):
        load_ruleset(str(tmp_path / "missing.toml"))


def test_floats_are_read_exactly_from_their_decimal_text():
    text = (
        DEFAULT.replace("achieved_min = 100", "achieved_min = 60.5")
        .replace("places = 2", "places = 1")
        .replace("annual_score_min = 80", "annual_score_min = 79.9")
    )
    rules = loads_ruleset(text)
    assert rules.scoring.achieved_min == Fraction(121, 2)
    assert rules.eligibility.annual_score_min == Fraction(799, 10)


def _without_scoring_table() -> str:
    head, _, rest = DEFAULT.partition("[scoring]")
    return head.replace('version = "1"', 'version = "1"\nscoring = 1') + rest.partition("\n\n")[2]


SCORING_NOT_A_TABLE = _without_scoring_table()


def _mutate(old: str, new: str) -> str:
    assert old in DEFAULT
    return DEFAULT.replace(old, new, 1)


BAD = [
    ("version", _mutate('version = "1"\n', ""), "is required"),
    ("scoring.places", _mutate("places = 2\n", ""), "is required"),
    ("colour", _mutate('version = "1"', 'version = "1"\ncolour = "red"'), "is not a key of"),
    ("scoring.basiss", _mutate('basis = "verified"', 'basiss = "verified"'), "is not a key"),
    ("scoring.basis", _mutate('basis = "verified"', 'basis = "checked"'), '"verified" or'),
    ("scoring.late", _mutate('late = "accept"', "late = true"), "string"),
    ("scoring.places", _mutate("places = 2", "places = 2.0"), "whole number"),
    ("scoring.places", _mutate("places = 2", "places = 11"), "from 0 to 10"),
    ("scoring.achieved_min", _mutate("achieved_min = 100", "achieved_min = 101"), "0 to 100"),
    ("scoring.achieved_min", _mutate("achieved_min = 100", 'achieved_min = "100"'), "number"),
    ("scoring.achieved_min", _mutate("achieved_min = 100", "achieved_min = nan"), "finite"),
    (
        "eligibility.annual_score_min",
        _mutate("annual_score_min = 80", "annual_score_min = 79.995"),
        "at most scoring.places = 2 decimals",
    ),
    ("eligibility.allegation_cutoff", _mutate('"09-17"', '"02-29"'), "only in leap years"),
    ("eligibility.allegation_cutoff", _mutate('"09-17"', '"9-17"'), "MM-DD"),
    ("eligibility.allegation_cutoff", _mutate('"09-17"', '"09-31"'), "every year"),
    ("eligibility.criteria[1]", _mutate('"all-verified"', '"all-verifed"'), "not a criterion"),
    (
        "eligibility.criteria",
        _mutate('"all-verified"', '"reported-on-time"'),
        "each criterion once",
    ),
    ("years", _mutate("[2021, 2025]", "[2025, 2021]"), "FIRST <= LAST"),
    ("years", _mutate("[2021, 2025]", "[2021]"), "FIRST, LAST"),
    ("id", _mutate('id = "ranham-2021-2025/default"', 'id = "default"'), "PLAN/NAME"),
    ("plan", _mutate('plan = "ranham-2021-2025"', 'plan = "RANHAM"'), "plan id"),
    ("targets.2022.pusat", _mutate("kl = 75", "pusat = 75"), "not a tier"),
    ("targets.2030", _mutate("[targets.2022]", "[targets.2030]"), "2021 to 2025"),
    ("targets.22", _mutate("[targets.2022]", "[targets.22]"), "a year"),
    (
        'sources."scoring.colour"',
        _mutate('"scoring.late"', '"scoring.colour"'),
        "names no parameter",
    ),
    ("scoring", SCORING_NOT_A_TABLE, "must be a table [scoring]"),
]


@pytest.mark.parametrize(("location", "text", "message"), BAD, ids=[b[0] for b in BAD])
def test_malformed_rule_sets_are_refused_with_a_located_teaching_error(location, text, message):
    with pytest.raises(RuleSetError) as caught:
        loads_ruleset(text, name="mine.toml")
    assert caught.value.location == f"mine.toml: {location}"
    assert message in str(caught.value)


def test_toml_syntax_errors_say_where():
    with pytest.raises(RuleSetError, match=r"mine\.toml: is not valid TOML: Invalid value"):
        loads_ruleset("id = ", name="mine.toml")


def test_sources_may_be_left_out_of_a_users_rule_set():
    rules = loads_ruleset(DEFAULT.split("\n[sources]")[0])
    assert rules.sources == {}
    assert "scoring.basis" in rules.missing_sources


def test_constructors_refuse_what_files_refuse():
    rules = load_ruleset("ranham-2021-2025/default")
    with pytest.raises(RuleSetError, match=r"scoring\.places"):
        attrs.evolve(rules.scoring, places=-1)
    with pytest.raises(RuleSetError, match=r"eligibility\.annual_score_min"):
        attrs.evolve(
            rules, eligibility=attrs.evolve(rules.eligibility, annual_score_min=Fraction(1, 3))
        )
    with pytest.raises(RuleSetError, match=r"eligibility\.allegation_cutoff"):
        MonthDay(2, 29)


def test_a_rule_set_for_other_years_or_another_plan_is_refused():
    dataset = io.load(CASES / "bekasi-2022.json")
    rules = load_ruleset("ranham-2021-2025/default")
    with pytest.raises(RuleSetError, match="covers the years 2023–2025, not 2022"):
        score(dataset, attrs.evolve(rules, years=(2023, 2025), targets={}, sources={}))
    other = RuleSet(
        id="ranham-2026-2030/default", version="1", plan="ranham-2026-2030", years=(2026, 2030)
    )
    with pytest.raises(RuleSetError, match="is for plan ranham-2026-2030"):
        score(dataset, other)
    with pytest.raises(RuleSetError, match="no default rule set is shipped for plan 'ranham-1999'"):
        default_ruleset("ranham-1999", 2000)
    with pytest.raises(RuleSetError, match="not 2026"):
        default_ruleset("ranham-2021-2025", 2026)


def test_parameters_as_shown():
    shown = load_ruleset("ranham-2021-2025/default").parameters()
    assert shown["scoring.achieved_min"] == "100.00"
    assert shown["targets.2022"] == {"kl": "75.00", "provinsi": "65.00", "kabkota": "60.00"}
    assert shown["eligibility.allegation_cutoff"] == "09-17"


@pytest.mark.parametrize(
    ("build", "location"),
    [
        (lambda: ScoringRules(basis="verified"), "scoring.basis"),
        (lambda: ScoringRules(achieved_min=80.0), "scoring.achieved_min"),
        (lambda: EligibilityRules(criteria=["annual-score"]), "eligibility.criteria"),
        (lambda: EligibilityRules(allegation_cutoff="09-17"), "eligibility.allegation_cutoff"),
        (lambda: RuleSet(id="p/x", version="1", plan="p", years=(1, 2), scoring=None), "scoring"),
        (
            lambda: RuleSet(id="p/x", version="1", plan="p", years=(1, 2), eligibility=None),
            "eligibility",
        ),
        (lambda: RuleSet(id="p/x", version="1", plan="p", years=(1, 2), targets=[]), "targets"),
        (lambda: RuleSet(id="p/x", version="1", plan="p", years=(1, 2), sources=[]), "sources"),
        (lambda: RuleSet(id="p/x", version=" ", plan="p", years=(1, 2)), "version"),
        (
            lambda: RuleSet(id="p/x", version="1", plan="p", years=(1, 2), targets={1: {"kl": 1}}),
            "targets.1.kl",
        ),
        (
            lambda: RuleSet(
                id="p/x", version="1", plan="p", years=(1, 2), sources={"scoring.basis": ""}
            ),
            'sources."scoring.basis"',
        ),
    ],
)
def test_python_constructors_refuse_wrong_types(build, location):
    with pytest.raises(RuleSetError) as caught:
        build()
    assert caught.value.location == location


def test_python_numbers_are_taken_exactly():
    rules = ScoringRules(achieved_min=80, places=1)
    assert rules.achieved_min == Fraction(80)
    assert ScoringRules(achieved_min=Decimal("60.5"), places=1).achieved_min == Fraction(121, 2)
    ruleset = RuleSet(id="p/x", version="1", plan="p", years=(1, 2), targets={1: {Tier.KL: 75}})
    assert ruleset.target(1, Tier.KL) == Fraction(75)


def test_enums_show_their_toml_values():
    assert [str(x) for x in (Basis.CLAIMED, Late.REJECT, MissingPeriod.EXCLUDE)] == [
        "claimed",
        "reject",
        "exclude",
    ]
    assert str(Criterion.NO_ALLEGATION) == "no-allegation"
    assert str(MonthDay(9, 17)) == "09-17"

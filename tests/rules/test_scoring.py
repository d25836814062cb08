"""Completion scores: the laws of scoring.md as properties, and the corners as examples."""

from __future__ import annotations

import random
from fractions import Fraction

import attrs
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ranham import io
from ranham.errors import UnknownNameError
from ranham.model import (
    ActionEntry,
    Assessment,
    Dataset,
    Evidence,
    EvidenceKind,
    MeasureEntry,
    Report,
    ReportStatus,
    StatusChange,
)
from ranham.rules import Basis, RuleSet, Scores, load_ruleset, score
from ranham.rules.cases import SHIPPED_CASES

from ._data import WINDOWS, datasets, evolve_scoring, map_reports, moment, quantity_names, rulesets

CASES = SHIPPED_CASES


def results(dataset: Dataset, ruleset: RuleSet) -> bytes:
    """Everything scoring and eligibility output, as bytes."""
    scores = score(dataset, ruleset)
    return orjson.dumps([scores.to_json(by_action=True), scores.eligibility().to_json()])


_NUMBERS = frozenset({"s", "S", "T", "N", "participation", "ratio"})
"""The quantities that are scores or percentages (a Fraction, or None where undefined)."""


def numbers(scores: Scores) -> dict[str, Fraction | None]:
    """The scores and percentages by name. Chosen by name, not by value: an undefined ``rank``
    is ``None`` too, and becomes a number when meeting a measure makes its holder eligible."""
    return {
        name: scores.value(name)
        for name in quantity_names(scores.dataset)
        if name.partition("(")[0] in _NUMBERS
    }


# -- laws ------------------------------------------------------------------------------------


@given(datasets(), rulesets())
def test_every_score_and_percentage_lies_between_0_and_100(dataset, ruleset):
    for name, value in numbers(score(dataset, ruleset)).items():
        assert value is None or 0 <= value <= 100, name


def _met_under_both_bases(entry: MeasureEntry, status: ReportStatus) -> MeasureEntry:
    assessed = status in (ReportStatus.VERIFIED, ReportStatus.RETURNED)
    formal = Evidence(kind=EvidenceKind.DECREE, title="SK", letterhead=True, signed=True)
    return attrs.evolve(
        entry,
        claimed=True,
        evidence=(*entry.evidence, formal),
        assessment=Assessment(administrative=True, substantive=True) if assessed else None,
    )


def _meet_one_more(dataset: Dataset, choose: random.Random) -> Dataset | None:
    candidates = [
        (index, action, measure)
        for index, report in enumerate(dataset.reports)
        for action in dataset.assigned_actions(report.institution)
        for measure in action.measures_for(report.period.code)
    ]
    if not candidates:
        return None
    index, action, measure = choose.choice(candidates)
    report = dataset.reports[index]
    blank = MeasureEntry(measure=measure.id, claimed=False)
    entries = {e.action: e for e in report.entries}
    entry = entries.get(action.id, ActionEntry(action=action.id, measures=()))
    measures = {m.measure: m for m in entry.measures}
    measures[measure.id] = _met_under_both_bases(measures.get(measure.id, blank), report.status)
    entries[action.id] = attrs.evolve(entry, measures=tuple(measures.values()))
    changed = attrs.evolve(report, entries=tuple(entries.values()))
    reports = list(dataset.reports)
    reports[index] = changed
    return attrs.evolve(dataset, reports=tuple(reports))


@given(datasets(), rulesets(), st.randoms(use_true_random=False))
def test_meeting_one_more_measure_never_lowers_a_score(dataset, ruleset, choose):
    better = _meet_one_more(dataset, choose)
    if better is None:
        return
    before, after = score(dataset, ruleset), score(better, ruleset)
    old, new = numbers(before), numbers(after)
    for name, value in old.items():
        if name.startswith("participation"):
            assert new[name] == value, name  # meeting a measure changes who takes part: never
            continue
        assert (value is None) == (new[name] is None), name
        assert value is None or new[name] >= value, name
    for code in before.codes:
        assert after.achieved_count(code) >= before.achieved_count(code)


def _shuffled(dataset: Dataset, rnd: random.Random) -> Dataset:
    def shuffle(items):
        items = list(items)
        rnd.shuffle(items)
        return tuple(items)

    def report(r: Report) -> Report:
        entries = [
            attrs.evolve(
                e,
                measures=shuffle(attrs.evolve(m, evidence=shuffle(m.evidence)) for m in e.measures),
            )
            for e in r.entries
        ]
        return attrs.evolve(r, entries=shuffle(entries))

    catalog = dataset.catalog
    actions = tuple(
        attrs.evolve(a, measures=shuffle(a.measures), responsible=shuffle(a.responsible))
        for a in catalog.actions
    )
    return Dataset(
        catalog=attrs.evolve(catalog, actions=actions),
        institutions=shuffle(dataset.institutions),
        reports=shuffle(report(r) for r in dataset.reports),
        allegations=shuffle(dataset.allegations),
    )


@given(datasets(), rulesets(), st.randoms(use_true_random=False))
def test_no_result_depends_on_the_order_of_anything(dataset, ruleset, rnd):
    assert results(_shuffled(dataset, rnd), ruleset) == results(dataset, ruleset)


@given(datasets(), rulesets(), st.randoms(use_true_random=False))
def test_claimed_and_verified_agree_when_verifiers_confirm_the_claims(dataset, ruleset, rnd):
    def verify(report: Report) -> Report:
        at = report.submitted_at or moment(WINDOWS[report.period.code].opens)
        history = (
            StatusChange(status=ReportStatus.SUBMITTED, at=at),
            StatusChange(status=ReportStatus.VERIFIED, at=at.replace(hour=23)),
        )
        entries = []
        for entry in report.entries:
            measures = []
            for m in entry.measures:
                met = m.claimed and any(e.is_formal for e in m.evidence)
                flags = (
                    (True, True)
                    if met
                    else rnd.choice([(True, False), (False, True), (False, False)])
                )
                assessment = Assessment(administrative=flags[0], substantive=flags[1])
                measures.append(attrs.evolve(m, assessment=assessment))
            entries.append(attrs.evolve(entry, measures=tuple(measures)))
        return attrs.evolve(
            report, status=ReportStatus.VERIFIED, history=history, entries=tuple(entries)
        )

    verified = map_reports(dataset, verify)
    assert results(verified, evolve_scoring(ruleset, basis=Basis.CLAIMED)) == results(
        verified, evolve_scoring(ruleset, basis=Basis.VERIFIED)
    )


@given(datasets(), rulesets())
def test_a_dataset_and_its_json_round_trip_give_identical_results(dataset, ruleset):
    assert results(io.loads(io.dumps(dataset)), ruleset) == results(dataset, ruleset)


# -- examples --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bekasi() -> Scores:
    return score(io.load(CASES / "bekasi-2022.json"))


def test_the_default_rule_set_is_chosen_by_the_dataset_plan(bekasi):
    assert bekasi.ruleset == load_ruleset("ranham-2021-2025/default")
    assert score(bekasi.dataset, "ranham-2021-2025/default").ruleset == bekasi.ruleset


def test_institutions_without_actions_take_no_part(bekasi):
    assert "31.71" not in bekasi.codes
    with pytest.raises(UnknownNameError, match=r"31\.71 has no assigned action"):
        bekasi.value("S(31.71)")
    with pytest.raises(UnknownNameError, match=r"lists no institution '99\.99'"):
        bekasi.value("S(99.99)")


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("S(32.16,2021-B04)", "not a period of this dataset"),
        ("S(32.16,2022-B4)", "not a reporting period"),
        ("T(pusat)", "not a tier"),
        ("s(32.16,2022-kl-1)", "not assigned to 32.16"),
    ],
)
def test_names_of_nothing_in_the_dataset_are_refused(bekasi, name, why):
    with pytest.raises(UnknownNameError, match=why):
        bekasi.value(name)


def test_an_action_left_out_scores_0_and_a_measure_left_out_is_not_met(bekasi):
    # Bekasi's B04 report lists actions 1 to 5 (5 not met) and leaves out action 6.
    assert bekasi.action_period("32.16", "2022-kabkota-6", "2022-B04") == 0
    assert bekasi.action_period("32.16", "2022-kabkota-5", "2022-B04") == 0
    # Kemensos' B04 report meets one of the two measures of kl-2.
    assert bekasi.action_period("kemensos", "2022-kl-2", "2022-B04") == 50


def test_values_are_exact_and_shown_once_rounded(bekasi):
    assert bekasi.value("S(32.16)") == Fraction(400, 9)
    assert bekasi.shown("S(32.16)") == "44.44"
    assert bekasi.value("target_met(provinsi)") is False
    assert bekasi.shown("ratio") == "42.11"
    assert bekasi.value("ratio") == Fraction(800, 19)
    assert bekasi.targets() == 19
    assert bekasi.achieved_targets() == 8


def test_shown_json_is_byte_identical_for_the_same_inputs(bekasi):
    again = score(io.load(CASES / "bekasi-2022.json"))
    assert orjson.dumps(again.to_json(by_action=True)) == orjson.dumps(
        bekasi.to_json(by_action=True)
    )


def test_scoring_reads_each_report_once(monkeypatch):
    """Linear in the dataset: one dictionary lookup per institution and period, no scans."""
    dataset = io.load(CASES / "achievement-2021.json")
    calls = []
    original = Dataset.report

    def counting(self, code, period):
        calls.append((code, period))
        return original(self, code, period)

    monkeypatch.setattr(Dataset, "report", counting)
    scores = score(dataset)
    scores.to_json(by_action=True)
    scores.eligibility().to_json()
    assert len(calls) == len(set(calls)) == len(scores.codes) * len(scores.periods)

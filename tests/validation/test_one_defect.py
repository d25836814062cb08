"""One defect, one issue (format.md, "How issues are found"), and which definition wins.

A broken catalog entry, a broken tier or an incomplete institution list must not make every
reference to them an ``unknown-reference`` (or a ``not-assigned``, a ``responsible-invalid``, a
duplicated number): the one defect is reported where it is, and what depends on it is silent.
After a ``duplicate-id`` the first definition is the one the rest of the document is checked
against. A value repeated under a duplicated key is the last one (it is the one used), and an
issue about it points at that occurrence. Each test names the suppression it pins: switching
it off (or letting the later definition win) makes the test fail.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from ranham.validation import validate

SPEC = Path(__file__).parent.parent / "data" / "spec"
DATASET: dict[str, Any] = json.loads((SPEC / "dataset.json").read_text())


def _dataset() -> dict[str, Any]:
    return copy.deepcopy(DATASET)


def _action(
    action_id: Any, number: int, *, tier: Any = "kabkota", prefix: str = ""
) -> dict[str, Any]:
    prefix = prefix or str(action_id)
    return {
        "id": action_id,
        "tier": tier,
        "number": number,
        "target_group": "perempuan",
        "title": "Aksi",
        "measures": [
            {"id": f"{prefix}-{code.lower()}-1", "period": code, "description": "Rapat"}
            for code in ("B04", "B08", "B12")
        ],
    }


def _entry(action: str, measure: str) -> dict[str, Any]:
    return {
        "action": action,
        "measures": [
            {
                "measure": measure,
                "claimed": True,
                "assessment": {"administrative": True, "substantive": True},
            }
        ],
    }


def _issues(document: dict[str, Any]) -> list[tuple[str, str]]:
    return [(i.code, i.pointer) for i in validate(document).issues]


def test_the_spec_dataset_is_valid() -> None:
    assert _issues(_dataset()) == []


# --- a broken catalog -----------------------------------------------------------------------------


def test_an_action_whose_id_is_broken_makes_no_unknown_reference() -> None:
    # kills dropping `if view.complete` before unknown-reference.action (_check_references)
    dataset = _dataset()
    dataset["catalog"]["actions"].append(_action(7, 2, prefix="2022-kabkota-2"))
    dataset["reports"][0]["entries"].append(_entry("2022-kabkota-2", "2022-kabkota-2-b04-1"))
    assert _issues(dataset) == [("wrong-type", "/catalog/actions/1/id")]


def test_with_every_action_id_usable_an_unknown_action_is_reported() -> None:
    dataset = _dataset()
    dataset["reports"][0]["entries"].append(_entry("2022-kabkota-2", "2022-kabkota-2-b04-1"))
    assert _issues(dataset) == [("unknown-reference", "/reports/0/entries/1/action")]


def test_a_measure_whose_id_is_broken_makes_no_unknown_reference() -> None:
    # kills dropping `owner is None and not action.complete` (a measure of this action whose id
    # is broken may be the one meant)
    dataset = _dataset()
    measures = dataset["catalog"]["actions"][0]["measures"]
    measures.append({"id": 5, "period": "B04", "description": "Daftar hadir"})
    entry = dataset["reports"][0]["entries"][0]
    entry["measures"].append(_entry("-", "2022-kabkota-1-b04-2")["measures"][0])
    assert _issues(dataset) == [("wrong-type", "/catalog/actions/0/measures/3/id")]


def test_with_every_measure_id_usable_an_unknown_measure_is_reported() -> None:
    dataset = _dataset()
    entry = dataset["reports"][0]["entries"][0]
    entry["measures"].append(_entry("-", "2022-kabkota-1-b04-2")["measures"][0])
    assert _issues(dataset) == [
        ("unknown-reference", "/reports/0/entries/0/measures/1/measure"),
    ]


def test_an_action_whose_tier_is_broken_is_not_judged_for_assignment() -> None:
    # kills `action.tier is None -> True` in _assigned (a not-assigned from an unknown tier), and
    # a (tier, number) check that reads a broken tier (two broken tiers, one number: no repeat)
    dataset = _dataset()
    dataset["catalog"]["actions"].append(_action("2022-x-2", 2, tier="kota"))
    dataset["catalog"]["actions"].append(_action("2022-x-3", 2, tier="kota"))
    dataset["reports"][0]["entries"].append(_entry("2022-x-2", "2022-x-2-b04-1"))
    assert _issues(dataset) == [
        ("invalid-value", "/catalog/actions/1/tier"),
        ("invalid-value", "/catalog/actions/2/tier"),
    ]


def test_with_usable_tiers_the_same_number_twice_and_a_foreign_tier_are_reported() -> None:
    dataset = _dataset()
    dataset["catalog"]["actions"].append(_action("2022-x-2", 2, tier="provinsi"))
    dataset["catalog"]["actions"].append(_action("2022-x-3", 2, tier="provinsi"))
    dataset["reports"][0]["entries"].append(_entry("2022-x-2", "2022-x-2-b04-1"))
    assert _issues(dataset) == [
        ("duplicate-id", "/catalog/actions/2/number"),
        ("not-assigned", "/reports/0/entries/1/action"),
    ]


# --- an institution list that is not complete -----------------------------------------------------


def _kl_action(responsible: list[str]) -> dict[str, Any]:
    action = _action("2022-kl-1", 1, tier="kl")
    action["responsible"] = responsible
    return action


def test_a_broken_institution_code_silences_the_references_to_unlisted_codes() -> None:
    # kills dropping `if complete` before unknown-reference.institution (reports, allegations)
    # and before _check_responsible_listed
    dataset = _dataset()
    dataset["institutions"].append({"code": 33, "kind": "provinsi", "name": "Jawa Tengah"})
    dataset["catalog"]["actions"].append(_kl_action(["kemenkeu"]))
    dataset["allegations"].append(
        {"institution": "33", "reported_on": "2022-06-01", "reference": "ADU-2022-0200"}
    )
    report = copy.deepcopy(dataset["reports"][0])
    report["institution"] = "33.01"
    dataset["reports"].append(report)
    assert _issues(dataset) == [("wrong-type", "/institutions/4/code")]


def test_with_a_complete_list_each_unlisted_code_is_one_issue() -> None:
    # an unknown institution is not also `not-assigned`, an unlisted responsible code is one
    # responsible-invalid, not an unknown-reference too
    dataset = _dataset()
    dataset["catalog"]["actions"].append(_kl_action(["kemenkeu"]))
    dataset["allegations"].append(
        {"institution": "33", "reported_on": "2022-06-01", "reference": "ADU-2022-0200"}
    )
    report = copy.deepcopy(dataset["reports"][0])
    report["institution"] = "33.01"
    dataset["reports"].append(report)
    assert _issues(dataset) == [
        ("responsible-invalid", "/catalog/actions/1/responsible/0"),
        ("unknown-reference", "/reports/1/institution"),
        ("unknown-reference", "/allegations/1/institution"),
    ]


# --- after a duplicate-id, the first definition wins ----------------------------------------------


def test_the_first_of_two_actions_with_one_id_is_the_one_reports_are_checked_against() -> None:
    # kills keeping the later definition (dropping `action_id = MISSING` after the repeat)
    dataset = _dataset()
    dataset["catalog"]["actions"].append(_action("2022-kabkota-1", 2, prefix="other"))
    assert _issues(dataset) == [("duplicate-id", "/catalog/actions/1/id")]
    dataset["reports"][0]["entries"][0]["measures"][0]["measure"] = "other-b04-1"
    assert _issues(dataset) == [
        ("duplicate-id", "/catalog/actions/1/id"),
        ("unknown-reference", "/reports/0/entries/0/measures/0/measure"),
    ]


@pytest.mark.parametrize(("first", "later", "issues"), [(True, False, 0), (False, True, 1)])
def test_the_first_of_two_institutions_with_one_code_decides_assignment(
    first: bool, later: bool, issues: int
) -> None:
    # kills letting the later institution replace the first (dropping the `continue` after the
    # repeat): Bekasi autonomous first and not later is assigned its regional actions, and the
    # other way round it is not
    dataset = _dataset()
    bekasi = dataset["institutions"][1]
    bekasi["autonomous"] = first
    dataset["institutions"].append({**bekasi, "autonomous": later})
    expected = [("duplicate-id", "/institutions/4/code")]
    if issues:
        expected.insert(0, ("not-assigned", "/reports/0/entries/0/action"))
        expected.sort(key=lambda issue: issue[1].startswith("/reports"))
    assert _issues(dataset) == expected


# --- a repeated key -------------------------------------------------------------------------------

REPORT = (
    '{"kind":"report","schema_version":"1.0","institution":"32.16","period":"2022-B04",'
    '"status":%s,"history":[],"entries":[],"status":%s}'
)


def test_an_issue_on_a_repeated_key_points_at_the_last_value() -> None:
    # the last value is used (format.md), so its issue is located there: kills locating value
    # issues at the first occurrence (`located.values[-1]` -> `[0]`)
    text = REPORT % ('"draft"', "5")
    issues = validate(text).issues
    assert [(i.code, i.pointer) for i in issues] == [
        ("duplicate-key", "/status"),
        ("wrong-type", "/status"),
    ]
    second_key = text.rindex('"status"')
    assert issues[0].column == second_key + 1
    assert issues[1].column == text.rindex("5") + 1
    assert issues[1].params["got_type"] == "integer"


def test_a_bad_value_overridden_by_a_good_one_is_only_a_duplicate_key() -> None:
    text = REPORT % ("5", '"draft"')
    issues = validate(text).issues
    assert [(i.code, i.pointer, i.column) for i in issues] == [
        ("duplicate-key", "/status", text.rindex('"status"') + 1)
    ]


def test_an_unknown_field_repeated_is_reported_at_the_repeated_key() -> None:
    text = REPORT % ('"draft"', '"draft"')
    text = text[:-1] + ',"zzz":1,"zzz":2}'
    issues = validate(text).issues
    second = text.rindex('"zzz"') + 1
    assert [(i.code, i.pointer, i.column) for i in issues] == [
        ("duplicate-key", "/status", text.rindex('"status"') + 1),
        ("duplicate-key", "/zzz", second),
        ("unknown-field", "/zzz", second),
    ]

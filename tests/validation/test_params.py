"""The parameters of issues (issue 19): what messages and receiving systems read.

Each case breaks one of the spec's example documents in one way and pins the issue's ``code``,
message ``key``, ``pointer`` and every parameter: the expected value, the allowed values, the
first day, the previous change, the JSON type found. A changed or dropped parameter fails here
even when the message still reads well. Each parameter is also shown by the message, in English
and in Indonesian, except those a message words for people (a pattern's name, a JSON type in
Indonesian).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ranham.validation import Issue, validate

SPEC = Path(__file__).parent.parent / "data" / "spec"
DOCS: dict[str, dict[str, Any]] = {
    name: json.loads((SPEC / f"{name}.json").read_text())
    for name in ("catalog", "report", "dataset", "forum")
}
CATALOG = SPEC / "catalog.json"

WORDED = {("wrong-type", "got_type", "id"), ("invalid-value.expected", "expected", None)}
WORDED |= {("code-kind-mismatch", "expected", None), ("unsupported-version.missing", "got", None)}
WORDED |= {("late-submission", "at", None), ("early-submission", "at", None)}  # the local date
"""(key, parameter, language or None for both) that a message words instead of showing."""


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        *parents, last = (int(p) if p.isdigit() else p for p in path.strip("/").split("/"))
        target: Any = document
        for part in parents:
            target = target[part]
        target[last] = value

    return change


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        *parents, last = (int(p) if p.isdigit() else p for p in path.strip("/").split("/"))
        target: Any = document
        for part in parents:
            target = target[part]
        del target[last]

    return change


def _append(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        target: Any = document
        for part in (int(p) if p.isdigit() else p for p in path.strip("/").split("/")):
            target = target[part]
        target.append(copy.deepcopy(value))

    return change


def _second_action(document: dict[str, Any]) -> None:
    action = copy.deepcopy(document["actions"][0])
    action["id"] = "a2"
    for measure in action["measures"]:
        measure["id"] = "a2-" + measure["id"]
    document["actions"].append(action)


Case = tuple[
    str,
    Callable[[dict[str, Any]], None],
    dict[str, Any],
    list[tuple[str, str, str, dict[str, Any]]],
]

CASES: dict[str, Case] = {
    "the JSON type found": (
        "report",
        _set("/status", 5),
        {},
        [
            (
                "wrong-type",
                "/status",
                "wrong-type",
                {"field": "status", "expected_type": "string", "got_type": "integer"},
            )
        ],
    ),
    "the allowed values": (
        "report",
        _set("/status", "done"),
        {},
        [
            (
                "invalid-value",
                "/status",
                "invalid-value.enum",
                {
                    "field": "status",
                    "got": '"done"',
                    "allowed": '"draft", "submitted", "returned", "verified"',
                },
            )
        ],
    ),
    "the pattern expected": (
        "report",
        _set("/institution", "x y"),
        {},
        [
            (
                "invalid-value",
                "/institution",
                "invalid-value.expected",
                {"field": "institution", "got": '"x y"', "expected": "institution-code"},
            )
        ],
    ),
    "the lowest value": (
        "catalog",
        _set("/actions/0/number", 0),
        {},
        [
            (
                "invalid-value",
                "/actions/0/number",
                "invalid-value.min",
                {"field": "number", "got": "0", "low": 1},
            )
        ],
    ),
    "the status expected from the history": (
        "report",
        _set("/status", "returned"),
        {},
        [
            (
                "invalid-transition",
                "/status",
                "invalid-transition.status",
                {"expected": "verified", "got": "returned"},
            )
        ],
    ),
    "the changes allowed": (
        "report",
        _set("/history/3/status", "submitted"),
        {},
        [
            (
                "invalid-transition",
                "/status",
                "invalid-transition.status",
                {"expected": "submitted", "got": "verified"},
            ),
            (
                "invalid-transition",
                "/history/3/status",
                "invalid-transition.step",
                {"before": "submitted", "after": "submitted", "allowed": "returned or verified"},
            ),
        ],
    ),
    "the final status": (
        "report",
        _append("/history", {"status": "returned", "at": "2022-05-21T10:00:00+07:00"}),
        {},
        [
            (
                "invalid-transition",
                "/status",
                "invalid-transition.status",
                {"expected": "returned", "got": "verified"},
            ),
            (
                "invalid-transition",
                "/history/4/status",
                "invalid-transition.final",
                {"before": "verified", "after": "returned"},
            ),
        ],
    ),
    "the previous change": (
        "report",
        _set("/history/2/at", "2022-05-08T08:00:00+07:00"),
        {},
        [
            (
                "history-order",
                "/history/2/at",
                "history-order",
                {"got": "2022-05-08T08:00:00+07:00", "previous": "2022-05-08T09:00:00+07:00"},
            )
        ],
    ),
    "the measure missing an assessment": (
        "report",
        _delete("/entries/0/measures/0/assessment"),
        {},
        [
            (
                "assessment-missing",
                "/entries/0/measures/0/assessment",
                "assessment-missing",
                {"measure": "2022-kabkota-1-b04-1"},
            )
        ],
    ),
    "the measure's own period": (
        "report",
        _set("/entries/0/measures/0/measure", "2022-kabkota-1-b08-1"),
        {"catalog": CATALOG},
        [
            (
                "period-mismatch",
                "/entries/0/measures/0/measure",
                "period-mismatch.measure",
                {"got": '"2022-kabkota-1-b08-1"', "measure_period": "B08", "period": "2022-B04"},
            )
        ],
    ),
    "the periods of the catalog year": (
        "report",
        _set("/period", "2023-B04"),
        {"catalog": CATALOG},
        [
            (
                "period-mismatch",
                "/period",
                "period-mismatch.report",
                {"got": "2023-B04", "allowed": "2022-B04, 2022-B08, 2022-B12"},
            )
        ],
    ),
    "the periods of the plan": (
        "report",
        _set("/period", "2022-B06"),
        {"catalog": CATALOG},
        [
            (
                "period-mismatch",
                "/period",
                "period-mismatch.plan",
                {"got": "B06", "allowed": "B04, B08, B12"},
            )
        ],
    ),
    "the window closed": (
        "report",
        _set("/history/0/at", "2022-05-06T10:00:00+07:00"),
        {"catalog": CATALOG},
        [
            (
                "late-submission",
                "/history/0/at",
                "late-submission",
                {
                    "period": "2022-B04",
                    "at": "2022-05-06T10:00:00+07:00",
                    "local_date": "2022-05-06",
                    "closes": "2022-05-05",
                },
            )
        ],
    ),
    "the window opening": (
        "report",
        _set("/history/0/at", "2022-04-27T16:59:00Z"),
        {"catalog": CATALOG},
        [
            (
                "early-submission",
                "/history/0/at",
                "early-submission",
                {
                    "period": "2022-B04",
                    "at": "2022-04-27T16:59:00Z",
                    "local_date": "2022-04-27",
                    "opens": "2022-04-28",
                },
            )
        ],
    ),
    "the institution an action is not assigned to": (
        "report",
        _set("/institution", "kemensos"),
        {"catalog": CATALOG},
        [
            (
                "not-assigned",
                "/entries/0/action",
                "not-assigned",
                {"action": "2022-kabkota-1", "institution": "kemensos"},
            )
        ],
    ),
    "the plan's years": (
        "catalog",
        _set("/year", 2026),
        {},
        [
            (
                "year-outside-plan",
                "/year",
                "year-outside-plan",
                {"got": 2026, "start": 2021, "end": 2025},
            )
        ],
    ),
    "the periods without a measure": (
        "catalog",
        _delete("/actions/0/measures/2"),
        {},
        [
            (
                "missing-period-measures",
                "/actions/0/measures",
                "missing-period-measures",
                {"missing": "B12"},
            )
        ],
    ),
    "a window the plan does not have": (
        "catalog",
        _set("/windows/B06", {"opens": "2022-06-28", "closes": "2022-07-05"}),
        {},
        [
            (
                "window-invalid",
                "/windows/B06",
                "window-invalid.extra",
                {"period": "B06", "allowed": "B04, B08, B12"},
            )
        ],
    ),
    "a window missing": (
        "catalog",
        _delete("/windows/B08"),
        {},
        [("window-invalid", "/windows/B08", "window-invalid.missing", {"period": "B08"})],
    ),
    "the first day of the period": (
        "catalog",
        _set("/windows/B08", {"opens": "2022-04-30", "closes": "2022-09-06"}),
        {},
        [
            (
                "window-invalid",
                "/windows/B08",
                "window-invalid.early",
                {"period": "B08", "opens": "2022-04-30", "first_day": "2022-05-01"},
            )
        ],  # B04's window is still open on 30 April too: one defect, one issue (early first)
    ),
    "the first day of a later period": (
        "catalog",
        _set("/windows/B12", {"opens": "2022-08-31", "closes": "2022-12-05"}),
        {},
        [
            (
                "window-invalid",
                "/windows/B12",
                "window-invalid.early",
                {"period": "B12", "opens": "2022-08-31", "first_day": "2022-09-01"},
            )
        ],
    ),
    "the previous window": (
        "catalog",
        _set("/windows/B12", {"opens": "2022-09-05", "closes": "2022-12-05"}),
        {},
        [
            (
                "window-invalid",
                "/windows/B12",
                "window-invalid.overlap",
                {
                    "period": "B12",
                    "opens": "2022-09-05",
                    "previous": "B08",
                    "previous_closes": "2022-09-06",
                },
            )
        ],
    ),
    "the tier of a regional action": (
        "catalog",
        _set("/actions/0/responsible", ["kemensos"]),
        {},
        [
            (
                "responsible-invalid",
                "/actions/0/responsible",
                "responsible-invalid.regional",
                {"tier": "kabkota"},
            )
        ],
    ),
    "the first (tier, number)": (
        "catalog",
        _second_action,
        {},
        [
            (
                "duplicate-id",
                "/actions/1/number",
                "duplicate-id.number",
                {"first": "/actions/0/number", "tier": "kabkota", "got": 1},
            )
        ],
    ),
    "the expected parent": (
        "dataset",
        _set("/institutions/1/parent", "33"),
        {},
        [
            (
                "parent-mismatch",
                "/institutions/1/parent",
                "parent-mismatch.wrong",
                {"expected": "32", "code": "32.16", "got": '"33"'},
            )
        ],
    ),
    "the parent missing": (
        "dataset",
        _delete("/institutions/1/parent"),
        {},
        [
            (
                "parent-mismatch",
                "/institutions/1/parent",
                "parent-mismatch.missing",
                {"kind": "kabupaten", "expected": "32"},
            )
        ],
    ),
    "the first code": (
        "dataset",
        _append("/institutions", {"code": "32", "kind": "provinsi", "name": "Jawa Barat"}),
        {},
        [
            (
                "duplicate-id",
                "/institutions/4/code",
                "duplicate-id.value",
                {"first": "/institutions/0/code", "field": "code", "got": '"32"'},
            )
        ],
    ),
    "the action of an unknown measure": (
        "dataset",
        _set("/reports/0/entries/0/measures/0/measure", "zz"),
        {},
        [
            (
                "unknown-reference",
                "/reports/0/entries/0/measures/0/measure",
                "unknown-reference.measure",
                {"got": '"zz"', "action": "2022-kabkota-1"},
            )
        ],
    ),
    "the declared count": (
        "forum",
        _set("/declared", {"panranham": 0, "pelaksana": 0}),
        {},
        [
            (
                "declared-exceeded",
                "/declared/panranham",
                "declared-exceeded",
                {"addressee": "panranham", "count": 1, "declared": 0},
            )
        ],
    ),
    "the recommendations missing": (
        "forum",
        _set("/declared", {"panranham": 3, "pelaksana": 0}),
        {},
        [
            (
                "recommendations-incomplete",
                "/declared/panranham",
                "recommendations-incomplete",
                {"addressee": "panranham", "count": 1, "declared": 3},
            )
        ],
    ),
    "the previous follow-up": (
        "forum",
        lambda forum: (
            _set("/declared", {"panranham": 1, "pelaksana": 0})(forum),
            _append("/recommendations/0/follow_ups", {"on": "2023-02-01", "status": "implemented"})(
                forum
            ),
        ),
        {},
        [
            (
                "follow-up-order",
                "/recommendations/0/follow_ups/1/on",
                "follow-up-order.previous",
                {"got": "2023-02-01", "previous": "2023-03-01"},
            )
        ],
    ),
    "the supported version": (
        "report",
        _set("/schema_version", "1.1"),
        {},
        [
            (
                "unsupported-version",
                "/schema_version",
                "unsupported-version",
                {"supported": "1.0", "got": '"1.1"'},
            )
        ],
    ),
    "a timestamp without offset": (
        "report",
        _set("/history/0/at", "2022-04-29T10:15:00"),
        {},
        [
            (
                "naive-timestamp",
                "/history/0/at",
                "naive-timestamp",
                {"field": "at", "got": '"2022-04-29T10:15:00"'},
            )
        ],
    ),
}


def _issues(name: str) -> tuple[Issue, ...]:
    kind, change, options, _ = CASES[name]
    document = copy.deepcopy(DOCS[kind])
    change(document)
    return validate(document, **options).issues


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_parameters_of_an_issue(name: str) -> None:
    expected = CASES[name][3]
    found = [(i.code, i.pointer, i.key, dict(i.params)) for i in _issues(name)]
    # a report checked against a catalog may also leave measures out (incomplete-report)
    found = [f for f in found if f[0] != "incomplete-report" or f[0] in {e[0] for e in expected}]
    assert found == expected


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_message_shows_every_parameter(name: str, lang: Any) -> None:
    for issue in _issues(name):
        message = issue.message(lang)
        for param, value in issue.params.items():
            if (issue.key, param, lang) in WORDED or (issue.key, param, None) in WORDED:
                continue
            assert str(value).strip('"') in message, (issue.key, param)


def test_the_target_groups_of_the_plan_are_the_allowed_ones() -> None:
    catalog = copy.deepcopy(DOCS["catalog"])
    catalog["plan"]["target_groups"] = ["masyarakat_adat", "anak"]
    (issue,) = validate(catalog).issues
    assert (issue.code, issue.pointer) == ("target-group-not-in-plan", "/actions/0/target_group")
    assert dict(issue.params) == {"got": "perempuan", "allowed": "anak, masyarakat_adat"}


def test_too_large_gives_the_size_and_the_limit() -> None:
    (issue,) = validate(b'{"kind": "report"}', max_size=5).issues
    assert (issue.code, dict(issue.params)) == ("too-large", {"size": 18, "limit": 5})


def test_too_deep_gives_the_limit() -> None:
    text = '{"kind":"report","schema_version":"1.0","x":' + "[" * 70 + "]" * 70 + "}"
    (issue,) = validate(text).issues
    assert (issue.code, dict(issue.params)) == ("too-deep", {"limit": 64})

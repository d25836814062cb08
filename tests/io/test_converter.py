"""``make_converter()`` honours the hooks registered on the converter it returns.

Its generated writers inline a value (``d.isoformat()``, ``e.value``) only while the converter's
hook for the value's type is the one ``make_converter`` registered; a hook registered later, for
a value type or an entity, is called instead, before or after the converter was first used.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from ranham import io
from ranham.io import make_converter
from ranham.model import FollowUp, FollowUpStatus, Forum, Report, ReportStatus, StatusChange

SPEC = Path(__file__).parents[1] / "data" / "spec"


def _forum() -> Forum:
    forum = io.load(next(SPEC.rglob("forum*.json")), kind=Forum)
    assert any(r.follow_ups for r in forum.recommendations)
    return forum


def _follow_up() -> FollowUp:
    return FollowUp(on=date(2023, 3, 1), status=FollowUpStatus.IN_PROGRESS)


def test_the_module_converter_writes_values_inline() -> None:
    assert io.converter.unstructure(_follow_up()) == {"on": "2023-03-01", "status": "in_progress"}


def test_a_date_hook_is_honoured() -> None:
    conv = make_converter()
    conv.register_unstructure_hook(date, lambda d: d.strftime("%d/%m/%Y"))
    assert conv.unstructure(_follow_up())["on"] == "01/03/2023"


def test_a_hook_registered_after_first_use_is_honoured() -> None:
    conv = make_converter()
    assert conv.unstructure(_follow_up())["status"] == "in_progress"
    conv.register_unstructure_hook(FollowUpStatus, lambda s: s.name)
    assert conv.unstructure(_follow_up())["status"] == "IN_PROGRESS"


def test_a_hook_is_honoured_inside_nested_entities_and_lists() -> None:
    forum = _forum()
    conv = make_converter()
    conv.unstructure(forum)
    conv.register_unstructure_hook(date, lambda d: d.year)
    written = conv.unstructure(forum)
    follow_ups = [f for r in written["recommendations"] for f in r.get("follow_ups", ())]
    assert follow_ups
    assert all(type(f["on"]) is int for f in follow_ups)
    assert type(written["start_date"]) is int


def test_a_timestamp_and_an_entity_hook_are_honoured() -> None:
    conv = make_converter()
    conv.register_unstructure_hook(datetime, lambda t: t.timestamp())
    at = datetime.fromisoformat("2022-12-01T09:30:00+07:00")
    change = StatusChange(status=ReportStatus.SUBMITTED, at=at)
    assert conv.unstructure(change)["at"] == at.timestamp()
    conv.register_unstructure_hook(StatusChange, lambda c: c.status.value)
    report = io.load(next(SPEC.rglob("report*.json")), kind=Report)
    assert report.history
    assert conv.unstructure(report)["history"] == [c.status.value for c in report.history]


def test_a_structure_hook_is_honoured() -> None:
    conv = make_converter()
    conv.register_structure_hook(date, lambda v, _: date(2000, 1, 1))
    built = conv.structure({"on": "2023-03-01", "status": "in_progress"}, FollowUp)
    assert built.on == date(2000, 1, 1)


def test_converters_do_not_share_hooks() -> None:
    changed = make_converter()
    changed.register_unstructure_hook(date, lambda d: "changed")
    assert make_converter().unstructure(_follow_up())["on"] == "2023-03-01"
    assert io.converter.unstructure(_follow_up())["on"] == "2023-03-01"


@pytest.mark.parametrize("kind", ["report", "forum"])
def test_an_identity_hook_writes_the_same_document(kind: str) -> None:
    """Replacing a hook by an equal one changes the code path, not the bytes."""
    path = next(SPEC.rglob(f"{kind}*.json"))
    document = io.load(path)
    conv = make_converter()
    conv.register_unstructure_hook(date, lambda d: d.isoformat())
    assert conv.unstructure(document) == io.converter.unstructure(document)

"""The validator's copy of an issue or a result with changes is what ``attrs.evolve`` gives.

``ranham.validation._replaced`` skips ``__init__`` (every line of a JSON Lines archive has its
issues moved to the line and its result copied): these laws keep it honest.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ranham import strategies
from ranham.validation import Issue, ValidationResult, _replaced
from tests.conftest import examples


@settings(max_examples=examples(100), suppress_health_check=[HealthCheck.too_slow])
@given(strategies.validation_results(), st.integers(1, 10**6))
def test_an_issue_moved_to_a_line_is_the_evolved_issue(
    result: ValidationResult[Any], line: int
) -> None:
    for issue in result.issues:
        moved, evolved = _replaced(issue, line=line), attrs.evolve(issue, line=line)
        assert type(moved) is Issue
        assert moved == evolved
        assert attrs.asdict(moved) == attrs.asdict(evolved)
        assert hash(moved) == hash(evolved)


@settings(max_examples=examples(100), suppress_health_check=[HealthCheck.too_slow])
@given(strategies.validation_results(), st.sampled_from(["a.json", None]), st.booleans())
def test_a_result_with_changes_is_the_evolved_result(
    result: ValidationResult[Any], path: str | None, drop: bool
) -> None:
    changes: dict[str, Any] = {"path": path, "issues": result.issues[:1]}
    if drop:
        changes |= {"value": None, "document": None}
    copied, evolved = _replaced(result, **changes), attrs.evolve(result, **changes)
    assert copied == evolved
    assert (copied.value, copied.document) == (evolved.value, evolved.document)
    assert (copied.valid, copied.codes) == (evolved.valid, evolved.codes)

"""The two validation paths, chosen in one place.

:func:`ranham.validation.validate` first tries the fast check-and-build pass and hands a
document it cannot prove valid to the careful walk. The tests of issue 19 check edges on both
paths and check that the fast one is taken at all. The path is chosen by ``validate``'s
``fast`` argument.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import ranham.validation
from ranham.validation import ValidationResult, validate

PATHS = ("fast", "careful")
"""The ``path`` argument of :func:`validate_on`, for ``pytest.mark.parametrize``."""


def validate_on(path: str, source: Any, **options: Any) -> ValidationResult:
    """``validate(source, **options)``: fast path first (``"fast"``) or careful only."""
    return validate(source, fast=path == "fast", **options)


def took_fast_path(monkeypatch: pytest.MonkeyPatch, source: Any, **options: Any) -> bool:
    """Whether validating ``source`` was settled by the fast path, without the careful walk.

    The witness: the careful walk of the document was never started (both paths now give a
    valid document its entity, so the entity alone proves nothing).
    """
    walked: list[str] = []
    walk = ranham.validation.walk_document

    def spy(value: Any, kind: str, *rest: Any) -> Any:
        walked.append(kind)
        return walk(value, kind, *rest)

    with monkeypatch.context() as patch:
        patch.setattr(ranham.validation, "walk_document", spy)
        result = validate(source, **options)
    return result.document is not None and not walked


def both_paths(source: Any, **options: Any) -> Iterator[tuple[str, ValidationResult]]:
    """``(path, result)`` for each path."""
    for path in PATHS:
        yield path, validate_on(path, source, **options)

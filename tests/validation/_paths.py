"""The two validation paths, chosen in one place.

:func:`ranham.validation.validate` first tries the fast check-and-build pass and hands a
document it cannot prove valid to the careful walk. The tests of issue 19 check edges on both
paths and check that the fast one is taken at all. Today the path is chosen by the module
global ``ranham.validation.FAST_PATH``; when it becomes an argument of ``validate``, only the
two functions below change.
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
    if path == "fast":
        return validate(source, **options)
    saved = ranham.validation.FAST_PATH
    ranham.validation.FAST_PATH = False
    try:
        return validate(source, **options)
    finally:
        ranham.validation.FAST_PATH = saved


def took_fast_path(monkeypatch: pytest.MonkeyPatch, source: Any, **options: Any) -> bool:
    """Whether validating ``source`` was settled by the fast path, without the careful walk.

    Two witnesses: the result holds the entity the fast path built (the careful path builds
    none), and the careful walk of the document was never started.
    """
    walked: list[str] = []
    walk = ranham.validation.walk_document

    def spy(value: Any, kind: str) -> Any:
        walked.append(kind)
        return walk(value, kind)

    with monkeypatch.context() as patch:
        patch.setattr(ranham.validation, "walk_document", spy)
        result = validate(source, **options)
    return result.document is not None and not walked


def both_paths(source: Any, **options: Any) -> Iterator[tuple[str, ValidationResult]]:
    """``(path, result)`` for each path."""
    for path in PATHS:
        yield path, validate_on(path, source, **options)

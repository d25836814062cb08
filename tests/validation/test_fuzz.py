"""A fuzzer of our own (issue 13): every value of a valid document replaced by odd values.

Each value of each of format.md's examples (every member, every item, at every depth) is
replaced in turn by each value of a list of odd JSON values of every type, and the document is
validated as text (fast and careful paths) and as a parsed ``dict``, alone and against a
catalog and a dataset. The contract: validation reports issues, never raises, never meets a
defect of its own (``internal``), and both paths give the same answer.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ranham import io
from ranham.validation import validate

SPEC = Path(__file__).parent.parent / "data" / "spec"
DOCS = {name: json.loads((SPEC / f"{name}.json").read_text()) for name in ("report", "catalog")}
DOCS |= {name: json.loads((SPEC / f"{name}.json").read_text()) for name in ("dataset", "forum")}
CATALOG = io.load(SPEC / "catalog.json")
DATASET = io.load(SPEC / "dataset.json")

ODD: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    2**53 + 1,
    -(2**63),
    2**64,
    10**400,
    1.5,
    -0.0,
    1e308,
    12345678901234567.89,
    "",
    " ",
    "\x00\x1b[31m\r\n",
    "\u202e",
    "٢٠٢٢-B04",
    "2022-B04",
    "9999-12-31T23:59:59Z",
    "0001-01-01T00:00:00+23:59",
    "2022-02-30",
    "http://" + "a" * 3000 + " ",
    "x" * 5000,
    ":" * 100,
    "\\u003a",
    [],
    [None],
    [[[[[[]]]]]],
    {},
    {":": 1},
    {"": None},
    {"kind": "report"},
    {"extensions": {"a": [1, {"b": 2}]}},
]
"""Odd values of every JSON type: edges of numbers, dates, strings, containers."""


def _paths(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if path:
        yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


def _replaced(document: dict[str, Any], path: tuple[str | int, ...], new: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    node: Any = changed
    for segment in path[:-1]:
        node = node[segment]
    node[path[-1]] = copy.deepcopy(new)
    return changed


def _contexts(name: str) -> list[dict[str, Any]]:
    if name == "report":
        return [{}, {"catalog": CATALOG}, {"catalog": DATASET}]
    return [{}]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DOCS))
def test_every_value_replaced_by_every_odd_value(name: str) -> None:
    document = DOCS[name]
    checked = 0
    for path in _paths(document):
        for odd in ODD:
            changed = _replaced(document, path, odd)
            text = json.dumps(changed).encode()
            for options in _contexts(name):
                fast = validate(text, **options)
                careful = validate(text, fast=False, **options)
                parsed = validate(changed, **options)
                where = f"{name} {path} = {odd!r:.40} {options.keys()}"
                for result in (fast, careful, parsed):
                    assert "internal" not in result.codes, (where, result.issues)
                assert fast.issues == careful.issues, where
                text_only = {"inexact-number"}
                assert [c for c in fast.codes if c not in text_only] == list(parsed.codes), where
                checked += 1
    assert checked > 500


@pytest.mark.parametrize("name", sorted(DOCS))
def test_removing_any_member_never_breaks_the_validator(name: str) -> None:
    document = DOCS[name]
    for path in _paths(document):
        changed = copy.deepcopy(document)
        node: Any = changed
        for segment in path[:-1]:
            node = node[segment]
        del node[path[-1]]
        for options in _contexts(name):
            result = validate(json.dumps(changed).encode(), **options)
            assert "internal" not in result.codes, (path, result.issues)

"""Validation never raises, never rejects a valid document, and is at least as strict as the
exported JSON Schema (issue 3), on generated and randomly mutated documents."""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from ranham import io
from ranham.io.schema import json_schema
from ranham.strategies import corrupted, documents
from ranham.validation import ValidationResult, validate
from ranham.validation.codes import CODES
from tests.conftest import examples

HEAVY = settings(
    max_examples=examples(50), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@cache
def schema_validator(kind: str) -> Draft202012Validator:
    schema = json_schema(kind)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_accepts(document: Any, kind: str) -> bool:
    return bool(schema_validator(kind).is_valid(document))


def well_formed(result: ValidationResult) -> None:
    """What every result must look like, whatever the input."""
    assert isinstance(result, ValidationResult)
    for issue in result.issues:
        assert issue.code in CODES
        assert issue.pointer == "" or issue.pointer.startswith("/")
        assert issue.message("en")
        assert issue.message("id")


# --- arbitrary input -----------------------------------------------------------------------------

JSON = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@given(st.binary(max_size=2000))
@settings(max_examples=examples(300))
def test_validating_arbitrary_bytes_never_raises(data):
    well_formed(validate(data))


@given(st.text(max_size=500))
@settings(max_examples=examples(200))
def test_validating_arbitrary_text_never_raises(text):
    well_formed(validate(text))


@given(
    st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["catalog", "report", "dataset", "forum"]),
            "schema_version": st.just("1.0"),
        },
        optional={"a": JSON, "plan": JSON, "entries": JSON, "catalog": JSON, "history": JSON},
    )
)
@settings(max_examples=examples(300))
def test_validating_arbitrary_json_with_a_good_header_never_raises(value):
    well_formed(validate(value))
    well_formed(validate(json.dumps(value).encode()))


# --- generated valid documents -------------------------------------------------------------------


@given(documents())
@HEAVY
def test_every_generated_document_is_accepted_by_validate_and_by_the_json_schema(document):
    assert validate(document).valid
    assert schema_accepts(document, document["kind"])


@given(data=st.data(), document=documents())
@HEAVY
def test_reordering_members_reindenting_or_escaping_keeps_a_document_valid(data, document):
    before = validate(document)
    assert before.valid
    found = {(i.code, i.pointer) for i in before.issues}
    shuffled = data.draw(shuffled_keys(document))
    assert {(i.code, i.pointer) for i in validate(shuffled).issues} == found
    assert io.from_dict(shuffled) == io.from_dict(document)
    for text in (
        json.dumps(shuffled, indent=data.draw(st.integers(0, 4))),
        json.dumps(document, ensure_ascii=True, separators=(" , ", " : ")),
    ):
        assert {(i.code, i.pointer) for i in validate(text.encode()).issues} == found


def shuffled_keys(value: Any) -> st.SearchStrategy[Any]:
    """``value`` with the members of every object in any order (a reader accepts any order,
    the keys of a catalog's ``windows`` included since format.md 2026-12-03)."""
    if isinstance(value, dict):
        items = list(value.items())
        return st.permutations(items).flatmap(
            lambda order: st.tuples(*(shuffled_keys(v) for _, v in order)).map(
                lambda values, order=order: {k: v for (k, _), v in zip(order, values, strict=True)}
            )
        )
    if isinstance(value, list):
        return st.tuples(*(shuffled_keys(v) for v in value)).map(list)
    return st.just(value)


# --- randomly mutated documents ------------------------------------------------------------------


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, (*path, index))
    return out


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for segment in path:
        document = document[segment]
    return document


SMALL_JSON = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**60), 2**60),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["", " ", "x", "2022-B04", "2022-02-30", "kemensos", "32.16", "B04", "1.0"]),
    st.text(max_size=6),
    st.lists(st.integers(0, 3), max_size=2),
    st.dictionaries(st.sampled_from(["id", "kind", "x"]), st.integers(0, 3), max_size=2),
)


@st.composite
def mutated(draw: st.DrawFn, document: dict[str, Any]) -> dict[str, Any]:
    """``document`` changed in one to three random places."""
    doc = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        value = _at(doc, path)
        operation = draw(st.sampled_from(["delete", "replace", "insert", "tweak"]))
        if operation == "delete" and path:
            del _at(doc, path[:-1])[path[-1]]
        elif operation == "replace" and path:
            _at(doc, path[:-1])[path[-1]] = draw(SMALL_JSON)
        elif operation == "insert" and isinstance(value, dict):
            value[draw(st.sampled_from(["id", "note", "x", "kind", "extensions"]))] = draw(
                SMALL_JSON
            )
        elif operation == "insert" and isinstance(value, list):
            value.insert(draw(st.integers(0, len(value))), draw(SMALL_JSON))
        elif operation == "tweak" and path:
            _at(doc, path[:-1])[path[-1]] = draw(_tweaks(value))
    return doc


def _tweaks(value: Any) -> st.SearchStrategy[Any]:
    if isinstance(value, bool):
        return st.sampled_from([not value, int(value), str(value).lower()])
    if isinstance(value, int):
        return st.sampled_from([value + 1, value - 1, -value, 0, float(value), str(value)])
    if isinstance(value, str):
        return st.sampled_from([value + "x", value.upper(), value[:-1], " " + value, value * 2])
    if isinstance(value, list) and value:
        return st.sampled_from([value[::-1], value + value[:1], value[1:], []])
    return st.just(value)


@given(data=st.data(), document=documents())
@HEAVY
def test_mutated_documents_never_crash_and_the_schema_never_accepts_less(data, document):
    broken = data.draw(mutated(document))
    result = validate(broken)
    well_formed(result)
    kind = document["kind"]
    if not schema_accepts(broken, kind):
        assert not result.valid, "the JSON Schema rejects a document that validate accepts"
    if result.valid:  # what validation accepts, the model builds and writes back valid
        rebuilt = io.from_dict(broken)
        assert validate(io.to_dict(rebuilt)).valid
        assert schema_accepts(broken, kind)


@given(data=st.data(), document=documents())
@HEAVY
def test_mutated_bytes_never_crash(data, document):
    content = bytearray(json.dumps(document).encode())
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(content)))
        operation = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        byte = data.draw(st.integers(0, 255))
        if operation == "insert":
            content.insert(at, byte)
        elif at < len(content):
            if operation == "delete":
                del content[at]
            else:
                content[at] = byte
    well_formed(validate(bytes(content)))
    well_formed(validate(bytes(content), jsonl=True))


@given(corrupted())
@HEAVY
def test_a_document_broken_with_an_error_is_rejected_whatever_the_schema_says(corruption):
    result = corruption.validate()
    well_formed(result)
    is_error = CODES[corruption.code].value == "error"
    assert result.valid is not is_error
    if isinstance(corruption.document, dict) and not schema_accepts(
        corruption.document, corruption.kind
    ):
        assert not result.valid

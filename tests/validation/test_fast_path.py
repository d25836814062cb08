"""The fast check-and-build path and the careful walk agree on every document.

:mod:`ranham.validation._build` proves a document valid (and builds it) without explaining
anything; when it gives up, the careful walk and the domain rules find the issues. If the two
ever disagreed, a document could pass on one path and fail on the other: these tests compare
them on the issue corpus, on the spec's examples, on generated national datasets and on
randomly broken documents.
"""

from __future__ import annotations

import copy
import json
import tomllib
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ranham import io
from ranham.reference import example_dataset
from ranham.validation import ValidationResult, validate
from tests.conftest import examples

CORPUS = Path(__file__).parent / "corpus"
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads((CORPUS / "expected.toml").read_text())
SPEC = Path(__file__).parent.parent / "data" / "spec"


def _both(source: Any, **options: Any) -> tuple[ValidationResult, ValidationResult]:
    return validate(source, **options), validate(source, fast=False, **options)


def _same(fast: ValidationResult, careful: ValidationResult) -> None:
    assert fast.issues == careful.issues
    assert (fast.kind, fast.valid) == (careful.kind, careful.valid)
    if fast.document is not None:
        assert careful.value is not None
        body = {k: v for k, v in careful.value.items() if k not in ("kind", "schema_version")}
        built = io.converter.structure(body, type(fast.document))  # the validating constructors
        assert built == fast.document


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_both_paths_agree_on_the_corpus(name: str) -> None:
    case = EXPECTED[name]
    options: dict[str, Any] = {}
    if "catalog" in case:
        options["catalog"] = (CORPUS / case["catalog"]).resolve()
    if "max_size" in case:
        options["max_size"] = case["max_size"]
    if "max_issues" in case:
        options["max_issues"] = case["max_issues"]
    _same(*_both(CORPUS / name, **options))


@pytest.mark.parametrize("name", ["catalog", "report", "dataset", "forum"])
def test_the_fast_path_builds_the_spec_examples(name: str) -> None:
    fast, careful = _both(SPEC / f"{name}.json")
    assert fast.document is not None
    _same(fast, careful)


def test_a_report_against_a_catalog_gives_the_same_warnings() -> None:
    data = json.loads((SPEC / "report.json").read_text())
    data["history"][0]["at"] = "2022-05-06T00:30:00+07:00"  # after the B04 window closed
    fast, careful = _both(data, catalog=SPEC / "catalog.json")
    assert fast.codes == ("late-submission",)
    _same(fast, careful)


@pytest.mark.parametrize("seed", [0, 1])
def test_both_paths_agree_on_a_national_example(seed: int) -> None:
    data = io.dumps(example_dataset(year=2022, seed=seed, scale=0.2))
    fast, careful = _both(data)
    assert fast.valid
    assert fast.document is not None
    assert {i.code for i in fast.issues} <= {"late-submission", "early-submission"}
    _same(fast, careful)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out += _paths(child, (*path, index))
    return out


REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=3),
    st.sampled_from(["", " ", "x", "2022-B04", "2022-13-01", "B06", "kemensos", "32.16", "-1"]),
    st.just([]),
    st.just({}),
    st.floats(allow_nan=False, allow_infinity=False),
)
BASE = {
    name: json.loads((SPEC / f"{name}.json").read_text())
    for name in ("catalog", "report", "dataset", "forum")
}


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), name=st.sampled_from(sorted(BASE)))
def test_both_paths_agree_on_broken_documents(data: st.DataObject, name: str) -> None:
    document = copy.deepcopy(BASE[name])
    for _ in range(data.draw(st.integers(min_value=1, max_value=3), label="mutations")):
        paths = [p for p in _paths(document) if p]
        path = data.draw(st.sampled_from(paths), label="path")
        parent = document
        for segment in path[:-1]:
            parent = parent[segment]
        action = data.draw(st.sampled_from(["replace", "delete", "rename"]), label="action")
        if action == "replace":
            parent[path[-1]] = data.draw(REPLACEMENTS, label="value")
        elif isinstance(parent, dict) and action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[str(path[-1]) + "x"] = parent.pop(path[-1])
    _same(*_both(document))
    _same(*_both(json.dumps(document).encode()))


def _report_text() -> str:
    return (SPEC / "report.json").read_text()


def test_a_repeated_key_is_found_among_strings_full_of_colons() -> None:
    text = _report_text().replace(
        '"note": "kop surat tidak ada"',
        '"note": "kop: surat: tidak ada", "note": "jam 09:00: dikembalikan"',
    )
    result = validate(text.encode())
    assert result.codes == ("duplicate-key",)
    assert result.issues[0].pointer == "/history/1/note"


def test_an_escaped_colon_cannot_hide_a_repeated_key() -> None:
    # One escaped colon (a colon in the string but not in the text) and one repeated key:
    # counting colons alone would balance the two; the escape sends the check to the tokens.
    text = _report_text().replace(
        '"note": "kop surat tidak ada"',
        '"note": "kop surat\\u003a tidak ada", "note": "lagi"',
    )
    result = validate(text.encode())
    assert result.codes == ("duplicate-key",)


def test_escaped_colons_alone_keep_a_document_valid() -> None:
    text = _report_text().replace("kop surat tidak ada", "kop\\u003a surat\\u003A tidak ada")
    result = validate(text.encode())
    assert result.valid
    assert result.document.history[1].note == "kop: surat: tidak ada"


def test_white_space_before_colons_does_not_hide_a_repeated_key() -> None:
    text = _report_text().replace(
        '"status": "verified"', '"status" : "verified", "status"\n:"verified"', 1
    )
    result = validate(text.encode())
    assert "duplicate-key" in result.codes


def _raw_issues(document: dict[str, Any]) -> list[Any]:
    from ranham.validation import _rules
    from ranham.validation._careful import walk_document

    walk, _ = walk_document(document, document["kind"])
    _rules.check_dataset(walk, document)
    return walk.issues


@pytest.mark.parametrize("seed", [1, 4])
@pytest.mark.parametrize("ending", [b"", b"\n", b" \r\n\t"])
def test_compact_layout_positions_equal_the_scanned_ones(seed: int, ending: bytes) -> None:
    from ranham.validation import _compact_positions, _positions
    from ranham.validation._json import CompactLayout

    document = io.to_dict(example_dataset(year=2022, seed=seed, scale=0.1))
    document["institutions"][0]["name"] = "Provinsi Ürün – Jaya"  # non-ASCII before the issues
    document["institutions"][1]["nmae"] = "typo"  # unknown-field: the key's position
    del document["reports"][0]["status"]  # missing-field: the container's position
    document["reports"][-1]["entries"][0]["measures"][0]["claimed"] = "yes"  # wrong-type: value
    data = orjson.dumps(document) + ending  # a file as ranham writes it ends with a newline
    raw = _raw_issues(document)
    assert {r.where for r in raw} >= {"key", "container", "value"}
    assert _compact_positions(raw, CompactLayout(document, data)) == _positions(raw, data.decode())


def test_an_indented_document_is_placed_by_scanning_its_text() -> None:
    from ranham.validation._json import CompactLayout

    document = json.loads((SPEC / "report.json").read_text())
    last = ("history", len(document["history"]) - 1, "status")
    compact = orjson.dumps(document)
    assert CompactLayout(document, json.dumps(document, indent=2).encode()).locate([last]) is None
    assert CompactLayout(document, compact).locate([last]) is not None
    # white space before the value shifts every offset, and other bytes are not white space
    assert CompactLayout(document, b" " + compact).locate([last]) is None
    assert CompactLayout(document, compact[:-1]).locate([()]) is not None
    assert CompactLayout(document, compact[:40]).locate([last]) is None


def _valid_files() -> list[tuple[Path, dict[str, Any]]]:
    files = [(SPEC / f"{name}.json", {}) for name in ("catalog", "report", "dataset", "forum")]
    for name, case in sorted(EXPECTED.items()):
        if case["issues"] or name.endswith(".jsonl"):
            continue
        options: dict[str, Any] = {}
        if "catalog" in case:
            options["catalog"] = (CORPUS / case["catalog"]).resolve()
        files.append((CORPUS / name, options))
    return files


@pytest.mark.parametrize(
    ("path", "options"), _valid_files(), ids=lambda v: v.name if isinstance(v, Path) else ""
)
def test_every_valid_document_takes_the_fast_path(
    path: Path, options: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A valid document never reaches the careful walk: a quiet fall-back would only be slow,
    so no other test would notice it (issue 19)."""
    import ranham.validation

    def careful(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError(f"{path.name} took the careful path")

    monkeypatch.setattr(ranham.validation, "walk_document", careful)
    result = validate(path, **options)
    assert result.valid
    assert result.document is not None
    assert "internal" not in result.codes

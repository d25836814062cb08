"""The corpus of bad files: each must produce exactly the issues that ``expected.toml`` states.

Every file is checked as a path, as bytes and as text, through the fast parser and through the
careful one, and (when it parses to a plain object) as an already-parsed ``dict``; a report
with a catalog is checked against the catalog given as a path, a dict and a
:class:`~ranham.Catalog`. All of these must agree.
"""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import ranham.validation
from ranham.io import load
from ranham.model import Catalog
from ranham.validation import ValidationResult, validate
from ranham.validation.codes import CODES, FATAL, REGION_CODES

CORPUS = Path(__file__).parent / "corpus"
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads((CORPUS / "expected.toml").read_text())
SPEC = Path(__file__).parent.parent / "data" / "spec"
SUFFIXES = (".json", ".jsonl")


def _shape(result: ValidationResult, *, positions: bool = True) -> list[dict[str, Any]]:
    out = []
    for issue in result.issues:
        item: dict[str, Any] = {"code": issue.code, "pointer": issue.pointer}
        if positions and issue.line is not None:
            item["line"] = issue.line
        if positions and issue.column is not None:
            item["column"] = issue.column
        out.append(item)
    return out


def _expected(name: str, *, positions: bool = True) -> list[dict[str, Any]]:
    keys = ("code", "pointer", "line", "column") if positions else ("code", "pointer")
    return [{k: v for k, v in issue.items() if k in keys} for issue in EXPECTED[name]["issues"]]


def _options(name: str) -> dict[str, Any]:
    case = EXPECTED[name]
    options: dict[str, Any] = {}
    if "catalog" in case:
        options["catalog"] = (CORPUS / case["catalog"]).resolve()
    if "max_size" in case:
        options["max_size"] = case["max_size"]
    if "max_issues" in case:
        options["max_issues"] = case["max_issues"]
    return options


def test_every_file_is_listed_and_every_listed_file_exists() -> None:
    files = {
        p.relative_to(CORPUS).as_posix()
        for p in CORPUS.rglob("*")
        if p.suffix in SUFFIXES and p.is_file()
    }
    assert files == set(EXPECTED)


def test_every_code_has_two_files() -> None:
    """At least two files per code of format.md's table (region-*, unreadable and internal
    elsewhere: no file may make the validator fail)."""
    files_per_code = Counter(
        code for case in EXPECTED.values() for code in {i["code"] for i in case["issues"]}
    )
    wanted = set(CODES) - REGION_CODES - {"unreadable", "internal"}
    assert {code: files_per_code[code] for code in wanted if files_per_code[code] < 2} == {}
    assert set(files_per_code) <= set(CODES)
    bad_files = sum(1 for case in EXPECTED.values() if case["issues"])
    assert bad_files >= 60


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_file(name: str) -> None:
    result = validate(CORPUS / name, **_options(name))
    assert _shape(result) == _expected(name)
    assert result.kind == EXPECTED[name].get("kind")
    assert result.path == str(CORPUS / name)
    assert result.valid is not any(CODES[i["code"]].value == "error" for i in _expected(name))
    for issue in result.issues:
        for lang in ("en", "id"):
            message = issue.message(lang)
            assert "{" not in message.replace("{...}", ""), message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_content_sources_agree(name: str) -> None:
    """Bytes and text give what the path gives (JSON Lines content needs the flag)."""
    data = (CORPUS / name).read_bytes()
    jsonl = name.endswith(".jsonl")
    options = _options(name)
    assert _shape(validate(data, jsonl=jsonl, **options)) == _expected(name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    assert _shape(validate(text, jsonl=jsonl, **options)) == _expected(name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_careful_parser_agrees(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the orjson fast path, the standard library's parser finds the same issues."""
    monkeypatch.setattr(ranham.validation, "parse_fast", lambda data: (False, None))
    result = validate(CORPUS / name, **_options(name))
    assert _shape(result) == _expected(name)
    assert result.kind == EXPECTED[name].get("kind")


_RAW = FATAL | {"duplicate-key", "non-finite-number", "inexact-number"}  # text only


@pytest.mark.parametrize(
    "name",
    sorted(
        name
        for name, case in EXPECTED.items()
        if name.endswith(".json") and not {i["code"] for i in case["issues"]} & _RAW
    ),
)
def test_parsed_dict_agrees(name: str) -> None:
    """An already-parsed document has the same issues, without positions."""
    value = json.loads((CORPUS / name).read_text(encoding="utf-8"))
    result = validate(value, **_options(name))
    assert _shape(result) == _expected(name, positions=False)
    assert all(issue.line is None and issue.column is None for issue in result.issues)


@pytest.mark.parametrize(
    "name", sorted(name for name, case in EXPECTED.items() if "catalog" in case)
)
@pytest.mark.parametrize("form", ["dict", "object"])
def test_catalog_forms_agree(name: str, form: str) -> None:
    """``catalog=`` as a path, a parsed dict or a Catalog object: the same issues."""
    path = (CORPUS / EXPECTED[name]["catalog"]).resolve()
    catalog: Any = json.loads(path.read_text()) if form == "dict" else load(path, kind=Catalog)
    result = validate(CORPUS / name, catalog=catalog)
    assert _shape(result) == _expected(name)


@pytest.mark.parametrize("name", ["catalog", "report", "dataset", "forum"])
def test_spec_examples_are_valid(name: str) -> None:
    """format.md's examples are valid; the forum lists fewer recommendations than declared."""
    result = validate(SPEC / f"{name}.json")
    assert result.valid
    assert result.kind == name
    expected = []
    if name == "forum":
        expected = [
            {"code": "recommendations-incomplete", "pointer": "/declared/panranham"},
            {"code": "recommendations-incomplete", "pointer": "/declared/pelaksana"},
        ]
    assert _shape(result, positions=False) == expected


def test_spec_report_against_spec_catalog_is_on_time() -> None:
    result = validate(SPEC / "report.json", catalog=SPEC / "catalog.json")
    assert result.issues == ()
    assert result.valid


def test_spec_dataset_matches_the_other_examples() -> None:
    """The dataset example holds the catalog and report examples (without their headers)."""
    dataset = json.loads((SPEC / "dataset.json").read_text())
    catalog = json.loads((SPEC / "catalog.json").read_text())
    report = json.loads((SPEC / "report.json").read_text())
    for document in (catalog, report):
        del document["kind"], document["schema_version"]
    assert dataset["catalog"] == catalog
    assert dataset["reports"] == [report]
    assert [i["code"] for i in dataset["institutions"]] == ["32", "32.16", "31.71", "kemensos"]

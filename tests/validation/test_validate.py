"""``validate()``: its sources, options and the precise points of format.md's "Validation results".

The corpus (``test_corpus.py``) fixes the issues of many bad files; this module checks what a
file cannot show: the kinds of source, the catalog forms, values that only a program can pass,
the two parsers, and that nothing ever raises.
"""

from __future__ import annotations

import copy
import io
import json
import math
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ranham.validation
from ranham.errors import ArgumentTypeError, DocumentError
from ranham.io import load
from ranham.model import Catalog
from ranham.validation import (
    DEFAULT_MAX_SIZE,
    Issue,
    ValidationResult,
    catalog_view,
    iter_jsonl,
    validate,
)
from tests.conftest import examples

SPEC = Path(__file__).parent.parent / "data" / "spec"
DOCS = {name: json.loads((SPEC / f"{name}.json").read_text()) for name in ("catalog", "report")}
DOCS |= {name: json.loads((SPEC / f"{name}.json").read_text()) for name in ("dataset", "forum")}
DRAFT = {
    "kind": "report",
    "schema_version": "1.0",
    "institution": "32.16",
    "period": "2022-B04",
    "status": "draft",
    "history": [],
    "entries": [],
}


def _shape(result: ValidationResult) -> list[tuple[str, str, int | None, int | None]]:
    return [(i.code, i.pointer, i.line, i.column) for i in result.issues]


def _codes(result: ValidationResult) -> list[tuple[str, str]]:
    return [(i.code, i.pointer) for i in result.issues]


def _draft(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(DRAFT), **changes}


@contextmanager
def _careful_parser_only() -> Iterator[None]:
    with mock.patch.object(ranham.validation, "parse_fast", return_value=(False, None)):
        yield


# --- sources -------------------------------------------------------------------------------------


def test_sources_agree(tmp_path: Path) -> None:
    text = (SPEC / "report.json").read_text()
    path = tmp_path / "r.json"
    path.write_text(text)
    data = text.encode()
    results = [
        validate(data),
        validate(bytearray(data)),
        validate(memoryview(data)),
        validate(text),
        validate(path),
        validate(json.loads(text)),
    ]
    assert {(r.valid, r.kind, r.issues) for r in results} == {(True, "report", ())}
    assert results[4].path == str(path)
    assert results[0].value == json.loads(text)


@pytest.mark.parametrize(
    ("value", "got"),
    [([DRAFT], "an array"), (3, "an integer"), (1.5, "a number"), (None, "null"), (True, "true")],
)
def test_other_parsed_values_are_not_objects(value: Any, got: str) -> None:
    result = validate(value)
    assert _shape(result) == [("not-an-object", "", None, None)]
    assert got in result.issues[0].message("en")


def test_a_str_with_a_lone_surrogate() -> None:
    text = '{\n  "kind": "report",\n  "x": "ab\ud800"\n}'
    result = validate(text)
    assert _shape(result) == [("encoding", "", 3, 11)]
    assert "\\ud800" in result.issues[0].message("en")


def test_path_errors_raise(tmp_path: Path) -> None:
    """A path that cannot be read raises OSError (the command line reports it as unreadable)."""
    with pytest.raises(FileNotFoundError):
        validate(tmp_path / "missing.json")
    with pytest.raises(IsADirectoryError):
        validate(tmp_path)


def test_size_limit_of_a_path_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(DRAFT))
    size = path.stat().st_size
    assert validate(path, max_size=size).valid
    result = validate(path, max_size=size - 1)
    assert _shape(result) == [("too-large", "", None, None)]
    assert result.issues[0].params == {"size": size, "limit": size - 1}
    assert DEFAULT_MAX_SIZE == 256 * 1024 * 1024


# --- JSON Lines ----------------------------------------------------------------------------------


def test_jsonl_content_needs_the_flag() -> None:
    line = json.dumps(DRAFT)
    content = f"{line}\n\n{line}\n"
    assert _codes(validate(content)) == [("json-syntax", "")]
    result = validate(content, jsonl=True)
    assert (result.valid, result.kind, result.issues) == (True, "report", ())


def test_jsonl_path_can_be_read_as_one_document(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(DRAFT, indent=2))
    assert validate(path, jsonl=False).valid
    assert _codes(validate(path))[0] == ("json-syntax", "")


def test_jsonl_lines_are_split_on_newline_only() -> None:
    """A bare carriage return inside a line does not end it (the same for bytes and streams)."""
    content = (json.dumps(DRAFT) + "\r" + json.dumps(DRAFT) + "\r\n").encode()
    from_bytes = validate(content, jsonl=True)
    from_stream = [r for _, r in iter_jsonl(io.BytesIO(content))]
    assert _codes(from_bytes) == [("json-syntax", "")]
    assert [i.line for i in from_bytes.issues] == [1]
    assert [r.issues for r in from_stream] == [from_bytes.issues]


def test_jsonl_too_large_line_is_skipped_in_bounded_memory() -> None:
    small = json.dumps(DRAFT).encode()
    big = json.dumps(_draft(extensions={"x": "y" * 5000})).encode()
    stream = io.BytesIO(small + b"\n" + big + b"\r\n" + small + b"\n" + big)
    results = list(iter_jsonl(stream, max_size=len(small) + 10))
    assert [(n, r.codes) for n, r in results] == [
        (1, ()),
        (2, ("too-large",)),
        (3, ()),
        (4, ("too-large",)),
    ]
    assert results[1][1].issues[0].params["size"] == len(big)
    assert results[3][1].issues[0].params["size"] == len(big)
    assert results[1][1].issues[0].line == 2


def test_iter_jsonl_keeps_values_on_request() -> None:
    content = json.dumps(DRAFT).encode() + b"\n\n" + json.dumps(DRAFT).encode()
    kept = list(iter_jsonl(io.BytesIO(content), keep_values=True))
    assert [n for n, _ in kept] == [1, 3]
    assert all(r.value == DRAFT for _, r in kept)
    assert all(r.value is None for _, r in iter_jsonl(io.BytesIO(content)))


# --- catalog forms -------------------------------------------------------------------------------


def _provincial_report() -> dict[str, Any]:
    report = copy.deepcopy(DOCS["report"])
    report["institution"] = "32"
    return report


@pytest.mark.parametrize("form", ["path", "dict", "object", "view"])
def test_catalog_forms(form: str) -> None:
    path = SPEC / "catalog.json"
    catalog: Any = {
        "path": path,
        "dict": DOCS["catalog"],
        "object": load(path, kind=Catalog),
        "view": catalog_view(path),
    }[form]
    result = validate(_provincial_report(), catalog=catalog)
    assert _codes(result) == [("not-assigned", "/entries/0/action")]


def test_an_invalid_catalog_raises() -> None:
    catalog = copy.deepcopy(DOCS["catalog"])
    catalog["year"] = 2030
    with pytest.raises(DocumentError) as raised:
        validate(DOCS["report"], catalog=catalog)
    assert [i.code for i in raised.value.issues] == ["year-outside-plan"]
    with pytest.raises(DocumentError) as raised:
        validate(DOCS["report"], catalog=DOCS["report"])
    assert [i.code for i in raised.value.issues] == ["unknown-kind"]
    with pytest.raises(ArgumentTypeError):
        validate(DOCS["report"], catalog="catalog.json")  # type: ignore[arg-type]


def test_a_catalog_file_is_one_document_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "catalog.jsonl"
    path.write_text((SPEC / "catalog.json").read_text())
    assert _codes(validate(_provincial_report(), catalog=path)) == [
        ("not-assigned", "/entries/0/action")
    ]


def test_catalog_is_ignored_by_other_kinds() -> None:
    assert validate(DOCS["dataset"], catalog=SPEC / "catalog.json").issues == ()


# --- order, positions, kinds ---------------------------------------------------------------------


def test_same_pointer_sorts_by_code() -> None:
    text = '{"kind": "report", "schema_version": "1.0", "institution": "32.16",\n'
    text += '"period": "2022-B04", "status": "draft", "history": [], "entries": [],\n'
    text += '"status": 3}'
    assert _shape(validate(text)) == [
        ("duplicate-key", "/status", 3, 1),
        ("wrong-type", "/status", 3, 11),
    ]


def test_document_order_follows_the_text_not_the_canonical_order() -> None:
    document = {
        "kind": "report",
        "schema_version": "1.0",
        "entries": [{"action": "a", "measures": [], "x": 1}],
        "history": "none",
        "institution": "32.16",
        "period": "2022-B4",
        "status": "draft",
    }
    assert _codes(validate(document)) == [
        ("unknown-field", "/entries/0/x"),
        ("wrong-type", "/history"),
        ("invalid-value", "/period"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('{"kind": "report", "schema_version": "9.0"}', "report"),
        ('{"kind": "forum"}', "forum"),
        ('{"kind": "rapor", "schema_version": "1.0"}', None),
        ('{"kind": null, "schema_version": "1.0"}', None),
        ('{"kind": {"a": 1}, "schema_version": "1.0"}', None),
    ],
)
def test_kind_is_known_when_kind_was_valid(text: str, kind: str | None) -> None:
    result = validate(text)
    assert result.kind == kind
    assert len(result.issues) == 1


def test_depth_64_is_allowed_and_65_is_not() -> None:
    def with_depth(depth: int) -> bytes:
        # the document is at depth 1, extensions at 2, "a" at 3: arrays down to ``depth``
        head = json.dumps(_draft(extensions={"a": 0})).encode()[: -len(b"0}}")]
        return head + b"[" * (depth - 2) + b"]" * (depth - 2) + b"}}"

    assert validate(with_depth(64)).valid
    result = validate(with_depth(65))
    assert _codes(result) == [("too-deep", "/extensions/a" + "/0" * 62)]


# --- a broken field silences only the rules that read it ------------------------------------------


def test_a_broken_history_item_breaks_the_chain() -> None:
    report = copy.deepcopy(DOCS["report"])
    report["history"][1] = "returned"  # the change is unknown: the next one has no "before"
    report["history"][2]["at"] = "2022-05-01T00:00:00+07:00"
    assert _codes(validate(report)) == [("wrong-type", "/history/1")]
    report["history"][1] = {"status": "returned", "at": "kemarin"}
    assert _codes(validate(report)) == [("invalid-date", "/history/1/at")]
    report["history"][1] = {"status": "returned", "at": "2022-05-08T09:00:00+07:00"}
    assert _codes(validate(report)) == [("history-order", "/history/2/at")]


def test_an_unknown_first_change_silences_the_timing() -> None:
    report = copy.deepcopy(DOCS["report"])
    for change in report["history"]:
        change["at"] = change["at"].replace("2022-04-29", "2022-05-07")
    report["history"][0]["at"] = "2022-05-07T10:15:00+07:00"
    assert _codes(validate(report, catalog=SPEC / "catalog.json")) == [
        ("late-submission", "/history/0/at")
    ]
    report["history"][0]["status"] = "dikirim"
    assert _codes(validate(report, catalog=SPEC / "catalog.json")) == [
        ("invalid-value", "/history/0/status")
    ]


def test_a_broken_follow_up_breaks_the_chain() -> None:
    forum = copy.deepcopy(DOCS["forum"])
    follow_ups = forum["recommendations"][0]["follow_ups"]
    follow_ups += [{"on": "1 Maret", "status": "open"}, {"on": "2023-01-01", "status": "open"}]
    codes = [c for c in _codes(validate(forum)) if c[0] != "recommendations-incomplete"]
    assert codes == [("invalid-date", "/recommendations/0/follow_ups/1/on")]
    follow_ups[1]["on"] = "2023-03-02"
    codes = [c for c in _codes(validate(forum)) if c[0] != "recommendations-incomplete"]
    assert codes == [("follow-up-order", "/recommendations/0/follow_ups/2/on")]


def test_references_into_an_incomplete_list_are_not_judged() -> None:
    """A reference that may name the broken item is not reported; the others still are."""
    dataset = copy.deepcopy(DOCS["dataset"])
    dataset["institutions"][1]["code"] = 3216  # the institution the report and allegation name
    dataset["allegations"].append(
        {"institution": "32", "reported_on": "2022-07-01", "reference": "ADU-2"}
    )
    assert _codes(validate(dataset)) == [("wrong-type", "/institutions/1/code")]
    dataset["institutions"][1]["code"] = "32.16"
    dataset["allegations"][1]["institution"] = "33"
    assert _codes(validate(dataset)) == [("unknown-reference", "/allegations/1/institution")]


def test_actions_of_an_incomplete_catalog_are_not_judged() -> None:
    catalog = copy.deepcopy(DOCS["catalog"])
    catalog["actions"].append({"tier": "kl", "number": 9})
    report = copy.deepcopy(DOCS["report"])
    report["entries"].append({"action": "2022-kl-9", "measures": []})
    report["entries"][0]["measures"][0]["measure"] = "2022-kabkota-1-b04-9"
    with pytest.raises(DocumentError):
        validate(report, catalog=catalog)
    dataset = copy.deepcopy(DOCS["dataset"])
    dataset["catalog"] = {k: v for k, v in catalog.items() if k not in ("kind", "schema_version")}
    dataset["reports"] = [{k: v for k, v in report.items() if k not in ("kind", "schema_version")}]
    assert _codes(validate(dataset)) == [
        ("missing-field", "/catalog/actions/1/id"),
        ("missing-field", "/catalog/actions/1/target_group"),
        ("missing-field", "/catalog/actions/1/title"),
        ("missing-field", "/catalog/actions/1/measures"),
        ("responsible-invalid", "/catalog/actions/1/responsible"),
        ("unknown-reference", "/reports/0/entries/0/measures/0/measure"),
    ]


def test_an_unknown_kind_silences_assignment_only() -> None:
    dataset = copy.deepcopy(DOCS["dataset"])
    dataset["institutions"][1]["kind"] = "kabupatn"
    dataset["institutions"][3]["kind"] = "kementrian"
    dataset["catalog"]["actions"][0]["tier"] = "kl"
    dataset["catalog"]["actions"][0]["responsible"] = ["kemensos"]
    assert _codes(validate(dataset)) == [
        ("invalid-value", "/institutions/1/kind"),
        ("invalid-value", "/institutions/3/kind"),
    ]
    dataset["institutions"][3]["kind"] = "provinsi"
    assert _codes(validate(dataset)) == [
        ("responsible-invalid", "/catalog/actions/0/responsible/0"),
        ("invalid-value", "/institutions/1/kind"),
        ("code-kind-mismatch", "/institutions/3/code"),
    ]


def test_a_broken_autonomy_silences_assignment_only() -> None:
    dataset = copy.deepcopy(DOCS["dataset"])
    dataset["reports"][0]["institution"] = "31.71"
    assert _codes(validate(dataset)) == [("not-assigned", "/reports/0/entries/0/action")]
    dataset["institutions"][2]["autonomous"] = "tidak"
    assert _codes(validate(dataset)) == [("wrong-type", "/institutions/2/autonomous")]


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("period", "٢٠٢٢-B04", "invalid-value"),
        ("period", "２０２２-B04", "invalid-value"),
        ("at", "２０２２-04-29T10:15:00+07:00", "invalid-date"),
        ("at", "2022-04-29T10:15:00.1234567+07:00", "invalid-date"),
        ("at", "2022-04-29t10:15:00+07:00", "invalid-date"),
        ("at", "2022-04-29T10:15:00+24:00", "invalid-date"),
        ("at", "2016-12-31T23:59:60Z", "invalid-date"),
        ("at", "2022-04-29T10:15:00.5", "naive-timestamp"),
        ("at", "2022-04-29T10:15:00-00:00", None),
    ],
)
def test_dates_and_periods_are_exact(field: str, value: str, code: str | None) -> None:
    report = copy.deepcopy(DOCS["report"])
    if field == "period":
        report["period"] = value
        pointer = "/period"
    else:
        report["history"][0]["at"] = value
        pointer = "/history/0/at"
    assert _codes(validate(report)) == ([] if code is None else [(code, pointer)])


# --- numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number", [2**53 + 1, 2**63, 2**64, -(2**63) - 1, 10**30, -(10**300), 10**308]
)
def test_big_integers_in_extensions_are_kept_exactly(number: int) -> None:
    data = json.dumps(_draft(extensions={"n": number})).encode()
    for careful in (False, True):
        with _careful_parser_only() if careful else nullcontext():
            result = validate(data)
        assert result.valid
        assert result.value is not None
        assert result.value["extensions"]["n"] == number
        assert type(result.value["extensions"]["n"]) is int


@pytest.mark.parametrize(
    ("number", "code"),
    [
        (2**53, None),
        (2**53 + 1, "invalid-value"),
        (-(2**60), "invalid-value"),
        (2**64, "invalid-value"),
        (10**308, "invalid-value"),
        (10**309, "non-finite-number"),
    ],
)
def test_integer_bounds_in_typed_fields(number: int, code: str | None) -> None:
    forum = copy.deepcopy(DOCS["forum"])
    forum["declared"]["pelaksana"] = number
    expected = [] if code is None else [(code, "/declared/pelaksana")]
    data = json.dumps(forum).encode()
    for source in (forum, data, data.decode()):
        errors = [(i.code, i.pointer) for i in validate(source).errors]
        assert errors == expected
    with _careful_parser_only():
        assert [(i.code, i.pointer) for i in validate(data).errors] == expected


def test_integer_beyond_2_53_says_the_range() -> None:
    catalog = copy.deepcopy(DOCS["catalog"])
    catalog["actions"][0]["number"] = 2**53 + 1
    (issue,) = validate(catalog).issues
    assert issue.message("en") == (
        '"number" must be an integer from 1 to 9007199254740992 (found 9007199254740993).'
    )


@pytest.mark.parametrize(
    "literal",
    ["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "9" * 4301],
    ids=["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "4301-digits"],
)
def test_non_finite_numbers_do_not_stop_the_file(literal: str) -> None:
    text = json.dumps(_draft(status=3, extensions={"a": 0}))
    text = text.replace('"a": 0', f'"a": {literal}')
    assert _codes(validate(text)) == [
        ("wrong-type", "/status"),
        ("non-finite-number", "/extensions/a"),
    ]


def test_non_finite_number_in_a_typed_field_gets_one_issue() -> None:
    for literal in ("NaN", "1e999", "-" + "1" * 500):
        text = json.dumps(_draft(status="x")).replace('"status": "x"', f'"status": {literal}')
        assert _codes(validate(text)) == [("non-finite-number", "/status")]


# --- already-parsed documents: what only a program can pass --------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"status": float("nan")}, [("non-finite-number", "/status")]),
        ({"extensions": {"a": [float("inf")]}}, [("non-finite-number", "/extensions/a/0")]),
        ({"extensions": {"a": 10**5000}}, [("non-finite-number", "/extensions/a")]),
        ({"history": ()}, [("wrong-type", "/history")]),
        ({"extensions": {"a": {1, 2}}}, [("wrong-type", "/extensions/a")]),
        ({"extensions": {1: "x"}}, [("wrong-type", "/extensions/1")]),
        ({"extensions": {"a": Path("x")}}, [("wrong-type", "/extensions/a")]),
        ({"institution": b"32.16"}, [("wrong-type", "/institution")]),
        ({2: "x"}, [("wrong-type", "/2")]),
        ({("a",): "x"}, [("wrong-type", '/["a"]')]),
    ],
)
def test_parsed_values_that_are_not_json(
    changes: dict[Any, Any], expected: list[tuple[str, str]]
) -> None:
    result = validate({**_draft(), **changes})
    assert _codes(result) == expected
    for issue in result.issues:
        assert "{" not in issue.message("en")
        assert "{" not in issue.message("id")


def test_cycles_in_parsed_values_are_too_deep() -> None:
    loop: dict[str, Any] = {}
    loop["again"] = loop
    result = validate(_draft(extensions=loop))
    assert _codes(result) == [("too-deep", "/extensions" + "/again" * 63)]
    items: list[Any] = []
    items.append(items)
    assert validate(_draft(history=items)).codes == ("too-deep",)


def test_a_mapping_is_copied_not_changed() -> None:
    document = _draft(extensions={"a": 1})
    before = copy.deepcopy(document)
    validate(document)
    assert document == before


# --- the two parsers agree, and nothing raises ---------------------------------------------------

JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | st.sampled_from(["2022-B04", "2022-12-01T09:30:00", "kl", "verified", "32.16", "B04"])
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["id", "kind", "status", "measures", "at", "x", "code"]),
            children,
            max_size=3,
        )
    ),
    max_leaves=8,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*path, index))


def _replace(document: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copied = copy.deepcopy(document)
    node = copied
    for segment in path[:-1]:
        node = node[segment]
    node[path[-1]] = new
    return copied


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """A spec example with one value replaced, removed or repeated."""
    document = DOCS[draw(st.sampled_from(sorted(DOCS)))]
    paths = list(_paths(document))
    path = draw(st.sampled_from(paths))
    action = draw(st.sampled_from(["replace", "remove"]))
    if action == "remove" and path and isinstance(path[-1], str):
        copied = copy.deepcopy(document)
        node = copied
        for segment in path[:-1]:
            node = node[segment]
        del node[path[-1]]
        return copied
    return _replace(document, path, draw(JSON_VALUES))


@settings(max_examples=examples(150), deadline=None)
@given(document=mutated_documents(), indent=st.booleans())
def test_mutated_documents_never_raise_and_parsers_agree(document: Any, indent: bool) -> None:
    data = json.dumps(document, indent=2 if indent else None).encode()
    fast = validate(data)
    with _careful_parser_only():
        careful = validate(data)
    assert _shape(fast) == _shape(careful)
    assert fast.kind == careful.kind
    if not isinstance(document, str):  # a str is content, not a parsed value
        assert _codes(validate(document)) == _codes(fast)
    for issue in fast.issues:
        assert issue.line is not None or issue.code == "too-large" or not data
        issue.message("en")
        issue.message("id")


@settings(max_examples=examples(150), deadline=None)
@given(document=mutated_documents(), catalog=st.sampled_from([None, SPEC / "catalog.json"]))
def test_mutated_documents_against_a_catalog_never_raise(document: Any, catalog: Any) -> None:
    result = validate(document, catalog=catalog)
    assert isinstance(result, ValidationResult)
    assert result.valid == (not any(isinstance(i, Issue) and i.is_error for i in result.issues))


@settings(max_examples=examples(100), deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from('{}[]",:0123456789.eE-+ntrufalsNIy\\u"d8'), max_size=60)
)
def test_json_like_text_never_raises_and_parsers_agree(text: str) -> None:
    data = text.encode()
    fast = validate(data)
    with _careful_parser_only():
        careful = validate(data)
    assert _shape(fast) == _shape(careful)


@settings(max_examples=examples(60), deadline=None)
@given(value=JSON_VALUES)
def test_non_finite_floats_in_parsed_documents(value: Any) -> None:
    """Whatever else is wrong, a NaN given by a program is non-finite-number, never ignored."""
    document = _draft(extensions={"v": value, "nan": math.nan})
    assert ("non-finite-number", "/extensions/nan") in _codes(validate(document))

"""Reading and writing documents: validation first, canonical output, extensions kept verbatim."""

from __future__ import annotations

import io as stdio
import json
from pathlib import Path

import attrs
import orjson
import pytest

from ranham import io
from ranham.errors import DocumentError, InvariantError
from ranham.model import Catalog, Dataset, Forum, Report
from tests.model._examples import CATALOG, FORUM, INSTITUTIONS, REPORT

SPEC = Path(__file__).parent.parent / "data" / "spec"


@pytest.mark.parametrize(
    ("name", "cls"), [("catalog", Catalog), ("report", Report), ("forum", Forum)]
)
def test_spec_examples_read_as_the_objects_the_spec_describes(name, cls):
    document = io.load(SPEC / f"{name}.json", kind=cls)
    expected = {"catalog": CATALOG, "report": REPORT, "forum": FORUM}[name]
    if name == "catalog":
        expected = attrs.evolve(CATALOG, actions=CATALOG.actions[:1])
    assert document == expected


@pytest.mark.parametrize("name", ["catalog", "report", "forum"])
def test_writing_is_canonical_and_reading_it_back_is_lossless(name):
    document = io.load(SPEC / f"{name}.json")
    for indent in (False, True):
        text = io.dumps(document, indent=indent)
        again = io.loads(text)
        assert again == document
        assert io.dumps(again, indent=indent) == text


def test_canonical_order_does_not_depend_on_the_input_order():
    data = json.loads((SPEC / "report.json").read_text())
    shuffled = dict(reversed(list(data.items())))
    shuffled["history"] = [dict(reversed(list(c.items()))) for c in data["history"]]
    assert io.dumps(io.from_dict(shuffled)) == io.dumps(io.from_dict(data))
    assert list(io.to_dict(io.from_dict(shuffled))) == list(data)


def test_optional_fields_with_their_default_are_left_out():
    out = io.to_dict(REPORT)
    assert "extensions" not in out
    measure = out["entries"][0]["measures"][0]
    assert "note" not in measure["assessment"]
    draft = attrs.evolve(REPORT, status=REPORT.status.__class__("draft"), history=(), entries=())
    # status, history and entries are required by the format even when empty or default
    assert {"status": "draft", "history": [], "entries": []}.items() <= io.to_dict(draft).items()


def test_extensions_are_preserved_verbatim():
    data = json.loads((SPEC / "report.json").read_text())
    data["extensions"] = {"z": 1, "a": [1.5, None, {"deep": [True, 2**70]}], "b": {}, "é": "ü"}
    data["entries"][0]["extensions"] = {"sapa_ham_id": 881}
    report = io.from_dict(data)
    text = io.dumps(report)
    assert json.loads(text) == data
    assert b'"z":1,"a":[1.5,null,{"deep":[true,1180591620717411303424]}]' in text
    assert io.loads(text) == report


def test_unknown_keys_are_refused_with_every_problem_listed():
    data = json.loads((SPEC / "report.json").read_text())
    data["entries"][0]["measures"][0]["claimd"] = True
    data["entries"][0]["measures"][0]["evidence"][0]["signed"] = "yes"
    with pytest.raises(DocumentError) as caught:
        io.from_dict(data)
    codes = [(i.code, i.pointer) for i in caught.value.issues]
    assert codes == [
        ("wrong-type", "/entries/0/measures/0/evidence/0/signed"),
        ("unknown-field", "/entries/0/measures/0/claimd"),
    ]
    assert "2 error(s)" in str(caught.value)
    assert "/entries/0/measures/0/claimd" in str(caught.value)


def test_a_read_can_insist_on_a_kind():
    with pytest.raises(InvariantError, match="expected a catalog document, got a report document"):
        io.load(SPEC / "report.json", kind=Catalog)


def test_warnings_do_not_stop_a_read():
    forum = io.load(SPEC / "forum.json")  # recommendations-incomplete: two warnings
    assert forum.declared.panranham == 8


def test_a_dataset_reads_and_writes():
    dataset = Dataset(catalog=CATALOG, institutions=INSTITUTIONS, reports=(REPORT,))
    text = io.dumps(dataset)
    assert io.loads(text, kind=Dataset) == dataset
    assert list(io.to_dict(dataset)) == [
        "kind",
        "schema_version",
        "catalog",
        "institutions",
        "reports",
    ]


def test_json_lines_are_read_lazily_one_document_at_a_time(tmp_path):
    path = tmp_path / "archive.jsonl"
    reports = [REPORT, attrs.evolve(REPORT, institution="32.17")]
    assert io.write_jsonl(reports, path) == 2
    path.write_bytes(path.read_bytes() + b"\n   \n" + b'{"kind": "report"}\n')
    documents = io.iter_documents(path, kind=Report)
    assert next(documents) == reports[0]
    assert next(documents) == reports[1]
    with pytest.raises(DocumentError) as caught:
        next(documents)
    assert caught.value.issues[0].line == 5
    assert caught.value.issues[0].code == "unsupported-version"


def test_json_lines_from_a_stream():
    stream = stdio.BytesIO(io.dumps(REPORT) + b"\n" + io.dumps(FORUM) + b"\n")
    assert list(io.iter_documents(stream)) == [REPORT, FORUM]


def test_a_report_can_be_read_against_a_catalog():
    wrong = attrs.evolve(
        REPORT, entries=(attrs.evolve(REPORT.entries[0], action="2022-kabkota-7"),)
    )
    text = io.dumps(wrong)
    assert io.loads(text) == wrong  # alone, the reference cannot be checked
    with pytest.raises(DocumentError) as caught:
        io.loads(text, catalog=CATALOG)
    assert [(i.code, i.pointer) for i in caught.value.issues] == [
        ("unknown-reference", "/entries/0/action")
    ]


def test_dumps_output_is_plain_json():
    assert orjson.loads(io.dumps(FORUM))["kind"] == "forum"
    assert io.dumps(FORUM, indent=True).startswith(
        b'{\n  "kind": "forum",\n  "schema_version": "1.0"'
    )


def test_kind_of_refuses_what_is_not_a_document():
    with pytest.raises(InvariantError, match="must be a Catalog, Report, Dataset or Forum"):
        io.kind_of(INSTITUTIONS[0])  # type: ignore[arg-type]


def _assert_canonical(obj, data):
    """Every object's keys come in the entity's declaration order (format.md's order)."""
    names = [f.name for f in attrs.fields(type(obj)) if f.init]
    assert list(data) == [n for n in names if n in data], type(obj).__name__
    for name in data:
        value = getattr(obj, name)
        if attrs.has(type(value)) and isinstance(data[name], dict):
            _assert_canonical(value, data[name])
        elif isinstance(value, tuple):
            for item, item_data in zip(value, data[name], strict=True):
                if attrs.has(type(item)) and isinstance(item_data, dict):
                    _assert_canonical(item, item_data)


@pytest.mark.parametrize("name", ["catalog", "report", "forum"])
def test_fields_are_written_in_the_order_of_the_format(name):
    document = io.load(SPEC / f"{name}.json")
    data = io.to_dict(document)
    assert list(data)[:2] == ["kind", "schema_version"]
    _assert_canonical(
        document, {k: v for k, v in data.items() if k not in ("kind", "schema_version")}
    )


def test_optional_fields_before_required_ones_keep_their_place():
    forum = attrs.evolve(FORUM, extensions={"note": "x"})
    assert list(io.to_dict(forum))[2:] == [
        "id",
        "title",
        "start_date",
        "end_date",
        "location",
        "sources",
        "declared",
        "recommendations",
        "extensions",
    ]

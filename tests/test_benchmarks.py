"""The benchmark baselines and harness (benchmarks/): correctness only, never a timing.

The pydantic baseline must model the same format as ranham, or the benchmark compares unlike
things: it accepts what ranham accepts (and writes the same canonical bytes), and refuses the
per-value defects ranham refuses. The harness must run end to end and judge every goal.
"""

from __future__ import annotations

import gc
import importlib
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

pytest.importorskip("pydantic")  # the `bench` extra
msgspec = pytest.importorskip("msgspec")

from pydantic import ValidationError  # noqa: E402

from ranham import io  # noqa: E402
from ranham.reference import example_dataset  # noqa: E402
from ranham.validation import validate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
SPEC = ROOT / "tests" / "data" / "spec"
CORPUS = ROOT / "tests" / "validation" / "corpus"

# The benchmark modules are scripts next to each other, not a package.
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

baseline: Any = importlib.import_module("baseline_pydantic")
measure: Any = importlib.import_module("_measure")

SPEC_FILES = sorted(SPEC.glob("*.json"))


def _refused_by_baselines(data: bytes, *, by_msgspec: bool = True) -> None:
    with pytest.raises(ValidationError):
        baseline.Document.model_validate_json(data)
    if by_msgspec:
        with pytest.raises((msgspec.ValidationError, msgspec.DecodeError)):
            baseline.msgspec_decode(data)


# --- the baselines accept what ranham accepts ---------------------------------------------------


def test_the_spec_examples_are_there():
    assert {p.name for p in SPEC_FILES} >= {"catalog.json", "report.json", "forum.json"}


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: p.name)
def test_baselines_accept_the_spec_examples_and_pydantic_writes_ranhams_bytes(path):
    data = path.read_bytes()
    canonical = io.dumps(io.loads(data))
    model = baseline.Document.model_validate_json(data)
    assert model.model_dump_json(exclude_defaults=True).encode() == canonical
    assert baseline.dump_json(model) == canonical
    structs = baseline.msgspec_decode(data)
    assert orjson.loads(msgspec.json.encode(structs)) == orjson.loads(canonical)


def test_baselines_accept_a_generated_dataset_and_write_the_same_bytes():
    data = io.dumps(example_dataset(year=2022, seed=3, scale=0.02))
    assert validate(data).valid
    model = baseline.Document.model_validate_json(data)
    assert isinstance(model.root, baseline.DatasetDocument)
    assert model.root.reports, "the small dataset should hold reports"
    assert baseline.dump_json(model) == data
    structs = baseline.msgspec_decode(data)
    assert isinstance(structs, baseline.MDatasetDocument)
    assert orjson.loads(msgspec.json.encode(structs)) == orjson.loads(data)


def test_pydantic_builds_typed_values():
    model = baseline.Document.model_validate_json((SPEC / "report.json").read_bytes()).root
    assert model.status is baseline.ReportStatus.VERIFIED
    assert model.history[0].at.utcoffset() is not None
    evidence = model.entries[0].measures[0].evidence[0]
    assert evidence.kind is baseline.EvidenceKind.NOTULEN
    assert model.entries[0].measures[0].assessment.administrative is True


# --- the baselines refuse what ranham refuses, value by value ----------------------------------


def _report() -> dict[str, Any]:
    return orjson.loads((SPEC / "report.json").read_bytes())


def _measure_entry(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["entries"][0]["measures"][0]


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def change(doc: dict[str, Any]) -> None:
        target: Any = doc
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


ENTRY = ("entries", 0, "measures", 0)
VARIANTS = {
    # name: (change to the spec's report, the code ranham reports)
    "unknown key": (_set((*ENTRY, "claimd"), True), "unknown-field"),
    "unknown top-level key": (_set(("reviewer",), "x"), "unknown-field"),
    "boolean as integer": (_set((*ENTRY, "claimed"), 1), "wrong-type"),
    "boolean as string": (_set((*ENTRY, "claimed"), "true"), "wrong-type"),
    "null optional field": (_set((*ENTRY, "narrative"), None), "wrong-type"),
    "number for text": (_set((*ENTRY, "narrative"), 3), "wrong-type"),
    "bad status enum": (_set(("status",), "approved"), "invalid-value"),
    "bad evidence kind": (_set((*ENTRY, "evidence", 0, "kind"), "video"), "invalid-value"),
    "bad period pattern": (_set(("period",), "2022-B05"), "invalid-value"),
    "bad institution code": (_set(("institution",), "32.1"), "invalid-value"),
    "bad slug": (_set(("entries", 0, "action"), "Aksi 1"), "invalid-value"),
    "ftp uri": (_set((*ENTRY, "evidence", 0, "uri"), "ftp://x.example/1"), "invalid-value"),
    "blank text": (_set((*ENTRY, "narrative"), "  \t"), "invalid-value"),
    "timestamp with space": (
        _set(("history", 0, "at"), "2022-04-29 10:15:00+07:00"),
        "invalid-date",
    ),
    "timestamp without seconds": (
        _set(("history", 0, "at"), "2022-04-29T10:15+07:00"),
        "invalid-date",
    ),
    "naive timestamp": (_set(("history", 0, "at"), "2022-04-29T10:15:00"), "naive-timestamp"),
    "impossible timestamp": (_set(("history", 0, "at"), "2022-02-30T10:15:00Z"), "invalid-date"),
    "missing field": (lambda d: d.pop("history"), "missing-field"),
    "unknown kind": (_set(("kind",), "laporan"), "unknown-kind"),
    "newer version": (_set(("schema_version",), "1.1"), "unsupported-version"),
}


# msgspec's own RFC 3339 parser takes a space for the "T" (baseline_pydantic.py says so).
MSGSPEC_LENIENT = {"timestamp with space"}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_baselines_refuse_per_value_defects_that_ranham_refuses(name):
    change, code = VARIANTS[name]
    doc = _report()
    change(doc)
    data = orjson.dumps(doc)
    result = validate(data)
    assert not result.valid
    assert code in result.codes
    _refused_by_baselines(data, by_msgspec=name not in MSGSPEC_LENIENT)


def _dataset_with(change: Any) -> bytes:
    doc = orjson.loads((SPEC / "dataset.json").read_bytes())
    change(doc)
    return orjson.dumps(doc)


DATASET_VARIANTS = {
    "city range for a regency": (_set(("institutions", 1, "code"), "32.75"), "code-kind-mismatch"),
    "province not autonomous": (_set(("institutions", 0, "autonomous"), False), "invalid-value"),
    "number as float": (_set(("catalog", "actions", 0, "number"), 1.0), "wrong-type"),
    "number as string": (_set(("catalog", "actions", 0, "number"), "1"), "wrong-type"),
    "number zero": (_set(("catalog", "actions", 0, "number"), 0), "invalid-value"),
    "bad tier": (_set(("catalog", "actions", 0, "tier"), "pusat"), "invalid-value"),
    "short date": (_set(("catalog", "windows", "B04", "opens"), "2022-4-28"), "invalid-date"),
    "regency without parent": (lambda d: d["institutions"][1].pop("parent"), "parent-mismatch"),
    "kind inside the catalog": (_set(("catalog", "kind"), "catalog"), "unknown-field"),
}


@pytest.mark.parametrize("name", sorted(DATASET_VARIANTS))
def test_baselines_refuse_dataset_defects_that_ranham_refuses(name):
    change, code = DATASET_VARIANTS[name]
    data = _dataset_with(change)
    result = validate(data)
    assert code in result.codes
    _refused_by_baselines(data)


# Corpus directories whose every document has a defect in one value or one object's keys.
SCHEMA_CODES = (
    "wrong-type",
    "unknown-field",
    "missing-field",
    "invalid-date",
    "naive-timestamp",
    "code-kind-mismatch",
    "unknown-kind",
    "unsupported-version",
    "not-an-object",
    "json-syntax",
)
CORPUS_FILES = sorted(p for code in SCHEMA_CODES for p in (CORPUS / code).glob("*.json"))


def test_the_corpus_has_schema_defects():
    assert len(CORPUS_FILES) >= len(SCHEMA_CODES)


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_baselines_refuse_the_corpus_documents_of_schema_codes(path):
    data = path.read_bytes()
    assert not validate(data).valid
    _refused_by_baselines(data)


@pytest.mark.parametrize(
    "name", ["end-year.json", "forum-end-before-start.json", "periods-order.json"]
)
def test_baselines_do_not_check_rules_across_values(name):
    """What RESULTS.md says: pydantic checks less than ranham (here, order between values)."""
    data = (CORPUS / "invalid-value" / name).read_bytes()
    assert not validate(data).valid
    baseline.Document.model_validate_json(data)
    baseline.msgspec_decode(data)


# --- the harness --------------------------------------------------------------------------------


def test_alternate_rotates_the_order_and_times_every_round():
    calls: list[str] = []

    def contender(key: str) -> Any:
        return measure.Contender.of(key, key, lambda: calls.append(key))

    timings = measure.alternate(
        [contender("a"), contender("b"), contender("c")], 3, log=lambda _: None
    )
    assert calls[:3] == ["a", "b", "c"]  # the warm-up
    assert calls[3:] == ["a", "b", "c", "b", "c", "a", "c", "a", "b"]
    assert {k: len(t.times) for k, t in timings.items()} == {"a": 3, "b": 3, "c": 3}
    assert all(t.min <= t.median for t in timings.values())


def test_alternate_times_stages_apart_and_passes_results_on():
    seen: list[Any] = []
    stages = (
        measure.Stage("", "load", lambda _: [1, 2, 3]),
        measure.Stage("sum", "sum", lambda v: seen.append(v) or sum(v)),
    )
    timings = measure.alternate([measure.Contender(stages)], 2, log=lambda _: None)
    assert list(timings) == ["sum"]
    assert seen == [[1, 2, 3]] * 3


def test_alternate_refuses_a_contender_whose_input_is_refused():
    def refuse(_: Any) -> None:
        raise RuntimeError("input refused")

    with pytest.raises(RuntimeError, match="input refused"):
        measure.alternate([measure.Contender.of("x", "x", lambda: 0, refuse)], 1)


def test_alternate_notices_a_contender_that_leaves_the_collector_off():
    try:
        with pytest.raises(RuntimeError, match="garbage collector"):
            measure.alternate([measure.Contender.of("x", "x", gc.disable)], 1)
    finally:
        gc.enable()


@pytest.mark.slow
def test_the_harness_runs_end_to_end_on_tiny_inputs(tmp_path):
    results = BENCHMARKS / "RESULTS.md"
    before = results.read_bytes() if results.exists() else None
    run = importlib.import_module("run")
    out = tmp_path / "RESULTS.md"
    argv = ["--quick", "--scale", "0.02", "--data-dir", str(tmp_path / "data"), "--out", str(out)]
    assert run.main(argv) == 0
    text = out.read_text(encoding="utf-8")
    for heading in (
        "## Run",
        "## Inputs",
        "## Load and check a national year",
        "## Dump a loaded national year",
        "## Score and eligibility, and linearity",
        "## Five years at once",
        "## Streaming validation of a `.jsonl` archive",
        "## Peak memory",
        "## Goals of issue 9",
    ):
        assert heading in text
    assert "2 per group" in text
    goals = text.split("## Goals of issue 9", 1)[1].split("<!-- results-end -->", 1)[0]
    verdicts = [line for line in goals.splitlines() if line.startswith("| ") and "**" in line]
    assert len(verdicts) == 11
    assert all("**PASS**" in line or "**MISS**" in line for line in verdicts)
    # The inputs are cached: a second run reuses them.
    manifest = (tmp_path / "data" / "manifest.json").read_bytes()
    assert run.main([*argv, "--groups", "national", "--rounds", "1"]) == 0
    assert (tmp_path / "data" / "manifest.json").read_bytes() == manifest
    assert "not measured" in out.read_text(encoding="utf-8")
    # The repository's RESULTS.md is never touched by the test.
    assert (results.read_bytes() if results.exists() else None) == before

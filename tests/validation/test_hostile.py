"""Hostile input (issue 13): no crafted document crashes, hangs or exhausts a validation run.

Each test here failed on the code before the fix it pins. Nothing is timed: work is asserted by
structure (possessive patterns, how often an object's keys are listed) and memory by
``tracemalloc`` against what parsing alone needs.
"""

from __future__ import annotations

import copy
import json
import re
import tracemalloc
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]  # Python 3.11+
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ranham
from ranham import io
from ranham.errors import ArgumentTypeError, DocumentError, InvariantError
from ranham.validation import _pointer as pointer_module
from ranham.validation import validate
from tests.conftest import examples

SPEC = Path(__file__).parent.parent / "data" / "spec"
REPORT = json.loads((SPEC / "report.json").read_text())
CATALOG = json.loads((SPEC / "catalog.json").read_text())
PLAN = io.loads(orjson.dumps(CATALOG)).plan


def _report(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(REPORT), **changes}


def _both_paths(document: dict[str, Any], **options: Any) -> list[Any]:
    """The results of validating ``document`` as bytes (fast path) and as a dict."""
    return [validate(orjson.dumps(document), **options), validate(document, **options)]


# --- crashes on content -------------------------------------------------------------------------


def test_timestamp_given_as_an_object_with_a_colon_key() -> None:
    """The fast path read ``at`` before checking its type (AttributeError)."""
    history = [{"status": "submitted", "at": {":": 1}}]
    doc = _report(status="submitted", history=history)
    for document in ({**doc, "entries": []}, doc):
        for result in _both_paths(document):
            assert ("wrong-type", "/history/0/at") in [(i.code, i.pointer) for i in result]
        with pytest.raises(DocumentError):
            io.loads(orjson.dumps(document))


@pytest.mark.parametrize(
    "at",
    [
        "9999-12-31T23:59:59Z",
        "0001-01-01T00:00:00+23:59",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59-23:59",
    ],
)
def test_extreme_timestamps_against_a_catalog(at: str) -> None:
    """Converting an extreme instant to the plan's zone overflowed (OverflowError)."""
    doc = _report(status="submitted", history=[{"status": "submitted", "at": at}])
    for entry in doc["entries"]:
        for measure in entry["measures"]:
            measure.pop("assessment", None)
    for result in _both_paths(doc, catalog=CATALOG):
        assert "internal" not in result.codes
        assert result.valid  # on time or not, the report itself is fine
        assert set(result.codes) <= {"late-submission", "early-submission", "incomplete-report"}


def test_catalog_of_the_last_year() -> None:
    """A catalog of year 9999: the window of B12 ends after the last representable date."""
    catalog = copy.deepcopy(CATALOG)
    catalog["plan"]["end_year"] = 9999
    catalog["year"] = 9999
    catalog["windows"] = {
        "B04": {"opens": "9999-04-28", "closes": "9999-05-05"},
        "B08": {"opens": "9999-08-30", "closes": "9999-09-06"},
        "B12": {"opens": "9999-12-28", "closes": "9999-12-31"},
    }
    for result in _both_paths(catalog):
        assert result.valid, result.codes
    report = _report(period="9999-B12", status="submitted")
    report["history"] = [{"status": "submitted", "at": "9999-12-31T23:59:59-12:00"}]
    report["entries"] = []
    for result in _both_paths(report, catalog=catalog):
        assert "internal" not in result.codes


def test_an_unexpected_failure_is_one_internal_issue(monkeypatch: pytest.MonkeyPatch) -> None:
    """A defect of ranham on one document is reported as ``internal``; the caller goes on."""
    from ranham.validation import _rules

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(_rules, "check_standalone_report", broken)
    doc = _report(claimd=True)
    result = validate(doc, fast=False)
    assert "internal" in result.codes
    assert not result.valid
    internal = next(i for i in result if i.code == "internal")
    assert internal.params["exception"] == "RuntimeError"
    assert "RuntimeError" in internal.message("en")
    # what the walk found before the failure is kept
    assert ("unknown-field", "/claimd") in [(i.code, i.pointer) for i in result]


def test_keyboard_interrupt_is_never_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    from ranham.validation import _rules

    def interrupted(*_args: Any, **_kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_rules, "check_standalone_report", interrupted)
    with pytest.raises(KeyboardInterrupt):
        validate(_report(claimd=True), fast=False)


# --- linear-time regular expressions ------------------------------------------------------------


def _patterns() -> dict[str, re.Pattern[str] | re.Pattern[bytes]]:
    """Every compiled pattern held by a ``ranham`` module, by where it is."""
    import importlib
    import pkgutil

    from ranham.model import _checks as checks

    found: dict[str, re.Pattern[str] | re.Pattern[bytes]] = {}
    for info in pkgutil.walk_packages(ranham.__path__, "ranham."):
        if info.name.startswith(("ranham.strategies", "ranham._hypothesis_hook", "ranham.sheets")):
            continue  # test-data generators (and an optional extra) are not input paths
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            pattern = getattr(value, "__self__", value)  # ``re.compile(...).fullmatch``
            if isinstance(pattern, re.Pattern):
                found[f"{info.name}.{name}"] = pattern
            elif isinstance(value, checks.Pattern):
                found[f"{info.name}.{name}"] = re.compile(value.regex)
    return found


def _unbounded_backtracking(tree: Any) -> list[str]:
    """The repeats of a parsed pattern that can backtrack over an unbounded run."""
    found = []
    for op, arg in tree:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, sub = arg
            if high == sre_constants.MAXREPEAT:
                found.append(f"{op} {low}..∞")
            found += _unbounded_backtracking(sub)
        elif op is sre_constants.POSSESSIVE_REPEAT:
            found += _unbounded_backtracking(arg[2])
        elif op is sre_constants.SUBPATTERN:
            found += _unbounded_backtracking(arg[-1])
        elif op is sre_constants.BRANCH:
            for branch in arg[1]:
                found += _unbounded_backtracking(branch)
        elif op is sre_constants.ATOMIC_GROUP:
            found += _unbounded_backtracking(arg)
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            found += _unbounded_backtracking(arg[1])
    return found


PATTERNS = _patterns()


def test_patterns_were_found() -> None:
    assert len(PATTERNS) >= 15
    assert any(name.endswith("HTTP_URL") for name in PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_pattern_is_linear(name: str) -> None:
    """No unbounded repeat may give characters back: each is possessive (``*+``) or bounded.

    A pattern whose repeats never backtrack matches in time linear in its input at one
    position (the old ``[^\\s/?#]+[^\\s]*`` URL pattern took 70 s on 100 KB).
    """
    pattern = PATTERNS[name]
    assert _unbounded_backtracking(sre_parse.parse(pattern.pattern, pattern.flags)) == []


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("https://example.org/doc/1", True),
        ("HTTP://x", True),
        ("https:///doc", False),
        ("https://exa mple.org", False),
        ("https://" + "a" * 5000 + " ", False),
        ("ftp://example.org", False),
    ],
)
def test_url_pattern_keeps_its_language(text: str, ok: bool) -> None:
    from ranham.model._checks import HTTP_URL

    assert HTTP_URL.ok(text) is ok


def test_lone_surrogate_after_many_backslashes() -> None:
    """The surrogate-escape search backtracked over every run of backslashes."""
    text = '{"kind": "report", "x": "' + "\\\\" * 20000 + '\\ud800"}'
    result = validate(text.encode("utf-8"))
    assert result.codes == ("encoding",)
    text = '{"a": "' + "\\\\" * 20000 + 'ud800"}'  # escaped backslashes, then letters
    assert "encoding" not in validate(text.encode("utf-8")).codes


# --- bounded work: ordering issues ----------------------------------------------------------------


class _CountingDict(dict[str, Any]):
    listings = 0

    def __iter__(self) -> Any:
        type(self).listings += 1
        return super().__iter__()


def test_document_order_lists_each_object_once() -> None:
    """Sorting n issues inside one object listed its keys n times (quadratic)."""
    _CountingDict.listings = 0
    node = _CountingDict({f"k{i}": i for i in range(500)})
    document = {"a": node}
    order = pointer_module.DocumentOrder(document)
    keys = [order.key(("a", f"k{i}")) for i in reversed(range(500))]
    assert keys == sorted(keys, reverse=True)
    assert _CountingDict.listings <= 1


# --- bounded memory ---------------------------------------------------------------------------


def _peak(function: Any, *args: Any, **kwargs: Any) -> int:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        function(*args, **kwargs)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("item", [b"{}", b"[]", b'{"a":1}', b'"x"'])
def test_memory_of_large_extensions(item: bytes) -> None:
    """66 MB of ``[{},…]`` in extensions peaked at 4.4 GB: a deep copy of every value."""
    head = orjson.dumps(_report())[:-1]
    data = head + b',"extensions":{"x":[' + b",".join([item] * 60_000) + b"]}}"
    parse = _peak(orjson.loads, data)
    checked = _peak(validate, data)
    assert checked <= 1.75 * parse  # 1.86 for `{}` before empty objects were shared


def test_too_many_issues_are_capped() -> None:
    doc = _report(**{f"unknown{i}": i for i in range(1500)})
    result = validate(orjson.dumps(doc))
    assert len(result.issues) == 1001
    assert result.issues[-1].code == "too-many-issues"
    assert result.issues[-1].params["omitted"] == 500
    assert result.error_count == 1500
    assert not result.valid
    small = validate(orjson.dumps(doc), max_issues=10)
    assert [i.code for i in small.issues] == ["unknown-field"] * 10 + ["too-many-issues"]
    # the first ones in document order are kept
    assert [i.pointer for i in small.issues[:3]] == ["/unknown0", "/unknown1", "/unknown2"]


def test_the_cap_bounds_memory_while_walking() -> None:
    """The issues beyond the cap are counted, not kept, while the document is walked."""
    from ranham.validation._careful import walk_document
    from ranham.validation._walk import Walk

    document = {**_report(), **{f"u{i}": 1 for i in range(8000)}}
    w = Walk(document, limit=5)
    walk_document(document, "report", w)
    assert len(w.issues) <= 2 * 5 + 16
    assert len(w.issues) + sum(w.omitted) == 8000
    assert w.omitted[1] == 8000 - len(w.issues)  # errors, counted by severity


def test_a_huge_key_is_echoed_once() -> None:
    """A 5 MB unknown key was in the pointer and again in the message."""
    key = "k" * 1_000_000
    result = validate(orjson.dumps(_report(**{key: 1})))
    (issue,) = [i for i in result if i.code == "unknown-field"]
    assert issue.pointer == "/" + key  # a pointer is exact
    assert len(issue.message("en")) < 400
    assert len(issue.message("id")) < 400
    assert all(len(str(v)) < 200 for v in issue.params.values())


def test_huge_values_are_shown_short() -> None:
    big = ["x" * 1000] * 1000
    result = validate(_report(status=big))
    (issue,) = [i for i in result if i.pointer == "/status"]
    assert len(issue.message("en")) < 400


def test_json_lines_archive_keeps_a_bounded_number_of_issues(tmp_path: Path) -> None:
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b'{"kind": 1}\n' * 3000)
    result = validate(path, max_issues=100)
    assert len(result.issues) == 101
    assert result.issues[-1].code == "too-many-issues"
    assert result.error_count == 3000


# --- strictness ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["localtime", "posixrules", "Factory", "posix/Asia/Jakarta"])
def test_host_dependent_zones_are_refused(name: str) -> None:
    plan = {**CATALOG["plan"], "timezone": name}
    result = validate({**CATALOG, "plan": plan})
    assert ("invalid-value", "/plan/timezone") in [(i.code, i.pointer) for i in result]
    with pytest.raises(InvariantError):
        attrs.evolve(PLAN, timezone=name)


@pytest.mark.parametrize("name", ["Asia/Jakarta", "UTC", "Asia/Makassar", "Asia/Jayapura"])
def test_iana_zones_are_accepted(name: str) -> None:
    assert attrs.evolve(PLAN, timezone=name).timezone == name


DIGITS = ["٢", "۲", "２", "²", "𝟐", "२"]


@settings(max_examples=examples(30), deadline=None)
@given(digit=st.sampled_from(DIGITS), where=st.integers(0, 3))
def test_only_ascii_digits_in_dates_periods_and_timestamps(digit: str, where: int) -> None:
    report = _report()
    report["period"] = "2022-B04"[:where] + digit + "2022-B04"[where + 1 :]
    report["history"][0]["at"] = "2022-04-29T10:15:00+07:00".replace("2", digit, 1)
    codes = {(i.code, i.pointer) for i in validate(report)}
    assert ("invalid-value", "/period") in codes
    assert ("invalid-date", "/history/0/at") in codes


@pytest.mark.parametrize("source", [object(), {1, 2}, 3j, b"".join, Path])
def test_wrong_python_types_are_refused(source: Any) -> None:
    with pytest.raises(ArgumentTypeError):
        validate(source)


@pytest.mark.parametrize("catalog", [3, "catalog.json", b"{}", ["x"]])
def test_wrong_catalog_types_are_refused(catalog: Any) -> None:
    with pytest.raises(ArgumentTypeError):
        validate(_report(), catalog=catalog)


@pytest.mark.parametrize("max_size", [10**30, 2**63])
def test_a_huge_size_limit_is_no_limit(tmp_path: Path, max_size: int) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(orjson.dumps(_report()))
    assert validate(path, max_size=max_size).valid


@pytest.mark.parametrize("max_size", [-1, True, 1.5, "10"])
def test_a_bad_size_limit_is_refused(max_size: Any) -> None:
    with pytest.raises((ArgumentTypeError, InvariantError)):
        validate(_report(), max_size=max_size)


@pytest.mark.parametrize("function", ["loads", "iter_documents", "from_dict"])
def test_io_refuses_none(function: str) -> None:
    with pytest.raises(ArgumentTypeError):
        getattr(io, function)(None)


@pytest.mark.parametrize("function", ["score", "eligibility"])
@pytest.mark.parametrize("given", [None, {"kind": "dataset"}, "dataset.json"])
def test_the_rules_refuse_what_is_not_a_dataset(function: str, given: Any) -> None:
    """``score(None)`` raised AttributeError; a wrong type is an ArgumentTypeError (TypeError)."""
    with pytest.raises(ArgumentTypeError):
        getattr(ranham, function)(given)


@pytest.mark.parametrize("make", ["fifo", "directory"])
def test_a_path_that_is_not_a_regular_file_is_refused_without_blocking(
    tmp_path: Path, make: str
) -> None:
    """The library opened a FIFO for reading and blocked forever; now OSError, at once."""
    import os

    path = tmp_path / "x.json"
    if make == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    with pytest.raises(OSError, match="not a regular file"):
        validate(path)
    with pytest.raises(OSError, match="not a regular file"):
        io.load(path)
    with pytest.raises(OSError, match="not a regular file"):
        list(io.iter_documents(path))

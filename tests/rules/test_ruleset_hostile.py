"""Rule-set files as an attacker writes them: every one a clear RuleSetError, never a crash,
a hang or unbounded memory (issue 13); every problem of a file reported at once (issue 16)."""

from __future__ import annotations

import builtins
import copy
import io
import os
import tomllib
from datetime import UTC, date, datetime, time
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ranham.rules
from ranham.errors import ArgumentTypeError, RuleSetError
from ranham.model import Tier
from ranham.rules import RuleSet, load_ruleset, loads_ruleset
from ranham.rules._toml import key_path
from ranham.rules.loading import MAX_DIGITS, MAX_PROBLEMS, RULESET_MAX_SIZE, SECTIONS
from tests.conftest import examples

from ._toml_writer import Raw, dumps

DEFAULT_PATH = Path(ranham.rules.__file__).parent / "rulesets" / "ranham-2021-2025" / "default.toml"
DEFAULT = DEFAULT_PATH.read_text(encoding="utf-8")
PARSED = tomllib.loads(DEFAULT)


def _refused(text: str, **options: Any) -> RuleSetError:
    with pytest.raises(RuleSetError) as caught:
        loads_ruleset(text, name="mine.toml", **options)
    return caught.value


def _keys(error: RuleSetError) -> list[str]:
    return [problem.key for problem in error.problems]


# --- files that are not regular files, or too large -------------------------------------------


@pytest.fixture
def no_open_of(monkeypatch):
    """Fail the test if anything opens one of the given paths for reading."""
    watched: set[str] = set()
    real_open, real_os_open = io.open, os.open

    def guarded(path, *args, **kwargs):
        if os.fsdecode(path) in watched if isinstance(path, str | bytes | os.PathLike) else False:
            raise AssertionError(f"{path} was opened")
        return real_open(path, *args, **kwargs)

    def guarded_os(path, *args, **kwargs):
        if os.fsdecode(path) in watched:
            raise AssertionError(f"{path} was opened")
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr(io, "open", guarded)
    monkeypatch.setattr(builtins, "open", guarded)
    monkeypatch.setattr(os, "open", guarded_os)
    return watched


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_being_opened(tmp_path, no_open_of):
    fifo = tmp_path / "rules.toml"
    os.mkfifo(fifo)
    no_open_of.add(str(fifo))
    with pytest.raises(RuleSetError, match=r"rules\.toml: is a FIFO \(named pipe\), not a regular"):
        load_ruleset(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_is_refused_without_being_opened(no_open_of):
    no_open_of.add("/dev/zero")
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(Path("/dev/zero"))
    assert str(caught.value) == (
        "/dev/zero: is a device, not a regular file; expected a rule-set file."
    )
    assert "perangkat" in caught.value.text("id")


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(RuleSetError, match="is a directory, not a regular file"):
        load_ruleset(tmp_path)


def test_files_above_the_size_limit_are_refused_and_the_limit_can_be_changed(tmp_path):
    assert RULESET_MAX_SIZE == 1024 * 1024
    path = tmp_path / "big.toml"
    path.write_text(DEFAULT + "#" * RULESET_MAX_SIZE, encoding="utf-8")
    with pytest.raises(RuleSetError, match="larger than the limit of 1,048,576 bytes"):
        load_ruleset(path)
    small = tmp_path / "small.toml"
    small.write_text(DEFAULT, encoding="utf-8")
    assert load_ruleset(small).id == "ranham-2021-2025/default"
    with pytest.raises(RuleSetError, match="larger than the limit of 100 bytes"):
        load_ruleset(small, max_size=100)
    with pytest.raises(RuleSetError, match="larger than the limit of 100 bytes"):
        loads_ruleset(DEFAULT, max_size=100)
    # characters of several bytes count as bytes
    assert loads_ruleset(DEFAULT, max_size=len(DEFAULT.encode()))
    with pytest.raises(RuleSetError, match="larger than the limit"):
        loads_ruleset(DEFAULT + "# é", max_size=len(DEFAULT.encode()) + 3)


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin.toml"
    path.write_bytes(DEFAULT.encode("utf-8") + b"# caf\xe9\n")
    with pytest.raises(RuleSetError, match=r"latin\.toml: is not UTF-8 text \(byte 0xe9 at offset"):
        load_ruleset(path)


def test_a_file_name_with_control_characters_is_shown_escaped(tmp_path):
    path = tmp_path / "a\x1b[31mb.toml"
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(path)
    assert "\x1b" not in str(caught.value)
    assert "a\\x1b[31mb.toml" in str(caught.value)


# --- numbers, digits, depth ---------------------------------------------------------------------


def _with(old: str, new: str) -> str:
    assert old in DEFAULT
    return DEFAULT.replace(old, new, 1)


@pytest.mark.parametrize(
    "literal",
    [
        "1e-999999999",
        "1e999999999",
        "0." + "0" * 5000 + "1",
        "1" * 5000 + ".5",
        "1" * 4000,
        "1" * 5000,
        "1" + "_1" * 5000,
        "0x" + "f" * 5000,
        "0x" + "f" * 100,
        "0b" + "1" * 200,
        f"{'1' * (MAX_DIGITS + 1)}",
    ],
    ids=[
        "tiny-exponent",
        "huge-exponent",
        "5000-decimals",
        "5000-digit-float",
        "4000-digit-int",
        "5000-digit-int",
        "underscored-int",
        "5000-digit-hex",
        "100-digit-hex",
        "200-digit-binary",
        "one-digit-too-many",
    ],
)
def test_numbers_that_would_be_unbounded_work_are_refused_naming_the_key(literal):
    error = _refused(_with("achieved_min = 100", f"achieved_min = {literal}"))
    assert _keys(error)[0].startswith("scoring.achieved_min")
    assert "digits" in str(error)
    assert len(str(error)) < 1000  # the number is not echoed whole


def test_the_longest_number_allowed_still_reads_exactly():
    text = _with("achieved_min = 100", f"achieved_min = 100.{'0' * (MAX_DIGITS - 3)}")
    assert loads_ruleset(text).scoring.achieved_min == 100


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("[targets.2022]", '[targets."٢٠٢٢"]', 'targets."٢٠٢٢"'),  # Arabic-Indic
        ("[targets.2022]", '[targets."²⁰²²"]', 'targets."²⁰²²"'),  # superscript
        ("[targets.2022]", '[targets."２０２２"]', 'targets."２０２２"'),  # fullwidth
        ('"09-17"', '"٠٩-١٧"', "eligibility.allegation_cutoff"),
        ('"09-17"', '"⁰⁹-¹⁷"', "eligibility.allegation_cutoff"),
        ('"09-17"', '"𝟎𝟗-𝟏𝟕"', "eligibility.allegation_cutoff"),
    ],
)
def test_only_ascii_digits_are_read_as_numbers_years_and_dates(old, new, key):
    error = _refused(_with(old, new))
    assert key in _keys(error)
    assert "0-9" in str(error)


@pytest.mark.parametrize("opening", ["[", "{a = "])
def test_deeply_nested_values_are_refused_clearly(opening):
    closing = "]" if opening == "[" else "}"
    for depth in (100, 5000):
        deep = opening * depth + "1" + closing * depth
        error = _refused(_with("achieved_min = 100", f"achieved_min = {deep}"))
        assert "deep" in str(error)
        assert "mine.toml" in str(error)


def test_a_huge_value_is_not_echoed_whole():
    error = _refused(_with('late = "accept"', f'late = "{"x" * 100_000}"'))
    assert len(str(error)) < 500
    assert "…" in str(error)


def test_control_and_direction_characters_are_escaped_in_messages():
    error = _refused(_with('basis = "verified"', 'basis = "v\\u001b[2J\\u202eerified"'))
    text = str(error) + error.text("id")
    assert "\x1b" not in text
    assert "\u202e" not in text
    assert "\\x1b[2J\\u202e" in text


# --- every problem at once ----------------------------------------------------------------------


def test_every_problem_of_a_file_is_reported_at_once():
    text = (
        _with('basis = "verified"', 'basis = "checked"')
        .replace("places = 2", "places = 11")
        .replace("kl = 75", "pusat = 75")
        .replace('"all-verified"', '"all-verifed"')
        .replace('"09-17"', '"02-29"')
        .replace('version = "1"', 'version = "1"\ncolour = "red"')
    )
    error = _refused(text)
    assert _keys(error) == [
        "colour",
        "scoring.basis",
        "scoring.places",
        "targets.2022.pusat",
        "eligibility.criteria[1]",
        "eligibility.allegation_cutoff",
    ]
    lines = str(error).splitlines()
    assert lines[0] == "mine.toml: 6 problems"
    assert len(lines) == 7
    assert error.location == "mine.toml: colour"
    indonesian = error.text("id").splitlines()
    assert indonesian[0] == "mine.toml: 6 masalah"
    assert "bukan kunci aturan" in indonesian[1]
    assert all(p.en != p.id for p in error.problems)


def test_threshold_decimals_are_checked_against_a_valid_places_only():
    text = _with("annual_score_min = 80", "annual_score_min = 79.995")
    assert _keys(_refused(text)) == ["eligibility.annual_score_min"]
    both = text.replace("places = 2", "places = 2.5")
    assert _keys(_refused(both)) == ["scoring.places"]  # no guess about the decimals


def test_the_number_of_problems_listed_is_bounded():
    text = DEFAULT.replace(
        'version = "1"',
        'version = "1"\n' + "\n".join(f"unknown{i} = 1" for i in range(MAX_PROBLEMS * 3)),
    )
    error = _refused(text)
    assert len(error.problems) == MAX_PROBLEMS + 1
    assert "200 more problems" in error.problems[-1].en


def _leaves(table: dict[str, Any], path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name, item in table.items():
        found.append((*path, name))
        if isinstance(item, dict):
            found += _leaves(item, (*path, name))
    return found


LEAVES = _leaves(PARSED)

ODD_VALUES: list[Any] = [
    "",
    " ",
    "x",
    "٢٠٢٢",
    "²",
    "\x1b[31m",
    "09-17",
    "x" * 5000,
    0,
    -1,
    2**63 - 1,
    -(2**63),
    Raw("1e-999999999"),
    Raw("1e999999999"),
    Raw("nan"),
    Raw("-inf"),
    Raw("1.5"),
    Raw("0.000000001"),
    Raw("1" * 5000),
    Raw("0." + "1" * 5000),
    True,
    False,
    date(2022, 1, 1),
    datetime(2022, 1, 1, 0, 0, tzinfo=UTC),
    datetime(2022, 1, 1, 0, 0),
    time(12, 0),
    [],
    [1],
    ["x", 1],
    [[[]]],
    Raw("[" * 3000 + "]" * 3000),
    {},
    {"a": 1},
    {"kl": 75},
    {"2022": {"kl": 75}},
]


def _set(document: dict[str, Any], path: tuple[str, ...], item: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    table = changed
    for part in path[:-1]:
        table = table[part]
    table[path[-1]] = item
    return changed


def _contract(text: str) -> None:
    """A rule set, or a RuleSetError whose every line is short, printable and names the file."""
    outcome: RuleSet | RuleSetError
    try:
        outcome = loads_ruleset(text, name="fuzz.toml")
    except RuleSetError as error:
        outcome = error
    if isinstance(outcome, RuleSet):
        return
    assert outcome.problems
    for lang in ("en", "id"):
        shown = outcome.text(lang)
        assert shown.startswith("fuzz.toml")
        assert not any(ord(c) < 0x20 and c != "\n" for c in shown)
        assert len(shown) < 20_000


@pytest.mark.parametrize("path", LEAVES, ids=[".".join(p) for p in LEAVES])
def test_fuzz_every_value_replaced_by_every_kind_of_odd_value(path):
    for item in ODD_VALUES:
        _contract(dumps(_set(PARSED, path, item)))


def _get(path: tuple[str, ...]) -> Any:
    item: Any = PARSED
    for part in path:
        item = item[part]
    return item


TABLES = [(), *(path for path in LEAVES if isinstance(_get(path), dict))]


@pytest.mark.parametrize("path", TABLES, ids=[".".join(p) or "top" for p in TABLES])
def test_fuzz_odd_keys_in_every_table(path):
    for name in ["", " ", "٢٠٢٢", "²⁰²²", "2022", "0000", "9999", "\x1b", "a.b", "kl", "x" * 300]:
        for item in (1, "decision", {}, [1]):
            _contract(dumps(_set(PARSED, (*path, name), item)))


@st.composite
def _corruptions(draw: st.DrawFn) -> dict[tuple[str, ...], Any]:
    paths = draw(st.lists(st.sampled_from(LEAVES), unique=True, max_size=6))
    return {path: draw(st.sampled_from(ODD_VALUES)) for path in paths}


@settings(max_examples=examples(150), deadline=None)
@given(_corruptions())
def test_property_a_file_with_several_corruptions_never_escapes_the_contract(corruptions):
    document = PARSED
    for path, item in corruptions.items():
        try:
            document = _set(document, path, item)
        except (KeyError, TypeError):  # a parent was replaced by a scalar first
            continue
    _contract(dumps(document))


INDEPENDENT = {
    ("version",): "",
    ("scoring", "basis"): "checked",
    ("scoring", "late"): True,
    ("scoring", "missing_period"): 1,
    ("targets", "2022", "kl"): Raw("101"),
    ("eligibility", "criteria"): "annual-score",
    ("eligibility", "allegation_cutoff"): "9-17",
    ("sources", "scoring.late"): "",
}


@settings(max_examples=examples(60), deadline=None)
@given(st.sets(st.sampled_from(sorted(INDEPENDENT)), min_size=1))
def test_property_the_problems_of_several_mistakes_are_the_union_of_each_alone(paths):
    """Reported at once: a file with several independent mistakes reports each of them."""
    alone: set[str] = set()
    document = PARSED
    for path in paths:
        single = _refused(dumps(_set(PARSED, path, INDEPENDENT[path])))
        alone |= set(_keys(single))
        document = _set(document, path, INDEPENDENT[path])
    together = _refused(dumps(document))
    assert set(_keys(together)) == alone
    assert len(together.problems) == len(alone)


def test_the_shipped_default_round_trips_through_the_test_writer():
    """The fuzzer starts from a valid file: otherwise every case would be a refusal."""
    assert loads_ruleset(dumps(PARSED)) == loads_ruleset(DEFAULT)
    assert isinstance(PARSED["scoring"]["achieved_min"], int)
    assert Decimal(1) == 1


# --- the laws of the rule-set format, as properties -----------------------------------------------


@st.composite
def _thresholds(draw: st.DrawFn) -> tuple[int, Decimal, str]:
    places = draw(st.integers(min_value=0, max_value=10))
    value = draw(
        st.decimals(
            min_value=0, max_value=100, places=places, allow_nan=False, allow_infinity=False
        )
    )
    if value == value.to_integral_value() and draw(st.booleans()):
        text = str(int(value))
    elif draw(st.booleans()):
        text = f"{value:e}"  # the same number with an exponent: 6.05e+1
    else:
        text = f"{value:f}"
        text = text if "." in text else text + ".0"
    return places, value, text


@settings(max_examples=examples(200), deadline=None)
@given(_thresholds())
def test_property_a_number_is_read_exactly_from_its_decimal_text(threshold):
    """scoring.md: a TOML float is read exactly from its decimal text (60.5 is 121/2)."""
    places, value, text = threshold
    rules = loads_ruleset(
        DEFAULT.replace("places = 2", f"places = {places}")
        .replace("achieved_min = 100", f"achieved_min = {text}")
        .replace("annual_score_min = 80", f"annual_score_min = {text}")
        .replace("kl = 75", f"kl = {text}")
    )
    assert rules.scoring.achieved_min == Fraction(value)
    assert rules.eligibility.annual_score_min == Fraction(value)
    assert rules.targets[2022][Tier.KL] == Fraction(value)


REQUIRED = [
    (name, key)
    for name, section in SECTIONS.items()
    for key, spec in section.keys.items()
    if section.required and spec.required
] + [("", name) for name, section in SECTIONS.items() if name and section.required]


@pytest.mark.parametrize(
    ("table", "key"), REQUIRED, ids=[f"{t}.{k}" if t else k for t, k in REQUIRED]
)
def test_every_required_key_is_required(table, key):
    """scoring.md: every key shown is required (and reported at its own key)."""
    document = copy.deepcopy(PARSED)
    (document[table] if table else document).pop(key)
    error = _refused(dumps(document))
    where = f"{table}.{key}" if table else key
    assert where in _keys(error)
    assert all(p.key == where or p.key.startswith("sources") for p in error.problems)


@settings(max_examples=examples(100), deadline=None)
@given(
    table=st.sampled_from(["", "scoring", "eligibility"]),
    name=st.text(min_size=1, max_size=30).filter(lambda n: n not in PARSED and n.strip() == n),
)
def test_property_no_other_key_is_allowed(table, name):
    """scoring.md: no other key is allowed; the unknown key is named, escaped."""
    target = PARSED[table] if table else PARSED
    if name in target or (not table and name in SECTIONS):
        return
    error = _refused(dumps(_set(PARSED, (table, name) if table else (name,), 1)))
    assert len(error.problems) == 1
    assert error.problems[0].key == key_path(*([table] if table else []), name)
    assert "is not a key of" in error.problems[0].en


@pytest.mark.parametrize(
    "call",
    [
        lambda: load_ruleset(3),
        lambda: load_ruleset(None),
        lambda: load_ruleset(b"rules.toml"),
        lambda: loads_ruleset(DEFAULT.encode()),
        lambda: loads_ruleset(DEFAULT, name=None),
        lambda: loads_ruleset(DEFAULT, max_size=-1),
        lambda: load_ruleset("ranham-2021-2025/default", max_size=2.5),
    ],
)
def test_wrong_python_types_raise_argument_type_error(call):
    with pytest.raises(ArgumentTypeError):
        call()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_symbolic_link_to_a_device_is_refused_as_the_device(tmp_path, no_open_of):
    link = tmp_path / "rules.toml"
    link.symlink_to("/dev/zero")
    no_open_of.update({str(link), "/dev/zero"})
    with pytest.raises(RuleSetError, match=r"rules\.toml: is a device, not a regular file"):
        load_ruleset(link)


def test_a_rule_set_built_in_python_reports_every_problem_at_once():
    with pytest.raises(RuleSetError) as caught:
        RuleSet(
            id="x",
            version=" ",
            plan="P",
            years=(2025, 2021),
            sources={"scoring.colour": "decision"},
        )
    assert _keys(caught.value) == ["plan", "id", "version", "years", 'sources."scoring.colour"']
    assert caught.value.source == ""
    assert str(caught.value).startswith("5 problems\n  plan: must be a plan id")

"""``ranham ruleset show|diff|check``: print, compare and check rule sets, in both languages."""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path

import pytest

import ranham.rules
from ranham.cli import main
from ranham.errors import RuleSetError
from ranham.rules import load_ruleset, loads_ruleset
from ranham.rules.cases import SHIPPED_CASES

DEFAULT_PATH = Path(ranham.rules.__file__).parent / "rulesets" / "ranham-2021-2025" / "default.toml"
DEFAULT = DEFAULT_PATH.read_text(encoding="utf-8")
PLACES_3 = str(SHIPPED_CASES / "rulesets" / "places-3.toml")
CLAIMED = str(SHIPPED_CASES / "rulesets" / "basis-claimed.toml")


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _file(tmp_path: Path, text: str, name: str = "mine.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# -- show --------------------------------------------------------------------------------------


def test_show_prints_the_shipped_file_verbatim(capsys):
    status, out, err = run(capsys, "ruleset", "show", "ranham-2021-2025/default")
    assert (status, err) == (0, "")
    assert out == DEFAULT
    assert loads_ruleset(out) == load_ruleset("ranham-2021-2025/default")


def test_show_json_holds_every_parameter_and_source(capsys):
    status, out, _ = run(capsys, "ruleset", "show", "ranham-2021-2025/default", "--format", "json")
    assert status == 0
    shown = json.loads(out)
    rules = load_ruleset("ranham-2021-2025/default")
    assert shown["id"] == rules.id
    assert shown["years"] == [2021, 2025]
    assert shown["parameters"] == json.loads(json.dumps(rules.parameters()))
    assert set(shown["sources"]) == set(rules.parameter_keys)


def test_show_without_an_id_lists_the_shipped_rule_sets(capsys):
    status, out, _ = run(capsys, "ruleset", "show", "--lang", "id")
    assert status == 0
    assert out.splitlines()[0].split() == ["id", "versi", "rencana", "aksi", "tahun"]
    assert re.search(r"^ranham-2021-2025/default +1 ", out, flags=re.MULTILINE)
    status, out, _ = run(capsys, "ruleset", "show", "--format", "json")
    assert json.loads(out)["rulesets"][0]["id"] == "ranham-2021-2025/default"


def test_show_of_a_path_prints_the_file_once_it_is_valid(capsys, tmp_path):
    path = _file(tmp_path, DEFAULT.replace("/default", "/mine"))
    status, out, _ = run(capsys, "ruleset", "show", path)
    assert status == 0
    assert 'id = "ranham-2021-2025/mine"' in out
    bad = _file(tmp_path, DEFAULT.replace("places = 2", "places = 99"), "bad.toml")
    status, out, err = run(capsys, "ruleset", "show", bad)
    assert (status, out) == (2, "")
    assert "scoring.places: must be a whole number of decimals from 0 to 10" in err


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "is not a shipped rule set id"), ("id", "bukan id aturan bawaan")],
)
def test_an_unknown_id_is_exit_2_in_the_chosen_language(capsys, lang, expected):
    status, out, err = run(capsys, "ruleset", "show", "ranham-2021-2025/nope", "--lang", lang)
    assert (status, out) == (2, "")
    assert expected in err
    assert "ranham-2021-2025/default" in err
    status, _, err = run(
        capsys, "ruleset", "diff", "ranham-2021-2025/default", "x\x1by", "--lang", lang
    )
    assert status == 2
    assert "\x1b" not in err


# -- diff --------------------------------------------------------------------------------------


def test_diff_lists_only_what_differs_with_the_sources(capsys):
    status, out, _ = run(capsys, "ruleset", "diff", "ranham-2021-2025/default", CLAIMED)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("1 parameter(s) differ between ranham-2021-2025/default (version 1)")
    assert lines[3].split()[:3] == ["scoring.basis", "verified", "claimed"]
    assert "verification by the national committee's verifiers" in lines[3]
    assert lines[3].endswith("(no source)")


def test_diff_compares_exact_values_not_their_rounding(capsys):
    """places = 3 writes 80 as 80.000: only places itself differs."""
    status, out, _ = run(
        capsys, "ruleset", "diff", "ranham-2021-2025/default", PLACES_3, "--format", "json"
    )
    assert status == 0
    differences = json.loads(out)["differences"]
    assert [d["parameter"] for d in differences] == ["scoring.places"]
    assert differences[0] == {
        "parameter": "scoring.places",
        "a": 2,
        "b": 3,
        "a_source": "published figures use two decimals",
        "b_source": None,
    }


def test_diff_of_targets_years_and_same_rule_sets(capsys, tmp_path):
    other = DEFAULT.replace("/default", "/later").replace("[2021, 2025]", "[2022, 2025]")
    other = other.replace("kl = 75", "kl = 80").replace(
        '"targets.2022" = "KSP', '"targets.2022" = "new KSP'
    )
    path = _file(tmp_path, other)
    status, out, _ = run(
        capsys, "ruleset", "diff", "ranham-2021-2025/default", path, "--format", "json"
    )
    assert status == 0
    differences = {d["parameter"]: d for d in json.loads(out)["differences"]}
    assert set(differences) == {"years", "targets.2022"}
    assert differences["years"]["a"] == [2021, 2025]
    assert differences["targets.2022"]["b"]["kl"] == "80.00"
    assert differences["targets.2022"]["b_source"].startswith("new KSP")
    status, out, _ = run(
        capsys,
        "ruleset",
        "diff",
        "ranham-2021-2025/default",
        "ranham-2021-2025/default",
        "--lang",
        "id",
    )
    assert status == 0
    assert out.strip().endswith("memiliki parameter yang sama.")


# -- check -------------------------------------------------------------------------------------


def test_check_reports_every_problem_of_every_file(capsys, tmp_path):
    good = _file(tmp_path, DEFAULT.split("\n[sources]")[0], "good.toml")
    bad = _file(
        tmp_path,
        DEFAULT.replace('basis = "verified"', 'basis = "checked"').replace("kl = 75", "kl = 750"),
        "bad.toml",
    )
    status, out, _ = run(capsys, "ruleset", "check", good, bad)
    assert status == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"ok {good}: ranham-2021-2025/default (version 1), 9 parameters")
    assert lines[1].startswith("  9 parameter(s) without a source: scoring.basis")
    assert lines[2] == f"{bad}: 2 problem(s)"
    assert lines[3].startswith('  scoring.basis: must be "verified" or "claimed" (got "checked")')
    assert lines[4].startswith("  targets.2022.kl: must be a number from 0 to 100")
    assert lines[5] == "2 file(s): 1 ok, 1 with problems, 0 unreadable"


def test_check_in_indonesian_and_json(capsys, tmp_path):
    bad = _file(tmp_path, DEFAULT.replace("places = 2", "places = 2.5"))
    status, out, _ = run(capsys, "ruleset", "check", bad, "--lang", "id")
    assert status == 1
    assert "scoring.places: harus bilangan bulat jumlah desimal dari 0 sampai 10" in out
    assert out.splitlines()[-1] == "1 berkas: 0 baik, 1 bermasalah, 0 tidak terbaca"
    status, out, _ = run(capsys, "ruleset", "check", bad, "--format", "json")
    report = json.loads(out)
    assert report["valid"] is False
    assert report["files"][0]["problems"] == [
        {
            "key": "scoring.places",
            "message": "must be a whole number of decimals from 0 to 10 (got 2.5).",
        }
    ]


def test_check_of_a_valid_file_exits_0(capsys):
    status, out, _ = run(capsys, "ruleset", "check", str(DEFAULT_PATH), "--format", "json")
    assert status == 0
    assert json.loads(out)["files"][0]["missing_sources"] == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_check_of_unreadable_files_exits_2_after_checking_the_others(capsys, tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    big = _file(tmp_path, DEFAULT, "big.toml")
    status, out, _ = run(
        capsys,
        "ruleset",
        "check",
        str(fifo),
        big,
        str(tmp_path / "missing.toml"),
        "--max-size",
        "1000",
    )
    assert status == 2
    assert "pipe.toml: is a FIFO (named pipe), not a regular file" in out
    assert "big.toml: is larger than the limit of 1,000 bytes" in out
    assert "missing.toml: cannot be read (No such file or directory)" in out
    assert out.splitlines()[-1] == "3 file(s): 0 ok, 0 with problems, 3 unreadable"


@pytest.mark.parametrize("size", ["0", "-1", "1e9", "٣", "9" * 40])
def test_max_size_takes_only_a_sensible_ascii_number(capsys, size):
    status, _, err = run(capsys, "ruleset", "check", str(DEFAULT_PATH), "--max-size", size)
    assert status == 2
    assert "must be a whole number of bytes" in err


def test_the_printed_json_is_the_file_as_toml_would_read_it(capsys):
    """show --format json and show agree: every number is the one of the TOML text."""
    _, text, _ = run(capsys, "ruleset", "show", "ranham-2021-2025/default")
    _, shown, _ = run(capsys, "ruleset", "show", "ranham-2021-2025/default", "--format", "json")
    parsed = tomllib.loads(text)
    assert json.loads(shown)["parameters"]["scoring.places"] == parsed["scoring"]["places"]


def test_file_names_are_printable_in_text_and_json(capsys, tmp_path):
    name = os.fsdecode(b"aturan-\xff\x1b[2J.toml")
    path = tmp_path / name
    path.write_text(DEFAULT.replace("places = 2", "places = -1"), encoding="utf-8")
    status, out, _ = run(capsys, "ruleset", "check", str(path), "--format", "json")
    assert status == 1
    assert json.loads(out)["files"][0]["path"].endswith("aturan-\\udcff\\x1b[2J.toml")
    status, out, _ = run(capsys, "ruleset", "check", str(path))
    assert status == 1
    assert "\x1b" not in out


def test_text_from_a_file_cannot_forge_output_lines(capsys, tmp_path):
    """A source with a line break or a direction override is shown escaped by diff and show."""
    text = DEFAULT.replace('"scoring.late" = "decision"', '"scoring.late" = "deci\\nsion\\u202e"')
    text = text.replace('late = "accept"', 'late = "reject"')
    text = text.replace("# Every parameter", "# Every \u202eparameter")
    path = _file(tmp_path, text)
    status, out, _ = run(capsys, "ruleset", "diff", "ranham-2021-2025/default", path)
    assert status == 0
    assert "\u202e" not in out
    assert "deci\\x0asion\\u202e" in out
    assert len(out.splitlines()) == 4
    status, out, _ = run(capsys, "ruleset", "show", path)
    assert status == 0
    assert "\u202e" not in out
    assert "# Every \\u202eparameter" in out


@pytest.mark.parametrize("version", ["1\\n2", "1\\u202e", "x" * 65])
def test_a_version_is_short_and_printable(tmp_path, version):
    text = DEFAULT.replace('version = "1"', f'version = "{version}"')
    with pytest.raises(RuleSetError, match="version: must be a non-blank string of at most 64"):
        loads_ruleset(text)

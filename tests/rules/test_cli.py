"""The commands ``score``, ``explain``, ``eligibility`` and ``check``, run in-process."""

from __future__ import annotations

import csv
import io as text_io
import json
from pathlib import Path

import pytest

from ranham import io
from ranham.cli import main
from ranham.rules import score
from ranham.rules.cases import SHIPPED_CASES

CASES = SHIPPED_CASES
BEKASI = str(CASES / "bekasi-2022.json")
ELIGIBILITY = str(CASES / "eligibility-2022.json")


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


# -- score -----------------------------------------------------------------------------------


def test_score_table_in_english_and_indonesian(capsys):
    status, out, _ = run(capsys, "score", BEKASI, "--lang", "en")
    assert status == 0
    lines = out.splitlines()
    assert (
        lines[0] == "RANHAM 2022 · rule set ranham-2021-2025/default (version 1) · basis verified"
    )
    assert lines[2].split() == [
        "Tier",
        "2022-B04",
        "2022-B08",
        "2022-B12",
        "Annual",
        "Target",
        "Met",
        "Achieved",
        "Ratio",
        "(%)",
    ]
    assert "Regencies/cities" in out
    assert "National" in out
    assert "Participation (%)" in out
    bekasi = next(line for line in lines if line.startswith("32.16 "))
    assert bekasi.split() == [
        "32.16",
        "Kabupaten",
        "Bekasi",
        "Regencies/cities",
        "66.67",
        "66.67",
        "44.44",
        "0/6",
    ]
    status, out, _ = run(capsys, "score", BEKASI, "--lang", "id")
    assert status == 0
    assert "Tingkat" in out
    assert "Nasional" in out
    assert "Partisipasi (%)" in out
    assert "Kabupaten/Kota" in out


def test_score_json_is_the_library_json(capsys):
    status, out, _ = run(capsys, "score", BEKASI, "--format", "json", "--by", "action")
    assert status == 0
    expected = score(io.load(Path(BEKASI))).to_json(by_action=True)
    assert json.loads(out) == expected
    again = run(capsys, "score", BEKASI, "--format", "json", "--by", "action")[1]
    assert again == out


def test_score_csv_and_one_period(capsys):
    status, out, _ = run(capsys, "score", BEKASI, "--format", "csv", "--period", "2022-B04")
    assert status == 0
    rows = list(csv.DictReader(text_io.StringIO(out)))
    national = rows[0]
    assert national["level"] == "national"
    assert national["2022-B04"] == "90.28"
    assert "2022-B08" not in national
    bekasi = next(r for r in rows if r["code"] == "32.16")
    assert (bekasi["2022-B04"], bekasi["annual"], bekasi["targets"]) == ("66.67", "44.44", "6")
    assert run(capsys, "score", BEKASI, "--period", "2022-B06")[0] == 2


def test_score_explain(capsys):
    status, out, _ = run(capsys, "score", BEKASI, "--explain", "S(32.16,2022-B04)", "--lang", "en")
    assert status == 0
    assert "S(32.16,2022-B04) = 66.67 (exact 200/3)" in out
    assert "met(32.16,2022-kabkota-5-b04-1) = no" in out
    status, out, _ = run(
        capsys, "score", BEKASI, "--explain", "N", "--format", "json", "--depth", "1"
    )
    data = json.loads(out)
    assert data["quantity"] == "N"
    assert data["children"][0]["more"] == 2


def test_an_invalid_dataset_is_refused_with_its_issues(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    text = Path(BEKASI).read_text(encoding="utf-8").replace('"claimed": true', '"claimd": true', 1)
    bad.write_text(text, encoding="utf-8")
    status, out, err = run(capsys, "score", str(bad), "--lang", "en")
    assert status == 1
    assert out == ""
    first = err.splitlines()[0]
    assert first.startswith(f"{bad}:")
    assert ": error unknown-field /reports/0/entries/0/measures/0/claimd: " in first
    assert "nothing was computed" in err
    status, _, err = run(capsys, "eligibility", str(bad), "--lang", "id")
    assert status == 1
    assert ": galat unknown-field " in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["score", "missing.json"], "No such file"),
        (
            [
                "score",
                str(Path(__file__).resolve().parents[1] / "data" / "spec" / "catalog.json"),
            ],
            "is a catalog document",
        ),
        (["score", BEKASI, "--ruleset", "ranham-2021-2025/nope"], "no shipped rule set"),
        (["score", BEKASI, "--ruleset", "nope.toml"], "nope.toml: cannot be read"),
        (["explain", BEKASI, "Q(1)"], "is not a quantity name"),
        (["explain", BEKASI, "S(31.71)"], "31.71 has no assigned action"),
        (["eligibility", BEKASI, "--explain", "99.99"], "no institution of this dataset"),
        (["score", BEKASI, "--format", "xml"], "invalid choice"),
    ],
)
def test_bad_arguments_exit_2_without_traceback(capsys, args, message):
    status, _, err = run(capsys, *args)
    assert status == 2
    assert message in err
    assert "Traceback" not in err


def test_a_rule_set_for_other_years_exits_2_naming_the_years(capsys, tmp_path):
    text = (CASES / "rulesets" / "late-reject.toml").read_text(encoding="utf-8")
    path = tmp_path / "later.toml"
    path.write_text(
        text.replace("[2021, 2025]", "[2023, 2025]").replace("[targets.2022]", "[targets.2023]")
    )
    status, _, err = run(capsys, "score", BEKASI, "--ruleset", str(path))
    assert status == 2
    assert "covers the years 2023–2025, not 2022" in err
    malformed = tmp_path / "bad.toml"
    malformed.write_text(text.replace("places = 2", "places = 2.5"))
    status, _, err = run(capsys, "score", BEKASI, "--ruleset", str(malformed))
    assert status == 2
    assert f"{malformed}: scoring.places: must be a whole number" in err


def test_a_rule_set_path_changes_the_scores(capsys):
    path = str(CASES / "rulesets" / "late-reject.toml")
    out = run(capsys, "score", BEKASI, "--ruleset", path, "--format", "json")[1]
    data = json.loads(out)
    assert data["ruleset"] == {"id": "ranham-2021-2025/case-late-reject", "version": "1"}
    assert next(i for i in data["institutions"] if i["code"] == "32.16")["annual"] == "22.22"


# -- explain ---------------------------------------------------------------------------------


def test_explain_text_and_json(capsys):
    status, out, _ = run(capsys, "explain", BEKASI, "S(32.16)", "--lang", "id")
    assert status == 0
    assert out.splitlines()[0] == "aturan ranham-2021-2025/default, versi 1"
    assert "S(32.16) = 44.44 (eksak 400/9) · langkah 5" in out
    status, out, _ = run(capsys, "explain", BEKASI, "target_met(kl)", "--format", "json")
    data = json.loads(out)
    assert (data["quantity"], data["value"], data["step"]) == ("target_met(kl)", True, "10")


# -- eligibility -----------------------------------------------------------------------------


def test_eligibility_table_ranks_eligible_and_shows_the_first_failed_criterion(capsys):
    status, out, _ = run(capsys, "eligibility", ELIGIBILITY, "--lang", "en")
    assert status == 0
    lines = out.splitlines()
    start = lines.index("Eligible: Regencies/cities")
    assert [line.split()[:2] for line in lines[start + 3 : start + 6]] == [
        ["1", "33.02"],
        ["2", "33.73"],
        ["3", "33.08"],
    ]
    cilacap = next(line for line in lines if line.startswith("33.01 "))
    assert "no-allegation" in cilacap
    assert "1 allegation" in cilacap
    wonosobo = next(line for line in lines if line.startswith("33.07 "))
    assert "annual-score" in wonosobo
    assert "77.78" in wonosobo
    assert "80.00" in wonosobo
    out = run(capsys, "eligibility", ELIGIBILITY, "--tier", "kl", "--lang", "id")[1]
    assert "Layak: K/L" in out
    assert "33.01" not in out
    assert "Kabupaten" not in out


def test_eligibility_json_and_csv(capsys):
    status, out, _ = run(capsys, "eligibility", BEKASI, "--format", "json", "--lang", "id")
    assert status == 0
    data = json.loads(out)
    bekasi = next(d for d in data["decisions"] if d["code"] == "32.16")
    assert bekasi["criteria"][0]["observed"] == "2 dari 3 periode tepat waktu"
    out = run(capsys, "eligibility", BEKASI, "--format", "csv", "--tier", "kabkota")[1]
    rows = list(csv.DictReader(text_io.StringIO(out)))
    assert [(r["code"], r["eligible"], r["rank"], r["first_failed"]) for r in rows] == [
        ("32.16", "false", "", "reported-on-time"),
        ("33.73", "true", "1", ""),
    ]
    assert rows[0]["annual-score observed"] == "44.44"


def test_why_did_bekasi_get_4444_and_no_incentive(capsys):
    status, out, _ = run(capsys, "eligibility", BEKASI, "--explain", "32.16", "--lang", "en")
    assert status == 0
    assert out.startswith("rule set ranham-2021-2025/default, version 1\neligible(32.16) = no")
    for expected in (
        "annual-score(32.16) = no",
        "S(32.16) = 44.44 (exact 400/9)",
        "S(32.16,2022-B12) = undefined",
        "not counted: status returned",
        "on_time(32.16,2022-B08) = no",
        "allegation(32.16,ADU-2022-0113) = yes",
        "met(32.16,2022-kabkota-5-b04-1) = no",
    ):
        assert expected in out
    out = run(capsys, "eligibility", BEKASI, "--explain", "kemensos")[1]
    assert out.splitlines()[1].startswith("rank(kemensos) = 1")
    data = json.loads(
        run(capsys, "eligibility", BEKASI, "--explain", "32.16", "--format", "json")[1]
    )
    assert data["quantity"] == "eligible(32.16)"
    assert data["value"] is False


# -- check -----------------------------------------------------------------------------------


def test_check_passes_every_shipped_case(capsys):
    status, out, _ = run(capsys, "check", str(CASES), "--lang", "en")
    assert status == 0
    assert out.splitlines()[-1].endswith("failed, 0 unreadable")
    assert " 0 failed" in out.splitlines()[-1]


def test_check_reports_mismatches_with_explanations_and_exits_1(capsys, tmp_path):
    case = tmp_path / "wrong.toml"
    case.write_text(
        f'name = "wrong"\nruleset = "ranham-2021-2025/default"\n'
        f'dataset = "{Path(BEKASI).as_posix()}"\n'
        '[expected]\n"S(32.16)" = "50.00"\n"S(33.73)" = "100.00"\n',
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "check", str(case), "--lang", "en")
    assert status == 1
    assert f"FAIL {case}: wrong (2 value(s))" in out
    assert '  S(32.16): expected "50.00", got "44.44"; why:' in out
    assert "    S(32.16) = 44.44 (exact 400/9)" in out
    status, out, _ = run(capsys, "check", str(case), "--format", "json")
    data = json.loads(out)
    assert data["passed"] is False
    assert data["cases"][0]["mismatches"] == [
        {"quantity": "S(32.16)", "expected": "50.00", "actual": "44.44"}
    ]


def test_check_exits_2_on_a_malformed_case_and_still_runs_the_others(capsys, tmp_path):
    (tmp_path / "bad.toml").write_text('name = "bad"\n', encoding="utf-8")
    status, out, _ = run(
        capsys,
        "check",
        str(tmp_path / "bad.toml"),
        str(CASES / "threshold-79995.toml"),
        "--lang",
        "id",
    )
    assert status == 2
    assert out.startswith("GALAT ")
    assert "LULUS " in out
    (tmp_path / "empty").mkdir()
    status, _, err = run(capsys, "check", str(tmp_path / "empty"), "--lang", "en")
    assert status == 2
    assert "no case files" in err

"""``ranham template``, ``ranham import``, ``validate FORM.xlsx`` and ``--format xlsx``."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from ranham import io
from ranham.cli import main
from ranham.rules.cases import SHIPPED_CASES
from tests.sheets._helpers import BEKASI, edit

DATASET = str(SHIPPED_CASES / "bekasi-2022.json")


def _run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


@pytest.fixture
def catalog(tmp_path):
    path = tmp_path / "catalog.json"
    io.dump(BEKASI.catalog, path)
    return str(path)


def test_template_writes_an_indonesian_form_by_default(capsys, tmp_path):
    out = tmp_path / "bekasi.xlsx"
    status, text, _ = _run(
        capsys,
        "template",
        DATASET,
        "--institution",
        "32.16",
        "--period",
        "2022-B04",
        "--out",
        str(out),
    )
    assert status == 0
    assert "6" in text
    assert openpyxl.load_workbook(out, read_only=True).sheetnames[:3] == [
        "Petunjuk",
        "Laporan",
        "Data Dukung",
    ]


def test_template_all_writes_one_form_per_institution_with_actions(capsys, tmp_path):
    status, _, err = _run(
        capsys,
        "template",
        DATASET,
        "--all",
        "--period",
        "2022-B08",
        "--out",
        str(tmp_path / "f"),
        "--lang",
        "en",
    )
    assert status == 0
    codes = sorted(p.name.split("_")[0] for p in (tmp_path / "f").iterdir())
    assert codes == sorted(i.code for i in BEKASI.institutions if BEKASI.assigned_actions(i.code))
    assert "\r" not in err  # no progress line when standard error is not a terminal


@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["--institution", "32.16", "--period", "2023-B04"], 2),
        (["--institution", "99.99", "--period", "2022-B04"], 2),
        (["--period", "2022-B04"], 2),
        (["--institution", "32.16", "--period", "2022-B04", "--verifier"], 2),
        (["--institution", "32.16", "--period", "2022-B4"], 2),
    ],
)
def test_template_refuses_what_it_cannot_do(capsys, tmp_path, argv, status):
    got, _, err = _run(capsys, "template", DATASET, *argv, "--out", str(tmp_path / "x.xlsx"))
    assert got == status
    assert err.startswith("ranham:")


def _filled(capsys, tmp_path, claimed="Ya"):
    form = tmp_path / "form.xlsx"
    _run(
        capsys,
        "template",
        DATASET,
        "--institution",
        "32.16",
        "--period",
        "2022-B04",
        "--out",
        str(form),
    )

    def change(book):
        book["Laporan"]["G9"] = claimed

    form.write_bytes(edit(form.read_bytes(), change))
    return form


def test_import_writes_the_report_of_a_valid_form(capsys, tmp_path):
    form = _filled(capsys, tmp_path)
    status, text, _ = _run(
        capsys,
        "import",
        str(form),
        "--catalog",
        DATASET,
        "--out",
        str(tmp_path / "r"),
        "--lang",
        "en",
    )
    assert status == 0
    report = io.load(tmp_path / "r" / "32.16_2022-B04.json")
    assert report.entries[0].measures[0].claimed is True
    assert "incomplete-report" in text
    assert "'Laporan'!G10" in text


def test_import_prints_each_issue_at_its_cell_and_exits_1(capsys, tmp_path):
    form = _filled(capsys, tmp_path, claimed="T")
    status, out, _ = _run(
        capsys,
        "import",
        str(form),
        "--catalog",
        DATASET,
        "--format",
        "json",
        "--out",
        str(tmp_path / "r"),
    )
    assert status == 1
    document = json.loads(out)
    issue = document["files"][0]["issues"][0]
    assert (issue["code"], issue["cell"]) == ("invalid-value", "'Laporan'!G9")
    assert document["files"][0]["written"] is None
    assert not (tmp_path / "r").exists()


def test_import_of_hostile_files_never_raises(capsys, tmp_path):
    csv = tmp_path / "a.xlsx"
    csv.write_text("kode,nama\n")
    xls = tmp_path / "b.xlsx"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    status, out, _ = _run(capsys, "import", str(csv), str(xls), "--catalog", DATASET)
    assert status == 1
    assert out.count("not-a-workbook") == 2


def test_import_of_a_missing_file_exits_2(capsys, tmp_path):
    status, out, _ = _run(capsys, "import", str(tmp_path / "none.xlsx"), "--catalog", DATASET)
    assert status == 2
    assert "unreadable" in out


def test_import_needs_a_catalog_or_dataset(capsys, tmp_path):
    form = _filled(capsys, tmp_path)
    report = tmp_path / "report.json"
    io.dump(BEKASI.reports[0], report)
    status, _, err = _run(capsys, "import", str(form), "--catalog", str(report))
    assert status == 2
    assert "report" in err


def test_validate_checks_a_form_against_a_catalog(capsys, tmp_path, catalog):
    form = _filled(capsys, tmp_path, claimed="mungkin")
    status, out, _ = _run(capsys, "validate", str(form), "--catalog", catalog, "--lang", "en")
    assert status == 1
    assert f"{form}:'Laporan'!G9: error invalid-value" in out


def test_validate_json_of_a_form_has_the_cell(capsys, tmp_path, catalog):
    form = _filled(capsys, tmp_path, claimed="T")
    status, out, _ = _run(capsys, "validate", str(form), "--catalog", catalog, "--format", "json")
    assert status == 1
    assert json.loads(out)["files"][0]["issues"][0]["cell"] == "'Laporan'!G9"


def test_validate_a_form_without_a_catalog_exits_2(capsys, tmp_path):
    form = _filled(capsys, tmp_path)
    status, _, err = _run(capsys, "validate", str(form))
    assert status == 2
    assert "--catalog" in err


@pytest.mark.parametrize("command", ["score", "eligibility"])
def test_format_xlsx_writes_the_score_workbook(capsys, tmp_path, command):
    out = tmp_path / "scores.xlsx"
    status, _, err = _run(capsys, command, DATASET, "--format", "xlsx", "--out", str(out))
    assert status == 0
    assert str(out) in err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[-2:] in (["Grafik", "Tentang"], ["Charts", "About"])
    header = [c.value for c in book.worksheets[2][1]]
    assert (command == "eligibility") == any(h in ("Peringkat", "Rank") for h in header)


@pytest.mark.parametrize("command", ["score", "eligibility"])
def test_format_xlsx_needs_out(capsys, command):
    status, _, err = _run(capsys, command, DATASET, "--format", "xlsx")
    assert status == 2
    assert "--out" in err


def test_a_path_argument_never_becomes_a_traceback(capsys, tmp_path):
    status, _, _ = _run(capsys, "import", str(tmp_path), "--catalog", DATASET)
    assert status == 2
    assert Path(tmp_path).is_dir()


def test_demo_writes_the_score_workbook_and_a_filled_form(capsys, tmp_path):
    from ranham.sheets import read_form

    status, out, _ = _run(
        capsys, "demo", "--scale", "0.05", "--sheets", str(tmp_path), "--lang", "en"
    )
    assert status == 0
    assert str(tmp_path / "scores.xlsx") in out
    forms = sorted(tmp_path.glob("form-*.xlsx"))
    assert len(forms) == 1
    assert str(forms[0]) in out
    assert openpyxl.load_workbook(tmp_path / "scores.xlsx").sheetnames[0] == "National"
    assert "form-" in out
    assert read_form(forms[0], _demo_dataset()).valid


def _demo_dataset():
    from ranham.reference import example_dataset

    return example_dataset(year=2022, seed=1, scale=0.05)

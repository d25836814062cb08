"""``ranham example``: every file it writes is a valid document of the kind it says."""

from __future__ import annotations

from pathlib import Path

import pytest

from ranham import io
from ranham.cli import main
from ranham.model import Catalog, Dataset, Forum, Report
from ranham.reference import example_dataset
from ranham.validation import validate

KINDS = {
    "catalog.json": Catalog,
    "report.json": Report,
    "dataset.json": Dataset,
    "forum.json": Forum,
    "national-dataset.json": Dataset,
    "national-catalog.json": Catalog,
}


def test_example_writes_one_valid_document_of_each_kind(tmp_path, capsys):
    out = tmp_path / "examples"
    assert main(["example", "--out", str(out), "--scale", "0.05", "--seed", "3"]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([*KINDS, "reports.jsonl"])
    for name, kind in KINDS.items():
        result = validate(out / name)
        assert result.errors == (), name
        assert isinstance(io.load(out / name), kind)
    archive = validate(out / "reports.jsonl")
    assert archive.errors == ()
    assert archive.kind == "report"
    against = validate(out / "reports.jsonl", catalog=out / "national-catalog.json")
    assert against.errors == ()
    # the synthetic reports are sometimes late or early, and some leave measures out
    allowed = {"late-submission", "early-submission", "incomplete-report"}
    assert {issue.code for issue in against.warnings} <= allowed
    printed = capsys.readouterr().out
    assert "national-dataset.json" in printed
    assert "synthetic" in printed


def test_the_national_file_is_the_generated_dataset_and_the_archive_its_reports(tmp_path):
    assert main(["example", "--out", str(tmp_path), "--year", "2025", "--scale", "0.1"]) == 0
    expected = example_dataset(year=2025, seed=1, scale=0.1)  # the default seed, as in demo
    assert (tmp_path / "national-dataset.json").read_bytes() == io.dumps(expected) + b"\n"
    streamed = tuple(io.iter_documents(tmp_path / "reports.jsonl", kind=Report))
    assert streamed == expected.reports
    small = io.load(tmp_path / "dataset.json", kind=Dataset)
    assert io.load(tmp_path / "catalog.json", kind=Catalog) == small.catalog
    report = io.load(tmp_path / "report.json", kind=Report)
    assert report in small.reports


@pytest.mark.slow
def test_the_default_example_is_the_national_2022_year(tmp_path):
    assert main(["example", "--out", str(tmp_path)]) == 0
    national = io.load(tmp_path / "national-dataset.json", kind=Dataset)
    assert len(national.institutions) == 576
    assert validate(tmp_path / "reports.jsonl").errors == ()


def test_example_speaks_indonesian(tmp_path, capsys):
    assert main(["example", "--out", str(tmp_path), "--scale", "0.02", "--lang", "id"]) == 0
    printed = capsys.readouterr().out
    assert "berkas" in printed
    assert "sintetis" in printed


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--year", "2019"], "'year' must be a year of RANHAM 2021-2025"),
        (["--scale", "0"], "'scale' must be a number above 0"),
    ],
)
def test_bad_arguments_exit_2_with_a_message_and_write_nothing(
    tmp_path, capsys, arguments, message
):
    out = tmp_path / "out"
    assert main(["example", "--out", str(out), *arguments]) == 2
    error = capsys.readouterr().err
    assert message in error
    assert "Traceback" not in error
    assert not out.exists()


def test_an_out_path_that_is_a_file_exits_2(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["example", "--out", str(blocker), "--scale", "0.01"]) == 2
    assert "ranham:" in capsys.readouterr().err


def test_out_is_required(capsys):
    assert main(["example"]) == 2
    assert "--out" in capsys.readouterr().err


def test_existing_files_are_overwritten_and_others_left_alone(tmp_path: Path):
    (tmp_path / "catalog.json").write_text("old")
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["example", "--out", str(tmp_path), "--scale", "0.01"]) == 0
    assert validate(tmp_path / "catalog.json").valid
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_example_years_writes_a_series_that_evaluates_across_years(tmp_path, capsys):
    from ranham.rules import evaluate_years

    out = tmp_path / "series"
    argv = ["example", "--out", str(out), "--scale", "0.05", "--years", "2021-2023"]
    assert main(argv) == 0
    names = [f"national-dataset-{y}.json" for y in (2021, 2022, 2023)]
    for name in names:
        assert validate(out / name).errors == (), name
    series = [io.load(out / name) for name in names]
    assert [d.catalog.year for d in series] == [2021, 2022, 2023]
    assert evaluate_years(series).years == (2021, 2022, 2023)
    assert "ranham trend" in capsys.readouterr().out
    # the series is anchored at --year (2022): that year is national-dataset.json itself
    anchor = (out / "national-dataset-2022.json").read_bytes()
    assert anchor == (out / "national-dataset.json").read_bytes()
    assert series[0].extensions["ranham"]["anchor"] == 2022
    assert series[2].extensions["ranham"]["anchor"] == 2022


def test_a_series_without_the_year_is_anchored_at_its_first_year(tmp_path):
    out = tmp_path / "series"
    argv = ["example", "--out", str(out), "--scale", "0.02", "--year", "2021"]
    assert main([*argv, "--years", "2023-2024"]) == 0
    first = io.load(out / "national-dataset-2023.json")
    assert "anchor" not in first.extensions["ranham"]
    assert io.load(out / "national-dataset-2024.json").extensions["ranham"]["anchor"] == 2023


def test_the_national_series_keeps_its_institutions_recoded_where_the_edition_changes():
    from ranham.reference import example_institutions
    from ranham.rules._recoding import canonical

    listed = {y: {i.code for i in example_institutions(year=y)} for y in range(2021, 2026)}
    same = {y: {canonical(c) for c in codes} for y, codes in listed.items()}
    assert same[2021] == same[2022]
    assert same[2023] == same[2024] == same[2025]
    assert sorted(same[2025] - same[2021]) == ["93", "94", "95", "96"]  # the new provinces
    assert "92.71" in listed[2022]
    assert "96.71" in listed[2023]
    assert "92.71" not in listed[2023]


@pytest.mark.parametrize("years", ["2025-2021", "21-25", "2021", "２０２１-2022"])
def test_example_refuses_years_that_are_not_first_last(tmp_path, capsys, years):
    assert main(["example", "--out", str(tmp_path), "--years", years]) == 2
    assert "FIRST-LAST" in capsys.readouterr().err

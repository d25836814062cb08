"""``ranham validate``: text and JSON output, exit codes, directories, catalogs, languages."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ranham.cli import main

SPEC = Path(__file__).parent.parent / "data" / "spec"
CORPUS = Path(__file__).parent.parent / "validation" / "corpus"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["validate", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    status, out, _ = _run(capsys, "--format", "json", *argv)
    return status, json.loads(out)


def _bad_report(tmp_path: Path) -> Path:
    report = json.loads((SPEC / "report.json").read_text())
    report["entries"][0]["measures"][0]["claimd"] = report["entries"][0]["measures"][0].pop(
        "claimed"
    )
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report, indent=2))
    return path


# --- exit status ---------------------------------------------------------------------------------


def test_valid_files_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, str(SPEC / "catalog.json"), str(SPEC / "report.json"))
    assert status == 0
    assert out.splitlines() == [
        f"{SPEC / 'catalog.json'}: valid",
        f"{SPEC / 'report.json'}: valid",
        "2 file(s), 0 error(s), 0 warning(s)",
    ]


def test_warnings_alone_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, document = _json(capsys, str(SPEC / "forum.json"))
    assert status == 0
    assert document["valid"] is True
    assert document["summary"] == {"files": 1, "errors": 0, "warnings": 2}


def test_an_error_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, _ = _run(capsys, str(SPEC / "catalog.json"), str(_bad_report(tmp_path)))
    assert status == 1


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--format", "xml", "x.json"],
        ["--lang", "fr", "x.json"],
        ["--max-size", "0", "x.json"],
        ["--max-size", "lots", "x.json"],
    ],
)
def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, _, err = _run(capsys, *argv)
    assert status == 2
    assert "usage" in err


def test_unreadable_path_among_readable_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The other files are still checked and reported; the exit status is 2."""
    bad = _bad_report(tmp_path)
    missing = tmp_path / "tidak-ada.json"
    status, document = _json(capsys, str(SPEC / "report.json"), str(missing), str(bad))
    assert status == 2
    assert [f["path"] for f in document["files"]] == [
        str(SPEC / "report.json"),
        str(missing),
        str(bad),
    ]
    assert document["files"][1] == {
        "path": str(missing),
        "kind": None,
        "valid": False,
        "issues": [
            {
                "code": "unreadable",
                "severity": "error",
                "pointer": "",
                "message": (
                    "The file cannot be read (No such file or directory): "
                    "check the path and its permissions."
                ),
            }
        ],
    }
    assert [i["code"] for i in document["files"][2]["issues"]] == [
        "unknown-field",
        "missing-field",
    ]
    assert document["summary"] == {"files": 3, "errors": 3, "warnings": 0}


def test_unreadable_is_reported_even_when_everything_else_is_valid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = _run(capsys, str(SPEC / "report.json"), str(tmp_path / "x.json"))
    assert status == 2
    assert f"{tmp_path / 'x.json'}: error unreadable /: The file cannot be read" in out


def test_broken_link_in_a_directory_is_unreadable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copy(SPEC / "report.json", tmp_path / "a.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "nowhere.json")
    status, document = _json(capsys, str(tmp_path))
    assert status == 2
    assert [(f["path"], [i["code"] for i in f["issues"]]) for f in document["files"]] == [
        (str(tmp_path / "a.json"), []),
        (str(tmp_path / "b.json"), ["unreadable"]),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_file_without_permission_is_unreadable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:  # pragma: no cover - the CI runs as root
    path = tmp_path / "secret.json"
    shutil.copy(SPEC / "report.json", path)
    path.chmod(0)
    status, document = _json(capsys, str(path))
    assert status == 2
    assert document["files"][0]["issues"][0]["code"] == "unreadable"


# --- output shapes -------------------------------------------------------------------------------


def test_json_output_shape(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """format.md's JSON output, field for field."""
    bad = _bad_report(tmp_path)
    status, document = _json(capsys, str(bad))
    assert status == 1
    # streamed: files first, the verdict last (see ranham.cli.validate)
    assert list(document) == ["files", "valid", "summary"]
    assert document["valid"] is False
    (item,) = document["files"]
    assert list(item) == ["path", "issues", "kind", "valid"]
    assert (item["path"], item["kind"], item["valid"]) == (str(bad), "report", False)
    text = bad.read_text()
    line_of = text[: text.index('"claimd"')].count("\n") + 1
    column_of = text.index('"claimd"') - text.rfind("\n", 0, text.index('"claimd"'))
    assert item["issues"][0] == {
        "code": "unknown-field",
        "severity": "error",
        "pointer": "/entries/0/measures/0/claimd",
        "line": line_of,
        "column": column_of,
        "message": (
            '"claimd" is not a field of this object: rename it to "claimed" if that was meant, '
            "or remove it."
        ),
    }
    assert list(item["issues"][1]) == ["code", "severity", "pointer", "line", "column", "message"]
    assert document["summary"] == {"files": 1, "errors": 2, "warnings": 0}


def test_json_output_omits_unknown_positions(capsys: pytest.CaptureFixture[str]) -> None:
    status, document = _json(capsys, "--max-size", "100", str(CORPUS / "too-large" / "report.json"))
    assert status == 1
    (issue,) = document["files"][0]["issues"]
    assert list(issue) == ["code", "severity", "pointer", "message"]
    assert issue["code"] == "too-large"


def test_text_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = _bad_report(tmp_path)
    status, out, _ = _run(capsys, str(bad), str(SPEC / "forum.json"))
    assert status == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{bad}:")
    assert lines[0].endswith(
        ": error unknown-field /entries/0/measures/0/claimd: "
        '"claimd" is not a field of this object: rename it to "claimed" if that was meant, '
        "or remove it."
    )
    _, line, column, _ = lines[0].split(":", 3)
    assert line.isdigit()
    assert column.isdigit()
    assert lines[2] == (
        f"{SPEC / 'forum.json'}:10:29: warning recommendations-incomplete /declared/panranham: "
        "1 of the 8 recommendations declared for panranham are listed: add the missing ones "
        "when their text is known."
    )
    assert lines[-1] == "2 file(s), 2 error(s), 2 warning(s)"


def test_text_output_of_a_line_without_column(capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "too-large" / "one-line.jsonl"
    status, out, _ = _run(capsys, "--max-size", "140", str(path))
    assert status == 1
    assert out.splitlines()[0].startswith(f"{path}:1: error too-large /: The document is ")


def test_indonesian(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = _bad_report(tmp_path)
    status, out, _ = _run(capsys, "--lang", "id", str(bad), str(SPEC / "forum.json"))
    assert status == 1
    assert "galat unknown-field /entries/0/measures/0/claimd: " in out
    assert '"claimd" bukan kolom dari objek ini' in out
    assert "peringatan recommendations-incomplete" in out
    assert out.splitlines()[-1] == "2 berkas, 2 galat, 2 peringatan"
    _, document = _json(capsys, "--lang", "id", str(bad))
    assert document["files"][0]["issues"][1]["message"] == (
        'Kolom wajib "claimed" tidak ada: tambahkan kolom tersebut.'
    )


def test_valid_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--lang", "id", str(SPEC / "report.json"))
    assert out.splitlines() == [f"{SPEC / 'report.json'}: sah", "1 berkas, 0 galat, 0 peringatan"]


# --- directories, JSON Lines, catalogs -----------------------------------------------------------


def test_directories_are_walked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    shutil.copy(SPEC / "report.json", tmp_path / "b" / "c" / "laporan.json")
    shutil.copy(SPEC / "catalog.json", tmp_path / "a.json")
    (tmp_path / "b" / "arsip.jsonl").write_text(
        json.dumps(json.loads((SPEC / "report.json").read_text())) + "\n\n{]\n"
    )
    (tmp_path / "catatan.txt").write_text("not a document")
    (tmp_path / "b" / "d.json").mkdir()  # a directory named like a file: walked, not read
    status, document = _json(capsys, str(tmp_path))
    assert status == 1
    assert [(f["path"], f["kind"], f["valid"]) for f in document["files"]] == [
        (str(tmp_path / "a.json"), "catalog", True),
        (str(tmp_path / "b" / "arsip.jsonl"), "report", False),
        (str(tmp_path / "b" / "c" / "laporan.json"), "report", True),
    ]
    (issue,) = document["files"][1]["issues"]
    assert (issue["code"], issue["line"], issue["column"]) == ("json-syntax", 3, 2)


def test_a_file_given_explicitly_is_read_whatever_its_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "report.txt"
    shutil.copy(SPEC / "report.json", path)
    status, document = _json(capsys, str(path))
    assert (status, document["files"][0]["kind"]) == (0, "report")


def test_jsonl_of_mixed_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    status, document = _json(capsys, str(CORPUS / "jsonl" / "mixed-kinds.jsonl"))
    assert status == 0
    item = document["files"][0]
    assert (item["kind"], item["valid"]) == (None, True)
    assert [(i["code"], i["line"]) for i in item["issues"]] == [
        ("recommendations-incomplete", 2),
        ("recommendations-incomplete", 2),
    ]


def test_catalog(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = json.loads((SPEC / "report.json").read_text())
    report["institution"] = "32"
    path = tmp_path / "provinsi.json"
    path.write_text(json.dumps(report))
    status, document = _json(capsys, str(path))
    assert (status, document["valid"]) == (0, True)
    status, document = _json(capsys, "--catalog", str(SPEC / "catalog.json"), str(path))
    assert status == 1
    assert [(i["code"], i["pointer"]) for i in document["files"][0]["issues"]] == [
        ("not-assigned", "/entries/0/action")
    ]


def test_catalog_with_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "jsonl" / "against-catalog.jsonl"
    status, document = _json(capsys, "--catalog", str(SPEC / "catalog.json"), str(path))
    assert status == 1
    assert [(i["code"], i["line"]) for i in document["files"][0]["issues"]] == [
        ("not-assigned", 2),
        ("late-submission", 3),
    ]


def test_invalid_catalog_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    catalog = json.loads((SPEC / "catalog.json").read_text())
    catalog["year"] = 2030
    path = tmp_path / "katalog.json"
    path.write_text(json.dumps(catalog))
    status, out, err = _run(capsys, "--catalog", str(path), str(SPEC / "report.json"))
    assert status == 2
    assert f"{path}:1:" in out
    assert "year-outside-plan /year" in out
    assert "report.json" not in out
    assert err == f"ranham: the catalog {path} is not valid; nothing else was checked.\n"


def test_report_given_as_catalog_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, document = _json(capsys, "--catalog", str(SPEC / "report.json"), str(SPEC))
    assert status == 2
    assert [(i["code"], i["pointer"]) for i in document["files"][0]["issues"]] == [
        ("unknown-kind", "/kind")
    ]


@pytest.mark.parametrize("where", ["missing", "directory"])
def test_unreadable_catalog_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str
) -> None:
    catalog = tmp_path / "katalog.json"
    if where == "directory":
        catalog.mkdir()
    status, document = _json(
        capsys, "--lang", "id", "--catalog", str(catalog), str(SPEC / "report.json")
    )
    assert status == 2
    assert document["files"] == [
        {
            "path": str(catalog),
            "kind": None,
            "valid": False,
            "issues": [
                {
                    "code": "unreadable",
                    "severity": "error",
                    "pointer": "",
                    "message": document["files"][0]["issues"][0]["message"],
                }
            ],
        }
    ]
    assert document["files"][0]["issues"][0]["message"].startswith("Berkas tidak dapat dibaca (")


# --- no traceback, whatever the input ------------------------------------------------------------


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".json", ".jsonl"]))
def test_random_bytes_never_crash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"acak{suffix}"
    path.write_bytes(data)
    for fmt in ("text", "json"):
        status, out, err = _run(capsys, "--format", fmt, str(path))
        assert status in (0, 1)
        assert err == ""
        if fmt == "json":
            json.loads(out)


@pytest.mark.parametrize(
    "content",
    [
        b"\xef\xbb\xbf{}",
        b"\xff\xfe\x00",
        b'{"kind": "report", "schema_version": "1.0", "x": ' + b"[" * 100_000,
        b'{"kind": "report", "schema_version": "1.0", "n": ' + b"9" * 5000 + b"}",
        b'"\\ud800"',
        b"\x00" * 10,
    ],
)
def test_hostile_files_never_crash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    status, out, err = _run(capsys, "--format", "json", str(path))
    assert (status, err) == (1, "")
    assert json.loads(out)["files"][0]["issues"]

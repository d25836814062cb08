"""Report forms filled as people really fill them, and broken as files really break."""

from __future__ import annotations

import io as stdio
import zipfile
from datetime import date, datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ranham import io
from ranham.errors import InvariantError
from ranham.model import Report, ReportStatus
from ranham.sheets import (
    CELL_LIMIT,
    FormIssue,
    SheetsUnavailableError,
    read_form,
    write_form,
)
from ranham.sheets._deps import openpyxl as require_openpyxl
from tests.sheets._helpers import (
    BEKASI,
    cache_formula_result,
    edit,
    form,
    part,
    replace_part,
)

REPORT = "Laporan"
EVIDENCE = "Data Dukung"
WIB = timezone(timedelta(hours=7))


def _bekasi(period: str) -> Report:
    return next(r for r in BEKASI.reports if r.institution == "32.16" and str(r.period) == period)


def _fill(**cells: object):
    """A change that types values into cells of the report sheet (``G9=...``)."""

    def change(book):
        for coordinate, value in cells.items():
            book[REPORT][coordinate] = value

    return change


def _only(result, code: str) -> FormIssue:
    found = [i for i in result.issues if i.code == code]
    assert len(found) == 1, result.issues
    return found[0]


# -- what people type ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "claimed"),
    [
        ("Ya", True),
        ("ya", True),
        ("  TIDAK ", False),
        ("TRUE", True),
        ("false", False),
        ("1", True),
        ("0", False),
        ("Yes", True),
        ("n", False),
        (1, True),
        (0, False),
        (True, True),
        (False, False),
    ],
)
def test_yes_no_cells_accept_what_people_type(typed, claimed):
    result = read_form(edit(form(), _fill(G9=typed)), BEKASI)
    assert result.valid, result.issues
    measure = result.document["entries"][0]["measures"][0]
    assert measure["claimed"] is claimed


@pytest.mark.parametrize("typed", ["T", "mungkin", 2, "ya tidak"])
def test_other_yes_no_answers_are_invalid_at_their_cell(typed):
    result = read_form(edit(form(), _fill(G9=typed)), BEKASI)
    issue = _only(result, "invalid-value")
    assert issue.cell == "'Laporan'!G9"
    assert issue.pointer == "/entries/0/measures/0/claimed"
    assert result.document is None
    assert "missing-field" not in result.codes  # one defect, one issue


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        (12, "12"),
        (12.0, "12"),
        (0.5, "0.5"),
        (datetime(2022, 4, 12), "2022-04-12"),
        (date(2022, 4, 12), "2022-04-12"),
        ("  Rapat  dilaksanakan ", "Rapat  dilaksanakan"),
        ("=not a formula", "=not a formula"),
    ],
)
def test_numbers_and_dates_in_text_cells_are_read_as_exact_text(typed, text):
    def change(book):
        book[REPORT]["G9"] = "Ya"
        book[REPORT]["H9"] = typed
        if isinstance(typed, str) and typed.startswith("="):
            book[REPORT]["H9"].data_type = "s"

    result = read_form(edit(form(), change), BEKASI)
    assert result.valid, result.issues
    assert result.document["entries"][0]["measures"][0]["narrative"] == text


def test_a_formula_gives_its_stored_result():
    data = edit(form(), _fill(G9='=IF(1=1,"Ya","Tidak")'))
    data = cache_formula_result(data, "xl/worksheets/sheet2.xml", "G9", "Ya")
    result = read_form(data, BEKASI)
    assert result.valid, result.issues
    assert result.document["entries"][0]["measures"][0]["claimed"] is True


def test_a_formula_without_stored_result_is_invalid_at_its_cell():
    result = read_form(edit(form(), _fill(G9='=IF(1=1,"Ya","Tidak")')), BEKASI)
    issue = _only(result, "invalid-value")
    assert issue.cell == "'Laporan'!G9"
    assert "formula" in issue.message("en")


def test_a_measure_with_a_narrative_but_no_answer_is_missing_claimed():
    result = read_form(edit(form(), _fill(H10="sudah dilaksanakan")), BEKASI)
    issue = _only(result, "missing-field")
    assert (issue.cell, issue.pointer) == ("'Laporan'!G10", "/entries/0/measures/0/claimed")
    assert "Tercapai" in issue.message("id")


def test_empty_measure_rows_are_left_out_and_the_report_is_incomplete():
    result = read_form(edit(form(), _fill(G11="Ya")), BEKASI)
    assert result.valid
    assert [e["action"] for e in result.document["entries"]] == ["2022-kabkota-3"]
    issue = _only(result, "incomplete-report")
    assert issue.severity == "warning"
    assert issue.cell == "'Laporan'!G9"  # the first measure left empty


def _evidence(**cells: object):
    def change(book):
        book[REPORT]["G9"] = "Ya"
        for coordinate, value in cells.items():
            book[EVIDENCE][coordinate] = value

    return change


def test_an_evidence_row_is_read_with_labels_in_either_language_and_a_hyperlink():
    def change(book):
        _evidence(A2="2022-kabkota-1-b04-1", B2="Minutes", C2="Notulen rapat", E2="ya", F2="TIDAK")(
            book
        )
        book[EVIDENCE]["D2"] = "dokumen"
        book[EVIDENCE]["D2"].hyperlink = "https://sapa-ham.example/doc/881"
        book[EVIDENCE].append(["2022-kabkota-1-b04-1", "sk", "SK Bupati", None, 1, 1])

    result = read_form(edit(form(), change), BEKASI)
    assert result.valid, result.issues
    evidence = result.document["entries"][0]["measures"][0]["evidence"]
    assert evidence == [
        {
            "kind": "notulen",
            "title": "Notulen rapat",
            "uri": "https://sapa-ham.example/doc/881",
            "letterhead": True,
            "signed": False,
        },
        {"kind": "sk", "title": "SK Bupati", "letterhead": True, "signed": True},
    ]


@pytest.mark.parametrize(
    ("cells", "code", "cell"),
    [
        (
            {"A2": "no-such-measure", "B2": "Foto", "C2": "x", "E2": "Ya", "F2": "Ya"},
            "unknown-reference",
            "'Data Dukung'!A2",
        ),
        (
            {"A2": "2022-kabkota-1-b04-1", "B2": "Video", "C2": "x", "E2": "Ya", "F2": "Ya"},
            "invalid-value",
            "'Data Dukung'!B2",
        ),
        (
            {
                "A2": "2022-kabkota-1-b04-1",
                "B2": "Foto",
                "C2": "x",
                "D2": "ftp://x.example/a",
                "E2": "Ya",
                "F2": "Ya",
            },
            "invalid-value",
            "'Data Dukung'!D2",
        ),
        (
            {"A2": "2022-kabkota-1-b04-1", "B2": "Foto", "E2": "Ya", "F2": "Ya"},
            "missing-field",
            "'Data Dukung'!C2",
        ),
        (
            {"A2": "2022-kabkota-1-b04-1", "B2": "Foto", "C2": "x", "E2": "T", "F2": "Ya"},
            "invalid-value",
            "'Data Dukung'!E2",
        ),
        ({"B2": "Foto", "C2": "x", "E2": "Ya", "F2": "Ya"}, "missing-field", "'Data Dukung'!A2"),
    ],
)
def test_evidence_mistakes_are_found_at_their_cell(cells, code, cell):
    result = read_form(edit(form(), _evidence(**cells)), BEKASI)
    issue = _only(result, code)
    assert issue.cell == cell
    assert result.document is None


def test_a_missing_evidence_field_maps_to_its_pointer():
    cells = {"A2": "2022-kabkota-1-b04-1", "B2": "Foto", "E2": "Ya", "F2": "Ya"}
    issue = _only(read_form(edit(form(), _evidence(**cells)), BEKASI), "missing-field")
    assert issue.pointer == "/entries/0/measures/0/evidence/0/title"


# -- the locked rows -------------------------------------------------------------------------------


def test_a_deleted_measure_row_is_row_altered_at_the_first_cell_that_differs():
    result = read_form(edit(form(), lambda b: b[REPORT].delete_rows(10)), BEKASI)
    issue = _only(result, "row-altered")
    assert issue.cell == "'Laporan'!A10"
    assert result.document is None


def test_an_inserted_row_is_row_altered():
    result = read_form(edit(form(), lambda b: b[REPORT].insert_rows(11)), BEKASI)
    assert _only(result, "row-altered").cell == "'Laporan'!A11"


def test_moved_rows_are_row_altered():
    def swap(book):
        sheet = book[REPORT]
        for column in "ABCDEF":
            a, b = sheet[f"{column}9"].value, sheet[f"{column}10"].value
            sheet[f"{column}9"], sheet[f"{column}10"] = b, a

    assert _only(read_form(edit(form(), swap), BEKASI), "row-altered").cell == "'Laporan'!A9"


def test_an_edited_locked_cell_is_row_altered_at_that_cell():
    result = read_form(edit(form(), _fill(F12="ukuran yang lain")), BEKASI)
    issue = _only(result, "row-altered")
    assert issue.cell == "'Laporan'!F12"
    assert "ukuran yang lain" in issue.message("en")


def test_a_row_added_below_the_table_is_row_altered():
    result = read_form(edit(form(), _fill(A15="2022-kabkota-9", G15="Ya")), BEKASI)
    assert _only(result, "row-altered").cell == "'Laporan'!A15"


def test_a_renamed_sheet_is_sheet_missing_without_a_cell():
    result = read_form(edit(form(), lambda b: setattr(b[EVIDENCE], "title", "Bukti")), BEKASI)
    issue = _only(result, "sheet-missing")
    assert issue.cell is None
    assert issue.pointer == ""
    assert "Data Dukung" in issue.message("id")


def test_a_form_for_another_period_is_form_mismatch_at_the_identifying_sheet():
    data = form(period="2022-B08")
    result = read_form(data, BEKASI, period="2022-B04")
    issue = _only(result, "form-mismatch")
    assert issue.cell == "'_ranham'!B7"
    assert "2022-B08" in issue.message("en")


def test_a_form_of_another_institution_is_form_mismatch():
    result = read_form(form(), BEKASI, institution="33.73")
    assert _only(result, "form-mismatch").cell == "'_ranham'!B6"


def test_a_form_for_another_catalog_year_is_form_mismatch():
    windows = {
        code: attrs.evolve(w, opens=w.opens.replace(year=2023), closes=w.closes.replace(year=2023))
        for code, w in BEKASI.catalog.windows.items()
    }
    other = attrs.evolve(BEKASI.catalog, year=2023, windows=windows)
    result = read_form(form(), attrs.evolve(BEKASI, catalog=other, reports=()))
    assert _only(result, "form-mismatch").cell == "'_ranham'!B5"


def test_a_form_without_its_identifying_sheet_is_form_mismatch_without_a_cell():
    result = read_form(edit(form(), lambda b: b.remove(b["_ranham"])), BEKASI)
    issue = _only(result, "form-mismatch")
    assert issue.cell is None


def test_an_altered_identifying_sheet_is_form_mismatch():
    def change(book):
        book["_ranham"]["B2"] = "laporan-lain"

    assert _only(read_form(edit(form(), change), BEKASI), "form-mismatch").cell == "'_ranham'!B2"


# -- files that are not forms ----------------------------------------------------------------------


def test_an_xls_is_not_a_workbook():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096)
    issue = _only(read_form(ole, BEKASI), "not-a-workbook")
    assert (issue.cell, issue.pointer) == (None, "")
    assert ".xls" in issue.message("en")


def test_a_csv_renamed_xlsx_is_not_a_workbook(tmp_path):
    path = tmp_path / "laporan.xlsx"
    path.write_text("kode,nama\n32.16,Kabupaten Bekasi\n", encoding="utf-8")
    result = read_form(path, BEKASI)
    assert result.codes == ("not-a-workbook",)
    assert result.path == str(path)


def test_a_broken_zip_is_not_a_workbook():
    data = form()
    assert read_form(data[: len(data) // 2], BEKASI).codes == ("not-a-workbook",)


def test_a_corrupted_part_is_not_a_workbook():
    data = bytearray(form())
    data[len(data) // 3 : len(data) // 3 + 200] = bytes(200)
    assert read_form(bytes(data), BEKASI).codes == ("not-a-workbook",)


def test_a_macro_enabled_workbook_is_not_a_workbook():
    data = replace_part(form(), "xl/vbaProject.bin", b"\x00" * 100)
    issue = _only(read_form(data, BEKASI), "not-a-workbook")
    assert "macro" in issue.message("en")


def test_an_ods_is_not_a_workbook():
    out = stdio.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert read_form(out.getvalue(), BEKASI).codes == ("not-a-workbook",)


def test_a_zip_bomb_is_too_large_before_it_is_inflated():
    out = stdio.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as stream:
            block = bytes(1024 * 1024)
            for _ in range(30):
                stream.write(block)
    data = out.getvalue()
    assert len(data) < 100_000
    issue = _only(read_form(data, BEKASI), "too-large")
    assert issue.cell is None
    assert "unpacks" in issue.message("en")


def test_a_zip_whose_headers_lie_about_sizes_is_still_counted():
    data = bytearray(form())
    # every local and central header says each part is 1 byte long
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset : start + offset + 4] = (1).to_bytes(4, "little")
            start += 4
    assert read_form(bytes(data), BEKASI).codes == ("not-a-workbook",)


def test_a_file_over_20_mib_is_too_large():
    data = b"PK" + bytes(20 * 1024 * 1024)
    issue = _only(read_form(data, BEKASI), "too-large")
    assert str(20 * 1024 * 1024) in issue.message("en")


_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


@pytest.mark.parametrize(
    "name", ["xl/workbook.xml", "xl/worksheets/sheet2.xml", "xl/styles.xml", "[Content_Types].xml"]
)
def test_an_xml_entity_bomb_is_not_a_workbook(name):
    data = form()
    original = part(data, name)
    body = original.split(b"?>", 1)[1] if original.startswith(b"<?xml") else original
    bombed = replace_part(data, name, _BOMB + body.replace(b">", b">&lol3;", 1))
    issue = _only(read_form(bombed, BEKASI), "not-a-workbook")
    assert issue.cell is None


_FORM = form()


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_no_damage_to_a_form_makes_the_reader_raise(data):
    original = bytearray(_FORM)
    for _ in range(data.draw(st.integers(1, 5))):
        index = data.draw(st.integers(0, len(original) - 1))
        original[index] = data.draw(st.integers(0, 255))
    result = read_form(bytes(original), BEKASI)
    assert all(isinstance(issue, FormIssue) for issue in result.issues)


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=2000))
def test_no_bytes_make_the_reader_raise(data):
    result = read_form(data, BEKASI)
    assert not result.valid


# -- order of issues -----------------------------------------------------------------------------


def test_issues_are_in_sheet_then_row_then_column_order():
    def change(book):
        book[REPORT]["H12"] = "narasi tanpa jawaban"
        book[REPORT]["G10"] = "T"
        for column, value in zip(
            "ABCEF", ["2022-kabkota-1-b04-1", "Video", "x", "Ya", "Ya"], strict=True
        ):
            book[EVIDENCE][f"{column}2"] = value

    result = read_form(edit(form(), change), BEKASI)
    assert [i.cell for i in result.errors] == [
        "'Laporan'!G9",  # named by the evidence row, so its answer is needed
        "'Laporan'!G10",
        "'Laporan'!G12",
        "'Data Dukung'!B2",
    ]


# -- verifier forms --------------------------------------------------------------------------------


def test_a_verifier_form_gives_the_kept_history_and_the_decision_at_the_time_given():
    report = _bekasi("2022-B04")
    submitted = Report(
        institution=report.institution,
        period=report.period,
        status=ReportStatus.SUBMITTED,
        history=report.history[:1],
        entries=tuple(
            attrs.evolve(e, measures=tuple(attrs.evolve(m, assessment=None) for m in e.measures))
            for e in report.entries
        ),
    )
    data = form(report=submitted, verifier=True)

    def change(book):
        sheet = book[REPORT]
        sheet["C6"] = "Dikembalikan"
        sheet["I9"], sheet["J9"], sheet["K9"] = "Ya", "Tidak", "kop surat tidak ada"

    at = datetime(2022, 5, 8, 9, 0, tzinfo=WIB)
    result = read_form(edit(data, change), BEKASI, at=at)
    assert result.valid, result.issues
    document = result.document
    assert document["status"] == "returned"
    assert document["history"] == [
        {"status": "submitted", "at": "2022-04-29T10:00:00+07:00"},
        {"status": "returned", "at": "2022-05-08T09:00:00+07:00"},
    ]
    first = document["entries"][0]["measures"][0]
    assert first["assessment"] == {
        "administrative": True,
        "substantive": False,
        "note": "kop surat tidak ada",
    }
    assert "assessment" not in document["entries"][1]["measures"][0]


def test_a_verifier_form_without_a_decision_is_missing_field_at_the_decision_cell():
    report = _bekasi("2022-B04")
    submitted = Report(
        institution=report.institution,
        period=report.period,
        status=ReportStatus.SUBMITTED,
        history=report.history[:1],
    )
    result = read_form(form(report=submitted, verifier=True), BEKASI)
    issue = _only(result, "missing-field")
    assert (issue.cell, issue.pointer) == ("'Laporan'!C6", "/status")


def test_a_verified_decision_needs_every_assessment():
    data = form(report=_bekasi("2022-B04"), verifier=True)
    result = read_form(edit(data, _fill(I9=None, J9=None)), BEKASI)
    issue = _only(result, "assessment-missing")
    assert issue.cell == "'Laporan'!I9"


def test_a_verifier_form_is_made_from_a_submitted_report_only():
    draft = Report(institution="32.16", period=_bekasi("2022-B04").period)
    with pytest.raises(InvariantError, match="submitted"):
        form(report=draft, verifier=True)
    with pytest.raises(InvariantError, match="submitted"):
        form(verifier=True)


# -- the writer ------------------------------------------------------------------------------------


def test_the_writer_refuses_a_text_a_cell_cannot_hold():
    report = _bekasi("2022-B04")
    entry = report.entries[0]
    long = attrs.evolve(entry.measures[0], narrative="x" * (CELL_LIMIT + 1))
    too_long = attrs.evolve(report, entries=(attrs.evolve(entry, measures=(long,)),))
    with pytest.raises(InvariantError, match="32767"):
        form(report=too_long)
    control = attrs.evolve(entry.measures[0], narrative="a\x07b")
    with pytest.raises(InvariantError, match="control character"):
        form(report=attrs.evolve(report, entries=(attrs.evolve(entry, measures=(control,)),)))


def test_the_writer_says_what_it_does_not_carry():
    report = attrs.evolve(_bekasi("2022-B04"), extensions={"sapa_ham_id": 881})
    written = write_form(
        BEKASI, stdio.BytesIO(), institution="32.16", period="2022-B04", report=report
    )
    assert written.dropped == ("/extensions",)


def test_the_writer_refuses_a_report_of_another_institution():
    with pytest.raises(InvariantError, match=r"33\.73"):
        form(institution="33.73", report=_bekasi("2022-B04"))


def test_a_form_from_a_catalog_alone_has_no_name_and_reads_back():
    data = form(BEKASI.catalog)
    book = require_openpyxl().load_workbook(stdio.BytesIO(data), read_only=True)
    assert book[REPORT]["C3"].value is None
    result = read_form(edit(data, _fill(G9="Ya")), BEKASI.catalog)
    assert result.valid, result.issues


def test_an_english_form_is_read_in_english():
    data = form(lang="en")
    result = read_form(edit(data, lambda b: b["Report"].__setitem__("G9", "No")), BEKASI)
    assert result.valid, result.issues
    assert result.document["entries"][0]["measures"][0]["claimed"] is False


def test_the_missing_extra_is_named(monkeypatch):
    import importlib

    real = importlib.import_module

    def refuse(name, *args, **kwargs):
        if name == "openpyxl":
            raise ImportError("No module named 'openpyxl'", name="openpyxl")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", refuse)
    with pytest.raises(SheetsUnavailableError, match=r"ranham\[sheets\]") as caught:
        require_openpyxl()
    assert isinstance(caught.value, ImportError)


def test_issue_json_has_the_cell_and_both_languages():
    result = read_form(edit(form(), _fill(G9="T")), BEKASI)
    issue = result.issues[0]
    assert issue.to_json("en")["cell"] == "'Laporan'!G9"
    assert issue.message("en") != issue.message("id")
    assert set(issue.to_json("id")) == {"code", "severity", "pointer", "cell", "message"}
    assert result.to_json()["valid"] is False


def test_a_report_written_from_the_document_round_trips_through_io():
    result = read_form(edit(form(), _fill(G9="Ya")), BEKASI)
    report = io.from_dict(result.document, kind=Report)
    assert report.status is ReportStatus.DRAFT


def test_a_value_a_million_rows_down_is_found_at_its_cell():
    def change(book):
        book[EVIDENCE]["A1000000"] = "no-such-measure"

    result = read_form(edit(form(), change), BEKASI)
    assert _only(result, "unknown-reference").cell == "'Data Dukung'!A1000000"


def test_a_formula_without_result_in_an_otherwise_empty_evidence_row_is_found():
    def change(book):
        book[EVIDENCE]["C5"] = '=CONCAT("a","b")'

    result = read_form(edit(form(), change), BEKASI)
    cells = {i.cell for i in result.errors}
    assert "'Data Dukung'!C5" in cells


@pytest.mark.parametrize("name", [" Kabupaten Bekasi", "Kabupaten Bekasi ", "0 "])
def test_a_name_with_surrounding_spaces_reads_back(name):
    """A cell reads trimmed, so the name cell is compared trimmed (the round-trip law found a
    name ``'0 '`` refused as ``row-altered``)."""
    institutions = tuple(
        attrs.evolve(i, name=name) if i.code == "32.16" else i for i in BEKASI.institutions
    )
    dataset = attrs.evolve(BEKASI, institutions=institutions)
    result = read_form(form(dataset), dataset)
    assert result.valid, result.issues

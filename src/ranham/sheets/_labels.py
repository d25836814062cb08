"""Every text a form shows, in Indonesian and English, and the messages of the sheet issue codes.

Both languages hold exactly the same keys (a test checks it). The reader accepts a list label in
either language, so a form filled in English is read the same as one filled in Indonesian.
"""

from __future__ import annotations

from collections.abc import Mapping

from ranham.model import EvidenceKind, TargetGroup
from ranham.validation import Lang

__all__ = [
    "DECISIONS",
    "HEAD",
    "INSTRUCTIONS",
    "KINDS",
    "MESSAGES",
    "SHEETS",
    "TARGET_GROUPS",
    "YES_NO",
    "message",
]

SHEETS: dict[Lang, dict[str, str]] = {
    "id": {"guide": "Petunjuk", "report": "Laporan", "evidence": "Data Dukung"},
    "en": {"guide": "Instructions", "report": "Report", "evidence": "Evidence"},
}
"""The visible sheets of a form, by role."""

YES_NO: dict[Lang, tuple[str, str]] = {"id": ("Ya", "Tidak"), "en": ("Yes", "No")}
"""The labels of ``True`` and ``False`` in a yes/no list."""

DECISIONS: dict[Lang, tuple[str, str]] = {
    "id": ("Terverifikasi", "Dikembalikan"),
    "en": ("Verified", "Returned"),
}
"""The labels of the verifier's decision: ``verified`` and ``returned``."""

KINDS: dict[Lang, dict[EvidenceKind, str]] = {
    "id": {
        EvidenceKind.MINUTES: "Notulen",
        EvidenceKind.DECREE: "Surat keputusan (SK)",
        EvidenceKind.BUDGET: "Dokumen anggaran",
        EvidenceKind.BENEFICIARY_LIST: "Daftar penerima",
        EvidenceKind.REPORT: "Laporan kegiatan",
        EvidenceKind.PHOTO: "Foto",
        EvidenceKind.OTHER: "Lainnya",
    },
    "en": {
        EvidenceKind.MINUTES: "Minutes",
        EvidenceKind.DECREE: "Decree (SK)",
        EvidenceKind.BUDGET: "Budget document",
        EvidenceKind.BENEFICIARY_LIST: "Beneficiary list",
        EvidenceKind.REPORT: "Activity report",
        EvidenceKind.PHOTO: "Photo",
        EvidenceKind.OTHER: "Other",
    },
}
"""Evidence kinds as the form's list shows them."""

TARGET_GROUPS: dict[Lang, dict[TargetGroup, str]] = {
    "id": {
        TargetGroup.WOMEN: "Perempuan",
        TargetGroup.CHILDREN: "Anak",
        TargetGroup.PERSONS_WITH_DISABILITIES: "Penyandang disabilitas",
        TargetGroup.INDIGENOUS_COMMUNITIES: "Masyarakat adat",
    },
    "en": {
        TargetGroup.WOMEN: "Women",
        TargetGroup.CHILDREN: "Children",
        TargetGroup.PERSONS_WITH_DISABILITIES: "Persons with disabilities",
        TargetGroup.INDIGENOUS_COMMUNITIES: "Indigenous communities",
    },
}
"""Target groups as the protected rows show them."""

HEAD: dict[Lang, dict[str, str]] = {
    "id": {
        "title": "Laporan Capaian Aksi HAM",
        "title-verifier": "Verifikasi Laporan Capaian Aksi HAM",
        "institution": "Kode instansi",
        "name": "Nama instansi",
        "period": "Periode",
        "window": "Jendela pelaporan",
        "decision": "Keputusan verifikator",
        "action": "ID aksi",
        "number": "No.",
        "action-title": "Judul aksi",
        "target-group": "Kelompok sasaran",
        "measure": "ID ukuran keberhasilan",
        "description": "Ukuran keberhasilan",
        "claimed": "Tercapai? (Ya/Tidak)",
        "narrative": "Narasi",
        "administrative": "Administratif (Ya/Tidak)",
        "substantive": "Substantif (Ya/Tidak)",
        "note": "Catatan verifikator",
        "ev-measure": "ID ukuran keberhasilan",
        "kind": "Jenis data dukung",
        "ev-title": "Judul dokumen",
        "uri": "Tautan (http/https)",
        "letterhead": "Berkop surat? (Ya/Tidak)",
        "signed": "Ditandatangani? (Ya/Tidak)",
        "yes-no-error": "Pilih Ya atau Tidak dari daftar.",
        "kind-error": "Pilih jenis data dukung dari daftar.",
        "measure-error": "Pilih ID ukuran keberhasilan dari daftar.",
        "decision-error": "Pilih Terverifikasi atau Dikembalikan.",
    },
    "en": {
        "title": "RANHAM Action Achievement Report",
        "title-verifier": "Verification of a RANHAM Action Achievement Report",
        "institution": "Institution code",
        "name": "Institution name",
        "period": "Period",
        "window": "Reporting window",
        "decision": "Verifier's decision",
        "action": "Action id",
        "number": "No.",
        "action-title": "Action title",
        "target-group": "Target group",
        "measure": "Success measure id",
        "description": "Success measure",
        "claimed": "Achieved? (Yes/No)",
        "narrative": "Narrative",
        "administrative": "Administrative (Yes/No)",
        "substantive": "Substantive (Yes/No)",
        "note": "Verifier's note",
        "ev-measure": "Success measure id",
        "kind": "Kind of evidence",
        "ev-title": "Document title",
        "uri": "Link (http/https)",
        "letterhead": "On letterhead? (Yes/No)",
        "signed": "Signed? (Yes/No)",
        "yes-no-error": "Choose Yes or No from the list.",
        "kind-error": "Choose a kind of evidence from the list.",
        "measure-error": "Choose a success measure id from the list.",
        "decision-error": "Choose Verified or Returned.",
    },
}
"""Headings and input messages of the form."""

_INSTRUCTIONS_ID = (
    "Petunjuk pengisian (Bahasa Indonesia)",
    (
        "1. Lembar Laporan memuat satu baris untuk setiap ukuran keberhasilan yang wajib "
        "dilaporkan instansi Anda pada periode ini. Kolom berwarna abu-abu terkunci: jangan "
        "menambah, menghapus, memindah atau mengubah baris tersebut."
    ),
    (
        "2. Isi kolom Tercapai? dengan Ya atau Tidak untuk setiap ukuran, dan tulis narasi singkat "
        "tentang pelaksanaannya."
    ),
    (
        "3. Di lembar Data Dukung, tulis satu baris untuk setiap dokumen: pilih ID ukuran "
        "keberhasilan dan jenisnya dari daftar, tulis judul dokumen, tautan http/https (boleh "
        "berupa hyperlink), dan apakah dokumen berkop surat dan ditandatangani."
    ),
    "4. Ukuran yang dibiarkan kosong dihitung sebagai tidak tercapai.",
    (
        "5. Simpan sebagai .xlsx (Excel 2007-365) dan kirimkan berkas ini apa adanya; jangan "
        "mengganti nama lembar."
    ),
)
_INSTRUCTIONS_EN = (
    "How to fill in this form (English)",
    (
        "1. The Report sheet has one row for each success measure your institution must report for "
        "this period. Grey columns are locked: do not add, remove, move or edit those rows."
    ),
    (
        "2. Fill in Achieved? with Yes or No for every measure, and write a short narrative of "
        "what was done."
    ),
    (
        "3. On the Evidence sheet, write one row per document: choose the success measure id and "
        "the kind from the lists, write the document's title, an http/https link (a hyperlink is "
        "fine), and whether it is on letterhead and signed."
    ),
    "4. A measure left empty counts as not achieved.",
    "5. Save as .xlsx (Excel 2007-365) and send this file as it is; do not rename the sheets.",
)
INSTRUCTIONS: dict[Lang, tuple[str, ...]] = {
    "id": (*_INSTRUCTIONS_ID, "", *_INSTRUCTIONS_EN),
    "en": (*_INSTRUCTIONS_EN, "", *_INSTRUCTIONS_ID),
}
"""The instructions sheet: the form's language first, then the other one."""

_FIX_FORM = {
    "en": "take a fresh form (ranham template) and copy the answers into it",
    "id": "ambil formulir baru (ranham template) lalu salin isian ke dalamnya",
}

MESSAGES: dict[Lang, dict[str, str]] = {
    "en": {
        "not-a-workbook.ole": (
            "The file is an old .xls workbook or an encrypted one, not an .xlsx workbook: save "
            'it without a password as "Excel 2007-365 (.xlsx)" and send it again.'
        ),
        "not-a-workbook.text": (
            "The file is text (such as CSV), not an .xlsx workbook: fill in the form made by "
            "ranham template and save it as .xlsx."
        ),
        "not-a-workbook.zip": (
            "The file is not a readable .xlsx workbook ({detail}): save it again as "
            '"Excel 2007-365 (.xlsx)".'
        ),
        "not-a-workbook.ods": (
            "The file is an OpenDocument spreadsheet (.ods): save it as "
            '"Excel 2007-365 (.xlsx)" and send it again.'
        ),
        "not-a-workbook.macro": (
            "The workbook holds macros (.xlsm), which are never run: save it as a plain "
            '"Excel 2007-365 (.xlsx)" workbook.'
        ),
        "not-a-workbook.xml": (
            "The workbook's XML is refused by the safe parser ({detail}): save it again in "
            "Excel or LibreOffice as .xlsx."
        ),
        "too-large.file": (
            "The file is {size} bytes, more than the limit of {limit} bytes: remove pictures "
            "or other content that is not part of the form."
        ),
        "too-large.inflated": (
            "The workbook unpacks to more than {limit} bytes (the file is {size} bytes): it "
            "cannot be a filled report form."
        ),
        "too-large.parts": (
            "The workbook holds more than {limit} parts: it cannot be a filled report form."
        ),
        "form-mismatch.missing": ('The form\'s identifying sheet "{sheet}" is missing: {fix}.'),
        "form-mismatch.field": (
            'This form was made for {field} "{got}", but "{expected}" was expected: use the '
            "form made for this {field}."
        ),
        "form-mismatch.altered": (
            'The form\'s identifying sheet was altered ({field} is "{got}"): {fix}.'
        ),
        "sheet-missing": 'The form has no sheet named "{sheet}": do not rename or delete sheets.',
        "row-altered": (
            'This locked cell should hold "{expected}" but holds "{got}": rows of actions and '
            "measures must not be added, removed, moved or edited; {fix}."
        ),
        "invalid-value.yes-no": (
            "Expected {yes} or {no} (also Ya/Tidak, Yes/No, Y/N, TRUE/FALSE, 1/0) but found "
            '"{got}": choose from the list.'
        ),
        "invalid-value.kind": (
            'Expected a kind of evidence from the list but found "{got}": choose one of {allowed}.'
        ),
        "invalid-value.uri": (
            'Expected a link starting with http:// or https:// but found "{got}": write the '
            "document's web address."
        ),
        "invalid-value.formula": (
            "This formula has no stored result: type the value, or open the file in Excel or "
            "LibreOffice so that it is computed, and save it."
        ),
        "invalid-value.decision": (
            'Expected {verified} or {returned} but found "{got}": choose from the list.'
        ),
        "unknown-reference.measure": (
            'Expected a success measure id of this form but found "{got}": choose one from the '
            "list."
        ),
        "missing-field.claimed": (
            "This measure has something filled in but no answer to Achieved?: choose {yes} or {no}."
        ),
        "missing-field.decision": (
            "The verifier's decision is empty: choose {verified} or {returned}."
        ),
        "missing-field.measure": (
            "This evidence row names no success measure: choose its measure id from the list."
        ),
    },
    "id": {
        "not-a-workbook.ole": (
            "Berkas ini buku kerja .xls lama atau buku kerja terenkripsi, bukan .xlsx: simpan "
            'tanpa kata sandi sebagai "Excel 2007-365 (.xlsx)" lalu kirim lagi.'
        ),
        "not-a-workbook.text": (
            "Berkas ini berupa teks (misalnya CSV), bukan buku kerja .xlsx: isi formulir dari "
            "ranham template dan simpan sebagai .xlsx."
        ),
        "not-a-workbook.zip": (
            "Berkas ini bukan buku kerja .xlsx yang dapat dibaca ({detail}): simpan ulang "
            'sebagai "Excel 2007-365 (.xlsx)".'
        ),
        "not-a-workbook.ods": (
            "Berkas ini lembar kerja OpenDocument (.ods): simpan sebagai "
            '"Excel 2007-365 (.xlsx)" lalu kirim lagi.'
        ),
        "not-a-workbook.macro": (
            "Buku kerja ini memuat makro (.xlsm), yang tidak pernah dijalankan: simpan sebagai "
            'buku kerja biasa "Excel 2007-365 (.xlsx)".'
        ),
        "not-a-workbook.xml": (
            "XML buku kerja ini ditolak oleh pengurai yang aman ({detail}): simpan ulang di "
            "Excel atau LibreOffice sebagai .xlsx."
        ),
        "too-large.file": (
            "Berkas berukuran {size} bita, melebihi batas {limit} bita: hapus gambar atau isi "
            "lain yang bukan bagian dari formulir."
        ),
        "too-large.inflated": (
            "Buku kerja ini membesar menjadi lebih dari {limit} bita saat dibuka (berkasnya "
            "{size} bita): ini tidak mungkin formulir laporan yang sudah diisi."
        ),
        "too-large.parts": (
            "Buku kerja ini memuat lebih dari {limit} bagian: ini tidak mungkin formulir "
            "laporan yang sudah diisi."
        ),
        "form-mismatch.missing": 'Lembar identitas formulir "{sheet}" tidak ada: {fix}.',
        "form-mismatch.field": (
            'Formulir ini dibuat untuk {field} "{got}", padahal yang diharapkan "{expected}": '
            "gunakan formulir yang dibuat untuk {field} ini."
        ),
        "form-mismatch.altered": (
            'Lembar identitas formulir telah diubah ({field} berisi "{got}"): {fix}.'
        ),
        "sheet-missing": (
            'Formulir tidak memiliki lembar bernama "{sheet}": jangan mengganti nama atau '
            "menghapus lembar."
        ),
        "row-altered": (
            'Sel terkunci ini seharusnya berisi "{expected}" tetapi berisi "{got}": baris aksi '
            "dan ukuran tidak boleh ditambah, dihapus, dipindah atau diubah; {fix}."
        ),
        "invalid-value.yes-no": (
            "Diharapkan {yes} atau {no} (juga Ya/Tidak, Yes/No, Y/N, TRUE/FALSE, 1/0) tetapi "
            'ditemukan "{got}": pilih dari daftar.'
        ),
        "invalid-value.kind": (
            'Diharapkan jenis data dukung dari daftar tetapi ditemukan "{got}": pilih salah '
            "satu dari {allowed}."
        ),
        "invalid-value.uri": (
            'Diharapkan tautan yang diawali http:// atau https:// tetapi ditemukan "{got}": '
            "tulis alamat web dokumen."
        ),
        "invalid-value.formula": (
            "Rumus ini tidak memiliki hasil tersimpan: ketik nilainya, atau buka berkas di "
            "Excel atau LibreOffice agar rumus dihitung, lalu simpan."
        ),
        "invalid-value.decision": (
            'Diharapkan {verified} atau {returned} tetapi ditemukan "{got}": pilih dari daftar.'
        ),
        "unknown-reference.measure": (
            'Diharapkan ID ukuran keberhasilan dari formulir ini tetapi ditemukan "{got}": '
            "pilih dari daftar."
        ),
        "missing-field.claimed": (
            "Ukuran ini sudah diisi sebagian tetapi kolom Tercapai? kosong: pilih {yes} atau {no}."
        ),
        "missing-field.decision": (
            "Keputusan verifikator kosong: pilih {verified} atau {returned}."
        ),
        "missing-field.measure": (
            "Baris data dukung ini tidak menyebut ukuran keberhasilan: pilih ID ukurannya dari "
            "daftar."
        ),
    },
}
"""Messages of the issues the form reader finds itself (keyed like :mod:`ranham.validation`)."""


class _Missing(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def message(key: str, params: Mapping[str, object], lang: Lang) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in (``fix`` always available)."""
    values = _Missing(params)
    values.setdefault("fix", _FIX_FORM[lang])
    return MESSAGES[lang][key].format_map(values)

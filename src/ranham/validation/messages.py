"""Issue messages in English and Indonesian.

Each message is one sentence: what was expected, what was found, and how to fix it. A message
key is an issue code, optionally with a variant after a dot (``invalid-value.enum``); both
catalogs hold exactly the same keys and the same placeholders: they are one
:class:`ranham.words.Catalog` (:data:`MESSAGES`), which checks it when it is built.

>>> from ranham.validation.messages import render
>>> render("missing-field", {"field": "title"}, "en")
'Required field "title" is missing: add it.'
>>> render("missing-field", {"field": "title"}, "id")
'Kolom wajib "title" tidak ada: tambahkan kolom tersebut.'
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from ranham.words import LANGS, Catalog, Lang, fill, placeholders

__all__ = [
    "EN",
    "EXPECTED",
    "ID",
    "LANGS",
    "MESSAGES",
    "PYTHON_TYPE",
    "TYPE_NAMES",
    "Lang",
    "missing_params",
    "placeholders",
    "render",
]

_EN: dict[str, str] = {
    # raw JSON
    "unreadable": "The file cannot be read ({reason}): check the path and its permissions.",
    "encoding.bom": "The file starts with a byte-order mark: save it as UTF-8 without BOM.",
    "encoding.utf8": (
        "The file is not valid UTF-8 (byte {offset} cannot be decoded): save it as UTF-8."
    ),
    "encoding.surrogate": (
        "A string holds a lone surrogate escape ({escape}), which is not a character: "
        "write the character itself or a complete surrogate pair."
    ),
    "json-syntax": "The JSON is not well formed: {detail}; correct the text at this position.",
    "too-large": (
        "The document is {size} bytes, more than the limit of {limit} bytes: split it "
        "(a JSON Lines archive holds one document per line) or raise the limit."
    ),
    "too-deep": (
        "Values are nested more than {limit} levels deep: flatten the structure "
        "(usually inside extensions)."
    ),
    "duplicate-key": 'The key "{key}" appears more than once in this object: keep only one.',
    "non-finite-number": (
        "{literal} is not a finite JSON number: write a number a double can hold, "
        "or leave the field out."
    ),
    "not-an-object": "A document must be a JSON object {{...}}, but this is {got_type}.",
    "unknown-kind": (
        'The document kind must be one of "catalog", "report", "dataset", "forum" '
        "(found {got}): set kind to the kind of this document."
    ),
    "unknown-kind.missing": (
        'The document has no "kind": add "kind" with one of "catalog", "report", "dataset", '
        '"forum".'
    ),
    "unknown-kind.expected": (
        "A {expected} document is needed here, but this document is a {got}: give the "
        "{expected} instead."
    ),
    "unknown-kind.not-catalog": (
        "A catalog is needed here, but this document is a {got}: give the catalog of the "
        "plan year instead."
    ),
    "unsupported-version": (
        'This reader supports schema_version "{supported}" and older minor versions of it '
        "(found {got}): write the document in version {supported} or update ranham."
    ),
    "unsupported-version.missing": (
        'The document has no "schema_version": add "schema_version": "{supported}".'
    ),
    "unsupported-version.malformed": (
        'The schema_version must be a string MAJOR.MINOR such as "{supported}" (found {got}): '
        'write "{supported}".'
    ),
    # structure
    "missing-field": 'Required field "{field}" is missing: add it.',
    "unknown-field": '"{field}" is not a field of this object: remove it.',
    "unknown-field.suggest": (
        '"{field}" is not a field of this object: rename it to "{suggestion}" if that was meant, '
        "or remove it."
    ),
    "wrong-type": '"{field}" must be {expected_type}, but it is {got_type}: change its type.',
    "wrong-type.key": (
        "An object key must be a string, but {got} is {got_type}: use a string as the key."
    ),
    "wrong-type.json": (
        '"{field}" holds {got_type}: use a JSON value (object, array, string, number, true, '
        "false or null)."
    ),
    "invalid-value.expected": '"{field}" must be {expected} (found {got}).',
    "invalid-value.blank": '"{field}" must not be empty or only white space: write the text.',
    "invalid-value.enum": '"{field}" must be one of {allowed} (found {got}).',
    "invalid-value.range": '"{field}" must be an integer from {low} to {high} (found {got}).',
    "invalid-value.min": '"{field}" must be an integer of at least {low} (found {got}).',
    "invalid-value.empty": '"{field}" must hold at least one item: add one.',
    "invalid-value.order": '"{field}" must list the period codes in month order (found {got}).',
    "invalid-value.timezone": (
        '"timezone" must be an IANA time zone name such as "Asia/Jakarta" (found {got}).'
    ),
    "invalid-value.before": (
        '"{field}" must not be before "{other}" ({other_value}) (found {got}): correct one of them.'
    ),
    "invalid-value.autonomous": (
        '"autonomous" may be false only for a kabupaten or kota, not for a {kind}: '
        "remove the field."
    ),
    "invalid-value.period": (
        '"{field}" must be a period YEAR-CODE such as "2022-B04", with CODE one of {allowed} '
        "(found {got})."
    ),
    "invalid-date.date": '"{field}" must be a date YYYY-MM-DD that exists (found {got}).',
    "invalid-date.timestamp": (
        '"{field}" must be an RFC 3339 timestamp such as "2022-12-01T09:30:00+07:00" (found {got}).'
    ),
    "naive-timestamp": (
        '"{field}" has no UTC offset (found {got}): add one, e.g. "+07:00" for WIB or "Z" for UTC.'
    ),
    # domain rules
    "code-kind-mismatch": (
        'The code {got} does not fit kind "{kind}", which needs {expected}: correct the code '
        "or the kind."
    ),
    "parent-mismatch.missing": (
        'A {kind} must name its province in "parent": add "parent": "{expected}".'
    ),
    "parent-mismatch.wrong": (
        '"parent" must be "{expected}", the first two digits of the code {code} (found {got}).'
    ),
    "parent-mismatch.forbidden": 'A {kind} has no "parent" (found {got}): remove the field.',
    "duplicate-id.value": (
        "{got} appears again; it was first used at {first}: each {field} must be unique."
    ),
    "duplicate-id.number": (
        "There is already a {tier} action number {got} (at {first}): renumber one of them."
    ),
    "duplicate-id.report": (
        "There is already a report of {institution} for {period} (at {first}): "
        "merge the two reports."
    ),
    "duplicate-id.item": '{got} is listed twice in "{field}": remove the repeat.',
    "duplicate-id.allegation": (
        "The allegation {got} of {institution} is already recorded (at {first}): record each "
        "case once."
    ),
    "unknown-reference.institution": (
        "No institution with code {got} is listed in the dataset: add it to institutions "
        "or correct the code."
    ),
    "unknown-reference.action": (
        "The catalog has no action {got}: use the id of an action of the catalog."
    ),
    "unknown-reference.measure": (
        "Action {action} has no measure {got}: use one of its measure ids."
    ),
    "unknown-reference.other-action": (
        "Measure {got} belongs to action {owner}, not to {action}: move it to the entry of {owner}."
    ),
    "period-mismatch.report": (
        "The period {got} is not one of the catalog's periods ({allowed}): report for a "
        "period of the catalog's year."
    ),
    "period-mismatch.measure": (
        "Measure {got} is a measure of {measure_period}, but this report is for {period}: "
        "report it in the {measure_period} report."
    ),
    "period-mismatch.plan": (
        "The period code {got} is not used by the plan ({allowed}): use one of the plan's periods."
    ),
    "year-outside-plan": (
        "The year {got} is outside the plan's years {start}–{end}: use a year of the plan."
    ),
    "target-group-not-in-plan": (
        "The target group {got} is not one of the plan's ({allowed}): use one of them."
    ),
    "missing-period-measures": (
        "The action has no success measure for {missing}: add at least one measure for each "
        "period of the plan."
    ),
    "window-invalid.missing": "There is no window for period {period}: add one.",
    "window-invalid.extra": (
        "There is a window for {period}, which is not a period of the plan ({allowed}): remove it."
    ),
    "window-invalid.reversed": (
        "The window of {period} closes ({closes}) before it opens ({opens}): swap or correct "
        "the dates."
    ),
    "window-invalid.overlap": (
        "The window of {period} opens on {opens}, but the window of {previous} closes on "
        "{previous_closes}: a window must open after the previous one closes."
    ),
    "window-invalid.early": (
        "The window of {period} opens on {opens}, before its period starts on {first_day}: "
        "open it on or after {first_day}."
    ),
    "responsible-invalid.missing": (
        'A kl action must list the ministries or agencies responsible for it in "responsible".'
    ),
    "responsible-invalid.regional": (
        "A {tier} action is assigned to every autonomous {tier} institution and lists no "
        '"responsible": remove the list.'
    ),
    "responsible-invalid.unlisted": (
        "{got} is not a ministry or agency listed in the dataset: list it as a kementerian or "
        "lembaga, or correct the code."
    ),
    "responsible-invalid.pattern": (
        "{got} is not the code of a ministry or agency (a lower-case slug such as "
        '"kemensos"; a province, regency or city is never responsible for a kl action): '
        "list only ministries and agencies."
    ),
    "not-assigned": (
        "Action {action} is not assigned to {institution}: report only actions assigned to "
        "this institution."
    ),
    "invalid-transition.step": (
        "A report cannot change from {before} to {after}; from {before} it can become {allowed}."
    ),
    "invalid-transition.final": (
        "A {before} report is final and cannot become {after}: remove this change."
    ),
    "invalid-transition.status": (
        '"status" must be {expected}, the status of the last change in history (found {got}).'
    ),
    "history-order": (
        "This change is dated {got}, before the change before it ({previous}): list the "
        "changes in time order."
    ),
    "assessment-missing": (
        'A verified report needs the verifier\'s assessment of measure {measure}: add "assessment".'
    ),
    "assessment-unexpected": (
        "A {status} report carries no assessment yet (only verified or returned reports do): "
        "remove it."
    ),
    "declared-exceeded": (
        "{count} recommendations are listed for {addressee}, but only {declared} were "
        "declared: correct the declared count or the list."
    ),
    "follow-up-order.previous": (
        "This follow-up is dated {got}, before the follow-up before it ({previous}): list "
        "follow-ups in date order."
    ),
    "follow-up-order.start": (
        "This follow-up is dated {got}, before the forum started ({start}): correct the date."
    ),
    "late-submission": (
        "The report for {period} was first submitted on {local_date}, after its window closed "
        "on {closes}."
    ),
    "early-submission": (
        "The report for {period} was first submitted on {local_date}, before its window "
        "opened on {opens}."
    ),
    "recommendations-incomplete": (
        "{count} of the {declared} recommendations declared for {addressee} are listed: add "
        "the missing ones when their text is known."
    ),
    "incomplete-report": (
        "This report lists {listed} of the {expected} measures its institution owes for "
        "{period}, so {missing} are missing (first: {first}) and score as not met: add an "
        "entry for each, with claimed false if it was not done."
    ),
    "inexact-number": (
        "The number {literal} cannot be kept exactly (it would be read back as {kept}): "
        "write it as a string to keep every digit."
    ),
    "too-many-issues": (
        "{omitted} more issues were found but not listed (the limit is {limit} per document): "
        "fix the ones listed and validate again, or raise the limit."
    ),
    "internal": (
        "The validator failed on this file ({exception}: {detail}), a defect of ranham and "
        "not of the file: please report it to the ranham developers with the file."
    ),
    "region-unknown": "The region code {code} is not in the {edition} edition of the region table.",
    "region-name-mismatch": (
        "The {edition} region table names {code} {expected}, not {got}: check the name."
    ),
    "region-parent-mismatch": (
        "In the {edition} region table, {code} belongs to province {expected}, not {got}."
    ),
    "region-autonomous-mismatch": (
        "In the {edition} region table, {code} is {expected}, but the dataset says {got}."
    ),
}

_ID: dict[str, str] = {
    # raw JSON
    "unreadable": "Berkas tidak dapat dibaca ({reason}): periksa path dan izin aksesnya.",
    "encoding.bom": "Berkas diawali byte-order mark: simpan sebagai UTF-8 tanpa BOM.",
    "encoding.utf8": (
        "Berkas bukan UTF-8 yang sah (byte {offset} tidak dapat dibaca): simpan sebagai UTF-8."
    ),
    "encoding.surrogate": (
        "Sebuah teks memuat escape surrogate tunggal ({escape}) yang bukan karakter: tulis "
        "karakternya langsung atau pasangan surrogate yang lengkap."
    ),
    "json-syntax": "JSON tidak tersusun dengan benar: {detail}; perbaiki teks pada posisi ini.",
    "too-large": (
        "Dokumen berukuran {size} byte, melebihi batas {limit} byte: pecah dokumen "
        "(arsip JSON Lines memuat satu dokumen per baris) atau naikkan batasnya."
    ),
    "too-deep": (
        "Nilai bersarang lebih dari {limit} tingkat: sederhanakan strukturnya "
        "(biasanya di dalam extensions)."
    ),
    "duplicate-key": 'Kunci "{key}" muncul lebih dari sekali dalam objek ini: sisakan satu saja.',
    "non-finite-number": (
        "{literal} bukan bilangan JSON yang terhingga: tulis bilangan yang dapat disimpan "
        "sebagai double, atau hapus kolomnya."
    ),
    "not-an-object": "Dokumen harus berupa objek JSON {{...}}, tetapi ini adalah {got_type}.",
    "unknown-kind": (
        'Jenis dokumen (kind) harus salah satu dari "catalog", "report", "dataset", "forum" '
        "(ditemukan {got}): isi kind dengan jenis dokumen ini."
    ),
    "unknown-kind.missing": (
        'Dokumen tidak memiliki "kind": tambahkan "kind" dengan salah satu dari "catalog", '
        '"report", "dataset", "forum".'
    ),
    "unknown-kind.expected": (
        "Di sini diperlukan dokumen {expected}, tetapi dokumen ini adalah {got}: berikan "
        "dokumen {expected}."
    ),
    "unknown-kind.not-catalog": (
        "Di sini diperlukan katalog, tetapi dokumen ini berjenis {got}: berikan katalog tahun "
        "rencana tersebut."
    ),
    "unsupported-version": (
        'Pembaca ini mendukung schema_version "{supported}" dan versi minor sebelumnya '
        "(ditemukan {got}): tulis dokumen dalam versi {supported} atau perbarui ranham."
    ),
    "unsupported-version.missing": (
        'Dokumen tidak memiliki "schema_version": tambahkan "schema_version": "{supported}".'
    ),
    "unsupported-version.malformed": (
        'Nilai schema_version harus berupa teks MAYOR.MINOR seperti "{supported}" '
        '(ditemukan {got}): tulis "{supported}".'
    ),
    # structure
    "missing-field": 'Kolom wajib "{field}" tidak ada: tambahkan kolom tersebut.',
    "unknown-field": '"{field}" bukan kolom dari objek ini: hapus kolom tersebut.',
    "unknown-field.suggest": (
        '"{field}" bukan kolom dari objek ini: ganti namanya menjadi "{suggestion}" bila itu '
        "yang dimaksud, atau hapus kolom tersebut."
    ),
    "wrong-type": '"{field}" harus berupa {expected_type}, tetapi berupa {got_type}: ubah tipenya.',
    "wrong-type.key": (
        "Kunci objek harus berupa teks, tetapi {got} berupa {got_type}: gunakan teks sebagai kunci."
    ),
    "wrong-type.json": (
        '"{field}" berisi {got_type}: gunakan nilai JSON (objek, larik, teks, bilangan, true, '
        "false atau null)."
    ),
    "invalid-value.expected": '"{field}" harus berupa {expected} (ditemukan {got}).',
    "invalid-value.blank": '"{field}" tidak boleh kosong atau hanya spasi: isi teksnya.',
    "invalid-value.enum": '"{field}" harus salah satu dari {allowed} (ditemukan {got}).',
    "invalid-value.range": (
        '"{field}" harus bilangan bulat dari {low} sampai {high} (ditemukan {got}).'
    ),
    "invalid-value.min": '"{field}" harus bilangan bulat paling sedikit {low} (ditemukan {got}).',
    "invalid-value.empty": '"{field}" harus memuat paling sedikit satu butir: tambahkan satu.',
    "invalid-value.order": (
        '"{field}" harus mencantumkan kode periode menurut urutan bulan (ditemukan {got}).'
    ),
    "invalid-value.timezone": (
        '"timezone" harus nama zona waktu IANA seperti "Asia/Jakarta" (ditemukan {got}).'
    ),
    "invalid-value.before": (
        '"{field}" tidak boleh sebelum "{other}" ({other_value}) (ditemukan {got}): '
        "perbaiki salah satunya."
    ),
    "invalid-value.autonomous": (
        '"autonomous" hanya boleh false untuk kabupaten atau kota, bukan untuk {kind}: '
        "hapus kolom tersebut."
    ),
    "invalid-value.period": (
        '"{field}" harus berupa periode TAHUN-KODE seperti "2022-B04", dengan KODE salah satu '
        "dari {allowed} (ditemukan {got})."
    ),
    "invalid-date.date": (
        '"{field}" harus tanggal YYYY-MM-DD yang benar-benar ada (ditemukan {got}).'
    ),
    "invalid-date.timestamp": (
        '"{field}" harus stempel waktu RFC 3339 seperti "2022-12-01T09:30:00+07:00" '
        "(ditemukan {got})."
    ),
    "naive-timestamp": (
        '"{field}" tidak memiliki selisih UTC (ditemukan {got}): tambahkan, misalnya "+07:00" '
        'untuk WIB atau "Z" untuk UTC.'
    ),
    # domain rules
    "code-kind-mismatch": (
        'Kode {got} tidak sesuai dengan jenis "{kind}", yang memerlukan {expected}: perbaiki '
        "kode atau jenisnya."
    ),
    "parent-mismatch.missing": (
        '{kind} harus menyebut provinsinya di "parent": tambahkan "parent": "{expected}".'
    ),
    "parent-mismatch.wrong": (
        '"parent" harus "{expected}", dua angka pertama dari kode {code} (ditemukan {got}).'
    ),
    "parent-mismatch.forbidden": (
        '{kind} tidak memiliki "parent" (ditemukan {got}): hapus kolomnya.'
    ),
    "duplicate-id.value": (
        "{got} muncul lagi; pertama kali dipakai di {first}: setiap {field} harus unik."
    ),
    "duplicate-id.number": (
        "Sudah ada aksi {tier} nomor {got} (di {first}): beri nomor lain pada salah satunya."
    ),
    "duplicate-id.report": (
        "Sudah ada laporan {institution} untuk {period} (di {first}): gabungkan kedua laporan."
    ),
    "duplicate-id.item": '{got} tercantum dua kali di "{field}": hapus yang berulang.',
    "duplicate-id.allegation": (
        "Dugaan pelanggaran {got} atas {institution} sudah tercatat (di {first}): catat setiap "
        "kasus sekali saja."
    ),
    "unknown-reference.institution": (
        "Tidak ada instansi berkode {got} dalam dataset: tambahkan ke institutions atau "
        "perbaiki kodenya."
    ),
    "unknown-reference.action": (
        "Katalog tidak memiliki aksi {got}: gunakan id aksi yang ada di katalog."
    ),
    "unknown-reference.measure": (
        "Aksi {action} tidak memiliki ukuran keberhasilan {got}: gunakan salah satu id ukurannya."
    ),
    "unknown-reference.other-action": (
        "Ukuran {got} milik aksi {owner}, bukan {action}: pindahkan ke entri aksi {owner}."
    ),
    "period-mismatch.report": (
        "Periode {got} bukan periode katalog ({allowed}): laporkan untuk periode pada tahun "
        "katalog."
    ),
    "period-mismatch.measure": (
        "Ukuran {got} adalah ukuran periode {measure_period}, tetapi laporan ini untuk "
        "{period}: laporkan dalam laporan {measure_period}."
    ),
    "period-mismatch.plan": (
        "Kode periode {got} tidak dipakai oleh rencana aksi ({allowed}): gunakan salah satu "
        "periode rencana."
    ),
    "year-outside-plan": (
        "Tahun {got} berada di luar tahun rencana aksi {start}–{end}: gunakan tahun dalam rencana."
    ),
    "target-group-not-in-plan": (
        "Kelompok sasaran {got} bukan kelompok sasaran rencana aksi ({allowed}): gunakan salah "
        "satunya."
    ),
    "missing-period-measures": (
        "Aksi ini tidak memiliki ukuran keberhasilan untuk {missing}: tambahkan paling sedikit "
        "satu ukuran untuk setiap periode rencana."
    ),
    "window-invalid.missing": "Tidak ada jadwal pelaporan untuk periode {period}: tambahkan.",
    "window-invalid.extra": (
        "Ada jadwal pelaporan untuk {period}, yang bukan periode rencana aksi ({allowed}): "
        "hapus jadwal itu."
    ),
    "window-invalid.reversed": (
        "Jadwal pelaporan {period} ditutup ({closes}) sebelum dibuka ({opens}): tukar atau "
        "perbaiki tanggalnya."
    ),
    "window-invalid.overlap": (
        "Jadwal pelaporan {period} dibuka pada {opens}, tetapi jadwal {previous} baru ditutup "
        "pada {previous_closes}: jadwal harus dibuka setelah jadwal sebelumnya ditutup."
    ),
    "window-invalid.early": (
        "Jadwal pelaporan {period} dibuka pada {opens}, sebelum periodenya dimulai pada "
        "{first_day}: buka pada atau setelah {first_day}."
    ),
    "responsible-invalid.missing": (
        'Aksi kl harus mencantumkan kementerian atau lembaga penanggung jawab di "responsible".'
    ),
    "responsible-invalid.regional": (
        "Aksi {tier} diberikan kepada setiap instansi {tier} yang otonom dan tidak "
        'mencantumkan "responsible": hapus daftar itu.'
    ),
    "responsible-invalid.unlisted": (
        "{got} bukan kementerian atau lembaga yang terdaftar dalam dataset: daftarkan sebagai "
        "kementerian atau lembaga, atau perbaiki kodenya."
    ),
    "responsible-invalid.pattern": (
        "{got} bukan kode kementerian atau lembaga (slug huruf kecil seperti "
        '"kemensos"; provinsi, kabupaten atau kota tidak pernah menjadi penanggung jawab aksi '
        "kl): cantumkan hanya kementerian dan lembaga."
    ),
    "not-assigned": (
        "Aksi {action} tidak ditugaskan kepada {institution}: laporkan hanya aksi yang "
        "ditugaskan kepada instansi ini."
    ),
    "invalid-transition.step": (
        "Status laporan tidak dapat berubah dari {before} menjadi {after}; dari {before} "
        "laporan dapat menjadi {allowed}."
    ),
    "invalid-transition.final": (
        "Laporan berstatus {before} sudah final dan tidak dapat menjadi {after}: hapus "
        "perubahan ini."
    ),
    "invalid-transition.status": (
        '"status" harus {expected}, yaitu status perubahan terakhir dalam history '
        "(ditemukan {got})."
    ),
    "history-order": (
        "Perubahan ini bertanggal {got}, sebelum perubahan sebelumnya ({previous}): urutkan "
        "perubahan menurut waktu."
    ),
    "assessment-missing": (
        "Laporan terverifikasi memerlukan penilaian verifikator atas ukuran {measure}: tambahkan "
        '"assessment".'
    ),
    "assessment-unexpected": (
        "Laporan berstatus {status} belum boleh memuat penilaian (hanya laporan verified atau "
        "returned): hapus penilaian itu."
    ),
    "declared-exceeded": (
        "Tercantum {count} rekomendasi untuk {addressee}, padahal hanya {declared} yang "
        "dinyatakan: perbaiki jumlah yang dinyatakan atau daftarnya."
    ),
    "follow-up-order.previous": (
        "Tindak lanjut ini bertanggal {got}, sebelum tindak lanjut sebelumnya ({previous}): "
        "urutkan tindak lanjut menurut tanggal."
    ),
    "follow-up-order.start": (
        "Tindak lanjut ini bertanggal {got}, sebelum forum dimulai ({start}): perbaiki tanggalnya."
    ),
    "late-submission": (
        "Laporan {period} pertama kali dikirim pada {local_date}, setelah jadwal pelaporannya "
        "ditutup pada {closes}."
    ),
    "early-submission": (
        "Laporan {period} pertama kali dikirim pada {local_date}, sebelum jadwal pelaporannya "
        "dibuka pada {opens}."
    ),
    "recommendations-incomplete": (
        "Baru {count} dari {declared} rekomendasi yang dinyatakan untuk {addressee} yang "
        "tercantum: tambahkan sisanya bila teksnya diketahui."
    ),
    "incomplete-report": (
        "Laporan ini mencantumkan {listed} dari {expected} ukuran keberhasilan yang wajib "
        "dilaporkan instansinya untuk {period}, jadi {missing} tidak ada (yang pertama: {first}) "
        "dan dihitung tidak tercapai: tambahkan entri untuk masing-masing, dengan claimed false "
        "bila tidak dilaksanakan."
    ),
    "inexact-number": (
        "Angka {literal} tidak dapat disimpan dengan tepat (akan terbaca sebagai {kept}): "
        "tulis sebagai teks (string) agar semua digitnya tersimpan."
    ),
    "too-many-issues": (
        "Masih ada {omitted} masalah lain yang tidak dicantumkan (batasnya {limit} per dokumen): "
        "perbaiki yang tercantum lalu validasi lagi, atau naikkan batasnya."
    ),
    "internal": (
        "Validator gagal saat memeriksa berkas ini ({exception}: {detail}), suatu cacat pada "
        "ranham dan bukan pada berkas: laporkan kepada pengembang ranham bersama berkasnya."
    ),
    "region-unknown": "Kode wilayah {code} tidak ada dalam tabel wilayah edisi {edition}.",
    "region-name-mismatch": (
        "Tabel wilayah edisi {edition} menamai {code} {expected}, bukan {got}: periksa namanya."
    ),
    "region-parent-mismatch": (
        "Dalam tabel wilayah edisi {edition}, {code} termasuk provinsi {expected}, bukan {got}."
    ),
    "region-autonomous-mismatch": (
        "Dalam tabel wilayah edisi {edition}, {code} berstatus {expected}, tetapi dataset "
        "menyebut {got}."
    ),
}

_EXPECTED = Catalog(
    "expected patterns",
    en={
        "slug": "a slug (lower-case letters, digits, '.', '_' or '-', at most 128 characters)",
        "agency-code": 'a ministry or agency code, a lower-case slug such as "kemensos"',
        "province-code": 'a two-digit province code such as "32"',
        "regency-code": 'a regency code PP.KK with KK from 01 to 69, such as "32.16"',
        "city-code": 'a city code PP.KK with KK from 71 to 99, such as "33.73"',
        "institution-code": (
            'an institution code: a ministry/agency slug ("kemensos"), a province ("32"), '
            'a regency ("32.16") or a city ("33.73")'
        ),
        "http-url": 'an absolute http or https URL such as "https://example.org/doc/1"',
        "ruleset-id": 'a rule-set id PLAN/NAME such as "ranham-2021-2025/default"',
        "link": (
            'a link TYPE:ID ("action:…", "ruleset:PLAN/NAME", "url:https://…" or "document:…")'
        ),
        "timezone": 'an IANA time zone name such as "Asia/Jakarta"',
    },
    id={
        "slug": "slug (huruf kecil, angka, '.', '_' atau '-', paling banyak 128 karakter)",
        "agency-code": 'kode kementerian atau lembaga berupa slug huruf kecil seperti "kemensos"',
        "province-code": 'kode provinsi dua angka seperti "32"',
        "regency-code": 'kode kabupaten PP.KK dengan KK dari 01 sampai 69, seperti "32.16"',
        "city-code": 'kode kota PP.KK dengan KK dari 71 sampai 99, seperti "33.73"',
        "institution-code": (
            'kode instansi: slug kementerian/lembaga ("kemensos"), provinsi ("32"), '
            'kabupaten ("32.16") atau kota ("33.73")'
        ),
        "http-url": 'URL http atau https yang lengkap seperti "https://example.org/doc/1"',
        "ruleset-id": 'id aturan RENCANA/NAMA seperti "ranham-2021-2025/default"',
        "link": (
            'tautan JENIS:ID ("action:…", "ruleset:RENCANA/NAMA", "url:https://…" atau '
            '"document:…")'
        ),
        "timezone": 'nama zona waktu IANA seperti "Asia/Jakarta"',
    },
)
EXPECTED: Mapping[str, Mapping[str, str]] = {lang: _EXPECTED.templates(lang) for lang in LANGS}
"""What a pattern accepts, by language and pattern name
(:attr:`ranham.model._checks.Pattern.name`)."""

_TYPE_NAMES = Catalog(
    "JSON type names",
    en={
        "string": "a string",
        "integer": "an integer",
        "boolean": "true or false",
        "object": "an object",
        "array": "an array",
        "null": "null",
        "number": "a number with a fraction",
    },
    id={
        "string": "teks (string)",
        "integer": "bilangan bulat",
        "boolean": "true atau false",
        "object": "objek",
        "array": "larik (array)",
        "null": "null",
        "number": "bilangan pecahan",
    },
)
TYPE_NAMES: Mapping[str, Mapping[str, str]] = {lang: _TYPE_NAMES.templates(lang) for lang in LANGS}
"""JSON type names, by language, as they appear in ``wrong-type`` and ``not-an-object``
messages."""

_PYTHON_TYPE = Catalog(
    "Python types",
    en={"python": "a Python {name}, which is not JSON"},
    id={"python": "{name} Python, yang bukan JSON"},
)
PYTHON_TYPE: Mapping[str, str] = {lang: _PYTHON_TYPE.template("python", lang) for lang in LANGS}
"""How a value that is not JSON (``python:NAME``, in an already-parsed document) is named."""

MESSAGES = Catalog("validation messages", en=_EN, id=_ID)
"""Every issue message, by key, in English and Indonesian."""

EN: Mapping[str, str] = MESSAGES.en
"""The English messages by key (read-only)."""

ID: Mapping[str, str] = MESSAGES.id
"""The Indonesian messages by key (read-only)."""


def render(key: str, params: Mapping[str, object], lang: Lang = "en") -> str:
    """The message ``key`` in ``lang``, with ``params`` filled in.

    A key ``CODE.VARIANT`` without a message of its own falls back to the message of ``CODE``.
    Parameters that name a JSON type (``expected_type``, ``got_type``) or a pattern
    (``expected`` when it is a pattern name) are translated too, and a parameter ``NAME_id``
    stands for ``NAME`` in Indonesian (``detail_id`` for a JSON syntax error's ``detail``).
    A placeholder without a parameter stays visible (messages never fail).
    """
    catalog = MESSAGES.templates(lang)
    template = catalog.get(key) or catalog[key.partition(".")[0]]
    values = dict(params)
    for name in [n for n in values if n.endswith(f"_{lang}")]:
        values[name.removesuffix(f"_{lang}")] = values[name]
    for name in ("expected_type", "got_type"):
        if name in values:
            raw = str(values[name])
            if raw.startswith("python:"):
                values[name] = _PYTHON_TYPE.render(
                    "python", {"name": raw.removeprefix("python:")}, lang
                )
            else:
                values[name] = _TYPE_NAMES.templates(lang).get(raw, raw)
    expected = values.get("expected")
    if isinstance(expected, str) and expected in _EXPECTED:
        values["expected"] = _EXPECTED.template(expected, lang)
    return fill(template, values)


@lru_cache(maxsize=512)
def _needed(key: str, lang: Lang) -> frozenset[str]:
    catalog = MESSAGES.templates(lang)
    template = catalog.get(key) or catalog.get(key.partition(".")[0])
    if template is None:
        return frozenset({"<no message with this key>"})
    return placeholders(template)


def missing_params(key: str, params: Mapping[str, object]) -> frozenset[str]:
    """The parameters that message ``key`` names in some language but ``params`` lacks.

    A parameter ``NAME_id`` stands for ``NAME`` in Indonesian (see :func:`render`).

    >>> sorted(missing_params("missing-field", {})), missing_params("missing-field", {"field": 1})
    (['field'], frozenset())
    """
    missing: set[str] = set()
    for lang in LANGS:
        for name in _needed(key, lang):
            if name not in params and f"{name}_{lang}" not in params:
                missing.add(name)
    return frozenset(missing)

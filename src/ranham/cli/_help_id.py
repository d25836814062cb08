"""The ``--help`` texts in Bahasa Indonesia (``--lang id``, or ``RANHAM_LANG=id``).

Keys are option destinations (``max_size``), shared by every command that has the option, or
``(command, destination)`` where one command says something else. A command or option without
an entry here keeps its English text.
"""

from __future__ import annotations

from ranham.validation import DEFAULT_MAX_SIZE

__all__ = ["ARGPARSE", "DESCRIPTION", "EPILOG", "HELP", "METAVARS", "SUMMARY", "WORDS"]

DESCRIPTION = "Dokumen, skor dan aturan insentif RANHAM (Perpres 53/2021)."
EPILOG = (
    "Status keluar: 0 baik, 1 ada masalah pada masukan, 2 tidak dapat berjalan sesuai permintaan."
)

WORDS = {
    "usage": "penggunaan: ",
    "positionals": "argumen posisi",
    "options": "opsi",
    "help": "tampilkan bantuan ini lalu keluar",
    "version": "tampilkan versi program lalu keluar",
    "command": "PERINTAH",
}

SUMMARY = {
    "validate": "periksa dokumen terhadap format, semua masalah sekaligus",
    "schema": "cetak JSON Schema suatu jenis dokumen",
    "score": "skor capaian suatu dataset, dari ukuran sampai nasional",
    "explain": "jelaskan satu skor atau keputusan, sampai ke ukurannya",
    "eligibility": "kelayakan dan peringkat insentif per tingkat",
    "check": "jalankan kasus uji pakar atas aturan (TOML)",
    "recommendations": "status, keterlambatan dan cakupan rekomendasi forum",
    "example": "tulis contoh dokumen dari setiap jenis",
    "demo": "jalankan seluruh rantai pada contoh nasional yang dibangkitkan",
    "trend": "capaian beberapa tahun satu rencana: per tahun, selama rencana, dan perubahannya",
    "ruleset": "tampilkan, bandingkan atau periksa aturan penilaian (TOML)",
}

_DEPTH = "tampilkan penjelasan sedalam N tingkat (bawaan: sampai ke ukuran)"

HELP: dict[str | tuple[str, str], str] = {
    "lang": "bahasa pesan dan tabel: id (Bahasa Indonesia) atau en (bawaan: $RANHAM_LANG, "
    "lalu dari locale, lalu en)",
    "dataset": "dokumen dataset (.json)",
    "ruleset": "id aturan bawaan seperti ranham-2021-2025/default, atau path berakhiran .toml "
    "(bawaan: aturan bawaan rencana aksi dataset)",
    "depth": _DEPTH,
    "code": "tampilkan hanya instansi ini dalam tabel (ulangi untuk lebih), mis. --code 32.16",
    "province": "tampilkan hanya provinsi ini beserta kabupaten/kotanya dalam tabel, "
    "mis. --province 32",
    "sort": "urutan instansi dalam tiap tingkat: code (bawaan, menurut kode) atau score, nilai "
    "tahunan tertinggi lebih dulu",
    "wide": "jangan pernah memendekkan nama; bawaannya tabel menyesuaikan lebar terminal "
    "($COLUMNS), nama dipendekkan dengan '…' (keluaran ke berkas atau pipa tidak dipendekkan)",
    "tier": "tampilkan satu tingkat saja dalam tabel (peringkat dan angka tidak berubah)",
    ("validate", "paths"): "berkas (.json, .jsonl, formulir .xlsx) atau direktori yang ditelusuri",
    ("score", "out"): "buku kerja yang ditulis (--format xlsx)",
    ("eligibility", "out"): "buku kerja yang ditulis (--format xlsx)",
    ("trend", "out"): "buku kerja yang ditulis (--format xlsx)",
    ("demo", "sheets"): "tulis juga buku kerja skor nasional dan satu formulir laporan terisi "
    "(.xlsx) di direktori ini",
    ("eligibility", "previous"): "dataset tahun-tahun sebelumnya dari rencana yang sama, untuk "
    "kriteria yang melihat ke belakang (previous-year-score, consistent-reporting); tahun yang "
    "tidak ada disebutkan, kode keluar 2",
    ("check", "max_size"): "ukuran terbesar berkas kasus yang dibaca, dalam bita (bawaan: "
    "16777216)",
    ("example", "years"): "tulis juga deret nasional, satu dataset per tahun, mis. 2021-2025; "
    "tahun --year di dalamnya adalah national-dataset.json, tahun lain bergeser sedikit darinya",
    ("demo", "years"): "tahun-tahun tren penutup (bawaan 2021-2025)",
    ("trend", "datasets"): "dokumen dataset (.json) dari satu rencana, satu per tahun, dalam "
    "urutan apa saja",
    ("trend", "format"): "format keluaran (bawaan: table)",
    ("trend", "explain"): "jelaskan satu besaran lintas tahun, mis. 'S(32.16,PLAN)', "
    "'change(2023)', 'T(kl,2022)' atau nama besaran satu tahun yang memuat periode",
    ("validate", "catalog"): "periksa laporan terhadap katalog atau dataset ini",
    ("validate", "format"): "format keluaran (bawaan: text); json menulis 'files' lebih dulu, "
    "lalu 'valid' dan 'summary', agar dapat dialirkan",
    ("validate", "max_size"): "batas ukuran satu dokumen atau satu baris JSON Lines, dari 1 "
    f"sampai 1099511627776 bita (bawaan: {DEFAULT_MAX_SIZE})",
    ("validate", "max_issues"): "jumlah masalah yang dicantumkan per dokumen sebelum "
    "pemberitahuan too-many-issues, dari 1 sampai 1000000 (bawaan: 1000); semua masalah tetap "
    "dihitung",
    ("validate", "regions"): "periksa juga instansi setiap dataset terhadap edisi tabel wilayah "
    "Kemendagri ini (2022 atau 2025), sebagai peringatan region-*",
    ("schema", "kind"): "salah satu dari: catalog, report, dataset, forum",
    ("score", "period"): "tampilkan satu periode saja, mis. 2022-B04",
    ("score", "by"): "'action' menambahkan aksi setiap instansi (skornya dan tercapai atau tidak)",
    ("score", "format"): "format keluaran (bawaan: table)",
    ("score", "explain"): "jelaskan satu besaran saja, mis. 'S(32.16,2022-B04)' (lihat "
    "ranham explain)",
    ("explain", "quantity"): "besaran yang dijelaskan, mis. 'S(32.16,2022-B04)', 'S(32.16)', "
    "'N', 'eligible(32.16)' (beri tanda kutip di shell); bentuknya tercantum di --lang en --help",
    ("explain", "format"): "format keluaran (bawaan: text)",
    ("eligibility", "format"): "format keluaran (bawaan: table)",
    ("eligibility", "tier"): "tampilkan satu tingkat saja (peringkat tidak berubah)",
    ("eligibility", "explain"): "jelaskan keputusan dan peringkat satu instansi, sampai ke "
    "laporan, ukuran dan dugaan pelanggarannya (mis. 32.16)",
    ("check", "cases"): "berkas kasus (.toml), atau direktori yang berkas *.toml-nya adalah kasus",
    ("check", "format"): "format keluaran (bawaan: text)",
    ("check", "depth"): "sedalam apa ketidakcocokan dijelaskan (bawaan: 4 tingkat)",
    ("recommendations", "forums"): "dokumen forum (.json), atau nama forum bawaan: bekasi-2022",
    ("recommendations", "as_of"): "nilai keterlambatan pada tanggal ini, YYYY-MM-DD (bawaan: "
    "hari ini di Asia/Jakarta)",
    ("recommendations", "format"): "format keluaran (bawaan: table)",
    ("example", "out"): "direktori tujuan penulisan",
    ("example", "year"): "tahun rencana aksi, 2021 sampai 2025 (bawaan: 2022)",
    ("example", "seed"): "benih capaian sintetis (bawaan: 1, benih ranham demo)",
    ("example", "scale"): "ukuran contoh nasional: 1 ukuran sebenarnya, di bawah 1 lebih kecil, "
    "di atas 1 lebih besar dengan instansi sintetis (bawaan: 1)",
    ("demo", "year"): "tahun rencana aksi, 2021-2025 (bawaan 2022)",
    ("demo", "seed"): "benih contoh (bawaan 1)",
    ("demo", "scale"): "ukuran relatif terhadap satu tahun nasional (bawaan 1)",
    ("demo", "top"): "jumlah instansi layak yang ditampilkan per tingkat (bawaan 3)",
    ("demo", "explain"): "instansi yang keputusannya dijelaskan (bawaan 32.16, Kabupaten Bekasi)",
}

ARGPARSE = {
    "usage: ": "penggunaan: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "the following arguments are required: %s": "argumen berikut wajib diberikan: %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diberikan",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ignored explicit argument %r": "argumen eksplisit %r diabaikan",
    "expected one argument": "diharapkan satu argumen",
    "expected at most one argument": "diharapkan paling banyak satu argumen",
    "expected at least one argument": "diharapkan paling sedikit satu argumen",
    "expected %s argument": "diharapkan %s argumen",
    "expected %s arguments": "diharapkan %s argumen",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opsi ambigu: %(option)s dapat berarti %(matches)s"
    ),
    "unexpected option string: %s": "opsi tak terduga: %s",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
}
"""argparse's own words (its gettext message ids, Python 3.11 to 3.13) in Indonesian."""

METAVARS = {
    "COMMAND": "PERINTAH",
    "ACTION": "TINDAKAN",
    "FILE": "BERKAS",
    "PATH": "PATH",
    "DIR": "DIREKTORI",
    "CODE": "KODE",
    "QUANTITY": "BESARAN",
    "PERIOD": "PERIODE",
    "DATE": "TANGGAL",
    "BYTES": "BITA",
    "EDITION": "EDISI",
    "TIMESTAMP": "STEMPEL_WAKTU",
    "KIND": "JENIS",
    "CASES": "KASUS",
    "FORM.xlsx": "FORMULIR.xlsx",
    "CATALOG_OR_DATASET": "KATALOG_ATAU_DATASET",
    "FIRST-LAST": "AWAL-AKHIR",
    "ID|PATH": "ID|PATH",
    "FILE|DIR": "BERKAS|DIREKTORI",
    "SCALE": "SKALA",
    "SEED": "BENIH",
    "TOP": "TERATAS",
    "YEAR": "TAHUN",
    "YEAR-CODE": "TAHUN-KODE",
}
"""Placeholders of ``--help`` in Indonesian; one not here keeps its name (``N``, ``DATASET``)."""

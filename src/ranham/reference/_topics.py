"""Synthetic action topics and success-measure templates for the example generator.

No Aksi HAM matrix is public except the 2025 regency/city Aksi 1, so the generator builds
plausible actions from these topics. Every text here is **synthetic**: written for the example,
in the style of the published matrices (a title, an intended result, success criteria, and
success measures per period: planning in B04, implementation in B08, evaluation in B12).
"""

from __future__ import annotations

import attrs

from ranham.model import EvidenceKind, TargetGroup

__all__ = ["MEASURE_TEMPLATES", "TOPICS", "MeasureTemplate", "Topic", "evidence_kind_of"]


@attrs.frozen
class Topic:
    """What an action is about; ``activity`` and ``beneficiaries`` fill the measure templates."""

    group: TargetGroup
    title: str
    intended_result: str
    success_criteria: str
    activity: str
    beneficiaries: str


@attrs.frozen
class MeasureTemplate:
    """A success measure of one period, with the evidence that usually supports it."""

    text: str
    evidence: EvidenceKind


_W = TargetGroup.WOMEN
_C = TargetGroup.CHILDREN
_D = TargetGroup.PERSONS_WITH_DISABILITIES
_I = TargetGroup.INDIGENOUS_COMMUNITIES

TOPICS: tuple[Topic, ...] = (
    Topic(
        _W,
        "Memberikan bantuan usaha bagi perempuan kepala keluarga",
        "Meningkatnya akses perempuan kepala keluarga di bidang usaha",
        "Perempuan kepala keluarga menerima bantuan usaha",
        "pemberian bantuan usaha bagi perempuan kepala keluarga",
        "perempuan kepala keluarga",
    ),
    Topic(
        _W,
        "Meningkatkan layanan pengaduan dan pendampingan bagi perempuan korban kekerasan",
        "Meningkatnya akses perempuan korban kekerasan terhadap layanan pengaduan",
        "Perempuan korban kekerasan memperoleh pendampingan",
        "layanan pendampingan bagi perempuan korban kekerasan",
        "perempuan korban kekerasan",
    ),
    Topic(
        _W,
        "Meningkatkan keterlibatan perempuan dalam musyawarah perencanaan pembangunan",
        "Meningkatnya partisipasi perempuan dalam perencanaan pembangunan daerah",
        "Usulan kelompok perempuan dibahas dalam musyawarah perencanaan pembangunan",
        "pelibatan kelompok perempuan dalam musyawarah perencanaan pembangunan",
        "kelompok perempuan",
    ),
    Topic(
        _W,
        "Menyediakan layanan kesehatan reproduksi bagi perempuan di daerah terpencil",
        "Meningkatnya akses perempuan di daerah terpencil terhadap layanan kesehatan reproduksi",
        "Perempuan di daerah terpencil menerima layanan kesehatan reproduksi",
        "layanan kesehatan reproduksi keliling",
        "perempuan di daerah terpencil",
    ),
    Topic(
        _W,
        "Memberikan pelatihan keterampilan kerja bagi perempuan pekerja migran purna",
        "Meningkatnya kemandirian ekonomi perempuan pekerja migran purna",
        "Perempuan pekerja migran purna mengikuti pelatihan keterampilan kerja",
        "pelatihan keterampilan kerja bagi perempuan pekerja migran purna",
        "perempuan pekerja migran purna",
    ),
    Topic(
        _W,
        "Menyusun pedoman pengarusutamaan gender dalam perencanaan dan penganggaran",
        "Meningkatnya perencanaan dan penganggaran yang responsif gender",
        "Pedoman pengarusutamaan gender ditetapkan dan disosialisasikan",
        "penyusunan pedoman perencanaan dan penganggaran responsif gender",
        "perangkat daerah pengguna pedoman",
    ),
    Topic(
        _C,
        "Mempercepat kepemilikan akta kelahiran bagi anak",
        "Meningkatnya cakupan kepemilikan akta kelahiran anak",
        "Anak yang belum memiliki akta kelahiran memperoleh akta kelahiran",
        "layanan penerbitan akta kelahiran keliling",
        "anak yang belum memiliki akta kelahiran",
    ),
    Topic(
        _C,
        "Mencegah perkawinan anak melalui edukasi keluarga",
        "Menurunnya angka perkawinan anak",
        "Keluarga dengan anak remaja mengikuti edukasi pencegahan perkawinan anak",
        "edukasi pencegahan perkawinan anak",
        "keluarga dengan anak remaja",
    ),
    Topic(
        _C,
        "Menyediakan layanan rehabilitasi bagi anak korban kekerasan",
        "Meningkatnya pemulihan anak korban kekerasan",
        "Anak korban kekerasan menerima layanan rehabilitasi",
        "layanan rehabilitasi bagi anak korban kekerasan",
        "anak korban kekerasan",
    ),
    Topic(
        _C,
        "Meningkatkan akses pendidikan kesetaraan bagi anak putus sekolah",
        "Meningkatnya angka partisipasi sekolah",
        "Anak putus sekolah mengikuti program pendidikan kesetaraan",
        "program pendidikan kesetaraan bagi anak putus sekolah",
        "anak putus sekolah",
    ),
    Topic(
        _C,
        "Mengembangkan sekolah ramah anak",
        "Bertambahnya satuan pendidikan yang ramah anak",
        "Satuan pendidikan memenuhi standar sekolah ramah anak",
        "pembinaan sekolah ramah anak",
        "satuan pendidikan",
    ),
    Topic(
        _C,
        "Memperkuat forum anak dalam perencanaan pembangunan",
        "Meningkatnya partisipasi anak dalam pembangunan",
        "Usulan forum anak dibahas dalam perencanaan pembangunan",
        "penguatan forum anak",
        "anggota forum anak",
    ),
    Topic(
        _D,
        "Memberikan pelatihan keterampilan kerja bagi penyandang disabilitas",
        "Meningkatnya kemandirian ekonomi penyandang disabilitas",
        "Penyandang disabilitas usia kerja mengikuti pelatihan keterampilan kerja",
        "pelatihan keterampilan kerja bagi penyandang disabilitas",
        "penyandang disabilitas usia kerja",
    ),
    Topic(
        _D,
        "Menyediakan sarana yang aksesibel di gedung pelayanan publik",
        "Meningkatnya aksesibilitas layanan publik bagi penyandang disabilitas",
        "Gedung pelayanan publik dilengkapi sarana yang aksesibel",
        "pembangunan sarana aksesibel di gedung pelayanan publik",
        "unit pelayanan publik",
    ),
    Topic(
        _D,
        "Membentuk unit layanan disabilitas bidang ketenagakerjaan",
        "Meningkatnya penempatan kerja penyandang disabilitas",
        "Unit layanan disabilitas terbentuk dan melayani pencari kerja",
        "pembentukan unit layanan disabilitas",
        "penyandang disabilitas pencari kerja",
    ),
    Topic(
        _D,
        "Memberikan alat bantu bagi penyandang disabilitas",
        "Meningkatnya mobilitas dan kemandirian penyandang disabilitas",
        "Penyandang disabilitas menerima alat bantu sesuai kebutuhan",
        "pemberian alat bantu bagi penyandang disabilitas",
        "penyandang disabilitas",
    ),
    Topic(
        _D,
        "Menyusun data terpilah penyandang disabilitas",
        "Tersedianya data penyandang disabilitas untuk perencanaan",
        "Data penyandang disabilitas terpilah menurut ragam disabilitas",
        "pendataan penyandang disabilitas",
        "penyandang disabilitas",
    ),
    Topic(
        _D,
        "Menyediakan layanan informasi publik dalam format yang aksesibel",
        "Meningkatnya akses informasi bagi penyandang disabilitas",
        "Informasi layanan publik tersedia dalam format aksesibel",
        "penyediaan informasi publik dalam format aksesibel",
        "penyandang disabilitas sensorik",
    ),
    Topic(
        _I,
        "Memfasilitasi pengakuan dan perlindungan masyarakat hukum adat",
        "Meningkatnya pengakuan hak masyarakat hukum adat",
        "Masyarakat hukum adat diidentifikasi, diverifikasi dan ditetapkan",
        "identifikasi dan verifikasi masyarakat hukum adat",
        "komunitas masyarakat hukum adat",
    ),
    Topic(
        _I,
        "Memberikan layanan administrasi kependudukan bagi masyarakat adat",
        "Meningkatnya kepemilikan dokumen kependudukan masyarakat adat",
        "Warga masyarakat adat memperoleh dokumen kependudukan",
        "layanan administrasi kependudukan keliling bagi masyarakat adat",
        "warga masyarakat adat",
    ),
    Topic(
        _I,
        "Memfasilitasi penyelesaian konflik tenurial di wilayah adat",
        "Menurunnya konflik tenurial di wilayah adat",
        "Konflik tenurial di wilayah adat difasilitasi penyelesaiannya",
        "fasilitasi penyelesaian konflik tenurial di wilayah adat",
        "komunitas masyarakat adat terdampak",
    ),
    Topic(
        _I,
        "Menyediakan layanan pendidikan bagi anak masyarakat adat terpencil",
        "Meningkatnya akses pendidikan anak masyarakat adat terpencil",
        "Anak masyarakat adat terpencil memperoleh layanan pendidikan",
        "layanan pendidikan bagi anak masyarakat adat terpencil",
        "anak masyarakat adat terpencil",
    ),
    Topic(
        _I,
        "Melestarikan pengetahuan tradisional masyarakat adat",
        "Terlindunginya pengetahuan tradisional masyarakat adat",
        "Pengetahuan tradisional masyarakat adat didokumentasikan",
        "dokumentasi pengetahuan tradisional masyarakat adat",
        "komunitas masyarakat adat",
    ),
    Topic(
        _I,
        "Melibatkan masyarakat adat dalam pengelolaan hutan",
        "Meningkatnya akses masyarakat adat terhadap pengelolaan hutan",
        "Masyarakat adat memperoleh persetujuan pengelolaan hutan adat",
        "fasilitasi pengelolaan hutan adat",
        "komunitas masyarakat adat",
    ),
)
"""Six topics for each target group of RANHAM 2021–2025 (synthetic)."""

_E = EvidenceKind

MEASURE_TEMPLATES: dict[str, tuple[MeasureTemplate, ...]] = {
    "B04": (
        MeasureTemplate("Terlaksananya rapat koordinasi perencanaan {activity}.", _E.MINUTES),
        MeasureTemplate("Tersedianya pemetaan {beneficiaries}.", _E.REPORT),
        MeasureTemplate("Alokasi anggaran {activity}.", _E.BUDGET),
        MeasureTemplate("Ditetapkannya surat keputusan tim pelaksana {activity}.", _E.DECREE),
    ),
    "B08": (
        MeasureTemplate("Terlaksananya {activity}.", _E.REPORT),
        MeasureTemplate(
            "Tersedianya daftar {beneficiaries} penerima manfaat.", _E.BENEFICIARY_LIST
        ),
        MeasureTemplate("Tersedianya dokumentasi pelaksanaan {activity}.", _E.PHOTO),
    ),
    "B12": (
        MeasureTemplate("Terlaksananya rapat pemantauan dan evaluasi {activity}.", _E.MINUTES),
        MeasureTemplate("Tersedianya laporan pelaksanaan {activity}.", _E.REPORT),
        MeasureTemplate("Tersedianya rekomendasi tindak lanjut {activity}.", _E.OTHER),
    ),
}
"""Measure templates per period code (synthetic): planning, implementation, evaluation."""

_KEYWORDS: tuple[tuple[str, EvidenceKind], ...] = (
    ("rapat", _E.MINUTES),
    ("anggaran", _E.BUDGET),
    ("daftar", _E.BENEFICIARY_LIST),
    ("keputusan", _E.DECREE),
    ("dokumentasi", _E.PHOTO),
)


def evidence_kind_of(description: str) -> EvidenceKind:
    """The evidence kind that usually supports a measure, read from its wording.

    >>> evidence_kind_of("Terlaksananya rapat pemantauan dan evaluasi.")
    <EvidenceKind.MINUTES: 'notulen'>
    """
    text = description.casefold()
    for word, kind in _KEYWORDS:
        if word in text:
            return kind
    return _E.REPORT

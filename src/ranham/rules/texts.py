"""What scoring and eligibility say to people, in English and Indonesian.

A :class:`Message` is a key and its parameters; it becomes a sentence only when rendered in a
language, so one explanation tree renders in both. The texts are one
:class:`ranham.words.Catalog` (:data:`TEXTS`), which checks when it is built that both languages
hold the same keys and the same placeholders.

>>> Message("observed.on-time", {"n": 2, "total": 3}).text("id")
'2 dari 3 periode tepat waktu'
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TypeAlias

import attrs

from ranham.model import FrozenMap
from ranham.words import Catalog, Lang, placeholders

__all__ = ["EN", "ID", "TEXTS", "Message", "Param", "placeholders", "text"]

Param: TypeAlias = "str | int | bool | Message | None"


def _freeze(params: Mapping[str, Param]) -> FrozenMap[str, Param]:
    return params if isinstance(params, FrozenMap) else FrozenMap(params)


@attrs.frozen
class Message:
    """A sentence to be rendered in a language: a catalog key and its parameters.

    Parameters may be messages themselves; ``True``/``False`` render as yes/no and ``None`` as
    "undefined", in the chosen language.
    """

    key: str
    params: FrozenMap[str, Param] = attrs.field(factory=FrozenMap, converter=_freeze)

    def text(self, lang: Lang = "en") -> str:
        """The sentence in ``lang`` (``"en"`` or ``"id"``)."""
        return text(self.key, self.params, lang)


def _shown(value: Param, lang: Lang) -> str:
    if isinstance(value, Message):
        return value.text(lang)
    if value is True or value is False:
        return TEXTS.template("word.yes" if value else "word.no", lang)
    if value is None:
        return TEXTS.template("word.undefined", lang)
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def text(key: str, params: Mapping[str, Param], lang: Lang) -> str:
    """Render catalog entry ``key`` with ``params`` in ``lang``.

    An unknown ``key`` is a :class:`KeyError`; a placeholder without a parameter stays visible.
    """
    return TEXTS.render(key, {name: _shown(value, lang) for name, value in params.items()}, lang)


_EN: dict[str, str] = {
    "word.yes": "yes",
    "word.no": "no",
    "word.undefined": "undefined",
    "word.exact": "exact",
    "word.step": "step",
    "word.ruleset": "rule set",
    "word.version": "version",
    "word.parameters": "parameters",
    "word.more": "… {count} more (raise the depth to see them)",
    # rule steps of scoring.md
    "step.1": "counted report",
    "step.2": "measure met",
    "step.3": "action score in a period",
    "step.4": "institution period score",
    "step.5": "institution annual score",
    "step.6": "action annual score and achieved",
    "step.7": "tier mean",
    "step.8": "national",
    "step.9": "participation",
    "step.10": "target",
    "step.11": "achievement ratio",
    "step.eligible": "incentive eligibility",
    "step.criterion": "eligibility criterion",
    "step.rank": "ranking",
    "step.cycle": "across years",
    # tiers
    "tier.kl": "K/L",
    "tier.provinsi": "provinces",
    "tier.kabkota": "regencies/cities",
    # timing
    "timing.early": "before the window opened",
    "timing.on_time": "on time",
    "timing.late": "late",
    # step 1
    "report.missing": "no report: treated as missing",
    "report.status": (
        "not counted: status {status}, but basis {basis} counts only {accepted}; treated as missing"
    ),
    "report.late": (
        "not counted: first submitted on {day}, after the window closed on {closes} "
        "(late = reject); treated as missing"
    ),
    "report.counted": (
        "counted: status {status}, first submitted on {day}, {timing} (window {opens} to {closes})"
    ),
    # step 2
    "met.assessed": (
        "the verifier's assessment is administrative {administrative}, "
        "substantive {substantive} (both must be yes)"
    ),
    "met.claimed": (
        "claimed {claimed}; {formal} of {evidence} evidence item(s) on letterhead and "
        "signed (claimed and at least one such item needed)"
    ),
    "met.absent": "no: the report does not list this measure",
    # step 3
    "s-period.value": "100 × {met} of {total} measure(s) of the period met",
    "s-period.undefined": "undefined: the report for {period} does not count",
    # step 4
    "S-period.value": "mean of the action scores of {count} assigned action(s)",
    "S-period.undefined": (
        "undefined: the report for {period} does not count, so the institution did not "
        "participate in it"
    ),
    # steps 5 and 6
    "annual.zero": (
        "sum of the {count} period score(s), an undefined period counted as 0, divided by "
        "{count} period(s)"
    ),
    "annual.exclude": "mean of the {defined} defined period score(s) of {count}",
    "annual.undefined": "undefined: the institution participated in no period",
    "achieved.value": (
        "the action annual score rounded to {places} decimals is {rounded}; "
        "achieved needs at least {minimum}"
    ),
    "achieved.undefined": "no: the action annual score is undefined",
    # step 7
    "T-period.value": (
        "mean of the period scores of the {defined} participating institution(s), "
        "of {count} with assigned actions"
    ),
    "T-annual.value": (
        "mean of the annual scores of the {defined} institution(s) whose annual score is "
        "defined, of {count} with assigned actions"
    ),
    "T.undefined": "undefined: no institution of the tier has a defined score",
    # step 8
    "N.value": "plain mean of the {defined} defined tier mean(s)",
    "N.undefined": "undefined: no tier mean is defined",
    # step 9
    "participation.value": (
        "100 × {participating} participating of {count} institution(s) with assigned actions"
    ),
    "tier.absent": "undefined: the tier has no institution with assigned actions",
    # step 10
    "target.value": "T({tier}) rounded is {rounded}; the {year} target is {target}",
    "target.none": "undefined: the rule set gives no {year} target for this tier",
    "target.undefined": "undefined: the tier's annual mean T({tier}) is undefined",
    # step 11
    "ratio.value": "100 × {achieved} achieved of {targets} target(s), participants or not",
    "ratio.undefined": "undefined: there are no targets",
    # eligibility
    "eligible.yes": "eligible: every enabled criterion holds",
    "eligible.no": "not eligible: {failed} failed",
    "eligible.none": "eligible: the rule set enables no criterion",
    "criterion.value": "observed {observed}; required {required}",
    "on-time.missing": "no report for {period}",
    "on-time.never": "the report for {period} was never submitted (status {status})",
    "on-time.value": ("first submitted on {day}, {timing} (window {opens} to {closes})"),
    "verified.missing": "no report for {period}",
    "verified.value": "status {status}",
    "allegation.counts": ("counts: {reference} reported on {day}, within {start} to {end}"),
    "allegation.ignored": (
        "does not count: {reference} reported on {day}, outside {start} to {end}"
    ),
    "allegation.none": "no allegation against the institution",
    "rank.value": (
        "rank {rank} of {count} eligible institution(s) of the tier: by exact annual score, "
        "highest first, ties by code"
    ),
    "rank.none": "no rank: the institution is not eligible",
    "rank.peer": "eligible, rank {rank}",
    "observed.on-time": "{n} of {total} periods on time",
    "observed.verified": "{n} of {total} periods verified",
    "observed.count": "{total} of {total}",
    "observed.none": "none",
    "observed.allegation": "1 allegation",
    "observed.allegations": "{n} allegations",
    "observed.undefined": "undefined",
    "observed.in-year": "{value} in {year}",
    "observed.undefined-in": "undefined in {year}",
    "observed.before-plan": "{year} is before the plan's first year {first}",
    "observed.years": "on time in each of the last {n} year(s)",
    "observed.years-on-time": "on time in {n} of {total} year(s)",
    "look-back.year": "reported-on-time in {year}",
    "look-back.unlisted": "not judged in {year}: not listed, or no assigned action",
    "look-back.previous": "the annual score of {year} under this rule set's [scoring] parameters",
    "cycle.annual": "the annual score of {year}, as scoring that year alone gives it",
    "cycle.absent": "undefined: not listed in {year}, or no assigned action",
    "cycle.change": "annual score of {year} minus that of {previous}",
    "cycle.change-undefined": "undefined: needs both {previous} and {year} defined and given",
    "cycle.plan": "mean over {counted} counted year(s) of the {given} given",
    "cycle.plan-undefined": "undefined: no year counts",
    "cycle.mean-participation": "mean participation over the {count} period(s) of {year}",
    "plain": "{text}",
}

_ID: dict[str, str] = {
    "word.yes": "ya",
    "word.no": "tidak",
    "word.undefined": "tidak terdefinisi",
    "word.exact": "eksak",
    "word.step": "langkah",
    "word.ruleset": "aturan",
    "word.version": "versi",
    "word.parameters": "parameter",
    "word.more": "… {count} lagi (naikkan kedalaman untuk melihatnya)",
    "step.1": "laporan yang dihitung",
    "step.2": "ukuran terpenuhi",
    "step.3": "nilai aksi per periode",
    "step.4": "nilai instansi per periode",
    "step.5": "nilai tahunan instansi",
    "step.6": "nilai tahunan aksi dan ketercapaian",
    "step.7": "rata-rata tingkat",
    "step.8": "nasional",
    "step.9": "partisipasi",
    "step.10": "target",
    "step.11": "rasio capaian",
    "step.eligible": "kelayakan insentif",
    "step.criterion": "kriteria kelayakan",
    "step.rank": "peringkat",
    "step.cycle": "lintas tahun",
    "tier.kl": "K/L",
    "tier.provinsi": "provinsi",
    "tier.kabkota": "kabupaten/kota",
    "timing.early": "sebelum jendela dibuka",
    "timing.on_time": "tepat waktu",
    "timing.late": "terlambat",
    "report.missing": "tidak ada laporan: dianggap tidak ada",
    "report.status": (
        "tidak dihitung: status {status}, sedangkan dasar {basis} hanya menghitung {accepted}; "
        "dianggap tidak ada"
    ),
    "report.late": (
        "tidak dihitung: pertama dikirim pada {day}, setelah jendela ditutup pada {closes} "
        "(late = reject); dianggap tidak ada"
    ),
    "report.counted": (
        "dihitung: status {status}, pertama dikirim pada {day}, {timing} "
        "(jendela {opens} sampai {closes})"
    ),
    "met.assessed": (
        "penilaian verifikator administratif {administrative}, substantif {substantive} "
        "(keduanya harus ya)"
    ),
    "met.claimed": (
        "diklaim {claimed}; {formal} dari {evidence} data dukung berkop surat dan "
        "bertanda tangan (perlu klaim dan sedikitnya satu data dukung seperti itu)"
    ),
    "met.absent": "tidak: laporan tidak mencantumkan ukuran ini",
    "s-period.value": "100 × {met} dari {total} ukuran periode ini terpenuhi",
    "s-period.undefined": "tidak terdefinisi: laporan {period} tidak dihitung",
    "S-period.value": "rata-rata nilai aksi dari {count} aksi yang ditugaskan",
    "S-period.undefined": (
        "tidak terdefinisi: laporan {period} tidak dihitung, sehingga instansi tidak "
        "berpartisipasi pada periode itu"
    ),
    "annual.zero": (
        "jumlah {count} nilai periode, periode yang tidak terdefinisi dihitung 0, dibagi "
        "{count} periode"
    ),
    "annual.exclude": "rata-rata {defined} nilai periode yang terdefinisi dari {count}",
    "annual.undefined": "tidak terdefinisi: instansi tidak berpartisipasi pada periode mana pun",
    "achieved.value": (
        "nilai tahunan aksi dibulatkan ke {places} desimal adalah {rounded}; "
        "tercapai bila sedikitnya {minimum}"
    ),
    "achieved.undefined": "tidak: nilai tahunan aksi tidak terdefinisi",
    "T-period.value": (
        "rata-rata nilai periode dari {defined} instansi yang berpartisipasi, dari {count} "
        "instansi yang mendapat aksi"
    ),
    "T-annual.value": (
        "rata-rata nilai tahunan dari {defined} instansi yang nilai tahunannya terdefinisi, "
        "dari {count} instansi yang mendapat aksi"
    ),
    "T.undefined": (
        "tidak terdefinisi: tidak ada instansi pada tingkat ini yang nilainya terdefinisi"
    ),
    "N.value": "rata-rata biasa dari {defined} rata-rata tingkat yang terdefinisi",
    "N.undefined": "tidak terdefinisi: tidak ada rata-rata tingkat yang terdefinisi",
    "participation.value": (
        "100 × {participating} instansi berpartisipasi dari {count} instansi yang mendapat aksi"
    ),
    "tier.absent": "tidak terdefinisi: tidak ada instansi pada tingkat ini yang mendapat aksi",
    "target.value": "T({tier}) dibulatkan adalah {rounded}; target {year} adalah {target}",
    "target.none": "tidak terdefinisi: aturan tidak memberi target {year} untuk tingkat ini",
    "target.undefined": "tidak terdefinisi: rata-rata tahunan tingkat T({tier}) tidak terdefinisi",
    "ratio.value": ("100 × {achieved} tercapai dari {targets} target, berpartisipasi atau tidak"),
    "ratio.undefined": "tidak terdefinisi: tidak ada target",
    "eligible.yes": "layak: setiap kriteria yang berlaku terpenuhi",
    "eligible.no": "tidak layak: {failed} tidak terpenuhi",
    "eligible.none": "layak: aturan tidak memberlakukan kriteria apa pun",
    "criterion.value": "teramati {observed}; disyaratkan {required}",
    "on-time.missing": "tidak ada laporan {period}",
    "on-time.never": "laporan {period} tidak pernah dikirim (status {status})",
    "on-time.value": ("pertama dikirim pada {day}, {timing} (jendela {opens} sampai {closes})"),
    "verified.missing": "tidak ada laporan {period}",
    "verified.value": "status {status}",
    "allegation.counts": (
        "dihitung: {reference} dilaporkan pada {day}, dalam rentang {start} sampai {end}"
    ),
    "allegation.ignored": (
        "tidak dihitung: {reference} dilaporkan pada {day}, di luar rentang {start} sampai {end}"
    ),
    "allegation.none": "tidak ada dugaan pelanggaran terhadap instansi",
    "rank.value": (
        "peringkat {rank} dari {count} instansi layak pada tingkat ini: menurut nilai tahunan "
        "eksak, tertinggi lebih dulu, nilai sama diurutkan menurut kode"
    ),
    "rank.none": "tanpa peringkat: instansi tidak layak",
    "rank.peer": "layak, peringkat {rank}",
    "observed.on-time": "{n} dari {total} periode tepat waktu",
    "observed.verified": "{n} dari {total} periode terverifikasi",
    "observed.count": "{total} dari {total}",
    "observed.none": "tidak ada",
    "observed.allegation": "1 dugaan pelanggaran",
    "observed.allegations": "{n} dugaan pelanggaran",
    "observed.undefined": "tidak terdefinisi",
    "observed.in-year": "{value} pada {year}",
    "observed.undefined-in": "tidak terdefinisi pada {year}",
    "observed.before-plan": "{year} sebelum tahun pertama rencana aksi, {first}",
    "observed.years": "tepat waktu pada setiap {n} tahun terakhir",
    "observed.years-on-time": "tepat waktu pada {n} dari {total} tahun",
    "look-back.year": "reported-on-time pada {year}",
    "look-back.unlisted": "tidak dinilai pada {year}: tidak terdaftar, atau tanpa aksi",
    "look-back.previous": "nilai tahunan {year} menurut parameter [scoring] aturan ini",
    "cycle.annual": "nilai tahunan {year}, sama dengan penilaian tahun itu saja",
    "cycle.absent": "tidak terdefinisi: tidak terdaftar pada {year}, atau tanpa aksi",
    "cycle.change": "nilai tahunan {year} dikurangi nilai tahunan {previous}",
    "cycle.change-undefined": (
        "tidak terdefinisi: {previous} dan {year} harus diberikan dan terdefinisi"
    ),
    "cycle.plan": ("rata-rata {counted} tahun yang dihitung dari {given} tahun yang diberikan"),
    "cycle.plan-undefined": "tidak terdefinisi: tidak ada tahun yang dihitung",
    "cycle.mean-participation": "rata-rata partisipasi selama {count} periode pada {year}",
    "plain": "{text}",
}

TEXTS = Catalog("scoring texts", en=_EN, id=_ID)
"""What scoring, eligibility and explanations say, by key, in English and Indonesian."""

EN: Mapping[str, str] = TEXTS.en
"""The English texts by key (read-only)."""

ID: Mapping[str, str] = TEXTS.id
"""The Indonesian texts by key (read-only)."""

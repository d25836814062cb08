"""What the commands share for spreadsheets: the catalog or dataset, score workbooks, form checks.

``ranham score``/``eligibility --format xlsx`` and ``ranham validate FORM.xlsx`` call the
functions here, so that their own modules change by a few lines only.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

from ranham import io
from ranham.cli._common import EXIT_OK, EXIT_USAGE, clean, fail, os_reason
from ranham.errors import DocumentError, UnknownNameError
from ranham.model import Catalog, Dataset
from ranham.validation import Lang

__all__ = [
    "add_out",
    "check_form",
    "demo_sheets",
    "digest",
    "load_context",
    "needs_out",
    "print_issue_lines",
    "write_scores",
    "write_trend",
]

_NEEDS_OUT = {
    "en": "--format xlsx needs --out FILE.xlsx (a workbook is not written to the terminal).",
    "id": "--format xlsx memerlukan --out BERKAS.xlsx (buku kerja tidak ditulis ke terminal).",
}
_WROTE = {"en": "wrote {path}", "id": "menulis {path}"}
_CANNOT_WRITE = {
    "en": "cannot write the workbook {path} ({reason}): give --out a file in a folder that "
    "exists and that you may write to.",
    "id": "tidak dapat menulis buku kerja {path} ({reason}): berikan --out berkas di folder "
    "yang ada dan boleh ditulisi.",
}
_NOT_CONTEXT = {
    "en": "{path} is a {kind} document; a catalog or a dataset is needed.",
    "id": "{path} adalah dokumen {kind}; diperlukan katalog atau dataset.",
}
_INVALID = {
    "en": "{path} is not a valid catalog or dataset: {count} error(s); nothing was done.",
    "id": "{path} bukan katalog atau dataset yang sah: {count} galat; tidak ada yang dikerjakan.",
}
_SEVERITY = {
    "en": {"error": "error", "warning": "warning"},
    "id": {"error": "galat", "warning": "peringatan"},
}


def add_out(parser: argparse.ArgumentParser) -> None:
    """``--out FILE`` of ``--format xlsx``."""
    parser.add_argument("--out", metavar="FILE", help="the workbook to write (--format xlsx)")


def load_context(path: str, lang: Lang) -> Catalog | Dataset | int:
    """The catalog or dataset at ``path``, or exit status 2 after saying why not."""
    try:
        document = io.load(Path(path))
    except DocumentError as error:
        for issue in error.issues:
            if issue.is_error:
                where = f"{path}:{issue.line}:{issue.column}" if issue.line is not None else path
                print(
                    f"{where}: {_SEVERITY[lang]['error']} {issue.code} {issue.pointer or '/'}: "
                    f"{issue.message(lang)}",
                    file=sys.stderr,
                )
        count = sum(1 for issue in error.issues if issue.is_error)
        return fail(_INVALID[lang].format(path=path, count=count), EXIT_USAGE)
    except OSError as error:
        return fail(f"{clean(path)}: {os_reason(error, lang)}", EXIT_USAGE)
    if not isinstance(document, Catalog | Dataset):
        kind = io.kind_of(document)
        return fail(_NOT_CONTEXT[lang].format(path=path, kind=kind), EXIT_USAGE)
    return document


def write_scores(args: argparse.Namespace, scores: Any, eligibility: Any = None) -> int:
    """Write the score workbook of ``ranham score``/``eligibility --format xlsx --out FILE``."""
    from ranham.sheets import write_score_workbook

    lang: Lang = args.lang
    if not args.out:
        return fail(_NEEDS_OUT[lang], EXIT_USAGE)
    digest = hashlib.sha256(Path(args.dataset).read_bytes()).hexdigest()
    write_score_workbook(scores, Path(args.out), eligibility=eligibility, lang=lang, digest=digest)
    print(_WROTE[lang].format(path=args.out), file=sys.stderr)
    return EXIT_OK


def needs_out(args: argparse.Namespace) -> int | None:
    """Exit status 2 after saying so when ``--format xlsx`` comes without ``--out``."""
    if args.format == "xlsx" and not args.out:
        return fail(_NEEDS_OUT[args.lang], EXIT_USAGE)
    return None


def digest(path: str) -> str:
    """The SHA-256 of the file at ``path`` (the about sheet names each input by it)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def write_trend(args: argparse.Namespace, cycles: Any, digests: dict[int, str]) -> int:
    """Write the trend workbook of ``ranham trend --format xlsx --out FILE``."""
    from ranham.sheets import write_trend_workbook

    lang: Lang = args.lang
    refused = needs_out(args)
    if refused is not None:
        return refused
    try:
        write_trend_workbook(cycles, Path(args.out), code=args.code, lang=lang, digests=digests)
    except OSError as error:
        reason = os_reason(error, lang)
        return fail(_CANNOT_WRITE[lang].format(path=clean(args.out), reason=reason), EXIT_USAGE)
    print(_WROTE[lang].format(path=args.out), file=sys.stderr)
    return EXIT_OK


_DEMO = {
    "en": "8. Workbooks: the national scores in {scores}, the report form of {code} for {period} "
    "filled from its report in {form}",
    "id": "8. Buku kerja: nilai nasional di {scores}, formulir laporan {code} periode {period} "
    "yang diisi dari laporannya di {form}",
}


def demo_sheets(
    folder: str, data: bytes, scores: Any, eligibility: Any, code: str, lang: Lang
) -> None:
    """``ranham demo --sheets DIR``: the score workbook and one filled form, and where they are."""
    from ranham.sheets import write_form, write_score_workbook

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    workbook = out / "scores.xlsx"
    digest = hashlib.sha256(data).hexdigest()
    write_score_workbook(scores, workbook, eligibility=eligibility, lang=lang, digest=digest)
    dataset = scores.dataset
    report = next((r for r in dataset.reports if r.institution == code), None)
    if report is None:
        report = dataset.reports[0]
    form = out / f"form-{report.institution}_{report.period}.xlsx"
    write_form(
        dataset,
        form,
        institution=report.institution,
        period=report.period,
        report=report,
        lang=lang,
    )
    print(
        _DEMO[lang].format(
            scores=workbook, code=report.institution, period=report.period, form=form
        )
    )


_CONTEXTS: dict[str, Catalog | Dataset] = {}


def check_form(path: Path, catalog: str | None) -> Any:
    """``ranham validate FORM.xlsx --catalog ...``: the form's issues, as a result to report.

    The result behaves as a :class:`~ranham.validation.ValidationResult` for the report of
    ``ranham validate`` (``path``, ``valid``, ``errors``, ``warnings``, ``issues``, ``to_json``),
    and its issues also have a ``cell``.
    """
    from ranham.sheets import read_form

    if catalog is None:
        raise UnknownNameError(
            f"{path}: a form is read against the catalog or dataset it was made from: add "
            "--catalog FILE."
        )
    context = _CONTEXTS.get(catalog)
    if context is None:
        document = io.load(Path(catalog))
        if not isinstance(document, Catalog | Dataset):
            raise UnknownNameError(f"--catalog {catalog} is neither a catalog nor a dataset.")
        context = _CONTEXTS[catalog] = document
    return read_form(path, context)


def print_issue_lines(path: str, issues: Any, lang: Lang) -> None:
    """Each issue as ``PATH:CELL: severity code pointer: message`` (like ``ranham validate``)."""
    for issue in issues:
        where = f"{path}:{issue.cell}" if issue.cell else path
        print(
            f"{where}: {_SEVERITY[lang][issue.severity]} {issue.code} {issue.pointer or '/'}: "
            f"{issue.message(lang)}"
        )

"""``ranham recommendations FORUM...``: coverage, status and overdue of forum recommendations.

FORUM is a forum document (``.json``) or the name of a shipped forum (``bekasi-2022``); a file
of that name wins over a shipped forum. Each forum is validated first: an invalid one (or a
document of another kind) is refused with its issues and the command exits with 1 after
showing the others; warnings (``recommendations-incomplete``) go to standard error and do not
fail. A bad ``--as-of`` date, or a FORUM that is neither a file nor a shipped forum, exits with 2.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs

from ranham.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    ArgumentMessage,
    add_format,
    add_lang,
    clean,
    fail,
    os_reason,
    print_json,
    render_csv,
    render_table,
)
from ranham.errors import UnknownNameError
from ranham.model import Forum
from ranham.periods import zone
from ranham.recommendations import ForumTracking, Summary, label, summarize, track, yes_no
from ranham.reference.forums import document as shipped_document
from ranham.reference.forums import forum as shipped_forum
from ranham.reference.forums import names as shipped_names
from ranham.validation import Issue, ValidationResult, validate
from ranham.words import Lang

PLAN_TIMEZONE = "Asia/Jakarta"
"""Where "today" is taken when no ``--as-of`` date is given."""

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "addressee": "addressee",
        "listed": "listed",
        "declared": "declared",
        "complete": "complete",
        "recommendation": "recommendation",
        "theme": "theme",
        "status": "status",
        "due": "due",
        "overdue": "overdue",
        "as_of": "as of",
        "summary": (
            "{forums} forum(s), {recommendations} recommendation(s): {pending} open or in "
            "progress, {overdue} overdue as of {as_of}"
        ),
        "warning": "warning",
        "error": "error",
        "refused": "{path}: not a valid forum document ({errors} error(s)); it is not shown.",
        "not_forum": "{path}: a {kind} document, not a forum; it is not shown.",
        "unknown": (
            "{name}: no such file, and not a shipped forum (shipped: {names}); give the path "
            "of a forum document or a shipped name."
        ),
        "unreadable": "{name}: cannot be read ({reason}).",
    },
    "id": {
        "addressee": "ditujukan kepada",
        "listed": "tercantum",
        "declared": "dinyatakan",
        "complete": "lengkap",
        "recommendation": "rekomendasi",
        "theme": "tema",
        "status": "status",
        "due": "tenggat",
        "overdue": "lewat tenggat",
        "as_of": "per tanggal",
        "summary": (
            "{forums} forum, {recommendations} rekomendasi: {pending} terbuka atau dalam "
            "proses, {overdue} lewat tenggat per {as_of}"
        ),
        "warning": "peringatan",
        "error": "galat",
        "refused": "{path}: bukan dokumen forum yang sah ({errors} galat); tidak ditampilkan.",
        "not_forum": "{path}: dokumen {kind}, bukan forum; tidak ditampilkan.",
        "unknown": (
            "{name}: berkas tidak ada, dan bukan forum bawaan (bawaan: {names}); berikan path "
            "dokumen forum atau nama forum bawaan."
        ),
        "unreadable": "{name}: tidak dapat dibaca ({reason}).",
    },
}

_CSV_HEADERS = (
    "forum",
    "recommendation",
    "addressee",
    "theme",
    "status",
    "due",
    "overdue",
    "last_follow_up",
    "listed",
    "declared",
    "text",
)


def _day(text: str) -> date:
    """An ``argparse`` type: a calendar date written exactly ``YYYY-MM-DD``."""
    try:
        if not _DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        shown = clean(text[:40])
        raise ArgumentMessage(
            f"expected a date YYYY-MM-DD that exists, such as 2023-12-31 (got {shown!r})",
            f"diharapkan tanggal YYYY-MM-DD yang ada, mis. 2023-12-31 (ditemukan {shown!r})",
        ) from None


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham recommendations``."""
    parser.add_argument(
        "forums",
        nargs="+",
        metavar="FORUM",
        help="a forum document (.json), or the name of a shipped forum: "
        + ", ".join(shipped_names()),
    )
    parser.add_argument(
        "--as-of",
        type=_day,
        default=None,
        metavar="DATE",
        help=f"judge overdue on this date, YYYY-MM-DD (default: today in {PLAN_TIMEZONE})",
    )
    add_format(parser, ("table", "json", "csv"), "table")
    add_lang(parser)


@attrs.frozen(kw_only=True)
class _Read:
    """One FORUM argument after reading and validation."""

    label: str
    result: ValidationResult
    forum: Forum | None


class _Usage(Exception):
    """A FORUM argument that cannot be read at all (exit 2)."""


def _read(name: str, lang: Lang) -> _Read:
    path = Path(name)
    if not path.exists():
        try:
            data = shipped_document(name)
        except UnknownNameError:
            names = ", ".join(shipped_names())
            raise _Usage(_TEXT[lang]["unknown"].format(name=name, names=names)) from None
        result = validate(data)
        return _Read(label=name, result=result, forum=shipped_forum(name))
    try:
        result = validate(path, jsonl=False)
    except OSError as error:
        reason = os_reason(error, lang)
        raise _Usage(_TEXT[lang]["unreadable"].format(name=name, reason=reason)) from None
    forum: Forum | None = None
    if result.valid and result.kind == "forum" and result.value is not None:
        from ranham import io

        forum = io.from_dict(result.value, kind=Forum)
    return _Read(label=name, result=result, forum=forum)


def _issue_line(label_: str, issue: Issue, lang: Lang) -> str:
    severity = _TEXT[lang]["error" if issue.is_error else "warning"]
    where = f"{label_}:{issue.line}:{issue.column}" if issue.line is not None else label_
    return f"{where}: {severity} {issue.code} {issue.pointer or '/'}: {issue.message(lang)}"


def run(args: argparse.Namespace) -> int:
    """Show every forum; 0 when all could be shown, 1 when one was refused, 2 on bad input."""
    lang: Lang = args.lang
    as_of: date = args.as_of or datetime.now(zone(PLAN_TIMEZONE)).date()
    read: list[_Read] = []
    try:
        for name in args.forums:
            read.append(_read(name, lang))
    except _Usage as error:
        return fail(str(error), EXIT_USAGE)

    tracked: list[tuple[_Read, ForumTracking]] = []
    refused: list[tuple[_Read, str]] = []
    for item in read:
        for issue in item.result.issues:
            print(_issue_line(item.label, issue, lang), file=sys.stderr)
        if item.forum is None:
            if item.result.valid:
                message = _TEXT[lang]["not_forum"].format(path=item.label, kind=item.result.kind)
            else:
                errors = len(item.result.errors)
                message = _TEXT[lang]["refused"].format(path=item.label, errors=errors)
            print(f"ranham: {message}", file=sys.stderr)
            refused.append((item, message))
        else:
            tracked.append((item, track(item.forum, as_of=as_of)))

    summary = summarize((t.forum for _, t in tracked), as_of=as_of)
    if args.format == "json":
        print_json(_json(tracked, refused, summary, as_of, lang))
    elif args.format == "csv":
        sys.stdout.write(render_csv(_CSV_HEADERS, _csv_rows(tracked)))
    else:
        print(_table(tracked, summary, lang))
    return EXIT_FINDINGS if refused else EXIT_OK


def _json(
    tracked: list[tuple[_Read, ForumTracking]],
    refused: list[tuple[_Read, str]],
    summary: Summary,
    as_of: date,
    lang: Lang,
) -> dict[str, Any]:
    forums = []
    for item, tracking in tracked:
        entry = {"source": item.label, **tracking.to_json()}
        entry["warnings"] = [issue.to_json(lang) for issue in item.result.warnings]
        forums.append(entry)
    return {
        "as_of": as_of.isoformat(),
        "forums": forums,
        "refused": [
            {**item.result.to_json(lang), "path": item.label, "message": message}
            for item, message in refused
        ],
        "summary": summary.to_json(),
    }


def _csv_rows(tracked: list[tuple[_Read, ForumTracking]]) -> list[list[object]]:
    rows: list[list[object]] = []
    for _, tracking in tracked:
        for t in tracking.recommendations:
            rec = t.recommendation
            cov = tracking.coverage[rec.addressee]
            rows.append(
                [
                    t.forum,
                    rec.id,
                    rec.addressee.value,
                    rec.theme.value,
                    t.status.value,
                    None if rec.due is None else rec.due.isoformat(),
                    "true" if t.overdue else "false",
                    None if t.last_follow_up is None else t.last_follow_up.isoformat(),
                    cov.listed,
                    cov.declared,
                    rec.text,
                ]
            )
    return rows


def _table(tracked: list[tuple[_Read, ForumTracking]], summary: Summary, lang: Lang) -> str:
    text = _TEXT[lang]
    as_of = "-" if summary.as_of is None else summary.as_of.isoformat()
    blocks: list[str] = []
    for _, tracking in tracked:
        forum = tracking.forum
        head = (
            f"{forum.title} ({forum.id})\n"
            f"{forum.location}, {forum.start_date.isoformat()} – {forum.end_date.isoformat()}; "
            f"{text['as_of']} {as_of}"
        )
        coverage = render_table(
            (text["addressee"], text["listed"], text["declared"], text["complete"]),
            (
                (label(c.addressee, lang), c.listed, c.declared, yes_no(c.complete, lang))
                for c in tracking.coverage.values()
            ),
            right=(1, 2),
        )
        recommendations = render_table(
            (
                text["recommendation"],
                text["addressee"],
                text["theme"],
                text["status"],
                text["due"],
                text["overdue"],
            ),
            (
                (
                    t.id,
                    label(t.recommendation.addressee, lang),
                    label(t.recommendation.theme, lang),
                    label(t.status, lang),
                    "-" if t.recommendation.due is None else t.recommendation.due.isoformat(),
                    yes_no(bool(t.overdue), lang),
                )
                for t in tracking.recommendations
            ),
        )
        blocks.append(f"{head}\n\n{coverage}\n\n{recommendations}")
    blocks.append(
        text["summary"].format(
            forums=summary.forums,
            recommendations=summary.recommendations,
            pending=summary.pending,
            overdue=summary.overdue,
            as_of=as_of,
        )
    )
    return "\n\n".join(blocks)

"""What every command shares: exit codes, the language option, output helpers."""

from __future__ import annotations

import argparse
import csv
import io
import locale
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import orjson

from ranham.words import Lang

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "add_format",
    "add_lang",
    "default_lang",
    "fail",
    "print_json",
    "render_csv",
    "render_table",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def fail(message: str, status: int) -> int:
    """Print ``ranham: message`` on standard error; return ``status``."""
    print(f"ranham: {message}", file=sys.stderr)
    return status


def default_lang() -> Lang:
    """``RANHAM_LANG`` if set, else Indonesian under an Indonesian locale, else English."""
    explicit = os.environ.get("RANHAM_LANG", "").strip().lower()
    if explicit in ("en", "id"):
        return explicit  # type: ignore[return-value]
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "id" if value.lower().startswith(("id", "in_")) else "en"
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:  # pragma: no cover - a broken locale setting
        name = ""
    return "id" if name.lower().startswith("id") else "en"


def add_lang(parser: argparse.ArgumentParser) -> None:
    """``--lang id|en`` (messages and table headings)."""
    parser.add_argument(
        "--lang",
        choices=("id", "en"),
        default=default_lang(),
        help="language of messages and tables: id (Bahasa Indonesia) or en "
        "(default: $RANHAM_LANG, else from the locale, else en)",
    )


def add_format(parser: argparse.ArgumentParser, choices: Sequence[str], default: str) -> None:
    """``--format`` with the given choices."""
    parser.add_argument(
        "--format",
        choices=tuple(choices),
        default=default,
        help=f"output format (default: {default})",
    )


def print_json(value: Any) -> None:
    """Write ``value`` as indented UTF-8 JSON with a final newline."""
    sys.stdout.flush()
    sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.buffer.flush()


def render_table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], *, right: Sequence[int] = ()
) -> str:
    """A plain-text table: a header line, a rule, then the rows; ``right`` aligns columns right."""
    cells = [[str(h) for h in headers]] + [
        ["" if c is None else str(c) for c in row] for row in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        parts = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        return "  ".join(parts).rstrip()

    out = [line(cells[0]), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in cells[1:]]
    return "\n".join(out)


def render_csv(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text (RFC 4180, ``\\r\\n`` line ends), ``None`` written as an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if c is None else c for c in row])
    return buffer.getvalue()

"""What every command shares: exit codes, the language option, output helpers."""

from __future__ import annotations

import argparse
import base64
import contextvars
import csv
import errno
import io
import locale
import os
import re
import shutil
import stat
import sys
from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO

import orjson

from ranham.errors import RanhamError
from ranham.words import Lang

__all__ = [
    "ARGUMENT_LANG",
    "ArgumentMessage",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "InputSizeError",
    "add_format",
    "add_lang",
    "clean",
    "clean_lines",
    "comma",
    "default_lang",
    "fail",
    "json_path",
    "number",
    "open_regular",
    "os_reason",
    "print_json",
    "read_bounded",
    "read_regular",
    "warn_unknown_lang",
    "render_csv",
    "render_table",
    "shorten",
    "table_width",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


ARGUMENT_LANG: contextvars.ContextVar[Lang] = contextvars.ContextVar("ARGUMENT_LANG", default="en")
"""The language of the arguments being parsed (set by :func:`ranham.cli.main`)."""


class ArgumentMessage(argparse.ArgumentTypeError):
    """An argument that is not what an option expects, said in English and in Indonesian.

    argparse turns the error into text while it parses, which :func:`ranham.cli.main` does in
    the language of ``--lang``; the message is chosen then.
    """

    def __init__(self, en: str, id: str) -> None:
        super().__init__(en)
        self.en = en
        self.id = id

    def __str__(self) -> str:
        return self.id if ARGUMENT_LANG.get() == "id" else self.en


def fail(message: str, status: int) -> int:
    """Print ``ranham: message`` on standard error; return ``status``."""
    print(f"ranham: {message}", file=sys.stderr)
    return status


def default_lang() -> Lang:
    """``RANHAM_LANG`` if set, else Indonesian under an Indonesian locale, else English."""
    explicit = os.environ.get("RANHAM_LANG", "").strip().lower()
    if explicit in ("en", "id"):
        return explicit  # type: ignore[return-value]
    return _locale_lang()


def warn_unknown_lang() -> None:
    """Say once, on standard error, that ``RANHAM_LANG`` holds no language of ``ranham``."""
    value = os.environ.get("RANHAM_LANG", "")
    if not value.strip() or value.strip().lower() in ("en", "id"):
        return
    chosen = _locale_lang()
    shown = clean(value if len(value) <= 20 else value[:20] + "…")
    if chosen == "id":
        message = (
            f"RANHAM_LANG={shown!r} bukan bahasa ranham: setel RANHAM_LANG=id atau "
            "RANHAM_LANG=en (atau gunakan --lang); kini memakai id dari locale."
        )
    else:
        message = (
            f"RANHAM_LANG={shown!r} is not a language of ranham: set RANHAM_LANG=id or "
            "RANHAM_LANG=en (or use --lang); using en for now."
        )
    print(f"ranham: {message}", file=sys.stderr)


def _locale_lang() -> Lang:
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


def table_width(wide: bool = False) -> int | None:
    """The width tables must fit: ``$COLUMNS``, else the terminal's; ``None`` for no limit.

    Output that goes to a file or a pipe has no terminal to fit, so it keeps full names (as
    ``--wide`` does), unless ``COLUMNS`` asks for a width.
    """
    if wide:
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isascii() and columns.isdigit() and 0 < len(columns) <= 4:
        return max(int(columns), 40)
    try:
        if not sys.stdout.isatty():
            return None
    except (AttributeError, ValueError):  # pragma: no cover - a closed or odd stream
        return None
    return max(shutil.get_terminal_size().columns, 40)


_DECIMAL = re.compile(r"-?[0-9]++\.[0-9]++")


def comma(text: str) -> str:
    """A decimal number written with a decimal comma (``"74.81"`` → ``"74,81"``); other text as is.

    >>> comma("74.81"), comma("32.16 Kabupaten Bekasi"), comma("3/4")
    ('74,81', '32.16 Kabupaten Bekasi', '3/4')
    """
    return text.replace(".", ",") if _DECIMAL.fullmatch(text) else text


def number(text: str, lang: Lang) -> str:
    """A decimal number as the language writes it: a comma in Indonesian, a point in English."""
    return comma(text) if lang == "id" else text


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, ending in "…" when it was cut."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def render_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    right: Sequence[int] = (),
    width: int | None = None,
    shrink: int | None = None,
    decimal_comma: bool = False,
    numeric: Sequence[int] | None = None,
) -> str:
    """A plain-text table: a header line, a rule, then the rows; ``right`` aligns columns right.

    With ``width`` and ``shrink`` (a column index), the cells of that column (a name) are
    shortened with "…" until the table fits ``width`` characters, down to 12 characters.
    Every cell is escaped with :func:`clean`: text from an input cannot forge a line.
    ``decimal_comma`` writes the decimal numbers of the ``numeric`` columns (default: those
    aligned right) with a comma, as Indonesian readers expect (``74,81``).
    """
    cells = [[clean(str(h)) for h in headers]] + [
        ["" if c is None else clean(str(c)) for c in row] for row in rows
    ]
    if decimal_comma:
        columns = set(right if numeric is None else numeric)
        for row in cells[1:]:
            for i in columns:
                if i < len(row):
                    row[i] = comma(row[i])
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    if width is not None and shrink is not None:
        total = sum(widths) + 2 * (len(widths) - 1)
        if total > width:
            widths[shrink] = max(widths[shrink] - (total - width), min(12, widths[shrink]))
            for row in cells:
                row[shrink] = shorten(row[shrink], widths[shrink])

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


# --- hostile input: special files, control characters, file names -------------------------------

_KINDS_OF_FILE = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read (``None`` for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    kind = next((text for test, text in _KINDS_OF_FILE if test(mode)), "a special file")
    return f"not a regular file but {kind}"


_REASONS_ID = {
    errno.ENOENT: "berkas atau direktori tidak ada",
    errno.EACCES: "izin ditolak",
    errno.EPERM: "operasi tidak diizinkan",
    errno.EISDIR: "berupa direktori",
    errno.ENOTDIR: "bukan direktori",
    errno.EEXIST: "sudah ada",
    errno.ENOSPC: "ruang penyimpanan habis",
    errno.EROFS: "sistem berkas hanya-baca",
    errno.ENAMETOOLONG: "nama berkas terlalu panjang",
    errno.ELOOP: "terlalu banyak tautan simbolik",
}
_NOT_REGULAR_ID = {
    "a directory": "direktori",
    "a FIFO (named pipe)": "FIFO (pipa bernama)",
    "a socket": "soket",
    "a character device": "perangkat karakter",
    "a block device": "perangkat blok",
    "a special file": "berkas khusus",
}


def os_reason(error: OSError, lang: Lang) -> str:
    """Why ``error`` happened, in ``lang``, escaped: the system's words, or ours in Indonesian.

    >>> os_reason(FileNotFoundError(2, "No such file or directory"), "id")
    'berkas atau direktori tidak ada'
    >>> os_reason(OSError(22, "not a regular file but a socket"), "id")
    'bukan berkas biasa melainkan soket'
    """
    english = error.strerror or type(error).__name__
    if lang != "id":
        return clean(english)
    prefix = "not a regular file but "
    if english.startswith(prefix) and english[len(prefix) :] in _NOT_REGULAR_ID:
        return "bukan berkas biasa melainkan " + _NOT_REGULAR_ID[english[len(prefix) :]]
    return clean(_REASONS_ID.get(error.errno or 0, english))


def open_regular(path: str) -> BinaryIO:
    """Open ``path`` for reading only if it is a regular file; never block on a special file.

    The path is examined with :func:`os.stat` first: a FIFO, socket, device or directory is
    refused without being opened (a FIFO would block, ``/dev/zero`` never ends). A regular file
    is then opened with ``O_NONBLOCK`` and examined again through its descriptor, so a path
    swapped for a FIFO in between is refused too. Raises :class:`OSError` (its ``strerror``
    says why) for everything that is not read.
    """
    why = _not_regular(os.stat(path).st_mode)
    if why is not None:
        raise OSError(errno.EINVAL, why, path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        why = _not_regular(os.fstat(descriptor).st_mode)
        if why is not None:
            raise OSError(errno.EINVAL, why, path)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_regular(path: str, limit: int, what: str) -> bytes:
    """The content of the regular file ``path``, refused when larger than ``limit`` bytes.

    ``what`` names the file in the refusal (``"rule set"``). Raises :class:`OSError` for a path
    that is not a regular file or cannot be read, and :class:`~ranham.errors.InputSizeError`
    (a :class:`ValueError`) for a file over the limit.
    """
    with open_regular(path) as stream:
        data = read_bounded(stream, limit)
    if len(data) > limit:
        raise InputSizeError(
            f"the {what} {clean(path)} is larger than {limit} bytes: a {what} of this size is "
            "not plausible; give the right file."
        )
    return data


def read_bounded(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``stream``: one more than the limit tells it is too large.

    Never asks for more than the file holds at once (``read(n)`` allocates ``n`` bytes first,
    so a huge limit must not be passed on); a file that grows meanwhile is read in 1 MiB steps
    until it ends or passes the limit.
    """
    size = os.fstat(stream.fileno()).st_size
    data = stream.read(min(limit, size) + 1)
    if len(data) <= size or len(data) > limit:
        return data
    grown = bytearray(data)
    while len(grown) <= limit:
        chunk = stream.read(min(1 << 20, limit + 1 - len(grown)))
        if not chunk:
            break
        grown += chunk
    return bytes(grown)


class InputSizeError(RanhamError, ValueError):
    """A file named on the command line is larger than the limit for its kind."""


_ESCAPES: dict[int, str] = {
    **{code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))},
    **{
        code: f"\\u{code:04x}"
        for code in (0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F))
    },
    **{code: f"\\u{code:04x}" for code in range(0x2066, 0x206A)},
}


def clean(text: str) -> str:
    """``text`` safe for a terminal: control and bidirectional-control characters escaped.

    C0 (tab, CR and LF included), DEL and C1 controls become ``\\xNN``; the line and paragraph
    separators and the bidirectional marks, embeddings, overrides and isolates (U+061C,
    U+200E/F, U+202A–U+202E, U+2066–U+2069) become ``\\uNNNN``. Text from an input file (a
    key, a value, a file name) can then neither forge an output line nor reorder one on screen.

    >>> clean("a\\x1b[31m\\r\\nb\\u202e")
    'a\\\\x1b[31m\\\\x0d\\\\x0ab\\\\u202e'
    """
    return text.translate(_ESCAPES)


def clean_lines(text: str) -> str:
    """Each line of ``text`` :func:`clean`: the line breaks of a rendered tree stay breaks."""
    return "\n".join(clean(line) for line in text.split("\n"))


def json_path(path: str) -> dict[str, str]:
    """A file name as JSON: ``{"path": ...}``, plus ``path_base64`` when it is not UTF-8.

    A POSIX file name is bytes; Python hands over those that are not UTF-8 as ``str`` holding
    surrogate escapes (:func:`os.fsdecode`), which no JSON text can carry. Such a name is
    written readable in ``path`` (each undecodable byte as ``\\xNN``) and exactly, as the
    standard base64 of its bytes, in ``path_base64``; a UTF-8 name has ``path`` alone.

    >>> json_path("report.json")
    {'path': 'report.json'}
    >>> json_path("r\\udcffport.json")
    {'path': 'r\\\\xffport.json', 'path_base64': 'cv9wb3J0Lmpzb24='}
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raw = path.encode("utf-8", "surrogateescape") if _escapes_only(path) else None
        if raw is None:
            raw = path.encode("utf-8", "surrogatepass")
        shown = raw.decode("utf-8", "backslashreplace")
        return {"path": shown, "path_base64": base64.b64encode(raw).decode("ascii")}
    return {"path": path}


def _escapes_only(text: str) -> bool:
    """Whether every surrogate in ``text`` is a surrogate escape of one byte (U+DC80–U+DCFF)."""
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in text)

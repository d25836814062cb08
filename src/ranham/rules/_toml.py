"""Reading TOML files that come from outside: bounded in size, depth and number length.

Rule-set and case files are read only when they are regular files (a FIFO, a device such as
``/dev/zero`` or a directory is refused after a ``stat``, without being opened for reading), and
at most ``max_size`` bytes of them; they must be UTF-8. Floats are kept as their decimal text
(:class:`~decimal.Decimal`, or :class:`LongNumber` when the text is too long to be a parameter),
so that no number is ever expanded into an unbounded computation. Every failure is a
:class:`~ranham.errors.RuleSetError` naming the file (and, where it can, the line and key).
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import attrs

from ranham.errors import ArgumentTypeError, RuleSetError

__all__ = [
    "MAX_DEPTH",
    "MAX_NUMBER_TEXT",
    "LongNumber",
    "check_arguments",
    "describe",
    "key_path",
    "parse_toml",
    "printable",
    "read_text_file",
    "show_path",
]

MAX_NUMBER_TEXT = 100
"""The longest float text kept as a :class:`~decimal.Decimal`; longer ones become
:class:`LongNumber` (and are refused where a number is expected)."""

MAX_DEPTH = 64
"""The deepest nesting of arrays and tables accepted in a file."""

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]++")
_DIGIT_RUN = re.compile(r"[0-9A-Za-z_]++")  # decimal, hex, octal, binary
_KEY_OF_LINE = re.compile(r"\s*+([A-Za-z0-9_.\"' -]{1,200}?)\s*+=")
_TABLE_OF_LINE = re.compile(r"\s*+\[++\s*+([A-Za-z0-9_.\"' -]{1,200}?)\s*+\]")


@attrs.frozen(kw_only=True)
class LongNumber:
    """A TOML float whose text is longer than :data:`MAX_NUMBER_TEXT` characters, kept unread."""

    text: str


def _refuse(source: str, en: str, id_: str) -> RuleSetError:
    return RuleSetError(en, message_id=id_, source=source)


def check_arguments(path: object, max_size: object, *, function: str) -> None:
    """Refuse a path that is not a ``str``/``PathLike`` and a ``max_size`` that is not an int."""
    if not isinstance(path, str | os.PathLike):
        raise ArgumentTypeError(
            f"{function}() takes a path (str or os.PathLike) (got {type(path).__name__})."
        )
    if type(max_size) is not int or max_size < 1:
        raise ArgumentTypeError(
            f"{function}(max_size=...) must be a whole number of bytes >= 1 "
            f"(got {describe(max_size) if isinstance(max_size, int) else type(max_size).__name__})."
        )


def read_text_file(path: str | os.PathLike[str], *, max_size: int, what: str, what_id: str) -> str:
    """The UTF-8 text of the regular file ``path``, at most ``max_size`` bytes.

    ``what`` names the kind of file in messages (``"a rule-set file"``; ``what_id`` in
    Indonesian). The file is checked with ``stat`` before it is opened, and opened without
    blocking, so a FIFO or a device never stalls or floods the reader.
    """
    shown = show_path(path)
    try:
        info = os.stat(path)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise _refuse(
            shown,
            f"cannot be read ({reason}); expected {what}.",
            f"tidak dapat dibaca ({reason}); yang diharapkan {what_id}.",
        ) from None
    if not stat.S_ISREG(info.st_mode):
        kind = _kind_of(info.st_mode)
        raise _refuse(
            shown,
            f"is {kind[0]}, not a regular file; expected {what}.",
            f"adalah {kind[1]}, bukan berkas biasa; yang diharapkan {what_id}.",
        )
    _check_size(shown, info.st_size, max_size, what, what_id)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # replaced since the stat
                raise _refuse(
                    shown,
                    f"is not a regular file; expected {what}.",
                    f"bukan berkas biasa; yang diharapkan {what_id}.",
                )
            with os.fdopen(descriptor, "rb", closefd=False) as stream:
                data = stream.read(max_size + 1)
        finally:
            os.close(descriptor)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise _refuse(
            shown,
            f"cannot be read ({reason}); expected {what}.",
            f"tidak dapat dibaca ({reason}); yang diharapkan {what_id}.",
        ) from None
    _check_size(shown, len(data), max_size, what, what_id)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _refuse(
            shown,
            f"is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
            f"save {what} as UTF-8.",
            f"bukan teks UTF-8 (bita 0x{data[error.start]:02x} pada posisi {error.start}); "
            f"simpan {what_id} sebagai UTF-8.",
        ) from None


def _check_size(shown: str, size: int, max_size: int, what: str, what_id: str) -> None:
    if size > max_size:
        raise _refuse(
            shown,
            f"is larger than the limit of {max_size:,} bytes for {what}; "
            "raise the limit (max_size) if the file is meant to be this large.",
            f"lebih besar dari batas {max_size:,} bita untuk {what_id}; "
            "naikkan batasnya (max_size) bila berkas memang sebesar itu.",
        )


def _kind_of(mode: int) -> tuple[str, str]:
    if stat.S_ISDIR(mode):
        return "a directory", "direktori"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)", "FIFO (pipa bernama)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device", "perangkat"
    if stat.S_ISSOCK(mode):
        return "a socket", "soket"
    return "a special file", "berkas khusus"


def _float(text: str) -> Decimal | LongNumber:
    return Decimal(text) if len(text) <= MAX_NUMBER_TEXT else LongNumber(text=text)


def parse_toml(text: str, *, source: str, max_size: int, what: str, what_id: str) -> dict[str, Any]:
    """The TOML document ``text``; every failure a :class:`~ranham.errors.RuleSetError`."""
    shown = show_path(source)
    if not isinstance(text, str):
        raise ArgumentTypeError(
            f"the TOML text must be a str (got {type(text).__name__}); read a file with "
            "load_ruleset(path) or load_case(path)."
        )
    # A character is at most 4 bytes: count bytes only when the characters alone do not decide.
    if len(text) > max_size or (len(text) * 4 > max_size and len(text.encode()) > max_size):
        _check_size(shown, max_size + 1, max_size, what, what_id)
    try:
        data = tomllib.loads(text, parse_float=_float)
    except tomllib.TOMLDecodeError as error:
        raise _refuse(
            shown,
            f"is not valid TOML: {error}. Correct the text at that position.",
            f"bukan TOML yang sah: {error}. Perbaiki teks di posisi itu.",
        ) from None
    except RecursionError:
        raise _refuse(
            shown,
            f"nests arrays or tables too deeply (at most {MAX_DEPTH} levels); expected {what}.",
            f"menyusun array atau tabel terlalu dalam (paling banyak {MAX_DEPTH} tingkat); "
            f"yang diharapkan {what_id}.",
        ) from None
    except ValueError:  # an integer longer than Python converts (int_max_str_digits)
        line, key = _long_integer(text)
        raise RuleSetError(
            "holds a whole number with thousands of digits; write a number of at most "
            "a few digits, such as 80.",
            message_id="memuat bilangan bulat dengan ribuan angka; tulis bilangan dengan "
            "beberapa angka saja, misalnya 80.",
            location=f"{key} (line {line})" if key else f"line {line}",
            source=shown,
        ) from None
    deep = _too_deep(data)
    if deep is not None:
        raise RuleSetError(
            f"nests arrays or tables more than {MAX_DEPTH} levels deep; expected {what}.",
            message_id=f"menyusun array atau tabel lebih dari {MAX_DEPTH} tingkat; "
            f"yang diharapkan {what_id}.",
            location=deep,
            source=shown,
        )
    return data


def _long_integer(text: str) -> tuple[int, str]:
    """The line (from 1) and key of the first run of more than 4,000 digits in ``text``.

    Any long run of letters and digits counts (``0xfff…`` too): tomllib has already refused a
    number, and this only says where.
    """
    table = ""
    for number, line in enumerate(text.splitlines(), 1):
        header = _TABLE_OF_LINE.match(line)
        if header:
            table = header.group(1).strip()
        longest = max((len(m.group()) for m in _DIGIT_RUN.finditer(line)), default=0)
        if longest > 4000:
            key = _KEY_OF_LINE.match(line)
            name = key.group(1).strip() if key else ""
            return number, ".".join(part for part in (table, name) if part)
    return 1, ""  # pragma: no cover - tomllib refused a number this scan does not see


def _too_deep(data: dict[str, Any]) -> str | None:
    """The key path of a value nested deeper than :data:`MAX_DEPTH`, without recursion."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            return key_path(*path[:8]) + ".…"
        if isinstance(value, dict):
            stack.extend((item, (*path, str(key))) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, (*path, f"[{index}]")) for index, item in enumerate(value))
    return None


def show_path(path: str | os.PathLike[str]) -> str:
    """A file name for messages: control and direction characters escaped, at most 300 long.

    >>> show_path("a\\nb.toml")
    'a\\\\x0ab.toml'
    """
    text = "".join(_escape(c) if c not in '"\\' else c for c in os.fsdecode(path))
    return text if len(text) <= 300 else "…" + text[-299:]


def key_path(*parts: str) -> str:
    """A dotted TOML key path, each part bare when it can be and quoted (escaped) otherwise.

    >>> key_path("targets", "2022", "kl"), key_path("sources", "scoring.basis")
    ('targets.2022.kl', 'sources."scoring.basis"')
    >>> key_path("targets", "\\u0662\\u0660\\u0662\\u0662")
    'targets."٢٠٢٢"'
    """
    shown: list[str] = []
    for part in parts:
        if part.startswith("[") and part.endswith("]") and shown:
            shown[-1] += part
        elif _BARE_KEY.fullmatch(part):
            shown.append(part)
        else:
            shown.append(describe(part, limit=40))
    return ".".join(shown)


def describe(value: object, *, limit: int = 40) -> str:
    """A TOML value as a short text for messages, in neither language.

    Strings are quoted with control and direction-override characters escaped and cut to
    ``limit`` characters; an array shows its first four items (nested arrays and tables as
    ``[…]`` and ``{…}``), a table as ``{…}``.

    >>> describe("a\\x1bb"), describe([1, [2]]), describe({}), describe(True), describe(12)
    ('"a\\\\x1bb"', '[1, […]]', '{}', 'true', '12')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        cut = value if len(value) <= limit else value[: limit - 1] + "…"
        return '"' + "".join(_escape(c) for c in cut) + '"'
    if isinstance(value, int):
        if value.bit_length() > 100:
            return f"a whole number of about {int(value.bit_length() * 0.30103)} digits"
        return str(value)
    if isinstance(value, Decimal):
        text = str(value)
        return text if len(text) <= limit else text[: limit - 1] + "…"
    if isinstance(value, LongNumber):
        return value.text[: limit - 1] + "…"
    if isinstance(value, list):  # the first items, each short; nested ones only as […]/{…}
        shown = [
            ("[…]" if item else "[]")
            if isinstance(item, list)
            else ("{…}" if item else "{}")
            if isinstance(item, dict)
            else describe(item, limit=limit // 2)
            for item in value[:4]
        ]
        return "[" + ", ".join(shown) + (", …" if len(value) > 4 else "") + "]"
    if isinstance(value, dict):
        return "{…}" if value else "{}"
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return type(value).__name__  # pragma: no cover - tomllib makes no other type


def printable(text: str, *, keep: str = "") -> str:
    """``text`` with control, direction-override and lone-surrogate characters escaped.

    Characters in ``keep`` (``"\\n\\t"`` for a whole file) stay as they are.

    >>> printable("a\\u202eb\\nc"), printable("a\\nb", keep="\\n")
    ('a\\\\u202eb\\\\x0ac', 'a\\nb')
    """
    return "".join(c if c in keep or c in '"\\' else _escape(c) for c in text)


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x20 or 0x7F <= code < 0xA0 or char in '"\\' or _is_format(code):
        return (
            "\\" + char if char in '"\\' else f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
        )
    return char


def _is_format(code: int) -> bool:
    """Characters to escape besides controls: hidden, reordering or not encodable in UTF-8.

    Direction overrides, zero-width and line/paragraph separators, and lone surrogates (the
    undecodable bytes of a file name).
    """
    return (
        0xD800 <= code <= 0xDFFF
        or code in (0x061C, 0x200E, 0x200F, 0x2028, 0x2029)
        or 0x202A <= code <= 0x202E
        or (0x2066 <= code <= 0x2069)
        or 0x200B <= code <= 0x200D
        or code == 0xFEFF
    )

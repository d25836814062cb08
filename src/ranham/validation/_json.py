"""Raw JSON: bytes to Python values, with the checks that standard parsers skip.

Two parsers share the work. ``orjson`` reads well-formed documents fast; it already refuses a
byte-order mark, bad UTF-8, ``NaN``/``Infinity``, numbers beyond a double and lone surrogates,
but it silently keeps the last of two equal keys and turns integers beyond 64 bits into floats.
So a document that ``orjson`` refuses, that holds a run of 19 or more digits, or whose count of
object keys in the text differs from the keys that were parsed (see :func:`count_key_tokens`)
is read again by the standard library's parser with hooks that keep every problem: equal keys
(:class:`DupDict`), non-finite numbers (:class:`NonFinite`) and exact big integers. Positions
(line and column) are looked up afterwards, only for the pointers that have an issue
(:func:`locate`).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs
import orjson

from ranham._process import paused_gc  # re-exported: it moved to the process layer

__all__ = [
    "paused_gc",
    "DEFAULT_MAX_SIZE",
    "MAX_DEPTH",
    "MAX_DOUBLE",
    "INTEGER_LIMIT",
    "MAX_INTEGER_DIGITS",
    "DupDict",
    "Fatal",
    "NonFinite",
    "Positions",
    "count_key_tokens",
    "find_too_deep",
    "locate",
    "parse_fast",
    "parse_strict",
]


MAX_DEPTH = 64
"""The document object is at depth 1; any value at depth 65 or more is ``too-deep``."""

DEFAULT_MAX_SIZE = 256 * 1024 * 1024
"""The default size limit of a document (a file, or one line of a JSON Lines file)."""

_BOMS = (b"\xef\xbb\xbf", b"\xfe\xff", b"\xff\xfe")
_SURROGATE_ESCAPE = re.compile(r"(?<!\\)(\\++)u([dD][89a-fA-F][0-9a-fA-F]{2})")
_KEY_TOKEN = re.compile(rb'"[ \t\r\n]*+:')
MAX_INTEGER_DIGITS = 4300
"""The longest integer literal read exactly (Python's default ``sys.int_max_str_digits``).

An integer inside ``extensions`` is kept exactly up to this many digits (format.md: "at any
size"); a longer one is ``non-finite-number``, as reading it would cost time quadratic in its
length. Outside ``extensions`` an integer beyond the largest double is ``non-finite-number``.
"""

INTEGER_LIMIT = 10**MAX_INTEGER_DIGITS
"""The smallest integer too long to keep: ``abs(value) < INTEGER_LIMIT`` has at most
:data:`MAX_INTEGER_DIGITS` digits (a ``dict`` given by a program is held to the same bound)."""

MAX_DOUBLE = 1.7976931348623157e308
"""The largest finite double: a JSON number beyond it is ``non-finite-number``."""


class NonFinite:
    """Stands where the text has ``NaN``, ``Infinity`` or a number too large for a double."""

    __slots__ = ("literal",)

    def __init__(self, literal: str) -> None:
        self.literal = literal

    def __repr__(self) -> str:
        return f"NonFinite({self.literal!r})"


class InexactFloat(float):
    """A number of the text that a double cannot hold as written (``inexact-number``).

    Only the careful parser makes these, so that the warning can quote the text's digits.
    """

    def __new__(cls, value: float, literal: str) -> InexactFloat:
        new = super().__new__(cls, value)
        new.literal = literal
        return new

    def __reduce__(self) -> tuple[Any, ...]:
        return (InexactFloat, (float(self), self.literal))

    literal: str


def is_exact(literal: str, value: float) -> bool:
    """Whether the double ``value`` read from ``literal`` has the digits written (format.md).

    >>> is_exact("0.1", 0.1), is_exact("1e2", 100.0), is_exact("12345678901234567.89", 1.2e16)
    (True, True, False)
    """
    return Decimal(literal) == Decimal(repr(value))


class DupDict(dict[str, Any]):
    """A JSON object whose text repeats keys; ``duplicates`` lists each repeated occurrence."""

    __slots__ = ("duplicates",)

    def __init__(self, pairs: list[tuple[str, Any]], duplicates: list[str]) -> None:
        super().__init__(pairs)
        self.duplicates = duplicates


@attrs.frozen
class Fatal:
    """A problem after which nothing else in the document is checked."""

    code: str
    key: str
    params: Mapping[str, object] = attrs.field(factory=dict)
    offset: int | None = None
    line: int | None = None
    column: int | None = None
    path: tuple[str | int, ...] = ()


def precheck(data: bytes, max_size: int) -> Fatal | None:
    """Size and byte-order mark: the checks that need no parsing."""
    if len(data) > max_size:
        return Fatal("too-large", "too-large", {"size": len(data), "limit": max_size})
    if data.startswith(_BOMS):
        return Fatal("encoding", "encoding.bom", offset=0, line=1, column=1)
    return None


def parse_fast(data: bytes) -> tuple[bool, Any]:
    """``(True, value)`` when ``orjson`` reads ``data``, else ``(False, None)``.

    Two things are not checked here: repeated keys (compare :func:`count_key_tokens` with the
    keys that were parsed) and integers beyond 64 bits, which ``orjson`` turns into floats
    (a document that holds a float anywhere is read again by :func:`parse_strict`).
    """
    try:
        return True, orjson.loads(data)
    except orjson.JSONDecodeError:
        return False, None


def count_key_tokens(data: bytes) -> int:
    """An upper bound of the object keys in ``data``, exact for well-formed JSON.

    Every key is a string followed by optional white space and a colon; outside strings a quote
    always opens or closes a string, so the count can exceed the number of keys only when a
    string holds ``\\":`` or starts with a colon. When it equals the number of keys that were
    parsed, no key was repeated.
    """
    count = data.count(b'":')
    if _key_before_space_and_colon(data):
        count = len(_KEY_TOKEN.findall(data))
    return count


def _key_before_space_and_colon(data: bytes) -> bool:
    """Whether some quote is followed by white space and a colon (``"key" :``).

    Human text holds ``" :"`` now and then, so each occurrence of white space before a colon is
    looked at; a full regular-expression scan of a large document would cost more.
    """
    for pair in (b" :", b"\t:", b"\n:", b"\r:"):
        start = data.find(pair)
        while start != -1:
            before = start
            while before > 0 and data[before - 1] in b" \t\r\n":
                before -= 1
            if before > 0 and data[before - 1] == 0x22:  # '"'
                return True
            start = data.find(pair, start + 1)
    return False


def decode_text(data: bytes) -> str | Fatal:
    """``data`` as text, or the ``encoding`` problem that prevents it."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = error.start
        line_start = data.rfind(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
        return Fatal(
            "encoding",
            "encoding.utf8",
            {"offset": start},
            line=data.count(b"\n", 0, start) + 1,
            column=column,
        )


def parse_strict(text: str) -> tuple[Any, Fatal | None]:
    """Parse ``text`` keeping every problem: the value, or the fatal problem that stops it."""
    surrogate = _lone_surrogate(text)
    if surrogate is not None:
        offset, escape = surrogate
        line, column = Positions(text).line_column(offset)
        fatal = Fatal("encoding", "encoding.surrogate", {"escape": escape}, offset, line, column)
        return None, fatal
    decoder = json.JSONDecoder(
        object_pairs_hook=_object,
        parse_constant=NonFinite,
        parse_float=_float,
        parse_int=_int,
    )
    try:
        return decoder.decode(text), None
    except json.JSONDecodeError as error:
        return None, _syntax_error(text, error)
    except RecursionError:
        params = {"limit": MAX_DEPTH}
        deep = find_too_deep(text)
        if deep is None:
            return None, Fatal("too-deep", "too-deep", params)
        path, offset = deep
        line, column = Positions(text).line_column(offset)
        return None, Fatal("too-deep", "too-deep", params, offset, line, column, path)


def _syntax_error(text: str, error: json.JSONDecodeError) -> Fatal:
    """The ``json-syntax`` problem of ``error``; a trailing comma is named and pointed at.

    Python 3.11's decoder reports ``[1, 2,]`` as "Expecting value" at the closing bracket (on the
    next line, when the bracket is there); Python 3.13 names the comma. The problem is said in
    3.13's words, at the comma, on every Python version.
    """
    message, offset, line, column = error.msg, error.pos, error.lineno, error.colno
    closer = _TRAILING.get(message)
    if closer is not None and text[offset : offset + 1] == closer[0]:
        comma = offset - 1
        while comma >= 0 and text[comma] in _JSON_SPACE:
            comma -= 1
        if comma >= 0 and text[comma] == ",":
            message, offset = closer[1], comma
            line, column = Positions(text).line_column(offset)
    detail = {"detail": message, "detail_id": _SYNTAX_ID.get(message, message)}
    return Fatal("json-syntax", "json-syntax", detail, offset, line, column)


_JSON_SPACE = frozenset(" \t\n\r")
# the decoder's message at a closing bracket -> (that bracket, what the problem really is)
_TRAILING = {
    "Expecting value": ("]", "Illegal trailing comma before end of array"),
    "Expecting property name enclosed in double quotes": (
        "}",
        "Illegal trailing comma before end of object",
    ),
}

_SYNTAX_ID = {
    "Expecting value": "diharapkan sebuah nilai",
    "Expecting ',' delimiter": "diharapkan pemisah ','",
    "Expecting ':' delimiter": "diharapkan pemisah ':'",
    "Expecting property name enclosed in double quotes": (
        "diharapkan nama kolom di antara tanda kutip ganda"
    ),
    "Unterminated string starting at": "teks tidak ditutup",
    "Invalid control character at": "karakter kontrol tidak sah di dalam teks",
    "Invalid \\escape": "escape \\ tidak sah",
    "Invalid \\uXXXX escape": "escape \\uXXXX tidak sah",
    "Extra data": "ada data tambahan setelah akhir dokumen",
    "Illegal trailing comma before end of object": "koma berlebih sebelum akhir objek",
    "Illegal trailing comma before end of array": "koma berlebih sebelum akhir larik",
}


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    duplicates = []
    for key, _ in pairs:
        if key in seen:
            duplicates.append(key)
        seen.add(key)
    return DupDict(list(result.items()), duplicates)


def _float(literal: str) -> float | NonFinite:
    value = float(literal)
    if value in (float("inf"), float("-inf")):
        return NonFinite(literal)
    if not is_exact(literal, value):
        return InexactFloat(value, literal)
    return value


def _int(literal: str) -> int | NonFinite:
    if len(literal) > MAX_INTEGER_DIGITS and len(literal.lstrip("-")) > MAX_INTEGER_DIGITS:
        return NonFinite(literal[:20] + "…")
    try:
        return int(literal)
    except ValueError:  # a host that lowered sys.int_max_str_digits
        return NonFinite(literal[:20] + "…")


def _lone_surrogate(text: str) -> tuple[int, str] | None:
    """The offset and text of the first ``\\uD800``–``\\uDFFF`` escape that has no partner."""
    if "\\u" not in text and "\\U" not in text:
        return None
    expect_low_at = -1
    for match in _SURROGATE_ESCAPE.finditer(text):
        if len(match.group(1)) % 2 == 0:
            continue  # an escaped backslash followed by the letters 'u…'
        start = match.start(1) + len(match.group(1)) - 1
        unit = int(match.group(2), 16)
        if unit < 0xDC00:  # high surrogate: a low one must follow at once
            if expect_low_at != -1:
                return expect_low_at - 6, text[expect_low_at - 6 : expect_low_at]
            expect_low_at = match.end()
        elif start == expect_low_at:
            expect_low_at = -1
        else:
            if expect_low_at != -1:
                return expect_low_at - 6, text[expect_low_at - 6 : expect_low_at]
            return start, text[start : match.end()]
    if expect_low_at != -1:
        return expect_low_at - 6, text[expect_low_at - 6 : expect_low_at]
    return None


class Positions:
    """Line and column (1-based, in characters) of offsets in one text."""

    def __init__(self, text: str) -> None:
        self._newlines = [m.start() for m in re.finditer("\n", text)]

    def line_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of character ``offset``."""
        line = bisect.bisect_left(self._newlines, offset)
        line_start = self._newlines[line - 1] + 1 if line else 0
        return line + 1, offset - line_start + 1


Pointer = tuple[str | int, ...]


@attrs.define
class Located:
    """Where one pointer's value (and key, for object members) stand in the text."""

    values: list[int] = attrs.Factory(list)
    keys: list[int] = attrs.Factory(list)
    container: int | None = None


_WS = re.compile(r"[ \t\n\r]*+")
_RAW = json.JSONDecoder()
_SCALAR = re.compile(
    r"-?(?:0|[1-9][0-9]*+)(?:\.[0-9]++)?(?:[eE][-+]?[0-9]++)?|true|false|null|NaN|-?Infinity"
)


def find_too_deep(text: str) -> tuple[Pointer, int] | None:
    """The path and offset of the first value beyond :data:`MAX_DEPTH`, without recursion.

    For a text too deep for the standard library's recursive parser; ``None`` when no value is
    too deep or the text stops being JSON before one is reached.

    >>> path, offset = find_too_deep('{"a": ' + "[" * 64 + "]" * 64 + "}")
    >>> len(path), path[:3], offset
    (64, ('a', 0, 0), 69)
    >>> find_too_deep('{"a": [[1]]}') is None
    True
    """
    scan = json.decoder.scanstring  # type: ignore[attr-defined]
    path: list[str | int] = []
    open_: list[str] = []
    try:
        index = _WS.match(text).end()  # type: ignore[union-attr]
        while True:
            # ``index`` is at a value, ``len(open_) + 1`` deep.
            if len(open_) >= MAX_DEPTH:
                return tuple(path), index
            char = text[index]
            ended = True
            if char in "{[":
                index = _WS.match(text, index + 1).end()  # type: ignore[union-attr]
                if text[index] != ("}" if char == "{" else "]"):
                    open_.append(char)
                    ended = False
                    if char == "{":
                        key, index = _member(text, index, scan)
                        path.append(key)
                    else:
                        path.append(0)
                else:
                    index += 1
            elif char == '"':
                index = scan(text, index + 1)[1]
            else:
                match = _SCALAR.match(text, index)
                if match is None:
                    return None
                index = match.end()
            while ended:
                if not open_:
                    return None
                index = _WS.match(text, index).end()  # type: ignore[union-attr]
                char = text[index]
                if char == ",":
                    index = _WS.match(text, index + 1).end()  # type: ignore[union-attr]
                    last = path[-1]
                    if open_[-1] == "{":
                        path[-1], index = _member(text, index, scan)
                    elif isinstance(last, int):
                        path[-1] = last + 1
                    ended = False
                elif char == ("}" if open_[-1] == "{" else "]"):
                    open_.pop()
                    path.pop()
                    index += 1
                else:
                    return None
    except (ValueError, IndexError):
        return None


def _member(text: str, index: int, scan: Any) -> tuple[str, int]:
    """Read ``"key" :`` at ``index``; return the key and the index of the value."""
    if text[index] != '"':
        raise ValueError("expected a key")
    key, index = scan(text, index + 1)
    index = _WS.match(text, index).end()  # type: ignore[union-attr]
    if text[index] != ":":
        raise ValueError("expected ':'")
    return key, _WS.match(text, index + 1).end()  # type: ignore[union-attr]


def locate(text: str, pointers: Iterable[Pointer]) -> dict[Pointer, Located]:
    """Offsets of the values (and keys) that ``pointers`` name, every occurrence in order.

    Only the containers on the way to a wanted pointer are walked in Python; everything else is
    skipped by the standard library's C scanner. For a pointer whose last member is absent,
    ``container`` is the offset of the object or array it would belong to.
    """
    trie: dict[Any, Any] = {}
    for pointer in pointers:
        node = trie
        for segment in pointer:
            node = node.setdefault(segment, {})
        node[_END] = True
    found: dict[Pointer, Located] = {}
    if not trie:
        return found
    try:
        start = _WS.match(text, 0).end()  # type: ignore[union-attr]
        _walk(text, start, trie, (), found)
    except (ValueError, IndexError, RecursionError):
        pass  # positions are a courtesy; an unreadable stretch leaves them unknown
    return found


_END = object()


def _walk(
    text: str, index: int, node: dict[Any, Any], path: Pointer, found: dict[Pointer, Located]
) -> int:
    """Walk the value at ``index`` along ``node``; return the index after it."""
    if node.get(_END):
        found.setdefault(path, Located()).values.append(index)
    char = text[index]
    children = [k for k in node if k is not _END]
    if not children or char not in "{[":
        return _RAW.raw_decode(text, index)[1]
    for child in children:
        located = found.setdefault((*path, child), Located())
        located.container = index
    if char == "{":
        return _walk_object(text, index, node, path, found)
    return _walk_array(text, index, node, path, found)


def _walk_object(
    text: str, index: int, node: dict[Any, Any], path: Pointer, found: dict[Pointer, Located]
) -> int:
    index = _WS.match(text, index + 1).end()  # type: ignore[union-attr]
    if text[index] == "}":
        return index + 1
    while True:
        key_at = index
        key, index = json.decoder.scanstring(text, index + 1)  # type: ignore[attr-defined]
        index = _WS.match(text, index).end()  # type: ignore[union-attr]
        index = _WS.match(text, index + 1).end()  # type: ignore[union-attr]  # past ':'
        child = node.get(key)
        if child is not None:
            found.setdefault((*path, key), Located()).keys.append(key_at)
            index = _walk(text, index, child, (*path, key), found)
        else:
            index = _RAW.raw_decode(text, index)[1]
        index = _WS.match(text, index).end()  # type: ignore[union-attr]
        if text[index] == "}":
            return index + 1
        index = _WS.match(text, index + 1).end()  # type: ignore[union-attr]  # past ','


def _walk_array(
    text: str, index: int, node: dict[Any, Any], path: Pointer, found: dict[Pointer, Located]
) -> int:
    index = _WS.match(text, index + 1).end()  # type: ignore[union-attr]
    if text[index] == "]":
        return index + 1
    position = 0
    while True:
        child = node.get(position)
        if child is not None:
            index = _walk(text, index, child, (*path, position), found)
        else:
            index = _RAW.raw_decode(text, index)[1]
        index = _WS.match(text, index).end()  # type: ignore[union-attr]
        if text[index] == "]":
            return index + 1
        index = _WS.match(text, index + 1).end()  # type: ignore[union-attr]
        position += 1


class CompactLayout:
    """Positions in a text that is ``orjson.dumps`` of its parsed value, up to each one asked for.

    Machine-written documents are usually compact JSON. Where the text is the compact
    serialisation of the value parsed from it, the offset of any member follows from the
    lengths of what precedes it, each the length of its compact serialisation: no need to scan
    the text. Each serialisation is compared with the text where it should stand, so only the
    stretch before a wanted member is ever serialised (never the whole document), and a text
    laid out otherwise before that member is noticed: :meth:`locate` then returns ``None`` and
    :func:`locate` must scan the text instead. White space after the last wanted member, such
    as the final newline of every file ``ranham`` writes, moves no offset and costs nothing.
    """

    def __init__(self, value: Any, data: bytes) -> None:
        self._value = value
        self._data = data
        self._children: dict[int, list[int]] = {}

    def _start(self, container: Any, offset: int, index: int) -> int | None:
        """The offset of member ``index`` (a key, or an array item) of ``container``.

        Members' offsets are computed once per container, and only as far as asked: the members
        after the last one asked for are never serialised. ``None`` when the text differs from
        the compact serialisation before the member.
        """
        data = self._data
        known = self._children.setdefault(id(container), [offset + 1])  # its bracket was checked
        if len(known) <= index:
            items = list(container.items()) if isinstance(container, dict) else container
            position = known[-1]
            for member in items[len(known) - 1 : index]:
                item = member
                if isinstance(container, dict):
                    key, item = member
                    position = _compact_at(data, key, position, b":")
                    if position < 0:
                        return None
                position = _compact_at(data, item, position, b",")
                if position < 0:
                    return None
                known.append(position)
        return known[index]

    def locate(self, pointers: Iterable[Pointer]) -> dict[Pointer, Located] | None:
        """The same answer as :func:`locate` gives on the decoded text, in byte offsets.

        ``None`` when the text is not compact before one of the members; :meth:`columns` turns
        the offsets into columns (a compact text is one line up to them).
        """
        found: dict[Pointer, Located] = {}
        try:
            for pointer in pointers:
                located = self._locate(pointer)
                if located is None:
                    return None
                found[pointer] = located
        except (TypeError, orjson.JSONEncodeError):  # a value orjson cannot write back
            return None
        return found

    def _locate(self, pointer: Pointer) -> Located | None:
        data = self._data
        node, offset = self._value, 0
        located = Located()
        last = len(pointer) - 1
        for depth, segment in enumerate(pointer):
            if not _begins(data, node, offset):
                return None
            if _scalar(node):  # a pointer through a scalar: the scanner never reaches it
                return located
            if depth == last:
                located.container = offset
            if isinstance(node, dict):
                if segment not in node:
                    return located
                key_at = self._start(node, offset, list(node).index(segment))
                value_at = -1 if key_at is None else _compact_at(data, segment, key_at, b":")
                if key_at is None or value_at < 0:
                    return None
                if depth == last:
                    located.keys.append(key_at)
                node, offset = node[segment], value_at
            else:
                if type(segment) is not int or not 0 <= segment < len(node):
                    return located
                start = self._start(node, offset, segment)
                if start is None:
                    return None
                node, offset = node[segment], start
        if not _begins(data, node, offset):
            return None
        located.values.append(offset)
        return located

    def columns(self, offsets: Iterable[int]) -> dict[int, int]:
        """The 1-based column, in characters, of each byte offset (the text is one line)."""
        wanted = sorted(set(offsets))
        if self._data.isascii():
            return {offset: offset + 1 for offset in wanted}
        out: dict[int, int] = {}
        characters = previous = 0
        for offset in wanted:  # decode each stretch once, in order
            characters += len(self._data[previous:offset].decode("utf-8"))
            out[offset] = characters + 1
            previous = offset
        return out


def _compact_at(data: bytes, value: Any, offset: int, then: bytes) -> int:
    """The offset after ``value``'s compact serialisation and ``then`` at ``offset`` in ``data``.

    ``-1`` when the text holds something else there (raises what :func:`orjson.dumps` raises
    for a value it cannot write).
    """
    written = orjson.dumps(value)
    end = offset + len(written)
    if data.startswith(written, offset) and data.startswith(then, end):
        return end + len(then)
    return -1


def _scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _opens(data: bytes, container: dict[Any, Any] | list[Any], offset: int) -> bool:
    """Whether the compact serialisation of ``container`` can begin at ``offset``."""
    return data.startswith(b"{" if isinstance(container, dict) else b"[", offset)


def _begins(data: bytes, value: Any, offset: int) -> bool:
    """Whether ``value`` begins at ``offset``: the whole of a scalar, a container's bracket.

    Enough to place the value: what precedes it was compared byte for byte, and the text of a
    container is compared member by member as far as a pointer goes into it.
    """
    if _scalar(value):
        return _compact_at(data, value, offset, b"") >= 0
    return _opens(data, value, offset)

"""Corruption families for raw JSON: bytes that stop validation before any rule is read."""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import strategies as st

from ranham.strategies._family import Broken, copy_of, dumps_with
from ranham.strategies._shapes import Facts, Path, blank_is_safe, members

Doc = dict[str, Any]
_MAX_DEPTH = 64


def anywhere(doc: Doc, known: Facts) -> list[None]:
    """Raw families apply to every document."""
    return [None]


def encoding(draw: st.DrawFn, doc: Doc, known: Facts, _: None) -> Broken:
    """A byte-order mark, bytes that are not UTF-8, UTF-16, or a lone surrogate escape."""
    data = orjson.dumps(doc)
    variant = draw(st.sampled_from(("bom", "byte", "utf-16", "surrogate")))
    if variant == "bom":
        broken = b"\xef\xbb\xbf" + data
    elif variant == "byte":
        at = draw(st.integers(0, len(data)))
        bad = draw(st.sampled_from((b"\xff", b"\xc0", b"\x80", b"\xed\xa0\x80")))
        broken = data[:at] + bad + data[at:]
    elif variant == "utf-16":
        broken = data.decode("utf-8").encode("utf-16")
    else:
        texts = [path for path, member, _ in members(doc) if member.type == "string"]
        path = texts[draw(st.integers(0, len(texts) - 1))]
        escape = draw(st.sampled_from((rb"\ud800", rb"\udfff", rb"\udc00\ud800")))
        value = _value_at(doc, path)
        broken = dumps_with(doc, {path: orjson.dumps(value)[:-1] + escape + b'"'})
    return Broken(broken, (), f"{variant}: the bytes are not UTF-8 JSON text")


def _value_at(doc: Doc, path: Path) -> Any:
    value: Any = doc
    for segment in path:
        value = value[segment]
    return value


def json_syntax(draw: st.DrawFn, doc: Doc, known: Facts, _: None) -> Broken:
    """Cut the document short, or add a trailing comma, extra data or a comment."""
    text = orjson.dumps(doc).decode("utf-8")
    variant = draw(st.sampled_from(("truncated", "trailing-comma", "extra-data", "comment")))
    if variant == "truncated":
        text = text[: draw(st.integers(0, len(text) - 1))]
    elif variant == "trailing-comma":
        text = text[:-1] + ",}"
    elif variant == "extra-data":
        text += draw(st.sampled_from(("{}", " x", "]", "\n{}")))
    else:
        text = "// laporan\n" + text
    return Broken(text.encode("utf-8"), (), f"{variant}: the bytes are not well-formed JSON")


def too_large(draw: st.DrawFn, doc: Doc, known: Facts, _: None) -> Broken:
    """Validate against a size limit smaller than the document (see ``Corruption.max_size``)."""
    data = orjson.dumps(doc)
    limit = draw(st.integers(0, len(data) - 1))
    return Broken(data, (), f"the document has {len(data)} bytes, the limit is {limit}", limit)


def too_deep(draw: st.DrawFn, doc: Doc, known: Facts, _: None) -> Broken:
    """Nest arrays inside ``extensions`` until a value lies at depth 65 or more."""
    broken = copy_of(doc)
    extensions = broken.setdefault("extensions", {})
    key = draw(st.text(max_size=6).filter(lambda k: k not in extensions))
    extensions[key] = None
    deepest = draw(st.integers(_MAX_DEPTH + 1, _MAX_DEPTH + 8))
    arrays = deepest - 3  # the document is at depth 1, extensions at 2, the member at 3
    raw = b"[" * arrays + b"0" + b"]" * arrays
    path: Path = ("extensions", key, *([0] * (_MAX_DEPTH + 1 - 3)))
    data = dumps_with(broken, {("extensions", key): raw})
    return Broken(data, path, f"nested values down to depth {deepest}")


def duplicate_targets(doc: Doc, known: Facts) -> list[Path]:
    """Every member of every object, ``extensions`` and windows included."""
    out: list[Path] = []
    _members(doc, (), out)
    return out


def _members(value: Any, path: Path, out: list[Path]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            out.append((*path, key))
            _members(item, (*path, key), out)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _members(item, (*path, index), out)


def duplicate_key(draw: st.DrawFn, doc: Doc, known: Facts, path: Path) -> Broken:
    """Write one member twice, with the same value."""
    return Broken(dumps_with(doc, repeat=path), path, "wrote a member twice")


def number_targets(doc: Doc, known: Facts) -> list[Path | None]:
    """Scalars whose unusable value silences only their own rules; ``None``: a new extension."""
    out: list[Path | None] = [None]
    for path, member, value in members(doc):
        if not blank_is_safe(doc, known, path):
            continue
        if member.type in ("string", "integer", "boolean"):
            out.append(path)
        elif member.type == "array" and member.child == "item":
            out.extend((*path, i) for i in range(len(value)))
    return out


# 4,301 digits: beyond a double in a typed field, and beyond MAX_INTEGER_DIGITS in extensions
_NON_FINITE = (b"NaN", b"Infinity", b"-Infinity", b"1e400", b"-1e999", b"9" * 4301)


def non_finite_number(draw: st.DrawFn, doc: Doc, known: Facts, target: Path | None) -> Broken:
    """Write ``NaN``, an infinity or a number beyond a double where a value stands."""
    literal = draw(st.sampled_from(_NON_FINITE))
    broken = copy_of(doc)
    if target is None:
        extensions = broken.setdefault("extensions", {})
        key = draw(st.text(max_size=6).filter(lambda k: k not in extensions))
        extensions[key] = None
        target = ("extensions", key)
    data = dumps_with(broken, {target: literal})
    return Broken(data, target, f"wrote {literal[:12].decode()} where a value stood")


def not_an_object(draw: st.DrawFn, doc: Doc, known: Facts, _: None) -> Broken:
    """The document inside an array, or a JSON value that is not an object."""
    data = orjson.dumps(doc)
    broken = draw(
        st.sampled_from((b"[" + data + b"]", b'"report"', b"null", b"42", b"[]", b"true"))
    )
    return Broken(broken, (), "the JSON text is not an object")


def unknown_kind(draw: st.DrawFn, doc: Doc, known: Facts, _: None) -> Broken:
    """A ``kind`` that is missing, misspelt or not a string."""
    broken = copy_of(doc)
    value: Any = draw(
        st.sampled_from(("Report", "laporan", "catalogue", "", "reports", None, 1, ["report"], {}))
    )
    if draw(st.booleans()):
        del broken["kind"]
        return Broken(orjson.dumps(broken), ("kind",), "removed kind")
    broken["kind"] = value
    return Broken(orjson.dumps(broken), ("kind",), f"set kind to {value!r}")


def unsupported_version(draw: st.DrawFn, doc: Doc, known: Facts, _: None) -> Broken:
    """A ``schema_version`` that is missing, malformed, of another major or a newer minor."""
    broken = copy_of(doc)
    value: Any = draw(
        st.sampled_from(("2.0", "1.1", "0.9", "1", "1.0.0", "v1.0", "", "01.0", None, 1.0, 1))
    )
    if draw(st.booleans()):
        del broken["schema_version"]
        return Broken(orjson.dumps(broken), ("schema_version",), "removed schema_version")
    broken["schema_version"] = value
    return Broken(orjson.dumps(broken), ("schema_version",), f"set schema_version to {value!r}")

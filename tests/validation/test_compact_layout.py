"""Positions taken from the compact layout equal the positions the text scanner finds.

A machine-written document is compact JSON: the offset of a member then follows from the
compact serialisations of what precedes it, without scanning the text
(:class:`ranham.validation._json.CompactLayout`). Only the stretch before each wanted member is
compared with the text, so a document that is compact up to its issues is placed without a
scan too, and any other layout falls back to :func:`ranham.validation._json.locate`.
"""

from __future__ import annotations

import json
from typing import Any

import orjson
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ranham.validation._json import CompactLayout, Located, locate
from tests.conftest import examples

Pointer = tuple[str | int, ...]

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
_values = st.recursive(
    _scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=25,
)
_documents = st.dictionaries(st.text(max_size=6), _values, max_size=5)


def _paths(value: Any, here: Pointer = ()) -> list[Pointer]:
    """Every member's pointer, and beside each container one member it does not have."""
    out: list[Pointer] = [here]
    if isinstance(value, dict):
        out.append((*here, "\x00absent"))
        for key, item in value.items():
            out += _paths(item, (*here, key))
    elif isinstance(value, list):
        out.append((*here, len(value)))
        for index, item in enumerate(value):
            out += _paths(item, (*here, index))
    return out


def _layouts(document: dict[str, Any]) -> st.SearchStrategy[bytes]:
    compact = orjson.dumps(document)
    return (
        st.sampled_from(
            [
                compact,
                compact + b"\n",
                b" " + compact,
                json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode(),
                json.dumps(document, separators=(",", ":")).encode(),  # non-ASCII escaped
                json.dumps(document, ensure_ascii=False).encode(),  # ", " and ": "
                json.dumps(document, ensure_ascii=False, indent=1).encode(),
            ]
        )
        | st.integers(0, len(compact)).map(lambda cut: compact[:cut] + b" " + compact[cut:])
    )


def _char_offsets(layout: CompactLayout, found: dict[Pointer, Located]) -> dict[Pointer, Located]:
    """The layout's byte offsets as character offsets, as the scanner of the text gives them."""
    offsets = [o for lo in found.values() for o in (*lo.values, *lo.keys)]
    offsets += [lo.container for lo in found.values() if lo.container is not None]
    column = layout.columns(offsets)
    return {
        pointer: Located(
            [column[o] - 1 for o in lo.values],
            [column[o] - 1 for o in lo.keys],
            None if lo.container is None else column[lo.container] - 1,
        )
        for pointer, lo in found.items()
    }


@settings(max_examples=examples(200))
@given(st.data())
def test_the_layout_places_a_member_where_the_scanner_finds_it(data: st.DataObject) -> None:
    document = data.draw(_documents)
    text = data.draw(_layouts(document))
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:  # a space inserted inside a token
        assume(False)
    pointers = data.draw(st.lists(st.sampled_from(_paths(value)), min_size=1, max_size=6))
    layout = CompactLayout(value, text)
    found = layout.locate(pointers)
    if text.rstrip(b"\n") == orjson.dumps(value):
        assert found is not None  # the compact text is placed without a scan
    if found is not None:
        assert _char_offsets(layout, found) == _asked(text, pointers)


def _asked(text: bytes, pointers: list[Pointer]) -> dict[Pointer, Located]:
    """What the scanner finds for ``pointers`` (it also reports the containers on the way)."""
    found = locate(text.decode(), pointers)
    return {pointer: found.get(pointer, Located()) for pointer in pointers}


def test_a_text_compact_up_to_the_member_is_placed_without_a_scan() -> None:
    value = {"a": [1, {"b": "ü"}], "z": {"y": [1, 2, 3]}}
    text = orjson.dumps(value)[:-1] + b"  }"  # white space only after every wanted member
    layout = CompactLayout(orjson.loads(text), text)
    found = layout.locate([("a", 1, "b"), ("z", "x")])
    assert found is not None
    assert _char_offsets(layout, found) == _asked(text, [("a", 1, "b"), ("z", "x")])


def test_a_difference_before_the_member_is_refused() -> None:
    value = {"a": [1, 2], "b": True}
    for text in (b'{"a":[1, 2],"b":true}', b'{"a":[1,2] ,"b":true}', b'{"a" :[1,2],"b":true}'):
        assert CompactLayout(orjson.loads(text), text).locate([("b",)]) is None, text
    # the same text, asked only for what precedes the difference
    assert CompactLayout(value, b'{"a":[1, 2],"b":true}').locate([("a", 0)]) is not None

"""The bottom layer of words: one catalog mechanism, two languages alike."""

from __future__ import annotations

import enum
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ranham.errors import InvariantError
from ranham.model import Addressee, FollowUpStatus, Theme
from ranham.recommendations import LABELS, LinkState, label
from ranham.recommendations.labels import label_key
from ranham.rules.texts import TEXTS
from ranham.validation.messages import MESSAGES
from ranham.words import LANGS, Catalog, check_lang, fill, placeholders

_NAMES = st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=8)
_PLAIN = st.text(alphabet=string.ascii_letters + " .,:", max_size=12)


@st.composite
def _templates(draw: st.DrawFn, names: frozenset[str]) -> str:
    """A template that uses exactly ``names``, in some order, between plain text."""
    order = draw(st.permutations(sorted(names)))
    parts = [draw(_PLAIN)]
    for name in order:
        parts += ["{" + name + "}", draw(_PLAIN)]
    return "".join(parts)


@given(st.data(), st.dictionaries(_NAMES, st.frozensets(_NAMES, max_size=3), max_size=5))
def test_a_catalog_with_the_same_keys_and_placeholders_is_built(data, shape):
    en = {key: data.draw(_templates(names)) for key, names in shape.items()}
    id_ = {key: data.draw(_templates(names)) for key, names in shape.items()}
    catalog = Catalog("drawn", en=en, id=id_)
    assert dict(catalog.en) == en
    assert dict(catalog.id) == id_
    assert set(catalog) == set(shape)


@given(st.data(), st.dictionaries(_NAMES, st.frozensets(_NAMES, max_size=3), min_size=1))
def test_a_key_missing_in_one_language_is_refused(data, shape):
    en = {key: data.draw(_templates(names)) for key, names in shape.items()}
    dropped = data.draw(st.sampled_from(sorted(shape)))
    id_ = {key: value for key, value in en.items() if key != dropped}
    with pytest.raises(InvariantError, match=dropped):
        Catalog("drawn", en=en, id=id_)
    with pytest.raises(InvariantError, match=dropped):
        Catalog("drawn", en=id_, id=en)


@given(st.data(), st.frozensets(_NAMES, max_size=3), _NAMES)
def test_different_placeholders_are_refused(data, names, other):
    more = names | {other}
    if more == names:
        more = names - {other}
    with pytest.raises(InvariantError, match="placeholders"):
        Catalog(
            "drawn", en={"k": data.draw(_templates(names))}, id={"k": data.draw(_templates(more))}
        )


@given(st.data(), st.frozensets(_NAMES, max_size=4))
def test_render_fills_the_given_placeholders_and_shows_the_others(data, names):
    template = data.draw(_templates(names))
    catalog = Catalog("drawn", en={"k": template}, id={"k": template})
    given_names = data.draw(st.frozensets(st.sampled_from(sorted(names)))) if names else frozenset()
    params = {name: f"<{name.upper()}>" for name in given_names}
    for lang in LANGS:
        text = catalog.render("k", params, lang)
        for name in names:
            shown = f"<{name.upper()}>" if name in given_names else "{" + name + "}"
            assert shown in text
        assert placeholders(text) == names - given_names


def test_literal_braces_and_unused_parameters():
    assert fill("{{x}} {y}", {"y": 1, "z": 2}) == "{x} 1"
    assert placeholders("{{x}} {y}") == frozenset({"y"})


def test_a_catalog_cannot_be_changed():
    catalog = Catalog("c", en={"k": "a"}, id={"k": "b"})
    with pytest.raises(AttributeError):
        catalog.name = "d"  # type: ignore[misc]
    with pytest.raises(TypeError):
        catalog.en["k"] = "c"  # type: ignore[index]
    with pytest.raises(AttributeError):
        del catalog.name
    assert repr(catalog) == "Catalog('c', 1 keys)"
    assert len(catalog) == 1
    assert "k" in catalog
    assert "x" not in catalog


def test_unknown_keys_and_languages():
    catalog = Catalog("c", en={"k": "a"}, id={"k": "b"})
    with pytest.raises(KeyError):
        catalog.render("nope", {}, "en")
    with pytest.raises(InvariantError, match="'lang' must be 'en' or 'id'"):
        catalog.render("k", {}, "fr")  # type: ignore[arg-type]
    assert check_lang("en") == "en"
    with pytest.raises(ValueError, match="got 'EN'"):
        check_lang("EN")


@pytest.mark.parametrize("catalog", [MESSAGES, TEXTS, LABELS], ids=lambda c: c.name)
def test_every_catalog_of_ranham_is_one_catalog(catalog):
    assert isinstance(catalog, Catalog)
    assert len(catalog) > 0
    for key in catalog:
        assert catalog.template(key, "en").strip()
        assert catalog.template(key, "id").strip()


@pytest.mark.parametrize("kind", [Addressee, Theme, FollowUpStatus, LinkState])
def test_every_value_shown_to_people_has_a_label_in_both_languages(kind: type[enum.Enum]):
    for value in kind:
        assert label_key(value) in LABELS, value
        assert label(value, "en") == LABELS.en[label_key(value)]
        assert label(value, "id") == LABELS.id[label_key(value)]


def test_a_value_without_a_label_shows_its_code():
    class Later(enum.Enum):
        NEW = "new-code"

    assert label(Later.NEW, "id") == "new-code"

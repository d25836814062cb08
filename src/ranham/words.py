"""Words for people, in English and Indonesian: the languages and the one catalog mechanism.

This is the bottom layer of texts. It imports only the standard library and
:mod:`ranham.errors`, so every other layer (the model, validation, rules, recommendations, the
command line) may say things to people without loading any other part of ``ranham``.

A :class:`Catalog` holds, for each key, one template per language of :data:`LANGS`. Building a
catalog checks that both languages hold exactly the same keys and, for each key, the same
``{placeholders}``; rendering fills the placeholders and leaves any placeholder without a value
visible (``{name}``) instead of failing, so a text never raises.

>>> greetings = Catalog(
...     "greetings",
...     en={"hello": "Hello, {name}."},
...     id={"hello": "Halo, {name}."},
... )
>>> greetings.render("hello", {"name": "Budi"}, "id")
'Halo, Budi.'
>>> greetings.render("hello", {}, "en")
'Hello, {name}.'
>>> Catalog("broken", en={"a": "{x}"}, id={"a": "{y}"})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ranham.errors.InvariantError: catalog 'broken': key 'a' uses {x} in en but {y} in id; ...
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Literal, NoReturn, TypeAlias

from ranham.errors import InvariantError

__all__ = ["LANGS", "Catalog", "Lang", "check_lang", "fill", "placeholders"]

Lang: TypeAlias = Literal["en", "id"]
"""A language of ``ranham``'s texts: ``"en"`` (English) or ``"id"`` (Indonesian)."""

LANGS: tuple[Lang, ...] = ("en", "id")
"""Every language, English first."""


def check_lang(lang: object) -> Lang:
    """``lang`` if it is one of :data:`LANGS`; else an :class:`~ranham.errors.InvariantError`.

    >>> check_lang("id")
    'id'
    """
    for known in LANGS:
        if lang == known:
            return known
    raise InvariantError(f"'lang' must be 'en' or 'id' (got {lang!r}).")


def placeholders(template: str) -> frozenset[str]:
    """The ``{names}`` a template uses (``{{`` and ``}}`` are literal braces).

    >>> sorted(placeholders("{n} of {total} {{not this}}"))
    ['n', 'total']
    """
    return frozenset(
        name for _, name, _, _ in string.Formatter().parse(template) if name is not None
    )


class _Visible(dict[str, object]):
    """Leaves a placeholder without a value visible instead of raising (texts never fail)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Catalog:
    """Templates by key, one per language, with the same keys and placeholders in each.

    ``name`` says which catalog a problem is in. The templates are read-only:
    :attr:`en` and :attr:`id` are mappings that cannot be changed, and so is the catalog.
    """

    __slots__ = ("_templates", "name")

    name: str
    _templates: Mapping[Lang, Mapping[str, str]]

    def __init__(self, name: str, *, en: Mapping[str, str], id: Mapping[str, str]) -> None:
        english, indonesian = dict(en), dict(id)
        if english.keys() != indonesian.keys():
            only_en = sorted(english.keys() - indonesian.keys())
            only_id = sorted(indonesian.keys() - english.keys())
            raise InvariantError(
                f"catalog {name!r}: both languages must hold the same keys "
                f"(only in en: {only_en}; only in id: {only_id})."
            )
        for key, template in english.items():
            used_en, used_id = placeholders(template), placeholders(indonesian[key])
            if used_en != used_id:
                raise InvariantError(
                    f"catalog {name!r}: key {key!r} uses {_braced(used_en)} in en but "
                    f"{_braced(used_id)} in id; both languages must use the same placeholders."
                )
        object.__setattr__(self, "name", name)
        object.__setattr__(
            self,
            "_templates",
            MappingProxyType({"en": MappingProxyType(english), "id": MappingProxyType(indonesian)}),
        )

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"a Catalog cannot be changed (tried to set {name!r}).")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"a Catalog cannot be changed (tried to delete {name!r}).")

    def __repr__(self) -> str:
        return f"Catalog({self.name!r}, {len(self)} keys)"

    def __len__(self) -> int:
        return len(self._templates["en"])

    def __iter__(self) -> Iterator[str]:
        return iter(self._templates["en"])

    def __contains__(self, key: object) -> bool:
        return key in self._templates["en"]

    @property
    def en(self) -> Mapping[str, str]:
        """The English templates by key (read-only)."""
        return self._templates["en"]

    @property
    def id(self) -> Mapping[str, str]:
        """The Indonesian templates by key (read-only)."""
        return self._templates["id"]

    def templates(self, lang: Lang) -> Mapping[str, str]:
        """The templates of ``lang`` by key (read-only)."""
        return self._templates[check_lang(lang)]

    def template(self, key: str, lang: Lang) -> str:
        """The template of ``key`` in ``lang``; a :class:`KeyError` for an unknown key."""
        return self._templates[check_lang(lang)][key]

    def render(self, key: str, params: Mapping[str, object], lang: Lang = "en") -> str:
        """The template of ``key`` in ``lang`` with ``params`` filled in.

        A placeholder without a parameter stays visible as ``{name}``; parameters that the
        template does not use are ignored.
        """
        return fill(self.template(key, lang), params)


def fill(template: str, params: Mapping[str, object]) -> str:
    """``template`` with ``params`` filled in, leaving a placeholder without a value visible.

    >>> fill("{n} of {total}", {"n": 2})
    '2 of {total}'
    """
    return template.format_map(_Visible(params))


def _braced(names: frozenset[str]) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names)) or "no placeholder"

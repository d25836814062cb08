"""Where follow-ups point: actions, rule sets, web pages and documents.

A follow-up's links (``action:ID``, ``ruleset:PLAN/NAME``, ``url:…``, ``document:…``) are
resolved into :class:`ResolvedLink` values whose :class:`LinkState` says what is known about the
target:

- ``action:`` — *given* (the action id as written); with ``catalog=``, *found* or *missing*.
- ``ruleset:`` — *found* when it is a rule set shipped with ``ranham``, *missing* when it is not,
  *unknown* when the rule sets cannot be consulted (``ranham.rules`` is not importable); pass
  ``rulesets=`` (a collection of ids) to check against your own list instead.
- ``url:`` and ``document:`` — *given*, as written: ``ranham`` never fetches anything.

>>> from ranham.recommendations import links
>>> from ranham.reference.forums import bekasi_2022
>>> [(str(r.link), r.recommendation) for r in links(bekasi_2022(), rulesets=())]
[('ruleset:ranham-2021-2025/default', 'panranham-insentif')]
>>> links(bekasi_2022(), rulesets={"ranham-2021-2025/default"})[0].state
<LinkState.FOUND: 'found'>
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

import attrs

from ranham.model import Catalog, Forum, Link, LinkType, Recommendation

__all__ = [
    "LinkState",
    "ResolvedLink",
    "links",
    "recommendation_links",
    "resolve",
    "ruleset_ids_for",
    "shipped_rulesets",
]


class LinkState(enum.Enum):
    """What is known about a link's target."""

    GIVEN = "given"
    """Taken as written: a URL, a document, or an action id checked against no catalog."""
    FOUND = "found"
    """The action is in the catalog given; the rule set is shipped (or in the ids given)."""
    MISSING = "missing"
    """The action is not in the catalog given; the rule set is not shipped."""
    UNKNOWN = "unknown"
    """The rule sets could not be consulted (``ranham.rules`` is not importable)."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class ResolvedLink:
    """One link of one follow-up, with what is known about its target."""

    forum: str
    """The forum's id."""
    recommendation: str
    """The recommendation's id."""
    follow_up: date
    """The date (``on``) of the follow-up that carries the link."""
    link: Link
    state: LinkState

    @property
    def type(self) -> LinkType:
        """``action``, ``ruleset``, ``url`` or ``document``."""
        return self.link.type

    @property
    def target(self) -> str:
        """The action id, rule-set id, URL or document description, as written."""
        return self.link.target

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready ``dict`` (codes and ISO dates)."""
        return {
            "forum": self.forum,
            "recommendation": self.recommendation,
            "follow_up": self.follow_up.isoformat(),
            "type": self.link.type.value,
            "target": self.link.target,
            "state": self.state.value,
        }


def shipped_rulesets() -> frozenset[str] | None:
    """The ids of the rule sets shipped with ``ranham``; ``None`` when they cannot be listed.

    The list comes from :func:`ranham.rules.shipped_rulesets`, imported only when a link needs
    it. If :mod:`ranham.rules` is missing or cannot be imported, or its listing fails, the answer
    is ``None`` and rule-set links resolve to :attr:`LinkState.UNKNOWN` rather than fail:
    following up recommendations never depends on the scoring code.
    """
    try:
        rules = importlib.import_module("ranham.rules")
        return frozenset(str(ruleset_id) for ruleset_id in rules.shipped_rulesets())
    except Exception:  # a missing or half-installed rules package must not break follow-ups
        return None


def _state(link: Link, catalog: Catalog | None, ids: Collection[str] | None) -> LinkState:
    """The state of ``link``; ``ids`` is ``None`` when the rule sets could not be consulted."""
    if link.type is LinkType.ACTION:
        if catalog is None:
            return LinkState.GIVEN
        known = any(action.id == link.target for action in catalog.actions)
        return LinkState.FOUND if known else LinkState.MISSING
    if link.type is LinkType.RULESET:
        if ids is None:
            return LinkState.UNKNOWN
        return LinkState.FOUND if link.target in ids else LinkState.MISSING
    return LinkState.GIVEN


def resolve(
    link: Link,
    *,
    catalog: Catalog | None = None,
    rulesets: Collection[str] | None = None,
) -> LinkState:
    """What is known about one link's target (see the module documentation).

    >>> from ranham.model import Link
    >>> from ranham.recommendations import resolve
    >>> resolve(Link.parse("url:https://portal.ham.go.id/2022/08/33684/"))
    <LinkState.GIVEN: 'given'>
    """
    ids = rulesets
    if ids is None and link.type is LinkType.RULESET:
        ids = shipped_rulesets()
    return _state(link, catalog, ids)


def ruleset_ids_for(
    forums: Iterable[Forum], rulesets: Collection[str] | None
) -> Collection[str] | None:
    """``rulesets`` if given, else the shipped ids when some follow-up links a rule set.

    ``None`` means that no rule set could be consulted (or none was needed).
    """
    if rulesets is not None:
        return rulesets
    needed = any(
        link.type is LinkType.RULESET
        for forum in forums
        for recommendation in forum.recommendations
        for follow_up in recommendation.follow_ups
        for link in follow_up.links
    )
    return shipped_rulesets() if needed else None


def recommendation_links(
    forum_id: str,
    recommendation: Recommendation,
    *,
    catalog: Catalog | None,
    ids: Collection[str] | None,
) -> tuple[ResolvedLink, ...]:
    """The resolved links of one recommendation's follow-ups, in follow-up order.

    ``ids`` are the rule-set ids to check against, ``None`` when they could not be consulted
    (see :func:`ruleset_ids_for`).
    """
    return tuple(
        ResolvedLink(
            forum=forum_id,
            recommendation=recommendation.id,
            follow_up=follow_up.on,
            link=link,
            state=_state(link, catalog, ids),
        )
        for follow_up in recommendation.follow_ups
        for link in follow_up.links
    )


def links(
    forum: Forum,
    *,
    catalog: Catalog | None = None,
    rulesets: Collection[str] | None = None,
) -> tuple[ResolvedLink, ...]:
    """Every link of every follow-up of ``forum``, resolved, in document order.

    ``catalog`` checks ``action:`` links against its actions; ``rulesets`` replaces the shipped
    rule sets as the list that ``ruleset:`` links are checked against. The shipped list is read
    once per call.
    """
    ids = ruleset_ids_for((forum,), rulesets)
    return tuple(
        resolved
        for recommendation in forum.recommendations
        for resolved in recommendation_links(forum.id, recommendation, catalog=catalog, ids=ids)
    )

"""Coordination forums, their recommendations and the follow-ups on each.

A forum may *declare* more recommendations than it lists: the 2022 Bekasi forum declared eight
to PANRANHAM and six to implementers, of which only some are public.

>>> from ranham.model import Link
>>> Link.parse("ruleset:ranham-2021-2025/default")
Link(type=<LinkType.RULESET: 'ruleset'>, target='ranham-2021-2025/default')
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

from ranham.errors import InvariantError
from ranham.model._checks import (
    DAY,
    HTTP_URL,
    SLUG,
    TEXT,
    Check,
    Enum,
    Instance,
    Int,
    Pattern,
    Tuple,
    check,
)
from ranham.model._fields import EXTENSIONS, check_extensions, freeze_extensions
from ranham.model._frozen import FrozenMap, JsonValue
from ranham.model._invariants import (
    declared_counts,
    duplicates,
    follow_up_order,
    not_before,
    refuse,
    refuse_if,
)
from ranham.model.enums import Addressee, FollowUpStatus, Theme

__all__ = ["Declared", "FollowUp", "Forum", "Link", "LinkType", "Recommendation"]


class LinkType(enum.Enum):
    """What a follow-up link points at."""

    ACTION = "action"
    RULESET = "ruleset"
    URL = "url"
    DOCUMENT = "document"

    def __str__(self) -> str:
        return self.value


RULESET_ID = Pattern(
    "ruleset-id",
    rf"{SLUG.regex}/{SLUG.regex}",
    "a rule-set id PLAN/NAME such as 'ranham-2021-2025/default'",
)

_TARGET_CHECKS: dict[LinkType, Check] = {
    LinkType.ACTION: SLUG,
    LinkType.RULESET: RULESET_ID,
    LinkType.URL: HTTP_URL,
    LinkType.DOCUMENT: TEXT,
}

LINK = Pattern(
    "link",
    rf"action:{SLUG.regex}|ruleset:{RULESET_ID.regex}|url:{HTTP_URL.regex}|document:\s*+\S[\s\S]*+",
    "a link TYPE:ID: 'action:' and an action id, 'ruleset:' and a rule-set id, "
    "'url:' and an http(s) URL, or 'document:' and a description",
)
"""A link as written in a document (``TYPE:ID``)."""


@attrs.frozen
class Link:
    """A follow-up's link to an action, a rule set, a URL or a document."""

    type: LinkType = attrs.field(validator=Enum(LinkType))
    target: str = attrs.field()

    @target.validator
    def _check_target(self, _attribute: attrs.Attribute[str], value: str) -> None:
        target_check = _TARGET_CHECKS[self.type]
        if not target_check.ok(value):
            raise InvariantError(
                f"'target' of a {self.type.value} link must be {target_check.expected} "
                f"(got {value!r}).",
                field="target",
            )

    @classmethod
    def parse(cls, text: str) -> Link:
        """Read ``TYPE:ID``; raises :class:`~ranham.errors.InvariantError` when malformed."""
        kind, sep, target = text.partition(":") if isinstance(text, str) else ("", "", "")
        try:
            link_type = LinkType(kind)
        except ValueError:
            link_type = None
        if not sep or link_type is None:
            raise InvariantError(f"a link must be {LINK.expected} (got {text!r}).", field="links")
        return cls(link_type, target)

    def __str__(self) -> str:
        return f"{self.type.value}:{self.target}"


@attrs.frozen(kw_only=True)
class FollowUp:
    """A follow-up (*tindak lanjut*) on a recommendation: its date, new status, note, links."""

    on: date = attrs.field(validator=DAY)
    status: FollowUpStatus = attrs.field(validator=Enum(FollowUpStatus))
    note: str | None = attrs.field(default=None, validator=check(TEXT, optional=True))
    links: tuple[Link, ...] = attrs.field(default=(), validator=Tuple(Instance(Link)))


@attrs.frozen(kw_only=True)
class Recommendation:
    """A recommendation (*rekomendasi*) of a forum, to PANRANHAM or to implementers."""

    id: str = attrs.field(validator=SLUG)
    addressee: Addressee = attrs.field(validator=Enum(Addressee))
    theme: Theme = attrs.field(validator=Enum(Theme))
    text: str = attrs.field(validator=TEXT)
    due: date | None = attrs.field(default=None, validator=check(DAY, optional=True))
    follow_ups: tuple[FollowUp, ...] = attrs.field(default=(), validator=Tuple(Instance(FollowUp)))
    extensions: FrozenMap[str, JsonValue] = attrs.field(
        factory=FrozenMap,
        converter=freeze_extensions,
        validator=check_extensions,
        metadata={EXTENSIONS: True},
    )

    def __attrs_post_init__(self) -> None:
        if len(self.follow_ups) > 1:
            refuse(follow_up_order(None, [f.on for f in self.follow_ups]))

    @property
    def status(self) -> FollowUpStatus:
        """The status of the last follow-up; ``open`` when there is none."""
        return self.follow_ups[-1].status if self.follow_ups else FollowUpStatus.OPEN

    def is_overdue(self, as_of: date) -> bool:
        """Past its due date and still ``open`` or ``in_progress`` on ``as_of``."""
        return (
            self.due is not None
            and as_of > self.due
            and self.status in (FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS)
        )


@attrs.frozen(kw_only=True)
class Declared:
    """How many recommendations a forum declared for each addressee."""

    panranham: int = attrs.field(validator=Int(0))
    pelaksana: int = attrs.field(validator=Int(0))

    def __getitem__(self, addressee: Addressee) -> int:
        """The declared count for ``addressee``."""
        return self.panranham if addressee is Addressee.PANRANHAM else self.pelaksana


@attrs.frozen(kw_only=True)
class Forum:
    """A coordination forum (*forum koordinasi*) and the recommendations it produced."""

    id: str = attrs.field(validator=SLUG)
    title: str = attrs.field(validator=TEXT)
    start_date: date = attrs.field(validator=DAY)
    end_date: date = attrs.field(validator=DAY)
    location: str = attrs.field(validator=TEXT)
    sources: tuple[str, ...] = attrs.field(default=(), validator=Tuple(TEXT))
    declared: Declared = attrs.field(validator=Instance(Declared))
    recommendations: tuple[Recommendation, ...] = attrs.field(
        validator=Tuple(Instance(Recommendation))
    )
    extensions: FrozenMap[str, JsonValue] = attrs.field(
        factory=FrozenMap,
        converter=freeze_extensions,
        validator=check_extensions,
        metadata={EXTENSIONS: True},
    )

    def __attrs_post_init__(self) -> None:
        start = self.start_date
        refuse_if(not_before("start_date", start, "end_date", self.end_date))
        recommendations = self.recommendations
        refuse(
            duplicates(
                [r.id for r in recommendations],
                lambda i: ("recommendations", i, "id"),
                "'recommendations' must not repeat an id (got {got} twice).",
            )
        )
        counts = dict.fromkeys(Addressee, 0)
        for index, rec in enumerate(recommendations):
            counts[rec.addressee] += 1
            if rec.follow_ups:
                refuse(
                    follow_up_order(start, [f.on for f in rec.follow_ups]), "recommendations", index
                )
        refuse(declared_counts(counts, {a: self.declared[a] for a in Addressee}))

    def listed(self, addressee: Addressee) -> tuple[Recommendation, ...]:
        """The recommendations listed for ``addressee``, in forum order."""
        return tuple(r for r in self.recommendations if r.addressee is addressee)

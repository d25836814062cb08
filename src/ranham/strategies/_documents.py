"""Strategies for forums, and for every document kind as a JSON dict."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ranham.io import to_dict
from ranham.model import (
    Addressee,
    Declared,
    Forum,
)
from ranham.periods import Timing
from ranham.strategies._catalogs import catalogs
from ranham.strategies._datasets import datasets
from ranham.strategies._parts import (
    draw_recommendation,
)
from ranham.strategies._reports import TIMINGS, reports
from ranham.strategies._values import (
    DEFAULT_YEARS,
    _check_range,
    _check_sizes,
    _check_years,
    http_urls,
    maybe_extensions,
    slugs,
    texts,
)

__all__ = ["KINDS", "documents", "forums", "forums_with_follow_ups"]

KINDS = ("catalog", "report", "dataset", "forum")
"""The document kinds."""


# --- forums --------------------------------------------------------------------------------------


def forums(
    *,
    years: Sequence[int] = DEFAULT_YEARS,
    min_recommendations: int = 0,
    max_recommendations: int = 4,
    max_follow_ups: int = 3,
    complete: bool | None = None,
) -> st.SearchStrategy[Forum]:
    """Coordination forums with their recommendations and follow-ups.

    Recommendation ids are unique; follow-ups are in date order, none before the forum
    started. ``declared`` counts at least the recommendations listed for each addressee:
    ``complete=True`` exactly as many (no ``recommendations-incomplete`` warning),
    ``complete=False`` more for at least one addressee, ``None`` either. Shrinks to a one-day
    forum without recommendations.
    """
    values = _check_years(years)
    _check_range("min_recommendations", min_recommendations, "max_recommendations",
                 max_recommendations)  # fmt: skip
    _check_sizes(max_follow_ups=max_follow_ups)
    return _forums(values, min_recommendations, max_recommendations, max_follow_ups, complete, 0)


@st.composite
def _forums(
    draw: st.DrawFn,
    years: tuple[int, ...],
    min_recommendations: int,
    max_recommendations: int,
    max_follow_ups: int,
    complete: bool | None,
    min_follow_ups: int,
) -> Forum:
    start = draw(st.dates(date(min(years), 1, 1), date(max(years), 12, 31)))
    end = start + timedelta(days=draw(st.integers(0, 4)))
    addressees = draw(
        st.lists(
            st.sampled_from(tuple(Addressee)),
            min_size=min_recommendations,
            max_size=max_recommendations,
        )
    )
    if draw(st.booleans()):
        ids = draw(
            st.lists(slugs(), min_size=len(addressees), max_size=len(addressees), unique=True)
        )
    else:
        ids = [f"{a.value}-{n}" for n, a in enumerate(addressees, start=1)]
    recs = tuple(
        draw_recommendation(
            draw, rec_id, addressee, start, max_follow_ups, min_follow_ups if n == 0 else 0
        )
        for n, (rec_id, addressee) in enumerate(zip(ids, addressees, strict=True))
    )
    counts = Counter(addressees)
    extra = dict.fromkeys(Addressee, 0)
    if complete is None:
        extra = {a: draw(st.integers(0, 3)) for a in Addressee}
    elif complete is False:
        short = draw(st.sampled_from(tuple(Addressee)))
        extra = {a: draw(st.integers(1 if a is short else 0, 3)) for a in Addressee}
    declared = Declared(
        panranham=counts[Addressee.PANRANHAM] + extra[Addressee.PANRANHAM],
        pelaksana=counts[Addressee.IMPLEMENTERS] + extra[Addressee.IMPLEMENTERS],
    )
    return Forum(
        id=draw(st.one_of(st.just(f"forum-koordinasi-ranham-{start.year}"), slugs())),
        title=draw(texts()),
        start_date=start,
        end_date=end,
        location=draw(st.one_of(st.sampled_from(("Bekasi", "Jakarta")), texts())),
        sources=tuple(draw(st.lists(st.one_of(http_urls(), texts()), max_size=2))),
        declared=declared,
        recommendations=recs,
        extensions=draw(maybe_extensions()),
    )


def forums_with_follow_ups() -> st.SearchStrategy[Forum]:
    """Complete forums with at least one recommendation that has a follow-up."""
    return _forums(tuple(DEFAULT_YEARS), 1, 4, 3, True, 1)


# --- documents as JSON ---------------------------------------------------------------------------


def documents(
    kind: str | None = None, *, warnings: bool = True
) -> st.SearchStrategy[dict[str, Any]]:
    """Valid documents as JSON-ready dicts (``ranham.io.to_dict``), of ``kind`` or any kind.

    ``warnings=False`` draws only documents that validate without any issue at all: reports
    in datasets are submitted on time and forums list every recommendation they declare.
    """
    if kind is not None and kind not in KINDS:
        raise InvalidArgument(f"kind= must be one of {', '.join(KINDS)} (got {kind!r}).")
    timings = TIMINGS if warnings else (Timing.ON_TIME,)
    by_kind: dict[str, st.SearchStrategy[Any]] = {
        "report": reports(timings=timings),
        "catalog": catalogs(),
        "dataset": datasets(timings=timings),
        "forum": forums(complete=None if warnings else True),
    }
    chosen = KINDS if kind is None else (kind,)
    return st.one_of(*(by_kind[k] for k in chosen)).map(to_dict)

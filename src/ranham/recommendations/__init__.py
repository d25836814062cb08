"""Following up forum recommendations: status, overdue, coverage, summaries and links.

Coordination forums address recommendations to PANRANHAM and to implementers; follow-ups
(*tindak lanjut*) record what became of each. This package answers the questions a secretariat
or a monitor asks of such records:

- :func:`status` — the status of the last follow-up (``open`` when there is none);
- :func:`overdue` — the recommendations past their due date and still ``open`` or
  ``in_progress`` on a date;
- :func:`coverage` — per addressee, how many recommendations are listed against how many the
  forum declared (a record may know fewer than were made);
- :func:`summarize` — counts by addressee, theme and status over many forums;
- :func:`links` — the follow-ups' links to actions, rule sets, web pages and documents;
- :func:`track` — all of the above for one forum, as the ``ranham recommendations`` command
  shows it.

Every result is a frozen value with a ``to_json()`` method.

>>> from datetime import date
>>> from ranham.recommendations import coverage, overdue, summarize
>>> from ranham.reference.forums import bekasi_2022
>>> forum = bekasi_2022()
>>> cov = coverage(forum)
>>> [(str(a), c.listed, c.declared) for a, c in cov.items()]
[('panranham', 4, 8), ('pelaksana', 2, 6)]
>>> overdue(forum, date(2030, 1, 1))  # no due date has been published
()
>>> from ranham.model import Theme
>>> summarize(forum).by_theme[Theme.INCENTIVE]
1
"""

from __future__ import annotations

from ranham.recommendations._links import (
    LinkState,
    ResolvedLink,
    links,
    resolve,
    shipped_rulesets,
)
from ranham.recommendations.labels import LABELS, label, yes_no
from ranham.recommendations.tracking import (
    Coverage,
    ForumTracking,
    Summary,
    Tracked,
    as_recorded_on,
    coverage,
    is_overdue,
    overdue,
    status,
    summarize,
    track,
)

__all__ = [
    # questions
    "status",
    "is_overdue",
    "overdue",
    "coverage",
    "summarize",
    "links",
    "resolve",
    "track",
    "as_recorded_on",
    "shipped_rulesets",
    # results
    "Coverage",
    "ForumTracking",
    "LinkState",
    "ResolvedLink",
    "Summary",
    "Tracked",
    # labels for people
    "LABELS",
    "label",
    "yes_no",
]

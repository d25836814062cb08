"""ranham.recommendations, the shipped Bekasi 2022 forum and ``ranham recommendations``."""

from __future__ import annotations

import csv
import io as stdio
import json
import sys
import types
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ranham import io
from ranham.cli import main
from ranham.errors import InvariantError, UnknownNameError
from ranham.model import (
    Addressee,
    Catalog,
    Declared,
    FollowUp,
    FollowUpStatus,
    Forum,
    Link,
    LinkType,
    Recommendation,
    Theme,
)
from ranham.periods import zone
from ranham.recommendations import (
    Coverage,
    LinkState,
    as_recorded_on,
    coverage,
    is_overdue,
    label,
    links,
    overdue,
    resolve,
    shipped_rulesets,
    status,
    summarize,
    track,
    yes_no,
)
from ranham.reference.forums import bekasi_2022, document, names
from ranham.reference.forums import forum as shipped_forum
from ranham.reference.forums import forums as shipped_forums
from ranham.validation import validate

PENDING = {FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS}

# --------------------------------------------------------------------------- strategies
# A local strategy of valid Forum objects (ranham.strategies is written separately).

slugs = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,15}", fullmatch=True)
texts = st.from_regex(r"[A-Za-z][A-Za-z0-9 ,.-]{0,30}", fullmatch=True)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))

link_texts = st.one_of(
    slugs.map(lambda s: f"action:{s}"),
    st.tuples(slugs, slugs).map(lambda p: f"ruleset:{p[0]}/{p[1]}"),
    slugs.map(lambda s: f"url:https://example.org/{s}"),
    texts.map(lambda t: f"document:{t}"),
)


@st.composite
def recommendations(draw: st.DrawFn, rec_id: str, start: date) -> Recommendation:
    """A valid recommendation whose follow-ups are in date order, none before ``start``."""
    offsets = sorted(draw(st.lists(st.integers(0, 3000), max_size=4)))
    follow_ups = tuple(
        FollowUp(
            on=start + timedelta(days=offset),
            status=draw(st.sampled_from(FollowUpStatus)),
            note=draw(st.none() | texts),
            links=tuple(Link.parse(t) for t in draw(st.lists(link_texts, max_size=2))),
        )
        for offset in offsets
    )
    return Recommendation(
        id=rec_id,
        addressee=draw(st.sampled_from(Addressee)),
        theme=draw(st.sampled_from(Theme)),
        text=draw(texts),
        due=draw(st.none() | days),
        follow_ups=follow_ups,
    )


@st.composite
def forums(draw: st.DrawFn) -> Forum:
    """A valid forum: unique ids, declared counts at least the listed ones."""
    start = draw(days)
    ids = draw(st.lists(slugs, max_size=8, unique=True))
    recs = tuple(draw(recommendations(rec_id, start)) for rec_id in ids)
    listed = Counter(rec.addressee for rec in recs)
    return Forum(
        id=draw(slugs),
        title=draw(texts),
        start_date=start,
        end_date=start + timedelta(days=draw(st.integers(0, 5))),
        location=draw(texts),
        declared=Declared(
            panranham=listed[Addressee.PANRANHAM] + draw(st.integers(0, 4)),
            pelaksana=listed[Addressee.IMPLEMENTERS] + draw(st.integers(0, 4)),
        ),
        recommendations=recs,
    )


def _expected_status(rec: Recommendation) -> FollowUpStatus:
    """The spec's rule, computed another way: the latest follow-up by (date, position)."""
    if not rec.follow_ups:
        return FollowUpStatus.OPEN
    _, _, latest = max((f.on, i, f.status) for i, f in enumerate(rec.follow_ups))
    return latest


def _expected_overdue(rec: Recommendation, as_of: date) -> bool:
    return rec.due is not None and as_of > rec.due and _expected_status(rec) in PENDING


# --------------------------------------------------------------------------- properties


@given(forums())
def test_status_is_that_of_the_last_follow_up(forum: Forum) -> None:
    tracking = track(forum)
    for rec, tracked in zip(forum.recommendations, tracking.recommendations, strict=True):
        assert status(rec) is _expected_status(rec)
        assert tracked.status is _expected_status(rec)
        last = rec.follow_ups[-1].on if rec.follow_ups else None
        assert tracked.last_follow_up == last


@given(forums(), st.data())
def test_a_new_follow_up_sets_the_status(forum: Forum, data: st.DataObject) -> None:
    for rec in forum.recommendations:
        last = rec.follow_ups[-1].on if rec.follow_ups else forum.start_date
        new = FollowUp(
            on=last + timedelta(days=data.draw(st.integers(0, 30))),
            status=data.draw(st.sampled_from(FollowUpStatus)),
        )
        assert status(attrs.evolve(rec, follow_ups=(*rec.follow_ups, new))) is new.status


@given(forums(), days, days)
def test_overdue_follows_the_rule_and_is_monotone_in_the_date(
    forum: Forum, first: date, second: date
) -> None:
    early, late = sorted((first, second))
    at_early, at_late = overdue(forum, early), overdue(forum, late)
    assert {r.id for r in at_early} <= {r.id for r in at_late}
    assert [r.id for r in at_late] == [
        r.id for r in forum.recommendations if _expected_overdue(r, late)
    ]
    for rec in forum.recommendations:
        assert is_overdue(rec, late) is _expected_overdue(rec, late)


@given(st.lists(forums(), max_size=4), st.none() | days)
def test_summaries_count_every_recommendation_exactly_once(
    chosen: list[Forum], as_of: date | None
) -> None:
    summary = summarize(chosen, as_of=as_of)
    recs = [rec for forum in chosen for rec in forum.recommendations]
    assert summary.forums == len(chosen)
    assert summary.recommendations == len(recs)
    for breakdown in (summary.by_addressee, summary.by_theme, summary.by_status):
        assert sum(breakdown.values()) == len(recs)
    assert list(summary.by_addressee) == list(Addressee)
    assert list(summary.by_theme) == list(Theme)
    assert list(summary.by_status) == list(FollowUpStatus)
    for rec in recs:  # each recommendation falls in the bucket of its own value
        assert summary.by_addressee[rec.addressee] == sum(
            r.addressee is rec.addressee for r in recs
        )
        assert summary.by_theme[rec.theme] == sum(r.theme is rec.theme for r in recs)
        assert summary.by_status[rec.status] == sum(
            _expected_status(r) is _expected_status(rec) for r in recs
        )
    assert summary.pending == sum(_expected_status(r) in PENDING for r in recs)
    if as_of is None:
        assert summary.overdue is None
    else:
        assert summary.overdue == sum(_expected_overdue(r, as_of) for r in recs)
    assert summarize(list(reversed(chosen)), as_of=as_of) == summary


@given(forums())
def test_coverage_never_exceeds_declared(forum: Forum) -> None:
    cov = coverage(forum)
    assert list(cov) == list(Addressee)
    for addressee, c in cov.items():
        listed = sum(r.addressee is addressee for r in forum.recommendations)
        assert c.listed == listed <= c.declared == forum.declared[addressee]
        assert c.complete is (listed == forum.declared[addressee])
        assert c.missing == c.declared - c.listed


@given(forums(), days)
def test_json_results_round_trip_through_json(forum: Forum, as_of: date) -> None:
    for value in (
        track(forum, as_of=as_of, rulesets=()).to_json(),
        summarize(forum, as_of=as_of).to_json(),
        *[c.to_json() for c in coverage(forum).values()],
        *[r.to_json() for r in links(forum, rulesets=())],
    ):
        assert json.loads(json.dumps(value)) == value


@given(forums(), days)
def test_as_recorded_on_keeps_only_what_was_recorded(forum: Forum, day: date) -> None:
    then = as_recorded_on(forum, day)
    for before, after in zip(forum.recommendations, then.recommendations, strict=True):
        assert after.follow_ups == tuple(f for f in before.follow_ups if f.on <= day)
        assert attrs.evolve(after, follow_ups=before.follow_ups) == before
    assert as_recorded_on(forum, date(9999, 12, 31)) == forum


@given(forums())
def test_links_are_every_follow_up_link_in_order(forum: Forum) -> None:
    resolved = links(forum, rulesets=())
    expected = [
        (rec.id, f.on, link)
        for rec in forum.recommendations
        for f in rec.follow_ups
        for link in f.links
    ]
    assert [(r.recommendation, r.follow_up, r.link) for r in resolved] == expected
    for r in resolved:
        assert r.state is (LinkState.MISSING if r.type is LinkType.RULESET else LinkState.GIVEN)
    assert track(forum, rulesets=()).links == resolved


# --------------------------------------------------------------------------- examples


def _forum(*recs: Recommendation, declared: tuple[int, int] = (4, 3)) -> Forum:
    return Forum(
        id="forum-uji",
        title="Forum uji",
        start_date=date(2023, 1, 10),
        end_date=date(2023, 1, 11),
        location="Jakarta",
        declared=Declared(panranham=declared[0], pelaksana=declared[1]),
        recommendations=recs,
    )


def _rec(
    rec_id: str, *follow_ups: FollowUp, due: date | None = date(2023, 6, 30)
) -> Recommendation:
    return Recommendation(
        id=rec_id,
        addressee=Addressee.PANRANHAM,
        theme=Theme.GUIDELINE,
        text="Penyusunan pedoman",
        due=due,
        follow_ups=follow_ups,
    )


def test_overdue_examples() -> None:
    begun = FollowUp(on=date(2023, 2, 1), status=FollowUpStatus.IN_PROGRESS)
    done = FollowUp(on=date(2023, 8, 1), status=FollowUpStatus.IMPLEMENTED)
    forum = _forum(_rec("a"), _rec("b", begun), _rec("c", begun, done), _rec("d", due=None))
    assert overdue(forum, date(2023, 6, 30)) == ()  # due day itself is not overdue
    assert [r.id for r in overdue(forum, date(2023, 7, 1))] == ["a", "b"]
    # On 2023-07-15 'c' was still in progress as recorded then, though implemented since.
    assert [r.id for r in overdue(as_recorded_on(forum, date(2023, 7, 15)), date(2023, 7, 15))] == [
        "a",
        "b",
        "c",
    ]


def test_dates_must_be_days() -> None:
    forum = _forum(_rec("a"))
    with pytest.raises(TypeError, match=r"'as_of' must be a datetime.date.*\.date\(\)"):
        overdue(forum, datetime(2023, 7, 1, 9, 0))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'as_of'"):
        summarize(forum, as_of="2023-07-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'day'"):
        as_recorded_on(forum, "2023-07-01")  # type: ignore[arg-type]


def test_coverage_refuses_more_listed_than_declared() -> None:
    with pytest.raises(InvariantError, match=r"'listed' must be from 0 to 'declared' \(2\)"):
        Coverage(addressee=Addressee.PANRANHAM, listed=3, declared=2)


def test_action_links_are_checked_against_a_catalog() -> None:
    from tests.model._examples import CATALOG

    follow_up = FollowUp(
        on=date(2023, 3, 1),
        status=FollowUpStatus.IN_PROGRESS,
        links=(Link.parse("action:2022-kabkota-1"), Link.parse("action:2022-kabkota-99")),
    )
    forum = _forum(_rec("a", follow_up))
    assert [r.state for r in links(forum)] == [LinkState.GIVEN, LinkState.GIVEN]
    checked = [r.state for r in links(forum, catalog=CATALOG)]
    assert checked == [LinkState.FOUND, LinkState.MISSING]
    assert isinstance(CATALOG, Catalog)
    assert resolve(Link.parse("document:Surat Dirjen HAM")) is LinkState.GIVEN


def test_ruleset_links_are_unknown_when_the_rules_cannot_be_imported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "ranham.rules", None)  # import now raises ImportError
    assert shipped_rulesets() is None
    assert [r.state for r in links(bekasi_2022())] == [LinkState.UNKNOWN]
    assert resolve(Link.parse("ruleset:ranham-2021-2025/default")) is LinkState.UNKNOWN


@pytest.mark.parametrize(
    ("listed", "state"),
    [
        (["ranham-2021-2025/default"], LinkState.FOUND),
        (["ranham-2021-2025/other"], LinkState.MISSING),
    ],
)
def test_ruleset_links_are_checked_against_the_shipped_rule_sets(
    monkeypatch: pytest.MonkeyPatch, listed: list[str], state: LinkState
) -> None:
    fake = types.ModuleType("ranham.rules")
    fake.shipped_rulesets = lambda: listed  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ranham.rules", fake)
    assert shipped_rulesets() == frozenset(listed)
    assert [r.state for r in links(bekasi_2022())] == [state]


def test_the_incentive_recommendation_links_to_the_shipped_rule_set() -> None:
    rules = pytest.importorskip("ranham.rules")  # written separately; skipped until it exists
    assert "ranham-2021-2025/default" in rules.shipped_rulesets()
    resolved = links(bekasi_2022())
    assert [(r.recommendation, r.target, r.state) for r in resolved] == [
        ("panranham-insentif", "ranham-2021-2025/default", LinkState.FOUND)
    ]


def test_a_failing_rules_listing_gives_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("ranham.rules")

    def broken() -> list[str]:
        raise RuntimeError("half-written")

    fake.shipped_rulesets = broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ranham.rules", fake)
    assert shipped_rulesets() is None


def test_labels_in_both_languages() -> None:
    for value in [*Addressee, *Theme, *FollowUpStatus, *LinkState]:
        assert label(value, "en")
        assert label(value, "id")
    assert label(FollowUpStatus.OPEN, "id") == "terbuka"
    assert (yes_no(True, "id"), yes_no(False, "en")) == ("ya", "no")
    with pytest.raises(ValueError, match="'lang' must be 'en' or 'id'"):
        label(Theme.BUDGET, "fr")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- shipped forum


def test_the_shipped_forum_validates_with_exactly_the_two_coverage_warnings() -> None:
    result = validate(document("bekasi-2022"))
    assert result.valid
    assert result.errors == ()
    assert [(i.code, i.pointer) for i in result.issues] == [
        ("recommendations-incomplete", "/declared/panranham"),
        ("recommendations-incomplete", "/declared/pelaksana"),
    ]


def test_the_shipped_forum_coverage_is_four_of_eight_and_two_of_six() -> None:
    cov = coverage(bekasi_2022())
    assert (cov[Addressee.PANRANHAM].listed, cov[Addressee.PANRANHAM].declared) == (4, 8)
    assert (cov[Addressee.IMPLEMENTERS].listed, cov[Addressee.IMPLEMENTERS].declared) == (2, 6)
    assert not any(c.complete for c in cov.values())


def test_the_shipped_forum_record() -> None:
    forum = bekasi_2022()
    assert (forum.start_date, forum.end_date, forum.location) == (
        date(2022, 8, 24),
        date(2022, 8, 26),
        "Bekasi",
    )
    assert "https://portal.ham.go.id/2022/08/33684/" in forum.sources
    assert {r.id: r.theme for r in forum.recommendations} == {
        "panranham-sosialisasi": Theme.OUTREACH,
        "panranham-pedoman": Theme.GUIDELINE,
        "panranham-format": Theme.FORMAT,
        "panranham-insentif": Theme.INCENTIVE,
        "pelaksana-anggaran": Theme.BUDGET,
        "pelaksana-komitmen-pimpinan": Theme.LEADERSHIP_COMMITMENT,
    }
    # Every text is a verbatim phrase of the published sentence quoted in the record.
    published = forum.extensions["ranham"]["published"]  # type: ignore[index]
    for rec in forum.recommendations:
        sentence = published[rec.addressee.value]  # type: ignore[index]
        assert rec.text[0].lower() + rec.text[1:] in sentence or rec.text in sentence
        assert rec.due is None  # no due date is published
        assert "wording" in rec.extensions["ranham"]  # type: ignore[operator]
    # Only the incentive recommendation carries a follow-up: ranham's own, marked as such.
    followed = [r for r in forum.recommendations if r.follow_ups]
    assert [r.id for r in followed] == ["panranham-insentif"]
    (follow_up,) = followed[0].follow_ups
    assert follow_up.status is FollowUpStatus.OPEN
    assert [str(link) for link in follow_up.links] == ["ruleset:ranham-2021-2025/default"]
    assert follow_up.note is not None
    assert "bukan tindak lanjut resmi" in follow_up.note
    assert "not an official" in follow_up.note


def test_the_shipped_forum_round_trips_and_is_found_by_name_or_id() -> None:
    forum = bekasi_2022()
    assert io.loads(io.dumps(forum)) == forum
    assert io.loads(document("bekasi-2022")) == forum
    assert shipped_forum("forum-koordinasi-ranham-2022") is forum
    assert shipped_forums() == (forum,)
    assert names() == ("bekasi-2022",)
    with pytest.raises(UnknownNameError, match="'bekasi-2021' is not a shipped forum"):
        shipped_forum("bekasi-2021")


# --------------------------------------------------------------------------- command line


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["recommendations", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _overdue_forum_file(tmp_path: Path) -> Path:
    begun = FollowUp(on=date(2023, 2, 1), status=FollowUpStatus.IN_PROGRESS)
    forum = _forum(_rec("a"), _rec("b", begun), declared=(2, 0))
    path = tmp_path / "forum.json"
    io.dump(forum, path)
    return path


def test_cli_table_in_english_and_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "bekasi-2022", "--as-of", "2025-01-01", "--lang", "en")
    assert code == 0
    assert "addressee" in out
    assert "panranham-insentif" in out
    assert "recommendations-incomplete" in err
    code, out, err = _run(capsys, "bekasi-2022", "--as-of", "2025-01-01", "--lang", "id")
    assert code == 0
    assert "rekomendasi" in out
    assert "ditujukan kepada" in out
    assert "lewat tenggat" in out
    assert "peringatan recommendations-incomplete" in err


def test_cli_json_round_trips(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _overdue_forum_file(tmp_path)
    code, out, _ = _run(
        capsys, "bekasi-2022", str(path), "--as-of", "2023-07-01", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["as_of"] == "2023-07-01"
    assert [f["id"] for f in data["forums"]] == ["forum-koordinasi-ranham-2022", "forum-uji"]
    bekasi, uji = data["forums"]
    assert [(c["listed"], c["declared"]) for c in bekasi["coverage"]] == [(4, 8), (2, 6)]
    assert [w["code"] for w in bekasi["warnings"]] == ["recommendations-incomplete"] * 2
    assert [r["overdue"] for r in uji["recommendations"]] == [True, True]
    assert data["summary"]["recommendations"] == 8
    assert data["summary"]["overdue"] == 2
    assert data["refused"] == []


def test_cli_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _overdue_forum_file(tmp_path)
    code, out, _ = _run(capsys, str(path), "--as-of", "2023-06-30", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(stdio.StringIO(out)))
    assert [(r["recommendation"], r["status"], r["overdue"]) for r in rows] == [
        ("a", "open", "false"),
        ("b", "in_progress", "false"),
    ]
    code, out, _ = _run(capsys, str(path), "--as-of", "2023-07-01", "--format", "csv")
    assert [r["overdue"] for r in csv.DictReader(stdio.StringIO(out))] == ["true", "true"]


def test_cli_refuses_invalid_forums_with_their_issues(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"kind": "forum", "schema_version": "1.0", "id": "x"}', encoding="utf-8")
    code, out, err = _run(
        capsys, str(bad), "bekasi-2022", "--format", "json", "--as-of", "2025-01-01"
    )
    assert code == 1
    data = json.loads(out)
    assert [f["id"] for f in data["forums"]] == ["forum-koordinasi-ranham-2022"]
    (refused,) = data["refused"]
    assert "missing-field" in {i["code"] for i in refused["issues"]}
    assert "missing-field /title" in err
    spec_report = Path(__file__).parent / "data" / "spec" / "report.json"
    code, _, err = _run(capsys, str(spec_report))
    assert code == 1
    assert "a report document, not a forum" in err


@pytest.mark.parametrize("bad", ["2023-02-30", "20230101", "2023-1-1", "2023-W01-1", "tomorrow"])
def test_cli_bad_dates_exit_2(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    code, _, err = _run(capsys, "bekasi-2022", "--as-of", bad)
    assert code == 2
    assert "YYYY-MM-DD" in err


def test_cli_unknown_forum_or_unreadable_path_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = _run(capsys, "bekasi-2021")
    assert code == 2
    assert "not a shipped forum (shipped: bekasi-2022)" in err
    code, _, err = _run(capsys, str(tmp_path))  # a directory
    assert code == 2
    assert "cannot be read" in err


def test_cli_as_of_defaults_to_today_in_jakarta(capsys: pytest.CaptureFixture[str]) -> None:
    before = datetime.now(zone("Asia/Jakarta")).date()
    code, out, _ = _run(capsys, "bekasi-2022", "--format", "json")
    after = datetime.now(zone("Asia/Jakarta")).date()
    assert code == 0
    assert date.fromisoformat(json.loads(out)["as_of"]) in {before, after}

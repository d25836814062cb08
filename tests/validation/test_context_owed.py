"""``Context.owed``: the measures a report owes, cached per kind of assignee.

The cache is shared by every report checked against one context (a JSON Lines archive with a
catalog); it must never hand one institution the measures of another. Law: whatever was asked
before, ``owed`` equals the measures computed afresh for that assignee alone.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ranham.model import Tier
from ranham.model._invariants import assigned
from ranham.periods import PeriodCode
from ranham.validation._rules import ActionView, Assignee, Context

CODES = ("kemensos", "kemenkes", "32", "32.16", "32.17", "11.01")
PERIODS = (PeriodCode.B04, PeriodCode.B08)

actions = st.dictionaries(
    st.sampled_from([f"a{i}" for i in range(6)]),
    st.builds(
        ActionView,
        tier=st.sampled_from((*Tier, None)),
        responsible=st.one_of(st.none(), st.lists(st.sampled_from(CODES), max_size=3).map(tuple)),
        measures=st.dictionaries(
            st.sampled_from([f"m{i}" for i in range(4)]), st.sampled_from((*PERIODS, None))
        ),
    ),
)
assignees = st.builds(
    Assignee,
    code=st.sampled_from(CODES),
    tier=st.sampled_from((*Tier, None)),
    autonomous=st.sampled_from((True, False, None)),
    known=st.booleans(),
)


def _fresh(view: dict[str, ActionView], who: Assignee, period: PeriodCode) -> tuple[str, ...]:
    return tuple(
        measure
        for action in view.values()
        if action.tier is not None
        and (
            not who.known
            or assigned(action.tier, action.responsible, who.code, who.tier, who.autonomous)
        )
        for measure, measure_period in action.measures.items()
        if measure_period is period
    )


@given(actions, st.lists(st.tuples(assignees, st.sampled_from(PERIODS)), min_size=1, max_size=12))
def test_owed_is_what_the_assignee_alone_owes_whatever_was_asked_before(
    view: dict[str, ActionView], asked: list[tuple[Assignee, PeriodCode]]
) -> None:
    context = Context(actions=view, complete=True)
    for who, period in asked:
        assert context.owed(who, period) == _fresh(view, who, period), (who, period)


def test_a_regional_code_named_by_an_action_owes_its_measures_alone() -> None:
    view = {
        "k": ActionView(Tier.KL, ("32.16",), {"mk": PeriodCode.B04}),
        "r": ActionView(Tier.REGENCY_CITY, None, {"mr": PeriodCode.B04}),
    }
    context = Context(actions=view, complete=True)
    other = Assignee("32.17", Tier.REGENCY_CITY)
    named = Assignee("32.16", Tier.REGENCY_CITY)
    assert context.owed(other, PeriodCode.B04) == ("mr",)
    assert context.owed(named, PeriodCode.B04) == ("mk", "mr")
    assert context.owed(other, PeriodCode.B04) == ("mr",)
    not_autonomous = Assignee("32.18", Tier.REGENCY_CITY, autonomous=False)
    assert context.owed(not_autonomous, PeriodCode.B04) == ()

"""Explanations: any quantity as a tree down to the individual measures and reports.

>>> from ranham.rules.cases import SHIPPED_CASES
>>> from ranham import io
>>> from ranham.rules import explain, render_text, score
>>> scores = score(io.load(SHIPPED_CASES / "bekasi-2022.json"))
>>> node = explain(scores, "S(32.16)")
>>> node.value, node.rounded, [c.quantity for c in node.children]
(Fraction(400, 9), '44.44', ['S(32.16,2022-B04)', 'S(32.16,2022-B08)', 'S(32.16,2022-B12)'])
>>> print(render_text(node, "en", depth=0))
rule set ranham-2021-2025/default, version 1
S(32.16) = 44.44 (exact 400/9) · step 5, institution annual score: sum of the 3 period score(s), \
an undefined period counted as 0, divided by 3 period(s) [missing_period=zero]
  … 3 more (raise the depth to see them)
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from ranham.model import MeasureEntry, Tier
from ranham.periods import ReportingPeriod, Timing
from ranham.rules._eligibility import Eligibility
from ranham.rules.counting import ACCEPTED, CountReason, measure_met
from ranham.rules.node import Node
from ranham.rules.numbers import fixed
from ranham.rules.quantities import Quantity, name, parse_quantity, unknown
from ranham.rules.ruleset import Basis, MissingPeriod
from ranham.rules.scoring import TIERS, Scores
from ranham.rules.texts import Message

if TYPE_CHECKING:  # pragma: no cover
    from ranham.rules.cycles import Cycles

__all__ = ["EXPLAINERS", "explain"]


def explain(result: Scores | Eligibility | Cycles, quantity: str) -> Node:
    """The explanation tree of a named quantity (``"S(32.16,2022-B04)"``, ``"eligible(32.16)"``).

    The root carries the rule set's id and version; its value is exactly the quantity's value.
    Given a :class:`~ranham.rules.Cycles`, the names across years are accepted too
    (``"S(32.16,PLAN)"``, ``"change(2023)"``). Raises :class:`~ranham.errors.UnknownNameError`
    for a name that is not a quantity of the data, listing the valid forms.
    """
    from ranham.rules.cycles import Cycles

    if isinstance(result, Cycles):
        return result.explain(quantity)
    scores = result if isinstance(result, Scores) else result.scores
    q = parse_quantity(quantity)
    scores.value(q)  # refuses a name that is not a quantity of this dataset
    node = _Explainer(scores).quantity(q)
    return attrs.evolve(node, ruleset=(scores.ruleset.id, scores.ruleset.version))


class _Explainer:
    """Builds nodes from a :class:`Scores`; each node once (shared where it recurs)."""

    def __init__(self, scores: Scores) -> None:
        self.s = scores
        self.memo: dict[str, Node] = {}
        self.rules = scores.ruleset.scoring

    def quantity(self, q: Quantity) -> Node:
        """The node of ``q``, built by the method :data:`EXPLAINERS` registers for its form."""
        build = EXPLAINERS.get((q.function, len(q.args)))
        if build is None:
            raise unknown(str(q))
        return build(self, *q.args)

    def _score_node(
        self,
        quantity: str,
        value: Fraction | None,
        *,
        step: str,
        why: Message,
        children: tuple[Node, ...],
        params: dict[str, str] | None = None,
    ) -> Node:
        node = Node(
            quantity=quantity,
            value=value,
            rounded=self.s.round(value),
            step=step,
            params=params or {},
            why=why,
            children=children,
        )
        self.memo[quantity] = node
        return node

    # -- steps 1 and 2 ---------------------------------------------------------------------

    def report(self, code: str, period: ReportingPeriod) -> Node:
        key = name("report", code, period)
        if key in self.memo:
            return self.memo[key]
        count = self.s.report_count(code, period)
        report = count.report
        window = self.s.dataset.catalog.windows[period.code]
        tz = self.s.dataset.catalog.plan.tz
        if report is None:
            why = Message("report.missing")
        elif count.reason is CountReason.STATUS:
            accepted = ", ".join(sorted(s.value for s in ACCEPTED[self.rules.basis]))
            why = Message(
                "report.status",
                {
                    "status": report.status.value,
                    "basis": self.rules.basis.value,
                    "accepted": accepted,
                },
            )
        else:
            at = report.submitted_at
            day = "" if at is None else at.astimezone(tz).date().isoformat()
            key_ = "report.late" if count.reason is CountReason.LATE else "report.counted"
            why = Message(
                key_,
                {
                    "status": report.status.value,
                    "day": day,
                    "timing": Message(f"timing.{(count.timing or Timing.ON_TIME).value}"),
                    "opens": window.opens.isoformat(),
                    "closes": window.closes.isoformat(),
                },
            )
        node = Node(
            quantity=key,
            value=count.counted,
            step="1",
            params={"basis": self.rules.basis.value, "late": self.rules.late.value},
            why=why,
        )
        self.memo[key] = node
        return node

    def met(self, code: str, measure: str, entry: MeasureEntry | None) -> Node:
        basis = self.rules.basis
        if entry is None:
            value, why = False, Message("met.absent")
        elif basis is Basis.VERIFIED:
            value = measure_met(entry, basis)
            assessment = entry.assessment
            why = Message(
                "met.assessed",
                {
                    "administrative": None if assessment is None else assessment.administrative,
                    "substantive": None if assessment is None else assessment.substantive,
                },
            )
        else:
            value = measure_met(entry, basis)
            why = Message(
                "met.claimed",
                {
                    "claimed": entry.claimed,
                    "formal": sum(1 for e in entry.evidence if e.is_formal),
                    "evidence": len(entry.evidence),
                },
            )
        return Node(
            quantity=name("met", code, measure),
            value=value,
            step="2",
            params={"basis": basis.value},
            why=why,
        )

    # -- steps 3 to 6 ----------------------------------------------------------------------

    def action_period(self, code: str, action_id: str, period: ReportingPeriod) -> Node:
        key = name("s", code, action_id, period)
        if key in self.memo:
            return self.memo[key]
        value = self.s.action_period(code, action_id, period)
        children = [self.report(code, period)]
        if value is None:
            why = Message("s-period.undefined", {"period": str(period)})
        else:
            action = next(a for a in self.s.assigned(code) if a.id == action_id)
            entry = self.s.entries(code, period).get(action_id)
            reported = {} if entry is None else {m.measure: m for m in entry.measures}
            measures = [m.id for m in action.measures if m.period is period.code]
            children += [self.met(code, m, reported.get(m)) for m in measures]
            met = sum(1 for child in children[1:] if child.value)
            why = Message("s-period.value", {"met": met, "total": len(measures)})
        return self._score_node(key, value, step="3", why=why, children=tuple(children))

    def institution_period(self, code: str, period: ReportingPeriod) -> Node:
        key = name("S", code, period)
        if key in self.memo:
            return self.memo[key]
        value = self.s.institution_period(code, period)
        children = [self.report(code, period)]
        if value is None:
            why = Message("S-period.undefined", {"period": str(period)})
        else:
            actions = self.s.assigned(code)
            children += [self.action_period(code, a.id, period) for a in actions]
            why = Message("S-period.value", {"count": len(actions)})
        return self._score_node(key, value, step="4", why=why, children=tuple(children))

    def _annual_why(self, parts: list[Node]) -> Message:
        defined = sum(1 for p in parts if p.value is not None)
        if defined == 0:
            return Message("annual.undefined")
        if self.rules.missing_period is MissingPeriod.ZERO:
            return Message("annual.zero", {"count": len(parts)})
        return Message("annual.exclude", {"defined": defined, "count": len(parts)})

    def institution_annual(self, code: str) -> Node:
        key = name("S", code)
        if key in self.memo:
            return self.memo[key]
        parts = [self.institution_period(code, p) for p in self.s.periods]
        return self._score_node(
            key,
            self.s.institution_annual(code),
            step="5",
            params={"missing_period": self.rules.missing_period.value},
            why=self._annual_why(parts),
            children=tuple(parts),
        )

    def action_annual(self, code: str, action_id: str) -> Node:
        key = name("s", code, action_id)
        if key in self.memo:
            return self.memo[key]
        parts = [self.action_period(code, action_id, p) for p in self.s.periods]
        return self._score_node(
            key,
            self.s.action_annual(code, action_id),
            step="6",
            params={"missing_period": self.rules.missing_period.value},
            why=self._annual_why(parts),
            children=tuple(parts),
        )

    def achieved(self, code: str, action_id: str) -> Node:
        key = name("achieved", code, action_id)
        if key in self.memo:
            return self.memo[key]
        annual = self.action_annual(code, action_id)
        value = self.s.achieved(code, action_id)
        places = self.rules.places
        why = (
            Message("achieved.undefined")
            if annual.value is None
            else Message(
                "achieved.value",
                {
                    "places": places,
                    "rounded": annual.rounded,
                    "minimum": fixed(self.rules.achieved_min, places),
                },
            )
        )
        node = Node(
            quantity=key,
            value=value,
            step="6",
            params={
                "achieved_min": fixed(self.rules.achieved_min, places) or "",
                "places": str(places),
            },
            why=why,
            children=(annual,),
        )
        self.memo[key] = node
        return node

    # -- steps 7 to 11 ---------------------------------------------------------------------

    def _tier_why(self, tier: Tier, parts: list[Node], key: str) -> Message:
        defined = sum(1 for p in parts if p.value is not None)
        if not parts:
            return Message("tier.absent")
        if defined == 0:
            return Message("T.undefined")
        return Message(key, {"defined": defined, "count": len(parts)})

    def tier_period(self, tier: Tier, period: ReportingPeriod) -> Node:
        parts = [self.institution_period(c, period) for c in self.s.members(tier)]
        return self._score_node(
            name("T", tier, period),
            self.s.tier_period(tier, period),
            step="7",
            why=self._tier_why(tier, parts, "T-period.value"),
            children=tuple(parts),
        )

    def tier_annual(self, tier: Tier) -> Node:
        key = name("T", tier)
        if key in self.memo:
            return self.memo[key]
        parts = [self.institution_annual(c) for c in self.s.members(tier)]
        return self._score_node(
            key,
            self.s.tier_annual(tier),
            step="7",
            why=self._tier_why(tier, parts, "T-annual.value"),
            children=tuple(parts),
        )

    def _national_why(self, parts: list[Node]) -> Message:
        defined = sum(1 for p in parts if p.value is not None)
        return Message("N.value", {"defined": defined}) if defined else Message("N.undefined")

    def national_period(self, period: ReportingPeriod) -> Node:
        parts = [self.tier_period(tier, period) for tier in TIERS]
        return self._score_node(
            name("N", period),
            self.s.national_period(period),
            step="8",
            why=self._national_why(parts),
            children=tuple(parts),
        )

    def national(self) -> Node:
        parts = [self.tier_annual(tier) for tier in TIERS]
        return self._score_node(
            "N", self.s.national(), step="8", why=self._national_why(parts), children=tuple(parts)
        )

    def participation(self, tier: Tier, period: ReportingPeriod) -> Node:
        members = self.s.members(tier)
        parts = [self.report(c, period) for c in members]
        why = (
            Message(
                "participation.value",
                {"participating": sum(1 for p in parts if p.value), "count": len(parts)},
            )
            if parts
            else Message("tier.absent")
        )
        return self._score_node(
            name("participation", tier, period),
            self.s.participation(tier, period),
            step="9",
            why=why,
            children=tuple(parts),
        )

    def target_met(self, tier: Tier) -> Node:
        annual = self.tier_annual(tier)
        target = self.s.target(tier)
        year = self.s.year
        places = self.rules.places
        if target is None:
            why = Message("target.none", {"year": year})
        elif annual.value is None:
            why = Message("target.undefined", {"tier": tier.value})
        else:
            why = Message(
                "target.value",
                {
                    "tier": tier.value,
                    "rounded": annual.rounded,
                    "year": year,
                    "target": fixed(target, places),
                },
            )
        params = {f"targets.{year}.{tier.value}": fixed(target, places) or "none"}
        return Node(
            quantity=name("target_met", tier),
            value=self.s.target_met(tier),
            step="10",
            params={**params, "places": str(places)},
            why=why,
            children=(annual,),
        )

    def ratio(self, tier: Tier) -> Node:
        key = name("ratio", tier)
        if key in self.memo:
            return self.memo[key]
        parts = [self.achieved(c, a.id) for c in self.s.members(tier) for a in self.s.assigned(c)]
        return self._ratio_node(
            key, self.s.ratio(tier), parts, len(parts), sum(1 for p in parts if p.value)
        )

    def ratio_all(self) -> Node:
        parts = [self.ratio(tier) for tier in self.s.tiers]
        return self._ratio_node(
            "ratio", self.s.ratio(), parts, self.s.targets(), self.s.achieved_targets()
        )

    def _ratio_node(
        self, key: str, value: Fraction | None, parts: list[Node], targets: int, achieved: int
    ) -> Node:
        why = (
            Message("ratio.value", {"achieved": achieved, "targets": targets})
            if targets
            else Message("ratio.undefined")
        )
        return self._score_node(key, value, step="11", why=why, children=tuple(parts))

    # -- eligibility -----------------------------------------------------------------------

    def eligible(self, code: str) -> Node:
        key = name("eligible", code)
        if key in self.memo:
            return self.memo[key]
        from ranham.rules._explain_eligibility import criterion_node

        decision = self.s.eligibility().decision(code)
        parts = [criterion_node(self, code, result) for result in decision.criteria]
        failed = [str(r.criterion) for r in decision.failed]
        if failed:
            why = Message("eligible.no", {"failed": ", ".join(failed)})
        else:
            why = Message("eligible.yes" if parts else "eligible.none")
        node = Node(
            quantity=key,
            value=decision.eligible,
            step="eligible",
            params={
                "criteria": ", ".join(str(c) for c in self.s.ruleset.eligibility.criteria) or "none"
            },
            why=why,
            children=tuple(parts),
        )
        self.memo[key] = node
        return node

    def rank(self, code: str) -> Node:
        eligibility = self.s.eligibility()
        decision = eligibility.decision(code)
        children = [self.eligible(code)]
        if decision.rank is None:
            why = Message("rank.none")
        else:
            peers = eligibility.ranked(decision.tier)
            children += [
                self._score_node_unmemo(
                    name("S", d.code), self.s.institution_annual(d.code), d.rank
                )
                for d in peers
            ]
            why = Message("rank.value", {"rank": decision.rank, "count": len(peers)})
        return Node(
            quantity=name("rank", code),
            value=decision.rank,
            step="rank",
            why=why,
            children=tuple(children),
        )

    def _score_node_unmemo(self, quantity: str, value: Fraction | None, rank: int | None) -> Node:
        return Node(
            quantity=quantity,
            value=value,
            rounded=self.s.round(value),
            step="rank",
            why=Message("rank.peer", {"rank": rank}),
        )


def _period(explainer: _Explainer, text: str) -> ReportingPeriod:
    return explainer.s._period(text)


def _tier(explainer: _Explainer, text: str) -> Tier:
    return explainer.s._tier(text)


EXPLAINERS: dict[tuple[str, int], Callable[..., Node]] = {
    ("s", 3): lambda e, c, a, p: e.action_period(c, a, _period(e, p)),
    ("s", 2): _Explainer.action_annual,
    ("achieved", 2): _Explainer.achieved,
    ("S", 2): lambda e, c, p: e.institution_period(c, _period(e, p)),
    ("S", 1): _Explainer.institution_annual,
    ("T", 2): lambda e, t, p: e.tier_period(_tier(e, t), _period(e, p)),
    ("T", 1): lambda e, t: e.tier_annual(_tier(e, t)),
    ("N", 1): lambda e, p: e.national_period(_period(e, p)),
    ("N", 0): _Explainer.national,
    ("participation", 2): lambda e, t, p: e.participation(_tier(e, t), _period(e, p)),
    ("ratio", 1): lambda e, t: e.ratio(_tier(e, t)),
    ("ratio", 0): _Explainer.ratio_all,
    ("target_met", 1): lambda e, t: e.target_met(_tier(e, t)),
    ("eligible", 1): _Explainer.eligible,
    ("rank", 1): _Explainer.rank,
}
"""The registry of explanations of one year: (function, arguments) → the builder of its node.
A form without an entry is refused with :class:`~ranham.errors.UnknownNameError`."""

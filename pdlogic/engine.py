"""evaluate(): from a reader's facts and a policy to the options, paths and warnings.

Nothing here knows about YAML or pages: it reads the compiled data (see
data.py) and imports only the standard library, so it runs unchanged in
CPython at build time and in Pyodide in the reader's browser.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from . import clock, conditions, dates
from .facts import FactsError, validate
from .result import OptionResult, Result


class PolicyError(ValueError):
    """A policy id that is not in decision_tree/policies.yaml."""


class _Collector:
    """Gathers sources in first-cited order and the unknown facts that matter."""

    def __init__(self) -> None:
        self.sources: dict[str, None] = {}
        self.needs: set[str] = set()

    def cite(self, ids: Iterable[str]) -> None:
        for sid in ids:
            self.sources.setdefault(sid, None)

    def test(self, cond: conditions.Condition, ctx: _Context) -> bool:
        value, needs = conditions.evaluate(cond, ctx.facts, ctx.policy_id, ctx.priority)
        if value is None:
            self.needs |= needs
        return value is True


class _Context:
    def __init__(self, data: Mapping[str, Any], facts: Mapping[str, Any], policy_id: str, today: dt.date):
        self.data = data
        self.facts = facts
        self.policy_id = policy_id
        self.policy = data["policies"][policy_id]
        self.today = today
        self.priority: tuple[str | None, frozenset[str]] = (None, frozenset())
        self.window = policy_window(data, policy_id, today)
        self._current: dict[str, bool] = {}
        self._possibly: dict[str, bool] = {}

    def current(self, source_id: str) -> bool:
        """Was this guidance in force (as far as any source shows) while the policy was?"""
        if source_id not in self._current:
            doc = self.data["sources"][source_id]
            # In force at some time while the policy was, and not ended by a recorded act during
            # it: guidance rescinded under a framework no longer supports options under it.
            self._current[source_id] = dates.overlaps(
                dates.in_force_intervals(doc), self.window
            ) and not dates.ended_within(doc, self.window)
        return self._current[source_id]

    def possibly_current(self, source_id: str) -> bool:
        """Was it in force while the policy was, or may it still be (its last known state is
        in force)? For law that warns or bars: unverified lately is not the same as ended."""
        if source_id not in self._possibly:
            doc = self.data["sources"][source_id]
            self._possibly[source_id] = dates.overlaps(dates.possibly_in_force_intervals(doc), self.window)
        return self._possibly[source_id]

    def law_applies(self, spec: Mapping[str, Any]) -> bool:
        """A warning or deadline resting on `law` applies only under a policy whose time that
        law shares (contract: "under an older policy they appear only where the law behind
        them already held then"). No `law`: it does not depend on the date."""
        law = spec.get("law") or []
        return not law or any(self.possibly_current(s) for s in law)


def policy_window(data: Mapping[str, Any], policy_id: str, today: dt.date) -> list[dates.Interval]:
    """The days on which the policy was in force and verified to be, up to today."""
    doc = data["sources"][data["policies"][policy_id]["source"]]
    return dates.clip(dates.in_force_intervals(doc), today)


def default_policy(data: Mapping[str, Any], today: dt.date | None = None) -> str:
    """The framework in force today: the latest to start among those in force on the last
    verified day. Computed from the registry, never typed."""
    today = today or clock.today()
    best: tuple[dt.date, str] | None = None
    for pid in data["policy_order"]:
        doc = data["sources"][data["policies"][pid]["source"]]
        day = min(today, dates.parse(doc["verified_through"]))
        if dates.state_on(doc, day) in dates.IN_FORCE:
            start = dates.parse(doc["status"][0]["since"])
            if best is None or start > best[0]:
                best = (start, pid)
    if best is None:
        raise PolicyError("no policy in decision_tree/ is in force on its last verified day")
    return best[1]


def evaluate(
    data: Mapping[str, Any],
    facts: Mapping[str, Any],
    policy: str | None = None,
    today: dt.date | None = None,
) -> Result:
    today = today or clock.today()
    clean = validate(facts, data["facts"])
    policy_id = default_policy(data, today) if policy is None else policy
    if policy_id not in data["policies"]:
        known = ", ".join(data["policy_order"])
        raise PolicyError(f"policy: {policy_id!r} is not a policy id; expected one of {known}")
    ctx = _Context(data, clean, policy_id, today)
    out = _Collector()
    out.cite(ctx.policy["sources"])

    priority, authority = _priority(ctx, out)
    options = _options(ctx, out)
    warnings = _warnings(ctx, out)
    deadlines = _deadlines(ctx, out)
    picked = {
        kind: [item for item, spec in data[kind].items() if out.test(spec.get("when"), ctx)]
        for kind in ("tactics", "checklist", "detention")
    }
    tactic_warnings: dict[str, list[str]] = {}
    for tid in picked["tactics"]:
        found = _conditional_warnings(data["tactics"][tid].get("warnings", []), ctx, out)
        if found:
            tactic_warnings[tid] = found
    for kind, ids in picked.items():
        for item in ids:
            out.cite(data[kind][item]["sources"])
    for step in ctx.policy["escalation"]:
        out.cite(data["escalation_steps"][step]["sources"])

    return Result(
        policy=policy_id,
        stage=clean.get("stage"),
        priority=priority,
        exception_authority=authority,
        options=options,
        escalation=list(ctx.policy["escalation"]),
        tactics=picked["tactics"],
        checklist=picked["checklist"],
        detention=picked["detention"],
        sources=list(out.sources),
        needs=sorted(out.needs),
        warnings=warnings,
        deadlines=deadlines,
        tactic_warnings=tactic_warnings,
    )


def _priority(ctx: _Context, out: _Collector) -> tuple[str | None, list[str]]:
    categories = ctx.policy.get("categories")
    if not categories:
        return None, []
    unknown: set[str] = set()
    for category in categories:
        value, needs = conditions.evaluate(category["when"], ctx.facts, ctx.policy_id)
        if value is True and not unknown:
            ctx.priority = (category["id"], frozenset())
            out.cite(category["sources"])
            return category["id"], list(category["exception_authority"])
        if value is None:
            unknown |= needs
    if unknown:
        # An earlier category might still apply: the order of categories matters.
        out.needs |= unknown
        ctx.priority = ("unknown", frozenset(unknown))
        return "unknown", []
    ctx.priority = ("not_a_priority", frozenset())
    return "not_a_priority", []


def _options(ctx: _Context, out: _Collector) -> list[OptionResult]:
    stage = ctx.facts.get("stage")
    if stage is None:
        out.needs.add("stage")
        return []
    results: list[OptionResult] = []
    for oid in ctx.data["stages"][stage]["options"]:
        spec = ctx.data["options"][oid]
        if not out.test(spec.get("available_when"), ctx):
            continue
        explain: list[dict[str, Any]] = []
        cited: dict[str, None] = {}
        recommended = False
        unbarred = False
        for rule in spec["rules"]:
            if not out.test(rule["when"], ctx):
                continue
            barred = _barred_by(rule, ctx, out)
            in_force = [] if barred else [s for s in rule["sources"] if ctx.current(s)]
            recommended = recommended or bool(in_force)
            unbarred = unbarred or not barred
            cited.update(dict.fromkeys(rule["sources"]))
            cited.update(dict.fromkeys(barred))
            entry: dict[str, Any] = {
                "rule": rule["id"],
                "facts": sorted(set(conditions.facts_used(rule["when"]))),
                "sources": list(rule["sources"]),
                "in_force": in_force,
            }
            if barred:
                entry["barred_by"] = barred
            explain.append(entry)
        cited.update(dict.fromkeys(spec["sources"]))
        warnings = _conditional_warnings(spec["warnings"], ctx, out)
        # The facts met a rule, but none of the guidance behind it was in force under this
        # policy (the contract's "guidance that once supported an option is no longer in
        # force"); or nothing the option cites was. A current form or procedure elsewhere in
        # the option's sources does not make the rule's guidance current. A rule held back
        # by a court order is not "guidance not current": the option's own warning says why.
        if (explain and not recommended and unbarred) or not any(ctx.current(s) for s in cited):
            warnings.append("guidance_not_current")
        out.cite(cited)
        results.append(
            OptionResult(
                id=oid,
                recommended=recommended,
                decided_by=list(spec["decided_by"]),
                sources=list(cited),
                warnings=warnings,
                explain=explain,
            )
        )
    # The ones the facts point to first; otherwise the data's order.
    results.sort(key=lambda o: not o.recommended)
    return results


def _barred_by(rule: Mapping[str, Any], ctx: _Context, out: _Collector) -> list[str]:
    """The documents that keep this rule's guidance from counting for these facts: each bar
    whose document was (or may still be) in force under the policy and whose `unless` is not
    definitely true. "I don't know" does not lift a bar."""
    barred: list[str] = []
    for bar in rule.get("barred_by", []):
        if ctx.possibly_current(bar["source"]) and not out.test(bar.get("unless"), ctx):
            barred.append(bar["source"])
    return barred


def _urgency(ctx: _Context, wid: str) -> int:
    return int(ctx.data["warnings"][wid].get("urgency", 3))


def _conditional_warnings(rules: Iterable[Mapping[str, Any]], ctx: _Context, out: _Collector) -> list[str]:
    """Warning rules attached to an option, a tactic or a policy, in urgency order."""
    found: list[str] = []
    for rule in rules:
        wid = rule["id"]
        if wid not in found and ctx.law_applies(ctx.data["warnings"][wid]) and out.test(rule.get("when"), ctx):
            found.append(wid)
            out.cite(ctx.data["warnings"][wid]["sources"])
    return sorted(found, key=lambda w: _urgency(ctx, w))


def _warnings(ctx: _Context, out: _Collector) -> list[str]:
    found: list[str] = []
    doc = ctx.data["sources"][ctx.policy["source"]]
    state_today = dates.state_on(doc, ctx.today)
    if state_today == dates.UNKNOWN:
        found.append("policy_status_unverified")
    elif state_today not in dates.IN_FORCE:
        found.append("policy_not_in_force_today")
    for wid, spec in ctx.data["warnings"].items():
        if spec.get("when") is not None and ctx.law_applies(spec) and out.test(spec["when"], ctx):
            found.append(wid)
    for wid in _conditional_warnings(ctx.policy["warnings"], ctx, out):
        if wid not in found:
            found.append(wid)
    for wid in found:
        out.cite(ctx.data["warnings"][wid]["sources"])
    # Most urgent first (1 = act now); the data's order within the same urgency.
    return sorted(found, key=lambda w: _urgency(ctx, w))


def _deadlines(ctx: _Context, out: _Collector) -> list[str]:
    """The time limits that apply (contract "deadlines"): most urgent first, then shortest."""
    found = [
        did for did, spec in ctx.data["deadlines"].items() if ctx.law_applies(spec) and out.test(spec["when"], ctx)
    ]
    for did in found:
        out.cite(ctx.data["deadlines"][did]["sources"])
    return sorted(found, key=lambda d: (ctx.data["deadlines"][d]["urgency"], ctx.data["deadlines"][d]["days"]))


__all__ = ["FactsError", "PolicyError", "default_policy", "evaluate", "policy_window"]

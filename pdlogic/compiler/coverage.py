"""`python -m pdlogic coverage`: cover the answer space by construction, not by sampling.

Under every policy it

1. walks every edge of the question graph (graph.explore) and evaluates the
   state each edge leads to;
2. finishes every walked state with the first answer to each question still to
   come, and from those finished walks searches, for whatever is still uncovered,
   the combinations of the answers it depends on (each value and "I don't know");
3. sees every condition in the data (question `when`, priority categories,
   option `available_when`, rules and warnings, policy and global warnings,
   tactics, checklist, detention), and every node inside it, both true and false;
4. sees every option recommended for some fact set under some policy and not
   recommended for another (options with a `no_rule_reason` are reported as
   "never recommended by design"), and every warning produced at least once;
5. enumerates the priority categories' facts of johnson-2014 exhaustively and
   checks each answer against the memo's three categories read independently;
6. checks every result against the contract and every recommendation's citation.

Only reachable fact sets are used: a fact set is reachable when `prune` leaves
it unchanged (every answer in it belongs to a question the guide would ask).
It prints what it covered, what it could not (empty, or the run fails), and the
time.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .. import clock, conditions, dates, engine
from ..facts import FactsError
from ..questions import next_question, prune
from .graph import RESULT, explore, routing_facts

Facts = dict[str, Any]
FactSet = tuple[str, Facts]  # (policy id, facts)

RESULT_KEYS = {
    "policy",
    "stage",
    "priority",
    "exception_authority",
    "options",
    "escalation",
    "tactics",
    "checklist",
    "detention",
    "sources",
    "needs",
    "warnings",
    "deadlines",
    "tactic_warnings",
}
OPTION_KEYS = {"id", "recommended", "decided_by", "sources", "warnings", "explain"}
# Engine-made warnings, produced by dates and statuses rather than by a condition.
ENGINE_WARNINGS = ("guidance_not_current", "policy_not_in_force_today", "policy_status_unverified")
# How many fact sets a targeted search may try for one uncovered item before it gives up.
SEARCH_LIMIT = 3000
_ABSENT = object()  # a search value: the fact is not asked on this route


# --- where the conditions are ---------------------------------------------------------


def condition_sites(data: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """Every condition in the data, with a readable name of where it is."""
    for q in data["questions"]:
        yield f"questions[{q['id']}].when", q["when"]
    for pid in data["policy_order"]:
        policy = data["policies"][pid]
        for cat in policy["categories"] or []:
            yield f"policies.{pid}.categories[{cat['id']}].when", cat["when"]
        for w in policy["warnings"]:
            yield f"policies.{pid}.warnings[{w['id']}].when", w.get("when")
    for oid, opt in data["options"].items():
        yield f"options.{oid}.available_when", opt.get("available_when")
        for rule in opt["rules"]:
            yield f"options.{oid}.rules[{rule['id']}].when", rule["when"]
        for w in opt["warnings"]:
            yield f"options.{oid}.warnings[{w['id']}].when", w.get("when")
        for rule in opt["rules"]:
            for bar in rule.get("barred_by", []):
                yield f"options.{oid}.rules[{rule['id']}].barred_by[{bar['source']}].unless", bar.get("unless")
    for wid, spec in data["warnings"].items():
        yield f"warnings.{wid}.when", spec.get("when")
    for did, spec in data["deadlines"].items():
        yield f"deadlines.{did}.when", spec["when"]
    for kind in ("tactics", "checklist", "detention"):
        for item, spec in data[kind].items():
            yield f"{kind}.{item}.when", spec.get("when")
    for tid, spec in data["tactics"].items():
        for w in spec.get("warnings", []):
            yield f"tactics.{tid}.warnings[{w['id']}].when", w.get("when")


def _node_names(cond: Any, name: str) -> Iterator[tuple[Any, str]]:
    if cond is None:
        return
    yield cond, name
    for key in ("all", "any"):
        if key in cond:
            for i, part in enumerate(cond[key]):
                yield from _node_names(part, f"{name}/{key}[{i}]")
    if "not" in cond:
        yield from _node_names(cond["not"], f"{name}/not")


# --- recording what the engine evaluates -------------------------------------------------


class Recorder:
    """Which condition nodes the engine and the question walk have seen true, and false."""

    def __init__(self) -> None:
        self.true: set[int] = set()
        self.false: set[int] = set()

    @contextmanager
    def active(self) -> Iterator[None]:
        original = conditions.evaluate
        true, false = self.true, self.false

        def recording(cond: Any, *args: Any, **kwargs: Any) -> tuple[conditions.Value, frozenset[str]]:
            value, needs = original(cond, *args, **kwargs)
            if value is True:
                true.add(id(cond))
            elif value is False:
                false.add(id(cond))
            return value, needs

        conditions.evaluate = recording  # every caller looks it up in the module at call time
        try:
            yield
        finally:
            conditions.evaluate = original


# --- the contract, as a check on one result ---------------------------------------------


def contract_problems(data: Mapping[str, Any], facts: Mapping[str, Any], policy: str, result: Any) -> list[str]:
    """What is wrong with one result under ../shared/pdlogic-contract.md (empty: nothing)."""
    out: list[str] = []
    r = result
    try:
        json.dumps(r)
    except (TypeError, ValueError) as exc:
        return [f"result is not plain JSON: {exc}"]
    if set(r) != RESULT_KEYS:
        return [f"result keys {sorted(r)} != {sorted(RESULT_KEYS)}"]

    def subset(kind: str, ids: list[Any], known: Any) -> None:
        if not isinstance(ids, list):
            out.append(f"{kind} is not a list")
            return
        bad = [i for i in ids if i not in known]
        if bad:
            out.append(f"{kind} has unknown ids {bad}")
        if len(set(ids)) != len(ids):
            out.append(f"{kind} repeats an id: {ids}")

    spec = data["policies"][policy]
    if r["policy"] != policy:
        out.append(f"policy {r['policy']!r} != {policy!r}")
    if r["stage"] != facts.get("stage"):
        out.append(f"stage {r['stage']!r} != {facts.get('stage')!r}")
    categories = {c["id"]: c for c in spec["categories"] or []}
    if not categories:
        if r["priority"] is not None or r["exception_authority"]:
            out.append(f"priority {r['priority']!r} under a policy without categories")
    elif r["priority"] not in {*categories, "not_a_priority", "unknown"}:
        out.append(f"priority {r['priority']!r} is not a category of {policy}")
    elif r["exception_authority"] != (
        categories[r["priority"]]["exception_authority"] if r["priority"] in categories else []
    ):
        out.append(f"exception_authority {r['exception_authority']} does not match {r['priority']}")
    subset("exception_authority", r["exception_authority"], data["authorities"])
    stage = facts.get("stage")
    allowed = data["stages"][stage]["options"] if stage else []
    if [o["id"] for o in r["options"] if o["id"] not in allowed]:
        out.append(f"options of another stage: {[o['id'] for o in r['options'] if o['id'] not in allowed]}")
    subset("options", [o["id"] for o in r["options"]], data["options"])
    for o in r["options"]:
        if set(o) != OPTION_KEYS:
            out.append(f"option {o.get('id')} keys {sorted(o)}")
            continue
        if not isinstance(o["recommended"], bool):
            out.append(f"option {o['id']}: recommended is not a bool")
        subset(f"options.{o['id']}.decided_by", o["decided_by"], data["deciders"])
        subset(f"options.{o['id']}.sources", o["sources"], data["sources"])
        subset(f"options.{o['id']}.warnings", o["warnings"], data["warnings"])
        if not o["sources"]:
            out.append(f"option {o['id']} cites no source")
        if [s for s in o["sources"] if s not in r["sources"]]:
            out.append(f"option {o['id']} cites sources missing from the result's sources")
        if o["recommended"]:
            backing = [s for e in o["explain"] for s in e["in_force"]]
            if not backing:
                out.append(f"option {o['id']} is recommended without a rule whose guidance is in force")
            if [s for s in backing if s not in o["sources"]]:
                out.append(f"option {o['id']} is recommended on guidance it does not cite")
        elif any(e["in_force"] for e in o["explain"]):
            out.append(f"option {o['id']} has a rule with guidance in force but is not recommended")
        if data["options"][o["id"]].get("no_rule_reason") and o["recommended"]:
            out.append(f"option {o['id']} has a no_rule_reason but was recommended")
    if r["escalation"] != spec["escalation"]:
        out.append(f"escalation {r['escalation']} != the policy's {spec['escalation']}")
    subset("escalation", r["escalation"], data["escalation_steps"])
    subset("tactics", r["tactics"], data["tactics"])
    subset("checklist", r["checklist"], data["checklist"])
    subset("detention", r["detention"], data["detention"])
    if r["detention"] and facts.get("detained") is not True:
        out.append(f"detention {r['detention']} although detained is {facts.get('detained')!r}")
    subset("sources", r["sources"], data["sources"])
    subset("needs", r["needs"], data["facts"])
    if r["needs"] != sorted(r["needs"]):
        out.append("needs is not sorted")
    if [k for k in r["needs"] if facts.get(k) is not None]:
        out.append(f"needs lists known facts: {[k for k in r['needs'] if facts.get(k) is not None]}")
    subset("warnings", r["warnings"], data["warnings"])
    urgencies = [data["warnings"][w]["urgency"] for w in r["warnings"] if w in data["warnings"]]
    if urgencies != sorted(urgencies):
        out.append(f"warnings are not ordered by urgency: {r['warnings']}")
    subset("deadlines", r["deadlines"], data["deadlines"])
    if not isinstance(r["tactic_warnings"], dict):
        out.append("tactic_warnings is not a mapping")
    else:
        for tid, ws in r["tactic_warnings"].items():
            if tid not in r["tactics"]:
                out.append(f"tactic_warnings names a tactic not in the result: {tid}")
            subset(f"tactic_warnings.{tid}", ws, data["warnings"])
    for kind, ids in (("warnings", r["warnings"]), ("deadlines", r["deadlines"])):
        cited = [s for i in ids if i in data[kind] for s in data[kind][i]["sources"]]
        if [s for s in cited if s not in r["sources"]]:
            out.append(f"{kind} cite sources missing from the result's sources")
    return out


# --- an independent reading of the 2014 priorities (for the exhaustive enumeration) -------

JOHNSON_P1 = ("terrorism_or_espionage", "apprehended_at_border", "gang_participation", "felony_conviction")
JOHNSON_P2_FLAGS = ("significant_misdemeanor", "significant_visa_abuse", "entered_after_2014")
JOHNSON_AUTHORITY = {
    "priority_1": ["ice_field_office_director", "cbp_sector_chief", "cbp_director_field_operations"],
    "priority_2": [
        "ice_field_office_director",
        "cbp_sector_chief",
        "cbp_director_field_operations",
        "uscis_district_director",
        "uscis_service_center_director",
    ],
    "priority_3": ["any_immigration_officer"],
}


def _kleene_any(values: list[bool | None]) -> bool | None:
    if True in values:
        return True
    return None if None in values else False


def johnson_2014_priority(facts: Mapping[str, Any]) -> tuple[str, list[str]]:
    """The Johnson memo's categories as the 2015 advisory states them, read on their own:
    the first category that is true decides; "I don't know" about an earlier one
    leaves the answer unknown."""
    count = facts.get("misdemeanor_convictions")
    stage = facts.get("stage")
    three = None if count is None else count >= 3
    categories = [
        ("priority_1", _kleene_any([facts.get(k) for k in JOHNSON_P1])),
        ("priority_2", _kleene_any([three, *(facts.get(k) for k in JOHNSON_P2_FLAGS)])),
        # Only a person with a removal order can have one issued on or after January 1, 2014.
        (
            "priority_3",
            False if stage in ("before_nta", "in_proceedings") else _kleene_any([facts.get("order_after_2014")]),
        ),
    ]
    for name, value in categories:
        if value is None:
            return "unknown", []
        if value:
            return name, JOHNSON_AUTHORITY[name]
    return "not_a_priority", []


# --- the run ---------------------------------------------------------------------------


@dataclass
class Report:
    today: dt.date
    fact_sets: list[FactSet] = field(default_factory=list)
    covered: list[str] = field(default_factory=list)
    by_design: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def text(self) -> str:
        lines = ["Covered:"]
        lines += [f"  {line}" for line in self.covered]
        lines.append("Never recommended by design:")
        lines += [f"  {line}" for line in self.by_design] or ["  (none)"]
        lines.append(f"Not covered ({len(self.gaps)}):")
        lines += [f"  {gap}" for gap in self.gaps] or ["  (none)"]
        lines.append(f"Time: {self.seconds:.2f} s")
        return "\n".join(lines)


class _Run:
    def __init__(self, data: Mapping[str, Any], today: dt.date) -> None:
        self.data = data
        self.today = today
        self.report = Report(today=today)
        self.recorder = Recorder()
        self.seen: set[tuple[str, tuple[tuple[str, Any], ...]]] = set()
        self.routing = routing_facts(dict(data))
        self.recommended: dict[str, FactSet] = {}
        self.not_recommended: dict[str, FactSet] = {}
        self.produced: dict[str, FactSet] = {}
        self.deadlines_produced: dict[str, FactSet] = {}
        self.contract_failures: list[str] = []
        self.unreachable = 0
        self.by_id = {q["id"]: q for q in data["questions"]}
        self.domain: dict[str, list[Any]] = {}
        for q in data["questions"]:
            for f in q["facts"]:
                if q["kind"] == "multi":
                    self.domain[f] = [True, False, None]
                else:
                    self.domain[f] = [a["value"] for a in q["answers"]] + [None]

    # one fact set
    def evaluate(self, policy: str, facts: Facts, today: dt.date | None = None, record: bool = True) -> Any:
        key = (policy, tuple(sorted(facts.items(), key=lambda kv: kv[0])))
        if key in self.seen and today is None:
            return None
        if prune(self.data, facts, policy) != facts:
            self.unreachable += 1
            return None
        self.seen.add(key)
        day = today or self.today
        if today is None:
            self.report.fact_sets.append((policy, facts))
        try:
            result = engine.evaluate(self.data, facts, policy, day).to_dict()
        except FactsError as exc:
            self.contract_failures.append(f"{policy} {facts}: FactsError on a reachable fact set: {exc}")
            return None
        problems = contract_problems(self.data, facts, policy, result)
        if problems and len(self.contract_failures) < 20:
            self.contract_failures.append(f"{policy} {json.dumps(facts, sort_keys=True)}: {'; '.join(problems)}")
        if record:
            for o in result["options"]:
                (self.recommended if o["recommended"] else self.not_recommended).setdefault(o["id"], (policy, facts))
                for w in o["warnings"]:
                    self.produced.setdefault(w, (policy, facts))
            for w in result["warnings"]:
                self.produced.setdefault(w, (policy, facts))
            for ws in result["tactic_warnings"].values():
                for w in ws:
                    self.produced.setdefault(w, (policy, facts))
            for d in result["deadlines"]:
                self.deadlines_produced.setdefault(d, (policy, facts))
        return result

    def walk(self) -> dict[str, list[Facts]]:
        """Every edge of the question graph, per policy; returns the finished walks."""
        with self.recorder.active():
            graphs = explore(dict(self.data))
        finished: dict[str, list[Facts]] = {}
        edges = 0
        for policy, graph in graphs.items():
            for (qid, label, target), facts in graph.edges.items():
                edges += 1
                got = next_question(self.data, facts, policy)
                if (got or RESULT) != target:
                    self.report.gaps.append(f"edge {policy}: {qid} --{label}--> {target} leads to {got}")
                if prune(self.data, facts, policy) != facts:
                    self.report.gaps.append(f"edge {policy}: {qid} --{label}--> {target}: its state is unreachable")
            with self.recorder.active():
                for facts in [*graph.states, *graph.edges.values()]:
                    self.evaluate(policy, facts)
            # Each walked state and each edge's state, finished with the first answer to every
            # question still to come: the bases that answers are varied on.
            bases: dict[str, Facts] = {}
            for facts in [*graph.states, *graph.edges.values()]:
                done = self.complete(policy, facts)
                bases.setdefault(json.dumps(done, sort_keys=True), done)
            finished[policy] = list(bases.values())
        nodes = sum(len(g.nodes) for g in graphs.values())
        self.report.covered.append(
            f"question graph: {edges} edges and {nodes} question nodes walked under {len(graphs)} policies"
        )
        return finished

    def complete(self, policy: str, facts: Facts) -> Facts:
        state = dict(facts)
        while (qid := next_question(self.data, state, policy)) is not None:
            q = self.by_id[qid]
            if q["kind"] == "multi":
                state.update(dict.fromkeys(q["facts"], False))
            else:
                state[q["facts"][0]] = q["answers"][0]["value"]
        return state

    def search(self, finished: dict[str, list[Facts]], facts: set[str], done: Callable[[], bool]) -> bool:
        """Combine the values of `facts` on finished walks until `done()` holds. A combination
        that changes the route is made reachable again: answers the new route does not ask
        are dropped (prune), questions it newly asks get their first answer; a combination
        that does not survive this is not reachable from that walk and is skipped."""
        tried = 0
        keys = sorted(facts)
        # Round robin over the policies' finished walks, so that no policy waits for another.
        rounds = itertools.zip_longest(*([(p, s) for s in states] for p, states in finished.items()))
        with self.recorder.active():
            for row in rounds:
                for policy, state in filter(None, row):
                    # A fact may also be wanted absent: a condition is often false only where a
                    # later question is not asked (the Laken Riley question, say, for a person admitted).
                    for values in itertools.product(*([*self.domain[f], _ABSENT] for f in keys)):
                        wanted = {k: v for k, v in zip(keys, values, strict=True) if v is not _ABSENT}
                        if len(wanted) < len(keys) and not wanted:
                            continue
                        candidate = self.complete(policy, prune(self.data, {**state, **wanted}, policy))
                        tried += 1
                        if tried > SEARCH_LIMIT:
                            return False
                        absent = [k for k in keys if k not in wanted]
                        if any(k not in candidate or candidate[k] != v for k, v in wanted.items()) or any(
                            k in candidate for k in absent
                        ):
                            self.unreachable += 1
                            continue
                        self.evaluate(policy, candidate)
                        if done():
                            return True
        return done()

    def conditions(self, finished: dict[str, list[Facts]]) -> None:
        sites = list(condition_sites(self.data))
        total = both = 0
        for site, cond in sites:
            if cond is None:
                continue
            used = set(conditions.facts_used(cond)) | self.context(site)
            for node, name in _node_names(cond, site):
                total += 1
                seen = 0
                for want, pool in ((True, self.recorder.true), (False, self.recorder.false)):
                    if id(node) in pool or self.search(finished, used, lambda n=node, p=pool: id(n) in p):
                        seen += 1
                    else:
                        self.report.gaps.append(f"{name}: never {'true' if want else 'false'} ({_show(node)})")
                both += seen == 2
        self.report.covered.append(
            f"conditions: {both} of {total} condition nodes (in {sum(c is not None for _, c in sites)} "
            "conditions) seen both true and false"
        )

    def context(self, site: str) -> set[str]:
        """The facts that decide whether a condition is looked at at all: an option's
        stage and availability."""
        if site.startswith("options."):
            spec = self.data["options"][site.split(".")[1]]
            return {"stage", *conditions.facts_used(spec.get("available_when"))}
        return set()

    def options(self, finished: dict[str, list[Facts]]) -> None:
        count = 0
        for oid, spec in self.data["options"].items():
            used = {f for r in spec["rules"] for f in conditions.facts_used(r["when"])}
            used |= self.context(f"options.{oid}")
            reason = spec.get("no_rule_reason")
            if reason:
                self.report.by_design.append(f"{oid}: {reason['en']}")
                if oid in self.recommended:
                    self.report.gaps.append(
                        f"option {oid}: declared never recommended, but recommended for {self.recommended[oid]}"
                    )
                continue
            if oid not in self.recommended:
                self.search(finished, used, lambda o=oid: o in self.recommended)
            if oid not in self.not_recommended:
                self.search(finished, used, lambda o=oid: o in self.not_recommended)
            for table, word in ((self.recommended, "recommended"), (self.not_recommended, "not recommended")):
                if oid not in table:
                    self.report.gaps.append(f"option {oid}: never {word} on any reachable fact set")
            count += oid in self.recommended and oid in self.not_recommended
        self.report.covered.append(
            f"options: {count} of {len(self.data['options'])} recommended for some fact set and not for another"
        )

    def warnings(self, finished: dict[str, list[Facts]]) -> None:
        # Engine warnings that depend on the day: each policy on the last day its status was
        # verified and on the day after.
        base = {"stage": "in_proceedings"}
        for policy in self.data["policy_order"]:
            doc = self.data["sources"][self.data["policies"][policy]["source"]]
            last = dates.parse(doc["verified_through"])
            for day in (last, last + dt.timedelta(days=1)):
                self.evaluate(policy, dict(base), today=day)
        for wid in self.data["warnings"]:
            if wid in self.produced:
                continue
            holders = [self.data["warnings"][wid].get("when")]
            holders += [w.get("when") for o in self.data["options"].values() for w in o["warnings"] if w["id"] == wid]
            holders += [w.get("when") for p in self.data["policies"].values() for w in p["warnings"] if w["id"] == wid]
            facts = {f for c in holders for f in conditions.facts_used(c)}
            facts |= (
                {"stage"}
                if any(w["id"] == wid for o in self.data["options"].values() for w in o["warnings"])
                else set()
            )
            self.search(finished, facts, lambda w=wid: w in self.produced)
            if wid not in self.produced:
                self.report.gaps.append(f"warning {wid}: never produced")
        self.report.covered.append(
            f"warnings: {len(self.produced)} of {len(self.data['warnings'])} produced at least once"
        )

    def deadlines(self, finished: dict[str, list[Facts]]) -> None:
        for did, spec in self.data["deadlines"].items():
            if did not in self.deadlines_produced:
                facts = set(conditions.facts_used(spec["when"]))
                self.search(finished, facts, lambda d=did: d in self.deadlines_produced)
            if did not in self.deadlines_produced:
                self.report.gaps.append(f"deadline {did}: never produced")
        self.report.covered.append(
            f"deadlines: {len(self.deadlines_produced)} of {len(self.data['deadlines'])} produced at least once"
        )

    def exhaustive_johnson(self) -> None:
        """Every combination of the 2014 categories' facts (each true, false or "I don't know";
        misdemeanors 0, 1, 2, 3 or more, or "I don't know") after a removal order, where all are asked."""
        policy = "johnson-2014"
        if policy not in self.data["policies"]:
            self.report.gaps.append("policy johnson-2014 is missing: no exhaustive enumeration")
            return
        bools = [*JOHNSON_P1, "significant_misdemeanor", "significant_visa_abuse", "entered_after_2014"]
        count = 0
        wrong: list[str] = []
        for stage in ("final_order",):  # where every one of them is asked
            for flags in itertools.product((True, False, None), repeat=len(bools)):
                for misdemeanors in self.domain["misdemeanor_convictions"]:
                    for order in (True, False, None):
                        facts = {
                            "stage": stage,
                            **dict(zip(bools, flags, strict=True)),
                            "misdemeanor_convictions": misdemeanors,
                            "order_after_2014": order,
                        }
                        result = self.evaluate(policy, facts, record=False)
                        if result is None:
                            continue
                        count += 1
                        expected = johnson_2014_priority(facts)
                        if (result["priority"], result["exception_authority"]) != expected and len(wrong) < 10:
                            wrong.append(f"{facts}: {result['priority']} {result['exception_authority']} != {expected}")
        self.report.gaps += [f"johnson-2014 priority: {w}" for w in wrong]
        self.report.covered.append(
            f"johnson-2014 priority categories: all {count} combinations of their facts enumerated "
            "and checked against the memo's categories"
        )


def _show(node: Any) -> str:
    return json.dumps(node, sort_keys=True)[:120]


def run(data: Mapping[str, Any], today: dt.date | None = None) -> Report:
    start = time.perf_counter()
    r = _Run(data, today or clock.today())
    finished = r.walk()
    r.conditions(finished)
    r.options(finished)
    r.warnings(finished)
    r.deadlines(finished)
    r.exhaustive_johnson()
    if r.contract_failures:
        r.report.gaps += [f"contract: {c}" for c in r.contract_failures]
    r.report.covered.insert(
        0,
        f"{len(r.report.fact_sets)} reachable fact sets evaluated under {len(data['policy_order'])} policies "
        f"on {r.today.isoformat()}, each checked against the contract "
        f"({r.unreachable} unreachable combinations skipped)",
    )
    r.report.seconds = time.perf_counter() - start
    return r.report


def main(data: Mapping[str, Any]) -> int:
    report = run(data)
    print(report.text())
    return 1 if report.gaps else 0

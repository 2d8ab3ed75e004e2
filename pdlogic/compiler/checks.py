"""Cross-checks over the whole tree: ids resolve, every fact is asked exactly once,
conditions test real facts with values of the right type, questions only look
back (so the question graph has no cycle), every question is reachable."""

from __future__ import annotations

from typing import Any

from .. import conditions, dates
from .schema import Ctx, Where

REQUIRED_WARNINGS = (
    "reveals_to_dhs",
    "dismissal_then_expedited_removal",
    "guidance_not_current",
    "policy_not_in_force_today",
    "policy_status_unverified",
)


def run(data: dict[str, Any], ctx: Ctx, defined_at: dict[str, Where]) -> None:
    _condition_values(data, ctx)
    _questions(data, ctx, defined_at)
    _stages(data, ctx, defined_at)
    _sources(data, ctx, defined_at)
    _warnings(data, ctx, defined_at)
    _priorities(data, ctx, defined_at)
    if not ctx.problems:
        from .graph import explore

        seen = {q for g in explore(data).values() for q in g.nodes}
        for q in data["questions"]:
            if q["id"] not in seen:
                ctx.error(defined_at["questions"], f"question {q['id']!r} is never reached under any policy")


def references(data: dict[str, Any], ctx: Ctx) -> None:
    for kind, ident, where in ctx.refs:
        if ident not in data.get(kind, {}):
            ctx.error(where, f"{ident!r} is not a known {kind} id")


def _condition_values(data: dict[str, Any], ctx: Ctx) -> None:
    facts = data["facts"]
    for key, node, where in ctx.cond_facts:
        spec = facts[key]
        if "unknown" in node:
            continue
        if "at_least" in node:
            if spec["type"] != "int":
                ctx.error(where, f"at_least needs a number fact; {key!r} is {spec['type']}")
            continue
        values = node["in"] if "in" in node else [node["is"]]
        for value in values:
            ok = (
                (spec["type"] == "bool" and isinstance(value, bool))
                or (spec["type"] == "int" and isinstance(value, int) and not isinstance(value, bool))
                or (spec["type"] == "enum" and value in (spec["choices"] or []))
            )
            if not ok:
                expected = spec["choices"] if spec["type"] == "enum" else spec["type"]
                ctx.error(where, f"{value!r} can never be a value of {key!r} (expected {expected})")


def _questions(data: dict[str, Any], ctx: Ctx, defined_at: dict[str, Where]) -> None:
    at = defined_at["questions"]
    asked_by: dict[str, list[str]] = {}
    ids: set[str] = set()
    for q in data["questions"]:
        if q["id"] in ids:
            ctx.error(at, f"question id {q['id']!r} is used twice")
        ids.add(q["id"])
        for f in q["facts"]:
            asked_by.setdefault(f, []).append(q["id"])
    for key, spec in data["facts"].items():
        askers = asked_by.get(key, [])
        if len(askers) != 1:
            ctx.error(
                defined_at["facts"],
                f"fact {key!r} is asked by {len(askers)} questions ({', '.join(askers) or 'none'}); expected exactly one",
            )
        if spec["type"] == "enum" and not spec["choices"]:
            ctx.error(defined_at["facts"], f"fact {key!r} is an enum without choices")
    # Where each fact test of a condition was written, so an error points at its line.
    written = {id(node): where for _, node, where in ctx.cond_facts}
    earlier: set[str] = set()
    for q in data["questions"]:
        for node in conditions.walk(q["when"]):
            f = node.get("fact")
            if f is not None and f not in earlier:
                ctx.error(
                    written.get(id(node), at),
                    f"question {q['id']!r} depends on {f!r}, which is not asked by an earlier question "
                    "(questions may only look back: this keeps the question graph free of cycles)",
                )
        kinds = [data["facts"][f]["type"] for f in q["facts"]]
        if q["kind"] == "multi":
            if not q["items"] or [i["fact"] for i in q["items"]] != q["facts"] or set(kinds) != {"bool"}:
                ctx.error(at, f"question {q['id']!r}: a multi question lists one yes/no item per fact, in order")
            if q["none_label"] is None:
                ctx.error(at, f"question {q['id']!r}: a multi question needs a none_label")
        else:
            if len(q["facts"]) != 1 or not q["answers"]:
                ctx.error(at, f"question {q['id']!r}: a {q['kind']} question asks one fact and lists its answers")
            elif q["kind"] == "count" and kinds != ["int"]:
                ctx.error(at, f"question {q['id']!r}: a count question asks a number fact")
            else:
                spec = data["facts"][q["facts"][0]]
                for a in q["answers"]:
                    v = a["value"]
                    ok = (
                        (spec["type"] == "bool" and isinstance(v, bool))
                        or (spec["type"] == "int" and isinstance(v, int) and not isinstance(v, bool))
                        or (spec["type"] == "enum" and v in spec["choices"])
                    )
                    if not ok:
                        ctx.error(at, f"question {q['id']!r}: answer {v!r} is not a value of {q['facts'][0]!r}")
        earlier.update(q["facts"])


def _stages(data: dict[str, Any], ctx: Ctx, defined_at: dict[str, Where]) -> None:
    choices = data["facts"].get("stage", {}).get("choices") or []
    if sorted(choices) != sorted(data["stages"]):
        ctx.error(defined_at["stages"], f"stages must be exactly the choices of the fact 'stage': {choices}")
    listed = {o for s in data["stages"].values() for o in s["options"]}
    for oid in data["options"]:
        if oid not in listed:
            ctx.error(defined_at["options"], f"option {oid!r} is not offered at any stage")


def _sources(data: dict[str, Any], ctx: Ctx, defined_at: dict[str, Where]) -> None:
    for sid, doc in data["sources"].items():
        sinces = [dates.parse(c["since"]) for c in doc["status"]]
        if sinces != sorted(sinces):
            ctx.error(defined_at["sources"], f"source {sid!r}: status changes must be listed oldest first")
        if dates.parse(doc["verified_through"]) < sinces[-1]:
            ctx.error(defined_at["sources"], f"source {sid!r}: verified_through is before its last status change")


def _warnings(data: dict[str, Any], ctx: Ctx, defined_at: dict[str, Where]) -> None:
    for wid in REQUIRED_WARNINGS:
        if wid not in data["warnings"]:
            ctx.error(defined_at["warnings"], f"the contract's warning {wid!r} is missing")
    for did, spec in data["deadlines"].items():
        if spec["days"] < 1:
            ctx.error(defined_at["deadlines"], f"deadline {did!r}: days must be at least 1, got {spec['days']}")


def _priorities(data: dict[str, Any], ctx: Ctx, defined_at: dict[str, Where]) -> None:
    categories = {"not_a_priority"} | {c["id"] for p in data["policies"].values() for c in (p["categories"] or [])}
    holders = [r["when"] for opt in data["options"].values() for r in opt["rules"]]
    for cond in holders:
        for node in conditions.walk(cond):
            for cat in node.get("priority", []):
                if cat not in categories:
                    ctx.error(defined_at["options"], f"{cat!r} is not a priority category of any policy")

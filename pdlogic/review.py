"""Which registry documents decide a result, and how long ago a person checked each.

`python -m pdlogic review` lists every document whose status the engine reads, or shows
beside a result, under the policy in force on a day, oldest review first; it exits 1 when
any was last reviewed more than N days before that day, so a scheduled job fails loudly.

What "decides" is derived from the compiled data, never listed by hand: the policy's own
documents (its source, categories, escalation steps, how to ask), and everything a result
under it can cite: options, their rules and `barred_by` orders, warnings and deadlines with
the `law` that decides whether they apply, tactics, checklist and detention items. An item
is left out only when a `policy` test in its condition rules it out under this policy (the
reader's facts are unknown here, so every other test may still hold).

Standard library only, like the rest of the engine; nothing here reads YAML or pages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import conditions, engine

DEFAULT_DAYS = 30
_PARTIAL = re.compile(r"^\d{4}(-\d{2})?$")


def _under(cond: conditions.Condition, policy: str) -> bool | None:
    """A condition with only its `policy` tests decided (Kleene): False means it can never
    hold under `policy`, whatever the reader answers."""
    if cond is None:
        return True
    if "all" in cond or "any" in cond:
        is_all = "all" in cond
        values = [_under(c, policy) for c in cond["all" if is_all else "any"]]
        if (not is_all) in values:
            return not is_all
        return None if None in values else is_all
    if "not" in cond:
        value = _under(cond["not"], policy)
        return None if value is None else not value
    if "policy" in cond:
        return policy in cond["policy"]
    return None  # a fact or a priority: unknown until the reader answers


def possible(cond: conditions.Condition, policy: str) -> bool:
    return _under(cond, policy) is not False


def dependents(data: Mapping[str, Any], policy: str, today: dt.date) -> dict[str, list[str]]:
    """Source id -> what in a result under `policy` depends on it ("option:ID", "warning:ID",
    "deadline:ID", "policy:ID", ...), for every source whose status can matter on `today`."""
    ctx = engine._Context(data, {}, policy, today)  # the engine's own "does this law apply"
    found: dict[str, dict[str, None]] = {}

    def add(ids: Iterable[str], what: str) -> None:
        for sid in ids:
            found.setdefault(sid, {})[what] = None

    spec = data["policies"][policy]
    tag = f"policy:{policy}"
    add([spec["source"], *spec["sources"]], tag)
    for category in spec.get("categories") or []:
        add(category["sources"], tag)
    for step in spec["how_to_ask"]:
        add(step["sources"], tag)
    for step in spec["escalation"]:
        add(data["escalation_steps"][step]["sources"], f"escalation:{step}")

    def warning(wid: str, when: conditions.Condition) -> None:
        w = data["warnings"][wid]
        if not possible(when, policy):
            return
        add(w.get("law") or [], f"warning:{wid}")  # its status decides whether it applies
        if ctx.law_applies(w):
            add(w["sources"], f"warning:{wid}")

    for wid, w in data["warnings"].items():
        if w.get("when") is not None:
            warning(wid, w["when"])
    for rule in spec["warnings"]:
        warning(rule["id"], rule.get("when"))
    for oid, option in data["options"].items():
        if not possible(option.get("available_when"), policy):
            continue
        tag = f"option:{oid}"
        add(option["sources"], tag)
        for rule in option["rules"]:
            if possible(rule["when"], policy):
                add(rule["sources"], tag)
                add((bar["source"] for bar in rule.get("barred_by", [])), tag)
        for rule in option["warnings"]:
            warning(rule["id"], rule.get("when"))
    for did, deadline in data["deadlines"].items():
        if possible(deadline["when"], policy):
            add(deadline.get("law") or [], f"deadline:{did}")
            if ctx.law_applies(deadline):
                add(deadline["sources"], f"deadline:{did}")
    for kind, singular in (("tactics", "tactic"), ("checklist", "checklist"), ("detention", "detention")):
        for item_id, item in data[kind].items():
            if possible(item.get("when"), policy):
                add(item["sources"], f"{singular}:{item_id}")
                for rule in item.get("warnings", []):
                    warning(rule["id"], rule.get("when"))
    return {sid: list(what) for sid, what in found.items()}


def flags(doc: Mapping[str, Any]) -> list[str]:
    """What a reviewer should look at twice: unconfirmed steps, missing or partial dates."""
    out: list[str] = []
    if not doc.get("date_confirmed", True):
        out.append(f"document date {doc['date']} not confirmed")
    if doc["date"] == "undated":
        out.append("document undated")
    elif _PARTIAL.match(doc["date"]):
        out.append(f"document date partial ({doc['date']})")
    for change in doc["status"]:
        step = f"{change['since']} {change['state']}"
        if not change["confirmed"]:
            out.append(f"unconfirmed step: {step}")
        if change["since"] == "undated":
            out.append(f"undated step: {change['state']}")
        elif _PARTIAL.match(change["since"]):
            out.append(f"partial date: {step}")
    if _PARTIAL.match(doc["verified_through"]) or doc["verified_through"] == "undated":
        out.append(f"verified_through partial ({doc['verified_through']})")
    return out


@dataclass
class Item:
    source: str
    last_reviewed: dt.date
    age_days: int
    verified_through: str
    depends: list[str]
    flags: list[str] = field(default_factory=list)


def review(data: Mapping[str, Any], today: dt.date, policy: str | None = None) -> tuple[str, list[Item]]:
    """The policy in force on `today` (or the one given) and its documents, oldest review first."""
    pid = policy or engine.default_policy(data, today)
    items = []
    for sid, depends in dependents(data, pid, today).items():
        doc = data["sources"][sid]
        reviewed = dt.date.fromisoformat(doc["last_reviewed"])
        items.append(Item(sid, reviewed, (today - reviewed).days, doc["verified_through"], depends, flags(doc)))
    items.sort(key=lambda i: (i.last_reviewed, i.source))
    return pid, items


def report(
    data: Mapping[str, Any], today: dt.date, days: int = DEFAULT_DAYS, policy: str | None = None
) -> tuple[str, int]:
    """The text `python -m pdlogic review` prints, and its exit code."""
    pid, items = review(data, today, policy)
    stale = [i for i in items if i.age_days > days]
    lines = [
        f"Documents behind a result under {pid} on {today.isoformat()}, oldest review first "
        f"({len(items)}; limit {days} days):",
        "",
    ]
    for i in items:
        mark = "  STALE" if i.age_days > days else ""
        lines.append(
            f"{i.last_reviewed.isoformat()}  {i.age_days:>4} days  {i.source}  "
            f"verified through {i.verified_through}{mark}"
        )
        lines.append(f"    used by: {', '.join(i.depends)}")
        for flag in i.flags:
            lines.append(f"    flag: {flag}")
    lines.append("")
    if stale:
        lines.append(
            f"{len(stale)} document(s) last reviewed more than {days} days before {today.isoformat()}: "
            + ", ".join(i.source for i in stale)
        )
    else:
        lines.append(f"Every document was reviewed within {days} days of {today.isoformat()}.")
    return "\n".join(lines) + "\n", 1 if stale else 0

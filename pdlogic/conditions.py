"""The condition grammar shared by decision_tree/, the engine and the guide's page script.

A condition is plain data, never code, so it can be checked statically, drawn,
and evaluated the same way in Python and in the browser:

    {"all": [c, ...]}   {"any": [c, ...]}   {"not": c}
    {"fact": k, "is": v}            {"fact": k, "in": [v, ...]}
    {"fact": k, "at_least": n}      {"fact": k, "unknown": true|false}
    {"policy": [id, ...]}           {"priority": [category id, ...]}
    null                            (no condition: always true)

Logic is three-valued (Kleene): a test on a fact that is absent or null is
*unknown* (None), so "I don't know" is never read as "no". `unknown` tests are
the one exception: they ask whether the fact is known, which is always
decidable. Evaluation returns the value and the unknown facts that made it
unknown, which is how a result says what would change it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

Condition = Mapping[str, Any] | None
Value = bool | None

_NONE: frozenset[str] = frozenset()

FACT_OPERATORS = ("is", "in", "at_least", "unknown")
COMBINATORS = ("all", "any", "not")


def evaluate(
    cond: Condition,
    facts: Mapping[str, Any],
    policy: str,
    priority: tuple[str | None, frozenset[str]] = (None, _NONE),
) -> tuple[Value, frozenset[str]]:
    """Return (True | False | None, facts whose being unknown made the value None).

    `priority` is the category the engine found under the policy (None where the
    policy has none, "unknown" with the facts it needs): options may depend on it.
    """
    if cond is None:
        return True, _NONE
    if "all" in cond or "any" in cond:
        is_all = "all" in cond
        dominant = not is_all  # False dominates `all`, True dominates `any`
        unknown: set[str] = set()
        saw_unknown = False
        for part in cond["all" if is_all else "any"]:
            value, needs = evaluate(part, facts, policy, priority)
            if value is dominant:
                return dominant, _NONE
            if value is None:
                saw_unknown = True
                unknown |= needs
        if saw_unknown:
            return None, frozenset(unknown)
        return is_all, _NONE
    if "not" in cond:
        value, needs = evaluate(cond["not"], facts, policy, priority)
        if value is None:
            return None, needs
        return (not value), _NONE
    if "policy" in cond:
        return policy in cond["policy"], _NONE
    if "priority" in cond:
        category, needs = priority
        if category == "unknown":
            return None, needs
        return category in cond["priority"], _NONE
    key = cond["fact"]
    value = facts.get(key)
    if "unknown" in cond:
        return (value is None) is bool(cond["unknown"]), _NONE
    if value is None:
        return None, frozenset((key,))
    if "is" in cond:
        return value == cond["is"] and type(value) is type(cond["is"]), _NONE
    if "in" in cond:
        return value in cond["in"], _NONE
    if "at_least" in cond:
        return value >= cond["at_least"], _NONE
    raise ValueError(f"not a condition: {cond!r}")


def holds(cond: Condition, facts: Mapping[str, Any], policy: str) -> bool:
    """True only when the condition is definitely true."""
    return evaluate(cond, facts, policy)[0] is True


def walk(cond: Condition) -> Iterator[Mapping[str, Any]]:
    """Every node of a condition, depth first."""
    if cond is None:
        return
    yield cond
    for key in ("all", "any"):
        if key in cond:
            for part in cond[key]:
                yield from walk(part)
    if "not" in cond:
        yield from walk(cond["not"])


def facts_used(cond: Condition) -> Iterator[str]:
    """Every fact key a condition tests, for static checks and the flowchart."""
    return (node["fact"] for node in walk(cond) if "fact" in node)


def policies_used(cond: Condition) -> Iterator[str]:
    return (pid for node in walk(cond) if "policy" in node for pid in node["policy"])

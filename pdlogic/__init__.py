"""pdlogic: prosecutorial discretion in U.S. immigration cases, as data and pure logic.

Public interface: ../shared/pdlogic-contract.md. Only the standard library is
imported here, so the same code runs in CPython and in Pyodide.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import engine, questions
from .data import compiled
from .engine import PolicyError
from .facts import FactsError, validate
from .result import OptionResult, Result

__all__ = [
    "FactsError",
    "OptionResult",
    "PolicyError",
    "Result",
    "default_policy",
    "evaluate",
    "next_question",
    "policies",
    "prune",
]


def evaluate(facts: dict[str, Any], policy: str | None = None, today: dt.date | None = None) -> Result:
    """Judge `facts` under `policy` (None: the policy in force today)."""
    return engine.evaluate(compiled(), facts, policy, today)


def default_policy(today: dt.date | None = None) -> str:
    return engine.default_policy(compiled(), today)


def next_question(facts: dict[str, Any], policy: str | None = None) -> str | None:
    """The id of the next question the guide asks, or None when the result can be shown."""
    data, clean, pid = _checked(facts, policy)
    return questions.next_question(data, clean, pid)


def prune(facts: dict[str, Any], policy: str | None = None) -> dict[str, Any]:
    """The answers that still matter after an earlier answer changed."""
    data, clean, pid = _checked(facts, policy)
    return questions.prune(data, clean, pid)


def _checked(facts: dict[str, Any], policy: str | None) -> tuple[dict[str, Any], dict[str, Any], str]:
    data = compiled()
    pid = policy or engine.default_policy(data)
    if pid not in data["policies"]:
        raise PolicyError(f"policy: {pid!r} is not a policy id; expected one of {', '.join(data['policy_order'])}")
    return data, validate(facts, data["facts"]), pid


def policies() -> list[dict[str, Any]]:
    data = compiled()
    return [data["policies"][pid] for pid in data["policy_order"]]

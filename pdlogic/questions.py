"""Which question comes next, and which answers a changed answer made irrelevant.

The guide's page script walks the same compiled question list with the same
condition grammar (no question waits for Python); the parity set produced at
build time checks that both agree on every edge of the graph.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import conditions


def next_question(data: Mapping[str, Any], facts: Mapping[str, Any], policy: str) -> str | None:
    """The first question whose condition holds and that still has an absent fact.

    Absent means not asked; null means asked and answered "I don't know", so a
    question is never repeated.
    """
    for question in data["questions"]:
        if any(f not in facts for f in question["facts"]) and conditions.holds(question["when"], facts, policy):
            return question["id"]
    return None


def prune(data: Mapping[str, Any], facts: Mapping[str, Any], policy: str) -> dict[str, Any]:
    """Keep only answers to questions that would still be asked, in question order.

    Conditions only look at earlier questions, so one pass in order settles it.
    """
    kept: dict[str, Any] = {}
    for question in data["questions"]:
        if conditions.holds(question["when"], kept, policy):
            for fact in question["facts"]:
                if fact in facts:
                    kept[fact] = facts[fact]
    return kept

"""Asking pdlogic as the law tests do: on a fixed day, as plain JSON-ready dicts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pdlogic

# The day the registry was last reviewed: results do not drift as the calendar moves.
TODAY = dt.date(2026, 11, 27)


def judge(policy: str | None, **facts: Any) -> dict[str, Any]:
    return pdlogic.evaluate(facts, policy, today=TODAY).to_dict()


def option(result: dict[str, Any], oid: str) -> dict[str, Any]:
    found = [o for o in result["options"] if o["id"] == oid]
    assert found, f"{oid} is not offered: {[o['id'] for o in result['options']]}"
    return found[0]

"""Small formatting helpers shared by the generated pages and the macros."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pdlogic import dates

MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

STATE_WORDS = {
    "in_force": "in force",
    "reinstated": "reinstated",
    "rescinded": "rescinded",
    "superseded": "superseded",
    "enjoined": "blocked by a court",
    "vacated": "vacated by a court",
    "not_applied": "not applied",
    "reversed": "reversed",
    "proposed": "proposed only",
    "withdrawn": "withdrawn",
    "published": "historical record",
    "pending": "pending",
    dates.UNKNOWN: "status unknown",
    dates.NOT_YET: "not yet issued",
}


def en(value: Any) -> str:
    return value["en"] if isinstance(value, dict) else str(value)


def human_date(value: str) -> str:
    """2000-11-17 -> Nov. 17, 2000; partial dates stay partial; undated stays undated."""
    if value == "undated":
        return "undated"
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{month} {int(parts[2])}, {parts[0]}"


def status_today(doc: dict[str, Any], today: dt.date) -> tuple[str, bool]:
    """(state, confirmed) as far as the registry shows on `today`."""
    change = dates.change_on(doc, today)
    state = dates.state_on(doc, today)
    return state, bool(change and change["confirmed"])


def badge(doc: dict[str, Any], today: dt.date) -> str:
    state, confirmed = status_today(doc, today)
    if doc["status"][-1]["state"] == "published" and state in (dates.UNKNOWN, "published"):
        # A letter, press release or advisory is a record of its day, not guidance
        # whose force could lapse: "unknown" would mislead.
        state, confirmed = "published", True
    words = STATE_WORDS[state]
    if state == dates.UNKNOWN:
        words = f"status unknown after {human_date(doc['verified_through'])}"
    elif not confirmed and state != dates.NOT_YET:
        words += " (unconfirmed)"
    return f'<span class="pd-badge pd-badge--{state}">{words}</span>'

"""Statuses over time: what a document's dated history says about a given day.

A status is known only as far as a source shows it. Each document carries the
date up to which its last status was verified; after that day its status is
"unknown", never assumed to continue (the OpenFisca idea: values are keyed by
date and "in force today" is computed, never typed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

IN_FORCE = frozenset({"in_force", "reinstated"})
# States that end a document for good: nothing in its own history can follow them, so
# they are shown with their date however old the last check is (decision 0008). Every
# other state (in force, vacated, enjoined, not applied, ...) can still change.
FINAL = frozenset({"rescinded", "superseded", "withdrawn", "reversed"})
# A recorded end: the document stopped being in force by a dated act (not merely unverified).
ENDED = frozenset({"rescinded", "superseded", "vacated", "not_applied", "reversed", "withdrawn", "enjoined"})
UNKNOWN = "unknown"
NOT_YET = "not_yet_issued"

Interval = tuple[dt.date, dt.date]  # both ends inclusive


@cache  # a handful of distinct strings, parsed on every evaluate(); dates are immutable
def parse(value: str) -> dt.date:
    """ISO date, or a partial "YYYY-MM" / "YYYY" (read as its first day), or "undated"."""
    if value == "undated":
        return dt.date.min
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


def state_on(doc: Mapping[str, Any], day: dt.date) -> str:
    if day > parse(doc["verified_through"]):
        return UNKNOWN
    state = NOT_YET
    for change in doc["status"]:
        if parse(change["since"]) <= day:
            state = change["state"]
    return state


def change_on(doc: Mapping[str, Any], day: dt.date) -> Mapping[str, Any] | None:
    """The status entry that holds on `day` (None before the first or after verification)."""
    if day > parse(doc["verified_through"]):
        return None
    found = None
    for change in doc["status"]:
        if parse(change["since"]) <= day:
            found = change
    return found


def last_known(doc: Mapping[str, Any], day: dt.date) -> Mapping[str, Any] | None:
    """The last status entry a source shows on or before `day`, however old the check."""
    found = None
    for change in doc["status"]:
        if parse(change["since"]) <= day:
            found = change
    return found


def in_force_intervals(doc: Mapping[str, Any]) -> list[Interval]:
    horizon = parse(doc["verified_through"])
    history: Sequence[Mapping[str, Any]] = doc["status"]
    intervals: list[Interval] = []
    for i, change in enumerate(history):
        if change["state"] not in IN_FORCE:
            continue
        start = parse(change["since"])
        end = horizon
        if i + 1 < len(history):
            end = min(end, parse(history[i + 1]["since"]) - dt.timedelta(days=1))
        if start <= end:
            intervals.append((start, end))
    return intervals


def possibly_in_force_intervals(doc: Mapping[str, Any]) -> list[Interval]:
    """As in_force_intervals, but a document whose last known state is in force is taken to
    continue past its last verified day. Only for what warns or bars (a court order, a
    statute behind a deadline): there, "not verified lately" must not read as "ended"."""
    intervals = in_force_intervals(doc)
    history: Sequence[Mapping[str, Any]] = doc["status"]
    if history and history[-1]["state"] in IN_FORCE:
        start = parse(history[-1]["since"])
        intervals = [iv for iv in intervals if iv[0] != start] + [(start, dt.date.max)]
    return intervals


def ended_within(doc: Mapping[str, Any], window: Sequence[Interval]) -> bool:
    """Did a recorded act end the document during the window, with no later return to force by
    the window's last day? Checked against the last change on or before that day, even past
    `verified_through`: an end, once recorded, is known (decision 0002)."""
    if not window:
        return False
    start, end = min(s for s, _ in window), max(e for _, e in window)
    last = None
    for change in doc["status"]:
        if parse(change["since"]) <= end:
            last = change
    return last is not None and last["state"] in ENDED and parse(last["since"]) >= start


def overlaps(a: Sequence[Interval], b: Sequence[Interval]) -> bool:
    return any(s1 <= e2 and s2 <= e1 for s1, e1 in a for s2, e2 in b)


def clip(intervals: Sequence[Interval], last_day: dt.date) -> list[Interval]:
    return [(s, min(e, last_day)) for s, e in intervals if s <= last_day]

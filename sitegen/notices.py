"""The notice at the top of a page that describes policies: which rules it describes, with
their dates, and which rules hold today, as far as the registry shows on the build's day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from pdlogic import dates, engine
from sitegen.pages import _md
from sitegen.text import Words


def policy_notice(
    data: dict[str, Any], policy_ids: list[str], today: dt.date, w: Words, library_url: Callable[[str], str]
) -> str:
    """Markdown for a page describing `policy_ids`, built as of `today` ("" for none).
    `library_url(source_id)` is the link from the page to a document's library page."""
    if not policy_ids:
        return ""
    current = engine.default_policy(data, today)
    cur = data["policies"][current]
    checked = dates.parse(data["sources"][cur["source"]]["verified_through"])
    # Past its last check, the framework is "the latest we know of", never "in force today":
    # the notice says so in place of the sentence it replaces, not as one more line.
    verified = today <= checked
    # The rules' name links to their document's page: its dates and status are one click away.
    args = {"title": f"[{_md(w.text(cur['title']))}]({library_url(cur['source'])})", "checked": w.date(str(checked))}
    title = w("policy_notice_title")
    if policy_ids == [current]:
        key = "policy_notice_current" if verified else "policy_notice_current_unverified"
        return f'!!! info "{title}"\n    {w(key, **args)}\n'
    spans = [f"{w.text(data['policies'][pid]['short'])} ({_spans(data, pid, today, w)})" for pid in policy_ids]
    today_key = "policy_notice_today" if verified else "policy_notice_today_unverified"
    return (
        f'!!! info "{title}"\n    {w("policy_notice_describes", spans="; ".join(spans))}\n    {w(today_key, **args)}\n'
    )


def _spans(data: dict[str, Any], pid: str, today: dt.date, w: Words) -> str:
    horizon = dates.parse(data["sources"][data["policies"][pid]["source"]]["verified_through"])
    parts = []
    for start, end in engine.policy_window(data, pid, today):
        if end >= today:  # verified through today
            parts.append(w("policy_span_open", start=w.date(str(start))))
        elif end == horizon:  # ended only by our last check, not by any change a source shows
            parts.append(w("policy_span_unverified", start=w.date(str(start)), checked=w.date(str(end))))
        else:
            parts.append(w("policy_span", start=w.date(str(start)), end=w.date(str(end))))
    return "; ".join(parts) or w("policy_dates_unconfirmed")

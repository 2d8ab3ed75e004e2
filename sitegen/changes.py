"""What changed: every dated status change and every new document in the registry, newest
first, as a page in each language and as an Atom feed of the same entries in the same order.

Both are made from one list (entries()), so they cannot disagree. Feed ids are tag URIs
that do not name the site's address: a feed reader shows each change once, wherever the
site is served from. The feed carries no tracking and no outside address; its links use
the site's public address, and are left out when the build has none.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pdlogic import dates, review

from .text import DEFAULT_LANGUAGE, Words

PAGE = "changes.md"
FEED = "changes.atom"
ATOM = "http://www.w3.org/2005/Atom"
TAG = "tag:pd-guide,2026:"
# What a result can depend on, in the order the page names them, with the key of its title.
_KINDS = {
    "policy": ("policies", "short"),
    "option": ("options", "title"),
    "warning": ("warnings", "title"),
    "deadline": ("deadlines", "title"),
    "escalation": ("escalation_steps", "title"),
    "tactic": ("tactics", "title"),
    "checklist": ("checklist", "title"),
    "detention": ("detention", "title"),
}


@dataclass(frozen=True)
class Change:
    source: str
    since: str  # ISO, or a partial "YYYY-MM" / "YYYY"
    state: str
    confirmed: bool
    recorded: str | None  # the day it was written into the registry; None before 2025
    by: str | None
    new: bool  # the document's first status entry: a new document

    @property
    def anchor(self) -> str:
        return f"change-{self.source}-{self.since}-{self.state}"

    @property
    def tag(self) -> str:
        return f"{TAG}change/{self.source}/{self.since}/{self.state}"

    @property
    def updated(self) -> str:
        """RFC 3339, as Atom needs: the day recorded, else the day it took effect."""
        return dates.parse(self.recorded or self.since).isoformat() + "T00:00:00Z"


def entries(data: Mapping[str, Any]) -> list[Change]:
    """Every dated status entry, newest first (undated ones have no place in time)."""
    found = []
    for sid, doc in data["sources"].items():
        for i, change in enumerate(doc["status"]):
            if change["since"] == "undated":
                continue
            found.append(
                Change(
                    sid,
                    change["since"],
                    change["state"],
                    change["confirmed"],
                    change.get("recorded"),
                    change["by"],
                    i == 0,
                )
            )
    return sorted(found, key=lambda c: (dates.parse(c.since), c.recorded or "", c.source, c.state), reverse=True)


def affected(data: Mapping[str, Any], today: dt.date) -> dict[str, list[str]]:
    """Source id -> what in the guide depends on it under any policy ("option:ID", ...)."""
    out: dict[str, dict[str, None]] = {}
    for pid in data["policy_order"]:
        for sid, what in review.dependents(data, pid, today).items():
            out.setdefault(sid, {}).update(dict.fromkeys(what))
    order = list(_KINDS)
    return {sid: sorted(what, key=lambda t: order.index(t.split(":", 1)[0])) for sid, what in out.items()}


def _title(doc: Mapping[str, Any], w: Words) -> str:
    return str(w.text(doc["title"])) if isinstance(doc["title"], dict) else str(doc["title"])


class _Words:
    """The words of one entry, as Markdown for the page or as plain text for the feed."""

    def __init__(self, data: Mapping[str, Any], w: Words, markdown: bool, link: Callable[[str], str]) -> None:
        self.data, self.w, self.markdown, self.link = data, w, markdown, link

    def doc(self, sid: str) -> str:
        doc = self.data["sources"][sid]
        if not self.markdown:
            return _title(doc, self.w)
        from .pages import _md_value

        return f"[{self.w.name(_md_value(doc['title']))}]({self.link(f'library/{sid}.md')})"

    def sentence(self, c: Change) -> str:
        state = self.w.state(c.state)
        by = self.w("changes_by", source=self.doc(c.by)) if c.by else ""
        key = "changes_new" if c.new else "changes_status"
        return self.w(key, title=self.doc(c.source), state=state, by=by)

    def flag(self, c: Change) -> str:
        return self.w("changes_confirmed" if c.confirmed else "changes_unconfirmed")

    def affects(self, what: list[str]) -> str:
        if not what:
            return self.w("changes_affects_none")
        names = []
        for tag in what:
            kind, ident = tag.split(":", 1)
            if kind == "option" and self.markdown:
                names.append(f"[[option:{ident}]]")
                continue
            table, key = _KINDS[kind]
            name = str(self.w.text(self.data[table][ident][key]))
            names.append(_escape(name) if self.markdown else name)
        return self.w("changes_affects", items="; ".join(names))

    def recorded(self, c: Change) -> str:
        if c.recorded is None:
            return self.w("changes_recorded_unknown")
        return self.w("changes_recorded", date=self.w.date(c.recorded))

    def summary(self, c: Change, what: list[str]) -> str:
        return " ".join((self.sentence(c), self.flag(c), self.affects(what), self.recorded(c)))


def _escape(s: str) -> str:
    from .pages import _md

    return _md(s)


def page(data: Mapping[str, Any], today: dt.date, w: Words) -> str:
    from .pages import _h1, _page

    changes = entries(data)
    uses = affected(data, today)
    words = _Words(data, w, True, lambda target: target)
    out = [_h1(w("changes_title"), Words(DEFAULT_LANGUAGE)("changes_title")), w("changes_intro") + "\n"]
    out.append(
        "<p>" + w("changes_feed", link=f'<a href="../{FEED}" type="application/atom+xml">{w("changes_feed_link")}</a>')
    )
    out[-1] += "</p>\n"
    year = None
    for c in changes:
        if c.since[:4] != year:
            year = c.since[:4]
            out.append(f"\n## {year} {{ #year-{year} }}\n")
        out.append(f'- <span id="{c.anchor}"></span>**{w.date(c.since)}**: ' + words.summary(c, uses.get(c.source, [])))
    reviewed = max(doc["last_reviewed"] for doc in data["sources"].values())
    return _page(w, w("changes_title"), reviewed, "public", out)


def newest(data: Mapping[str, Any]) -> Change:
    return entries(data)[0]


def feed(data: Mapping[str, Any], today: dt.date, w: Words, site: str | None) -> str:
    """The Atom feed in `w`'s language; `site` is this language's public root ("https://.../es/")
    or None (then no links: an address that works only on the builder's machine is no link)."""
    ET.register_namespace("", ATOM)
    changes = entries(data)
    uses = affected(data, today)
    words = _Words(data, w, False, lambda target: target)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": w.lang})
    sub(root, "id", f"{TAG}changes/{w.lang}")
    sub(root, "title", w("changes_feed_title"))
    sub(root, "subtitle", w("changes_intro_short"))
    sub(root, "updated", max((c.updated for c in changes), default="2026-01-01T00:00:00Z"))
    author = sub(root, "author")
    sub(author, "name", w("changes_feed_author"))
    if site:
        sub(root, "link", rel="self", type="application/atom+xml", href=site + FEED)
        sub(root, "link", rel="alternate", type="text/html", href=site + "changes/")
    for c in changes:
        entry = sub(root, "entry")
        sub(entry, "id", c.tag)
        sub(entry, "title", f"{w.date(c.since)}: {words.sentence(c)}")
        sub(entry, "updated", c.updated)
        if site:
            sub(entry, "link", rel="alternate", type="text/html", href=f"{site}changes/#{c.anchor}")
        sub(entry, "content", words.summary(c, uses.get(c.source, [])), type="text")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

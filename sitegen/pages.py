"""Pages generated from decision_tree/ (never copied by hand): the guidance
library, the timeline, the options by stage and the printable checklists.

They are Markdown with the same macros as hand-written pages ([[src:ID]] and
friends), so a citation looks and links the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pdlogic import dates

from .text import STATE_WORDS, en, human_date

STAGE_PAGES = {
    "before_nta": "before-nta",
    "in_proceedings": "in-proceedings",
    "final_order": "final-order",
    "court_of_appeals": "court-of-appeals",
}


def _front(title: str, reviewed: str, audience: str, extra: str = "") -> str:
    safe = title.replace('"', "'")
    return f'---\ntitle: "{safe}"\nlast_reviewed: {reviewed}\naudience: {audience}\ngenerated: true\n{extra}---\n\n'


def option_stage(data: dict[str, Any], oid: str) -> str:
    for sid, stage in data["stages"].items():
        if oid in stage["options"]:
            return sid
    raise KeyError(oid)


def generated_pages(data: dict[str, Any], today: dt.date) -> dict[str, str]:
    pages: dict[str, str] = {}
    latest = max(doc["last_reviewed"] for doc in data["sources"].values())
    pages["library/index.md"] = library_index(data, latest)
    pages["library/timeline.md"] = timeline(data, latest)
    for sid in data["sources"]:
        pages[f"library/{sid}.md"] = source_page(data, sid)
    stage_reviewed = max(s["last_reviewed"] for s in data["stages"].values())
    pages["options/index.md"] = options_index(data, stage_reviewed)
    for sid, slug in STAGE_PAGES.items():
        pages[f"options/{slug}.md"] = stage_page(data, sid)
    pages["checklists/index.md"] = checklists_index(data)
    for cid in data["checklist_pages"]:
        pages[f"checklists/{cid}.md"] = checklist_page(data, cid)
    return pages


def library_index(data: dict[str, Any], reviewed: str) -> str:
    out = [_front("Guidance library", reviewed, "practitioner"), "# Guidance library\n"]
    out.append(
        "Every document this site relies on, with its date and its status as far as a source shows it. "
        "After the date a status was last verified, we do not assume it continued: the status is shown as unknown. "
        "See also the [timeline](timeline.md).\n"
    )
    out.append("| Date | Document | Status today |\n|---|---|---|")
    for sid, doc in sorted(data["sources"].items(), key=lambda kv: dates.parse(kv[1]["date"]), reverse=True):
        out.append(
            f"| {human_date(doc['date'])} | [{_md(doc['title'])}]({sid}.md) — {_md(doc['office'])} | [[status:{sid}]] |"
        )
    return "\n".join(out) + "\n"


def timeline(data: dict[str, Any], reviewed: str) -> str:
    out = [_front("Timeline of guidance", reviewed, "practitioner"), "# Timeline of guidance\n"]
    out.append("Every dated change in the registry, oldest first. Unconfirmed changes are marked.\n")
    events = []
    for sid, doc in data["sources"].items():
        for change in doc["status"]:
            events.append((dates.parse(change["since"]), change["since"], sid, change))
    for _, since, sid, change in sorted(events, key=lambda e: (e[0], e[2])):
        doc = data["sources"][sid]
        flag = "" if change["confirmed"] else " *(unconfirmed)*"
        by = f" — by [[src:{change['by']}]]" if change["by"] else ""
        out.append(
            f"- **{human_date(since)}**: [{_md(doc['title'])}]({sid}.md): "
            f"{STATE_WORDS[change['state']]}{by}{flag}. {_md(en(change['note']))}"
        )
    return "\n".join(out) + "\n"


def source_page(data: dict[str, Any], sid: str) -> str:
    doc = data["sources"][sid]
    out = [_front(doc["title"], doc["last_reviewed"], "practitioner"), f"# {_md(doc['title'])}\n"]
    out.append(f"[[status:{sid}]]\n")
    date = human_date(doc["date"]) + ("" if doc["date_confirmed"] else " (date not confirmed)")
    rows = [
        ("Author", doc["author"] or "—"),
        ("Office", doc["office"]),
        ("Date", date),
        ("Kind", doc["kind"].replace("_", " ")),
        ("How to cite", doc["cite"]),
    ]
    if doc["url"]:
        rows.append(("Text", f"<{doc['url']}>"))
    if doc["known_from"]:
        rows.append(("Known to us from", ", ".join(f"[[src:{k}]]" for k in doc["known_from"])))
    out.append("| About the document | |\n|---|---|")
    out.extend(f"| {k} | {_md(v) if k not in ('Text', 'Known to us from') else v} |" for k, v in rows)
    out.append(f"\n## In short\n\n{en(doc['summary'])}\n")
    out.append("## Status over time\n")
    out.append("| Since | Status | Caused by | Confirmed | Note |\n|---|---|---|---|---|")
    for change in doc["status"]:
        by = f"[[src:{change['by']}]]" if change["by"] else "—"
        out.append(
            f"| {human_date(change['since'])} | {STATE_WORDS[change['state']]} | {by} | "
            f"{'yes' if change['confirmed'] else '**no**'} | {_md(en(change['note']))} |"
        )
    verified = ", ".join(f"[[src:{v}]]" for v in doc["verified_by"]) or "the sources above"
    out.append(
        f"\nStatus last verified for **{human_date(doc['verified_through'])}**, by {verified}. "
        "After that date we do not know its status, and this site does not assume it continued.\n"
    )
    later = [
        (other, change) for other, odoc in data["sources"].items() for change in odoc["status"] if change["by"] == sid
    ]
    if later:
        out.append("## What this document changed\n")
        out.extend(
            f"- [[src:{other}]]: {STATE_WORDS[change['state']]} from {human_date(change['since'])}"
            for other, change in later
        )
        out.append("")
    if doc["supports"]:
        out.append("## Options it supports\n")
        out.extend(f"- [[option:{oid}]]" for oid in doc["supports"])
        out.append("")
    return "\n".join(out) + "\n"


def options_index(data: dict[str, Any], reviewed: str) -> str:
    out = [_front("Options by stage", reviewed, "public"), "# Options by stage\n"]
    out.append(
        "These pages list every form of prosecutorial discretion at each stage of a case, "
        "who decides it and how people have asked for it. They hold the same information as "
        "the [guide](../guide/index.md), as plain pages you can print or bookmark.\n"
    )
    out.append(
        f'!!! warning "{_md(en(data["warnings"]["reveals_to_dhs"]["title"]))}"\n    {en(data["warnings"]["reveals_to_dhs"]["text"])}\n'
    )
    for sid, slug in STAGE_PAGES.items():
        stage = data["stages"][sid]
        out.append(f"- [{_md(en(stage['label']))}]({slug}.md): {_md(en(stage['summary']))}")
    return "\n".join(out) + "\n"


def stage_page(data: dict[str, Any], sid: str) -> str:
    stage = data["stages"][sid]
    label = en(stage["label"])
    out = [
        _front(
            label,
            stage["last_reviewed"],
            "public",
            "describes_policies: [johnson-2014, kelly-2017, interim-2021, mayorkas-2021, eo-14159-2025]\n",
        )
    ]
    out.append(f"# {_md(label)}\n\n{en(stage['summary'])}\n")
    warn = data["warnings"]["reveals_to_dhs"]
    out.append(f'!!! warning "{_md(en(warn["title"]))}"\n    {en(warn["text"])}\n')
    out.append(
        "Each option below **may** fit a case. None is a right, and none is advice: "
        "ask a lawyer or accredited representative which, if any, fits yours. "
        "See [Finding legal help](../help/finding-legal-help.md).\n"
    )
    for oid in stage["options"]:
        spec = data["options"][oid]
        out.append(f"## {_md(en(spec['title']))} {{ #{oid} }}\n")
        out.append(f"{en(spec['summary'])}\n")
        deciders = ", ".join(en(data["deciders"][d]["label"]) for d in spec["decided_by"])
        out.append(f"- **Who decides:** {_md(deciders)}")
        if spec["available_when"] is not None:
            out.append(f"- **Only when:** {_md(describe(data, spec['available_when']))}")
        out.append(f"- **How people ask:** {_md(en(spec['how_to_ask']))}")
        out.append(f"- **What it does not give:** {_md(en(spec['does_not_give']))}")
        if spec["evidence"]:
            out.append(f"- **Evidence that helps:** {_md(en(spec['evidence']))}")
        out.append("")
        if spec["rules"]:
            out.append("**When guidance pointed to it** (each document shows its status today):\n")
            for rule in spec["rules"]:
                cites = ", ".join(f"[[src:{s}]]" for s in rule["sources"])
                when = describe(data, rule["when"])
                out.append(f"- {_md(when[:1].upper() + when[1:])}: {_md(en(rule['explain']))} ({cites})")
            out.append("")
        else:
            out.append(f"*{_md(en(spec['no_rule_reason']))}*\n")
        for w in spec["warnings"]:
            text = data["warnings"][w["id"]]
            when = f" ({_md(describe(data, w['when']))})" if w.get("when") else ""
            out.append(f'!!! note "{_md(en(text["title"]))}{when}"\n    {en(text["text"])}\n')
        out.append("**Guidance:** " + ", ".join(f"[[src:{s}]]" for s in spec["sources"]) + "\n")
    return "\n".join(out) + "\n"


def checklists_index(data: dict[str, Any]) -> str:
    reviewed = max(p["last_reviewed"] for p in data["checklist_pages"].values())
    out = [_front("Checklists", reviewed, "public"), "# Checklists\n"]
    out.append(
        "Printable lists with stable addresses. Print them from your browser; the navigation is left off the paper.\n"
    )
    for cid, page in data["checklist_pages"].items():
        out.append(f"- [{_md(en(page['title']))}]({cid}.md): {_md(en(page['intro']))}")
    return "\n".join(out) + "\n"


def checklist_page(data: dict[str, Any], cid: str) -> str:
    page = data["checklist_pages"][cid]
    out = [_front(en(page["title"]), page["last_reviewed"], page["audience"]), f"# {_md(en(page['title']))}\n"]
    out.append(f"{en(page['intro'])}\n")
    for item in page["items"]:
        if item["checklist"]:
            spec = data["checklist"][item["checklist"]]
            sources = spec["sources"]
            line = f"**{_md(en(spec['title']))}.** {_md(en(spec['summary']))}"
            if spec["when"] is not None:
                line += f" *(When: {_md(describe(data, spec['when']))}.)*"
        else:
            sources = item["sources"]
            line = _md(en(item["text"]))
        cites = " (" + ", ".join(f"[[src:{s}]]" for s in sources) + ")" if sources else ""
        out.append(f"- [ ] {line}{cites}")
    return "\n".join(out) + "\n"


def describe(data: dict[str, Any], cond: Any) -> str:
    """A condition in plain words, from the facts' own labels."""
    if cond is None:
        return "always"
    if "all" in cond:
        parts = [describe(data, c) for c in cond["all"]]
        return " and ".join([parts[0]] + [_lower_first(p) for p in parts[1:]])
    if "any" in cond:
        return "(" + " or ".join(describe(data, c) for c in cond["any"]) + ")"
    if "not" in cond:
        return "not " + describe(data, cond["not"])
    if "policy" in cond:
        return "under " + " or ".join(en(data["policies"][p]["short"]) for p in cond["policy"])
    if "priority" in cond:
        return (
            "not a priority" if cond["priority"] == ["not_a_priority"] else "priority: " + ", ".join(cond["priority"])
        )
    label = en(data["facts"][cond["fact"]]["label"])
    if "unknown" in cond:
        return f"{label.lower()}: not known" if cond["unknown"] else f"{label.lower()}: known"
    if "at_least" in cond:
        return f"{label.lower()}: {cond['at_least']} or more"
    if "in" in cond:
        return f"{label.lower()}: " + " or ".join(_value(data, cond["fact"], v) for v in cond["in"])
    value = cond["is"]
    if value is True:
        return label
    if value is False:
        return f"not: {label.lower()}"
    return f"{label.lower()}: {_value(data, cond['fact'], value)}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] not in ("U.", "US") else text


def _value(data: dict[str, Any], fact: str, value: Any) -> str:
    if fact == "stage":
        return en(data["stages"][value]["label"]).lower()
    return str(value).replace("_", " ")


def _md(s: str) -> str:
    """Text from the data placed in Markdown: keep it from becoming markup."""
    return s.replace("|", "\\|").replace("<", "&lt;").replace("*", "\\*").replace("[[", "[ [")

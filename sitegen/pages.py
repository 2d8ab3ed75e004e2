"""Pages generated from decision_tree/ (never copied by hand): the guidance
library, the timeline, the options by stage and the printable checklists.

They are Markdown with the same macros as hand-written pages ([[src:ID]] and
friends), so a citation looks and links the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from markdown.extensions.toc import slugify

from pdlogic import dates

from . import changes
from .text import DEFAULT_LANGUAGE, Words

STAGE_PAGES = {
    "before_nta": "before-nta",
    "in_proceedings": "in-proceedings",
    "final_order": "final-order",
    "court_of_appeals": "court-of-appeals",
}


def _page(w: Words, title: str, reviewed: str, audience: str, body: list[str], extra: str = "") -> str:
    """Front matter + body. `es_reviewed` is false if any text the page used is unreviewed."""
    safe = title.replace('"', "'")
    review = "" if w.lang == DEFAULT_LANGUAGE else f"{w.lang}_reviewed: {'false' if w.used_unreviewed else 'true'}\n"
    front = f'---\ntitle: "{safe}"\nlast_reviewed: {reviewed}\naudience: {audience}\ngenerated: true\n{review}{extra}---\n\n'
    return front + "\n".join(body) + "\n"


def option_stage(data: dict[str, Any], oid: str) -> str:
    for sid, stage in data["stages"].items():
        if oid in stage["options"]:
            return sid
    raise KeyError(oid)


def generated_pages(data: dict[str, Any], today: dt.date, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Every generated page in one language, by its source path (the same in every language)."""
    pages: dict[str, str] = {}
    latest = max(doc["last_reviewed"] for doc in data["sources"].values())
    pages["library/index.md"] = library_index(data, latest, Words(lang))
    pages["library/timeline.md"] = timeline(data, latest, Words(lang))
    for sid in data["sources"]:
        pages[f"library/{sid}.md"] = source_page(data, sid, Words(lang))
    stage_reviewed = max(s["last_reviewed"] for s in data["stages"].values())
    pages["options/index.md"] = options_index(data, stage_reviewed, Words(lang))
    for sid, slug in STAGE_PAGES.items():
        pages[f"options/{slug}.md"] = stage_page(data, sid, Words(lang))
    pages["checklists/index.md"] = checklists_index(data, Words(lang))
    pages[changes.PAGE] = changes.page(data, today, Words(lang))
    for cid in data["checklist_pages"]:
        pages[f"checklists/{cid}.md"] = checklist_page(data, cid, Words(lang))
    return pages


def library_index(data: dict[str, Any], reviewed: str, w: Words) -> str:
    title = w("library_title")
    out = [_h1(title, Words("en")("library_title")), w("library_intro") + "\n"]
    out.append(
        f"| {w('library_head_date')} | {w('library_head_document')} | {w('library_head_status')} |\n|---|---|---|"
    )
    for sid, doc in sorted(data["sources"].items(), key=lambda kv: dates.parse(kv[1]["date"]), reverse=True):
        out.append(
            f"| {w.date(doc['date'])} | [{w.name(_md_value(doc['title']))}]({sid}.md) — {w.name(_md(doc['office']))} | [[status:{sid}]] |"
        )
    return _page(w, title, reviewed, "practitioner", out)


def timeline(data: dict[str, Any], reviewed: str, w: Words) -> str:
    title = w("timeline_title")
    out = [_h1(title, Words("en")("timeline_title")), w("timeline_intro") + "\n"]
    events = []
    for sid, doc in data["sources"].items():
        for change in doc["status"]:
            events.append((dates.parse(change["since"]), change["since"], sid, change))
    for _, since, sid, change in sorted(events, key=lambda e: (e[0], e[2])):
        doc = data["sources"][sid]
        flag = "" if change["confirmed"] else w("timeline_unconfirmed")
        by = w("timeline_by", source=f"[[src:{change['by']}]]") if change["by"] else ""
        # Status notes are practitioners' English (issue 8 lets the library stay English);
        # the Spanish page says so in its introduction.
        out.append(
            f"- **{w.date(since)}**: [{w.name(_md_value(doc['title']))}]({sid}.md): "
            f"{w.state(change['state'])}{by}{flag}. {w.name(_md(str(change['note']['en'])))}"
        )
    return _page(w, title, reviewed, "practitioner", out)


def source_page(data: dict[str, Any], sid: str, w: Words) -> str:
    doc = data["sources"][sid]
    out = [
        _h1(w.name(_md_value(doc["title"])), Words("en").text(doc["title"])),
        f"[[status:{sid}]]\n",
        f'<p class="pd-checked">{w("source_last_checked", date=w.date(doc["verified_through"]))}</p>\n',
    ]
    date = w.date(doc["date"]) + ("" if doc["date_confirmed"] else w("source_date_not_confirmed"))
    rows = [
        (w("source_author"), w.name(_md(doc["author"])) if doc["author"] else "—"),
        (w("source_office"), w.name(_md(doc["office"]))),
        (w("source_date"), _md(date)),
        (w("source_kind"), _md(w(f"kind_{doc['kind']}"))),
        (w("source_cite"), w.name(_md(doc["cite"]))),
    ]
    if doc["url"]:
        rows.append((w("source_text"), f"<{doc['url']}>"))
    if doc["known_from"]:
        rows.append((w("source_known_from"), ", ".join(f"[[src:{k}]]" for k in doc["known_from"])))
    out.append(f"| {w('source_about')} | |\n|---|---|")
    out.extend(f"| {k} | {v} |" for k, v in rows)
    out.append(
        f"\n## {w('source_in_short')} {{ #in-short }}\n\n{w.text(doc['summary'], f'sources.yaml {sid} summary')}\n"
    )
    out.append(f"## {w('source_history')} {{ #status-over-time }}\n")
    # A list, not a five-column table: it reads on a 390 px phone and prints short.
    for change in doc["status"]:
        by = w("source_history_by", source=f"[[src:{change['by']}]]") if change["by"] else ""
        confirmed = w("source_history_confirmed") if change["confirmed"] else w("source_history_unconfirmed")
        out.append(
            f"- **{w.date(change['since'])}: {w.state(change['state'])}**{by}. {confirmed}. "
            f"{w.name(_md(str(change['note']['en'])))}"
        )
    verified = ", ".join(f"[[src:{v}]]" for v in doc["verified_by"]) or w("source_verified_default")
    out.append("\n" + w("source_verified", date=w.date(doc["verified_through"]), by=verified) + "\n")
    later = [
        (other, change) for other, odoc in data["sources"].items() for change in odoc["status"] if change["by"] == sid
    ]
    if later:
        out.append(f"## {w('source_changed')} {{ #what-this-document-changed }}\n")
        out.extend(
            "- "
            + w(
                "source_changed_item",
                source=f"[[src:{other}]]",
                state=w.state(change["state"]),
                date=w.date(change["since"]),
            )
            for other, change in later
        )
        out.append("")
    if doc["supports"]:
        out.append(f"## {w('source_supports')} {{ #options-it-supports }}\n")
        out.extend(f"- [[option:{oid}]]" for oid in doc["supports"])
        out.append("")
    return _page(w, w.text(doc["title"]), doc["last_reviewed"], "practitioner", out)


def _reveals_warning(data: dict[str, Any], w: Words) -> str:
    warn = data["warnings"]["reveals_to_dhs"]
    return f'!!! warning "{_md(w.text(warn["title"]))}"\n    {w.text(warn["text"])}\n'


def options_index(data: dict[str, Any], reviewed: str, w: Words) -> str:
    title = w("options_title")
    out = [_h1(title, Words("en")("options_title")), w("options_intro") + "\n", _reveals_warning(data, w)]
    for sid, slug in STAGE_PAGES.items():
        stage = data["stages"][sid]
        out.append(f"- [{_md(w.text(stage['label']))}]({slug}.md): {_md(w.text(stage['summary']))}")
    return _page(w, title, reviewed, "public", out)


def stage_page(data: dict[str, Any], sid: str, w: Words) -> str:
    stage = data["stages"][sid]
    label = w.text(stage["label"])
    out = [
        _h1(_md(label), Words("en").text(stage["label"])) + f"\n{w.text(stage['summary'])}\n",
        _reveals_warning(data, w),
        w("options_may_fit") + "\n",
    ]
    for oid in stage["options"]:
        spec = data["options"][oid]
        out.append(f"## {_md(w.text(spec['title']))} {{ #{oid} }}\n")
        out.append(f"{w.text(spec['summary'])}\n")
        deciders = ", ".join(w.text(data["deciders"][d]["label"]) for d in spec["decided_by"])
        out.append(f"- **{w('option_who_decides')}** {_md(deciders)}")
        if spec["available_when"] is not None:
            out.append(f"- **{w('option_only_when')}** {_md(describe(data, spec['available_when'], w))}")
        out.append(f"- **{w('option_how_to_ask')}** {_md(w.text(spec['how_to_ask']))}")
        out.append(f"- **{w('option_does_not_give')}** {_md(w.text(spec['does_not_give']))}")
        if spec["evidence"]:
            out.append(f"- **{w('option_evidence')}** {_md(w.text(spec['evidence']))}")
        out.append("")
        if spec["rules"]:
            out.append(w("option_rules_head") + "\n")
            for rule in spec["rules"]:
                cites = ", ".join(f"[[src:{s}]]" for s in rule["sources"])
                out.append(f"- **{_md(w.text(rule['applies']))}.** {_md(w.text(rule['explain']))} ({cites})")
            out.append("")
        else:
            out.append(f"*{_md(w.text(spec['no_rule_reason']))}*\n")
        for warning in spec["warnings"]:
            text = data["warnings"][warning["id"]]
            when = f" ({_md(_lower_first(w.text(warning['applies'])))})" if warning["applies"] else ""
            out.append(f'!!! note "{_md(w.text(text["title"]))}{when}"\n    {w.text(text["text"])}\n')
        out.append(w("option_guidance") + " " + ", ".join(f"[[src:{s}]]" for s in spec["sources"]) + "\n")
    return _page(
        w,
        label,
        stage["last_reviewed"],
        "public",
        out,
        "describes_policies: [johnson-2014, kelly-2017, interim-2021, mayorkas-2021, eo-14159-2025]\n",
    )


def checklists_index(data: dict[str, Any], w: Words) -> str:
    reviewed = max(p["last_reviewed"] for p in data["checklist_pages"].values())
    title = w("checklists_title")
    out = [_h1(title, Words("en")("checklists_title")), w("checklists_intro") + "\n"]
    for cid, page in data["checklist_pages"].items():
        out.append(f"- [{_md(w.text(page['title']))}]({cid}.md): {_md(w.text(page['intro']))}")
    return _page(w, title, reviewed, "public", out)


def checklist_page(data: dict[str, Any], cid: str, w: Words) -> str:
    page = data["checklist_pages"][cid]
    title = w.text(page["title"])
    out = [_h1(_md(title), Words("en").text(page["title"])), f"{w.text(page['intro'])}\n"]
    for item in page["items"]:
        if item["checklist"]:
            spec = data["checklist"][item["checklist"]]
            sources = spec["sources"]
            line = f"**{_md(w.text(spec['title']))}.** {_md(w.text(spec['summary']))}"
            if spec["applies"] is not None:  # when it applies, in plain words (never the rule's logic)
                line = f"*{_md(w.text(spec['applies']))}:* {line}"
        else:
            sources = item["sources"]
            line = _md(w.text(item["text"]))
        cites = " (" + ", ".join(f"[[src:{s}]]" for s in sources) + ")" if sources else ""
        out.append(f"- [ ] {line}{cites}")
    return _page(w, title, page["last_reviewed"], page["audience"], out)


def describe(data: dict[str, Any], cond: Any, w: Words | None = None) -> str:
    """A condition in plain words, from the facts' own labels."""
    w = w or Words(DEFAULT_LANGUAGE)
    if cond is None:
        return w("cond_always")
    if "all" in cond:
        parts = [describe(data, c, w) for c in cond["all"]]
        return w("cond_and").join([parts[0]] + [_lower_first(p) for p in parts[1:]])
    if "any" in cond:
        return "(" + w("cond_or").join(describe(data, c, w) for c in cond["any"]) + ")"
    if "not" in cond:
        return w("cond_not", what=describe(data, cond["not"], w))
    if "policy" in cond:
        return w("cond_under", policies=w("cond_or").join(w.text(data["policies"][p]["short"]) for p in cond["policy"]))
    if "priority" in cond:
        if cond["priority"] == ["not_a_priority"]:
            return w("cond_not_a_priority")
        return w("cond_priority", ids=", ".join(_category(data, c, w) for c in cond["priority"]))
    label = _lower_first(w.text(data["facts"][cond["fact"]]["label"]))
    if "unknown" in cond:
        return w("cond_unknown" if cond["unknown"] else "cond_known", fact=label)
    if "at_least" in cond:
        return w("cond_at_least", fact=label, n=cond["at_least"])
    if "in" in cond:
        return w("cond_is", fact=label, value=w("cond_or").join(_value(data, cond["fact"], v, w) for v in cond["in"]))
    value = cond["is"]
    if value is True:
        return w.text(data["facts"][cond["fact"]]["label"])
    if value is False:
        return w("cond_false", fact=label)
    return w("cond_is", fact=label, value=_value(data, cond["fact"], value, w))


def _category(data: dict[str, Any], cid: str, w: Words) -> str:
    for policy in data["policies"].values():
        for category in policy["categories"]:
            if category["id"] == cid:
                return str(w.text(category["label"]))
    return cid


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] not in ("U.", "US") else text


def _value(data: dict[str, Any], fact: str, value: Any, w: Words) -> str:
    """An enum value as the reader saw it: the stage's label or the answer's own words."""
    if fact == "stage":
        return _lower_first(w.text(data["stages"][value]["label"]))
    for q in data["questions"]:
        for answer in q.get("answers") or []:
            if fact in q["facts"] and answer["value"] == value:
                return _lower_first(w.text(answer["label"]))
    return str(value).replace("_", " ")


def _h1(text: str, english: str) -> str:
    """The page title, anchored as in English: a shared link to it works in every language."""
    return f"# {text} {{ #{slugify(english, '-')} }}\n"


def _md_value(value: Any) -> Any:
    """_md for a text that may be a {en, es} mapping (a document's described title)."""
    return {k: _md(v) if isinstance(v, str) else v for k, v in value.items()} if isinstance(value, dict) else _md(value)


def _md(s: str) -> str:
    """Text from the data placed in Markdown: keep it from becoming markup."""
    return s.replace("|", "\\|").replace("<", "&lt;").replace("*", "\\*").replace("[[", "[ [")

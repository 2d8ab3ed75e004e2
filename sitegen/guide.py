"""The guide's page: the first question rendered into the HTML at build time (so a
reader can answer before Python has loaded), and the compiled data the page
script walks. The result is always computed by pdlogic in the browser."""

from __future__ import annotations

import html
import json
from typing import Any

from pdlogic import dates

from .text import GUIDE_TEXT, Words, tr

# Where "Leave this site quickly" goes: a neutral page that says nothing about
# immigration, opened with location.replace() so Back does not return here.
EXIT_URL = "https://www.weather.gov/"

# The first question is answerable as soon as it is painted: this inline script (allowed by
# its hash in the CSP, like every inline script) keeps an early "Continue" for guide.js,
# which is a module and so runs only after the whole page has been parsed.
EARLY_ANSWER = (
    'document.querySelector("#pd-guide .pd-step form").addEventListener("submit",function(e){'
    'e.preventDefault();if(!document.getElementById("pd-guide").dataset.ready)e.target.dataset.early="1";});'
    'document.querySelector("#pd-guide .pd-step form").dataset.armed="1";'
)

STAGE_PAGES = {
    "before_nta": "before-nta",
    "in_proceedings": "in-proceedings",
    "final_order": "final-order",
    "court_of_appeals": "court-of-appeals",
}

# Keys of sitegen/site_text.yaml the page script uses too (with every state_*).
SHARED_WORDS = (
    "months",
    "date_day_month_year",
    "date_month_year",
    "undated",
    "status_unknown_after",
    "unconfirmed_suffix",
    "badge_state_on",
    "badge_state_since",
)

# What the page script needs; the worker has the full data inside the wheel.
PAGE_KEYS = (
    "facts",
    "questions",
    "policies",
    "policy_order",
    "stages",
    "options",
    "deciders",
    "authorities",
    "escalation_steps",
    "tactics",
    "checklist",
    "detention",
    "warnings",
    "deadlines",
    "contacts",
)


def _one_language(value: Any, lang: str) -> Any:
    if isinstance(value, dict):
        if "en" in value and set(value) <= {"en", "es", "es_reviewed"}:
            return {lang: tr(value, lang, "a text of the guide's data")}
        return {k: _one_language(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [_one_language(v, lang) for v in value]
    return value


def page_data(data: dict[str, Any], default_policy: str, built: str, lang: str = "en") -> dict[str, Any]:
    # Each page carries its own language only: the /es/ guide has the same ids, other words.
    out = {k: _one_language(data[k], lang) for k in PAGE_KEYS}
    out["lang"] = lang
    # The guide's own words, and the site's words for dates and statuses (the same on every page).
    site = Words(lang).all()
    shared = {k: v for k, v in site.items() if k in SHARED_WORDS or k.startswith("state_")}
    out["ui"] = {**shared, **Words(lang, GUIDE_TEXT).all()}
    out["sources"] = {
        # The page shows a title, a date and today's status; the notes live on the library pages.
        sid: {
            "title": _one_language(doc["title"], lang),
            "date": doc["date"],
            "date_confirmed": doc["date_confirmed"],
            "status": [{k: c[k] for k in ("since", "state", "confirmed")} for c in doc["status"]],
            "verified_through": doc["verified_through"],
        }
        for sid, doc in data["sources"].items()
    }
    out["final_states"] = sorted(dates.FINAL)  # shown with their date however old the check (decision 0008)
    out["policy_dates"] = {pid: policy_dates(data, pid) for pid in data["policy_order"]}
    out["default_policy"] = default_policy
    out["built"] = built
    return out


def policy_dates(data: dict[str, Any], pid: str) -> list[list[str | None]]:
    """The periods a policy was in force, as [start, end] ISO dates; end None while it still is
    (up to the last day its status was verified)."""
    doc = data["sources"][data["policies"][pid]["source"]]
    horizon = dates.parse(doc["verified_through"])
    return [[s.isoformat(), None if e >= horizon else e.isoformat()] for s, e in dates.in_force_intervals(doc)]


def embed_json(payload: dict[str, Any]) -> str:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    # Inside <script>, "</" could end the element early.
    return text.replace("</", "<\\/")


def question_html(q: dict[str, Any], lang: str = "en") -> str:
    """One question as a real form: a fieldset of radios or checkboxes, always
    with "I don't know". The page script renders later questions the same way."""
    e = html.escape
    w = Words(lang, GUIDE_TEXT)
    t = w.text
    qid = q["id"]
    parts = [
        # method="dialog": outside a dialog, submitting does nothing, so no answer can ever end up
        # in an address, even before (or without) the page script.
        f'<form class="pd-question" data-question="{e(qid)}" method="dialog" novalidate>',
        "<fieldset>",
        f'<legend><h2 class="pd-question__text" tabindex="-1">{e(t(q["text"]))}</h2></legend>',
    ]
    if q.get("help"):
        parts.append(f'<p class="pd-help">{e(t(q["help"]))}</p>')
    parts.append(
        f'<details class="pd-why"><summary>{e(w("page_why_we_ask"))}</summary><p>{e(t(q["why"]))}</p></details>'
    )
    if q["kind"] == "multi":
        parts.append('<div class="pd-choices pd-choices--multi">')
        for item in q["items"]:
            fid = f"pd-{qid}-{item['fact']}"
            parts.append(
                f'<div class="pd-choice"><input type="checkbox" id="{e(fid)}" name="{e(item["fact"])}" value="true">'
                f'<label for="{e(fid)}">{e(t(item["label"]))}</label>'
                + (f'<p class="pd-help">{e(t(item["help"]))}</p>' if item.get("help") else "")
                + "</div>"
            )
        parts.append(
            f'<div class="pd-choice pd-choice--none"><input type="checkbox" id="pd-{qid}-none" name="__none" value="none">'
            f'<label for="pd-{qid}-none">{e(t(q["none_label"]))}</label></div>'
            f'<div class="pd-choice pd-choice--unknown"><input type="checkbox" id="pd-{qid}-unknown" name="__unknown" value="unknown">'
            f'<label for="pd-{qid}-unknown">{e(t(q["unknown_label"]))}</label></div>'
        )
    else:
        fact = q["facts"][0]
        parts.append('<div class="pd-choices">')
        answers = [*q["answers"], {"value": None, "label": q["unknown_label"], "help": None}]
        for i, a in enumerate(answers):
            fid = f"pd-{qid}-{i}"
            value = json.dumps(a["value"])
            parts.append(
                f'<div class="pd-choice"><input type="radio" id="{e(fid)}" name="{e(fact)}" value="{e(value)}">'
                f'<label for="{e(fid)}">{e(t(a["label"]))}</label>'
                + (f'<p class="pd-help">{e(t(a["help"]))}</p>' if a.get("help") else "")
                + "</div>"
            )
    parts.append("</div>")
    parts.append('<p class="pd-error" role="alert" hidden></p>')
    parts.append(
        '</fieldset><button type="submit" class="md-button md-button--primary pd-next">'
        f"{e(w('page_continue'))}</button></form>"
    )
    return "".join(parts)


def stage_links(data: dict[str, Any], home: str, lang: str) -> str:
    e = html.escape
    items = "".join(
        f'<li><a href="{e(home)}options/{slug}/">{e(tr(data["stages"][sid]["label"], lang))}</a></li>'
        for sid, slug in STAGE_PAGES.items()
    )
    return f'<ul class="pd-fallback__links">{items}</ul>'


def chart_text(data: dict[str, Any], lang: str) -> str:
    """The flowchart's text alternative: every question in the order it can be asked."""
    e = html.escape
    w = Words(lang, GUIDE_TEXT)
    items = "".join(
        "<li>"
        + e(
            w.text(q["summary_label"])
            if q["when"] is None
            else w("page_chart_item_conditional", question=w.text(q["summary_label"]))
        )
        + "</li>"
        for q in data["questions"]
    )
    return f"<p>{e(w('page_chart_words'))}</p>" + f'<ol class="pd-chart__list">{items}</ol>'


def widget(data: dict[str, Any], default_policy: str, built: str, home: str, lang: str = "en") -> str:
    """The guide's root element. `home` is the relative path from the page to its language's
    home page, where the pages it links to (options, library, the flowchart) are."""
    e = html.escape
    w = Words(lang, GUIDE_TEXT)
    first = data["questions"][0]
    links = stage_links(data, home, lang)
    return (
        f'<div id="pd-guide" class="pd-guide" data-engine="loading" lang="{e(lang)}" '
        f'data-site-root="{e(home)}" data-default-policy="{e(default_policy)}">'
        # The "Leave quickly" link is in the page header (overrides/partials/header.html).
        f'<p class="pd-exit-hint">{e(w("page_exit_hint"))}</p>'
        f'<noscript><div class="pd-fallback pd-fallback--noscript"><p>{e(w("page_noscript"))}</p>{links}</div></noscript>'
        '<p class="pd-notice" role="status" hidden></p>'
        f'<div class="pd-fallback" hidden><p>{e(w("page_fallback"))}</p>'
        f"{links}</div>"
        '<nav class="pd-path-wrap" aria-labelledby="pd-path-title" hidden>'
        f'<h2 id="pd-path-title" class="pd-path__title">{e(w("page_path_title"))}</h2>'
        f'<button type="button" class="pd-path-toggle" aria-expanded="true" hidden>{e(w("page_hide_answers"))}</button>'
        '<ol class="pd-path"></ol>'
        f'<button type="button" class="pd-restart">{e(w("page_start_again"))}</button></nav>'
        f'<div class="pd-step">{question_html(first, lang)}</div>'
        '<p class="pd-status" role="status" aria-live="polite"></p>'
        '<p class="pd-announce pd-sr-only" role="status" aria-live="polite"></p>'
        '<section class="pd-result" aria-labelledby="pd-result-title" hidden></section>'
        f'<details class="pd-chart"><summary>{e(w("page_chart_summary"))}</summary>'
        f'{chart_text(data, lang)}<div class="pd-chart__picture"></div></details>'
        "</div>"
        f"<script>{EARLY_ANSWER}</script>"
        f'<script type="application/json" id="pd-data">{embed_json(page_data(data, default_policy, built, lang))}</script>'
    )

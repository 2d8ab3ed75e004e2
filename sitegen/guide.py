"""The guide's page: the first question rendered into the HTML at build time (so a
reader can answer before Python has loaded), and the compiled data the page
script walks. The result is always computed by pdlogic in the browser."""

from __future__ import annotations

import html
import json
from typing import Any

from .text import en

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
    "contacts",
)


def page_data(data: dict[str, Any], default_policy: str, built: str) -> dict[str, Any]:
    out = {k: data[k] for k in PAGE_KEYS}
    out["sources"] = {
        sid: {k: doc[k] for k in ("title", "date", "date_confirmed", "cite", "status", "verified_through")}
        for sid, doc in data["sources"].items()
    }
    out["default_policy"] = default_policy
    out["built"] = built
    return out


def embed_json(payload: dict[str, Any]) -> str:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    # Inside <script>, "</" could end the element early.
    return text.replace("</", "<\\/")


def question_html(q: dict[str, Any]) -> str:
    """One question as a real form: a fieldset of radios or checkboxes, always
    with "I don't know". The page script renders later questions the same way."""
    e = html.escape
    qid = q["id"]
    parts = [
        f'<form class="pd-question" data-question="{e(qid)}" novalidate>',
        "<fieldset>",
        f'<legend><h2 class="pd-question__text" tabindex="-1">{e(en(q["text"]))}</h2></legend>',
    ]
    if q.get("help"):
        parts.append(f'<p class="pd-help">{e(en(q["help"]))}</p>')
    parts.append(f'<details class="pd-why"><summary>Why we ask</summary><p>{e(en(q["why"]))}</p></details>')
    if q["kind"] == "multi":
        parts.append('<div class="pd-choices pd-choices--multi">')
        for item in q["items"]:
            fid = f"pd-{qid}-{item['fact']}"
            parts.append(
                f'<div class="pd-choice"><input type="checkbox" id="{e(fid)}" name="{e(item["fact"])}" value="true">'
                f'<label for="{e(fid)}">{e(en(item["label"]))}</label>'
                + (f'<p class="pd-help">{e(en(item["help"]))}</p>' if item.get("help") else "")
                + "</div>"
            )
        parts.append(
            f'<div class="pd-choice pd-choice--none"><input type="checkbox" id="pd-{qid}-none" name="__none" value="none">'
            f'<label for="pd-{qid}-none">{e(en(q["none_label"]))}</label></div>'
            f'<div class="pd-choice pd-choice--unknown"><input type="checkbox" id="pd-{qid}-unknown" name="__unknown" value="unknown">'
            f'<label for="pd-{qid}-unknown">{e(en(q["unknown_label"]))}</label></div>'
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
                f'<label for="{e(fid)}">{e(en(a["label"]))}</label>'
                + (f'<p class="pd-help">{e(en(a["help"]))}</p>' if a.get("help") else "")
                + "</div>"
            )
    parts.append("</div>")
    parts.append('<p class="pd-error" role="alert" hidden></p>')
    parts.append(
        '</fieldset><button type="submit" class="md-button md-button--primary pd-next">Continue</button></form>'
    )
    return "".join(parts)


def widget(data: dict[str, Any], default_policy: str, built: str, base: str, wheel: str) -> str:
    """The guide's root element. `base` is the relative path from the page to the site root."""
    e = html.escape
    first = data["questions"][0]
    return (
        f'<div id="pd-guide" class="pd-guide" data-engine="loading" '
        f'data-site-root="{e(base)}" data-default-policy="{e(default_policy)}" data-wheel="{e(wheel)}">'
        '<noscript><p class="pd-fallback">This guide needs JavaScript. The same information is on the '
        f'<a href="{e(base)}options/">options by stage</a> pages.</p></noscript>'
        '<div class="pd-fallback" hidden><p>The guide could not start its engine on this device. '
        f'Your answers are kept below. The same information is on the <a href="{e(base)}options/">options by stage</a> pages.</p></div>'
        '<nav class="pd-path-wrap" aria-label="Your answers so far" hidden><ol class="pd-path"></ol>'
        '<button type="button" class="pd-restart">Start again</button></nav>'
        f'<div class="pd-step">{question_html(first)}</div>'
        '<p class="pd-status" role="status" aria-live="polite"></p>'
        '<section class="pd-result" aria-live="polite" hidden></section>'
        "</div>"
        f'<script type="application/json" id="pd-data">{embed_json(page_data(data, default_policy, built))}</script>'
    )

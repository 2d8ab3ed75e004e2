"""Driving the guide as a person would: one question at a time, by clicking."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from built import as_of
from playwright.sync_api import Page, expect

import pdlogic
from pdlogic.data import compiled

QUESTIONS = {q["id"]: q for q in compiled()["questions"]}


# The four readers of issue 14, walked through the guide in their own language, "I don't know"
# for every question not in their plan: (who, the guide's address, question id -> answer).
READERS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "no record, entered without inspection years ago",
        "/guide/",
        {
            "asking_for": "self",
            "stage": "before_nta",
            "known_to_dhs": False,
            "detained": False,
            "entered_without_inspection": True,
            "present_2_years": True,
            "has_dhs_document": False,
        },
    ),
    (
        "detained, in court, entered without inspection; his brother asks, in Spanish",
        "/es/guide/",
        {
            "asking_for": "someone_else",
            "stage": "in_proceedings",
            "detained": True,
            "mandatory_detention": None,
            "entered_without_inspection": True,
            "present_2_years": True,
        },
    ),
    (
        "final order, reports to ICE at check-ins",
        "/guide/",
        {"asking_for": "self", "stage": "final_order", "detained": False, "ice_check_ins": True},
    ),
    (
        "a practitioner asking for a client in court",
        "/guide/",
        {
            "asking_for": "professional",
            "stage": "in_proceedings",
            "detained": False,
            "entered_without_inspection": False,
            "paroled": False,
            "has_attorney": True,
        },
    ),
]


def wait_ready(page: Page, timeout: float = 90_000) -> None:
    expect(page.locator("#pd-guide")).to_have_attribute("data-engine", "ready", timeout=timeout)


def answer(page: Page, value: Any) -> str:
    """Answer the question on screen. Single questions take a value (None = I don't know);
    multi questions take a list of facts to tick, "none" or "unknown"."""
    form = page.locator(".pd-step form")
    qid = form.get_attribute("data-question")
    q = QUESTIONS[qid]
    if q["kind"] == "multi":
        if value in ("none", "unknown"):
            form.locator(f"input[name=__{value}]").check()
        else:
            for fact in value:
                form.locator(f"input[name={fact}]").check()
    else:
        form.locator(f"input[type=radio][value='{json.dumps(value)}']").check()
    form.locator("button[type=submit]").click()
    return qid


def facts_from(q: dict[str, Any], value: Any) -> dict[str, Any]:
    if q["kind"] != "multi":
        return {q["facts"][0]: value}
    if value == "unknown":
        return dict.fromkeys(q["facts"])
    chosen = [] if value == "none" else value
    return {f: f in chosen for f in q["facts"]}


def walk(page: Page, plan: dict[str, Any], default: Any = None) -> dict[str, Any]:
    """Answer every question the guide asks from `plan` (question id -> answer),
    'I don't know' for the rest, until the result shows. Returns the facts given."""
    facts: dict[str, Any] = {}
    for _ in range(len(QUESTIONS) + 1):
        step = page.locator(".pd-step")
        if not step.is_visible():
            break
        qid = page.locator(".pd-step form").get_attribute("data-question")
        q = QUESTIONS[qid]
        value = plan.get(qid, default if q["kind"] != "multi" else "unknown")
        answer(page, value)
        facts.update(facts_from(q, value))
    expect(page.locator(".pd-result [data-section=options]")).to_be_visible(timeout=90_000)
    return facts


def answer_until(page: Page, stop: str, plan: dict[str, Any], default: Any = None) -> list[str]:
    """Answer from `plan` ("I don't know" otherwise) until question `stop` (or the result) is on
    screen. Returns the ids of the questions answered on the way."""
    asked: list[str] = []
    for _ in range(len(QUESTIONS) + 1):
        form = page.locator(".pd-step form")
        if not page.locator(".pd-step").is_visible() or form.get_attribute("data-question") == stop:
            break
        qid = form.get_attribute("data-question") or ""
        q = QUESTIONS[qid]
        asked.append(answer(page, plan.get(qid, default if q["kind"] != "multi" else "unknown")))
    return asked


def shown_options(page: Page) -> list[tuple[str, bool]]:
    items = page.locator(".pd-result .pd-option")
    return [
        (items.nth(i).get_attribute("data-option"), items.nth(i).get_attribute("data-recommended") == "true")
        for i in range(items.count())
    ]


# What a person in custody came for: getting out. Among options of equal standing (both may fit,
# or neither), these come first for them; otherwise the engine's order (may fit first).
CUSTODY_OPTIONS = ("release", "release_for_daca", "supervised_release")


def reader_order(options: list[dict[str, Any]], facts: dict[str, Any]) -> list[tuple[str, bool]]:
    """The order a reader sees the engine's options in."""
    pairs = [(o["id"], o["recommended"]) for o in options]
    if facts.get("detained") is not True:
        return pairs
    ranked = sorted(enumerate(pairs), key=lambda x: (not x[1][1], x[1][0] not in CUSTODY_OPTIONS, x[0]))
    return [p for _, p in ranked]


def expected_options(facts: dict[str, Any], policy: str | None = None) -> list[tuple[str, bool]]:
    result = pdlogic.evaluate(pdlogic.prune(facts, policy), policy, today=as_of()).to_dict()
    return reader_order(result["options"], facts)


def expected(facts: dict[str, Any], policy: str | None = None, day: dt.date | None = None) -> dict[str, Any]:
    """pdlogic's result in CPython for the answers the guide was given, on `day` (the build's)."""
    return pdlogic.evaluate(pdlogic.prune(facts, policy), policy, today=day or as_of()).to_dict()


def shown_warnings(page: Page) -> list[str]:
    """The result's own warnings (not those attached to one option), in the order shown."""
    boxes = page.locator(".pd-result [data-warning]:not(.pd-option [data-warning])")
    return [boxes.nth(i).get_attribute("data-warning") or "" for i in range(boxes.count())]


def shown_deadlines(page: Page) -> list[str]:
    items = page.locator(".pd-result [data-deadline]")
    return [items.nth(i).get_attribute("data-deadline") or "" for i in range(items.count())]


def shown_tactic_warnings(page: Page) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in page.locator(".pd-result [data-section=tactics] [data-item]").all():
        boxes = item.locator("[data-tactic-warning]")
        ids = [boxes.nth(i).get_attribute("data-tactic-warning") or "" for i in range(boxes.count())]
        if ids:
            found[item.get_attribute("data-item") or ""] = ids
    return found


def shown_items(page: Page, section: str) -> list[str]:
    items = page.locator(f".pd-result [data-section={section}] [data-item]")
    return [items.nth(i).get_attribute("data-item") or "" for i in range(items.count())]


def path_labels(page: Page) -> list[str]:
    items = page.locator(".pd-path li")
    return [items.nth(i).get_attribute("data-question") or "" for i in range(items.count())]


def answer_unknown_to_the_end(page: Page) -> None:
    """Answer "I don't know" (or "I'm not sure") to every question until none is left."""
    for _ in range(len(QUESTIONS) + 1):
        if not page.locator(".pd-step form").count():
            return
        form = page.locator(".pd-step form")
        box = form.locator("input[name=__unknown]")
        if box.count():
            box.check()
        else:
            form.locator("input[type=radio][value=null]").check()
        form.locator(".pd-next").click()

"""The guide computes results with pdlogic in Pyodide, in the reader's browser, and
they agree with pdlogic in CPython for the same answers: in every stage, under
today's framework and older ones chosen with the policy selector."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest
from built import as_of, pin_clock
from guide_walk import (
    answer_unknown_to_the_end,
    expected,
    reader_order,
    shown_deadlines,
    shown_items,
    shown_options,
    shown_tactic_warnings,
    shown_warnings,
    wait_ready,
    walk,
)
from playwright.sync_api import Browser, Page, Route, expect

from pdlogic.data import compiled
from pdlogic.engine import default_policy

DEFAULT = default_policy(compiled(), as_of())


@pytest.fixture(scope="module")
def guide(browser: Browser, base_url: str) -> Iterator[Page]:
    """One page load for all the walks below: "Start again" between them, as a reader would."""
    context = browser.new_context()
    pin_clock(context, as_of())
    seen: list[str] = []
    context.on("request", lambda r: seen.append(r.url))
    page = context.new_page()
    page.goto(base_url + "/guide/")
    wait_ready(page)
    yield page
    context.close()
    assert not [u for u in seen if urlparse(u).scheme.startswith("http") and urlparse(u).hostname != "127.0.0.1"]


def test_first_question_is_plain_html_before_python(page: Page, base_url: str) -> None:
    # The wasm never arrives: the first question must still be there and answerable.
    page.route("**/pyodide.asm.wasm", lambda route: None)
    page.goto(base_url + "/guide/")
    expect(page.locator(".pd-step form[data-question=asking_for]")).to_be_visible()
    expect(page.locator("#pd-guide")).to_have_attribute("data-engine", "loading")
    page.locator("#pd-asking_for-0").check()
    page.locator(".pd-next").click()
    page.locator("#pd-stage-1").check()
    page.locator(".pd-next").click()
    expect(page.locator(".pd-step form[data-question=detained]")).to_be_visible()
    # Reaching the result before the engine: one honest line, never a frozen page.
    answer_unknown_to_the_end(page)
    expect(page.locator(".pd-status")).to_contain_text("Preparing your result on this device")
    expect(page.locator("#pd-guide")).to_have_attribute("data-engine", "loading")


def test_an_answer_given_before_the_page_script_runs_is_kept(page: Page, base_url: str) -> None:
    """The first question works from first paint: the reader answers while guide.js is still
    on its way; when it arrives, the answer is taken and the next question shown."""
    held: list[Route] = []
    page.route("**/assets/js/guide.js", lambda route: held.append(route))
    page.goto(base_url + "/guide/", wait_until="commit")
    page.wait_for_selector(".pd-step form[data-armed]")
    page.locator("#pd-asking_for-1").check()  # a family member or friend
    page.locator(".pd-next").click()
    assert page.url == base_url + "/guide/"  # nothing was sent, nothing in the address
    for _ in range(100):  # the module is requested after the page's classic scripts
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "guide.js was requested"
    held[0].continue_()
    # The answer was taken: the next question is asked, about the person, not about "you".
    expect(page.locator(".pd-step form[data-question=stage] h2")).to_have_text(
        "Where does the person’s case stand right now?"
    )
    expect(page.locator(".pd-path li[data-question=asking_for] .pd-path__answer")).to_contain_text("family member")


def agree(page: Page, facts: dict[str, Any], policy: str | None, day: dt.date | None = None) -> dict[str, Any]:
    """Every section of the result on the page is pdlogic's result in CPython on `day` (the
    build's), item by item."""
    want = expected(facts, policy, day)
    assert shown_options(page) == reader_order(want["options"], facts)
    assert sorted(shown_warnings(page)) == sorted(want["warnings"])
    # Issue 13: the deadlines in the engine's order (most urgent first), and a tactic's own warnings.
    assert shown_deadlines(page) == want["deadlines"]
    assert shown_tactic_warnings(page) == want["tactic_warnings"]
    if "reveals_to_dhs" in want["warnings"]:
        assert shown_warnings(page)[0] == "reveals_to_dhs"  # before the policy and every option
    for o in want["options"]:
        option = page.locator(f".pd-result .pd-option[data-option={o['id']}]")
        got = option.locator("[data-warning]")
        assert [got.nth(i).get_attribute("data-warning") for i in range(got.count())] == o["warnings"]
        cited = option.locator(".pd-guidance .pd-cite")
        assert [cited.nth(i).get_attribute("data-source") for i in range(cited.count())] == o["sources"]
    assert shown_items(page, "escalation") == want["escalation"]
    assert shown_items(page, "checklist") == want["checklist"]
    assert shown_items(page, "detention") == want["detention"]
    assert shown_items(page, "tactics") == want["tactics"]
    chosen = page.locator("#pd-policy").input_value()
    assert chosen == want["policy"]
    return want


def restart(page: Page) -> None:
    page.locator(".pd-restart").click()
    expect(page.locator(".pd-step form[data-question=asking_for]")).to_be_visible()
    expect(page.locator(".pd-path li")).to_have_count(0)


WALKS: list[tuple[str, dict[str, Any], str]] = [
    (
        "someone DHS does not know about, before any case",
        {
            "stage": "before_nta",
            "known_to_dhs": False,
            "nta_issued": False,
            "detained": False,
            "circumstances": ["vulnerable"],
            "applications": "none",
            "has_attorney": False,
            "request_status": "not_requested",
            "record": "none",
            "misdemeanors": 0,
            "entered_after_2014": False,
        },
        "johnson-2014",
    ),
    (
        "a detained person in court with an approvable green-card case",
        {
            "stage": "in_proceedings",
            "detained": True,
            "mandatory_detention": False,
            "circumstances": "none",
            "applications": ["pending_petition"],
            "adjustment_approvable": True,
            "entered_without_inspection": True,  # today: bond may be refused (issue 13)
            "has_attorney": True,
            "request_status": "not_requested",
            "record": "none",
            "entered_after_2020": False,
        },
        "mayorkas-2021",
    ),
    (
        "a person with a removal order whose request was denied",
        {
            "stage": "final_order",
            "detained": False,
            "circumstances": ["serious_medical"],
            "applications": ["u_visa_pending"],
            "relief_eligible_late": True,
            "order_by": "immigration_judge",  # today and before: the deadlines after a judge's order
            "order_in_absentia": True,
            "has_attorney": False,
            "request_status": "denied",
            "compelling_case": True,
            "accepts_publicity_risk": False,
            "record": "none",
            "misdemeanors": 1,
            "entered_after_2014": False,
            "order_after_2014": True,
        },
        "johnson-2014",
    ),
    (
        "a case at the court of appeals, compelling, ready to go public",
        {
            "stage": "court_of_appeals",
            "detained": False,
            "circumstances": ["military_service"],
            "applications": "unknown",
            "has_attorney": True,
            "request_status": "denied",
            "compelling_case": True,
            "accepts_publicity_risk": True,
            "record": "none",
        },
        "interim-2021",
    ),
]


@pytest.mark.parametrize(("who", "plan", "older"), WALKS, ids=[w[0] for w in WALKS])
def test_every_stage_today_and_under_older_rules(guide: Page, who: str, plan: dict[str, Any], older: str) -> None:
    page = guide
    if page.locator(".pd-path li").count():
        restart(page)
    facts = walk(page, plan)
    want = agree(page, facts, None)
    assert want["policy"] == DEFAULT
    assert want["stage"] == plan["stage"]
    expect(page.locator(".pd-result [data-section=policy] .pd-policy__dates")).to_contain_text("In force")

    # The same answers under older rules: the guide asks what those rules need, then recomputes.
    page.select_option("#pd-policy", older)
    facts |= walk(page, plan)
    past = agree(page, facts, older)
    expect(page.locator(".pd-result [data-section=policy]")).to_contain_text("older rules")
    # A match under older rules is history: "would have fit", never "may fit your case".
    expect(page.locator(".pd-result [data-section=options]")).not_to_contain_text("May fit your case")
    if any(o["recommended"] for o in past["options"]):
        expect(page.locator(".pd-option--recommended .pd-fit").first).to_contain_text("would have fit under the")
        expect(page.locator(".pd-option--recommended .pd-fit").first).to_contain_text("(not in force today)")
    # The answer itself says which rules, and that they are not in force today.
    expect(page.locator(".pd-result [data-section=answer]")).to_contain_text("which are not in force today")
    if facts.get("accepts_publicity_risk"):
        assert "media" in shown_items(page, "tactics")
    # Back to today's rules: the questions only today's rules ask (issue 13: check-ins, TPS...) were
    # set aside under the older rules, so the guide asks them again, then recomputes.
    page.select_option("#pd-policy", DEFAULT)
    facts |= walk(page, plan)
    expect(page.locator(".pd-result [data-section=options]")).to_be_visible()
    agree(page, facts, None)


def test_what_we_dont_know_leads_back_to_its_question(guide: Page) -> None:
    page = guide
    if page.locator(".pd-path li").count():
        restart(page)
    facts = walk(page, {"stage": "in_proceedings", "detained": None, "circumstances": "none", "applications": "none"})
    needs = page.locator(".pd-result [data-section=needs] .pd-need")
    targets = [needs.nth(i).get_attribute("data-question") for i in range(needs.count())]
    assert "detained" in targets
    want = expected(facts)
    assert "detained" in want["needs"]
    # "What we don't know" opens onto the list; each item leads back to its question.
    page.locator(".pd-result [data-section=needs] summary").click()
    page.locator(".pd-result .pd-need[data-question=detained]").click()
    expect(page.locator(".pd-step form[data-question=detained] h2")).to_be_focused()
    page.locator(".pd-step input[type=radio][value=false]").check()
    page.locator(".pd-next").click()
    expect(page.locator(".pd-result [data-section=options]")).to_be_visible()
    facts["detained"] = False
    agree(page, facts, None)


def test_a_facts_error_is_a_message_not_a_traceback(guide: Page) -> None:
    """The worker validates answers with pdlogic's own FactsError, in the browser."""
    page = guide
    reply = page.evaluate(
        """() => new Promise((done) => {
            const w = new Worker(new URL("assets/js/engine-worker.js", location.origin + "/"), { type: "module" });
            w.onmessage = (e) => {
                if (e.data.type === "ready") w.postMessage({ type: "evaluate", id: 1, facts: { stage: "mars" }, policy: "" });
                if (e.data.type === "result") { w.terminate(); done(e.data); }
            };
            w.postMessage({ type: "start" });
        })"""
    )
    assert reply["ok"] is False
    assert reply["key"] == "stage"
    assert "Traceback" not in reply["message"]

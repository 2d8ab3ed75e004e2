"""The guide computes results with pdlogic in Pyodide, in the reader's browser,
and they agree with pdlogic in CPython for the same answers."""

from __future__ import annotations

from guide_walk import expected_options, shown_options, wait_ready, walk
from playwright.sync_api import Page, expect


def test_first_question_is_plain_html_before_python(page: Page, base_url: str) -> None:
    # The wasm never arrives: the first question must still be there and answerable.
    page.route("**/pyodide.asm.wasm", lambda route: None)
    page.goto(base_url + "/guide/")
    expect(page.locator(".pd-step form[data-question=stage]")).to_be_visible()
    expect(page.locator("#pd-guide")).to_have_attribute("data-engine", "loading")
    page.locator("#pd-stage-1").check()
    page.locator(".pd-next").click()
    expect(page.locator(".pd-step form[data-question=detained]")).to_be_visible()


def test_a_person_in_court_with_an_approvable_green_card_case(page: Page, base_url: str) -> None:
    page.goto(base_url + "/guide/")
    wait_ready(page)
    facts = walk(
        page,
        {
            "stage": "in_proceedings",
            "detained": False,
            "circumstances": "none",
            "applications": ["pending_petition"],
            "adjustment_approvable": True,
            "has_attorney": True,
            "request_status": "not_requested",
        },
    )
    assert shown_options(page) == expected_options(facts)
    expect(page.locator(".pd-result [data-section=checklist] [data-item=g28]")).to_be_visible()


def test_a_detained_person_with_a_removal_order_gets_other_options(page: Page, base_url: str) -> None:
    page.goto(base_url + "/guide/")
    wait_ready(page)
    facts = walk(
        page,
        {
            "stage": "final_order",
            "detained": True,
            "mandatory_detention": False,
            "circumstances": ["serious_medical"],
            "applications": ["u_visa_pending"],
            "relief_eligible_late": True,
            "has_attorney": False,
            "request_status": "denied",
            "compelling_case": False,
        },
    )
    options = shown_options(page)
    assert options == expected_options(facts)
    assert {"stay_of_removal", "supervised_release"} <= {o for o, _ in options}
    assert "dismissal" not in {o for o, _ in options}

"""The guide with the keyboard alone, checked by axe-core (self-hosted from npm),
and as a phone shows it (screenshots kept in test-artifacts/ to be looked at)."""

from __future__ import annotations

from pathlib import Path

import axe
import pytest
from guide_walk import answer_until, wait_ready, walk
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"


def serious_violations(page: Page) -> list[str]:
    return axe.serious_violations(page, "#pd-guide")


def tab_until(page: Page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only_walk_to_a_result(page: Page, base_url: str) -> None:
    page.goto(base_url + "/guide/")
    wait_ready(page)
    # The first Tab reaches the "Skip to content" link, which passes the header and the menu.
    page.keyboard.press("Tab")
    expect(page.locator("a.md-skip")).to_be_focused()
    page.keyboard.press("Enter")
    for _ in range(25):
        if not page.locator(".pd-step form").count():
            break
        multi = page.locator(".pd-step input[name=__none]").count() > 0
        if multi:
            tab_until(page, ".pd-step input[name=__none]")
            page.keyboard.press("Space")
        else:
            tab_until(page, ".pd-step input[type=radio]")  # the group: arrows choose within it
            page.keyboard.press("ArrowDown")
            page.keyboard.press("ArrowUp")
        tab_until(page, ".pd-step .pd-next")
        page.keyboard.press("Enter")
        # Focus moves to the new question's heading (or the result's).
        expect(page.locator(".pd-step h2, .pd-result h2").first).to_be_focused()
    expect(page.locator(".pd-result [data-section=options]")).to_be_visible()
    expect(page.locator(".pd-result h2")).to_be_focused()
    expect(page.locator(".pd-announce")).to_contain_text("Your result is ready")
    tab_until(page, ".pd-result .pd-copy")
    page.keyboard.press("Enter")
    expect(page.locator(".pd-copy-text")).to_be_visible()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_serious_accessibility_problems_at_any_step(page: Page, base_url: str, lang: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + ("/guide/" if lang == "en" else f"/{lang}/guide/"))
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert serious_violations(page) == [], "\n".join(serious_violations(page))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"guide-question-390-{lang}.png"))
    wait_ready(page)
    answer_until(page, "circumstances", {"stage": "in_proceedings", "detained": True, "mandatory_detention": False})
    expect(page.locator(".pd-step form[data-question=circumstances]")).to_be_visible()
    assert serious_violations(page) == []  # a middle question, a multiple-choice one
    page.screenshot(path=str(ARTIFACTS / f"guide-middle-390-{lang}.png"))
    walk(
        page,
        {"circumstances": ["vulnerable"], "applications": "none", "has_attorney": False, "request_status": "denied"},
    )
    page.locator(".pd-result .pd-link").click()
    assert serious_violations(page) == [], "\n".join(serious_violations(page))
    page.locator(".pd-result h2").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"guide-result-390-{lang}.png"))
    page.screenshot(path=str(ARTIFACTS / f"guide-result-390-full-{lang}.png"), full_page=True)
    # 320 px wide (and so 200% zoom on a 640 px screen): nothing wider than the screen.
    page.set_viewport_size({"width": 320, "height": 700})
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0

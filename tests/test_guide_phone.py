"""The guide on a phone (390x844, touch): what stays fixed on screen, where "Leave quickly"
is, and what the first screen shows. Screenshots are kept in test-artifacts/ to be looked at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from built import as_of, pin_clock
from guide_walk import wait_ready
from playwright.sync_api import Browser, BrowserContext, Page, expect

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
PHONE = {"width": 390, "height": 844}
MOST_FIXED_PX = 56

# The screen's height covered by elements that stay put while the page scrolls (fixed, or
# sticky and stuck), as a union of vertical spans: what a reader can never scroll away.
COVERED = """() => {
  const spans = [];
  for (const e of document.querySelectorAll('body *')) {
    const s = getComputedStyle(e);
    if (s.position !== 'fixed' && s.position !== 'sticky') continue;
    if (s.visibility === 'hidden' || s.display === 'none' || +s.opacity === 0) continue;
    const r = e.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) continue;
    spans.push([Math.max(0, r.top), Math.min(innerHeight, r.bottom)]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let covered = 0, end = -1;
  for (const [a, b] of spans) {
    if (b <= end) continue;
    covered += b - Math.max(a, end);
    end = b;
  }
  return Math.round(covered);
}"""


def guide_url(base_url: str, lang: str) -> str:
    return base_url + ("/guide/" if lang == "en" else f"/{lang}/guide/")


@pytest.fixture
def phone(browser: Browser, site_dir: Path) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    pin_clock(context, as_of(site_dir))
    yield context
    context.close()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_on_a_phone_the_first_answer_is_on_the_first_screen(phone: BrowserContext, base_url: str, lang: str) -> None:
    page = phone.new_page()
    page.goto(guide_url(base_url, lang))
    wait_ready(page)
    page.screenshot(path=str(ARTIFACTS / f"guide-phone-first-screen-{lang}.png"))
    first = page.locator(".pd-step .pd-choice").first
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box


@pytest.mark.parametrize("lang", ["en", "es"])
def test_leave_quickly_is_one_tap_away_and_covers_almost_nothing(
    phone: BrowserContext, base_url: str, lang: str
) -> None:
    page = phone.new_page()
    page.goto(guide_url(base_url, lang))
    wait_ready(page)
    for scroll in (0, 400, 5000):  # at the top, mid-question, and at the bottom of the page
        page.evaluate("(y) => window.scrollTo(0, y)", scroll)
        assert page.evaluate(COVERED) <= MOST_FIXED_PX, scroll
        leave = page.locator("a.pd-exit")
        expect(leave).to_be_in_viewport()
        box = leave.bounding_box()
        assert box is not None and box["height"] >= 44 and box["y"] >= 0, box  # a thumb's width, on screen
    page.screenshot(path=str(ARTIFACTS / f"guide-phone-scrolled-{lang}.png"))


def test_the_escape_hint_shows_only_where_there_is_a_keyboard(phone: BrowserContext, page: Page, base_url: str) -> None:
    touch = phone.new_page()
    touch.goto(guide_url(base_url, "en"))
    wait_ready(touch)
    expect(touch.locator(".pd-exit-hint")).to_be_hidden()

    page.set_viewport_size({"width": 1280, "height": 800})  # a computer with a mouse
    page.goto(guide_url(base_url, "en"))
    wait_ready(page)
    expect(page.locator(".pd-exit-hint")).to_be_visible()
    expect(page.locator(".pd-exit-hint")).to_contain_text("Esc three times")


def test_other_pages_have_no_leave_quickly_button_and_load_no_exit_script(page: Page, base_url: str) -> None:
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    page.goto(base_url + "/help/finding-legal-help/")
    expect(page.locator("a.pd-exit")).to_have_count(0)
    assert not [u for u in scripts if u.endswith("/exit.js")]

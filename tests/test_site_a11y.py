"""Every kind of page on the site, as a reader with a screen reader, a keyboard, a phone
or a dark screen meets it (issue 20): axe-core (self-hosted from npm) finds nothing serious
or critical on a page of each kind, in English and in Spanish, 390 px and 1280 px wide, in
the light and the dark colour scheme; and the skip link, the menu and the search work
with the keyboard alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import axe
import pytest
from built import as_of, pin_clock
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

# One page of every kind (the same address in both languages, Spanish under /es/).
PAGES = {
    "home": "",
    "guide": "guide/",
    "help": "help/detained-family-member/",
    "congress": "help/congress/",
    "members": "help/your-members/",
    "members-sheet": "organizers/contact-your-members/",
    "basics": "basics/what-is-pd/",
    "asking": "asking/how-to-ask/",
    "options": "options/in-proceedings/",
    "organizers": "organizers/",
    "handout": "organizers/handout/",
    "checklist": "checklists/request-packet/",
    "library": "library/johnson-2014/",
    "timeline": "library/timeline/",
    "changes": "changes/",
    "glossary": "glossary/",
    "about": "about/",
}
# Kept as 390x844 screenshots (test-artifacts/), to be looked at.
SCREENSHOTS = ("home", "checklist", "library")
VIEWS = [(390, "light"), (390, "dark"), (1280, "light"), (1280, "dark")]


def url(base_url: str, lang: str, path: str) -> str:
    return f"{base_url}/{'' if lang == 'en' else lang + '/'}{path}"


def offsite(urls: list[str]) -> list[str]:
    """The same rule as conftest's only_own_origin, for the contexts made here."""
    return [
        u for u in urls if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).hostname != "127.0.0.1"
    ]


class View:
    def __init__(self, page: Page, width: int, scheme: str, seen: list[str]) -> None:
        self.page, self.width, self.scheme, self.seen = page, width, scheme, seen


@pytest.fixture(scope="module")
def view(browser: Browser, request: pytest.FixtureRequest) -> Iterator[View]:
    """One browser context and one page per width and colour scheme, reused by every page
    of the sample (pytest groups the tests by view): 4 contexts for 104 page checks. What it
    costs: about 2 s a page check, nearly all of it axe's run (the options, timeline and
    help pages are the longest); the whole module took 3 min 30 s on the shared 2-core
    machine at a load average of 14. `-k 390-light` runs a quarter of it."""
    width, scheme = request.param
    context = browser.new_context(viewport={"width": width, "height": 844}, color_scheme=scheme)
    pin_clock(context, as_of())  # as conftest does for every browser test: the build's day
    seen: list[str] = []
    context.on("request", lambda r: seen.append(r.url))
    yield View(context.new_page(), width, scheme, seen)
    context.close()
    assert not offsite(seen), f"requests to other hosts: {offsite(seen)}"


@pytest.mark.parametrize("view", VIEWS, indirect=True, ids=[f"{w}-{s}" for w, s in VIEWS], scope="module")
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_serious_accessibility_problem_on_any_kind_of_page(view: View, base_url: str, lang: str, kind: str) -> None:
    page = view.page
    page.goto(url(base_url, lang, PAGES[kind]))
    expect(page.locator("html")).to_have_attribute("lang", lang)
    scheme = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert scheme == (view.scheme == "dark")
    found = axe.serious_violations(page)
    assert found == [], "\n".join(found)
    assert not offsite(view.seen), f"requests to other hosts: {offsite(view.seen)}"
    if view.width == 390 and kind in SCREENSHOTS:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"site-{kind}-390-{view.scheme}-{lang}.png"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_links_in_text_are_underlined_and_menus_and_buttons_are_not(page: Page, base_url: str, scheme: str) -> None:
    """The cue that is not colour (WCAG 1.4.1), said directly: axe's link-in-text-block looks
    only where a link's colour is too close to the text's, and takes any other difference in
    decoration (a set underline thickness, say) for a cue even with the underline gone."""
    page.emulate_media(color_scheme=scheme)
    page.goto(url(base_url, "en", "help/finding-legal-help/"))
    decoration = "(e) => getComputedStyle(e).textDecorationLine"
    assert page.locator(".md-content p a[href]").first.evaluate(decoration) == "underline"
    assert page.locator(".md-content li a[href]").first.evaluate(decoration) == "underline"
    assert page.locator(".md-nav--primary a.md-nav__link").first.evaluate(decoration) == "none"
    assert page.locator(".md-footer__link").first.evaluate(decoration) == "none"
    page.goto(url(base_url, "en", "guide/"))
    assert page.locator("a.pd-exit").evaluate(decoration) == "none"


# ---- the keyboard alone ----


def focused(page: Page, selector: str) -> bool:
    return page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector)


# The focused element (its first line, for a link that wraps) is on screen and on top.
ON_TOP = """() => { const e = document.activeElement, r = e.getClientRects()[0];
  if (!r) return false;
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return r.width > 0 && r.height > 0 && !!top && (top === e || e.contains(top)); }"""


def tab_until(page: Page, selector: str, limit: int = 40) -> None:
    """Tab until `selector` has focus; every stop on the way is on screen and on top (never
    a link in a hidden menu, a closed list, or under the open menu)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        try:  # allowing for the menu's and the search's 0.25 s slides and fades
            page.wait_for_function(ON_TOP, timeout=2000)
        except PlaywrightTimeoutError:
            raise AssertionError(
                "focus went where no one can see it: " + page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
            ) from None
        if focused(page, selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


KEYBOARD = [
    ("en", "", 390, "DACA"),
    ("es", "checklists/request-packet/", 390, "DACA"),
    ("en", "library/johnson-2014/", 1280, "DACA"),
]


@pytest.mark.parametrize(
    ("lang", "path", "width", "word"), KEYBOARD, ids=["home-en-390", "checklist-es-390", "library-en-1280"]
)
def test_skip_link_menu_and_search_work_with_the_keyboard_alone(
    page: Page, base_url: str, lang: str, path: str, width: int, word: str
) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    start = url(base_url, lang, path)
    page.goto(start)

    # The first Tab shows the skip link; Enter goes past the header and the menu.
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_css("opacity", "1")
    page.keyboard.press("Enter")
    h1 = page.locator(".md-content h1").first
    expect(page).to_have_url(re.compile("#" + re.escape(h1.get_attribute("id") or "")))
    page.keyboard.press("Tab")
    assert focused(page, ".md-content *"), "after the skip link, Tab goes on in the page's content"

    # The menu. On a phone a button opens it and focus moves in; a section opens with Enter
    # (focus on its title, which leads back) and its pages are a Tab away; Escape closes the
    # menu and focus comes back to the button. On a desktop the menu is always there.
    page.goto(start)
    if width < 1220:
        button = page.locator("button[data-pd-menu]")
        tab_until(page, "button[data-pd-menu]")
        expect(button).to_have_accessible_name({"en": "Menu", "es": "Menú"}[lang])
        expect(button).to_have_attribute("aria-expanded", "false")
        page.keyboard.press("Enter")
        expect(button).to_have_attribute("aria-expanded", "true")
        expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
        assert focused(page, ".md-sidebar--primary *"), "focus moves into the open menu"
        if focused(page, ".md-nav__title"):  # the page's own section is open: go back to all sections
            page.keyboard.press("Enter")
        section = ".md-sidebar--primary label.md-nav__link[for^=__nav_]"
        tab_until(page, section)
        page.keyboard.press("Enter")
        assert focused(page, ".md-sidebar--primary .md-nav__title"), "focus moves to the section's title"
        page.keyboard.press("Enter")
        assert focused(page, section), "its title leads back"
        page.keyboard.press("Enter")
        tab_until(page, ".md-sidebar--primary .md-nav__item--nested .md-nav__link[href]")
        page.keyboard.press("Escape")
        expect(button).to_be_focused()
        expect(button).to_have_attribute("aria-expanded", "false")
        page.keyboard.press("Space")
        expect(button).to_have_attribute("aria-expanded", "true")
        page.keyboard.press("Escape")
    page.goto(start)
    if width < 1220:
        tab_until(page, "button[data-pd-menu]")
        page.keyboard.press("Enter")
    tab_until(page, ".md-nav--primary a.md-nav__link[href]:not([href='./']):not([href='#'])")
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    expect(page).to_have_url(target)

    # The search: Tab to it, type, a result with the arrow key, Enter opens it.
    page.goto(start)
    tab_until(page, ".md-search__input")
    dialog = page.get_by_role("dialog", name={"en": "Search", "es": "Buscar"}[lang])
    page.keyboard.type(word)
    expect(dialog.locator(".md-search-result__item").first).to_be_visible()  # the results are in the named dialog
    page.keyboard.press("ArrowDown")
    assert focused(page, ".md-search-result__link")
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    expect(page).to_have_url(target)
    expect(page.locator(".md-content h1").first).to_be_visible()

"""When Python cannot run (no JavaScript, no WebAssembly, a runtime file that fails),
the reader keeps the answers so far and gets the static options-by-stage pages,
within seconds: never a spinner forever."""

from __future__ import annotations

import pytest
from guide_walk import answer_unknown_to_the_end
from playwright.sync_api import Browser, Page, expect

from sitegen.text import GUIDE_TEXT, table

STAGE_PAGES = ["before-nta", "in-proceedings", "final-order", "court-of-appeals"]


def answer_to_the_end(page: Page) -> None:
    page.locator("#pd-asking_for-0").check()  # myself
    page.locator(".pd-next").click()
    page.locator("#pd-stage-2").check()  # a removal order
    page.locator(".pd-next").click()
    answer_unknown_to_the_end(page)


@pytest.mark.parametrize("blocked", ["**/pyodide.asm.wasm", "**/python_stdlib.zip", "**/pdlogic-*.whl"])
def test_a_runtime_file_that_fails_gives_the_static_pages(page: Page, base_url: str, blocked: str) -> None:
    page.route(blocked, lambda route: route.abort())
    page.goto(base_url + "/guide/")
    expect(page.locator("#pd-guide")).to_have_attribute("data-engine", "failed", timeout=20_000)
    answer_to_the_end(page)
    # The answers are kept; the result is the links, the reader's own stage first named.
    expect(page.locator(".pd-path li")).not_to_have_count(0)
    fallback = page.locator("#pd-guide > .pd-fallback")
    expect(fallback).to_be_visible()
    expect(page.locator(".pd-result")).to_contain_text("could not run the guide’s engine")
    expect(page.locator(".pd-result a", has_text="(your answer)")).to_have_attribute("href", "../options/final-order/")
    expect(page.locator(".pd-status")).to_have_text("")
    page.locator(".pd-result a", has_text="(your answer)").click()
    expect(page.locator("h1")).to_be_visible()
    assert page.url.endswith("/options/final-order/")


HOMES = {"en": "/", "es": "/es/"}  # each language's guide falls back to its own pages


@pytest.mark.parametrize("lang", HOMES)
def test_a_browser_without_webassembly_gives_the_static_pages(page: Page, base_url: str, lang: str) -> None:
    page.add_init_script("delete globalThis.WebAssembly;")
    page.goto(base_url + HOMES[lang] + "guide/")
    expect(page.locator("#pd-guide")).to_have_attribute("data-engine", "failed")
    expect(page.locator("#pd-guide > .pd-fallback")).to_contain_text(table(GUIDE_TEXT)["page_fallback"][lang][:40])
    links = page.locator("#pd-guide > .pd-fallback a")
    expect(links).to_have_count(4)
    links.nth(2).click()
    assert page.url == base_url + HOMES[lang] + "options/final-order/"
    expect(page.locator("html")).to_have_attribute("lang", lang)


@pytest.mark.parametrize("lang", HOMES)
def test_without_javascript_the_page_says_so_and_links_the_same_information(
    browser: Browser, base_url: str, lang: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + HOMES[lang] + "guide/")
        note = page.locator("noscript .pd-fallback, .pd-fallback--noscript")
        expect(note.first).to_contain_text(table(GUIDE_TEXT)["page_noscript"][lang][:30])
        links = page.locator(".pd-fallback--noscript a")
        expect(links).to_have_count(4)
        hrefs = [links.nth(i).get_attribute("href") for i in range(4)]
        assert hrefs == [f"../options/{p}/" for p in STAGE_PAGES]
        # The first question is there; "Continue" without the script sends nothing (method=dialog).
        page.locator("#pd-asking_for-0").check()
        page.locator(".pd-next").click()
        assert page.url == base_url + HOMES[lang] + "guide/"
        links.nth(1).click()
        expect(page.locator("h1")).to_be_visible()
        assert page.url == base_url + HOMES[lang] + "options/in-proceedings/"
    finally:
        context.close()

"""Your members of Congress, in a real browser (issue 17): a reader types a ZIP code and sees
both senators and every representative whose district the ZIP area touches, from the data the
site ships; the ZIP is never sent, never in the address, never stored; the page works without
JavaScript and offline after one visit; from January 3, 2027 (the device's date) it says the
list is from the previous Congress. The call script fills in on the page and keeps nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from built import pin_clock
from playwright.sync_api import Browser, BrowserContext, Page, expect
from site_copy import build_copy
from test_guide_privacy import storage

from sitegen import congress
from sitegen.server import serving

PAGE = "/help/your-members/"
SNAPSHOT = congress.load()
SEATS = congress.by_state(SNAPSHOT)


def expected_names(zip_code: str) -> list[str]:
    """From the project's copy of the data: each state's senators, then the representatives of
    every district the ZIP area touches."""
    names: list[str] = []
    for state in dict.fromkeys(s for s, _ in SNAPSHOT.zips[zip_code]):
        names += [m.name for m in SEATS[state]["sen"]]
        districts = sorted(d for s, d in SNAPSHOT.zips[zip_code] if s == state)
        names += [m.name for d in districts for m in SEATS[state]["rep"] if m.district == d]
    return names


def shown_names(page: Page) -> list[str]:
    return page.locator("#pd-members-result .pd-member__name").all_inner_texts()


def look_up(page: Page, zip_code: str) -> None:
    page.fill("#pd-zip", zip_code)
    page.press("#pd-zip", "Enter")
    expect(page.locator("#pd-members-result p").first).not_to_have_text("Loading the list…")


@pytest.fixture
def watched(context: BrowserContext) -> Iterator[list[str]]:
    """Every request the page makes, with its body."""
    seen: list[str] = []
    context.on("request", lambda r: seen.append(r.url + " " + (r.post_data or "")))
    yield seen


CASES = {
    "35004": "one district (Alabama 3)",
    "35005": "across two districts (Alabama 6 and 7)",
    "82001": "an at-large state (Wyoming)",
    "20001": "the District of Columbia",
}


def test_a_zip_code_gives_the_right_members_and_never_leaves_the_device(
    page: Page, base_url: str, server, watched: list[str]
) -> None:
    before = len(server.requests())
    page.goto(base_url + PAGE)
    expect(page.locator("article p").first).to_contain_text("Asking can tell DHS about you")  # before anything
    expect(page.locator("#pd-members-form")).to_be_visible()
    for zip_code in CASES:
        look_up(page, zip_code)
        expect(page.locator("#pd-members-result .pd-member").first).to_be_visible()
        assert shown_names(page) == expected_names(zip_code), CASES[zip_code]

    # One district: said so. Two: said so, with how to tell which is yours and the House finder.
    look_up(page, "35004")
    expect(page.locator(".pd-result-count")).to_have_attribute("data-districts", "1")
    look_up(page, "35005")
    expect(page.locator(".pd-result-count")).to_have_attribute("data-districts", "2")
    expect(page.locator(".pd-result-count")).to_contain_text("crosses district lines")
    expect(page.locator(".pd-result-how")).to_contain_text("voter registration card")
    expect(page.locator(".pd-result-how a")).to_have_attribute("href", congress.HOUSE_FINDER)
    assert len(shown_names(page)) == 4  # two senators, two representatives

    # A ZIP area in two states: both states' senators, and the reader's state decides.
    look_up(page, "30165")
    assert shown_names(page) == expected_names("30165")
    expect(page.locator("#pd-members-result")).to_contain_text("more than one state")

    # At large: one representative for the whole state.
    look_up(page, "82001")
    expect(page.locator(".pd-result-atlarge")).to_contain_text("one representative for the whole state")
    # DC: no senators, its delegate.
    look_up(page, "20001")
    expect(page.locator(".pd-result-nosen")).to_contain_text("District of Columbia has no senators")
    expect(page.locator("#pd-members-result .pd-member__role")).to_contain_text("Delegate")

    # Unknown, and not a ZIP code: a clear message, no members.
    look_up(page, "99999")
    expect(page.locator(".pd-result-unknown")).to_contain_text("We have no district for ZIP code 99999")
    expect(page.locator("#pd-members-result a")).to_have_attribute("href", congress.HOUSE_FINDER)
    assert shown_names(page) == []
    look_up(page, "12ab")
    expect(page.locator(".pd-result-message")).to_contain_text("Enter the 5 digits")

    # A state instead of a ZIP code: its senators and every representative.
    page.select_option("#pd-state-choice", "WY")
    assert shown_names(page) == [m.name for m in SEATS["WY"]["sen"] + SEATS["WY"]["rep"]]

    # Nothing left the page: not in any request, not in the address, not in storage.
    typed = [*CASES, "99999"]
    assert not [r for r in watched if any(z in r for z in typed)], watched
    assert urlparse(page.url).query == "" and urlparse(page.url).fragment == ""
    logged = server.requests()[before:]
    assert not [line for line in logged if any(z in line for z in typed)]
    assert storage(page) == {"local": [], "session": [], "cookies": "", "idb": []}


def test_the_spanish_page_looks_up_in_spanish(page: Page, base_url: str) -> None:
    page.goto(base_url + "/es" + PAGE)
    look_up(page, "35005")
    assert shown_names(page) == expected_names("35005")
    expect(page.locator(".pd-result-count")).to_contain_text("cruza los límites de distritos")
    look_up(page, "20001")
    expect(page.locator(".pd-result-nosen")).to_contain_text("Distrito de Columbia no tiene senadores")


def test_without_javascript_the_page_lists_members_by_state(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    expect(page.locator("#pd-members-form")).to_be_hidden()  # a form would put the ZIP in the address
    assert page.locator("details.pd-state").count() == len(congress.STATES)
    wyoming = page.locator("details#state-WY")
    wyoming.locator("summary").click()
    names = wyoming.locator(".pd-member__name").all_inner_texts()
    assert names == [m.name for m in SEATS["WY"]["sen"] + SEATS["WY"]["rep"]]
    dc = page.locator("details#state-DC")
    dc.locator("summary").click()
    expect(dc.locator(".pd-state__nosen")).to_contain_text("no senators")
    context.close()


STORED = """async ({ urls, ms }) => {
  const deadline = Date.now() + ms;
  for (;;) {
    const have = new Set();
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) have.add(r.url);
    const missing = urls.filter((u) => !have.has(u));
    if (missing.length === 0 || Date.now() > deadline) return missing;
    await new Promise((r) => setTimeout(r, 200));
  }
}"""


def test_after_one_visit_the_lookup_works_offline(page: Page, context: BrowserContext, base_url: str) -> None:
    page.goto(base_url + PAGE)
    page.evaluate("navigator.serviceWorker.ready")
    urls = [base_url + PAGE, f"{base_url}/{congress.ZIPS_ASSET}", f"{base_url}/assets/js/members.js"]
    assert page.evaluate(STORED, {"urls": urls, "ms": 60_000}) == []
    context.set_offline(True)
    page.reload()
    look_up(page, "35005")
    assert shown_names(page) == expected_names("35005")
    context.set_offline(False)


@pytest.mark.parametrize(
    ("day", "shown"),
    [(dt.date(2027, 1, 2), False), (dt.date(2027, 1, 3), True), (dt.date(2030, 7, 1), True)],
)
def test_from_january_3_2027_the_page_says_the_list_is_from_the_previous_congress(
    browser: Browser, base_url: str, site_dir: Path, day: dt.date, shown: bool
) -> None:
    built = (site_dir / "help/your-members/index.html").read_text(encoding="utf-8")
    assert 'data-pd-from="2027-01-03" hidden' in built, "this site was built before January 3, 2027"
    context = browser.new_context()
    pin_clock(context, day)
    page = context.new_page()
    page.goto(base_url + PAGE)
    expect(page.locator("#pd-members-form")).to_be_visible()
    notice = page.locator(".pd-congress-old")
    if shown:
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("This list is from the previous Congress")
        expect(notice.locator("a")).to_have_count(2)
        assert notice.locator("a").evaluate_all("as => as.map(a => a.href)") == [
            congress.HOUSE_FINDER,
            congress.SENATE_FINDER,
        ]
    else:
        expect(notice).to_be_hidden()
    context.close()


def test_the_call_script_fills_in_on_the_page_and_keeps_nothing(
    page: Page, base_url: str, server, watched: list[str]
) -> None:
    page.goto(base_url + "/help/congress/")
    # The warning comes before everything else on the page.
    expect(page.locator("article h2").first).to_contain_text("Before you contact an office")
    expect(page.locator("article p").first).to_contain_text("Asking can tell DHS about you")
    typed = {"name": "Ana Testperson", "anumber": "A123456789", "ask": "a stay of removal"}
    for field, value in typed.items():
        page.fill(f'[data-fill="{field}"]', value)
    call = page.locator("#pd-call")
    for value in typed.values():
        expect(call).to_contain_text(value)
    expect(page.locator("#pd-letter")).to_contain_text("A123456789")
    assert not [r for r in watched if any(v in r for v in typed.values())]
    assert not [line for line in server.requests() if "A123456789" in line]
    assert storage(page) == {"local": [], "session": [], "cookies": "", "idb": []}
    assert urlparse(page.url).query == ""
    page.reload()
    expect(call).not_to_contain_text("A123456789")  # memory only


def test_the_organizers_sheet_fills_in_a_states_senators(page: Page, base_url: str) -> None:
    page.goto(base_url + "/organizers/contact-your-members/")
    page.select_option("#pd-sheet-state", "WA")
    senators = page.locator(".pd-sheet-senator strong").all_inner_texts()
    assert senators == [m.name for m in SEATS["WA"]["sen"]]
    page.emulate_media(media="print")
    expect(page.locator("#pd-sheet-form")).to_be_hidden()
    expect(page.locator(".pd-sheet-senator").first).to_be_visible()


def test_a_site_built_on_or_after_january_3_2027_says_so_even_without_javascript(
    browser: Browser, tmp_path: Path
) -> None:
    """The build's own "today" (PD_TODAY) switches the notice on in the HTML itself: a reader
    without JavaScript, or with a device clock set in the past, still sees it."""
    run = build_copy(tmp_path, env={"PD_TODAY": "2027-01-04"})
    assert run.returncode == 0, run.stderr[-2000:]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    with serving(tmp_path / "site") as (url, _):
        for path, words in (
            (PAGE, "This list is from the previous Congress"),
            ("/es" + PAGE, "Esta lista es del Congreso anterior"),
        ):
            page.goto(url + path)
            notice = page.locator(".pd-congress-old")
            expect(notice).to_be_visible()
            expect(notice).to_contain_text(words)
            expect(notice.locator("a").first).to_have_attribute("href", congress.HOUSE_FINDER)
        page.goto(url + "/organizers/contact-your-members/")
        expect(page.locator(".pd-congress-old")).to_be_visible()
    context.close()

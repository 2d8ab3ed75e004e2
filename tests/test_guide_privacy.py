"""A reader's answers stay in the page's memory: never in the address, in storage,
or on the server; back and reload behave as promised; a "Link to this result"
holds them only when asked, and a hostile link cannot inject anything; leaving
quickly leaves nothing behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from built import as_of, pin_clock
from guide_walk import answer_until, path_labels, shown_options, wait_ready, walk
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

import pdlogic
from pdlogic.data import compiled
from pdlogic.engine import default_policy

DATA = compiled()
FACT_WORDS = {f"{k}=" for k in DATA["facts"]} | {
    str(c) for f in DATA["facts"].values() for c in (f.get("choices") or [])
}  # every fact as it would appear in a query or body, and every answer value
EXIT_URL = "https://www.weather.gov/"

PLAN = {
    "stage": "in_proceedings",
    "detained": False,
    "circumstances": ["military_family"],
    "applications": ["pending_petition"],
    "adjustment_approvable": True,
    "has_attorney": True,
    "request_status": "pending",
}


def assert_no_answers_in(url: str) -> None:
    parsed = urlparse(url)
    assert parsed.query == "" and parsed.fragment == "", url
    assert not [w for w in FACT_WORDS if w in url], url
    assert "pd1" not in url


def storage(page: Page) -> dict:
    return page.evaluate(
        """async () => ({
            local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookies: document.cookie,
            idb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
        })"""
    )


@pytest.fixture
def outside(browser: Browser) -> Iterator[tuple[BrowserContext, list[str]]]:
    """A context where the quick-exit page is intercepted (never loaded) and every other
    outside request is recorded: only the exit page may be asked for."""
    context = browser.new_context()
    seen: list[str] = []
    context.on("request", lambda r: seen.append(r.url))

    def fake_weather(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><p>Weather</p>")

    context.route(EXIT_URL + "**", fake_weather)
    yield context, seen
    context.close()
    offsite = [u for u in seen if u.startswith("http") and urlparse(u).hostname != "127.0.0.1"]
    assert all(u.startswith(EXIT_URL) for u in offsite), offsite


def test_answers_never_leave_the_page(page: Page, base_url: str, server, site_dir: Path) -> None:
    before = len(server.requests())
    page.goto(base_url + "/guide/")
    wait_ready(page)
    urls: list[str] = []
    page.on("framenavigated", lambda f: urls.append(f.url))
    facts = walk(page, PLAN)
    assert urls  # each step is a history entry...
    for url in [*urls, page.url]:
        assert_no_answers_in(url)  # ...that holds no answer
    assert page.evaluate("history.state") == {"pdStep": page.evaluate("history.state.pdStep")}
    assert storage(page) == {"local": [], "session": [], "cookies": "", "idb": []}
    log = server.requests()[before:]
    assert log and all(line.startswith("GET ") for line in log), log
    for line in log:
        assert "?" not in line, line
        path = line.split(" ", 1)[1]
        # A file the build wrote (the offline copy fetches every page, /library/dhs-v-dvd-2025/
        # among them) is not an answer; any other path must hold no fact name or answer value.
        if (site_dir / path.lstrip("/")).is_file() or (site_dir / path.lstrip("/") / "index.html").is_file():
            continue
        assert not [w for w in FACT_WORDS if w in path], line
    assert facts["stage"] == "in_proceedings"


def test_back_change_and_reload(page: Page, base_url: str) -> None:
    page.goto(base_url + "/guide/")
    wait_ready(page)
    walk(page, PLAN)
    options = shown_options(page)
    assert path_labels(page)[:3] == ["asking_for", "stage", "detained"]

    # Back: one question back, every answer kept; forward again gives the same result.
    page.go_back()
    expect(page.locator(".pd-step form[data-question=request_status] h2")).to_be_focused()
    expect(page.locator(".pd-step input[name=request_status][value='\"pending\"']")).to_be_checked()
    page.go_back()
    expect(page.locator(".pd-step form[data-question=has_attorney]")).to_be_visible()
    expect(page.locator(".pd-step input[name=has_attorney][value=true]")).to_be_checked()
    page.go_forward()
    page.go_forward()
    expect(page.locator(".pd-result [data-section=options]")).to_be_visible()
    assert shown_options(page) == options

    # Change an earlier answer: only the questions the new answer opens are asked (nothing
    # answered is asked again), and the answers it made irrelevant are dropped.
    before = path_labels(page)
    page.locator(".pd-path .pd-change[data-question=stage]").click()
    expect(page.locator(".pd-step form[data-question=stage] h2")).to_be_focused()
    page.locator(".pd-step input[value='\"before_nta\"']").check()
    page.locator(".pd-next").click()
    asked = answer_until(page, "", {"known_to_dhs": True, "nta_issued": False, "entered_without_inspection": False})
    assert "known_to_dhs" in asked
    assert not set(asked) & set(before), asked
    expect(page.locator(".pd-result [data-section=options]")).to_be_visible()
    assert "adjustment_approvable" in path_labels(page)
    page.locator(".pd-path .pd-change[data-question=applications]").click()
    page.locator(".pd-step input[name=__none]").check()
    page.locator(".pd-next").click()
    assert "adjustment_approvable" not in path_labels(page)  # dropped: no petition any more
    expect(page.locator(".pd-result [data-section=options]")).to_be_visible()

    # Reload starts over, with one line saying why.
    page.reload()
    expect(page.locator(".pd-notice")).to_contain_text("started again")
    expect(page.locator(".pd-step form[data-question=asking_for]")).to_be_visible()
    expect(page.locator(".pd-path li")).to_have_count(0)
    assert_no_answers_in(page.url)


def test_a_link_to_the_result_restores_it_in_another_browser(page: Page, base_url: str, browser: Browser) -> None:
    page.goto(base_url + "/guide/")
    wait_ready(page)
    walk(page, PLAN)
    assert_no_answers_in(page.url)  # nothing in the address until the reader asks
    page.locator(".pd-link").click()
    expect(page.locator(".pd-link-warning")).to_contain_text("Anyone who has this link can see your answers")
    link = page.locator(".pd-link-url").input_value()
    assert link.startswith(base_url + "/guide/#pd1&")
    assert_no_answers_in(page.url)  # still: the link is shown, not visited
    options, path = shown_options(page), path_labels(page)

    other = browser.new_context()
    pin_clock(other, as_of())
    try:
        fresh = other.new_page()
        fresh.goto(link)
        wait_ready(fresh)
        expect(fresh.locator(".pd-result [data-section=options]")).to_be_visible()
        assert shown_options(fresh) == options
        assert path_labels(fresh) == path
        assert urlparse(fresh.url).fragment == ""  # the answers left the address bar at once
        expect(fresh.locator(".pd-notice")).to_contain_text("Anyone with that link")
    finally:
        other.close()


HOSTILE = [
    "pd1&stage=<script>window.__pwned=1</script>",
    "pd1&stage=javascript:window.__pwned=1",
    "pd1&<img src=x onerror=window.__pwned=1>=true",
    '"><svg onload=window.__pwned=1>',
    "pd1&stage=in_proceedings\u200b&detained=true",
    "pd1&ｓｔａｇｅ=in_proceedings",
    "pd1&stage=" + "A" * 100_000,
    "pd1&stage=in_proc%E0%A4%A",
    "pd1&stage=final_order&detained=maybe&has_attorney=1&bogus=true&policy=nope",
    "pd1&__proto__=true&constructor=x",
]


def test_hostile_links_are_refused_without_injecting_anything(page: Page, base_url: str) -> None:
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())  # the decoder does not need Python
    for fragment in HOSTILE:
        page.goto("about:blank")
        page.goto(f"{base_url}/guide/#{fragment}")
        notice = page.locator(".pd-notice")
        expect(notice).to_be_visible()
        assert len(notice.inner_text()) < 200
        injected = page.evaluate(
            """() => ({
                pwned: window.__pwned === 1,
                elements: document.querySelectorAll("#pd-guide script, #pd-guide img, #pd-guide iframe, #pd-guide svg[onload]").length,
                handlers: [...document.querySelectorAll("#pd-guide *")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
            })"""
        )
        assert injected == {"pwned": False, "elements": 0, "handlers": 0}, fragment[:60]
        assert urlparse(page.url).fragment == ""
    # What was valid is kept: the stage, not the bad detained/has_attorney/bogus/policy parts.
    page.goto("about:blank")
    page.goto(f"{base_url}/guide/#{HOSTILE[-2]}")
    expect(page.locator(".pd-notice")).to_contain_text("could not be used (4 ignored)")
    assert path_labels(page) == ["stage"]
    asked_next = pdlogic.next_question({"stage": "final_order"}, default_policy(DATA, as_of()))
    expect(page.locator(f".pd-step form[data-question={asked_next}]")).to_be_visible()


def test_leaving_quickly_replaces_the_page_and_forgets_the_answers(
    outside: tuple[BrowserContext, list[str]], base_url: str
) -> None:
    context, _ = outside
    page = context.new_page()
    page.goto(base_url + "/guide/")
    page.locator("#pd-asking_for-0").check()
    page.locator(".pd-next").click()
    page.locator("#pd-stage-1").check()
    page.locator(".pd-next").click()
    expect(page.locator(".pd-path li")).to_have_count(2)
    page.locator(".pd-exit").click()
    page.wait_for_url(EXIT_URL)
    page.go_back()  # back does not return to the answers
    expect(page.locator(".pd-step form[data-question=asking_for]")).to_be_visible()
    expect(page.locator(".pd-path li")).to_have_count(0)
    expect(page.locator("#pd-asking_for-0")).not_to_be_checked()

    # Escape three times does the same, from anywhere on the page.
    page.locator("#pd-asking_for-1").check()
    page.locator(".pd-next").click()
    expect(page.locator(".pd-path li")).to_have_count(1)
    for _ in range(3):
        page.keyboard.press("Escape")
    page.wait_for_url(EXIT_URL)
    page.go_back()
    expect(page.locator(".pd-step form[data-question=asking_for]")).to_be_visible()
    expect(page.locator(".pd-path li")).to_have_count(0)

"""Nothing leaves the device: every built page, crawled in Chromium over HTTP with the
site's features used (search, print view, dark scheme, the guide walked to a result),
asks only its own origin for anything and breaks no rule of its Content-Security-Policy.

Three independent witnesses: Playwright's request events (pages, workers and the
service worker), the test server's own access log (it also sees what Playwright
misses, such as the favicon), and violation reports the browser sends to the test
server for every context, workers included (`report-uri`, added by the test server
only). Chromium is launched so that every other host fails to resolve (conftest)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from guide_walk import wait_ready, walk
from playwright.sync_api import BrowserContext, Page, expect

from sitegen.server import page_urls, serving

RECORD_VIOLATIONS = """
window.__pdViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__pdViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`);
}, true);
"""
# A violation made on purpose at the end: its report shows the report channel works
# and that every earlier report has had time to arrive.
SENTINEL = """() => {
  const s = document.createElement("script");
  s.textContent = "window.__pdSentinelRan = true";
  document.head.append(s);
}"""


class Witness:
    def __init__(self, url: str, log: Path, reports: Path) -> None:
        self.url, self.log, self.reports = url, log, reports

    def requested_paths(self) -> set[str]:
        lines = self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []
        return {line.split(" ", 1)[1] for line in lines if line.startswith("GET ")}

    def report_lines(self) -> list[str]:
        return self.reports.read_text(encoding="utf-8").splitlines() if self.reports.exists() else []


@pytest.fixture
def witness(site_dir: Path, tmp_path: Path) -> Iterator[Witness]:
    log, reports = tmp_path / "access.log", tmp_path / "reports.log"
    with serving(site_dir, log_path=log, report_path=reports) as (url, _):
        yield Witness(url, log, reports)


SEARCHES = {"/": "Meissner", "/es/": "deportación"}  # each language has its own index


def use_features(page: Page, path: str) -> None:
    """What a reader can do on the page without leaving it."""
    if path in SEARCHES:
        page.keyboard.press("s")  # Material hides the search box at desktop width
        page.locator("input.md-search__input").press_sequentially(SEARCHES[path])  # key by key, as a reader types
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
        page.keyboard.press("Escape")
        page.emulate_media(color_scheme="dark")  # site.css follows the system's scheme; there is no toggle
        page.evaluate("document.body.offsetHeight")
        page.emulate_media(color_scheme="light")
    if page.locator("#pd-guide").count():
        wait_ready(page)
        walk(page, {"stage": "in_proceedings", "detained": False, "has_attorney": True})
    if page.locator(".md-clipboard").count():  # code copy (none while the feature is off)
        page.locator(".md-clipboard").first.click()
    page.emulate_media(media="print")  # every page's print view (handouts, checklists)
    page.evaluate("document.body.offsetHeight")  # lay the page out as printed
    page.emulate_media(media="screen")


def test_every_page_asks_only_its_own_origin_and_breaks_no_policy(
    context: BrowserContext, site_dir: Path, witness: Witness
) -> None:
    urls = page_urls(site_dir)
    assert len(urls) >= 150 and {"/guide/", "/404.html", "/es/guide/", "/es/404.html"} <= set(urls)
    assert_only_own_origin(context, witness, urls)


def assert_only_own_origin(context: BrowserContext, witness: Witness, urls: list[str]) -> None:
    """Each page at `urls`, its features used, asks only its own origin and breaks no rule of its policy."""
    context.add_init_script(RECORD_VIOLATIONS)
    current = {"page": ""}
    seen: list[tuple[str, str]] = []
    context.on("request", lambda r: seen.append((current["page"], r.url)))
    page = context.new_page()
    violations: list[str] = []
    for path in urls:
        current["page"] = path
        page.goto(witness.url + path)
        use_features(page, path)
        violations += [f"{path}: {v}" for v in page.evaluate("window.__pdViolations")]

    page.evaluate(SENTINEL)
    assert page.evaluate("window.__pdViolations.length") > 0 and not page.evaluate("window.__pdSentinelRan === true")
    for _ in range(100):
        if any('"blocked-uri":"inline"' in line for line in witness.report_lines()):
            break
        page.wait_for_timeout(100)
    reports = [line for line in witness.report_lines() if '"blocked-uri":"inline"' not in line]
    sentinel = [line for line in witness.report_lines() if '"blocked-uri":"inline"' in line]

    origin = urlparse(witness.url)
    offsite = [
        f"{p}: {u}"
        for p, u in seen
        if urlparse(u).scheme not in ("data", "blob") and urlparse(u).netloc != origin.netloc
    ]
    assert not offsite, f"requests to other hosts: {offsite}"
    assert not violations, violations
    assert len(sentinel) == 1, "the browser's violation reports did not reach the test server"
    assert not reports, f"violations reported by pages, workers or the service worker: {reports}"
    # The server saw nothing that the browser's request events did not (bar the favicon).
    playwright_paths = {urlparse(u)._replace(scheme="", netloc="").geturl() for _, u in seen}
    unexplained = {p for p in witness.requested_paths() - playwright_paths if "favicon" not in p}
    assert not unexplained, unexplained

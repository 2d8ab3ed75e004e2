"""Privacy and offline figures for the built site, in Debian's Chromium:

- every built page crawled over HTTP (print view included, the guide walked to a
  result): requests seen, how many went to the site's own origin, CSP violations
  (in-page events, and reports from every context: pages, workers, the service worker);
- the guide walked to a result online (first visit) against the same walk offline
  after that one visit (server stopped, browser offline, the service worker's copy).

Usage: .venv/bin/python bench/privacy.py   (PD_SITE_DIR picks another built site)
Figures are printed, never asserted: the tests assert the promises.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from guide_walk import wait_ready, walk  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from sitegen.chromium import ARGS, EXECUTABLE  # noqa: E402
from sitegen.server import page_urls, serving  # noqa: E402

SITE = Path(os.environ.get("PD_SITE_DIR") or ROOT / "site")
RECORD = """window.__pdViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__pdViolations.push(e.effectiveDirective), true);"""
PLAN = {"stage": "in_proceedings", "detained": False, "circumstances": "none", "has_attorney": False}
STORED = """async (n) => { for (let i = 0; i < 600; i++) {
  let count = 0;
  for (const name of await caches.keys()) count += (await (await caches.open(name)).keys()).length;
  if (count >= n) return count;
  await new Promise((r) => setTimeout(r, 100));
} return -1; }"""


def crawl(browser, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    log, reports = tmp / "access.log", tmp / "reports.log"
    with serving(SITE, log_path=log, report_path=reports) as (url, _):
        context = browser.new_context()
        context.add_init_script(RECORD)
        seen: list[str] = []
        context.on("request", lambda r: seen.append(r.url))
        page = context.new_page()
        violations = 0
        urls = page_urls(SITE)
        started = time.perf_counter()
        for path in urls:
            page.goto(url + path)
            if page.locator("#pd-guide").count():
                wait_ready(page)
                walk(page, PLAN)
            page.emulate_media(media="print")
            page.evaluate("document.body.offsetHeight")
            page.emulate_media(media="screen")
            violations += page.evaluate("window.__pdViolations.length")
        elapsed = time.perf_counter() - started
        page.wait_for_timeout(1000)  # let late violation reports arrive
        context.close()
    own = urlparse(url).netloc
    same = sum(1 for u in seen if urlparse(u).netloc == own)
    served = [line for line in log.read_text().splitlines() if line.startswith("GET ")]
    reported = len(reports.read_text().splitlines()) if reports.exists() else 0
    print(f"pages crawled:              {len(urls)} in {elapsed:.1f} s (print view of each; guide walked to a result)")
    print(f"requests seen (Playwright): {len(seen)}, same-origin {same}, other hosts {len(seen) - same}")
    print(f"requests the server logged: {len(served)} (no other host can resolve)")
    print(f"CSP violations:             {violations} in pages, {reported} reported by any context (workers included)")


def walk_time(page) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    wait_ready(page)
    walk(page, PLAN)
    return time.perf_counter() - started


def offline(browser) -> None:  # type: ignore[no-untyped-def]
    sw = (SITE / "sw.js").read_text(encoding="utf-8")
    manifest = json.loads(re.search(r"/\*PD-MANIFEST\*/ (.*?) /\*PD-MANIFEST\*/", sw, re.S).group(1))
    # What a first visit to the English guide stores: the shared assets, the English pages, Python.
    files = len(manifest["precache"]) + len(manifest["guide"]) + len(manifest["pages"]["en"])
    context = browser.new_context()
    page = context.new_page()
    with serving(SITE) as (url, _):
        started = time.perf_counter()
        page.goto(url + "/guide/")
        online = walk_time(page)
        online_total = time.perf_counter() - started
        t0 = time.perf_counter()
        page.evaluate("navigator.serviceWorker.ready")
        stored = page.evaluate(STORED, files)
        cache_wait = time.perf_counter() - t0
    context.set_offline(True)  # and the server is stopped
    started = time.perf_counter()
    page.reload()
    offline_walk = walk_time(page)
    offline_total = time.perf_counter() - started
    context.close()
    print(f"online, first visit:        guide opened and walked to a result in {online_total:.2f} s")
    print(f"                            (engine ready + walk: {online:.2f} s)")
    print(f"  service worker's copy:    {stored} of {files} files stored {cache_wait:.2f} s after that")
    print(f"offline, after that visit:  guide reloaded and walked to a result in {offline_total:.2f} s")
    print(f"                            (engine ready + walk: {offline_walk:.2f} s)")


def main() -> None:
    if not (SITE / "sw.js").exists():
        raise SystemExit(f"{SITE} is not built: python -m sitegen.build")
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=EXECUTABLE, args=ARGS)
        crawl(browser, Path(tmp))
        offline(browser)
        browser.close()


if __name__ == "__main__":
    main()

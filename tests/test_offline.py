"""Works offline after one visit, and never keeps stale law: an organizer opens the site
and the guide once with a signal, then at an event with none they can still walk the
guide to a result and open (and print) a checklist. When a new build is deployed, the
next visit with a signal shows the new content and the old copy is deleted."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from guide_walk import expected_options, shown_options, wait_ready, walk
from playwright.sync_api import BrowserContext, expect

from sitegen.server import serving

ROOT = Path(__file__).resolve().parent.parent
CHANGE = "A sentence that only the second build has."
# Waits (in the page) until the service worker's caches hold `urls` (and are exactly
# `names`, when given), or `ms` pass; returns what it found. A wait, not a timed assert.
STORED = """async ({ names, urls, ms }) => {
  const deadline = Date.now() + ms;
  for (;;) {
    const keys = await caches.keys();
    const have = new Set();
    for (const name of keys) for (const r of await (await caches.open(name)).keys()) have.add(r.url);
    const missing = urls.filter((u) => !have.has(u));
    const namesOk = !names || JSON.stringify(keys) === JSON.stringify(names);
    if ((namesOk && missing.length === 0) || Date.now() > deadline) return { keys, missing };
    await new Promise((r) => setTimeout(r, 200));
  }
}"""


def sw_manifest(site: Path) -> dict:
    text = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"/\*PD-MANIFEST\*/ (.*?) /\*PD-MANIFEST\*/", text, re.S).group(1))


def build_with_a_changed_page(tmp: Path) -> Path:
    """A real second build (mkdocs with the project's hooks) from a copy of docs/ in
    which the About page has one more sentence."""
    docs = tmp / "docs"
    shutil.copytree(ROOT / "docs", docs)
    with (docs / "about.md").open("a", encoding="utf-8") as about:
        about.write(f"\n{CHANGE}\n")
    config = tmp / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n"
        f"hooks:\n  - {ROOT / 'sitegen' / 'hooks.py'}\n",
        encoding="utf-8",
    )
    site = tmp / "site2"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    return site


def test_after_one_visit_the_site_works_offline_and_a_new_build_replaces_it(
    context: BrowserContext, site_dir: Path, tmp_path: Path
) -> None:
    manifest = sw_manifest(site_dir)
    log = tmp_path / "access.log"
    page = context.new_page()
    with serving(site_dir, log_path=log) as (url, httpd):
        port = httpd.server_address[1]
        page.goto(url + "/")
        english = [f"{url}/{p.removeprefix('./')}" for p in manifest["precache"] + manifest["pages"]["en"]]
        found = page.evaluate(STORED, {"names": None, "urls": english, "ms": 60_000})
        assert found["keys"] == [f"pd-site-{manifest['build']}"] and found["missing"] == []
        assert not [line for line in log.read_text().splitlines() if "/pyodide/" in line], (
            "a reader who never opens the guide never downloads Python"
        )
        assert not [line for line in log.read_text().splitlines() if line.startswith("GET /es/")], (
            "a reader of English pages does not download the Spanish ones"
        )
        page.goto(url + "/es/")  # one Spanish page: the Spanish site is stored too
        spanish = [f"{url}/{p}" for p in manifest["pages"]["es"]]
        assert spanish and all("/es/" in u for u in spanish)
        assert page.evaluate(STORED, {"names": None, "urls": spanish, "ms": 60_000})["missing"] == []

        page.goto(url + "/guide/")
        wait_ready(page)
        python = [f"{url}/{p}" for p in manifest["guide"]]
        assert page.evaluate(STORED, {"names": None, "urls": python, "ms": 60_000})["missing"] == []
    # The server is gone and the browser is offline: nothing can be downloaded.
    context.set_offline(True)

    page.reload()
    wait_ready(page)
    facts = walk(page, {"stage": "in_proceedings", "detained": False, "circumstances": "none", "has_attorney": False})
    assert shown_options(page) == expected_options(facts)
    # The Spanish guide too: its page was stored on the first visit, and Python is shared.
    page.goto(url + "/es/guide/")
    wait_ready(page)
    facts = walk(page, {"stage": "final_order", "detained": False, "circumstances": "none", "has_attorney": True})
    assert shown_options(page) == expected_options(facts)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    # and searching in Spanish: the Spanish index and lunr's Spanish stemmer were stored.
    page.goto(url + "/es/")
    page.locator("input.md-search__input").press_sequentially("deportación", delay=50)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)

    page.goto(url + "/checklists/request-packet/")
    expect(page.locator("h1")).to_contain_text("The request packet")
    expect(page.locator(".pd-built")).to_contain_text("Built on")  # how old this copy is
    page.emulate_media(media="print")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".md-header")).to_be_hidden()
    page.emulate_media(media="screen")

    # A new build is deployed at the same address; the reader comes back online.
    site2 = build_with_a_changed_page(tmp_path)
    new_build = sw_manifest(site2)["build"]
    assert new_build != manifest["build"]
    context.set_offline(False)
    with serving(site2, port=port) as (url2, _):
        assert url2 == url
        page.goto(url + "/about/")
        expect(page.locator("article")).to_contain_text(CHANGE)
        found = page.evaluate(STORED, {"names": [f"pd-site-{new_build}"], "urls": [f"{url}/about/"], "ms": 60_000})
        assert found == {"keys": [f"pd-site-{new_build}"], "missing": []}, "the old build's copy is deleted"
        cached = page.evaluate(
            "async (u) => (await (await caches.match(u)) || new Response('')).text()",
            f"{url}/about/",
        )
        assert CHANGE in cached
    page.close()

"""Nothing is stored without the reader asking: after a walk through the guide, the
browser holds no cookie, no localStorage, no sessionStorage and no IndexedDB. The
one thing kept is the service worker's copy of the site's own files, which holds
no answers: only this site's URLs from the build's list, none with a query string."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from guide_walk import expected_options, shown_options, wait_ready, walk
from playwright.sync_api import BrowserContext, Page

STORED = """async () => {
  const cached = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
  }
  return {
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((db) => db.name),
    cacheNames: await caches.keys(),
    cached,
  };
}"""


def sw_manifest(site: Path) -> dict:
    text = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"/\*PD-MANIFEST\*/ (.*?) /\*PD-MANIFEST\*/", text, re.S).group(1))


@pytest.mark.parametrize("guide", ["/guide/", "/es/guide/"])
def test_a_walk_through_the_guide_leaves_nothing_behind(
    page: Page, context: BrowserContext, base_url: str, site_dir: Path, guide: str
) -> None:
    page.goto(base_url + guide)
    wait_ready(page)
    facts = walk(
        page,
        {
            "stage": "final_order",
            "detained": True,
            "mandatory_detention": False,
            "circumstances": ["serious_medical"],
            "has_attorney": False,
        },
    )
    assert shown_options(page) == expected_options(facts)
    page.evaluate("navigator.serviceWorker.ready")  # the offline copy is in place before we look

    stored = page.evaluate(STORED)
    assert context.cookies() == []
    assert stored["localStorage"] == []
    assert stored["sessionStorage"] == []
    assert stored["indexedDB"] == []
    manifest = sw_manifest(site_dir)
    assert stored["cacheNames"] == [f"pd-site-{manifest['build']}"]
    site_files = manifest["precache"] + manifest["guide"] + [p for pages in manifest["pages"].values() for p in pages]
    allowed = {f"{base_url}/{p.removeprefix('./')}" for p in site_files}
    assert stored["cached"], "the service worker keeps the site's files for offline use"
    not_site_files = [u for u in stored["cached"] if u not in allowed or urlparse(u).query or urlparse(u).fragment]
    assert not not_site_files, not_site_files
    assert page.evaluate("window.name") == ""

"""The knowledge site as a reader meets it: real pages, over HTTP, in Chromium."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from pdlogic.data import compiled
from sitegen.text import en


def test_home_page_has_its_title_and_navigation(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    expect(page).to_have_title(re.compile("Prosecutorial Discretion Guide"))
    nav = page.locator("nav.md-nav--primary")
    for section in ("The guide", "Get help now", "Options by stage", "Guidance library"):
        expect(nav.get_by_text(section, exact=True).first).to_be_attached()


def test_every_page_says_information_not_legal_advice(page: Page, base_url: str) -> None:
    page.goto(base_url + "/basics/what-is-pd/")
    expect(page.locator("footer")).to_contain_text("Information, not legal advice")
    expect(page.locator(".pd-reviewed")).to_contain_text("Last reviewed:")


def test_search_finds_a_word_from_a_page(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.keyboard.press("s")  # Material hides the search box at desktop width
    # Typed key by key: fill() can land before Material's search is listening.
    page.locator("input.md-search__input").press_sequentially("Meissner", delay=50)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=45_000)  # the search index builds in a worker
    expect(page.locator(".md-search-result")).to_contain_text("Meissner")


def test_library_has_a_page_for_every_registry_entry(page: Page, base_url: str) -> None:
    for sid, doc in compiled()["sources"].items():
        response = page.request.get(f"{base_url}/library/{sid}/")
        assert response.status == 200, sid
        assert en(doc["title"]).split()[0] in response.text()


def test_no_page_loads_python_except_the_guide(page: Page, base_url: str) -> None:
    wasm: list[str] = []
    page.on("request", lambda r: wasm.append(r.url) if "pyodide" in r.url else None)
    for path in ("/", "/basics/what-is-pd/", "/options/in-proceedings/", "/library/meissner-2000/"):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    assert wasm == []


def test_every_link_inside_the_site_leads_to_a_built_file(site_dir: Path) -> None:
    """Links written as HTML (between languages, to the offline kit) are not checked by MkDocs:
    every relative href and src on every built page must name a file the build wrote."""
    broken = []
    for path in sorted(site_dir.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        url = "/" + path.relative_to(site_dir).as_posix()
        base = url if path.name == "404.html" else url.rsplit("/", 1)[0] + "/"
        for target in re.findall(r'(?:href|src)="([^"#?]+)[^"]*"', page):
            if re.match(r"^[a-z][a-z0-9+.-]*:|^//", target):  # another scheme or host: not ours
                continue
            if path.name == "404.html" and not target.startswith("/"):
                continue  # the 404 page is served at any address: its links are absolute
            resolved = posixpath.normpath(posixpath.join(base, target)) if not target.startswith("/") else target
            file = site_dir / resolved.lstrip("/")
            if not (file.is_file() or (file / "index.html").is_file()):
                broken.append(f"{url}: {target}")
    assert not broken, "\n".join(broken[:30])

"""The site's rules for every page, checked on the built site and on builds that must fail.

- Every registry entry has its library page; every stage, option and checklist its page.
- Every page says when a person last reviewed it and that it is information, not legal
  advice; a page without a reviewed date does not build.
- ICE's tip line appears nowhere, and a page that shows it does not build.
- The only phone numbers on the site are those in decision_tree/contacts.yaml.
- Links to other sites carry rel="noreferrer".
- A page that describes policies says which, and names what is in force today.
- Abbreviations explain themselves on hover.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from built import as_of
from mkdocs.utils.meta import get_data
from playwright.sync_api import Page, expect
from site_copy import build_copy

from pdlogic import engine
from pdlogic.data import compiled
from sitegen import congress, pages
from sitegen.text import en

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# ICE's tip line, written any way a person might write it.
TIP_LINE = re.compile(rb"DHS[\s.-]?2[\s.-]?ICE|347[\s.-]?2423", re.IGNORECASE)
# A North American phone number: 800-898-7180, 1-888-351-4024, (202) 555-0100, +1 202.555.0100.
PHONE = re.compile(r"(?<![\w-])(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?(\d{3})[\s.-](\d{4})(?![\w-])")
# A number spelled with letters, like the tip line's 1-866-DHS-2-ICE.
VANITY = re.compile(r"\b(?:1-)?8\d{2}-(?=[0-9A-Z-]*[A-Z])[0-9A-Z]{1,7}(?:-[0-9A-Z]{1,4}){0,3}\b")
TAG = re.compile(r"<[^>]+>")
INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|small|span|strong|sub|sup)\b[^>]*>")


@pytest.fixture(scope="module")
def html_pages(site_dir: Path) -> dict[str, str]:
    """The English site (the Spanish one under es/ is specified in test_spanish_site.py)."""
    return {
        p.relative_to(site_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in site_dir.rglob("*.html")
        if not p.relative_to(site_dir).as_posix().startswith("es/")
    }


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return compiled()


def text_of(page_html: str) -> str:
    """The words a reader sees in the page's article, tags removed."""
    start, end = page_html.find("<article"), page_html.find("</article>")
    body = page_html[start:end] if start >= 0 else page_html
    return re.sub(r"\s+", " ", html.unescape(TAG.sub(" ", INLINE_TAG.sub("", body))))


def built_path(src_uri: str) -> str:
    """docs/basics/what-is-pd.md -> basics/what-is-pd/index.html (use_directory_urls)."""
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def page_sources(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Front matter of every page: hand-written in docs/ and generated from decision_tree/."""
    metas: dict[str, dict[str, Any]] = {}
    for path in sorted(DOCS.rglob("*.md")):
        src = path.relative_to(DOCS).as_posix()
        if not src.startswith("includes/") and not re.search(r"\.[a-z]{2}\.md$", src):  # English pages
            metas[src] = get_data(path.read_text(encoding="utf-8"))[1]
    for src, markdown in pages.generated_pages(data, as_of()).items():
        metas[src] = get_data(markdown)[1]
    return metas


# --- Generated pages -------------------------------------------------------------------


def test_every_registry_entry_has_its_library_page_with_title_and_status(
    html_pages: dict[str, str], data: dict[str, Any]
) -> None:
    index = html_pages["library/index.html"]
    timeline = text_of(html_pages["library/timeline/index.html"])
    for sid, doc in data["sources"].items():
        page = html_pages.get(f"library/{sid}/index.html")
        assert page is not None, f"library/{sid}/ was not generated"
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
        assert heading and text_of(heading.group(1)).strip().rstrip("¶").strip() == en(doc["title"]), sid
        assert 'class="pd-badge' in page, f"library/{sid}/ shows no status badge"
        assert f'href="{sid}/"' in index, f"the library index does not link to {sid}"
        assert en(doc["title"]) in timeline, f"the timeline does not list {sid}"


def test_every_stage_option_and_checklist_has_its_page(html_pages: dict[str, str], data: dict[str, Any]) -> None:
    for sid, slug in pages.STAGE_PAGES.items():
        page = html_pages.get(f"options/{slug}/index.html")
        assert page is not None, f"options/{slug}/ was not generated"
        for oid in data["stages"][sid]["options"]:
            assert f'id="{oid}"' in page, f"options/{slug}/ has no section #{oid}"
    for cid in data["checklist_pages"]:
        assert f"checklists/{cid}/index.html" in html_pages, f"checklists/{cid}/ was not generated"


# --- Reviewed date and disclaimer ------------------------------------------------------


def test_every_page_carries_its_reviewed_date_and_the_disclaimer(html_pages: dict[str, str]) -> None:
    reviewed = re.compile(
        r'<p class="pd-reviewed">Last reviewed: [A-Z][a-z]{2,4}\.? \d{1,2}, \d{4}\. '
        r"Information, not legal advice: talk to a lawyer or accredited representative about your case\.</p>"
    )
    assert len(html_pages) > 90, "fewer pages than the registry alone generates"
    for name, page in html_pages.items():
        assert "Information, not legal advice" in page, f"{name} lacks the disclaimer"
        if name == "404.html":
            continue  # the theme's error page: no content to review, the footer's disclaimer only
        assert len(reviewed.findall(page)) == 1, f"{name} lacks its 'Last reviewed' line (or has two)"


def build_a_copy(tmp_path: Path, page: str, edit: Any) -> subprocess.CompletedProcess[str]:
    """A build of the site with one page of docs/ edited."""

    def change(docs: Path) -> None:
        target = docs / page
        target.write_text(edit(target.read_text(encoding="utf-8")), encoding="utf-8")

    return build_copy(tmp_path, change)


def test_a_page_without_a_reviewed_date_does_not_build(tmp_path: Path) -> None:
    run = build_a_copy(tmp_path, "basics/what-is-pd.md", lambda text: re.sub(r"(?m)^last_reviewed:.*\n", "", text))
    assert run.returncode != 0
    assert "docs/basics/what-is-pd.md: front matter needs last_reviewed" in run.stdout + run.stderr
    assert not (tmp_path / "site" / "basics" / "what-is-pd" / "index.html").exists()


# --- ICE's tip line and phone numbers --------------------------------------------------


def test_the_tip_line_appears_nowhere_in_the_built_site(site_dir: Path) -> None:
    found = [
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*")
        if p.is_file() and TIP_LINE.search(p.read_bytes())
    ]
    assert not found, f"ICE's tip line is in {found}"


@pytest.mark.parametrize("written", ["1-866-DHS-2-ICE", "1-866-347-2423"])
def test_a_page_showing_the_tip_line_does_not_build(tmp_path: Path, written: str) -> None:
    run = build_a_copy(tmp_path, "help/finding-legal-help.md", lambda text: text + f"\nCall {written}.\n")
    assert run.returncode != 0
    assert "help/finding-legal-help.md: contains a number for reporting people to ICE" in run.stdout + run.stderr


# The pages made from data/congress/ (issue 17) also show the offices of members of Congress.
CONGRESS_PAGES = ("help/your-members/", "organizers/contact-your-members/")


def test_the_only_phone_numbers_are_the_published_contacts(html_pages: dict[str, str], data: dict[str, Any]) -> None:
    published = {re.sub(r"\D", "", c["value"])[-10:] for c in data["contacts"].values() if c["kind"] == "phone"}
    assert published, "contacts.yaml lists no phone number"
    offices = {
        re.sub(r"\D", "", phone)[-10:]
        for m in congress.load().members
        for phone in (m.dc_phone, *(o.phone for o in m.offices))
        if phone
    }
    strays: list[tuple[str, str]] = []
    for name, page in html_pages.items():
        allowed = published | (offices if any(c in name for c in CONGRESS_PAGES) else set())
        words = text_of(page)
        strays += [(name, m.group(0)) for m in PHONE.finditer(words) if "".join(m.groups()) not in allowed]
        strays += [(name, m.group(0)) for m in VANITY.finditer(words)]
        strays += [
            (name, tel)
            for tel in re.findall(r'href="tel:([^"]*)"', page)
            if re.sub(r"\D", "", tel)[-10:] not in allowed
        ]
    assert not strays, f"phone numbers that are not in decision_tree/contacts.yaml (or data/congress/): {strays}"


def test_the_handout_shows_each_government_line_with_its_source(
    html_pages: dict[str, str], data: dict[str, Any]
) -> None:
    page = html_pages["organizers/handout/index.html"]
    for cid in ("ice-ero-detention-line", "eoir-case-status-line"):
        contact = data["contacts"][cid]
        assert contact["value"] in text_of(page), f"the handout does not show {cid}"
        assert f'href="../../library/{contact["source"]}/"' in page, f"the handout does not cite where {cid} comes from"


# --- Outside links ---------------------------------------------------------------------


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs))


def test_links_to_other_sites_carry_noreferrer(html_pages: dict[str, str], site_dir: Path) -> None:
    own = re.search(r"<loc>([^<]+)</loc>", (site_dir / "sitemap.xml").read_text(encoding="utf-8"))
    assert own, "sitemap.xml names no address"
    outside = 0
    missing: list[tuple[str, str | None]] = []
    for name, page in html_pages.items():
        parser = Links()
        parser.feed(page)
        for link in parser.links:
            href = link.get("href") or ""
            if not re.match(r"https?://", href) or href.startswith(own.group(1)):
                continue
            outside += 1
            if "noreferrer" not in (link.get("rel") or "").split():
                missing.append((name, href))
    assert outside > 0, "no outside link found: the check would prove nothing"
    assert not missing, f"outside links without rel=noreferrer: {missing}"


# --- Which rules a page describes ------------------------------------------------------


def test_pages_that_describe_policies_say_which_and_what_is_in_force_today(
    html_pages: dict[str, str], data: dict[str, Any]
) -> None:
    """Each names the rules it describes and today's; today's are "in force today" only up to
    the day a source last showed them so, and "the latest we know of" after it (test_calendar)."""
    current_id = engine.default_policy(data, as_of())
    current = en(data["policies"][current_id]["title"])
    checked = data["sources"][data["policies"][current_id]["source"]]["verified_through"]
    in_force = as_of() <= dt.date.fromisoformat(checked)
    described = {
        src: meta["describes_policies"] for src, meta in page_sources(data).items() if meta.get("describes_policies")
    }
    assert described, "no page declares describes_policies: the check would prove nothing"
    for src, policies in described.items():
        words = text_of(html_pages[built_path(src)])
        assert "Which rules this page describes" in words, f"{src} has no notice of the rules it describes"
        today = (
            [f"In force today: {current}.", f"the rules in force today: {current}."]
            if in_force
            else [f"Latest rules we know of: {current} (last checked", f"the latest rules we know of: {current}."]
        )
        assert any(t in words for t in today), f"{src} does not name today's rules as it should ({today})"
        if policies != [current_id]:
            for pid in policies:
                assert en(data["policies"][pid]["short"]) in words, f"{src} does not name {pid}"


# --- Abbreviations ---------------------------------------------------------------------


def test_an_abbreviation_explains_itself_on_hover(page: Page, base_url: str) -> None:
    page.goto(base_url + "/basics/what-is-pd/")
    abbr = page.locator("article abbr[title]", has_text="DHS").first
    expect(abbr).to_have_attribute("title", "Department of Homeland Security")
    abbr.hover()
    expect(page.locator(".md-tooltip2--active")).to_contain_text("Department of Homeland Security")


# --- Reading grade ---------------------------------------------------------------------


def test_the_readability_script_prints_a_grade_for_every_public_page(data: dict[str, Any]) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "readability.py")], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    public = [src for src, meta in page_sources(data).items() if meta.get("audience") == "public"]
    assert public, "no page declares audience: public"
    for src in public:
        assert re.search(rf"^\s*\d+\.\d\s+\d+\s+public\s+{re.escape(src)}\b", run.stdout, re.M), f"no grade for {src}"

"""Issue 8: the Spanish edition. A Spanish-speaking reader goes through the whole public
side of the site and the guide at the English addresses under /es/, meets no English but
official names, is told when a translation is not yet reviewed, searches in Spanish, and
keeps their place (the page, the guide's path) when switching language.

The built site is read as files for what every page must carry, and driven in Debian's
Chromium for what a reader does.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from built import as_of, pin_clock
from guide_walk import answer_until, path_labels, shown_options, wait_ready, walk
from mkdocs.utils.meta import get_data
from playwright.sync_api import Browser, Page, expect
from site_copy import build_copy
from test_guide_engine import WALKS, agree, restart

from pdlogic.data import compiled
from pdlogic.engine import default_policy
from sitegen.pages import generated_pages
from sitegen.text import GUIDE_TEXT, SITE_TEXT, table

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def public_pages() -> list[str]:
    """The source path of every page the public reads: hand-written and generated."""
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        rel = path.relative_to(DOCS).as_posix()
        if rel.startswith("includes/") or re.search(r"\.[a-z]{2}\.md$", rel):
            continue
        if get_data(path.read_text(encoding="utf-8"))[1].get("audience") == "public":
            found.append(rel)
    for rel, text in generated_pages(compiled(), as_of()).items():
        if get_data(text)[1].get("audience") == "public":
            found.append(rel)
    return found


def built(site_dir: Path, rel: str, lang: str) -> Path:
    """Where the build writes a page's `lang` version (use_directory_urls)."""
    stem = rel.removesuffix(".md")
    folder = stem.removesuffix("index").rstrip("/")
    prefix = "" if lang == "en" else f"{lang}/"
    return site_dir / prefix / folder / "index.html" if folder else site_dir / prefix / "index.html"


def article_text(page_html: str, marked_english: bool = False) -> str:
    """What a reader reads: the page's words without tags or tooltips, spaces tidied. Official
    names and practitioners' notes are marked lang="en" on Spanish pages; they are left out
    unless `marked_english`."""
    body = page_html.split("<body", 1)[1]
    body = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", body, flags=re.S)
    if not marked_english:
        body = re.sub(r'<(span|a)\b[^>]* lang="en"[^>]*>.*?</\1>', " ", body, flags=re.S)
    body = re.sub(r'\stitle="[^"]*"', " ", body)  # abbreviation tooltips: official names
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())
    return re.sub(r" ([.,;:)])", r"\1", text)


def english_words() -> list[str]:
    """Every English sentence the site itself writes (not the law's data), in pieces between
    placeholders long enough to be unmistakably English."""
    pieces = set()
    for source in (SITE_TEXT, GUIDE_TEXT):
        for value in table(source).values():
            if isinstance(value["en"], list) or value["en"] == value["es"]:
                continue
            for piece in re.split(r"\{\w+\}|\*\*|[()<>\[\]]", value["en"]):
                piece = piece.strip(" .,:;—-*")
                if len(piece) >= 14:
                    pieces.add(piece)
    return sorted(pieces)


PUBLIC = public_pages()


def test_every_public_page_has_its_spanish_page_at_the_same_address_under_es(site_dir: Path) -> None:
    assert len(PUBLIC) >= 20, PUBLIC
    for rel in PUBLIC:
        english, spanish = built(site_dir, rel, "en"), built(site_dir, rel, "es")
        assert english.exists(), rel
        assert spanish.exists(), f"{rel} has no Spanish page at /es/"
        assert '<html lang="es"' in spanish.read_text(encoding="utf-8"), f"{spanish} does not say lang=es"


def test_spanish_pages_show_no_english_words_of_the_site_or_the_theme(site_dir: Path) -> None:
    words = english_words()
    # Material's own English for its parts: the theme must be in Spanish too.
    words += ["Skip to content", "Back to top", "Table of contents", "Made with"]
    assert len(words) > 100
    problems = []
    for path in sorted((site_dir / "es").rglob("index.html")):
        # An English term in parentheses after its Spanish one is the glossary's rule (0006).
        text = re.sub(r"\([^()]{1,40}\)", " ", article_text(path.read_text(encoding="utf-8")))
        problems += [f"{path.relative_to(site_dir)}: {w!r}" for w in words if w in text]
    assert not problems, "\n".join(problems[:40])


def test_the_spanish_data_of_the_guide_is_all_spanish(site_dir: Path) -> None:
    page = (site_dir / "es" / "guide" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="pd-data">(.*?)</script>', page, re.S).group(1))
    assert data["lang"] == "es"

    def languages(value: Any) -> Iterator[str]:
        if isinstance(value, dict):
            if set(value) in ({"en"}, {"es"}):
                yield next(iter(value))
            for item in value.values():
                yield from languages(item)
        elif isinstance(value, list):
            for item in value:
                yield from languages(item)

    found = set(languages(data))
    assert found == {"es"}, f"texts in {found} on the Spanish guide"
    assert set(table(GUIDE_TEXT)) <= set(data["ui"]), "the Spanish guide lacks some of its own words"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_word_the_guide_script_asks_for_is_on_its_page(site_dir: Path, lang: str) -> None:
    """guide.js throws on a missing key rather than show another language: prove none is missing."""
    scripts = sorted((ROOT / "docs" / "assets" / "js").glob("guide*.*js"))
    script = "\n".join(p.read_text(encoding="utf-8") for p in scripts)
    used = set(re.findall(r'\bv?ui\("(\w+)"', script)) | set(re.findall(r'"(state_\w+)"', script)) | {"months"}
    assert len(used) > 80
    page = (site_dir / ("" if lang == "en" else lang) / "guide" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="pd-data">(.*?)</script>', page, re.S).group(1))
    assert not used - set(data["ui"]), (
        f"guide.js asks for words its {lang} page lacks: {sorted(used - set(data['ui']))}"
    )


def test_unreviewed_spanish_says_so_and_english_never_does(site_dir: Path) -> None:
    notice = table(SITE_TEXT)["unreviewed_notice_title"]
    for rel in PUBLIC:
        source = DOCS / rel.replace(".md", ".es.md")
        reviewed = source.exists() and get_data(source.read_text(encoding="utf-8"))[1].get("es_reviewed") is True
        spanish = built(site_dir, rel, "es").read_text(encoding="utf-8")
        assert (notice["es"] in spanish) is not reviewed, f"{rel}: the notice must show exactly when unreviewed"
        assert notice["es"] not in built(site_dir, rel, "en").read_text(encoding="utf-8")
    # The notice leads to the English page, the reference while a reviewer has not checked.
    page = built(site_dir, "basics/stages.md", "es").read_text(encoding="utf-8")
    assert 'href="../../../basics/stages/" hreflang="en"' in page


def test_dates_on_spanish_pages_are_written_the_spanish_way(site_dir: Path) -> None:
    text = article_text((site_dir / "es" / "library" / "johnson-2014" / "index.html").read_text(encoding="utf-8"))
    assert "20 de noviembre de 2014" in text
    assert "Nov. 20, 2014" not in text


def test_each_language_has_its_own_search_index(site_dir: Path) -> None:
    english = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    spanish = json.loads((site_dir / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"] and spanish["config"]["lang"] == ["es"]
    assert not [d for d in english["docs"] if d["location"].startswith("es/")]
    assert any(d["title"] == "Glosario" for d in spanish["docs"])
    assert not any(d["title"] == "Glossary" for d in spanish["docs"])


# ---- in the browser ----


def es(base_url: str, path: str = "/") -> str:
    return f"{base_url}/es{path}"


def test_search_in_spanish_finds_spanish_pages_only(page: Page, base_url: str) -> None:
    page.goto(es(base_url))
    page.locator("input.md-search__input").press_sequentially("deportación", delay=50)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible(timeout=45_000)  # the index builds in a worker
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(min(results.count(), 10))]
    assert hrefs and all("/es/" in h for h in hrefs), hrefs


def switch_language(page: Page, lang: str) -> None:
    """Material's language selector, as a reader uses it: open the menu, choose."""
    page.locator(".md-header__option .md-select").hover()
    page.locator(f".md-select__link[hreflang={lang}]").click()


def test_the_language_selector_keeps_the_page(page: Page, base_url: str) -> None:
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(base_url + "/basics/stages/")
    switch_language(page, "es")
    expect(page).to_have_url(es(base_url, "/basics/stages/"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.goto(es(base_url, "/options/final-order/"))  # a page generated from the data
    switch_language(page, "en")
    expect(page).to_have_url(base_url + "/options/final-order/")
    assert not failed, f"requests that failed on the way: {failed}"


@pytest.fixture(scope="module")
def spanish_guide(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context()
    pin_clock(context, as_of())
    page = context.new_page()
    page.goto(es(base_url, "/guide/"))
    wait_ready(page)
    yield page
    context.close()


@pytest.mark.parametrize(("who", "plan", "older"), WALKS, ids=[w[0] for w in WALKS])
def test_walks_in_spanish_reach_the_same_results(
    spanish_guide: Page, who: str, plan: dict[str, Any], older: str
) -> None:
    page = spanish_guide
    if page.locator(".pd-path li").count():
        restart(page)
    facts = walk(page, plan)
    agree(page, facts, None)
    expect(page.locator("#pd-result-title")).to_have_text(table(GUIDE_TEXT)["result_title"]["es"])
    page.select_option("#pd-policy", older)
    facts |= walk(page, plan)
    agree(page, facts, older)


def test_switching_language_mid_walk_keeps_the_path(page: Page, base_url: str) -> None:
    page.goto(base_url + "/guide/")
    wait_ready(page)
    plan = {"stage": "final_order", "detained": False, "circumstances": ["serious_medical"]}
    asked = answer_until(page, "applications", plan)
    assert path_labels(page) == asked
    switch_language(page, "es")
    expect(page).to_have_url(es(base_url, "/guide/"))  # no answers in the address
    expect(page.locator(".pd-step form")).to_have_attribute("data-question", "applications")
    assert path_labels(page) == asked
    expect(page.locator(".pd-path")).to_contain_text("orden")  # the answers, now in Spanish
    assert page.evaluate("window.name") == "", "the carried answers are cleared on arrival"
    # And back, at the result: the same options.
    wait_ready(page)
    walk(page, {"applications": "none"})
    before = shown_options(page)
    page.locator("article a.pd-language").click()  # the page's own "This page in English" link
    expect(page).to_have_url(base_url + "/guide/")
    expect(page.locator(".pd-result [data-section=options]")).to_be_visible(timeout=90_000)
    assert shown_options(page) == before


def test_a_link_made_in_english_opens_the_same_path_in_spanish(page: Page, base_url: str) -> None:
    page.goto(base_url + "/guide/")
    wait_ready(page)
    walk(page, {"stage": "in_proceedings", "detained": True, "mandatory_detention": False})
    english = shown_options(page)
    page.locator(".pd-result .pd-link").click()
    link = page.locator(".pd-link-url").input_value()
    page.goto(link.replace("/guide/", "/es/guide/"))
    expect(page.locator(".pd-result [data-section=options]")).to_be_visible(timeout=90_000)
    assert shown_options(page) == english
    expect(page).to_have_url(es(base_url, "/guide/"))  # the answers left the address bar


def test_every_spanish_page_says_when_it_was_reviewed_and_that_it_is_not_legal_advice(site_dir: Path) -> None:
    words = table(SITE_TEXT)
    months = "|".join(words["months"]["es"])
    reviewed = re.compile(
        rf'<p class="pd-reviewed">Última revisión: \d{{1,2}} de ({months}) de \d{{4}}\. '
        + re.escape(words["page_footer"]["es"].split("}. ", 1)[1])
        + "</p>"
    )
    pages = sorted((site_dir / "es").rglob("*.html"))
    assert len(pages) > 90
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert words["copyright"]["es"] in page, f"{path} lacks the disclaimer"
        if path.name != "404.html":
            assert len(reviewed.findall(page)) == 1, f"{path} lacks its 'Última revisión' line (or has two)"


def test_spanish_pages_that_describe_policies_say_which_and_what_is_in_force_today(site_dir: Path) -> None:
    data = compiled()
    current_id = default_policy(data, as_of())
    current = data["policies"][current_id]["title"]["es"]
    checked = data["sources"][data["policies"][current_id]["source"]]["verified_through"]
    today = (
        [f"Vigente hoy: {current}.", f"las reglas vigentes hoy: {current}."]
        if as_of() <= dt.date.fromisoformat(checked)
        else [f"Reglas más recientes que conocemos: {current} (", f"las reglas más recientes que conocemos: {current}."]
    )
    notice = table(SITE_TEXT)["policy_notice_title"]["es"]
    checked = 0
    for rel in PUBLIC:
        source = DOCS / rel.replace(".md", ".es.md")
        meta = get_data(source.read_text(encoding="utf-8"))[1] if source.exists() else {}
        if not meta.get("describes_policies"):
            continue
        text = article_text(built(site_dir, rel, "es").read_text(encoding="utf-8"))
        assert notice in text and any(t in text for t in today), rel
        checked += 1
    assert checked >= 3


def test_the_readability_script_prints_a_spanish_figure_for_every_spanish_public_page() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "readability.py")], cwd=ROOT, capture_output=True, text=True, timeout=180
    )
    assert run.returncode == 0, run.stderr
    for rel in PUBLIC:
        name = rel.replace(".md", ".es.md") if (DOCS / rel.replace(".md", ".es.md")).exists() else rel + " (generated)"
        assert re.search(rf"^\s*\d+\.\d\s+-?\d+\.\d\s+\d+\s+public\s+{re.escape(name)}", run.stdout, re.M), name


def test_a_missing_page_is_answered_in_the_readers_language(page: Page, base_url: str) -> None:
    for path, lang in (("/es/no-existe/", "es"), ("/no-such-page/", "en")):
        response = page.goto(base_url + path)
        assert response is not None and response.status == 404
        expect(page.locator("html")).to_have_attribute("lang", lang)


# ---- nothing falls back silently ----


def test_a_public_page_without_its_spanish_page_does_not_build(tmp_path: Path) -> None:
    run = build_copy(tmp_path, lambda docs: (docs / "basics" / "stages.es.md").unlink())
    assert run.returncode != 0
    assert "docs/basics/stages.es.md" in run.stderr, run.stderr[-2000:]


def test_a_text_without_spanish_does_not_build(tmp_path: Path) -> None:
    first = compiled()["questions"][0]["text"]

    def drop_spanish(tree: Path) -> None:
        questions = tree / "questions.yaml"
        text = questions.read_text(encoding="utf-8")
        changed = re.sub(r",\s*es: '" + re.escape(first["es"]).replace("'", "''") + "'", "", text, count=1)
        changed = changed.replace(f', es: "{first["es"]}"', "", 1) if changed == text else changed
        assert changed != text, "the test could not remove the Spanish text"
        questions.write_text(changed, encoding="utf-8")

    run = build_copy(tmp_path, change_tree=drop_spanish)
    assert run.returncode != 0
    assert "no 'es' version" in run.stderr and first["en"] in run.stderr, run.stderr[-2000:]


@pytest.mark.parametrize("page", ["about.md", "about.es.md"])
def test_a_link_to_a_page_the_language_does_not_have_does_not_build(tmp_path: Path, page: str) -> None:
    def link_nowhere(docs: Path) -> None:
        target = docs / page
        target.write_text(target.read_text(encoding="utf-8") + "\n[x](no-such-page.md)\n", encoding="utf-8")

    run = build_copy(tmp_path, link_nowhere)
    assert run.returncode != 0
    assert "no-such-page.md" in run.stderr, run.stderr[-2000:]


def test_a_place_in_a_page_has_the_same_address_in_both_languages(site_dir: Path) -> None:
    """Headings keep their English anchors, so a shared link to a section works in either language."""
    differ = []
    for rel in PUBLIC:
        ids = {}
        for lang in ("en", "es"):
            article = built(site_dir, rel, lang).read_text(encoding="utf-8").split("<article", 1)[1]
            ids[lang] = set(re.findall(r'<h[1-4][^>]* id="([^"]+)"', article.split("</article>", 1)[0]))
        if ids["en"] != ids["es"]:
            differ.append(
                f"{rel}: only English {sorted(ids['en'] - ids['es'])}, only Spanish {sorted(ids['es'] - ids['en'])}"
            )
    assert not differ, "\n".join(differ)


def test_the_home_page_and_the_guide_name_the_other_language_in_its_own_words(page: Page, base_url: str) -> None:
    for path, other, words in (("/", "es", "Esta página en español"), ("/es/guide/", "en", "This page in English")):
        page.goto(base_url + path)
        link = page.locator(f"article a.pd-language[hreflang={other}]")
        expect(link).to_have_text(words)
        expect(link).to_have_attribute("lang", other)
        link.click()
        expected = "/es/" if path == "/" else "/guide/"
        expect(page).to_have_url(base_url + expected)

"""Printouts, checklists and the library as people meet them (issue 16).

- A document that ended for good (rescinded, superseded, withdrawn, reversed) says so with
  the day it ended, however long ago it was last checked; "status unknown" is kept for a
  state that could still have changed since the last check (decision 0008). The library,
  every citation and the guide word it the same way.
- Library pages fit a 390 px phone and print on at most two Letter pages.
- An unreviewed Spanish page says so in one line.
- The pages people print (the handout, each checklist, each library document) have a
  print button; other pages do not.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pypdf
import pytest
from built import as_of
from guide_walk import wait_ready, walk
from playwright.sync_api import Browser, Page, expect

from pdlogic import dates
from pdlogic.data import compiled
from sitegen.server import page_urls
from sitegen.text import LANGUAGES, Words

DATA = compiled()
BADGE = re.compile(r'<span class="pd-badge pd-badge--([a-z_]+)">(.*?)</span>', re.S)


def library_page(site_dir: Path, sid: str, lang: str) -> str:
    prefix = "" if lang == "en" else f"{lang}/"
    return (site_dir / f"{prefix}library/{sid}/index.html").read_text(encoding="utf-8")


def test_every_document_that_ended_says_so_with_its_date_in_the_library(site_dir: Path) -> None:
    day = as_of(site_dir)
    ended = 0
    for sid, doc in DATA["sources"].items():
        last = dates.last_known(doc, day)
        if last is None or last["state"] not in dates.FINAL or doc["status"][-1]["state"] == "published":
            continue
        ended += 1
        for lang in LANGUAGES:
            w = Words(lang)
            found = BADGE.search(library_page(site_dir, sid, lang))
            assert found, f"{lang}/library/{sid}: no status badge"
            state, words = found.group(1), found.group(2)
            want = w("badge_state_on", state=w.state(last["state"]), date=w.date(last["since"]))
            assert state == last["state"] and words.startswith(want), f"{lang}/library/{sid}: {words!r}"
            assert "unknown" not in words and "desconocido" not in words
    assert ended >= 10, "too few ended documents: the check would prove little"


def test_unknown_is_only_for_a_state_that_could_still_have_changed() -> None:
    w = Words("en")
    kelly = DATA["sources"]["kelly-2017"]  # rescinded Jan. 20, 2021, checked that day
    assert w.status_words(kelly, dt.date(2030, 1, 1)) == ("rescinded", "rescinded Jan. 20, 2021")
    meissner = DATA["sources"]["meissner-2000"]  # in force when last checked, long ago
    checked = w.date(meissner["verified_through"])
    assert w.status_words(meissner, dt.date(2030, 1, 1)) == ("unknown", f"status unknown after {checked}")
    assert w.status_words(meissner, dt.date(2001, 1, 1)) == ("in_force", "in force since Nov. 17, 2000")
    assert w.status_words(kelly, dt.date(2017, 1, 1))[0] == dates.NOT_YET


def test_each_library_page_says_when_its_status_was_last_checked(site_dir: Path) -> None:
    for sid, doc in DATA["sources"].items():
        for lang in LANGUAGES:
            w = Words(lang)
            line = w("source_last_checked", date=w.date(doc["verified_through"]))
            assert f'<p class="pd-checked">{line}</p>' in library_page(site_dir, sid, lang), f"{lang}/{sid}"


def test_the_guide_words_each_status_as_the_library_does(page: Page, base_url: str, site_dir: Path) -> None:
    page.goto(base_url + "/guide/")
    wait_ready(page)
    walk(page, {"stage": "final_order", "detained": False, "has_attorney": True})
    cites = page.locator(".pd-result .pd-cite")
    assert cites.count() >= 5
    w, day = Words("en"), as_of(site_dir)
    for i in range(cites.count()):
        sid = cites.nth(i).get_attribute("data-source") or ""
        text = " ".join((cites.nth(i).text_content() or "").split())
        assert text.endswith(f"; {w.status_words(DATA['sources'][sid], day)[1]})"), f"{sid}: {text}"


# --- Phones and paper ----------------------------------------------------------------------


def test_library_pages_fit_a_phone(browser: Browser, base_url: str, site_dir: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        paths = [p for p in page_urls(site_dir) if re.search(r"^(/es)?/library/", p)]
        assert len(paths) > 100
        wide: list[tuple[str, Any]] = []
        for path in paths:
            page.goto(base_url + path)
            over = page.evaluate(
                """() => [...document.querySelectorAll('article *')]
                     .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
                     .slice(0, 2).map((e) => `${e.tagName}.${e.className}`)"""
            )
            if over or page.evaluate("document.documentElement.scrollWidth > innerWidth"):
                wide.append((path, over))
        assert not wide, f"wider than a 390 px phone: {wide[:10]}"
    finally:
        context.close()


@pytest.mark.parametrize("sid", ["mayorkas-2021", "johnson-2014", "daca-rule-2022"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_library_document_prints_on_at_most_two_pages(page: Page, base_url: str, sid: str, lang: str) -> None:
    page.goto(base_url + ("" if lang == "en" else f"/{lang}") + f"/library/{sid}/")
    page.emulate_media(media="print")
    pages = len(pypdf.PdfReader(io.BytesIO(page.pdf(format="Letter"))).pages)
    assert pages <= 2, f"{lang}/library/{sid} prints on {pages} pages"


@pytest.mark.parametrize("path", ["/es/", "/es/help/detained-family-member/", "/es/library/johnson-2014/"])
def test_an_unreviewed_spanish_page_says_so_in_one_line(browser: Browser, base_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(base_url + path)
        notice = page.locator("article .pd-unreviewed")
        expect(notice).to_have_count(1)
        expect(notice).to_contain_text(Words("es")("unreviewed_notice_title"))
        height = notice.evaluate("(e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)")
        assert height < 1.5, f"{path}: the notice takes {height:.1f} lines"
        link = notice.locator("a[hreflang=en]")
        link.click()
        expect(page).to_have_url(base_url + path.removeprefix("/es"))
    finally:
        context.close()


PRINT_SPY = "window.print = () => { window.__pdPrinted = (window.__pdPrinted || 0) + 1; };"


@pytest.mark.parametrize(
    ("path", "printable"),
    [
        ("/organizers/handout/", True),
        ("/es/organizers/handout/", True),
        ("/checklists/request-packet/", True),
        ("/library/johnson-2014/", True),
        ("/", False),
        ("/basics/what-is-pd/", False),
        ("/library/", False),
    ],
)
def test_pages_people_print_have_a_print_button(page: Page, base_url: str, path: str, printable: bool) -> None:
    # The browser's own print dialog cannot be seen from a headless test: the button's call
    # to window.print() is counted instead.
    page.add_init_script(PRINT_SPY)
    page.goto(base_url + path)
    button = page.locator("article button.pd-print")
    if not printable:
        expect(button).to_have_count(0)
        return
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("window.__pdPrinted") == 1
    page.emulate_media(media="print")
    expect(button).to_be_hidden()


# --- Checklists ------------------------------------------------------------------------------


def test_no_page_shows_rule_logic_and_checklists_say_when_an_item_applies_in_plain_words(site_dir: Path) -> None:
    logic = re.compile(r"\((?:When|Cuándo): ")
    for path in site_dir.rglob("*.html"):
        text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))
        assert not logic.search(text), f"{path.relative_to(site_dir)} shows a rule's logic"
    for lang in LANGUAGES:
        prefix = "" if lang == "en" else f"{lang}/"
        page = (site_dir / f"{prefix}checklists/request-packet/index.html").read_text(encoding="utf-8")
        items = [" ".join(re.sub(r"<[^>]+>", "", em).split()) for em in re.findall(r"<em>(.*?)</em>", page, re.S)]
        for cid in ("g28", "privacy_waiver", "a_number"):
            phrase = DATA["checklist"][cid]["applies"][lang]
            assert f"{phrase}:" in items, f"{lang}: {cid} does not say when it applies"


def test_options_pages_say_when_guidance_applied_in_plain_words_never_as_logic(site_dir: Path) -> None:
    """Each rule and each conditional warning on the options-by-stage pages reads as the data's
    plain phrase ("If the person served in the U.S. armed forces"), never as the condition's
    parts ("not: subject to mandatory detention", "had DACA: not known")."""
    logic = re.compile(r"\bnot: |: not known|\bno: |: no se sabe")
    for lang in LANGUAGES:
        prefix = "" if lang == "en" else f"{lang}/"
        for stage, spec in DATA["stages"].items():
            page = site_dir / f"{prefix}options/{stage.replace('_', '-')}/index.html"
            text = " ".join(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")).split())
            assert not logic.search(text), f"{page.relative_to(site_dir)}: {logic.search(text)}"
            for oid in spec["options"]:
                option = DATA["options"][oid]
                for rule in option["rules"]:
                    assert f"{rule['applies'][lang]}." in text, f"{lang} {oid}: rule {rule['id']}"
                for warning in option["warnings"]:
                    if warning["applies"]:
                        phrase = warning["applies"][lang]
                        assert phrase[:1].lower() + phrase[1:] in text, f"{lang} {oid}: warning {warning['id']}"

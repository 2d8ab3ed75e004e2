"""A result a person on a phone can act on (issue 14). At 390x844, for the issue's four readers
in both languages: the answer and the most urgent thing come first, the whole result before
any disclosure is opened is at most four screens, nothing long is said twice; the guide speaks
to the reader the way the first answer asked; copied text keeps the screen's order."""

from __future__ import annotations

import re
from typing import Any

import pytest
from built import as_of, pin_clock
from guide_walk import QUESTIONS, READERS, wait_ready, walk
from playwright.sync_api import Browser, Page, expect

import pdlogic
from pdlogic.data import compiled
from sitegen.text import GUIDE_TEXT, Words

PHONE = {"width": 390, "height": 844}
SCREENS = 4
OTHER = {"/guide/": "/es/guide/", "/es/guide/": "/guide/"}
LANG = {"/guide/": "en", "/es/guide/": "es"}
RUNS = [(who, path, plan) for who, path, plan in READERS] + [
    (f"{who} (other language)", OTHER[path], plan) for who, path, plan in READERS
]

# The result as a reader sees it with nothing opened: its height, its visible text blocks,
# where the answer and the first "what matters now" item end, and every item's urgency.
MEASURE = """
(box) => {
  const top = box.getBoundingClientRect().top;
  const blocks = [];
  for (const n of box.querySelectorAll("p, li, h2, h3, h4, summary")) {
    if (!n.offsetParent || n.querySelector("p, li")) continue;
    blocks.push(n.innerText.replace(/\\s+/g, " ").trim());
  }
  const bottom = (sel) => { const n = box.querySelector(sel); return n ? n.getBoundingClientRect().bottom - top : null; };
  return {
    height: box.getBoundingClientRect().bottom - top,
    blocks,
    answer: bottom("[data-section=answer] .pd-answer__text"),
    first: bottom("[data-section=now] .pd-now > :first-child"),
    urgencies: [...box.querySelectorAll("[data-section=now] .pd-now > *, [data-section=later] .pd-now > *")]
      .map((n) => Number(n.dataset.urgency || 1)),
  };
}
"""


def phone_result(browser: Browser, base_url: str, path: str, plan: dict[str, Any]) -> tuple[Page, dict[str, Any]]:
    context = browser.new_context(viewport=PHONE)
    pin_clock(context, as_of())
    page = context.new_page()
    page.goto(base_url + path)
    wait_ready(page)
    facts = walk(page, plan)
    return page, facts


@pytest.mark.parametrize(("who", "path", "plan"), RUNS, ids=[r[0] for r in RUNS])
def test_the_result_fits_four_phone_screens_and_leads_with_the_answer(
    browser: Browser, base_url: str, who: str, path: str, plan: dict[str, Any]
) -> None:
    page, facts = phone_result(browser, base_url, path, plan)
    try:
        m = page.locator(".pd-result").evaluate(MEASURE)
        assert m["height"] <= SCREENS * PHONE["height"], f"{who}: {m['height'] / PHONE['height']:.1f} screens"
        # The first screen: the answer, and the most urgent thing to know.
        assert m["answer"] is not None and m["answer"] <= PHONE["height"], who
        assert m["first"] is not None and m["first"] <= PHONE["height"], who
        assert m["urgencies"] == sorted(m["urgencies"]), f"{who}: not most urgent first: {m['urgencies']}"
        assert page.locator(".pd-result [data-section=now] .pd-now > *").count() <= 5
        # Each thing is said once.
        long = [b for b in m["blocks"] if len(b) >= 40]
        repeated = sorted({b for b in long if long.count(b) > 1})
        assert not repeated, f"{who}: said more than once: {repeated}"
        # What the engine found is all there: every warning and deadline, each once.
        want = pdlogic.evaluate(pdlogic.prune(facts), None, today=as_of()).to_dict()
        shown = page.locator(
            ".pd-result [data-section=now] [data-warning], .pd-result [data-section=later] [data-warning]"
        )
        said = [shown.nth(i).get_attribute("data-warning") for i in range(shown.count())]
        assert len(said) == len(set(said))
        elsewhere = {"policy_not_in_force_today", "policy_status_unverified", "stage_unknown"}
        assert set(said) == set(want["warnings"]) - elsewhere
    finally:
        page.context.close()


def test_a_detained_person_is_found_first_and_release_heads_the_options(browser: Browser, base_url: str) -> None:
    _, path, plan = READERS[1]
    assert plan["detained"] is True
    page, _ = phone_result(browser, base_url, path, plan)
    try:
        first = page.locator(".pd-result [data-section=now] .pd-now > :first-child")
        expect(first).to_have_attribute("data-now", "find")
        expect(first.locator("a")).to_have_attribute("href", re.compile(r"help/detained-family-member/$"))
        expect(page.locator(".pd-result .pd-option").first).to_have_attribute("data-option", "release")
        # The most urgent court fight for him is in the first items: the bond hearing.
        expect(page.locator(".pd-result [data-section=now] [data-warning=bond_hearing_contested]")).to_have_count(1)
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_guide_speaks_as_the_first_answer_asked(page: Page, base_url: str, lang: str) -> None:
    words = Words(lang, GUIDE_TEXT)
    page.goto(base_url + ("/guide/" if lang == "en" else "/es/guide/"))
    wait_ready(page)
    stage = QUESTIONS["stage"]
    expect(page.locator(".pd-step form[data-question=asking_for]")).to_be_visible()
    page.locator("#pd-asking_for-1").check()  # a family member or friend
    page.locator(".pd-next").click()
    expect(page.locator(".pd-step h2")).to_have_text(words.text(stage["text_someone_else"]))
    expect(page.locator(".pd-step label").nth(2)).to_have_text(words.text(stage["answers"][2]["label_someone_else"]))
    walk(page, {"stage": "in_proceedings", "detained": False})
    expect(page.locator(".pd-result [data-section=options] h3")).to_have_text(
        words.text(table_entry("section_options_someone_else"))
    )
    # Myself: the same questions say "you".
    page.locator(".pd-path .pd-change[data-question=asking_for]").click()
    page.locator("#pd-asking_for-0").check()
    page.locator(".pd-next").click()
    expect(page.locator(".pd-result [data-section=options] h3")).to_have_text(
        words.text(table_entry("section_options"))
    )
    page.locator(".pd-path .pd-change[data-question=stage]").click()
    expect(page.locator(".pd-step h2")).to_have_text(words.text(stage["text"]))


def table_entry(key: str) -> dict[str, Any]:
    from sitegen.text import table

    return table(GUIDE_TEXT)[key]


@pytest.mark.parametrize("voice", ["self", "someone_else", "professional", None])
def test_who_is_asking_never_changes_the_result(voice: str | None) -> None:
    for _, _, plan in READERS:
        facts = {k: v for k, v in plan.items() if k in compiled()["facts"] and k != "asking_for"}
        base = pdlogic.evaluate(facts, None, today=as_of()).to_dict()
        assert pdlogic.evaluate({**facts, "asking_for": voice}, None, today=as_of()).to_dict() == base


def test_questions_have_their_own_headings_and_no_statute_numbers() -> None:
    statute = re.compile(r"§|\bINA\b|U\.S\.C\.|C\.F\.R\.")
    for lang in ("en", "es"):
        for key in ("text", "text_someone_else"):
            texts = [(q.get(key) or q["text"])[lang] for q in compiled()["questions"]]
            assert len(texts) == len(set(texts)), f"{lang} {key}: two questions share a heading"
        for q in compiled()["questions"]:
            said = [q["text"], q.get("text_someone_else") or {}, q.get("help") or {}, q["summary_label"]]
            said += [a["label"] for a in q.get("answers") or []] + [i["label"] for i in q.get("items") or []]
            for text in said:
                assert not statute.search(text.get(lang, "")), f"{q['id']}: {text.get(lang)}"
            for f in q["facts"]:
                assert not statute.search(compiled()["facts"][f]["label"][lang]), f


def test_no_notice_to_appear_question_for_a_person_dhs_has_no_record_of() -> None:
    """A notice to appear is a record: once the reader said DHS has none, it is not asked."""
    assert "nta_issued" not in pdlogic_asks({"asking_for": "self", "stage": "before_nta", "known_to_dhs": False})
    assert "nta_issued" in pdlogic_asks({"asking_for": "self", "stage": "before_nta", "known_to_dhs": True})


def pdlogic_asks(facts: dict[str, Any]) -> list[str]:
    asked = []
    for _ in range(len(QUESTIONS)):
        qid = pdlogic.next_question(facts)
        if qid is None:
            return asked
        asked.append(qid)
        facts = facts | dict.fromkeys(QUESTIONS[qid]["facts"])
    return asked


@pytest.mark.parametrize("lang", ["en", "es"])
def test_copied_text_keeps_the_screens_order(page: Page, base_url: str, lang: str) -> None:
    words = Words(lang, GUIDE_TEXT)
    page.goto(base_url + ("/guide/" if lang == "en" else "/es/guide/"))
    wait_ready(page)
    walk(page, READERS[2][2])  # a final order and check-ins
    answer = page.locator(".pd-result .pd-answer__text").inner_text()
    page.locator(".pd-result .pd-copy").click()
    text = page.locator(".pd-copy-text").input_value()
    order = [answer, words.text(table_entry("text_now")), words.text(table_entry("text_options"))]
    order += [words.text(table_entry("text_my_answers")), words.text(table_entry("label_sources"))]
    found = [text.find(x) for x in order]
    assert -1 not in found and found == sorted(found), list(zip(order, found, strict=True))

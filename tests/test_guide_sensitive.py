"""A printed, copied or linked result leaves out the answers that describe a person's own
acts or immigration violations (facts marked `sensitive`), unless the reader chooses to
include them, and says that it did (pdlogic contract, "Sensitive facts"): a written list of
such answers is a statement that can be used against someone."""

from __future__ import annotations

import pytest
from guide_walk import QUESTIONS, wait_ready, walk
from playwright.sync_api import Page, expect

from pdlogic.data import compiled
from sitegen.text import GUIDE_TEXT, Words

SENSITIVE = {f for f, spec in compiled()["facts"].items() if spec["sensitive"]}
PLAN = {"stage": "before_nta", "entered_without_inspection": True, "laken_riley_offense": False}


def summary(qid: str, lang: str = "en") -> str:
    return Words(lang, GUIDE_TEXT).text(QUESTIONS[qid]["summary_label"])


@pytest.fixture
def result(page: Page, base_url: str) -> Page:
    page.goto(base_url + "/guide/")
    wait_ready(page)
    facts = walk(page, PLAN)
    assert facts["entered_without_inspection"] is True and {"entered_without_inspection"} <= SENSITIVE
    return page


def copied(page: Page) -> str:
    page.locator(".pd-result .pd-copy").click()
    return page.locator(".pd-copy-text").input_value()


def linked(page: Page) -> str:
    page.locator(".pd-result .pd-link").click()
    return page.locator(".pd-link-url").input_value()


def test_sensitive_answers_are_left_out_of_copy_link_and_print_by_default(result: Page) -> None:
    page = result
    answered = [
        q
        for q in ("entered_without_inspection", "laken_riley_offense")
        if page.locator(f".pd-path li[data-question={q}]").count()
    ]
    assert answered, "the walk asked no question about a sensitive fact: the check would prove nothing"
    expect(page.locator(".pd-sensitive-note")).to_contain_text(str(len(answered)))
    text = copied(page)
    for qid in answered:
        assert summary(qid) not in text, f"the copied text holds the answer to {qid}"
    assert "are left out" in text
    url = linked(page)
    assert not any(f"{fact}=" in url for fact in SENSITIVE), url
    assert "stage=before_nta" in url
    page.emulate_media(media="print")
    for qid in answered:
        expect(page.locator(f".pd-path li[data-question={qid}]")).to_be_hidden()
    expect(page.locator(".pd-path li[data-question=stage]")).to_be_visible()


def test_the_reader_can_choose_to_include_everything(result: Page) -> None:
    page = result
    page.locator(".pd-include-sensitive").check()
    text = copied(page)
    assert summary("entered_without_inspection") in text and "are left out" not in text
    assert "entered_without_inspection=" in linked(page)
    page.emulate_media(media="print")
    expect(page.locator(".pd-path li[data-question=entered_without_inspection]")).to_be_visible()

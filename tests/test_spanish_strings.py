"""Issue 8, first step: every reader-facing string of the guide's data has Spanish beside the English.

A Spanish reader must never meet an English fragment in a Spanish sentence, so a text with no
Spanish, or with the English copied over, fails here and is named. Each Spanish string also
records, in the YAML itself, whether a fluent reviewer has checked it (`es_reviewed`), so that
unreviewed text can carry a notice saying so. Terms of art: docs/decisions/0006-spanish-terms.md.

Official names stay English (decision 0006): a document's own title, an office, a
citation. What the site says about a document in its own words (its summary, and the
description that stands in for a title it does not have) is translated; its dated status
notes are practitioners' English, shown so on the Spanish library pages. The site's own
words (sitegen/site_text.yaml, sitegen/guide_text.yaml) follow the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from pdlogic.data import SOURCE_TREE as TREE
from pdlogic.data import compiled
from sitegen.text import GUIDE_TEXT, SITE_TEXT, table

# The compiled sections that hold reader-facing text (from the files below).
SECTIONS: tuple[str, ...] = (
    "questions",
    "facts",
    "options",
    "stages",
    "policies",
    "warnings",
    "deadlines",
    "escalation_steps",
    "tactics",
    "checklist",
    "detention",
    "checklist_pages",
    "deciders",
    "authorities",
    "contacts",
)

# The YAML files those sections come from, each of which must record `es_reviewed` explicitly.
FILES: tuple[str, ...] = (
    "questions.yaml",
    "facts.yaml",
    "options.yaml",
    "policies.yaml",
    "warnings.yaml",
    "deadlines.yaml",
    "after_denial.yaml",
    "request.yaml",
    "people.yaml",
    "contacts.yaml",
)

# English texts whose Spanish is rightly the same string, each with the reason.
SAME_IN_SPANISH: dict[str, str] = {
    "No": "the answer 'No' is the same word in Spanish",
}

TEXT_KEYS = {"en", "es", "es_reviewed"}


def is_text(value: Any) -> bool:
    return isinstance(value, dict) and "en" in value and set(value) <= TEXT_KEYS


def texts(value: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every reader-facing text mapping under `value`, with where it sits."""
    if is_text(value):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, f"{path}[{index}]")


def all_texts() -> list[tuple[str, dict[str, Any]]]:
    data = compiled()
    found = [found for section in SECTIONS for found in texts(data[section], section)]
    for sid, doc in data["sources"].items():
        found += texts(doc["summary"], f"sources.{sid}.summary")
        found += texts(doc["title"], f"sources.{sid}.title")  # a text only when it is our description
    return found


# The site's own words, whose Spanish may rightly equal the English, each with the reason.
SITE_SAME_IN_SPANISH: dict[str, str] = {
    "no": "'no' is the same word in Spanish",
    "cond_is": "only placeholders and a colon",
}


@pytest.mark.parametrize("source", [SITE_TEXT, GUIDE_TEXT], ids=lambda p: p.name)
def test_the_sites_own_words_have_reviewed_flagged_spanish(source: Path) -> None:
    problems = []
    for key, value in table(source).items():
        if not isinstance(value, dict) or not value.get("es") or not isinstance(value.get("es_reviewed"), bool):
            problems.append(f"{key}: no Spanish, or es_reviewed not recorded")
        elif value["es"] == value["en"] and key not in SITE_SAME_IN_SPANISH:
            problems.append(f"{key}: the English copied as Spanish")
        elif isinstance(value["en"], str) and set(re.findall(r"\{(\w+)\}", value["en"])) != set(
            re.findall(r"\{(\w+)\}", value["es"])
        ):
            problems.append(f"{key}: the placeholders differ between English and Spanish")
    assert not problems, "\n".join(problems)


def test_the_sources_summaries_are_all_translated() -> None:
    summaries = [path for path, _ in all_texts() if path.endswith(".summary") and path.startswith("sources.")]
    assert len(summaries) == len(compiled()["sources"])


def test_the_sections_hold_reader_facing_text() -> None:
    """A guard against a walk that finds nothing and so proves nothing."""
    found = all_texts()
    assert len(found) > 400, f"only {len(found)} texts found in {SECTIONS}"
    for section in SECTIONS:
        assert any(path.startswith(section) for path, _ in found), f"no text found in {section}"


def test_every_text_has_spanish_that_is_not_the_english_copied_over() -> None:
    missing = [f"{path}: {text['en']!r}" for path, text in all_texts() if not (text.get("es") or "").strip()]
    copied = [
        f"{path}: {text['en']!r}"
        for path, text in all_texts()
        if text.get("es") and text["es"].strip() == text["en"].strip() and text["en"] not in SAME_IN_SPANISH
    ]
    assert not (missing or copied), (
        f"{len(missing)} text(s) have no Spanish:\n"
        + "\n".join(missing)
        + f"\n{len(copied)} text(s) have the English copied as Spanish:\n"
        + "\n".join(copied)
    )


def test_the_allow_list_of_identical_strings_is_still_needed() -> None:
    """An allow-list entry that no text uses any more would hide a future copied string."""
    used = {text["en"] for _, text in all_texts() if text.get("es") == text["en"]}
    assert set(SAME_IN_SPANISH) <= used, f"unused allow-list entries: {set(SAME_IN_SPANISH) - used}"


def raw_texts(value: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(value, dict):
        if "en" in value:
            yield path, value
            return
        for key, item in value.items():
            yield from raw_texts(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from raw_texts(item, f"{path}[{index}]")


@pytest.mark.parametrize("name", FILES)
def test_every_spanish_string_records_whether_it_was_reviewed(name: str) -> None:
    """Written in the file, not left to the schema's default: a reviewer flips it per string."""
    document = YAML(typ="safe").load((TREE / name).read_text(encoding="utf-8"))
    found = list(raw_texts(document, name))
    assert found, f"no text found in {name}"
    unrecorded = [f"{path}: {text['en']!r}" for path, text in found if not isinstance(text.get("es_reviewed"), bool)]
    assert not unrecorded, f"{len(unrecorded)} text(s) do not record es_reviewed:\n" + "\n".join(unrecorded)

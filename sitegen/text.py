"""Words in the reader's language: texts from decision_tree/ and from
sitegen/site_text.yaml, dates and status badges.

There is no fallback between languages on purpose (issue 8): a Spanish page
never shows an English fragment. A missing text stops the build, naming it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from pdlogic import dates

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"
SITE_TEXT = Path(__file__).with_name("site_text.yaml")
GUIDE_TEXT = Path(__file__).with_name("guide_text.yaml")


class MissingText(LookupError):
    """A text has no version in the language being built."""


def tr(value: Any, lang: str, where: str = "a text") -> Any:
    """One language of a `{en, es, es_reviewed}` text; plain values are language-free."""
    if isinstance(value, dict) and "en" in value:
        if not value.get(lang):  # absent, or left empty by the schema's default
            raise MissingText(f"{where} has no {lang!r} version: {value['en']!r}")
        return value[lang]
    return value


def en(value: Any) -> str:
    return str(tr(value, "en"))


def unreviewed(value: Any, lang: str) -> bool:
    """True when a non-English text has not been checked by a fluent reviewer."""
    return lang != "en" and isinstance(value, dict) and "en" in value and value.get(f"{lang}_reviewed") is not True


@cache
def table(path: Path = SITE_TEXT) -> dict[str, Any]:
    from ruamel.yaml import YAML  # build-time only

    with path.open(encoding="utf-8") as fh:
        return dict(YAML(typ="safe").load(fh))


class Words:
    """The site's own words in one language; remembers whether any were unreviewed."""

    def __init__(self, lang: str, source: Path = SITE_TEXT) -> None:
        self.lang = lang
        self.source = source
        self.used_unreviewed = False

    def __call__(self, key: str, **fill: Any) -> str:
        words = table(self.source)
        if key not in words:
            raise MissingText(f"sitegen/{self.source.name} has no key {key!r}")
        return str(self.text(words[key], f"sitegen/{self.source.name} {key}")).format(**fill)

    def all(self) -> dict[str, Any]:
        """Every key of the table in this language (for the page script)."""
        return {key: self.text(value, f"sitegen/{self.source.name} {key}") for key, value in table(self.source).items()}

    def text(self, value: Any, where: str = "a decision_tree text") -> Any:
        self.used_unreviewed |= unreviewed(value, self.lang)
        return tr(value, self.lang, where)

    def name(self, value: Any, where: str = "a name") -> str:
        """An official name or citation, or a practitioner's note kept in English: on a page in
        another language it is marked as English, so a screen reader pronounces it so and the
        reader (and the tests) can tell it from a fragment that escaped translation."""
        if isinstance(value, dict):  # our own description of a document: translated
            return str(self.text(value, where))
        return str(value) if self.lang == "en" else f'<span lang="en">{value}</span>'

    def date(self, value: str) -> str:
        """2000-11-17 -> Nov. 17, 2000 / 17 de noviembre de 2000; partial dates stay partial."""
        if value == "undated":
            return self("undated")
        parts = value.split("-")
        if len(parts) == 1:
            return parts[0]
        month = self.text(table()["months"])[int(parts[1]) - 1]
        if len(parts) == 2:
            return self("date_month_year", month=month, year=parts[0])
        return self("date_day_month_year", month=month, day=int(parts[2]), year=parts[0])

    def state(self, state: str) -> str:
        key = {dates.UNKNOWN: "unknown", dates.NOT_YET: "not_yet"}.get(state, state)
        return self(f"state_{key}")

    def badge(self, doc: dict[str, Any], today: dt.date) -> str:
        """The last known state with its date ("rescinded Feb. 20, 2017", "in force since
        Jan. 20, 2025"); "status unknown after <last check>" only where that state could
        still have changed since (decision 0008)."""
        state, words = self.status_words(doc, today)
        return f'<span class="pd-badge pd-badge--{state}">{words}</span>'

    def status_words(self, doc: dict[str, Any], today: dt.date) -> tuple[str, str]:
        change = dates.last_known(doc, today)
        if change is None:
            return dates.NOT_YET, self.state(dates.NOT_YET)
        state = change["state"]
        if doc["status"][-1]["state"] == "published":
            # A letter, press release or advisory is a record of its day, not guidance
            # whose force could lapse: "unknown" would mislead.
            return "published", self.state("published")
        date = self.date(change["since"])
        if state in dates.FINAL:
            words = self("badge_state_on", state=self.state(state), date=date)
        elif today > dates.parse(doc["verified_through"]):
            return dates.UNKNOWN, self("status_unknown_after", date=self.date(doc["verified_through"]))
        else:
            words = self("badge_state_since", state=self.state(state), date=date)
        return state, words + ("" if change["confirmed"] else self("unconfirmed_suffix"))

"""What the site and the engine say changes with the day, and only through one clock.

- "Today" is the real date unless PD_TODAY=YYYY-MM-DD says otherwise (pdlogic/clock.py):
  the build, the command line and the engine's default all take it from there, and a
  value that is not a date is refused by name before anything is built.
- The rules in force are called "in force today" only up to the last day a source shows
  them so. From the next day every page that describes them calls them the latest rules
  we know of, with the date of that check, in place of the sentence it replaces.
- Two years after that check, the site still builds, its handout still prints within its
  limits (with every notice the build can add and the longest name of any rules), its
  pages ask only their own origin, and its guide agrees with pdlogic on that day.

The days are fixed from the registry, never from the calendar: LAST_CHECKED is the last
day a source shows the framework in force today, DAY_AFTER the next, FUTURE two years on.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from built import as_of, pin_clock
from guide_walk import wait_ready, walk
from playwright.sync_api import Browser, BrowserContext, Page
from ruamel.yaml import YAML
from site_copy import build_copy
from test_guide_engine import agree
from test_handout import assert_prints_within_limits
from test_privacy_crawl import Witness, assert_only_own_origin

import pdlogic
from pdlogic import clock, dates, engine
from pdlogic.data import compiled
from sitegen.notices import policy_notice
from sitegen.server import page_urls, serving
from sitegen.text import LANGUAGES, Words

ROOT = Path(__file__).resolve().parent.parent
DATA = compiled()
CURRENT = engine.default_policy(DATA, dt.date.max)  # the framework in force on its last checked day
CURRENT_SOURCE = DATA["policies"][CURRENT]["source"]
LAST_CHECKED = dates.parse(DATA["sources"][CURRENT_SOURCE]["verified_through"])
DAY_AFTER = LAST_CHECKED + dt.timedelta(days=1)
FUTURE = LAST_CHECKED.replace(year=LAST_CHECKED.year + 2)
# Each mkdocs build of the site takes 10-30 s on 2 cores; this module builds it twice and
# stays within 3 minutes (about 90 s measured on a loaded machine).
BUILD_TIMEOUT_S = 300


def notice(day: dt.date, lang: str, policies: list[str] | None = None) -> str:
    text = policy_notice(DATA, policies or [CURRENT], day, Words(lang), lambda sid: f"library/{sid}.md")
    return " ".join(text.split())


def cli(*args: str, today: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, clock.ENV: today}
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True)


# --- One clock ---------------------------------------------------------------------------


def test_pd_today_sets_the_day_for_the_engine_and_the_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.ENV, "2016-06-01")
    assert clock.today() == dt.date(2016, 6, 1)
    # On June 1, 2016 the 2014 priorities were the rules in force: the default follows the day.
    assert pdlogic.evaluate({}).policy == "johnson-2014"
    listed = cli("pdlogic", "policies", today="2016-06-01")
    assert listed.returncode == 0, listed.stderr
    default = [line for line in listed.stdout.splitlines() if "(default: in force today)" in line]
    assert len(default) == 1 and default[0].startswith("johnson-2014\t")
    monkeypatch.setenv(clock.ENV, FUTURE.isoformat())
    assert pdlogic.evaluate({}).policy == CURRENT
    assert "policy_status_unverified" in pdlogic.evaluate({}).warnings


@pytest.mark.parametrize("bad", ["tomorrow", "2026-13-01", "01/12/2026"])
def test_a_day_that_is_not_a_date_is_refused_by_name(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, bad: str) -> None:
    monkeypatch.setenv(clock.ENV, bad)
    with pytest.raises(clock.ClockError, match=rf"PD_TODAY='{bad}' is not a date: expected YYYY-MM-DD"):
        clock.today()
    done = cli("pdlogic", "policies", today=bad)
    assert done.returncode == 2 and "PD_TODAY" in done.stderr and "YYYY-MM-DD" in done.stderr
    site = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "sitegen.build"],
        cwd=ROOT,
        env={**os.environ, clock.ENV: bad, "PD_SITE_DIR": str(site)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert build.returncode != 0 and "PD_TODAY" in build.stderr and "YYYY-MM-DD" in build.stderr
    assert not site.exists(), "nothing is built on a day that is not a date"


# --- In force, up to the last check --------------------------------------------------------


def test_the_rules_are_in_force_today_only_up_to_their_last_check() -> None:
    title = DATA["policies"][CURRENT]["title"]
    on_the_day = notice(LAST_CHECKED, "en")
    assert f"the rules in force today: **[{title['en']}](library/{CURRENT_SOURCE}.md)**" in on_the_day
    assert "may have changed" not in on_the_day
    checked = Words("en").date(LAST_CHECKED.isoformat())
    for day in (DAY_AFTER, FUTURE):
        later = notice(day, "en")
        assert "in force today" not in later, f"{day}: an unchecked framework called in force today"
        assert f"the latest rules we know of: **[{title['en']}]" in later
        assert f"We last checked them on {checked}; they may have changed since." in later
        # It replaces the sentence: the notice is no longer on the later day than on the checked one
        # by more than the date and the few words that say so.
        assert len(later.split()) - len(on_the_day.split()) <= 16


def test_in_spanish_too_the_rules_past_their_last_check_are_the_latest_known() -> None:
    assert "las reglas vigentes hoy" in notice(LAST_CHECKED, "es")
    later = notice(FUTURE, "es")
    assert "vigentes hoy" not in later and "las reglas más recientes que conocemos" in later
    assert Words("es").date(LAST_CHECKED.isoformat()) in later and "pueden haber cambiado" in later


def test_a_period_ended_only_by_our_last_check_is_not_given_an_end() -> None:
    """A page about older rules and today's: the older rules' end is a date a source shows;
    today's rules, past their last check, run "since" their start with the day they were checked."""
    w = Words("en")
    on_the_day = notice(LAST_CHECKED, "en", ["johnson-2014", CURRENT])
    later = notice(DAY_AFTER, "en", ["johnson-2014", CURRENT])
    start = w.date(engine.policy_window(DATA, CURRENT, LAST_CHECKED)[0][0].isoformat())
    assert f"{start} to today" in on_the_day
    assert f"since {start}; last checked {w.date(LAST_CHECKED.isoformat())}" in later
    assert f"{start} to {w.date(LAST_CHECKED.isoformat())}" not in later, "the rules did not end on our check"
    assert "Jan. 5, 2015 to Feb. 19, 2017" in later  # the 2014 priorities ended on a documented day
    assert "Latest rules we know of:" in later and "In force today:" in on_the_day


def test_a_documents_status_is_unknown_after_its_last_check() -> None:
    doc = DATA["sources"][CURRENT_SOURCE]
    w = Words("en")
    assert "status unknown" not in w.badge(doc, LAST_CHECKED)
    assert f"status unknown after {w.date(LAST_CHECKED.isoformat())}" in w.badge(doc, DAY_AFTER)
    assert "policy_status_unverified" not in pdlogic.evaluate({}, today=LAST_CHECKED).warnings
    assert "policy_status_unverified" in pdlogic.evaluate({}, today=DAY_AFTER).warnings


# --- Two years on: the whole site, built as of FUTURE --------------------------------------


def _timed_build(tmp: Path, **changes: object) -> Path:
    started = time.perf_counter()
    done = build_copy(tmp, env={clock.ENV: FUTURE.isoformat()}, **changes)  # type: ignore[arg-type]
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    print(f"built {tmp / 'site'} as of {FUTURE} in {time.perf_counter() - started:.1f} s")
    return tmp / "site"


@pytest.fixture(scope="module")
def future_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _timed_build(tmp_path_factory.mktemp("future"))


@pytest.fixture(scope="module")
def future_url(future_site: Path) -> Iterator[str]:
    with serving(future_site) as (url, _):
        yield url


@pytest.fixture
def future_page(page: Page, context: BrowserContext) -> Page:
    pin_clock(context, FUTURE)
    return page


def test_two_years_on_the_site_says_what_day_it_was_built_as_of(future_site: Path) -> None:
    assert as_of(future_site) == FUTURE
    home = (future_site / "index.html").read_text(encoding="utf-8")
    assert Words("en")("built_on", date=Words("en").date(FUTURE.isoformat())) in home


@pytest.mark.parametrize("lang", LANGUAGES)
def test_two_years_on_the_handout_prints_within_its_limits(future_page: Page, future_url: str, lang: str) -> None:
    assert_prints_within_limits(future_page, future_url, lang)


def test_two_years_on_the_guide_agrees_with_pdlogic_on_that_day(future_page: Page, future_url: str) -> None:
    future_page.goto(future_url + "/guide/")
    wait_ready(future_page)
    facts = walk(future_page, {"stage": "in_proceedings", "detained": True, "has_attorney": False})
    want = agree(future_page, facts, None, FUTURE)
    assert want["policy"] == CURRENT and "policy_status_unverified" in want["warnings"]


def test_two_years_on_pages_ask_only_their_own_origin(
    context: BrowserContext, future_site: Path, tmp_path: Path
) -> None:
    pin_clock(context, FUTURE)
    sample = ["/", "/guide/", "/organizers/handout/", f"/library/{CURRENT_SOURCE}/", "/es/", "/es/guide/"]
    assert set(sample) <= set(page_urls(future_site))
    log, reports = tmp_path / "access.log", tmp_path / "reports.log"
    with serving(future_site, log_path=log, report_path=reports) as (url, _):
        assert_only_own_origin(context, Witness(url, log, reports), sample)


def _longest_rules_name(tree: Path) -> None:
    """Today's rules renamed with the longest name any rules have, in each language."""
    yaml = YAML()
    path = tree / "policies.yaml"
    doc = yaml.load(path)
    titles = [p["title"] for p in doc["policies"].values()]
    for lang in LANGUAGES:
        doc["policies"][CURRENT]["title"][lang] = max((t[lang] for t in titles), key=len)
    yaml.dump(doc, path)


@pytest.fixture(scope="module")
def longest_name_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _timed_build(tmp_path_factory.mktemp("longest"), change_tree=_longest_rules_name)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_with_every_notice_at_once_and_the_longest_name_the_handout_keeps_its_limits(
    browser: Browser, longest_name_site: Path, lang: str
) -> None:
    """Past the last check (the "latest rules we know of" notice), in Spanish with the notice
    that the translation is not reviewed, and with today's rules given the longest name."""
    context = browser.new_context()
    pin_clock(context, FUTURE)
    try:
        with serving(longest_name_site) as (url, _):
            assert_prints_within_limits(context.new_page(), url, lang)
    finally:
        context.close()

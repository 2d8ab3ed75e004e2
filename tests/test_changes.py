"""What changed: a page in each language and an Atom feed of the same entries.

- Every dated status change in the registry, and every new document, is on the page and in
  the feed, once, newest first, with its date, what changed, whether it is confirmed, what
  in the guide it affects and the day it was recorded (or that the day was not noted).
- The page and the feed list the same entries in the same order, in both languages.
- A feed entry's id does not depend on the site's address (a tag URI), so a reader's feed
  shows each change once wherever the site is served; links are absolute only when the
  build has a public address, and absent otherwise.
- The home page links the page with the newest entry's date, taken from the data.
- A status change added to the registry appears in both on the next build.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from built import SITE
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from site_copy import build_copy

from pdlogic import dates
from pdlogic.data import compiled
from sitegen.address import public_url
from sitegen.server import serving
from sitegen.text import LANGUAGES, Words

DATA = compiled()
NS = {"a": "http://www.w3.org/2005/Atom"}
ITEM = re.compile(r'<li><span id="change-([^"]+)"></span><strong>([^<]+)</strong>: (.*?)</li>', re.S)
TAG = re.compile(r"^tag:pd-guide,2026:change/([a-z0-9_-]+)/([0-9-]+)/([a-z_]+)$")


def root(site: Path, lang: str) -> Path:
    return site if lang == "en" else site / lang


def text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def page_items(site: Path, lang: str) -> list[tuple[str, str, str]]:
    """(anchor, date as shown, the entry's words) for each entry on the page, in order."""
    page = (root(site, lang) / "changes" / "index.html").read_text(encoding="utf-8")
    return [(anchor, text(day), text(rest)) for anchor, day, rest in ITEM.findall(page)]


def feed(site: Path, lang: str) -> ET.Element:
    return ET.parse(root(site, lang) / "changes.atom").getroot()


def feed_items(site: Path, lang: str) -> list[tuple[str, str, str]]:
    """The same triple for each feed entry, in order; the anchor comes from the tag URI."""
    out = []
    for entry in feed(site, lang).findall("a:entry", NS):
        m = TAG.match(entry.findtext("a:id", "", NS))
        assert m, entry.findtext("a:id", "", NS)
        title = entry.findtext("a:title", "", NS)
        day = title.split(": ", 1)[0]
        out.append(
            (f"{m.group(1)}-{m.group(2)}-{m.group(3)}", day, " ".join(entry.findtext("a:content", "", NS).split()))
        )
    return out


def dated_entries() -> list[tuple[str, str, str]]:
    return [
        (sid, change["since"], change["state"])
        for sid, doc in DATA["sources"].items()
        for change in doc["status"]
        if change["since"] != "undated"
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_and_the_feed_list_the_same_entries_in_the_same_order(lang: str) -> None:
    on_page = page_items(SITE, lang)
    in_feed = feed_items(SITE, lang)
    assert on_page, "the page lists no change"
    assert [p[0] for p in on_page] == [f[0] for f in in_feed]
    assert [p[1] for p in on_page] == [f[1] for f in in_feed]
    assert [p[2] for p in on_page] == [f[2] for f in in_feed]


def test_every_dated_status_entry_is_listed_once_newest_first() -> None:
    anchors = [a for a, _, _ in page_items(SITE, "en")]
    expected = {f"{sid}-{since}-{state}" for sid, since, state in dated_entries()}
    assert len(anchors) == len(set(anchors)) == len(expected)
    assert set(anchors) == expected
    days = [dates.parse(_since(a)) for a in anchors]
    assert days == sorted(days, reverse=True)


def _since(anchor: str) -> str:
    for sid, since, state in dated_entries():
        if anchor == f"{sid}-{since}-{state}":
            return since
    raise KeyError(anchor)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_entry_says_what_changed_whether_confirmed_what_it_affects_and_when_recorded(lang: str) -> None:
    w = Words(lang)
    items = {a: (day, words) for a, day, words in page_items(SITE, lang)}
    for sid, doc in DATA["sources"].items():
        title = doc["title"] if isinstance(doc["title"], str) else doc["title"][lang]
        for i, change in enumerate(doc["status"]):
            if change["since"] == "undated":
                continue
            day, words = items[f"{sid}-{change['since']}-{change['state']}"]
            assert day == w.date(change["since"])
            assert " ".join(title.split()) in words
            assert w.state(change["state"]) in words
            assert (w("changes_new", title="", state="", by="").split(":")[0] in words) == (i == 0)
            flag = w("changes_confirmed") if change["confirmed"] else w("changes_unconfirmed")
            assert flag in words
            if change.get("recorded"):
                assert w("changes_recorded", date=w.date(change["recorded"])) in words
            else:
                assert w("changes_recorded_unknown") in words
            assert w("changes_affects", items="").split(":")[0] in words or w("changes_affects_none") in words


def test_what_an_entry_affects_names_the_options_behind_it() -> None:
    """A document that an option's rule cites names that option on its entries."""
    option = next(o for o in DATA["options"].values() if o["rules"])
    sid = option["rules"][0]["sources"][0]
    first = DATA["sources"][sid]["status"][0]
    entry = next(words for a, _, words in page_items(SITE, "en") if a == f"{sid}-{first['since']}-{first['state']}")
    assert option["title"]["en"] in entry


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feed_ids_do_not_depend_on_the_site_address_and_links_use_the_public_one(lang: str) -> None:
    built = feed(SITE, lang)
    assert built.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    assert built.findtext("a:id", "", NS).startswith("tag:pd-guide,2026:")
    for entry in built.findall("a:entry", NS):
        assert TAG.match(entry.findtext("a:id", "", NS))
    site_url = (SITE / "index.html").read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', site_url)
    public = public_url(canonical.group(1)) if canonical else None
    links = [link.get("href", "") for link in built.iter("{http://www.w3.org/2005/Atom}link")]
    if public:
        prefix = public + ("" if lang == "en" else f"{lang}/")
        assert f"{prefix}changes.atom" in links
        assert all(h.startswith(prefix) for h in links)
    else:
        assert links == []


def test_the_page_links_its_feed_and_the_feed_is_served_as_atom() -> None:
    for lang in LANGUAGES:
        page = (root(SITE, lang) / "changes" / "index.html").read_text(encoding="utf-8")
        assert '<a href="../changes.atom" type="application/atom+xml">' in page
    with serving(SITE) as (base, _):
        for path in ("/changes.atom", "/es/changes.atom"):
            with urllib.request.urlopen(base + path) as response:
                assert response.headers["Content-Type"].startswith("application/atom+xml")
                ET.fromstring(response.read())
    assert "AddType application/atom+xml .atom" in (SITE / ".htaccess").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_links_what_changed_with_the_newest_date(lang: str) -> None:
    home = (root(SITE, lang) / "index.html").read_text(encoding="utf-8")
    newest = page_items(SITE, lang)[0][1]
    link = re.search(r'<a href="changes/">([^<]*)</a>', home)
    assert link, "the home page does not link the What changed page"
    assert newest in link.group(1)


def test_a_status_change_added_to_the_registry_appears_on_the_page_and_in_the_feed(tmp_path: Path) -> None:
    recorded = [c["recorded"] for doc in DATA["sources"].values() for c in doc["status"] if c.get("recorded")]
    newest = max([dates.parse(since) for _, since, _ in dated_entries()] + [dates.parse(r) for r in recorded])
    day = (newest + dt.timedelta(days=1)).isoformat()  # after every date the registry holds
    sid = next(s for s, doc in DATA["sources"].items() if doc["status"][-1]["state"] == "proposed")

    def change(tree: Path) -> None:
        path = tree / "sources.yaml"
        yaml = YAML(typ="rt")
        doc = yaml.load(path.read_text(encoding="utf-8"))
        entry = doc["sources"][sid]
        when = dt.date.fromisoformat(day)
        entry["status"].append(
            CommentedMap(
                since=when,
                state="withdrawn",
                by=None,
                confirmed=False,
                note={"en": "Test: the proposal was withdrawn."},
                recorded=when,
            )
        )
        entry["verified_through"] = when
        entry["last_reviewed"] = when
        with path.open("w", encoding="utf-8") as fh:
            yaml.dump(doc, fh)

    # No SITE_URL: a build with no public address writes a feed without links.
    done = build_copy(tmp_path, change_tree=change, env={"PD_TODAY": day, "SITE_URL": None})
    assert done.returncode == 0, done.stderr[-3000:]
    site = tmp_path / "site"
    for lang in LANGUAGES:
        w = Words(lang)
        first_page, first_feed = page_items(site, lang)[0], feed_items(site, lang)[0]
        assert first_page[0] == first_feed[0] == f"{sid}-{day}-withdrawn"
        assert first_page[1] == first_feed[1] == w.date(day)
        assert w.state("withdrawn") in first_page[2] and w("changes_unconfirmed") in first_page[2]
        assert first_page[2] == first_feed[2]
        assert len(page_items(site, lang)) == len(page_items(SITE, lang)) + 1
        assert feed(site, lang).findtext("a:updated", "", NS) == f"{day}T00:00:00Z"
        assert list(feed(site, lang).iter("{http://www.w3.org/2005/Atom}link")) == []
        home = (root(site, lang) / "index.html").read_text(encoding="utf-8")
        assert w.date(day) in home

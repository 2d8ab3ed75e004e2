"""The help pages for today (issue 15), read as a reader gets them: the built pages in both
languages. Each page holds the official addresses, deadlines and warnings named, taken from
decision_tree/ (never retyped); every outside link is an absolute https link that the site
only points to (nothing is fetched from it); no help page says it describes an older framework."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from built import as_of
from mkdocs.utils.meta import get_data

from pdlogic import engine
from pdlogic.data import compiled
from sitegen.text import Words

ROOT = Path(__file__).resolve().parent.parent
HELP = ROOT / "docs" / "help"
LANGS = ("en", "es")
ANCHOR = re.compile(r"<a\s([^>]*)>", re.S)
HREF = re.compile(r'href="([^"]*)"')
FETCHED = re.compile(r'<(?:img|script|iframe|source|video|audio|embed)\b[^>]*\bsrc="(https?:)?//', re.I)
# A <link> the browser loads (a canonical or alternate link is only an address).
LOADED_LINK = re.compile(
    r'<link\b(?=[^>]*\brel="(?:stylesheet|preload|modulepreload|icon|manifest|prefetch)")[^>]*\bhref="(https?:)?//',
    re.I,
)


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return compiled()


def built(site_dir: Path, lang: str, page: str) -> str:
    root = site_dir if lang == "en" else site_dir / lang
    return (root / "help" / page / "index.html").read_text(encoding="utf-8")


def article(page_html: str) -> str:
    start, end = page_html.find("<article"), page_html.find("</article>")
    assert start >= 0 and end > start, "the page has no article"
    return page_html[start:end]


def text(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def links(fragment: str) -> list[tuple[str, str]]:
    """(href, the whole attribute string) of every link in the fragment."""
    out = []
    for attrs in ANCHOR.findall(fragment):
        found = HREF.search(attrs)
        if found:
            out.append((html.unescape(found.group(1)), attrs))
    return out


def in_lang(value: Any, lang: str) -> str:
    return value[lang] if isinstance(value, dict) else value


def help_pages() -> list[str]:
    return sorted(p.name[: -len(".md")] for p in HELP.glob("*.md") if not p.name.endswith(".es.md"))


# ---- Finding legal help -----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("contact", ["eoir-pro-bono-list", "eoir-ra-roster"])
def test_legal_help_links_each_official_directory_with_the_day_its_address_was_taken(
    site_dir: Path, data: dict[str, Any], lang: str, contact: str
) -> None:
    c = data["contacts"][contact]
    assert c["kind"] == "web" and c["value"].startswith("https://")
    body = article(built(site_dir, lang, "finding-legal-help"))
    assert c["value"] in [href for href, _ in links(body)], f"{lang}: no link to {c['value']}"
    words = Words(lang)
    assert c["checked"], f"{contact} has no date its address was taken"
    assert words("contact_checked", date=words.date(c["checked"])) in text(body)
    # Its registry entry carries the same address, so the library page links it too.
    assert data["sources"][c["source"]]["url"] == c["value"]


@pytest.mark.parametrize("lang", LANGS)
def test_legal_help_names_the_national_directory_and_says_its_address_was_not_found(site_dir: Path, lang: str) -> None:
    body = text(article(built(site_dir, lang, "finding-legal-help")))
    assert "Immigration Advocates Network" in body
    said = {"en": "could not find the directory's address", "es": "No encontramos la dirección del directorio"}
    assert said[lang] in body
    for needle in ({"en": ["ZIP code", "detention facility"], "es": ["código postal", "centro de detención"]})[lang]:
        assert needle in body


@pytest.mark.parametrize("lang", LANGS)
def test_legal_help_says_what_people_ask_what_it_may_cost_and_warns_of_notarios(site_dir: Path, lang: str) -> None:
    page = article(built(site_dir, lang, "finding-legal-help"))
    for anchor in ("what-do-people-ask-when-they-call", "what-may-it-cost", "what-is-an-accredited-representative"):
        assert f'id="{anchor}"' in page, f"{lang}: no section #{anchor}"
    danger = re.search(r'<div class="admonition danger">(.*?)</div>', page, re.S)
    assert danger and "notario" in text(danger.group(1)).lower()
    # Do no harm: the page says contacting DHS can put a person on its radar before any list.
    body = text(page)
    radar = {"en": "radar", "es": "se fije en una persona"}[lang]
    assert body.index(radar) < body.index("https://www.justice.gov/")


# ---- Detained family member ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_detained_page_links_the_locator_and_warns_before_any_contact_with_ice(
    site_dir: Path, data: dict[str, Any], lang: str
) -> None:
    page = article(built(site_dir, lang, "detained-family-member"))
    locator = data["contacts"]["ice-detainee-locator"]["value"]
    hrefs = [href for href, _ in links(page)]
    assert locator in hrefs
    digits = re.sub(r"\D", "", data["contacts"]["ice-ero-detention-line"]["value"])
    line = next(h for h in hrefs if h.startswith("tel:"))
    assert re.sub(r"\D", "", line).endswith(digits)
    body = text(page)
    radar = {"en": "radar", "es": "se fije en usted"}[lang]
    assert body.index(radar) < body.index(data["contacts"]["ice-ero-detention-line"]["value"])
    misses = {"en": ["under 18", "60 days"], "es": ["menores de 18", "60 días"]}[lang]
    for needle in misses:
        assert needle in body, f"{lang}: the page does not say the locator misses {needle!r}"
    assert "G-28" in body


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("warning", ["bond_hearing_contested", "laken_riley_detention"])
def test_detained_page_gives_the_engines_detention_warnings_with_every_source_linked(
    site_dir: Path, data: dict[str, Any], lang: str, warning: str
) -> None:
    page = article(built(site_dir, lang, "detained-family-member"))
    w = data["warnings"][warning]
    assert in_lang(w["title"], lang) in text(page)
    hrefs = [href for href, _ in links(page)]
    for sid in w["sources"]:
        assert any(h.rstrip("/").endswith(f"library/{sid}") for h in hrefs), f"{lang}: {sid} not linked"


@pytest.mark.parametrize("lang", LANGS)
def test_detained_page_never_presents_a_court_order_as_protection_and_names_the_risks(
    site_dir: Path, data: dict[str, Any], lang: str
) -> None:
    body = text(article(built(site_dir, lang, "detained-family-member")))
    # The six 2025-26 entries the engine issue added, each with its date as the registry has it.
    words = Words(lang)
    for sid in [
        "ice-detention-guidance-2025-07-08",
        "matter-of-yajure-hurtado-2025",
        "maldonado-bautista-2025",
        "buenrostro-mendez-2026",
        "eoir-bond-instruction-2026-01",
        "laken-riley-act-2025",
    ]:
        assert words.date(data["sources"][sid]["date"]) in body, f"{lang}: {sid}'s date is not shown"
    no_protection = {"en": "None of these court rulings is a protection", "es": "Ninguna de estas decisiones"}
    assert no_protection[lang] in body
    risks = {
        "en": ["habeas corpus", "showing ID", "consulate", "commissary", "Congress"],
        "es": ["habeas corpus", "identificación", "consulado", "commissary", "Congreso"],
    }[lang]
    for needle in risks:
        assert needle in body, f"{lang}: {needle!r} missing"


# ---- Where does my case stand: deadlines ----------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_case_stage_page_lists_every_deadline_from_the_data_with_what_starts_the_clock(
    site_dir: Path, data: dict[str, Any], lang: str
) -> None:
    page = article(built(site_dir, lang, "where-does-my-case-stand"))
    table = data["deadlines"]
    assert table, "decision_tree/deadlines.yaml is empty"
    positions = []
    for did, d in table.items():
        at = page.find(f'id="deadline-{did}"')
        assert at >= 0, f"{lang}: deadline {did} is not on the page"
        item = text(page[at : page.find("</li>", at)])
        assert in_lang(d["title"], lang) in item
        assert str(d["days"]) in item
        assert in_lang(d["starts"], lang) in item, f"{lang}: {did} does not say what starts the clock"
        hrefs = [href for href, _ in links(page[at : page.find("</li>", at)])]
        for sid in d["sources"]:
            assert any(h.rstrip("/").endswith(f"library/{sid}") for h in hrefs)
        positions.append(((d["urgency"], d["days"], did), at))
    assert [p for _, p in sorted(positions)] == sorted(p for _, p in positions), "most urgent, then shortest, first"


@pytest.mark.parametrize("lang", LANGS)
def test_case_stage_page_says_a_petition_does_not_stop_removal_and_a_missed_hearing_means_an_order(
    site_dir: Path, lang: str
) -> None:
    body = text(article(built(site_dir, lang, "where-does-my-case-stand")))
    said = {
        "en": ["A petition for review does not stop removal", "Missing a hearing means an order in your absence"],
        "es": ["Una petición de revisión no detiene la deportación", "Faltar a una audiencia significa una orden"],
    }[lang]
    for sentence in said:
        assert sentence in body


# ---- Removal scheduled soon: check-ins ------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_removal_page_says_check_ins_are_not_routine_with_the_engines_warning(
    site_dir: Path, data: dict[str, Any], lang: str
) -> None:
    page = article(built(site_dir, lang, "removal-scheduled-soon"))
    assert 'id="check-ins-today"' in page
    w = data["warnings"]["check_in_arrests"]
    section = text(page[page.find('id="check-ins-today"') :])
    assert in_lang(w["title"], lang) in section
    missing = {"en": "Missing a check-in has its own serious consequences", "es": "Faltar a una cita de control"}
    assert missing[lang] in section
    hrefs = [href for href, _ in links(page)]
    for sid in w["sources"]:
        assert any(h.rstrip("/").endswith(f"library/{sid}") for h in hrefs), f"{lang}: {sid} not linked"


# ---- Registration ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_registration_page_gives_the_rule_as_the_engine_has_it_and_leaves_the_decision_to_a_lawyer(
    site_dir: Path, data: dict[str, Any], lang: str
) -> None:
    page = article(built(site_dir, lang, "registration"))
    body = text(page)
    w = data["warnings"]["registration_duty"]
    title = in_lang(w["title"], lang)
    assert title in body
    hrefs = [href for href, _ in links(page)]
    for sid in ["registration-rule-2025", "registration-rule-challenge-2025"]:
        assert any(h.rstrip("/").endswith(f"library/{sid}") for h in hrefs), f"{lang}: {sid} not linked"
    # Do no harm: what registering tells DHS comes before the rule itself.
    radar = {"en": "radar", "es": "se fije en usted"}[lang]
    assert body.index(radar) < body.index(title)
    for anchor in ("who-already-counts-as-registered", "what-are-the-penalties", "what-does-registering-tell-dhs"):
        assert f'id="{anchor}"' in page, f"{lang}: no section #{anchor}"
    neutral = {"en": "does not advise either way", "es": "no aconseja ni una cosa ni la otra"}[lang]
    assert neutral in body
    if lang == "en":
        assert "you should" not in body.lower()


@pytest.mark.parametrize("lang", LANGS)
def test_registration_page_is_in_the_menu_in_both_languages(site_dir: Path, lang: str) -> None:
    page = built(site_dir, lang, "finding-legal-help")
    assert re.search(r'href="(\.\./)?registration/"', page), f"{lang}: the menu does not lead to the registration page"


# ---- Every help page ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", help_pages())
def test_every_outside_link_is_absolute_https_without_referrer_and_nothing_is_fetched(
    site_dir: Path, lang: str, name: str
) -> None:
    page = built(site_dir, lang, name)
    body = article(page)
    for href, attrs in links(body):
        if re.match(r"^[a-z][a-z0-9+.-]*:", href) and not href.startswith(("tel:", "mailto:")):
            assert href.startswith("https://"), f"{lang}/{name}: outside link {href} is not https"
            assert "noreferrer" in attrs, f"{lang}/{name}: {href} lacks rel=noreferrer"
        else:
            assert not href.startswith("//"), f"{lang}/{name}: protocol-relative link {href}"
    assert not FETCHED.search(page) and not LOADED_LINK.search(page), f"{lang}/{name}: loads from another host"


@pytest.mark.parametrize("name", help_pages())
def test_no_help_page_describes_an_older_framework(site_dir: Path, data: dict[str, Any], name: str) -> None:
    today = engine.default_policy(data, as_of(site_dir))
    for lang, suffix in (("en", ".md"), ("es", ".es.md")):
        _, meta = get_data((HELP / f"{name}{suffix}").read_text(encoding="utf-8"))
        assert set(meta.get("describes_policies") or []) <= {today}, f"{name}{suffix}: describes older rules"
        prefix = Words(lang)("policy_notice_describes", spans="\0").split("\0")[0]  # "This page describes: "
        assert prefix not in text(article(built(site_dir, lang, name)))


# ---- Home page and handout: today's dangers with their other side; know-your-rights basics ----------

# Each danger readers meet most, with the registry entries that carry it and the help page for it.
DANGERS = {
    "court": ["ice-courthouse-guidance-2025", "huffman-2025-01-23", "ina-240-b-5-c-in-absentia"],
    "check-ins": ["ice-ero-directive-2025-02-18"],
    "registration": ["registration-rule-2025"],
    "deadlines": ["reg-1003-38-bia-appeal", "reg-1003-15-court-address"],
}
DANGER_PAGES = [
    "help/removal-scheduled-soon/#check-ins-today",
    "help/registration/",
    "help/where-does-my-case-stand/#deadlines",
]
# Each know-your-rights basic: its registry entries, and the citation the handout prints for it
# (which must be part of the entry's own citation, so the paper traces to the registry).
RIGHTS = {
    "silent": (["us-const-amend-5", "reg-287-3-c-advisals"], ["U.S. Const. amend. V", "8 C.F.R. § 287.3(c)"]),
    "sign": (["ina-240-d-stipulated-removal"], ["INA § 240(d)"]),
    "fear": (["ina-235-b-1-fear-interview"], ["INA § 235(b)(1)"]),
    "lawyer": (["ina-292-right-to-counsel"], ["INA § 292"]),
}
# The citation the handout prints for each danger, and the registry entry whose own citation holds it.
HANDOUT_DANGER_CITES = {
    "INA § 240(b)(5)": "ina-240-b-5-c-in-absentia",
    "1003.15(d)(2)": "reg-1003-15-court-address",
    "1003.38": "reg-1003-38-bia-appeal",
    "90 Fed. Reg. 11793": "registration-rule-2025",
}


def home(site_dir: Path, lang: str) -> str:
    return article((site_dir / ("" if lang == "en" else lang) / "index.html").read_text(encoding="utf-8"))


def handout(site_dir: Path, lang: str) -> str:
    root = site_dir if lang == "en" else site_dir / lang
    return article((root / "organizers" / "handout" / "index.html").read_text(encoding="utf-8"))


def section(page: str, anchor: str) -> str:
    """From the heading with this id to the next heading of the same level."""
    start = page.find(f'id="{anchor}"')
    assert start >= 0, f"no section #{anchor}"
    end = page.find("<h2", start)
    return page[start : end if end > 0 else len(page)]


def linked(fragment: str, sid: str) -> bool:
    return any(h.split("#")[0].rstrip("/").endswith(f"library/{sid}") for h, _ in links(fragment))


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_names_each_danger_with_its_other_side_and_its_sources(
    site_dir: Path, data: dict[str, Any], lang: str
) -> None:
    part = section(home(site_dir, lang), "what-are-the-dangers-today")
    items = re.findall(r"<li>(.*?)</li>", part, re.S)
    assert len(items) == len(DANGERS), f"{lang}: {len(items)} dangers"
    but = {"en": "But", "es": "Pero"}[lang]
    for item, (name, sids) in zip(items, DANGERS.items(), strict=True):
        assert f"<strong>{but}</strong>" in item, f"{lang}: the {name} danger has no other side"
        for sid in sids:
            assert sid in data["sources"] and linked(item, sid), f"{lang}: {name} does not cite {sid}"
    hrefs = [h for h, _ in links(part)]
    for target in DANGER_PAGES:
        assert any(h.endswith(target) for h in hrefs), f"{lang}: no link to {target}"


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_gives_the_know_your_rights_basics_each_cited(
    site_dir: Path, data: dict[str, Any], lang: str
) -> None:
    part = section(home(site_dir, lang), "what-are-my-basic-rights")
    items = re.findall(r"<li>(.*?)</li>", part, re.S)
    assert len(items) == len(RIGHTS)
    for item, (name, (sids, _)) in zip(items, RIGHTS.items(), strict=True):
        for sid in sids:
            assert sid in data["sources"] and linked(item, sid), f"{lang}: the {name} basic does not cite {sid}"
    assert any(h.endswith("help/finding-legal-help/") for h, _ in links(part))
    if lang == "en":
        assert "you should" not in text(home(site_dir, lang)).lower()


@pytest.mark.parametrize("lang", LANGS)
def test_handout_words_carry_the_dangers_and_the_basics_with_citations_from_the_registry(
    site_dir: Path, data: dict[str, Any], lang: str
) -> None:
    body = text(handout(site_dir, lang))
    for sids, cites in RIGHTS.values():
        for cite in cites:
            assert cite in body, f"{lang}: the handout does not cite {cite}"
            assert any(cite.split("§")[-1].strip() in data["sources"][sid]["cite"] for sid in sids), cite
    for cite, sid in HANDOUT_DANGER_CITES.items():
        assert cite in body, f"{lang}: the handout does not cite {cite}"
        assert cite in data["sources"][sid]["cite"], f"{cite} is not {sid}'s citation"
    directive = data["sources"]["ice-ero-directive-2025-02-18"]
    assert str(directive["date"]) == "2025-02-18" and "ICE ERO" in body  # the check-ins danger's source
    words = {
        "en": ["Court:", "Check-ins:", "Registration:", "Deadlines:", "G-325R", "stay silent", "fear harm", "lawyer"],
        "es": ["La corte:", "Las citas de control:", "El registro:", "Los plazos:", "G-325R", "guardar silencio"],
    }[lang]
    for needle in words:
        assert needle in body, f"{lang}: the handout lacks {needle!r}"
    assert body.count({"en": "But", "es": "Pero"}[lang]) >= 3


# ---- In custody, in court, or with an order: today first, 2015 only as history -----------------


@pytest.mark.parametrize("lang", LANGS)
def test_custody_page_leads_with_today_and_keeps_2015_as_cited_history(
    site_dir: Path, data: dict[str, Any], lang: str
) -> None:
    page = article(built(site_dir, lang, "custody-court-orders"))
    history = page.find('id="history-what-ices-web-page-said-in-2015"')
    assert history > 0, f"{lang}: no history section"
    today = page[:history]
    for anchor in (
        "a-person-held-by-ice",
        "a-person-with-a-case-in-immigration-court",
        "a-person-with-a-removal-order",
    ):
        assert f'id="{anchor}"' in today, f"{lang}: #{anchor} is not before the history"
    warning = data["warnings"]["dismissal_then_expedited_removal"]
    assert in_lang(warning["title"], lang) in text(today)
    for sid in ["ina-240-b-5-c-in-absentia", "laken-riley-act-2025", "i-246-form", "ina-242-petition-for-review"]:
        assert linked(today, sid), f"{lang}: {sid} not cited before the history"
    # The 2014 priorities only as history (the 2015 page is also where the detention line was published).
    assert not linked(today, "johnson-2014"), f"{lang}: the 2014 priorities cited outside the history"
    for old in ["ice-pd-page-2015", "johnson-2014"]:
        assert linked(page[history:], old), f"{lang}: {old} not cited in the history"


@pytest.mark.parametrize("lang", LANGS)
def test_detained_page_is_the_detention_today_page_in_both_menus(site_dir: Path, lang: str) -> None:
    page = built(site_dir, lang, "detained-family-member")
    title = {"en": "Detention today", "es": "La detención hoy"}[lang]
    assert title in text(article(page))
    nav = built(site_dir, lang, "finding-legal-help")
    assert re.search(r'href="(\.\./)?detained-family-member/"[^>]*>\s*(<[^>]+>\s*)*' + title, nav), lang


@pytest.mark.parametrize("lang", LANGS)
def test_check_ins_section_says_what_people_ask_a_lawyer_beforehand_with_sources(
    site_dir: Path, data: dict[str, Any], lang: str
) -> None:
    part = section(article(built(site_dir, lang, "removal-scheduled-soon")), "check-ins-today")
    lead = {"en": "Before a check-in, people often ask a lawyer", "es": "Antes de una cita de control"}[lang]
    assert lead in text(part)
    asks = re.findall(r"<li>(.*?)</li>", part[part.find(lead) :], re.S)
    assert len(asks) >= 4, f"{lang}: {len(asks)} questions"
    for sid in ["ice-field-offices-page", "ice-ero-directive-2025-02-18", "ina-265-address-change"]:
        assert sid in data["sources"] and linked(part, sid), f"{lang}: {sid} not cited in the check-ins section"
    assert any(h.endswith("#how-do-i-ask-ice-for-a-stay") for h, _ in links(part))
    if lang == "en":
        assert "you should" not in text(part).lower()

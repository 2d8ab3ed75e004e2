"""MkDocs hooks: decision_tree/ becomes pages, macros and the guide; every page
gets its reviewed date, its policy notice, a Content-Security-Policy and no
referrer. The build fails (strict) on anything that breaks the site's rules."""

from __future__ import annotations

import datetime as dt
import json
import logging
import posixpath
import re
import shutil
import sys
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path, not as a package
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.utils.meta import get_data  # noqa: E402

from pdlogic import clock, engine  # noqa: E402
from pdlogic.compiler import DataError, compile_tree  # noqa: E402
from pdlogic.data import SOURCE_TREE  # noqa: E402
from sitegen import address, changes, congress, guide, headers, notices, pages, runtime, tasklist  # noqa: E402
from sitegen.qr import qr_svg  # noqa: E402
from sitegen.text import DEFAULT_LANGUAGE, LANGUAGES, MissingText, Words  # noqa: E402

log = logging.getLogger("mkdocs.hooks.pd")

# ICE's tip line is printed in the header of seed 001. This site never shows a
# number or form for reporting people: the build refuses to publish one.
FORBIDDEN = re.compile(r"DHS-?2-?ICE|347-?2423", re.IGNORECASE)
MACRO = re.compile(
    r"\[\[(src|status|contact|option|guide|qr|changes|deadlines|warning)(?::([a-z0-9_-]+))?(?:\|([^\]]+))?\]\]"
)

STATE: dict[str, Any] = {}


# Languages (issue 8, decision 0007): mkdocs-static-i18n builds the English site,
# then, from its post_build, the same config again for each other language, with
# theme.language set to it and pages written under /<lang>/. These hooks run in
# every one of those builds; site-wide work waits for the last.


def _lang(config: Any) -> str:
    return str(config.theme["language"])


def _lang_root(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def _nested_build(config: Any) -> bool:
    i18n = config.plugins.get("i18n")
    return bool(i18n and i18n.building)


def on_config(config: Any) -> Any:
    if not _nested_build(config):  # once per site: the language builds share one state
        try:
            data = compile_tree(SOURCE_TREE)
        except DataError as exc:
            raise PluginError("decision_tree/ is not valid:\n" + str(exc)) from None
        today = clock.today()  # PD_TODAY pins it (README)
        try:  # members of Congress (issue 17): the project's copy, data/congress/
            STATE["congress"] = congress.load()
        except congress.CongressDataError as exc:
            raise PluginError("data/congress/ is not valid:\n" + str(exc)) from None
        STATE.update(
            data=data,
            today=today,
            built=today.isoformat(),
            default_policy=engine.default_policy(data, today),
            hashes=set(),
            site_url=config["site_url"] or "",
            public_url=address.public_url(config["site_url"]),
        )
        address.announce(config["site_url"], STATE["public_url"])
    return config


@event_priority(-90)  # after mkdocs-static-i18n has set this build's language (-100 runs last)
def on_pre_build(config: Any) -> None:
    lang = _lang(config)
    if lang not in LANGUAGES:
        raise PluginError(f"theme.language {lang!r} is not one of the site's languages {LANGUAGES}")
    w = Words(lang)
    config.extra["built_on"] = w("built_on", date=w.date(STATE["built"]))
    config.extra["about_link"] = w("about_link")
    config.extra["menu_label"] = w("menu_label")
    config.extra["exit_label"] = w("exit_label")
    config.extra["exit_url"] = guide.EXIT_URL
    config.extra["lang_root"] = _lang_root(lang)
    config["copyright"] = w("copyright")


@event_priority(-110)  # after mkdocs-static-i18n has chosen this language's pages
def on_files(files: Files, config: Any) -> Files:
    lang = _lang(config)
    if lang == DEFAULT_LANGUAGE:
        _require_translations(config)
    try:
        generated = pages.generated_pages(STATE["data"], STATE["today"], lang)
    except MissingText as exc:
        raise PluginError(f"generated pages in {lang!r}: {exc}") from None
    generated_files = []
    for src_uri, content in generated.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} is generated from decision_tree/; remove the hand-written copy")
        file = File.generated(config, src_uri, content=content)
        file.dest_uri = _lang_root(lang) + file.dest_uri
        _i18n_attributes(file, lang)
        files.append(file)
        generated_files.append(file)
    if lang == DEFAULT_LANGUAGE:  # one copy for every language: the ZIP table the members page looks up
        files.append(File.generated(config, congress.ZIPS_ASSET, content=congress.zips_json(STATE["congress"])))
    i18n = config.plugins.get("i18n")
    if i18n:  # its sitemap lists the pages it has seen: add ours
        i18n.i18n_files_per_language[lang] = [*i18n.i18n_files_per_language.get(lang, []), *generated_files]
    return files


class _Alternate:
    page = None  # no Page object: the sitemap falls back to site_url + url

    def __init__(self, url: str) -> None:
        self.url = url


def _i18n_attributes(file: File, lang: str) -> None:
    """What mkdocs-static-i18n reads from its own files, so the language selector of a
    generated page leads to the same page in the other language."""
    base = file.url.removeprefix(_lang_root(lang))
    file.alternates = {other: _Alternate(_lang_root(other) + base) for other in LANGUAGES}  # type: ignore[attr-defined]
    file.locale = lang  # type: ignore[attr-defined]
    file.locale_alternate_of = lang  # type: ignore[attr-defined]
    file.localization = None if lang == DEFAULT_LANGUAGE else lang  # type: ignore[attr-defined]
    file.norm_src_uri = file.src_uri  # type: ignore[attr-defined]


def _require_translations(config: Any) -> None:
    """Nothing falls back silently: every public page has each language's version."""
    docs = Path(config["docs_dir"])
    missing = []
    for path in sorted(docs.rglob("*.md")):
        if any(path.name.endswith(f".{lang}.md") for lang in LANGUAGES) or "includes" in path.parts:
            continue
        _, meta = get_data(path.read_text(encoding="utf-8"))
        if meta.get("audience") != "public":
            continue
        for lang in LANGUAGES:
            if lang != DEFAULT_LANGUAGE and not path.with_name(f"{path.stem}.{lang}.md").exists():
                missing.append(f"docs/{path.relative_to(docs).with_suffix(f'.{lang}.md')}")
    if missing:
        raise PluginError(
            "public pages with no translation (write them; nothing falls back):\n  " + "\n  ".join(missing)
        )


ABBREVIATIONS = ROOT / "docs" / "includes"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    src = page.file.src_uri
    lang = _lang(config)
    w = Words(lang)
    reviewed = page.meta.get("last_reviewed")
    if not isinstance(reviewed, dt.date):
        raise PluginError(
            f"docs/{src}: front matter needs last_reviewed: YYYY-MM-DD (the date a person last checked its content)"
        )
    if FORBIDDEN.search(markdown):
        raise PluginError(f"docs/{src}: contains a number for reporting people to ICE; this site never shows one")
    try:
        markdown = congress.expand(markdown, page.url, lang, STATE["today"], STATE["congress"])
    except ValueError as exc:
        raise PluginError(f"docs/{src}: {exc}") from None
    try:
        markdown = MACRO.sub(lambda m: _macro(m, src, w), markdown)
        notice = _policy_notice(page.meta.get("describes_policies") or [], src, w)
        if lang != DEFAULT_LANGUAGE and page.meta.get(f"{lang}_reviewed") is not True:
            english = posixpath.relpath(
                page.url.removeprefix(_lang_root(lang)) or ".", posixpath.dirname(page.url.rstrip("/") + "/x")
            )
            notice = (
                f'<p class="pd-unreviewed">{w("unreviewed_notice_title")} · '
                f"{w('unreviewed_notice', url=english + '/')}</p>\n\n" + notice
            )
        if _printable(src):
            notice += f'<button type="button" class="md-button pd-print" data-pd-print hidden>{w("print_button")}</button>\n\n'
        if page.meta.get("language_link"):  # a visible link, for readers who miss the selector icon
            notice = _language_links(page, lang) + notice
        if notice:
            markdown = re.sub(r"^(# .*\n)", lambda m: m.group(1) + "\n" + notice + "\n", markdown, count=1, flags=re.M)
        footer = f'\n\n<p class="pd-reviewed">{w("page_footer", date=w.date(reviewed.isoformat()))}</p>\n'
    except MissingText as exc:
        raise PluginError(f"docs/{src}: {exc}") from None
    # Abbreviations become tooltips (the abbr extension), in the page's language.
    suffix = "" if lang == DEFAULT_LANGUAGE else f".{lang}"
    abbreviations = (ABBREVIATIONS / f"abbreviations{suffix}.md").read_text(encoding="utf-8")
    return markdown + footer + "\n\n" + abbreviations


def _printable(src: str) -> bool:
    """Pages people print: the handout, each checklist, each library document (any language)."""
    src = re.sub(r"\.[a-z]{2}\.md$", ".md", src)
    if src == "organizers/handout.md":
        return True
    folder, _, name = src.partition("/")
    return folder in ("checklists", "library") and name not in ("index.md", "timeline.md")


def _language_links(page: Any, lang: str) -> str:
    """ "Esta página en español" on the English page, "This page in English" on the Spanish one:
    each in its own language, to the same page."""
    site_root = "../" * page.url.count("/") or "./"
    same = page.url.removeprefix(_lang_root(lang))
    links = [
        f'<a class="pd-language" href="{site_root}{_lang_root(other)}{same}" hreflang="{other}" lang="{other}">'
        f"{Words(other)('this_page_in_language')}</a>"
        for other in LANGUAGES
        if other != lang
    ]
    return f'<p class="pd-language-links">{" · ".join(links)}</p>\n\n'


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    if "[[guide]]" in html:
        lang = _lang(config)
        # Relative path from the page to this language's home (pages, the flowchart) ...
        home = posixpath.relpath(_lang_root(lang) or ".", posixpath.dirname(page.url.rstrip("/") + "/x")) + "/"
        try:
            widget = guide.widget(STATE["data"], STATE["default_policy"], STATE["built"], home, lang)
        except MissingText as exc:
            raise PluginError(f"the guide in {lang!r}: {exc}") from None
        html = re.sub(r"<p>\s*\[\[guide\]\]\s*</p>", lambda _: widget, html)
    return tasklist.label_checkboxes(html)


def on_post_page(output: str, page: Any, config: Any) -> str:
    if FORBIDDEN.search(output):
        raise PluginError(f"{page.file.src_uri}: the built page contains a number for reporting people to ICE")
    # Material reads each <link rel="alternate" hreflang> as a language's home: it fetches a
    # sitemap.xml there and may reroute clicks by it. The language selector's own links already
    # lead to the same page in the other language, and sitemap.xml lists the alternates for
    # search engines: leave the head links out (no stray requests, no rerouting).
    output = re.sub(r'<link rel="alternate" href="[^"]*" hreflang="\w+">', "", output)
    lang = _lang(config)
    if lang != DEFAULT_LANGUAGE:
        # Material looks for search/search_index.json under __config's "base": point a
        # page to its own language's index (split in on_post_build).
        output = re.sub(r'("base":\s*")([^"]*)"', lambda m: f'{m.group(1)}{m.group(2)}/{lang}/"', output, count=1)
    found = headers.inline_script_hashes(output)
    STATE["hashes"].update(found)
    output = headers.add_outside_link_rel(output, config["site_url"])
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{headers.csp(found, for_meta=True)}">'
        '<meta name="referrer" content="no-referrer">'
    )
    return output.replace("<head>", "<head>" + meta, 1)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    # Every language build writes its 404.html to the site root; keep each for its own place.
    if template_name == "404.html":
        STATE.setdefault("not_found", {})[_lang(config)] = output
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every other language
def on_post_build(config: Any) -> None:
    if _nested_build(config):
        return
    for lang, output in STATE.get("not_found", {}).items():
        (Path(config["site_dir"]) / _lang_root(lang) / "404.html").write_text(output, encoding="utf-8")
    site = Path(config["site_dir"])
    wheel = _wheel()
    try:  # the runtime, the wheel and the lock file the worker loads it by (decision 0003)
        runtime.install(site / "pyodide", wheel, wheel.with_name(runtime.LOCK))
    except runtime.RuntimeProblem as exc:
        raise PluginError(str(exc)) from None
    for lang in LANGUAGES:
        graph = ROOT / "build" / "graph" / f"questions.{lang}.svg"
        if graph.exists():
            shutil.copy2(graph, site / _lang_root(lang) / "guide" / "questions.svg")
    split_search_index(site)
    write_feeds(site)
    # 404.html comes from a template, not through on_post_page: same <meta>, its script hash in the header.
    for lang in LANGUAGES:
        STATE["hashes"] |= headers.secure_static_page(site / _lang_root(lang) / "404.html", config["site_url"])
    headers.write_headers_file(site, STATE["hashes"])
    # The service worker's file list and build id cover every file written above.
    headers.write_service_worker(site)
    write_offline_kit(site, STATE["built"])


def write_feeds(site: Path) -> None:
    """The "What changed" feed in each language, beside that language's home: a static file
    on the site's own origin (sitegen/changes.py)."""
    public = STATE["public_url"]
    for lang in LANGUAGES:
        try:
            text = changes.feed(STATE["data"], STATE["today"], Words(lang), public and public + _lang_root(lang))
        except MissingText as exc:
            raise PluginError(f"the {changes.FEED} feed in {lang!r}: {exc}") from None
        (site / _lang_root(lang) / changes.FEED).write_text(text, encoding="utf-8")


def split_search_index(site: Path) -> None:
    """One search index per language, each with its own stemmer and stop words: a Spanish
    reader searches the Spanish pages in Spanish and never gets English results."""
    merged = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        root = _lang_root(lang)
        docs = [
            {**doc, "location": doc["location"].removeprefix(root)}
            for doc in merged["docs"]
            if (
                doc["location"].startswith(root)
                if root
                else not doc["location"].startswith(tuple(f"{o}/" for o in LANGUAGES))
            )
        ]
        index = {**merged, "config": {**merged["config"], "lang": [lang]}, "docs": docs}
        target = site / root / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


KIT = "downloads/offline-kit.zip"
KIT_README = """Prosecutorial Discretion Guide: offline copy, built {built}

This folder holds the whole site and a small server for it. It needs Python 3
(python.org; most Mac and Linux laptops have it). Nothing is sent anywhere.

For this laptop only:
    python3 serve.py
    (then open http://127.0.0.1:8000/ if no browser opens)

For phones in the room (a know-your-rights event with no internet):
    python3 serve.py --event
    (or double-click start-event.command on a Mac, start-event.bat on Windows)
    Phones join the same Wi-Fi as this laptop (a phone hotspot works too) and scan
    the QR code on the page that opens. Every page and the guide work there, the
    guide's engine running on each phone; phones cannot keep a copy for later, so
    the guide works only while this laptop serves it.

Browsers will not run the guide's engine from a file:// address: open the site
through this server. This copy may be older than the law: check the "Built on"
date at the foot of every page. Information, not legal advice.
"""
KIT_LAUNCHER = """# Serve the guide from this folder: python3 serve.py [--event] (see START-HERE.txt).
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE / "vendor")]
from pdkit.event import main  # noqa: E402

raise SystemExit(main(sys.argv[1:], site=HERE / "site"))
"""
KIT_START = {
    "start-event.command": '#!/bin/sh\ncd "$(dirname "$0")" && python3 serve.py --event\n',
    "start-event.bat": '@echo off\r\ncd /d "%~dp0"\r\npy -3 serve.py --event || python serve.py --event\r\npause\r\n',
}


def write_offline_kit(site: Path, built: str) -> None:
    """A zip of the whole site and a small server for it, for organizers with no signal:
    on one laptop, or for the phones in a room (sitegen/event.py)."""
    import segno

    from sitegen.eventpage import render_template

    kit = site / KIT
    kit.parent.mkdir(exist_ok=True)
    here = Path(__file__).resolve().parent
    with zipfile.ZipFile(kit, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr("pd-guide/START-HERE.txt", KIT_README.format(built=built))
        zf.writestr("pd-guide/serve.py", KIT_LAUNCHER)
        for name, text in KIT_START.items():
            info = zipfile.ZipInfo(f"pd-guide/{name}", date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = 0o755 << 16  # double-clickable where the unzipper keeps modes
            zf.writestr(info, text)
        zf.writestr(
            "pd-guide/pdkit/__init__.py", '"""The offline kit\'s server (sitegen/server.py, sitegen/event.py)."""\n'
        )
        for module in ("server.py", "event.py"):
            zf.write(here / module, f"pd-guide/pdkit/{module}")
        zf.writestr("pd-guide/pdkit/event-page.html", render_template())
        segno_dir = Path(segno.__file__).parent
        for path in sorted(segno_dir.glob("*.py")):
            zf.write(path, f"pd-guide/vendor/segno/{path.name}")
        for licence in Path(segno_dir.parent).glob(f"segno-{segno.__version__}.dist-info/licenses/*"):
            zf.write(licence, f"pd-guide/vendor/segno/{licence.name}")
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            rel = path.relative_to(site).as_posix()
            if not rel.startswith("downloads/"):
                zf.write(path, f"pd-guide/site/{rel}")


def _wheel() -> Path:
    wheels = sorted((ROOT / "build" / "wheel").glob("pdlogic-*-py3-none-any.whl"))
    if not wheels:
        raise PluginError("build/wheel/ has no pdlogic wheel: build with `python -m sitegen.build`")
    return wheels[-1]


def _rel(src: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(src) or ".")


def _macro(m: re.Match[str], src: str, w: Words) -> str:
    kind, ident, extra = m.group(1), m.group(2), m.group(3)
    data = STATE["data"]
    if kind == "guide":
        return m.group(0)
    if kind == "qr":
        return _qr(ident, src, w)
    if kind == "changes":  # the "What changed" page, with its newest entry's date (from the data)
        newest = changes.newest(data)
        return f"[{w('changes_home', date=w.date(newest.since))}]({_rel(src, changes.PAGE)})"
    if kind == "deadlines":
        return _deadlines(ident, src, w)
    table = {"src": "sources", "status": "sources", "contact": "contacts", "option": "options", "warning": "warnings"}[
        kind
    ]
    if ident not in data[table]:
        raise PluginError(f"docs/{src}: [[{kind}:{ident}]] names no entry in decision_tree/ {table}")
    if kind == "status":
        return w.badge(data["sources"][ident], STATE["today"])
    if kind == "src":
        return _cite(ident, src, extra, w)
    if kind == "warning":  # an engine warning word for word, with its sources: the page never retypes it
        warning = data["warnings"][ident]
        cites = "".join(f"- {_cite(sid, src, None, w)}\n" for sid in warning["sources"])
        return (
            f"**{pages._md(w.text(warning['title']))}.** {pages._md(w.text(warning['text']))}\n\n"
            f"{w('warning_sources')}\n\n{cites}"
        )
    if kind == "contact":
        c = data["contacts"][ident]
        hours = f", {w.text(c['hours'])}" if c["hours"] else ""
        digits = re.sub(r"[^0-9]", "", c["value"])
        if c["kind"] == "phone":
            value = f"[{c['value']}](tel:+{digits if len(digits) == 11 else '1' + digits})"
        elif c["kind"] == "web":  # a plain outside link: the build adds rel="noreferrer"; nothing is fetched
            if not c["value"].startswith("https://"):
                raise PluginError(f"docs/{src}: [[contact:{ident}]] is a web address that is not absolute https")
            value = f"<{c['value']}>"
        else:
            value = c["value"]
        if extra == "short":  # printed sheets: the number and its hours; the name links to where it comes from
            where = _rel(src, "library/" + c["source"] + ".md")
            return f"[**{pages._md(w.text(c['label']))}**]({where}): {value}{pages._md(hours)}"
        unconfirmed = "" if c["confirmed"] else ", " + w("contact_unconfirmed")
        if c.get("checked"):  # an address read from a stored copy: the reader sees the day it was taken
            unconfirmed += ", " + w("contact_checked", date=w.date(c["checked"]))
        published = (
            w("contact_undated") if c["published"] == "undated" else w("contact_published", date=w.date(c["published"]))
        )
        return (
            f"**{pages._md(w.text(c['label']))}**: {value}{pages._md(hours)} "
            f"({published}, {_cite(c['source'], src, None, w)}{unconfirmed})"
        )
    opt = data["options"][ident]
    stage = pages.option_stage(data, ident)
    return f"[{pages._md(w.text(opt['title']))}]({_rel(src, f'options/{pages.STAGE_PAGES[stage]}.md')}#{ident})"


# [[deadlines]]: every time limit in decision_tree/deadlines.yaml, most urgent then shortest, in
# the page's language, each with what starts the clock and its sources: one source of truth for
# the days (the guide shows the same entries when they apply to a reader's answers).
def _deadlines(ident: str | None, src: str, w: Words) -> str:
    if ident is not None:
        raise PluginError(f"docs/{src}: [[deadlines]] takes no id")
    table = STATE["data"]["deadlines"]
    items = []
    for did in sorted(table, key=lambda d: (table[d]["urgency"], table[d]["days"], d)):
        d = table[did]
        cites = "; ".join(_cite(sid, src, None, w) for sid in d["sources"])
        items.append(
            f'- <span id="deadline-{did}"></span>**{pages._md(w.text(d["title"]))}.** {pages._md(w.text(d["text"]))} '
            f"{w('deadline_starts', starts=pages._md(w.text(d['starts'])))} ({cites})"
        )
    return "\n".join(items) + "\n"


# [[qr:ID]]: a QR code to one of these pages at the configured site address, made at build time.
QR_TARGETS = {"guide": "guide/"}


def _qr(ident: str | None, src: str, w: Words) -> str:
    if ident not in QR_TARGETS:
        raise PluginError(f"docs/{src}: [[qr:{ident}]] needs one of {sorted(QR_TARGETS)}")
    if not STATE["public_url"]:
        # A sheet printed from a local copy must not send phones to an address that only
        # works on the machine that built it.
        return f'<div class="pd-qr pd-qr--none"><p class="pd-qr__how">{w("qr_no_address")}</p></div>'
    url = STATE["public_url"] + _lang_root(w.lang) + QR_TARGETS[ident]
    svg = qr_svg(url, w("qr_alt", url=url))
    return (
        f'<div class="pd-qr">{svg}<p class="pd-qr__url"><strong>{url}</strong></p>'
        f'<p class="pd-qr__how">{w("qr_how")}</p></div>'
    )


def _cite(ident: str, src: str, pinpoint: str | None, w: Words) -> str:
    doc = STATE["data"]["sources"][ident]
    pin = f", {pinpoint}" if pinpoint else ""
    undated = "" if doc["date_confirmed"] else ", " + w("date_unconfirmed")
    label = f"{w.name(pages._md_value(doc['title']))} ({pages._md(w.date(doc['date']) + undated + pin)})"
    return f"[{label}]({_rel(src, f'library/{ident}.md')}) {w.badge(doc, STATE['today'])}"


def _policy_notice(policy_ids: list[str], src: str, w: Words) -> str:
    for pid in policy_ids:
        if pid not in STATE["data"]["policies"]:
            raise PluginError(f"docs/{src}: describes_policies names unknown policy {pid!r}")
    return notices.policy_notice(
        STATE["data"], policy_ids, STATE["today"], w, lambda sid: _rel(src, f"library/{sid}.md")
    )

"""MkDocs hooks: decision_tree/ becomes pages, macros and the guide; every page
gets its reviewed date, its policy notice, a Content-Security-Policy and no
referrer. The build fails (strict) on anything that breaks the site's rules."""

from __future__ import annotations

import datetime as dt
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
from mkdocs.structure.files import File, Files  # noqa: E402

from pdlogic import engine  # noqa: E402
from pdlogic.compiler import DataError, compile_tree  # noqa: E402
from pdlogic.data import SOURCE_TREE  # noqa: E402
from sitegen import guide, headers, pages  # noqa: E402
from sitegen.qr import qr_svg  # noqa: E402
from sitegen.text import badge, en, human_date  # noqa: E402

log = logging.getLogger("mkdocs.hooks.pd")

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
# ICE's tip line is printed in the header of seed 001. This site never shows a
# number or form for reporting people: the build refuses to publish one.
FORBIDDEN = re.compile(r"DHS-?2-?ICE|347-?2423", re.IGNORECASE)
MACRO = re.compile(r"\[\[(src|status|contact|option|guide|qr)(?::([a-z0-9_-]+))?(?:\|([^\]]+))?\]\]")

STATE: dict[str, Any] = {}


def on_config(config: Any) -> Any:
    try:
        data = compile_tree(SOURCE_TREE)
    except DataError as exc:
        raise PluginError("decision_tree/ is not valid:\n" + str(exc)) from None
    today = dt.date.today()
    STATE.update(
        data=data,
        today=today,
        built=today.isoformat(),
        default_policy=engine.default_policy(data, today),
        hashes=set(),
        site_url=config["site_url"] or "",
    )
    config.extra["built_on"] = human_date(today.isoformat())
    return config


def on_files(files: Files, config: Any) -> Files:
    for src_uri, content in pages.generated_pages(STATE["data"], STATE["today"]).items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} is generated from decision_tree/; remove the hand-written copy")
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    src = page.file.src_uri
    reviewed = page.meta.get("last_reviewed")
    if not isinstance(reviewed, dt.date):
        raise PluginError(
            f"docs/{src}: front matter needs last_reviewed: YYYY-MM-DD (the date a person last checked its content)"
        )
    if FORBIDDEN.search(markdown):
        raise PluginError(f"docs/{src}: contains a number for reporting people to ICE; this site never shows one")
    markdown = MACRO.sub(lambda m: _macro(m, src), markdown)
    notice = _policy_notice(page.meta.get("describes_policies") or [], src)
    if notice:
        markdown = re.sub(r"^(# .*\n)", lambda m: m.group(1) + "\n" + notice + "\n", markdown, count=1, flags=re.M)
    footer = (
        f'\n\n<p class="pd-reviewed">Last reviewed: {human_date(reviewed.isoformat())}. '
        "Information, not legal advice: talk to a lawyer or accredited representative about your case.</p>\n"
    )
    return markdown + footer


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    if "[[guide]]" in html:
        base = posixpath.relpath(".", posixpath.dirname(page.url.rstrip("/") + "/x")) + "/"
        widget = guide.widget(STATE["data"], STATE["default_policy"], STATE["built"], base, _wheel().name)
        html = re.sub(r"<p>\s*\[\[guide\]\]\s*</p>", lambda _: widget, html)
    return html


def on_post_page(output: str, page: Any, config: Any) -> str:
    if FORBIDDEN.search(output):
        raise PluginError(f"{page.file.src_uri}: the built page contains a number for reporting people to ICE")
    found = headers.inline_script_hashes(output)
    STATE["hashes"].update(found)
    output = headers.add_outside_link_rel(output, config["site_url"])
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{headers.csp(found, for_meta=True)}">'
        '<meta name="referrer" content="no-referrer">'
    )
    return output.replace("<head>", "<head>" + meta, 1)


def on_post_build(config: Any) -> None:
    site = Path(config["site_dir"])
    target = site / "pyodide"
    target.mkdir(exist_ok=True)
    runtime = ROOT / "node_modules" / "pyodide"
    for name in PYODIDE_FILES:
        if not (runtime / name).exists():
            raise PluginError(f"node_modules/pyodide/{name} is missing: run `npm ci` first")
        shutil.copy2(runtime / name, target / name)
    wheel = _wheel()
    shutil.copy2(wheel, target / wheel.name)
    graph = ROOT / "build" / "graph" / "questions.svg"
    if graph.exists():
        shutil.copy2(graph, site / "guide" / "questions.svg")
    # 404.html comes from a template, not through on_post_page: same <meta>, its script hash in the header.
    STATE["hashes"] |= headers.secure_static_page(site / "404.html", config["site_url"])
    headers.write_headers_file(site, STATE["hashes"])
    # The service worker's file list and build id cover every file written above.
    headers.write_service_worker(site)
    write_offline_kit(site, STATE["built"])


KIT = "downloads/offline-kit.zip"
KIT_README = """Prosecutorial Discretion Guide: offline copy, built {built}

1. Unzip this folder on a laptop.
2. Open a terminal in the folder and run:
       python3 -m http.server 8000 --bind 127.0.0.1
3. Open http://127.0.0.1:8000/ in a browser on the same laptop.

The guide needs this small local server: browsers will not run its engine
from a file:// address. Nothing is sent anywhere; answers stay in the browser.
This copy may be older than the law: check the "Built on" date in the footer.
Information, not legal advice.
"""


def write_offline_kit(site: Path, built: str) -> None:
    """A zip of the whole site for organizers at events with no signal (issue 7)."""
    kit = site / KIT
    kit.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(kit, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr("pd-guide/START-HERE.txt", KIT_README.format(built=built))
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            rel = path.relative_to(site).as_posix()
            if not rel.startswith("downloads/"):
                zf.write(path, f"pd-guide/{rel}")


def _wheel() -> Path:
    wheels = sorted((ROOT / "build" / "wheel").glob("pdlogic-*-py3-none-any.whl"))
    if not wheels:
        raise PluginError("build/wheel/ has no pdlogic wheel: build with `python -m sitegen.build`")
    return wheels[-1]


def _rel(src: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(src) or ".")


def _macro(m: re.Match[str], src: str) -> str:
    kind, ident, extra = m.group(1), m.group(2), m.group(3)
    data = STATE["data"]
    if kind == "guide":
        return m.group(0)
    if kind == "qr":
        return _qr(ident, src)
    table = {"src": "sources", "status": "sources", "contact": "contacts", "option": "options"}[kind]
    if ident not in data[table]:
        raise PluginError(f"docs/{src}: [[{kind}:{ident}]] names no entry in decision_tree/ {table}")
    if kind == "status":
        return badge(data["sources"][ident], STATE["today"])
    if kind == "src":
        return _cite(ident, src, extra)
    if kind == "contact":
        c = data["contacts"][ident]
        hours = f", {en(c['hours'])}" if c["hours"] else ""
        digits = re.sub(r"[^0-9]", "", c["value"])
        value = (
            f"[{c['value']}](tel:+{digits if len(digits) == 11 else '1' + digits})"
            if c["kind"] == "phone"
            else c["value"]
        )
        unconfirmed = "" if c["confirmed"] else ", not confirmed"
        published = (
            "publication date not shown" if c["published"] == "undated" else f"published {human_date(c['published'])}"
        )
        return (
            f"**{pages._md(en(c['label']))}**: {value}{pages._md(hours)} "
            f"({published}, {_cite(c['source'], src, None)}{unconfirmed})"
        )
    opt = data["options"][ident]
    stage = pages.option_stage(data, ident)
    return f"[{pages._md(en(opt['title']))}]({_rel(src, f'options/{pages.STAGE_PAGES[stage]}.md')}#{ident})"


# [[qr:ID]]: a QR code to one of these pages at the configured site address, made at build time.
QR_TARGETS = {"guide": ("guide/", "the guide")}


def _qr(ident: str | None, src: str) -> str:
    if ident not in QR_TARGETS or not STATE["site_url"]:
        raise PluginError(f"docs/{src}: [[qr:{ident}]] needs one of {sorted(QR_TARGETS)} and site_url in mkdocs.yml")
    path, name = QR_TARGETS[ident]
    url = STATE["site_url"].rstrip("/") + "/" + path
    svg = qr_svg(url, f"QR code that opens {name}: {url}")
    return f'<div class="pd-qr">{svg}<p class="pd-qr__url"><strong>{url}</strong></p></div>'


def _cite(ident: str, src: str, pinpoint: str | None) -> str:
    doc = STATE["data"]["sources"][ident]
    pin = f", {pinpoint}" if pinpoint else ""
    undated = "" if doc["date_confirmed"] else ", date unconfirmed"
    label = f"{doc['title']} ({human_date(doc['date'])}{undated}{pin})"
    return f"[{pages._md(label)}]({_rel(src, f'library/{ident}.md')}) {badge(doc, STATE['today'])}"


def _policy_notice(policy_ids: list[str], src: str) -> str:
    data, today = STATE["data"], STATE["today"]
    if not policy_ids:
        return ""
    for pid in policy_ids:
        if pid not in data["policies"]:
            raise PluginError(f"docs/{src}: describes_policies names unknown policy {pid!r}")
    current = STATE["default_policy"]
    spans = []
    for pid in policy_ids:
        window = engine.policy_window(data, pid, today)
        span = "; ".join(
            f"{human_date(s.isoformat())} to {'today' if e >= today - dt.timedelta(days=1) else human_date(e.isoformat())}"
            for s, e in window
        )
        spans.append(f"{en(data['policies'][pid]['short'])} ({span or 'dates not confirmed'})")
    cur = data["policies"][current]
    return (
        '!!! info "Which rules this page describes"\n'
        f"    This page describes: {'; '.join(spans)}.\n"
        f"    In force today: **{en(cur['title'])}**. Older rules help explain past decisions;"
        " they do not tell you what DHS does today.\n"
    )

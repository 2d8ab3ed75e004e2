"""The Content-Security-Policy: the browser itself refuses to load anything from, or
send anything to, another host. Sent on every response by the project's server
(workers take their policy from their own response), and in every page's <meta>."""

from __future__ import annotations

import http.client
import re
from pathlib import Path
from urllib.parse import urlparse

from guide_walk import wait_ready
from playwright.sync_api import BrowserContext, Page

from sitegen import headers
from sitegen.server import serving

REQUIRED = ("Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options", "Permissions-Policy")
# Pages, the guide's scripts, its worker, Python, the service worker, search, a 404, a redirect.
PATHS = (
    "/",
    "/guide/",
    "/checklists/request-packet/",
    "/assets/js/guide.js",
    "/assets/js/engine-worker.js",
    "/assets/js/offline.js",
    "/sw.js",
    "/pyodide/pyodide.mjs",
    "/pyodide/pyodide.asm.wasm",
    "/search/search_index.json",
    "/no-such-page/",
    "/about",
)
META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def directives(policy: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in policy.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_response_carries_the_privacy_headers(base_url: str) -> None:
    host = urlparse(base_url)
    missing = []
    for path in PATHS:
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
        conn.request("HEAD", path)
        response = conn.getresponse()
        got = {k.lower(): v for k, v in response.getheaders()}
        missing += [f"{path} ({response.status}): no {h}" for h in REQUIRED if h.lower() not in got]
        assert got.get("referrer-policy") == "no-referrer", path
        assert got.get("x-content-type-options") == "nosniff", path
        conn.close()
    assert not missing, missing


def test_the_policy_allows_this_site_only(site_dir: Path) -> None:
    policy = headers.read_headers_file(site_dir)["Content-Security-Policy"]
    d = directives(policy)
    assert d["default-src"] == ["'self'"]
    assert d["connect-src"] == ["'self'"]
    assert d["frame-ancestors"] == ["'none'"]
    assert d["object-src"] == ["'none'"]
    # Scripts: this site's files, the inline theme scripts by hash, and WebAssembly compilation.
    assert all(v in ("'self'", "'wasm-unsafe-eval'") or v.startswith("'sha256-") for v in d["script-src"])
    for forbidden in ("'unsafe-inline'", "'unsafe-eval'", "http:", "https:", "*", "data:", "blob:"):
        assert not any(forbidden in v for name, values in d.items() if name != "img-src" for v in values), forbidden
    assert "://" not in policy, "no other host is ever named"


def test_every_page_has_its_policy_and_no_referrer_before_any_script(site_dir: Path) -> None:
    header_sources = set(directives(headers.read_headers_file(site_dir)["Content-Security-Policy"])["script-src"])
    problems = []
    for path in html_pages(site_dir):
        name = path.relative_to(site_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        head = text[: text.find("<script")]
        meta = META_CSP.search(head)
        if not meta or '<meta name="referrer" content="no-referrer">' not in head:
            problems.append(f"{name}: no policy or no-referrer <meta> before its first script")
            continue
        script_src = set(directives(meta.group(1))["script-src"])
        for digest in headers.inline_script_hashes(text):
            if digest not in script_src or digest not in header_sources:
                problems.append(f"{name}: inline script {digest} is not allowed by hash")
        if "'unsafe-inline'" in meta.group(1):
            problems.append(f"{name}: 'unsafe-inline'")
    assert not problems, problems


def test_links_to_other_sites_send_no_referrer(site_dir: Path) -> None:
    own = "http://127.0.0.1"
    bad = []
    for path in html_pages(site_dir):
        for tag in re.findall(r"<a\s[^>]*href=\"https?://[^\"]+\"[^>]*>", path.read_text(encoding="utf-8")):
            if own not in tag and not re.search(r'rel="[^"]*noreferrer', tag):
                bad.append(f"{path.relative_to(site_dir)}: {tag}")
    assert not bad, bad


def test_the_guides_engine_cannot_reach_another_site(page: Page, base_url: str) -> None:
    """Code running inside the real Pyodide worker is stopped by the worker's own policy
    (the reason is checked: the test's resolver would make the request fail anyway)."""
    page.goto(base_url + "/guide/")
    wait_ready(page)
    worker = next(w for w in page.workers if w.url.endswith("/assets/js/engine-worker.js"))
    seen = worker.evaluate(
        """async () => {
          const violations = [];
          self.addEventListener("securitypolicyviolation", (e) => violations.push([e.effectiveDirective, e.blockedURI]));
          const tried = {};
          try { await fetch("http://example.org/?answers=1"); tried.fetch = "sent"; } catch (e) { tried.fetch = "refused"; }
          await new Promise((r) => setTimeout(r, 100));  // violation events are queued as tasks
          return { tried, violations };
        }"""
    )
    assert seen["tried"] == {"fetch": "refused"}
    assert seen["violations"] == [["connect-src", "http://example.org/?answers=1"]]


def test_python_needs_wasm_unsafe_eval_and_nothing_more(
    context: BrowserContext, site_dir: Path, tmp_path: Path
) -> None:
    """Without 'wasm-unsafe-eval' in the worker's own response header, the browser refuses
    to compile Pyodide's WebAssembly (the pages' <meta> still has it: a worker does not
    use it), so the engine never becomes ready. With the real policy, which has no
    'unsafe-eval', Python runs (every guide test) with no violation (test_privacy_crawl)."""
    sent = headers.read_headers_file(site_dir)
    sent["Content-Security-Policy"] = sent["Content-Security-Policy"].replace(" 'wasm-unsafe-eval'", "")
    reports = tmp_path / "reports.log"
    with serving(site_dir, site_headers=sent, report_path=reports) as (url, _):
        page = context.new_page()
        with page.expect_event(
            "console", lambda m: "WebAssembly" in m.text and "Content Security Policy" in m.text, timeout=60_000
        ):
            page.goto(url + "/guide/")
        for _ in range(100):  # the report is sent after the console message
            if "wasm-eval" in (reports.read_text(encoding="utf-8") if reports.exists() else ""):
                break
            page.wait_for_timeout(100)
        assert page.locator("#pd-guide").get_attribute("data-engine") != "ready"
        page.close()
    blocked = [line for line in reports.read_text(encoding="utf-8").splitlines() if '"blocked-uri":"wasm-eval"' in line]
    assert blocked and all('"document-uri":"' + url + '/assets/js/engine-worker.js"' in line for line in blocked)

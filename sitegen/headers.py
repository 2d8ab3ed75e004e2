"""The site's security headers: one definition, used by the build (the <meta> tag in
every page and the `_headers` file for static hosts) and by the local server.

Inline scripts are allowed by their SHA-256 hash, never by 'unsafe-inline'.
'wasm-unsafe-eval' is the one extra Pyodide needs: it compiles WebAssembly,
which a policy without it blocks; it does not allow JavaScript eval().

Measured in Chromium 156 with Pyodide 314.0.7 (tests/test_csp.py,
tests/test_privacy_crawl.py):
- Without 'wasm-unsafe-eval' in the worker's own response header, the browser
  refuses `WebAssembly.instantiateStreaming` (a script-src violation, blocked
  "wasm-eval") and Pyodide never becomes ready. The page's <meta> does not help:
  a worker takes its policy from its own response only.
- 'unsafe-eval' is not needed: pyodide.asm.mjs has eval() only on paths this
  site never takes (EM_ASM of dynamically loaded libraries, emscripten_run_script);
  the full crawl, the guide walked to a result, reports no violation from any
  context, workers included.
- No 'unsafe-inline' for styles either: the pages carry no style attributes, and
  Material sets styles through the CSSOM (element.style), which a policy allows.
  The crawl (every page, search, print view) sees no style-src violation.
- 404.html is rendered from a template without hooks.on_post_page; the build gives
  it the same <meta> and puts its inline script's hash in the header
  (secure_static_page, called from on_post_build).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path

from .server import read_headers_file  # noqa: F401  (stdlib-only: the offline kit carries server.py)
from .text import DEFAULT_LANGUAGE, LANGUAGES

SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
OUTSIDE_LINK = re.compile(r'<a (?P<attrs>[^>]*?)href="(?P<href>https?://[^"]+)"(?P<rest>[^>]*)>', re.I)

STATIC = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def inline_script_hashes(page_html: str) -> set[str]:
    found = set()
    for m in SCRIPT.finditer(page_html):
        attrs = m.group("attrs")
        if "src=" in attrs or "application/json" in attrs:
            continue  # external files are 'self'; JSON data is never executed
        digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
        found.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return found


def csp(hashes: Iterable[str], *, for_meta: bool = False) -> str:
    directives = [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(sorted(hashes)),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if not for_meta:  # ignored (and warned about) in a <meta> tag
        directives.append("frame-ancestors 'none'")
    return "; ".join(d.strip() for d in directives)


def all_headers(hashes: Iterable[str]) -> dict[str, str]:
    return {"Content-Security-Policy": csp(hashes), **STATIC}


def write_headers_file(site: Path, hashes: Iterable[str]) -> None:
    """`_headers` in the format Netlify and Cloudflare Pages read (the local server reads it
    too), and the same headers for Apache (`.htaccess`) and nginx (`nginx-headers.conf`):
    the policy holds this build's script hashes, so the build writes all three."""
    values = all_headers(hashes)
    lines = ["/*"] + [f"  {k}: {v}" for k, v in values.items()]
    (site / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")
    apache = [
        "# Written by the build (sitegen/headers.py): the headers every response needs.",
        "<IfModule mod_headers.c>",
        *(f'  Header always set {k} "{v}"' for k, v in values.items()),
        '  Header always set Cache-Control "no-cache"',
        "</IfModule>",
        "AddType text/javascript .js .mjs",
        "AddType application/wasm .wasm",
        "AddType application/atom+xml .atom",
    ]
    (site / ".htaccess").write_text("\n".join(apache) + "\n", encoding="utf-8")
    nginx = [
        "# Written by the build (sitegen/headers.py). Include it in the `server` block that serves",
        "# the site, and in any `location` block that has add_header lines of its own (nginx does",
        "# not merge add_header across levels). mime.types must map .mjs to text/javascript,",
        "# .wasm to application/wasm and .atom to application/atom+xml.",
        *(f'add_header {k} "{v}" always;' for k, v in values.items()),
        'add_header Cache-Control "no-cache" always;',
    ]
    (site / "nginx-headers.conf").write_text("\n".join(nginx) + "\n", encoding="utf-8")


def secure_static_page(path: Path, site_url: str | None) -> set[str]:
    """What hooks.on_post_page does to every page, for a page MkDocs renders from a
    template without that hook (404.html): outside links without referrer, the policy
    and no-referrer <meta>. Returns the page's inline script hashes for the header."""
    if not path.exists():
        return set()
    page_html = path.read_text(encoding="utf-8")
    found = inline_script_hashes(page_html)
    if 'http-equiv="Content-Security-Policy"' not in page_html:
        page_html = add_outside_link_rel(page_html, site_url)
        meta = (
            f'<meta http-equiv="Content-Security-Policy" content="{csp(found, for_meta=True)}">'
            '<meta name="referrer" content="no-referrer">'
        )
        path.write_text(page_html.replace("<head>", "<head>" + meta, 1), encoding="utf-8")
    return found


def add_outside_link_rel(page_html: str, site_url: str | None) -> str:
    """Outside links carry rel="noreferrer": a government site never learns where a reader came from."""
    own = (site_url or "").rstrip("/")

    def fix(m: re.Match[str]) -> str:
        if own and m.group("href").startswith(own):
            return m.group(0)
        attrs = m.group("attrs") + m.group("rest")
        if "rel=" in attrs:
            return m.group(0)
        return f'<a {m.group("attrs")}href="{m.group("href")}" rel="noreferrer noopener"{m.group("rest")}>'

    return OUTSIDE_LINK.sub(fix, page_html)


# The service worker (docs/sw.js, copied to the site root) gets its file lists and
# the build id from the build. Python (pyodide/: the runtime and the pdlogic
# wheel) is stored only when a reader opens the guide; source maps, the sitemap
# and the search's extra languages (the site is in English) are never stored.
SW_MARKER = re.compile(r"/\*PD-MANIFEST\*/.*?/\*PD-MANIFEST\*/", re.S)
# lunr's language files: only those the site's search uses (a language other than English
# needs its stemmer and the shared stemmer support).
_LUNR_USED = "|".join(["stemmer\\.support", *(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)])
NOT_STORED = re.compile(
    r"^(_headers|\.htaccess|nginx-headers\.conf|sw\.js|sitemap\.xml(\.gz)?)$|\.map$|^downloads/"
    rf"|^assets/javascripts/lunr/(?!min/lunr\.({_LUNR_USED})\.min\.js$)"
)


def service_worker_manifest(site: Path) -> dict[str, object]:
    """What the service worker stores: site-relative URLs (pages as `dir/`), and a
    build id that is a hash of every stored file, so any change makes a new cache.
    `precache` (stored at install) is what every page uses (assets/); `pages` holds each
    language's own files, stored when a page in that language asks (a reader of one
    language does not download the other's pages); `guide` is Python, stored when the
    guide is opened."""
    precache: list[str] = []
    pages: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    guide: list[str] = []
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if NOT_STORED.search(rel):
            continue
        url = (rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel) or "./"
        lang = next((lang for lang in LANGUAGES if rel.startswith(f"{lang}/")), DEFAULT_LANGUAGE)
        if rel.startswith("pyodide/"):
            guide.append(url)
        elif rel.startswith("assets/"):
            precache.append(url)
        else:
            pages[lang].append(url)
        digest.update(rel.encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return {"build": digest.hexdigest()[:16], "precache": precache, "pages": pages, "guide": guide}


def write_service_worker(site: Path) -> str:
    """Fill in site/sw.js's manifest (between its markers); returns the build id."""
    sw = site / "sw.js"
    manifest = service_worker_manifest(site)
    text = sw.read_text(encoding="utf-8")
    if not SW_MARKER.search(text):
        raise ValueError(f"{sw} has no /*PD-MANIFEST*/ markers")
    filled = "/*PD-MANIFEST*/ " + json.dumps(manifest, separators=(",", ":")) + " /*PD-MANIFEST*/"
    sw.write_text(SW_MARKER.sub(lambda _: filled, text, count=1), encoding="utf-8")
    return str(manifest["build"])

"""The site's security headers: one definition, used by the build (the <meta> tag in
every page and the `_headers` file for static hosts) and by the local server.

Inline scripts are allowed by their SHA-256 hash, never by 'unsafe-inline'.
'wasm-unsafe-eval' is the one extra Pyodide needs: it compiles WebAssembly,
which a policy without it blocks; it does not allow JavaScript eval().
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

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
    """`_headers` in the format Netlify and Cloudflare Pages read; the local server reads it too."""
    lines = ["/*"] + [f"  {k}: {v}" for k, v in all_headers(hashes).items()]
    (site / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_headers_file(site: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    path = site / "_headers"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("  ") and ": " in line:
                key, value = line.strip().split(": ", 1)
                out[key] = value
    return out


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

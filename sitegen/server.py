"""The project's own static server: what the tests drive is what is deployed.

It serves site/ with the headers the build wrote to site/_headers (the same
file static hosts read) on every response, the right types for Pyodide's files,
and, for the privacy tests and bench/privacy.py, an optional access log and an
optional log of Content-Security-Policy violation reports: with it, the policy
header gains `report-uri /__csp-report`, so a violation anywhere (a page, the
guide's worker, the service worker) reaches the log. A deployed site never
sends reports (the build's files have no report-uri).

Standard library only: the organizers' offline kit carries this file to serve the site
from a laptop (sitegen/event.py).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".atom": "application/atom+xml",  # the "What changed" feed (sitegen/changes.py)
}
REPORT_PATH = "/__csp-report"


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    site_headers: ClassVar[dict[str, str]] = {}
    cache_control: str = "no-cache"
    log_path: Path | None = None
    report_path: Path | None = None
    extra_pages: ClassVar[dict[str, bytes]] = {}
    _lock = threading.Lock()

    def do_GET(self) -> None:
        page = self.extra_pages.get(self.path.split("?", 1)[0])
        if page is None:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)
        return None

    def end_headers(self) -> None:
        for key, value in self.site_headers.items():
            self.send_header(key, value)
        self.send_header("Cache-Control", self.cache_control)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # A missing page under /es/ gets the Spanish "not found" page (Cloudflare Pages, too, serves
        # the nearest 404.html up the path).
        lang = self.path.lstrip("/").split("/", 1)[0]
        localized = Path(self.directory) / lang / "404.html"
        page = localized if lang and localized.exists() else Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:
        if self.log_path is None:
            return
        with self._lock, self.log_path.open("a", encoding="utf-8") as log:
            log.write(f"{self.command} {self.path}\n")

    def do_POST(self) -> None:
        if self.report_path is not None and self.path == REPORT_PATH:
            length = min(int(self.headers.get("Content-Length") or 0), 65536)
            body = self.rfile.read(length).decode("utf-8", "replace")
            with self._lock, self.report_path.open("a", encoding="utf-8") as log:
                log.write(" ".join(body.split()) + "\n")
            self.send_response(204)
            self.end_headers()
            return
        self.log_message("")
        self.send_error(405)


def read_headers_file(site: Path) -> dict[str, str]:
    """The headers the build wrote to site/_headers (Netlify/Cloudflare format)."""
    out: dict[str, str] = {}
    path = site / "_headers"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("  ") and ": " in line:
                key, value = line.strip().split(": ", 1)
                out[key] = value
    return out


def page_urls(site: Path) -> list[str]:
    """Every HTML file the build wrote, as the URL a reader uses (`dir/` for `dir/index.html`)."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        urls.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return urls


def make_server(
    site: Path,
    port: int,
    host: str = "127.0.0.1",
    cache_control: str = "no-cache",
    log_path: Path | None = None,
    report_path: Path | None = None,
    site_headers: dict[str, str] | None = None,
    extra_pages: dict[str, bytes] | None = None,
) -> http.server.ThreadingHTTPServer:
    """`site_headers` replaces the headers read from site/_headers (the tests use it to
    show what breaks without a directive); `report_path` logs CSP violation reports;
    `extra_pages` are HTML pages made on the spot, by path (the event page)."""
    sent = dict(read_headers_file(site) if site_headers is None else site_headers)
    if report_path is not None and "Content-Security-Policy" in sent:
        sent["Content-Security-Policy"] += f"; report-uri {REPORT_PATH}"
    attrs = {
        "site_headers": sent,
        "cache_control": cache_control,
        "log_path": log_path,
        "report_path": report_path,
        "extra_pages": {} if extra_pages is None else extra_pages,
    }
    handler = type("SiteHandler", (Handler,), attrs)
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(site)))
    server.daemon_threads = True
    return server


@contextmanager
def serving(site: Path, port: int = 0, **options: object) -> Iterator[tuple[str, http.server.ThreadingHTTPServer]]:
    """Serve `site` in a background thread; yields its URL and the server, and stops it."""
    httpd = make_server(site, port, **options)  # type: ignore[arg-type]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the built site on 127.0.0.1")
    parser.add_argument("--site", default="site")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--cache-control", default="no-cache")
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "index.html").exists():
        raise SystemExit(f"{site}/index.html is missing: build the site first")
    server = make_server(site, args.port, cache_control=args.cache_control)
    print(f"Serving {site}/ on http://127.0.0.1:{args.port}/ (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()

"""Serving the site from a laptop: for one person (this laptop only), or for a room of
phones at a know-your-rights event with no internet (the laptop's local network).

This file travels in the organizers' offline kit (sitegen/hooks.py writes it there with
server.py, the event page and a copy of segno), so it needs only the standard library
and segno. In the kit: `python3 serve.py` or `python3 serve.py --event`.

At an event the laptop serves the site on its local network address with the site's
security headers, and shows a page with a QR code for that address. What works there:
every page and the guide, its Python engine included (it runs on each phone). What does
not: a phone keeps no offline copy from a plain http:// address (browsers allow that only
on https:// or on the device itself), so the guide works while the laptop serves it.
"""

from __future__ import annotations

import argparse
import html
import socket
import sys
import webbrowser
from pathlib import Path

import segno

from .server import make_server

PAGE_FILE = Path(__file__).with_name("event-page.html")
EVENT_PATH = "/__event/"
QR_MM = 60  # a page held up at the front of a room


def lan_address() -> str | None:
    """This laptop's address on its local network, or None without one. A UDP "connect"
    only picks the route: no packet is sent."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never answered, never sent to
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def qr_svg(url: str) -> str:
    code = segno.make(url, error="m", micro=False)
    modules = code.symbol_size(scale=1, border=4)[0]
    svg = code.svg_inline(scale=QR_MM / modules, border=4, unit="mm", dark="#000", light="#fff")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(url, quote=True)}" ', 1)


def template() -> str:
    """The event page with {placeholders}: written into the kit at build time; rendered from
    the site's words when run from a source checkout."""
    if PAGE_FILE.exists():
        return PAGE_FILE.read_text(encoding="utf-8")
    from .eventpage import render_template  # needs the build's dependencies

    return render_template()


def event_page(base: str) -> str:
    guide = {"en": f"{base}/guide/", "es": f"{base}/es/guide/"}
    return template().format(
        guide_en=html.escape(guide["en"]),
        guide_es=html.escape(guide["es"]),
        qr_en=qr_svg(guide["en"]),
        qr_es=qr_svg(guide["es"]),
    )


def serve(site: Path, host: str, port: int, open_browser: bool) -> None:
    pages: dict[str, bytes] = {}
    server = make_server(site, port, host=host, extra_pages=pages)
    base = f"http://{host}:{server.server_address[1]}"
    pages[EVENT_PATH] = event_page(base).encode("utf-8")  # its QR code needs the bound port
    print(f"Serving the guide at {base}/guide/ (Spanish: {base}/es/guide/)", flush=True)
    print(f"Page with a QR code for phones: {base}{EVENT_PATH}", flush=True)
    print("Press Ctrl+C to stop.", flush=True)
    if open_browser:
        webbrowser.open(base + EVENT_PATH)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def main(argv: list[str] | None = None, site: Path | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the guide from this laptop.")
    parser.add_argument("--event", action="store_true", help="serve phones on this laptop's local network")
    parser.add_argument(
        "--host", help="the address to serve on (default: 127.0.0.1; with --event, the local network's)"
    )
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--site", type=Path, default=site, help="the built site's folder")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser on this laptop")
    args = parser.parse_args(argv)
    if args.site is None or not (args.site / "index.html").exists():
        print(f"No built site at {args.site}: build it first, or run this from the unzipped kit.", file=sys.stderr)
        return 2
    host = args.host
    if host is None and args.event:
        host = lan_address()
        if host is None:
            print("No local network found: serving on this laptop only (127.0.0.1).", file=sys.stderr)
    serve(args.site, host or "127.0.0.1", args.port, open_browser=not args.no_browser)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(site=Path("site")))

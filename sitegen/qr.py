"""QR codes for printed pages, made at build time from the configured site address.

The code is inline SVG (no image file, no data: URL, no inline style): the
page's Content-Security-Policy allows it as it is, and it prints sharply at
any size. Its printed size is set in the SVG itself (so it stays scannable even
without the site's stylesheets) and the quiet zone of four modules that
scanners need is kept.
"""

from __future__ import annotations

import html

import segno

# About 1.4 inches across: large enough for any phone camera at arm's length.
SIZE_MM = 36


def qr_svg(url: str, label: str) -> str:
    """The QR code for `url` as one line of inline SVG, named for screen readers by `label`."""
    code = segno.make(url, error="m", micro=False)
    modules = code.symbol_size(scale=1, border=4)[0]
    svg = code.svg_inline(
        scale=SIZE_MM / modules,
        border=4,
        unit="mm",
        title=label,
        svgclass="pd-qr__code",
        lineclass="pd-qr__modules",
        dark="#000",
        light="#fff",  # a white ground, so the code scans on a dark screen too
    )
    # segno writes <svg ...>; give it a role so assistive technology reads its title.
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label, quote=True)}" ', 1)

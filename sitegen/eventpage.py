"""The event page's words, from the site's own text (both languages on one page, for a
room where people read either): rendered at build time into the offline kit as a
template that sitegen/event.py fills with the laptop's address and its QR codes."""

from __future__ import annotations

import html

from .text import LANGUAGES, Words


def render_template() -> str:
    sections = []
    for lang in LANGUAGES:
        w = Words(lang)
        sections.append(
            f'<section lang="{lang}">'
            f"<h1>{html.escape(w('event_title'))}</h1>"
            f'<div class="pd-event__code">{{qr_{lang}}}</div>'
            f'<p class="pd-event__url">{{guide_{lang}}}</p>'
            f"<p><strong>{html.escape(w('event_same_network'))}</strong></p>"
            f"<ul><li>{html.escape(w('event_works'))}</li>"
            f"<li>{html.escape(w('event_does_not'))}</li>"
            f"<li>{html.escape(w('event_private'))}</li></ul>"
            "</section>"
        )
    title = html.escape(Words("en")("event_title"))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{title}</title><link rel="stylesheet" href="/assets/css/event.css"></head>'
        f'<body><main class="pd-event">{"".join(sections)}</main></body></html>\n'
    )

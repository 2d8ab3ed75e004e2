"""Checklist items (pymdownx.tasklist) whose checkbox is named by the item's own words.

The extension writes `<label><input type=checkbox><span indicator></span></label> text`:
the label holds no text, so a screen reader says "checkbox, not checked" and nothing
else (axe: label, critical). Moving the item's text inside its label names the box
natively, once, in every language, with no ids to keep unique. The text is the rest of
the item up to a nested list or the end of the item (or of its paragraph).
"""

from __future__ import annotations

import re

_ITEM = re.compile(
    r'(<label class="task-list-control"><input type="checkbox"[^>]*>'
    r'<span class="task-list-indicator"></span>)</label>'
    r"(?P<text>.*?)(?=<ul|<ol|</li>|</p>)",
    re.S,
)


def label_checkboxes(html: str) -> str:
    return _ITEM.sub(lambda m: m.group(1) + m.group("text") + "</label>", html)

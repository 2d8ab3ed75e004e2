"""axe-core, self-hosted from npm (never a CDN), run on a page in the browser."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"

# Moderate findings this site has fixed and keeps fixed (issue 20): sections of the menu
# that all shared one empty name.
KEPT_FIXED = ("landmark-unique",)


def violations(page: Page, include: str | None = None) -> list[dict]:
    """axe's violations on the page (or inside `include`): id, impact, first few nodes."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    return page.evaluate(
        """async (include) => (await axe.run(include ? { include: [[include]] } : document,
                                               { resultTypes: ['violations'] })).violations
            .map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length,
                           nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }))""",
        include,
    )


def serious_violations(page: Page, include: str | None = None) -> list[str]:
    """The findings a page may not have: serious or critical ones, and those in KEPT_FIXED."""
    return [
        f"{v['id']} ({v['impact']}, {v['count']}x): {v['nodes']}"
        for v in violations(page, include)
        if v["impact"] in ("serious", "critical") or v["id"] in KEPT_FIXED
    ]

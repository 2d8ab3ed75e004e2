"""How long the guide's result is on a phone (issue 14), printed as figures, never asserted.

    .venv/bin/python bench/result_heights.py [--width 390 --height 844]

For four readers (the issue's), each walked through the built guide by clicking, with the
browser's clock pinned to the build's day and "I don't know" for every question not in the
reader's plan, at 390x844 and before any disclosure is opened:
  - the result's height in screens (from its title to the end of the result box)
  - its word count (visible text only)
  - text blocks of 40+ characters that appear more than once (count of repeats)
  - what the first screen of the result says (its first words)
Run it before and after a change to the result, on the same build day.
"""

from __future__ import annotations

import argparse
import re
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
from built import SITE, as_of, pin_clock  # noqa: E402
from guide_walk import READERS, wait_ready, walk  # noqa: E402

from sitegen.chromium import ARGS, EXECUTABLE  # noqa: E402
from sitegen.server import make_server  # noqa: E402

# The result's visible text split into blocks (paragraphs, list items, headings), and its size.
MEASURE = """
(box) => {
  const top = box.getBoundingClientRect().top;
  const height = box.getBoundingClientRect().bottom - top;
  const text = box.innerText;
  const blocks = [];
  for (const n of box.querySelectorAll("p, li, h2, h3, h4, summary, td")) {
    if (!n.offsetParent) continue;                  // not rendered (closed disclosure, hidden)
    if (n.querySelector("p, li")) continue;         // only the innermost blocks
    blocks.push(n.innerText.replace(/\\s+/g, " ").trim());
  }
  const first = [];
  for (const n of box.querySelectorAll("p, li, h2, h3, h4, summary")) {
    const r = n.getBoundingClientRect();
    if (n.offsetParent && r.top - top < innerHeight && !n.querySelector("p, li")) first.push(n.innerText.replace(/\\s+/g, " ").trim());
  }
  return { height, text, blocks, first };
}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=390)
    parser.add_argument("--height", type=int, default=844)
    args = parser.parse_args()
    httpd = make_server(SITE, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    print(f"site {SITE} as of {as_of()}, viewport {args.width}x{args.height}")
    print(f"{'reader':<94} {'screens':>7} {'words':>6} {'repeats':>7}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=EXECUTABLE, args=ARGS)
        runs = [(n, p, plan) for n, p, plan in READERS]
        runs += [
            (f"{n} (other language)", "/guide/" if p.startswith("/es/") else "/es/guide/", plan)
            for n, p, plan in READERS
        ]
        for name, path, plan in runs:
            context = browser.new_context(viewport={"width": args.width, "height": args.height})
            pin_clock(context, as_of())
            page = context.new_page()
            page.goto(base + path)
            wait_ready(page)
            walk(page, plan)
            page.wait_for_timeout(300)
            m = page.locator(".pd-result").evaluate(MEASURE)
            words = len(re.findall(r"\w+", m["text"]))
            long_blocks = [b for b in m["blocks"] if len(b) >= 40]
            repeats = len(long_blocks) - len(set(long_blocks))
            print(f"{name:<94} {m['height'] / args.height:7.1f} {words:6d} {repeats:7d}")
            print("    first screen:", " | ".join(m["first"])[:400])
            context.close()
        browser.close()
    httpd.shutdown()


if __name__ == "__main__":
    main()

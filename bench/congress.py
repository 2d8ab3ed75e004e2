"""The members lookup's figures (issue 17), printed, never asserted.

    PD_SITE_DIR=/tmp/site-x .venv/bin/python bench/congress.py [--runs 20] [--page /es/help/your-members/]

- bytes the lookup page loads on a first visit (each file as served and gzip -9, which is
  what a host that compresses sends; targets: under 300 KB compressed)
- lookup time at 390 x 844 (a phone): from asking for a ZIP code to its members shown,
  the ZIP table already decoded (target: under 50 ms), median and worst over several ZIP codes;
  and the first lookup, which waits for the table if it is not decoded yet
- how many ZIP areas map to more than one district (and to more than one state)
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from sitegen import congress  # noqa: E402
from sitegen.chromium import ARGS, EXECUTABLE  # noqa: E402
from sitegen.server import make_server  # noqa: E402

SITE = Path(os.environ.get("PD_SITE_DIR") or ROOT / "site")
ZIPS = ["35004", "35005", "82001", "20001", "99999", "90210", "10001", "60614", "77002", "30165"]
TIME_ONE = """async (zip) => {
  const t0 = performance.now();
  await window.pdMembers.showZip(zip);
  await new Promise((r) => requestAnimationFrame(() => r()));
  return performance.now() - t0;
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--page", default="/help/your-members/")
    args = parser.parse_args()

    f = congress.figures(congress.load())
    share = f["zip_areas_in_more_than_one_district"] / f["zip_areas"]
    print(f"ZIP areas: {f['zip_areas']}")
    print(f"  in more than one district: {f['zip_areas_in_more_than_one_district']} ({share:.1%})")
    print(f"  in more than one state: {f['zip_areas_in_more_than_one_state']}")

    httpd = make_server(SITE, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=EXECUTABLE, args=ARGS)
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
            page = context.new_page()
            loaded: list[str] = []
            page.on("requestfinished", lambda r: loaded.append(r.url))
            page.goto(url + args.page)
            first = page.evaluate(TIME_ONE, "35005")  # may wait for the table
            page.wait_for_load_state("networkidle")
            raw = packed = 0
            rows = []
            for u in dict.fromkeys(loaded):
                path = u.removeprefix(url).split("?")[0].lstrip("/")
                file = SITE / (path + "index.html" if path.endswith("/") or not path else path)
                if not file.exists():
                    continue
                body = file.read_bytes()
                z = len(gzip.compress(body, 9))
                raw, packed = raw + len(body), packed + z
                rows.append((z, len(body), path or "/"))
            print(
                f"\n{args.page} first visit: {len(rows)} files, {raw / 1024:.1f} KB as served, {packed / 1024:.1f} KB gzip -9"
            )
            for z, n, path in sorted(rows, reverse=True)[:8]:
                print(f"  {z / 1024:7.1f} KB gz  {n / 1024:7.1f} KB  {path}")
            times = [page.evaluate(TIME_ONE, ZIPS[i % len(ZIPS)]) for i in range(args.runs)]
            print(f"\nlookup at 390x844, table decoded ({args.runs} lookups over {len(ZIPS)} ZIP codes):")
            print(f"  median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms")
            print(f"  first lookup after load (may include fetching and decoding the table): {first:.1f} ms")
            browser.close()
    finally:
        httpd.shutdown()


if __name__ == "__main__":
    main()

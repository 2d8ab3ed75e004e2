"""The guide's performance figures (issue 6), printed as figures and ratios, never asserted.

    PD_SITE_DIR=/tmp/site-x .venv/bin/python bench/guide.py [--runs 3] [--cache-control "public, max-age=3600"]
        [--guide /es/guide/]   (the Spanish guide: same engine, its own page data)

For a cold and a warm visit (a persistent Chromium profile, so the disk cache holds
the 9.6 MB wasm; the server sends the Cache-Control given), in one run:
  - first question visible and answerable vs a plain static page's first paint
  - main-thread long tasks from navigation to engine ready
  - engine ready vs a bare page that only loads Pyodide from the same server
  - a scripted reader answering one question a second: last answer -> full result
  - click -> next question once the engine is ready (median)
  - bytes from the server by kind (wasm, stdlib, wheel, data, page)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, Playwright, Route, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from sitegen.chromium import ARGS, EXECUTABLE  # noqa: E402
from sitegen.server import make_server  # noqa: E402

# Recorded in the page from navigation start (performance.now()), without touching the page's code.
PROBE = """
(() => {
  const m = (window.__bench = { longtasks: [], clicks: [], steps: [] });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) m.longtasks.push([e.startTime, e.duration]); })
      .observe({ type: "longtask", buffered: true });
  } catch (e) {}
  addEventListener("click", (e) => { if (e.target.closest && e.target.closest(".pd-next")) m.clicks.push(performance.now()); }, true);
  const seen = () => {
    const form = document.querySelector("#pd-guide .pd-step form[data-armed]");
    if (form && m.answerable === undefined) m.answerable = performance.now();
    if (document.querySelector("#pd-guide[data-ready]") && m.script === undefined) m.script = performance.now();
    const g = document.getElementById("pd-guide");
    if (g && g.dataset.engine === "ready" && m.ready === undefined) m.ready = performance.now();
    if (document.querySelector(".pd-result [data-section=options]") && m.result === undefined) m.result = performance.now();
  };
  new MutationObserver((records) => {
    seen();
    for (const r of records) if (r.target.classList && r.target.classList.contains("pd-step") && r.addedNodes.length) {
      const t = performance.now();
      requestAnimationFrame(() => m.steps.push([t, performance.now()]));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-engine", "data-armed", "data-ready"] });
  document.addEventListener("DOMContentLoaded", seen);
})();
"""

BARE = """<!doctype html><meta charset="utf-8"><title>bare</title><p>bare Pyodide</p>
<script type="module">
import { loadPyodide } from "/pyodide/pyodide.mjs";
const py = await loadPyodide({ indexURL: "/pyodide/" });
py.runPython("1+1");
window.__bareReady = performance.now();
document.body.dataset.ready = "1";
</script>"""


def fcp(page: Page) -> float:
    return page.evaluate(
        "() => { const e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : -1; }"
    )


def kind(path: str) -> str:
    name = path.split("?")[0].rsplit("/", 1)[-1]
    if name.endswith(".wasm"):
        return "wasm"
    if name == "python_stdlib.zip":
        return "stdlib"
    if name.endswith(".whl"):
        return "wheel"
    if name.endswith(".json") or name.endswith(".svg"):
        return "data"
    if name.endswith((".mjs", ".js")):
        return "script"
    if name.endswith(".css"):
        return "style"
    return "page"


class Served:
    """The project's server on a free port, recording (path, status) of every response."""

    def __init__(self, site: Path, cache_control: str, guide: str = "/guide/") -> None:
        self.site = site
        self.guide = guide
        self.httpd = make_server(site, 0, cache_control=cache_control)
        self.hits: list[tuple[str, int]] = []
        handler = self.httpd.RequestHandlerClass.func  # type: ignore[attr-defined]
        hits = self.hits

        def log_request(h: Any, code: Any = "-", size: Any = "-") -> None:
            hits.append((h.path, int(code) if str(code).isdigit() else 0))

        handler.log_request = log_request
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def bytes_by_kind(self, since: int) -> dict[str, int]:
        out: dict[str, int] = {}
        for path, code in self.hits[since:]:
            if code != 200:
                continue
            rel = path.split("?")[0].lstrip("/")
            f = self.site / rel
            if f.is_dir():
                f = f / "index.html"
            size = f.stat().st_size if f.exists() else 0
            out[kind(path)] = out.get(kind(path), 0) + size
        return out


def one_visit(ctx: BrowserContext, srv: Served, reader: bool) -> dict[str, Any]:
    since = len(srv.hits)
    page = ctx.new_page()
    page.add_init_script(PROBE)
    page.goto(srv.url + srv.guide)
    page.wait_for_selector("#pd-guide[data-engine=ready], #pd-guide[data-engine=failed]", timeout=120_000)
    fig: dict[str, Any] = {"fcp": fcp(page)}
    if reader:
        # One answer a second from first paint, "I don't know" / "none" each time.
        for _ in range(30):
            if not page.locator(".pd-step form").count():
                break
            time.sleep(1.0)
            form = page.locator(".pd-step form")
            none = form.locator("input[name=__none]")
            (none if none.count() else form.locator("input[type=radio]").first).check()
            form.locator(".pd-next").click()
    page.wait_for_selector("#pd-guide[data-engine=ready]", timeout=120_000)
    if not reader:
        # Click -> next question, engine ready: "Start again" is not needed, the walk is fresh.
        for _ in range(12):
            if not page.locator(".pd-step form").count():
                break
            form = page.locator(".pd-step form")
            none = form.locator("input[name=__none]")
            (none if none.count() else form.locator("input[type=radio]").first).check()
            form.locator(".pd-next").click()
    page.wait_for_selector(".pd-result [data-section=options]", timeout=120_000)
    m = page.evaluate("window.__bench")
    ready = m.get("ready") or 0
    fig.update(
        answerable=m.get("answerable"),
        script=m.get("script"),
        ready=ready,
        longtask_ms=sum(d for s, d in m["longtasks"] if s < ready),
        last_answer_to_result=(m["result"] - m["clicks"][-1]) if m["clicks"] else None,
        click_to_question=[b - a for a, b in m["steps"][1:]],
        bytes=srv.bytes_by_kind(since),
    )
    page.close()
    return fig


def plain_and_bare(ctx: BrowserContext, srv: Served) -> tuple[float, float]:
    page = ctx.new_page()
    page.goto(srv.url + "/about/")
    page.wait_for_load_state("load")
    plain = fcp(page)

    def bare(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body=BARE)

    page.route("**/__bench/bare.html", bare)
    page.goto(srv.url + "/__bench/bare.html")
    page.wait_for_selector("body[data-ready]", timeout=120_000)
    ready = page.evaluate("window.__bareReady")
    page.close()
    return plain, ready


def run(p: Playwright, srv: Served, runs: int) -> dict[str, list[dict[str, Any]]]:
    """Separate fresh profiles for the bare page and the guide (neither warms the other's cache);
    each profile is opened again for the warm visit."""
    out: dict[str, list[dict[str, Any]]] = {"cold": [], "warm": []}

    def launch(profile: str) -> BrowserContext:
        return p.chromium.launch_persistent_context(profile, executable_path=EXECUTABLE, args=ARGS)

    for _ in range(runs):
        with tempfile.TemporaryDirectory() as bare_dir, tempfile.TemporaryDirectory() as guide_dir:
            for temp in ("cold", "warm"):
                ctx = launch(bare_dir)
                plain, bare = plain_and_bare(ctx, srv)
                ctx.close()
                ctx = launch(guide_dir)
                fig = one_visit(ctx, srv, reader=False)
                ctx.close()
                fig.update(plain_fcp=plain, bare_ready=bare)
                out[temp].append(fig)
        with tempfile.TemporaryDirectory() as reader_dir:
            ctx = launch(reader_dir)
            out["cold"][-1]["reader"] = one_visit(ctx, srv, reader=True)["last_answer_to_result"]
            ctx.close()
    return out


def med(xs: list[float]) -> float:
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else float("nan")


def report(out: dict[str, list[dict[str, Any]]]) -> None:
    for temp, figs in out.items():
        print(f"\n== {temp} ({len(figs)} runs, medians, ms from navigation) ==")
        # The first question is visible and answerable at the later of: the guide's first paint and
        # the moment its inline script armed the form (the module guide.js is not needed for it).
        plain = med([f["plain_fcp"] for f in figs])
        answerable = med([max(f["answerable"] or 0, f["fcp"]) for f in figs])
        print(f"plain static page first paint      {plain:8.0f}")
        print(f"guide first paint                  {med([f['fcp'] for f in figs]):8.0f}")
        print(f"form armed (inline script)         {med([f['answerable'] for f in figs]):8.0f}")
        print(f"first question visible+answerable  {answerable:8.0f}   ({answerable - plain:+.0f} ms vs plain paint)")
        print(f"guide page script running         {med([f['script'] for f in figs]):8.0f}")
        print(f"main-thread long tasks until ready {med([f['longtask_ms'] for f in figs]):8.0f}")
        bare, ready = med([f["bare_ready"] for f in figs]), med([f["ready"] for f in figs])
        print(f"bare Pyodide page: Python ready    {bare:8.0f}")
        print(f"guide engine ready                 {ready:8.0f}   (ratio {ready / bare:.2f}, {ready - bare:+.0f} ms)")
        steps = [s for f in figs for s in f["click_to_question"]]
        print(f"click -> next question painted     {med(steps):8.1f}   (median of {len(steps)})")
        if temp == "cold":
            print(f"reader at 1 answer/s: last answer -> result {med([f.get('reader') for f in figs]):.0f}")
        kinds: dict[str, list[int]] = {}
        for f in figs:
            for k in ("wasm", "stdlib", "wheel", "data", "script", "style", "page"):
                kinds.setdefault(k, []).append(f["bytes"].get(k, 0))
        total = sum(med(v) for v in kinds.values())
        print("bytes from the server: " + ", ".join(f"{k} {med(v) / 1e3:.0f} kB" for k, v in kinds.items()))
        print(f"bytes total {total / 1e6:.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache-control", default="public, max-age=3600")
    parser.add_argument("--guide", default="/guide/", help="the guide's address: /guide/ or /es/guide/")
    args = parser.parse_args()
    site = Path(os.environ.get("PD_SITE_DIR") or ROOT / "site")
    srv = Served(site, args.cache_control, args.guide)
    print(f"site {site}, guide {args.guide}, Cache-Control: {args.cache_control}, {args.runs} runs")
    with sync_playwright() as p:
        report(run(p, srv, args.runs))
    srv.httpd.shutdown()


if __name__ == "__main__":
    main()

"""The one build: check decision_tree/, compile it, build the pdlogic wheel for
Pyodide and its lock file (pyodide-build), then `mkdocs build --strict` (whose hooks
copy the Pyodide runtime, the wheel and the lock file into site/). Any failure stops
the build with its reason."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# PD_SITE_DIR builds elsewhere than site/ (parallel work, the offline-update test).
SITE = Path(os.environ.get("PD_SITE_DIR") or ROOT / "site")


def step(name: str) -> None:
    print(f"==> {name}", flush=True)


def run(cmd: list[str], **kw: object) -> None:
    result = subprocess.run(cmd, cwd=ROOT, **kw)  # type: ignore[call-overload]
    if result.returncode != 0:
        raise SystemExit(f"build failed: {' '.join(cmd)} exited {result.returncode}")


def main() -> None:
    started = time.perf_counter()
    from pdlogic import clock
    from pdlogic.compiler import DataError, compile_tree
    from pdlogic.compiler.compile import for_engine
    from pdlogic.data import SOURCE_TREE

    try:
        step(f"as of {clock.today().isoformat()} (set {clock.ENV}=YYYY-MM-DD to build as of another day)")
    except clock.ClockError as exc:
        raise SystemExit(f"build failed: {exc}") from None
    step("check and compile decision_tree/")
    try:
        data = compile_tree(SOURCE_TREE)
    except DataError as exc:
        print(str(exc), file=sys.stderr)
        raise SystemExit(f"build failed: {len(exc.problems)} problem(s) in {SOURCE_TREE}") from None
    compiled = ROOT / "pdlogic" / "compiled.json"
    # The wheel carries only what the engine reads (no prose): a smaller download.
    compiled.write_text(json.dumps(for_engine(data), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    step("build the pdlogic wheel (pure Python, py3-none-any, for Pyodide)")
    out = ROOT / "build" / "wheel"
    shutil.rmtree(out, ignore_errors=True)
    run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)], stdout=subprocess.DEVNULL)
    wheels = list(out.glob("pdlogic-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"build failed: expected one py3-none-any wheel in {out}, found {wheels}")

    step("register the wheel in the runtime's lock file (pyodide lockfile add-wheels)")
    from sitegen.runtime import LOCK, RuntimeProblem, write_lock

    try:
        entry = write_lock(wheels[0], out / LOCK)["packages"]["pdlogic"]
    except RuntimeProblem as exc:
        raise SystemExit(f"build failed: {exc}") from None
    print(f"    pdlogic: {entry['file_name']} sha256 {entry['sha256']}")

    step("draw the question graph")
    graph_dir = ROOT / "build" / "graph"
    graph_dir.mkdir(parents=True, exist_ok=True)
    if not shutil.which("dot"):
        raise SystemExit("build failed: Graphviz `dot` is missing (apt-get install graphviz)")
    from sitegen.text import LANGUAGES

    for lang in LANGUAGES:  # one picture per language, labels from the same data
        dot_text = subprocess.run(
            [sys.executable, "-m", "pdlogic", "graph", "--lang", lang],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (graph_dir / f"questions.{lang}.dot").write_text(dot_text, encoding="utf-8")
        run(["dot", "-Tsvg", "-o", str(graph_dir / f"questions.{lang}.svg"), str(graph_dir / f"questions.{lang}.dot")])

    step("mkdocs build --strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # Not --quiet: it drops warnings before --strict can count them (a broken link would pass).
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(SITE)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    problems = [line for line in result.stderr.splitlines() if not line.startswith(("INFO", "  - "))]
    if problems:
        print("\n".join(problems), file=sys.stderr)
    if result.returncode != 0:
        raise SystemExit("build failed: mkdocs build --strict (see the lines above)")
    size = sum(f.stat().st_size for f in SITE.rglob("*") if f.is_file())
    print(f"built {SITE} in {time.perf_counter() - started:.1f} s ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()

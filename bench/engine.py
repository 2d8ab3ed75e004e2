"""Engine figures against the targets of issue 4. Prints, never asserts.

    .venv/bin/python bench/engine.py

- evaluate(): median and 95th percentile in CPython over every fact set of the
  coverage run (target: median under 1 ms);
- the whole coverage run, as `python -m pdlogic coverage` does it, compile included
  (target: under 10 s on the project's 2 cores);
- the compiled JSON the browser loads, as `python -m pdlogic compile` writes it
  (target: under 150 KB).
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pdlogic import engine  # noqa: E402
from pdlogic.compiler.coverage import run  # noqa: E402
from pdlogic.data import compiled  # noqa: E402

TODAY = dt.date(2026, 11, 27)
TARGET_MEDIAN_MS = 1.0
TARGET_COVERAGE_S = 10.0
TARGET_JSON_KB = 150.0


def line(name: str, value: float, unit: str, target: float) -> str:
    return f"{name:<34} {value:>10.3f} {unit:<3} target < {target:g} {unit:<3} ({value / target:.0%} of target)"


def main() -> int:
    data = compiled()
    report = run(data, TODAY)
    times: list[float] = []
    for policy, facts in report.fact_sets:
        start = time.perf_counter()
        engine.evaluate(data, facts, policy, TODAY)
        times.append(time.perf_counter() - start)
    times.sort()
    median_ms = statistics.median(times) * 1000
    p95_ms = times[int(len(times) * 0.95)] * 1000

    start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "pdlogic", "coverage"], cwd=ROOT, capture_output=True, check=False)
    coverage_s = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    coverage_cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "compiled.json"
        subprocess.run(
            [sys.executable, "-m", "pdlogic", "compile", "--out", str(out)], cwd=ROOT, check=True, capture_output=True
        )
        size_kb = out.stat().st_size / 1024

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"pdlogic engine bench, {len(times)} fact sets of the coverage run, {os.cpu_count()} CPUs, load {load:.2f}")
    print(line("evaluate() median", median_ms, "ms", TARGET_MEDIAN_MS))
    print(line("evaluate() 95th percentile", p95_ms, "ms", TARGET_MEDIAN_MS))
    print(line("coverage run (python -m, total)", coverage_s, "s", TARGET_COVERAGE_S))
    print(line("coverage run, CPU time (load-free)", coverage_cpu_s, "s", TARGET_COVERAGE_S))
    print(f"{'  same run in-process, no compile':<34} {report.seconds:>10.3f} s")
    print(line("compiled JSON", size_kb, "KB", TARGET_JSON_KB))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

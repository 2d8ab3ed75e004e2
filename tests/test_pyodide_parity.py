"""pdlogic gives the same results in CPython and in Pyodide (under Node), on every fact set of the coverage run.

The Pyodide side imports the wheel the site ships (built here from a copy of the
package with its compiled JSON), so it also proves that the compiled JSON says
what decision_tree/ says.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pdlogic.compiler import compile_tree
from pdlogic.compiler.coverage import run
from pdlogic.data import SOURCE_TREE, compiled

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = Path(__file__).resolve().parent / "node"
TODAY = dt.date(2026, 11, 27)

# Inputs that must fail the same way in both runtimes.
BAD = [
    {"policy": "johnson-2014", "facts": {"detained": "yes"}},
    {"policy": "johnson-2014", "facts": {"misdemeanor_convictions": True}},
    {"policy": "johnson-2014", "facts": {"nonsense": 1}},
    {"policy": "obama-2009", "facts": {}},
    {"policy": None, "facts": {"stage": "in_proceedings"}},
]

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (ROOT / "node_modules" / "pyodide").is_dir(),
    reason="needs Node and node_modules/pyodide (./dev installs them)",
)


def build_wheel(tmp: Path) -> Path:
    """The wheel the site ships, built from a copy of the package so the checkout is not touched."""
    src = tmp / "src"
    shutil.copytree(ROOT / "pdlogic", src / "pdlogic", ignore=shutil.ignore_patterns("__pycache__", "compiled.json"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    data = compile_tree(SOURCE_TREE)
    (src / "pdlogic" / "compiled.json").write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp / "wheel"), str(src)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = (tmp / "wheel").glob("pdlogic-*-py3-none-any.whl")
    return wheel


def cpython_digests(items: list[dict[str, Any]]) -> list[str]:
    scope: dict[str, Any] = {"PARITY_INPUT": json.dumps(items), "PARITY_TODAY": TODAY.isoformat()}
    exec((NODE_DIR / "parity_eval.py").read_text(encoding="utf-8"), scope)
    return json.loads(scope["PARITY_OUTPUT"])


def test_pyodide_and_cpython_agree_on_every_coverage_fact_set(tmp_path: Path) -> None:
    report = run(compiled(), TODAY)
    items = [{"policy": policy, "facts": facts} for policy, facts in report.fact_sets] + BAD
    (tmp_path / "input.json").write_text(json.dumps(items), encoding="utf-8")
    wheel = build_wheel(tmp_path)

    done = subprocess.run(
        [
            "node",
            str(NODE_DIR / "parity.mjs"),
            str(wheel),
            str(tmp_path / "input.json"),
            TODAY.isoformat(),
            str(tmp_path / "out.json"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    runtime = json.loads(done.stdout.strip().splitlines()[-1])
    assert runtime["pyodide"].startswith("314.")

    in_pyodide = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    in_cpython = cpython_digests(items)
    assert len(in_pyodide) == len(in_cpython) == len(items)
    differ = [items[i] for i, (a, b) in enumerate(zip(in_cpython, in_pyodide, strict=True)) if a != b]
    assert differ == [], f"{len(differ)} of {len(items)} fact sets differ; first: {differ[:3]}"
    # The errors are errors in both (not silently a result in one of them).
    assert len(set(in_cpython[-len(BAD) :])) == len(BAD)

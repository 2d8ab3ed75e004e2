"""The Python runtime the site serves in site/pyodide/: Pyodide's own files from its npm
package, the pdlogic wheel, and the lock file through which the guide's worker loads
pdlogic by name (decision 0003).

The lock file is written by pyodide-build (`pyodide lockfile add-wheels`): it records the
wheel's file name, sha256, imports and dependencies against the runtime's own `info`, and
Pyodide fetches the wheel with that sha256 as a subresource-integrity check, so a wheel
changed after the build is refused. It lists only what the site serves: the runtime's
package index names some 350 packages that live on a CDN, none of which the site ships or
needs, and Pyodide would look for any of them on the site and fail.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RUNTIME = ROOT / "node_modules" / "pyodide"
WHEELS = ROOT / "build" / "wheel"
LOCK = "pyodide-lock.json"
# What the worker needs from the npm package (the lock file is ours, written below).
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")


class RuntimeProblem(Exception):
    """The runtime or its lock file is missing or does not match the wheel: the build stops."""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _runtime_lock() -> dict[str, Any]:
    path = RUNTIME / LOCK
    if not path.exists():
        raise RuntimeProblem(f"node_modules/pyodide/{LOCK} is missing: run `npm ci` first")
    return json.loads(path.read_text(encoding="utf-8"))


def write_lock(wheel: Path, out: Path) -> dict[str, Any]:
    """The site's lock file at `out`: the runtime's own (its `info`, and whichever of its
    packages the npm package carries files for: today none) plus `wheel`, added by
    `pyodide lockfile add-wheels`, which fails if the wheel needs a package that is not there."""
    lock = _runtime_lock()
    shipped = {name: pkg for name, pkg in lock["packages"].items() if (RUNTIME / pkg["file_name"]).is_file()}
    cli = Path(sys.executable).with_name("pyodide")
    if not cli.exists():
        raise RuntimeProblem(f"{cli} is missing: pyodide-build is a dev dependency (pip install -e '.[dev]')")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "runtime-lock.json"
        base.write_text(json.dumps({**lock, "packages": shipped}), encoding="utf-8")
        # --base-path: the file name is recorded relative to the wheel's directory, which is
        # where it is served from (site/pyodide/, Pyodide's packageBaseUrl).
        command = [str(cli), "lockfile", "add-wheels", "--input", str(base), "--output", str(out)]
        command += ["--base-path", str(wheel.parent), str(wheel)]
        result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeProblem(f"pyodide lockfile add-wheels failed:\n{result.stdout}{result.stderr}")
    written = json.loads(out.read_text(encoding="utf-8"))
    check_lock(written, {wheel.name: wheel})
    return written


def check_lock(lock: dict[str, Any], wheels: dict[str, Path]) -> None:
    """Every package the lock file lists is a file the site serves, with the sha256 recorded, for
    this runtime; pdlogic is one of them."""
    runtime = _runtime_lock()
    if lock.get("info") != runtime["info"]:
        raise RuntimeProblem(f"the lock file is for {lock.get('info')}, the runtime is {runtime['info']}: rebuild")
    if "pdlogic" not in lock["packages"]:
        raise RuntimeProblem("the lock file does not list pdlogic")
    for name, pkg in lock["packages"].items():
        file_name = pkg["file_name"]
        source = wheels.get(file_name) or RUNTIME / file_name
        if "/" in file_name or ":" in file_name or not source.is_file():
            raise RuntimeProblem(f"lock file entry {name!r}: {file_name!r} is not a file the site serves")
        if sha256(source) != pkg["sha256"]:
            raise RuntimeProblem(f"lock file entry {name!r}: the sha256 of {source} is not the one recorded: rebuild")


def install(target: Path, wheel: Path, lock_path: Path) -> None:
    """Copy the runtime, the wheel and its lock file into `target` (site/pyodide/), after checking
    that the lock file matches the wheel (a wheel rebuilt without its lock file stops the build)."""
    target.mkdir(parents=True, exist_ok=True)
    if not lock_path.exists():
        raise RuntimeProblem(f"{lock_path} is missing: build with `python -m sitegen.build`")
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    check_lock(lock, {wheel.name: wheel})
    for name in RUNTIME_FILES:
        if not (RUNTIME / name).exists():
            raise RuntimeProblem(f"node_modules/pyodide/{name} is missing: run `npm ci` first")
        shutil.copy2(RUNTIME / name, target / name)
    for pkg in lock["packages"].values():
        source = wheel if pkg["file_name"] == wheel.name else RUNTIME / pkg["file_name"]
        shutil.copy2(source, target / pkg["file_name"])
    shutil.copy2(lock_path, target / LOCK)

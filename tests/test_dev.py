"""`./dev` runs the project on CPython 3.12 or newer, the newest the machine has (on PATH,
then among pyenv's installed versions), and says what to install when there is none."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYENV_VERSIONS = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"


def bare_path(tmp_path: Path, scripts: dict[str, str]) -> Path:
    """A PATH with only the tools ./dev needs, plus the given shell scripts (fake interpreters)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "dirname", "sort", "head", "cut", "grep"):
        found = shutil.which(tool)
        assert found, tool
        (bin_dir / tool).symlink_to(found)
    for name, body in scripts.items():
        (bin_dir / name).write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    return bin_dir


def dev_python(path: Path, pyenv_root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / "dev"), "python"],
        env={"PATH": str(path), "PYENV_ROOT": str(pyenv_root), "HOME": str(pyenv_root), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


# What a pyenv shim does for a version that is installed but not selected.
SHIM = 'echo "pyenv: $(basename "$0"): command not found" >&2; exit 127'
OLD_PYTHON = 'if [ "$1" = --version ]; then echo "Python 3.11.2"; exit 0; fi; exit 1'


def test_with_no_python_312_or_newer_dev_stops_and_names_what_to_install(tmp_path: Path) -> None:
    path = bare_path(tmp_path, {"python3": OLD_PYTHON, "python3.13": SHIM})
    run = dev_python(path, tmp_path / "no-pyenv")
    assert run.returncode == 69
    assert "CPython 3.12 or newer" in run.stderr
    assert "Python 3.11.2" in run.stderr  # what it did find
    assert "pyenv install 3.13" in run.stderr
    assert run.stdout == ""


def test_a_chosen_interpreter_older_than_312_is_refused(tmp_path: Path) -> None:
    path = bare_path(tmp_path, {"python3": OLD_PYTHON})
    run = dev_python(path, tmp_path / "no-pyenv", PD_PYTHON=str(path / "python3"))
    assert run.returncode == 69
    assert "is not CPython >= 3.12" in run.stderr


def installed(minimum: tuple[int, int] = (3, 12)) -> dict[tuple[int, int], Path]:
    """pyenv's installed CPython versions >= 3.12, one per minor version."""
    out: dict[tuple[int, int], Path] = {}
    for version in sorted(PYENV_VERSIONS.glob("3.*")) if PYENV_VERSIONS.is_dir() else []:
        parts = version.name.split(".")
        if len(parts) >= 2 and parts[1].isdigit() and (3, int(parts[1])) >= minimum:
            if (version / "bin" / "python3").exists():
                out[(3, int(parts[1]))] = version
    return out


def test_the_newest_pyenv_version_is_used_when_the_shims_on_path_do_not_run(tmp_path: Path) -> None:
    versions = installed()
    if len(versions) < 2:
        pytest.skip("needs two pyenv versions >= 3.12 (the project's machines have 3.12 and 3.13)")
    root = tmp_path / "pyenv"
    (root / "versions").mkdir(parents=True)
    for version in versions.values():
        (root / "versions" / version.name).symlink_to(version)
    path = bare_path(tmp_path, {"python3": SHIM, "python3.12": SHIM, "python3.13": SHIM})
    run = dev_python(path, root)
    assert run.returncode == 0, run.stderr
    chosen = run.stdout.strip()
    newest = max(versions)
    assert chosen == str(root / "versions" / versions[newest].name / "bin" / "python3")
    got = subprocess.run([chosen, "-c", "import sys; print(sys.version_info[:2])"], capture_output=True, text=True)
    assert got.stdout.strip() == str(newest)


def test_an_interpreter_on_path_comes_before_pyenv_for_the_same_version(tmp_path: Path) -> None:
    versions = installed()
    if not versions:
        pytest.skip("needs a pyenv version >= 3.12")
    newest = max(versions)
    name = f"python{newest[0]}.{newest[1]}"
    path = bare_path(tmp_path, {})
    (path / name).symlink_to(versions[newest] / "bin" / "python3")
    root = tmp_path / "pyenv"
    (root / "versions").mkdir(parents=True)
    (root / "versions" / versions[newest].name).symlink_to(versions[newest])
    run = dev_python(path, root)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(path / name)

"""Building a changed copy of the site: the real mkdocs.yml, hooks and theme, over a copy of
docs/ (and, if asked, of decision_tree/), to show what the build refuses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_copy(
    tmp_path: Path,
    change_docs: Callable[[Path], None] = lambda docs: None,
    change_tree: Callable[[Path], None] | None = None,
    env: dict[str, str | None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of copies changed by the callbacks (with `env` added to the
    environment, e.g. PD_TODAY; None removes a variable); the site lands in tmp_path/site.
    Returns the finished run."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    change_docs(docs)
    changes = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    run_env = {k: v for k, v in changes.items() if v is not None}
    if change_tree is not None:
        tree = tmp_path / "decision_tree"
        shutil.copytree(ROOT / "decision_tree", tree)
        change_tree(tree)
        run_env["PDLOGIC_TREE"] = str(tree)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        f"site_dir: {tmp_path / 'site'}\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        f"hooks:\n  - {ROOT / 'sitegen' / 'hooks.py'}\n",
        encoding="utf-8",
    )
    return subprocess.run(
        # Not --quiet: it drops warnings before --strict can count them.
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        cwd=ROOT,
        env=run_env,
        capture_output=True,
        text=True,
        timeout=300,
    )

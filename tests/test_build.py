"""A broken decision tree never becomes a site: the build stops and says where."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_build_fails_with_file_and_line_on_a_malformed_tree(tmp_path: Path) -> None:
    tree = tmp_path / "decision_tree"
    shutil.copytree(ROOT / "decision_tree", tree)
    (tree / "options.yaml").write_text(
        (tree / "options.yaml")
        .read_text(encoding="utf-8")
        .replace("  dismissal:\n", "  dismissal:\n    titel: {en: x}\n", 1),
        encoding="utf-8",
    )
    env = {**os.environ, "PDLOGIC_TREE": str(tree)}
    run = subprocess.run([sys.executable, "-m", "sitegen.build"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode != 0
    assert "options.yaml:" in run.stderr
    assert "unknown key 'titel'" in run.stderr

"""Where the engine's data comes from.

In the browser (and in any installed wheel) it is `compiled.json` inside the
package, written by the build. In a source checkout, decision_tree/ is the one
source of truth: it is compiled on first use, so an edited YAML file can never
be shadowed by a stale JSON file.
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

# PDLOGIC_TREE points the engine and the build at another tree (tests use it to
# prove that a broken tree fails the build).
SOURCE_TREE = Path(os.environ.get("PDLOGIC_TREE") or Path(__file__).resolve().parent.parent / "decision_tree")


@cache
def compiled() -> dict[str, Any]:
    if SOURCE_TREE.is_dir():
        try:
            from .compiler import compile_tree
        except ImportError:  # no ruamel.yaml: fall back to the packaged JSON
            pass
        else:
            return compile_tree(SOURCE_TREE)
    return load_packaged()


def load_packaged() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("compiled.json").read_text(encoding="utf-8")
    return json.loads(text)

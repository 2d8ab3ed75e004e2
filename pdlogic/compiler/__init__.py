"""Build-time only: read decision_tree/*.yaml (ruamel.yaml), check it, compile it to
the JSON the engine reads. Never imported in the browser."""

from .compile import compile_tree, load_tree
from .schema import DataError

__all__ = ["DataError", "compile_tree", "load_tree"]

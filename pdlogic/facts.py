"""Checking a reader's facts against the vocabulary in decision_tree/facts.yaml.

Absent means "not asked yet"; JSON null means "asked, and the answer was I
don't know". Both are valid for every fact and both stay unknown in the
reasoning; anything else must match the fact's declared type exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class FactsError(ValueError):
    """A fact key outside the vocabulary, or a value of the wrong type or outside its choices."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key


def describe(spec: Mapping[str, Any]) -> str:
    kind = spec["type"]
    if kind == "bool":
        return "true, false or null"
    if kind == "int":
        return f"a whole number of at least {spec.get('min', 0)}, or null"
    return "one of " + ", ".join(spec["choices"]) + ", or null"


def validate(facts: Any, vocabulary: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Return a plain copy of the facts, or raise FactsError naming the first bad key."""
    if not isinstance(facts, Mapping):
        raise FactsError("facts", f"expected a JSON object of facts, got {type(facts).__name__}")
    clean: dict[str, Any] = {}
    for key in sorted(facts, key=str):
        value = facts[key]
        if not isinstance(key, str) or key not in vocabulary:
            raise FactsError(str(key), "not a fact in the vocabulary (see `python -m pdlogic facts`)")
        spec = vocabulary[key]
        if value is not None and not _matches(value, spec):
            raise FactsError(key, f"expected {describe(spec)}, got {value!r}")
        clean[key] = value
    return clean


def _matches(value: Any, spec: Mapping[str, Any]) -> bool:
    kind = spec["type"]
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        # bool is a subclass of int in Python; a JSON `true` is not a count.
        return isinstance(value, int) and not isinstance(value, bool) and value >= spec.get("min", 0)
    return isinstance(value, str) and value in spec["choices"]

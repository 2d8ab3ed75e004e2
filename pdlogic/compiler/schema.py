"""A strict schema for decision_tree/: every error names file:line:column,
what is wrong and what was expected (the Litigant Portal's `extra="forbid"`,
one step further).

Validators turn ruamel's round-trip nodes into plain Python (dates become ISO
strings) and record every id reference with its position, so cross-checks can
point at the exact line too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")
LANGS = ("en", "es")


@dataclass(frozen=True)
class Where:
    file: str
    line: int  # 1-based
    col: int  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


class DataError(Exception):
    """One or more problems in decision_tree/, each with its position."""

    def __init__(self, problems: list[tuple[Where, str]]) -> None:
        self.problems = sorted(problems, key=lambda p: (p[0].file, p[0].line, p[0].col))
        super().__init__("\n".join(f"{where}: {msg}" for where, msg in self.problems))


@dataclass
class Ctx:
    file: str
    problems: list[tuple[Where, str]] = field(default_factory=list)
    refs: list[tuple[str, str, Where]] = field(default_factory=list)  # (kind, id, where)
    cond_facts: list[tuple[str, Mapping[str, Any], Where]] = field(default_factory=list)

    def error(self, where: Where, message: str) -> None:
        self.problems.append((where, message))


def where_of(node: Any, ctx: Ctx, key: Any = None, index: int | None = None, fallback: Where | None = None) -> Where:
    """Position of a mapping key's value, a list item, or the node itself."""
    lc = getattr(node, "lc", None)
    try:
        if lc is not None and key is not None:
            line, col = lc.value(key) if key in node else (lc.line, lc.col)
            return Where(ctx.file, line + 1, col + 1)
        if lc is not None and index is not None:
            line, col = lc.item(index)
            return Where(ctx.file, line + 1, col + 1)
        if lc is not None:
            return Where(ctx.file, lc.line + 1, lc.col + 1)
    except (KeyError, IndexError, TypeError, AttributeError):
        pass
    return fallback or Where(ctx.file, 1, 1)


def key_where(node: Any, key: Any, ctx: Ctx, fallback: Where) -> Where:
    lc = getattr(node, "lc", None)
    try:
        line, col = lc.key(key)
        return Where(ctx.file, line + 1, col + 1)
    except (KeyError, TypeError, AttributeError):
        return fallback


Validator = Callable[[Any, Ctx, Where], Any]

_MISSING = object()


def typename(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.date):
        return "a date"
    return type(value).__name__


def string(value: Any, ctx: Ctx, at: Where) -> Any:
    if not isinstance(value, str) or not value.strip():
        ctx.error(at, f"expected non-empty text, got {typename(value)}")
        return ""
    return str(value)


def boolean(value: Any, ctx: Ctx, at: Where) -> Any:
    if not isinstance(value, bool):
        ctx.error(at, f"expected true or false, got {typename(value)}")
        return False
    return value


def integer(value: Any, ctx: Ctx, at: Where) -> Any:
    if not isinstance(value, int) or isinstance(value, bool):
        ctx.error(at, f"expected a whole number, got {typename(value)}")
        return 0
    return int(value)


def any_scalar(value: Any, ctx: Ctx, at: Where) -> Any:
    if isinstance(value, Mapping | list):
        ctx.error(at, f"expected a single value, got {typename(value)}")
        return None
    return value if not isinstance(value, str) else str(value)


def date(*, partial: bool = False) -> Validator:
    def check(value: Any, ctx: Ctx, at: Where) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if partial and isinstance(value, str) and (PARTIAL_DATE.match(value) or value == "undated"):
            return str(value)
        expected = "an ISO date (2014-11-20)" + (', "YYYY-MM", "YYYY" or "undated"' if partial else "")
        ctx.error(at, f"expected {expected}, got {typename(value)}")
        return "undated" if partial else "1900-01-01"

    return check


def one_of(*choices: str) -> Validator:
    def check(value: Any, ctx: Ctx, at: Where) -> Any:
        if value not in choices:
            ctx.error(at, f"expected one of {', '.join(choices)}, got {typename(value)}")
        return value

    return check


def ref(kind: str) -> Validator:
    def check(value: Any, ctx: Ctx, at: Where) -> Any:
        if not isinstance(value, str):
            ctx.error(at, f"expected the id of a {kind} entry, got {typename(value)}")
            return ""
        ctx.refs.append((kind, value, at))
        return str(value)

    return check


def identifier(value: Any, ctx: Ctx, at: Where) -> Any:
    if not isinstance(value, str) or not ID.match(value):
        ctx.error(at, f"expected an id of lowercase letters, digits, '-' or '_', got {typename(value)}")
        return str(value)
    return value


def text(value: Any, ctx: Ctx, at: Where) -> Any:
    """Reader-facing text: English now, with room for a reviewed Spanish string."""
    return mapping({"en": string, "es": (string, None), "es_reviewed": (boolean, False)})(value, ctx, at)


def listof(item: Validator, *, min_items: int = 0) -> Validator:
    def check(value: Any, ctx: Ctx, at: Where) -> Any:
        if not isinstance(value, list):
            ctx.error(at, f"expected a list, got {typename(value)}")
            return []
        if len(value) < min_items:
            ctx.error(at, f"expected at least {min_items} item(s), got {len(value)}")
        return [item(v, ctx, where_of(value, ctx, index=i, fallback=at)) for i, v in enumerate(value)]

    return check


def mapping(fields: Mapping[str, Validator | tuple[Validator, Any]]) -> Validator:
    """A mapping with exactly these keys: (validator, default) marks an optional key."""

    def check(value: Any, ctx: Ctx, at: Where) -> Any:
        if not isinstance(value, Mapping):
            ctx.error(at, f"expected a mapping with keys {', '.join(fields)}, got {typename(value)}")
            return {}
        here = where_of(value, ctx, fallback=at)
        out: dict[str, Any] = {}
        for key in value:
            if key not in fields:
                ctx.error(
                    key_where(value, key, ctx, here),
                    f"unknown key {key!r}; expected one of {', '.join(fields)}",
                )
        for key, spec in fields.items():
            validator, default = spec if isinstance(spec, tuple) else (spec, _MISSING)
            if key not in value:
                if default is _MISSING:
                    ctx.error(here, f"missing key {key!r}")
                    continue
                out[key] = default
                continue
            if value[key] is None and default is None:
                out[key] = None
                continue
            out[key] = validator(value[key], ctx, where_of(value, ctx, key=key, fallback=here))
        return out

    return check


def table(entry: Validator) -> Validator:
    """A mapping from ids to entries (ids are stable: they appear in addresses)."""

    def check(value: Any, ctx: Ctx, at: Where) -> Any:
        if not isinstance(value, Mapping):
            ctx.error(at, f"expected a mapping from ids to entries, got {typename(value)}")
            return {}
        here = where_of(value, ctx, fallback=at)
        out: dict[str, Any] = {}
        for key in value:
            kw = key_where(value, key, ctx, here)
            identifier(key, ctx, kw)
            item = entry(value[key], ctx, where_of(value, ctx, key=key, fallback=kw))
            if isinstance(item, dict):
                item = {"id": str(key), **item}
            out[str(key)] = item
        return out

    return check


def condition(value: Any, ctx: Ctx, at: Where) -> Any:
    """The condition grammar of pdlogic.conditions, checked node by node."""
    if value is None:
        return None
    if not isinstance(value, Mapping) or len(value) == 0:
        ctx.error(at, f"expected a condition (all/any/not/fact/policy/priority), got {typename(value)}")
        return None
    here = where_of(value, ctx, fallback=at)
    keys = set(value)
    if keys in ({"all"}, {"any"}):
        (key,) = keys
        return {key: listof(condition, min_items=1)(value[key], ctx, where_of(value, ctx, key=key, fallback=here))}
    if keys == {"not"}:
        return {"not": condition(value["not"], ctx, where_of(value, ctx, key="not", fallback=here))}
    if keys == {"policy"}:
        return {
            "policy": listof(ref("policies"), min_items=1)(
                value["policy"], ctx, where_of(value, ctx, key="policy", fallback=here)
            )
        }
    if keys == {"priority"}:
        return {
            "priority": listof(string, min_items=1)(
                value["priority"], ctx, where_of(value, ctx, key="priority", fallback=here)
            )
        }
    ops = keys - {"fact"}
    if "fact" in keys and len(ops) == 1 and next(iter(ops)) in ("is", "in", "at_least", "unknown"):
        (op,) = ops
        fact = ref("facts")(value["fact"], ctx, where_of(value, ctx, key="fact", fallback=here))
        vat = where_of(value, ctx, key=op, fallback=here)
        if op == "in":
            operand = listof(any_scalar, min_items=1)(value[op], ctx, vat)
        elif op == "at_least":
            operand = integer(value[op], ctx, vat)
        elif op == "unknown":
            operand = boolean(value[op], ctx, vat)
        else:
            operand = any_scalar(value[op], ctx, vat)
        node = {"fact": fact, op: operand}
        ctx.cond_facts.append((fact, node, vat))
        return node
    ctx.error(
        here,
        "not a condition: expected one of {all: [...]}, {any: [...]}, {not: ...}, "
        "{fact: KEY, is|in|at_least|unknown: ...}, {policy: [...]}, {priority: [...]}; "
        f"got keys {', '.join(sorted(map(str, keys)))}",
    )
    return None

"""decision_tree/*.yaml -> checked, compiled data (a plain dict that becomes JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from . import checks
from .schema import Ctx, DataError, Where, key_where, where_of
from .sections import SECTIONS

SCHEMA_VERSION = 1


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_tree(root: Path) -> tuple[dict[str, Any], Ctx, dict[str, Where]]:
    """Parse and validate every file; return the sections, the shared context and
    where each section was defined. Raises DataError with every problem found."""
    ctx = Ctx(file="")
    sections: dict[str, Any] = {}
    defined_at: dict[str, Where] = {}
    files = sorted(Path(root).glob("*.yaml"))
    if not files:
        raise DataError([(Where(_display(Path(root)), 1, 1), "no *.yaml files in decision_tree/")])
    for path in files:
        ctx.file = _display(path)
        yaml = YAML(typ="rt")
        try:
            doc = yaml.load(path.read_text(encoding="utf-8"))
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
            ctx.error(Where(ctx.file, line, col), f"YAML syntax: {problem}")
            continue
        except YAMLError as exc:
            ctx.error(Where(ctx.file, 1, 1), f"YAML syntax: {exc}")
            continue
        if doc is None:
            continue
        top = Where(ctx.file, 1, 1)
        if not hasattr(doc, "items"):
            ctx.error(top, "expected a mapping of sections (" + ", ".join(SECTIONS) + ")")
            continue
        for name, body in doc.items():
            at = key_where(doc, name, ctx, top)
            if name not in SECTIONS:
                ctx.error(at, f"unknown section {name!r}; expected one of {', '.join(SECTIONS)}")
                continue
            if name in sections:
                ctx.error(at, f"section {name!r} is also defined at {defined_at[name]}")
                continue
            defined_at[name] = at
            sections[name] = SECTIONS[name](body, ctx, where_of(doc, ctx, key=name, fallback=at))
    for name in SECTIONS:
        if name not in sections and not any(p[1].startswith("YAML syntax") for p in ctx.problems):
            ctx.error(Where(_display(Path(root)), 1, 1), f"no file defines the section {name!r}")
    if ctx.problems:
        raise DataError(ctx.problems)
    return sections, ctx, defined_at


def compile_tree(root: Path) -> dict[str, Any]:
    sections, ctx, defined_at = load_tree(root)
    checks.references(sections, ctx)
    if ctx.problems:
        raise DataError(ctx.problems)  # everything after this assumes ids resolve
    data = assemble(sections)
    checks.run(data, ctx, defined_at)
    if ctx.problems:
        raise DataError(ctx.problems)
    return data


def assemble(sections: dict[str, Any]) -> dict[str, Any]:
    data = dict(sections)
    data["schema"] = SCHEMA_VERSION
    # No compile date: the engine's data, and the wheel that carries it, do not change with the calendar.
    data["policy_order"] = sorted(
        data["policies"], key=lambda pid: data["sources"][data["policies"][pid]["source"]]["status"][0]["since"]
    )
    data["questions_by_fact"] = {f: q["id"] for q in data["questions"] for f in q["facts"]}
    return data


_TEXT_KEYS = {"en", "es", "es_reviewed"}
# What the engine never reads about a document: only its dated status matters to a result.
_SOURCE_DETAILS = (
    "title",
    "author",
    "office",
    "cite",
    "url",
    "known_from",
    "supports",
    "last_reviewed",
    "date_confirmed",
    "kind",
    "verified_by",
)


def for_engine(data: dict[str, Any]) -> dict[str, Any]:
    """The compiled data without reader-facing text: what the wheel carries to the browser.
    The page has its own copy of the text; the engine reasons over ids, conditions and dates."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: strip(v)
                for k, v in value.items()
                if not (isinstance(v, dict) and "en" in v and set(v) <= _TEXT_KEYS)
            }
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    out = strip({k: v for k, v in data.items() if k not in ("contacts", "checklist_pages")})
    for doc in out["sources"].values():
        for key in _SOURCE_DETAILS:
            doc.pop(key, None)
    return out

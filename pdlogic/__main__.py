"""Command line: python -m pdlogic {evaluate,check,policies,graph,compile,parity,coverage,review}."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from . import clock, dates, engine
from .data import SOURCE_TREE, compiled
from .engine import PolicyError
from .facts import FactsError


def _load_tree(root: Path) -> dict:
    from .compiler import DataError, compile_tree

    try:
        return compile_tree(root)
    except DataError as exc:
        for where, message in exc.problems:
            print(f"{where}: {message}", file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) in {root}/", file=sys.stderr)
        raise SystemExit(1) from None


def cmd_evaluate(args: argparse.Namespace) -> int:
    try:
        raw = sys.stdin.read() if args.facts == "-" else Path(args.facts).read_text(encoding="utf-8")
        facts = json.loads(raw)
    except (OSError, json.JSONDecodeError) as exc:
        print(f"facts: cannot read {args.facts}: {exc}", file=sys.stderr)
        return 2
    try:
        result = engine.evaluate(compiled(), facts, args.policy)
    except (FactsError, PolicyError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    json.dump(result.to_dict(), sys.stdout, indent=2)
    print()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    root = Path(args.tree)
    data = _load_tree(root)
    print(
        f"{root}/ is valid: {len(data['sources'])} sources, {len(data['policies'])} policies, "
        f"{len(data['options'])} options, {len(data['questions'])} questions, {len(data['facts'])} facts"
    )
    return 0


def cmd_policies(args: argparse.Namespace) -> int:
    data = compiled()
    current = engine.default_policy(data)
    for pid in data["policy_order"]:
        doc = data["sources"][data["policies"][pid]["source"]]
        spans = [
            f"{s.isoformat()}..{'' if e >= dates.parse(doc['verified_through']) else e.isoformat()}"
            for s, e in dates.in_force_intervals(doc)
        ]
        mark = "  (default: in force today)" if pid == current else ""
        print(f"{pid}\t{' '.join(spans)}\t{data['policies'][pid]['title']['en']}{mark}")
    return 0


def cmd_facts(args: argparse.Namespace) -> int:
    from .facts import describe

    for key, spec in compiled()["facts"].items():
        label = spec.get("label", {}).get("en", "")
        print(f"{key}\t{describe(spec)}\t{label}")
    return 0


def cmd_graph(args: argparse.Namespace) -> int:
    from .compiler.graph import dot

    sys.stdout.write(dot(compiled(), args.policy, args.lang))
    return 0


def cmd_compile(args: argparse.Namespace) -> int:
    data = _load_tree(Path(args.tree))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode()) // 1024} KB)")
    return 0


def cmd_parity(args: argparse.Namespace) -> int:
    from .compiler.graph import parity_set

    json.dump(parity_set(compiled()), sys.stdout, separators=(",", ":"))
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    from .compiler.coverage import main

    return main(compiled())


def cmd_review(args: argparse.Namespace) -> int:
    from .review import report

    today = args.today or clock.today()
    if args.days < 0:
        print("--days: expected a number of days, 0 or more", file=sys.stderr)
        return 2
    data = compiled()
    if any("last_reviewed" not in doc for doc in data["sources"].values()):
        # The wheel's data leaves out what only people read (compile.for_engine).
        print(
            f"review: needs decision_tree/ (not found at {SOURCE_TREE}); the packaged data has no review dates",
            file=sys.stderr,
        )
        return 2
    if args.policy is not None and args.policy not in data["policies"]:
        print(
            f"policy: {args.policy!r} is not a policy id; expected one of {', '.join(data['policy_order'])}",
            file=sys.stderr,
        )
        return 2
    text, code = report(data, today, args.days, args.policy)
    sys.stdout.write(text)
    return code


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: expected YYYY-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pdlogic", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("evaluate", help="print the result for FACTS.json as JSON")
    p.add_argument("facts", help="a JSON file of facts, or - for stdin")
    p.add_argument("--policy", default=None, help="policy id (default: the policy in force today)")
    p.set_defaults(func=cmd_evaluate)
    p = sub.add_parser("check", help="validate decision_tree/; exit 1 with file:line errors")
    p.add_argument(
        "--tree",
        default=str(SOURCE_TREE.relative_to(Path.cwd()) if SOURCE_TREE.is_relative_to(Path.cwd()) else SOURCE_TREE),
    )
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("policies", help="list policy ids with their dates")
    p.set_defaults(func=cmd_policies)
    p = sub.add_parser("facts", help="list the fact vocabulary: key, expected values, meaning")
    p.set_defaults(func=cmd_facts)
    p = sub.add_parser("graph", help="the question graph as Graphviz text")
    p.add_argument("--policy", default=None)
    p.add_argument("--lang", default="en", choices=["en", "es"])
    p.set_defaults(func=cmd_graph)
    p = sub.add_parser("compile", help="write the compiled JSON the browser loads")
    p.add_argument("--tree", default=str(SOURCE_TREE))
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_compile)
    p = sub.add_parser("parity", help="the parity set for the page script, as JSON")
    p.set_defaults(func=cmd_parity)
    p = sub.add_parser("coverage", help="walk every edge and condition; print what was not covered")
    p.set_defaults(func=cmd_coverage)
    p = sub.add_parser(
        "review",
        help="the documents behind a result today, oldest review first; exit 1 if any is older than --days",
    )
    p.add_argument("--today", type=_day, default=None, help="YYYY-MM-DD (default: PD_TODAY or the real date)")
    p.add_argument("--days", type=int, default=30, help="the longest a review may be ago (default 30)")
    p.add_argument("--policy", default=None, help="policy id (default: the policy in force on that day)")
    p.set_defaults(func=cmd_review)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except clock.ClockError as exc:
        print(exc, file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())

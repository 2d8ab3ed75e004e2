"""The page script's pure functions (docs/assets/js/walker.mjs, the module guide.js
imports) run in Node: the next-question walker agrees with pdlogic's
`next_question` on every state of the parity set, and the "Link to this result"
decoder turns any string into valid answers or a rejection."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import pdlogic
from pdlogic.data import compiled

ROOT = Path(__file__).resolve().parent.parent
WALKER = ROOT / "docs" / "assets" / "js" / "walker.mjs"

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="Node is not installed")


def run_node(tmp_path: Path, script: str, payload: Any) -> Any:
    (tmp_path / "in.json").write_text(json.dumps(payload), encoding="utf-8")
    (tmp_path / "run.mjs").write_text(
        f'import * as W from "{WALKER.as_uri()}";\n'
        'import { readFileSync } from "node:fs";\n'
        f'const input = JSON.parse(readFileSync("{(tmp_path / "in.json").as_posix()}", "utf8"));\n'
        f"const out = (() => {{ {script} }})();\n"
        "process.stdout.write(JSON.stringify(out));\n",
        encoding="utf-8",
    )
    done = subprocess.run(["node", str(tmp_path / "run.mjs")], capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def parity() -> list[dict[str, Any]]:
    out = subprocess.run(
        [sys.executable, "-m", "pdlogic", "parity"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out)


def test_the_page_walker_asks_what_pdlogic_asks_on_every_edge(tmp_path: Path) -> None:
    data = compiled()
    cases = parity()
    # Every question and the result are somewhere in the set.
    assert {c["next"] for c in cases} == {q["id"] for q in data["questions"]} | {None}
    got = run_node(
        tmp_path,
        "return input.cases.map((c) => W.nextQuestion(input.questions, c.facts, c.policy));",
        {"questions": data["questions"], "cases": cases},
    )
    wrong = [(c, g) for c, g in zip(cases, got, strict=True) if c["next"] != g]
    assert not wrong, f"{len(wrong)} states differ, first: {wrong[0]}"


def test_the_page_prunes_changed_answers_like_pdlogic(tmp_path: Path) -> None:
    data = compiled()
    # Every parity state, with its stage changed: what the page keeps is what pdlogic keeps.
    cases = []
    for c in parity()[::3]:
        for stage in ("before_nta", "final_order", None):
            cases.append({"policy": c["policy"], "facts": {**c["facts"], "stage": stage}})
    got = run_node(
        tmp_path,
        "return input.cases.map((c) => W.prune(input.questions, c.facts, c.policy));",
        {"questions": data["questions"], "cases": cases},
    )
    for case, kept in zip(cases, got, strict=True):
        assert kept == pdlogic.prune(case["facts"], case["policy"])


HOSTILE = [
    "pd1&stage=<script>alert(1)</script>",
    "pd1&stage=javascript:alert(1)",
    "pd1&policy=javascript:alert(document.cookie)",
    "pd1&<img src=x onerror=alert(1)>=true",
    "pd1&stage=in_proceedings\u200b",
    "pd1&stage=in\u2011proceedings",
    "pd1&ｓｔａｇｅ=in_proceedings",
    "pd1&stage=\u202ein_proceedings",
    "pd1&__proto__=true&constructor=true&toString=1",
    "pd1&detained=1&has_attorney=yes&misdemeanor_convictions=-1&misdemeanor_convictions=3",
    "pd1&misdemeanor_convictions=1e3&misdemeanor_convictions=0x10",
    "pd1&stage=" + "a" * 100_000,
    "pd1&" + "detained=true&" * 5000,
    "pd1&stage=in_proc%",
    "pd1%26stage%3Din_proceedings%",
    "pd1&stage=%E0%A4%A",
    "pd1&stage",
    "pd1&=&&=",
    "pd1&stage=in_proceedings&stage=final_order",
    "\x00pd1&stage=in_proceedings",
    "not-a-link",
    "",
]


def valid(facts: dict[str, Any], vocabulary: dict[str, Any]) -> bool:
    try:
        pdlogic.evaluate(facts)
    except pdlogic.FactsError:
        return False
    return all(k in vocabulary for k in facts)


def test_hostile_links_give_valid_answers_or_a_rejection(tmp_path: Path) -> None:
    data = compiled()
    rng = random.Random(6)
    alphabet = "pd1&=%;_-abcdefgnstuvwxyz0123456789<>\"'\\/ \u200b\u202e\ufeffé"
    fuzz = ["pd1&" + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(3000)]
    inputs = HOSTILE + fuzz
    got = run_node(
        tmp_path,
        "return input.inputs.map((s) => { try { return W.decodeLink(s, input.facts, input.policies); }"
        " catch (e) { return { threw: String(e) }; } });",
        {"inputs": inputs, "facts": data["facts"], "policies": data["policy_order"]},
    )
    for text, out in zip(inputs, got, strict=True):
        assert "threw" not in out, (text[:80], out)
        if not out["link"]:
            continue
        assert valid(out["facts"], data["facts"]), (text[:80], out)
        assert out["policy"] in (None, *data["policy_order"])
    by_text = dict(zip(inputs, got, strict=False))
    assert by_text["pd1&stage=" + "a" * 100_000]["tooLong"] is True
    assert by_text["pd1&stage=<script>alert(1)</script>"]["facts"] == {}
    assert by_text["pd1&stage=in_proceedings&stage=final_order"]["facts"] == {"stage": "in_proceedings"}
    assert by_text["pd1&stage=in_proceedings&stage=final_order"]["rejected"] == 1
    assert by_text["pd1&__proto__=true&constructor=true&toString=1"] == {
        "link": True,
        "facts": {},
        "policy": None,
        "rejected": 3,
        "tooLong": False,
    }
    assert by_text["not-a-link"] == {"link": False}


def test_a_link_gives_back_exactly_the_answers_it_was_made_from(tmp_path: Path) -> None:
    data = compiled()
    cases = [{"policy": c["policy"], "facts": c["facts"]} for c in parity()[::10]]
    cases.append({"policy": "johnson-2014", "facts": {"stage": "final_order", "misdemeanor_convictions": 2}})
    got = run_node(
        tmp_path,
        "return input.cases.map((c) => W.decodeLink(W.encodeLink(c.facts, c.policy), input.facts, input.policies));",
        {"cases": cases, "facts": data["facts"], "policies": data["policy_order"]},
    )
    for case, out in zip(cases, got, strict=True):
        assert out == {"link": True, "facts": case["facts"], "policy": case["policy"], "rejected": 0, "tooLong": False}

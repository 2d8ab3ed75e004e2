"""`python -m pdlogic review`: the documents behind today's result, oldest review first.

- It lists every document a result under the policy in force on that day can cite: a
  maintainer who re-checks the list has re-checked everything a reader may be shown.
- Each line gives the day the document was last reviewed, how many days ago that was and
  the last day a source shows its status; the oldest review comes first.
- It exits 1 when any was last reviewed more than N days (default 30) before that day, and
  0 otherwise. The days are fixed from the registry, never from the calendar.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pdlogic import engine, review
from pdlogic.data import compiled

ROOT = Path(__file__).resolve().parent.parent
DATA = compiled()
# The latest framework, on the day of the registry's latest review.
CURRENT = engine.default_policy(DATA, dt.date.max)
DAY = max(dt.date.fromisoformat(doc["last_reviewed"]) for doc in DATA["sources"].values())
_, ITEMS = review.review(DATA, DAY)
OLDEST = min(i.last_reviewed for i in ITEMS)
LINE = re.compile(r"^(\d{4}-\d\d-\d\d)\s+(\d+) days  (\S+)  verified through (\S+)( {2}STALE)?$")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pdlogic", "review", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def listed(stdout: str) -> list[tuple[str, int, str, str, bool]]:
    rows = []
    for line in stdout.splitlines():
        m = LINE.match(line)
        if m:
            rows.append((m.group(1), int(m.group(2)), m.group(3), m.group(4), bool(m.group(5))))
    return rows


def fact_sets() -> list[dict[str, object]]:
    """Each stage alone, with every yes/no fact yes, and with every one no."""
    bools = [k for k, spec in DATA["facts"].items() if spec["type"] == "bool"]
    out: list[dict[str, object]] = []
    for stage in DATA["stages"]:
        out += [
            {"stage": stage},
            {"stage": stage, **dict.fromkeys(bools, True)},
            {"stage": stage, **dict.fromkeys(bools, False)},
        ]
    return out


@pytest.mark.parametrize("day", [DAY, dt.date(2016, 6, 1), dt.date(2022, 1, 15)], ids=str)
def test_every_document_a_result_cites_is_on_the_list(day: dt.date) -> None:
    policy, items = review.review(DATA, day)
    assert policy == engine.default_policy(DATA, day)
    on_list = {i.source for i in items}
    assert DATA["policies"][policy]["source"] in on_list
    for facts in fact_sets():
        cited = set(engine.evaluate(DATA, facts, policy, day).sources)
        assert cited <= on_list, (facts, sorted(cited - on_list))


def test_a_policy_not_in_force_that_day_is_not_behind_its_result() -> None:
    _, items = review.review(DATA, dt.date(2016, 6, 1))
    assert DATA["policies"][CURRENT]["source"] not in {i.source for i in items}


def test_lists_oldest_review_first_with_age_and_verified_through() -> None:
    done = run("--today", DAY.isoformat(), "--days", "100000")
    assert done.returncode == 0, done.stderr
    rows = listed(done.stdout)
    assert {r[2] for r in rows} == {i.source for i in ITEMS}
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    for reviewed, age, sid, verified, _ in rows:
        doc = DATA["sources"][sid]
        assert reviewed == doc["last_reviewed"]
        assert age == (DAY - dt.date.fromisoformat(reviewed)).days
        assert verified == doc["verified_through"]
    assert f"under {CURRENT} on {DAY.isoformat()}" in done.stdout


def test_says_what_depends_on_each_document_and_flags_unconfirmed_steps() -> None:
    done = run("--today", DAY.isoformat(), "--days", "100000")
    blocks = done.stdout.split("\n2")  # one block per document
    unconfirmed = {i.source for i in ITEMS if any(not c["confirmed"] for c in DATA["sources"][i.source]["status"])}
    assert unconfirmed, "the registry has unconfirmed steps behind today's result"
    for sid in unconfirmed:
        block = next(b for b in blocks if f"  {sid}  verified through" in b)
        assert "flag: unconfirmed step:" in block
        assert "used by: " in block
    policy_doc = DATA["policies"][CURRENT]["source"]
    block = next(b for b in blocks if f"  {policy_doc}  verified through" in b)
    assert f"policy:{CURRENT}" in block


def test_passes_within_the_limit_and_fails_past_it() -> None:
    limit_day = OLDEST + dt.timedelta(days=30)
    ok = run("--today", limit_day.isoformat())
    assert ok.returncode == 0, ok.stdout
    assert "STALE" not in ok.stdout
    late = run("--today", (limit_day + dt.timedelta(days=1)).isoformat())
    assert late.returncode == 1
    stale = {r[2] for r in listed(late.stdout) if r[4]}
    assert stale == {i.source for i in ITEMS if i.last_reviewed == OLDEST}
    assert "last reviewed more than 30 days before" in late.stdout


def test_days_sets_the_limit() -> None:
    assert run("--today", (OLDEST + dt.timedelta(days=8)).isoformat(), "--days", "7").returncode == 1
    assert run("--today", (OLDEST + dt.timedelta(days=7)).isoformat(), "--days", "7").returncode == 0


def test_today_comes_from_the_one_clock() -> None:
    late = (OLDEST + dt.timedelta(days=31)).isoformat()
    done = run(env={"PD_TODAY": late})
    assert done.returncode == 1
    assert f" on {late}" in done.stdout


@pytest.mark.parametrize(
    "args", [["--today", "2026-13-01"], ["--days", "-1", "--today", "2026-12-01"], ["--policy", "nope"]]
)
def test_bad_input_is_refused_by_name(args: list[str]) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert args[0].lstrip("-") in done.stderr

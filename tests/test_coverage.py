"""`python -m pdlogic coverage`: the answer space covered by construction, with nothing left over."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from pdlogic.compiler.coverage import johnson_2014_priority
from pdlogic.data import compiled

ROOT = Path(__file__).resolve().parent.parent

# What the data cannot reach today, each with the change to decision_tree/ that fixes it
# (tests/test_law_priorities.py and tests/test_law_options.py state the same gaps as law).
KNOWN_DATA_GAPS: tuple[str, ...] = ()


@dataclass
class Printed:
    """What `python -m pdlogic coverage` printed, by section, and its exit code."""

    covered: list[str]
    by_design: list[str]
    gaps: list[str]
    code: int


@pytest.fixture(scope="module")
def printed() -> Printed:
    done = subprocess.run(
        [sys.executable, "-m", "pdlogic", "coverage"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    sections: dict[str, list[str]] = {}
    current = ""
    for line in done.stdout.splitlines():
        if not line.startswith(" "):
            current = line.split(" (")[0].rstrip(":")
            sections[current] = []
        elif line.strip() != "(none)":
            sections[current].append(line.strip())
    assert {"Covered", "Never recommended by design", "Not covered"} <= set(sections), done.stdout + done.stderr
    assert re.search(r"^Time: \d+\.\d+ s$", done.stdout, re.MULTILINE)
    return Printed(
        sections["Covered"], sections["Never recommended by design"], sections["Not covered"], done.returncode
    )


def test_coverage_leaves_nothing_uncovered(printed: Printed) -> None:
    assert printed.gaps == []


def test_coverage_finds_no_gap_beyond_the_known_data_gaps(printed: Printed) -> None:
    unexpected = [gap for gap in printed.gaps if not gap.startswith(KNOWN_DATA_GAPS)]
    assert unexpected == []


def test_coverage_exits_1_exactly_when_something_is_uncovered(printed: Printed) -> None:
    assert printed.code == (1 if printed.gaps else 0)


def test_coverage_walks_every_policy_and_sees_every_condition_option_and_warning(printed: Printed) -> None:
    text = "\n".join(printed.covered)
    count = int(re.search(r"^(\d+) reachable fact sets evaluated under 5 policies", text, re.MULTILINE)[1])
    assert count > 30_000
    assert re.search(r"question graph: \d+ edges and \d+ question nodes walked under 5 policies", text)
    assert re.search(r"conditions: \d+ of \d+ condition nodes \(in \d+ conditions\) seen both true and false", text)
    warnings = re.search(r"warnings: (\d+) of (\d+) produced", text)
    assert warnings and warnings[1] == warnings[2]
    assert re.search(r"johnson-2014 priority categories: all 32805 combinations", text)


def test_options_without_rules_are_reported_as_never_recommended_by_design(printed: Printed) -> None:
    data = compiled()
    declared = sorted(oid for oid, spec in data["options"].items() if spec.get("no_rule_reason"))
    assert declared
    assert sorted(line.split(":")[0] for line in printed.by_design) == declared


def test_the_independent_reading_of_the_2014_priorities() -> None:
    """The oracle the exhaustive enumeration is checked against is itself checked on the advisory's cases."""
    assert johnson_2014_priority({"felony_conviction": True})[0] == "priority_1"
    assert johnson_2014_priority({"felony_conviction": None, "misdemeanor_convictions": 3})[0] == "unknown"
    no_record = dict.fromkeys(
        ["terrorism_or_espionage", "apprehended_at_border", "gang_participation", "felony_conviction"], False
    )
    no_record |= dict.fromkeys(["significant_misdemeanor", "significant_visa_abuse", "entered_after_2014"], False)
    assert johnson_2014_priority({**no_record, "misdemeanor_convictions": 3})[0] == "priority_2"
    assert johnson_2014_priority({**no_record, "misdemeanor_convictions": 2, "order_after_2014": True}) == (
        "priority_3",
        ["any_immigration_officer"],
    )
    assert johnson_2014_priority({**no_record, "misdemeanor_convictions": 2, "order_after_2014": False})[0] == (
        "not_a_priority"
    )

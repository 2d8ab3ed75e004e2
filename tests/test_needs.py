"""'What we don't know' only lists what the guide can still ask: every unknown fact a
result says would change it is asked by a question that applies under those rules."""

from __future__ import annotations

from law import TODAY

import pdlogic
from pdlogic import conditions
from pdlogic.compiler.graph import explore
from pdlogic.data import compiled


def test_every_unknown_the_result_names_can_be_asked_under_the_same_rules() -> None:
    data = compiled()
    asked_by = {f: q for q in data["questions"] for f in q["facts"]}
    unaskable: set[tuple[str, str]] = set()
    finished = 0
    for policy, graph in explore(data).items():
        for facts in graph.states:
            if pdlogic.next_question(facts, policy) is not None:
                continue
            finished += 1
            for fact in pdlogic.evaluate(facts, policy, today=TODAY).needs:
                value, _ = conditions.evaluate(asked_by[fact]["when"], facts, policy)
                if value is False:
                    unaskable.add((policy, fact))
    assert finished >= len(data["policy_order"])  # at least one finished walk per policy
    assert not unaskable, f"results name facts the guide never asks under their rules: {sorted(unaskable)}"

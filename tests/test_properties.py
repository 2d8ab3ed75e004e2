"""Properties that hold for any input a reader, a page script or an outside caller can send."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import pdlogic
from pdlogic.compiler.coverage import contract_problems
from pdlogic.data import compiled

TODAY = dt.date(2026, 11, 27)
DATA = compiled()
POLICIES = st.sampled_from(DATA["policy_order"])


def valid_value(key: str) -> st.SearchStrategy[Any]:
    spec = DATA["facts"][key]
    if spec["type"] == "bool":
        return st.sampled_from([True, False, None])
    if spec["type"] == "int":
        return st.one_of(st.none(), st.integers(min_value=0, max_value=6))
    return st.sampled_from([*spec["choices"], None])


# Facts of the right types (each true, false or "I don't know"), any subset of the vocabulary.
valid_facts = st.fixed_dictionaries({}, optional={key: valid_value(key) for key in DATA["facts"]})

junk_value = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=5),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.lists(st.booleans(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.booleans(), max_size=1),
)
junk_key = st.one_of(st.sampled_from(sorted(DATA["facts"])), st.text(max_size=20))
# Anything a JSON object could hold: real keys with wrong values, junk keys, and the valid kind.
any_facts = st.one_of(valid_facts, st.dictionaries(junk_key, junk_value, max_size=8))


@settings(max_examples=300, deadline=None)
@given(facts=any_facts, policy=st.one_of(st.none(), POLICIES))
def test_any_facts_give_a_valid_result_or_a_facts_error(facts: dict[Any, Any], policy: str | None) -> None:
    try:
        result = pdlogic.evaluate(facts, policy, today=TODAY)
    except pdlogic.FactsError as exc:
        assert exc.key in {str(k) for k in facts} or exc.key == "facts"
        return
    chosen = policy or pdlogic.default_policy(TODAY)
    assert contract_problems(DATA, facts, chosen, result.to_dict()) == []


@settings(max_examples=300, deadline=None)
@given(facts=valid_facts, policy=POLICIES)
def test_facts_of_the_right_types_never_raise(facts: dict[str, Any], policy: str) -> None:
    assert contract_problems(DATA, facts, policy, pdlogic.evaluate(facts, policy, today=TODAY).to_dict()) == []


@settings(max_examples=300, deadline=None)
@given(facts=valid_facts, policy=POLICIES)
def test_the_next_question_always_has_a_fact_still_to_ask(facts: dict[str, Any], policy: str) -> None:
    qid = pdlogic.next_question(facts, policy)
    if qid is not None:
        question = next(q for q in DATA["questions"] if q["id"] == qid)
        assert any(f not in facts for f in question["facts"])


@settings(max_examples=300, deadline=None)
@given(facts=valid_facts, policy=POLICIES)
def test_the_next_question_is_never_one_already_answered_with_i_dont_know(facts: dict[str, Any], policy: str) -> None:
    unknown = {key: None for key in facts}
    qid = pdlogic.next_question(unknown, policy)
    if qid is not None:
        question = next(q for q in DATA["questions"] if q["id"] == qid)
        assert not all(f in unknown for f in question["facts"])


@settings(max_examples=300, deadline=None)
@given(facts=valid_facts, policy=POLICIES)
def test_prune_is_idempotent_and_keeps_only_given_answers(facts: dict[str, Any], policy: str) -> None:
    once = pdlogic.prune(facts, policy)
    assert pdlogic.prune(once, policy) == once
    assert all(facts[key] == value for key, value in once.items())

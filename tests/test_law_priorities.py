"""The 2014 enforcement priorities and who may make an exception to them, as the sources state them.

Sources: the American Immigration Council's practice advisory (March 18, 2015;
seed 002, `aic-advisory-2015`), "Who is eligible for prosecutorial discretion
under the Enforcement Memo?" and "Who can make the decision...", summarizing
Secretary Johnson's memo of November 20, 2014 (`johnson-2014`).
"""

from __future__ import annotations

from typing import Any

import pytest
from law import TODAY

import pdlogic
from pdlogic.data import compiled

# Nothing that would put a person in Priority 1 (all four answered "no").
NO_PRIORITY_1 = {
    "terrorism_or_espionage": False,
    "apprehended_at_border": False,
    "gang_participation": False,
    "felony_conviction": False,
}
# Nothing in Priority 2 either.
NO_PRIORITY_2 = {
    "misdemeanor_convictions": 0,
    "significant_misdemeanor": False,
    "significant_visa_abuse": False,
    "entered_after_2014": False,
}
PRIORITY_1_AUTHORITY = ["ice_field_office_director", "cbp_sector_chief", "cbp_director_field_operations"]
PRIORITY_2_AUTHORITY = [*PRIORITY_1_AUTHORITY, "uscis_district_director", "uscis_service_center_director"]


def johnson(**facts: Any) -> dict[str, Any]:
    """The result under the 2014 priorities, after a removal order (where every category's facts are asked)."""
    facts.setdefault("stage", "final_order")
    return pdlogic.evaluate(facts, "johnson-2014", today=TODAY).to_dict()


def test_three_misdemeanors_from_separate_incidents_make_priority_2() -> None:
    """aic-advisory-2015: Priority 2 includes "persons convicted of three or more misdemeanors
    arising out of separate incidents"."""
    result = johnson(**NO_PRIORITY_1, **{**NO_PRIORITY_2, "misdemeanor_convictions": 3})
    assert result["priority"] == "priority_2"


def test_two_misdemeanors_alone_do_not_make_priority_2() -> None:
    """aic-advisory-2015: it takes three or more misdemeanors; two are not enough."""
    result = johnson(**NO_PRIORITY_1, **{**NO_PRIORITY_2, "misdemeanor_convictions": 2}, order_after_2014=False)
    assert result["priority"] == "not_a_priority"


def test_a_significant_misdemeanor_alone_makes_priority_2() -> None:
    """aic-advisory-2015: Priority 2 includes "persons convicted of a significant misdemeanor",
    even with no other conviction."""
    result = johnson(**NO_PRIORITY_1, **{**NO_PRIORITY_2, "significant_misdemeanor": True})
    assert result["priority"] == "priority_2"


@pytest.mark.parametrize("fact", ["significant_visa_abuse", "entered_after_2014"])
def test_visa_abusers_and_new_unlawful_entrants_are_priority_2(fact: str) -> None:
    """aic-advisory-2015: Priority 2 includes significant visa abusers and people who entered
    unlawfully and have not been continuously present since January 1, 2014."""
    result = johnson(**NO_PRIORITY_1, **{**NO_PRIORITY_2, fact: True})
    assert result["priority"] == "priority_2"


@pytest.mark.parametrize("fact", ["terrorism_or_espionage", "apprehended_at_border", "gang_participation"])
def test_national_and_border_security_threats_are_priority_1(fact: str) -> None:
    """aic-advisory-2015: Priority 1 includes people suspected of terrorism or espionage,
    apprehended at the border, or (aged 16 or older) in an organized gang."""
    result = johnson(**{**NO_PRIORITY_1, fact: True})
    assert result["priority"] == "priority_1"


def test_a_felony_makes_priority_1_and_field_office_directors_and_cbp_chiefs_may_except_it() -> None:
    """aic-advisory-2015: Priority 1 includes persons convicted of a felony; "ICE Field Office
    Directors, CBP Sector Chiefs and CBP Directors of Field Operations" may find a Priority 1
    person not to be a priority."""
    result = johnson(**{**NO_PRIORITY_1, "felony_conviction": True})
    assert result["priority"] == "priority_1"
    assert sorted(result["exception_authority"]) == sorted(PRIORITY_1_AUTHORITY)


def test_a_felony_outranks_misdemeanors() -> None:
    """aic-advisory-2015: the categories are ranked; a person in Priority 1 is Priority 1 even
    if Priority 2 also describes them."""
    result = johnson(**{**NO_PRIORITY_1, "felony_conviction": True}, misdemeanor_convictions=3)
    assert result["priority"] == "priority_1"


def test_priority_2_exceptions_add_uscis_district_and_service_center_directors() -> None:
    """aic-advisory-2015: for Priority 2, "the above-referenced officers as well as USCIS
    District Directors and USCIS Service Center Directors" may find a person not a priority."""
    result = johnson(**NO_PRIORITY_1, **{**NO_PRIORITY_2, "significant_misdemeanor": True})
    assert sorted(result["exception_authority"]) == sorted(PRIORITY_2_AUTHORITY)


def test_a_final_order_after_january_1_2014_is_priority_3_and_any_officer_may_except_it() -> None:
    """aic-advisory-2015: Priority 3 "is limited to individuals who have been issued a final order
    of removal on or after January 1, 2014"; "any immigration officer" may find them not a priority."""
    result = johnson(**NO_PRIORITY_1, **NO_PRIORITY_2, order_after_2014=True)
    assert result["priority"] == "priority_3"
    assert result["exception_authority"] == ["any_immigration_officer"]


def test_a_final_order_before_2014_and_no_record_is_not_a_priority() -> None:
    """aic-advisory-2015: outside the three categories a person is not an enforcement priority,
    and no exception is needed."""
    result = johnson(**NO_PRIORITY_1, **NO_PRIORITY_2, order_after_2014=False)
    assert result["priority"] == "not_a_priority"
    assert result["exception_authority"] == []


@pytest.mark.parametrize("stage", ["before_nta", "in_proceedings"])
def test_someone_with_no_removal_order_and_no_record_is_not_a_priority(stage: str) -> None:
    """aic-advisory-2015: Priority 3 is limited to people with a final order of removal; a person
    whose case has not reached an order cannot be in it."""
    result = johnson(stage=stage, **NO_PRIORITY_1, **NO_PRIORITY_2)
    assert result["priority"] == "not_a_priority"


def test_i_dont_know_about_a_felony_is_never_read_as_no() -> None:
    """pdlogic contract: "I don't know" (null) leaves a fact unknown. A person who does not know
    whether a conviction is a felony might be Priority 1, so the category is unknown and the
    fact is among those that would change the result."""
    result = johnson(**{**NO_PRIORITY_1, "felony_conviction": None}, **NO_PRIORITY_2, order_after_2014=False)
    assert result["priority"] == "unknown"
    assert "felony_conviction" in result["needs"]
    assert result["exception_authority"] == []


def test_an_unknown_number_of_misdemeanors_is_never_read_as_none() -> None:
    """aic-advisory-2015 (three or more misdemeanors make Priority 2) with the contract's rule that
    null is never "no": an unknown count leaves the category unknown."""
    result = johnson(**NO_PRIORITY_1, **{**NO_PRIORITY_2, "misdemeanor_convictions": None}, order_after_2014=False)
    assert result["priority"] == "unknown"
    assert "misdemeanor_convictions" in result["needs"]


def test_a_known_priority_does_not_wait_for_later_categories() -> None:
    """aic-advisory-2015: a felony alone makes Priority 1, whatever the answers about Priority 2
    and 3 facts, so not knowing those does not make the category unknown."""
    result = johnson(felony_conviction=True)
    assert result["priority"] == "priority_1"


@pytest.mark.parametrize("policy", ["kelly-2017", "eo-14159-2025"])
def test_policies_without_categories_have_no_priority(policy: str) -> None:
    """law-firm-note-2017 and policy-confirmation-2026-11 (Q5): this guide models no priority
    categories for the 2017 memo or for the framework since January 20, 2025."""
    result = pdlogic.evaluate({"stage": "in_proceedings"}, policy, today=TODAY).to_dict()
    assert result["priority"] is None
    assert result["exception_authority"] == []


def test_under_the_2021_guidelines_a_national_security_threat_is_their_own_category() -> None:
    """policy-confirmation-2026-11 (Q2): the Mayorkas guidelines name national security, public
    safety and border security; the contract says such a policy uses its own category ids."""
    facts = {"stage": "in_proceedings", "terrorism_or_espionage": True}
    result = pdlogic.evaluate(facts, "mayorkas-2021", today=TODAY).to_dict()
    assert result["priority"] == "national_security"


def test_the_crime_questions_are_asked_only_under_a_policy_with_categories() -> None:
    """Issue 4: crime questions are asked only under a policy with categories; today's framework
    has none, so the guide does not ask a person about their record."""
    facts = {"asking_for": "professional", "stage": "in_proceedings", "detained": False}
    assert pdlogic.next_question(facts, "johnson-2014") == "record"
    assert pdlogic.next_question(facts, "eo-14159-2025") != "record"


def test_the_guide_tells_the_reader_that_suspended_sentences_do_not_count_toward_90_days() -> None:
    """aic-advisory-2015: a significant misdemeanor includes "any misdemeanor for which the person was
    sentenced to serve 90 days or more in jail, excluding suspended sentences". The engine cannot see a
    sentence, so the question that asks about it must say so."""
    question = next(q for q in compiled()["questions"] if "significant_misdemeanor" in q["facts"])
    item = next(i for i in question["items"] if i["fact"] == "significant_misdemeanor")
    words = " ".join(t["en"] for t in (item["label"], item["help"]) if t).lower()
    assert "90 days" in words
    assert "suspended sentence does not count" in words


def test_the_misdemeanor_count_is_asked_in_bands_up_to_three_or_more() -> None:
    """aic-advisory-2015: only "three or more" matters for Priority 2, so the guide asks 0, 1, 2, 3 or more."""
    question = next(q for q in compiled()["questions"] if q["facts"] == ["misdemeanor_convictions"])
    assert [a["value"] for a in question["answers"]] == [0, 1, 2, 3]
    for count in (3, 4, 9):
        assert (
            johnson(**NO_PRIORITY_1, **{**NO_PRIORITY_2, "misdemeanor_convictions": count})["priority"] == "priority_2"
        )

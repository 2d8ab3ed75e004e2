"""The frameworks since 2021 and what a reader must be told about them today.

Source: ../shared/research/policy-confirmation-2026-11.md (checked item by item;
it wins over policy-timeline-2021-2026.md), questions Q1-Q8 and "What a
public-facing site must say about what is in force today".
"""

from __future__ import annotations

import pytest
from law import judge, option

NO_RECORD = {
    "terrorism_or_espionage": False,
    "apprehended_at_border": False,
    "gang_participation": False,
    "felony_conviction": False,
    "significant_misdemeanor": False,
    "significant_visa_abuse": False,
}


def test_interim_2021_border_security_is_unlawful_entry_on_or_after_november_1_2020() -> None:
    """Q1: the Pekoske memo's border-security priority covers people who entered unlawfully "on or after
    November 1, 2020"."""
    result = judge("interim-2021", stage="in_proceedings", terrorism_or_espionage=False, entered_after_2020_11_01=True)
    assert result["priority"] == "border_security"


def test_interim_2021_public_safety_is_an_aggravated_felony_with_release_after_the_memo() -> None:
    """Q1: public safety covers people "released on or after the issuance of this memorandum who have been
    convicted of an 'aggravated felony'"."""
    facts = {**NO_RECORD, "felony_conviction": True, "entered_after_2020_11_01": False}
    assert judge("interim-2021", stage="in_proceedings", **facts, aggravated_felony_released_2021=True)["priority"] == (
        "public_safety"
    )
    assert judge("interim-2021", stage="in_proceedings", **facts, aggravated_felony_released_2021=False)[
        "priority"
    ] == ("not_a_priority")


def test_under_the_2021_guidelines_outside_the_priorities_ice_lawyers_preferred_dismissal() -> None:
    """Q2 ("removable ... should not alone be the basis of an enforcement action") and Q3 (the Doyle memo:
    "OPLA's strong preference is to remove nonpriority cases from the docket permanently through dismissal")."""
    result = judge("mayorkas-2021", stage="in_proceedings", **NO_RECORD, entered_after_2020_11_01=False)
    assert result["priority"] == "not_a_priority"
    assert option(result, "dismissal")["recommended"] is True
    assert "doyle-2022" in option(result, "dismissal")["sources"]


def test_the_2021_guidelines_carry_the_2022_2023_vacatur() -> None:
    """Q4: a Texas court vacated the guidelines in June 2022; the Supreme Court reversed on June 23, 2023;
    ICE did not rely on them in between."""
    assert "mayorkas_vacatur_gap" in judge("mayorkas-2021", stage="in_proceedings")["warnings"]


def test_today_the_court_guidance_on_administrative_closure_is_cancelled() -> None:
    """ "What a public-facing site must say", item 3: EOIR's administrative-closure guidance (DM 22-03) was
    cancelled by PM 25-29 on 2025-04-18."""
    closure = option(judge(None, stage="in_proceedings"), "administrative_closure")
    assert "admin_closure_guidance_cancelled" in closure["warnings"]
    assert closure["recommended"] is False


def test_daca_in_texas_warns_about_work_permits_and_first_time_requests() -> None:
    """Q7 and item 6: since the Fifth Circuit's January 17, 2025 decision, Texas residents are treated
    differently for work authorization; initial DACA requests were accepted but not approved."""
    deferred = option(judge(None, stage="in_proceedings", daca_eligible=True, lives_in_texas=True), "deferred_action")
    assert {"daca_texas_work_permits", "daca_initial_not_approvable"} <= set(deferred["warnings"])


def test_outside_texas_there_is_no_texas_work_permit_warning() -> None:
    """Q7: the work-permit limit concerns Texas residents."""
    deferred = option(judge(None, stage="in_proceedings", daca_eligible=True, lives_in_texas=False), "deferred_action")
    assert "daca_texas_work_permits" not in deferred["warnings"]


@pytest.mark.parametrize("stage", ["final_order", "court_of_appeals"])
def test_a_stay_request_warns_that_the_i246_fee_may_change(stage: str) -> None:
    """Q8 and item 7: the I-246 fee and a proposed increase; "check ICE before filing"."""
    assert "i246_fee_proposed" in option(judge(None, stage=stage), "stay_of_removal")["warnings"]


@pytest.mark.parametrize("policy", ["johnson-2014", "kelly-2017", "interim-2021", "mayorkas-2021"])
def test_only_todays_framework_warns_about_dismissal_then_expedited_removal(policy: str) -> None:
    """Q6: the dismiss-then-arrest practice dates from May 2025, under today's framework only."""
    assert (
        "dismissal_then_expedited_removal" not in option(judge(policy, stage="in_proceedings"), "dismissal")["warnings"]
    )

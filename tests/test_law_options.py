"""Who decides each form of discretion, which forms exist at each stage, and when the facts point to one.

Sources: the practice advisory (seed 002, `aic-advisory-2015`), its list of
decisions by stage and "Who can make the decision..."; ICE's 2015 page "How to
Seek Prosecutorial Discretion from ICE" (seed 001, `ice-pd-page-2015`); the
research notes ../shared/research/policy-confirmation-2026-11.md for 2025-26.
"""

from __future__ import annotations

from typing import Any

import pytest
from law import judge, option

import pdlogic

STAGE_OPTIONS = {
    "before_nta": {
        "decline_nta",
        "cancel_nta",
        "deferred_action",
        "parole_in_place",
        "pre_hearing_voluntary_departure",
        "release",
    },
    "in_proceedings": {
        "administrative_closure",
        "dismissal",
        "continuance",
        "amend_nta",
        "no_opposition_to_relief",
        "limit_issues",
        "no_appeal",
        "deferred_action",
        "release",
        "release_for_daca",
    },
    "final_order": {
        "stay_of_removal",
        "join_motion_to_reopen",
        "no_opposition_to_motion_to_reopen",
        "deferred_action",
        "supervised_release",
    },
    "court_of_appeals": {"remand", "stay_of_removal", "deferred_action"},
}
# Facts that make every conditional option of every stage available.
EVERYTHING_AVAILABLE = {
    "nta_issued": True,
    "detained": True,
    "entered_without_inspection": True,
    "military_family": True,
}


def offered(result: dict[str, Any]) -> set[str]:
    return {o["id"] for o in result["options"]}


# --- who decides -----------------------------------------------------------------------


def test_assistant_chief_counsel_cannot_grant_a_stay_of_removal() -> None:
    """aic-advisory-2015 citing the Howard memo (Oct 24, 2005): Assistant Chief Counsels "are not
    authorized to ... grant deferred action or a stay of removal". A stay is ICE ERO's alone."""
    result = judge("johnson-2014", stage="final_order")
    assert option(result, "stay_of_removal")["decided_by"] == ["ice_ero"]


def test_assistant_chief_counsel_cannot_grant_deferred_action() -> None:
    """aic-advisory-2015 citing howard-2005-10-24: ICE's trial attorneys cannot grant deferred action."""
    for stage in STAGE_OPTIONS:
        result = judge("johnson-2014", stage=stage)
        assert "ice_opla" not in option(result, "deferred_action")["decided_by"], stage


def test_assistant_chief_counsel_cannot_cancel_a_notice_to_appear() -> None:
    """aic-advisory-2015 citing howard-2005-10-24: trial attorneys "are not authorized to cancel an NTA"."""
    result = judge("johnson-2014", stage="before_nta", nta_issued=True)
    assert "ice_opla" not in option(result, "cancel_nta")["decided_by"]


@pytest.mark.parametrize("oid", ["administrative_closure", "dismissal"])
def test_ice_attorneys_decide_whether_to_close_or_end_a_case(oid: str) -> None:
    """aic-advisory-2015: ICE attorneys "have authority over ... whether to consent to administratively
    close a removal case"; a motion to dismiss must be granted by the immigration judge (note 18)."""
    result = judge("johnson-2014", stage="in_proceedings")
    assert {"ice_opla", "immigration_judge"} <= set(option(result, oid)["decided_by"])


def test_ice_attorneys_decide_whether_to_join_a_motion_to_reopen() -> None:
    """aic-advisory-2015: ICE attorneys have authority over "whether to join a motion to reopen"."""
    result = judge("johnson-2014", stage="final_order")
    assert "ice_opla" in option(result, "join_motion_to_reopen")["decided_by"]


# --- what exists at each stage ------------------------------------------------------------


@pytest.mark.parametrize("stage", sorted(STAGE_OPTIONS))
def test_each_stage_offers_exactly_its_own_forms_of_discretion(stage: str) -> None:
    """aic-advisory-2015, "Over what types of immigration decisions...": the decisions available
    (1) before an NTA is filed, (2) in proceedings, (3) after a removal order; options of other
    stages are absent."""
    result = judge("johnson-2014", stage=stage, **EVERYTHING_AVAILABLE)
    assert offered(result) == STAGE_OPTIONS[stage]


def test_without_a_stage_no_option_is_listed_and_the_stage_is_needed() -> None:
    """pdlogic contract: options depend on the stage; until it is known none is listed, and the
    result says the stage would change it."""
    result = judge("johnson-2014")
    assert result["options"] == []
    assert "stage" in result["needs"]


def test_cancelling_a_notice_to_appear_needs_one_that_was_issued() -> None:
    """aic-advisory-2015: "whether to cancel an NTA before it is filed with the court"; no NTA, nothing to cancel."""
    assert "cancel_nta" not in offered(judge("johnson-2014", stage="before_nta", nta_issued=False))
    assert "cancel_nta" in offered(judge("johnson-2014", stage="before_nta", nta_issued=True))


def test_release_to_pursue_daca_is_only_for_people_in_custody() -> None:
    """aic-advisory-2015: "whether to release an individual so that he or she may pursue a DACA request"."""
    assert "release_for_daca" not in offered(judge("johnson-2014", stage="in_proceedings", detained=False))
    assert "release_for_daca" in offered(judge("johnson-2014", stage="in_proceedings", detained=True))


def test_i_dont_know_whether_detained_does_not_offer_release() -> None:
    """pdlogic contract: null is never "no", nor "yes": an option available only in custody is not
    listed while custody is unknown, and custody is among the facts that would change the result."""
    result = judge("johnson-2014", stage="in_proceedings", detained=None)
    assert "release" not in offered(result)
    assert "detained" in result["needs"]


# --- custody -------------------------------------------------------------------------------


def test_mandatory_detention_means_release_is_not_recommended() -> None:
    """aic-advisory-2015 citing the Meissner memo (Nov 17, 2000): INA § 236(c) "eliminates an
    officer's prosecutorial discretion to release a person subject to such detention"."""
    facts = {"stage": "in_proceedings", "detained": True, "mandatory_detention": True, "serious_medical": True}
    result = judge("johnson-2014", **facts)
    release = option(result, "release")
    assert release["recommended"] is False
    assert "mandatory_detention_no_release" in release["warnings"]
    assert "mandatory_detention_limits" in result["detention"]


def test_a_seriously_ill_detained_person_not_in_mandatory_detention_may_ask_for_release() -> None:
    """aic-advisory-2015 (attachment) on torres-2006 and the Johnson memo: a field office director's
    approval is needed to detain a person with a serious illness who is not subject to mandatory detention."""
    facts = {"stage": "in_proceedings", "detained": True, "mandatory_detention": False, "serious_medical": True}
    result = judge("johnson-2014", **facts)
    assert option(result, "release")["recommended"] is True
    assert {"field_office_director_approval", "medical_review"} <= set(result["detention"])


def test_no_custody_considerations_for_a_person_not_detained() -> None:
    """pdlogic contract: `detention` lists custody considerations "when detained is true"."""
    result = judge("johnson-2014", stage="in_proceedings", detained=False, serious_medical=True)
    assert result["detention"] == []


# --- when the facts point to an option --------------------------------------------------------


def test_a_late_motion_to_reopen_for_someone_now_eligible_points_to_ice_joining_it() -> None:
    """aic-advisory-2015 quoting howard-2005-10-24: where a motion to reopen "is beyond the 90-day
    limitation ... strongly consider exercising prosecutorial discretion"."""
    result = judge("johnson-2014", stage="final_order", relief_eligible_late=True)
    assert option(result, "join_motion_to_reopen")["recommended"] is True


def test_a_pending_u_visa_points_to_a_stay_of_removal_under_the_2014_priorities() -> None:
    """aic-advisory-2015 (attachment) on the Vincent memo (2009): ICE may stay the removal of a
    person with a pending U visa petition."""
    result = judge("johnson-2014", stage="final_order", u_visa_pending=True)
    assert option(result, "stay_of_removal")["recommended"] is True


def test_daca_eligibility_in_proceedings_points_to_administrative_closure_under_the_2014_priorities() -> None:
    """ice-pd-page-2015: "if you believe you are eligible for DACA ... ICE may agree to
    administratively close your case upon request"."""
    result = judge("johnson-2014", stage="in_proceedings", daca_eligible=True)
    assert option(result, "administrative_closure")["recommended"] is True


def test_a_person_outside_the_2014_priorities_may_ask_ice_to_close_the_case() -> None:
    """ice-pd-page-2015: "if ... you believe that you do not fall within the DHS enforcement
    priorities ... ICE may agree to administratively close your case upon request"."""
    record = {"terrorism_or_espionage": False, "apprehended_at_border": False, "gang_participation": False}
    record |= {"felony_conviction": False, "significant_misdemeanor": False, "significant_visa_abuse": False}
    result = judge(
        "johnson-2014", stage="in_proceedings", **record, misdemeanor_convictions=0, entered_after_2014=False
    )
    assert option(result, "administrative_closure")["recommended"] is True


def test_i_dont_know_about_a_u_visa_is_never_read_as_no() -> None:
    """pdlogic contract: a null fact is unknown, so the option is not recommended on it, and the fact
    is listed as one that would change the result."""
    result = judge("johnson-2014", stage="final_order", u_visa_pending=None)
    assert option(result, "stay_of_removal")["recommended"] is False
    assert "u_visa_pending" in result["needs"]


# --- guidance in force ------------------------------------------------------------------------


def test_old_memos_do_not_recommend_anything_under_todays_policy() -> None:
    """pdlogic contract, "When an option is recommended": under a policy where the guidance that once
    supported an option is not known to be in force, the option is listed with recommended false and
    guidance_not_current. policy-confirmation-2026-11 found no DHS discretion guidance in force in 2025-26."""
    result = judge("eo-14159-2025", stage="final_order", u_visa_pending=True)
    stay = option(result, "stay_of_removal")
    assert stay["recommended"] is False
    assert "guidance_not_current" in stay["warnings"]


def test_the_same_memo_recommends_the_option_under_the_2014_priorities() -> None:
    """aic-advisory-2015 lists the Vincent memo (2009) as guidance in force in March 2015, so under
    the 2014 priorities a pending U visa points to a stay, with no guidance_not_current warning."""
    stay = option(judge("johnson-2014", stage="final_order", u_visa_pending=True), "stay_of_removal")
    assert stay["recommended"] is True
    assert "guidance_not_current" not in stay["warnings"]
    assert "vincent-2009" in stay["sources"]


def test_every_recommendation_names_guidance_in_force_that_it_cites() -> None:
    """pdlogic contract: recommended means "guidance in force under the selected policy points to this
    option", each with the guidance that supports it in sources."""
    result = judge("johnson-2014", stage="in_proceedings", victim_witness_plaintiff=True, daca_eligible=True)
    recommended = [o for o in result["options"] if o["recommended"]]
    assert recommended
    for o in recommended:
        in_force = {s for e in o["explain"] for s in e["in_force"]}
        assert in_force and in_force <= set(o["sources"]) <= set(result["sources"]), o["id"]


def test_dismissal_today_carries_the_warning_about_arrest_and_expedited_removal() -> None:
    """policy-confirmation-2026-11 (Q6 and "What a public-facing site must say", item 5): since about
    May 2025, DHS dismissal motions have been followed by courthouse arrest and expedited removal."""
    result = judge("eo-14159-2025", stage="in_proceedings")
    assert "dismissal_then_expedited_removal" in option(result, "dismissal")["warnings"]


def test_dismissal_under_the_2014_priorities_has_no_such_warning() -> None:
    """policy-confirmation-2026-11 (Q6): the courthouse-arrest practice began in 2025."""
    result = judge("johnson-2014", stage="in_proceedings")
    assert "dismissal_then_expedited_removal" not in option(result, "dismissal")["warnings"]


def test_todays_framework_warns_that_no_current_procedure_to_ask_was_confirmed() -> None:
    """policy-confirmation-2026-11 ("What a public-facing site must say", item 4): no 2025-26 DHS, ICE
    or OPLA discretion guidance and no official request procedure was found."""
    assert "no_current_pd_procedure" in judge("eo-14159-2025", stage="in_proceedings")["warnings"]


def test_parole_in_place_is_asked_about_for_anyone_before_a_case_and_recommended_for_military_families() -> None:
    """aic-advisory-2015: an officer can decide "whether to parole under § 212(d)(5) a person in the U.S.
    who was never admitted or paroled (i.e., a grant of "parole-in-place") but who otherwise is eligible
    to adjust"; uscis-pm-602-0091 (2013) asks USCIS to consider it for military families."""
    facts: dict[str, Any] = {"asking_for": "self", "stage": "before_nta", "known_to_dhs": True, "nta_issued": False}
    facts["detained"] = False
    facts["ice_check_ins"] = False  # asked under today's rules (check-in arrests since 2025)
    facts |= dict.fromkeys(["military_service", "surviving_spouse", "victim_witness_plaintiff"], False)
    facts |= dict.fromkeys(["serious_medical", "nursing_mother", "vulnerable", "military_family"], False)
    assert pdlogic.next_question(facts, "eo-14159-2025") == "entered_without_inspection"
    facts["entered_without_inspection"] = True
    pip = option(judge("johnson-2014", **facts), "parole_in_place")
    assert pip["recommended"] is False
    pip = option(judge("johnson-2014", **{**facts, "military_family": True}), "parole_in_place")
    assert pip["recommended"] is True

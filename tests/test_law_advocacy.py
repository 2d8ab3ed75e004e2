"""Before asking, after a denial, and which rules apply: warnings, tactics, escalation, the packet, the policy.

Sources: the practice advisory (seed 002, `aic-advisory-2015`): the nine steps of
advocacy, "If DHS refuses...", "Are there other steps ... in particularly
compelling cases"; ICE's 2015 page (seed 001, `ice-pd-page-2015`); the 2017
practice note (seed 004, `law-firm-note-2017`); the research notes
../shared/research/policy-confirmation-2026-11.md.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from law import TODAY, judge

import pdlogic
from pdlogic import engine
from pdlogic.data import compiled

PUBLICITY = {"advocacy_groups", "faith_community", "media", "online_campaign", "press_conference"}


# --- asking can tell DHS about you --------------------------------------------------------


@pytest.mark.parametrize("known", [False, None])
def test_before_a_case_asking_reveals_a_person_dhs_may_not_know(known: bool | None) -> None:
    """pdlogic contract, `reveals_to_dhs`: before a case exists and known_to_dhs is not true, asking
    tells DHS about the person (ice-pd-page-2015: a request gives DHS name, A-number and case).
    "I don't know" whether DHS knows is treated like "no": the warning is shown."""
    assert "reveals_to_dhs" in judge(None, stage="before_nta", known_to_dhs=known)["warnings"]


def test_before_a_case_no_reveal_warning_when_dhs_already_knows_the_person() -> None:
    """pdlogic contract: the warning is for people DHS does not know about."""
    assert "reveals_to_dhs" not in judge(None, stage="before_nta", known_to_dhs=True)["warnings"]


@pytest.mark.parametrize("stage", ["in_proceedings", "final_order", "court_of_appeals"])
def test_once_a_case_exists_dhs_knows_the_person(stage: str) -> None:
    """pdlogic contract: `reveals_to_dhs` is for "before a case exists"; a filed case means DHS knows."""
    assert "reveals_to_dhs" not in judge(None, stage=stage)["warnings"]


def test_the_guide_asks_early_whether_dhs_knows_the_person() -> None:
    """Issue 4: ask early whether DHS already knows about the person, since the answer changes what
    is safe to do; before a case exists it is the first question after who is asking and the stage."""
    assert pdlogic.next_question({"asking_for": "self", "stage": "before_nta"}) == "known_to_dhs"
    assert pdlogic.next_question({"asking_for": "self", "stage": "in_proceedings"}) != "known_to_dhs"


# --- after a denial -------------------------------------------------------------------------


def test_publicity_only_after_a_denial_in_a_compelling_case_with_the_risk_accepted() -> None:
    """aic-advisory-2015: media, advocacy groups, religious groups, online campaigns and press
    conferences are "a last resort and only in cases where your client has compelling facts ... and
    understands the risks involved", after DHS refuses."""
    result = judge(None, request_status="denied", compelling_case=True, accepts_publicity_risk=True)
    assert PUBLICITY <= set(result["tactics"])


@pytest.mark.parametrize(
    "facts",
    [
        {"request_status": "pending", "compelling_case": True, "accepts_publicity_risk": True},
        {"request_status": "denied", "compelling_case": False, "accepts_publicity_risk": True},
        {"request_status": "denied", "compelling_case": True, "accepts_publicity_risk": False},
        {"request_status": "denied", "compelling_case": True, "accepts_publicity_risk": None},
        {"request_status": "denied", "compelling_case": None},
        {"request_status": None},
    ],
    ids=["not-denied", "not-compelling", "risk-refused", "risk-unknown", "compelling-unknown", "status-unknown"],
)
def test_no_publicity_without_all_three_conditions(facts: dict[str, Any]) -> None:
    """aic-advisory-2015: publicity only after a denial, in a compelling case, with the risks
    understood; "I don't know" never counts as yes."""
    assert not PUBLICITY & set(judge(None, **facts)["tactics"])


@pytest.mark.parametrize("status", ["not_requested", "pending", "denied", "granted"])
def test_congressional_contact_is_always_suggested(status: str) -> None:
    """aic-advisory-2015, step 9: "Consider having your client contact his or her Senator or
    Congressional representative for additional support"; it is not limited to denials."""
    assert "congressional_contact" in judge(None, request_status=status)["tactics"]


def test_under_the_2017_memo_the_local_chief_counsel_is_the_last_level_of_review() -> None:
    """law-firm-note-2017: attorneys "can no longer escalate denied requests ... to regional and
    national counsel. Instead, local chief counsel will be the final level of review"."""
    escalation = judge("kelly-2017", stage="in_proceedings")["escalation"]
    assert escalation[-1] == "local_chief_counsel"
    assert "headquarters" not in escalation


def test_under_the_2014_priorities_denials_could_go_to_aila_and_the_council() -> None:
    """aic-advisory-2015: AILA and the American Immigration Council asked for denials where ICE or CBP
    did not follow the Enforcement Memo; there is no formal appeal, but supervisory review first."""
    escalation = judge("johnson-2014", stage="in_proceedings")["escalation"]
    assert escalation[0] == "supervisor"
    assert "aila_council_review" in escalation


def test_the_2017_memo_warns_that_discretion_is_used_far_less() -> None:
    """law-firm-note-2017: "prosecutorial discretion will be exercised far less than before"."""
    assert "kelly_less_discretion" in judge("kelly-2017", stage="in_proceedings")["warnings"]


# --- the packet -----------------------------------------------------------------------------


def test_an_attorney_files_a_g28_and_a_non_attorney_needs_a_privacy_release() -> None:
    """ice-pd-page-2015: "ICE requires a valid G-28 for attorneys; for non-attorney legal
    representatives a privacy release signed by the individual"."""
    with_lawyer = judge(None, has_attorney=True)["checklist"]
    without = judge(None, has_attorney=False)["checklist"]
    assert "g28" in with_lawyer and "privacy_waiver" not in with_lawyer
    assert "privacy_waiver" in without and "g28" not in without


def test_a_request_in_court_gives_name_a_number_and_case_status() -> None:
    """ice-pd-page-2015: "Your request should include your full name, alien registration number
    (A-number), and the status of your case"."""
    assert "a_number" in judge(None, stage="in_proceedings")["checklist"]


def test_every_request_is_in_writing_and_asks_for_one_specific_thing() -> None:
    """aic-advisory-2015, steps 1 and 2: "ask specifically for what it is that you want the officer to
    do" and "make your request in writing"."""
    checklist = judge(None)["checklist"]
    assert {"written_request", "specific_ask"} <= set(checklist)


def test_a_conviction_is_explained_with_mitigating_evidence() -> None:
    """aic-advisory-2015, step 5: "when there is a conviction, provide evidence of completion of
    probation or parole"."""
    assert "mitigating_evidence" in judge("johnson-2014", felony_conviction=True)["checklist"]
    assert (
        "mitigating_evidence"
        not in judge("johnson-2014", felony_conviction=False, misdemeanor_convictions=0)["checklist"]
    )


# --- which rules apply ------------------------------------------------------------------------


def test_the_default_policy_is_the_one_in_force_today() -> None:
    """policy-confirmation-2026-11 (Q5): Executive Order 14159 of January 20, 2025 revoked the 2021
    priorities; the default is computed from the dated registry, not typed."""
    assert pdlogic.default_policy(TODAY) == "eo-14159-2025"
    assert judge(None)["policy"] == "eo-14159-2025"


@pytest.mark.parametrize(
    ("day", "policy"),
    [
        (dt.date(2015, 6, 1), "johnson-2014"),
        (dt.date(2018, 6, 1), "kelly-2017"),
        (dt.date(2021, 6, 1), "interim-2021"),
        (dt.date(2022, 1, 3), "mayorkas-2021"),
        (dt.date(2025, 6, 1), "eo-14159-2025"),
    ],
)
def test_the_default_policy_on_a_past_day_is_the_one_in_force_that_day(day: dt.date, policy: str) -> None:
    """Contract policy table: johnson-2014 (2014), kelly-2017 (Feb 20, 2017), interim-2021 (Jan 20,
    2021), mayorkas-2021 (Nov 29, 2021), eo-14159-2025 (Jan 20, 2025): "in force today" is computed."""
    assert pdlogic.default_policy(day) == policy


def test_an_older_policy_chosen_today_says_it_is_not_the_current_one() -> None:
    """pdlogic contract: each policy has a dated status; a reader who picks older rules is told that
    they are not known to be in force today (policy_not_in_force_today or policy_status_unverified)."""
    warnings = set(judge("johnson-2014", stage="in_proceedings")["warnings"])
    assert warnings & {"policy_not_in_force_today", "policy_status_unverified"}


def test_the_default_policy_follows_the_registry_not_a_typed_setting() -> None:
    """pdlogic contract: "None: the policy in force today", computed from each framework's dated status.
    Were the registry to record Executive Order 14159 rescinded and the 2021 guidelines reinstated, the
    default would change with it; were no framework in force, evaluate() would refuse to guess."""
    data = copy.deepcopy(compiled())
    change = {"since": "2026-01-01", "by": None, "confirmed": True, "note": {"en": "For this test."}}
    data["sources"]["eo-14159"]["status"].append({**change, "state": "rescinded"})
    assert engine.default_policy(compiled(), TODAY) == "eo-14159-2025"
    with pytest.raises(pdlogic.PolicyError):
        engine.default_policy(data, TODAY)
    mayorkas = data["sources"]["mayorkas-2021"]
    mayorkas["status"].append({**change, "state": "reinstated"})
    mayorkas["verified_through"] = TODAY.isoformat()
    assert engine.default_policy(data, TODAY) == "mayorkas-2021"

"""The rules in force in 2025-2026: what can hurt a reader now, and by when they must act.

Contract: ../shared/pdlogic-contract.md, "Additions for the rules in force today
(2025-2026)". Each law below is an entry of decision_tree/sources.yaml with its
dated status and confirmation flag; where a court order or statute did not yet
exist under an older framework, the warning must not appear under it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from law import judge, option

import pdlogic

TODAY_RULES = None  # the policy in force on the pinned day (eo-14159-2025)
OLD_RULES = "johnson-2014"  # Nov. 2014 - Feb. 2017: before every 2025 law


def warnings(policy: str | None, **facts: Any) -> list[str]:
    return judge(policy, **facts)["warnings"]


def deadlines(policy: str | None, **facts: Any) -> list[str]:
    return judge(policy, **facts)["deadlines"]


# --- Detention ------------------------------------------------------------------------------


def test_bond_may_be_refused_to_a_detained_person_who_entered_without_inspection() -> None:
    """ICE guidance of July 8, 2025 and Matter of Yajure Hurtado (BIA, Sept. 5, 2025): no bond hearing for
    people who entered without inspection; Maldonado Bautista and Buenrostro-Mendez disagree."""
    found = warnings(TODAY_RULES, stage="in_proceedings", detained=True, entered_without_inspection=True)
    assert "bond_hearing_contested" in found
    sources = judge(TODAY_RULES, stage="in_proceedings", detained=True, entered_without_inspection=True)["sources"]
    assert {"matter-of-yajure-hurtado-2025", "maldonado-bautista-2025", "buenrostro-mendez-2026"} <= set(sources)


@pytest.mark.parametrize(
    "facts",
    [
        {"detained": True, "entered_without_inspection": False},  # admitted or paroled: § 236(a) bond as before
        {"detained": False, "entered_without_inspection": True},  # not in custody
    ],
)
def test_no_bond_warning_for_a_person_admitted_or_not_detained(facts: dict[str, Any]) -> None:
    assert "bond_hearing_contested" not in warnings(TODAY_RULES, stage="in_proceedings", **facts)


def test_the_bond_fight_did_not_exist_under_the_2014_priorities() -> None:
    facts = {"stage": "in_proceedings", "detained": True, "entered_without_inspection": True}
    assert "bond_hearing_contested" not in warnings(OLD_RULES, **facts)


def test_an_arrest_or_charge_alone_brings_laken_riley_detention_for_a_person_never_admitted() -> None:
    """Pub. L. 119-1 (Jan. 29, 2025) amends INA § 236(c): 'is charged with, is arrested for, is convicted of'
    theft and the other listed offenses, for people inadmissible as never admitted."""
    assert "laken_riley_detention" in warnings(TODAY_RULES, laken_riley_offense=True, entered_without_inspection=True)
    assert "laken_riley_detention" in warnings(TODAY_RULES, laken_riley_offense=True, paroled=True)


def test_laken_riley_does_not_reach_a_person_who_was_admitted() -> None:
    facts = {"laken_riley_offense": True, "entered_without_inspection": False, "paroled": False}
    assert "laken_riley_detention" not in warnings(TODAY_RULES, **facts)
    assert "laken_riley_detention" not in warnings(
        TODAY_RULES, laken_riley_offense=False, entered_without_inspection=True
    )


def test_laken_riley_did_not_exist_before_2025() -> None:
    assert "laken_riley_detention" not in warnings(OLD_RULES, laken_riley_offense=True, entered_without_inspection=True)


def test_the_mandatory_detention_limits_cite_the_laken_riley_act() -> None:
    result = judge(TODAY_RULES, stage="in_proceedings", detained=True, mandatory_detention=True)
    assert "mandatory_detention_limits" in result["detention"]
    assert "laken-riley-act-2025" in result["sources"]


# --- Expedited removal, registration, check-ins, parole, TPS --------------------------------


@pytest.mark.parametrize("stage", [None, "before_nta", "in_proceedings"])
def test_expedited_removal_reaches_people_without_two_years_and_parolees(stage: str | None) -> None:
    """DHS notice of Jan. 24, 2025 (90 FR 8139, effective Jan. 21): anywhere in the U.S., not admitted or
    paroled, not two years' presence; the Huffman memo of Jan. 23, 2025 applies it to parolees."""
    where = {} if stage is None else {"stage": stage}
    assert "expedited_removal_reach" in warnings(TODAY_RULES, **where, entered_without_inspection=True)
    assert "expedited_removal_reach" in warnings(
        TODAY_RULES, **where, entered_without_inspection=True, present_2_years=False
    )
    assert "expedited_removal_reach" in warnings(TODAY_RULES, **where, paroled=True)


def test_expedited_removal_warning_not_for_two_years_here_nor_after_an_order() -> None:
    facts = {"entered_without_inspection": True, "present_2_years": True, "paroled": False}
    assert "expedited_removal_reach" not in warnings(TODAY_RULES, stage="before_nta", **facts)
    assert "expedited_removal_reach" not in warnings(TODAY_RULES, stage="final_order", entered_without_inspection=True)
    assert "expedited_removal_reach" not in warnings(OLD_RULES, stage="before_nta", entered_without_inspection=True)


def test_expedited_removal_is_never_shown_as_stopped_by_a_court() -> None:
    """The Aug. 29, 2025 stay is recorded, and so is the reported (unconfirmed) 2026 reversal: the
    registry's last state for the expansion is 'in force', unconfirmed, never 'protected'."""
    doc = pdlogic.data.compiled()["sources"]["expedited-removal-designation-2025"]
    states = [(c["state"], c["confirmed"]) for c in doc["status"]]
    assert states == [("in_force", True), ("enjoined", False), ("in_force", False)]


def test_registration_duty_for_a_person_with_no_dhs_papers() -> None:
    """Interim final rule of Mar. 12, 2025 (90 FR 11793), effective Apr. 11, 2025: Form G-325R."""
    facts = {"stage": "before_nta", "entered_without_inspection": True, "paroled": False, "has_dhs_document": False}
    assert "registration_duty" in warnings(TODAY_RULES, **facts)
    assert "registration_duty" in warnings(TODAY_RULES, entered_without_inspection=True)  # stage and papers unknown


def test_a_work_permit_already_counts_as_registration() -> None:
    facts = {"stage": "before_nta", "entered_without_inspection": True, "has_dhs_document": True}
    assert "registration_duty" not in warnings(TODAY_RULES, **facts)
    assert "registration_duty" not in warnings(TODAY_RULES, stage="in_proceedings", entered_without_inspection=True)
    assert "registration_duty" not in warnings(TODAY_RULES, stage="before_nta", entered_without_inspection=False)


def test_no_registration_rule_before_april_2025() -> None:
    assert "registration_duty" not in warnings(OLD_RULES, stage="before_nta", entered_without_inspection=True)


def test_check_in_arrests_warning_for_people_who_report_to_ice() -> None:
    assert "check_in_arrests" in warnings(TODAY_RULES, ice_check_ins=True)
    assert "check_in_arrests" not in warnings(TODAY_RULES, ice_check_ins=False)
    assert "check_in_arrests" not in warnings(OLD_RULES, ice_check_ins=True)


def test_parole_may_be_ended_early() -> None:
    """CHNV termination of Mar. 25, 2025; Noem v. Doe, No. 24A1079 (May 30, 2025) stayed the order blocking it."""
    result = judge(TODAY_RULES, paroled=True)
    assert "parole_may_be_terminated" in result["warnings"]
    assert "noem-v-doe-2025" in result["sources"]
    assert "parole_may_be_terminated" not in warnings(TODAY_RULES, paroled=False)
    assert "parole_may_be_terminated" not in warnings(OLD_RULES, paroled=True)


def test_tps_terminations() -> None:
    assert "tps_terminations" in warnings(TODAY_RULES, tps=True)
    assert "tps_terminations" not in warnings(TODAY_RULES, tps=False)
    assert "tps_terminations" not in warnings(OLD_RULES, tps=True)


# --- Victims, third countries, petitions for review ----------------------------------------


@pytest.mark.parametrize("fact", ["victim_witness_plaintiff", "u_visa_pending"])
def test_victim_protections_were_replaced_by_directive_11005_4(fact: str) -> None:
    """ICE interim Directive 11005.4 (Jan. 31, 2025) superseded 11005.3 (2021) and Policy Statement 10076.1."""
    assert "victim_protections_rescinded" in warnings(TODAY_RULES, **{fact: True})
    assert "victim_protections_rescinded" not in warnings(TODAY_RULES, **{fact: False})
    assert "victim_protections_rescinded" not in warnings(OLD_RULES, **{fact: True})


def test_the_2011_victims_memo_no_longer_supports_an_option_today_but_did_in_2014() -> None:
    today = option(judge(TODAY_RULES, stage="before_nta", victim_witness_plaintiff=True), "decline_nta")
    assert today["recommended"] is False
    then = option(judge(OLD_RULES, stage="before_nta", victim_witness_plaintiff=True), "decline_nta")
    assert then["recommended"] is True


def test_the_victims_memo_and_the_u_visa_memo_are_recorded_as_superseded() -> None:
    sources = pdlogic.data.compiled()["sources"]
    assert sources["morton-2011-06-17-victims"]["status"][-1]["by"] == "ice-directive-11005-4"
    assert sources["vincent-2009"]["status"][-1]["by"] == "ice-directive-11005-2"
    chain = [sources[f"ice-directive-11005-{n}"]["status"][-1].get("by") for n in (1, 2, 3)]
    assert chain == ["ice-directive-11005-2", "ice-directive-11005-3", "ice-directive-11005-4"]


@pytest.mark.parametrize("stage", ["final_order", "court_of_appeals"])
def test_third_country_removal_after_an_order(stage: str) -> None:
    """DHS v. D.V.D. (June 23, 2025): the notice procedures a lower court ordered are stayed."""
    assert "third_country_removal" in warnings(TODAY_RULES, stage=stage)
    assert "third_country_removal" not in warnings(OLD_RULES, stage=stage)


def test_no_third_country_warning_before_an_order() -> None:
    assert "third_country_removal" not in warnings(TODAY_RULES, stage="in_proceedings")


def test_a_petition_for_review_does_not_stop_removal_under_any_rules() -> None:
    """INA § 242(b)(3)(B): a statute since 1996, so it holds under the 2014 priorities too."""
    assert "petition_no_automatic_stay" in warnings(TODAY_RULES, stage="court_of_appeals")
    assert "petition_no_automatic_stay" in warnings(OLD_RULES, stage="court_of_appeals")
    assert "petition_no_automatic_stay" not in warnings(TODAY_RULES, stage="final_order")


def test_remand_at_the_court_of_appeals_is_decided_by_the_justice_departments_lawyers() -> None:
    remand = option(judge(TODAY_RULES, stage="court_of_appeals"), "remand")
    assert remand["decided_by"] == ["doj_oil"]


# --- DACA ------------------------------------------------------------------------------------


@pytest.mark.parametrize("oid,facts", [("deferred_action", {}), ("release_for_daca", {"detained": True})])
def test_a_first_daca_request_is_not_recommended_since_the_july_16_2021_order(oid: str, facts: dict) -> None:
    """Texas v. United States (S.D. Tex. July 16, 2021): first requests may be accepted, not approved."""
    result = judge(TODAY_RULES, stage="in_proceedings", daca_eligible=True, had_daca=False, **facts)
    got = option(result, oid)
    assert got["recommended"] is False
    assert "daca_initial_not_approvable" in got["warnings"]
    assert "guidance_not_current" not in got["warnings"]
    assert [e["barred_by"] for e in got["explain"]] == [["texas-v-us-daca-2021"]]
    assert "texas-v-us-daca-2021" in result["sources"]


def test_a_daca_renewal_is_still_recommended_today() -> None:
    got = option(judge(TODAY_RULES, stage="in_proceedings", daca_eligible=True, had_daca=True), "deferred_action")
    assert got["recommended"] is True
    assert "daca_initial_not_approvable" not in got["warnings"]


def test_not_knowing_whether_one_had_daca_does_not_lift_the_bar_and_is_asked() -> None:
    result = judge(TODAY_RULES, stage="in_proceedings", daca_eligible=True)
    assert option(result, "deferred_action")["recommended"] is False
    assert "had_daca" in result["needs"]
    asks = next(q for q in pdlogic.data.compiled()["questions"] if q["id"] == "had_daca")
    assert pdlogic.conditions.holds(asks["when"], {"daca_eligible": True}, "eo-14159-2025")
    assert not pdlogic.conditions.holds(asks["when"], {"daca_eligible": True}, "johnson-2014")  # no bar then


def test_under_the_2014_priorities_a_first_daca_request_still_counted() -> None:
    result = judge(OLD_RULES, stage="in_proceedings", daca_eligible=True, had_daca=False)
    assert option(result, "deferred_action")["recommended"] is True
    assert "daca_initial_not_approvable" not in option(result, "deferred_action")["warnings"]


def test_the_daca_bar_continues_past_its_last_verified_day_until_a_record_ends_it() -> None:
    far = pdlogic.evaluate(
        {"stage": "in_proceedings", "daca_eligible": True, "had_daca": False},
        "eo-14159-2025",
        today=dt.date(2040, 1, 1),
    ).to_dict()
    assert option(far, "deferred_action")["recommended"] is False


def test_far_in_the_future_the_2025_laws_still_warn_until_a_record_says_they_ended() -> None:
    """Past every verified_through the rules are unverified, but a statute or order whose last recorded
    state is in force is not read as ended: the warning stays, next to 'not checked lately'."""
    far = pdlogic.evaluate(
        {"laken_riley_offense": True, "entered_without_inspection": True}, "eo-14159-2025", today=dt.date(2040, 1, 1)
    ).to_dict()
    assert {"laken_riley_detention", "policy_status_unverified"} <= set(far["warnings"])


def test_texas_warning_says_the_ruling_needs_a_district_court_order() -> None:
    text = pdlogic.data.compiled()["warnings"]["daca_texas_work_permits"]["text"]["en"]
    assert "cut off" not in text and "order from the trial court" in text


# --- Who DHS knows about ----------------------------------------------------------------------


def test_congressional_contact_carries_reveals_to_dhs_for_a_person_dhs_has_no_record_of() -> None:
    result = judge(TODAY_RULES, stage="before_nta", known_to_dhs=False)
    assert "congressional_contact" in result["tactics"]
    assert result["tactic_warnings"]["congressional_contact"] == ["reveals_to_dhs"]
    known = judge(TODAY_RULES, stage="before_nta", known_to_dhs=True)
    assert "congressional_contact" not in known["tactic_warnings"]
    in_court = judge(TODAY_RULES, stage="in_proceedings")
    assert "congressional_contact" not in in_court["tactic_warnings"]


# --- Deadlines ---------------------------------------------------------------------------------


@pytest.mark.parametrize("policy", [TODAY_RULES, OLD_RULES])
def test_in_court_the_appeal_and_address_deadlines_apply(policy: str | None) -> None:
    """8 C.F.R. § 1003.38(b) (30 days), 8 C.F.R. § 1003.15(d)(2) (5 working days), INA § 265 (10 days)."""
    assert deadlines(policy, stage="in_proceedings") == [
        "bia_appeal_30_days",
        "court_address_change_5_days",
        "dhs_address_change_10_days",
    ]


def test_after_a_judges_order_appeal_reconsider_and_reopen() -> None:
    found = deadlines(TODAY_RULES, stage="final_order", order_by="immigration_judge", order_in_absentia=False)
    assert found == [
        "bia_appeal_30_days",
        "motion_to_reconsider_30_days",
        "dhs_address_change_10_days",
        "motion_to_reopen_90_days",
    ]


def test_after_the_boards_order_a_petition_for_review_not_a_board_appeal() -> None:
    found = deadlines(TODAY_RULES, stage="final_order", order_by="bia")
    assert "petition_for_review_30_days" in found and "motion_to_reconsider_30_days" in found
    assert "bia_appeal_30_days" not in found


def test_an_officers_order_has_no_appeal_or_reconsider_deadline() -> None:
    found = deadlines(TODAY_RULES, stage="final_order", order_by="dhs")
    assert not {"bia_appeal_30_days", "petition_for_review_30_days", "motion_to_reconsider_30_days"} & set(found)
    assert "motion_to_reopen_90_days" in found


def test_an_order_for_a_missed_hearing_has_180_days_or_none() -> None:
    facts = {"stage": "final_order", "order_by": "immigration_judge"}
    assert "in_absentia_reopen_180_days" in deadlines(TODAY_RULES, **facts, order_in_absentia=True)
    assert "in_absentia_reopen_180_days" not in deadlines(TODAY_RULES, **facts, order_in_absentia=False)


def test_before_a_case_only_a_person_dhs_knows_must_report_a_new_address() -> None:
    assert deadlines(TODAY_RULES, stage="before_nta", known_to_dhs=True) == ["dhs_address_change_10_days"]
    assert deadlines(TODAY_RULES, stage="before_nta", known_to_dhs=False) == []
    assert deadlines(TODAY_RULES) == []


def test_deadline_sources_are_cited_in_the_result() -> None:
    result = judge(TODAY_RULES, stage="final_order", order_by="bia")
    assert {"ina-242-petition-for-review", "ina-240-c-7-reopen"} <= set(result["sources"])


# --- Order and urgency -------------------------------------------------------------------------


def test_warnings_come_most_urgent_first() -> None:
    data = pdlogic.data.compiled()
    result = judge(TODAY_RULES, stage="before_nta", known_to_dhs=False, entered_without_inspection=True, tps=True)
    urgencies = [data["warnings"][w]["urgency"] for w in result["warnings"]]
    assert urgencies == sorted(urgencies)
    assert result["warnings"][0] == "reveals_to_dhs"

"""Every entry point of ../shared/pdlogic-contract.md: evaluate(), its errors, and the command line."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import pdlogic
from pdlogic.compiler.coverage import contract_problems
from pdlogic.data import compiled

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 27)

# The id vocabularies the contract names. The data may add ids; it may not drop or rename these.
CONTRACT_IDS = {
    "authorities": [
        "ice_field_office_director",
        "cbp_sector_chief",
        "cbp_director_field_operations",
        "uscis_district_director",
        "uscis_service_center_director",
        "any_immigration_officer",
    ],
    "deciders": ["ice_ero", "ice_opla", "uscis", "cbp", "immigration_judge", "issuing_officer"],
    "escalation_steps": [
        "supervisor",
        "field_office_leadership",
        "local_chief_counsel",
        "headquarters",
        "aila_council_review",
    ],
    "tactics": [
        "congressional_contact",
        "advocacy_groups",
        "faith_community",
        "media",
        "online_campaign",
        "press_conference",
    ],
    "checklist": [
        "written_request",
        "specific_ask",
        "a_number",
        "g28",
        "privacy_waiver",
        "evidence_of_equities",
        "mitigating_evidence",
        "memo_citations",
        "written_terms",
        "follow_up_calls",
    ],
    "detention": ["field_office_director_approval", "medical_review", "mandatory_detention_limits"],
    "warnings": [
        "reveals_to_dhs",
        "dismissal_then_expedited_removal",
        "guidance_not_current",
        # "Additions for the rules in force today (2025-2026)"
        "bond_hearing_contested",
        "expedited_removal_reach",
        "registration_duty",
        "check_in_arrests",
        "victim_protections_rescinded",
        "laken_riley_detention",
        "third_country_removal",
        "parole_may_be_terminated",
        "tps_terminations",
        "daca_initial_not_approvable",
        "petition_no_automatic_stay",
    ],
    "deadlines": [
        "bia_appeal_30_days",
        "petition_for_review_30_days",
        "motion_to_reconsider_30_days",
        "motion_to_reopen_90_days",
        "in_absentia_reopen_180_days",
        "court_address_change_5_days",
        "dhs_address_change_10_days",
    ],
    "sources": [
        "meissner-2000",
        "howard-2005-10-24",
        "howard-2005-10-06",
        "morton-2010-08-20",
        "morton-2011-06-17-victims",
        "vincent-2009",
        "myers-2007",
        "torres-2006",
        "forman-2004",
        "napolitano-2012",
        "johnson-2014",
        "johnson-2014-deferred-action",
        "kelly-2017",
        "neufeld-2009-05-06",
        "neufeld-2009-06-15",
        "uscis-pm-602-0091",
        "uscis-pm-602-0050",
        "aytes-2006",
        "yates-2002",
        "cooper-undated",
        "ice-detention-manual-2006",
        "morton-2011-06-17-priorities",
        "pekoske-2021",
        "tae-johnson-2021-02-18",
        "mayorkas-2021",
        "doyle-2022",
        "doyle-faq-2023",
        "texas-v-us-2022",
        "us-v-texas-2023",
        "eo-13993",
        "eo-14148",
        "eo-14159",
        "huffman-2025-01-23",
        "eoir-pm-25-16",
        "eoir-pm-25-29",
        "texas-v-us-daca-2025",
    ],
}
CONTRACT_FACTS = {
    "stage": ("enum", ["before_nta", "in_proceedings", "final_order", "court_of_appeals"]),
    "request_status": ("enum", ["not_requested", "pending", "denied", "granted"]),
    "misdemeanor_convictions": ("int", None),
    **{
        key: ("bool", None)
        for key in (
            "nta_issued detained mandatory_detention terrorism_or_espionage apprehended_at_border gang_participation "
            "felony_conviction significant_misdemeanor significant_visa_abuse entered_after_2014 order_after_2014 "
            "pending_petition adjustment_approvable u_visa_pending victim_witness_plaintiff military_service "
            "known_to_dhs military_family entered_without_inspection surviving_spouse serious_medical nursing_mother "
            "vulnerable daca_eligible lives_in_texas relief_eligible_late has_attorney compelling_case "
            "accepts_publicity_risk present_2_years paroled tps had_daca has_dhs_document laken_riley_offense "
            "ice_check_ins order_in_absentia"
        ).split()
    },
    "order_by": ("enum", ["immigration_judge", "bia", "dhs"]),
}
# Contract, "Sensitive facts": a person's own acts or immigration violations.
CONTRACT_SENSITIVE = (
    "entered_without_inspection laken_riley_offense felony_conviction misdemeanor_convictions significant_misdemeanor "
    "gang_participation terrorism_or_espionage significant_visa_abuse"
).split()
POLICIES = ["johnson-2014", "kelly-2017", "interim-2021", "mayorkas-2021", "eo-14159-2025"]


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pdlogic", *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120
    )


# --- the vocabulary ---------------------------------------------------------------------------


def test_every_contract_fact_is_in_the_vocabulary_with_its_type_and_choices() -> None:
    facts = compiled()["facts"]
    for key, (kind, choices) in CONTRACT_FACTS.items():
        assert key in facts, key
        assert facts[key]["type"] == kind, key
        if choices:
            assert facts[key]["choices"] == choices, key


@pytest.mark.parametrize("kind", sorted(CONTRACT_IDS))
def test_the_data_keeps_every_id_the_contract_names(kind: str) -> None:
    assert not set(CONTRACT_IDS[kind]) - set(compiled()[kind])


def test_the_policy_ids_are_the_contracts_in_date_order() -> None:
    assert compiled()["policy_order"] == POLICIES
    assert [p["id"] for p in pdlogic.policies()] == POLICIES


# --- evaluate() -------------------------------------------------------------------------------


@pytest.mark.parametrize("policy", [*POLICIES, None])
@pytest.mark.parametrize(
    "facts",
    [
        {},
        {"stage": "before_nta", "nta_issued": True, "detained": True, "mandatory_detention": False, "vulnerable": True},
        {"stage": "in_proceedings", "detained": True, "daca_eligible": True, "victim_witness_plaintiff": True},
        {"stage": "final_order", "u_visa_pending": True, "relief_eligible_late": True, "order_after_2014": True},
        {"stage": "court_of_appeals", "felony_conviction": None, "request_status": "denied", "compelling_case": True},
    ],
    ids=["nothing", "before-nta", "in-proceedings", "final-order", "court-of-appeals"],
)
def test_evaluate_returns_the_contract_shape(facts: dict[str, Any], policy: str | None) -> None:
    result = pdlogic.evaluate(facts, policy, today=TODAY)
    as_dict = result.to_dict()
    assert json.loads(json.dumps(as_dict)) == as_dict
    chosen = policy or pdlogic.default_policy(TODAY)
    assert contract_problems(compiled(), facts, chosen, as_dict) == []


def test_recommended_options_come_first() -> None:
    result = pdlogic.evaluate({"stage": "final_order", "u_visa_pending": True}, "johnson-2014", today=TODAY).to_dict()
    flags = [o["recommended"] for o in result["options"]]
    assert flags == sorted(flags, reverse=True) and flags[0] is True


def test_to_dict_returns_copies_the_caller_may_change() -> None:
    result = pdlogic.evaluate({"stage": "in_proceedings"}, "johnson-2014", today=TODAY)
    first = result.to_dict()
    first["options"][0]["sources"].append("changed")
    first["warnings"].append("changed")
    assert result.to_dict() != first


@pytest.mark.parametrize(
    ("facts", "key", "expected"),
    [
        ({"nonsense": True}, "nonsense", "not a fact"),
        ({"detained": "yes"}, "detained", "true, false or null"),
        ({"detained": 1}, "detained", "true, false or null"),
        ({"misdemeanor_convictions": True}, "misdemeanor_convictions", "whole number"),
        ({"misdemeanor_convictions": -1}, "misdemeanor_convictions", "whole number"),
        ({"misdemeanor_convictions": 2.5}, "misdemeanor_convictions", "whole number"),
        ({"stage": "arrested"}, "stage", "before_nta"),
        ({"request_status": ["denied"]}, "request_status", "not_requested"),
    ],
    ids=[
        "unknown-key",
        "string-for-bool",
        "int-for-bool",
        "bool-as-int",
        "negative",
        "float",
        "outside-choices",
        "list",
    ],
)
def test_bad_facts_raise_facts_error_naming_the_key(facts: dict[str, Any], key: str, expected: str) -> None:
    with pytest.raises(pdlogic.FactsError) as caught:
        pdlogic.evaluate(facts, "johnson-2014", today=TODAY)
    assert caught.value.key == key
    assert str(caught.value).startswith(f"{key}: ")
    assert expected in str(caught.value)


def test_facts_that_are_not_an_object_raise_facts_error() -> None:
    with pytest.raises(pdlogic.FactsError):
        pdlogic.evaluate(["stage"], "johnson-2014", today=TODAY)  # type: ignore[arg-type]


def test_null_is_valid_for_every_fact() -> None:
    facts = dict.fromkeys(compiled()["facts"])
    result = pdlogic.evaluate(facts, "johnson-2014", today=TODAY).to_dict()
    assert result["priority"] == "unknown"
    assert "stage" in result["needs"]


def test_an_unknown_policy_raises_policy_error() -> None:
    with pytest.raises(pdlogic.PolicyError, match="johnson-2014"):
        pdlogic.evaluate({}, "obama-2009", today=TODAY)


# --- the command line -------------------------------------------------------------------------


def test_cli_evaluate_prints_the_result_as_json(tmp_path: Path) -> None:
    facts = {"stage": "final_order", "u_visa_pending": True}
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts))
    done = cli("evaluate", str(path), "--policy", "johnson-2014")
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed["policy"] == "johnson-2014"
    assert printed["options"] == pdlogic.evaluate(facts, "johnson-2014").to_dict()["options"]


def test_cli_evaluate_reads_stdin_and_defaults_to_todays_policy() -> None:
    done = cli("evaluate", "-", stdin='{"stage": "in_proceedings"}')
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["policy"] == pdlogic.default_policy()


@pytest.mark.parametrize(
    ("stdin", "args", "message"),
    [
        ('{"detained": "yes"}', [], "detained: expected true, false or null"),
        ('{"nonsense": 1}', [], "nonsense: not a fact"),
        ("{not json", [], "cannot read"),
        ("{}", ["--policy", "obama-2009"], "'obama-2009' is not a policy id"),
    ],
    ids=["wrong-type", "unknown-key", "not-json", "unknown-policy"],
)
def test_cli_evaluate_exits_2_with_the_message_on_stderr(stdin: str, args: list[str], message: str) -> None:
    done = cli("evaluate", "-", *args, stdin=stdin)
    assert done.returncode == 2
    assert message in done.stderr
    assert done.stdout == ""


def test_cli_check_passes_on_the_real_data() -> None:
    done = cli("check")
    assert done.returncode == 0, done.stderr
    assert "is valid" in done.stdout


def test_cli_check_fails_on_a_broken_tree(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    for path in (ROOT / "decision_tree").glob("*.yaml"):
        (tree / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tree / "people.yaml").write_text("deciders: [\n", encoding="utf-8")
    done = cli("check", "--tree", str(tree))
    assert done.returncode == 1
    assert re.search(r"people\.yaml:\d+:\d+: YAML syntax", done.stderr)


def test_cli_policies_lists_one_policy_a_line_with_its_dates() -> None:
    done = cli("policies")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == POLICIES
    for line in lines:
        assert re.search(r"\d{4}-\d{2}-\d{2}\.\.", line), line
    assert "default" in lines[-1]


def test_cli_graph_is_graphviz_with_stable_ids() -> None:
    first, second = cli("graph"), cli("graph")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    text = first.stdout
    assert text.startswith("digraph questions {") and text.rstrip().endswith("}")
    for q in compiled()["questions"]:
        assert f'id="q_{q["id"]}"' in text, q["id"]
    assert 'id="q_result"' in text
    assert re.search(r'id="e_stage__\w+"', text)


def test_cli_graph_for_one_policy_leaves_out_the_questions_it_does_not_ask() -> None:
    done = cli("graph", "--policy", "eo-14159-2025")
    assert done.returncode == 0, done.stderr
    assert 'id="q_record"' not in done.stdout
    assert 'id="q_stage"' in done.stdout


def test_the_contracts_sensitive_facts_are_marked_and_others_are_not_needlessly() -> None:
    facts = compiled()["facts"]
    assert [k for k in CONTRACT_SENSITIVE if not facts[k]["sensitive"]] == []
    # Circumstances in a person's favour are never hidden from a printed result.
    for key in ("military_service", "victim_witness_plaintiff", "daca_eligible", "has_attorney", "tps"):
        assert facts[key]["sensitive"] is False, key


def test_every_warning_and_deadline_carries_an_urgency_and_deadlines_their_days() -> None:
    data = compiled()
    assert {w["urgency"] for w in data["warnings"].values()} <= {1, 2, 3}
    days = {d: spec["days"] for d, spec in data["deadlines"].items()}
    assert days == {
        "bia_appeal_30_days": 30,
        "petition_for_review_30_days": 30,
        "motion_to_reconsider_30_days": 30,
        "motion_to_reopen_90_days": 90,
        "in_absentia_reopen_180_days": 180,
        "court_address_change_5_days": 5,
        "dhs_address_change_10_days": 10,
    }
    for did, spec in data["deadlines"].items():
        assert spec["starts"]["en"] and spec["starts"]["es"], did
        assert spec["sources"], did

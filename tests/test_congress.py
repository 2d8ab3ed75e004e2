"""Congressional help (issue 17), without a browser: the project's copy of the congress data is
checked and refused with file:line when malformed; what ships decodes back to the same table;
the "previous Congress" notice switches on January 3, 2027; and the engine warns that a
congressional inquiry can tell DHS about a person it has no record of."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from law import judge

import pdlogic
from sitegen import congress
from sitegen.text import Words

HOLDS_UNTIL = dt.date(2027, 1, 3)


@pytest.fixture(scope="module")
def snapshot() -> congress.Snapshot:
    return congress.load()


# --- The engine: a congressional inquiry names the person to DHS ---------------------------------


@pytest.mark.parametrize("day", [dt.date(2026, 11, 27), dt.date(2031, 6, 1)])
@pytest.mark.parametrize("known", [False, None])
def test_congressional_contact_warns_for_a_person_dhs_has_no_record_of(known: bool | None, day: dt.date) -> None:
    facts = {"stage": "before_nta"} | ({"known_to_dhs": known} if known is not None else {})
    result = pdlogic.evaluate(facts, None, today=day).to_dict()
    assert "congressional_contact" in result["tactics"]
    assert result["tactic_warnings"]["congressional_contact"] == ["reveals_to_dhs"]
    assert "reveals_to_dhs" in result["warnings"]


def test_no_such_warning_once_dhs_knows_the_person() -> None:
    assert "congressional_contact" not in judge(None, stage="before_nta", known_to_dhs=True)["tactic_warnings"]
    assert "congressional_contact" not in judge(None, stage="in_proceedings")["tactic_warnings"]


# --- The data the project ships -------------------------------------------------------------------


def test_the_copy_says_where_it_comes_from_and_until_when_it_holds(snapshot: congress.Snapshot) -> None:
    assert snapshot.meta["holds_until"] == "2027-01-03"
    assert snapshot.meta["congress"] == 119
    repos = {s["repository"] for s in snapshot.meta["sources"]}
    assert repos == {
        "https://github.com/unitedstates/congress-legislators",
        "https://github.com/OpenSourceActivismTech/us-zipcodes-congress",
    }
    readme = (congress.DATA / "README.md").read_text(encoding="utf-8")
    assert "CC0" in readme and "January 3, 2027" in readme
    for licence in ("LICENSE-congress-legislators.txt", "LICENSE-us-zipcodes-congress.txt"):
        assert (congress.DATA / licence).exists()


def test_dc_and_the_territories_have_no_senators_and_each_state_two_at_most(snapshot: congress.Snapshot) -> None:
    seats = congress.by_state(snapshot)
    for code in congress.NO_SENATORS:
        assert seats[code]["sen"] == []
        assert len(seats[code]["rep"]) == 1 and seats[code]["rep"][0].district == 0
    assert all(len(s["sen"]) <= 2 for s in seats.values())
    assert sum(len(s["sen"]) for s in seats.values()) == 100


def test_zip_areas_that_cross_district_lines_are_counted(snapshot: congress.Snapshot) -> None:
    f = congress.figures(snapshot)
    assert f["zip_areas"] == 33774
    assert f["zip_areas_in_more_than_one_district"] == 7299
    assert snapshot.zips["35005"] == [("AL", 6), ("AL", 7)]
    assert snapshot.zips["82001"] == [("WY", 0)]


def decode(body: dict) -> dict[str, list[str]]:
    """What docs/assets/js/members.js does with the shipped table, in Python."""
    out: dict[str, list[str]] = {}
    for key, encoded in body["d"].items():
        n = 0
        for part in encoded.split(","):
            n += int(part, 36)
            out.setdefault(f"{n:05d}", []).append(key)
    return out


def test_the_shipped_table_decodes_to_every_zip_area_and_district(snapshot: congress.Snapshot, site_dir: Path) -> None:
    shipped = json.loads((site_dir / congress.ZIPS_ASSET).read_text(encoding="utf-8"))
    assert shipped["holds_until"] == "2027-01-03"
    table = decode(shipped)
    assert {z: sorted(ds) for z, ds in table.items()} == {
        z: sorted(f"{s}-{d}" for s, d in ds) for z, ds in snapshot.zips.items()
    }


# --- Malformed data is refused with file:line ------------------------------------------------------


def copy_of_data(tmp_path: Path) -> Path:
    target = tmp_path / "congress"
    shutil.copytree(congress.DATA, target)
    return target


def test_a_malformed_zip_row_is_refused_with_file_and_line(tmp_path: Path) -> None:
    data = copy_of_data(tmp_path)
    path = data / "zcta-districts.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[4] = "01,AL,3500X,7"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(congress.CongressDataError, match=r"zcta-districts\.csv:5: expected a 5-digit ZIP area"):
        congress.load(data)


def test_a_member_with_a_bad_phone_or_no_state_is_refused_with_file_and_line(tmp_path: Path) -> None:
    data = copy_of_data(tmp_path)
    path = data / "members.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    phone_line = next(i for i, line in enumerate(lines) if line.startswith("  dc_phone:"))
    lines[phone_line] = "  dc_phone: call us"
    state_line = next(i for i, line in enumerate(lines) if line.startswith("  state:") and i > phone_line)
    lines[state_line] = "  state: XX"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(congress.CongressDataError) as err:
        congress.load(data)
    message = str(err.value)
    assert f"members.yaml:{phone_line + 1}: `dc_phone`: expected" in message
    assert f"members.yaml:{state_line + 1}: `state`: expected a state or territory code, got 'XX'" in message


def test_an_import_of_malformed_upstream_files_writes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "upstream"
    src.mkdir()
    (src / "legislators-current.yaml").write_text(
        "- id: {bioguide: X000001}\n  name: {official_full: A Person}\n  terms:\n  - type: senator\n    state: WA\n",
        encoding="utf-8",
    )
    (src / "legislators-district-offices.yaml").write_text("[]\n", encoding="utf-8")
    (src / "zccd.csv").write_text("state_fips,state_abbr,zcta,cd\n53,WA,98001,9\n", encoding="utf-8")
    target = tmp_path / "data"
    with pytest.raises(congress.CongressDataError, match=r"legislators-current\.yaml:4: `type`: expected sen or rep"):
        congress.import_snapshot(src, {}, target)
    assert not target.exists() or not any(target.iterdir())


def test_the_import_command_rebuilds_the_copy_from_upstream_files(tmp_path: Path) -> None:
    shared = Path("/work/shared/data/congress")
    if not shared.exists():
        pytest.skip("the team's upstream files are not on this machine")
    target = tmp_path / "data"
    code = congress.main(
        [
            "import",
            str(shared),
            "--legislators-commit",
            "dfa9622",
            "--legislators-date",
            "2026-06-15",
            "--zips-commit",
            "1335b61",
            "--zips-date",
            "2024-11-12",
            "--holds-until",
            "2027-01-03",
            "--congress",
            "119",
            "--data-dir",
            str(target),
        ]
    )
    assert code == 0
    for name in ("members.yaml", "zcta-districts.csv"):
        assert (target / name).read_bytes() == (congress.DATA / name).read_bytes()


# --- From January 3, 2027 the list is the previous Congress's -----------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_notice_is_hidden_the_day_before_and_shown_from_the_day_the_congress_ends(
    snapshot: congress.Snapshot, lang: str
) -> None:
    w = Words(lang, congress.TEXT)
    before = congress.notice_html(snapshot, w, HOLDS_UNTIL - dt.timedelta(days=1))
    on = congress.notice_html(snapshot, w, HOLDS_UNTIL)
    later = congress.notice_html(snapshot, w, dt.date(2031, 6, 1))
    assert 'data-pd-from="2027-01-03" hidden' in before
    for shown in (on, later):
        assert " hidden" not in shown.split(">", 1)[0]
        assert congress.HOUSE_FINDER in shown and congress.SENATE_FINDER in shown
        assert shown.count('href="https://') == 2
    assert "previous Congress" in on if lang == "en" else "Congreso anterior" in on

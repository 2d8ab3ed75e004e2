"""Members of Congress, on the device (issue 17).

The project's copy of the public-domain congress data lives in data/congress/ (see its
README: provenance, licences, and the day it holds until). The build reads only that copy:

    data/congress/snapshot.yaml          where the data came from, and until when it holds
    data/congress/members.yaml           each member: chamber, state, district, DC office, home offices
    data/congress/zcta-districts.csv     ZIP Code Tabulation Area -> congressional district

A newer snapshot is imported with

    python -m sitegen.congress import DIR --legislators-commit SHA --legislators-date YYYY-MM-DD \
        --zips-commit SHA --zips-date YYYY-MM-DD --holds-until YYYY-MM-DD

where DIR holds the upstream files (legislators-current.yaml, legislators-district-offices.yaml
from unitedstates/congress-legislators; zccd.csv from us-zipcodes-congress). Malformed input is
refused with file:line and what was expected, and nothing is written. Then rebuild (./dev build).
`python -m sitegen.congress check` validates the project's copy and prints figures.

What ships: the lookup page lists every member by state in its HTML (the page works without
JavaScript), and one compact file, assets/data/congress-zips.json, maps ZIP areas to districts.
The reader's ZIP code is looked up in the page (docs/assets/js/members.js): never sent, never in
the address, never stored.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import itertools
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "congress"
TEXT = Path(__file__).with_name("congress_text.yaml")
ZIPS_ASSET = "assets/data/congress-zips.json"
HOUSE_FINDER = "https://www.house.gov/representatives/find-your-representative"
SENATE_FINDER = "https://www.senate.gov/senators/senators-contact.htm"

# Two-letter codes -> names (English, Spanish). The territories and DC send a delegate (Puerto
# Rico a resident commissioner) to the House and have no senators.
STATES: dict[str, tuple[str, str]] = {
    "AL": ("Alabama", "Alabama"),
    "AK": ("Alaska", "Alaska"),
    "AZ": ("Arizona", "Arizona"),
    "AR": ("Arkansas", "Arkansas"),
    "CA": ("California", "California"),
    "CO": ("Colorado", "Colorado"),
    "CT": ("Connecticut", "Connecticut"),
    "DE": ("Delaware", "Delaware"),
    "DC": ("District of Columbia", "Distrito de Columbia"),
    "FL": ("Florida", "Florida"),
    "GA": ("Georgia", "Georgia"),
    "HI": ("Hawaii", "Hawái"),
    "ID": ("Idaho", "Idaho"),
    "IL": ("Illinois", "Illinois"),
    "IN": ("Indiana", "Indiana"),
    "IA": ("Iowa", "Iowa"),
    "KS": ("Kansas", "Kansas"),
    "KY": ("Kentucky", "Kentucky"),
    "LA": ("Louisiana", "Luisiana"),
    "ME": ("Maine", "Maine"),
    "MD": ("Maryland", "Maryland"),
    "MA": ("Massachusetts", "Massachusetts"),
    "MI": ("Michigan", "Míchigan"),
    "MN": ("Minnesota", "Minnesota"),
    "MS": ("Mississippi", "Misisipi"),
    "MO": ("Missouri", "Misuri"),
    "MT": ("Montana", "Montana"),
    "NE": ("Nebraska", "Nebraska"),
    "NV": ("Nevada", "Nevada"),
    "NH": ("New Hampshire", "Nuevo Hampshire"),
    "NJ": ("New Jersey", "Nueva Jersey"),
    "NM": ("New Mexico", "Nuevo México"),
    "NY": ("New York", "Nueva York"),
    "NC": ("North Carolina", "Carolina del Norte"),
    "ND": ("North Dakota", "Dakota del Norte"),
    "OH": ("Ohio", "Ohio"),
    "OK": ("Oklahoma", "Oklahoma"),
    "OR": ("Oregon", "Oregón"),
    "PA": ("Pennsylvania", "Pensilvania"),
    "RI": ("Rhode Island", "Rhode Island"),
    "SC": ("South Carolina", "Carolina del Sur"),
    "SD": ("South Dakota", "Dakota del Sur"),
    "TN": ("Tennessee", "Tennessee"),
    "TX": ("Texas", "Texas"),
    "UT": ("Utah", "Utah"),
    "VT": ("Vermont", "Vermont"),
    "VA": ("Virginia", "Virginia"),
    "WA": ("Washington", "Washington"),
    "WV": ("West Virginia", "Virginia Occidental"),
    "WI": ("Wisconsin", "Wisconsin"),
    "WY": ("Wyoming", "Wyoming"),
    "AS": ("American Samoa", "Samoa Americana"),
    "GU": ("Guam", "Guam"),
    "MP": ("Northern Mariana Islands", "Islas Marianas del Norte"),
    "PR": ("Puerto Rico", "Puerto Rico"),
    "VI": ("U.S. Virgin Islands", "Islas Vírgenes de EE. UU."),
}
NO_SENATORS = frozenset({"DC", "AS", "GU", "MP", "PR", "VI"})
FIPS = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE",
    "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA",
    "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN",
    "28": "MS", "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH", "34": "NJ", "35": "NM",
    "36": "NY", "37": "NC", "38": "ND", "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI",
    "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA",
    "54": "WV", "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI",
}  # fmt: skip
PARTY = re.compile(r"^[A-Z][A-Za-z .-]+$")
PHONE = re.compile(r"^\d{3}-\d{3}-\d{4}$")
ZCTA = re.compile(r"^\d{5}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


LEFT_OUT: list[str] = []  # what an import left out, said after it


class CongressDataError(ValueError):
    """Malformed congress data: every problem as `file:line: what was expected`."""


@dataclass(frozen=True)
class Office:
    city: str
    address: str
    zip: str
    phone: str | None
    hours: str | None


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    chamber: str  # "sen" | "rep"
    state: str
    district: int | None  # 0: at large (the whole state or territory)
    party: str
    term_end: str
    dc_address: str | None
    dc_phone: str | None
    url: str | None
    contact_form: str | None
    offices: tuple[Office, ...]


@dataclass
class Snapshot:
    members: list[Member]
    zips: dict[str, list[tuple[str, int]]]  # ZCTA -> [(state, district)], in file order
    meta: dict[str, Any]
    problems: list[str] = field(default_factory=list)

    def districts(self) -> set[tuple[str, int]]:
        return {d for ds in self.zips.values() for d in ds}


# ---- reading, with file:line ------------------------------------------------------------------


class _Errors:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, path: Path, line: int, what: str) -> None:
        self.items.append(f"{_show(path)}:{line}: {what}")

    def raise_any(self) -> None:
        if self.items:
            more = f"\n... and {len(self.items) - 40} more" if len(self.items) > 40 else ""
            raise CongressDataError("\n".join(self.items[:40]) + more)


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _yaml(path: Path, errors: _Errors) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    try:
        with path.open(encoding="utf-8") as fh:
            return YAML(typ="rt").load(fh)
    except FileNotFoundError:
        errors.add(path, 1, "file is missing")
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        errors.add(path, (mark.line + 1) if mark else 1, f"not valid YAML ({exc.problem})")
    return None


def _line(node: Any, key: Any = None) -> int:
    lc = getattr(node, "lc", None)
    if lc is None:
        return 1
    try:
        if key is not None and key in node:
            return int(lc.key(key)[0]) + 1 if isinstance(key, str) else int(lc.item(key)[0]) + 1
    except (KeyError, TypeError, IndexError):
        pass
    return int(lc.line) + 1


def _str(node: Any, key: str, path: Path, errors: _Errors, *, required: bool = True, pattern: Any = None) -> Any:
    value = node.get(key) if hasattr(node, "get") else None
    if value is None or (not required and str(value).strip() == ""):
        if required:
            errors.add(path, _line(node), f"expected `{key}`")
        return None
    value = str(value).strip()
    if not value or (pattern is not None and not pattern.match(value)):
        errors.add(
            path, _line(node, key), f"`{key}`: expected {pattern.pattern if pattern else 'a text'}, got {value!r}"
        )
        return None
    return value


def read_zips(path: Path, errors: _Errors) -> dict[str, list[tuple[str, int]]]:
    zips: dict[str, list[tuple[str, int]]] = defaultdict(list)
    try:
        fh = path.open(encoding="utf-8", newline="")
    except FileNotFoundError:
        errors.add(path, 1, "file is missing")
        return {}
    with fh:
        rows = csv.reader(fh)
        header = next(rows, None)
        if header != ["state_fips", "state_abbr", "zcta", "cd"]:
            errors.add(path, 1, f"expected the header state_fips,state_abbr,zcta,cd, got {','.join(header or [])!r}")
            return {}
        for number, row in enumerate(rows, start=2):
            if len(row) != 4:
                errors.add(path, number, f"expected 4 fields (state_fips,state_abbr,zcta,cd), got {len(row)}")
                continue
            fips, abbr, zcta, cd = (x.strip() for x in row)
            if FIPS.get(fips) != abbr:
                errors.add(path, number, f"expected a state FIPS code and its abbreviation, got {fips!r},{abbr!r}")
            elif not ZCTA.match(zcta):
                errors.add(path, number, f"expected a 5-digit ZIP area (ZCTA), got {zcta!r}")
            elif not cd.isdigit() or int(cd) > 60:
                errors.add(path, number, f"expected a district number (0 for at large), got {cd!r}")
            elif (abbr, int(cd)) not in zips[zcta]:
                zips[zcta].append((abbr, int(cd)))
    return dict(zips)


def read_meta(path: Path, errors: _Errors) -> dict[str, Any]:
    node = _yaml(path, errors)
    if node is None:
        return {}
    if not hasattr(node, "get"):
        errors.add(path, 1, "expected a mapping")
        return {}
    meta: dict[str, Any] = {}
    for key in ("holds_until", "congress"):
        if node.get(key) is None:
            errors.add(path, _line(node), f"expected `{key}`")
    holds = str(node.get("holds_until", ""))
    if holds and not DATE.match(holds):
        errors.add(path, _line(node, "holds_until"), f"`holds_until`: expected YYYY-MM-DD, got {holds!r}")
    meta["holds_until"] = holds
    meta["congress"] = node.get("congress")
    sources = node.get("sources")
    if not isinstance(sources, list) or not sources:
        errors.add(path, _line(node), "expected `sources`: a list of {name, repository, commit, date, licence}")
        sources = []
    meta["sources"] = []
    for s in sources:
        for key in ("name", "repository", "commit", "date", "licence"):
            _str(s, key, path, errors)
        if s.get("date") and not DATE.match(str(s.get("date"))):
            errors.add(path, _line(s, "date"), f"`date`: expected YYYY-MM-DD, got {s.get('date')!r}")
        meta["sources"].append({k: str(v) for k, v in s.items()})
    meta["snapshot"] = min((s["date"] for s in meta["sources"] if "date" in s), default="")
    meta["members_date"] = next((s["date"] for s in meta["sources"] if s.get("name") == "members"), "")
    return meta


def read_members(path: Path, errors: _Errors) -> list[Member]:
    """The project's own file (written by `import`)."""
    node = _yaml(path, errors)
    if node is None:
        return []
    if not isinstance(node, list):
        errors.add(path, 1, "expected a list of members")
        return []
    members = []
    for m in node:
        if not hasattr(m, "get"):
            errors.add(path, _line(node), "expected a member mapping")
            continue
        chamber = _str(m, "chamber", path, errors)
        if chamber not in (None, "sen", "rep"):
            errors.add(path, _line(m, "chamber"), f"`chamber`: expected sen or rep, got {chamber!r}")
        state = _str(m, "state", path, errors)
        if state is not None and state not in STATES:
            errors.add(path, _line(m, "state"), f"`state`: expected a state or territory code, got {state!r}")
        district = m.get("district")
        if chamber == "rep" and not (isinstance(district, int) and 0 <= district <= 60):
            errors.add(path, _line(m, "district") if "district" in m else _line(m), "`district`: expected 0-60")
        if chamber == "sen" and district is not None:
            errors.add(path, _line(m, "district"), "a senator has no `district`")
        offices = []
        for o in m.get("offices") or []:
            offices.append(
                Office(
                    city=_str(o, "city", path, errors) or "",
                    address=_str(o, "address", path, errors, required=False) or "",
                    zip=_str(o, "zip", path, errors, required=False) or "",
                    phone=_str(o, "phone", path, errors, required=False, pattern=PHONE),
                    hours=_str(o, "hours", path, errors, required=False),
                )
            )
        url = _str(m, "url", path, errors, required=False)
        form = _str(m, "contact_form", path, errors, required=False)
        for key, value in (("url", url), ("contact_form", form)):
            if value and not value.startswith("https://"):
                errors.add(path, _line(m, key), f"`{key}`: expected an https:// address, got {value!r}")
        members.append(
            Member(
                id=_str(m, "id", path, errors) or "",
                name=_str(m, "name", path, errors) or "",
                chamber=chamber or "",
                state=state or "",
                district=district if chamber == "rep" else None,
                party=_str(m, "party", path, errors, pattern=PARTY) or "",
                term_end=_str(m, "term_end", path, errors, pattern=DATE) or "",
                dc_address=_str(m, "dc_address", path, errors, required=False),
                dc_phone=_str(m, "dc_phone", path, errors, required=False, pattern=PHONE),
                url=url,
                contact_form=form,
                offices=tuple(offices),
            )
        )
    return members


def _consistency(
    members: list[Member], zips: dict[str, list[tuple[str, int]]], path: Path, errors: _Errors
) -> list[str]:
    problems = []
    seats: dict[tuple[str, str, int | None], list[str]] = defaultdict(list)
    for m in members:
        seats[(m.chamber, m.state, m.district)].append(m.id)
    for (chamber, state, district), ids in seats.items():
        if chamber == "sen" and (state in NO_SENATORS or len(ids) > 2):
            errors.add(
                path,
                1,
                f"{state} has {len(ids)} senators ({', '.join(ids)}): expected at most 2, none for DC and territories",
            )
        if chamber == "rep" and len(ids) > 1:
            errors.add(path, 1, f"{state} district {district} has {len(ids)} representatives: {', '.join(ids)}")
    districts = {d for ds in zips.values() for d in ds}
    for state, district in sorted(districts):
        if ("rep", state, district) not in seats:
            problems.append(
                f"{state} district {district}: no representative in the data (vacant when the data was taken?)"
            )
    return problems


def load(data_dir: Path = DATA) -> Snapshot:
    """The project's copy, validated; raises CongressDataError naming file:line."""
    errors = _Errors()
    meta = read_meta(data_dir / "snapshot.yaml", errors)
    members = read_members(data_dir / "members.yaml", errors)
    zips = read_zips(data_dir / "zcta-districts.csv", errors)
    problems = _consistency(members, zips, data_dir / "members.yaml", errors)
    errors.raise_any()
    return Snapshot(members, zips, meta, problems)


# ---- import from upstream ---------------------------------------------------------------------


def convert_upstream(src: Path) -> tuple[list[dict[str, Any]], Path]:
    """Upstream legislators files -> the project's member records (validated, file:line)."""
    errors = _Errors()
    current = src / "legislators-current.yaml"
    offices_file = src / "legislators-district-offices.yaml"
    legislators = _yaml(current, errors)
    offices = _yaml(offices_file, errors)
    read_zips(src / "zccd.csv", errors)
    errors.raise_any()
    if not isinstance(legislators, list):
        errors.add(current, 1, "expected a list of legislators")
    if not isinstance(offices, list):
        errors.add(offices_file, 1, "expected a list of {id, offices}")
    errors.raise_any()
    by_id: dict[str, list[dict[str, Any]]] = {}
    for entry in offices:
        ident = _str(entry.get("id") or {}, "bioguide", offices_file, errors) if hasattr(entry, "get") else None
        if ident is None:
            errors.add(offices_file, _line(entry), "expected `id: {bioguide: ...}`")
            continue
        rows = []
        for o in entry.get("offices") or []:
            address = _str(o, "address", offices_file, errors, required=False)
            city = _str(o, "city", offices_file, errors)
            extra = ", ".join(str(o[k]) for k in ("suite", "building") if o.get(k))
            row: dict[str, Any] = {"city": city}
            if address:  # some offices are "by appointment only", with a city and phone but no address
                row["address"] = address + (f", {extra}" if extra else "")
            if o.get("zip"):
                row["zip"] = str(o["zip"])
            phone = _str(o, "phone", offices_file, errors, required=False, pattern=PHONE)
            if phone:
                row["phone"] = phone
            if o.get("hours"):
                row["hours"] = str(o["hours"]).strip()
            rows.append(row)
        by_id[ident] = rows
    out = []
    for leg in legislators:
        ident = _str(leg.get("id") or {}, "bioguide", current, errors)
        name = leg.get("name") or {}
        full = name.get("official_full") or " ".join(str(name[k]) for k in ("first", "last") if name.get(k))
        if not full:
            errors.add(current, _line(leg), "expected `name.official_full` or `name.first` and `name.last`")
        terms = leg.get("terms")
        if not isinstance(terms, list) or not terms:
            errors.add(current, _line(leg), "expected `terms`: a list with the current term last")
            continue
        term = terms[-1]
        chamber = _str(term, "type", current, errors)
        if chamber not in ("sen", "rep"):
            errors.add(current, _line(term, "type"), f"`type`: expected sen or rep, got {chamber!r}")
            continue
        state = _str(term, "state", current, errors)
        if state not in STATES:
            errors.add(current, _line(term, "state"), f"`state`: expected a state or territory code, got {state!r}")
        record: dict[str, Any] = {"id": ident, "name": str(full), "chamber": chamber, "state": state}
        if chamber == "rep":
            district = term.get("district")
            if not isinstance(district, int) or district < 0:
                errors.add(current, _line(term), "`district`: expected a number (0 at large)")
            record["district"] = district
        record["party"] = _str(term, "party", current, errors, pattern=PARTY)
        record["term_end"] = _str(term, "end", current, errors, pattern=DATE)
        for key, target in (
            ("address", "dc_address"),
            ("phone", "dc_phone"),
            ("url", "url"),
            ("contact_form", "contact_form"),
        ):
            value = term.get(key)
            if value:
                value = str(value).strip()
                if key in ("url", "contact_form") and not value.startswith("https://"):
                    # One mistyped link is left out (and said), not a reason to refuse the snapshot.
                    LEFT_OUT.append(
                        f"{_show(current)}:{_line(term, key)}: `{key}` {value!r} is not an https:// address: left out"
                    )
                    continue
                if key == "phone" and not PHONE.match(value):
                    errors.add(current, _line(term, key), f"`phone`: expected 202-555-0100, got {value!r}")
                record[target] = value
        record["offices"] = by_id.get(str(ident), [])
        out.append(record)
    errors.raise_any()
    return out, src / "zccd.csv"


def import_snapshot(src: Path, meta: dict[str, Any], data_dir: Path = DATA) -> Snapshot:
    """Validate the upstream files in `src`, then write the project's copy. Nothing is written
    when anything is malformed; the written copy is read back with `load` before it is kept."""
    from ruamel.yaml import YAML

    members, zips_file = convert_upstream(src)
    staging = data_dir.with_name(data_dir.name + ".importing")
    staging.mkdir(parents=True, exist_ok=True)
    yaml = YAML()
    yaml.width = 4096
    with (staging / "members.yaml").open("w", encoding="utf-8") as fh:
        fh.write("# Written by `python -m sitegen.congress import` (see README.md here). Do not edit by hand.\n")
        yaml.dump(members, fh)
    with (staging / "snapshot.yaml").open("w", encoding="utf-8") as fh:
        fh.write("# Where data/congress/ came from, and the day it holds until (README.md here).\n")
        yaml.dump(meta, fh)
    (staging / "zcta-districts.csv").write_bytes(zips_file.read_bytes())
    try:
        snapshot = load(staging)
    except CongressDataError:
        for name in ("members.yaml", "snapshot.yaml", "zcta-districts.csv"):
            (staging / name).unlink(missing_ok=True)
        staging.rmdir()
        raise
    data_dir.mkdir(parents=True, exist_ok=True)
    for name in ("members.yaml", "snapshot.yaml", "zcta-districts.csv"):
        (staging / name).replace(data_dir / name)
    staging.rmdir()
    return snapshot


# ---- what ships -------------------------------------------------------------------------------


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def zips_json(snapshot: Snapshot) -> str:
    """{"d": {"AL-3": "<first ZIP, then gaps, base 36, comma-separated>", ...}}: each district's
    ZIP areas in order. About a third the size of a plain table, decoded in a few ms."""
    by_district: dict[str, list[int]] = defaultdict(list)
    for zcta, districts in snapshot.zips.items():
        for state, district in districts:
            by_district[f"{state}-{district}"].append(int(zcta))
    encoded = {}
    for key in sorted(by_district):
        numbers = sorted(by_district[key])
        gaps = [numbers[0]] + [b - a for a, b in itertools.pairwise(numbers)]
        encoded[key] = ",".join(_b36(g) for g in gaps)
    body = {
        "holds_until": snapshot.meta["holds_until"],
        "snapshot": snapshot.meta["snapshot"],
        "d": encoded,
    }
    return json.dumps(body, separators=(",", ":"))


def figures(snapshot: Snapshot) -> dict[str, int]:
    zips = snapshot.zips
    return {
        "zip_areas": len(zips),
        "zip_areas_in_more_than_one_district": sum(1 for ds in zips.values() if len(ds) > 1),
        "zip_areas_in_more_than_one_state": sum(1 for ds in zips.values() if len({s for s, _ in ds}) > 1),
        "members": len(snapshot.members),
        "senators": sum(1 for m in snapshot.members if m.chamber == "sen"),
        "representatives": sum(1 for m in snapshot.members if m.chamber == "rep"),
        "districts": len(snapshot.districts()),
    }


def out_of_date(snapshot: Snapshot, today: dt.date) -> bool:
    return today.isoformat() >= snapshot.meta["holds_until"]


def _date(w: Any, value: str) -> str:
    from sitegen.text import Words

    return Words(w.lang).date(value)


def _e(s: Any) -> str:
    return html.escape(str(s), quote=True)


def state_name(code: str, lang: str) -> str:
    return STATES[code][0 if lang == "en" else 1]


def _tel(phone: str) -> str:
    # The number as shown, dashes kept (allowed in tel: URIs): 1,900 numbers compress 3 KB smaller.
    return f'<a href="tel:+1-{_e(phone)}">{_e(phone)}</a>'


def member_card(m: Member, w: Any, today: dt.date) -> str:
    lang = w.lang
    party = (
        w(f"party_{m.party.lower().replace(' ', '_')}")
        if _has(w, f"party_{m.party.lower().replace(' ', '_')}")
        else m.party
    )
    if m.chamber == "sen":
        role = w("role_senator", state=state_name(m.state, lang))
    elif m.state in NO_SENATORS:
        role = w("role_delegate" if m.state != "PR" else "role_commissioner", state=state_name(m.state, lang))
    elif m.district == 0:
        role = w("role_rep_at_large", state=state_name(m.state, lang))
    else:
        role = w("role_rep", state=state_name(m.state, lang), district=m.district)
    parts = [
        f'<article class="pd-member" data-state="{m.state}" data-chamber="{m.chamber}"'
        + (f' data-district="{m.district}"' if m.district is not None else "")
        + ">",
        f'<h3 class="pd-member__name">{_e(m.name)}</h3>',
        f'<p class="pd-member__role">{_e(role)} · {_e(party)}</p>',
    ]
    if m.term_end and m.term_end < "2027-01-03":  # an appointment that ran until a special election
        hidden = "" if today.isoformat() >= m.term_end else " hidden"
        parts.append(
            f'<p class="pd-member__ended" data-pd-from="{m.term_end}"{hidden}>{_e(w("term_ended", date=_date(w, m.term_end)))}</p>'
        )
    dc = []
    if m.dc_address:
        dc.append(_e(m.dc_address))
    if m.dc_phone:
        dc.append(_tel(m.dc_phone))
    links = []
    if m.url:
        links.append(f'<a href="{_e(m.url)}">{_e(w("website"))}</a>')
    if m.contact_form:
        links.append(f'<a href="{_e(m.contact_form)}">{_e(w("contact_form"))}</a>')
    parts.append(f"<p><strong>{_e(w('dc_office'))}:</strong> {' · '.join(dc + links)}</p>")
    if m.offices:
        parts.append(f"<p><strong>{_e(w('home_offices', state=state_name(m.state, lang)))}:</strong></p><ul>")
        for o in m.offices:
            where = " ".join(x for x in (o.address, o.zip) if x)
            bits = [f"<strong>{_e(o.city)}</strong>" + (f": {_e(where)}" if where else "")]
            if o.phone:
                bits.append(_tel(o.phone))
            if o.hours:
                bits.append(_e(o.hours) if lang == "en" else f'<span lang="en">{_e(o.hours)}</span>')
            parts.append(f"<li>{' · '.join(bits)}</li>")
        parts.append("</ul>")
    else:
        parts.append(f"<p>{_e(w('no_home_offices'))}</p>")
    parts.append("</article>")
    return "".join(parts)


def _raw(w: Any, key: str) -> str:
    """A text with its {placeholders} left for the page script to fill."""
    from sitegen.text import table

    return str(w.text(table(w.source)[key], f"sitegen/{w.source.name} {key}"))


def _has(w: Any, key: str) -> bool:
    from sitegen.text import table

    return key in table(w.source)


def by_state(snapshot: Snapshot) -> dict[str, dict[str, list[Member]]]:
    out: dict[str, dict[str, list[Member]]] = {s: {"sen": [], "rep": []} for s in STATES}
    for m in snapshot.members:
        out[m.state][m.chamber].append(m)
    for seats in out.values():
        seats["sen"].sort(key=lambda m: m.name)
        seats["rep"].sort(key=lambda m: (m.district or 0, m.name))
    return out


def listing_html(snapshot: Snapshot, w: Any, today: dt.date) -> str:
    """Every member, by state: the lookup page without JavaScript (and the cards the lookup shows)."""
    lang = w.lang
    seats = by_state(snapshot)
    districts = snapshot.districts()
    out = ['<div class="pd-members-list" id="pd-members-list">']
    for code in sorted(STATES, key=lambda c: state_name(c, lang)):
        s = seats[code]
        out.append(
            f'<details class="pd-state" id="state-{code}" data-state="{code}"><summary>{_e(state_name(code, lang))}</summary>'
        )
        if code in NO_SENATORS:
            out.append(f'<p class="pd-state__nosen">{_e(w("no_senators", state=state_name(code, lang)))}</p>')
        else:
            out.append(f'<p class="pd-state__chamber"><strong>{_e(w("senators"))}</strong></p>')
            out.extend(member_card(m, w, today) for m in s["sen"])
            if len(s["sen"]) < 2:
                out.append(
                    f'<p class="pd-vacant">{_e(w("senate_seat_missing", date=_date(w, snapshot.meta["members_date"])))}</p>'
                )
        out.append(f'<p class="pd-state__chamber"><strong>{_e(w("representatives"))}</strong></p>')
        have = {m.district for m in s["rep"]}
        out.extend(member_card(m, w, today) for m in s["rep"])
        for state, district in sorted(d for d in districts if d[0] == code and d[1] not in have):
            out.append(
                f'<p class="pd-vacant" data-state="{state}" data-district="{district}" data-chamber="rep">'
                f"{_e(w('house_seat_missing', district=district, date=_date(w, snapshot.meta['members_date'])))}</p>"
            )
        out.append("</details>")
    out.append("</div>")
    return "\n".join(out)


def notice_html(snapshot: Snapshot, w: Any, today: dt.date) -> str:
    """From the day the data stops holding (the build's today, or the reader's device date in
    members.js): the list is the previous Congress's; where to look instead."""
    holds = snapshot.meta["holds_until"]
    hidden = "" if out_of_date(snapshot, today) else " hidden"
    house = f'<a href="{HOUSE_FINDER}">{_e(w("house_finder"))}</a>'
    senate = f'<a href="{SENATE_FINDER}">{_e(w("senate_finder"))}</a>'
    return (
        f'<div class="pd-congress-old" data-pd-from="{holds}"{hidden} role="note">'
        f'<p class="admonition-title">{_e(w("old_title"))}</p>'
        f"<p>{_e(w('old_text', date=_date(w, holds), congress=snapshot.meta['congress']))}</p>"
        f"<p>{_e(w('old_states'))}</p>"
        f"<p>{w('old_finders', house=house, senate=senate)}</p>"
        "</div>"
    )


def about_html(snapshot: Snapshot, w: Any) -> str:
    meta = snapshot.meta
    return f'<p class="pd-congress-about">{_e(w("about_data", members=_date(w, meta["members_date"]), congress=meta["congress"], holds=_date(w, meta["holds_until"])))}</p>'


def lookup_html(snapshot: Snapshot, w: Any, today: dt.date, asset_url: str, script_url: str) -> str:
    """The ZIP/state form (hidden until members.js runs: without it the form would put the ZIP
    in the address), the result area, the listing, and the words the script needs."""
    lang = w.lang
    options = "".join(
        f'<option value="{c}">{_e(state_name(c, lang))}</option>'
        for c in sorted(STATES, key=lambda c: state_name(c, lang))
    )
    words = {k: _raw(w, k) for k in SCRIPT_KEYS}
    words["states"] = {c: state_name(c, lang) for c in STATES}
    words["no_senators_states"] = sorted(NO_SENATORS)
    return (
        f'<form class="pd-members-form" id="pd-members-form" data-zips="{_e(asset_url)}" hidden autocomplete="off" novalidate>'
        f'<p><label for="pd-zip">{_e(w("zip_label"))}</label> '
        f'<input id="pd-zip" inputmode="numeric" pattern="[0-9]*" maxlength="5" autocomplete="off" '
        f'enterkeyhint="search" aria-describedby="pd-zip-hint"> '
        f'<button type="submit" class="md-button md-button--primary">{_e(w("zip_button"))}</button></p>'
        f'<p class="pd-hint" id="pd-zip-hint">{_e(w("zip_hint"))}</p>'
        f'<p><label for="pd-state-choice">{_e(w("state_label"))}</label> '
        f'<select id="pd-state-choice"><option value="">{_e(w("state_choose"))}</option>{options}</select></p>'
        "</form>"
        '<div class="pd-members-result" id="pd-members-result" aria-live="polite" tabindex="-1"></div>'
        f'<script type="application/json" id="pd-members-words">{_json(words)}</script>'
        f'<script src="{_e(script_url)}" defer></script>'
    )


SCRIPT_KEYS = (
    "zip_invalid",
    "zip_unknown",
    "zip_one",
    "zip_many",
    "zip_how_to_tell",
    "zip_states_many",
    "loading",
    "load_failed",
    "senators",
    "representatives",
    "no_senators",
    "at_large",
    "for_state",
    "seat_missing",
    "house_finder",
    "senate_finder",
)


def senators_json(snapshot: Snapshot, w: Any) -> str:
    """For the organizers' sheet: each state's senators with their DC and home-office phones."""
    out: dict[str, Any] = {}
    for code, seats in by_state(snapshot).items():
        if code in NO_SENATORS:
            continue
        out[code] = [
            {
                "name": m.name,
                "party": m.party,
                "dc_phone": m.dc_phone,
                "dc_address": m.dc_address,
                "url": m.url,
                "offices": [{"city": o.city, "address": o.address, "zip": o.zip, "phone": o.phone} for o in m.offices],
            }
            for m in seats["sen"]
        ]
    return _json(out)


def _json(value: Any) -> str:
    """JSON inside a <script type="application/json">: never closes the tag."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def sheet_html(snapshot: Snapshot, w: Any, today: dt.date, script_url: str) -> str:
    lang = w.lang
    options = "".join(
        f'<option value="{c}">{_e(state_name(c, lang))}</option>'
        for c in sorted((c for c in STATES if c not in NO_SENATORS), key=lambda c: state_name(c, lang))
    )
    words = {k: _raw(w, k) for k in ("sheet_none", "sheet_senator_blank", "dc_office", "home_offices", "senators")}
    words["states"] = {c: state_name(c, lang) for c in STATES}
    return (
        f'<form class="pd-sheet-form" id="pd-sheet-form" hidden autocomplete="off"><p><label for="pd-sheet-state">{_e(w("sheet_state_label"))}</label> '
        f'<select id="pd-sheet-state"><option value="">{_e(w("state_choose"))}</option>{options}</select></p></form>'
        f'<div class="pd-sheet-senators" id="pd-sheet-senators"><p>{_e(w("sheet_senator_blank"))}</p>'
        '<p class="pd-sheet-line">______________________________ · ☎ ____________________</p>'
        '<p class="pd-sheet-line">______________________________ · ☎ ____________________</p></div>'
        f'<script type="application/json" id="pd-senators">{senators_json(snapshot, w)}</script>'
        f'<script type="application/json" id="pd-sheet-words">{_json(words)}</script>'
        f'<script src="{_e(script_url)}" defer></script>'
    )


# ---- command line -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitegen.congress", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate data/congress/ and print figures")
    imp = sub.add_parser("import", help="import a newer snapshot from a folder of upstream files")
    imp.add_argument("src", type=Path)
    imp.add_argument("--legislators-commit", required=True)
    imp.add_argument("--legislators-date", required=True)
    imp.add_argument("--zips-commit", required=True)
    imp.add_argument("--zips-date", required=True)
    imp.add_argument("--holds-until", required=True, help="the day the districts or members change (YYYY-MM-DD)")
    imp.add_argument("--congress", type=int, required=True, help="the Congress the data is for (e.g. 119)")
    imp.add_argument("--data-dir", type=Path, default=DATA)
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            snapshot = load()
        else:
            meta = {
                "congress": args.congress,
                "holds_until": args.holds_until,
                "sources": [
                    {
                        "name": "members",
                        "repository": "https://github.com/unitedstates/congress-legislators",
                        "commit": args.legislators_commit,
                        "date": args.legislators_date,
                        "licence": "CC0 1.0 (LICENSE-congress-legislators.txt)",
                    },
                    {
                        "name": "zip-districts",
                        "repository": "https://github.com/OpenSourceActivismTech/us-zipcodes-congress",
                        "commit": args.zips_commit,
                        "date": args.zips_date,
                        "licence": "U.S. Government works; scripts MIT (LICENSE-us-zipcodes-congress.txt)",
                    },
                ],
            }
            snapshot = import_snapshot(args.src, meta, args.data_dir)
    except CongressDataError as exc:
        print(exc, file=sys.stderr)
        print("nothing was written" if args.command == "import" else "data/congress/ is not valid", file=sys.stderr)
        return 1
    for key, value in figures(snapshot).items():
        print(f"{key}: {value}")
    for problem in LEFT_OUT + snapshot.problems:
        print(f"note: {problem}")
    if args.command == "import":
        print("imported into data/congress/: rebuild the site (./dev build)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


# ---- the pages' macros (sitegen/hooks.py) -----------------------------------------------------

PAGE_MACRO = re.compile(r"\[\[congress:([a-z_]+)\]\]")


def expand(markdown: str, page_url: str, lang: str, today: dt.date, snapshot: Snapshot) -> str:
    """[[congress:lookup|listing|notice|about|sheet|split]] in a page: HTML made from
    data/congress/ in the page's language. Raises ValueError naming an unknown macro."""
    from sitegen.text import Words

    w = Words(lang, TEXT)
    root = "../" * page_url.count("/") or "./"  # pages are served as dir/ URLs
    script = root + "assets/js/members.js"

    def one(m: re.Match[str]) -> str:
        kind = m.group(1)
        if kind == "lookup":
            return lookup_html(snapshot, w, today, root + ZIPS_ASSET, script)
        if kind == "listing":
            return listing_html(snapshot, w, today)
        if kind == "notice":
            return notice_html(snapshot, w, today)
        if kind == "about":
            return about_html(snapshot, w)
        if kind == "sheet":
            return sheet_html(snapshot, w, today, script)
        if kind == "script":  # the fill-in call script and letter (help/congress.md)
            return f'<script src="{script}" defer></script>'
        if kind == "split":  # how many ZIP areas touch more than one district, in the page's numbers
            f = figures(snapshot)
            sep = "," if lang == "en" else " "
            return (
                f"{f['zip_areas_in_more_than_one_district']:,}".replace(",", sep)
                + (" of " if lang == "en" else " de ")
                + f"{f['zip_areas']:,}".replace(",", sep)
            )
        raise ValueError(f"[[congress:{kind}]] is not one of lookup, listing, notice, about, sheet, script, split")

    return PAGE_MACRO.sub(one, markdown)

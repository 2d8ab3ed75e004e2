"""Organizers with no signal can run the whole site from a laptop: the offline kit."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from guide_walk import wait_ready
from playwright.sync_api import Page, expect


@pytest.fixture(scope="module")
def kit_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The kit unzipped and served exactly as START-HERE.txt tells an organizer to."""
    target = tmp_path_factory.mktemp("kit")
    with zipfile.ZipFile(site_dir / "downloads" / "offline-kit.zip") as zf:
        zf.extractall(target)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=target / "pd-guide",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_kit_holds_the_site_and_says_how_to_start_it(site_dir: Path) -> None:
    with zipfile.ZipFile(site_dir / "downloads" / "offline-kit.zip") as zf:
        names = set(zf.namelist())
        readme = zf.read("pd-guide/START-HERE.txt").decode()
    assert {"pd-guide/index.html", "pd-guide/guide/index.html", "pd-guide/pyodide/pyodide.asm.wasm"} <= names
    assert not any(n.startswith("pd-guide/downloads/") for n in names)
    assert "python3 -m http.server 8000 --bind 127.0.0.1" in readme
    assert "Built on" in readme


def test_the_guide_runs_from_the_unzipped_kit(page: Page, kit_url: str) -> None:
    page.goto(kit_url + "/guide/")
    expect(page.locator(".pd-step form[data-question=stage]")).to_be_visible()
    wait_ready(page)

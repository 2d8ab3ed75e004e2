"""The engine the reader runs is the one the build made: the site's lock file lists the
pdlogic wheel it ships with that wheel's sha256, the worker loads pdlogic by name through
it, and a wheel changed after the build is refused (the guide falls back to its static
pages). Everything the lock file names is served by the site itself."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlparse
from urllib.request import urlopen

import pytest
from guide_walk import wait_ready, walk
from playwright.sync_api import Page, expect

from sitegen.runtime import RUNTIME, write_lock
from sitegen.server import make_server

ROOT = Path(__file__).resolve().parent.parent


def lock_of(site: Path) -> dict:
    return json.loads((site / "pyodide" / "pyodide-lock.json").read_text(encoding="utf-8"))


def test_the_lock_file_lists_the_shipped_wheel_with_its_sha256(site_dir: Path) -> None:
    lock = lock_of(site_dir)
    entry = lock["packages"]["pdlogic"]
    wheel = site_dir / "pyodide" / entry["file_name"]
    assert wheel.is_file(), entry["file_name"]
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert entry["imports"] == ["pdlogic"]
    assert entry["depends"] == []  # the engine is standard library only
    # The runtime's own description (Python 3.14, its ABI), so Pyodide accepts the file.
    runtime_info = json.loads((RUNTIME / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    assert lock["info"] == runtime_info


def test_every_file_the_lock_file_names_is_served_by_the_site_itself(server) -> None:
    runtime = server.url + "/pyodide/"
    with urlopen(runtime + "pyodide-lock.json") as response:
        lock = json.loads(response.read())
    assert lock["packages"], "the lock file lists no package"
    for name, pkg in lock["packages"].items():
        url = urljoin(runtime, pkg["file_name"])
        assert urlparse(url).netloc == urlparse(server.url).netloc, f"{name}: {url} is on another host"
        with urlopen(url) as response:
            body = response.read()
        assert hashlib.sha256(body).hexdigest() == pkg["sha256"], name


def test_the_guide_loads_the_engine_through_the_lock_file_from_the_site(
    page: Page, base_url: str, server, site_dir: Path
) -> None:
    page.goto(base_url + "/guide/")
    wait_ready(page)
    requested = server.requests()
    assert "GET /pyodide/pyodide-lock.json" in requested
    assert f"GET /pyodide/{lock_of(site_dir)['packages']['pdlogic']['file_name']}" in requested


def changed_wheel(wheel: Path) -> None:
    """The same wheel with one line added to a module: still a working engine, not the built one."""
    with zipfile.ZipFile(wheel) as zf:
        members = [(info, zf.read(info)) for info in zf.infolist()]
    wheel.unlink()
    with zipfile.ZipFile(wheel, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            if info.filename == "pdlogic/__init__.py":
                data += b"\n# changed after the build\n"
            zf.writestr(info, data)


@pytest.fixture(scope="module")
def changed_site(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built site whose wheel was changed after the build (its lock file is not)."""
    copy = tmp_path_factory.mktemp("changed") / "site"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("downloads"))
    changed_wheel(copy / "pyodide" / lock_of(copy)["packages"]["pdlogic"]["file_name"])
    return copy


def serve(site: Path, log: Path) -> Iterator[str]:
    httpd = make_server(site, 0, log_path=log)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def test_a_wheel_changed_after_the_build_is_refused_and_the_guide_falls_back(
    page: Page, changed_site: Path, tmp_path: Path
) -> None:
    log = tmp_path / "access.log"
    wheel = lock_of(changed_site)["packages"]["pdlogic"]["file_name"]
    for url in serve(changed_site, log):
        page.goto(url + "/guide/")
        guide = page.locator("#pd-guide")
        # The guide's own signals: it marks its engine failed (and shows the static pages) or ready.
        page.wait_for_selector("#pd-guide[data-engine=failed], #pd-guide[data-engine=ready]", timeout=90_000)
        expect(guide).to_have_attribute("data-engine", "failed")
        fallback = page.locator("#pd-guide > .pd-fallback")
        expect(fallback).to_be_visible()
        # Refused for its content (not the engine's start-up timeout): the wheel was downloaded.
        expect(fallback).to_have_attribute("data-reason", f"{wheel} could not be loaded or does not match the build")
        assert f"GET /pyodide/{wheel}" in log.read_text(encoding="utf-8").splitlines()
        # The reader still gets the options by stage.
        expect(fallback.locator("a")).to_have_count(4)


def test_the_changed_wheel_itself_would_run_so_the_refusal_is_the_sha256_check(
    page: Page, changed_site: Path, tmp_path: Path
) -> None:
    """Control: the same changed wheel, registered with its own sha256, runs the guide to a result.
    So the test above fails only because the lock file's sha256 is checked."""
    site = tmp_path / "site"
    shutil.copytree(changed_site, site)
    lock = lock_of(site)
    write_lock(site / "pyodide" / lock["packages"]["pdlogic"]["file_name"], site / "pyodide" / "pyodide-lock.json")
    assert lock_of(site)["packages"]["pdlogic"]["sha256"] != lock["packages"]["pdlogic"]["sha256"]
    for url in serve(site, tmp_path / "access.log"):
        page.goto(url + "/guide/")
        wait_ready(page)
        walk(page, {"stage": "in_proceedings"})

"""Shared fixtures: the real built site served by the project's own server, and
Debian's Chromium launched so that every host but 127.0.0.1 fails to resolve."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from built import SITE, as_of, pin_clock

from sitegen.chromium import ARGS, EXECUTABLE
from sitegen.server import make_server

CHROMIUM = EXECUTABLE


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "index.html").exists() or not (SITE / "pyodide" / "pyodide.asm.wasm").exists():
        pytest.exit("site/ is not built: run ./dev test (it builds first)", returncode=2)
    return SITE


class Server:
    def __init__(self, url: str, log: Path) -> None:
        self.url = url
        self.log = log

    def requests(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []


@pytest.fixture(scope="session")
def server(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("server") / "access.log"
    httpd = make_server(site_dir, 0, log_path=log)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", log)
    httpd.shutdown()


@pytest.fixture(scope="session")
def base_url(server: Server) -> str:
    return server.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (./dev test installs it)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ARGS,
    }


@pytest.fixture(autouse=True)
def browser_on_build_day(request: pytest.FixtureRequest) -> None:
    """Every browser test's page lives on the day the site was built as of (tests/built.py)."""
    if "page" in request.fixturenames or "context" in request.fixturenames:
        pin_clock(request.getfixturevalue("context"), as_of(request.getfixturevalue("site_dir")))


@pytest.fixture(autouse=True)
def only_own_origin(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every request any browser test makes goes to 127.0.0.1; others are named."""
    if "page" not in request.fixturenames and "context" not in request.fixturenames:
        yield
        return
    context = request.getfixturevalue("context")
    seen: list[str] = []
    context.on("request", lambda r: seen.append(r.url))
    yield
    offsite = [
        u for u in seen if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).hostname != "127.0.0.1"
    ]
    assert not offsite, f"requests to other hosts: {offsite}"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """On CI a skipped test is a failure: a missing browser never turns the suite green."""
    if os.environ.get("CI") != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped:
        reporter.write_line(f"CI=true: {skipped} test(s) were skipped; failing the run", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED

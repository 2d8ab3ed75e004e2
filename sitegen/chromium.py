"""How the tests and benches start Debian's Chromium: headless, quiet, and unable
to reach any host but the local server (stack notes: without the background
flags Chromium calls Google hosts)."""

EXECUTABLE = "/usr/bin/chromium"

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Any host but the test server fails to resolve: nothing can leave.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def args_reaching(*hosts: str) -> list[str]:
    """ARGS, with these loopback addresses reachable too (the event kit's test network)."""
    rule = "--host-resolver-rules=MAP * ~NOTFOUND, " + ", ".join(f"EXCLUDE {h}" for h in ("127.0.0.1", *hosts))
    return [rule if a.startswith("--host-resolver-rules=") else a for a in ARGS]

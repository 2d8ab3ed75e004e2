"""The site's public address: what handouts print and encode in their QR code.

A build made without SITE_URL, or with an address that only works on this machine or
its local network, has no public address: its sheets print no QR code and no address
(a sheet that sends phones to 127.0.0.1 is a dead sheet). The build says so on stderr
(not as a MkDocs warning: strict builds keep passing); PD_REQUIRE_SITE_URL=1, the
deployment switch, makes it an error.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from urllib.parse import urlparse

from mkdocs.exceptions import PluginError

REQUIRE = "PD_REQUIRE_SITE_URL"
LOCAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".lan", ".home.arpa")


def public_url(site_url: str | None) -> str | None:
    """`site_url` with one trailing slash, or None when it is not reachable from the public internet."""
    if not site_url:
        return None
    parts = urlparse(site_url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return None
    if host == "localhost" or host.endswith(LOCAL_NAMES):
        return None
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return site_url.rstrip("/") + "/"
    if ip.is_private or ip.is_loopback or ip.is_unspecified or ip.is_link_local:
        return None
    return site_url.rstrip("/") + "/"


def announce(site_url: str | None, public: str | None) -> None:
    if public:
        return
    message = (
        f"SITE_URL is {'unset' if not site_url else repr(site_url)}: this build has no public address, "
        "so its handouts print no QR code and no address. Set SITE_URL=https://... to the address "
        f"the site is served from; {REQUIRE}=1 makes this an error (use it when deploying)."
    )
    if os.environ.get(REQUIRE) == "1":
        raise PluginError(message)
    print(f"note: {message}", file=sys.stderr, flush=True)

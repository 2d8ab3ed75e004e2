"""The built site under test, and the day it was built "as of".

The build takes its "today" from pdlogic.clock (PD_TODAY or the real date) and writes
it into the guide's page data. Tests that compare what a page says, or what the engine
in the browser answers, with pdlogic in CPython ask pdlogic on that same day, and pin
the browser's clock to it: a site built as of one day is never checked by an engine
living on another.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from functools import cache
from pathlib import Path

from playwright.sync_api import BrowserContext

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("PD_SITE_DIR") or ROOT / "site")
PAGE_DATA = re.compile(r'<script type="application/json" id="pd-data">(.*?)</script>', re.S)


@cache
def as_of(site: Path = SITE) -> dt.date:
    """The build's "today", as the guide page carries it."""
    page = (site / "guide" / "index.html").read_text(encoding="utf-8")
    found = PAGE_DATA.search(page)
    assert found, f"{site}/guide/index.html has no page data"
    return dt.date.fromisoformat(json.loads(found.group(1))["built"])


def pin_clock(context: BrowserContext, day: dt.date) -> None:
    """The browser's clock starts at noon on `day` and runs on from there: the device date the
    guide reads and hands to the engine. (A clock that stands still would stall every timer
    that waits for time to pass, such as the search box's debounce.)"""
    context.clock.install(time=dt.datetime.combine(day, dt.time(12)))
    context.clock.resume()

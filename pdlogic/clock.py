"""What day it is, asked in one place.

The build (what the pages and handouts say), the command line and the tests take
"today" from here: the real date, unless PD_TODAY=YYYY-MM-DD pins it. A build "as
of" a day is then reproducible, and the suite can run as if it were two years
later. In a reader's browser the page passes its own (the device's) date to the
engine; nothing there reads the environment.
"""

from __future__ import annotations

import datetime as dt
import os

ENV = "PD_TODAY"


class ClockError(ValueError):
    """PD_TODAY is set but is not a date."""


def today() -> dt.date:
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ClockError(f"{ENV}={raw!r} is not a date: expected YYYY-MM-DD, e.g. {ENV}=2028-12-01") from None

"""Run the same way in CPython and in Pyodide: one short digest per fact set.

Reads PARITY_INPUT (a JSON list of {"policy", "facts"}) and PARITY_TODAY (ISO
date) from the globals it is run with; leaves PARITY_OUTPUT, a JSON list of
digests of each result (and of the next question), or of the error raised.
"""

import datetime
import hashlib
import json

import pdlogic


def digest(policy, facts, today):
    try:
        result = pdlogic.evaluate(facts, policy, today=today).to_dict()
        text = json.dumps([result, pdlogic.next_question(facts, policy)], sort_keys=True)
    except Exception as exc:  # the error itself must be the same in both runtimes
        text = f"{type(exc).__name__}: {exc}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]


_today = datetime.date.fromisoformat(PARITY_TODAY)  # noqa: F821 (given by the caller)
PARITY_OUTPUT = json.dumps([digest(i["policy"], i["facts"], _today) for i in json.loads(PARITY_INPUT)])  # noqa: F821

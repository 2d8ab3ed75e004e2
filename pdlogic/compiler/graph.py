"""The question graph: every edge a reader can take, per policy.

The answer space is far too large to enumerate (dozens of facts, three answers
each), but only the facts that some question's condition tests can change which
question comes next. So states are explored with every other fact set to one
representative answer: that walks every edge of the graph exactly, and gives
the parity set the page script is checked against.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import product
from typing import Any

from .. import conditions
from ..questions import next_question

RESULT = "result"


@dataclass
class PolicyGraph:
    nodes: list[str] = field(default_factory=list)
    # (from question, answer label, to question or RESULT) -> one example state
    edges: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)
    states: list[dict[str, Any]] = field(default_factory=list)


def routing_facts(data: dict[str, Any]) -> set[str]:
    return {f for q in data["questions"] for f in conditions.facts_used(q["when"])}


def answers(data: dict[str, Any], question: dict[str, Any], routing: set[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each distinguishable answer to a question: (label, facts it sets)."""
    if question["kind"] != "multi":
        (fact,) = question["facts"]
        for a in question["answers"]:
            yield str(a["value"]).lower(), {fact: a["value"]}
        yield "unknown", {fact: None}
        return
    facts = question["facts"]
    yield "unknown", dict.fromkeys(facts)
    varying = [f for f in facts if f in routing]
    for values in product((True, False), repeat=len(varying)):
        chosen = dict(zip(varying, values, strict=True))
        label = "+".join(f for f, v in chosen.items() if v) or "none"
        yield label, {f: chosen.get(f, False) for f in facts}


def explore(data: dict[str, Any]) -> dict[str, PolicyGraph]:
    routing = routing_facts(data)
    by_id = {q["id"]: q for q in data["questions"]}
    # What can still change the route once a question is reached: the facts that
    # the conditions of the questions after it test. Questions before it are
    # answered or skipped for good (conditions only look back), so two states
    # that agree on these facts have the same future and the second is not walked
    # again. This keeps every edge and every node while visiting far fewer states.
    later: dict[str | None, tuple[str, ...]] = {None: tuple(sorted(routing))}
    for i, q in enumerate(data["questions"]):
        later[q["id"]] = tuple(
            sorted({f for r in data["questions"][i + 1 :] for f in conditions.facts_used(r["when"])})
        )
    graphs: dict[str, PolicyGraph] = {}
    for policy in data["policy_order"]:
        graph = PolicyGraph()
        seen: set[tuple[Any, ...]] = set()
        stack: list[dict[str, Any]] = [{}]
        while stack:
            state = stack.pop()
            qid = next_question(data, state, policy)
            key = (qid, *(state.get(f) for f in later[qid]))
            if key in seen:
                continue
            seen.add(key)
            graph.states.append(state)
            if qid is None:
                continue
            if qid not in graph.nodes:
                graph.nodes.append(qid)
            question = by_id[qid]
            # An answer that no later condition tests cannot change the route:
            # every such answer gets its edge, but only the first is walked on.
            routes = any(f in routing for f in question["facts"])
            for i, (label, setting) in enumerate(answers(data, question, routing)):
                after = {**state, **setting}
                target = next_question(data, after, policy) or RESULT
                graph.edges.setdefault((qid, label, target), after)
                if routes or i == 0:
                    stack.append(after)
        graphs[policy] = graph
    return graphs


def parity_set(data: dict[str, Any]) -> list[dict[str, Any]]:
    """For every state the walk reaches: the facts, the policy and the next question."""
    out = []
    for policy, graph in explore(data).items():
        for state in graph.states:
            out.append({"policy": policy, "facts": state, "next": next_question(data, state, policy)})
    return out


# The picture's own words; everything else comes from the data in the same language.
WORDS = {
    "en": {
        "true": "yes",
        "false": "no",
        "unknown": "not sure",
        "none": "none of these",
        "any": "any answer",
        "and": " and ",
        "result": "Your result",
    },
    "es": {
        "true": "sí",
        "false": "no",
        "unknown": "no sé",
        "none": "ninguna de estas",
        "any": "cualquier respuesta",
        "and": " y ",
        "result": "Su resultado",
    },
}


def dot(data: dict[str, Any], policy: str | None = None, lang: str = "en") -> str:
    """Graphviz text with stable node ids (q_<question id>, result), edges merged
    across policies unless one is given; labels in `lang`."""
    words_of = WORDS[lang]
    graphs = explore(data)
    chosen = [policy] if policy else list(graphs)
    labels = {q["id"]: q["summary_label"][lang] for q in data["questions"]}
    by_id = {q["id"]: q for q in data["questions"]}
    routing = routing_facts(data)
    lines = [
        "digraph questions {",
        '  graph [rankdir=TB, fontname="sans-serif", bgcolor="transparent"];',
        '  node [shape=box, style="rounded", fontname="sans-serif"];',
        '  edge [fontname="sans-serif", fontsize=10];',
    ]
    nodes: list[str] = []
    edges: dict[tuple[str, str], set[str]] = {}
    for pid in chosen:
        for n in graphs[pid].nodes:
            if n not in nodes:
                nodes.append(n)
        for src, label, dst in graphs[pid].edges:
            edges.setdefault((src, dst), set()).add(label)
    order = [q["id"] for q in data["questions"]]
    for n in sorted(nodes, key=order.index):
        lines.append(f'  q_{n.replace("-", "_")} [id="q_{n}", label="{_esc(labels[n])}"];')
    lines.append(f'  result [id="q_result", label="{_esc(words_of["result"])}", shape=doubleoctagon];')
    for (src, dst), answer_labels in sorted(edges.items()):
        target = "result" if dst == RESULT else f"q_{dst.replace('-', '_')}"
        words = sorted({_plain(data, a, lang) for a in answer_labels})
        every = {label for label, _ in answers(data, by_id[src], routing)}
        text = words_of["any"] if answer_labels >= every or len(words) > 3 else ", ".join(words)
        lines.append(f'  q_{src.replace("-", "_")} -> {target} [id="e_{src}__{dst}", label="{_esc(text)}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _plain(data: dict[str, Any], label: str, lang: str = "en") -> str:
    """An answer id as a reader would say it, for the picture's edge labels."""
    if label in ("true", "false", "unknown", "none"):
        return WORDS[lang][label]
    if label in data["stages"]:
        return data["stages"][label]["label"][lang].lower()
    return WORDS[lang]["and"].join(
        data["facts"][f]["label"][lang].lower() if f in data["facts"] else f.replace("_", " ") for f in label.split("+")
    )


def _esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')

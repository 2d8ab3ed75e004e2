"""What each section of decision_tree/ may hold. One section, one kind of thing,
so a legal reviewer finds and changes one fact in one place."""

from __future__ import annotations

from typing import Any

from .schema import (
    Ctx,
    Validator,
    Where,
    any_scalar,
    boolean,
    condition,
    date,
    identifier,
    integer,
    listof,
    mapping,
    one_of,
    ref,
    string,
    table,
    text,
    typename,
    where_of,
)

sources_min1 = listof(ref("sources"), min_items=1)


def document_title(value: Any, ctx: Ctx, at: Where) -> Any:
    """A document's own title is a name, the same in every language (one string). A document
    with no title of its own gets our description of it, which is translated (a text)."""
    return string(value, ctx, at) if isinstance(value, str) else text(value, ctx, at)


conditional_rules = (listof(mapping({"id": ref("warnings"), "when": (condition, None)})), [])


def with_applies(fields: dict[str, Any]) -> Validator:
    """A mapping whose optional `when` comes with `applies`: the plain phrase a reader sees on
    a page ("If a lawyer represents the person"), never the condition's logic."""
    check = mapping(fields)

    def paired(value: Any, ctx: Ctx, at: Where) -> Any:
        out = check(value, ctx, at)
        if out and (out.get("when") is None) != (out.get("applies") is None):
            key = "when" if out.get("when") is not None else "applies"
            ctx.error(
                where_of(value, ctx, key=key, fallback=at),
                "`when` and `applies` go together (`applies` says in plain words when this applies)",
            )
        return out

    return paired


# An option's warnings are listed on the options-by-stage pages.
option_warnings = (
    listof(with_applies({"id": ref("warnings"), "when": (condition, None), "applies": (text, None)})),
    [],
)


def urgency(value: Any, ctx: Ctx, at: Where) -> Any:
    """1 = act now, 2 = soon, 3 = know this: orders what the reader sees first."""
    if isinstance(value, bool) or value not in (1, 2, 3):
        ctx.error(at, f"expected an urgency of 1 (act now), 2 (soon) or 3 (know this), got {typename(value)}")
        return 3
    return value


# The law a warning or deadline rests on: it applies under a policy only if one of these was
# (or, past its last verified day, may still be) in force while the policy was.
law = (listof(ref("sources")), [])

STATES = (
    "in_force",
    "rescinded",
    "superseded",
    "enjoined",
    "vacated",
    "reinstated",
    "not_applied",
    "reversed",
    "proposed",
    "withdrawn",
    "published",
    "pending",
)
SOURCE_KINDS = (
    "constitution",
    "memo",
    "executive_order",
    "court_decision",
    "web_page",
    "press_release",
    "letter",
    "practice_advisory",
    "law_firm_note",
    "policy_manual",
    "regulation",
    "statute",
    "proposed_rule",
    "form",
    "email_directive",
    "litigation",
    "announcement",
    "research_notes",
)


# From this day on, every status entry says when it was written into the registry.
RECORDED_FROM = "2025-01-01"

_source_fields = mapping(
    {
        "title": document_title,
        "author": (string, None),
        "office": string,
        "date": date(partial=True),
        "date_confirmed": (boolean, True),
        "kind": one_of(*SOURCE_KINDS),
        "cite": string,
        "url": (string, None),
        "summary": text,
        "supports": (listof(ref("options")), []),
        "known_from": (listof(ref("sources")), []),
        "status": listof(
            mapping(
                {
                    "since": date(partial=True),
                    "state": one_of(*STATES),
                    "by": (ref("sources"), None),
                    "confirmed": boolean,
                    "note": text,
                    # The day this entry was written into the registry (the "What
                    # changed" page lists it); required from 2025 on (source_entry below).
                    "recorded": (date(), None),
                }
            ),
            min_items=1,
        ),
        "verified_through": date(partial=True),
        "verified_by": (listof(ref("sources")), []),
        "last_reviewed": date(),
    }
)


def source_entry(value: Any, ctx: Ctx, at: Where) -> Any:
    doc = _source_fields(value, ctx, at)
    statuses = value.get("status") if hasattr(value, "get") else None
    for i, change in enumerate(doc.get("status") or []):
        here = where_of(statuses, ctx, index=i, fallback=at) if isinstance(statuses, list) else at
        recorded = change.get("recorded")
        since = str(change.get("since", ""))
        if recorded is None and since[:4].isdigit() and since >= RECORDED_FROM[: len(since)]:
            ctx.error(here, "a status entry from 2025 on needs `recorded: YYYY-MM-DD` (the day it was written here)")
        elif recorded is not None and isinstance(doc.get("last_reviewed"), str) and recorded > doc["last_reviewed"]:
            ctx.error(here, f"recorded {recorded} is after the entry's last_reviewed {doc['last_reviewed']}")
    return doc


SECTIONS = {
    "facts": table(
        mapping(
            {
                "type": one_of("bool", "int", "enum"),
                "choices": (listof(identifier, min_items=2), None),
                "min": (integer, None),
                "label": text,
                # A person's own acts or immigration violations: left out of a printed,
                # copied or linked result unless the reader chooses to include everything.
                "sensitive": (boolean, False),
            }
        )
    ),
    "questions": listof(
        mapping(
            {
                "id": identifier,
                "kind": one_of("single", "multi", "count"),
                "facts": listof(ref("facts"), min_items=1),
                "when": (condition, None),
                "summary_label": text,
                "text": text,
                # The same words for a reader asking about someone else (the first question,
                # asking_for, sets the voice; a professional reads them too). Never other facts.
                "text_someone_else": (text, None),
                "why": text,
                "help": (text, None),
                "help_someone_else": (text, None),
                "answers": (
                    listof(
                        mapping(
                            {
                                "value": any_scalar,
                                "label": text,
                                "label_someone_else": (text, None),
                                "help": (text, None),
                            }
                        )
                    ),
                    None,
                ),
                "items": (
                    listof(
                        mapping(
                            {
                                "fact": ref("facts"),
                                "label": text,
                                "label_someone_else": (text, None),
                                "help": (text, None),
                            }
                        )
                    ),
                    None,
                ),
                "none_label": (text, None),
                "unknown_label": text,
            }
        ),
        min_items=1,
    ),
    "stages": table(
        mapping(
            {
                "label": text,
                "summary": text,
                "last_reviewed": date(),
                "options": listof(ref("options"), min_items=1),
            }
        )
    ),
    "options": table(
        mapping(
            {
                "title": text,
                "summary": text,
                "decided_by": listof(ref("deciders"), min_items=1),
                "available_when": (condition, None),
                "how_to_ask": text,
                "does_not_give": text,
                "evidence": (text, None),
                "sources": sources_min1,
                "rules": listof(
                    mapping(
                        {
                            "id": identifier,
                            "when": condition,
                            # When the rule holds, as a plain phrase for the options pages.
                            "applies": text,
                            "sources": sources_min1,
                            "explain": text,
                            # A document (a court order, say) that, while in force under the
                            # policy, keeps this rule's guidance from counting, unless `unless` holds.
                            "barred_by": (
                                listof(mapping({"source": ref("sources"), "unless": (condition, None)})),
                                [],
                            ),
                        }
                    )
                ),
                "warnings": option_warnings,
                # Where no guidance in the registry ties this option to particular facts,
                # say so instead of inventing a rule; coverage reports it by this reason.
                "no_rule_reason": (text, None),
            }
        )
    ),
    "policies": table(
        mapping(
            {
                "title": text,
                "short": text,
                "summary": text,
                "source": ref("sources"),
                "sources": sources_min1,
                "categories": (
                    listof(
                        mapping(
                            {
                                "id": identifier,
                                "label": text,
                                "when": condition,
                                "exception_authority": listof(ref("authorities")),
                                "sources": sources_min1,
                            }
                        ),
                        min_items=1,
                    ),
                    None,
                ),
                "escalation": listof(ref("escalation_steps")),
                "how_to_ask": listof(mapping({"text": text, "as_of": date(partial=True), "sources": sources_min1})),
                "warnings": conditional_rules,
            }
        )
    ),
    "escalation_steps": table(mapping({"title": text, "summary": text, "sources": sources_min1})),
    "tactics": table(
        mapping(
            {
                "title": text,
                "summary": text,
                "risks": (text, None),
                "when": (condition, None),
                "sources": sources_min1,
                "warnings": conditional_rules,
            }
        )
    ),
    "checklist": table(
        with_applies(
            {
                "title": text,
                "summary": text,
                "when": (condition, None),
                "applies": (text, None),
                "sources": sources_min1,
            }
        )
    ),
    "detention": table(mapping({"title": text, "summary": text, "when": (condition, None), "sources": sources_min1})),
    "checklist_pages": table(
        mapping(
            {
                "title": text,
                "intro": text,
                "audience": one_of("public", "organizer", "practitioner"),
                "last_reviewed": date(),
                "items": listof(
                    mapping(
                        {
                            "checklist": (ref("checklist"), None),
                            "text": (text, None),
                            "sources": (listof(ref("sources")), []),
                        }
                    ),
                    min_items=1,
                ),
            }
        )
    ),
    "warnings": table(
        mapping(
            {
                "title": text,
                "text": text,
                "urgency": urgency,
                "when": (condition, None),
                "law": law,
                "sources": listof(ref("sources")),
            }
        )
    ),
    "deadlines": table(
        mapping(
            {
                "title": text,
                "text": text,
                "days": integer,
                "starts": text,
                "urgency": urgency,
                "when": condition,
                "law": law,
                "sources": sources_min1,
            }
        )
    ),
    # `short`: the name on a result's one-line option ("Who decides: ICE (ERO)"); `label` in full.
    "deciders": table(mapping({"label": text, "short": (text, None), "summary": (text, None)})),
    "authorities": table(mapping({"label": text})),
    "sources": table(source_entry),
    "contacts": table(
        mapping(
            {
                "label": text,
                "kind": one_of("phone", "email", "web", "address"),
                "value": string,
                "hours": (text, None),
                "use": text,
                "source": ref("sources"),
                "published": date(partial=True),
                "confirmed": boolean,
                # The day an address was read from a stored copy of its page (issue 15: no live check).
                "checked": (date(), None),
            }
        )
    ),
}

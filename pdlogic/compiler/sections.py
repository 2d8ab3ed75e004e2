"""What each section of decision_tree/ may hold. One section, one kind of thing,
so a legal reviewer finds and changes one fact in one place."""

from __future__ import annotations

from typing import Any

from .schema import (
    Ctx,
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
)

sources_min1 = listof(ref("sources"), min_items=1)


def document_title(value: Any, ctx: Ctx, at: Where) -> Any:
    """A document's own title is a name, the same in every language (one string). A document
    with no title of its own gets our description of it, which is translated (a text)."""
    return string(value, ctx, at) if isinstance(value, str) else text(value, ctx, at)


conditional_rules = (listof(mapping({"id": ref("warnings"), "when": (condition, None)})), [])

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
    "proposed_rule",
    "form",
    "email_directive",
    "litigation",
    "announcement",
    "research_notes",
)

SECTIONS = {
    "facts": table(
        mapping(
            {
                "type": one_of("bool", "int", "enum"),
                "choices": (listof(identifier, min_items=2), None),
                "min": (integer, None),
                "label": text,
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
                "why": text,
                "help": (text, None),
                "answers": (listof(mapping({"value": any_scalar, "label": text, "help": (text, None)})), None),
                "items": (listof(mapping({"fact": ref("facts"), "label": text, "help": (text, None)})), None),
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
                            "sources": sources_min1,
                            "explain": text,
                        }
                    )
                ),
                "warnings": conditional_rules,
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
            }
        )
    ),
    "checklist": table(mapping({"title": text, "summary": text, "when": (condition, None), "sources": sources_min1})),
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
                "when": (condition, None),
                "sources": listof(ref("sources")),
            }
        )
    ),
    "deciders": table(mapping({"label": text, "summary": (text, None)})),
    "authorities": table(mapping({"label": text})),
    "sources": table(
        mapping(
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
                        }
                    ),
                    min_items=1,
                ),
                "verified_through": date(partial=True),
                "verified_by": (listof(ref("sources")), []),
                "last_reviewed": date(),
            }
        )
    ),
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
            }
        )
    ),
}

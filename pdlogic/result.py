"""The shape of an answer, per ../shared/pdlogic-contract.md (extended, never renamed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class OptionResult:
    id: str
    recommended: bool
    decided_by: list[str]
    sources: list[str]
    warnings: list[str] = field(default_factory=list)
    # Which rules the facts met, the facts each tested, and which of its
    # sources were in force under the policy: why it is (not) recommended.
    explain: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "recommended": self.recommended,
            "decided_by": list(self.decided_by),
            "sources": list(self.sources),
            "warnings": list(self.warnings),
            "explain": [{k: list(v) if isinstance(v, list) else v for k, v in e.items()} for e in self.explain],
        }


@dataclass(frozen=True)
class Result:
    policy: str
    stage: str | None
    priority: str | None
    exception_authority: list[str]
    options: list[OptionResult]
    escalation: list[str]
    tactics: list[str]
    checklist: list[str]
    detention: list[str]
    sources: list[str]
    needs: list[str]
    warnings: list[str]
    # The time limits that apply (contract "Additions ... 2025-2026"), most urgent first.
    deadlines: list[str] = field(default_factory=list)
    # Warnings a tactic carries for these facts (tactic id -> warning ids; only non-empty).
    tactic_warnings: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        # Written out rather than dataclasses.asdict, whose deep copy took most of
        # evaluate()'s time; the lists are still copied, so the dict is the caller's own.
        return {
            "policy": self.policy,
            "stage": self.stage,
            "priority": self.priority,
            "exception_authority": list(self.exception_authority),
            "options": [o.to_dict() for o in self.options],
            "escalation": list(self.escalation),
            "tactics": list(self.tactics),
            "checklist": list(self.checklist),
            "detention": list(self.detention),
            "sources": list(self.sources),
            "needs": list(self.needs),
            "warnings": list(self.warnings),
            "deadlines": list(self.deadlines),
            "tactic_warnings": {k: list(v) for k, v in self.tactic_warnings.items()},
        }

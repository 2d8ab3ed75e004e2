"""The shape of an answer, per ../shared/pdlogic-contract.md (extended, never renamed)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

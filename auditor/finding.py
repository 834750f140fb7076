"""One finding type and one location system for every check."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


@dataclass(frozen=True)
class Location:
    """Where a finding applies; every field optional. start/end are offsets in Report.text."""

    section: str | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None
    start: int | None = None
    end: int | None = None
    page: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Hit:
    """What a rule yields: the message and where; the engine adds code and severity."""

    message: str
    location: Location = field(default_factory=Location)
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    location: Location = field(default_factory=Location)
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "severity": self.severity.value, "message": self.message}
        location = self.location.to_json()
        if location:
            data["location"] = location
        if self.evidence:
            data["evidence"] = self.evidence
        return data

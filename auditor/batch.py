"""A batch: the reports of one run, the configuration they are audited with, and the analyses
computed once over all of them (the reuse analysis), kept on the batch — never in a module
global — so that two runs in one process cannot see each other's parameters or results."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Hashable, Iterator

from auditor.config import Config
from auditor.model import Report


@dataclass(eq=False)
class Batch:
    """What a corpus rule is given: the reports (in batch order) and the run's configuration."""

    reports: list[Report]
    config: Config = field(default_factory=Config)
    _views: dict[Hashable, Any] = field(default_factory=dict, repr=False)

    def view(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """An analysis of the whole batch, built once by `build()` per key (the key names the
        analysis and every parameter it depends on)."""
        if key not in self._views:
            self._views[key] = build()
        return self._views[key]

    def __iter__(self) -> Iterator[Report]:
        return iter(self.reports)

    def __len__(self) -> int:
        return len(self.reports)

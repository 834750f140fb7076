"""The catalogue of rules: permanent codes, names, default severities, documentation.

A rule is a small pure function of the parsed Report (or, for corpus rules, of the batch)
that yields Hits. Its docstring is its documentation: an English first line for developers,
then Chinese sections 「问题」「为何重要」「示例」「依据」 that `auditor explain` prints.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from auditor.finding import Hit, Severity

FAMILIES = {
    "IN": "读取", "ST": "结构", "TA": "表格", "NA": "内容要素", "CO": "一致性", "TX": "文字", "RE": "雷同", "HI": "跨年度",
}
_SECTION = re.compile(r"^\s*(问题|为何重要|示例|依据)[：:]\s*", re.M)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    func: Callable[..., Iterable[Hit]]
    corpus: bool = False
    documentation: dict[str, str] | None = None  # for data-driven rules, whose doc is in their data file

    @property
    def family(self) -> str:
        return self.code[:2]

    @property
    def doc(self) -> dict[str, str]:
        """The docstring's Chinese sections: 问题, 为何重要, 示例, 依据."""
        if self.documentation is not None:
            return self.documentation
        text = self.func.__doc__ or ""
        parts = _SECTION.split(text)
        found = {parts[i]: _dedent(parts[i + 1]) for i in range(1, len(parts) - 1, 2)}
        return found

    @property
    def summary(self) -> str:
        return self.doc.get("问题", "").split("\n")[0]


def _dedent(text: str) -> str:
    return "\n".join(line.strip() for line in text.strip().splitlines())


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: str, *, corpus: bool = False, documentation: dict | None = None):
    """Register a rule under a permanent code. A code is never reused for another meaning."""

    def register(func):
        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        RULES[code] = Rule(code, name, Severity(severity), func, corpus, documentation)
        return func

    return register


PREPARERS: dict[str, Callable[[list], None]] = {}


def preparer(family: str):
    """Register a function that readies a chunk of reports for a family's rules at once (e.g.
    classifies all their sentences in one call); it runs only when a rule of the family is on,
    and may only fill caches: each rule must still work without it."""

    def register(func):
        PREPARERS[family] = func
        return func

    return register


def load_rules() -> dict[str, Rule]:
    """Import every check module so that their rules are registered; return the catalogue."""
    import auditor.checks  # noqa: F401  (registers on import)
    import auditor.corpus.rules  # noqa: F401

    return dict(sorted(RULES.items()))

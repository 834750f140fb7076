"""Configuration: select, ignore and re-grade rules by code or prefix; the baseline file.

Read from `[tool.auditor]` in ./pyproject.toml, or from a TOML file given with --config
(its top level, or its own [tool.auditor] table):

    select = ["TA", "ST1"]          # only these codes/prefixes (default: all)
    ignore = ["TX"]                 # never these
    severity = { TA206 = "warning" } # re-grade
    baseline = "baseline.json"      # accepted findings

    [tool.auditor.reuse]            # parameters of the RE checks (auditor/corpus/parameters.py)
    min_chars = 50
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from auditor.corpus.parameters import ReuseParameters
from auditor.finding import Severity


class ConfigError(Exception):
    """The configuration cannot be used (exit status 2); the message is in Chinese."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    baseline: str | None = None
    reuse: ReuseParameters = field(default_factory=ReuseParameters)

    def enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)

    def severity_of(self, code: str, default: Severity) -> Severity:
        matches = [p for p in self.severity if code.startswith(p)]
        return self.severity[max(matches, key=len)] if matches else default


def load_config(path: Path | None, known_codes: set[str]) -> Config:
    if path is None:
        candidate = Path("pyproject.toml")
        if not candidate.exists():
            return Config()
        data = _read(candidate).get("tool", {}).get("auditor", {})
    else:
        if not path.exists():
            raise ConfigError(f"配置文件不存在：{path}")
        data = _read(path)
        data = data.get("tool", {}).get("auditor", data)
    return _build(data, known_codes)


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"配置文件 {path} 格式错误：{error}") from error


def _build(data: dict, known_codes: set[str]) -> Config:
    def prefixes(name: str) -> tuple[str, ...]:
        values = data.get(name, [])
        if isinstance(values, str) or not all(isinstance(v, str) for v in values):
            raise ConfigError(f"配置项 {name} 应为代码或前缀的列表，例如 [\"TA\", \"ST104\"]")
        for value in values:
            if not any(code.startswith(value) for code in known_codes):
                raise ConfigError(f"配置项 {name} 中的「{value}」不对应任何检查代码")
        return tuple(values)

    severity = {}
    for code, value in data.get("severity", {}).items():
        try:
            severity[code] = Severity(value)
        except ValueError as error:
            raise ConfigError(f"代码 {code} 的级别「{value}」无效，应为 error、warning 或 info") from error
    baseline = data.get("baseline")
    try:
        reuse = ReuseParameters.from_config(data.get("reuse", {}))
    except ValueError as error:
        raise ConfigError(str(error)) from error
    return Config(prefixes("select"), prefixes("ignore"), severity, baseline if isinstance(baseline, str) else None,
                  reuse)

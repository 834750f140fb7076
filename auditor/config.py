"""Configuration: select, ignore and re-grade rules by code or prefix; the baseline file.

Read from `[tool.auditor]` in ./pyproject.toml, or from a TOML file given with --config
(its top level, or its own [tool.auditor] table):

    select = ["TA", "ST1"]          # only these codes/prefixes (default: all)
    ignore = ["TX"]                 # never these
    severity = { TA206 = "warning" } # re-grade
    baseline = "baseline.json"      # accepted findings

    [tool.auditor.reuse]            # parameters of the RE checks (auditor/corpus/parameters.py)
    min_chars = 50

    [tool.auditor.limits]           # per-file limits (auditor/limits.py)
    max_pages = 300
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from auditor.corpus.parameters import ReuseParameters
from auditor.finding import Severity
from auditor.limits import Limits


class ConfigError(Exception):
    """The configuration cannot be used (exit status 2); the message is in Chinese."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    baseline: str | None = None
    reuse: ReuseParameters = field(default_factory=ReuseParameters)
    limits: Limits = field(default_factory=Limits)

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


def with_command_line(config: Config, known_codes: set[str], select: list[str], extend_select: list[str],
                      ignore: list[str], severity: list[str]) -> Config:
    """The configuration with the command line's rule choices laid over it, as ruff does:
    --select replaces the configured selection, --extend-select adds to it, --ignore adds
    to the ignored, --severity CODE=LEVEL re-grades. Values may be comma-separated."""
    def codes(name: str, values: list[str]) -> tuple[str, ...]:
        items = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
        _check_codes(name, items, known_codes)
        return items

    chosen = codes("--select", select) or config.select
    extended = codes("--extend-select", extend_select)
    grades = dict(config.severity)
    for item in (v for value in severity for v in value.split(",") if v.strip()):
        code, _, level = item.partition("=")
        _check_codes("--severity", (code.strip(),), known_codes)
        grades[code.strip()] = _severity(code.strip(), level.strip())
    return replace(config, select=chosen + extended if chosen else (), ignore=config.ignore + codes("--ignore", ignore),
                   severity=grades)


def _check_codes(name: str, values, known_codes: set[str]) -> None:
    for value in values:
        if not any(code.startswith(value) for code in known_codes):
            raise ConfigError(f"{name} 中的「{value}」不对应任何检查代码")


def _severity(code: str, value: str) -> Severity:
    try:
        return Severity(value)
    except ValueError as error:
        raise ConfigError(f"代码 {code} 的级别「{value}」无效，应为 error、warning 或 info") from error


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
        _check_codes(f"配置项 {name}", values, known_codes)
        return tuple(values)

    severity = {code: _severity(code, value) for code, value in data.get("severity", {}).items()}
    baseline = data.get("baseline")
    try:
        reuse = ReuseParameters.from_config(data.get("reuse", {}))
        limits = Limits.from_config(data.get("limits", {}))
    except ValueError as error:
        raise ConfigError(str(error)) from error
    return Config(prefixes("select"), prefixes("ignore"), severity, baseline if isinstance(baseline, str) else None,
                  reuse, limits)

"""The jinja2 environment of the HTML writers: package templates, autoescape always on.

Every string from a report (text, names, messages, evidence) reaches the page escaped, so a
report that contains markup or script shows it as text and nothing runs.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined


@cache
def environment() -> Environment:
    return Environment(loader=PackageLoader("auditor.output", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def write_page(path: Path, template: str, **context) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(environment().get_template(template).render(**context), encoding="utf-8")

"""The jinja2 environment of the HTML writers: package templates, autoescape always on.

Every string from a report (text, names, messages, evidence) reaches the page escaped, so a
report that contains markup or script shows it as text and nothing runs; bidirectional
controls (which could make a name or a number read backwards) are shown as 「[U+202E]」.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_VISIBLE = {ord(c): f"[U+{ord(c):04X}]" for c in BIDI_CONTROLS}


def visible_controls(value):
    """What a template prints, bidirectional controls made visible (markup stays markup)."""
    if isinstance(value, Markup):
        return Markup(str(value).translate(_VISIBLE))
    if isinstance(value, str):
        return value.translate(_VISIBLE)
    return value


@cache
def environment() -> Environment:
    return Environment(loader=PackageLoader("auditor.output", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                       finalize=visible_controls)


def write_page(path: Path, template: str, **context) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(environment().get_template(template).render(**context), encoding="utf-8")

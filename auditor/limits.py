"""Per-file limits: how much of one file the auditor reads before it calls the file unreadable.

One definition, configurable from `[tool.auditor.limits]` (`Config.limits`); the limits travel
with each call that reads (see `applied`), and each reader enforces those of its own format (the
dispatcher the bytes and characters, the PDF reader the pages, the Word reader the inflated
size, the table readers the cells, the cell reader the digits):

    [tool.auditor.limits]
    max_bytes = 52428800       # file size; larger files are IN001
    max_pages = 300            # PDF pages; more is IN001
    max_page_content_bytes = 1048576  # a PDF page's content, inflated; a larger page is skipped with a warning
    max_chars = 400000         # characters of text; the rest is cut off with a reader warning
    max_inflated_bytes = 104857600  # a Word package's parts, uncompressed (zip bombs); more is IN001
    max_table_cells = 100000   # positions of one document's tables (rows x columns, spans expanded)
    max_digits = 15            # digits of one count; longer numbers are unreadable cells
    seconds = 120              # per file, in a worker process (--jobs); a runaway file is IN001
    memory_mib = 1024          # per file, in a worker process

Light on purpose: the configuration module imports it.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields
from typing import Iterator


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 300
    max_page_content_bytes: int = 1024 * 1024
    max_chars: int = 400_000
    max_inflated_bytes: int = 100 * 1024 * 1024
    max_table_cells: int = 100_000
    max_digits: int = 15
    seconds: int = 120
    memory_mib: int = 1024

    @classmethod
    def from_config(cls, data: dict) -> "Limits":
        """From the `[tool.auditor.limits]` table; raises ValueError (message in Chinese)."""
        known = {f.name for f in fields(cls)}
        values = {}
        for key, value in data.items():
            if key not in known:
                raise ValueError(f"[tool.auditor.limits] 中没有参数「{key}」，可用参数：{'、'.join(sorted(known))}")
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ValueError(f"[tool.auditor.limits] 参数「{key}」应为正整数")
            values[key] = value
        return cls(**values)


# The limits of the reading in progress. Set by the entry points for the duration of one call
# (`read_document`/`read_report` given limits, the executor's per-file stage given the config,
# locally, in forked workers and on a Dask worker) and reset after it; a thread or task that set
# nothing reads the defaults. So two runs with different limits, one after the other or at once
# in two threads, never see each other's, and nothing is configured for the process.
_IN_FORCE: ContextVar[Limits] = ContextVar("auditor_limits", default=Limits())


def limits() -> Limits:
    """The limits of the reading in progress: those its entry point was given, else the defaults."""
    return _IN_FORCE.get()


@contextmanager
def applied(value: Limits | None) -> Iterator[Limits]:
    """Within the block, the readers of this thread (or task) enforce `value` (None: keep the
    limits in force, e.g. a reader called by an entry point that set them)."""
    if value is None:
        yield limits()
        return
    token = _IN_FORCE.set(value)
    try:
        yield value
    finally:
        _IN_FORCE.reset(token)

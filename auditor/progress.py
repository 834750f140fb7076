"""A progress bar on stderr for batches, quiet when stderr is not a terminal."""
from __future__ import annotations

import sys
from contextlib import contextmanager


@contextmanager
def progress_bar(total: int):
    if not sys.stderr.isatty() or total < 2:
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("审核中", total=total)
        yield lambda: progress.advance(task)

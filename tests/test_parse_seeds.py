"""The five seed reports parse to the right body, kind, year, sections and tables."""
from __future__ import annotations

import pytest

from auditor.parse import read_report

SEEDS = {
    "000_bf7841e87940ab5e.txt": ("封丘县居厢镇人民政府", 2022),
    "001_32c9a0a42e9b7f0e.txt": ("平昌关镇", 2021),
    "002_75550300a700e9da.txt": ("利通区上桥镇", 2022),
    "003_a2122541da2e1a50.txt": ("延津县司寨乡", 2023),
    "004_4cbf78b0bc6c4655.txt": ("樟树市中洲乡", 2022),
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_metadata_and_sections(seeds_dir, name):
    report = read_report(seeds_dir / name)
    agency, year = SEEDS[name]
    assert report.error is None
    assert report.agency == agency
    assert report.agency_kind == "township"
    assert report.year == year
    assert [s.number for s in report.sections] == list("一二三四五六")


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_tables_read_in_full(seeds_dir, name):
    report = read_report(seeds_dir / name)
    requests = report.tables["requests"]
    assert requests.ok, requests.reason
    rows = requests.json_values()["rows"]
    assert len(rows) == 25 and all(len(v) == 7 for v in rows.values())
    assert all(v == 0 for values in rows.values() for v in values)
    review = report.tables["review_litigation"]
    assert review.ok, review.reason
    assert sum(len(v) for v in review.json_values().values()) == 15
    assert report.tables["active"].ok
    assert report.template == "2021"


def test_seed_label_deviations_are_recorded(seeds_dir):
    deviations = {name: [n.data["printed"] for n in read_report(seeds_dir / name).notes if n.kind == "label-deviation"]
                  for name in SEEDS}
    assert any("其他法律法规禁止公开" in p for p in deviations["000_bf7841e87940ab5e.txt"])
    assert any("本年度止件数" in p for p in deviations["003_a2122541da2e1a50.txt"])
    assert deviations["002_75550300a700e9da.txt"] == []


def test_seed_duplicated_heading_and_debris_are_noted(seeds_dir):
    kinds_001 = {n.kind for n in read_report(seeds_dir / "001_32c9a0a42e9b7f0e.txt").notes}
    assert {"section-duplicate", "paragraph-duplicate"} <= kinds_001
    notes_004 = read_report(seeds_dir / "004_4cbf78b0bc6c4655.txt").notes
    assert any(n.kind == "artifact" and "_GoBack" in n.data["text"] for n in notes_004)


def test_section_offsets_point_at_headings(seeds_dir):
    report = read_report(seeds_dir / "003_a2122541da2e1a50.txt")
    for section in report.sections:
        heading = report.text[section.start:section.heading_end]
        assert heading.startswith(section.number)

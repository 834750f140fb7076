"""The audit JSON's element coverage and score breakdown: offsets instead of quoted sentences,
no label the rules or the scoring give; expanded again for the pages."""
from __future__ import annotations

import json
from pathlib import Path

from auditor.engine import audit
from auditor.output.audit_json import audit_to_json
from auditor.output.elements import compact_breakdown, compact_element, element_label, expand_breakdown, expand_element
from auditor.parse import read_report
from auditor.paths import expand_paths

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "sample"  # the demo round: Word, PDF, web pages, text


def _sample(count: int) -> list[str]:
    paths = expand_paths([str(SAMPLE)])[:count]
    assert len(paths) == count
    return paths


def _audited(paths):
    return audit([read_report(p) for p in paths])


def _check_round_trip(results):
    entries = 0
    for result in results:
        for entry in result.elements:
            text = result.report.text
            stored = compact_element(entry, text)
            expanded = expand_element(json.loads(json.dumps(stored, ensure_ascii=False)), text)
            if expanded["sentence"] != entry["sentence"]:  # left out: the sentence around a keyword match
                assert entry["by"] == "keyword" and entry["evidence"] in entry["sentence"]
                assert text[entry["start"] - entry["sentence"].index(entry["evidence"]):].startswith(entry["sentence"])
                expanded["sentence"] = entry["sentence"]
            assert expanded == entry
            assert "label" not in stored and "code" not in stored  # the element rule's own
            entries += 1
    return entries


def test_sample_batch_elements_round_trip_through_the_compact_form():
    results = _audited(_sample(25))
    assert _check_round_trip(results) > 100


def test_seed_and_real_elements_round_trip(seeds_dir, real_dir):
    paths = sorted(seeds_dir.glob("*.txt")) + sorted((real_dir / "excerpts").glob("*.txt"))[:40]
    results = _audited(paths)
    assert _check_round_trip(results) > 100


def test_json_quotes_no_sentence_that_its_offsets_give():
    results = _audited(_sample(10))
    data = audit_to_json(results)
    for result, report in zip(results, data["reports"]):
        text = result.report.text
        for entry in report["elements"]:
            if "start" in entry:
                quoted = text[entry["start"]:entry["end"]]
                assert entry.get("evidence") != quoted and entry.get("sentence") != quoted
            for aspect in entry.get("aspects", []):
                assert "sentence" not in aspect or aspect["sentence"] != text[aspect["start"]:aspect["end"]]
    full = sum(len(json.dumps(r.elements, ensure_ascii=False)) for r in results)
    stored = sum(len(json.dumps(r["elements"], ensure_ascii=False)) for r in data["reports"])
    assert stored < 0.6 * full


def test_what_cannot_be_derived_is_kept():
    entry = {"element": "fees", "label": "信息处理费", "code": "NA399", "status": "present", "by": "keyword",
             "evidence": "别处的话", "sentence": "不在文中的句子", "probability": None, "start": 2, "end": 4}
    stored = compact_element(entry, "本文一二三四")
    assert stored["evidence"] == "别处的话" and stored["sentence"] == "不在文中的句子" and stored["label"] == "信息处理费"
    assert expand_element(stored, "本文一二三四") == entry
    assert element_label({"element": "contact"}) == "联系方式"


def test_breakdown_labels_come_back_from_the_scoring():
    results = _audited(_sample(2))
    for result in results:
        stored = compact_breakdown(result.breakdown)
        assert all("label" not in p for p in stored["parts"])
        assert expand_breakdown(json.loads(json.dumps(stored, ensure_ascii=False))) == result.breakdown
    odd = {"total": 1, "parts": [{"part": "tables", "label": "别的名字", "weight": 30, "earned": 1, "detail": {}}]}
    assert compact_breakdown(odd) == odd and expand_breakdown(None) is None

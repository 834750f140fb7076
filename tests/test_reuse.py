"""The reuse analysis (RE601–RE603) on the sample batch, the seeds, and its contracts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.config import Config
from auditor.corpus import boilerplate, reuse
from auditor.corpus.parameters import ReuseParameters
from auditor.corpus.reuse import ReuseAnalysis, reuse_analysis
from auditor.engine import audit, run
from auditor.parse import read_report

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "formats"
MANIFEST = json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))
ENTRIES = {entry["id"]: entry for entry in MANIFEST["reports"]}
RE_ONLY = Config(select=("RE",))


def _planted(code: str) -> list[tuple[str, dict]]:
    return [(entry["id"], d) for entry in MANIFEST["reports"] for d in entry["defects"] if d["code"] == code]


@pytest.fixture(scope="module")
def txt_batch() -> dict[str, object]:
    return {entry["id"]: read_report(SAMPLE / entry["files"]["txt"]) for entry in MANIFEST["reports"]}


@pytest.fixture(scope="module")
def txt_findings(txt_batch):
    results = audit(list(txt_batch.values()), RE_ONLY)
    return {report_id: result.findings for report_id, result in zip(txt_batch, results)}


def test_planted_copies_are_found_with_both_spans(txt_batch, txt_findings):
    planted = _planted("RE601")
    assert len(planted) >= 4  # two pairs, each copy reported on both sides
    for report_id, defect in planted:
        other_id = defect["other_id"]
        this, other = txt_batch[report_id], txt_batch[other_id]
        found = [f for f in txt_findings[report_id] if f.code == "RE601"]
        assert len(found) == 1, [f.message for f in found]
        finding = found[0]
        evidence = finding.evidence
        assert evidence["other_source"] == other.source and evidence["other_agency"] == other.agency
        here = this.text[finding.location.start:finding.location.end]
        there = other.text[evidence["other_start"]:evidence["other_end"]]
        # the copy is lightly edited: each side names its own body, so the spans differ a little
        short_this, short_other = ENTRIES[report_id]["agency"], ENTRIES[other_id]["agency"]
        assert here != there and 0.85 <= evidence["similarity"] < 1
        assert len(here) >= 80 and len(there) >= 80 and evidence["chars"] == len(here)
        assert short_this not in there and short_other not in here


def test_no_reuse_alarm_between_clean_reports(txt_findings):
    planted = {report_id for report_id, _ in _planted("RE601")}
    alarms = [(report_id, f.message) for report_id, findings in txt_findings.items() for f in findings
              if f.code in ("RE601", "RE602") and report_id not in planted]
    assert not alarms


def test_repeated_narrative_is_reported_with_its_share(txt_batch, txt_findings):
    (report_id, defect), = _planted("RE603")
    found = [f for f in txt_findings[report_id] if f.code == "RE603"]
    assert len(found) == 1
    assert found[0].evidence["other_source"] == txt_batch[defect["other_id"]].source
    assert found[0].evidence["other_year"] == ENTRIES[defect["other_id"]]["year"]
    assert found[0].evidence["share"] >= 0.8
    others = [rid for rid, findings in txt_findings.items() for f in findings if f.code == "RE603" and rid != report_id]
    assert not others  # clean consecutive reports of one body repeat much less


def test_phrase_pools_are_boilerplate_by_share(txt_batch):
    """Sentences the generator gives many bodies are listed as boilerplate with their body counts."""
    analysis = ReuseAnalysis(list(txt_batch.values()), ReuseParameters())
    listed = analysis.to_json()["boilerplate"]
    assert listed and all(item["bodies"] >= analysis.boilerplate.min_bodies for item in listed)
    assert any("所有申请均在法定期限内予以答复" in item["text"] for item in listed)


def test_one_report_in_several_formats_is_one_document():
    """A batch of txt and pdf versions: versions are never paired with each other, and every
    version of a copying report gets its finding, located in its own text."""
    ids = ("d22", "d23", "s01", "s05")
    reports = [read_report(SAMPLE / ENTRIES[i]["files"][form]) for i in ids for form in ("txt", "pdf")]
    done = run(reports, RE_ONLY)
    results = done.results
    assert len(reuse_analysis(done.batch).documents) == len(ids)
    copies = {r.report.source: [f for f in r.findings if f.code == "RE601"] for r in results}
    for report in reports:
        found = copies[report.source]
        assert len(found) == (1 if Path(report.source).name[:3] in ("d22", "d23") else 0)
        for finding in found:
            assert "信息发布审核环节" in report.text[finding.location.start:finding.location.end]
            assert Path(finding.evidence["other_source"]).suffix == Path(report.source).suffix


def test_seed_fee_formula_is_not_a_copy(seeds_dir, monkeypatch):
    """Seeds 002 and 004 print the same 109号 fee formula: prescribed text, so no RE601 — and,
    with a lower min_chars, it would be one if the formula were not listed as prescribed."""
    files = sorted(seeds_dir.glob("*.txt"))
    low = Config(select=("RE",), reuse=ReuseParameters(min_chars=30))

    def findings(config):
        return [f for r in audit([read_report(p) for p in files], config) for f in r.findings]

    assert not findings(RE_ONLY)
    assert not findings(low)
    monkeypatch.setattr(boilerplate, "prescribed_formulas", lambda: ())
    assert any(f.code == "RE601" and "信息处理费" in f.message for f in findings(low))


def test_computed_once_per_batch(txt_batch, monkeypatch):
    calls = []
    original = reuse.ReuseAnalysis.__init__

    def counting(self, *args):
        calls.append(1)
        original(self, *args)

    monkeypatch.setattr(reuse.ReuseAnalysis, "__init__", counting)
    batch = [read_report(SAMPLE / ENTRIES[i]["files"]["txt"]) for i in ("d22", "d23", "s01")]
    done = run(batch, RE_ONLY)  # RE601, RE602, RE603 and the CLI's JSON share one analysis
    assert reuse_analysis(done.batch) is reuse_analysis(done.batch) and len(calls) == 1
    other = ReuseParameters(min_chars=60)
    assert reuse_analysis(done.batch, other).params == other and len(calls) == 2  # kept apart by parameters
    assert reuse_analysis(done.batch).params == ReuseParameters()


def test_parameters_reach_the_rules_and_runs_do_not_affect_each_other():
    """The reuse parameters come with the run's Config (no process-wide setting): a huge
    min_chars silences RE601, and a run with the defaults before and after is unaffected."""
    paths = [SAMPLE / ENTRIES[i]["files"]["txt"] for i in ("d22", "d23", "s01")]
    strict = Config(select=("RE",), reuse=ReuseParameters(min_chars=100000))

    def codes(config):
        return sorted(f.code for r in run([read_report(p) for p in paths], config).results for f in r.findings)

    before = codes(RE_ONLY)
    assert before.count("RE601") == 2
    assert "RE601" not in codes(strict)
    assert codes(RE_ONLY) == before
    assert "RE601" not in codes(strict)


def test_deterministic_and_serialised_to_the_contract(txt_batch):
    batch = list(txt_batch.values())
    first = reuse.ReuseAnalysis(batch, ReuseParameters()).to_json()
    second = reuse.ReuseAnalysis(batch, ReuseParameters()).to_json()
    assert first == second
    assert set(first) >= {"parameters", "matrix", "pairs", "boilerplate"}
    matrix = first["matrix"]
    assert len(matrix["sources"]) == len(matrix["agencies"]) == len(matrix["values"]) == len(batch)
    assert all(row[i] == 1.0 for i, row in enumerate(matrix["values"]))
    kinds = {pair["kind"] for pair in first["pairs"]}
    assert kinds == {"reuse", "same_body"}
    for pair in first["pairs"]:
        assert {"a", "b", "a_agency", "b_agency", "similarity", "kind", "passages"} <= set(pair)
        for passage in pair["passages"]:
            assert set(passage) >= {"a_start", "a_end", "b_start", "b_end", "chars", "text"}


def test_parameters_change_the_outcome(txt_batch):
    """min_chars above the planted copies' length: nothing is reported (the parameter is used)."""
    analysis = reuse.ReuseAnalysis(list(txt_batch.values()), ReuseParameters(min_chars=400))
    assert not analysis.pairs_of("reuse")


def test_generated_copies_are_lightly_edited_and_found():
    """The scale benchmark's planting (synth.copies): name swapped, one figure changed, found."""
    import random

    from auditor.ingest.txt import read_txt
    from auditor.parse import parse_document
    from synth.bodies import random_bodies
    from synth.build import build_spec
    from synth.copies import distinct_passage, lightly_edited
    from synth.render_text import render_text

    rng = random.Random(3)
    bodies = random_bodies(12, seed=3)
    assert len({b.name for b in bodies}) == 12
    passage = distinct_passage(rng, bodies[0].short, set())
    copy = lightly_edited(passage, bodies[0].short, bodies[1].short, rng)
    assert bodies[1].short in copy and bodies[0].short not in copy
    assert copy != passage.replace(bodies[0].short, bodies[1].short)  # a figure changed too
    reports = []
    for index, body in enumerate(bodies):
        spec = build_spec(f"t{index}", body, 2023)
        text = render_text(spec).replace("（五）监督保障\n", "（五）监督保障\n" + {0: passage, 1: copy}.get(index, "") + "\n")
        reports.append(parse_document(read_txt(f"t{index}.txt", text.encode("utf-8"))))
    pairs = reuse.ReuseAnalysis(reports, ReuseParameters()).pairs
    assert [(p.kind, p.a.report.source, p.b.report.source) for p in pairs] == [("reuse", "t0.txt", "t1.txt")]


def test_a_body_named_with_and_without_its_city_is_one_body(real_dir):
    """洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024) are one body: their shared text is no copy."""
    reports = [read_report(real_dir / name) for name in ("hongze-district-2023.pdf", "hongze-district-2024.pdf")]
    assert reports[0].agency != reports[1].agency
    analysis = reuse.ReuseAnalysis(reports, ReuseParameters())
    assert len({d.body for d in analysis.documents}) == 1
    assert not analysis.pairs_of("reuse") and not analysis.pairs_of("near_duplicate")
    assert reuse.ReuseAnalysis(reports, ReuseParameters(same_body_share=0.1)).pairs_of("same_body")


def test_canonical_bodies_joins_a_short_name_to_the_first_longest_that_ends_with_it():
    from auditor.checks.history import canonical_bodies

    keys = [("洪泽区", "county"), ("淮安市洪泽区", "county"), ("江苏省淮安市洪泽区", "county"), ("洪泽区", "town"),
            ("泽区", "county"), ("甲市洪泽区", "county"), None]
    bodies = canonical_bodies(keys)
    assert bodies[("洪泽区", "county")] == ("江苏省淮安市洪泽区", "county")
    assert bodies[("淮安市洪泽区", "county")] == ("江苏省淮安市洪泽区", "county")
    assert bodies[("甲市洪泽区", "county")] == ("甲市洪泽区", "county")
    assert bodies[("洪泽区", "town")] == ("洪泽区", "town")  # another kind
    assert bodies[("泽区", "county")] == ("泽区", "county")  # too short to join


def test_near_identical_reports_are_one_cluster_not_every_pair():
    """Six townships print one report with their own name and telephone: one cluster (RE602 on
    each member, naming the cluster and its closest member), no pair listed, and its shared
    passages listed once; a seventh body's own report stays outside."""
    from auditor.ingest.txt import read_txt
    from auditor.parse import parse_document

    cases = Path(__file__).resolve().parent / "cases" / "base"
    base = (cases / "township_2023.txt").read_text(encoding="utf-8")
    names = ["梅林乡", "竹溪乡", "桐源乡", "枫桥乡", "槐里乡", "栗山乡"]
    texts = [base.replace("松溪乡", name).replace("0879-7316208", f"0879-73162{i:02d}") for i, name in enumerate(names)]
    texts.append((cases / "town_2020.txt").read_text(encoding="utf-8"))
    reports = [parse_document(read_txt(f"r{i}.txt", text.encode("utf-8"))) for i, text in enumerate(texts)]
    done = run(reports, RE_ONLY)
    results, analysis = done.results, reuse_analysis(done.batch)
    (cluster,) = analysis.clusters
    assert [m.document.report.source for m in cluster.members] == [f"r{i}.txt" for i in range(6)]
    assert cluster.passages and all(p.chars >= 50 for p in cluster.passages)
    assert not analysis.pairs_of("reuse")
    for result in results[:6]:
        (finding,) = [f for f in result.findings if f.code == "RE602"]
        assert finding.evidence["cluster"] == cluster.id and finding.evidence["cluster_size"] == 6
        assert finding.evidence["other_source"] != result.report.source
        assert finding.evidence["similarity"] >= 0.8
    assert not [f for f in results[6].findings if f.code == "RE602"]
    listed = analysis.to_json()["clusters"]
    assert [m["source"] for m in listed[0]["members"]] == [f"r{i}.txt" for i in range(6)]
    assert not [p for p in analysis.to_json()["pairs"] if p["kind"] != "same_body"]

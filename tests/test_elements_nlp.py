"""The narrative elements: the spaCy pipeline, keyword rules as data, the classifier and its card,
and element coverage on sample reports (paragraphs removed → NA finding; rephrased → none)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.config import Config
from auditor.engine import audit
from auditor.nlp.classifier import CARD_FILE, data_hash, load_model, models_folder, user_words_hash
from auditor.nlp.coverage import element_coverage
from auditor.nlp.keywords import element_rules, keyword_matches
from auditor.nlp.pipeline import nlp, words
from auditor.nlp.training import evaluate, predict_with_threshold, read_rows, train
from auditor.parse import read_report
from synth import labelled_set

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "formats"
CARD = json.loads((models_folder() / CARD_FILE).read_text(encoding="utf-8"))
TOPICS = {"NA301": "主动公开", "NA302": "依申请公开", "NA303": "政府信息管理", "NA304": "平台建设", "NA305": "监督保障"}
# Each topic rewritten without any keyword phrase of its rule: only the classifier can see it.
REPHRASED = {
    "NA301": "全年通过乡政府网站对外发布各类政务信息1865条，社会救助、征地补偿等群众关心的事项全部及时向社会公布。",
    "NA302": "全年受理群众提出的信息查询请求1件，已在规定时限内办结并书面答复。",
    "NA303": "对拟发布的每条信息都由经办人、分管领导逐级把关，全年梳理政策文件16件，对已失效的文件作出标注。",
    "NA304": "乡政府网站和微信工作群同步推送政策信息，便民服务中心设有电脑供群众查询政府信息。",
    "NA305": "乡主要负责同志亲自过问政务公开，全年组织工作人员学习业务知识2次，并对各村公开情况逐月检查。",
}


# ---------------------------------------------------------------- pipeline and keyword data


def test_pipeline_is_built_once_and_keeps_user_words():
    assert nlp() is nlp()
    tokens = words("根据《中华人民共和国政府信息公开条例》，本年度未收取信息处理费。")
    assert "中华人民共和国政府信息公开条例" in tokens and "信息处理费" in tokens


def test_cli_start_up_does_not_load_nlp():
    code = "import sys, auditor.cli; print(any(m.split('.')[0] in ('spacy', 'jieba', 'sklearn') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


@pytest.mark.parametrize("rule", element_rules(), ids=lambda r: r.code)
def test_every_phrase_of_a_rule_is_found_in_a_sentence(rule, tmp_path):
    """A phrase the segmenter would split differently from the text could never match."""
    for phrase in rule.phrases:
        path = tmp_path / "r.txt"
        path.write_text(_report_with(rule.scope, f"本年度{phrase}工作有序开展。"), encoding="utf-8")
        report = read_report(path)
        assert any(m.text == phrase for m in keyword_matches(report, rule)), phrase


def _report_with(scope: str, sentence: str) -> str:
    sections = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    body = {s[0]: f"{s}\n{sentence if s[0] == scope or scope == 'whole' else '详见下文。'}" for s in sections}
    preamble = sentence if scope == "preamble" else "本报告说明本年度工作情况。"
    return "某某县某某乡人民政府2023年政府信息公开工作年度报告\n" + preamble + "\n" + "\n".join(body.values()) + "\n"


# ---------------------------------------------------------------- the classifier and its card


def test_committed_model_matches_its_card_and_data():
    assert CARD["data"]["sha256"] == data_hash(labelled_set.SENTENCES), "retrain: auditor train"
    assert CARD["user_words_sha256"] == user_words_hash(), "user words changed since training: auditor train"
    assert load_model().threshold == CARD["threshold"]


def test_labelled_set_is_reproducible_with_provenance():
    rows = labelled_set.build_rows()
    assert rows == read_rows(labelled_set.SENTENCES)
    assert {r["split"] for r in rows} == {"train", "validation", "development", "heldout"}
    assert all(r["template"].split(".")[0] in ("train", "development", "heldout", "weak") and r["provenance"] for r in rows)
    assert any("weak label from sub-heading" in r["provenance"] for r in rows if r["split"] == "train")
    heldout = {r["text"] for r in rows if r["split"] == "heldout"}
    assert not heldout & {r["text"] for r in rows if r["split"] != "heldout"}


def test_heldout_quality_is_what_the_card_says():
    rows = [r for r in read_rows(labelled_set.SENTENCES) if r["split"] == "heldout"]
    model = load_model()
    scores = evaluate([r["label"] for r in rows],
                      predict_with_threshold(model.pipeline, [r["text"] for r in rows], model.threshold))
    assert scores == CARD["heldout"]
    assert scores["macro_f1"] >= 0.90


def test_train_writes_model_and_card(tmp_path):
    rows = read_rows(labelled_set.SENTENCES)
    small = [r for i, r in enumerate(rows) if i % 3 == 0]
    data = tmp_path / "sentences.jsonl"
    labelled_set.write_rows(small, data)
    card = train(data, tmp_path / "models")
    assert (tmp_path / "models" / "element_classifier.joblib").exists()
    saved = json.loads((tmp_path / "models" / CARD_FILE).read_text(encoding="utf-8"))
    assert saved == card and saved["data"]["sha256"] == data_hash(data)
    assert 0 < saved["threshold"] < 1 and set(saved["heldout"]["per_class"]) >= {"active", "fee", "other"}


# ---------------------------------------------------------------- coverage on a sample report


def _topic_block(text: str, label: str) -> tuple[str, str]:
    """The sub-heading line naming the topic and the paragraph under it."""
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("（") and label in line)
    return lines[index], lines[index + 1]


def _audit_text(tmp_path, text: str, codes) -> tuple[set[str], object]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    report = read_report(path)
    result = audit([report], Config(select=tuple(codes)))[0]
    return {f.code for f in result.findings}, report


@pytest.fixture(scope="module")
def sample_text() -> str:
    return (SAMPLE / "s01_liuhe_2023.txt").read_text(encoding="utf-8")


def test_sample_report_covers_every_element(sample_text, tmp_path):
    found, report = _audit_text(tmp_path, sample_text, ["NA"])
    assert not found
    assert all(c.status == "present" for c in element_coverage(report).values())


@pytest.mark.parametrize("code", sorted(TOPICS))
def test_removing_a_topic_makes_its_finding_appear(code, sample_text, tmp_path):
    heading, paragraph = _topic_block(sample_text, TOPICS[code])
    found, _ = _audit_text(tmp_path, sample_text.replace(f"{heading}\n{paragraph}\n", ""), [code])
    assert code in found


@pytest.mark.parametrize("code", sorted(TOPICS))
def test_rephrasing_a_topic_with_synonyms_keeps_it(code, sample_text, tmp_path):
    heading, paragraph = _topic_block(sample_text, TOPICS[code])
    text = sample_text.replace(f"{heading}\n{paragraph}\n", REPHRASED[code] + "\n")
    found, report = _audit_text(tmp_path, text, [code])
    assert code not in found
    coverage = element_coverage(report)[code]
    assert coverage.by == "classifier" and coverage.evidence == REPHRASED[code] and coverage.probability >= CARD["threshold"]

"""Real labelled sentences: kept as references (no real text in the project), split by page
before training, recorded on the model card, and read from ../shared at train time."""
from __future__ import annotations

import json
import re

import pytest

from auditor.nlp import real_labels
from auditor.nlp.classifier import CARD_FILE, data_hash, load_model, models_folder
from auditor.nlp.training import evaluate, predict_with_threshold, read_rows
from synth import labelled_set

CARD = json.loads((models_folder() / CARD_FILE).read_text(encoding="utf-8"))
REFS = real_labels.read_refs()
_HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def shared():
    if not real_labels.SHARED.exists():
        pytest.skip(f"{real_labels.SHARED} is absent (the shared material lives beside the project)")
    return real_labels.SHARED


@pytest.fixture(scope="module")
def resolved(shared):
    return real_labels.resolve(REFS, shared)


def test_card_records_both_data_files_and_the_real_generated_split():
    data = CARD["data"]
    assert data["sha256"] == data_hash(labelled_set.SENTENCES), "retrain: auditor train"
    real = data["real"]
    assert real["file"] == real_labels.REAL_SENTENCES.name
    assert real["sha256"] == data_hash(real_labels.REAL_SENTENCES), "real references changed: auditor train"
    generated = read_rows(labelled_set.SENTENCES)
    assert data["counts"] == {s: sum(r["split"] == s for r in generated)
                              for s in ("train", "validation", "development", "heldout")}
    assert real["counts"] == {s: sum(r["split"] == s for r in REFS) for s in ("train", "validation", "heldout")}
    assert real["counts"]["train"] > 0 and real["counts"]["heldout"] > 0
    assert real["pages"] == {s: sorted({r["page"] for r in REFS if r["split"] == s})
                             for s in ("train", "validation", "heldout")}


def test_heldout_pages_are_disjoint_from_the_pages_trained_on():
    pages = CARD["data"]["real"]["pages"]
    assert not set(pages["heldout"]) & (set(pages["train"]) | set(pages["validation"]))
    by_page: dict[str, set[str]] = {}
    for ref in REFS:
        by_page.setdefault(ref["page"], set()).add(ref["split"])
        assert ref["split"] == real_labels.page_split(ref["source"]) and ref["page"] == real_labels.page_of(ref["source"])
    assert all(len(splits) == 1 for splits in by_page.values()), "a page split across held-out and training"
    heldout = {r["sha256"] for r in REFS if r["split"] == "heldout"}
    assert not heldout & {r["sha256"] for r in REFS if r["split"] != "heldout"}


def test_one_body_of_several_years_is_one_page():
    assert real_labels.page_of("real/hongze-district-2023.pdf") == real_labels.page_of("real/hongze-district-2024.pdf")
    assert real_labels.page_split("real/hongze-district-2023.pdf") == real_labels.page_split("real/hongze-district-2024.pdf")


def test_references_hold_no_real_text():
    assert REFS
    assert not _HAN.search(real_labels.REAL_SENTENCES.read_text(encoding="utf-8"))
    for ref in REFS:
        assert set(ref) == {"source", "page", "split", "start", "end", "sha256", "label", "weak", "heading", "how"}
        assert 0 <= ref["heading"][0] < ref["heading"][1] <= ref["start"] < ref["end"]
        assert ref["how"].startswith(f"weak label {ref['weak']} from the sub-heading")


def test_training_without_shared_skips_real_data_with_a_message(tmp_path):
    rows, message = real_labels.resolve(REFS, tmp_path / "no-shared")
    assert rows == [] and "absent" in message and str(len(REFS)) in message


def test_every_reference_is_found_in_shared_with_its_text(resolved):
    rows, message = resolved
    assert len(rows) == len(REFS) and "not found" not in message
    for row, ref in zip(rows, REFS):
        assert real_labels.sentence_hash(row["text"]) == ref["sha256"] and row["label"] == ref["label"]


def test_references_are_what_the_labeller_writes_from_shared(shared):
    assert real_labels.build_refs(shared) == REFS, "rebuild: python -m auditor.nlp.real_labels"


def test_weak_labels_follow_sub_headings_and_review_rules(shared):
    labels = {r["label"] for r in REFS}
    assert {"active", "requests", "management", "platform", "supervision", "accountability"} <= labels
    assert all(r["label"] == r["weak"] or (r["weak"], r["label"]) == ("supervision", "accountability")
               or "by reading" in r["how"] for r in REFS)


def test_corrections_by_reading_relabel_or_exclude_and_say_why(shared):
    """Each correction of real_review.toml names a sentence of shared by reference and either
    relabels it (the reference carries the new label and says so) or excludes it (several
    elements or none: the reference is gone); none moves a page between splits."""
    rules = real_labels._rules()
    corrections = rules["correction"]
    assert corrections and all(c["why"].strip() for c in corrections)
    assert {c["label"] for c in corrections} <= set(rules["guide"]) and set(real_labels.EXCLUDED) <= set(rules["guide"])
    by_key = {(r["source"], r["sha256"]): r for r in REFS}
    for correction in corrections:
        ref = by_key.get((correction["source"], correction["sha256"]))
        if correction["label"] in real_labels.EXCLUDED:
            assert ref is None, correction
        else:
            assert ref is not None and ref["label"] == correction["label"] and "by reading" in ref["how"], correction
            assert ref["split"] == real_labels.page_split(correction["source"])
    assert not _HAN.search("".join(c["sha256"] + c["source"] for c in corrections))


def test_label_review_is_on_the_card():
    review = CARD["data"]["real"]["label_review"]
    assert review == real_labels.review_summary(REFS)
    assert review["corrected"]["heldout"] + sum(review["excluded"]["heldout"].values()) > 0


def test_real_heldout_quality_is_what_the_card_says(resolved):
    rows = [r for r in resolved[0] if r["split"] == "heldout"]
    model = load_model()
    truth = [r["label"] for r in rows]
    labels = tuple(label for label in CARD["real_heldout"]["per_class"])
    scores = evaluate(truth, predict_with_threshold(model.pipeline, [r["text"] for r in rows], model.threshold), labels)
    assert scores == CARD["real_heldout"]


def test_settings_cross_validation_reads_no_heldout_page_and_folds_whole_pages(resolved):
    """tools/classifier_cv.py, which chooses the classifier's settings, sees the training and
    validation pages only, and each page's sentences stand in one fold."""
    import classifier_cv

    rows = resolved[0]
    real = classifier_cv.training_only(rows)
    assert real and {r["split"] for r in real} == {"train", "validation"}
    assert not {r["page"] for r in real} & {r["page"] for r in rows if r["split"] == "heldout"}
    folds = classifier_cv.folds(real)
    assert len(folds) == classifier_cv.FOLDS and all(fitted and predicted for fitted, predicted in folds)
    for fitted, predicted in folds:
        assert not {r["page"] for r in fitted} & {r["page"] for r in predicted}
        assert len(fitted) + len(predicted) == len(real)

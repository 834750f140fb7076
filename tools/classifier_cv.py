"""Choose the element classifier's settings by cross-validation over real *training* pages only.

    PYTHONPATH=tools .venv/bin/python tools/classifier_cv.py [name ...]

The real held-out pages are dropped as soon as the real sentences are read (asserted), so no
setting tried here has seen them. Real sentences of the training and validation pages are cut
into 4 folds of whole pages (a body's reports of several years are one page, as in the split);
each fold is predicted by a model fitted on the generated train/validation/development
sentences plus the real sentences of the other three folds. Every design is scored at the
thresholds of THRESHOLDS (a refit is not needed for another threshold).

Printed per design: the cross-validated real macro-F1 over the six elements of 总体情况 and
per-element precision/recall, and the generated development family's macro-F1 (fitted on the
generated train + validation sentences and every real training sentence): the generated
held-out family stays unread, like the real held-out part.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from auditor.nlp.classifier import DEFAULT_PARAMS, build_pipeline
from auditor.nlp.real_labels import read_refs, resolve
from auditor.nlp.training import REAL_WEIGHT, evaluate, read_rows

REAL_ELEMENTS = ("active", "requests", "management", "platform", "supervision", "accountability")
FOLDS = 4
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4)


def fold_of(page: str) -> int:
    return int(hashlib.sha256(f"cv:{page}".encode("utf-8")).hexdigest(), 16) % FOLDS


def training_only(real: list[dict]) -> list[dict]:
    """The real rows the cross-validation may read: those of training and validation pages."""
    kept = [r for r in real if r["split"] != "heldout"]
    assert all(r["split"] in ("train", "validation") for r in kept)
    return kept


def folds(real: list[dict]) -> list[tuple[list[dict], list[dict]]]:
    """(fitted, predicted) real rows per fold; a page's rows are all in one fold."""
    return [([r for r in real if fold_of(r["page"]) != fold], [r for r in real if fold_of(r["page"]) == fold])
            for fold in range(FOLDS)]


def data() -> tuple[list[dict], list[dict]]:
    generated = [r for r in read_rows(Path("corpora/labels/sentences.jsonl")) if r["split"] != "heldout"]
    real, message = resolve(read_refs())
    print(message, file=sys.stderr)
    real = training_only(real)
    assert real
    return generated, real


def fit(design: dict, rows: list[dict]):
    params = {**DEFAULT_PARAMS, **{k: v for k, v in design.items() if k != "real_weight"}}
    weight = design.get("real_weight", REAL_WEIGHT)
    weights = [weight if "page" in r else 1.0 for r in rows]
    return build_pipeline(**params).fit([r["text"] for r in rows], [r["label"] for r in rows],
                                        model__sample_weight=weights)


def _labels(classes: list[str], probabilities, threshold: float) -> list[str]:
    best = probabilities.argmax(axis=1)
    return [classes[b] if row[b] >= threshold else "other" for b, row in zip(best, probabilities)]


def cross_validate(design: dict, generated: list[dict], real: list[dict],
                   thresholds: tuple[float, ...] = (0.40,)) -> dict[float, dict]:
    """Scores at each threshold: the real cross-validated ones, the generated development
    family's, and the generated validation split's (fitted on generated train + every real
    training sentence, as at train time)."""
    import numpy

    truth, scored = [], []
    for rest, held in folds(real):
        model = fit(design, generated + rest)
        truth += [r["label"] for r in held]
        scored.append(model.predict_proba([r["text"] for r in held]))
    classes = list(model.classes_)
    scored = numpy.vstack(scored)
    development = [r for r in generated if r["split"] == "development"]
    validation = [r for r in generated if r["split"] == "validation"]
    dev_model = fit(design, [r for r in generated if r["split"] != "development"] + real)
    val_model = fit(design, [r for r in generated if r["split"] == "train"] + real)
    dev_scored = dev_model.predict_proba([r["text"] for r in development])
    val_scored = val_model.predict_proba([r["text"] for r in validation])
    out = {}
    for threshold in thresholds:
        out[threshold] = {
            "real_cv": evaluate(truth, _labels(classes, scored, threshold), tuple(e for e in REAL_ELEMENTS if e in truth)),
            "development": evaluate([r["label"] for r in development], _labels(classes, dev_scored, threshold)),
            "validation": evaluate([r["label"] for r in validation], _labels(classes, val_scored, threshold))}
    return out


def show(name: str, scores: dict) -> None:
    real = scores["real_cv"]
    cells = " ".join(f"{k[:5]} {v['precision']:.2f}/{v['recall']:.2f}" for k, v in real["per_class"].items())
    print(f"{name:28s} real-cv {real['macro_f1']:.3f} | {cells} | dev {scores['development']['macro_f1']:.3f} "
          f"val {scores['validation']['macro_f1']:.3f}", flush=True)


# design name → build_pipeline parameters (and real_weight) over DEFAULT_PARAMS (char 1-2-grams,
# word 1-2-grams, C 16, real weight 6). Real cross-validated macro-F1 at the threshold 0.40, the
# generated development family's macro-F1 beside it (run of 2026-12-03, 226 + 11 real sentences):
#   baseline                                          0.813  dev 0.943
#   char 1-3                                          0.790  dev 0.934
#   C 6 / C 48                                        0.798 / 0.822
#   real weight 12 / 20                               0.819 / 0.824
#   classes unweighted (*)                            0.826  dev 0.866
#   + keyword rules' hits as features, weight 1 (*)   0.799  dev 0.872
#   word unigrams only                                0.844  dev 0.949
#   word unigrams + keyword hits 0.5 (*) / + char 1-3 / real weight 12   0.821 / 0.828 / 0.847
# (*) tried with build_pipeline options removed again since they did not help (a
# `class_weight` parameter; a transformer giving, per NA rule, whether its phrases or patterns
# match the sentence outside its exclusions).
# Lower thresholds (0.20-0.25) add 0.01-0.02 on real sentences but lose on the generated
# validation split (which holds 其他 sentences the real labels lack).
# Every design lies within 0.79-0.86: about the spread of one fold's few sentences. The best,
# word unigrams, trained once by `auditor train` (threshold 0.35 by validation) and measured once:
# real held-out macro-F1 0.879 (current model 0.890), generated held-out 0.945 (0.936), and one
# defect of the real truth files lost (0060's NA301: an introduction taken for 主动公开 at 0.435).
# Not kept: no design shows a gain beyond the noise of so few real sentences.
DESIGNS = {
    "baseline": {},
    "char1-3": {"char_ngram_max": 3},
    "C6": {"C": 6.0},
    "C48": {"C": 48.0},
    "rw12": {"real_weight": 12.0},
    "rw20": {"real_weight": 20.0},
    "word1": {"word_ngram_max": 1},
    "word1-char1-3": {"word_ngram_max": 1, "char_ngram_max": 3},
    "word1-rw12": {"word_ngram_max": 1, "real_weight": 12.0},
}

if __name__ == "__main__":
    generated, real = data()
    for name in sys.argv[1:] or list(DESIGNS):
        for threshold, scores in cross_validate(DESIGNS[name], generated, real, THRESHOLDS).items():
            show(f"{name} t{threshold:.2f}", scores)

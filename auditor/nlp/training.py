"""Train, choose the threshold, evaluate and save the element classifier (`auditor train`).

1. Fit on the "train" split; on the "validation" split (train-family templates never fitted)
   choose the probability threshold below which a sentence counts as showing no element —
   the one with the best macro-F1, the higher one on ties.
2. Measure that first model on the "development" split (phrasings used for error analysis
   while the training texts were written: an optimistic figure, kept for the record).
3. Refit on train + validation + development and measure on the "heldout" split, whose
   phrasings were written last, separately (other wording, other sentence build): per-class
   precision, recall, F1 and macro-F1, with the threshold applied.
4. Save the model and its card (data hash, library versions, parameters, metrics, threshold).
"""
from __future__ import annotations

import json
from pathlib import Path

from auditor.nlp.classifier import CARD_FILE, DEFAULT_PARAMS, ELEMENTS, MODEL_FILE, MODELS_DIR, build_pipeline, \
    data_hash, library_versions, user_words_hash
from auditor.nlp.labelled_texts import SENTENCES, read_rows

_THRESHOLDS = [round(0.05 * i, 2) for i in range(2, 19)]


def predict_with_threshold(pipeline, texts: list[str], threshold: float) -> list[str]:
    """The element of each sentence, "other" where the best probability is below the threshold."""
    classes = list(pipeline.classes_)
    labels = []
    for row in pipeline.predict_proba(texts):
        best = max(range(len(classes)), key=row.__getitem__)
        labels.append(classes[best] if row[best] >= threshold else "other")
    return labels


def evaluate(truth: list[str], predicted: list[str]) -> dict:
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    precision, recall, f1, support = precision_recall_fscore_support(truth, predicted, labels=list(ELEMENTS),
                                                                     zero_division=0)
    per_class = {label: {"precision": round(float(p), 3), "recall": round(float(r), 3), "f1": round(float(f), 3),
                         "support": int(s)}
                 for label, p, r, f, s in zip(ELEMENTS, precision, recall, f1, support)}
    macro = f1_score(truth, predicted, labels=list(ELEMENTS), average="macro", zero_division=0)
    return {"macro_f1": round(float(macro), 3), "per_class": per_class}


def train(sentences: Path = SENTENCES, models_dir: Path = MODELS_DIR, params: dict | None = None) -> dict:
    """Train and save; returns the card."""
    import joblib

    params = {**DEFAULT_PARAMS, **(params or {})}
    rows = read_rows(sentences)
    split = {name: [r for r in rows if r["split"] == name] for name in ("train", "validation", "development", "heldout")}
    first = build_pipeline(**params).fit([r["text"] for r in split["train"]], [r["label"] for r in split["train"]])
    validation_texts, validation_truth = [r["text"] for r in split["validation"]], [r["label"] for r in split["validation"]]
    scored = [(evaluate(validation_truth, predict_with_threshold(first, validation_texts, t))["macro_f1"], t)
              for t in _THRESHOLDS]
    best_f1, threshold = max(scored)
    development = evaluate([r["label"] for r in split["development"]],
                           predict_with_threshold(first, [r["text"] for r in split["development"]], threshold))
    fitted = split["train"] + split["validation"] + split["development"]
    final = build_pipeline(**params).fit([r["text"] for r in fitted], [r["label"] for r in fitted])
    heldout = evaluate([r["label"] for r in split["heldout"]],
                       predict_with_threshold(final, [r["text"] for r in split["heldout"]], threshold))
    card = {
        "model": MODEL_FILE,
        "estimator": "TF-IDF(char n-grams + jieba word n-grams) + LogisticRegression(class_weight='balanced')",
        "user_words_sha256": user_words_hash(),
        "parameters": params,
        "threshold": threshold,
        "data": {"file": sentences.name,
                 "sha256": data_hash(sentences), "counts": {k: len(v) for k, v in split.items()}},
        "libraries": library_versions(),
        "validation": {"macro_f1_at_threshold": best_f1},
        "development": {"macro_f1": development["macro_f1"]},
        "heldout": heldout,
    }
    models_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump(final, models_dir / MODEL_FILE, compress=3)
    (models_dir / CARD_FILE).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return card

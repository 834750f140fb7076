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

Real sentences (`auditor.nlp.real_labels`: references into ../shared, read at train time) join
the generated ones by the split of their page: train pages are fitted, validation pages help
choose the threshold, and the held-out pages are only measured, apart from the generated
held-out family ("real_heldout" on the card). Without ../shared the model is trained on the
generated sentences alone and the card says so.
"""
from __future__ import annotations

import json
from pathlib import Path

from auditor.nlp.classifier import CARD_FILE, DEFAULT_PARAMS, ELEMENTS, MODEL_FILE, build_pipeline, data_hash, \
    library_versions, models_folder, user_words_hash
from auditor.nlp.real_labels import REAL_REVIEW, REAL_SENTENCES, SHARED, read_refs, resolve, review_summary

SENTENCES = Path("corpora/labels/sentences.jsonl")  # in a checkout, written by tools/synth/labelled_set.py

_THRESHOLDS = [round(0.05 * i, 2) for i in range(2, 19)]
# Weight of a real sentence against a generated one in the fit: chosen by a 4-fold cross-validation
# over the real training and validation pages (folds of whole pages; 1, 2 and 3 tried first, 3
# best; after the label review 3, 6 and 10 with the parameters of DEFAULT_PARAMS, 6 best).
REAL_WEIGHT = 6.0


def predict_with_threshold(pipeline, texts: list[str], threshold: float) -> list[str]:
    """The element of each sentence, "other" where the best probability is below the threshold."""
    classes = list(pipeline.classes_)
    labels = []
    for row in pipeline.predict_proba(texts):
        best = max(range(len(classes)), key=row.__getitem__)
        labels.append(classes[best] if row[best] >= threshold else "other")
    return labels


def evaluate(truth: list[str], predicted: list[str], labels: tuple[str, ...] = ELEMENTS) -> dict:
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    precision, recall, f1, support = precision_recall_fscore_support(truth, predicted, labels=list(labels),
                                                                     zero_division=0)
    per_class = {label: {"precision": round(float(p), 3), "recall": round(float(r), 3), "f1": round(float(f), 3),
                         "support": int(s)}
                 for label, p, r, f, s in zip(labels, precision, recall, f1, support)}
    macro = f1_score(truth, predicted, labels=list(labels), average="macro", zero_division=0)
    return {"macro_f1": round(float(macro), 3), "per_class": per_class}


def read_rows(path: Path = SENTENCES) -> list[dict]:
    """The labelled sentences, one JSON object a line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def package_models_dir() -> Path:
    """Where `auditor train` writes by default: the package's own models folder (a real folder
    in a checkout or an ordinary install, so that the next audit loads what was trained)."""
    return Path(str(models_folder()))


def _fit(params: dict, rows: list[dict]):
    """The pipeline fitted on `rows`, a real sentence (one with a page) weighing REAL_WEIGHT."""
    weights = [REAL_WEIGHT if "page" in r else 1.0 for r in rows]
    return build_pipeline(**params).fit([r["text"] for r in rows], [r["label"] for r in rows],
                                        model__sample_weight=weights)


def train(sentences: Path = SENTENCES, models_dir: Path | None = None, params: dict | None = None,
          real: Path = REAL_SENTENCES, shared: Path = SHARED, say=print) -> dict:
    """Train and save (by default into the package's models folder); returns the card. `say`
    gets the line telling what real data was read."""
    import joblib

    params = {**DEFAULT_PARAMS, **(params or {})}
    rows = read_rows(sentences)
    split = {name: [r for r in rows if r["split"] == name] for name in ("train", "validation", "development", "heldout")}
    generated_counts = {k: len(v) for k, v in split.items()}
    refs = read_refs(real)
    real_rows, real_message = resolve(refs, shared)
    say(real_message)
    real_split = {name: [r for r in real_rows if r["split"] == name] for name in ("train", "validation", "heldout")}
    split["train"] += real_split["train"]
    split["validation"] += real_split["validation"]
    first = _fit(params, split["train"])
    validation_texts, validation_truth = [r["text"] for r in split["validation"]], [r["label"] for r in split["validation"]]
    scored = [(evaluate(validation_truth, predict_with_threshold(first, validation_texts, t))["macro_f1"], t)
              for t in _THRESHOLDS]
    best_f1, threshold = max(scored)
    development = evaluate([r["label"] for r in split["development"]],
                           predict_with_threshold(first, [r["text"] for r in split["development"]], threshold))
    fitted = split["train"] + split["validation"] + split["development"]
    final = _fit(params, fitted)
    heldout = evaluate([r["label"] for r in split["heldout"]],
                       predict_with_threshold(final, [r["text"] for r in split["heldout"]], threshold))
    real_truth = [r["label"] for r in real_split["heldout"]]
    real_heldout = evaluate(real_truth, predict_with_threshold(final, [r["text"] for r in real_split["heldout"]],
                                                               threshold),
                            tuple(label for label in ELEMENTS if label in real_truth)) if real_truth else None
    card = {
        "model": MODEL_FILE,
        "estimator": "TF-IDF(char n-grams + jieba word n-grams) + LogisticRegression(class_weight='balanced')",
        "user_words_sha256": user_words_hash(),
        "parameters": {**params, "real_weight": REAL_WEIGHT},
        "threshold": threshold,
        "data": {"file": sentences.name, "sha256": data_hash(sentences), "counts": generated_counts,
                 "real": {"file": real.name, "sha256": data_hash(real) if real.exists() else None,
                          "read": real_message, "counts": {k: len(v) for k, v in real_split.items()},
                          "pages": {k: sorted({r["page"] for r in v}) for k, v in real_split.items()},
                          "label_review": review_summary(refs) if REAL_REVIEW.exists() else None}},
        "libraries": library_versions(),
        "validation": {"macro_f1_at_threshold": best_f1},
        "development": {"macro_f1": development["macro_f1"]},
        "heldout": heldout,
        "real_heldout": real_heldout,
    }
    models_dir = package_models_dir() if models_dir is None else models_dir
    models_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump(final, models_dir / MODEL_FILE, compress=3)
    (models_dir / CARD_FILE).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return card

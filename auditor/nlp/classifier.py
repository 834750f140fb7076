"""The element classifier: which required element a sentence of the narrative covers.

A scikit-learn `Pipeline` (TF-IDF of character n-grams and of the jieba words of the spaCy
pipeline → logistic regression), all settings in
constructor parameters. It is trained by `auditor train` on `corpora/labels/sentences.jsonl`
and saved in the package's data (`auditor/models/`, read with `importlib.resources`) with a
card (data hash, library versions, metrics, threshold); an install uses the committed model
and never trains. A missing model is an error (`ModelMissingError`), never a silent fallback
to the keyword rules alone. Checks reach it only through `probabilities()`, the one seam.
"""
from __future__ import annotations

import hashlib
import json
import platform
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

MODELS_PACKAGE = "auditor.models"
MODEL_FILE = "element_classifier.joblib"
CARD_FILE = "element_classifier.card.json"
ELEMENTS = ("active", "requests", "management", "platform", "supervision", "accountability", "problems",
            "measures", "fee", "contact", "legal_basis", "other")
LABELS_ZH = {"active": "主动公开", "requests": "依申请公开", "management": "政府信息管理", "platform": "平台建设",
             "supervision": "监督保障", "accountability": "考核评议追究", "problems": "问题", "measures": "改进措施",
             "fee": "收费说明", "contact": "联系方式", "legal_basis": "法律依据", "other": "其他"}
# chosen by a 4-fold cross-validation over whole real training and validation pages after the
# label review (C 8/16/32, char n-grams to 2/3/4, word n-grams to 1/2, real weight 3/6/10): all
# within 0.84–0.87 real macro-F1, the fewest features among the best kept
DEFAULT_PARAMS = {"char_ngram_max": 2, "word_ngram_max": 2, "C": 16.0}


def build_pipeline(char_ngram_max: int = 2, word_ngram_max: int = 2, C: float = 16.0):
    """The untrained estimator: character n-grams and jieba word n-grams, TF-IDF, logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    from auditor.nlp.pipeline import words

    features = FeatureUnion([
        ("chars", TfidfVectorizer(analyzer="char", ngram_range=(1, char_ngram_max), sublinear_tf=True)),
        ("words", TfidfVectorizer(tokenizer=words, token_pattern=None, lowercase=False,
                                  ngram_range=(1, word_ngram_max), sublinear_tf=True)),
    ])
    return Pipeline([
        ("features", features),
        ("model", LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=0)),
    ])


@dataclass(frozen=True)
class LoadedModel:
    pipeline: object
    threshold: float
    card: dict


class ModelMissingError(RuntimeError):
    """The element classifier's model or card is not where the package keeps it."""


def models_folder() -> Traversable:
    """The package's models folder (`auditor/models/` in a checkout, inside site-packages when installed)."""
    return resources.files(MODELS_PACKAGE)


def load_model(models_dir: Path | None = None) -> LoadedModel:
    """The committed model and its card; ModelMissingError when either is absent. Loaded once
    per folder: `load_model()` and `load_model(None)` are one load (a cache keyed on the call's
    arguments would unpickle the model twice)."""
    return _load_model(models_dir)


@cache
def _load_model(models_dir: Path | None) -> LoadedModel:
    folder = models_folder() if models_dir is None else models_dir
    model, card = folder / MODEL_FILE, folder / CARD_FILE
    if not model.is_file() or not card.is_file():
        raise ModelMissingError(f"内容要素分类器的模型缺失（{model}、{card}），安装不完整：NA 规则无法判断。"
                                "请重新安装 auditor，或在源码目录中运行 auditor train 重新训练；"
                                "若不需要内容要素检查，可用 --ignore NA 关闭。")
    import joblib

    with resources.as_file(model) as path:
        pipeline = joblib.load(path)
    loaded_card = json.loads(card.read_text(encoding="utf-8"))
    return LoadedModel(pipeline, float(loaded_card["threshold"]), loaded_card)


_SCORED: dict[Path | None, dict[str, dict[str, float]]] = {}  # models folder → sentence → probabilities
_SCORED_MAX = 200_000


def probabilities(sentences: list[str], models_dir: Path | None = None) -> list[dict[str, float]]:
    """For each sentence, the probability of each element."""
    if not sentences:
        return []
    model = load_model(models_dir)
    classes = list(model.pipeline.classes_)
    # a sentence recurs across a batch (prescribed formulas, copied wording): classify it once
    scored = _SCORED.setdefault(models_dir, {})
    todo = [text for text in dict.fromkeys(sentences) if text not in scored]
    if len(scored) + len(todo) > _SCORED_MAX:
        scored.clear()
    for text, row in zip(todo, model.pipeline.predict_proba(todo) if todo else ()):
        scored[text] = dict(zip(classes, map(float, row)))
    return [dict(scored[text]) for text in sentences]


def data_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def library_versions() -> dict[str, str]:
    import joblib
    import numpy
    import scipy
    import sklearn

    import jieba
    import spacy

    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__, "numpy": numpy.__version__,
            "scipy": scipy.__version__, "joblib": joblib.__version__, "spacy": spacy.__version__,
            "jieba": jieba.__version__}


def user_words_hash() -> str:
    """The segmenter's user words decide the word features: the card records them."""
    from auditor.nlp.pipeline import all_user_words

    return hashlib.sha256("\n".join(all_user_words()).encode("utf-8")).hexdigest()

"""Write the element classifier's labelled set from the project's own sentence templates.

`corpora/labels/phrasings.toml` holds templates per element in two families written
separately ("train", "development" and "heldout"); this module fills their slots with invented bodies,
numbers and places (seeded, so the output is reproducible) and writes
`corpora/labels/sentences.jsonl`, one labelled sentence a line, with its provenance: the
template it came from and its split. Validation sentences come from train-family templates
held back from fitting (every fifth template of each element), so the threshold is chosen on
phrasings the model never saw. The development family served error analysis while the
training phrasings were written (so its figure is optimistic) and is fitted in the final
model; the held-out family, written last, is used only to report quality.

    python -m auditor.nlp.labelled_texts        # rewrites corpora/labels/sentences.jsonl
"""
from __future__ import annotations

import json
import random
import re
import tomllib
from pathlib import Path

LABELS_DIR = Path(__file__).resolve().parents[2] / "corpora" / "labels"
PHRASINGS = LABELS_DIR / "phrasings.toml"
SENTENCES = LABELS_DIR / "sentences.jsonl"
VARIANTS = {"train": 8, "development": 6, "heldout": 6}
VALIDATION_EVERY = 5
SEED = 20261201

_BODIES = (("松溪乡", "我乡", "松溪"), ("白沙镇", "我镇", "白沙"), ("东城街道", "我街道", "东城"),
           ("青川县", "我县", "青川"), ("南湖区", "我区", "南湖"), ("临江市", "我市", "临江"),
           ("临江市生态环境局", "我局", "市生态环境局"), ("青川县卫生健康委员会", "我委", "县卫健委"),
           ("丰泽县行政审批服务中心", "本中心", "县审批中心"), ("云溪乡", "本乡", "云溪"))
_FIELDS = ("财政预决算", "重大建设项目", "乡村振兴", "社会救助", "安全生产", "生态环境", "公共卫生", "教育",
           "就业创业", "征地补偿", "养老服务", "住房保障", "医疗保障", "市场监管", "农村集体资产")
_CHANNELS = ("政务公开栏", "政务微信公众号", "便民服务中心电子屏", "政府网站专栏", "村务公开栏")
_SLOT = re.compile(r"\{(\w+)\}")


def _slots(rng: random.Random, year: int) -> dict[str, str]:
    name, me, short = rng.choice(_BODIES)
    field, field2 = rng.sample(_FIELDS, 2)
    return {
        "body": name, "me": me, "short": short, "year": str(year), "next": str(year + 1),
        "site": rng.choice((f"{short}政府门户网站", "政府网站", f"{name}官方网站", "门户网站")),
        "field": field, "field2": field2, "channel": rng.choice(_CHANNELS),
        "n": str(rng.randint(20, 3000)), "m": str(rng.randint(2, 90)), "k": str(rng.randint(1, 12)),
        "k2": str(rng.randint(0, 5)), "pct": str(rng.randint(85, 100)), "score": str(rng.randint(80, 99)),
        "fee": rng.choice(("0", "120", "35.5", "0.00")),
        "address": f"{name}{rng.choice(('人民路', '建设路', '府前街'))}{rng.randint(1, 199)}号",
        "postcode": f"{rng.randint(1, 8)}{rng.randint(10000, 99999)}",
        "phone": f"0{rng.randint(310, 999)}-{rng.randint(2000000, 8999999)}",
        "email": f"gk{rng.randint(10, 99)}@example.gov.cn",
    }


def _fill(template: str, slots: dict[str, str]) -> str:
    return _SLOT.sub(lambda m: slots[m.group(1)], template)


def build_rows(phrasings: dict | None = None, seed: int = SEED) -> list[dict]:
    """Every labelled sentence, deduplicated, in a stable order."""
    phrasings = phrasings if phrasings is not None else tomllib.loads(PHRASINGS.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    rows, seen = [], set()
    for family in VARIANTS:
        for label, entry in phrasings[family].items():
            for index, template in enumerate(entry["templates"]):
                if family != "train":
                    split = family
                else:
                    split = "validation" if index % VALIDATION_EVERY == VALIDATION_EVERY - 1 else "train"
                for _ in range(VARIANTS[family]):
                    text = _fill(template, _slots(rng, rng.randint(2019, 2025)))
                    if text in seen:
                        continue
                    seen.add(text)
                    rows.append({"text": text, "label": label, "split": split,
                                 "template": f"{family}.{label}#{index}",
                                 "provenance": "written by the project (corpora/labels/phrasings.toml)"})
    return rows


def write_rows(rows: list[dict], path: Path = SENTENCES) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def read_rows(path: Path = SENTENCES) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


if __name__ == "__main__":
    built = build_rows()
    write_rows(built)
    counts: dict[str, int] = {}
    for row in built:
        counts[row["split"]] = counts.get(row["split"], 0) + 1
    print(f"{len(built)} sentences written to {SENTENCES}: {counts}")

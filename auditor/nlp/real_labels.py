"""Weakly labelled sentences of real reports, kept in the project as references, never as text.

Real 总体情况 sections carry their own sub-headings （一）主动公开情况 … （五）监督保障 (and
variants such as （2）依申请公开方面, （三）规范政府信息公开平台建设). Each sentence the classifier
would see under such a sub-heading (a unit of `auditor.nlp.units` in section 一) gets the element
the sub-heading names, then the review rules of `corpora/labels/real_review.toml` relabel it or
drop it. The project may not copy real text, so `corpora/labels/real_sentences.jsonl` holds per
sentence only its source reference: the file under ../shared, the character offsets into the
text `auditor.parse.read_report` gives, a SHA-256 of the sentence (to find it again if reading
moves it), the label and how it was labelled. `auditor train` reads the sentences from ../shared.

Pages are split before anything is trained or any rule written, by a hash of the page (a body's
reports of several years count as one page): about three in ten are the real held-out part, one
in ten the real validation part, the rest are fitted.

    python -m auditor.nlp.real_labels        # rewrites corpora/labels/real_sentences.jsonl
"""
from __future__ import annotations

import hashlib
import json
import re
import tomllib
from pathlib import Path

# training data of a checkout, not of the installed package: `auditor train` runs from the checkout's root
LABELS_DIR = Path("corpora/labels")
SHARED = (Path("..") / "shared").resolve()
REAL_SENTENCES = LABELS_DIR / "real_sentences.jsonl"
REAL_REVIEW = LABELS_DIR / "real_review.toml"
HELDOUT_BUCKETS = range(0, 3)  # of ten, by the page's hash
VALIDATION_BUCKETS = range(3, 4)
MIN_CHARS = 6  # shorter units are fragments, not sentences
_MARK = re.compile(r"\s*(?:[（(](?P<paren_cn>[一二三四五六七八九十]{1,2})[）)]|[（(](?P<paren_num>\d{1,2})[）)]|"
                   r"(?P<num>\d{1,2})[、.．](?!\d)|(?P<cn>[一二三四五六七八九十]{1,2})[、.．]|"
                   r"(?P<shi>[一二三四五六七八九十]{1,2})是)\s*")
_HEADING_STOP = re.compile(r"[。：:]")
_HEADING_MAX = 30


def sentence_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def real_sources(shared: Path = SHARED) -> list[str]:
    """The real reports under `shared`, as paths relative to it: the excerpts index.jsonl marks
    as reports, the seeds and the published PDFs."""
    index = shared / "real" / "excerpts" / "index.jsonl"
    pages = [json.loads(line) for line in index.read_text(encoding="utf-8").splitlines() if line.strip()]
    names = [f"real/excerpts/{page['id']}.txt" for page in pages if page["is_report"]]
    names += [f"seeds/{p.name}" for p in sorted((shared / "seeds").glob("*.txt"))]
    names += [f"real/{p.name}" for p in sorted((shared / "real").glob("*.pdf"))]
    return names


def page_of(source: str) -> str:
    """The page a source belongs to for splitting: one body's reports of several years are one."""
    return re.sub(r"-\d{4}$", "", Path(source).stem)


def page_split(source: str) -> str:
    bucket = int(hashlib.sha256(page_of(source).encode("utf-8")).hexdigest(), 16) % 10
    return "heldout" if bucket in HELDOUT_BUCKETS else "validation" if bucket in VALIDATION_BUCKETS else "train"


EXCLUDED = ("several", "none")  # a reading that names two elements, or none: kept out of fitting and measuring


def _rules(path: Path = REAL_REVIEW) -> dict:
    rules = tomllib.loads(path.read_text(encoding="utf-8"))
    for rule in rules["heading"] + rules["review"] + rules.get("exclude", []):
        for key in ("when", "unless"):
            if key in rule:
                rule[key + "_re"] = re.compile(rule[key])
    rules["by_reading"] = {(c["source"], c["sha256"]): c for c in rules.get("correction", [])}
    return rules


def _line_heading(text: str, start: int) -> tuple[str, int, int] | None:
    """A numbered line's marker style and the span of its heading (to the first 。/： or the end
    of the line, when that is short enough to be a heading)."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    mark = _MARK.match(text, start, end)
    if not mark:
        return None
    stop = _HEADING_STOP.search(text, mark.end(), end)
    heading_end = stop.start() if stop else end
    if heading_end - mark.end() > _HEADING_MAX:
        return None
    return mark.lastgroup, mark.end(), heading_end


def _heading_element(heading: str, rules: dict) -> tuple[str, int] | None:
    """The element one sub-heading names and the rule that said so; None when none or two."""
    named = [(rule["element"], number) for number, rule in enumerate(rules["heading"], 1)
             if rule["when_re"].search(heading)]
    return named[0] if len({element for element, _ in named}) == 1 else None


def _review(weak: str, sentence: str, rules: dict, source: str = "") -> tuple[str | None, str]:
    """The label after review: a correction by reading (by reference) wins, then the rules that
    exclude a sentence whatever its sub-heading, then the review rules of its weak label."""
    read = rules.get("by_reading", {}).get((source, sentence_hash(sentence)))
    if read is not None:  # the reason stays in real_review.toml: the references hold no text
        number = rules["correction"].index(read) + 1
        if read["label"] in EXCLUDED:
            return None, f"excluded by reading: {read['label']} elements (correction {number})"
        return read["label"], f"corrected to {read['label']} by reading (correction {number})"
    for number, rule in enumerate(rules.get("exclude", []), 1):
        if rule["when_re"].search(sentence):
            return None, f"dropped (exclude rule {number})"
    for number, rule in enumerate(rules["review"], 1):
        if rule["under"] != weak:
            continue
        if "label" in rule and rule["when_re"].search(sentence):
            return rule["label"], f"relabelled {rule['label']} (review rule {number})"
        if rule.get("drop") and not rule["unless_re"].search(sentence):
            return None, f"dropped (review rule {number})"
    return weak, "kept"


def label_report(report, source: str, rules: dict | None = None, dropped: list | None = None) -> list[dict]:
    """The weakly labelled sentences of one parsed report, as references (no text)."""
    from auditor.nlp.units import units_in

    rules = rules or _rules()
    text, refs = report.text, []
    style = current = None  # the marker style of the sub-headings; the element they name now
    line_seen = -1
    heading = None
    for unit in units_in(report, "一"):
        line_start = text.rfind("\n", 0, unit.start) + 1
        found = _line_heading(text, line_start)
        if line_start != line_seen:
            line_seen = line_start
            if found:
                marker, head_start, head_end = found
                named = _heading_element(text[head_start:head_end], rules)
                if style is None and named:
                    style = marker
                if marker == style:
                    current, heading = named, (head_start, head_end)
                elif marker == "cn":  # a section-level numeral 「二、」 ends the sub-headed part
                    current = None
        if found and unit.end <= found[2] + 1 and (found[0] != "shi" or found[0] == style):
            continue  # the heading itself, of any level (「一是…。」 within a paragraph is a sentence)
        start = unit.start
        if found and start < found[2] and (found[0] != "shi" or found[0] == style):
            # 「（一）主动公开：2023年…」: the text after the heading
            start = found[2] + 1
            start += len(text[start:unit.end]) - len(text[start:unit.end].lstrip())
        sentence = text[start:unit.end]
        if current is None or len(sentence) < MIN_CHARS:
            continue
        weak, heading_rule = current
        label, how = _review(weak, sentence, rules, source)
        if label is None:
            if dropped is not None:
                dropped.append((source, start, unit.end, weak, how))
            continue
        refs.append({"source": source, "page": page_of(source), "split": page_split(source), "start": start,
                     "end": unit.end, "sha256": sentence_hash(sentence), "label": label, "weak": weak,
                     "heading": list(heading),
                     "how": f"weak label {weak} from the sub-heading at {heading[0]}-{heading[1]} "
                            f"(heading rule {heading_rule}); review: {how}"})
    return refs


def build_refs(shared: Path = SHARED) -> list[dict]:
    """Every real labelled sentence reference, in a stable order; a sentence found on a held-out
    page is left out of the other splits, and a sentence twice in one split is kept once."""
    from auditor.parse import read_report

    rules = _rules()
    refs = []
    for source in real_sources(shared):
        refs += label_report(read_report(shared / source), source, rules)
    heldout = {r["sha256"] for r in refs if r["split"] == "heldout"}
    kept, seen = [], set()
    for ref in refs:
        key = (ref["split"], ref["sha256"])
        if key in seen or (ref["split"] != "heldout" and ref["sha256"] in heldout):
            continue
        seen.add(key)
        kept.append(ref)
    return kept


def resolve(refs: list[dict], shared: Path = SHARED) -> tuple[list[dict], str]:
    """The referenced sentences read from `shared`: rows with text, label and split, and a line
    saying what was read (or why nothing was: `shared` absent)."""
    if not refs:
        return [], "no real labelled sentences listed"
    if not shared.exists():
        return [], f"{shared} is absent: trained without the {len(refs)} real labelled sentences"
    from auditor.nlp.units import narrative_units
    from auditor.parse import read_report

    rows, missing, moved = [], 0, 0
    by_source: dict[str, list[dict]] = {}
    for ref in refs:
        by_source.setdefault(ref["source"], []).append(ref)
    for source, listed in by_source.items():
        path = shared / source
        if not path.exists():
            missing += len(listed)
            continue
        report = read_report(path)
        units = None
        for ref in listed:
            text = report.text[ref["start"]:ref["end"]]
            if sentence_hash(text) != ref["sha256"]:
                if units is None:
                    units = {sentence_hash(u.text): u.text for u in narrative_units(report)}
                text = units.get(ref["sha256"])
                if text is None:
                    missing += 1
                    continue
                moved += 1
            rows.append({"text": text, "label": ref["label"], "split": ref["split"], "page": ref["page"],
                         "source": f"{source}:{ref['start']}-{ref['end']}"})
    message = f"{len(rows)} real labelled sentences read from {shared}"
    if moved:
        message += f" ({moved} found again by their hash: the reading moved them)"
    if missing:
        message += f"; {missing} not found (file absent or its reading changed): rebuild with " \
                   f"python -m auditor.nlp.real_labels"
    return rows, message


def review_summary(refs: list[dict], path: Path = REAL_REVIEW) -> dict:
    """What the reading of the labels did, for the model card: the element definitions it
    followed and, per split, how many labels it corrected and how many sentences it excluded as
    belonging to several elements or to none."""
    rules = _rules(path)
    corrected = {split: sum("by reading" in r["how"] for r in refs if r["split"] == split)
                 for split in ("train", "validation", "heldout")}
    excluded = {split: {kind: sum(1 for c in rules.get("correction", [])
                                  if c["label"] == kind and page_split(c["source"]) == split)
                        for kind in EXCLUDED} for split in ("train", "validation", "heldout")}
    return {"file": path.name, "guide": rules.get("guide", {}), "corrected": corrected, "excluded": excluded,
            "rule": "a sentence is read against the guide; one doing the work of two elements (several) or of "
                    "none is excluded from fitting and measuring, one of another element is relabelled; the "
                    "held-out pages' sentences were all read once, after the split and before the retraining; "
                    "no page changed split"}


def write_refs(refs: list[dict], path: Path = REAL_SENTENCES) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in refs), encoding="utf-8")


def read_refs(path: Path = REAL_SENTENCES) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


if __name__ == "__main__":
    built = build_refs()
    write_refs(built)
    counts: dict[str, dict[str, int]] = {}
    for ref in built:
        counts.setdefault(ref["split"], {}).setdefault(ref["label"], 0)
        counts[ref["split"]][ref["label"]] += 1
    print(f"{len(built)} real sentence references written to {REAL_SENTENCES}: {counts}")

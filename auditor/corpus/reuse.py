"""The reuse analysis of one batch, computed once per batch and parameters (kept on the Batch)
and shared by the RE rules and the CLI.

Documents: one per body and year (the same report read in several formats is one document,
its first version the representative); bodies are matched as HI701 matches them
(auditor.checks.history.body_key), a name without its city prefix joined to the full name. Method: narrative passages → character shingles →
boilerplate by share and by prescribed formula → MinHash LSH candidates between different
bodies → exact alignment (shared spans with offsets) → "reuse" pairs (RE601); clusters of
near-identical reports (RE602, whole narratives alike; auditor.corpus.clusters), of which only
the representative takes part in the passage search, so that k copies cost k, not k²; and, for
a body's consecutive years, "same_body" pairs (RE603) when most of the narrative repeats the
previous report. Each passage's own-character mask is computed once and each distinct pair of
passage texts aligned once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from auditor.batch import Batch
from auditor.checks.history import body_key, canonical_bodies
from auditor.corpus.align import SharedSpan, common_runs, shared_spans
from auditor.corpus.boilerplate import Boilerplate, boilerplate_sentences, find_boilerplate
from auditor.corpus.candidates import candidate_pairs
from auditor.corpus.clusters import closest_members, jaccard, near_duplicate_groups, similarity_matrix
from auditor.corpus.parameters import ReuseParameters
from auditor.corpus.passages import Passage, narrative_passages
from auditor.corpus.shingles import covered_chars, han_chars, shingle_hashes
from auditor.model import Report


@dataclass
class Document:
    """One body's report for one year, in one or more formats (`versions[0]` is read)."""

    versions: list[Report]
    body: object
    passages: list[Passage] = field(default_factory=list)
    hashes: list[np.ndarray] = field(default_factory=list)
    boiler: list[np.ndarray] = field(default_factory=list)
    own_masks: dict[int, np.ndarray] = field(default_factory=dict, repr=False)

    @property
    def report(self) -> Report:
        return self.versions[0]

    @cached_property
    def shingles(self) -> np.ndarray:
        """The unique shingle hashes of the whole narrative."""
        return np.unique(np.concatenate(self.hashes)) if self.hashes else np.zeros(0, dtype=np.uint64)

    def own(self, index: int, shingle_size: int) -> np.ndarray:
        """Which characters of passage `index` are Chinese and outside boilerplate (computed once)."""
        if index not in self.own_masks:
            text = self.passages[index].text
            self.own_masks[index] = ~covered_chars(self.boiler[index], len(text), shingle_size) & han_chars(text)
        return self.own_masks[index]

    def version_like(self, report: Report) -> Report:
        """This document's version in the format of `report`, else the representative."""
        return next((v for v in self.versions if v.format == report.format), self.report)


@dataclass(frozen=True)
class SharedPassage:
    """A passage found in both documents of a pair: spans in each representative's text."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    chars: int
    similarity: float
    text: str

    def to_json(self) -> dict:
        return {"a_start": self.a_start, "a_end": self.a_end, "b_start": self.b_start, "b_end": self.b_end,
                "chars": self.chars, "similarity": self.similarity, "text": self.text}


@dataclass(frozen=True)
class Pair:
    """Two documents that share text. kind: reuse | near_duplicate | same_body."""

    a: Document
    b: Document
    similarity: float
    kind: str
    passages: tuple[SharedPassage, ...]
    share: float | None = None  # same_body: share of b's narrative found in a (a is the earlier year)

    def to_json(self) -> dict:
        data = {"a": self.a.report.source, "b": self.b.report.source, "a_agency": self.a.report.agency,
                "b_agency": self.b.report.agency, "similarity": self.similarity, "kind": self.kind,
                "passages": [p.to_json() for p in self.passages]}
        if self.share is not None:
            data["share"] = self.share
        return data


@dataclass(frozen=True)
class Member:
    """A report of a near-duplicate cluster and its closest member of another body."""

    document: Document
    closest: Document
    similarity: float


@dataclass(frozen=True)
class Cluster:
    """Near-identical reports of several bodies; `members[0]` is the representative, and
    `passages` what it shares with its closest member (a = representative, b = that member)."""

    id: str
    members: tuple[Member, ...]
    passages: tuple[SharedPassage, ...]

    def to_json(self) -> dict:
        return {"id": self.id, "size": len(self.members), "representative": self.members[0].document.report.source,
                # each member's year and its closest member's body are those of their reports' entries
                "members": [{"source": m.document.report.source, "agency": m.document.report.agency,
                             "closest": m.closest.report.source, "similarity": m.similarity}
                            for m in self.members],
                "passages": [p.to_json() for p in self.passages]}


class ReuseAnalysis:
    """Everything the RE rules and `auditor similar` report about one batch."""

    def __init__(self, batch: list[Report], params: ReuseParameters):
        self.params = params
        self.documents = _documents(batch, params)
        self.boilerplate: Boilerplate = find_boilerplate([d.shingles for d in self.documents],
                                                         [d.body for d in self.documents], params)
        for document in self.documents:
            document.boiler = [self.boilerplate.mask(h) for h in document.hashes]
        self._aligned: dict[tuple[str, str], list[SharedSpan]] = {}
        self.clusters: list[Cluster] = self._clusters()
        self.pairs: list[Pair] = self._between_bodies() + self._same_bodies()

    # --- near-identical reports -------------------------------------------------------------
    def _clusters(self) -> list[Cluster]:
        docs = self.documents
        shingles, bodies = [d.shingles for d in docs], [d.body for d in docs]
        clusters = []
        for number, group in enumerate(near_duplicate_groups(shingles, bodies, self.params), 1):
            members = tuple(Member(docs[m], docs[c], similarity)
                            for m, (c, similarity) in zip(group, closest_members(group, shingles, bodies)))
            first = members[0]
            clusters.append(Cluster(f"C{number}", members, self._whole_shared(first.document, first.closest)))
        return clusters

    def _whole_shared(self, a: Document, b: Document) -> tuple[SharedPassage, ...]:
        earlier, later = _joined(a.passages), _joined(b.passages)
        spans = shared_spans(earlier, later, self.params.anchor_chars, self.params.max_gap)
        return tuple(_mapped(span, a.passages, b.passages, earlier, later) for span in spans
                     if span.a_end - span.a_start >= self.params.min_chars)

    # --- between bodies ------------------------------------------------------------------
    def _between_bodies(self) -> list[Pair]:
        docs = self.documents
        copies = {id(m.document) for c in self.clusters for m in c.members[1:]}  # their representative stands in
        stream = ((i, j, h, m) for i, d in enumerate(docs) if id(d) not in copies
                  for j, (h, m) in enumerate(zip(d.hashes, d.boiler)))
        candidates = candidate_pairs(stream, self.params, lambda i, j: docs[i].body != docs[j].body)
        by_docs: dict[tuple[int, int], list] = {}
        for (i, p), (j, q) in sorted(candidates):
            by_docs.setdefault((i, j), []).append((p, q))
        pairs = []
        for (i, j), passage_pairs in sorted(by_docs.items()):
            a, b = docs[i], docs[j]
            found = [shared for p, q in passage_pairs for shared in self._shared(a, p, b, q)]
            if found:
                pairs.append(Pair(a, b, jaccard(a.shingles, b.shingles), "reuse", tuple(found)))
        return pairs

    def _shared(self, a: Document, p: int, b: Document, q: int) -> list[SharedPassage]:
        pa, pb = a.passages[p], b.passages[q]
        k = self.params.shingle_size
        own_a, own_b = a.own(p, k), b.own(q, k)
        found = []
        key = (pa.text, pb.text)
        if key not in self._aligned:
            self._aligned[key] = shared_spans(pa.text, pb.text, self.params.anchor_chars, self.params.max_gap)
        for span in self._aligned[key]:
            own = min(int(own_a[span.a_start:span.a_end].sum()), int(own_b[span.b_start:span.b_end].sum()))
            if own >= self.params.min_chars:
                found.append(_passage(span, pa, pb))
        return found

    # --- the same body's consecutive years --------------------------------------------------
    def _same_bodies(self) -> list[Pair]:
        pairs = []
        for a, b in _consecutive(self.documents):
            earlier, later = _joined(a.passages), _joined(b.passages)
            if not later:
                continue
            runs = common_runs(earlier, later, self.params.anchor_chars)
            share = round(sum(r.b_end - r.b_start for r in runs) / len(later), 3)
            if share < self.params.same_body_share:
                continue
            spans = shared_spans(earlier, later, self.params.anchor_chars, self.params.max_gap)
            passages = tuple(_mapped(span, a.passages, b.passages, earlier, later) for span in spans
                             if span.a_end - span.a_start >= self.params.min_chars)
            pairs.append(Pair(a, b, jaccard(a.shingles, b.shingles), "same_body", passages, share))
        return pairs

    # --- views ----------------------------------------------------------------------------
    def pairs_of(self, kind: str) -> list[Pair]:
        return [p for p in self.pairs if p.kind == kind]

    @cached_property
    def boilerplate_list(self) -> list[dict]:
        return boilerplate_sentences(((d.body, [p.text for p in d.passages]) for d in self.documents),
                                     self.boilerplate, self.params)

    @cached_property
    def matrix(self) -> np.ndarray | None:
        """Jaccard similarity of every two documents' narrative shingles (None past matrix_max_reports)."""
        if len(self.documents) > self.params.matrix_max_reports:
            return None
        return similarity_matrix([d.shingles for d in self.documents])

    def to_json(self) -> dict:
        matrix = self.matrix
        shown = self.documents if matrix is not None else []
        return {
            "parameters": self.params.to_json(),
            "matrix": {"sources": [d.report.source for d in shown], "agencies": [d.report.agency for d in shown],
                       "years": [d.report.year for d in shown],
                       "values": [[round(float(v), 3) for v in row] for row in matrix] if matrix is not None else []},
            "pairs": [p.to_json() for p in self.pairs],
            "clusters": [c.to_json() for c in self.clusters],
            "boilerplate": self.boilerplate_list,
        }


def _documents(batch: list[Report], params: ReuseParameters) -> list[Document]:
    readable = [r for r in batch if not r.error]
    bodies = canonical_bodies(body_key(r) for r in readable)
    groups: dict[tuple, Document] = {}
    for report in readable:
        key = body_key(report)
        body = bodies[key] if key else ("source", report.source)
        if (body, report.year) in groups:
            groups[(body, report.year)].versions.append(report)
            continue
        passages = narrative_passages(report)
        groups[(body, report.year)] = Document([report], body, passages,
                                               [shingle_hashes(p.text, params.shingle_size) for p in passages])
    return list(groups.values())


def _consecutive(documents: list[Document]):
    """(previous year, this year) for every body with reports for consecutive years."""
    by_body: dict = {}
    for document in documents:
        if document.report.year is not None and document.body[0] != "source":
            by_body.setdefault(document.body, {})[document.report.year] = document
    for years in by_body.values():
        for year, document in sorted(years.items()):
            if year - 1 in years:
                yield years[year - 1], document


def _passage(span: SharedSpan, pa: Passage, pb: Passage) -> SharedPassage:
    return SharedPassage(pa.start + span.a_start, pa.start + span.a_end, pb.start + span.b_start,
                         pb.start + span.b_end, span.a_end - span.a_start, span.similarity(pa.text, pb.text),
                         pa.text[span.a_start:span.a_end])


def _joined(passages: list[Passage]) -> str:
    return "\n".join(p.text for p in passages)


def _offset(passages: list[Passage], position: int) -> int:
    """A position in the joined narrative → an offset in the report's text."""
    for passage in passages:
        if position <= len(passage.text):
            return passage.start + position
        position -= len(passage.text) + 1
    return passages[-1].end


def _mapped(span: SharedSpan, a: list[Passage], b: list[Passage], earlier: str, later: str) -> SharedPassage:
    return SharedPassage(_offset(a, span.a_start), _offset(a, span.a_end), _offset(b, span.b_start),
                         _offset(b, span.b_end), span.a_end - span.a_start, span.similarity(earlier, later),
                         earlier[span.a_start:span.a_end])


# --- one computation per batch ---------------------------------------------------------------
def reuse_analysis(batch: Batch, params: ReuseParameters | None = None) -> ReuseAnalysis:
    """The analysis of `batch` with `params` (default: the batch's configuration), computed once
    per batch and parameters and kept on the batch."""
    params = params or batch.config.reuse
    return batch.view(("reuse", params), lambda: ReuseAnalysis(batch.reports, params))

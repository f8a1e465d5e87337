"""Read the hand-labelled same-fact pairs and score an alignment against them.

Used by tests/test_align.py and evaluation/align_threshold.py (which prints the
precision/recall sweep behind the default threshold).
"""

from __future__ import annotations

from pathlib import Path

import yaml

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "nato_same_fact_pairs.yaml"


def locate(sentences, doc, quote) -> tuple[str, int]:
    """(doc_id, sentence index) of the one sentence of `doc` that contains `quote`."""
    rows = sentences[(sentences["doc_id"] == doc) & sentences["text"].str.contains(quote, regex=False)]
    if len(rows) != 1:
        raise AssertionError(f"{FIXTURE.name}: {doc!r} has {len(rows)} sentences containing {quote!r}; expected 1")
    return doc, int(rows["sentence"].iloc[0])


def gold_pairs(sentences, path=FIXTURE) -> dict[str, set]:
    """{"sure": {...}, "possible": {...}, "hard_negatives": {...}} of frozenset({(doc, sentence), (doc, sentence)})."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    out = {}
    for label in ("sure", "possible", "hard_negatives"):
        out[label] = {
            frozenset({locate(sentences, **item["a"]), locate(sentences, **item["b"])}) for item in data.get(label, [])
        }
    return out


def aligned_pairs(facts) -> set:
    """Every cross-outlet pair of sentences that share a fact."""
    pairs = set()
    for _, group in facts.groupby("fact"):
        members = list(zip(group["doc_id"], group["sentence"].astype(int), group["outlet"]))
        for x, (doc_a, sent_a, outlet_a) in enumerate(members):
            for doc_b, sent_b, outlet_b in members[x + 1 :]:
                if outlet_a != outlet_b:
                    pairs.add(frozenset({(doc_a, sent_a), (doc_b, sent_b)}))
    return pairs


def precision_recall(facts, gold) -> tuple[float, float, int]:
    """(precision over sure+possible, recall of sure, number of aligned pairs)."""
    found = aligned_pairs(facts)
    correct = found & (gold["sure"] | gold["possible"])
    precision = len(correct) / len(found) if found else 1.0
    recall = len(found & gold["sure"]) / len(gold["sure"])
    return precision, recall, len(found)

"""framing.reporting.sections.syndication: near-identical pairs, linked to their articles."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from framing.reporting.sections.syndication import syndication


def test_pairs_link_to_the_shown_articles_only():
    pairs = pd.DataFrame(
        {
            "doc_a": ["a", "b"],
            "doc_b": ["b", "z"],
            "outlet_a": ["A", "B"],
            "outlet_b": ["B", "Z"],
            "level": ["article", "paragraph"],
            "similarity": [0.98, 0.91],
        }
    )
    rows = syndication(SimpleNamespace(duplicates=pairs), {"a": "article-0", "b": "article-1"})
    assert [(r["anchor_a"], r["anchor_b"]) for r in rows] == [("article-0", "article-1"), ("article-1", None)]


def test_the_bundled_corpus_has_no_copies(nato_json, nato_page):
    assert nato_json["syndication"] == []
    assert "No near-duplicate articles were found." in nato_page

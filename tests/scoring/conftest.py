"""Sentences the differential tests of the sentiment re-implementations share."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from framing.text.tokenize import sentence_spans


def sentences_of(texts: list[str]) -> list[str]:
    """Every sentence (`sentence_spans`) of every text, in order."""
    return [t[a:b] for t in texts for a, b in sentence_spans(t)]


@pytest.fixture(scope="session")
def allsides_sentences(shared_data: Path) -> list[str]:
    """The first 20,000 sentences of ../shared/data/allsides-10k.jsonl.gz, article by article."""
    sentences: list[str] = []
    with gzip.open(shared_data / "allsides-10k.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            sentences += sentences_of([json.loads(line)["text"] or ""])
            if len(sentences) >= 20_000:
                break
    assert len(sentences) >= 20_000
    return sentences[:20_000]

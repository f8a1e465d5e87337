"""framing.reporting.sections.term_explorer: words by rate in an outlet and in the rest, with their sentences."""

from __future__ import annotations

import json

import numpy as np
import pytest

from framing.comparison.terms import fold
from framing.reporting.sections import term_explorer as explorer
from framing.reporting.sections.term_explorer import term_explorer
from framing.stats import matrices


@pytest.fixture(scope="module")
def section(nato_comparison, nato_corpus, nato_scores):
    return term_explorer(nato_comparison, nato_corpus, nato_scores, {})


def test_the_outlets_are_those_with_most_articles_and_the_words_capped(section, nato_scores):
    data = section["data"]
    assert data["outlets"] == matrices.top_outlets(nato_scores.table)
    assert explorer.COMMON < len(data["terms"]) <= explorer.COMMON + explorer.DISTINCTIVE * len(data["outlets"])
    assert len({t["t"] for t in data["terms"]}) == len(data["terms"])
    assert not {"said", "told", "photos", "mr"} & {w for t in data["terms"] for w in t["t"].split()}


def test_counts_are_the_comparisons_own(section, nato_comparison):
    table, names, terms = nato_comparison.counts[1]
    column = list(terms).index("nato")
    entry = next(t for t in section["data"]["terms"] if t["t"] == "nato")
    expected = np.asarray(table[:, column].todense()).ravel()
    assert entry["n"] == [int(expected[names.index(o)]) for o in section["data"]["outlets"]]
    assert entry["all"] == int(expected.sum())
    assert section["data"]["total_words"] == int(table.sum())


def test_z_is_the_distinctive_sections_z(section, nato_comparison):
    data = section["data"]
    position = {t["t"]: t for t in data["terms"]}
    rows = nato_comparison.distinctive_terms
    checked = 0
    for outlet, term, z in zip(rows["outlet"], rows["term"], rows["z"]):
        if term in position and outlet in data["outlets"]:
            assert position[term]["z"][data["outlets"].index(outlet)] == pytest.approx(z, abs=0.051), (outlet, term)
            checked += 1
    assert checked >= 5 * len(data["outlets"])


def test_each_outlets_most_distinctive_words_are_plotted(section, nato_comparison):
    words = {t["t"] for t in section["data"]["terms"]}
    rows = nato_comparison.distinctive_terms
    for outlet in section["data"]["outlets"]:
        best = rows[(rows["outlet"] == outlet) & ~rows["term"].str.contains("said")].nlargest(3, "z")["term"]
        assert set(best) <= words, outlet


def test_examples_mark_a_counted_use_and_never_exceed_the_count(section):
    data = section["data"]
    seen = 0
    for entry in data["terms"]:
        for position, examples in entry["ex"].items():
            assert 0 < len(examples) <= min(explorer.EXAMPLES, entry["n"][int(position)])
            for text, start, end, _anchor in examples:
                marked = fold(text[start:end])
                first, last = entry["t"].split()[0], entry["t"].split()[-1]
                assert marked.startswith(first) and marked.endswith(last), (entry["t"], text)
                seen += 1
    assert seen > 100


def test_the_plain_table_links_every_number_to_its_sentences(section):
    table, blocks = section["table"], section["blocks"]
    anchors = {b["anchor"] for b in blocks}
    assert table["columns"][:2] == ["outlet", "word"] and len(table["rows"]) == len(blocks)
    for row, links in zip(table["rows"], table["links"]):
        assert links[0] is None and links[1] is None and set(links[2:]) <= anchors
        assert row[4] > 0  # each outlet's most distinctive words: positive z
    words = dict(zip(section["data"]["outlets"], section["data"]["words"]))
    first = table["rows"][0]
    entry = next(t for t in section["data"]["terms"] if t["t"] == first[1])
    j = section["data"]["outlets"].index(first[0])
    assert first[2] == round(1000 * entry["n"][j] / words[first[0]], 2)
    for b in blocks:
        assert b["sentences"] and all('<mark class="term-hit">' in str(s["html"]) for s in b["sentences"])


def test_the_embedded_copy_is_the_data_and_the_json_twin_keeps_the_data(section, nato_json):
    assert json.loads(str(section["html"])) == section["data"]
    assert "html" not in nato_json["term_explorer"] and nato_json["term_explorer"]["data"]["outlets"]


def test_a_large_corpus_keeps_one_example_for_fewer_words(nato_comparison, nato_corpus, nato_scores, monkeypatch):
    monkeypatch.setattr(explorer, "SMALL", 0)
    monkeypatch.setattr(explorer, "LARGE_EXAMPLES", 2)
    small = term_explorer(nato_comparison, nato_corpus, nato_scores, {})
    outlets = small["data"]["outlets"]
    for j in range(len(outlets)):
        kept = [t for t in small["data"]["terms"] if str(j) in t["ex"]]
        assert all(len(t["ex"][str(j)]) == 1 for t in kept)
        assert len(kept) <= explorer.DISTINCTIVE + 2
    assert len(small["table"]["rows"]) == 3 * len(outlets)


def test_one_outlet_or_no_comparison_has_nothing_to_explore(nato_corpus, nato_scores):
    from framing.comparison.pipeline import compare
    from framing.corpus.inputs import as_corpus

    assert term_explorer(None, nato_corpus, nato_scores, {})["data"] is None
    one = as_corpus(nato_corpus.articles[["doc_id", "title", "text"]].assign(outlet="Only"))
    assert term_explorer(compare(one), one, nato_scores, {})["data"] is None

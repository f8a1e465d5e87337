"""framing.reporting.sections.sentiment: sentiment and subjectivity per outlet."""

from __future__ import annotations

import pytest


def test_json_numbers_match_the_scores(nato_json, nato_scores):
    for key in ("sentiment", "subjectivity"):
        rows = {row[0]: row for row in nato_json["sentiment"][key]["rows"]}
        for outlet, value in nato_scores.table.groupby("outlet")[key].mean().items():
            assert rows[outlet][2] == pytest.approx(value, abs=1e-4)


def _blocks(nato_json, key):
    return {b["anchor"]: b for b in nato_json["sentiment"][f"{key}_evidence"]}


@pytest.mark.parametrize("key", ["sentiment", "subjectivity"])
def test_every_number_of_a_row_links_to_that_outlet_s_block(nato_json, key):
    t, blocks = nato_json["sentiment"][key], _blocks(nato_json, key)
    for row, links in zip(t["rows"], t["links"]):
        assert links[0] is None and len(set(links[1:])) == 1
        assert blocks[links[1]]["heading"].startswith(f"{row[0]}: {key} of its {row[1]} article")


def test_a_sentiment_block_lists_its_articles_and_its_most_toned_sentences(nato_json, nato_scores):
    by_doc = nato_scores.table.set_index("doc_id")
    sentences = nato_scores.sentences.set_index(["doc_id", "text"])["vader"]
    for block in _blocks(nato_json, "sentiment").values():
        outlet = block["heading"].split(":")[0]
        docs = by_doc.index[by_doc["outlet"] == outlet]
        assert len(block["lines"]) == len(docs)
        for item in block["lines"]:
            assert item["anchor"].startswith("article-")
        tones = [sentences[(s["doc_id"], s["text"])] for s in block["sentences"]]
        negative = [t for t in tones if t < 0]
        assert negative == sorted(negative) and tones[len(negative) :] == sorted(tones[len(negative) :], reverse=True)
        every = nato_scores.sentences[nato_scores.sentences["doc_id"].isin(docs)]["vader"]
        if negative:
            assert negative[0] == every.min()  # the most negative sentence of the outlet comes first


def test_sentiment_sentences_mark_vader_s_words_and_subjectivity_says_it_has_none(nato_page):
    block = nato_page.split('id="tone-1"', 1)[1].split("</div>", 1)[0]
    assert 'class="hl fam-sentiment' in block and "vader › " in block
    subjective = nato_page.split('id="subjective-1"', 1)[1].split("</div>", 1)[0]
    assert "<mark" not in subjective and "marks no single words" in subjective

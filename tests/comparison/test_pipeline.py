"""framing.comparison.pipeline on the bundled corpus and on small tables built for the purpose."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.comparison.pipeline import TABLES, Comparison, compare, mark_facts
from framing.errors import FramingError


@pytest.fixture(scope="module")
def nato_comparison(nato_corpus):
    return compare(nato_corpus)


def test_bundled_corpus_tables(nato_comparison, nato_corpus):
    c = nato_comparison
    assert isinstance(c, Comparison)
    assert c.stories.nunique() == 1 and sorted(c.stories.index) == sorted(nato_corpus.articles["doc_id"])
    assert len(c.story_labels) == 1 and c.story_labels["articles"].iloc[0] == 5
    assert len(c.article_similarity) == 10  # every pair of the five articles
    sims = c.outlet_similarity.to_numpy()
    assert np.allclose(sims, sims.T) and np.allclose(np.diag(sims), 1.0)
    assert list(c.outlet_similarity.index) == sorted(nato_corpus.articles["outlet"])
    assert len(c.linkage) == 4 and sorted(c.outlet_clusters["leaf_order"]) == [0, 1, 2, 3, 4]
    assert set(c.distinctive_terms["outlet"]) == set(nato_corpus.articles["outlet"])
    assert c.facts["fact"].nunique() == len(c.omissions) >= 2  # the strict default keeps only sure facts
    assert c.duplicates.empty


def test_summary_names_closest_and_farthest_outlets(nato_comparison):
    summary = nato_comparison.summary()
    assert summary["stories"] == 1 and summary["outlets"] == 5 and summary["articles"] == 5
    most, least = summary["most_similar"], summary["least_similar"]
    assert most["similarity"] > least["similarity"]
    assert {most["a"], most["b"]} == {"Antiwar.com", "Unattributed report A (Telegraph interview)"}
    assert summary["facts"] == nato_comparison.facts["fact"].nunique()


def test_article_matrix_for_a_story(nato_comparison):
    matrix = nato_comparison.article_matrix(0)
    assert matrix.shape == (5, 5)
    assert np.allclose(matrix.to_numpy(), matrix.to_numpy().T) and np.allclose(np.diag(matrix), 1.0)


def test_tables_are_flat_and_complete(nato_comparison):
    tables = nato_comparison.tables()
    assert tuple(tables) == TABLES
    assert list(tables["stories"].columns) == ["doc_id", "story"]
    assert tables["outlet_similarity"].columns[0] == "outlet"


def test_comparison_is_deterministic(nato_corpus, nato_comparison):
    again = compare(nato_corpus)
    for name, table in nato_comparison.tables().items():
        pd.testing.assert_frame_equal(table, again.tables()[name])


def small_corpus():
    flood = (
        "Floods swept through the river valley town of Marlow on Monday, forcing 300 residents to leave. "
        "The mayor said the river rose two metres overnight."
    )
    return pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["<script>alert(1)</script>", "Valley Post", "Copy Daily"],
            "date": pd.to_datetime(["2022-03-01", "2022-03-01", "2022-03-02"]),
            "clean_text": [
                flood,
                "Marlow residents fled floods on Monday: 300 people left as the river rose two metres, the mayor said.",
                flood,
            ],
        }
    )


def test_syndicated_copy_is_collapsed_before_comparing():
    c = compare(small_corpus())
    assert list(zip(c.duplicates["doc_a"], c.duplicates["doc_b"], c.duplicates["level"])) == [("a", "c", "article")]
    assert c.stories["c"] == c.stories["a"]  # the copy keeps its original's story
    assert "Copy Daily" not in c.outlet_similarity.index  # its only article is a copy
    assert not ((c.article_similarity["doc_a"] == "c") | (c.article_similarity["doc_b"] == "c")).any()
    assert c.summary()["duplicate_articles"] == 1


def test_html_display_escapes_untrusted_text():
    html = compare(small_corpus())._repr_html_()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    for name in TABLES:
        assert name in html


def test_frame_and_loaded_words_marked_from_evidence():
    facts = pd.DataFrame({"fact": [1], "doc_id": ["a"], "start": [100], "end": [160], "text": ["x" * 60]})
    evidence = pd.DataFrame(
        {
            "doc_id": ["a", "a", "a", "b"],
            "start": [105, 120, 170, 105],
            "end": [112, 130, 175, 112],
            "text": ["buildup", "aggression", "outside", "other"],
            "family": ["frame", "loaded", "frame", "frame"],
            "category": ["military-posture.buildup", "loaded.charged", "x", "y"],
        }
    )
    marked = mark_facts(facts, evidence)
    assert marked["frame_words"].iloc[0] == "buildup (military-posture.buildup)"
    assert marked["loaded_words"].iloc[0] == "aggression (loaded.charged)"
    assert marked["marks"].iloc[0] == "5:12:frame:military-posture.buildup; 20:30:loaded:loaded.charged"
    assert mark_facts(facts, None)["frame_words"].iloc[0] == ""


def test_bad_input_is_a_framing_error():
    with pytest.raises(FramingError, match="no column 'text'"):
        compare(pd.DataFrame({"doc_id": ["a"], "outlet": ["A"]}))
    with pytest.raises(FramingError, match="no articles"):
        compare(small_corpus().iloc[:0])
    with pytest.raises(FramingError, match="duplicate id"):
        compare(small_corpus().assign(doc_id=["a", "a", "b"]))
    with pytest.raises(FramingError, match="outlet_scope"):
        compare(small_corpus(), outlet_scope="galaxy")


def test_outlet_scope_story_compares_within_shared_stories():
    c = compare(small_corpus(), outlet_scope="story")
    sims = c.outlet_similarity
    assert np.allclose(np.diag(sims.to_numpy()), 1.0)
    assert sims.loc["<script>alert(1)</script>", "Valley Post"] > 0


def test_contrast_two_outlets(nato_comparison):
    table = nato_comparison.contrast("Antiwar.com", "Defense News", top_n=10)
    assert set(table["outlet"]) == {"Antiwar.com", "Defense News"}
    antiwar = table[(table["outlet"] == "Antiwar.com") & (table["ngram"] == 1)]
    assert {"troops", "battlegroups"} <= set(antiwar["term"])
    assert (antiwar["count_rest"] <= antiwar["count"]).all() and (antiwar["z"] > 0).all()
    with pytest.raises(FramingError, match="no outlet 'Nobody'"):
        nato_comparison.contrast("Antiwar.com", "Nobody")


# Articles without text never reach compare: the one input check rejects them for every entry point
# (tests/corpus/test_inputs.py), as the readers do for a table file.
@pytest.mark.parametrize(
    "texts, outlets",
    [
        (["Troops moved east on Monday."], ["A"]),
        (["Troops moved east on Monday.", "Nothing else."], ["A", "A"]),
    ],
)
def test_tiny_corpora_give_empty_tables_not_errors(texts, outlets):
    frame = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": outlets, "clean_text": texts})
    c = compare(frame)
    assert len(c.stories) == len(texts) and c.facts.empty and c.distinctive_terms.empty
    assert np.allclose(np.diag(c.outlet_similarity.to_numpy()), 1.0)
    assert set(c.tables()) == set(TABLES)


@pytest.mark.data
def test_real_news_sample(shared_data):
    from framing.corpus.model import load_corpus

    articles = load_corpus(str(shared_data / "allsides-10k.jsonl.gz"), id_column="id").articles.head(400)
    c = compare(articles)
    assert len(c.stories) == 400 and c.stories.index.is_unique
    assert (c.story_labels["outlets"] > 1).any()
    assert c.outlet_similarity.shape[0] == articles["outlet"].nunique()
    assert not c.facts.duplicated(["fact", "outlet"]).any()
    text = articles.set_index("doc_id")["clean_text"]
    row = c.facts.iloc[0]
    assert text[row["doc_id"]][row["start"] : row["end"]] == row["text"]

"""A source read in partitions joins back into the corpus `load_corpus` gives; names and partition items."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.engine.articles import corpus_name


def test_the_gathered_corpus_equals_the_loaded_one(one_file, parts_folder, dask_client):
    from framing.corpus.model import load_corpus
    from framing.corpus.readers.columns import Columns
    from framing.engine.articles import gather_corpus

    local = load_corpus(one_file, id_column="doc_id")
    gathered, _ = gather_corpus(parts_folder, Columns(id="doc_id"), dask_client)
    pd.testing.assert_frame_equal(gathered.articles, local.articles, check_exact=True)
    pd.testing.assert_frame_equal(gathered.boilerplate, local.boilerplate, check_exact=True)
    assert gathered.name == local.name == "articles"


@pytest.mark.parametrize(
    "source,name", [("data/articles.parquet", "articles"), ("data/news.jsonl.gz", "news"), ("data/*.csv", "*")]
)
def test_a_table_is_named_by_its_file_stem(source, name):
    assert corpus_name(source) == name


def test_a_folder_is_named_by_itself_with_or_without_a_trailing_slash(tmp_path):
    folder = tmp_path / "study.v2"
    folder.mkdir()
    assert corpus_name(folder) == corpus_name(f"{folder}/") == "study.v2"

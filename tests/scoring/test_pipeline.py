"""`score_stream`: a table scored as it is read equals the corpus scored whole, whatever the chunk sizes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing.corpus.model import load_corpus
from framing.corpus.readers.columns import Columns
from framing.corpus.stream import ArticleStream
from framing.scoring import pipeline
from tests.corpus.streams import write_tables

DATA = Path(__file__).resolve().parent / "data"
TINY = [str(DATA / "tiny-posture.yaml"), str(DATA / "tiny-loaded.yaml")]


def results(run) -> dict[str, pd.DataFrame]:
    parts = list(run)
    return {key: pipeline._concat([p[key] for p in parts]) for key in ("table", "evidence")}


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    paths = write_tables(tmp_path_factory.mktemp("tables"))
    return paths, results(pipeline.score_chunks(load_corpus(paths["csv"], id_column="id"), TINY, n_jobs=1))


@pytest.mark.parametrize(("rows", "task"), [(1, 100), (3, 2), (5, 5), (1000, 100)])
def test_chunk_sizes_never_change_the_scores_or_evidence(whole, monkeypatch, rows, task):
    paths, expected = whole
    monkeypatch.setattr(pipeline, "CHUNK", task)
    run = pipeline.score_stream(ArticleStream(paths["jsonl"], Columns(id="id"), rows=rows), TINY, n_jobs=1)
    got = results(run)
    assert len(got["evidence"]) > 0 and got["table"]["outlet"].nunique() == 2
    for key in ("table", "evidence"):
        pd.testing.assert_frame_equal(got[key], expected[key])


def test_worker_processes_give_the_same_results(whole, monkeypatch):
    paths, expected = whole
    monkeypatch.setattr(pipeline, "PARALLEL_MIN", 0)
    monkeypatch.setattr(pipeline, "RECYCLE_TASKS", 2)  # fresh workers every 2 tasks
    monkeypatch.setattr(pipeline, "CHUNK", 3)
    got = results(pipeline.score_stream(ArticleStream(paths["parts"], Columns(id="id"), rows=2), TINY, n_jobs=2))
    monkeypatch.setattr(pipeline, "CHUNK", 100)
    again = results(pipeline.score_chunks(load_corpus(paths["csv"], id_column="id"), TINY, n_jobs=1))
    for key in ("table", "evidence"):
        pd.testing.assert_frame_equal(got[key], again[key])
        pd.testing.assert_frame_equal(got[key], expected[key])


def test_the_progress_bar_shows_words_per_second(whole, capsys):
    paths, _ = whole
    list(pipeline.score_stream(ArticleStream(paths["csv"], Columns(id="id")), TINY, n_jobs=1, progress=True))
    bar = capsys.readouterr().err
    assert "13/13" in bar and "words/s" in bar

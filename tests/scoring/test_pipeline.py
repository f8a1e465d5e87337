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


class SlowPipeline:
    """Stands in for a Pipeline: each task takes long enough to be interrupted mid-way."""

    def __call__(self, articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
        import time

        time.sleep(0.3)
        return {"table": articles}


def test_stopping_running_workers_ends_a_pool_whose_generator_is_still_alive():
    # Ctrl-C raised while the caller handles a result leaves the generator (and its pool) suspended;
    # the interpreter's exit then waits for the pool's manager thread, which must end
    tasks = [(pd.DataFrame({"n": [n]}), n) for n in range(40)]
    run = pipeline._parallel(SlowPipeline(), iter(tasks), 2)
    first_task, first = next(run)
    assert first["table"]["n"].tolist() == [0]
    (pool,) = list(pipeline._RUNNING_POOLS)
    workers = list(pool._processes.values())
    manager = pool._executor_manager_thread
    pipeline.stop_running_workers()
    assert not pipeline._RUNNING_POOLS
    assert all(not worker.is_alive() for worker in workers)
    manager.join(timeout=30)
    assert not manager.is_alive(), "the pool's manager thread would keep the interpreter from exiting"
    run.close()


def _collector_settings() -> tuple[tuple[int, int, int], int]:
    import gc

    return gc.get_threshold(), gc.get_freeze_count()


def test_workers_leave_their_inherited_objects_to_no_collection_and_collect_less_often():
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    fork = multiprocessing.get_context("fork")  # as the pipeline's pools start their workers
    with ProcessPoolExecutor(max_workers=1, mp_context=fork, initializer=pipeline._worker_start) as pool:
        thresholds, frozen = pool.submit(_collector_settings).result(timeout=60)
    assert thresholds == pipeline.WORKER_GC_THRESHOLDS
    assert frozen > 1000, "the objects forked from the parent should be frozen"
    assert gc.get_freeze_count() == 0 and gc.get_threshold() != pipeline.WORKER_GC_THRESHOLDS  # not the parent's

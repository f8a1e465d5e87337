"""`framing.score(...)` with a choice of engine: the argument checks, the local engine, the cluster's by_outlet."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

import framing
from framing.engine.api import BY_OUTLET_DEFAULTS, ClusterScores, score
from framing.errors import FramingError
from framing.scoring.pipeline import score as pipeline_score
from framing.scoring.scores import Scores
from tests.corpus.fixtures import write_jsonl


def test_an_unknown_engine_is_one_line(one_file):
    with pytest.raises(FramingError, match="engine 'spark': unknown; use one of local, dask"):
        framing.score(one_file, engine="spark")


def test_the_dask_engine_reads_paths_not_loaded_corpora(nato_corpus):
    with pytest.raises(FramingError, match="reads a path"):
        framing.score(nato_corpus, engine="dask")


def test_slant_is_refused_on_the_dask_engine_before_a_cluster_starts(one_file):
    with pytest.raises(FramingError, match=r"^slant=True runs on the local engine only for now"):
        score(one_file, engine="dask", slant=True)


def test_the_local_engine_is_the_pipeline_unchanged(nato_corpus):
    options = {"lexicons": ["loaded-language"], "evidence": False, "n_jobs": 1}
    pd.testing.assert_frame_equal(
        score(nato_corpus, engine="local", **options).table, pipeline_score(nato_corpus, **options).table
    )


def test_column_options_reach_the_local_engine(tmp_path):
    rows = [{"key": "k1", "paper": "Post", "body": "Ministers agreed to send more troops."}]
    path = write_jsonl(tmp_path / "t.jsonl", rows)
    table = score(
        path,
        lexicons=["loaded-language"],
        evidence=False,
        n_jobs=1,
        id_column="key",
        text_column="body",
        outlet_column="paper",
    ).table
    assert table[["doc_id", "outlet"]].values.tolist() == [["k1", "Post"]]


def test_cluster_scores_use_the_cluster_s_outlets_only_with_the_default_settings(local_scores):
    fields = {f.name: getattr(local_scores, f.name) for f in dataclasses.fields(Scores)}
    computed = pd.DataFrame({"outlet": ["from the cluster"]})
    scores = ClusterScores(**fields, outlets=computed)
    assert scores.by_outlet().equals(computed) and scores.by_outlet(**BY_OUTLET_DEFAULTS) is not computed
    other = {"n_boot": 50, "seed": 1, "level": 0.9}
    pd.testing.assert_frame_equal(scores.by_outlet(**other), local_scores.by_outlet(**other))
    assert ClusterScores(**fields).by_outlet(**other).equals(local_scores.by_outlet(**other))

"""`framing compare` and `framing report` with `--engine dask` give the local engine's tables and numbers.

AllSides articles split into 8 Parquet parts, on a LocalCluster of 2 worker
processes (the 2,000-article case is `evaluation/dask_equality.py`).
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from framing.comparison.pipeline import TABLES
from tests.cli.runner import run_main

ARTICLES = 64  # small enough for CI on 2 cores; the evaluation script runs 2,000
PARTS = 8
ID = ["--id-column", "id"]


@pytest.fixture(scope="module")
def allsides(shared_data, tmp_path_factory):
    """The first ARTICLES AllSides articles as one Parquet file and as PARTS parts, both called `articles`."""
    table = pd.read_json(shared_data / "allsides-10k.jsonl.gz", lines=True, nrows=ARTICLES, dtype=False)
    root = tmp_path_factory.mktemp("allsides")
    (root / "one").mkdir()
    table.to_parquet(root / "one" / "articles.parquet", index=False)
    parts = root / "articles"
    parts.mkdir()
    size = -(-len(table) // PARTS)
    for i in range(PARTS):
        table.iloc[i * size : (i + 1) * size].to_parquet(parts / f"part-{i}.parquet", index=False)
    return root / "one" / "articles.parquet", parts


@pytest.fixture(scope="module")
def scheduler():
    """A LocalCluster of 2 worker processes, as `--engine dask` starts one; its address for --scheduler."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
    ) as cluster:
        yield cluster.scheduler_address


def read_tables(folder):
    return {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLES}


def never_gathered(*args, **kwargs):
    raise AssertionError("the partitioned comparison gathered the corpus into the client")


def compare_both(whole, parts, scheduler, folder, monkeypatch, *options):
    """Run `framing compare` with both engines; return (local tables, dask tables). Dask may not gather the corpus."""
    import framing.engine.articles

    common = ["--format", "parquet", "--quiet", *ID, *options]
    local = run_main("compare", str(whole), "-o", str(folder / "local"), *common)
    monkeypatch.setattr(framing.engine.articles, "gather_corpus", never_gathered)
    distributed = run_main(
        "compare", str(parts), "-o", str(folder / "dask"), "--engine", "dask", "--scheduler", scheduler, *common
    )
    assert local.exit_code == distributed.exit_code == 0, distributed.stderr
    return read_tables(folder / "local"), read_tables(folder / "dask")


def assert_same_tables(got, want):
    for name in TABLES:
        pd.testing.assert_frame_equal(got[name], want[name], check_exact=False, rtol=0, atol=1e-9, obj=name)


def one_task_for_all_rows(*args, **kwargs):
    raise AssertionError("story grouping ran in one task holding every TF-IDF row")


def test_every_compare_table_equals_the_local_engine(allsides, scheduler, tmp_path, monkeypatch):
    import framing.engine.compare_parts

    monkeypatch.setattr(framing.engine.compare_parts, "stories_of", one_task_for_all_rows)  # block by block only
    want, got = compare_both(*allsides, scheduler, tmp_path, monkeypatch, "--mark-words")
    assert len(want["stories"]) == ARTICLES and len(want["facts"]) and want["facts"]["frame_words"].str.len().any()
    assert_same_tables(got, want)


def test_outlets_compared_within_stories_and_a_fixed_number_of_stories_are_equal_too(
    allsides, scheduler, tmp_path, monkeypatch
):
    options = ("--outlet-scope", "story", "--stories", "12", "--align-threshold", "0.3")
    want, got = compare_both(*allsides, scheduler, tmp_path, monkeypatch, *options)
    assert want["story_labels"]["story"].nunique() == 12 and want["outlet_similarity"].isna().any().any()
    assert_same_tables(got, want)


def never_compared_here(*args, **kwargs):
    raise AssertionError("the report compared the whole corpus in the client")


def _without_inputs(path):
    """The page without its provenance section, and the JSON's provenance without the command and the files.

    Those name the inputs, which differ (one Parquet file against a folder of
    parts, `--engine dask`); every other byte is the local engine's.
    """
    page = re.sub(r'<section id="provenance".*?</section>', "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    data = json.loads(path.with_name(path.name + ".json").read_text(encoding="utf-8"))
    provenance = {k: v for k, v in data.pop("provenance").items() if k not in ("command", "files")}
    return page, json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False), provenance


def test_the_report_is_the_local_engine_s_byte_for_byte(allsides, scheduler, tmp_path, monkeypatch):
    import framing.comparison.pipeline

    whole, parts = allsides
    pages = {name: tmp_path / name / "report.html" for name in ("local", "dask")}  # the page names its JSON
    local = run_main("report", str(whole), "-o", str(pages["local"]), *ID)
    monkeypatch.setattr(framing.comparison.pipeline, "compare", never_compared_here)  # compared on the cluster only
    distributed = run_main(
        "report", str(parts), "-o", str(pages["dask"]), "--engine", "dask", "--scheduler", scheduler, *ID
    )
    assert local.exit_code == distributed.exit_code == 0, distributed.stderr
    command = json.loads(pages["dask"].with_suffix(".html.json").read_text(encoding="utf-8"))["provenance"]["command"]
    assert "--engine dask" in command  # the re-run command says which engine
    want, got = _without_inputs(pages["local"]), _without_inputs(pages["dask"])
    assert got[1] == want[1]  # the JSON first: its diff is the readable one
    assert got[2] == want[2]
    assert got[0] == want[0] and len(got[0]) > 100_000


def test_compare_without_dask_says_what_to_install(allsides, tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    outcome = run_main("compare", str(allsides[1]), "-o", str(tmp_path / "out"), "--engine", "dask", *ID)
    assert outcome.exit_code == 2 and "framing-toolkit[dask]" in outcome.stderr
    assert not (tmp_path / "out").exists()

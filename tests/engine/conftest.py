"""A small partitioned corpus and one in-process dask cluster, shared by the engine tests."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("distributed")

COPIES = 40  # the 5 bundled articles x 40 = 200 articles
PARTS = 4
SOURCE_COLUMNS = ["doc_id", "outlet", "title", "date", "author", "url", "text"]


def repeated_articles(corpus, copies: int):
    """The bundled articles `copies` times over, with new ids, as a plain table (dates as text)."""
    import pandas as pd

    base = corpus.articles[SOURCE_COLUMNS]
    frames = [base.assign(doc_id=base["doc_id"] + f"-{k:03d}") for k in range(copies)]
    table = pd.concat(frames, ignore_index=True)
    return table.assign(date=table["date"].dt.strftime("%Y-%m-%d"))


def write_parts(table, folder: Path, parts: int = PARTS) -> Path:
    """`table` as `parts` Parquet files in `folder`, rows in order."""
    folder.mkdir(parents=True, exist_ok=True)
    size = -(-len(table) // parts)
    for i in range(parts):
        table.iloc[i * size : (i + 1) * size].to_parquet(folder / f"part-{i}.parquet", index=False)
    return folder


@pytest.fixture(scope="session")
def articles_table(nato_corpus):
    return repeated_articles(nato_corpus, COPIES)


@pytest.fixture(scope="session")
def parts_folder(articles_table, tmp_path_factory) -> Path:
    return write_parts(articles_table, tmp_path_factory.mktemp("parts") / "articles")


@pytest.fixture(scope="session")
def one_file(articles_table, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("whole") / "articles.parquet"
    articles_table.to_parquet(path, index=False)
    return path


@pytest.fixture(scope="session")
def targets_file(nato_corpus) -> Path:
    return nato_corpus.targets_path


@pytest.fixture(scope="session")
def local_scores(one_file, targets_file):
    import framing

    return framing.score(one_file, targets=targets_file, id_column="doc_id", n_jobs=1)


@pytest.fixture(scope="session")
def dask_scores(parts_folder, targets_file, dask_client):
    import framing

    return framing.score(parts_folder, targets=targets_file, engine="dask", client=dask_client, id_column="doc_id")


@pytest.fixture(scope="session")
def dask_client():
    """Two worker threads in this process, reachable over TCP on 127.0.0.1 (so the CLI can use --scheduler)."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=False,
            protocol="tcp",
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


SHARED = "Allied commanders said the new battlegroups would stand ready along the eastern flank within weeks."


@pytest.fixture(scope="session")
def articles(nato_corpus):
    """The bundled articles, a copy of the first one, and an article of another outlet that repeats a paragraph."""
    import pandas as pd

    from framing.comparison.pipeline import _articles

    base = _articles(nato_corpus)
    copy = base.iloc[[0]].assign(doc_id="copy-of-first")
    longest = max(base["clean_text"].iat[1].split("\n"), key=len)
    borrowed = base.iloc[[2]].assign(
        doc_id="borrower", outlet="Another Outlet", clean_text=f"{SHARED}\n{longest}\n{base['clean_text'].iat[3]}"
    )
    return pd.concat([base, copy, borrowed], ignore_index=True)

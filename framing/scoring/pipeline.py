"""`score(corpus)`: run every scorer over the articles, in chunks, and gather a `Scores` object.

The scorers are pure functions of a DataFrame of articles (`doc_id`,
`clean_text`); `Pipeline` runs all of them on one chunk, sharing one
tokenization between the lexicons. Large corpora are split into chunks that
worker processes score in parallel; results are put back in corpus order, so
the output does not depend on the number of processes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from weakref import WeakSet

import numpy as np
import pandas as pd

from framing.errors import FramingError
from framing.scoring.base import EVIDENCE_FAMILIES, Scorer, ScorerResult, ScoringContext, empty_evidence
from framing.scoring.registry import RunSettings, build_scorers, execution_order

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Future, ProcessPoolExecutor

    from framing.corpus.model import Corpus
    from framing.corpus.stream import ArticleStream
    from framing.lexicons.entries import Lexicon
    from framing.scoring.scores import Scores
    from framing.scoring.stance.targets import Targets

Results = dict[str, pd.DataFrame]  # one chunk's tables: table, evidence, sentences, quotes, stance
Task = tuple[pd.DataFrame, np.ndarray]  # articles (doc_id, clean_text) and their outlets

DEFAULT_LOADED = "loaded-language"  # the built-in loaded-language lexicon, used when none is given
PARALLEL_MIN = 200  # below this many articles, process start-up costs more than it saves
CHUNK = 100  # articles per task
LONG_CHUNK = 2**20  # characters: a chunk this long gives back its scorers' freed pages before the next one runs
RECYCLE_TASKS = 50  # tasks a pool of workers scores before fresh workers take over (see `_parallel`)


@dataclass(frozen=True)
class Pipeline:
    """The registry's scorers, applied to one DataFrame of articles; picklable, stateless."""

    scorers: tuple[Scorer, ...]
    evidence: bool = True  # False: leave out the evidence and sentence tables (the bulk of the memory)
    extras: bool = True  # False: return only `table` and `evidence`, what `framing score` writes

    @classmethod
    def from_settings(cls, settings: RunSettings, evidence: bool = True, extras: bool = True) -> Pipeline:
        return cls(build_scorers(settings), evidence=evidence, extras=extras)

    @property
    def targets(self) -> Targets | None:
        """The targets the stance scorer uses (None without stance)."""
        from framing.scoring.stance.targets import load_targets

        found = next((getattr(s, "targets", None) for s in self.scorers if s.name == "stance"), None)
        return None if found is None else load_targets(found)  # a Targets passes through as it is

    def __call__(self, articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
        """The chunk's tables; an article longer than `segments.SEGMENT` bytes is scored in segments."""
        from framing.scoring import segments

        if not segments.segmentable(self.scorers):
            return self._whole(articles)
        data = segments.article_bytes(articles["clean_text"])
        ranges = [segments.cuts(d, segments.SEGMENT) if d.size > segments.SEGMENT else [(0, d.size)] for d in data]
        if all(len(r) == 1 for r in ranges):
            return self._whole(articles)
        parts, first = [], 0  # runs of whole articles, and each long article on its own
        for i, article_ranges in enumerate(ranges):
            if len(article_ranges) > 1:
                if first < i:
                    parts.append(self._results(articles.iloc[first:i]))
                article = articles.iloc[i : i + 1]
                results, words = segments.score_segments(
                    self.scorers, article, data[i], article_ranges, self.evidence, return_free_memory
                )
                parts.append((results, np.array([words], dtype=np.int64)))
                first = i + 1
        if first < len(articles):
            parts.append(self._results(articles.iloc[first:]))
        merged = {s.name: segments.joined_results([p[0][s.name] for p in parts]) for s in self.scorers}
        return self._tables(articles, merged, np.concatenate([p[1] for p in parts]))

    def _whole(self, articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
        """The chunk's tables, every article scored whole with one shared tokenization."""
        return self._tables(articles, *self._results(articles))

    def _results(self, articles: pd.DataFrame) -> tuple[dict[str, ScorerResult], np.ndarray]:
        """Every scorer's result (by name) for these articles, scored whole, and their words."""
        context = ScoringContext.for_articles(articles, self.evidence)
        long_chunk = sum(map(len, context.tokens.texts)) >= LONG_CHUNK
        for scorer in execution_order(self.scorers):
            context.results[scorer.name] = scorer(articles, context)
            if long_chunk:
                return_free_memory()
        return context.results, context.tokens.word_counts()

    def _tables(
        self, articles: pd.DataFrame, found: dict[str, ScorerResult], words: np.ndarray
    ) -> dict[str, pd.DataFrame]:
        """The scorers' results (by name) joined into the chunk's tables."""
        results = [found[s.name] for s in self.scorers]
        table = pd.concat([r.table.drop(columns="doc_id") for r in results], axis=1)
        table.insert(0, "words", words)
        table.insert(0, "doc_id", articles["doc_id"].to_numpy())
        # the sentence, quote and stance tables cost the pickling back to the parent when nobody reads them
        extras = {name: frame for r in results for name, frame in r.extras.items()} if self.extras else {}
        if not self.evidence:
            return {"table": table, "evidence": empty_evidence(), **extras}
        evidence = pd.concat([r.evidence for r in results], ignore_index=True)
        return {"table": table, "evidence": _sorted(evidence, articles["doc_id"]), **extras}


def _sorted(evidence: pd.DataFrame, doc_ids: pd.Series) -> pd.DataFrame:
    """Evidence in corpus order, then by offsets; rows on one span in `EVIDENCE_FAMILIES` order."""
    position = {d: i for i, d in enumerate(doc_ids)}
    key = evidence["doc_id"].map(position)
    rank = {family: i for i, family in enumerate(EVIDENCE_FAMILIES)}
    family = evidence["family"].map(rank).fillna(len(rank)).to_numpy()
    order = np.lexsort((family, evidence["end"].to_numpy(), evidence["start"].to_numpy(), key.to_numpy()))
    return evidence.iloc[order].reset_index(drop=True).astype({"negated": bool, "weight": float})


# ---------------------------------------------------------------- the facade


def score(
    corpus: object,
    lexicons: Any = None,
    targets: Any = None,
    *,
    n_jobs: int | None = None,
    progress: bool = False,
    evidence: bool = True,
    slant: bool = False,
) -> Any:
    """Score every article of `corpus`: sentiment, frames, stance, loaded language, sourcing.

    `lexicons`: names or paths (default: every built-in lexicon); a lexicon
    whose file says `family: loaded-language` feeds the `loaded.*` columns
    (at most one; the built-in `loaded-language` when none is given), the
    others (`family: frames`, the default) the `frame.*` columns. `targets`: a targets file or `Targets` (default: the
    corpus' own `targets.yaml`, if any). `n_jobs`: worker processes (default:
    every core; used only above 200 articles). `evidence=False` leaves the
    evidence and sentence tables empty: for 100,000 articles they would take
    gigabytes, the scores table a few tens of megabytes (see `score_chunks`
    to go through the evidence chunk by chunk instead). `slant=True` adds the
    sentence-slant scorer (`slant`, `slant.share`, slant evidence): opt-in,
    because it doubles the scoring time (see the slant guide).
    """
    from framing.corpus.inputs import as_corpus

    corpus = as_corpus(corpus)  # once here, so the dates below come from the same articles
    run = score_chunks(corpus, lexicons, targets, n_jobs=n_jobs, progress=progress, evidence=evidence, slant=slant)
    return joined_scores(run, corpus)


def joined_scores(run: Chunks, corpus: Corpus, each: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> Scores:
    """`run`'s chunks (over `corpus`) joined into one `Scores`, each table in order.

    `each`: applied to every table of a chunk as the chunk arrives (the
    report keeps them lean, so that the whole run's per-cell objects
    never exist at once). Chunks are freed as they are joined.
    """
    from framing.scoring.scores import Scores

    parts = [{key: each(frame) for key, frame in part.items()} if each else part for part in run]
    merged = {key: _concat([p.pop(key) for p in parts]) for key in list(parts[0])}  # frees chunks as it goes
    articles = corpus.articles
    dates = articles.set_index("doc_id")["date"] if "date" in articles.columns else None
    return Scores(
        table=merged["table"],
        evidence=merged["evidence"],
        sentences=merged["sentences"],
        quotes=merged["quotes"],
        stance=merged["stance"],
        lexicons=run.lexicons,
        targets=run.targets,
        dates=dates,
    )


def score_chunks(
    corpus: object,
    lexicons: Any = None,
    targets: Any = None,
    *,
    n_jobs: int | None = None,
    progress: bool = False,
    evidence: bool = True,
    slant: bool = False,
    extras: bool = True,
) -> Chunks:
    """The results of `score`, chunk by chunk in corpus order, without ever holding them all.

    Iterating the returned `Chunks` yields dicts with `table` (with
    `outlet`), `evidence`, `sentences`, `quotes` and `stance` for about
    `CHUNK` articles each; concatenated they equal `score(...)`'s tables
    (`extras=False`: `table` and `evidence` only).
    `framing score` writes them to its output files as they come, so memory
    stays flat however large the corpus. `.lexicons` and `.targets` say what
    was used.
    """
    from framing.corpus.inputs import as_corpus

    corpus = as_corpus(corpus)
    return Chunks(
        _prepare(corpus, lexicons, targets, evidence, slant, extras),
        corpus.articles["outlet"].to_numpy(),
        n_jobs,
        progress,
    )


@dataclass(frozen=True)
class _Run:
    """What one scoring run needs: the articles, the pipeline and the lexicons it uses."""

    articles: pd.DataFrame
    pipeline: Pipeline
    lexicons: tuple[Lexicon, ...]


@dataclass(frozen=True)
class Chunks:
    """A scoring run to iterate chunk by chunk (see `score_chunks`)."""

    run: _Run
    outlets: np.ndarray
    n_jobs: int | None
    progress: bool

    @property
    def lexicons(self) -> tuple[Lexicon, ...]:
        return self.run.lexicons

    @property
    def targets(self) -> Targets | None:
        return self.run.pipeline.targets

    def __iter__(self) -> Iterator[Results]:
        articles = self.run.articles
        tasks = ((articles.iloc[i : i + CHUNK], self.outlets[i : i + CHUNK]) for i in range(0, len(articles), CHUNK))
        return _scored(self.run.pipeline, tasks, len(articles), self.n_jobs, self.progress)


def score_stream(
    stream: ArticleStream,
    lexicons: Any = None,
    targets: Any = None,
    *,
    n_jobs: int | None = None,
    progress: bool = False,
    evidence: bool = True,
    slant: bool = False,
    extras: bool = True,
) -> StreamChunks:
    """`score_chunks` for an `ArticleStream` (`framing.corpus.stream`): a table scored as it is read.

    The stream is surveyed first (its errors raised, its repeated lines
    found); iterating the result then reads and scores it chunk by chunk, in
    the same chunks of `CHUNK` articles as `score_chunks`, so the results are
    the same, whatever the size of the chunks read.
    """
    stream.survey()  # the corpus' errors first, as `score_chunks` loads the corpus before the lexicons
    frame_lexicons, loaded_lexicon = _lexicons(lexicons)
    settings = RunSettings(frame_lexicons, loaded_lexicon, _targets(stream, targets), slant=slant)
    pipeline = Pipeline.from_settings(settings, evidence=bool(evidence), extras=extras)
    return StreamChunks(stream, pipeline, (*frame_lexicons, loaded_lexicon), n_jobs, progress)


@dataclass(frozen=True)
class StreamChunks:
    """A streamed scoring run to iterate chunk by chunk (see `score_stream`)."""

    stream: ArticleStream
    pipeline: Pipeline
    lexicons: tuple[Lexicon, ...]
    n_jobs: int | None
    progress: bool

    @property
    def targets(self) -> Targets | None:
        return self.pipeline.targets

    def __iter__(self) -> Iterator[Results]:
        return _scored(self.pipeline, _regrouped(self.stream), len(self.stream), self.n_jobs, self.progress)


def _regrouped(batches: Iterable[pd.DataFrame]) -> Iterator[Task]:
    """(articles, outlets) of `CHUNK` articles each from batches of any size, indexed as in the whole corpus."""
    pending: list[pd.DataFrame] = []
    held, first = 0, 0
    for batch in batches:
        pending.append(batch)
        held += len(batch)
        while held >= CHUNK:
            joined = pd.concat(pending) if len(pending) > 1 else pending[0]
            yield _task(joined.iloc[:CHUNK], first)
            first += CHUNK
            rest = joined.iloc[CHUNK:]
            pending, held = ([rest] if len(rest) else []), len(rest)
    if held:
        yield _task(pd.concat(pending) if len(pending) > 1 else pending[0], first)


def _task(articles: pd.DataFrame, first: int) -> Task:
    frame = articles[["doc_id", "clean_text"]].set_axis(pd.RangeIndex(first, first + len(articles)))
    return frame, articles["outlet"].to_numpy()


def _prepare(
    corpus: Corpus, lexicons: Any, targets: Any, evidence: bool, slant: bool = False, extras: bool = True
) -> _Run:
    articles = _articles(corpus)
    frame_lexicons, loaded_lexicon = _lexicons(lexicons)
    settings = RunSettings(frame_lexicons, loaded_lexicon, _targets(corpus, targets), slant=slant)
    pipeline = Pipeline.from_settings(settings, evidence=bool(evidence), extras=extras)
    return _Run(articles, pipeline, (*frame_lexicons, loaded_lexicon))


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate chunk results; empty chunks must not change the column types."""
    full = [f for f in frames if len(f)]
    return pd.concat(full or frames[:1], ignore_index=True)


def _articles(corpus: Corpus) -> pd.DataFrame:
    """What the scorers read: doc_id and clean_text (the corpus passed `as_corpus`)."""
    return corpus.articles[["doc_id", "clean_text"]].reset_index(drop=True)


def _lexicons(names: Any) -> tuple[tuple[Lexicon, ...], Lexicon]:
    from framing.lexicons.model import FRAMES, LOADED_LANGUAGE, POLICY_FRAMES, builtin_lexicons, load_lexicon, of_family

    if names is None:
        names = builtin_lexicons()
    elif isinstance(names, (str, os.PathLike)) or hasattr(names, "categories"):
        names = [names]  # one lexicon given on its own
    names = list(names)
    if not names:
        raise FramingError("lexicons: an empty list; name at least one lexicon, or pass None for the built-ins")
    loaded = [load_lexicon(n) for n in names]
    frames = tuple(of_family(loaded, FRAMES, POLICY_FRAMES))  # policy frames are scored as frames
    chosen = of_family(loaded, LOADED_LANGUAGE)
    if len(chosen) > 1:
        raise FramingError(
            f"lexicons: {chosen[0].name} and {chosen[1].name} are both loaded-language lexicons "
            "(family: loaded-language); give only one"
        )
    return frames, chosen[0] if chosen else load_lexicon(DEFAULT_LOADED)


def _targets(corpus: object, targets: Any) -> Targets | None:
    from framing.scoring.stance.targets import load_targets

    if targets is None:
        path = getattr(corpus, "targets_path", None)
        return load_targets(path) if path else None
    return load_targets(targets)


def _scored(
    pipeline: Pipeline, tasks: Iterable[Task], total: int, n_jobs: int | None, progress: bool
) -> Iterator[Results]:
    """Each task's results with its `outlet` column, in order, scored in worker processes when it pays.

    The progress bar counts articles and shows the words scored per second.
    """
    import time

    from tqdm import tqdm

    jobs = _jobs(n_jobs)
    started, words = time.perf_counter(), 0
    with tqdm(total=total, disable=not progress, file=sys.stderr, unit="article", desc="scoring") as bar:
        results = (
            (((articles, outlets), pipeline(articles)) for articles, outlets in tasks)
            if jobs == 1 or total <= PARALLEL_MIN
            else _parallel(pipeline, tasks, jobs)
        )
        for (articles, outlets), part in results:
            part["table"].insert(1, "outlet", outlets)
            words += int(part["table"]["words"].sum())
            bar.set_postfix_str(f"{words / max(time.perf_counter() - started, 1e-9):,.0f} words/s", refresh=False)
            bar.update(len(articles))
            yield part


def _parallel(pipeline: Pipeline, tasks: Iterable[Task], jobs: int) -> Iterator[tuple[Task, Results]]:
    """Score tasks in worker processes; yield (task, results) in order, with at most 2 x jobs tasks in flight.

    The workers are replaced by fresh ones every `RECYCLE_TASKS` tasks: the
    scorers keep process-wide tables of the words they have met (memoised
    token facts), which grow with every new word, so a worker that scored a
    million articles would hold them all. Fresh workers start from the
    parent's pages again; the results do not depend on which worker scores what.
    """
    from itertools import chain, islice

    remaining = iter(tasks)
    while (first := next(remaining, None)) is not None:
        yield from _pool(pipeline, chain([first], islice(remaining, RECYCLE_TASKS - 1)), jobs)


def _pool(pipeline: Pipeline, tasks: Iterable[Task], jobs: int) -> Iterator[tuple[Task, Results]]:
    """`tasks` scored by one pool of `jobs` worker processes, in order."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    # fork where the system has it: a script or notebook without an `if __name__ == "__main__"`
    # guard still works (spawn would re-run it); workers share the parent's pages copy-on-write
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return_free_memory()  # each forked worker's RSS starts as the parent's: start it small
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_start) as pool:
        _RUNNING_POOLS.add(pool)
        try:
            pending: deque[tuple[Task, Future[Results]]] = deque()
            for task in tasks:
                pending.append((task, pool.submit(_score_task, pipeline, task[0])))
                if len(pending) >= 2 * jobs:
                    task, future = pending.popleft()
                    yield task, future.result()
            while pending:
                task, future = pending.popleft()
                yield task, future.result()
        except BaseException:  # interrupted, terminated, or the consumer stopped: end the workers now
            _stop_workers(pool)
            raise
        finally:
            _RUNNING_POOLS.discard(pool)


def _score_task(pipeline: Pipeline, articles: pd.DataFrame) -> Results:
    """One task in a worker, whose freed pages then go back to the system (see `return_free_memory`)."""
    results = pipeline(articles)
    _trim_heap()
    return results


def return_free_memory() -> None:
    """Collect garbage and give the C heap's free pages back to the system (glibc's `malloc_trim`).

    The parent's chunks and results are freed once written, but glibc keeps
    the pages; a pool forked then would count them again in every worker.
    The report calls it too, after a phase that frees hundreds of MiB.
    """
    import gc

    gc.collect()
    _trim_heap()


def _trim_heap() -> None:
    """glibc's `malloc_trim(0)`: the free pages at the top and inside the C heap go back to the system."""
    global _MALLOC_TRIM
    if _MALLOC_TRIM is None:
        import ctypes
        import ctypes.util

        name = ctypes.util.find_library("c") if sys.platform.startswith("linux") else None
        _MALLOC_TRIM = getattr(ctypes.CDLL(name), "malloc_trim", False) if name else False
    if _MALLOC_TRIM:
        _MALLOC_TRIM(0)


_MALLOC_TRIM: Any = None  # glibc's malloc_trim once looked up, False where there is none


def _worker_start() -> None:
    """A worker leaves Ctrl-C and SIGTERM to the parent, which stops it (no traceback per worker),
    and spends less time in the garbage collector (measured on 1,000 AllSides articles in one process: 0.03 s instead of 0.3 s).

    `gc.freeze()` moves the objects it was forked with to a generation the
    collector never scans: a full collection would otherwise read and write
    every one of the parent's objects (copying each page they sit on) to
    find no garbage among them; they live as long as the worker either way.
    `WORKER_GC_THRESHOLDS` then collect the worker's own objects after
    20,000 allocations rather than 700: a task makes millions of short-lived
    objects, almost none in reference cycles, so the frequent young
    collections found nearly nothing. No result depends on the collector.
    """
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    gc.freeze()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


WORKER_GC_THRESHOLDS = (20_000, 20, 20)  # a worker's gc thresholds (Python's defaults: 700, 10, 10)


_RUNNING_POOLS: WeakSet[ProcessPoolExecutor] = WeakSet()


def stop_running_workers() -> None:
    """End the worker processes of every pool still running; the CLI calls it on Ctrl-C and SIGTERM.

    A signal that arrives while the caller handles a chunk is raised there,
    outside the generator that owns the pool; the traceback then keeps that
    generator alive, so its own clean-up would run only after the
    interpreter's exit has already waited, forever, for the pool.
    """
    for pool in list(_RUNNING_POOLS):
        _stop_workers(pool)
        _RUNNING_POOLS.discard(pool)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Cancel queued chunks and end running ones: an interrupted run must not wait for its workers.

    ProcessPoolExecutor has no public way to end a running task, so the
    worker processes are terminated directly (they hold no file of ours).
    Its task queue is then let go as CPython does for a broken pool
    (gh-94777): a chunk half-sent into the pipe of a dead worker would
    otherwise block the queue's feeder thread, which the pool's shutdown
    and the interpreter's exit both wait for, and the run would hang after
    saying it was interrupted. The same holds for a result half-sent by a
    worker that was terminated: see the end.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    call_queue = getattr(pool, "_call_queue", None)
    if call_queue is not None:
        call_queue.cancel_join_thread()  # nobody waits for chunks that no worker will read
        call_queue._reader.close()  # the feeder's blocked write fails instead of waiting forever
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
    result_queue = getattr(pool, "_result_queue", None)
    if result_queue is not None:
        # a worker killed halfway through sending its result leaves the pool's manager thread reading
        # the rest forever (this process holds the pipe's other end): closing it ends the read with EOF
        result_queue._writer.close()


def _jobs(n_jobs: int | None) -> int:
    if n_jobs is None or n_jobs <= 0:
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1
    return int(n_jobs)

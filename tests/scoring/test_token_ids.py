"""The shared index of distinct tokens: ids in first-seen order, one lookup per batch, bounded by restarts."""

from __future__ import annotations

from framing.scoring import textblob_fast, vader_tokens
from framing.scoring.sentence_tokens import split_batch
from framing.scoring.token_ids import RawIndex, lookup_ids


def test_ids_are_first_seen_order_and_new_keys_reach_add_once():
    index: dict[str, int] = {"known": 0}
    added: list[list[str]] = []

    def add(new: list[str]) -> None:
        added.append(new)
        index.update((k, len(index)) for k in new)

    assert lookup_ids(index, ["a", "known", "b", "a"], add).tolist() == [1, 0, 2, 1]
    assert added == [["a", "b"]]
    assert lookup_ids(index, ["b", "known"], add).tolist() == [2, 0] and len(added) == 1


def test_the_same_batch_is_looked_up_once_and_shared():
    raw = RawIndex()
    keys = ["one", "two"]
    first = raw.ids(keys)
    assert raw.ids(keys) is first and not first.flags.writeable
    assert raw.ids(["two", "three"]).tolist() == [1, 2]


def test_restart_past_the_limit_starts_a_new_generation():
    raw = RawIndex(limit=2)
    raw.ids(["a", "b", "c"])
    assert raw.generation == 0
    assert raw.ids(["d"]).tolist() == [0] and raw.generation == 1 and raw.tokens == ["d"]


def test_both_caches_follow_a_restart_of_their_shared_index(monkeypatch):
    raw = RawIndex(limit=3)
    vader = vader_tokens.TokenTable(index=raw)
    textblob = textblob_fast._RawTokens(raw)
    monkeypatch.setattr(vader_tokens, "token_table", lambda: vader)
    monkeypatch.setattr(textblob_fast, "_tables", lambda: textblob)
    first = split_batch(["a good day for all", "bad"])
    vader.ids_of(first), textblob.ids(first.uniques)
    second = split_batch(["Terrible news!", "good"])
    ids, _ = vader.ids_of(second)
    rows = textblob.ids(second.uniques)[second.codes]
    assert (
        raw.generation == 1 and vader.size == textblob.lengths.size - 1 == len(raw.tokens) == 4
    )  # with the mark that joins the texts
    assert [vader.words[i] for i in ids.tolist()] == ["Terrible", "news", "good"]
    pieces = [
        textblob.vocabulary.words[i]
        for r in rows.tolist()
        for i in textblob.data[textblob.starts[r] :][: textblob.lengths[r]]
    ]
    assert pieces == ["terrible", "news", "!", "good"]

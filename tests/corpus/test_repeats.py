"""The repetition rule on fingerprints: chunks add up to the whole, sentences and labels follow their rules."""

from __future__ import annotations

import pandas as pd

from framing.corpus.clean import candidate_keys, repeat_rows
from framing.corpus.repeats import (
    IdFingerprints,
    RepeatCounter,
    furniture,
    is_sentence,
    line_fingerprint,
    text_fingerprint,
)
from tests.corpus.streams import stream_rows


def test_fingerprints_are_stable_signed_64_bit_and_mark_sentences():
    label, sentence = line_fingerprint("our weekly digest"), line_fingerprint("the paper is funded by its readers.")
    assert -(2**63) <= label < 2**63 and not is_sentence(label) and is_sentence(sentence)
    assert line_fingerprint("our weekly digest") == label != line_fingerprint("our weekly digests")
    assert text_fingerprint("a") == text_fingerprint("a") != text_fingerprint("b")


def test_rows_are_distinct_and_identical_texts_share_an_identity():
    text = "Headline\nOur weekly digest\nBody text here."
    rows = repeat_rows([text, text], ["P", "P"], ["", ""])
    assert list(rows.columns) == ["key", "outlet", "identity"] and len(rows) == len(candidate_keys(text, "")) == 2


def counted(rows: list[dict[str, str]], size: int) -> frozenset[int]:
    counter = RepeatCounter()
    for start in range(0, len(rows), size):
        part = pd.DataFrame(rows[start : start + size])
        counter.add_rows(repeat_rows(part["text"], part["outlet"], part["author"]))
    return counter.furniture()


def test_chunks_add_up_to_the_whole_corpus():
    rows = stream_rows()
    whole = counted(rows, len(rows))
    assert whole == counted(rows, 1) == counted(rows, 4)
    assert line_fingerprint("our weekly digest") in whole  # 3 texts overall
    assert line_fingerprint("sign in to keep reading the desk") in whole  # 2 texts of one outlet
    assert line_fingerprint("the harbour gazette is funded by its readers across the region.") in whole
    assert line_fingerprint("the statement was issued by the alliance late on tuesday.") not in whole  # wire copy


def test_merging_parts_keeps_every_count(monkeypatch):
    monkeypatch.setattr(RepeatCounter, "COMPACT_ROWS", 1)  # merge after every chunk
    rows = stream_rows()
    assert counted(rows, 2) == counted(rows, len(rows))


def test_the_rule_on_counts():
    label, sentence = line_fingerprint("more news"), line_fingerprint("this sentence repeats in many places.")
    assert furniture({label: 3}, {}) == {label}
    assert furniture({label: 2}, {("P", label): 1, ("Q", label): 1}) == frozenset()
    assert furniture({label: 2}, {("P", label): 2}) == {label}
    assert furniture({sentence: 9}, {("P", sentence): 2}) == frozenset()
    assert furniture({sentence: 3}, {("P", sentence): 3}) == {sentence}


def test_id_fingerprints_name_every_row_whose_id_repeats_across_chunks():
    ids = IdFingerprints()
    ids.add(["a", "b", "c"])
    ids.add(["d", "a", "e", "c"])
    ids.add([])
    assert ids.candidates().tolist() == [0, 2, 4, 6]
    assert IdFingerprints().candidates().tolist() == []

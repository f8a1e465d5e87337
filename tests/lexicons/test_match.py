"""Lexicon matching: exact offsets, longest match, wildcards, phrases, negation, case."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.errors import FramingError
from framing.lexicons.match import HIT_COLUMNS, TokenTable, entry_pattern, match, word_counts
from framing.lexicons.model import load_lexicon, parse_lexicon

LEXICON = parse_lexicon("""
name: test
description: test
version: "1"
source: tests
licence: MIT
categories:
  defensive:
    description: d
    colour: "#0072B2"
    entries: [deterrence, defen*, safe and secure, "Russia's neighbours", {term: reassure, weight: 2.5}]
  buildup:
    description: b
    colour: "#D55E00"
    entries: [buildup, military buildup, massive military buildup, threat, provoke*, escalation, "defence spending"]
  diplomacy:
    description: g
    colour: "#009E73"
    entries: [prevent escalation, talks]
  both:
    description: a term in two categories
    colour: "#E69F00"
    entries: [threat]
""")


def hits_of(text, lexicon=LEXICON):
    return match(lexicon, [text])


def found(text, lexicon=LEXICON):
    return [(row.text, row.category, bool(row.negated)) for row in hits_of(text, lexicon).itertuples()]


def test_columns_and_types():
    hits = match(LEXICON, ["Deterrence works.", "A massive military buildup."], doc_ids=["a", "b"])
    assert list(hits.columns) == HIT_COLUMNS
    assert list(hits["doc_id"]) == ["a", "b"]
    assert list(hits["lexicon"]) == ["test", "test"]
    assert hits["negated"].dtype == bool and hits["weight"].dtype == float
    assert hits["start"].dtype == np.int64


def test_offsets_slice_the_given_texts_exactly():
    texts = ["  NATO’s deterrence, “safe and secure”.\n\nThen a military buildup!", "", "No hits here."]
    hits = match(LEXICON, texts)
    assert len(hits) == 3
    for row in hits.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text


def test_sentence_index_follows_sentence_spans():
    text = "Talks began. Then came deterrence. Finally a buildup."
    hits = hits_of(text)
    assert dict(zip(hits["text"], hits["sentence"])) == {"Talks": 0, "deterrence": 1, "buildup": 2}


def test_longest_match_wins_and_hits_do_not_overlap():
    assert found("a massive military buildup") == [("massive military buildup", "buildup", False)]
    assert found("the military buildup") == [("military buildup", "buildup", False)]
    assert found("to prevent escalation") == [("prevent escalation", "diplomacy", False)]
    assert found("risk of escalation") == [("escalation", "buildup", False)]


def test_defensive_phrase_beats_wildcard_single_word():
    assert found("defence spending rose") == [("defence spending", "buildup", False)]
    assert found("defence rose") == [("defence", "defensive", False)]


def test_wildcard_matches_by_prefix_only():
    assert [t for t, _, _ in found("defend, defenders, defensive; undefended")] == ["defend", "defenders", "defensive"]
    assert found("provoked provocation") == [("provoked", "buildup", False)]


def test_multiword_phrases_use_tokens_not_characters():
    assert found("safe and secure") == [("safe and secure", "defensive", False)]
    assert found("safe  and\nsecure") == [("safe  and\nsecure", "defensive", False)]
    assert found("safe, and secure") == []  # punctuation is a token: the phrase is broken
    assert found("safe and\n\nsecure") == []  # a blank line ends the sentence
    assert found("Safe and\r\n  \r\nsecure") == []
    assert found("Russia’s neighbours") == [("Russia’s neighbours", "defensive", False)]  # curly apostrophe


def test_phrase_does_not_run_into_the_next_document():
    hits = match(LEXICON, ["the military", "buildup began"])
    assert list(zip(hits["doc_id"], hits["text"])) == [(1, "buildup")]


def test_case_insensitive_by_default():
    assert [t for t, _, _ in found("DETERRENCE Deterrence deterrence")] == ["DETERRENCE", "Deterrence", "deterrence"]


def test_case_sensitive_lexicon():
    lexicon = parse_lexicon("""
name: cs
description: d
version: "1"
source: s
licence: MIT
case_sensitive: true
categories:
  us:
    description: the country
    colour: "#0072B2"
    entries: [US, U.S.]
""")
    assert [t for t, _, _ in found("US troops, us and U.S. forces", lexicon)] == ["US", "U.S."]


def test_term_in_two_categories_gives_a_hit_in_each():
    assert found("a threat") == [("threat", "buildup", False), ("threat", "both", False)]


def test_weights_come_from_entries():
    hits = hits_of("They reassure and deter.")
    assert list(hits["weight"]) == [2.5]


@pytest.mark.parametrize(
    "text, negated",
    [
        ("This is not a threat.", True),
        ("Russia is no threat to anyone.", True),
        ("NATO has no plans to provoke Moscow.", True),
        ("They would never provoke a war.", True),
        ("It isn’t a buildup.", True),
        ("It isn't a buildup.", True),
        ("It is no longer a threat.", True),
        ("They want to defend rather than provoke.", True),
        ("Not only deterrence but buildup.", False),  # "not only" is not a negation ...
        ("This is a threat.", False),
        ("It is not, however, a threat.", False),  # the comma closes the scope
        ("Not now; a threat later.", False),
        ("Not what we wanted but a threat.", False),  # "but" closes the scope
        ("Not a big, massive, new threat.", False),  # too far and behind commas
        ("Never would anyone say this is a threat.", False),  # outside the 3-token window
    ],
)
def test_negation_scope(text, negated):
    hits = hits_of(text)
    last = hits.iloc[-1]
    assert bool(last["negated"]) is negated, (text, hits)


def test_negation_does_not_cross_documents():
    hits = match(LEXICON, ["It is not", "a threat"])
    assert not hits["negated"].any()


def test_negation_of_phrase_looks_before_its_first_word():
    assert found("there is no military buildup") == [("military buildup", "buildup", True)]


def test_scare_quotes_come_out_as_hits():
    lexicon = load_lexicon("loaded-language")
    text = "Moscow calls it a “special military operation”. The “tripwire” forces are there."
    hits = match(lexicon, [text])
    quotes = hits[hits["category"] == "scare_quotes"]
    assert list(quotes["text"]) == ["“tripwire”"]  # "calls" attributes the first phrase
    text = "NATO will undergo a major “reset” and the “special military operation” goes on."
    quotes = match(lexicon, [text]).query("category == 'scare_quotes'")
    assert list(quotes["text"]) == ["“reset”", "“special military operation”"]
    assert not quotes["negated"].any() and (quotes["weight"] == 1.0).all()


def test_scare_quote_hits_may_contain_word_hits():
    hits = match("loaded-language", ["Others saw a “massive provocation” coming."])
    assert list(zip(hits["text"], hits["category"])) == [
        ("“massive provocation”", "scare_quotes"),
        ("massive", "loaded_adjectives"),
    ]


def test_no_texts_and_empty_texts():
    assert list(match(LEXICON, []).columns) == HIT_COLUMNS
    assert match(LEXICON, ["", None, float("nan")]).empty
    assert list(word_counts(["", None])) == [0, 0]


def test_doc_ids_must_match_texts():
    with pytest.raises(FramingError, match="2 doc_ids for 1 texts"):
        match(LEXICON, ["a"], doc_ids=["x", "y"])


def test_token_table_must_belong_to_the_texts():
    with pytest.raises(FramingError, match="2 texts but the token table holds 1"):
        match(LEXICON, ["a", "b"], tokens=TokenTable.from_texts(["a"]))


def test_word_counts_skip_punctuation():
    assert list(word_counts(["NATO’s deterrence, “safe and secure”.", "One two three"])) == [6, 3]


def test_token_table_is_reusable_across_lexicons():
    texts = ["a military buildup", "deterrence talks"]
    table = TokenTable.from_texts(texts)
    assert match(LEXICON, texts, tokens=table).equals(match(LEXICON, texts))
    assert len(match("military-posture", texts, tokens=table)) > 0


def test_entry_patterns():
    assert entry_pattern("defen*") == [("prefix", "defen")]
    assert entry_pattern("military buildup") == [("exact", "military"), ("exact", "buildup")]
    assert entry_pattern("Russia's border*") == [("exact", "Russia"), ("exact", "'s"), ("prefix", "border")]


def test_output_is_reproducible():
    texts = ["A massive military buildup is not a threat, talks said.", "Deterrence and “reset” and defence."]
    first, second = match("military-posture", texts), match("military-posture", texts)
    assert first.equals(second)


words = st.sampled_from(
    [
        "deterrence",
        "defence",
        "Defensive",
        "safe",
        "and",
        "secure",
        "military",
        "buildup",
        "massive",
        "not",
        "no",
        "threat",
        "talks",
        "escalation",
        "prevent",
        "NATO’s",
        "x",
    ]
)
seps = st.sampled_from([" ", "  ", ", ", ". ", "\n\n", " — ", "; ", " “", "” "])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(words, seps), max_size=30), st.lists(st.tuples(words, seps), max_size=10))
def test_property_every_hit_slices_its_text(first, second):
    texts = ["".join(w + s for w, s in first), "".join(w + s for w, s in second)]
    hits = match(LEXICON, texts)
    spans = {}
    for row in hits.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
        assert row.start < row.end
        spans.setdefault(row.doc_id, set()).add((row.start, row.end))
    for doc_spans in spans.values():  # distinct spans never overlap
        ordered = sorted(doc_spans)
        assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:]))


quoted_words = st.sampled_from(
    [
        "reset",
        "tripwire",
        "special military operation",
        "said",
        "claimed",
        "massive",
        "perhaps",
        "he",
        "called",
        "it",
        "a",
        "not",
        "very",
        "NATO’s",
        "Stop.",
    ]
)
marks = st.sampled_from([" ", " “", "” ", ' "', '" ', " ‘", "’ ", ", ", ". ", "\n\n", "’s "])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(quoted_words, marks), max_size=30))
def test_property_loaded_language_hits_slice_their_text(parts):
    text = "".join(w + m for w, m in parts)
    for row in match("loaded-language", [text]).itertuples():
        assert text[row.start : row.end] == row.text and row.start < row.end


def test_totals_equal_the_document_term_matrix_product():
    """For one-token entries the hit sums are exactly DTM (docs x vocabulary) @ W (vocabulary x categories).

    The matcher works on the flat token-id array instead (it needs positions for
    offsets, phrases and negation); this checks it against the classic formulation.
    """
    from scipy import sparse

    from framing.lexicons.match import compile_lexicon

    one_token = parse_lexicon("""
name: single
description: d
version: "1"
source: s
licence: MIT
categories:
  a: {description: a, colour: "#0072B2", entries: [deterrence, {term: defen*, weight: 2}, threat]}
  b: {description: b, colour: "#D55E00", entries: [buildup, threat, "massive"]}
""")
    texts = ["Deterrence and defence, a threat.", "A massive buildup; no threat.", "", "defended defenders threat"]
    table = TokenTable.from_texts(texts)
    ids, vocab, index = table.keyed(False)
    dtm = sparse.csr_matrix((np.ones(len(ids)), (table.doc_of(), ids)), shape=(len(texts), len(vocab)))
    single, phrases = compile_lexicon(one_token, vocab, index)
    assert not phrases
    token, category, weight = (np.asarray(col) for col in list(zip(*single))[:3])
    weights = sparse.csr_matrix((weight, (token, category)), shape=(len(vocab), len(one_token.categories)))
    expected = (dtm @ weights).toarray()
    hits = match(one_token, texts)
    sums = hits.pivot_table(index="doc_id", columns="category", values="weight", aggfunc="sum")
    got = sums.reindex(index=range(len(texts)), columns=["a", "b"]).fillna(0).to_numpy()
    np.testing.assert_allclose(got, expected)


TOKENS = st.lists(st.one_of(st.text(), st.sampled_from(["Σ", "ΑΣ", "'Σ", "ΑΣ'", "ΣΑ", "İ", "ß", "_", "a_", "’s"])))


@settings(deadline=None, max_examples=300)
@given(TOKENS)
def test_fold_each_folds_as_one_by_one(strings):
    from framing.lexicons.match import _QUOTE_FOLD, fold_each
    from framing.text.tokenize import normalize_token

    assert fold_each(strings, normalize_token) == [normalize_token(s) for s in strings]
    assert fold_each(strings, lambda s: s.translate(_QUOTE_FOLD)) == [s.translate(_QUOTE_FOLD) for s in strings]


def test_fold_each_keeps_final_sigma_per_token():
    from framing.lexicons.match import fold_each
    from framing.text.tokenize import normalize_token

    assert fold_each(["ΑΣ", "ΣΑ", "'Σ"], normalize_token) == ["ας", "σα", "'σ"]


@settings(deadline=None, max_examples=300)
@given(TOKENS)
def test_words_among_is_is_word(strings):
    from framing.lexicons.match import words_among
    from framing.text.tokenize import is_word

    assert words_among(strings).tolist() == [is_word(s) for s in strings]


def test_sentence_numbers_as_per_text_search():
    table = TokenTable.from_texts(["One. Two. Three.", "", "  Lead in. Next one."])
    docs = np.array([0, 0, 0, 1, 2, 2, 2])
    starts = np.array([0, 5, 15, 0, 0, 4, 12])
    expected = [
        max(int(np.searchsorted(table.sentence_starts(d), s, side="right")) - 1, 0) for d, s in zip(docs, starts)
    ]
    assert table.sentence_numbers(docs, starts).tolist() == expected == [0, 1, 2, 0, 0, 0, 1]


def test_word_counts_equal_a_count_of_the_word_tokens_and_are_the_callers_own():
    texts = ["NATO’s deterrence, “safe and secure”.", "", "— , .", "One two three"]
    table = TokenTable.from_texts(texts)
    expected = [int(table.word_mask()[a:b].sum()) for a, b in zip(table.doc_start[:-1], table.doc_start[1:])]
    counts = table.word_counts()
    assert counts.dtype == np.int64 and counts.tolist() == expected == [6, 0, 0, 3]
    counts[0] = 99
    assert table.word_counts().tolist() == expected


def test_phrases_checked_in_blocks_find_the_same_hits(monkeypatch):
    import framing.lexicons.match as matcher
    from framing.corpus.model import load_corpus

    texts = load_corpus("nato-eastern-flank-2022").articles["clean_text"].tolist()
    table = TokenTable.from_texts(texts)
    whole = match("policy-frames", texts, tokens=table)
    monkeypatch.setattr(matcher, "PHRASE_BLOCK", 5)
    assert len(whole) and match("policy-frames", texts, tokens=table).equals(whole)


def test_hits_without_text_are_the_same_hits_with_an_empty_text_column():
    texts = ["NATO deployed troops to deter Russia; a “massive” buildup, not an escalation.", "Nothing."]
    table = TokenTable.from_texts(texts)
    full = match("loaded-language", texts, tokens=table)
    bare = match("loaded-language", texts, tokens=table, with_text=False)
    assert len(full) and (bare["text"] == "").all()
    assert bare.drop(columns="text").equals(full.drop(columns="text"))


@given(st.lists(st.sampled_from(["", "One two.", "Three, four five six.", "  ", "Seven"]), min_size=1, max_size=6))
@settings(max_examples=60, deadline=None)
def test_docs_at_is_the_document_of_each_token(texts):
    table = TokenTable.from_texts(texts)
    positions = np.arange(len(table))
    assert table.docs_at(positions).tolist() == table.doc_of()[positions].tolist()
    assert "doc" in table._cache  # doc_of caches; docs_at, which the matcher uses, does not
    fresh = TokenTable.from_texts(texts)
    fresh.docs_at(positions)
    assert "doc" not in fresh._cache


def test_sentence_spans_are_kept_as_arrays_and_given_as_new_lists():
    from framing.text.tokenize import sentence_spans

    texts = ["First one. Second one here.\n\nA third.", "", "No full stop"]
    table = TokenTable.from_texts(texts)
    for d, text in enumerate(texts):
        first, again = table.sentence_spans(d), table.sentence_spans(d)
        assert first == again == sentence_spans(text) and first is not again
        assert [table.sentence_span(d, k) for k in range(len(first))] == first
        assert table.sentence_starts(d).tolist() == ([s for s, _ in first] or [0])
    assert all(isinstance(v, int) for span in table.sentence_spans(0) for v in span)

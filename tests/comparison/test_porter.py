"""NLTK's Porter stemmer loaded from its file gives NLTK's stems (test_import_weight: without importing nltk)."""

from __future__ import annotations

from framing.comparison.porter import porter_stemmer_class
from framing.text.tokenize import word_spans

TRICKY = [
    "caresses",
    "ponies",
    "ties",
    "caress",
    "cats",
    "feed",
    "agreed",
    "plastered",
    "bled",
    "motoring",
    "sing",
    "conflated",
    "troubled",
    "sized",
    "hopping",
    "tanned",
    "falling",
    "hissing",
    "fizzed",
    "failing",
    "filing",
    "happy",
    "sky",
    "relational",
    "conditional",
    "rational",
    "valenci",
    "hesitanci",
    "digitizer",
    "conformabli",
    "radicalli",
    "differentli",
    "vileli",
    "analogousli",
    "vietnamization",
    "predication",
    "operator",
    "feudalism",
    "decisiveness",
    "hopefulness",
    "callousness",
    "formaliti",
    "sensitiviti",
    "sensibiliti",
    "triplicate",
    "formative",
    "formalize",
    "electriciti",
    "electrical",
    "hopeful",
    "goodness",
    "revival",
    "allowance",
    "inference",
    "airliner",
    "gyroscopic",
    "adjustable",
    "defensible",
    "irritant",
    "replacement",
    "adjustment",
    "dependent",
    "adoption",
    "homologou",
    "communism",
    "activate",
    "angulariti",
    "homologous",
    "effective",
    "bowdlerize",
    "probate",
    "rate",
    "cease",
    "controll",
    "roll",
    "dying",
    "lying",
    "generously",
    "news",
    "NATO's",
    "U.S.",
    "Stoltenberg",
    "1,000",
    "e-mail",
    "Ölfeld",
    "ß",
    "a",
    "",
]


def test_stems_equal_nltks_on_tricky_words_and_real_news(nato_corpus):
    from nltk.stem.porter import PorterStemmer

    theirs, mine = PorterStemmer(), porter_stemmer_class()()
    words = set(TRICKY)
    for text in nato_corpus.articles["clean_text"]:
        words.update(text[a:b].lower() for a, b in word_spans(text))
    differ = [w for w in sorted(words) if mine.stem(w) != theirs.stem(w)]
    assert not differ
    assert mine.stem("relational") == "relat"

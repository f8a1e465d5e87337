"""Hypothesis strategies for sentences that exercise VADER's and TextBlob's rules (shared by their tests)."""

from __future__ import annotations

from hypothesis import strategies as st
from vaderSentiment import vaderSentiment as vs

from framing.scoring.textblob_lexicon import load_lexicon
from framing.scoring.textblob_tokens import EMOTICONS

ANALYZER = vs.SentimentIntensityAnalyzer()

# --- VADER: lexicon words, boosters, negators, rule words, caps, punctuation runs, emoticons, emoji, unicode

VADER_LEXICON = sorted(ANALYZER.lexicon)
_CONTROL = [
    "but",
    "but",
    "no",
    "no",
    "least",
    "at",
    "very",
    "kind",
    "of",
    "sort",
    "never",
    "so",
    "this",
    "without",
    "doubt",
    "or",
    "nor",
    "the",
    "shit",
    "bomb",
    "bad",
    "ass",
    "bus",
    "stop",
    "yeah",
    "right",
    "kiss",
    "death",
    "to",
    "die",
    "for",
    "beating",
    "heart",
    "just",
    "enough",
]
_PLAIN = ["the", "troops", "NATO", "said", "Tuesday", "U.S.", "ok", "x", "42", "'s", "-", "...", "n't"]
_EMOTICONS = [":)", ":(", ":D", ":Þ", "<3", ":-)", "(-:O", ":-(", ";)"]
_EMOJI = [k for k in sorted(ANALYZER.emojis) if len(k) == 1][::40] + ["🔛", "🆙", "‼", "⁉"]
_UNICODE = ["’", "“", "”", "—", "é", "İstanbul", "Straße", "\u00a0", "𝔘", "\u2009", "\uffff"]
_SHAPES = [
    str,
    str,
    str,
    str.upper,
    str.title,
    lambda w: w + "!",
    lambda w: w + "!!!",
    lambda w: w + "???",
    lambda w: w + "?",
    lambda w: w + ",",
    lambda w: f"'{w}'",
    lambda w: w + ".",
    lambda w: f"({w})",
]

_word = st.builds(
    lambda w, shape: shape(w),
    st.one_of(
        st.sampled_from(VADER_LEXICON),
        st.sampled_from(sorted(vs.BOOSTER_DICT)),
        st.sampled_from(vs.NEGATE),
        st.sampled_from(_CONTROL),
        st.sampled_from(_PLAIN),
        st.sampled_from(_EMOTICONS),
        st.sampled_from(_EMOJI),
        st.sampled_from(_UNICODE),
    ),
    st.sampled_from(_SHAPES),
)
_gap = st.sampled_from([" "] * 8 + ["", "  ", "\t", "\n"])
vader_sentence = st.builds(
    lambda words, gaps: "".join(w + g for w, g in zip(words, gaps)),
    st.lists(_word, max_size=25),
    st.lists(_gap, min_size=25, max_size=25),
)

# --- TextBlob: lexicon words, modifiers, negations, "!" runs, faces (also spaced out), irony marks, abbreviations

TEXTBLOB_LEXICON = sorted(load_lexicon())
FACES = [face for _, faces in EMOTICONS for face in faces]
PIECES = st.one_of(
    st.sampled_from(TEXTBLOB_LEXICON),
    st.sampled_from(["very", "really", "extremely", "so", "too", "pretty", "quite", "most", "terribly"]),
    st.sampled_from(["not", "no", "never", "n't", "isn't", "don't", "NOT", "Never"]),
    st.sampled_from(["a", "an", "the", "of", "is", "it", "to", ",", ".", "'", "...", "....", "?", ";", ":"]),
    st.text(alphabet="!", min_size=1, max_size=4),
    st.sampled_from(FACES),
    st.sampled_from(FACES).map(lambda face: " ".join(face)),
    st.sampled_from(["(!)", "( ! )", "(!", "!)", "(", ")", '"', "“", "”", "‘", "’", "END-OF-SENTENCE"]),
    st.sampled_from(["Mr.", "U.S.", "e.g.", "A.", "Dr.", "etc.", "A|.", "vs.", "w/", "3.5", "8)", "5:"]),
    st.sampled_from(TEXTBLOB_LEXICON).map(str.upper),
    st.sampled_from(TEXTBLOB_LEXICON).map(str.title),
    st.text(min_size=1, max_size=4),
    st.sampled_from(["😀", "♥", "İstanbul", "Straße", "ﬁne", "\u00a0", "\u2028", "\x1c", "\x00"]),
)
SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "  "])


@st.composite
def textblob_sentence(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.tuples(PIECES, SEPARATORS), max_size=14))
    return "".join(piece + sep for piece, sep in pieces)


# --- both at once: a sentence from either generator, or the two glued together
any_sentence = st.one_of(
    vader_sentence, textblob_sentence(), st.builds(lambda a, b: f"{a} {b}", vader_sentence, textblob_sentence())
)

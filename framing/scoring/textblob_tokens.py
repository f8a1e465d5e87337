"""The tokenizer TextBlob's sentiment runs on (`textblob._text.find_tokens`), ported rule for rule.

`TextBlob(s).sentiment` scores `" ".join(find_tokens(s)).split()`, lower-cased.
The port is split into the three stages that the fast scorer batches
differently: blank lines (`mark_paragraphs`, safe on many sentences joined
together), rewrites and punctuation splitting of one whitespace-free word
(`split_word`, cacheable per distinct word), and sentence grouping with the
sarcasm and emoticon rewrites (`rejoin`, which depends on where TextBlob ends a
sentence).
"""

from __future__ import annotations

import re

PUNCTUATION = ".,;:!?()[]{}`''\"@#$^&*+-|=~_"
_LEADING = tuple(PUNCTUATION.replace(".", ""))
_TRAILING = _LEADING + (".",)

ABBREVIATIONS = frozenset(
    (
        "a.",
        "adj.",
        "adv.",
        "al.",
        "a.m.",
        "c.",
        "cf.",
        "comp.",
        "conf.",
        "def.",
        "ed.",
        "e.g.",
        "esp.",
        "etc.",
        "ex.",
        "f.",
        "fig.",
        "gen.",
        "id.",
        "i.e.",
        "int.",
        "l.",
        "m.",
        "Med.",
        "Mil.",
        "Mr.",
        "n.",
        "n.q.",
        "orig.",
        "pl.",
        "pred.",
        "pres.",
        "p.m.",
        "ref.",
        "v.",
        "vs.",
        "w/",
    )
)
_ABBR1 = re.compile(r"^[A-Za-z]\.$")
_ABBR2 = re.compile(r"^([A-Za-z]\.)+$")
# pattern's own regex: the class holds "|" and the final "." is any character.
_ABBR3 = re.compile("^[A-Z][" + "|".join("bcdfghjklmnpqrstvwxz") + "]+.$")

# (mood, polarity) -> faces, in pattern's order: the first group that holds a face wins.
EMOTICONS = (
    (+1.00, ("<3", "♥")),
    (+1.00, (">:D", ":-D", ":D", "=-D", "=D", "X-D", "x-D", "XD", "xD", "8-D")),
    (+0.75, (">:P", ":-P", ":P", ":-p", ":p", ":-b", ":b", ":c)", ":o)", ":^)")),
    (+0.50, (">:)", ":-)", ":)", "=)", "=]", ":]", ":}", ":>", ":3", "8)", "8-)")),
    (+0.25, (">;]", ";-)", ";)", ";-]", ";]", ";D", ";^)", "*-)", "*)")),
    (+0.05, (">:o", ":-O", ":O", ":o", ":-o", "o_O", "o.O", "°O°", "°o°")),
    (-0.25, (">:/", ":-/", ":/", ":\\", ">:\\", ":-.", ":-s", ":s", ":S", ":-S", ">.>")),
    (-0.75, (">:[", ":-(", ":(", "=(", ":-[", ":[", ":{", ":-<", ":c", ":-c", "=/")),
    (-1.00, (":'(", ":'''(", ";'(")),
)
# A face may be written with one space between its characters (": )"); only ":o)"/":c)"
# share a start with a shorter face, and their group comes first, as in pattern.
_FACES = "|".join(r" ?".join(re.escape(ch) for ch in face) for _, faces in EMOTICONS for face in faces)
RE_EMOTICONS = re.compile(rf"({_FACES})($|\s)")
RE_SARCASM = re.compile(r"\( ?\! ?\)")
# A face or sarcasm mark written with spaces ends in a whole token (the tail) right after a
# token ending in the face's previous character; without such a pair the rewrites change nothing.
REWRITE_TAILS: dict[str, frozenset[str]] = {}
for _face in [face for _, faces in EMOTICONS for face in faces] + ["(!)"]:
    for _k in range(1, len(_face)):
        _tail = _face[_k:].lower()
        REWRITE_TAILS[_tail] = REWRITE_TAILS.get(_tail, frozenset()) | {_face[_k - 1].lower()}

EOS = "END-OF-SENTENCE"
_LINEBREAK = re.compile(r"\n{2,}")
_QUOTES = ("“", "”", "‘", "’", "'", '"')
_ENDS = frozenset(("...", ".", "!", "?", EOS))
_RUN = frozenset(("'", '"', "”", "’", "...", ".", "!", "?", ")", EOS))
_CONTRACTIONS = frozenset(("'d", "'m", "'s", "'ll", "'re", "'ve", "n't"))


def mark_paragraphs(text: str) -> str:
    """find_tokens' only rewrite that looks across whitespace: a blank line becomes an end-of-sentence token."""
    if "\n\n" in text or "\r\n" in text:
        text = _LINEBREAK.sub(f" {EOS} ", text.replace("\r\n", "\n"))
    return text


def split_word(raw: str) -> list[str]:
    """The tokens find_tokens makes of one whitespace-free word: its rewrites, then punctuation split off.

    Its other rewrites never cross whitespace, so they can run word by word (and be cached). Of
    the contraction rewrites only "n't" -> " n't" matters: the others insert a space before an
    apostrophe that the quote rewrite then spaces out anyway.
    """
    raw = raw.replace("n't", " n't")
    for quote in _QUOTES:
        if quote in raw:
            raw = raw.replace(quote, f" {quote} ")
    return [piece for part in raw.split() for piece in split_token(part)]


# The common shape of a word that is not alphanumeric: punctuation or quotes around an ASCII
# core that starts and ends with a letter or digit and holds no quote, perhaps one "." after it.
_SPLIT_OFF = re.escape("".join(_LEADING) + "“”‘’")
_SHAPE = re.compile(rf"([{_SPLIT_OFF}]*)([A-Za-z0-9](?:[^'\"“”‘’]*[A-Za-z0-9])?)(\.?)([{_SPLIT_OFF}]*)")


def split_words(raws: list[str]) -> list[list[str]]:
    """`split_word` of many words, the common shapes without its loops.

    An alphanumeric word is one piece; punctuation and quotes around a core
    (`_SHAPE`) come off one character each, which is what find_tokens' quote
    spacing and peeling loops do to them; a "." after the core stays on it
    only for an abbreviation. Any other word goes through `split_word`.
    """
    out: list[list[str]] = []
    for raw, alnum, shape in zip(raws, map(str.isalnum, raws), map(_SHAPE.fullmatch, raws)):
        if alnum:
            out.append([raw])
        elif shape is None:
            out.append(split_word(raw))
        else:
            lead, core, dot, trail = shape.groups()
            if dot:
                core += dot
                if not _is_abbreviation(core):
                    core, dot = core[:-1], [dot]
                else:
                    dot = []
            out.append([*lead, core, *dot, *trail])
    return out


def _is_abbreviation(token: str) -> bool:
    return (
        token in ABBREVIATIONS
        or _ABBR1.match(token) is not None
        or _ABBR2.match(token) is not None
        or _ABBR3.match(token) is not None
    )


def split_token(t: str) -> list[str]:
    """One whitespace token with its leading and trailing punctuation split off, as find_tokens does."""
    tokens, tail = [], []
    while t.startswith(_LEADING) and t not in _CONTRACTIONS:
        tokens.append(t[0])
        t = t[1:]
    while t.endswith(_TRAILING) and t not in _CONTRACTIONS:
        if t.endswith(_LEADING):
            tail.append(t[-1])
            t = t[:-1]
        if t.endswith("..."):
            tail.append("...")
            t = t[:-3].rstrip(".")
        if t.endswith("."):
            if _is_abbreviation(t):
                break
            tail.append(t[-1])
            t = t[:-1]
    if t != "":
        tokens.append(t)
    tokens.extend(reversed(tail))
    return tokens


def rejoin(tokens: list[str]) -> list[str]:
    """Group tokens into TextBlob's sentences, apply its sarcasm and emoticon rewrites, split again.

    The rewrites run per sentence, so a face spread over a sentence end (". O" in "o . O") stays apart.
    """
    sentences: list[list[str]] = [[]]
    i = j = 0
    while j < len(tokens):
        if tokens[j] in _ENDS:
            while j < len(tokens) and tokens[j] in _RUN:
                # pattern counts quotes in a sentence it has not filled yet: a quote always stops the run.
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != EOS)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    out: list[str] = []
    for sentence in sentences:
        if sentence:
            text = RE_SARCASM.sub("(!)", " ".join(sentence))
            out.extend(RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), text).split())
    return out


def find_words(text: str) -> list[str]:
    """The lower-cased words TextBlob's PatternAnalyzer scores for `text`."""
    tokens = [piece for raw in mark_paragraphs(text).split() for piece in split_word(raw)]
    return [w.lower() for w in rejoin(tokens)]

"""Sentences and word tokens with character offsets, offline and fast.

Every analysis in framing points back into the article (evidence offsets), so
the tokenizer returns ``(start, end)`` spans that slice the original text
exactly, never rewritten strings. Nothing here needs NLTK data or a network:

* words come from ONE compiled regular expression (``_TOKEN``) whose
  alternatives are tried in order -- URLs; behind one cheap lookahead guard
  the rare forms (dotted acronyms ``U.S.``, known abbreviations ``Mr.``
  ``Jan.``, initials, e-mails, web domains, ``do|n't``); handles; words
  (hyphens, inner apostrophes and number punctuation kept inside); Treebank
  clitics (``’s``, ``n't``); multi-character punctuation; and finally any
  single non-space character, so the tokens cover all non-space text;
* sentences come from a second regex that finds candidate boundaries
  (terminal punctuation plus closing quotes before whitespace, blank lines,
  single newlines); cheap checks run only at those candidates
  (``_period_ends``, ``_newline_ends``).

The abbreviation sets below are rules of English orthography, not a lexicon.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from functools import partial
from typing import NamedTuple


class Token(NamedTuple):
    """One token: offsets into the text, the text itself and its normal form."""

    start: int
    end: int
    text: str
    norm: str


# Titles and ranks that precede a name, and ``v.``/``vs.`` between two names
# (Roe v. Wade): a period after them never ends a sentence.
TITLES = frozenset(
    "Mr Mrs Ms Messrs Mmes Dr Drs Prof Rev Fr Hon Gen Gens Lt Col Maj Capt Cmdr Cdr "
    "Adm Sgt Cpl Pvt Brig Sen Sens Rep Reps Gov Govs Pres Supt Atty Amb Insp v vs".split()
)
# Abbreviations that end a name: a sentence starter, or a capitalised word and a
# lower-case one, after them start a new sentence ("... met with Donald Trump
# Jr. Fusion was hired ..."), except words that continue the name (NAME_TAILS).
POSTFIX = frozenset("Jr Sr Inc Corp Co Ltd Bros Esq".split())
NAME_TAILS = frozenset("Day Blvd Boulevard Avenue Ave Street Drive Memorial Center School".split())
# Other abbreviations: they may end a sentence, which they do when the next word
# is a common sentence starter (STARTERS).
ABBREVIATIONS = frozenset(
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs "
    "Fri Sat Sun St Ave Blvd Rd Mt Ft Dept Univ Assn Est "
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn "
    "Miss Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo "
    "Prop Ret Sec Spc etc approx est cf al ca Vol Nos Fig Ph.D".split()
)
# Capitalised words that start sentences: closed-class words, plus the words
# printed by tools/derive_sentence_starters.py (AllSides sample: at least
# 95% of their capitalised uses are sentence-initial; names never qualify).
STARTERS = frozenset((
    "A An The This That These Those There Then Thus Now So But And Or Yet Still Also "
    "He She It We They I You His Her Its Our Their My Your Some Many Most Few All "
    "What Who Why How When Where Which While If As In On At After Before Since "
    "Although Though However Meanwhile Instead Today Yesterday Last Next According "
    "Despite Under For By Not No Yes One Two Both Each Such Other Others "
    # derived (tools/derive_sentence_starters.py --top 400)
    "Advertisement Hide Even Here Story During Another Just Indeed Because Among Asked "
    "Earlier Let Read Several Like Update Perhaps Only Every Speaking Well Whether "
    "Maybe Follow Once Later Rather Given None Critics Contributing Did Moreover Nearly "
    "Neither Unlike Much Any Related Authorities Finally Updated Nor Until Following "
    "Further Almost Previous Beyond Unfortunately Click Overall Shortly Within Nobody "
    "Amid Sure Whatever Experts Ultimately Nevertheless Everyone Similarly Sometimes "
    "Thank Remember Please Look Oh Having Less Nothing Throughout Write Currently "
    "Multiple Regardless Along Prosecutors Either Analysts Plus Imagine Hours Already "
    "Recent Across Citing Thanks Around Nonetheless Unless Eventually Likewise Based "
    "Using Opponents Besides Specifically Apparently Getting Prior Aside Going "
    "Obviously Politicians Therefore Certainly Millions Separately Taking Except Note "
    "Dozens Forty Roughly Pressed Otherwise Previously Ironically Roads Period Half "
    "Recently Send Everybody Often Aides Ask Fifty Regarding Researchers Yeah Clearly "
    "Responding Similar Noting Especially Notably Retired Add Adding Nine Suddenly "
    "Anything Tensions Afterward Surely Contact Correction Doing Hopefully Sadly "
    "Actually Addressing Calling Shares Absolutely Hence Initially Simply Typically Due "
    "Groups Sorry Usually Naturally Tell Basically Below Virtually Employers Immediately "
    "Insurers Proponents Compared Depending Longtime Minutes Referring Contrary "
    "Criminals Expect Loser Months Moving Putting Stocks Allowing Elsewhere Generally "
    "Quite Barring Essentially Granted Perspectives Trying Various Accordingly "
    "Appearing Assuming Considering Historically Tens Whenever Whereas Circumstantial "
    "Exactly Normally Via Columnists Forget Organizers Pollsters Somehow Heading "
    "Sitting Faced Frankly Whoever Approximately Importantly Increasingly Judging Per "
    "Traditionally Turnout Absent Choose Leaving Nationally Eliminating Ideally Lately "
    "Potential Publicly Surveys Twice Anybody Finding Generic Participants Scores "
    "Seeing Watching Hiring Historians Presumably Skeptics Technically Twelve Echoing "
    "Environmentalists Honestly Joining Passing Pointing Privately Seriously "
    "Congratulations Creating Focusing Known Moderates Namely Partly Predictably "
    "Premiums Prominent Relevant Rumors Anticipating Author Bring Combined Complicating "
    "Crucially Hoping Incoming Increased Incumbent Meantime Occasionally Particularly "
    "Pushing Rarely Recognizing Setting Translation Conventional Declaring Discussing "
    "Drawing Equally Frustrated Initial Notwithstanding Originally Preliminary Removing "
    "Sounds Subsequent Surprisingly Views"
).split())
_TLDS = "com|org|net|gov|edu|mil|int|info|io|co|uk|us|eu|ca|de|fr|ru|ua|au|in"


def _marks() -> str:
    """Character-class body for what continues a word but ``\\w`` leaves out.

    Combining marks (BMP), the soft hyphen and zero-width (non-)joiners, which
    scraped news text has inside words. Kept to the BMP so that ``re``
    compiles the class to a bitmap (fast).
    """
    ranges, start, prev = [(0xAD, 0xAD), (0x200C, 0x200D)], None, None
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me"):
            if start is None or code != prev + 1:
                if start is not None:
                    ranges.append((start, prev))
                start = code
            prev = code
    ranges.append((start, prev))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


def _alternation(words) -> str:
    """Longest-first alternation of literal words."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_POSSESSIVE = re.compile(r"(?<=[+*}])\+")  # the second + of ++ *+ {m,n}+


def _compile(pattern: str) -> re.Pattern:
    """Compile a verbose pattern; before Python 3.11, with greedy for possessive repeats.

    No repeat in these patterns can give back anything that what follows it
    would match, so the greedy forms find the same spans; only long
    pathological runs (``ab.ab.ab...``) get slower there.
    """
    if sys.version_info < (3, 11):
        pattern = _POSSESSIVE.sub("", pattern)
    return re.compile(pattern, re.VERBOSE)


# Possessive quantifiers (``++``, ``*+``) stop needless backtracking, and one
# lookahead guard keeps the rare alternatives from costing every ordinary word.
_PIECE = rf"\w++(?:[{_marks()}]++\w*+)*+"  # a run of word characters and combining marks
_CLITIC = r"(?i:s|m|d|re|ve|ll)(?!\w)"
_JOIN = rf"(?:['’](?!{_CLITIC})|[-‐‑]|(?<=\d)[.,:/](?=\d))"
_URL_END = r"""[^\s<>"“”‘’]*[^\s<>"“”‘’.,;:!?()\[\]{}'…]"""
_TOKEN = _compile(
    rf"""
    (?:https?://|www\.){_URL_END}                              # URL
  | (?=[\w-]++[.@'’+])(?:                  # guard: the rare forms all need . @ ' or + here
        (?:[A-Z]-)?(?:                                          # party label: R-Fla. D-N.J.
            [A-Za-z](?:\.[A-Za-z]){{1,8}}+(?!\.[A-Za-z])\.?(?:-\w++)*+(?!\w)  # U.S. U.S.-led
          | (?:{_alternation(TITLES | POSTFIX | ABBREVIATIONS)})\.(?!\w))  # Mr. Jan. Calif.
      | [A-Z]\.(?!\w)                                          # initials: J. R. R.
      | No\.(?=\s*\d)                                           # No. 1
      | [\w.+-]{{1,64}}+@[\w-]++(?:\.[\w-]++)+                     # e-mail
      | [\w-]++(?:\.[\w-]++){{0,6}}\.(?i:{_TLDS})(?!\w)(?:/{_URL_END})?  # nato.int/page
      | \w+?(?=[nN]['’][tT](?!\w)))                               # do|n't ca|n't
  | [@#]\w++                                                   # @handle #hashtag
  | {_PIECE}(?:{_JOIN}{_PIECE})*+                              # word: combat-ready 100,000
  | (?<=\w)['’]{_CLITIC}                                      # 's 're 'll
  | (?<=\w)(?i:n['’]t)(?!\w)                                  # n't
  | \.\.+ | --+ | [!?]+                                        # ... -- ?!
  | \S
    """
)


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every token, words and punctuation, in order.

    ``150%`` gives ``150`` and ``%``; ``$1.5`` gives ``$`` and ``1.5``.
    """
    return [m.span() for m in _TOKEN.finditer(text)]


_FOLD = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "‐": "-", "‑": "-",
})


def normalize_token(s: str) -> str:
    """Lower case with curly quotes, apostrophes and Unicode hyphens folded to ASCII."""
    return s.translate(_FOLD).lower()


_ALNUM = re.compile(r"[^\W_]")


def is_word(s: str) -> bool:
    """True when the token holds a letter or digit (not pure punctuation)."""
    return _ALNUM.search(s) is not None


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text`` with offsets and normal forms.

    Normalises the whole text once and slices it, which is exact when folding
    keeps every character one character long and no final sigma (the one
    context-dependent lower-casing) is about; otherwise each token on its own.
    """
    spans = word_spans(text)
    folded = normalize_token(text)
    if len(folded) != len(text) or "Σ" in text:
        return [_new_token((a, b, text[a:b], normalize_token(text[a:b]))) for a, b in spans]
    return [_new_token((a, b, text[a:b], folded[a:b])) for a, b in spans]


_new_token = partial(tuple.__new__, Token)  # Token(...) without a Python-level call


# ---------------------------------------------------------------- sentences
_QUOTES = "\"'”’»"
_CLOSERS = _QUOTES + ")\\]"
_BREAK = r"(?:\r\n?|[\n\u2028\x85])"
_BOUNDARY = _compile(
    rf"""
    (?<![.!?…‽])(?P<term>[.!?…‽]++[{_CLOSERS}]*+)(?=\s|\Z)  # . ? ! … plus closing quotes
  | (?P<para>{_BREAK}[^\S\r\n\u2028\x85]*{_BREAK}\s*+|[\u2029\f\v\x1c-\x1e]\s*+)  # blank line
  | (?P<line>{_BREAK})                                            # single line break
    """
)
_OPENERS = "\"'“‘«([{"
_NEXT = re.compile(rf"\s*[{_OPENERS}]*(\S?)([^\s.,;:!?…]*)")
_ATTRIBUTION = re.compile(
    r"\s+(?:[A-Z][\w’'.-]*\s+){1,4}(?:said|says|asked|asks|added|adds|told|wrote|"
    r"writes|tweeted|replied|shouted|declared|explained|continued|insisted)\b"
)
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_LOWER_AFTER = re.compile(r",?\s+[a-z]")


def _word_before(text: str, pos: int) -> str:
    """The word that ends at ``pos`` (before a period), without opening quotes."""
    window = text[max(0, pos - 40):pos].rsplit(None, 1)
    word = window[-1] if window else ""
    return word.lstrip(_OPENERS).rsplit("-", 1)[-1].rsplit("—", 1)[-1]


def _starts_line(text: str, pos: int) -> bool:
    """Is there only white space between the line start and ``pos``? (looks back 80 characters)"""
    head = text[max(0, pos - 80):pos].rstrip(" \t\u00a0")
    return not head or head[-1] in "\n\r\u2028\u2029\x85"


def _abbreviation_kind(word: str) -> str | None:
    """'title' (never ends a sentence), 'postfix', 'abbrev', 'initial' or None."""
    if word in TITLES:
        return "title"
    if word in POSTFIX:
        return "postfix"
    if word in ABBREVIATIONS or _DOTTED.fullmatch(word):
        return "abbrev"
    if len(word) == 1 and word.isupper():
        return "initial"
    return None


def _period_ends(text: str, m: re.Match) -> bool:
    """Does the terminal punctuation matched by ``m`` end its sentence?"""
    nxt = _NEXT.match(text, m.end())
    first = nxt.group(1)
    if not first:
        return True
    if first.islower() or first in ",;:.…!?-–—":
        return False
    term = m.group("term")
    closed = any(c in _QUOTES for c in term)  # a closing quote ends it; a bracket need not
    if closed and "." not in term and _ATTRIBUTION.match(text, m.end()):
        return False  # “Is this more fun?” Trump said ...
    if term[0] != "." or closed or term.startswith(".."):
        return True
    return _ends_after_period(text, m, nxt)


def _ends_after_period(text: str, m: re.Match, nxt: re.Match) -> bool:
    """A single period before a capital, digit or opening mark: is it an abbreviation's?"""
    before = _word_before(text, m.start())
    first, word = nxt.group(1), nxt.group(1) + nxt.group(2)
    if before in ("No", "Nos") and first.isdigit():
        return False  # No. 1
    if before.isdigit() and len(before) <= 3 and _starts_line(text, m.start() - len(before)):
        return False  # a numbered list item: "3. Trump vs. Cruz"
    kind = _abbreviation_kind(before)
    opener = text[m.end():nxt.start(1)].strip()
    if kind is None:
        return True
    if kind == "title" or opener.startswith(("(", "[")):
        return False  # Gov. Bobby Jindal; Frank Pallone Jr. (D-N.J.) said
    if opener and kind != "initial":
        return True  # ... in New Brunswick, N.J. “He personally ...
    if word in STARTERS:
        return True
    if kind == "postfix" and word not in NAME_TAILS:
        return _LOWER_AFTER.match(text, nxt.end()) is not None  # Jr. Fusion was
    return False


def _newline_ends(text: str, pos: int) -> bool:
    """Does the single line break at ``pos`` end a sentence (headline, list item)?"""
    nxt = _NEXT.match(text, pos + 1)
    first = nxt.group(1)
    if not first or first.islower():
        return False
    line_end = text[max(0, pos - 40):pos].rstrip()
    if not line_end or line_end[-1] in ",;([{":
        return False
    if line_end[-1] == ".":
        return _abbreviation_kind(_word_before(line_end, len(line_end) - 1)) not in (
            "title", "initial")
    return True


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    left = len(chunk) - len(chunk.lstrip())
    return start + left, start + left + len(stripped)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence, stripped of surrounding whitespace.

    A blank line always ends a sentence; a single line break ends one unless
    the next line starts in lower case or the line ends with , ; or a title.
    """
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        kind = m.lastgroup
        if kind == "term":
            if not _period_ends(text, m):
                continue
            end, resume = m.end(), m.end()
        elif kind == "para":
            end, resume = m.start(), m.end()
        else:
            if not _newline_ends(text, m.start()):
                continue
            end, resume = m.start(), m.end()
        span = _strip(text, start, end)
        if span:
            spans.append(span)
        start = resume
    span = _strip(text, start, len(text))
    if span:
        spans.append(span)
    return spans

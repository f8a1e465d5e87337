"""Sentences and word tokens with character offsets, offline and fast.

Every analysis in framing points back into the article (evidence offsets), so
the tokenizer returns ``(start, end)`` spans that slice the original text
exactly, never rewritten strings. Nothing here needs NLTK data or a network:

* words come from ONE compiled regular expression (``_TOKEN``) whose
  alternatives are tried in order -- a plain word before a space (a shortcut); URLs; behind one cheap lookahead guard
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
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterable


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
STARTERS = frozenset(
    (
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
    ).split()
)
# Sentence rules only (the word tokenizer does not use these lists).
# Abbreviations that stand before a number: p. 55, pp. 12–13, N°. 1026, art. 5.2.1.
# A period after them never ends a sentence when a digit follows.
NUMBER_ABBREVIATIONS = frozenset("No Nos no nos N° Nº p pp n nn ch chap art arts sec sect para fig vol ver op".split())
# Words that go on with a clock time after a.m./p.m. (at 8 p.m. ET, at 2 a.m. Tuesday):
# time zones, days and months. Before any other capitalised word a.m./p.m. ends the
# sentence (... at 10 a.m. CNN has ...), unless the time opens it (At 5 a.m. Mr. Smith ...).
TIME_TAILS = frozenset(
    "ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT UTC BST AKST AKDT HST Eastern Central "
    "Mountain Pacific Atlantic Local Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri "
    "Sat Sun".split()
)
# Marks that start a list item in running text: • 9. The first item • 10. The second
BULLETS = "•⁃"
_TLDS = "com|org|net|gov|edu|mil|int|info|io|co|uk|us|eu|ca|de|fr|ru|ua|au|in"


def _marks() -> str:
    """Character-class body for what continues a word but ``\\w`` leaves out.

    Combining marks (BMP), the soft hyphen and zero-width (non-)joiners, which
    scraped news text has inside words. Kept to the BMP so that ``re``
    compiles the class to a bitmap (fast).
    """
    ranges = [(0xAD, 0xAD), (0x200C, 0x200D)]
    start = prev = -2  # no run open yet: -2 + 1 is no code point
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me"):
            if code != prev + 1:
                if start >= 0:
                    ranges.append((start, prev))
                start = code
            prev = code
    ranges.append((start, prev))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


def _alternation(words: Iterable[str]) -> str:
    """Longest-first alternation of literal words."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_POSSESSIVE = re.compile(r"(?<=[+*}])\+")  # the second + of ++ *+ {m,n}+


def _compile(pattern: str) -> re.Pattern[str]:
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
    \w++(?=[\s;)"”!?]|,\s|\Z)                                   # plain word (most tokens): see below
  | (?:https?://|www\.){_URL_END}                              # URL
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


# The first alternative only saves time: a run of word characters before a space,
# ; ) " ” ! ? or ", " is what the alternatives below give there too (no URL, no
# rare form, as the guard needs . @ ' or +; a word piece that no mark or joiner
# continues), so every token is the same with or without it.


def token_texts(text: str) -> list[str]:
    """`_TOKEN.findall(text)`, the tokens as strings, with one regex call per whitespace run that needs it.

    Why: most runs of non-whitespace in news are one plain word (84% on
    AllSides), which the regex would give whole (its first alternative).
    Why the same tokens: no token holds whitespace, and `_TOKEN` looks behind
    only inside a token (``(?<=\\w)``, ``(?<=\\d)`` fail after whitespace as at
    a string's start) and ahead past the end of a run only in ``No\\.(?=\\s*\\d)``
    (every other lookahead at a run's end sees whitespace, or the string's end,
    which each accepts or refuses alike). So each run is tokenized alone; a run
    ending in ``No.`` before a run that starts with a digit is tokenized with
    " 0" after it, whose token is then dropped. `str.split` splits at
    `str.isspace`, which is ``\\s``; `str.isalnum` is ``\\w`` without ``_``.
    """
    findall = _TOKEN.findall
    tokens: list[str] = []
    append, extend = tokens.append, tokens.extend
    runs = text.split()
    for i, run in enumerate(runs):
        if run.isalnum():
            append(run)
        elif run.endswith("No.") and i + 1 < len(runs) and runs[i + 1][0].isdecimal():
            extend(findall(run + " 0")[:-1])
        else:
            extend(findall(run))
    return tokens


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every token, words and punctuation, in order.

    ``150%`` gives ``150`` and ``%``; ``$1.5`` gives ``$`` and ``1.5``.
    """
    return [m.span() for m in _TOKEN.finditer(text)]


_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
    }
)


# `_FOLD` as (character, replacement) pairs: `str.translate` with a dict looks up every character of the
# string in Python (4 us a token, 40 ms for a chunk's joined vocabulary); `str.replace` of each folded
# character present is the same string (each replacement is ASCII, never itself folded again), 3-4x faster.
_FOLD_PAIRS = tuple((chr(code), replacement) for code, replacement in _FOLD.items())
_FOLD_ASCII = tuple(pair for pair in _FOLD_PAIRS if pair[0].isascii())  # the backtick


def normalize_token(s: str) -> str:
    """Lower case with curly quotes, apostrophes and Unicode hyphens folded to ASCII."""
    for character, replacement in _FOLD_ASCII if s.isascii() else _FOLD_PAIRS:
        if character in s:
            s = s.replace(character, replacement)
    return s.lower()


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
# Every boundary starts with one of these characters. The pattern consumes it
# first, so `re` skips to the next one in C instead of trying the pattern at
# every character (the lookbehind that opened the "term" branch had hidden
# that); each branch then checks by lookbehind which character it was. The
# same matches as the readable form kept in tests/text/test_tokenize.py:
#   (?<![.!?…‽])(?P<term>[.!?…‽]++[closers]*+)(?=\s|\Z)
# | (?P<para>BREAK[^\S\r\n\u2028\x85]*BREAK\s*+|[\u2029\f\v\x1c-\x1e]\s*+)
# | (?P<line>BREAK)
# Groups mark which branch matched (`lastgroup`) and are empty: the match is m.group().
_AFTER_BREAK = r"(?:(?<=\r)\n?|(?<=[\n\u2028\x85]))"  # the rest of a BREAK whose first character was consumed
_BOUNDARY = _compile(
    rf"""
    [.!?…‽\r\n\u2028\x85\u2029\f\v\x1c-\x1e]
    (?:
      (?<=[.!?…‽])(?<![.!?…‽]{{2}})[.!?…‽]*+[{_CLOSERS}]*+(?=\s|\Z)(?P<term>)  # . ? ! … plus closing quotes
    | (?:{_AFTER_BREAK}[^\S\r\n\u2028\x85]*{_BREAK}\s*+|(?<=[\u2029\f\v\x1c-\x1e])\s*+)(?P<para>)  # blank line
    | {_AFTER_BREAK}(?P<line>)                                    # single line break
    )
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
_TIME_WORD = re.compile(r"\s+time\b")  # 11:30 a.m. California time
_LETTER_ITEM = re.compile(r"\s+\(?a(?:\.\)?|\))\s+[A-Z]")  # ... one. a. Yes (not: Co. v. Sawyer)
_BRACKET_OMISSION = re.compile(r"\s*\[(?:\.\.\.|…)\]\s+[\"'“‘]?[A-Z]")  # ... 2022. [...] These
_CITATION = re.compile(r"\s+\([^()\n]{1,80}\)[.!?]")  # “...” (Smith 55).
_PAREN_MARK = re.compile(r"\)(?=\s+[\"'“‘]?[A-Z])")  # 2) The second item: found by its ")"
_BULLET_CUT = re.compile(rf"(?<=\s)[{BULLETS}](?= ?[A-Z0-9])")  # ... item • 10. The second


def _word_before(text: str, pos: int) -> str:
    """The word that ends at ``pos`` (before a period), without opening quotes."""
    window = text[max(0, pos - 40) : pos].rsplit(None, 1)
    word = window[-1] if window else ""
    return word.lstrip(_OPENERS).rsplit("-", 1)[-1].rsplit("—", 1)[-1]


def _starts_line(text: str, pos: int) -> bool:
    """Is there only white space between the line start and ``pos``? (looks back 80 characters)"""
    head = text[max(0, pos - 80) : pos].rstrip(" \t\u00a0")
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


def _period_ends(text: str, m: re.Match[str], start: int) -> bool:
    """Does the terminal punctuation matched by ``m`` end its sentence (begun at ``start``)?"""
    nxt = _NEXT.match(text, m.end())
    assert nxt is not None  # every part of _NEXT is optional: it always matches
    first = nxt.group(1)
    if not first:
        return True
    if first.islower():
        return _LETTER_ITEM.match(text, m.end()) is not None  # Choose one. a. Yes b. No
    if first in ",;:.…!?-–—":
        return first in ".…" and _BRACKET_OMISSION.match(text, m.end()) is not None  # 2022. [...] These
    term = m.group()
    closed = any(c in _QUOTES for c in term)  # a closing quote ends it; a bracket need not
    if closed and "." not in term and _ATTRIBUTION.match(text, m.end()):
        return False  # “Is this more fun?” Trump said ...
    if closed and _CITATION.match(text, m.end()):
        return False  # “This is great.” (Smith 55). -- the citation belongs to the quote
    before = text[m.start() - 1] if m.start() else ""
    if (before.isspace() or before == "[") and not closed and _is_omission(text, m.start(), term, first + nxt.group(2)):
        return False  # one part . . . Donald Trump; spokesman [...] said
    if term[0] != "." or closed or term.startswith(".."):
        return True
    return _ends_after_period(text, m, nxt, start)


def _is_omission(text: str, pos: int, term: str, word: str) -> bool:
    """Is the ellipsis ending at ``term`` (at ``pos``, before ``word``) an omission inside the sentence?

    ``[...]`` marks words left out; so do three spaced dots standing alone
    (``is . . . I'm``), unless a sentence ended before them or a sentence
    starter or a word in capitals follows (``force . . . But``); a fourth dot,
    or a first dot that touches the word before, is a period (``efforts. . . .
    Sir``). ``...``/``…`` after a space joins only a number: before a capital
    it began a new sentence in two of three AllSides cases (``info ... Happy``).
    """
    if term[0] != "." and term[0] != "…":
        return False
    before = text[pos - 1] if pos else ""
    if term in ("...]", "…]") and before == "[":
        return True
    if term in ("...", "…"):
        return before.isspace() and word[:1].isdigit()  # it represented ... 38 percent
    if term != "." or text[pos - 2 : pos] != ". ":
        return False
    dots, i = 1, pos
    while i >= 2 and text[i - 2 : i] == ". ":
        dots, i = dots + 1, i - 2
    if dots != 3 or (i and not text[i - 1].isspace()):
        return False
    head = text[max(0, i - 3) : i].rstrip()
    return (
        bool(head)
        and head[-1] not in ".!?…" + _CLOSERS
        and word not in STARTERS
        and not (len(word) > 1 and word.isupper())
    )


def _ends_after_period(text: str, m: re.Match[str], nxt: re.Match[str], start: int) -> bool:
    """A single period before a capital, digit or opening mark: is it an abbreviation's?"""
    before = _word_before(text, m.start())
    first, word = nxt.group(1), nxt.group(1) + nxt.group(2)
    if before in NUMBER_ABBREVIATIONS and first.isdigit():
        return False  # No. 1, p. 55, N°. 1026.253.553
    if before.isdigit() and len(before) <= 3 and _starts_line(text, m.start() - len(before)):
        return False  # a numbered list item: "3. Trump vs. Cruz"
    kind = _abbreviation_kind(before)
    opener = text[m.end() : nxt.start(1)].strip()
    if kind is None:
        return True
    if kind == "title" or opener.startswith(("(", "[")):
        return False  # Gov. Bobby Jindal; Frank Pallone Jr. (D-N.J.) said
    if opener and kind != "initial":
        return True  # ... in New Brunswick, N.J. “He personally ...
    if word in STARTERS:
        return True
    if before in ("a.m", "p.m", "A.M", "P.M") and first.isupper():
        return _clock_ends(text, m, nxt, start)
    if kind == "postfix" and word not in NAME_TAILS:
        return _LOWER_AFTER.match(text, nxt.end()) is not None  # Jr. Fusion was
    return False


def _clock_ends(text: str, m: re.Match[str], nxt: re.Match[str], start: int) -> bool:
    """a.m./p.m. before a capitalised word: a sentence end unless the time goes on or opens it."""
    if (nxt.group(1) + nxt.group(2)).rstrip(_CLOSERS) in TIME_TAILS or _TIME_WORD.match(text, nxt.end()):
        return False  # 8 p.m. ET; 2 a.m. Tuesday; 11:30 a.m. California time
    return len(text[start : m.start()].split()) > 4  # "At 5 a.m. Mr. Smith went" opens with it


def _previous_label(label: str) -> str:
    """The list label before ``label``: 2 -> 1, b -> a ('' before 1 and a)."""
    if label.isdigit():
        return str(int(label) - 1) if int(label) > 1 else ""
    return chr(ord(label) - 1) if label > "a" else ""


def _list_mark(
    text: str, m: re.Match[str], start: int, last: tuple[str, int] | None
) -> tuple[int, tuple[str, int]] | None:
    """Where the list item whose marker the period ``m`` closes starts (``2.`` ``2.)`` ``b.``).

    Returns None when the period is no list marker's, else (cut, last): the
    offset to start a new sentence at (``start`` for none) and the marker
    remembered for the next one. A marker is one when it opens a sentence or a
    line, follows a bullet, or (1/a) a colon, or continues the previous marker.
    """
    p = i = m.start()
    if p == 0:
        return None
    if text[p - 1].isdigit():
        while i > 0 and p - i < 3 and text[i - 1].isdigit():
            i -= 1
        if i > 0 and text[i - 1].isdigit():
            return None  # 2022.
    elif "a" <= text[p - 1] <= "z":
        i = p - 1
    else:
        return None
    j = i
    if j > 0 and text[j - 1] in BULLETS:
        j -= 1  # ⁃9.
    elif j > 1 and text[j - 1] == " " and text[j - 2] in BULLETS:
        j -= 2  # • 9.
    if j > 0 and not text[j - 1].isspace():
        return None  # word. (b.
    label = text[i:p]
    if label.isdigit() and _starts_line(text, j):
        return start, (label, j)  # a numbered line: "3. Trump vs. Cruz"
    if p - i > 2:
        return None
    nxt = _NEXT.match(text, m.end())
    assert nxt is not None  # every part of _NEXT is optional: it always matches
    if not nxt.group(1).isupper():
        return None
    if j < i or not text[start:j].strip():
        return start, (label, j)  # opens the sentence, or follows a bullet (cut by _cuts)
    if label in ("1", "a") and text[max(0, j - 2) : j].rstrip().endswith(":"):
        return start, (label, j)  # Top stories: 1. Fed raises rates 2. ...
    if last and last[0] == _previous_label(label) and j - last[1] < 1000:
        return j, (label, j)
    return None


def _cuts(text: str) -> list[int]:
    """Offsets where a list item starts inside a line: before ``2)`` ``(b)`` and bullets.

    These markers end no sentence with punctuation, so sentence_spans finds
    them here, once per text, and cuts its sentences at them.
    """
    cuts = []
    if "•" in text or "⁃" in text:
        cuts = [b.start() for b in _BULLET_CUT.finditer(text)]
    if ")" not in text:
        return cuts
    last = None
    for paren in _PAREN_MARK.finditer(text):
        p = paren.start()
        i = p
        while i > 0 and p - i < 3 and text[i - 1].isdigit():
            i -= 1
        if i == p and p > 0 and "a" <= text[p - 1] <= "z":
            i = p - 1
        label = text[i:p]
        j = i - 1 if i > 0 and text[i - 1] == "(" else i
        if not label or p - i > 2 or (j > 0 and not (text[j - 1].isspace() or text[j - 1] in BULLETS)):
            continue
        lead = text[max(0, j - 3) : j].rstrip()
        if not lead or lead[-1] in ".!?:\n" or _starts_line(text, j):
            last = (label, j)  # opens a sentence, a line or follows a colon
        elif last and last[0] == _previous_label(label) and j - last[1] < 1000:
            cuts.append(j)
            last = (label, j)
    return sorted(cuts)


def _newline_ends(text: str, pos: int) -> bool:
    """Does the single line break at ``pos`` end a sentence (headline, list item)?"""
    nxt = _NEXT.match(text, pos + 1)
    assert nxt is not None  # every part of _NEXT is optional: it always matches
    first = nxt.group(1)
    if not first or first.islower():
        return False
    line_end = text[max(0, pos - 40) : pos].rstrip()
    if not line_end or line_end[-1] in ",;([{":
        return False
    if line_end[-1] == ".":
        return _abbreviation_kind(_word_before(line_end, len(line_end) - 1)) not in ("title", "initial")
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
    An inline list item (``1) a 2) b``, ``a. x b. y``, ``• 9. x • 10. y``)
    starts a new sentence at its marker.
    """
    spans, start, last = [], 0, None
    for m in _BOUNDARY.finditer(text):
        kind = m.lastgroup
        if kind == "term":
            p = m.start()
            if not text[p - 2 : p].isalpha() and m.group() in (".", ".)"):  # not "word."
                mark = _list_mark(text, m, start, last)
                if mark is not None:
                    cut, last = mark
                    if cut > start:
                        span = _strip(text, start, cut)
                        if span:
                            spans.append(span)
                        start = cut
                    continue
            if not _period_ends(text, m, start):
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
    cuts = _cuts(text)
    return _cut_spans(text, spans, cuts) if cuts else spans


def _cut_spans(text: str, spans: list[tuple[int, int]], cuts: list[int]) -> list[tuple[int, int]]:
    """``spans`` with every span that holds one of the sorted ``cuts`` split there."""
    out, k = [], 0
    for a, b in spans:
        while k < len(cuts) and cuts[k] <= a:
            k += 1
        while k < len(cuts) and cuts[k] < b:
            piece = _strip(text, a, cuts[k])
            if piece:
                out.append(piece)
            a, k = cuts[k], k + 1
        piece = _strip(text, a, b)
        if piece:
            out.append(piece)
    return out

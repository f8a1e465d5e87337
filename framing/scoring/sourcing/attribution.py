"""Sourcing: direct quotations, who is quoted, and how much of an article is quoted.

Rules (documented in docs/guide/scores.md, word lists in `data/sourcing.yaml`):

* Quotations are double-quoted spans, straight ("...") or curly (“...”). A
  quote may span sentences and paragraphs: news style opens every paragraph of
  a long quote with “ and closes only at the end, so an unclosed quote carries
  over to the next paragraph when that paragraph starts with an opening mark;
  otherwise the unclosed mark is dropped.
* A speaker is found, in this order: right after the quote (`,” X said`,
  `,” said X`, `,” X, the <role>, said`), at the end of the quote's sentence
  (`... “hundreds of thousands” of troops, X said.`), in the sentence before
  the quote (`X said, “...`, `X described ..., “...`, `According to X, ... “...`),
  or from the previous attributed quote in the same paragraph. A pronoun or a
  role ("he", "the NATO chief") means the last named speaker before it.
* Short quoted phrases (fewer than `min_words` words) with no speaker are scare
  quotes, not quotations; the loaded-language lexicon counts those.
* Names are normalised per article: titles and capitalised affiliations are
  stripped ("NATO Secretary General Jens Stoltenberg" -> "Jens Stoltenberg"),
  and a surname alone takes the fullest form of the name found in the article.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from framing.resources import read_data_text
from framing.scoring.base import EVIDENCE_COLUMNS, ScorerResult, ScoringContext
from framing.scoring.sourcing.quote_marks import quote_spans  # noqa: F401  (part of this module's API)
from framing.scoring.sourcing.surnames import surname_sites
from framing.text.alternation import word_alternation

if TYPE_CHECKING:
    from framing.lexicons.match import TokenTable

TABLE_COLUMNS = ["doc_id", "quotes.share", "quotes.count", "quotes.speakers"]
QUOTE_COLUMNS = ["doc_id", "start", "end", "text", "speaker", "speaker_start", "speaker_end"]
AS_WRITTEN = ("group", "document")  # speaker kinds kept as written: never a person, never referred back to

# Possessive repeats (Python 3.11+): what follows a name token (a space, a comma, "(", "." or the end) never
# starts with a character the token's repeats take, so giving characters back can never let a match succeed;
# it only cost the engine a retry per character at every capital letter it tried.
_HOLD = "+" if sys.version_info >= (3, 11) else ""
NAME_TOKEN = rf"(?:(?:[A-Z]\.)+{_HOLD}|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Adm|Maj|Capt|St)\.|[A-Z][\w’'\-]*{_HOLD})"
NAME = rf"{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN})*"
DESCRIPTOR = r"(?:(?:former|acting|incoming|outgoing|retired|then)[ \t]+)?"  # "former Ambassador Nikki Haley"
PARTY = r"(?:[ \t]*\([^()\n]{1,25}\))?"  # "Rep. Tom Cole (R-Okla.) said"
ADVERB = r"(?:(?:also|later|then|again|once|has|had|have|previously|repeatedly|\w+ly)[ \t]+)?"


class Rules(NamedTuple):
    """Compiled patterns built from `sourcing.yaml`."""

    after: tuple[re.Pattern[str], re.Pattern[str]]  # attribution right after a closing quote ("X said", "said X")
    sentence_end: re.Pattern[str]  # ", X said." closing the quote's sentence
    before: re.Pattern[str]  # "X said, " / "X described ..., " before an opening quote
    adjacent: re.Pattern[str]  # "... X said " right before an opening quote
    participle: re.Pattern[str]  # "..., saying, " right before an opening quote (speaker: first name before it)
    name: re.Pattern[str]  # a capitalised name
    opening: re.Pattern[str]  # "X said ..." opening the quote's sentence (long quotes only)
    according: re.Pattern[str]  # "according to X"
    verb: re.Pattern[str]  # a speech verb: `before`, `adjacent` and `opening` match none without one
    verb_ending: re.Pattern[str]  # the end `adjacent` needs ("said", "told reporters:"): a test cheaper than it
    named: tuple[re.Pattern[str], re.Pattern[str]]  # every "X said" and "said X" in the text, to resolve pronouns
    pronouns: frozenset[str]
    groups: frozenset[str]
    documents: frozenset[str]
    titles: frozenset[str]
    roles: frozenset[str]
    not_names: frozenset[str]


@functools.lru_cache(maxsize=1)
def rules() -> Rules:
    import yaml

    data = yaml.safe_load(read_data_text("framing.scoring.sourcing.data", "sourcing.yaml"))
    verbs = _one_of(data["speech_verbs"], "|".join(sorted(map(re.escape, data["speech_verbs"]), key=len, reverse=True)))
    pronoun = _one_of(data["pronouns"], "|".join(data["pronouns"]))
    role = "|".join(sorted((re.escape(r).replace(r"\ ", r"\s+") for r in data["roles"]), key=len, reverse=True))
    group = _one_of(data["groups"], "|".join(sorted(map(re.escape, data["groups"]), key=len, reverse=True)))
    document = "|".join(sorted(map(re.escape, data["documents"]), key=len, reverse=True))
    modifier = r"(?!(?:and|or|but|the|a|an|of|to|in|on|that|which|who|as|said|says)\b)[\w.’'\-]+\s+"
    who = (
        rf"(?P<who>(?i:\b(?:{pronoun})\b)|\b(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'\-]+\s+){{0,3}}?(?i:{role})\b"
        rf"|\b[Tt]he\s+(?:[\w.’'\-]+\s+){{0,3}}?(?i:{document})\b"
        rf"|\b(?:{modifier}){{0,2}}?(?i:{group})\b"
        rf"|{DESCRIPTOR}{NAME}(?=,\s+(?:the|a|an)\s+[^,“”\"]{{1,80}},)|{DESCRIPTOR}{NAME})"
    )
    # between the name and the verb: ", the NATO chief," / ", president and CEO of Trust for America's
    # Health," (closed by a comma), or ", a British legal commentator" running straight into the verb
    # (indefinite only: "Monday, the president said" has no appositive)
    appositive = (
        r"(?:,\s+(?:(?:the|a|an)\s+[^,“”\"]{1,80}|[a-z][^,“”\"]{0,80}),"
        r"|,\s+(?:a|an)\s+[^,“”\".]{1,60}?)?"
    )
    verb = rf"(?i:\b(?:{verbs})\b)"
    not_told = [v for v in data["speech_verbs"] if not re.match(r"(?:tell|told|ask)", v)]
    inverted = _one_of(not_told, "|".join(sorted(map(re.escape, not_told), key=len, reverse=True)))
    speaker_verb = rf"{who}{PARTY}{appositive}\s+{ADVERB}{verb}"
    verb_speaker = rf"{verb}\s+{who}"
    listener = r"(?:\s+(?:that|reporters|us|me|him|her|them))?\s*[,:]?\s*$"  # what may close `adjacent`
    lead = r"[ \t]*[,—–-]*[ \t]*"  # `after` patterns are matched at the character after the quote (no `^`)
    return Rules(
        after=(re.compile(lead + speaker_verb), re.compile(lead + verb_speaker)),
        sentence_end=re.compile(rf",\s+{speaker_verb}(?:\s+[\w’'\-]+){{0,4}}\s*\.?\s*$"),
        before=re.compile(rf"^(?:[\w’'\-]+\s+){{0,3}}?{speaker_verb}\b[^“”\"]*[,:]\s*$"),
        adjacent=re.compile(rf"{speaker_verb}{listener}"),
        participle=re.compile(rf",?\s+(?i:{'|'.join(data['participles'])})\s*[,:]?\s*$"),
        name=re.compile(rf"(?P<who>{NAME})"),
        opening=re.compile(rf"^(?:[\w’'\-]+\s+){{0,3}}?{speaker_verb}\b"),
        # "[aA]" first, not "(?i:\b", so `re` skips to the next a in C; (?<!\w\w) is the \b before it (no other
        # character matches (?i:a): a test checks every code point)
        according=re.compile(rf"[aA](?<!\w\w)(?i:ccording\s+to)\s+{who}"),
        verb=re.compile(verb),
        verb_ending=re.compile(verb + listener),
        # (?=[A-Z]): every NAME starts with a capital; saying so first lets the scan skip other places fast
        named=(
            re.compile(rf"(?=[A-Z])(?P<who>{NAME}){appositive}\s+{ADVERB}{verb}"),
            # ', said X.' / ', says X, the ...': inverted only after a comma and before a comma or full
            # stop ("but said NATO will" is not an attribution), and not "told X" (the listener)
            re.compile(rf"[,\x00]\s*(?i:\b(?:{inverted})\b)\s+{DESCRIPTOR}(?P<who>{NAME})(?=\s*[,.;])"),
        ),
        pronouns=frozenset(p.lower() for p in data["pronouns"]),
        groups=frozenset(g.lower() for g in data["groups"]),
        documents=frozenset(d.lower() for d in data["documents"]),
        titles=frozenset(data["titles"]),
        roles=frozenset(r.lower() for r in data["roles"]),
        not_names=frozenset(data["not_names"]),
    )


def _one_of(words: list[str], longest_first: str) -> str:
    """`words` as a prefix tree (same matches, far fewer comparisons), or as written when that could differ.

    Every use is enclosed in word boundaries, which `word_alternation` needs.
    """
    try:
        return word_alternation(words)
    except ValueError:  # a word with a space or a full stop: the order of the branches can matter
        return longest_first


_GOES_ON = re.compile(r"\s*(?:[a-z]|--|—|–)")  # the sentence goes on after a closing quote
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_WORD = re.compile(r"\w+(?:[’'\-.]\w+)*")
_POSSESSIVE = re.compile(r"[’']s$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_NOT_NEWLINE = re.compile(r"[^\n]")
_NEWLINE = re.compile(r"\n")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # beyond the BMP: 4 bytes a character in a str holding one


class Quote(NamedTuple):
    start: int  # first character inside the quote marks
    end: int  # one past the last character inside the quote marks
    speaker: str  # normalised name, "" when unknown
    speaker_start: int  # span of the attribution's mention ("he", "Stoltenberg"), -1 when none
    speaker_end: int


# ---------------------------------------------------------------- attribution

Named = tuple[int, str, int, int]  # (position, surface, start, end) of one "X said" attribution
Found = tuple[str, str, int, int]  # (kind, surface, start, end) of the attribution found for one quote


@dataclass(frozen=True)
class _Context:
    """One article's lookups, built once per article so each quote costs a bisect, not a scan."""

    text: str
    starts: list[int]  # sentence starts, in order
    named: list[Named]  # "X said" attributions, in order of position
    positions: list[int]  # their positions, for bisecting
    newlines: list[int]  # where the text's line breaks are: a paragraph's ends without scanning for them
    prior: str | None = None  # the last "X said" of the text before this one (an earlier segment of the article)

    def newline_before(self, position: int) -> int:
        """`text.rfind("\n", 0, position)`: the last line break before `position`, or -1."""
        i = bisect.bisect_left(self.newlines, position)
        return self.newlines[i - 1] if i else -1

    def newline_from(self, position: int) -> int:
        """`text.find("\n", position)`: the first line break at or after `position`, or -1."""
        i = bisect.bisect_left(self.newlines, position)
        return self.newlines[i] if i < len(self.newlines) else -1


def attribute(
    text: str, spans: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]], min_words: int = 5
) -> list[Quote]:
    """Speakers for quote spans; drops short unattributed spans (scare quotes)."""
    return attributed(text, spans, [s for s, _ in sentences], min_words)


def attributed(text: str, spans: Sequence[tuple[int, int]], starts: list[int], min_words: int = 5) -> list[Quote]:
    """`attribute` given only the sentences' starts, in order: all it reads of them (no span tuples to hold)."""
    return _normalise(text, unnormalised(text, spans, starts, min_words)[0], rules().titles)


def unnormalised(
    text: str, spans: Sequence[tuple[int, int]], starts: list[int], min_words: int = 5, prior: str | None = None
) -> tuple[list[Quote], str | None]:
    """The quotes with their speakers as written, and the text's last "X said" (else `prior`).

    `prior`: the last "X said" before `text` when it is one segment of an
    article, cut at a paragraph break (`framing.scoring.segments`): a
    pronoun with no attribution before it in `text` refers to it.
    """
    inside = _mask(text, spans)
    named = _named_attributions(text, inside)
    newlines = [m.start() for m in _NEWLINE.finditer(text)]
    ctx = _Context(text, starts, named, [n[0] for n in named], newlines, prior)
    quotes: list[Quote] = []
    last_para_speaker = None
    for start, end in spans:
        found = _find_speaker(ctx, inside, start, end)
        para = ctx.newline_before(start)
        if found is None and last_para_speaker and last_para_speaker[0] == para and _words(text[start:end]) >= 4:
            found = ("inherit", last_para_speaker[1], -1, -1)
        if found is None:
            if _words(text[start:end]) >= min_words:
                quotes.append(Quote(start, end, "", -1, -1))
            continue
        surface, s0, s1 = _resolve(ctx, *found)
        quotes.append(Quote(start, end, surface, s0, s1))
        if surface:
            last_para_speaker = (ctx.newline_before(end), surface)
    return quotes, named[-1][1] if named else prior


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text with quoted material blanked, so attributions are never found inside quotes.

    Characters beyond the BMP (emoji, mathematical letters) outside quotes are
    replaced by stand-ins the rules cannot tell apart (see `_stand_in`), so the
    copy takes 2 bytes a character, not 4: one emoji in a 20 MB article made
    it 79 MiB. Matched names are read from `text`, never from this copy.
    """
    parts, at = [], 0
    for start, end in spans:
        lo, hi = max(start - 1, at), min(end + 1, len(text))
        parts.append(_narrow(text[at:lo]))
        quoted = text[lo:hi]
        parts.append(_NOT_NEWLINE.sub("\x00", quoted) if "\n" in quoted else "\x00" * len(quoted))
        at = max(at, hi)
    parts.append(_narrow(text[at:]))
    return "".join(parts)


def _narrow(part: str) -> str:
    """`part` with every character beyond the BMP replaced by its `_stand_in` (a slice is already narrow)."""
    return part if part.isascii() or max(part) <= "\uffff" else _ASTRAL.sub(_stand_in, part)


def _stand_in(m: re.Match[str]) -> str:
    """A BMP character every rule treats as it treats this one.

    The rules ask of a character outside the BMP only whether it is `\\w`
    (a letter or digit: `str.isalnum`, as `re` decides): none is a space, a
    quote mark, an ASCII capital or punctuation the rules name, and none
    changes case into ASCII under `(?i)`. So a caseless letter (U+4E00) stands
    for the letters and digits and U+FFFD for the rest.
    """
    return "\u4e00" if m.group().isalnum() else "\ufffd"


def _named_attributions(text: str, inside: str) -> list[Named]:
    r = rules()
    out: list[Named] = []
    for pattern in r.named:
        for m in pattern.finditer(inside):
            who = text[m.start("who") : m.end("who")]  # as written: `inside` has stand-ins (see `_mask`)
            if inside[m.end("who") : m.end("who") + 1] == "." and f"{who.split()[-1]}." in r.titles:
                continue  # "said Sen. Tom Cole": a title cut short at its full stop, not a name
            if _kind_of(who) in AS_WRITTEN:
                continue  # "Democrats said", "The Report said": no "he" or "she" refers back to them
            if clean_name(who, r.titles):
                out.append((m.start("who"), who, m.start("who"), m.end("who")))
    for m in r.according.finditer(inside):
        who = text[m.start("who") : m.end("who")]
        if _kind_of(who) == "name" and clean_name(who, r.titles):
            out.append((m.start("who"), who, m.start("who"), m.end("who")))
    out.sort()
    return out


def _find_speaker(ctx: _Context, inside: str, start: int, end: int) -> Found | None:
    """('kind', surface, start, end) of the attribution for one quote, or None."""
    for kind, offset, m in _candidates(ctx, inside, start, end):
        if m is None:
            continue
        s0, s1 = offset + m.start("who"), offset + m.end("who")
        surface = ctx.text[s0:s1]  # as written: `inside` has stand-ins for characters beyond the BMP
        if _kind_of(surface) != "name" or clean_name(surface, rules().titles):
            return kind, surface, s0, s1
    return None


def _candidates(ctx: _Context, inside: str, start: int, end: int) -> Iterator[tuple[str, int, re.Match[str] | None]]:
    """Attribution matches for one quote, most reliable first (lazily)."""
    r = rules()
    text = ctx.text
    para_end = ctx.newline_from(end)
    tail, tail_end = end + 1, len(text) if para_end < 0 else para_end  # the rest of the paragraph, not copied
    # a quote ending its sentence with a full stop takes no attribution after it,
    # unless the sentence visibly goes on ('." he said')
    if text[start:end].rstrip()[-1:] != "." or _GOES_ON.match(inside, tail, tail_end):
        for pattern in r.after:
            yield "after", 0, pattern.match(inside, tail, tail_end)
        yield "after", tail, r.sentence_end.search(_sentence_rest(inside, tail, tail_end))
    sent_start = _sentence_start(ctx, start)
    head = inside[sent_start : start - 1]
    # each pattern's necessary part first, cheaply: every `before`, `adjacent` and `opening` match holds a
    # speech verb; a `before` match ends with [,:] and spaces; an `adjacent` match ends with a `verb_ending` match
    spoken = r.verb.search(head) is not None
    yield "before", sent_start, r.according.search(head)
    yield "before", sent_start, r.before.search(head) if spoken and head.rstrip()[-1:] in (",", ":") else None
    yield "before", sent_start, r.adjacent.search(head) if spoken and r.verb_ending.search(head) else None
    m = r.participle.search(head)
    if m:
        for name in r.name.finditer(head, 0, m.start()):
            yield "before", sent_start, name
    if spoken and _words(text[start:end]) >= 5:
        yield "before", sent_start, r.opening.search(head)


def _sentence_rest(inside: str, start: int, end: int) -> str:
    """`inside[start:end]` up to the end of its sentence (outside quotes)."""
    m = _SENTENCE_END.search(inside, start, end)
    return inside[start : m.end() if m else end]


def _sentence_start(ctx: _Context, position: int) -> int:
    starts = ctx.starts
    i = bisect.bisect_right(starts, position - 1) - 1
    para = ctx.newline_before(position) + 1
    return max(starts[i] if i >= 0 else 0, para)


def _resolve(ctx: _Context, kind: str, surface: str, s0: int, s1: int) -> tuple[str, int, int]:
    """A pronoun or role refers to the last named speaker before it; a role with none stays itself.

    An indefinite role ("a senior official", "one diplomat") is an anonymous source, never resolved.
    """
    if kind == "inherit":
        return surface, s0, s1
    what = _kind_of(surface)
    if what in ("name", "anonymous", *AS_WRITTEN):
        return surface, s0, s1
    before = bisect.bisect_left(ctx.positions, s0)  # attributions at positions < s0
    if before:
        return ctx.named[before - 1][1], s0, s1
    if ctx.prior is not None:
        return ctx.prior, s0, s1
    return (surface if what == "role" else ""), s0, s1


def _kind_of(surface: str) -> str:
    """'pronoun' (he), 'role' (the NATO chief), 'anonymous' (an official), 'group' (U.S. officials),
    'document' (the Mueller report) or 'name' (The Telegraph)."""
    r = rules()
    low = surface.lower()
    if low in r.pronouns:
        return "pronoun"
    last = surface.split()[-1]
    if last.lower() in r.groups:
        return "group"
    if low.startswith("the ") and last in r.documents:  # lower case: "The Post" is a newspaper's name
        return "document"
    if low.split()[0] in ("a", "an", "one", "another"):
        return "anonymous"
    if low.startswith("the "):
        last = low.split()[-1]
        if any(low.endswith(role) for role in r.roles) or last in r.roles:
            return "role"
    return "name"


def _words(text: str) -> int:
    return len(_WORD.findall(text))


# ---------------------------------------------------------------- names


def clean_name(surface: str, titles: frozenset[str]) -> str:
    """Strip titles and capitalised affiliations: 'NATO Secretary General Jens Stoltenberg' -> 'Jens Stoltenberg'.

    Sentence-initial function words ("But Trump", "So I") are stripped too; a
    surface of nothing but such words gives "".
    """
    not_names = rules().not_names
    tokens = _POSSESSIVE.sub("", surface.strip()).split()
    while tokens and tokens[0] in not_names:
        tokens = tokens[1:]
    while len(tokens) > 1 and (tokens[0] in titles or (tokens[0].replace(".", "").isupper() and len(tokens[0]) > 1)):
        tokens = tokens[1:]
    if tokens and tokens[0] != "The" and len(tokens) > 3:
        tokens = _last_names(tokens)
    if len(tokens) == 1 and (tokens[0] in titles or tokens[0] in not_names):
        return ""
    return " ".join(tokens)


def _last_names(tokens: list[str]) -> list[str]:
    """First name and surname, with any initials between: '... Leader Charles E. Schumer' -> 'Charles E. Schumer'."""
    kept, full = [], 0
    for token in reversed(tokens):
        if full == 2:
            break
        kept.append(token)
        full += not _INITIALS.fullmatch(token)
    return kept[::-1]


_BEFORE_NAME = re.compile(rf"({NAME_TOKEN})[ \t]+$")


def _normalise(text: str, quotes: list[Quote], titles: frozenset[str]) -> list[Quote]:
    """One spelling per speaker in an article: the fullest form of the name."""
    names = SpeakerNames(quotes, titles)
    names.read(text)
    return names.normalised()


class SpeakerNames:
    """The speakers of an article's quotes and the forms of their names seen in its text.

    `read` every part of the text (the whole article, or each of its
    segments: a form is found within one line, which a segment never cuts),
    then `normalised` gives each quote the fullest form of its speaker's name.
    """

    def __init__(self, quotes: list[Quote], titles: frozenset[str]) -> None:
        self.quotes, self.titles = quotes, titles
        self.kinds = [_kind_of(q.speaker) if q.speaker else "" for q in quotes]
        self.cleaned = [
            _as_written(q.speaker) if kind in AS_WRITTEN else clean_name(q.speaker, titles) if q.speaker else ""
            for q, kind in zip(quotes, self.kinds)
        ]
        self.forms: dict[str, set[str]] = {}
        for name, kind in zip(self.cleaned, self.kinds):
            if name and kind not in AS_WRITTEN:  # "the report" is no surname of "Mueller report"
                self.forms.setdefault(name.split()[-1], set()).add(name)

    def read(self, text: str) -> None:
        """Add the "First Surname" forms written in `text` for every surname of a speaker."""
        before_name, titles, not_names = _BEFORE_NAME, self.titles, rules().not_names
        sites = surname_sites(text, self.forms)
        for surname, names in self.forms.items():
            for at in sites[surname]:
                found = before_name.search(text, max(0, at - 40), at)
                if found is None:
                    continue
                first = found.group(1)
                if first not in titles and first not in not_names and not first.replace(".", "").isupper():
                    names.add(f"{first} {surname}")

    def normalised(self) -> list[Quote]:
        best = {s: max(sorted(n), key=lambda x: len(x.split())) for s, n in self.forms.items()}
        return [
            q._replace(speaker=best[name.split()[-1]] if name and kind not in AS_WRITTEN else name)
            for q, name, kind in zip(self.quotes, self.cleaned, self.kinds)
        ]


def _as_written(surface: str) -> str:
    """A group or document speaker as written, a sentence-initial "The" lower-cased ("the statement")."""
    surface = " ".join(surface.split())
    return "the" + surface[3:] if surface.startswith("The ") else surface


# ---------------------------------------------------------------- scorer


@dataclass(frozen=True)
class SourcingScorer:
    """Articles (doc_id, clean_text) -> per-article table, quotes table, quote evidence."""

    min_words: int = 5
    name: str = "sourcing"
    requires: tuple[str, ...] = ()

    def __call__(self, articles: pd.DataFrame, context: ScoringContext | None = None) -> ScorerResult:
        """The context's shared tokens give the word offsets and sentences (saves splitting again)."""
        tokens = context.tokens if context is not None else None
        keep_evidence = context is None or context.evidence
        rows, quote_rows, evidence = [], [], []
        texts = tokens.texts if tokens is not None else articles["clean_text"]  # the chunk's one copy of the text
        for d, (doc_id, text) in enumerate(zip(articles["doc_id"], texts)):
            starts = sentence_starts(text, tokens, d)
            quotes = attributed(text, quote_spans(text), starts.tolist(), self.min_words)
            rows.append(_article_row(doc_id, _word_starts(text, tokens, d), quotes))
            quoted = [text[q.start : q.end] for q in quotes]
            more_quotes, more_evidence = quote_rows_of(doc_id, quotes, quoted, sentence_numbers(starts, quotes))
            quote_rows += more_quotes
            evidence += more_evidence if keep_evidence else []  # else the pipeline would drop it
        return sourcing_result(rows, quote_rows, evidence)


def sentence_starts(text: str, tokens: TokenTable | None, d: int) -> np.ndarray:
    """Start offsets of the sentences of article `d`; `[0]` for none (the same speakers and numbers as none)."""
    from framing.text.tokenize import sentence_spans

    if tokens is not None:
        return tokens.sentence_starts(d)
    return np.asarray([s for s, _ in sentence_spans(text)] or [0], dtype=np.int64)


def sentence_numbers(starts: np.ndarray, quotes: list[Quote]) -> list[int]:
    """The sentence each quote starts in."""
    at = np.fromiter((q.start for q in quotes), dtype=np.int64, count=len(quotes))
    numbers: list[int] = np.maximum(np.searchsorted(starts, at, side="right") - 1, 0).tolist()
    return numbers


def quote_rows_of(
    doc_id: object, quotes: list[Quote], quoted: list[str], sentences: list[int]
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Rows of the quotes table and of the evidence for one article's quotes (`quoted`: their text)."""
    quote_rows: list[tuple[object, ...]] = []
    evidence: list[tuple[object, ...]] = []
    for q, text, sentence in zip(quotes, quoted, sentences):
        quote_rows.append((doc_id, q.start, q.end, text, q.speaker, q.speaker_start, q.speaker_end))
        category = "attributed" if q.speaker else "unattributed"
        evidence.append((doc_id, sentence, q.start, q.end, text, "quote", "sourcing", category, False, 1.0))
    return quote_rows, evidence


def sourcing_result(
    rows: list[list[object]], quote_rows: list[tuple[object, ...]], evidence: list[tuple[object, ...]]
) -> ScorerResult:
    """The scorer's result from its rows: per-article table, quote evidence, quotes table."""
    quotes_df = pd.DataFrame(quote_rows, columns=QUOTE_COLUMNS)
    for column in ("speaker_start", "speaker_end"):
        quotes_df[column] = quotes_df[column].astype("Int64").mask(quotes_df[column] < 0)
    return ScorerResult(
        pd.DataFrame(rows, columns=TABLE_COLUMNS),
        pd.DataFrame(evidence, columns=EVIDENCE_COLUMNS),
        {"quotes": quotes_df},
    )


def _word_starts(text: str, tokens: TokenTable | None, d: int) -> np.ndarray:
    """Start offsets of the word tokens of article `d` (from the shared TokenTable when given)."""
    if tokens is not None:
        lo, hi = tokens.doc_start[d], tokens.doc_start[d + 1]
        starts: np.ndarray = tokens.starts[lo:hi][tokens.word_mask()[lo:hi]]
        return starts
    from framing.text.tokenize import is_word, word_spans

    return np.asarray([s for s, e in word_spans(text) if is_word(text[s:e])], dtype=np.int64)


def _article_row(doc_id: object, starts: np.ndarray, quotes: list[Quote]) -> list[object]:
    """Share of the words inside quotations, quotes, speakers."""
    return article_row(doc_id, quoted_words(starts, quotes), len(starts), quotes)


def quoted_words(starts: np.ndarray, quotes: list[Quote]) -> int:
    """Words (of those starting at `starts`) inside the quotations: one vectorized count for all quotes."""
    bounds = np.fromiter((b for q in quotes for b in (q.start, q.end)), dtype=np.int64, count=2 * len(quotes))
    at = np.searchsorted(starts, bounds)
    return int((at[1::2] - at[0::2]).sum())


def article_row(doc_id: object, quoted: int, total: int, quotes: list[Quote]) -> list[object]:
    """The table's row: share of the `total` words that are `quoted`, quotes, speakers."""
    speakers = list(dict.fromkeys(q.speaker for q in quotes if q.speaker))
    return [doc_id, quoted / total if total else 0.0, len(quotes), "; ".join(speakers)]


def score_sourcing(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Functional form of `SourcingScorer()(articles)`: (table, quotes, evidence)."""
    result = SourcingScorer()(articles)
    return result.table, result.extras["quotes"], result.evidence

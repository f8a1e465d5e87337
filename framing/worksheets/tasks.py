"""The five worksheet tasks, each built from the scores and the comparison.

Each builder takes the chosen sources and the tool's tables and returns a
plain task object (framing.exercise_model): what students see, and the
evidence the answer key shows. Choices are deterministic: ties are broken by
source letter and sentence position.
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import Any

import numpy as np

from framing.comparison.weighting import count_matrix, tfidf
from framing.lexicons.model import POLICY_FRAMES, of_family
from framing.scoring.stance.article import MENTION_KINDS
from framing.scoring.stance.ticks import tick
from framing.scoring.stopwords import english_stop_words
from framing.text.words import paragraph_spans, printed_word_count, wording_words
from framing.worksheets.blind import segments, show_open_quotes
from framing.worksheets.model import (
    AlikeTask,
    Hit,
    OmissionTask,
    OmittedFact,
    PassageTask,
    SameFactTask,
    StanceCell,
    StanceTask,
    Wording,
)

MARKED_FAMILIES = ("loaded", "frame")
# Not marked for students: neutral report verbs ("said") are not loaded, and the
# policy-frames family (its `family:` field, whatever the lexicon is called) names the topic of a
# sentence rather than a judgement.
NEUTRAL_CLASSES = ("report_neutral",)
MAX_PASSAGE_WORDS = 90
MAX_TARGETS = 5


class Context:
    """What every builder needs: sources by letter, their texts, evidence and labels."""

    def __init__(self, sources, articles, scores, scrubber) -> None:
        self.sources = sources
        self.letters = tuple(s.letter for s in sources)
        self.text = {s.letter: articles.loc[s.doc_id, "clean_text"] for s in sources}
        self.doc = {s.letter: s.doc_id for s in sources}
        self.scrubber = scrubber
        evidence = scores.evidence
        evidence = evidence[evidence["doc_id"].isin(list(self.doc.values()))]
        topics = [lex.name for lex in of_family(getattr(scores, "lexicons", ()), POLICY_FRAMES)]
        neutral = ((evidence["family"] == "loaded") & evidence["category"].isin(NEUTRAL_CLASSES)) | (
            (evidence["family"] == "frame") & evidence["lexicon"].isin(topics)
        )
        self.evidence = evidence[~neutral]
        self.describe = _category_descriptions(getattr(scores, "lexicons", None))
        self.names = _category_names(getattr(scores, "lexicons", None))
        self._sentences: dict[Any, Any] = {}

    def sentences(self, letter):
        from framing.text.tokenize import sentence_spans

        if letter not in self._sentences:
            self._sentences[letter] = sentence_spans(self.text[letter])
        return self._sentences[letter]

    def rows(self, letter, families):
        ev = self.evidence
        return ev[(ev["doc_id"] == self.doc[letter]) & ev["family"].isin(families)]

    def marked(self, letter, start, end, families=MARKED_FAMILIES):
        """Segments and hits for text[start:end], marking evidence of `families` inside it."""
        rows = self.rows(letter, families)
        rows = rows[(rows["start"] >= start) & (rows["end"] <= end)].sort_values(["start", "end"])
        marks, hits = [], {}
        for row in rows.itertuples(index=False):
            hit = self.hit(row)
            marks.append((int(row.start) - start, int(row.end) - start, _mark_class(row), hit.label))
            hits[(int(row.start) - start, int(row.end) - start)] = hit
        text = self.text[letter][start:end]
        marked = segments(text, marks, self.scrubber)
        kept = [hits[key] for key in _kept_spans(marked) if key in hits]
        return (show_open_quotes(text, segments(text, (), self.scrubber)), show_open_quotes(text, marked), tuple(kept))

    def hit(self, row) -> Hit:
        category = str(row.category)
        shown = self.names.get((str(row.lexicon), category)) or _pretty(category)
        if row.family == "loaded":
            label = f"loaded language: {shown}"
        elif row.family == "frame":
            label = f"{row.lexicon}: {shown}"
        else:
            label = f"{row.family}: {_pretty(category)}"
        negated = bool(getattr(row, "negated", False))
        return Hit(
            text=self.scrubber.scrub(str(row.text)),
            family=str(row.family),
            label=label + (" (negated)" if negated else ""),
            description=self.describe.get((str(row.lexicon), category), ""),
            negated=negated,
        )


def _pretty(name: str) -> str:
    return name.replace("_", " ").replace("-", " ")


def _mark_class(row) -> str:
    if row.family == "stance":
        return "stance-pos" if float(row.weight) > 0 else "stance-neg"
    return str(row.family)


def _kept_spans(marked):
    pos, spans = 0, []
    for seg in marked:
        if seg.mark and seg.mark != "redacted":
            spans.append((pos, pos + len(seg.text)))
        pos += len(seg.text)
    return spans


def _category_descriptions(lexicons) -> dict:
    if lexicons is None:
        return {}
    items = lexicons.values() if isinstance(lexicons, dict) else lexicons
    out = {}
    for lexicon in items:
        for name, category in getattr(lexicon, "categories", {}).items():
            out[(lexicon.name, name)] = getattr(category, "description", "") or ""
    return out


def _category_names(lexicons) -> dict:
    """(lexicon, category) -> the label the lexicon file gives it (the report shows the same)."""
    from framing.reporting.labels import category_labels

    items = (lexicons.values() if isinstance(lexicons, dict) else lexicons) if lexicons is not None else ()
    return {(lexicon.name, name): shown for lexicon in items for name, shown in category_labels([lexicon]).items()}


# -- task 1: loaded words ---------------------------------------------------


def _windows(text, sentences):
    """Runs of 1-3 consecutive sentences in one paragraph; longer than MAX_PASSAGE_WORDS only if single."""
    paragraphs = paragraph_spans(text)
    para_of = [next((k for k, (ps, pe) in enumerate(paragraphs) if ps <= s < pe), 0) for s, _ in sentences]
    for i in range(len(sentences)):
        for j in range(i, min(i + 3, len(sentences))):
            start, end = sentences[i][0], sentences[j][1]
            words = printed_word_count(text[start:end])
            if para_of[j] != para_of[i] or (j > i and words > MAX_PASSAGE_WORDS):
                break
            yield i, start, end, para_of[i], words


def passage_task(ctx: Context) -> PassageTask:
    """The short passage with the most loaded-language and frame words."""
    best: Any = None
    for letter in ctx.letters:
        text, rows = ctx.text[letter], ctx.rows(letter, MARKED_FAMILIES)
        starts, ends, loaded = rows["start"].to_numpy(), rows["end"].to_numpy(), (rows["family"] == "loaded").to_numpy()
        for i, start, end, para, words in _windows(text, ctx.sentences(letter)):
            inside = (starts >= start) & (ends <= end)
            key = (-int(inside.sum()), -int((inside & loaded).sum()), words, letter, i)
            if best is None or key < best[0]:
                best = (key, letter, start, end, para)
    _, letter, start, end, para = best
    plain, marked, hits = ctx.marked(letter, start, end)
    return PassageTask(letter=letter, paragraph=para + 1, plain=plain, marked=marked, hits=hits)


# -- task 2: same fact, different words ------------------------------------


def _fact_span(text, sentences, row):
    if 0 <= row.start < row.end <= len(text) and text[row.start : row.end].strip() == row.text.strip():
        return row.start, row.end
    found = text.find(row.text.strip())
    if found >= 0:
        return found, found + len(row.text.strip())
    if 0 <= row.sentence < len(sentences):
        return sentences[row.sentence]
    return None


def _wording(ctx, letter, row) -> Wording | None:
    span = _fact_span(ctx.text[letter], ctx.sentences(letter), row)
    if span is None:
        return None
    plain, marked, hits = ctx.marked(letter, *span)
    return Wording(letter=letter, plain=plain, marked=marked, hits=hits)


def _reported(ctx, facts):
    """fact -> {letter: first facts row}, for the shown sources only."""
    letter_of = {doc: letter for letter, doc in ctx.doc.items()}
    shown = facts[facts["doc_id"].isin(list(letter_of))]
    out = {}
    for row in shown.itertuples(index=False):
        out.setdefault(row.fact, {}).setdefault(letter_of[row.doc_id], row)
    return out


def _difference(rows) -> float:
    """Share of words not shared by all wordings: higher means more different wording."""
    sets = [wording_words(r.text) for r in rows]
    union = set().union(*sets)
    return 1 - len(set.intersection(*sets)) / len(union) if union else 0.0


def same_fact_task(ctx: Context, facts) -> SameFactTask:
    """The fact most sources report, in up to three sources' words (those with most marked words)."""
    reported = {f: by for f, by in _reported(ctx, facts).items() if len(by) >= 2}
    if not reported:
        openings = [ctx.marked(who, *ctx.sentences(who)[0]) for who in ctx.letters[:3] if ctx.sentences(who)]
        wordings = tuple(Wording(who, *parts) for who, parts in zip(ctx.letters, openings))
        return SameFactTask(
            fact="",
            wordings=wordings,
            note="The tool found no fact reported by two of these "
            "sources, so here are their opening sentences instead.",
        )
    fact = min(reported, key=lambda f: (-len(reported[f]), -_difference(reported[f].values()), f))
    candidates = [w for w in (_wording(ctx, letter, row) for letter, row in sorted(reported[fact].items())) if w]
    chosen = sorted(candidates, key=lambda w: (-len(w.hits), w.letter))[:3]
    return SameFactTask(fact=fact, wordings=tuple(sorted(chosen, key=lambda w: w.letter)))


# -- task 3: stance ---------------------------------------------------------


def _target_names(scores, table) -> list[str]:
    targets = getattr(scores, "targets", None)
    names = []
    for target in getattr(targets, "targets", targets) or ():
        name = getattr(target, "name", target)
        if isinstance(name, str):
            names.append(name)
    return names or list(dict.fromkeys(table["target"].astype(str)))


def rating(score: float, mentions: int, label: str) -> int | None:
    """The tool's tick on the worksheet's five boxes (`framing.scoring.stance.ticks.tick`, the mapping the
    report and key share); None when the source never mentions the actor. `label` is the table's label,
    which the same threshold gives, so a neutral label is always the 0 box."""
    if mentions <= 0:
        return None
    return tick(score)


def _stance_evidence(ctx, letter, target, top: int = 3):
    """The sentence holding the strongest cue word for `target`: its mentions and top cue words marked."""
    rows = ctx.rows(letter, ("stance",))
    column = "target" if "target" in rows.columns else "category"
    rows = rows[rows[column].astype(str) == target]
    mention = rows["lexicon"].astype(str).isin(MENTION_KINDS)  # a place mention is named, not scored
    cues = rows[~mention] if (~mention).any() else rows
    if cues.empty:
        return ()
    cues = cues.assign(_w=cues["weight"].abs()).sort_values(["_w", "start"], ascending=[False, True])
    first = int(cues["start"].iloc[0])
    span = next(((s, e) for s, e in ctx.sentences(letter) if s <= first < e), None)
    if span is None:
        return ()
    inside = (cues["start"] >= span[0]) & (cues["end"] <= span[1])
    marks = [
        (int(r.start) - span[0], int(r.end) - span[0], _mark_class(r), f"{float(r.weight):+.2f}")
        for r in cues[inside].head(top).itertuples(index=False)
    ]
    named = rows[mention & (rows["start"] >= span[0]) & (rows["end"] <= span[1])]
    marks += [
        (
            int(r.start) - span[0],
            int(r.end) - span[0],
            "mention",
            f"mention of {target}" + (" (as a place: not scored)" if r.lexicon == "place" else ""),
        )
        for r in named.itertuples(index=False)
    ]
    text = ctx.text[letter][span[0] : span[1]]
    return show_open_quotes(text, segments(text, marks, ctx.scrubber))


def stance_task(ctx: Context, scores) -> StanceTask:
    """Each source x actor: the tool's stance score as a rating, with its strongest evidence sentence."""
    table = scores.stance
    table = table[table["doc_id"].isin(list(ctx.doc.values()))]
    mentions = table.groupby("target")["mentions"].sum()
    names = [n for n in _target_names(scores, table) if mentions.get(n, 0) > 0]
    names = sorted(names, key=lambda n: (-mentions[n], names.index(n)))[:MAX_TARGETS]
    names = [n for n in _target_names(scores, table) if n in names]
    by_key = {(r.doc_id, str(r.target)): r for r in table.itertuples(index=False)}
    cells = {}
    for letter in ctx.letters:
        for target in names:
            row = by_key.get((ctx.doc[letter], target))
            count = int(row.mentions) if row is not None else 0
            score = float(row.score) if row is not None and count else 0.0
            label = str(row.label) if row is not None and count else "not mentioned"
            cells[(letter, target)] = StanceCell(
                rating(score, count, label), score, count, label, _stance_evidence(ctx, letter, target) if count else ()
            )
    return StanceTask(targets=tuple(names), letters=ctx.letters, cells=cells)


# -- task 4: most alike -----------------------------------------------------


def _similarity_matrix(ctx, comparison):
    outlets = [s.outlet for s in ctx.sources]
    sim = getattr(comparison, "outlet_similarity", None)
    if sim is not None and set(outlets) <= set(sim.index) and set(outlets) <= set(sim.columns):
        return sim.loc[outlets, outlets].to_numpy(float), "outlet similarity (TF-IDF cosine of each outlet's words)"
    docs = [s.doc_id for s in ctx.sources]
    sim = getattr(comparison, "article_similarity", None)
    if sim is not None and set(docs) <= set(sim.index):
        return sim.loc[docs, docs].to_numpy(float), "article similarity (TF-IDF cosine of the articles' words)"
    return text_similarity([ctx.text[who] for who in ctx.letters]), "TF-IDF cosine similarity of the articles' words"


_WORD = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


def text_similarity(texts: list[str]) -> np.ndarray:
    """TF-IDF (sublinear, English stop words) cosine similarity of `texts`, as scikit-learn's TfidfVectorizer gives.

    Why not scikit-learn itself: importing it pulls in scipy.stats, about two
    seconds of a worksheet's cold start, for one small matrix.
    """
    stop = english_stop_words()
    documents = [[w for w in _WORD.findall(text.lower()) if w not in stop] for text in texts]
    counts, _ = count_matrix(documents)
    vectors = tfidf(counts, sublinear_tf=True)
    similarity = (vectors @ vectors.T).toarray()
    return np.asarray(similarity, dtype=np.float64)


def alike_task(ctx: Context, comparison) -> AlikeTask:
    """Pairs of sources ranked by similarity; the odd one out has the lowest mean similarity."""
    matrix, basis = _similarity_matrix(ctx, comparison)
    letters = ctx.letters
    pairs = sorted(
        ((letters[i], letters[j], round(float(matrix[i, j]), 3)) for i, j in combinations(range(len(letters)), 2)),
        key=lambda p: (-p[2], p[0], p[1]),
    )
    n = len(letters)
    mean = [(float(matrix[i].sum() - matrix[i, i]) / max(n - 1, 1), letters[i]) for i in range(n)]
    rounded = tuple(tuple(round(float(v), 2) for v in row) for row in matrix)
    return AlikeTask(letters=letters, matrix=rounded, pairs=tuple(pairs), odd_one_out=min(mean)[1], basis=basis)


# -- task 5: omissions ------------------------------------------------------


def omission_task(ctx: Context, facts, exclude: str = "", max_facts: int = 4) -> OmissionTask:
    """Facts most sources report but some leave out, as a fact x source grid.

    The fact of task 2 (`exclude`) is used only when no other fact qualifies.
    """
    reported = _reported(ctx, facts)
    n = len(ctx.letters)
    partial = sorted(
        (f for f, by in reported.items() if 2 <= len(by) < n), key=lambda f: (f == exclude, -len(reported[f]), f)
    )
    chosen = partial[:max_facts]
    note = ""
    if not chosen:
        chosen = sorted((f for f, by in reported.items() if len(by) == n), key=str)[:2]
        note = (
            "Every source reports the facts the tool aligned; look for what all of them leave out."
            if chosen
            else "The tool aligned no fact across these sources: find one fact that only one source reports."
        )
    rows = []
    for number, fact in enumerate(chosen, start=1):
        by = reported[fact]
        letter = min(by, key=lambda who: (printed_word_count(by[who].text), who))
        wording = _wording(ctx, letter, by[letter])
        rows.append(
            OmittedFact(
                number=number,
                wording=wording.plain
                if wording
                else show_open_quotes(by[letter].text, segments(by[letter].text, (), ctx.scrubber)),
                worded_by=letter,
                reported={who: who in by for who in ctx.letters},
            )
        )
    answer = "" if note else _omission_answer(rows)
    return OmissionTask(letters=ctx.letters, facts=tuple(rows), answer=answer, note=note)


def _omission_answer(rows) -> str:
    if not rows:
        return "The tool aligned no fact across these sources."
    parts = []
    for row in rows:
        missing = [who for who, yes in row.reported.items() if not yes]
        if missing:
            parts.append(f"fact {row.number} is missing from Source {', '.join(missing)}")
    if not parts:
        return "Every source reports these facts."
    answer = "; ".join(parts)
    return answer[0].upper() + answer[1:] + "."

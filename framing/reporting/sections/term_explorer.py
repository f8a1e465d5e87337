"""The term explorer: for one outlet against the rest, how often each word is used in each, with its sentences.

In the spirit of scattertext (Kessler 2017): a word far above the diagonal is
one the chosen outlet uses much more than the others do. The counts and the
z-scores are the comparison's own (`Comparison.counts`, Fightin' Words from
`framing.comparison.distinctive.log_odds`), so the explorer and the
distinctive-vocabulary section agree. The terms are capped: the most frequent
content words of the corpus plus each outlet's most distinctive ones, and a
few example sentences per outlet and term, so a 1,000-article page stays small.

The page shows a plain table (readable without scripts, each number linked to
its sentences); the report's inline script draws the scatter from `data`,
which the template embeds as escaped JSON (`embedded_json`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from framing.comparison.distinctive import PRIOR, PRIOR_MAX, log_odds
from framing.comparison.terms import stop_word_set
from framing.reporting.blocks import Block, block, excerpt
from framing.reporting.embedded import embedded_json
from framing.reporting.keywords import neutral_words
from framing.reporting.term_examples import Example, outlet_examples
from framing.stats import matrices

if TYPE_CHECKING:
    from markupsafe import Markup

    from framing.comparison.pipeline import Comparison
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores

COMMON = 150
"""The most frequent content words of the corpus, plotted for every outlet."""
DISTINCTIVE = 10
"""Each outlet's most distinctive terms (highest z), added to the common ones."""
EXAMPLES = 3
"""Example sentences per outlet and term, for a corpus of at most `SMALL` articles."""
SMALL = 25
LARGE_EXAMPLES = 25
"""Above `SMALL` articles, one example per outlet for its `DISTINCTIVE` words and its `LARGE_EXAMPLES` most used."""
TABLE_ROWS = 5
"""Rows per outlet in the plain table (its most distinctive terms); 3 above `SMALL` articles."""
DIGITS = 2


def term_explorer(
    comparison: Comparison | None, corpus: Corpus, scores: Scores, anchors: dict[str, str]
) -> dict[str, Any]:
    """{"data" (what the script draws), "html" (the same, escaped for the page), "table", "blocks"}.

    With fewer than two outlets there is no "rest" to compare with: `data` is None.
    """
    counts = getattr(comparison, "counts", None) or {}
    if comparison is None or 1 not in counts or len(counts[1][1]) < 2:
        return {"data": None, "html": None, "table": None, "blocks": []}
    neutral = neutral_words(scores.lexicons)
    shown = [o for o in matrices.top_outlets(scores.table) if o in counts[1][1]]
    terms = _chosen_terms(comparison, shown, neutral)
    data = _term_data(counts, shown, terms)
    small = len(corpus.articles) <= SMALL
    examples = _examples(corpus, data, _wanted(data, small), EXAMPLES if small else 1)
    titles = dict(zip(corpus.articles["doc_id"].astype(str), corpus.articles["title"].astype(str)))
    for entry in data["terms"]:  # outlet position -> [[snippet, start, end, article anchor or null]]
        entry["ex"] = {
            str(i): [[e.text, e.start, e.end, anchors.get(e.doc_id)] for e in examples[o][entry["t"]]]
            for i, o in enumerate(shown)
            if examples[o].get(entry["t"])
        }
    table, blocks = _plain_table(data, examples, titles, anchors, TABLE_ROWS if small else 3)
    return {"data": data, "html": embedded_json(data), "table": table, "blocks": blocks}


def _chosen_terms(comparison: Comparison, shown: list[str], neutral: set[str]) -> list[tuple[int, str]]:
    """(n-gram order, term): the `COMMON` most frequent words, then each shown outlet's `DISTINCTIVE` terms."""
    table, _, words = comparison.counts[1]
    total = np.asarray(table.sum(axis=0)).ravel()
    content = [c for c in np.lexsort((words.astype(str), -total)) if not _neutral(str(words[c]), neutral)]
    chosen = [(1, str(words[c])) for c in content[:COMMON]]
    seen = set(chosen)
    distinctive = comparison.distinctive_terms
    for outlet in shown:
        rows = distinctive[distinctive["outlet"] == outlet].sort_values(["z", "term"], ascending=[False, True])
        picked = [(int(n), str(t)) for n, t in zip(rows["ngram"], rows["term"]) if not _neutral(str(t), neutral)]
        for key in picked[:DISTINCTIVE]:
            if key not in seen and int(key[0]) in comparison.counts:
                seen.add(key)
                chosen.append(key)
    return chosen


def _neutral(term: str, neutral: set[str]) -> bool:
    """A report verb or page furniture ("said", "photos"), alone or inside a bigram ("stoltenberg said")."""
    return any(word in neutral for word in term.split())


def _term_data(counts: dict[int, Any], shown: list[str], chosen: list[tuple[int, str]]) -> dict[str, Any]:
    """Per term: its count in each shown outlet, in the whole corpus, and its z for each outlet against the rest.

    z is computed as `distinctive_terms` computes it (one model per n-gram
    order, the same prior), so a term in both places has the same z.
    """
    unigrams, names, _ = counts[1]
    words = np.asarray(unigrams.sum(axis=1)).ravel()
    own = np.zeros((len(chosen), len(shown)), dtype=np.int64)
    z = np.zeros((len(chosen), len(shown)))
    every = np.zeros(len(chosen), dtype=np.int64)
    for ngram in sorted({n for n, _ in chosen}):
        table, order_names, order_terms = counts[ngram]
        position = {str(t): c for c, t in enumerate(order_terms)}
        places = [k for k, (n, _) in enumerate(chosen) if n == ngram]
        columns = table[:, [position[chosen[k][1]] for k in places]].toarray().astype(float)
        sizes = np.asarray(table.sum(axis=1)).ravel().astype(float)
        n = float(sizes.sum())
        total = columns.sum(axis=0)
        every[places] = total.astype(np.int64)
        for j, outlet in enumerate(shown):
            row = order_names.index(outlet)
            mine = columns[row]
            _, zs = log_odds(
                mine, total - mine, total, min(PRIOR * n, PRIOR_MAX), totals=(sizes[row], n - sizes[row], n)
            )
            own[places, j] = mine.astype(np.int64)
            z[places, j] = zs
    entries = [
        {"t": term, "n": own[k].tolist(), "all": int(every[k]), "z": [round(float(v), 1) for v in z[k]]}
        for k, (_, term) in enumerate(chosen)
    ]
    return {
        "outlets": list(shown),
        "words": [int(words[names.index(o)]) for o in shown],
        "total_words": int(words.sum()),
        "terms": entries,
    }


def _wanted(data: dict[str, Any], small: bool) -> dict[str, set[str]]:
    """outlet -> the terms to find examples of: all it uses (small corpus), else its distinctive and most used."""
    wanted = {}
    for j, outlet in enumerate(data["outlets"]):
        used = [e for e in data["terms"] if e["n"][j] > 0]
        if small:
            wanted[outlet] = {e["t"] for e in used}
            continue
        top = sorted(used, key=lambda e: (-e["z"][j], e["t"]))[:DISTINCTIVE]
        most = sorted(used, key=lambda e: (-e["n"][j], e["t"]))[:LARGE_EXAMPLES]
        wanted[outlet] = {e["t"] for e in top + most}
    return wanted


def _examples(
    corpus: Corpus, data: dict[str, Any], wanted: dict[str, set[str]], limit: int
) -> dict[str, dict[str, list[Example]]]:
    """outlet -> term -> its first `limit` example sentences, for the `wanted` terms of each outlet."""
    from framing.text.tokenize import sentence_spans

    articles = corpus.articles.sort_values("doc_id", kind="stable")
    texts: dict[str, list[tuple[str, str]]] = {}
    for doc_id, outlet, text in zip(articles["doc_id"], articles["outlet"], articles["clean_text"]):
        texts.setdefault(str(outlet), []).append((str(doc_id), text if isinstance(text, str) else ""))
    return outlet_examples(texts, wanted, sentence_spans, stop_word_set("english"), limit)


def _rate(count: int, words: int) -> float | None:
    """Uses per 1,000 content words (None without words)."""
    return round(1000.0 * count / words, DIGITS) if words else None


def _plain_table(
    data: dict[str, Any],
    examples: dict[str, dict[str, list[Example]]],
    titles: dict[str, str],
    anchors: dict[str, str],
    per_outlet: int,
) -> tuple[dict[str, Any], list[Block]]:
    """The table readable without scripts (each outlet's most distinctive terms) and the sentences each row links to."""
    outlets, words, total_words = data["outlets"], data["words"], data["total_words"]
    rows, links, blocks = [], [], []
    for j, outlet in enumerate(outlets):
        ranked = sorted((e for e in data["terms"] if e["n"][j] > 0), key=lambda e: (-e["z"][j], e["t"]))
        for k, entry in enumerate(ranked[:per_outlet]):
            anchor = f"term-{j}-{k}"
            rest = entry["all"] - entry["n"][j]
            rows.append(
                [outlet, entry["t"], _rate(entry["n"][j], words[j]), _rate(rest, total_words - words[j]), entry["z"][j]]
            )
            links.append([None, None, anchor, anchor, anchor])
            blocks.append(_block(anchor, outlet, entry, j, data, examples, titles, anchors))
    table = {
        "caption": "Each outlet's most distinctive words: uses per 1,000 words in the outlet and in the other outlets",
        "columns": ["outlet", "word", "per 1,000 in the outlet", "per 1,000 in the rest", "distinctiveness (z)"],
        "rows": rows,
        "links": links,
    }
    return table, blocks


def _block(
    anchor: str,
    outlet: str,
    entry: dict[str, Any],
    j: int,
    data: dict[str, Any],
    examples: dict[str, dict[str, list[Example]]],
    titles: dict[str, str],
    anchors: dict[str, str],
) -> Block:
    """The sentences behind one row: the outlet's examples first, then one from each other outlet using the word."""
    term = entry["t"]
    others = sorted(
        (o for i, o in enumerate(data["outlets"]) if i != j and entry["n"][i] > 0),
        key=lambda o: (-entry["n"][data["outlets"].index(o)], o),
    )
    chosen = list(examples[outlet].get(term, [])) + [examples[o][term][0] for o in others[:2] if examples[o].get(term)]
    sentences = [
        excerpt(e.doc_id, titles.get(e.doc_id, e.doc_id), e.text, _marked(e), anchors.get(e.doc_id)) for e in chosen
    ]
    rest = entry["all"] - entry["n"][j]
    heading = f"“{term}” in {outlet}: {entry['n'][j]:,} use{'s' if entry['n'][j] != 1 else ''}; in the rest: {rest:,}"
    return block(anchor, heading, sentences=sentences, more=entry["all"] - len(chosen))


def _marked(example: Example) -> Markup:
    """The snippet as safe HTML with the term in a <mark> (every piece escaped)."""
    from markupsafe import Markup, escape

    text, start, end = example.text, example.start, example.end
    return (
        escape(text[:start])
        + Markup('<mark class="term-hit">')
        + escape(text[start:end])
        + Markup("</mark>")
        + escape(text[end:])
    )

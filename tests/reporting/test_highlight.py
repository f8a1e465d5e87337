"""Article highlighting: offsets mapped back to the original text, escaping, overlaps, boilerplate."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.reporting.highlight import clean_to_original_offsets, highlight_article

COLUMNS = ["doc_id", "sentence", "start", "end", "text", "family", "lexicon", "category", "negated", "weight"]


def evidence(*rows):
    return pd.DataFrame([dict(zip(COLUMNS, ("d", 0, *row))) for row in rows], columns=COLUMNS)


def boilerplate(*rows):
    return pd.DataFrame([{"doc_id": "d", "start": s, "end": e, "line": "", "reason": r} for s, e, r in rows])


def text_of(markup: str) -> str:
    """What a browser shows as text: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def marks(markup: str) -> list[dict]:
    found = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "mark":
                found.append(dict(attrs))

    Parser().feed(markup)
    return found


def test_offsets_map_past_removed_ranges():
    removed = [(0, 10), (20, 25)]  # clean text = original[10:20] + original[25:]
    assert clean_to_original_offsets(removed, [0, 5, 9, 10, 12]).tolist() == [10, 15, 19, 25, 27]
    assert clean_to_original_offsets([], [3, 4]).tolist() == [3, 4]


def test_marks_land_on_the_original_words_after_boilerplate():
    original = "BYLINE here\nNATO sent troops.\nREAD MORE\nMoscow objected.\n"
    clean = original[12:30] + original[40:]
    start = clean.index("troops")
    second = clean.index("objected")
    hits = evidence(
        (start, start + 6, "troops", "frame", "military-posture", "buildup", False, 1.0),
        (second, second + 8, "objected", "stance", "cue", "Russia", False, -0.5),
    )
    out = highlight_article(original, hits, boilerplate((0, 12, "byline"), (30, 40, "read_more")))
    assert re.findall(r"<mark[^>]*>([^<]*)</mark>", out) == ["troops", "objected"]
    assert out.count('class="boilerplate"') == 2
    assert 'title="removed as boilerplate: byline"' in out
    assert text_of(out) == original


def test_every_piece_of_text_and_metadata_is_escaped():
    original = '<script>alert(1)</script> "quoted" & <img src=x onerror=alert(1)>'
    hits = evidence((0, 8, "<script>", "loaded", '<b>lex"</b>', '"><svg onload=alert(1)>', True, 1.0))
    out = highlight_article(original, hits, boilerplate((27, 40, "<i>reason</i>")))
    assert "<script>" not in out and "<img" not in out and "<svg" not in out and "<b>" not in out and "<i>" not in out
    assert text_of(out) == original
    (mark,) = marks(out)
    assert mark["data-tip"] == '<b>lex"</b> › "><svg onload=alert(1)> · negated'  # weight 1 goes unsaid
    assert "negated" in mark["class"].split()
    assert not any(name.startswith("on") for attrs in marks(out) for name in attrs)


def test_mark_carries_its_details_and_is_focusable():
    hits = evidence((0, 4, "NATO", "frame", "military-posture", "defensive", False, 1.5))
    (mark,) = marks(highlight_article("NATO is here", hits, None, {("military-posture", "defensive"): "k3 lx0"}))
    assert mark["tabindex"] == "0"
    assert mark["class"].split() == ["hl", "fam-frame", "k3", "lx0"]
    assert mark["data-tip"] == "military posture › defensive · weight 1.5"


def test_overlapping_hits_merge_into_one_mark_listing_all_of_them_whatever_the_row_order():
    text = "a massive military buildup here"
    rows = [
        (2, 9, "massive", "loaded", "loaded-language", "intensifiers", False, 1.0),
        (10, 26, "military buildup", "frame", "military-posture", "buildup", False, 1.0),
        (2, 26, "massive military buildup", "stance", "mention", "NATO", False, -0.4),
    ]
    first = highlight_article(text, evidence(*rows))
    assert highlight_article(text, evidence(*reversed(rows))) == first
    (mark,) = marks(first)
    assert "fam-frame" in mark["class"]  # frame outranks loaded and stance
    assert mark["data-tip"].count(";") == 2
    assert re.findall(r"<mark[^>]*>([^<]*)</mark>", first) == ["massive military buildup"]


def test_weak_stance_cues_are_not_marked_but_mentions_always_are():
    hits = evidence(
        (0, 4, "NATO", "stance", "mention", "NATO", False, 0.01),
        (5, 8, "the", "stance", "cue", "NATO", False, 0.08),
        (9, 15, "threat", "stance", "cue", "Russia", False, -0.9),
    )
    out = highlight_article("NATO the threat", hits)
    assert re.findall(r"<mark[^>]*>([^<]*)</mark>", out) == ["NATO", "threat"]
    assert [m["data-tip"] for m in marks(out)] == [
        "stance mention › NATO · weight 0.01",
        "stance cue › Russia · weight -0.9",
    ]


def test_families_other_than_frame_loaded_stance_are_not_marked():
    hits = evidence(
        (0, 4, "good", "sentiment", "vader", "positive", False, 0.4),
        (5, 9, "said", "quote", "sourcing", "quote", False, 1.0),
    )
    assert "<mark" not in highlight_article("good said", hits)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab <>&\"'\n")), min_size=1, max_size=60), st.data())
def test_the_text_survives_any_spans(text, data):
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=6))
    rows = [(min(a, b), max(a, b), text[min(a, b) : max(a, b)], "frame", "lex", "cat", False, 1.0) for a, b in spans]
    out = highlight_article(text, evidence(*rows) if rows else None)
    assert text_of(out) == text
    assert "<" not in re.sub(r"</?mark[^>]*>", "", out)


@pytest.mark.parametrize("doc_index", range(5))
def test_bundled_corpus_marks_match_evidence_text(nato_corpus, doc_index):
    from framing.lexicons.match import match
    from framing.lexicons.model import load_lexicon

    article = nato_corpus.articles.iloc[doc_index]
    hits = match(load_lexicon("military-posture"), [article["clean_text"]], [article["doc_id"]]).assign(family="frame")
    rows = nato_corpus.boilerplate[nato_corpus.boilerplate["doc_id"] == article["doc_id"]]
    out = highlight_article(article["text"], hits, rows)
    assert text_of(out) == article["text"]
    marked = [html.unescape(m) for m in re.findall(r"<mark[^>]*>([^<]*)</mark>", out)]
    assert marked and set(marked) <= set(hits["text"])


def test_place_mentions_are_marked_and_say_they_are_not_scored():
    from framing.reporting.highlight import marked_evidence

    text = "Troops gathered along Russia's border."
    start = text.index("Russia")
    rows = evidence(
        (start, start + 6, "Russia", "stance", "place", "Russia", False, 0.0),
        (0, 6, "Troops", "stance", "cue", "Russia", False, 0.1),
    )  # a weak cue: not marked
    kept = marked_evidence(rows)
    assert list(kept["lexicon"]) == ["place"]
    found = marks(str(highlight_article(text, kept)))
    assert len(found) == 1 and found[0]["data-tip"] == "Russia named as a place · not scored"


def test_slant_words_are_marked_in_full_articles_only_and_yield_to_a_loaded_hit_on_the_same_word():
    hits = evidence(
        (0, 7, "slammed", "slant", "slant", "biased-word", False, 0.912),
        (8, 15, "bizarre", "loaded", "loaded-language", "loaded_adjectives", False, 1.0),
        (8, 15, "bizarre", "slant", "slant", "biased-word", False, 0.85),
    )
    from framing.reporting.highlight import ARTICLE_FAMILIES, evidence_hits

    assert re.findall(r"<mark[^>]*>([^<]*)</mark>", highlight_article("slammed bizarre plans", hits)) == ["bizarre"]
    out = highlight_article("slammed bizarre plans", evidence_hits(hits, ARTICLE_FAMILIES)["d"])  # as the articles do
    assert re.findall(r"<mark[^>]*>([^<]*)</mark>", out) == ["slammed", "bizarre"]
    first, second = marks(out)
    assert "fam-slant" in first["class"] and "k-slant" in first["class"]
    assert (
        first["data-tip"]
        == "slant word · strength 0.91 (how likely experts mark it, times how slanted its sentence reads)"
    )
    assert "fam-loaded" in second["class"]  # one mark per word: the loaded hit leads, the tooltip lists both
    assert second["data-tip"].endswith(
        "slant word · strength 0.85 (how likely experts mark it, times how slanted its sentence reads)"
    )


def test_tooltips_use_the_lexicons_labels_and_say_no_weight_that_rounds_to_one():
    from framing.reporting.highlight import MarkStyles

    hits = evidence((0, 4, "said", "loaded", "loaded-language", "report_neutral", False, 0.9999999))
    styles = MarkStyles(
        {("loaded-language", "report_neutral"): "k1 lx0"},
        {("loaded-language", "report_neutral"): "neutral report verbs (said)"},
    )
    (mark,) = marks(highlight_article("said so", hits, None, styles))
    assert "data-tip" not in mark, "weight 1 after rounding: the class's own tooltip"
    negated = evidence((0, 4, "said", "loaded", "loaded-language", "report_neutral", True, 0.9999999))
    (mark,) = marks(highlight_article("said so", negated, None, styles))
    assert mark["data-tip"] == "loaded language › neutral report verbs (said) · negated"
    (plain,) = marks(highlight_article("said so", hits, None, dict(styles)))
    assert plain["data-tip"] == "loaded language › report neutral", "without labels: the name in plain words"


def test_boilerplate_says_why_in_words():
    out = highlight_article("Ad here. Text.", evidence(), boilerplate((0, 8, "all_caps_promo")))
    assert 'title="removed as boilerplate: all caps promo"' in out


def test_a_plain_hit_leaves_its_tooltip_to_its_class_and_any_other_keeps_its_own():
    from framing.reporting.highlight import MarkStyles

    styles = MarkStyles({("lex", "cat"): "k0 lx0"}, {("lex", "cat"): "a category"})
    plain = evidence((0, 4, "said", "frame", "lex", "cat", False, 1.0))
    weighted = evidence((0, 4, "said", "frame", "lex", "cat", False, 2.0))
    assert "data-tip" not in marks(highlight_article("said so", plain, None, styles))[0]
    assert marks(highlight_article("said so", weighted, None, styles))[0]["data-tip"] == "lex › a category · weight 2"

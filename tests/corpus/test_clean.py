"""Boilerplate detection: catches site furniture, keeps the reporting, maps offsets back."""

from __future__ import annotations

import gzip
import json
import re
import string
from itertools import islice
from pathlib import Path

import pytest

from framing.corpus import clean
from framing.corpus.clean import (
    casefolded,
    clean_to_original,
    detect_boilerplate,
    pattern_reason,
    remove_ranges,
    span_to_original,
    split_lines,
)

SEEDS = Path(__file__).resolve().parents[2] / "corpora" / "nato-eastern-flank-2022"

SEED_BOILERPLATE = {
    "000-defense-news": [
        ("Joe Gould contributed to this story.", "contributor"),
        ("Sebastian Sprenger is associate editor for Europe at Defense News", "author_bio"),
        ("More In Europe", "section_label"),
    ],
    "001-washington-examiner": [
        ("ZELENSKY ‘REALIZED’ UKRAINE CANNOT JOIN NATO", "all_caps_promo"),
        ("CLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER", "read_more"),
        ("Related Content", "section_label"),
    ],
    "002-unattributed-a": [],
    "003-unattributed-b": [],
    "004-antiwar": [
        ("date 2022-04-11 Authored by Kyle Anzalone via AntiWar.com,", "byline"),
        ("Talks to troops in Bardufoss, Norway in March. Image: NATO", "image_credit"),
        ("Kyle Anzalone is the opinion editor of Antiwar.com", "author_bio"),
    ],
}

KEPT_SENTENCES = [
    "NATO calls extraordinary meeting addressing defenses along Russia’s border",
    "NATO’s Eastern Flank Strengthening Moves and Regional Security Implications",
    "“On land, our new posture should include substantially more forces",
    "“Ukraine has a fundamental right to self-defense, enshrined in the U.N. Charter,” Stoltenberg said.",
    "Russia has been testing NATO’s resolve in recent weeks",
    "Stoltenberg described in March the new security situation in Eastern Europe",
    "Battlegroups typically are made up of 1,000-1,500 soldiers.",
    "NATO will have a battlegroup that stretches from the Baltic Sea to the Black Sea:",
    "Wednesday’s summit precedes another major summit scheduled for later this month.",
    "White House press secretary Jen Psaki suggested on Tuesday",
]


@pytest.fixture(scope="module")
def seed_boilerplate(nato_corpus):
    return nato_corpus.boilerplate


@pytest.mark.parametrize("doc_id", sorted(SEED_BOILERPLATE))
def test_each_seed_boilerplate_line_is_caught(seed_boilerplate, doc_id):
    found = seed_boilerplate[seed_boilerplate["doc_id"] == doc_id]
    expected = SEED_BOILERPLATE[doc_id]
    assert len(found) == len(expected), found["line"].tolist()
    for (fragment, reason), (line, got) in zip(expected, zip(found["line"], found["reason"])):
        assert fragment.lower()[:30] in line.lower() or line.lower().endswith(fragment.lower()[-20:])
        assert got == reason


@pytest.mark.parametrize("sentence", KEPT_SENTENCES)
def test_real_sentences_stay_in_clean_text(nato_corpus, sentence):
    assert any(sentence in text for text in nato_corpus.articles["clean_text"])


def test_clean_text_is_text_minus_the_ranges(nato_corpus):
    for article in nato_corpus:
        rows = nato_corpus.boilerplate[nato_corpus.boilerplate["doc_id"] == article.doc_id]
        assert article.clean_text == remove_ranges(article.text, zip(rows["start"], rows["end"]))
        for start, end, line in zip(rows["start"], rows["end"], rows["line"]):
            assert article.text[start:end].strip() == line
            assert end == len(article.text) or article.text[end - 1] == "\n"


@pytest.mark.parametrize(
    "line,reason",
    [
        ("Click here to read more about the summit", "read_more"),
        ("Read more: Why NATO matters", "read_more"),
        ("Related Articles", "section_label"),
        ("More From Politics", "section_label"),
        ("ADVERTISEMENT", "section_label"),
        ("Photo: Reuters/Yves Herman", "image_credit"),
        ("Troops arrive in Tapa. (AP Photo/Mindaugas Kulbis)", "image_credit"),
        ("By Maria Lind and Jo Park", "byline"),
        ("By JO PARK, Associated Press", "byline"),
        ("Written by Jo Park via The Libertarian Institute,", "byline"),
        ("date 2021-05-02", "dateline"),
        ("Updated: March 16, 2022 10:31 ET", "dateline"),
        ("The Associated Press contributed to this report.", "contributor"),
        ("Reporting by Sabine Siebold; Editing by Alex Richardson", "contributor"),
        ("Sign up for our morning newsletter", "subscribe_share"),
        ("Follow us on Twitter", "subscribe_share"),
    ],
)
def test_line_patterns(line, reason):
    assert pattern_reason(line) == reason


SIGN_UP_FORMS = [
    "POLITICO Playbook newsletter Sign up today to receive the #1-rated newsletter in politics Email Sign Up By signing"
    " up you agree to receive email newsletters or alerts from POLITICO. You can unsubscribe at any time. This site is"
    " protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
    "vox-mark Sign up for the newsletter VoxCare Email (required) Zip Code By signing up, you agree to our Privacy Notice"
    " and European users agree to the data transfer policy. For more newsletters, check out our newsletters page"
    " Subscribe " + "x" * 200,
    "Get The Brief. Sign up to receive the top stories you need to know right now. Please enter a valid email address."
    " Sign Up Now Check the box if you do not wish to receive promotional offers via email from TIME. You can"
    " unsubscribe at any time. By signing up you are agreeing to our Terms of Use and Privacy Policy.",
]


@pytest.mark.parametrize("form", SIGN_UP_FORMS)
def test_a_sign_up_form_too_long_for_the_line_patterns_is_still_boilerplate(form):
    assert len(form) > 300
    assert pattern_reason(form) == "subscribe_share"


@pytest.mark.parametrize(
    "paragraph",
    [
        # one consent phrase is reporting about one, not a form
        "The company said users can unsubscribe at any time, but regulators found the option buried in menus. " * 4,
        # a form's phrases inside a very long paragraph of reporting: not treated as a form
        SIGN_UP_FORMS[0] + " NATO moved troops east as allies met in Brussels to discuss the new posture. " * 12,
    ],
)
def test_reporting_about_consent_is_not_a_form(paragraph):
    assert pattern_reason(paragraph) is None


def _every_pattern_searched(line):
    """`pattern_reason` without the literal words that rule patterns out: the reference its verdicts must equal."""
    if not line or len(line) > clean.MAX_FORM_CHARS:
        return None
    if len(line) <= clean.MAX_PATTERN_CHARS:
        for reason, pattern, _ in clean._PATTERNS:
            if pattern.search(line):
                return reason
    return "subscribe_share" if sum(1 for m, _ in clean._FORM_MARKERS if m.search(line)) >= 2 else None


def test_casefolded_holds_every_ascii_letter_the_regex_engine_would_match():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in string.ascii_lowercase:
        for match in re.finditer(letter, every, re.IGNORECASE):
            assert casefolded(match.group()) == letter, f"U+{ord(match.group()):04X}"
    assert casefolded("UNSUBSCRİBE Sıgn Up ſubſcribe") == "unsubscribe sign up subscribe"


_PATTERN_WORDS = sorted(
    {word for _, _, needs in clean._PATTERNS for word in needs}
    | {word for _, needs in clean._FORM_MARKERS for word in needs}
    | {"Jo Park", "AP", "Photo", "via", "2022-04-11", "March 16, 2022", "newsletter", "email", "you agree", "at any"}
    | {"time", "Terms of Service", "and", "the", "story", "this", "to", "our", "us", "on", "app", "content", ".", "("}
)
_SPELLINGS = {"i": "iIİı", "s": "sSſ", "k": "kKK"}  # the letters re.IGNORECASE folds from beyond ASCII


def _boilerplate_like_lines():
    from hypothesis import strategies as st

    @st.composite
    def line(draw):
        words = draw(st.lists(st.sampled_from(_PATTERN_WORDS), min_size=1, max_size=14))
        text = "".join(word + draw(st.sampled_from(["", " ", " ", ": ", ", "])) for word in words)
        return "".join(draw(st.sampled_from(_SPELLINGS.get(c.lower(), c.lower() + c.upper()))) for c in text)

    return line()


def test_the_literal_prefilter_never_changes_a_verdict():
    from hypothesis import given, settings

    @settings(max_examples=500, deadline=None)
    @given(_boilerplate_like_lines())
    def check(line):
        assert pattern_reason(line) == _every_pattern_searched(line)

    check()
    for line in ["Related Content", "PHOTO: ReUTERS", "ſign up for our newſletter", "By Jo Park"] + SIGN_UP_FORMS:
        assert pattern_reason(line) == _every_pattern_searched(line) is not None


FORM_PHRASES = [  # one phrase per form marker, in `clean._FORM_MARKERS` order
    "By submitting your email, you agree to our terms",
    "You can UNSUBSCRIBE at any time",
    "This site is protected by reCAPTCHA",
    "the Terms of Use and Privacy Policy",
    "Sign up for the Daily newsletter",
]


@pytest.mark.parametrize("first,second", [(a, b) for a in range(5) for b in range(5) if a < b])
def test_any_two_form_phrases_make_a_form(first, second):
    for marker, phrase in zip(clean._FORM_MARKERS, FORM_PHRASES):
        assert marker[0].search(phrase), phrase
    paragraph = f"{FORM_PHRASES[first]}. {'Word ' * 60}{FORM_PHRASES[second]}."
    assert pattern_reason(paragraph) == _every_pattern_searched(paragraph) == "subscribe_share"


def test_the_literal_prefilter_gives_the_same_verdicts_on_news(shared_data):
    """Every line of the first 2,000 AllSides articles: the same reason with and without the prefilter."""
    with gzip.open(shared_data / "allsides-10k.jsonl.gz", "rt", encoding="utf-8") as rows:
        texts = [json.loads(row)["text"] or "" for row in islice(rows, 2000)]
    lines = [line.strip() for text in texts for _, _, line in split_lines(text)]
    reasons = [pattern_reason(line) for line in lines]
    assert reasons == [_every_pattern_searched(line) for line in lines]
    assert sum(r is not None for r in reasons) > 500  # the check covers lines that are furniture too


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, NATO had moved 40,000 troops under its direct command.",
        "Read the statement and you will see what the alliance wants.",
        "Photographs of the meeting were released later.",
        "NATO leaders will meet again on March 24.",
        "More troops are expected in Europe next month.",
        "Related to the plans is a new air defence network.",
        "Ministers said they would follow up on the request.",
    ],
)
def test_sentences_that_look_similar_are_not_boilerplate(line):
    assert pattern_reason(line) is None


def test_bio_only_at_the_end_and_only_with_a_role():
    body = (
        "Jens Stoltenberg is the secretary general of NATO, which met today.\n\nMore text follows here.\n\n"
        "Second paragraph of reporting.\n\nThird paragraph of reporting.\n\n"
        "Jo Park is a staff writer at the Valley Post covering defence."
    )
    found = detect_boilerplate(["d"], [body], ["Post"])
    assert found["reason"].tolist() == ["author_bio"]
    assert found["line"].iloc[0].startswith("Jo Park is a staff writer")


def test_bio_after_a_dash_or_bullet():
    body = "Reporting here.\n\nMore reporting.\n\n— Kevin Smith is National Review’s roving correspondent."
    assert detect_boilerplate(["d"], [body], ["P"])["reason"].tolist() == ["author_bio"]


def test_author_named_in_metadata_marks_a_bio_without_role_words():
    body = "Reporting here.\n\nMaria Lind is based in Tallinn and covers the Baltics."
    assert detect_boilerplate(["d"], [body], ["P"], ["Maria Lind"])["reason"].tolist() == ["author_bio"]
    assert detect_boilerplate(["d"], [body], ["P"], [""]).empty


def test_headline_is_never_an_all_caps_promo():
    body = "NATO MEETS IN BRUSSELS TODAY\n\nMinisters met.\n\nSEE ALSO THE ALLIANCE EXPANDS EAST\n\nEnd."
    found = detect_boilerplate(["d"], [body], ["P"])
    assert found["line"].tolist() == ["SEE ALSO THE ALLIANCE EXPANDS EAST"]


def _doc(headline, middle):
    return (
        f"{headline}\n\nReporting paragraph {headline} about the alliance.\n\n{middle}\n\nClosing paragraph {headline}."
    )


def test_repeated_short_lines_are_found_per_outlet_and_overall():
    texts = [
        _doc("A", "Get the Valley Post app"),
        _doc("B", "Get the Valley Post app"),
        _doc("C", "This story has been updated"),
        _doc("D", "This story has been updated"),
        _doc("E", "This story has been updated"),
        _doc("F", "Only once in the corpus"),
    ]
    outlets = ["Post", "Post", "Gazette", "Herald", "Courier", "Post"]
    found = detect_boilerplate(list("abcdef"), texts, outlets)
    assert sorted(zip(found["doc_id"], found["reason"])) == [(d, "repeated") for d in "abcde"]
    assert set(found["line"]) == {"Get the Valley Post app", "This story has been updated"}


def test_repetition_needs_two_docs_of_one_outlet_or_three_overall():
    texts = [_doc("A", "Get the app now"), _doc("B", "Get the app now")]
    assert detect_boilerplate(["a", "b"], texts, ["Post", "Gazette"]).empty


def test_identical_articles_count_once_for_repetition():
    text = _doc("A", "Short subhead line")
    assert detect_boilerplate(list("abc"), [text] * 3, ["P", "Q", "R"]).empty


def test_sentences_repeat_only_within_one_outlet():
    wire = "Officials said the talks would resume next week."
    texts = [_doc(str(i), wire) for i in range(4)]
    assert detect_boilerplate(list("abcd"), texts, ["P", "Q", "R", "S"]).empty
    found = detect_boilerplate(list("abc"), texts[:3], ["P", "P", "P"])
    assert found["reason"].tolist() == ["repeated"] * 3


def test_repeated_quotes_and_long_lines_are_reporting():
    quote = "“We will defend every inch of allied territory,” Biden said."
    long_line = (
        "Alliance members agreed on Wednesday to strengthen their forces along the eastern flank in all domains."
    )
    texts = [_doc(str(i), f"{quote}\n\n{long_line}") for i in range(4)]
    assert detect_boilerplate(list("abcd"), texts, ["P"] * 4).empty


def test_clean_to_original_maps_offsets_around_removed_ranges():
    text = "AAA\nBBB\nCCC\nDDD"
    rows = [(4, 8), (12, 15)]  # "BBB\n" and "DDD"
    clean = remove_ranges(text, rows)
    assert clean == "AAA\nCCC\n"
    for offset, char in enumerate(clean):
        assert text[clean_to_original(rows, offset)] == char
    assert list(clean_to_original(rows, [0, 4, 7])) == [0, 8, 11]
    assert span_to_original(rows, 4, 7) == (8, 11)
    assert clean_to_original([], 5) == 5


def test_clean_to_original_on_the_bundled_corpus(nato_corpus):
    for article in nato_corpus:
        rows = nato_corpus.boilerplate[nato_corpus.boilerplate["doc_id"] == article.doc_id]
        offsets = range(0, len(article.clean_text), 7)
        mapped = clean_to_original(rows, list(offsets))
        assert all(article.text[m] == article.clean_text[o] for o, m in zip(offsets, mapped))


def _lines_and_choice():
    from hypothesis import strategies as st

    line = st.text(alphabet=st.characters(blacklist_characters="\n", blacklist_categories=("Cs",)), max_size=20)
    return st.lists(st.tuples(line, st.booleans()), max_size=12)


@pytest.mark.parametrize("trailing_newline", [True, False])
def test_offsets_map_back_for_any_removed_lines(trailing_newline):
    from hypothesis import given, settings

    @settings(max_examples=200, deadline=None)
    @given(_lines_and_choice())
    def check(lines):
        text = "\n".join(line for line, _ in lines) + ("\n" if trailing_newline and lines else "")
        spans = split_lines(text)
        removed = [(start, end) for (start, end, _), (_, drop) in zip(spans, lines) if drop]
        clean = remove_ranges(text, removed)
        assert len(clean) == len(text) - sum(e - s for s, e in removed)
        mapped = clean_to_original(removed, list(range(len(clean))))
        assert all(text[m] == c for m, c in zip(mapped, clean))
        assert list(mapped) == sorted(set(mapped))  # order kept, no two clean characters on one original

    check()

"""Direct quotations, speaker attribution and name normalisation."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.scoring.sourcing.attribution import SourcingScorer, clean_name, quote_spans, rules
from tests.shared import SHARED_SEEDS

SEEDS = SHARED_SEEDS


def run(text):
    result = SourcingScorer()(pd.DataFrame({"doc_id": ["d"], "clean_text": [text]}))
    table, quotes, evidence = result.table, result.extras["quotes"], result.evidence
    return table.iloc[0], quotes, evidence


def speakers(text):
    return run(text)[1]["speaker"].tolist()


# ---------------------------------------------------------------- quote spans (more in test_quote_marks.py)


def test_multi_paragraph_quote_opens_each_paragraph_and_closes_at_the_end():
    text = (
        "“The first paragraph of the statement goes on,\n\n"
        "“and the second paragraph continues it,\n\n"
        "“until the third one closes it,” the minister said.\n\nAfter that, plain text."
    )
    spans = quote_spans(text)
    assert len(spans) == 1
    assert text[spans[0][0] : spans[0][1]].startswith("The first") and text[spans[0][1]] == "”"
    row, quotes, _ = run("Minister Anna Berg said on Monday that the talks had failed.\n\n" + text)
    assert quotes["speaker"].tolist() == ["Anna Berg"]


# ---------------------------------------------------------------- attribution


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“We are ready to defend every inch,” Jens Stoltenberg said.", "Jens Stoltenberg"),
        ("“We are ready to defend every inch,” said Jens Stoltenberg.", "Jens Stoltenberg"),
        ("“We are ready to defend every inch,” Jens Stoltenberg told reporters.", "Jens Stoltenberg"),
        ("“We are ready to defend every inch,” Stoltenberg added on Tuesday.", "Stoltenberg"),
        ("According to Jens Stoltenberg, the alliance is “ready to defend every inch.”", "Jens Stoltenberg"),
        ("Jens Stoltenberg said: “We are ready to defend every inch.”", "Jens Stoltenberg"),
        ("Jens Stoltenberg, the NATO chief, said: “We are ready to defend every inch.”", "Jens Stoltenberg"),
        ("“We are ready to defend every inch,” Stoltenberg, the alliance's secretary general, said.", "Stoltenberg"),
        ("NATO has “hundreds of thousands” of troops on alert, Jens Stoltenberg said.", "Jens Stoltenberg"),
        ('The Telegraph reported, "Nato is drawing up plans to deploy a force."', "The Telegraph"),
        # an appositive without an article, or one that runs straight into the verb (AllSides)
        (
            '"These data are a clarion call to action," John Auerbach, president and CEO of Trust for America\'s '
            "Health, said in a statement.",
            "John Auerbach",
        ),
        (
            "“If the U.S. is given priority, then justice will be denied,” David Allen Green, a British legal "
            "commentator argued in The New Statesman.",
            "David Allen Green",
        ),
    ],
)
def test_attribution_patterns(text, speaker):
    _, quotes, _ = run(text)
    assert quotes["speaker"].tolist() == [speaker]
    q = quotes.iloc[0]
    assert text[q["start"] : q["end"]] == q["text"]


@pytest.mark.parametrize("reference", ["he said", "the NATO chief said", "he told reporters", "she added"])
def test_pronoun_or_role_refers_back_to_the_last_named_speaker(reference):
    text = (
        f"Jens Stoltenberg said on Monday that talks would go on. "
        f"Officials met later. “We support Ukraine and we will keep doing so,” {reference}."
    )
    _, quotes, _ = run(text)
    assert quotes["speaker"].tolist() == ["Jens Stoltenberg"]
    q = quotes.iloc[0]
    assert (
        text[q["speaker_start"] : q["speaker_end"]]
        == reference.rsplit(" ", 2 if reference.endswith("reporters") else 1)[0]
    )


@pytest.mark.parametrize(
    "text, speaker",
    [
        # named by an inverted attribution, then "he said" (AllSides)
        (
            "The atmosphere has warmed, said Bill McKibben, co-founder of 350.org. “That's enormous and it matters,” he told me.",
            "Bill McKibben",
        ),
        # a day or a clipped title is no speaker to refer back to
        (
            "Acknowledging the problems Monday, the president said the site was slow. “We will fix it very soon,” he said.",
            "",
        ),
        ("The bill passed, said Sen. Tom Cole. “We are proud of this bill today,” he said.", "Tom Cole"),
        # "but said NATO will ..." reports what NATO will do; NATO does not speak
        (
            "Obama said the vision is threatened but said NATO will not allow it. “We will be here for you,” he said.",
            "Obama",
        ),
    ],
)
def test_pronouns_refer_back_through_inverted_attributions_only(text, speaker):
    assert speakers(text) == [speaker]


def test_a_pronoun_never_refers_back_to_a_group():
    text = (
        "Jens Stoltenberg said the talks would go on. Senate Democrats said they disagreed. "
        "“We support Ukraine and we will keep doing so,” he said."
    )
    _, quotes, _ = run(text)
    assert quotes["speaker"].tolist() == ["Jens Stoltenberg"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "“Churches don’t like being told how to operate,” said one administration official.",
            "one administration official",
        ),
        (
            "Jens Stoltenberg said so. “Churches don’t like being told how to operate,” a senior official said.",
            "a senior official",
        ),
        ("“I have never met any of them,” the inspector general said.", "the inspector general"),
    ],
)
def test_anonymous_sources_and_unresolved_roles_stay_as_written(text, speaker):
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('"It is a legitimate discussion to have." -- Alexandria Ocasio-Cortez told me.', "Alexandria Ocasio-Cortez"),
        ('"We cannot say who did it." he said.', ""),  # a pronoun with nobody named before
        (
            "In 2010, John Boehner bemoaned big government, saying, “I came here for a smaller government.”",
            "John Boehner",
        ),
        ('Asked for evidence, Cicilline said "we have all seen the conduct of the president."', "Cicilline"),
        ("Mitch McConnell said the administration left nobody “any kind of game plan at all.”", "Mitch McConnell"),
        ("But Fitton said: “The documents show that the agency knew.”", "Fitton"),
        ("“This literally makes me sick to my stomach,” former Ambassador Nikki Haley tweeted.", "Nikki Haley"),
        ("“We ought to focus on things we know we can do,” Rep. Tom Cole (R-Okla.) said.", "Tom Cole"),
        ("“This is just an effort to tear her down,” said a delegate from Wyoming.", "a delegate"),
        # groups and documents speak too; they are kept as written and never resolved to a person (AllSides)
        (
            '"The government will file a detailed sentencing submission soon," prosecutors said in a brief filing.',
            "prosecutors",
        ),
        ("“If this court issues an injunction, it will create a mess,” government lawyers said.", "government lawyers"),
        (
            "“Priebus thought the President did not want Flynn saying bad things,” the Mueller report says.",
            "the Mueller report",
        ),
        ('The memo continues: "According to our source, officials believed there was a conspiracy."', "the memo"),
        ("“Had the department acted on the letter, it would have known,” the report said.", "the report"),
        # a newspaper's name is a name, not a document
        ("“The talks have failed for the second time this week,” The Post reported.", "The Post"),
    ],
)
def test_more_attribution_shapes(text, speaker):
    assert speakers(text) == [speaker]


def test_function_words_are_not_speakers():
    assert clean_name("So I", rules().titles) == ""
    assert clean_name("But Trump", rules().titles) == "Trump"


def test_attribution_is_never_found_inside_a_quote():
    text = "“Putin said many things about the war in Ukraine,” the analyst wrote."
    _, quotes, _ = run(text)
    assert quotes["speaker"].tolist() == ["the analyst"]  # not Putin, who is named inside the quote


def test_next_quote_in_the_paragraph_inherits_the_speaker():
    text = "“On land, more forces will come,” Stoltenberg said. “In the air, more allied air power too.”"
    _, quotes, _ = run(text)
    assert quotes["speaker"].tolist() == ["Stoltenberg", "Stoltenberg"]


def test_short_unattributed_phrases_are_scare_quotes_not_quotations():
    text = "The “tripwire” force is small. Moscow launched a “special military operation” in Ukraine."
    row, quotes, evidence = run(text)
    assert quotes.empty and evidence.empty
    assert row["quotes.count"] == 0 and row["quotes.share"] == 0.0


def test_long_unattributed_quote_counts_without_a_speaker():
    text = "Delegates met to discuss the “need to reset the military posture for this new reality.”"
    row, quotes, _ = run(text)
    assert quotes["speaker"].tolist() == [""]
    assert row["quotes.count"] == 1 and row["quotes.speakers"] == ""


def test_share_of_words_inside_quotations():
    text = "“One two three four five,” Smith said. Six seven eight nine ten."
    row, _, evidence = run(text)
    assert row["quotes.share"] == pytest.approx(5 / 12)  # 12 words: 5 quoted, Smith said, 5 more
    assert evidence["family"].tolist() == ["quote"] and evidence["category"].tolist() == ["attributed"]


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    "surface, name",
    [
        ("NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg"),
        ("Secretary-General Jens Stoltenberg", "Jens Stoltenberg"),
        ("Vice Premier Jaroslaw Kaczynski", "Jaroslaw Kaczynski"),
        ("Stoltenberg", "Stoltenberg"),
        ("The Telegraph", "The Telegraph"),
        ("U.S. Defense Secretary Lloyd Austin", "Lloyd Austin"),
        ("Senate Minority Leader Charles E. Schumer", "Charles E. Schumer"),
        ("former United Nations Ambassador Nikki Haley", "Nikki Haley"),
    ],
)
def test_clean_name(surface, name):
    assert clean_name(surface, rules().titles) == name


def test_one_speaker_per_person_in_an_article():
    text = (
        "NATO Secretary General Jens Stoltenberg spoke in Brussels.\n\n"
        "“We will defend every inch of allied territory,” Stoltenberg said.\n\n"
        "“And we will keep doing it for as long as it takes,” said Jens Stoltenberg."
    )
    row, quotes, _ = run(text)
    assert quotes["speaker"].tolist() == ["Jens Stoltenberg", "Jens Stoltenberg"]
    assert row["quotes.speakers"] == "Jens Stoltenberg"


# ---------------------------------------------------------------- the seed articles

SEED_SPEAKERS = {
    "000": ["Jens Stoltenberg", "Mara Karlin"],
    "001": ["Jens Stoltenberg", "Jaroslaw Kaczynsk"],  # the text spells him "Kaczynsk"
    "002": ["Jens Stoltenberg"],
    "003": [],
    "004": ["The Telegraph", "Jens Stoltenberg"],  # a written report, then Stoltenberg
}


@pytest.mark.parametrize("prefix, speakers", sorted(SEED_SPEAKERS.items()))
def test_seed_articles(prefix, speakers):
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip("../shared/seeds is not present")
    text = paths[0].read_text(encoding="utf-8")
    row, quotes, _ = run(text)
    assert [s for s in row["quotes.speakers"].split("; ") if s] == speakers
    for q in quotes.itertuples():
        assert text[q.start : q.end] == q.text


def test_seed_000_every_quote_attributed():
    paths = sorted(SEEDS.glob("000_*.txt"))
    if not paths:
        pytest.skip("../shared/seeds is not present")
    text = paths[0].read_text(encoding="utf-8")
    _, quotes, _ = run(text)
    # six quotations: two by Stoltenberg in one paragraph, a partial one he "added",
    # two after "he said" (pronoun -> Stoltenberg), and Karlin's
    assert quotes["speaker"].tolist() == ["Jens Stoltenberg"] * 5 + ["Mara Karlin"]
    assert "responsibility," not in quotes["text"].tolist()  # a one-word scare quote


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='ab\n “”"', max_size=60), st.integers(0, 70))
def test_paragraph_ends_by_bisection_equal_find_and_rfind(text, position):
    from framing.scoring.sourcing.attribution import _Context

    ctx = _Context(text, [], [], [], [i for i, c in enumerate(text) if c == "\n"])
    assert ctx.newline_before(position) == text.rfind("\n", 0, position)
    assert ctx.newline_from(position) == text.find("\n", position)


def test_a_long_single_paragraph_article_finds_the_same_speakers_as_its_pieces():
    from framing.scoring.sourcing.attribution import attribute
    from framing.scoring.sourcing.quote_marks import quote_spans
    from framing.text.tokenize import sentence_spans

    piece = (
        "“We will defend every inch of allied territory,” NATO Secretary General Jens Stoltenberg said. "
        "Officials met on Monday. “This is a very serious moment for our security,” he added. "
    )
    text = piece * 200  # one paragraph, no line break: no step may scan back to the text's start per quote
    quotes = attribute(text, quote_spans(text), sentence_spans(text))
    assert len(quotes) == 400
    assert {q.speaker for q in quotes} == {"Jens Stoltenberg"}


# ---------------------------------------------------------------- fast pattern forms


def _plain(pattern: str) -> str:
    """The pattern as written before the speed-ups: greedy name tokens, "(?i:\\baccording" first."""
    plain = pattern.replace(r"\.)++", r"\.)+").replace(r"\-]*+", r"\-]*")
    return plain.replace(r"[aA](?<!\w\w)(?i:ccording", r"(?i:\baccording")


def _pattern_pairs():
    import re

    r = rules()
    compiled = [*r.after, r.sentence_end, r.before, r.adjacent, r.name, r.opening, r.according, *r.named]
    assert any(p.pattern != _plain(p.pattern) for p in compiled)  # the fast forms are in use
    return [(p, re.compile(_plain(p.pattern))) for p in compiled]


def _same_matches(text: str) -> None:
    for fast, plain in _pattern_pairs():
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], fast.pattern[:40]
        for at in range(0, len(text), 7):
            found, expected = fast.match(text, at), plain.match(text, at)
            assert (found and found.span()) == (expected and expected.span())


def test_only_a_and_A_match_a_case_insensitively():
    # why `according` may start with [aA] instead of (?i:\ba)
    import re

    a = re.compile("(?i:a)")
    assert [c for c in range(0x110000) if a.fullmatch(chr(c))] == [ord("A"), ord("a")]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Jens",
                "Stoltenberg",
                "U.S.",
                "J.",
                "Mr.",
                "Sen.",
                "McDonald",
                "O’Neil",
                "said",
                "says",
                "told",
                "according",
                "Accordİng",
                "to",
                "the",
                "NATO",
                "chief",
                "a",
                "spokesman",
                "also",
                "quickly",
                "he",
                "officials",
                "(R-Okla.)",
                ",",
                ".",
                ";",
                ":",
                "\x00\x00",
                "“",
                "”",
                " ",
                "  ",
                "\n",
                "\t",
                "x-y'",
            ]
        ),
        max_size=25,
    ).map("".join)
)
def test_fast_patterns_find_what_the_plain_forms_find(text):
    _same_matches(text)


def test_fast_patterns_find_what_the_plain_forms_find_on_the_bundled_corpus():
    from framing.corpus.model import load_corpus

    texts = load_corpus("nato-eastern-flank-2022").articles["text"].tolist()
    assert texts
    for text in texts:
        _same_matches(text)


_ASTRAL_WORDS = ["😀", "𝐀", "𝐉ens", "Stolten𝐛erg", "𝟎", "𐐀", "𐐨", "🇺🇸"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Jens Stoltenberg",
                "said",
                "says",
                ", said",
                "according to",
                "he",
                "the NATO chief",
                "the",
                " ",
                "\n",
                ",",
                ".",
                "“",
                "”",
                '"',
                "We will defend every inch of allied territory",
                *_ASTRAL_WORDS,
            ]
        ),
        max_size=30,
    ).map(" ".join)
)
def test_stand_ins_beyond_the_bmp_change_no_attribution(text):
    # the quote-blanked copy replaces characters beyond the BMP (4 bytes each in a str) by stand-ins;
    # every quote, speaker and offset must be what the characters themselves give
    import framing.scoring.sourcing.attribution as attribution
    from framing.text.tokenize import sentence_spans

    spans, sentences = quote_spans(text), sentence_spans(text)
    narrowed = attribution.attribute(text, spans, sentences)
    original = attribution._narrow
    try:
        attribution._narrow = lambda part: part  # the copy as written: what the rules saw before
        as_written = attribution.attribute(text, spans, sentences)
    finally:
        attribution._narrow = original
    assert narrowed == as_written
    assert max(attribution._mask(text, spans), default=" ") <= "\uffff"


def test_a_speaker_beyond_the_bmp_is_read_from_the_text():
    text = "😀 “We will defend every inch of allied territory,” said Jens Stolten𝐛erg. Prices rose 😀."
    assert speakers(text) == ["Jens Stolten𝐛erg"]


def test_without_evidence_the_scorer_keeps_its_tables_and_builds_no_evidence():
    from framing.scoring.base import ScoringContext

    arts = pd.DataFrame({"doc_id": ["d"], "clean_text": ["“We will defend every inch of it,” Smith said."]})
    full = SourcingScorer()(arts, ScoringContext.for_articles(arts))
    bare = SourcingScorer()(arts, ScoringContext.for_articles(arts, evidence=False))
    assert len(full.evidence) == 1 and bare.evidence.empty
    pd.testing.assert_frame_equal(full.table, bare.table)
    pd.testing.assert_frame_equal(full.extras["quotes"], bare.extras["quotes"])


def test_attributed_from_sentence_starts_is_attribute():
    # the scorer passes only the sentences' starts (`[0]` when there is none): the same quotes as the spans give
    import framing.scoring.sourcing.attribution as attribution
    from framing.text.tokenize import sentence_spans

    text = (
        'NATO chief Jens Stoltenberg said, "We will defend every inch." Troops arrived.\n\n'
        '"We are ready, and we stand together now," he said. Critics called it "a show."'
    )
    sentences = sentence_spans(text)
    expected = attribution.attribute(text, quote_spans(text), sentences)
    assert attribution.attributed(text, quote_spans(text), [s for s, _ in sentences]) == expected
    assert any(q.speaker for q in expected)
    lone = '"We will defend every inch of allied territory, all of it," he said'
    assert attribution.attributed(lone, quote_spans(lone), [0]) == attribution.attributed(lone, quote_spans(lone), [])

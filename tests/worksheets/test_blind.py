"""Blinding: outlet, author and domain names found and replaced, marks kept on the right words."""

from __future__ import annotations

import dataclasses

import pytest

from framing.worksheets.blind import (
    REDACTED,
    Scrubber,
    Segment,
    author_names,
    domain_names,
    outlet_variants,
    segments,
    show_open_quotes,
)


@pytest.mark.parametrize(
    "url, names",
    [
        ("https://www.antiwar.com/blog/x", ["antiwar.com", "antiwar"]),
        ("nypost.com/b", ["nypost.com", "nypost"]),
        ("https://www.bbc.co.uk/news", ["bbc.co.uk"]),  # a stem under 4 letters is too common a word
        ("http://localhost/x", []),
        ("", []),
        ("no-dot", []),
    ],
)
def test_domain_names(url, names):
    assert domain_names(url) == names


@pytest.mark.parametrize(
    "outlet, variants",
    [
        ("The Washington Examiner", ["The Washington Examiner", "Washington Examiner"]),
        ("AntiWar.com", ["AntiWar", "AntiWar.com"]),
        ("CNN (Web News)", ["CNN", "CNN (Web News)"]),
        ("Wall Street Journal - News", ["Wall Street Journal", "Wall Street Journal - News"]),
        ("", []),
    ],
)
def test_outlet_variants(outlet, variants):
    assert outlet_variants(outlet) == variants


def test_spans_are_merged_and_ordered():
    scrub = Scrubber(outlets=["Daily Planet"], authors=["Lois Lane"])
    text = "Lois Lane Daily Planet wrote; daily planet again."
    assert scrub.spans(text) == [(0, 9), (10, 22), (30, 42)]
    assert "Daily Planet" in scrub.names and "Lois Lane" in scrub.names


def test_an_empty_scrubber_finds_nothing():
    assert Scrubber().spans("Anything at all") == [] and Scrubber().scrub("Same text") == "Same text"


def test_overlapping_marks_keep_the_earlier_longer_one_and_drop_empty_ones():
    text = "a massive military buildup"
    parts = segments(
        text, [(2, 18, "frame", "f"), (2, 9, "loaded", "l"), (10, 26, "loaded", "x"), (5, 5, "x", "")], None
    )
    assert [(p.text, p.mark, p.note) for p in parts] == [
        ("a ", "", ""),
        ("massive military", "frame", "f"),
        (" buildup", "", ""),
    ]


def test_segments_are_frozen_and_plain_by_default():
    seg = Segment("text")
    assert (seg.mark, seg.note) == ("", "") and REDACTED == "[source]"
    with pytest.raises(dataclasses.FrozenInstanceError):
        seg.text = "other"  # type: ignore[misc]


def test_scrubber_replaces_names_in_text_but_not_ordinary_words():
    scrub = Scrubber(
        outlets=["The Washington Examiner", "Reason", "AntiWar.com", "CNN (Web News)"],
        authors=["Kyle Anzalone; Joe Gould"],
        urls=["https://www.defensenews.com/europe/x"],
        surnames_of=["Kyle Anzalone"],
    )
    text = (
        "READ MORE FROM THE WASHINGTON EXAMINER. Authored by Kyle Anzalone via antiwar.com, "
        "see DefenseNews.com and defensenews. Reason magazine said, for no reason, CNN reported. "
        "Anzalone wrote; Gould (Joe Gould) agreed. Antiwar voices."
    )
    out = scrub.scrub(text)
    for gone in (
        "EXAMINER",
        "Anzalone",
        "antiwar.com",
        "DefenseNews",
        "defensenews",
        "Reason magazine",
        "CNN",
        "Joe Gould",
        "Antiwar",
    ):
        assert gone not in out, out
    assert "for no reason" in out
    assert out.count("[source]") >= 9


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Fox News said so on Fox Nation; a fox ran.", "[source] said so on [source] Nation; a fox ran."),
        ("Read the N.Y. Post, the NY Post or nypost.com.", "Read the [source], the [source] or [source]."),
        ("From The Daily Beast and NPR.", "From [source] and [source]."),
        ("The Wall Street Journal reported.", "The [source] reported."),
    ],
)
def test_scrubber_knows_catalogue_names_and_spelled_out_domains(text, expected):
    scrub = Scrubber(
        outlets=["Fox Online News", "NPR Online News", "Wall Street Journal - News"],
        urls=["https://www.foxnews.com/a", "https://nypost.com/b", "https://www.thedailybeast.com/c"],
    )
    assert scrub.scrub(text) == expected


@pytest.mark.parametrize(
    "author, names",
    [
        ("Sebastian Sprenger", ["Sebastian Sprenger"]),
        ("Sebastian Sprenger; Joe Gould", ["Sebastian Sprenger", "Joe Gould"]),
        ("By Ann Lee and Bo Chen", ["Ann Lee", "Bo Chen"]),
        ("", []),
    ],
)
def test_author_names(author, names):
    assert author_names(author) == names


def test_segments_keep_marks_on_the_right_words_and_drop_marks_on_names():
    scrub = Scrubber(outlets=["Daily Planet"])
    text = "A massive buildup, said the Daily Planet."
    parts = segments(text, [(2, 9, "loaded", "x"), (28, 33, "frame", "y")], scrub)
    assert [(p.text, p.mark) for p in parts if p.mark] == [("massive", "loaded"), ("[source]", "redacted")]
    assert "".join(p.text for p in parts) == "A massive buildup, said the [source]."


def test_a_sentence_cut_from_a_longer_quote_shows_the_quote_going_on():
    opening = "“What we see now is a new reality for European security."
    assert "".join(p.text for p in show_open_quotes(opening, segments(opening, (), None))) == opening + "…”"
    closing = "It is the biggest change in a generation,” he said."
    assert "".join(p.text for p in show_open_quotes(closing, segments(closing, (), None))) == "“…" + closing
    whole = "“We are ready,” he said."
    assert show_open_quotes(whole, segments(whole, (), None)) == segments(whole, (), None)

"""LIWC-style .dic import with the quirks of real files (Moral Foundations style)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.errors import FramingError
from framing.lexicons.dic import lexicon_to_yaml, parse_dic, read_dic
from framing.lexicons.match import match
from framing.lexicons.model import load_lexicon, parse_lexicon

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MORAL = FIXTURES / "lexicon_moral_style.dic"


def terms(lexicon, category):
    return [e.term for e in lexicon.categories[category].entries]


def test_fixture_really_has_the_quirks():
    raw = MORAL.read_bytes()
    assert b"\r\n" in raw and b"\t\t\t" in raw and b"01\t" in raw and b"\r\n\r\n" in raw
    assert b"   care   1  " in raw  # spaces instead of tabs, stray whitespace


def test_header_codes_with_leading_zeros_and_mixed_whitespace():
    lexicon = read_dic(MORAL)
    assert list(lexicon.categories) == ["CareVirtue", "CareVice", "FairnessVirtue", "FairnessVice"]
    # `   care   1` uses code 1 although the header wrote `01`
    assert "care" in terms(lexicon, "CareVirtue")


def test_entries_wildcards_and_multiword_terms():
    lexicon = read_dic(MORAL)
    assert terms(lexicon, "CareVirtue") == ["safe*", "protect*", "compassion*", "peace keeping", "care", "justice"]
    wildcard = {e.term: e.wildcard for e in lexicon.categories["CareVirtue"].entries}
    assert wildcard["safe*"] and not wildcard["peace keeping"]
    # a multi-word term without a tab: the trailing numeric fields are the codes
    assert "war crime" in terms(lexicon, "CareVice") and "war crime" in terms(lexicon, "FairnessVice")


def test_term_in_several_categories_on_one_line_and_on_several_lines():
    lexicon = read_dic(MORAL)
    assert "justice" in terms(lexicon, "FairnessVirtue") and "justice" in terms(lexicon, "CareVirtue")
    assert "bias*" in terms(lexicon, "FairnessVice") and "bias*" in terms(lexicon, "CareVice")
    # `exploit` is listed on three lines (02, 04, 04 again): once per category
    assert terms(lexicon, "CareVice").count("exploit") == 1
    assert terms(lexicon, "FairnessVice").count("exploit") == 1


def test_lines_are_remembered_for_warnings():
    entry = read_dic(MORAL).categories["CareVirtue"].entries[0]
    assert (entry.term, entry.line) == ("safe*", 8)


def test_provenance_and_defaults():
    lexicon = read_dic(MORAL, name="mfd-test", description="Test dictionary")
    assert (lexicon.name, lexicon.description) == ("mfd-test", "Test dictionary")
    assert len(lexicon.sha256) == 64 and lexicon.path == MORAL
    assert all(c.colour.startswith("#") for c in lexicon.categories.values())
    assert read_dic(MORAL).name == "lexicon_moral_style"


def test_load_lexicon_reads_dic_files_directly():
    assert list(load_lexicon(MORAL).categories) == list(read_dic(MORAL).categories)


def test_yaml_round_trip_keeps_everything():
    lexicon = read_dic(MORAL)
    again = parse_lexicon(lexicon_to_yaml(lexicon))
    assert again.categories == lexicon.categories
    assert (again.name, again.description, again.licence) == (lexicon.name, lexicon.description, lexicon.licence)


def test_yaml_round_trip_of_a_builtin_with_weights_and_contrasts():
    lexicon = load_lexicon("military-posture")
    again = parse_lexicon(lexicon_to_yaml(lexicon))
    assert again.categories == lexicon.categories and again.contrasts == lexicon.contrasts


def test_imported_dictionary_matches_text():
    text = "They vowed to protect the weak from harm, a war crime and unfair treatment."
    hits = match(read_dic(MORAL), [text])
    found = set(zip(hits["text"], hits["category"]))
    assert {
        ("protect", "CareVirtue"),
        ("harm", "CareVice"),
        ("war crime", "CareVice"),
        ("war crime", "FairnessVice"),
        ("unfair", "FairnessVice"),
    } <= found
    assert ("fair", "FairnessVirtue") not in found  # `fair*` cannot match inside `unfair`


@pytest.mark.parametrize(
    "name, message",
    [
        ("unknown_code", r"lexicon_bad_unknown_code.dic:7: unknown category code 7 for 'hurt'"),
        ("empty_category", r"lexicon_bad_empty_category.dic:4: category 'Loyalty' \(code 3\) has no entries"),
        ("malformed_entry", r"lexicon_bad_malformed_entry.dic:6: malformed entry 'kill\\tharm'"),
        ("missing_header", r"lexicon_bad_missing_header.dic:1: missing the `%` header"),
        ("no_codes", r"lexicon_bad_no_codes.dic:5: malformed entry 'protect'; expected `term code"),
        ("unclosed_header", r"lexicon_bad_unclosed_header.dic:4: malformed header line .*closing `%` line is missing"),
        ("conditional", r"lexicon_bad_conditional.dic:6: .*LIWC conditional codes are not supported"),
    ],
)
def test_malformed_files_fail_with_the_line(name, message):
    with pytest.raises(FramingError, match=message):
        read_dic(FIXTURES / f"lexicon_bad_{name}.dic")


@pytest.mark.parametrize(
    "text, message",
    [
        ("", r"<dic>:1: missing the `%` header"),
        ("%\n01 Care\n", r"<dic>:1: the `%` header is never closed"),
        ("%\n%\nsafe 01\n", r"<dic>:2: the header defines no categories"),
        ("%\n01 Care\n1 Harm\n%\nsafe 01\n", r"<dic>:3: code 1 is defined twice"),
        ("%\n01 Care\n02 Care\n%\nsafe 01\n", r"<dic>:3: category name 'Care' is used twice"),
        ("%\nx Care\n%\nsafe 01\n", r"<dic>:2: malformed header line 'x Care'"),
    ],
)
def test_header_errors(text, message):
    with pytest.raises(FramingError, match=message):
        parse_dic(text)


def test_latin1_files_are_read(tmp_path):
    path = tmp_path / "old.dic"
    path.write_bytes("%\n1\tCare\n%\nsoin\xe9*\t1\n".encode("latin-1"))
    assert terms(read_dic(path), "Care") == ["soin\xe9*"]


def test_hashtag_is_a_term_not_a_comment():
    lexicon = parse_dic("%\n1\tCare\n%\n#care\t1\n")
    assert terms(lexicon, "Care") == ["#care"]


def test_moral_foundations_style_dictionary_imports_and_scores_the_bundled_corpus(nato_corpus):
    lexicon = read_dic(FIXTURES / "lexicon_mfd_style.dic")
    assert len(lexicon.categories) == 11 and "MoralityGeneral" in lexicon.categories
    assert "collective defence" in terms(lexicon, "IngroupVirtue")  # codes separated by a tab
    assert terms(lexicon, "MoralityGeneral").count("values") == 1  # listed twice
    articles = nato_corpus.articles
    texts = list(articles["clean_text"])
    hits = match(lexicon, texts, list(articles["doc_id"]))
    texts_by_id = dict(zip(articles["doc_id"], texts))
    assert all(texts_by_id[r.doc_id][r.start : r.end] == r.text for r in hits.itertuples())
    per_doc = hits.groupby(["doc_id", "category"]).size()
    antiwar = per_doc.loc["004-antiwar"]
    assert antiwar["HarmVice"] >= 3  # invasion, invasion, war ...
    assert per_doc.xs("IngroupVirtue", level="category").sum() >= 10  # the alliance, allies


_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzé'-", min_size=1, max_size=8).filter(lambda w: w.strip("'-"))
_terms = st.builds(
    lambda words, star: " ".join(words) + ("*" if star else ""), st.lists(_words, min_size=1, max_size=3), st.booleans()
)


@settings(max_examples=80, deadline=None)
@given(
    st.dictionaries(_terms, st.sets(st.integers(1, 4), min_size=1), min_size=4, max_size=25),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from(["\t", "\t\t", "\t  "]),
)
def test_property_any_dic_round_trips_through_yaml(entries, newline, gap):
    used = sorted({code for codes in entries.values() for code in codes})
    lines = ["%", *[f"{code:02d}\tcat{code}" for code in used], "%"]
    lines += [f"{term}{gap}{' '.join(f'{c:02d}' for c in sorted(codes))}" for term, codes in entries.items()]
    lexicon = parse_dic(newline.join(lines) + newline)
    for code in used:
        assert set(terms(lexicon, f"cat{code}")) == {t for t, codes in entries.items() if code in codes}
    assert parse_lexicon(lexicon_to_yaml(lexicon)).categories == lexicon.categories


@pytest.mark.parametrize("name, writes_family", [("loaded-language", True), ("military-posture", False)])
def test_yaml_round_trip_keeps_the_family(name, writes_family):
    lexicon = load_lexicon(name)
    text = lexicon_to_yaml(lexicon)
    assert ("family:" in text) is writes_family  # the default (frames) is left out, as in the built-ins
    assert parse_lexicon(text).family == lexicon.family

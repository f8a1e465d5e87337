"""framing.lexicons.validate: coverage, concentration, consistency and doubtful terms on a known corpus."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from framing.errors import FramingError
from framing.lexicons.consistency import cronbach_alpha, kr20
from framing.lexicons.model import load_lexicon
from framing.lexicons.validate import TABLE_COLUMNS, validate_lexicon
from tests.lexicons.small_lexicon import small_lexicon

LEXICON = {"threat": ["threat", "danger", "menace", "peril"], "calm": ["calm"]}


TEXTS = [
    "There is no threat here. Not a threat there, no threat anywhere. A real threat is a danger.",  # 18 words
    'The danger is a danger, they said "a menace" and "a menace" again.',  # 13 words
    "All calm, calm and calm; a threat.",  # 7 words
    "Nothing to report at all today.",  # 6 words
]
# hits per article: threat 4 0 1 0 (3 of them after "no"/"not"), danger 1 2 0 0, menace 0 2 0 0 (quoted), calm 0 0 3 0
COUNTS = np.asarray([[4, 1, 0], [0, 2, 2], [1, 0, 0], [0, 0, 0]], dtype=float)
WORDS = np.asarray([18, 13, 7, 6])


@pytest.fixture(scope="module")
def result():
    articles = pd.DataFrame({"outlet": ["a", "b", "a", "b"], "text": TEXTS})
    return validate_lexicon(small_lexicon(LEXICON), articles, suggestions=0)


def row(result, category):
    return result.table.set_index("category").loc[category]


def test_coverage_is_hits_per_thousand_words_and_share_of_articles(result):
    assert result.words == WORDS.sum() and result.articles == 4
    threat = row(result, "threat")
    assert threat["hits"] == COUNTS.sum() == 10
    assert threat["per_1000_words"] == pytest.approx(10 / 44 * 1000)
    assert threat["article_share"] == pytest.approx(3 / 4)
    assert row(result, "calm")["article_share"] == pytest.approx(1 / 4)


def test_top_terms_their_share_and_the_one_word_flag(result):
    threat = row(result, "threat")
    assert threat["top3_terms"] == ("threat", "danger", "menace")
    assert threat["top3_share"] == pytest.approx(1.0)
    assert threat["one_word"]  # "threat" gives 5 of the 10 hits: half is enough to be flagged
    calm = row(result, "calm")
    assert calm["top3_terms"] == ("calm",) and calm["one_word"]


def test_never_used_negated_and_quoted_terms(result):
    threat = row(result, "threat")
    assert threat["never_used"] == ("peril",)
    assert threat["mostly_negated"] == ("threat",)  # 3 of its 5 hits
    assert threat["mostly_quoted"] == ("menace",)
    terms = result.terms.set_index("term")
    assert terms.loc["menace", ["hits", "quoted", "negated"]].tolist() == [2, 2, 0]


def test_alpha_and_kr20_are_the_coefficients_of_the_article_by_term_matrix(result):
    rates = COUNTS / WORDS[:, None] * 100
    threat = row(result, "threat")
    assert threat["alpha"] == pytest.approx(cronbach_alpha(rates))
    assert threat["kr20"] == pytest.approx(kr20(COUNTS > 0))
    assert threat["k"] == 3 and threat["n"] == 4
    assert math.isnan(row(result, "calm")["alpha"])  # one term: no consistency to measure


def test_the_table_has_its_columns_in_order_and_the_same_bytes_twice(nato_corpus):
    first = validate_lexicon("military-posture", nato_corpus)
    second = validate_lexicon("military-posture", nato_corpus)
    assert list(first.table.columns) == TABLE_COLUMNS
    assert list(first.table["category"]) == list(load_lexicon("military-posture").categories)
    assert first.table.to_csv() == second.table.to_csv() and first.suggestions.to_csv() == second.suggestions.to_csv()


def test_lexicon_validate_gives_the_same_table(nato_corpus):
    lexicon = load_lexicon("military-posture")
    assert lexicon.validate(nato_corpus, suggestions=0).equals(validate_lexicon(lexicon, nato_corpus).table)


@pytest.mark.parametrize(
    ("lexicon", "corpus", "message"),
    [
        ("no-such-lexicon", "nato-eastern-flank-2022", "no such lexicon file or built-in lexicon"),
        ("military-posture", "/no/such/corpus", "/no/such/corpus"),
    ],
)
def test_bad_input_is_a_framing_error(lexicon, corpus, message):
    with pytest.raises(FramingError, match=message):
        validate_lexicon(lexicon, corpus)


def test_builtin_lexicons_on_allsides(shared_data, tmp_path):
    rows = pd.read_json(shared_data / "allsides-10k.jsonl.gz", lines=True, nrows=400, dtype=False)
    result = validate_lexicon("military-posture", rows[["outlet", "text"]], suggestions=5)
    table = result.table.set_index("category")
    assert result.articles == 400 and (table["hits"] > 0).all()
    assert table["n"].eq(400).all() and table["alpha"].between(-1, 1).all()
    assert not result.suggestions.empty and (result.suggestions["count"] >= 3).all()


def test_a_pattern_category_has_coverage_but_no_terms_to_doubt(nato_corpus):
    table = validate_lexicon("loaded-language", nato_corpus, suggestions=0).table.set_index("category")
    quotes = table.loc["scare_quotes"]
    assert quotes["hits"] > 0 and quotes["never_used"] == () and quotes["mostly_quoted"] == ()
    assert not quotes["one_word"] and math.isnan(quotes["alpha"])


def test_a_dic_lexicon_is_checked_too(nato_corpus, repo_root):
    table = validate_lexicon(repo_root / "tests" / "fixtures" / "lexicon_moral_style.dic", nato_corpus).table
    assert list(table["category"]) == ["CareVirtue", "CareVice", "FairnessVirtue", "FairnessVice"]
    assert (
        table["entries"].sum()
        == load_lexicon(repo_root / "tests" / "fixtures" / "lexicon_moral_style.dic").entry_count()
    )

"""Fightin' Words log-odds with an informative Dirichlet prior, against a worked calculation."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest

from framing.comparison.distinctive import COLUMNS, PRIOR, distinctive_terms, log_odds, mark_lexicon_terms


def test_worked_example_two_outlets():
    # Outlet A says "war war peace", outlet B "peace peace talks" (no stop words removed).
    # Counts A: war 2, peace 1, talks 0 (n_A = 3); B: war 0, peace 2, talks 1 (n_B = 3).
    # Corpus: war 2, peace 3, talks 1, n = 6. Prior size alpha0 = 0.1 * 6 = 0.6,
    # alpha_w = 0.6 * y_w / 6: war 0.2, peace 0.3, talks 0.1.
    # "war", A vs B:
    #   odds_A = (2 + 0.2) / (3 + 0.6 - 2 - 0.2) = 2.2 / 1.4
    #   odds_B = (0 + 0.2) / (3 + 0.6 - 0 - 0.2) = 0.2 / 3.4
    #   delta  = ln(2.2 / 1.4) - ln(0.2 / 3.4) = 0.451985 + 2.833213 = 3.285198
    #   var    = 1 / 2.2 + 1 / 0.2 = 5.454545;  z = 3.285198 / 2.335497 = 1.406637
    delta_war = math.log(2.2 / 1.4) - math.log(0.2 / 3.4)
    z_war = delta_war / math.sqrt(1 / 2.2 + 1 / 0.2)
    assert delta_war == pytest.approx(3.285198, abs=1e-6)
    assert z_war == pytest.approx(1.406637, abs=1e-6)
    # "peace", A vs B: odds_A = 1.3 / 2.3, odds_B = 2.3 / 1.3
    #   delta = ln(1.3/2.3) - ln(2.3/1.3) = -0.570545 - 0.570545 = -1.141090
    #   var   = 1/1.3 + 1/2.3 = 0.769231 + 0.434783 = 1.204013;  z = -1.141090 / 1.097275 = -1.039930
    z_peace = (math.log(1.3 / 2.3) - math.log(2.3 / 1.3)) / math.sqrt(1 / 1.3 + 1 / 2.3)
    assert z_peace == pytest.approx(-1.039930, abs=1e-6)

    delta, z = log_odds([2, 1, 0], [0, 2, 1], [2, 3, 1], alpha0=0.6)
    assert delta[0] == pytest.approx(delta_war) and z[0] == pytest.approx(z_war)
    assert z[1] == pytest.approx(z_peace)

    table = distinctive_terms(
        ["war war peace", "peace peace talks"], ["A", "B"], ngrams=(1,), stop_words=None, min_count=1, top_n=5
    )
    assert PRIOR == 0.1
    a = table[table["outlet"] == "A"].set_index("term")
    assert list(a.index) == ["war"]  # only positive z are listed
    assert a.loc["war", "z"] == pytest.approx(z_war, abs=1e-4)
    assert a.loc["war", "count"] == 2 and a.loc["war", "count_rest"] == 0
    b = table[table["outlet"] == "B"].set_index("term")
    assert b.loc["peace", "z"] == pytest.approx(-z_peace, abs=1e-4)  # two outlets: B's z is A's negated
    assert list(table.columns) == COLUMNS


def test_three_outlets_bigrams_and_ranking():
    texts = [
        "troops troops troops buildup",
        "troops talks talks diplomacy",
        "weather weather rain",
        "eastern flank eastern flank",
    ]
    outlets = ["A", "B", "C", "A"]
    table = distinctive_terms(texts, outlets, ngrams=(1, 2), stop_words=None, min_count=1, top_n=3)
    assert set(table["outlet"]) == {"A", "B", "C"}
    first = table[(table["outlet"] == "A") & (table["ngram"] == 1)]
    assert first["term"].iloc[0] in {"troops", "eastern", "flank"}
    assert list(first["rank"]) == list(range(1, len(first) + 1))
    assert (np.diff(first["z"].to_numpy()) <= 0).all()
    assert "eastern flank" in set(table.loc[table["ngram"] == 2, "term"])


def test_one_outlet_has_nothing_to_contrast():
    assert distinctive_terms(["war and peace", "more war"], ["A", "A"]).empty


def fake_lexicon():
    def entry(term, wildcard=False):
        return SimpleNamespace(term=term, weight=1.0, wildcard=wildcard)

    categories = {
        "buildup": SimpleNamespace(
            name="buildup", entries=(entry("buildup"), entry("military buildup"), entry("amass*", True))
        ),
        "diplomacy": SimpleNamespace(name="diplomacy", entries=(entry("negotiat*", True), entry("talks"))),
    }
    return SimpleNamespace(name="posture", categories=categories)


def test_terms_marked_with_lexicon_categories():
    import pandas as pd

    table = pd.DataFrame(
        {
            "term": [
                "buildup",
                "military buildup",
                "amassed",
                "negotiations",
                "talks",
                "weather",
                "negotiators said",
                "massive buildup",
            ]
        }
    )
    marked = mark_lexicon_terms(table, [fake_lexicon()]).set_index("term")
    assert marked.loc["buildup", "category"] == "posture.buildup"
    assert marked.loc["military buildup", "category"] == "posture.buildup"
    assert marked.loc["amassed", "category"] == "posture.buildup"
    assert marked.loc["negotiations", "lexicon"] == "posture"
    assert marked.loc["talks", "category"] == "posture.diplomacy"
    assert marked.loc["weather", "category"] == ""
    assert marked.loc["negotiators said", "category"] == ""  # a wildcard matches one word, not a phrase
    assert marked.loc["massive buildup", "category"] == ""  # whole terms only


def test_builtin_lexicons_mark_the_bundled_corpus(nato_corpus):
    from framing.comparison.distinctive import builtin_lexicons_or_none

    articles = nato_corpus.articles
    table = distinctive_terms(articles["clean_text"], articles["outlet"], lexicons=builtin_lexicons_or_none())
    antiwar = table[table["outlet"] == "Antiwar.com"]
    assert (antiwar["category"] != "").any()
    assert "invasion" in set(antiwar["term"])

"""The built-in lexicons: they load, are big enough, documented, and read the seeds sensibly."""

from __future__ import annotations

import re

import pytest

from framing.lexicons.match import match
from framing.lexicons.model import builtin_lexicons, load_lexicon
from framing.resources import read_data_text
from tests.shared import SHARED_SEEDS

SEEDS = SHARED_SEEDS
# categories allowed fewer than 20 entries, each explained in its datasheet
EXCEPTIONS = {("policy-frames", "other"), ("loaded-language", "scare_quotes")}
EXPECTED = {
    "military-posture": ["defensive", "buildup", "russian_threat", "diplomacy", "cost_burden"],
    "policy-frames": [
        "economic",
        "capacity_and_resources",
        "morality",
        "fairness_and_equality",
        "legality_constitutionality_jurisprudence",
        "policy_prescription_and_evaluation",
        "crime_and_punishment",
        "security_and_defense",
        "health_and_safety",
        "quality_of_life",
        "cultural_identity",
        "public_opinion",
        "political",
        "external_regulation_and_reputation",
        "other",
    ],
    "loaded-language": [
        "hedges",
        "factive",
        "assertive",
        "implicative",
        "report_neutral",
        "report_loaded",
        "intensifiers",
        "loaded_adjectives",
        "scare_quotes",
    ],
}


def datasheet(name):
    return read_data_text("framing.lexicons.data", f"{name}.md")


def test_the_three_builtins():
    assert builtin_lexicons() == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_builtin_loads_with_expected_categories_and_provenance(name):
    lexicon = load_lexicon(name)
    assert list(lexicon.categories) == EXPECTED[name]
    assert lexicon.licence == "CC-BY-4.0" and lexicon.citation and lexicon.version
    assert len(lexicon.sha256) == 64


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_category_has_twenty_entries_unless_documented(name):
    for category in load_lexicon(name).categories.values():
        if (name, category.name) in EXCEPTIONS:
            assert "exception" in datasheet(name) or category.pattern, category.name
            continue
        assert len(category.entries) >= 20, f"{name}.{category.name}: {len(category.entries)} entries"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_datasheet_names_every_category_and_the_licence(name):
    sheet = datasheet(name)
    for category in EXPECTED[name]:
        assert f"`{category}`" in sheet, f"{name}.md does not describe {category}"
    assert "CC-BY-4.0" in sheet and "blind spots" in sheet.lower() and "chosen" in sheet


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_colours_are_distinct(name):
    colours = [c.colour for c in load_lexicon(name).categories.values()]
    assert len(set(colours)) == len(colours)


def test_no_term_is_in_two_loaded_language_classes():
    seen = {}
    for category in load_lexicon("loaded-language").categories.values():
        for entry in category.entries:
            assert seen.setdefault(entry.term.lower(), category.name) == category.name, entry.term


def balance(text):
    hits = match("military-posture", [text])
    kept = hits[~hits["negated"]]
    defensive = kept.loc[kept["category"] == "defensive", "weight"].sum()
    buildup = kept.loc[kept["category"] == "buildup", "weight"].sum()
    return (defensive - buildup) / (defensive + buildup)


def test_balance_reads_the_seed_articles_sensibly():
    """Defense News (000) and the overview (003) frame the deployment as defensive;
    AntiWar.com (004) calls it a "massive military buildup along Russian borders"."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    texts = {re.match(r"\d+", p.name).group(): p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    defense_news, overview, antiwar = balance(texts["000"]), balance(texts["003"]), balance(texts["004"])
    assert defense_news > 0.2 and overview > 0.4
    assert antiwar < -0.3
    assert min(defense_news, overview) > antiwar + 0.6


@pytest.mark.parametrize(
    "text",
    [
        "He called averting such escalation the alliance's responsibility.",
        "Both sides want to avoid further escalation.",
        "The aim is to prevent any escalation.",
    ],
)
def test_preventing_escalation_is_diplomacy_not_buildup(text):
    hits = match(load_lexicon("military-posture"), [text])
    assert list(hits["category"]) == ["diplomacy"], hits[["text", "category"]]

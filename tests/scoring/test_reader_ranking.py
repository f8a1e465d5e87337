"""Do the scores agree with a careful reader of the five bundled articles?

The rankings below come from reading the articles themselves (../shared/seeds,
bundled as corpora/nato-eastern-flank-2022), with the reasons quoted from the
text. Only the pairs a careful reader would not argue about are asserted;
close calls are listed as such and left out. Where the tool disagrees, the
tool is to be fixed, not the reading.

The five articles (doc_id: outlet):
  000-defense-news         Defense News: NATO "beefing up the defensive capabilities of vulnerable
                           alliance members"; "NATO's renewed deterrence push"; Karlin: "NATO is
                           safe and secure"; Stoltenberg rejects a no-fly zone to avoid escalation.
  001-washington-examiner  Washington Examiner: ministers meet "to discuss shoring up security";
                           "reinforce our security"; "NATO's core task is to protect and defend all
                           allies"; Russia "testing NATO's resolve", drones in NATO airspace.
  002-unattributed-a       Report of Stoltenberg's Telegraph interview: "permanent military forces on
                           the Russian border", "to defend against ... aggression by Putin", but also
                           the strain on US troops and "intends to go much further than previously
                           expected"; Putin's "conquest of Ukraine".
  003-unattributed-b       An overview: "deter potential aggression and reassure partner nations",
                           "collective defense", "stability", "diplomatic avenues to reduce tension
                           and prevent escalation". It never names Russia.
  004-antiwar              AntiWar.com: "planning a massive military buildup along Russian borders";
                           Stoltenberg "will claim the buildup is defensive. Moscow is unlikely to
                           share that interpretation"; the alliance's "eastward expansion is a
                           threat" in Moscow's eyes.
"""

from __future__ import annotations

import itertools

import pytest


@pytest.fixture(scope="module")
def table(nato_corpus):
    import framing

    return framing.score(nato_corpus, n_jobs=1).table.set_index("doc_id")


def short(doc_id: str) -> str:
    return doc_id.split("-", 1)[0]


def by_prefix(table, column):
    return {short(d): v for d, v in table[column].items()}


def assert_pairs(values, pairs, what):
    wrong = [(a, b) for a, b in pairs if not values[a] > values[b]]
    assert not wrong, f"{what}: expected {wrong} (first above second); scores: {values}"


# ---------------------------------------------------------------- defensive vs buildup

# A careful reader's order, most defensive first:
#   003  nothing but deterrence, reassurance, collective defence, stability, preventing escalation
#   000, 001  (close call between them) both lead with defence: defensive capabilities and
#        deterrence (000); shoring up security, self-defence, "protect and defend" (001)
#   002  states a defensive purpose but dwells on permanent forces on the border, a tenfold
#        growth, "implements of war", going "much further than previously expected"
#   004  a "massive military buildup along Russian borders", the defensive claim reported as a claim
BALANCE_PAIRS = [
    ("003", "000"),
    ("003", "001"),
    ("003", "002"),
    ("003", "004"),
    ("000", "002"),
    ("001", "002"),
    ("000", "004"),
    ("001", "004"),
    ("002", "004"),
]


def test_defensive_vs_buildup_balance_agrees_with_a_careful_reader(table):
    values = by_prefix(table, "frame.military-posture.balance")
    assert_pairs(values, BALANCE_PAIRS, "frame.military-posture.balance")
    assert values["004"] < 0 < values["003"]  # AntiWar frames a buildup; the overview frames defence


# ---------------------------------------------------------------- stance toward NATO

# Most favourable to NATO first:
#   003  NATO as "a continuously adapting alliance, capable of sustaining a credible deterrent
#        while pursuing diplomatic avenues" -- praise throughout
#   000, 001, 002  (close calls among them) NATO reported through its own statements; 002 adds
#        doubts (strain on troops, "much further than expected")
#   004  the most critical: NATO "planning a massive military buildup", its stated purpose
#        treated as a claim, its expansion into "former Soviet states"
NATO_PAIRS = [("003", "004"), ("000", "004"), ("001", "004"), ("003", "002")]


def test_stance_toward_nato_agrees_with_a_careful_reader(table):
    assert "stance.NATO" in table.columns, "the bundled corpus ships targets.yaml with a NATO target"
    values = by_prefix(table, "stance.NATO")
    assert_pairs(values, NATO_PAIRS, "stance.NATO")
    assert min(values, key=values.get) == "004"


# ---------------------------------------------------------------- stance toward Russia

# Least hostile to Russia first (003 never mentions Russia: no stance, excluded):
#   004  gives Moscow's view room: "Moscow is unlikely to share that interpretation", Russia's
#        demand for a withdrawal, eastward expansion as a threat
#   001  Russia "testing NATO's resolve", drones through NATO airspace, its "invasion"
#   000, 002  the most hostile: "Putin's war on Ukraine", "the Putin regime's appetite for
#        outlandish demands" (000); "further aggression by Putin", "his aggressions", "his
#        conquest of Ukraine" (002)
RUSSIA_PAIRS = [("004", "000"), ("004", "002"), ("004", "001")]
# 004 above 001 was the last pair to agree: 001's Russia mentions include two that name Russia as
# a place ("defenses along Russia's border", "countries on Russia's border"), which no longer count
# as judgements of Russia (stance_place), and its "testing NATO's resolve" and "Russia's invasion"
# now count against Russia as frame cues do (stance_article).


def test_stance_toward_russia_agrees_with_a_careful_reader(table):
    assert "stance.Russia" in table.columns, "the bundled corpus ships targets.yaml with a Russia target"
    values = by_prefix(table, "stance.Russia")
    mentions = by_prefix(table, "stance.Russia.mentions")
    assert mentions["003"] == 0
    rated = {k: v for k, v in values.items() if mentions[k] > 0}
    assert_pairs(rated, RUSSIA_PAIRS, "stance.Russia")
    hostile = [k for k, v in rated.items() if v < 0]
    assert {"000", "002"} <= set(hostile), f"stance.Russia: {rated}"


def test_pairs_are_consistent_orderings():
    # no pair is asserted both ways (a guard against editing mistakes above)
    for pairs in (BALANCE_PAIRS, NATO_PAIRS, RUSSIA_PAIRS):
        assert not {(b, a) for a, b in pairs} & set(pairs)
        assert len(set(itertools.chain.from_iterable(pairs))) <= 5

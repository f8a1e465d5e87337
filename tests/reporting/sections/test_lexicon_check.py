"""framing.reporting.sections.lexicon_check: the user's own lexicons checked on the corpus; hidden for built-ins."""

from __future__ import annotations

import json

import pytest

from framing.lexicons.model import builtin_path, load_lexicon
from framing.reporting.sections.lexicon_check import lexicon_check, user_lexicons

OWN = """\
name: my-posture
description: d
version: "2"
source: s
licence: MIT
categories:
  troops_<b>:
    description: d
    colour: "#0072B2"
    entries: [troop*, soldier*, battalion*, forces, never-written-here]
  talks:
    description: d
    colour: "#D55E00"
    entries: [talks, diplomacy, diplomatic]
"""


@pytest.fixture(scope="module")
def own_report(tmp_path_factory, nato_corpus):
    from framing.reporting import report

    path = tmp_path_factory.mktemp("lexicon") / "my-posture.yaml"
    path.write_text(OWN, encoding="utf-8")
    return report(nato_corpus, lexicons=["military-posture", str(path)], command=["framing", "report"])


def test_built_ins_as_shipped_are_not_user_lexicons_but_a_changed_copy_is(tmp_path):
    builtins = [load_lexicon(name) for name in ("military-posture", "policy-frames", "loaded-language")]
    assert user_lexicons(builtins) == []
    changed = tmp_path / "military-posture.yaml"
    changed.write_text(builtin_path("military-posture").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert [lex.name for lex in user_lexicons([load_lexicon(changed)])] == ["military-posture"]


def test_no_user_lexicon_no_section(nato_scores, nato_corpus, nato_report):
    assert lexicon_check(nato_scores, nato_corpus) is None
    assert 'id="lexicon-check"' not in nato_report.html


def test_a_user_lexicon_gets_its_table_terms_and_suggestions(own_report):
    data = json.loads(own_report.json)["lexicon_check"]
    assert [lex["name"] for lex in data["lexicons"]] == ["my-posture"]
    lex = data["lexicons"][0]
    table = lex["table"]
    assert table["columns"][:4] == [
        "category",
        "hits per 1,000 words",
        "share of articles with a hit",
        "top-3 share of hits",
    ]
    assert table["caption"] == "my-posture 2 on 5 articles, 2271 words"
    assert [row[0] for row in table["rows"]] == ["troops <b>", "talks"]
    troops = table["rows"][0]
    assert troops[1] > 0 and troops[-1] == 5
    never = {item["category"]: item["never"] for item in lex["terms"]}
    assert "never-written-here" in never["troops_<b>"]


def test_the_section_is_on_the_page_and_in_the_contents_with_text_escaped(own_report):
    page = own_report.html
    assert '<section id="lexicon-check"' in page and 'href="#lexicon-check"' in page
    assert "troops &lt;b&gt;" in page and "troops <b>" not in page

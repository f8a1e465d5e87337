"""framing.reporting.sections.policy_frames: outlets x frames, oriented as the figure, cells linked to hits."""

from __future__ import annotations

from framing.reporting.sections.policy_frames import policy_frames


def test_frames_are_rows_in_plain_words_when_there_are_more_frames_than_outlets(nato_json):
    section = nato_json["policy_frames"]
    t = section["table"]
    assert section["frames_are_rows"] and t["columns"][0] == "frame" and len(t["columns"]) == 1 + 5
    names = [row[0] for row in t["rows"]]
    assert "security and defence" in names and not any("_" in name for name in names)
    assert "law and courts" in names, "the lexicon's own label, not legality_constitutionality_jurisprudence"


def test_each_nonzero_cell_links_to_its_sentences(nato_json, nato_page):
    section = nato_json["policy_frames"]
    anchors = {c["anchor"] for c in section["evidence"]["cells"]}
    for row, links in zip(section["table"]["rows"], section["table"]["links"]):
        for value, link in zip(row[1:], links[1:]):
            assert (link is not None) == bool(value), (row[0], value, link)
            if link:
                assert link in anchors and f'href="#{link}"' in nato_page and f'id="{link}"' in nato_page


def test_no_policy_lexicon_no_table(nato_scores):
    from dataclasses import replace

    without = replace(nato_scores, lexicons=tuple(lex for lex in nato_scores.lexicons if lex.name != "policy-frames"))
    assert policy_frames(without, {}) is None

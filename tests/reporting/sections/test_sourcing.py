"""framing.reporting.sections.sourcing: quoted share, quotes and named speakers per outlet."""

from __future__ import annotations


def test_quote_counts_and_speakers_match_the_quotes(nato_json, nato_scores):
    rows = {row[0]: row for row in nato_json["sourcing"]["table"]["rows"]}
    for outlet, count in nato_scores.table.groupby("outlet")["quotes.count"].sum().items():
        assert rows[outlet][2] == count
    speakers = {item["outlet"]: dict(item["speakers"]) for item in nato_json["sourcing"]["speakers"]}
    assert speakers["Defense News"]["Jens Stoltenberg"] == 5
    assert "Unattributed overview B" not in speakers  # it quotes no one


def test_each_outlet_row_links_to_its_quotes(nato_json, nato_scores):
    table = nato_json["sourcing"]["table"]
    blocks = {b["anchor"]: b for b in nato_json["sourcing"]["evidence"]}
    counts = nato_scores.table.groupby("outlet")["quotes.count"].sum()
    for row, links in zip(table["rows"], table["links"]):
        if counts[row[0]] == 0:
            assert links[1:] == [None, None], "an outlet that quotes no one has nothing to open"
            continue
        block = blocks[links[1]]
        assert block["heading"] == f"{row[0]}: {counts[row[0]]} quote{'s' if counts[row[0]] != 1 else ''}"
        quotes = nato_scores.quotes[
            nato_scores.quotes["doc_id"].map(nato_scores.table.set_index("doc_id")["outlet"]) == row[0]
        ]
        assert [s["text"] for s in block["sentences"]] == quotes["text"].astype(str).tolist()[:3]


def test_each_speaker_count_links_to_that_speaker_s_quotes(nato_json, nato_page):
    blocks = {b["anchor"]: b for b in nato_json["sourcing"]["evidence"]}
    for item in nato_json["sourcing"]["speakers"]:
        for (name, n), anchor in zip(item["speakers"], item["anchors"]):
            block = blocks[anchor]
            assert block["heading"] == f"{item['outlet']} quoting {name}: {n}"
            assert len(block["sentences"]) + block["more"] == n
            assert f'(<a href="#{anchor}">{n}</a>)' in nato_page

"""framing.reporting.sections.stance: the heat table and the sentences behind each cell."""

from __future__ import annotations


def test_stance_cells_link_to_their_evidence(nato_json, nato_page):
    stance = nato_json["stance"]
    assert stance["targets"], "the bundled corpus ships targets.yaml"
    for row in stance["rows"]:
        for cell in row["cells"]:
            if cell["value"] is not None:
                assert f'href="#{cell["anchor"]}"' in nato_page and f'id="{cell["anchor"]}"' in nato_page


def test_a_sentence_naming_a_target_only_as_a_place_says_it_is_not_scored(nato_scores, nato_page):
    from framing.reporting.evidence import strongest_sentences

    chosen = strongest_sentences(nato_scores, limit=10)
    places = chosen[chosen["place"]]
    # Antiwar.com: '... launch a "special military operation" in Ukraine.' names Ukraine as a place
    assert ((places["doc_id"] == "004-antiwar") & (places["target"] == "Ukraine")).any(), chosen
    assert (places["score"] == 0).all()
    assert not chosen[~chosen["place"]].empty
    assert "(named as a place: not scored)" in nato_page

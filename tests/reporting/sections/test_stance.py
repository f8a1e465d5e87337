"""framing.reporting.sections.stance: the heat table and the sentences behind each cell."""

from __future__ import annotations


def test_stance_cells_link_to_their_evidence(nato_json, nato_page):
    stance = nato_json["stance"]
    assert stance["targets"], "the bundled corpus ships targets.yaml"
    for row in stance["rows"]:
        for cell in row["cells"]:
            if cell["value"] is not None:
                assert f'href="#{cell["anchor"]}"' in nato_page and f'id="{cell["anchor"]}"' in nato_page

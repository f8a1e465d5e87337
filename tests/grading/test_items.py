"""The worksheet's items: one per answer a student gives, stable ids, the tool's answer always allowed."""

from __future__ import annotations

from collections import Counter

from framing.grading.items import TASK, loaded_candidates, printed_ids, worksheet_items


def test_every_task_has_its_items_with_unique_stable_ids(sheet_data, nato_corpus):
    from framing.worksheets.worksheet import exercise

    items = worksheet_items(sheet_data)
    ids = [item.id for item in items]
    assert len(ids) == len(set(ids))
    assert ids == [item.id for item in worksheet_items(exercise(nato_corpus).data)]  # same worksheet, same ids
    tasks = Counter(item.task for item in items)
    stance, omission = sheet_data.stance, sheet_data.omission
    assert tasks["stance"] == len(stance.targets) * len(stance.letters)
    assert tasks["omission"] == len(omission.facts) * len(omission.letters)
    assert tasks["fact"] == len(sheet_data.same_fact.wordings) * (len(sheet_data.same_fact.wordings) - 1) // 2
    assert tasks["alike"] == 2
    assert [item.task for item in items] == sorted((item.task for item in items), key=lambda t: TASK[t].number)
    assert all(item.tool in item.choices and item.evidence for item in items)


def test_stance_items_carry_the_keys_rating(sheet_data):
    items = {item.id: item for item in worksheet_items(sheet_data)}
    for number, target in enumerate(sheet_data.stance.targets, start=1):
        for letter in sheet_data.stance.letters:
            cell = sheet_data.stance.cells[(letter, target)]
            item = items[f"S{number}-{letter}"]
            assert item.tool == ("n" if cell.rating is None else str(cell.rating))
            assert target in item.prompt


def test_loaded_items_mix_the_tools_words_with_plain_ones_in_reading_order(sheet_data):
    candidates = loaded_candidates(sheet_data)
    marked = [c for c in candidates if c.marked]
    plain = [c for c in candidates if not c.marked]
    assert len(marked) == len(sheet_data.passage.hits)
    assert len(plain) >= min(3, len(marked))
    assert [c.start for c in candidates] == sorted(c.start for c in candidates)
    text = "".join(seg.text for seg in sheet_data.passage.plain)
    assert all(text[c.start : c.end] == c.text for c in candidates)
    assert not any(c.text[0].isupper() for c in plain)  # names are not candidate loaded words
    marked_words = {w.lower() for c in marked for w in c.text.split()}
    assert not {c.text.lower() for c in plain} & marked_words


def test_a_marked_words_evidence_describes_the_category_it_names(sheet_data):
    # "massive" is both a buildup frame word and an evaluative loaded word: the description must be the named one's
    described = [c for c in loaded_candidates(sheet_data) if c.marked and c.why.endswith(")")]
    assert described
    for candidate in described:
        assert any(
            candidate.why == f"the tool marked it: {hit.label} ({hit.description})" for hit in sheet_data.passage.hits
        ), candidate.why


def test_printed_ids_find_each_item_where_the_worksheet_shows_it(sheet_data):
    items = worksheet_items(sheet_data)
    ids = printed_ids(items)
    assert ids[("alike", "pair")] == "A1" and ids[("alike", "odd")] == "A2"
    target = sheet_data.stance.targets[1]
    assert ids[("stance", "C", target)] == "S2-C"
    assert ids[("omission", 1, "A")] == "O1-A"
    assert len(ids) == len(items)


def test_the_worksheet_prints_the_ids_and_only_the_key_shows_the_words_to_check(sheet_data):
    from framing.worksheets.render import render_key, render_worksheet

    sheet, key = render_worksheet(sheet_data), render_key(sheet_data)
    for item in worksheet_items(sheet_data):
        assert f'class="item-id">{item.id}<' in key
        assert (f'class="item-id">{item.id}<' in sheet) == (item.task != "loaded")

"""The worksheet's plain data: frozen records, letters in source order, student-facing text already blinded."""

from __future__ import annotations

import dataclasses

import pytest

from framing.worksheets.blind import Segment, outlet_variants
from framing.worksheets.model import (
    AlikeTask,
    OmissionTask,
    SameFactTask,
    Source,
    StanceCell,
    StanceTask,
    WorksheetData,
)


def source(letter: str) -> Source:
    return Source(letter, f"doc-{letter}", "Outlet", "", "", "", (Segment("Title"),), ((Segment("Text."),),), 1)


def tiny(letters: str) -> WorksheetData:
    return WorksheetData(
        topic="",
        corpus="c",
        seed=0,
        sources=tuple(source(letter) for letter in letters),
        passage=None,
        same_fact=SameFactTask("", ()),
        stance=StanceTask((), tuple(letters)),
        alike=AlikeTask(tuple(letters), (), (), "", ""),
        omission=OmissionTask(tuple(letters), (), ""),
    )


def test_letters_follow_the_sources_order():
    assert tiny("CAB").letters == ("C", "A", "B")


def test_records_are_frozen_and_defaults_are_not_shared():
    data = tiny("AB")
    with pytest.raises(dataclasses.FrozenInstanceError):
        data.seed = 1  # type: ignore[misc]
    assert data.lexicons == () and data.selection == ""
    assert StanceTask((), ()).cells is not StanceTask((), ()).cells
    assert source("A").words_hidden == 0 and StanceCell(None, 0.0, 0, "none").evidence == ()


def test_the_bundled_worksheet_s_student_text_names_no_outlet(sheet, nato_corpus):
    names = {v.lower() for outlet in nato_corpus.outlets for v in outlet_variants(outlet) if len(v) >= 4}
    data = sheet.data
    assert data.letters == tuple(sorted(data.letters))
    for item in data.sources:
        shown = [item.title, *item.paragraphs]
        assert all(isinstance(seg, Segment) for part in shown for seg in part)
        text = " ".join(seg.text for part in shown for seg in part).lower()
        assert not [name for name in names if name in text], item.letter

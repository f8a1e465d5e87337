"""Bytes to text: legacy encodings and UTF-16 are detected, binary files refused by name."""

from __future__ import annotations

import pytest

from framing.corpus.readers import read_source
from framing.corpus.readers.decode import decode_bytes
from framing.errors import FramingError
from tests.corpus.fixtures import article_file


def test_legacy_encoding_is_detected(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    text = article_file("Le Monde", "Le café était fermé. Les ministres se sont réunis à Bruxelles.\n" * 3)
    (folder / "a.txt").write_bytes(text.encode("cp1252"))
    assert "café était fermé" in read_source(folder).frame["text"].iloc[0]


def test_utf16_with_bom_is_read(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_bytes(article_file("Post", "Plain text.\n").encode("utf-16"))
    assert read_source(folder).frame["text"].iloc[0] == "Plain text.\n"


def test_decode_rejects_binary_and_names_the_file():
    with pytest.raises(FramingError, match=r"^x\.bin: this is a binary file"):
        decode_bytes(b"\x89PNG\x00\x00\xff\xfe\x00", "x.bin")

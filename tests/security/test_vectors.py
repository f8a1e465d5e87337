"""The vector list itself: large enough, varied, and every script-capable vector observable by the browser test."""

from __future__ import annotations

import re

from tests.security.hostile_inputs import HOSTILE, rows, safe_file_vectors
from tests.security.vectors import ALL_VECTORS, CANARY, VECTORS


def test_at_least_sixty_distinct_vectors_in_every_class_the_suite_promises():
    assert len(ALL_VECTORS) >= 60 and len(set(ALL_VECTORS)) == len(ALL_VECTORS)
    assert set(VECTORS) == {
        "script tags",
        "event handlers",
        "URL schemes",
        "SVG and MathML",
        "element breakouts",
        "attribute breakouts",
        "CSS",
        "srcdoc and frames",
        "entity and unicode obfuscation",
        "template syntax",
    }
    assert all(len(group) >= 5 for group in VECTORS.values())


def test_vectors_that_could_run_script_call_something_the_browser_test_watches():
    runnable = [v for v in ALL_VECTORS if re.search(r"<script|on\w+=|javascript:|srcdoc", v, re.I)]
    assert runnable
    for vector in runnable:
        assert (
            re.search(r"alert\(|msgbox|data-pwned|javascript:|on\w+=|&lt;|\\u|evil\.example", vector)
            or CANARY in vector
        ), vector


def test_every_field_of_every_row_carries_every_vector():
    table = rows()
    for row in table:
        for name, value in row.items():
            if name in ("date", "text"):
                continue
            assert HOSTILE in value, name
        assert all(vector in row["text"] for vector in ALL_VECTORS)
    assert sum(HOSTILE in row["date"] for row in table) == len(table) // 2


def test_file_name_vectors_are_real_file_names():
    names = safe_file_vectors()
    assert len(names) >= 20 and not any("/" in name or "\x00" in name for name in names)

"""framing.reporting.embedded: JSON that no text can close when it sits in a script element."""

from __future__ import annotations

import json

import pytest

from framing.reporting.embedded import embedded_json

HOSTILE = ["</script><img src=x onerror=alert(1)>", "<!-- <script>", "a & b", "line\u2028break", "“curly”"]


def test_hostile_text_has_no_angle_bracket_or_ampersand_and_reads_back():
    text = embedded_json({"terms": HOSTILE, "n": [1, 2.5, None]})
    assert not any(ch in text for ch in "<>&\u2028\u2029")
    assert "</script" not in text.lower() and "<!--" not in text
    assert json.loads(text) == {"n": [1, 2.5, None], "terms": HOSTILE}


def test_compact_sorted_and_stable():
    assert str(embedded_json({"b": 1, "a": [1, 2]})) == '{"a":[1,2],"b":1}'
    assert embedded_json({"x": "é"}) == '{"x":"é"}'  # non-ASCII stays as it is: smaller


def test_not_a_number_is_refused():
    with pytest.raises(ValueError):
        embedded_json({"z": float("nan")})

"""Data for the page's script, embedded as JSON in `<script type="application/json">` so no text can close it.

Inside a script element the HTML parser only looks for `</script` (and `<!--`);
entity escaping does not apply there. So the JSON is written with every `<`,
`>` and `&` as a JSON unicode escape (`\\u003c` ...), the way Jinja's `tojson`
does: `JSON.parse` reads the same text back, and no string in the data, however
hostile, can end the block or open a comment. Compact separators and sorted
keys keep the page small and its bytes stable.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def embedded_json(value: Any) -> Markup:
    """`value` as JSON that is safe as the whole content of a `<script type="application/json">` element."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return Markup(text.translate(_ESCAPES))

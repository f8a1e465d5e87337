"""The one Jinja2 environment for reports and worksheets: autoescape always on.

Corpus and lexicon text reaches a page only through autoescaping; `Markup`
is used only for content the program built itself. Templates are looked up in
`framing/reporting/templates` then `framing/worksheets/templates` (worksheets
share the report's `_head.html`), found like all package data through
`framing.resources`.
"""

from __future__ import annotations

from functools import lru_cache

import jinja2

from framing.resources import data_path

TEMPLATE_PACKAGES = ("framing.reporting", "framing.worksheets")


def number(value: object) -> str:
    """Numbers for reading: thousands separators, two decimals below 100, '–' for missing."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.,") else text  # no "-0.00"


def signed(value: float, digits: int = 2) -> str:
    """A number with its sign always shown: +0.25, -0.10."""
    return f"{value:+.{digits}f}"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The shared environment (built once): strict undefined, trimmed blocks, the `num` and `signed` filters."""
    loader = jinja2.FileSystemLoader([data_path(package, "templates") for package in TEMPLATE_PACKAGES])
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["num"] = number
    env.filters["signed"] = signed
    from framing.reporting.labels import label

    env.filters["label"] = label
    return env

"""Render a `ReportData` into one self-contained HTML page with Jinja2.

Autoescaping is on for every template, so corpus and lexicon text can never
become markup. `Markup` enters only through values the program built itself:
matplotlib's SVG (`figures.figure_svg`), the highlighted article HTML
(`highlight.highlight_article`, which escapes every text piece), the package's
own CSS file, and CSS rules whose colours were validated as `#rrggbb`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from markupsafe import Markup

SECTIONS = (
    ("overview", "Overview"),
    ("frames", "Frame balance"),
    ("policy-frames", "Policy frames"),
    ("sentiment", "Sentiment"),
    ("stance", "Stance"),
    ("loaded-language", "Loaded language"),
    ("sourcing", "Sourcing"),
    ("similarity", "Similarity"),
    ("distinctive-terms", "Distinctive vocabulary"),
    ("same-fact", "Same fact, different words"),
    ("syndication", "Syndication"),
    ("articles", "The articles"),
    ("methods", "Methods and limits"),
    ("provenance", "Provenance"),
)
HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def number(value) -> str:
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


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(autoescape=True, loader=PackageLoader("framing", "templates"), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["num"] = number
    return env


CLASS = re.compile(r"k[0-9]+|k-[a-z]+|lx[0-9]+|lx-[a-z]+")


def legend_css(legend: list[dict]) -> Markup:
    """Per legend class its colour, and per lexicon a no-script switch (a checkbox + :has()).

    Only program-made class names and colours shaped #rrggbb get in here.
    """
    rules = [f"mark.{entry['css']} {{ --c: {entry['colour']}; }}" for entry in legend
             if HEX.fullmatch(entry["colour"]) and CLASS.fullmatch(entry["css"])]
    groups = sorted({entry["group"] for entry in legend if CLASS.fullmatch(entry["group"])})
    rules += [f"body:has(#show-{g}:not(:checked)) .text mark.{g} {{ background: none; text-decoration: none; }}"
              for g in groups]
    return Markup("\n".join(rules))


def render(data, json_name: str = "report.json", embedded: bool = False) -> str:
    """The whole page as a string (deterministic for a given `data`).

    `embedded`: for a notebook's `<iframe srcdoc>`, where in-page links need
    `<base href="about:srcdoc">` (else they would load the notebook's URL).
    """
    css = Markup(resources.files("framing.templates").joinpath("report.css").read_text(encoding="utf-8"))
    template = environment().get_template("report.html")
    from framing.report.articles import legend_groups

    return template.render(r=data, css=css, legend_css=legend_css(data.legend), groups=legend_groups(data.legend),
                           sections=SECTIONS, json_name=json_name, embedded=embedded)

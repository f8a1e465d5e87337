"""Render a `ReportData` into one self-contained HTML page with Jinja2.

Autoescaping is on for every template, so corpus and lexicon text can never
become markup. `Markup` enters only through values the program built itself:
the figures' SVG (`charts.svg.Drawing`), the highlighted article HTML
(`highlight.highlight_article`, which escapes every text piece), the package's
own CSS file, and CSS rules whose colours were validated as `#rrggbb`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import TYPE_CHECKING

from markupsafe import Markup

from framing.reporting.highlight import plain_tip
from framing.reporting.legend import LegendEntry, legend_groups
from framing.reporting.registry import SECTIONS, shown
from framing.resources import read_data_text
from framing.templating import environment

if TYPE_CHECKING:
    from framing.reporting.build import ReportData

HEX = re.compile(r"#[0-9A-Fa-f]{6}")


CLASS = re.compile(r"k[0-9]+|k-[a-z]+|lx[0-9]+|lx-[a-z]+")


def legend_css(legend: list[LegendEntry]) -> Markup:
    """Per legend class its colour and tooltip, and per lexicon a no-script switch (a checkbox + :has()).

    Only program-made class names and colours shaped #rrggbb get in here.
    """
    rules = [
        f"mark.{entry['css']} {{ --c: {entry['colour']}; --tip: {css_string(plain_tip(entry['lexicon'], entry['label']))}; }}"
        for entry in legend
        if HEX.fullmatch(entry["colour"]) and CLASS.fullmatch(entry["css"])
    ]
    groups = sorted({entry["group"] for entry in legend if CLASS.fullmatch(entry["group"])})
    rules += [
        f"body:has(#show-{g}:not(:checked)) .text mark.{g} {{ background: none; text-decoration: none; }}"
        for g in groups
    ]
    return Markup("\n".join(rules))


def css_string(text: str) -> str:
    """`text` as a CSS string: every character but letters, digits and spaces as a hex escape.

    Labels come from lexicon files, so nothing in them may end the string or the `<style>` element.
    """
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def render(data: ReportData, json_name: str = "report.json", embedded: bool = False) -> str:
    """The whole page as a string (deterministic for a given `data`).

    `embedded`: for a notebook's `<iframe srcdoc>`, where in-page links need
    `<base href="about:srcdoc">` (else they would load the notebook's URL);
    the iframe is sandboxed without scripts, so the page carries none.
    """
    css = Markup(read_data_text("framing.reporting.templates", "report.css"))
    script = read_data_text("framing.reporting.templates", "report.js")
    template = environment().get_template("report.html")
    return template.render(
        r=data,
        css=css,
        legend_css=legend_css(data.legend),
        groups=legend_groups(data.legend),
        sections=shown(SECTIONS, data.sections),
        json_name=json_name,
        embedded=embedded,
        script=None if embedded else Markup(script),
        script_hash=None if embedded else Markup(script_hash(script)),
    )


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script: 'sha256-<base64 digest of its bytes>'."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"

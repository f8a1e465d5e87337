"""The class page: one self-contained HTML file to project or print (Jinja2, autoescape on, the report's CSP).

Rendered through the shared environment (`framing.templating`) from the
worksheets' templates (`class.html`, `_class_*.html`), with the report's
`_head.html` for its Content-Security-Policy: no script, no request, inline
styles only. Every student label, answer and piece of corpus text reaches the
page through autoescaping.
"""

from __future__ import annotations

from typing import Any

from framing._version import __version__
from framing.templating import environment


def render_class_page(results: dict[str, Any]) -> str:
    """The page for `framing.grading.results.class_results`' data."""
    return environment().get_template("class.html").render(r=results, version=__version__, embedded=False)

"""A small SVG writer: shapes and text in, one escaped `<svg>` element out, the same bytes every run.

Coordinates are CSS pixels rounded to 0.1, text stays text (searchable, drawn
with the reader's own sans-serif font, nothing fetched) and every piece of
corpus text goes through `markupsafe.escape`. The drawing keeps its size on
a narrow screen (`min-width`, inside a box that scrolls sideways), so a label
is never drawn smaller than `SMALLEST` px.
"""

from __future__ import annotations

import math
import re
import textwrap

from markupsafe import Markup, escape

FONT = 12
"""Text size of every label, in px."""
SMALLEST = 10
"""The smallest size, in px, a label may shrink to on a narrow screen."""
CHAR = 0.56
"""Average width of a sans-serif character, in ems: enough to lay out labels without measuring fonts."""
INK = "#000000"
MUTED = "#555555"
_NAME = re.compile(r"[a-z][a-z0-9-]*")


def num(value: float) -> str:
    """A coordinate as short text: 0.1 px is finer than any screen shows."""
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def text_width(text: str, size: float = FONT) -> float:
    """About how wide `text` is drawn at `size` px."""
    return len(text) * CHAR * size


def wrap(text: str, width: float, size: float = FONT) -> list[str]:
    """`text` broken into lines that fit `width` px."""
    return textwrap.wrap(text, max(12, int(width / (CHAR * size)))) or [""]


def _attrs(attributes: dict[str, object]) -> str:
    return "".join(
        f' {key.rstrip("_").replace("_", "-")}="{escape(num(value) if isinstance(value, float) else value)}"'
        for key, value in attributes.items()
        if value is not None
    )


class Drawing:
    """Shapes collected in drawing order; `svg()` closes them into one element."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.parts: list[str] = []
        self.linked = False

    def _shape(self, tag: str, tip: str | None, attributes: dict[str, object]) -> None:
        if tip is None:
            self.parts.append(f"<{tag}{_attrs(attributes)}/>")
        else:  # a <title> child is the mark's tooltip and what a screen reader says for it
            self.parts.append(f"<{tag}{_attrs(attributes)}><title>{escape(tip)}</title></{tag}>")

    def rect(self, x: float, y: float, w: float, h: float, fill: str, tip: str | None = None, **more: object) -> None:
        self._shape(
            "rect",
            tip,
            {"x": float(x), "y": float(y), "width": float(max(w, 0)), "height": float(h), "fill": fill, **more},
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str = INK, **more: object) -> None:
        self._shape(
            "line", None, {"x1": float(x1), "y1": float(y1), "x2": float(x2), "y2": float(y2), "stroke": stroke, **more}
        )

    def circle(self, x: float, y: float, r: float, fill: str, tip: str | None = None, **more: object) -> None:
        self._shape("circle", tip, {"cx": float(x), "cy": float(y), "r": float(r), "fill": fill, **more})

    def path(self, points: list[tuple[float, float]], close: bool = False, **more: object) -> None:
        """A polyline (or, closed, a polygon) through `points`."""
        if not points:
            return
        d = "M" + " L".join(f"{num(x)} {num(y)}" for x, y in points) + (" Z" if close else "")
        self._shape("path", None, {"d": d, **more})

    def text(
        self,
        x: float,
        y: float,
        content: str,
        anchor: str = "start",
        size: float = FONT,
        fill: str = INK,
        rotate: float | None = None,
        **more: object,
    ) -> None:
        transform = f"rotate({num(rotate)} {num(x)} {num(y)})" if rotate else None
        attributes = {"x": float(x), "y": float(y), "text-anchor": None if anchor == "start" else anchor}
        attributes |= {"font-size": None if size == FONT else float(size), "fill": None if fill == INK else fill}
        self.parts.append(f"<text{_attrs({**attributes, 'transform': transform, **more})}>{escape(content)}</text>")

    def lines(self, x: float, y: float, rows: list[str], step: float = FONT * 1.25, **more: object) -> float:
        """Several lines of text from `y` down; returns the y below the last one."""
        for row in rows:
            self.text(x, y, row, **more)  # type: ignore[arg-type]
            y += step
        return y

    def link(self, href: str, draw: Drawing) -> None:
        """The shapes of `draw` as one link to `href` (an anchor of this page)."""
        if not href.startswith("#"):
            raise ValueError(f"a figure links only within the page, not to {href!r}")
        self.parts.append(f'<a href="{escape(href)}">{"".join(draw.parts)}</a>')
        self.linked = True

    def svg(self, name: str, alt: str, heading: str = "") -> Markup:
        """The drawing as an inline `<svg>`: `alt` its accessible name, `heading` its description.

        `name` (chosen by the program, not user text) prefixes the ids, as several figures share a page.
        A drawing with links is a group, not an image: an image's parts are hidden from assistive
        technology, and a link inside one could not be reached.
        """
        if not _NAME.fullmatch(name):
            raise ValueError(f"figure name {name!r} must be a lower-case identifier")
        width, height = math.ceil(self.width), math.ceil(self.height)
        least = math.ceil(width * SMALLEST / FONT)
        role = "group" if self.linked else "img"
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="{role}" aria-labelledby="{name}-title" class="figure-svg" '
            f'style="min-width:{least}px" font-family="sans-serif" font-size="{FONT}">'
            f'<title id="{name}-title">{escape(alt)}</title>'
        )
        desc = f"<desc>{escape(heading)}</desc>" if heading else ""
        return Markup(head + desc + "".join(self.parts) + "</svg>")

"""Teach: printable, blinded media-literacy worksheets and their answer keys.

`worksheet.exercise` builds a `Worksheet`: `sources` picks and orders the
articles, `blind` hides who wrote them, `tasks` builds the five tasks from the
scores and the comparison, `model` is the plain data and `render` the HTML.
"""

from framing.worksheets.worksheet import Worksheet, exercise

__all__ = ["exercise", "Worksheet"]

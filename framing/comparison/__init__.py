"""Compare: how outlets differ when they tell the same story.

`pipeline.compare` runs, in order: `terms` (document x term counts),
`duplicates` (syndicated copies), `stories` (which articles report one event),
`similarity` and `cluster` (outlet profiles), `distinctive` (words that set an
outlet apart) and `align` (the same fact in different words).
"""

from framing.comparison.pipeline import Comparison, compare

__all__ = ["compare", "Comparison"]

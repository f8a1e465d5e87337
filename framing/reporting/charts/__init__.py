"""The report's figures as SVG written from the numbers, without matplotlib.

Why not matplotlib here: importing it and laying out twelve figures was most
of the report's cold start (about 1.5 s of 3 s CPU on the bundled corpus),
and its SVG weighed a third of a 1,000-article page. These charts are plain
bars, dots, grids and lines, so writing the SVG directly is short, exact and
the same bytes on every run. One drawing serves every screen: it keeps its
drawn size on a phone, inside a box that scrolls sideways, so no label is
ever shown smaller than 10 px. `framing.plots` keeps the matplotlib versions
for notebooks.
"""

"""The report's sections, one module each: the data a section shows, as plain JSON-ready values.

A section is one module here (a function from the scores, the comparison or
the corpus to dicts, lists, numbers and strings), one template
`templates/_<module>.html`, and one line in `framing.reporting.registry`.
No HTML is made here except program-built evidence sentences (escaped piece
by piece in `framing.reporting.highlight`).
"""

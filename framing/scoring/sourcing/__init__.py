"""Sourcing: who is quoted or cited, and how (direct quotes, attributions, speakers).

`attribution` finds quotations and reported speech and names their speakers;
`quote_marks` pairs quotation marks. The rule table is in `data/`.
"""

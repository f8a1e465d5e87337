"""Stance toward the actors of a story: how each sentence treats a named target.

`targets` reads the targets file (actors, aliases, frames); `model` is the
fitted sentence-level model (`target_stance`); `article` applies it to every
mention in an article; `voice` and `place` are the rules that keep quoted
speakers and place names from counting as stance. Fitted weights and rule
tables are in `data/`.
"""

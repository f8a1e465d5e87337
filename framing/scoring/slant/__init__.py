"""Sentence slant: how likely a sentence reads as biased to an expert, and the words that carry it."""

from framing.scoring.slant.model import SentenceSlant, SlantModel, sentence_slant

__all__ = ["SentenceSlant", "SlantModel", "sentence_slant"]

"""Bundled corpora, installed as package data `framing.corpora` (one folder each)."""

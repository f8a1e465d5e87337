"""Accuracy studies: scripts that measure framing against human labels (run each with python evaluation/NAME.py)."""

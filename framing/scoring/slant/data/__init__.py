"""Package data: the fitted slant weights and their datasheet, read through framing.resources."""

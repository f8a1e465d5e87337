"""Package data: lexicons data, read through framing.resources."""

"""Package data: reporting templates, read through framing.resources."""

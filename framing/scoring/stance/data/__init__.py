"""Package data: stance data, read through framing.resources."""

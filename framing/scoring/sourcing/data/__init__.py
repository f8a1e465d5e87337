"""Package data: sourcing data, read through framing.resources."""

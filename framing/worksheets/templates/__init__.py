"""Package data: worksheets templates, read through framing.resources."""

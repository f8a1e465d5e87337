"""Jinja2 templates and inlined assets for reports and worksheets."""

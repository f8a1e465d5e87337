"""The single source of the package version (read by setup.cfg and the reports)."""

__version__ = "0.1.0"

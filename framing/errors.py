"""Errors a user can fix, kept apart from bugs.

Anything raised as `FramingError` is bad input (a missing file, a malformed
lexicon, an unknown column ...). The CLI prints its message as one line on
stderr and exits with code 2; the library lets it propagate as an exception.
Messages name the file (and line or row) and say what to do.
"""


class FramingError(Exception):
    """Bad input that the user can fix; the message says how."""

"""Errors a user can fix, kept apart from bugs.

Anything raised as `FramingError` is bad input (a missing file, a malformed
lexicon, an unknown column ...). The CLI prints its message as one line on
stderr and exits with code 2; the library lets it propagate as an exception.
Messages name the file (and line or row) and say what to do.
"""


class FramingError(Exception):
    """Bad input that the user can fix; the message says how."""


def yaml_error(
    exc: BaseException, where: object, what: str, hint: str, *, first_line: int = 1, at: str = ":{line}"
) -> FramingError:
    """The one way a YAML syntax error becomes a FramingError: `<where><at line>: <what> (<problem>); <hint>`.

    PyYAML's message runs over several lines; only its `problem` (or its first
    line) is kept, so the error stays one line, and the line comes from its
    `problem_mark`. `first_line` is the file line of the YAML text's first line
    (2 for front matter after its `---`); `at` writes the line in the caller's
    convention (`:{line}` for lexicons and targets, ` line {line}` for corpus files).
    """
    mark = getattr(exc, "problem_mark", None)
    line = at.format(line=mark.line + first_line) if mark is not None else ""
    problem = getattr(exc, "problem", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
    return FramingError(f"{where}{line}: {what} ({problem}); {hint}")

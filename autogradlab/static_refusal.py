"""Was a failed run refused before any of it ran (a syntax error, a construct the static checker
refuses), or did it stop while running?

The Report does not say which; the Graph page needs to know so it does not call an empty result
"computed before the error" when nothing ran. The answer comes from the same static reading the
worker does first (lang/parse.py, torch-free, as autogradlab/free_names.py uses it in this process):
the run was refused statically when reading the program alone gives the very error the run gave.
"""

from __future__ import annotations

from autogradlab.errors import ProgramError, ProgramSyntaxError
from autogradlab.report import ErrorInfo

# What the static reading can raise. A timeout, memory, crash or internal error happened while
# running (or ran out of time reading): the text is then not read again here, in the page's process.
STATIC_KINDS = frozenset({"syntax", "unsupported", "limit", "name", "type", "value"})


def refused_before_running(source: str, error: ErrorInfo | None) -> bool:
    """True when `error` is the one the static reading of `source` raises: nothing ran."""
    if error is None or error.kind not in STATIC_KINDS:
        return False
    static = _static_error(source)
    return static is not None and (static.kind, static.line, static.message) == (
        error.kind, error.line, error.message)


def _static_error(source: str) -> ErrorInfo | None:
    from autogradlab.errors import NotSupported
    from autogradlab.lang.notebook_lines import skip_notebook_lines
    from autogradlab.lang.parse import parse_program
    from autogradlab.lang.repair import split_run_together
    from autogradlab.limits import DEFAULT_LIMITS

    try:
        parse_program(source)
        return None
    except NotSupported as exc:   # the worker runs it without its notebook set-up lines, if that is all
        try:
            skipped = skip_notebook_lines(source, DEFAULT_LIMITS)   # (engine/parsed_programs.py)
        except ProgramError as later:   # a later notebook line that is not harmless
            return later.to_info()
        if skipped is None:
            return exc.to_info()
        source = skipped[0]
    except ProgramError as exc:
        if not isinstance(exc, ProgramSyntaxError):
            return exc.to_info()
    try:
        parse_program(source)
        return None
    except ProgramSyntaxError as exc:
        repaired = split_run_together(source)   # the worker runs the split program (engine/run.py)
        if repaired is None:
            return exc.to_info()
    except ProgramError as exc:
        return exc.to_info()
    try:
        parse_program(repaired)
        return None
    except ProgramError as exc:
        return exc.to_info()

"""The front door of the safe language: program text in, a checked `ast.Module` out.

Order matters, cheapest and most dangerous first:
  1. size, line count and line length (guards.check_size);
  2. one linear scan for invisible/confusable characters, non-ASCII code, bracket and unary-chain
     nesting and notebook `!`/`%` lines (guards.scan_code), so CPython's recursive parser never
     sees input that could make it raise RecursionError/MemoryError;
  3. removal of indentation shared by every line (a pasted notebook cell);
  4. ast.parse, still guarded, with SyntaxError told in plain words (syntax_errors);
  5. the static allowlist walk (checker.StaticChecker), including the import table
     (allowed_imports.ALLOWED_IMPORTS, re-exported here for the interpreter).

Positions in the returned tree refer to the text as the user typed it: when common indentation was
removed, every col_offset/end_col_offset is shifted back. Only ProgramError subclasses leave this
module, and it never imports torch.
"""

from __future__ import annotations

import ast
import warnings

from autogradlab.errors import InternalError, LimitExceeded, ProgramError, ProgramTypeError
from autogradlab.lang.allowed_imports import ALLOWED_IMPORTS, IMPORTABLE_MODULES, import_bindings
from autogradlab.lang.bare_names import mark_callees
from autogradlab.lang.checker import StaticChecker
from autogradlab.lang.constant_identity import merge_constants
from autogradlab.lang.guards import check_size, remove_common_indent, scan_code, split_lines
from autogradlab.lang.syntax_errors import translate_syntax_error
from autogradlab.limits import DEFAULT_LIMITS, Limits

__all__ = ["ALLOWED_IMPORTS", "IMPORTABLE_MODULES", "import_bindings", "parse_program"]


def parse_program(source: str, limits: Limits = DEFAULT_LIMITS) -> ast.Module:
    """Parse and statically check a user program; raise a ProgramError for anything refused."""
    try:
        return _parse(source, limits)
    except ProgramError:
        raise
    except (RecursionError, MemoryError):
        raise _too_complex(limits) from None
    except Exception as exc:  # a bug here must still not reach the user as a traceback
        raise InternalError("the program could not be read (an internal error in the parser)") from exc


def _parse(source: str, limits: Limits) -> ast.Module:
    if not isinstance(source, str):
        raise ProgramTypeError(f"a program must be text, not {type(source).__name__}")
    check_size(source, limits)
    scan_code(source, limits)
    text, indent = remove_common_indent(source)
    try:
        with warnings.catch_warnings():  # "invalid decimal literal" etc. must not reach stderr
            warnings.simplefilter("ignore")
            tree = ast.parse(text, filename="<program>", mode="exec")
    except SyntaxError as exc:
        if "too many nested parentheses" in str(exc.msg):
            raise _too_complex(limits) from None
        raise translate_syntax_error(exc, text, indent) from None
    except ValueError as exc:  # e.g. null bytes; guards refuse them first
        raise translate_syntax_error(SyntaxError(str(exc)), text, indent) from None
    if indent:
        _shift_columns(tree, indent)
    StaticChecker(split_lines(source), limits).check(tree)
    mark_callees(tree)
    merge_constants(tree, limits.max_sequence_len)
    return tree


def _too_complex(limits: Limits) -> LimitExceeded:
    return LimitExceeded(
        f"the program is nested too deeply to read (limit max_nesting = {limits.max_nesting})",
        line=1, column=1, hint="split long or deeply nested expressions into several assignments")


def _shift_columns(tree: ast.AST, indent: int) -> None:
    for node in ast.walk(tree):  # ast.walk is iterative
        if getattr(node, "col_offset", None) is not None:
            node.col_offset += indent
        if getattr(node, "end_col_offset", None) is not None:
            node.end_col_offset += indent

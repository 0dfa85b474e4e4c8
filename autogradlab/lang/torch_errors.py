"""PyTorch's exceptions, retold in plain words with a hint (the caller fills in line and column).

PyTorch's messages are written for people who know its internals ("mat1 and mat2 shapes cannot be
multiplied", "a leaf Variable that requires grad..."), and some carry C++ frames. Each rule
(torch_error_rules.py) matches one message family (checked against torch 2.13) and names the shapes
from the call's arguments where that helps. Anything unmatched keeps torch's first line, cleaned of
frames, paths and addresses (torch_error_text.py). Shapes are read by duck typing, so none of these
modules needs torch itself.

`op` is the torch function, tensor method or operator symbol the program called ("cat", "mm",
"@", "+", "backward", ...); `args` are its positional arguments, with the tensor itself first for
a method call (`y.backward()` -> op="backward", args=(y,)).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from autogradlab.errors import (
    LimitExceeded,
    ProgramError,
    ProgramIndexError,
    ProgramTypeError,
    ProgramValueError,
)
from autogradlab.lang.torch_error_rules import RULES
from autogradlab.lang.torch_error_text import first_line, memory_error, said

MESSAGE_CHARS = 2_000


def translate(exc: BaseException, op: str, args: Sequence[object]) -> ProgramError:
    """Turn an exception raised by a torch call into a ProgramError of the right kind."""
    if isinstance(exc, ProgramError):
        return exc
    if isinstance(exc, MemoryError):
        return memory_error(op, None)
    if isinstance(exc, RecursionError):
        return LimitExceeded(f"{op}: the computation is nested too deeply")
    # Only the head of a message is read: a program can put 100,000 characters into one (a bad
    # `rounding_mode=` string) and some patterns below are not linear on such lines.
    text = (str(exc.args[0]) if exc.args else str(exc))[:MESSAGE_CHARS]
    shapes = _shapes(args)
    for pattern, handler in RULES:
        match = pattern.search(text)
        if match:
            return handler(match, op, shapes)
    return _fallback(exc, op, text)


def _shapes(args: Sequence[object]) -> list[tuple[int, ...]]:
    """Shapes of the tensor arguments, looking one level into lists and tuples (cat, stack)."""
    found: list[tuple[int, ...]] = []
    for arg in args:
        items = arg if isinstance(arg, list | tuple) else [arg]
        for item in items:
            shape = getattr(item, "shape", None)
            if shape is not None and hasattr(item, "dim"):
                try:
                    found.append(tuple(int(size) for size in shape))
                except (TypeError, ValueError):
                    continue
    return found


_INVALID_ARGS = re.compile(r"received an invalid combination of arguments - got \(([^)]*)\)")


def _fallback(exc: BaseException, op: str, text: str) -> ProgramError:
    invalid = _INVALID_ARGS.search(text)
    if invalid:
        return ProgramTypeError(f"{op}() does not accept these arguments: ({invalid.group(1)})",
                                hint="check the argument types and keyword names")
    message = first_line(text, op)
    if isinstance(exc, IndexError):
        return said(ProgramIndexError, message)
    if isinstance(exc, TypeError):
        return said(ProgramTypeError, message)
    if isinstance(exc, ZeroDivisionError):
        return ProgramValueError(f"{op}: division by zero")
    return said(ProgramValueError, message)

"""`np.set_printoptions(precision=3, linewidth=120)`: the first cell of Kloeckner's numerics demos.

NumPy's print options are process state, like torch's (print_options.py): they hold for the rest of the
program and for the report's texts of its variables, and run_program restores the ones the run started
with (process_switches.restore), so the next program never sees them (security.md 6). Only the options
that cannot make a text heavier than text_weight.py counts it are taken: `precision` (at most
MAX_PRECISION digits: an array's items are weighed at about 20 characters each), `linewidth` (where lines
break) and `suppress` (no scientific notation). threshold/edgeitems/formatter & co. are refused by name.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported, ProgramTypeError, ProgramValueError
from autogradlab.lang.print_options import MAX_LINEWIDTH
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_PRECISION = 20
_RANGES = {"precision": (0, MAX_PRECISION), "linewidth": (1, MAX_LINEWIDTH)}
NumpyPrintState = dict[str, Any]


def numpy_print_state() -> NumpyPrintState:
    return np.get_printoptions()


def restore_numpy_print_state(state: NumpyPrintState) -> None:
    np.set_printoptions(**state)


def _checked(name: str, value: Any) -> Any:
    if name == "suppress":
        if type(value) is not bool:
            raise ProgramTypeError("np.set_printoptions: suppress must be True or False")
        return value
    low, high = _RANGES[name]
    if type(value) is not int:
        raise ProgramTypeError(f"np.set_printoptions: {name} must be a whole number")
    if not low <= value <= high:
        raise ProgramValueError(f"np.set_printoptions: {name} must be between {low} and {high} "
                                "in Autograd Lab")
    return value


def _set_printoptions(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    given = dict(zip(("precision",), args, strict=False)) if len(args) <= 1 else None
    unknown = set(kwargs) - {"precision", "linewidth", "suppress"}
    if given is None or unknown or set(given) & set(kwargs):
        raise NotSupported("Autograd Lab supports `np.set_printoptions(precision=..., linewidth=..., "
                           "suppress=...)`")
    given.update(kwargs)
    np.set_printoptions(**{name: _checked(name, value) for name, value in given.items()})
    return None


def numpy_print_option_members() -> dict[str, SafeFunction]:
    return {"set_printoptions": SafeFunction("numpy.set_printoptions", _set_printoptions)}

"""`torch.set_printoptions(...)` as a lesson's first cell calls it (Deep Learning with PyTorch, chapter 5:
`torch.set_printoptions(edgeitems=2, linewidth=75)`): how many items a tensor's text shows and how.

The options are process state, as in PyTorch: they last for the rest of the program, and the report's
texts of its variables are made with them (as a notebook shows them); run_program (engine/run.py) then
restores the options the run started with (process_switches.restore), so the next program never sees
them (security.md 6).

What a text costs stays known before it is made: text_weight.py weighs a tensor by the items these
options show (`threshold=float('inf')` or `profile='full'` show every item, so printing a big tensor is
refused by the text-size limits before torch formats it), and each option is checked here: whole numbers
in fixed ranges (a precision of 10**9 would make one number a gigabyte of text), `sci_mode` a bool.
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np
import torch
import torch._tensor_str as _torch_str

from autogradlab.errors import ProgramTypeError, ProgramValueError
from autogradlab.lang.named_arguments import bind_named
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_PRECISION = 100        # digits after the point
MAX_EDGEITEMS = 1_000      # items shown at each end of a summarised dimension
MAX_LINEWIDTH = 10_000     # characters per line
WHOLE_RANGES = {"precision": (0, MAX_PRECISION), "edgeitems": (0, MAX_EDGEITEMS),
                "linewidth": (1, MAX_LINEWIDTH)}
PARAMETERS = ("precision", "threshold", "edgeitems", "linewidth", "profile", "sci_mode")

PrintState = tuple[int, float, int, int, "bool | None", dict]


def print_state() -> PrintState:
    """torch's options, and NumPy's last (np.set_printoptions: numpy_print_options.py)."""
    o = _torch_str.PRINT_OPTS
    return o.precision, o.threshold, o.edgeitems, o.linewidth, o.sci_mode, np.get_printoptions()


def restore_print_state(state: PrintState) -> None:
    precision, threshold, edgeitems, linewidth, sci_mode, numpy_options = state
    torch.set_printoptions(precision=precision, threshold=threshold, edgeitems=edgeitems,
                           linewidth=linewidth, sci_mode=sci_mode)
    np.set_printoptions(**numpy_options)


def shown_options() -> tuple[float, int, int]:
    """(threshold, edgeitems, precision) in force: a tensor of more than `threshold` items shows
    `edgeitems` at each end of every dimension, numbers with `precision` digits (text_weight.py)."""
    o = _torch_str.PRINT_OPTS
    return o.threshold, o.edgeitems, o.precision


def _arguments(args: list, kwargs: dict) -> dict[str, Any]:
    if len(args) > len(PARAMETERS):
        raise ProgramTypeError(f"set_printoptions() takes from 0 to {len(PARAMETERS)} positional arguments "
                               f"but {len(args)} were given")
    return bind_named("set_printoptions", PARAMETERS, args, kwargs, keywords=PARAMETERS)


def _checked(name: str, value: Any) -> Any:
    """The option's value, or a refusal naming what it may be."""
    if value is None:
        return None
    if name in WHOLE_RANGES:
        low, high = WHOLE_RANGES[name]
        if type(value) is not int:
            raise ProgramTypeError(f"set_printoptions(): {name} must be an int, not {type(value).__name__}")
        if not low <= value <= high:
            raise ProgramValueError(f"set_printoptions(): {name} must be from {low} to {high} in Autograd "
                                    f"Lab, not {value}")
        return value
    if name == "threshold":
        if type(value) not in (int, float) or (type(value) is float and math.isnan(value)):
            raise ProgramTypeError(f"set_printoptions(): threshold must be a number, not "
                                   f"{type(value).__name__}")
        if value < 0:
            raise ProgramValueError(f"set_printoptions(): threshold must be from 0 to inf in Autograd Lab, "
                                    f"not {value}")
        return value
    if name == "sci_mode":
        if type(value) is not bool:
            raise ProgramTypeError(f"set_printoptions(): sci_mode must be a bool, not {type(value).__name__}")
        return value
    if type(value) is not str:   # profile: PyTorch ignores a name it does not know, and so do we
        raise ProgramTypeError(f"set_printoptions(): profile must be a str, not {type(value).__name__}")
    return value


def _set_printoptions(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    given = {name: _checked(name, value) for name, value in _arguments(args, kwargs).items()}
    torch.set_printoptions(**given)   # every value checked above; sci_mode=None resets it, as in PyTorch
    return None


def print_option_members() -> dict[str, SafeFunction]:
    return {"set_printoptions": SafeFunction("torch.set_printoptions", _set_printoptions)}

"""`np.set_printoptions(precision=2, linewidth=140)`, as fast.ai's course22p2 notebooks set it next to
torch's (01_matmul cell 58, 03_backprop cell 1).

Process state, as torch's print options (print_options.py): they last for the rest of the program,
the report's texts of its variables are made with them, and run_program restores the options the run
started with (print_options.print_state holds NumPy's too), so the next program never sees them.

Only the options that keep a text's size known take part: `precision` (0-16 digits: a float64 has no
more; text_weight.py weighs an array by NumPy's default threshold and edge items, which stay), the
`linewidth` (1-10,000 characters, as torch's), and `suppress` (a bool). `threshold`, `edgeitems`
(how many items a text shows), `formatter` (a function per item), `floatmode`, `sign`, `legacy`,
`nanstr`, `infstr` and `override_repr` are refused by name.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported, ProgramTypeError, ProgramValueError
from autogradlab.lang.named_arguments import bind_named
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_NUMPY_PRECISION = 16
RANGES = {"precision": (0, MAX_NUMPY_PRECISION), "linewidth": (1, 10_000)}
PARAMETERS = ("precision", "threshold", "edgeitems", "linewidth", "suppress", "nanstr", "infstr",
              "formatter", "sign", "floatmode", "legacy", "override_repr")   # NumPy's order


def _checked(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name not in RANGES and name != "suppress":
        raise NotSupported(f"`np.set_printoptions({name}=...)` is not supported in Autograd Lab (only "
                           f"precision, linewidth and suppress)")
    if name == "suppress":
        if type(value) is not bool:
            raise ProgramTypeError(f"np.set_printoptions(): suppress must be a bool, not "
                                   f"{type(value).__name__}")
        return value
    low, high = RANGES[name]
    if type(value) is not int:
        raise ProgramTypeError(f"np.set_printoptions(): {name} must be an int, not {type(value).__name__}")
    if not low <= value <= high:
        raise ProgramValueError(f"np.set_printoptions(): {name} must be from {low} to {high} in Autograd "
                                f"Lab, not {value}")
    return value


def _set_printoptions(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    if len(args) > len(PARAMETERS):
        raise ProgramTypeError(f"set_printoptions() takes from 0 to {len(PARAMETERS)} positional arguments "
                               f"but {len(args)} were given")
    given = bind_named("set_printoptions", PARAMETERS, args, kwargs, keywords=PARAMETERS)
    checked = {name: _checked(name, value) for name, value in given.items()}
    np.set_printoptions(**{name: value for name, value in checked.items() if value is not None})
    return None


def numpy_print_members() -> dict[str, SafeFunction]:
    return {"set_printoptions": SafeFunction("numpy.set_printoptions", _set_printoptions)}

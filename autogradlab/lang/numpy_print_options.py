"""`np.set_printoptions(precision=2, linewidth=140)`, as fast.ai's course22p2 notebooks set it next to
torch's (01_matmul cell 58, 03_backprop cell 1).

Process state, as torch's print options (print_options.py): they last for the rest of the program,
the report's texts of its variables are made with them, and run_program restores the options the run
started with (print_options.print_state holds NumPy's too), so the next program never sees them.

Only the options that keep a text's size known take part: `precision` (0-100 digits, as torch's: a
float64 has 17 significant ones, floatmode='fixed' writes the rest of its binary expansion), the
`linewidth` (1-10,000 characters, as torch's), `suppress` (a bool), since session 34 (NumPy's how-to-print
page) `floatmode` and `sign` (NumPy's few words), and since session 36 any `threshold` (an int up to
sys.maxsize, or np.inf: "print the whole array", as lessons write it) and `edgeitems` up to 1,000 (as
torch's): text_weight.py weighs an array by the items these show and the precision's digits, so printing
a big array whole is refused by the text-size limits before NumPy formats it (np.testing's mismatch text
is written under threshold <= 1,000: numpy_testing.py), `nanstr` / `infstr` of at most 8 characters (an item's
text no longer than a float64's). `formatter` (a function per item), `legacy` and `override_repr` are
refused by name, except at the values get_printoptions() gives for them (None, False: NumPy's defaults,
which the run never leaves), so `np.set_printoptions(**np.get_printoptions())` runs as in NumPy.
`np.get_printoptions()` gives NumPy's dict; `with np.printoptions(...)` sets them for the block and puts
back the ones before, as NumPy's own context manager does (a limit that stops the run inside the block
leaves run_program to restore them, as for any option).
"""

from __future__ import annotations

import ast
import math
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported, ProgramTypeError, ProgramValueError
from autogradlab.lang.named_arguments import bind_named
from autogradlab.lang.print_options import MAX_EDGEITEMS, MAX_LINEWIDTH, MAX_PRECISION
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_NUMPY_PRECISION = MAX_PRECISION   # 100 digits, as torch.set_printoptions's
RANGES = {"precision": (0, MAX_NUMPY_PRECISION), "linewidth": (1, MAX_LINEWIDTH),
          "threshold": (0, sys.maxsize), "edgeitems": (0, MAX_EDGEITEMS)}
WORDS = {"floatmode": ("fixed", "unique", "maxprec", "maxprec_equal"), "sign": ("-", "+", " ")}
MAX_MARK_CHARS = 8   # nanstr / infstr
PARAMETERS = ("precision", "threshold", "edgeitems", "linewidth", "suppress", "nanstr", "infstr",
              "formatter", "sign", "floatmode", "legacy", "override_repr")   # NumPy's order


def _checked(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name == "legacy" and value is False:   # NumPy's default (no legacy mode), as get_printoptions says
        return None
    if name in WORDS:
        if value not in WORDS[name]:
            raise ProgramValueError(f"np.set_printoptions(): {name} must be one of {', '.join(WORDS[name])}")
        return value
    if name in ("nanstr", "infstr"):
        if type(value) is not str or len(value) > MAX_MARK_CHARS:
            raise ProgramValueError(f"np.set_printoptions(): {name} must be a string of at most "
                                    f"{MAX_MARK_CHARS} characters in Autograd Lab")
        return value
    if name not in RANGES and name != "suppress":
        raise NotSupported(f"`np.set_printoptions({name}=...)` is not supported in Autograd Lab (only "
                           f"precision, threshold, edgeitems, linewidth, suppress, nanstr, infstr, sign and "
                           f"floatmode)")
    if name == "suppress":
        if type(value) is not bool:
            raise ProgramTypeError(f"np.set_printoptions(): suppress must be a bool, not "
                                   f"{type(value).__name__}")
        return value
    low, high = RANGES[name]
    if name == "threshold" and type(value) is float and not value < math.inf:   # np.inf: every item
        if math.isnan(value):
            raise ProgramValueError("threshold must be non-NAN, try sys.maxsize for untruncated "
                                    "representation")
        return value
    if type(value) is not int:
        raise ProgramTypeError(f"np.set_printoptions(): {name} must be an int, not {type(value).__name__}")
    if not low <= value <= high:
        raise ProgramValueError(f"np.set_printoptions(): {name} must be from {low} to {high} in Autograd "
                                f"Lab, not {value}")
    return value


def _options(name: str, args: list, kwargs: dict) -> dict[str, Any]:
    if len(args) > len(PARAMETERS):
        raise ProgramTypeError(f"{name}() takes from 0 to {len(PARAMETERS)} positional arguments "
                               f"but {len(args)} were given")
    given = bind_named(name, PARAMETERS, args, kwargs, keywords=PARAMETERS)
    checked = {name: _checked(name, value) for name, value in given.items()}
    return {name: value for name, value in checked.items() if value is not None}


def _set_printoptions(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    np.set_printoptions(**_options("set_printoptions", args, kwargs))
    return None


def _get_printoptions(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> dict:
    if args or kwargs:
        raise ProgramTypeError("get_printoptions() takes no arguments")
    return dict(np.get_printoptions())   # numbers, words, None and False: plain values


def _within(options: dict) -> Iterator[dict]:
    before = np.get_printoptions()
    np.set_printoptions(**options)
    try:
        yield dict(np.get_printoptions())
    finally:
        np.set_printoptions(**before)


def _printoptions(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang.context_managers import GeneratorManager  # a contextlib manager, as NumPy's
    return GeneratorManager(_within(_options("printoptions", args, kwargs)))


def numpy_print_members() -> dict[str, SafeFunction]:
    return {"set_printoptions": SafeFunction("numpy.set_printoptions", _set_printoptions),
            "get_printoptions": SafeFunction("numpy.get_printoptions", _get_printoptions),
            "printoptions": SafeFunction("numpy.printoptions", _printoptions)}

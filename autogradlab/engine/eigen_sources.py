"""Where the Eigen page's matrix can come from besides typed numbers: a 2×2/3×3 tensor variable of
the user's program, or the Jacobian of the user's 2→2 function at a point (its linearization).

The Jacobian is computed by the same sandbox as every program: the user's source plus three
generated lines that call torch.autograd.functional.jacobian, so it goes through the safe language
and its limits. Nothing here runs code; it only writes program text and reads Reports.
"""

from __future__ import annotations

import ast
import math

import numpy as np

from autogradlab.engine.eigen import SIZES, EigenInputError, matrix_from_values
from autogradlab.report import Report

JACOBIAN_VAR = "_eigen_J"
POINT_VAR = "_eigen_p"


def matrix_value(value: object) -> object | None:
    """The values of a tensor, or of a NumPy array (Kloeckner's Gram-Schmidt demo: `A`, `Q`), else None."""
    data = getattr(value, "value", None)
    if getattr(value, "kind", "") == "tensor":
        return data
    if getattr(value, "kind", "") == "array" and isinstance(data, np.ndarray) and data.dtype.kind in "biuf":
        return data
    return None


def matrix_variables(report: Report) -> list[str]:
    """Names of the program's square 2×2 / 3×3 real tensors and NumPy arrays, in the program's order
    (a complex tensor is left out, as a complex array is: matrix_from_values refuses it, and the
    picker offered torch's linalg docs' `Apinv` first, then said it could not analyse it)."""
    names = []
    for name, value in report.variables.items():
        data = matrix_value(value)
        shape = tuple(np.shape(data)) if data is not None else ()
        if (len(shape) == 2 and shape[0] == shape[1] in SIZES and not name.startswith("_eigen_")
                and not np.iscomplexobj(data)):
            names.append(name)
    return names


def one_argument(args: ast.arguments) -> bool:
    """A function jacobian(f, p) can call as f(p): one positional parameter without a default (or
    *args), every other one with a default. `def model(x, w, b)` was offered and its Jacobian
    "stopped with an error: model() missing 2 required positional arguments" (s33 sweep:
    bench/views_sweep.py, a hundred such functions in the tutorials)."""
    positional = [*args.posonlyargs, *args.args]
    required = len(positional) - len(args.defaults)
    keywords = all(d is not None for d in args.kw_defaults)
    return keywords and (required == 1 or (required == 0 and (positional or args.vararg is not None)))


def functions_in(source: str) -> list[str]:
    """Top-level functions of the program (`def f` and `f = lambda ...`) that take one argument, for
    the Jacobian picker. Only parses; a program that does not parse has none."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    bound: dict[str, bool] = {}   # name -> its last top-level binding is a function of one argument
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            bound[node.name] = one_argument(node.args)
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            function = isinstance(node.value, ast.Lambda) and one_argument(node.value.args)
            for target in targets:   # `f = (u + v)**2` after `def f(x, y)` (d2l): f is a tensor now
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        bound[name.id] = function and name is target
    return [name for name, function in bound.items() if function]


def jacobian_program(source: str, function: str, point: tuple[float, float]) -> str:
    """The user's program followed by the Jacobian of `function` at `point` (float64). The added lines import
    torch themselves: a NumPy lesson (smmarche's Newton's method) never did, and the page then said "name
    'torch' is not defined" about a name the student never wrote. A function whose own tensors are
    float32 (`W @ p` with `W = torch.tensor([[1.0, 2.0], ...])`, most programs) fails on a float64 point
    ("matmul: both tensors need the same dtype"), as in PyTorch: then the point is float32."""
    if not function.isidentifier():
        raise EigenInputError(f"{function[:40]!r} is not a function name")
    if len(point) != 2 or not all(isinstance(p, int | float) and math.isfinite(p) for p in point):
        raise EigenInputError("the point must be two finite numbers x, y")
    x, y = (float(p) for p in point)
    return (f"{source.rstrip()}\n"
            "import torch\n"
            f"{POINT_VAR} = torch.tensor([{x!r}, {y!r}], dtype=torch.float64)\n"
            "try:\n"
            f"    {JACOBIAN_VAR} = torch.autograd.functional.jacobian({function}, {POINT_VAR})\n"
            "except RuntimeError:\n"
            f"    {JACOBIAN_VAR} = torch.autograd.functional.jacobian({function}, {POINT_VAR}.float())\n")


def matrix_from_report(report: Report, name: str) -> np.ndarray:
    """The variable's values as a checked matrix, or EigenInputError in plain words."""
    if report.error is not None:
        raise EigenInputError(f"the program stopped with an error: {report.error.message}")
    value = report.variables.get(name)
    if value is None:
        raise EigenInputError(f"the program has no variable `{name}`")
    data = matrix_value(value)
    if data is None:
        raise EigenInputError(f"`{name}` is not a tensor with values")
    if name == JACOBIAN_VAR and np.shape(data) != (2, 2):
        raise EigenInputError(f"the function's Jacobian has shape {tuple(np.shape(data))}: the Eigen "
                              "page needs a function from 2 numbers to 2 numbers")
    return matrix_from_values(data, name)

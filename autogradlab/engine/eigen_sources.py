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
    """Names of the program's square 2×2 / 3×3 real tensors and NumPy arrays, in the program's order."""
    names = []
    for name, value in report.variables.items():
        data = matrix_value(value)
        shape = tuple(np.shape(data)) if data is not None else ()
        if len(shape) == 2 and shape[0] == shape[1] in SIZES and not name.startswith("_eigen_"):
            names.append(name)
    return names


def functions_in(source: str) -> list[str]:
    """Top-level functions of the program (`def f` and `f = lambda ...`), for the Jacobian picker.
    Only parses; a program that does not parse has none."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    names = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
    return names


def jacobian_program(source: str, function: str, point: tuple[float, float]) -> str:
    """The user's program followed by the Jacobian of `function` at `point` (float64). The added lines import
    torch themselves: a NumPy lesson (smmarche's Newton's method) never did, and the page then said "name
    'torch' is not defined" about a name the student never wrote."""
    if not function.isidentifier():
        raise EigenInputError(f"{function[:40]!r} is not a function name")
    if len(point) != 2 or not all(isinstance(p, int | float) and math.isfinite(p) for p in point):
        raise EigenInputError("the point must be two finite numbers x, y")
    x, y = (float(p) for p in point)
    return (f"{source.rstrip()}\n"
            "import torch\n"
            f"{POINT_VAR} = torch.tensor([{x!r}, {y!r}], dtype=torch.float64)\n"
            f"{JACOBIAN_VAR} = torch.autograd.functional.jacobian({function}, {POINT_VAR})\n")


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

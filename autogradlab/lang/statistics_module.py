"""Python's `statistics` module as lessons on Python basics use it (`statistics.mean(xs)`,
`from statistics import median, stdev`; session 38): mean, fmean, median, median_low, median_high, mode,
multimode, stdev, pstdev, variance, pvariance on numbers (mode and multimode: strings too). The data is
read as list() reads it (max_sequence_len); CPython's own function does the rest (exact sums of at most
max_sequence_len numbers, each int within max_int_bits: bounded), its errors kept as Python's words."""

from __future__ import annotations

import ast
import statistics
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported
from autogradlab.lang.allowed_imports import STATISTICS_NAMES
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import Namespace, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_NUMBERS = (int, float, bool)
_PARAMETERS = {"stdev": ("data", "xbar"), "variance": ("data", "xbar"), "pstdev": ("data", "mu"),
               "pvariance": ("data", "mu")}


def _function(name: str) -> SafeFunction:
    names = _PARAMETERS.get(name, ("data",))

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if len(args) > len(names) or set(kwargs) - set(names[len(args):]):
            raise python_error(TypeError(f"{name}() takes {len(names)} positional argument"
                                         f"{'s' if len(names) > 1 else ''} ({len(args)} given)"))
        bound = dict(zip(names, args, strict=False)) | kwargs
        if "data" not in bound:
            raise python_error(TypeError(f"{name}() missing 1 required positional argument: 'data'"))
        data = interp.materialize(bound.pop("data"), node)
        kinds = (*_NUMBERS, str) if name in ("mode", "multimode") else _NUMBERS
        values = [*data, *(v for v in bound.values() if v is not None)]
        if not all(type(value) in kinds for value in values):
            raise NotSupported(f"`statistics.{name}()` takes numbers in Autograd Lab")
        interp.sizes.charge_sequence(len(data), f"the data of statistics.{name}()")
        try:
            return getattr(statistics, name)(data, *bound.values())
        except (statistics.StatisticsError, ValueError, TypeError, OverflowError, ZeroDivisionError) as exc:
            raise python_error(exc) from None
    return SafeFunction(f"statistics.{name}", impl)


def statistics_namespace() -> Namespace:
    return Namespace("statistics", {name: _function(name) for name in STATISTICS_NAMES})

"""`torch.finfo(torch.float32)`, `torch.iinfo(torch.int64)`, `np.finfo(np.float32)`, `np.iinfo(int)`
(issue 9, session 30): a lesson's eps, tiny, max and min of a dtype.

The library's own object, made from the dtype the program names (no size: nothing is allocated), held
wrapped (DtypeInfo): it prints as the library prints it (`finfo(resolution=1e-06, ...)`; NumPy's str is
its table) and offers the attributes the library documents; any other name gets the library's
AttributeError. A wrong argument gets the library's own TypeError / ValueError.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.lang.inert_values import InertValue, named_kind
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeArray, SafeNumpyDtype, SafeType

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_FIELDS: dict[str, tuple[str, ...]] = {
    "torch.finfo": ("bits", "eps", "max", "min", "tiny", "smallest_normal", "resolution", "dtype"),
    "torch.iinfo": ("bits", "max", "min", "dtype"),
    "numpy.finfo": ("bits", "dtype", "eps", "epsneg", "iexp", "machep", "max", "maxexp", "min", "minexp",
                    "negep", "nexp", "nmant", "precision", "resolution", "smallest_normal",
                    "smallest_subnormal", "tiny"),
    "numpy.iinfo": ("bits", "dtype", "key", "kind", "max", "min"),
}


class DtypeInfo(InertValue):
    """One finfo / iinfo object of torch or NumPy, printed and read as the library's."""

    __slots__ = ("info", "qualname")

    def __new__(cls, info: Any, qualname: str) -> DtypeInfo:
        return object.__new__(named_kind(DtypeInfo, qualname))

    def __init__(self, info: Any, qualname: str) -> None:
        self.info, self.qualname = info, qualname

    def __repr__(self) -> str:
        return repr(self.info)

    def __str__(self) -> str:
        return str(self.info)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DtypeInfo) and self.info == other.info

    def __hash__(self) -> int:
        return hash(self.qualname)

    def attribute(self, interp: Interpreter, name: str, node: ast.AST) -> Any:
        if name not in _FIELDS[self.qualname]:
            shown = self.qualname if self.qualname.startswith("torch") else self.qualname.split(".")[-1]
            raise python_error(AttributeError(f"'{shown}' object has no attribute '{name}'"))
        value = getattr(self.info, name)
        return SafeNumpyDtype(value, instance=True) if isinstance(value, np.dtype) else value


def _plain(value: Any) -> Any:
    """What the library is given for the program's value (its own objects, never the engine's wrappers)."""
    if isinstance(value, SafeType):
        return value.py_type
    if isinstance(value, SafeNumpyDtype):
        return value.dtype
    if isinstance(value, SafeArray):
        return value.array
    return value


def _maker(qualname: str, make: Any) -> Any:
    def run(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> DtypeInfo:
        from autogradlab.lang.call_arguments import require_data
        for value in (*args, *kwargs.values()):
            require_data(value, f"in {qualname}()")
        try:
            info = make(*map(_plain, args), **{key: _plain(value) for key, value in kwargs.items()})
        except (TypeError, ValueError) as exc:   # the library's words: a float dtype for iinfo, ...
            raise python_error(exc) from None
        return DtypeInfo(info, qualname)
    return run


TORCH_INFO_MEMBERS = {name: SafeType(f"torch.{name}", getattr(torch, name),
                                     _maker(f"torch.{name}", getattr(torch, name)))
                      for name in ("finfo", "iinfo")}
NUMPY_INFO_MEMBERS = {name: SafeType(f"numpy.{name}", getattr(np, name),
                                     _maker(f"numpy.{name}", getattr(np, name)))
                      for name in ("finfo", "iinfo")}

"""`a.flags` of a NumPy array as Python for Data Analysis' "Advanced NumPy" reads it (session 41, corpus-s40
wesm_appa 77: `np.ones((10, 5), order='F').flags`): printed as NumPy prints it, `a.flags['F_CONTIGUOUS']` /
`a.flags.c_contiguous` read as NumPy answers them (True / False). Read-only: no flag can be set (a
writeable flag turned back on would go round a read-only view), and nothing else of NumPy's object is
reachable. The flags are NumPy's live object: they follow the array, as in NumPy."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.lang.inert_values import InertValue, named_kind

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

# NumPy's keys (flagsobj.__getitem__) and attribute names (its getset descriptors), each a bool
KEYS = frozenset({"C_CONTIGUOUS", "C", "CONTIGUOUS", "F_CONTIGUOUS", "F", "FORTRAN", "OWNDATA", "O",
                  "WRITEABLE", "W", "ALIGNED", "A", "WRITEBACKIFCOPY", "X", "FNC", "FORC", "BEHAVED", "B",
                  "CARRAY", "CA", "FARRAY", "FA"})
NAMES = frozenset({"c_contiguous", "f_contiguous", "contiguous", "fortran", "owndata", "writeable", "aligned",
                   "writebackifcopy", "fnc", "forc", "behaved", "carray", "farray"})


class ArrayFlags(InertValue):
    """NumPy's flags object of one array, printed and read as NumPy's."""

    __slots__ = ("flags",)

    def __new__(cls, flags: Any) -> ArrayFlags:
        return object.__new__(named_kind(ArrayFlags, "numpy._core.multiarray.flagsobj"))

    def __init__(self, flags: Any) -> None:
        self.flags = flags

    def __repr__(self) -> str:
        return repr(self.flags)

    def __str__(self) -> str:
        return str(self.flags)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ArrayFlags) and self.flags == other.flags

    def __hash__(self) -> int:
        return 0

    def subscript(self, interp: Interpreter, index: Any, node: ast.AST) -> Any:
        from autogradlab.lang.operators import python_error
        if type(index) is not str or index not in KEYS:
            raise python_error(KeyError("Unknown flag"))
        return bool(self.flags[index])

    def attribute(self, interp: Interpreter, name: str, node: ast.AST) -> Any:
        from autogradlab.lang.operators import python_error
        if name == "num":   # the flags as NumPy's int (1287 for np.ones(3)); was "has no attribute 'num'"
            return int(self.flags.num)
        if name not in NAMES:
            raise python_error(AttributeError(f"'numpy._core.multiarray.flagsobj' object has no attribute "
                                                f"'{name}'"))
        return bool(getattr(self.flags, name))

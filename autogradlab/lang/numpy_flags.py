"""`a.flags` of a NumPy array as Python for Data Analysis' "Advanced NumPy" reads it (session 41, corpus-s40
wesm_appa 77: `np.ones((10, 5), order='F').flags`): printed as NumPy prints it, `a.flags['F_CONTIGUOUS']` /
`a.flags.c_contiguous` read as NumPy answers them (True / False). Read-only: no flag can be set (a
writeable flag turned back on would go round a read-only view), and nothing else of NumPy's object is
reachable. The flags are NumPy's live object: they follow the array, as in NumPy.

Session 42: `a.flags['WRITEABLE'] = False` / `a.flags.writeable = False` (`'W'` too) make the array read-only
as NumPy does (a later write is NumPy's ValueError "assignment destination is read-only"). Turning it back
on is allowed only for an array the program itself made read-only from writeable (remembered weakly for the
run) or one already writeable (nothing changes): an array NumPy or the engine made read-only (a broadcast
view, a view the engine lends a function) stays so, with the refusal as before."""

from __future__ import annotations

import ast
import weakref
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.lang.inert_values import InertValue, named_kind

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

# NumPy's keys (flagsobj.__getitem__) and attribute names (its getset descriptors), each a bool
KEYS = frozenset({"C_CONTIGUOUS", "C", "CONTIGUOUS", "F_CONTIGUOUS", "F", "FORTRAN", "OWNDATA", "O",
                  "WRITEABLE", "W", "ALIGNED", "A", "WRITEBACKIFCOPY", "X", "FNC", "FORC", "BEHAVED", "B",
                  "CARRAY", "CA", "FARRAY", "FA"})
NAMES = frozenset({"c_contiguous", "f_contiguous", "contiguous", "fortran", "owndata", "writeable", "aligned",
                   "writebackifcopy", "fnc", "forc", "behaved", "carray", "farray"})


SETTABLE_NAMES = frozenset({"writeable", "aligned", "writebackifcopy"})   # NumPy's setters (others: none)


def not_writable(name: str) -> Exception:
    """`a.flags.owndata = False`, `a.flags.x = 1`: NumPy's AttributeError, catchable as NumPy's (red team 2
    s43: was the engine's refusal); `writeable` is set_writeable's, `aligned` / `writebackifcopy` stay
    refused."""
    from autogradlab.lang.operators import python_error
    if name in NAMES:
        return python_error(AttributeError(f"attribute '{name}' of 'numpy._core.multiarray.flagsobj' objects "
                                           "is not writable"))
    return python_error(AttributeError(f"'numpy._core.multiarray.flagsobj' object has no attribute '{name}'"))


class ArrayFlags(InertValue):
    """NumPy's flags object of one array, printed and read as NumPy's."""

    __slots__ = ("flags", "array")

    def __new__(cls, flags: Any, array: np.ndarray | None = None) -> ArrayFlags:
        return object.__new__(named_kind(ArrayFlags, "numpy._core.multiarray.flagsobj"))

    def __init__(self, flags: Any, array: np.ndarray | None = None) -> None:
        self.flags = flags
        self.array = array

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


WRITEABLE_KEYS = frozenset({"WRITEABLE", "W"})
# the keys flagsobj.__setitem__ takes (any other: its KeyError)
SETTABLE_KEYS = WRITEABLE_KEYS | {"ALIGNED", "A", "WRITEBACKIFCOPY", "X"}
# values whose truth NumPy's flag setters read (PyObject_IsTrue) without running the program's code
_TRUTH_TYPES = (bool, int, float, complex, str, type(None), list, tuple, dict, np.bool_, np.number)


def _truth(value: Any) -> bool | None:
    """The flag NumPy sets for `value` (`a.flags.writeable = 0`, `= np.False_`, `= None`), None for a value
    whose truth would run the program's code (an object's __bool__)."""
    return bool(value) if isinstance(value, _TRUTH_TYPES) else None


def set_item(interp: Interpreter, flags: ArrayFlags, index: Any, value: Any) -> None:
    """`a.flags['WRITEABLE'] = False` as NumPy's flagsobj.__setitem__ (red team s43: any other key, and any
    value but a bool, was the engine's TypeError "does not support item assignment"): an unknown key is
    NumPy's KeyError('Unknown flag'); WRITEABLE / W as set_writeable; ALIGNED and WRITEBACKIFCOPY refused."""
    from autogradlab.lang.operators import python_error
    if type(index) is not str or index not in SETTABLE_KEYS:
        raise python_error(KeyError("Unknown flag"))
    if index not in WRITEABLE_KEYS or not set_writeable(interp, flags, value):
        from autogradlab.errors import NotSupported
        raise NotSupported(f"setting the flag `{index}` of a numpy array this way is not supported in "
                           "Autograd Lab (only WRITEABLE: False, or True again for an array the program "
                           "made read-only)")


def set_writeable(interp: Interpreter, flags: ArrayFlags, value: Any) -> bool:
    """`a.flags.writeable = value`: True when done as NumPy does it, False when the caller refuses it (a
    value whose truth is the program's code, no array known, or True for an array the program did not
    make read-only). Any other value is taken by its truth, as NumPy takes it (`= 0`, `= np.False_`)."""
    array = flags.array
    value = _truth(value)
    if value is None or array is None:
        return False
    locked = interp.__dict__.setdefault("_locked_arrays", {})   # id -> a weak reference to the array
    if not value:
        if array.flags.writeable:
            array.flags.writeable = False
            key = id(array)
            locked[key] = weakref.ref(array, lambda _, key=key: locked.pop(key, None))
        return True
    if array.flags.writeable:
        return True
    mine = locked.get(id(array))
    if mine is None or mine() is not array:
        base = array.base
        if isinstance(base, np.ndarray) and not base.flags.writeable:   # a view of a read-only array
            from autogradlab.lang.operators import python_error
            raise python_error(ValueError("cannot set WRITEABLE flag to True of this array"))
        return False
    array.flags.writeable = True
    del locked[id(array)]
    return True


def setflags(interp: Interpreter, array: np.ndarray, args: list, kwargs: dict) -> None:
    """`a.setflags(write=False)` (NumPy's method; align= and uic= refused by name): as set_writeable, with
    NumPy's ValueError for True where NumPy gives one; True the engine keeps read-only is refused."""
    from autogradlab.errors import NotSupported
    if len(args) > 1 or set(kwargs) - {"write"} or (args and kwargs):
        raise NotSupported("Autograd Lab supports `a.setflags(write=...)`")
    write = args[0] if args else kwargs.get("write")
    if write is None:   # NumPy: nothing to change
        return None
    if not set_writeable(interp, ArrayFlags(array.flags, array), write):   # (True for an array NumPy or the
        raise NotSupported("Autograd Lab supports `a.setflags(write=...)`")   # engine made read-only)
    return None

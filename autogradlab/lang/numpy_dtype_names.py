"""NumPy dtypes named by a string, as course notebooks write them: `np.array(rows, dtype='float32')`
(Zero to GANs, lesson 1). The name is looked up in a fixed table of numeric dtypes and never reaches
numpy's own parser (which understands structured types, byte orders and sub-arrays); any other name
is refused with numpy's words.
"""

from __future__ import annotations

import numpy as np

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.safe_values import SafeNumpyDtype

_SIZED = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128")
_SHORT = {"float": "float64", "double": "float64", "single": "float32", "half": "float16", "int": "int64",
          "complex": "complex128", "f2": "float16", "f4": "float32", "f8": "float64", "i1": "int8",
          "i2": "int16", "i4": "int32", "i8": "int64", "u1": "uint8", "c8": "complex64", "c16": "complex128",
          "?": "bool"}
# NumPy's one-character type codes (basics.types: `np.array([1, 2, 3], dtype='f')`), numeric ones only
# ('g' / 'G' long double, 'S' / 'U' / 'V' / 'O' / 'M' / 'm' are not numbers of the table), and the sized
# codes the table lacked; numpy itself says which dtype each is on this machine
_CODES = ("b", "h", "i", "l", "q", "B", "H", "I", "L", "Q", "e", "f", "d", "F", "D", "u2", "u4", "u8", "b1")
DTYPE_NAMES: dict[str, np.dtype] = {name: np.dtype(name) for name in _SIZED} | {
    short: np.dtype(name) for short, name in _SHORT.items()} | {code: np.dtype(code) for code in _CODES}
# NumPy's C-type names of the same dtypes (`dtype='int_'`, `astype('intp')`, 'bool_', 'short', 'cdouble'):
# refused as "numbers only" (red team s45); each taken only where it names one of the table's dtypes here
_C_NAMES = ("int_", "uint", "intp", "uintp", "intc", "uintc", "short", "ushort", "byte", "ubyte", "long",
            "ulong", "longlong", "ulonglong", "bool_", "csingle", "cdouble")
DTYPE_NAMES |= {name: np.dtype(name) for name in _C_NAMES if np.dtype(name) in DTYPE_NAMES.values()}


def dtype_named(name: str) -> SafeNumpyDtype:
    """The numeric dtype a string names ('float32', 'f4', 'int'), or numpy's TypeError."""
    dtype = DTYPE_NAMES.get(name)
    if dtype is None:
        shown = name if len(name) <= 40 else name[:40] + "…"
        known = _numpy_knows(name) if len(name) <= 40 else None
        if known is not None and known.kind in "biufc":   # 'longdouble', 'g', '>f8': a number NumPy makes
            raise NotSupported(f"the numpy dtype '{name}' ({known}) is not supported in Autograd Lab "
                               "(supported: bool, int8 to int64, uint8 to uint64, float16 to float64, "
                               "complex64, complex128)")   # (red team s45: it said "numbers only")
        if known is not None:   # 'S3', 'O': NumPy makes it (red team s44: its TypeError was caught)
            raise NotSupported(f"the numpy dtype '{name}' is not supported in Autograd Lab (numbers, bool "
                               "and text: 'float32', 'int64', 'bool', 'U5', ...)")   # 'U5' runs since
            # session 44's astype('U5'), so "numbers only" was wrong (breadth s45)
        raise ProgramTypeError(f"data type '{shown}' not understood")
    return SafeNumpyDtype(dtype)


def _numpy_knows(name: str) -> np.dtype | None:
    """The dtype NumPy's parser makes of a short name, else None (a dtype is a description: nothing is
    allocated; structured and sub-array names parse only)."""
    import warnings
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # 'a4' is deprecated in NumPy 2
            return np.dtype(name)
    except Exception:  # noqa: BLE001 - NumPy's TypeError / ValueError / SyntaxError: not a dtype
        return None

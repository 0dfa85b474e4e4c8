"""A name the real class does not have at all (`A.diagonalize()` of a NumPy array, `s.uper()` of a text,
`f.intersection` of a function; session 41, corpus-s41 ec4_03 36-37 and nv_Probability 36): Python's own
AttributeError, "'numpy.ndarray' object has no attribute 'diagonalize'", catchable, with a did-you-mean
hint when a close name exists. A name the class has and the engine does not offer stays refused by name
(the caller's NotSupported), so nothing new becomes reachable: this only changes the words of a refusal."""

from __future__ import annotations

import collections
import types
from typing import Any

import numpy as np
import torch

from autogradlab.errors import ProgramError
from autogradlab.lang.data_wrappers import SafeGradFn, SafeType
from autogradlab.lang.safe_values import SafeArray, SafeFunction, SafeNumpyDtype, UserFunction, type_text
from autogradlab.lang.set_value import ProgramSet

# The program's plain values whose class is Python's own (None keeps its "is None" message).
_PLAIN = frozenset({str, list, tuple, dict, int, float, bool, complex, range, slice, bytes})
# Values the program holds as the library's own objects (session 42: `np.float64(1).nope`, `torch.Size([1])
# .nope()`, `torch.float32.nope` were the engine's refusal where Python raises AttributeError)
_LIBRARY = (np.generic, torch.Size, torch.dtype)


# The engine's own stand-ins, and the class Python's value would have (session 42: Counter(), defaultdict,
# deque, OrderedDict, a generator, a type, a library function, a grad_fn).
_STAND_INS: dict[type, type] = {SafeArray: np.ndarray, ProgramSet: set, UserFunction: types.FunctionType}
_ITERATOR_TYPES = {"generator": types.GeneratorType, "map": map, "filter": filter, "zip": zip,
                   "enumerate": enumerate}   # lang/iterators.SequenceIterator's kinds
_HEAP_TYPE = 1 << 9   # Py_TPFLAGS_HEAPTYPE: a class written in Python, named by its bare name


def _stand_ins() -> dict[type, type]:
    if len(_STAND_INS) == 3:   # (imported here: collections_module imports much of lang/)
        from autogradlab.lang.bytes_values import BYTES_KINDS
        from autogradlab.lang.collections_module import Counter, DefaultDict, OrderedDict
        from autogradlab.lang.deque_values import Deque
        from autogradlab.lang.generators import ProgramGenerator
        _STAND_INS.update({Counter: collections.Counter, DefaultDict: collections.defaultdict,
                           OrderedDict: collections.OrderedDict, Deque: collections.deque,
                           ProgramGenerator: types.GeneratorType, **BYTES_KINDS})
    return _STAND_INS


def class_name(cls: type) -> str:
    """The name CPython's AttributeError gives a class (its tp_name): `Counter`, `collections.defaultdict`,
    `numpy.ndarray`, `builtin_function_or_method`."""
    if cls.__flags__ & _HEAP_TYPE or cls.__module__ == "builtins":
        return cls.__name__
    return f"{cls.__module__}.{cls.__name__}"


def _real_class(base: Any) -> tuple[Any, str] | None:
    """(what Python looks the name up in, the words before "has no attribute"), None when unknown."""
    if type(base) in _PLAIN:
        return type(base), f"'{type(base).__name__}' object"
    real = _stand_ins().get(type(base))
    if real is not None:
        return real, f"'{class_name(real)}' object"
    if isinstance(base, SafeArray):
        return np.ndarray, "'numpy.ndarray' object"
    if type(base).__name__ == "SequenceIterator":   # iter(xs), reversed(xs), map, zip (session 43)
        return _iterator_class(base.type_name), f"'{base.type_name}' object"
    if isinstance(base, _LIBRARY):
        return type(base), f"'{type_text(base)}' object"
    if isinstance(base, SafeNumpyDtype) and base.instance:   # np.dtype('f8'), a.dtype (not np.float64)
        return type(base.dtype), f"'{type_text(base)}' object"
    if isinstance(base, SafeNumpyDtype):   # np.float64 itself: the class (red team s43)
        return base.dtype.type, f"type object '{class_name(base.dtype.type)}'"
    from autogradlab.lang.bytes_values import BytesValue
    if isinstance(base, BytesValue):   # b'ab', s.encode() (its class is named `bytes`: a subclass)
        real = np.bytes_ if type(base).__name__ == "numpy.bytes_" else bytes
        return real, f"'{class_name(real)}' object"
    from autogradlab.lang.iterators import SequenceIterator
    if type(base) is SequenceIterator:   # (i for i in xs), map(...), zip(...): the kinds Python names alike
        real = _ITERATOR_TYPES.get(base._kind)
        return None if real is None else (real, f"'{class_name(real)}' object")
    if type(base) is SafeType and isinstance(base.py_type, type):   # `str.nothing`, `torch.Tensor.nothing`
        cls = _STAND_INS.get(base.py_type, base.py_type)
        if cls.__module__.startswith("autogradlab") or base.text_name.startswith("__main__."):
            return None   # an engine class no real one stands behind, a namedtuple class the program made
        return cls, f"type object '{class_name(cls)}'"
    if isinstance(base, SafeGradFn):   # a built-in Node (a custom Function's holds what its forward set on
        node = type(base.node)         # its ctx: left to custom_functions.py)
        return (base.node, f"'{node.__name__}' object") if node.__module__ == "builtins" else None
    if type(base) is SafeFunction:   # print, torch.sin, np.add: the library's own routine
        from autogradlab.lang.function_text import library_routine
        real = library_routine(base)
        return None if real is None else (real, f"'{class_name(type(real))}' object")
    return None


def python_lacks(base: Any, name: str) -> ProgramError | None:
    """Python's AttributeError when the value's real class has no `name`, else None."""
    found = _real_class(base)
    if found is None or _has(found[0], name):
        return None
    from autogradlab.lang.attribute_errors import _closest, _python_attribute_error
    best = _closest(name, [n for n in dir(found[0]) if not n.startswith("_")])
    return _python_attribute_error(f"{found[1]} has no attribute '{name}'",
                                   f"did you mean `.{best}`?" if best else None)


def _iterator_class(type_name: str) -> type:
    """What an iterator's name is looked up in: a generator expression's and NumPy's flat iterator have
    public names (`send`, `coords`: left to the refusal by name); Python's other iterators have none."""
    if type_name == "generator":
        return types.GeneratorType
    if type_name == "numpy.flatiter":
        return np.flatiter
    return object


def _has(owner: Any, name: str) -> bool:
    """hasattr, where a getter's own error (a Node's freed saved tensor) counts as having it."""
    try:
        return hasattr(owner, name)
    except Exception:  # noqa: BLE001 - the name is there; its value is the caller's to read
        return True

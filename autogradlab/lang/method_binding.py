"""A method call's lookup before its arguments, as CPython does it (issue 9, session 41).

`a.nothing(print('x'))` raises AttributeError and prints nothing in Python; `torch.nothing(f())` never
calls f; `a.f(change())` calls the `f` that was there before change() rebound it. bind() does the part
of attributes.call_method that Python does when it reads `base.name` (a module's member, a program
object's method or property, a name the value cannot have) and returns the rest, the call, as a
function of the arguments. What cannot fail or change before the arguments run (an allow-listed
tensor method, a list's `append`, ...) keeps attributes.call_method's whole way, after them.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.lang import allowlist as al
from autogradlab.lang import object_methods
from autogradlab.lang.attribute_errors import _no_tensor_attribute, _none_has_nothing
from autogradlab.lang.attributes import call_method, no_method, property_called, read_attribute
from autogradlab.lang.bytes_values import BYTES_KINDS, BytesValue
from autogradlab.lang.collections_module import Counter, DefaultDict, OrderedDict
from autogradlab.lang.data_wrappers import SafeArray, SafeGradFn, SafeType
from autogradlab.lang.deque_values import Deque
from autogradlab.lang.generators import ProgramGenerator
from autogradlab.lang.iterators import SequenceIterator
from autogradlab.lang.missing_members import python_lacks
from autogradlab.lang.numpy_ops import ARRAY_METHODS, NUMPY_SCALARS
from autogradlab.lang.object_methods import Call
from autogradlab.lang.plain_classes import PLAIN_VALUES
from autogradlab.lang.safe_values import Namespace, SafeFunction, SafeNumpyDtype, UserFunction
from autogradlab.lang.set_value import ProgramSet

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

# values whose methods are Python's (NumPy's, torch's) own: a name that type lacks ends at call_method's
# last refusal (tests/unit/test_call_order_s41.py checks every name the method tables know)
_BUILTIN_TYPES = frozenset({list, tuple, dict, str, int, float, bool, complex, range, torch.Size,
                            torch.dtype})
_LIKE = {ProgramSet: set, SafeArray: np.ndarray}   # the engine's own wrappers: the type they stand for
# values whose real class (missing_members.py) answers a name it lacks before the arguments (session 42):
# call_method ends at no_method, Python's AttributeError, for every such name (test_lookup_first_s42.py)
_LOOKED_UP_FIRST = frozenset({Counter, DefaultDict, OrderedDict, Deque, ProgramGenerator, SafeType,
                              SafeFunction, SequenceIterator, *BYTES_KINDS})   # (the last two: session 43)


def lacks(kind: type, name: str) -> bool:
    """True when a value of type `kind` has no method `name` (call_method refuses it, whatever the
    arguments: the lookup fails in Python before them)."""
    if kind in _BUILTIN_TYPES:
        return not hasattr(kind, name)
    if kind in _LIKE:
        return not hasattr(_LIKE[kind], name) and name not in ARRAY_METHODS
    return issubclass(kind, NUMPY_SCALARS) and not hasattr(kind, name) and name not in ARRAY_METHODS


def bind(interp: Interpreter, base: Any, name: str, node: ast.AST) -> Call:
    """The lookup half of `base.name(...)` now; the call half returned."""
    if isinstance(base, PLAIN_VALUES):
        return object_methods.bind(interp, base, name, node)
    if isinstance(base, torch.Tensor):
        if name not in al.TENSOR_METHODS and name != "storage":
            if name not in al.TENSOR_PROPERTIES:
                raise _no_tensor_attribute(base, name, call=True)
            value = read_attribute(interp, base, name, node)   # `x.shape(...)`: read, then not callable

            def not_callable(args: list, kwargs: dict) -> Any:
                raise property_called(value, name)
            return not_callable
    elif base is None:
        raise _none_has_nothing(node, name, call=True)
    elif isinstance(base, Namespace) or type(base) is UserFunction:   # a module's member, a function's own
        member = read_attribute(interp, base, name, node)   # attribute (`f.helper(side())`: read first)
        return lambda args, kwargs: interp.call_value(member, args, kwargs, node)
    elif lacks(type(base), name) or (isinstance(base, SafeNumpyDtype) and python_lacks(base, name)):
        raise no_method(base, name)
    elif type(base) in _LOOKED_UP_FIRST or isinstance(base, (SafeGradFn, BytesValue)):
        missing = python_lacks(base, name)
        if missing is not None:
            raise missing
    return lambda args, kwargs: call_method(interp, base, name, args, kwargs, node)

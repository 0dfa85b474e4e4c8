"""Indexing the values a program holds: `x[i]` (get_item) and `x[i] = v` (set_item) on tensors,
numpy arrays, dicts, lists, tuples, strings and the program's objects; an advanced tensor index is
sized before the result is made.
"""

from __future__ import annotations

import ast
import operator
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.errors import NotSupported, ProgramIndexError, ProgramTypeError
from autogradlab.lang import (
    class_dispatch,
    dicts,
    numpy_flags,
    numpy_indexing,
    numpy_records,
    numpy_strings,
    plain_classes,
)
from autogradlab.lang.calls import notify_memory as _notify
from autogradlab.lang.calls import require_data, wrap_result
from autogradlab.lang.collections_module import DefaultDict, missing_default
from autogradlab.lang.deque_values import Deque
from autogradlab.lang.guarded_calls import _python_guarded, _torch_guarded
from autogradlab.lang.inert_values import InertValue
from autogradlab.lang.numpy_flat import FlatIter, NDIter
from autogradlab.lang.numpy_ops import is_numpy_operand
from autogradlab.lang.numpy_poly1d import Poly1d
from autogradlab.lang.numpy_records import RecordArray, RecordScalar
from autogradlab.lang.numpy_scalar_ops import SCALAR_TYPES
from autogradlab.lang.numpy_strings import StringArray
from autogradlab.lang.object_protocols import index_of
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeArray, SafeType, type_text
from autogradlab.lang.stored_objects import refuse_object_index, require_item
from autogradlab.lang.tensor_storage import TensorStorage
from autogradlab.lang.typing_module import builtin_subscript

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _is_advanced(index: Any) -> bool:
    items = index if isinstance(index, tuple) else (index,)
    return any(isinstance(item, (torch.Tensor, list)) for item in items)


_NUMBER_WRITES = SCALAR_TYPES | {bool, int, float}   # set_item's number test: is_numpy_operand or these
_INDEX_ATOMS = (int, bool, slice, type(None), type(Ellipsis), torch.Tensor, list)


def _may_repeat(index: Any) -> bool:
    """An index that can name a position more than once (a list, an integer tensor, a range): PyTorch
    writes the value once per position it names (x of shape (1, 5,000,000) and 5,000,000 zeros: 2.5e13
    elements written in one call, red team s30). Boolean masks and slices name each position once."""
    items = index if isinstance(index, tuple) else (index,)
    return any(type(item) in (list, range) or isinstance(item, torch.Tensor) and item.dtype != torch.bool
               and item.dim() > 0 for item in items)


_SCALAR_INDEX_ATOMS = (int, np.integer, np.bool_, type(None), type(Ellipsis), slice)


def _scalar_index(index: Any) -> bool:
    """An index NumPy answers for a NumPy scalar with at most one element (its value, a 1-element view
    `x[None]`, or its IndexError "invalid index to scalar variable."): ints, NumPy bools, None, `...`,
    slices, a tuple of up to 1,000 of them (NumPy refuses past 64 dimensions). Any other index is NumPy's
    IndexError (get_item), but a 0-d bool array's."""
    if isinstance(index, _SCALAR_INDEX_ATOMS):
        return True
    return type(index) is tuple and len(index) <= 1000 \
        and all(isinstance(item, _SCALAR_INDEX_ATOMS) for item in index)


def _int_index(index: Any) -> bool:
    """An int, or a non-empty tuple of ints (never a bool: NumPy reads a bool as a mask): NumPy's basic
    indexing of one element or a view, which makes no copy (nothing to size)."""
    kind = type(index)
    if kind is int:
        return True
    if kind is not tuple or not index:
        return False
    for item in index:
        if type(item) is not int:
            return False
    return True


def _array_item(base: SafeArray, index: Any) -> Any:
    """`a[i]`, `a[i, j]` of an array with an _int_index: what the general path below does for it
    (refuse_object_index and is_array_index pass such an index), without its tests of other bases."""
    try:
        value = base.array[index]
    except Exception as exc:  # noqa: BLE001 - as _python_guarded translates it
        raise python_error(exc) from None
    return value if type(value) in SCALAR_TYPES else wrap_result(value, "getitem")


def get_item(interp: Interpreter, base: Any, index: Any, node: ast.AST) -> Any:
    if type(base) is SafeArray and _int_index(index):   # `a[i, j]` in a NumPy loop
        return _array_item(base, index)
    if type(base) is not dict:   # `names[node]`: dicts alone take an object as the index
        if type(index) is plain_classes.ProgramObject and type(base) is not plain_classes.ProgramObject:
            index = index_of(interp, index, node)   # `xs[obj]`: its __index__
            if type(index) is plain_classes.ProgramObject and type(base) in (list, tuple, str):
                raise python_error(TypeError(f"{type(base).__name__} indices must be integers or slices, "
                                             f"not {index.cls.name}"))
        refuse_object_index(index)
    if type(base) is TensorStorage:   # points.storage()[1] (lang/tensor_storage.py)
        return base.read(index)
    if isinstance(base, torch.Tensor):
        items = index if isinstance(index, tuple) else (index,)
        if any(type(item) is range for item in items):   # d2l's y_hat[range(len(y_hat)), y]
            index = _ranges_as_tensors(interp, index)
            items = index if isinstance(index, tuple) else (index,)
        if not all(isinstance(item, _INDEX_ATOMS) for item in items):
            odd = next(item for item in items if not isinstance(item, _INDEX_ATOMS))
            if type(odd) in (float, complex):   # PyTorch's own IndexError
                raise ProgramIndexError(f"only integers, slices (`:`), ellipsis (`...`), None and long or "
                                        f"byte Variables are valid indices (got {type(odd).__name__})")
            raise ProgramTypeError(f"a tensor cannot be indexed with {type_text(index)} values")
        if _is_advanced(index):
            interp.sizes.predict(operator.getitem, [base, index], {}, "indexing", creation=False)
        result = _torch_guarded("getitem", lambda: base[index], [base, index])
        interp.sizes.add_result(result)
        interp.record_op("getitem", [base, index], {}, result, node)
        return result
    if type(base) is plain_classes.ProgramObject:   # its __getitem__
        return class_dispatch.get_item(interp, base, index, node)
    if isinstance(base, SafeArray):
        if numpy_indexing.is_array_index(index):   # a[a > 1], a[np.arange(4), b] (numpy_indexing.py)
            return numpy_indexing.read(interp, base, index)
        return wrap_result(_python_guarded(lambda: base.array[index]), "getitem")
    if isinstance(base, dict):
        dicts.check_key(index)
        if type(base) is DefaultDict and _python_guarded(lambda: index not in base):
            return missing_default(interp, base, index, node)   # collections_module.py
        return _python_guarded(lambda: base[index])
    if not isinstance(base, (list, tuple, str, range, torch.Size)):
        if isinstance(base, (np.number, np.bool_)):   # np.float64(2)[()]: NumPy's own answer (red team s43)
            if _scalar_index(index):
                return wrap_result(_python_guarded(lambda: base[index]), "getitem")
            if type(index) is SafeArray and index.array.ndim == 0 and index.array.dtype == np.bool_:
                return wrap_result(_python_guarded(lambda: base[index.array]), "getitem")   # x[np.array(1>0)]
            # x[[0]], x[np.arange(2)], x['a'], x[1.5]: NumPy's IndexError (red team 2 s43: was a TypeError
            # "'numpy.float64' object is not subscriptable" NumPy never raises)
            raise python_error(IndexError("invalid index to scalar variable."))
        if isinstance(base, (InertValue, FlatIter, NDIter)):   # List[int], np.mgrid[0:1:5j], a.flat[3], it[0]
            return base.subscript(interp, index, node)
        if isinstance(base, SafeType):   # list[int] (typing_module.py)
            return builtin_subscript(base, index)
        raise ProgramTypeError(f"'{type_text(base)}' object is not subscriptable")
    if type(base) is Deque and type(index) is slice:
        raise ProgramTypeError("sequence index must be integer, not 'slice'")
    result = _python_guarded(lambda: base[index])
    if type(index) is slice and isinstance(result, (list, tuple, str)):   # a copy: counts as built
        interp.sizes.charge_sequence(len(result), "the slice")
    return result


def _ranges_as_tensors(interp: Interpreter, index: Any) -> Any:
    """A range index is the index tensor PyTorch makes of it: its length is checked before it is made."""
    def made(item: Any) -> Any:
        if type(item) is not range:
            return item
        try:
            length = len(item)
        except OverflowError:   # more than sys.maxsize items
            step = item.step
            length = max(0, (item.stop - item.start + step - (1 if step > 0 else -1)) // step)
        interp.sizes.check_elements(length, "the range used as an index")
        return torch.arange(item.start, item.stop, item.step)
    return tuple(map(made, index)) if isinstance(index, tuple) else made(index)


def set_item(interp: Interpreter, base: Any, index: Any, value: Any, node: ast.AST) -> None:
    if type(base) is TensorStorage:   # points_storage[0] = 2.0 writes the tensors viewing that memory
        _notify(interp, "write", base.tensor)
        base.write(index, value)
        return
    if type(base) is SafeArray and type(value) in _NUMBER_WRITES and _int_index(index):
        # `loss[i, j] = value` of a number in a NumPy loop: the general path's SafeArray case for it
        # (refuse_object_index, require_data, is_array_index and its number test all pass such a pair)
        try:
            base.array[index] = value
        except Exception as exc:  # noqa: BLE001 - as _python_guarded translates it
            raise python_error(exc) from None
        return
    if type(base) is not dict:
        if type(index) is plain_classes.ProgramObject and type(base) is not plain_classes.ProgramObject:
            index = index_of(interp, index, node)   # `xs[obj] = v`: its __index__
        refuse_object_index(index)
    if type(base) is plain_classes.ProgramObject:   # its __setitem__ (the value passed like an argument)
        class_dispatch.set_item(interp, base, index, value, node)
        return
    if type(base) is list or type(base) is dict:   # `layers[0] = Layer()` (lang/stored_objects.py)
        require_item(value, "in an assignment")
    else:
        require_data(value, "in an assignment")
    if isinstance(base, torch.Tensor):
        if isinstance(value, SafeArray):
            raise NotSupported("assigning numpy arrays into tensors is not supported; use "
                               "torch.tensor(...) first")
        if any(type(item) is range for item in (index if isinstance(index, tuple) else (index,))):
            index = _ranges_as_tensors(interp, index)   # `x[range(10**12)] = 1`: PyTorch lists it first
        if _may_repeat(index):   # `x[idx] = v` writes as many slices as x[idx] would hold, repeats too
            interp.sizes.predict(operator.getitem, [base, index], {}, "index assignment", creation=False)
        _notify(interp, "write", base)
        _torch_guarded("setitem", lambda: base.__setitem__(index, value), [base, index, value])
        interp.record_op("setitem", [base, index, value], {}, base, node)
        return
    if isinstance(base, SafeArray):
        listed = value if isinstance(value, (list, tuple)) else None
        if listed is not None:   # a[:, 1] = [7, 8]: sized and checked (numbers only) as np.array makes it
            from autogradlab.lang.numpy_ops import lists_as_arrays
            value = lists_as_arrays(interp, [value])[0]
        if numpy_indexing.is_array_index(index):   # grad_h[h < 0] = 0, a[np.arange(4), b] += 10
            numpy_indexing.write(interp, base, index, value)
            return
        if not (is_numpy_operand(value) or type(value) in (bool, int, float)):
            raise NotSupported("numpy arrays take numbers or arrays at int and slice indices in "
                               "Autograd Lab")
        raw = listed if listed is not None else value.array if isinstance(value, SafeArray) else value
        _python_guarded(lambda: base.array.__setitem__(index, raw))
        return
    if isinstance(base, dict):
        dicts.set_item(interp, base, index, value)
        return
    if isinstance(base, list):
        if type(base) is Deque and type(index) is slice:   # d[0:2] = ...: would pass its maxlen
            raise ProgramTypeError("sequence index must be integer, not 'slice'")
        _python_guarded(lambda: base.__setitem__(index, value))
        interp.sizes.check_length(len(base), "the list")
        return
    if isinstance(base, FlatIter):   # a.flat[0] = 7 (numpy_flat.py, red team s43)
        base.set_item(interp, index, value)
        return
    if isinstance(base, NDIter):   # it[0] = 7 with op_flags=['readwrite'] (numpy_flat.py)
        base.set_item(index, value)
        return
    if isinstance(base, Poly1d):   # p[2] = 5 (numpy_poly1d.py)
        base.set_item(interp, index, value)
        return
    if isinstance(base, StringArray):   # labels[0] = 'cow' (numpy_strings.py)
        numpy_strings.set_item(interp, base, index, value)
        return
    if isinstance(base, (RecordArray, RecordScalar)):   # x['age'] = 5, x[1] = (7, 8, 9) (numpy_records.py)
        numpy_records.set_item(interp, base, index, value)
        return
    if type(base).__name__ == "numpy._core.multiarray.flagsobj":   # a.flags['WRITEABLE'] = False (s42)
        numpy_flags.set_item(interp, base, index, value)
        return
    raise ProgramTypeError(f"'{type_text(base)}' object does not support item assignment")

"""One program value -> its report Value: a tensor's TensorValue (value, grad, flags, text) and the
plain Value of a number, string, dtype, function or object; used by report_values.ReportValues."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from autogradlab.engine.value_text import bounded_repr
from autogradlab.engine.values import _as_array, dtype_name, safe_repr, to_numpy
from autogradlab.lang.numpy_record_values import RecordDtype
from autogradlab.lang.pprint_module import PrettyPrinterValue
from autogradlab.lang.safe_values import SafeFunction, SafeNumpyDtype, UserFunction
from autogradlab.lang.set_value import ProgramSet
from autogradlab.lang.stored_objects import ShownText
from autogradlab.report import PlainValue, TensorValue, Value
from autogradlab.utf8_text import encodable


def _grad_of(tensor: torch.Tensor) -> torch.Tensor | None:
    return tensor.grad if tensor.is_leaf else _retained_grad(tensor)


def tensor_value(tensor: torch.Tensor, *, keep_value: bool = True, keep_grad: bool = True,
                 text: str | None = None) -> TensorValue:
    """The tensor's report value. Without keep_value / keep_grad (the report's budget of full
    values is spent) value / grad are None; shape, dtype, flags and the text stay."""
    grad = _grad_of(tensor)
    return TensorValue(
        shape=tuple(int(s) for s in tensor.shape),
        dtype=dtype_name(tensor.dtype),
        value=to_numpy(tensor) if keep_value else None,
        requires_grad=bool(tensor.requires_grad),
        grad=to_numpy(grad) if grad is not None and keep_grad else None,
        grad_fn=type(tensor.grad_fn).__name__ if tensor.grad_fn is not None else None,
        is_leaf=bool(tensor.is_leaf),
        text=bounded_repr(tensor) if text is None else text,
    )


def _retained_grad(tensor: torch.Tensor) -> torch.Tensor | None:
    """.grad of a non-leaf is None unless retain_grad() was called; reading it then warns, so
    ask first instead of reading blindly."""
    return tensor.grad if tensor.retains_grad else None


def _elements(obj: Any) -> tuple[int, int]:
    """(elements of the value, elements of the grad) of a tensor or numpy array, an element wider than 8
    bytes (complex128) counted as its 8-byte halves: the report copies and pickles what it keeps, and
    20,000,000 complex values (320 MB, twice over) on top of the 45,000,000 the program may hold crashed
    the worker ("stopped unexpectedly"; red team, session 34)."""
    if isinstance(obj, torch.Tensor):
        grad = _grad_of(obj)
        grad_n = _wide(grad.numel(), grad.element_size()) if grad is not None else 0
        return _wide(obj.numel(), obj.element_size()), grad_n
    arr = _as_array(obj)
    return (_wide(arr.size, arr.itemsize) if arr is not None else 0), 0


def _wide(elements: int, itemsize: int) -> int:
    return elements * max(1, itemsize // 8)


# A gradient batched by vmap (jacobian(..., vectorize=True) running a custom Function's backward) that
# the program kept (`global g; g = grad` inside backward): PyTorch cannot read its values outside vmap.
BATCHED_TEXT = "<a gradient batched inside jacobian(..., vectorize=True); it has no values outside that call>"


def _batched(tensor: torch.Tensor) -> bool:
    """Batched by vmap (legacy vmap's key, which jacobian(vectorize=True) uses, or functorch's)."""
    return "Batched" in str(torch._C._dispatch_keys(tensor))

def _plain_value(obj: Any) -> Value:
    if type(obj) in (int, float, complex):   # the common case first; a number's repr has no address
        return PlainValue("number", obj, repr(obj))
    if obj is None:
        return PlainValue("none", None, "None")
    if isinstance(obj, (bool, np.bool_)):   # np.True_ shows as NumPy 2 writes it (session 42), as np.float64
        return PlainValue("bool", bool(obj), repr(obj) if type(obj) is np.bool_ else repr(bool(obj)))
    if isinstance(obj, (int, float, complex)):
        return PlainValue("number", obj, safe_repr(obj))
    if isinstance(obj, str):
        return PlainValue("string", encodable(obj), safe_repr(obj))
    if isinstance(obj, torch.dtype):
        return PlainValue("dtype", dtype_name(obj), str(obj))
    if isinstance(obj, (np.integer, np.floating, np.complexfloating)):
        return PlainValue("number", obj.item(), safe_repr(obj))
    if isinstance(obj, SafeNumpyDtype):
        return PlainValue("dtype", obj.text, safe_repr(obj))
    if isinstance(obj, RecordDtype):   # np.dtype([('x', 'i8'), ('y', 'f4')]) (lang/numpy_record_dtypes.py)
        return PlainValue("dtype", bounded_repr(obj), bounded_repr(obj))
    if isinstance(obj, PrettyPrinterValue):   # pp = pprint.PrettyPrinter(): an object with methods
        return PlainValue("object", None, safe_repr(obj))
    if isinstance(obj, (UserFunction, SafeFunction)):
        return PlainValue("function", None, safe_repr(obj))
    if isinstance(obj, ShownText):   # an object of the program's classes, a list of them (stored_objects.py)
        return PlainValue("object", obj.type_name, obj.text)
    if isinstance(obj, ProgramSet):   # its text is the program's print(s): lang/set_value's order
        return PlainValue("set", None, bounded_repr(obj))
    return PlainValue("object", None, bounded_repr(obj))

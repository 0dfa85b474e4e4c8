"""Tensor operators and tensor method calls planned once per call site (issue 9).

`w / w.norm()` in a loop reaches OperatorsMixin.apply_binary and calls.call_method thousands of
times with the same kinds of values. Both are general: they sort out floats, ints, numpy values,
wrappers and keyword arguments before they get to a tensor. A compiled node hands its tensor cases
here instead, and the site keeps what cannot change between calls (the operator or the method, its
allow-list spec and special-case lookups) and the last size answer (the shapes it saw and the
element count shapes.fast_count gave for them). Every call still takes every check, in the same
order and with the same messages as the general path: the size check before the op
(SizeGuard.check_elements of the same count), the call with torch's error translated, the result's
own size check, the element total and the op record. Besides the last shapes, a site keeps the
counts of up to SEEN_SHAPES other shape pairs (a method's site: receiver shapes): `for p in [W1, b1,
W2, b2]: p -= lr * p.grad` sees four in turn, and fast_count worked each out again every time; the
key is the same, so the answer is the same. Any value the site does not know (a subclass of Tensor,
a numpy value, a list, a keyword argument, a special method, a count fast_count cannot
give) goes through the general path unchanged.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.errors import ProgramError
from autogradlab.lang import allowlist as al
from autogradlab.lang import calls, numpy_scalar_ops, shapes, size_plans
from autogradlab.lang.allowlist import CallSpec
from autogradlab.lang.call_work import COSTLY, NORMS, check_work
from autogradlab.lang.object_operators import binary as object_binary
from autogradlab.lang.operators import other_result
from autogradlab.lang.plain_classes import ProgramObject
from autogradlab.lang.sizes import check_result_shape, tensor_elements
from autogradlab.lang.tensor_counts import MAX_SHOWN_DIMS

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_TENSOR = torch.Tensor
_F32 = torch.float32   # `a @ b` of another dtype: its work checked (call_work.PRODUCTS)
_NUMBERS = frozenset({int, float, bool})
_MISS = object()
SCALAR_PAIR_CLOSURE = True   # _scalar_pair as numpy_scalar_ops.pair_for (tests compare with it off)
OBJECT_OPERANDS = True   # an object of the program's classes: object_operators at once (tests compare it off)
_STR_SCALAR = np.str_   # (apply_binary turns a NumPy string scalar into a str first: that way for it)
SEEN_SHAPES = 8   # shape pairs an operator's site remembers besides the last one (see the docstring)


def binary_site(interp: Interpreter, name: str, fn: Callable[..., Any],
                node: ast.AST) -> Callable[[Any, Any], Any]:
    """apply_binary(name, fn, a, b, node) of one operator node, its tensor case planned: a tensor and
    a tensor or a plain number (apply_binary's tensor branch, with the size answer remembered).
    run(a, b, bind): `bind` passed on to the hooks' on_op, and bind[2] set when it was
    (compiled_binary_assign.py: hooks that take it bind the statement's name in the same call)."""
    apply_binary = interp.apply_binary
    sizes = interp.sizes
    seen: list = [_MISS, _MISS, 0]   # the last (left key, right key) and its element count
    others: dict = {}   # (left key, right key) -> element count, up to SEEN_SHAPES of them
    product = name == "matmul"   # `a @ b` of int64, float16..., or a batched b: its work checked (call_work)
    made: list = [_MISS, 0]   # the last result's shape and its element count (result_elements)

    def run(a: Any, b: Any, bind: list | None = None) -> Any:
        ta, tb = type(a), type(b)
        if ta is _TENSOR:
            left = a.shape
            if tb is _TENSOR:
                right = b.shape
                if product and (a.dtype is not _F32 or b.dtype is not _F32 or len(right) > 2):
                    check_work(sizes.limits.max_call_work, name, [a, b], {}, sizes.work_rows)
            elif tb in _NUMBERS:
                right = tb
            else:
                return apply_binary(name, fn, a, b, node)
        elif tb is _TENSOR and ta in _NUMBERS:
            left, right = ta, b.shape
        elif (ta, tb) in numpy_scalar_ops.SCALAR_PAIRS and numpy_scalar_ops.takes_pair(name, a, b):
            return numpy_scalar_ops.binary(interp, name, fn, a, b)   # apply_binary's first NumPy case
        elif OBJECT_OPERANDS and (ta is ProgramObject or tb is ProgramObject) and ta is not _STR_SCALAR \
                and tb is not _STR_SCALAR:   # `a + b` of micrograd's Values: where apply_binary's tests
            return object_binary(interp, name, a, b, node, None)   # end for such kinds (session 45)
        else:
            return apply_binary(name, fn, a, b, node)
        if left == seen[0] and right == seen[1]:
            count = seen[2]
        else:
            count = others.get((left, right))
            if count is None:
                count = shapes.fast_count(fn, [a, b], {})
                if count is None:   # the meta device or its cache: predict's whole path
                    return apply_binary(name, fn, a, b, node)
                if len(others) < SEEN_SHAPES:
                    others[(left, right)] = count
            seen[0], seen[1], seen[2] = left, right, count
        if count > sizes.quick_one or sizes.total_elements + count > sizes.quick_total:
            sizes.check_elements(count, name)   # before the op, as predict does
        try:
            result = fn(a, b)
        except Exception as exc:  # noqa: BLE001 - every torch failure becomes a ProgramError
            raise calls.translate_torch_error(exc, name, [a, b]) from None
        if type(result) is not _TENSOR:
            return other_result(interp, name, a, b, result, node, None, True)
        shape = result.shape
        if shape == made[0]:   # the last result's shape: the same count, its checks passed
            elements = made[1]
        else:
            elements = result_elements(shape, made)
        if elements > sizes.quick_one or sizes.total_elements + elements > sizes.quick_total:
            sizes.check_elements(elements, name)   # fail closed after the call
        sizes.total_elements += elements
        interp._ops += 1   # Interpreter.record_op, inline
        if bind is None:
            interp.hooks.on_op(name, [a, b], {}, result, node, interp.scope.function_name)
        else:   # `name = a op b` (compiled_binary_assign.py): the hooks' on_assign too, in one call
            interp.hooks.on_op(name, [a, b], {}, result, node, interp.scope.function_name, bind)
            bind[2] = True
        return result
    run.scalar_pair = None if product else _scalar_pair(interp, name, fn, node)
    run.binds = True   # takes compiled_binary_assign's `bind`
    return run


def _scalar_pair(interp: Interpreter, name: str, fn: Callable[..., Any],
                 node: ast.AST) -> Callable[[Any, Any], Any]:
    """The site's answer for operands whose types are a pair of numpy_scalar_ops.SCALAR_PAIRS (a
    compiled operator calls it at once for those: two calls less for `x * w` of np.float64): its own
    test, takes_pair, then numpy_scalar_ops.binary; for an int too big for NumPy, apply_binary, as the
    site does for such a pair. (Not the site itself: `run.scalar_pair = pair` holding `run` made a cycle
    that kept the run's interpreter alive until the cyclic collector: test_parsed_programs.)"""
    binary, bits, apply_binary = numpy_scalar_ops.binary, numpy_scalar_ops.MAX_INT_BITS, interp.apply_binary
    if SCALAR_PAIR_CLOSURE:   # the same, one frame less (numpy_scalar_ops.pair_for)
        return numpy_scalar_ops.pair_for(interp, name, fn, lambda a, b: apply_binary(name, fn, a, b, node))

    def pair(a: Any, b: Any) -> Any:
        if (type(a) is not int or a.bit_length() <= bits) and (type(b) is not int or b.bit_length() <= bits):
            return binary(interp, name, fn, a, b)   # (takes_pair's test, for a pair it takes)
        return apply_binary(name, fn, a, b, node)
    return pair


def augmented_site(interp: Interpreter, name: str, fn: Callable[..., Any], inplace_name: str,
                   node: ast.AST) -> Callable[[Any, Any], Any]:
    """apply_binary(name, fn, a, b, node, inplace_of=inplace_name) of `x op= v` (fn: operator.isub & co.),
    its tensor case planned as binary_site plans it: the size check before the op, then the write
    announced (notify_memory), the call, and the record of the in-place op (`sub_`) when the tensor
    was written in place, else of the new result after its own size check."""
    apply_binary = interp.apply_binary
    sizes = interp.sizes
    seen: list = [_MISS, _MISS, 0]   # the last (left key, right key) and its element count
    others: dict = {}   # (left key, right key) -> element count, up to SEEN_SHAPES of them
    product = name == "matmul"   # `a @ b` of int64, float16..., or a batched b: its work checked (call_work)
    made: list = [_MISS, 0]   # the last result's shape and its element count (result_elements)

    def run(a: Any, b: Any) -> Any:
        ta, tb = type(a), type(b)
        if ta is _TENSOR:
            left = a.shape
            if tb is _TENSOR:
                right = b.shape
                if product and (a.dtype is not _F32 or b.dtype is not _F32 or len(right) > 2):
                    check_work(sizes.limits.max_call_work, name, [a, b], {}, sizes.work_rows)
            elif tb in _NUMBERS:
                right = tb
            else:
                return apply_binary(name, fn, a, b, node, inplace_of=inplace_name)
        elif tb is _TENSOR and ta in _NUMBERS:
            left, right = ta, b.shape
        else:
            return apply_binary(name, fn, a, b, node, inplace_of=inplace_name)
        if left == seen[0] and right == seen[1]:
            count = seen[2]
        else:
            count = others.get((left, right))
            if count is None:
                count = shapes.fast_count(fn, [a, b], {})
                if count is None:   # the meta device or its cache: predict's whole path
                    return apply_binary(name, fn, a, b, node, inplace_of=inplace_name)
                if len(others) < SEEN_SHAPES:
                    others[(left, right)] = count
            seen[0], seen[1], seen[2] = left, right, count
        if count > sizes.quick_one or sizes.total_elements + count > sizes.quick_total:
            sizes.check_elements(count, name)   # before the op, as predict does
        calls.notify_memory(interp, "write", a)   # `x += y` writes x's memory
        try:
            result = fn(a, b)
        except Exception as exc:  # noqa: BLE001 - every torch failure becomes a ProgramError
            raise calls.translate_torch_error(exc, name, [a, b]) from None
        if type(result) is not _TENSOR:
            return other_result(interp, name, a, b, result, node, inplace_name, True)
        if result is a:
            interp.record_op(inplace_name, [a, b], {}, result, node)
            return result
        shape = result.shape
        if shape == made[0]:   # the last result's shape: the same count, its checks passed
            elements = made[1]
        else:
            elements = result_elements(shape, made)
        if elements > sizes.quick_one or sizes.total_elements + elements > sizes.quick_total:
            sizes.check_elements(elements, name)   # fail closed after the call
        sizes.total_elements += elements
        interp.record_op(name, [a, b], {}, result, node)
        return result
    return run

def result_elements(shape: Any, made: list) -> int:
    """Elements of a result of this shape, with the checks of a new shape (tensor_elements': huge
    empty shapes, NumPy's 64 dimensions); remembered in `made` as the site's last result shape, so
    that the next result of the same shape (a loop's every pass) takes its count without them."""
    dims = len(shape)   # a 0-dim result holds 1 element (math.prod of its empty shape)
    elements = math.prod(shape) if dims else 1
    if not elements or dims > MAX_SHOWN_DIMS:
        check_result_shape(shape)
    made[0], made[1] = shape, elements
    return elements


_PLAIN_ARGUMENTS = calls._PLAIN_ARGUMENTS


def method_site(interp: Interpreter, attr: str, spec: CallSpec, node: ast.AST) -> Callable[..., Any]:
    """calls.call_method(interp, tensor, attr, spec, args, kwargs, node) of one call site: without
    keyword arguments, with plain arguments (numbers, tensors, strings, None, sizes, dtypes: data,
    never a numpy wrapper) and a method that is no special case, call_method comes down to
    calls.invoke with the method looked up once; everything else goes through call_method.

    The size check of a call with no arguments (`x.sum()`, `w.norm()`, `p.grad.zero_()`) is
    invoke's, made here with the last shape and count remembered (binary_site's plan): invoke
    predicts for a "meta" method, and for a "same" one only when the tensor is empty
    (calls._may_grow of one tensor)."""
    if attr in COSTLY:   # x.inverse(), a.matrix_power(k): call_work.py checks the work first, as invoke
        fast, norm = method_site_planned(interp, attr, spec, node), attr in NORMS

        def run(tensor: Any, args: list, kwargs: dict) -> Any:
            if not kwargs and (args or not norm):   # x.norm() costs nothing; keywords: invoke checks
                sizes = interp.sizes
                check_work(sizes.limits.max_call_work, attr, [tensor, *args], kwargs, sizes.work_rows)
            return fast(tensor, args, kwargs)
        return run
    return method_site_planned(interp, attr, spec, node)


def method_site_planned(interp: Interpreter, attr: str, spec: CallSpec, node: ast.AST) -> Callable[..., Any]:
    """method_site for a method whose work call_work.py does not check."""
    method: list = [] if attr not in ("new_tensor", "type_as") else [None]   # [torch.Tensor's method]
    sized = spec.kind != "tensor" and attr not in calls._PIECE_OPS and spec.size in ("meta", "same")
    unsized = spec.kind != "tensor" and attr not in calls._PIECE_OPS and spec.size not in ("meta", "same")
    sizes = interp.sizes
    seen: list = [_MISS, 0]   # the last receiver shape and its element count
    others: dict = {}   # receiver shape -> element count, up to SEEN_SHAPES of them
    # `x.pow(2)`, `y.requires_grad_(True)`: invoke's branches for a plain tensor with arguments,
    # decided here (a piece op or a tensor-data method still goes to invoke)
    planned_args = spec.kind != "tensor" and attr not in calls._PIECE_OPS
    meta, same = spec.size == "meta", spec.size == "same"
    creation, may_grow = spec.kind in ("random", "op"), calls._may_grow
    two = planned_args and size_plans.shape_only(getattr(torch.Tensor, attr, None))
    seen_two = size_plans.fresh_seen()   # the receiver's and the argument's keys and their count
    plain_call, write = spec.kind != "random", attr[-1:] == "_"   # call_sized's generator / write
    made: list = [_MISS, 0]   # the last result's shape and its element count (result_elements)

    def run(tensor: Any, args: list, kwargs: dict) -> Any:
        if kwargs:
            return calls.call_method(interp, tensor, attr, spec, args, kwargs, node)
        for value in args:
            if type(value) not in _PLAIN_ARGUMENTS:
                return calls.call_method(interp, tensor, attr, spec, args, kwargs, node)
        if not method:
            late = calls._late()
            method.append(None if attr in late.SPECIAL_METHODS else getattr(torch.Tensor, attr))
        fn = method[0]
        if fn is None:   # a special case, new_tensor's data check, type_as's refusal
            return calls.call_method(interp, tensor, attr, spec, args, kwargs, node)
        if args and type(tensor) is _TENSOR and planned_args:   # calls.invoke, inline
            full = [tensor, *args]
            # _may_grow of a tensor and one argument that is no tensor: whether the tensor is empty
            if meta or same and (not tensor.numel() if len(args) == 1 and type(args[0]) is not _TENSOR
                                 else may_grow(full, kwargs)):   # invoke's size check
                count = size_plans.two_count(fn, full, seen_two) if two and len(args) == 1 else None
                if count is None:   # predict's whole path, as invoke takes it
                    sizes.predict(fn, full, kwargs, attr, creation=creation, site=node)
                elif count > sizes.quick_one or sizes.total_elements + count > sizes.quick_total:
                    sizes.check_elements(count, attr)   # as predict checks fast_count's answer
            if not plain_call:
                return calls.call_sized(interp, attr, fn, spec, full, kwargs, node)
            # calls.call_sized for no keyword arguments and no generator, inline
            if write:
                calls.notify_memory(interp, "write", tensor)
            try:
                result = fn(*full)
            except ProgramError:
                raise
            except Exception as exc:  # noqa: BLE001 - every torch failure becomes a ProgramError
                raise calls.translate_torch_error(exc, attr, full) from None
            if type(result) is _TENSOR:
                shape = result.shape
                if shape == made[0]:   # the last result's shape: the same count, its checks passed
                    elements = made[1]
                else:
                    elements = result_elements(shape, made)
                recorded = True
            else:
                result = calls.wrap_result(result, attr)
                elements = tensor_elements(result)
                recorded = calls.has_tensor(result)
            if elements > sizes.quick_one or sizes.total_elements + elements > sizes.quick_total:
                sizes.check_elements(elements, attr)   # whatever was predicted, fail closed
            sizes.total_elements += elements
            if recorded:   # Interpreter.record_op, inline
                interp._ops += 1
                interp.hooks.on_op(attr, full, kwargs, result, node, interp.scope.function_name)
            return result
        if args or type(tensor) is not _TENSOR:
            return calls.invoke(interp, attr, fn, spec, [tensor, *args], kwargs, node)
        if unsized:
            return calls.call_sized(interp, attr, fn, spec, [tensor], kwargs, node)
        if not sized:   # a piece op (check_pieces) or a tensor-data method
            return calls.invoke(interp, attr, fn, spec, [tensor], kwargs, node)
        if spec.size == "same" and tensor.numel():   # one tensor, not empty: _may_grow says no
            return calls.call_sized(interp, attr, fn, spec, [tensor], kwargs, node)
        shape = tensor.shape
        if shape == seen[0]:
            count = seen[1]
        else:
            count = others.get(shape)
            if count is None:
                count = shapes.fast_count(fn, [tensor], {})
                if count is None:   # the meta device or its cache: invoke's whole path
                    return calls.invoke(interp, attr, fn, spec, [tensor], kwargs, node)
                if len(others) < SEEN_SHAPES:
                    others[shape] = count
            seen[0], seen[1] = shape, count
        if count > sizes.quick_one or sizes.total_elements + count > sizes.quick_total:
            sizes.check_elements(count, attr)   # before the call, as predict does
        return calls.call_sized(interp, attr, fn, spec, [tensor], kwargs, node)
    return run


def property_site(interp: Interpreter, attr: str) -> Callable[[Any], Any] | None:
    """attributes.read_attribute(interp, tensor, attr, node) for a tensor property that is neither
    grad_fn (wrapped) nor an op (`.T`, `.mT`: sized and recorded), or None for other names."""
    if attr not in al.TENSOR_PROPERTIES or attr == "grad_fn" or attr in al.TENSOR_OP_PROPERTIES:
        return None
    kind = "grad" if attr == "grad" else "share" if attr == "data" else None

    def read(tensor: Any) -> Any:
        try:
            value = getattr(tensor, attr)
        except Exception as exc:  # noqa: BLE001 - as attributes._torch_guarded
            raise calls.translate_torch_error(exc, attr, [tensor]) from None
        if kind is not None:   # backward writes .grad; .data has its own version
            calls.notify_memory(interp, kind, tensor)
        return value
    return read

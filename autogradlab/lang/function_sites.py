"""Library function calls planned once per call site (issue 9).

`torch.maximum(best, torch.tensor(math.sin(n)))` in a loop reaches calls.call_function (through the
namespace's SafeFunction) thousands of times with the same function. call_function is general: it
moves an `input=` keyword, checks and pops keyword arguments, looks the function up among the special
cases, checks and unwraps every argument, and invoke decides again which size check the function's
spec asks for. A compiled call (compiled_expressions._call) whose callee is a module member planned
here keeps what cannot change between calls (the op name, whether the function is special, a piece op
or a random_like, which size check its spec asks for) and does the rest exactly as before, in the same
order and with the same messages: torch.tensor's nested-size check, SizeGuard.predict (the same call,
with the call site: size_plans' remembered answer), then calls.call_sized (the call with torch's error
translated, the result's own size check, the element total, the op record). A call with keyword
arguments, or an argument that is not a number, tensor, string, None, size or dtype (a list, a numpy
value, a function), goes through the SafeFunction as before.

`math.sin(n)`: _math_function's impl for plain numbers (int, float, bool: data, nothing to refuse)
is the call itself; anything else (a tensor, a keyword argument) goes through the impl.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import ProgramError
from autogradlab.lang import calls, size_plans
from autogradlab.lang.call_work import COSTLY, NORMS, check_work
from autogradlab.lang.contraction_work import CONTRACTIONS, check_contraction
from autogradlab.lang.sizes import tensor_elements
from autogradlab.lang.tensor_sites import result_elements

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter
    from autogradlab.lang.safe_values import SafeFunction

_PLAIN_ARGUMENTS = calls._PLAIN_ARGUMENTS
_NUMBERS = frozenset({int, float, bool})
_TENSOR = torch.Tensor
_MISS = object()   # no result shape seen yet
Site = Callable[[list], Any]
# torch.tensor(x) of a Python float makes the same tensor as torch.scalar_tensor(x) (the default
# dtype, 0 dims, no grad, the same bits: tests/unit/test_pysum_s26.py) in ~0.7 us instead of ~1.9
# (torch.tensor infers the data's nesting and type first). Only inside +-3e38: beyond float32's range
# torch.tensor gives inf where scalar_tensor raises an overflow (and NaN and inf stay with torch.tensor).
SCALAR_FLOAT = True   # tests compare with it off
_FLOAT_BOUND = 3e38
_scalar_tensor = torch.scalar_tensor


def function_site(interp: Interpreter, member: SafeFunction, node: ast.AST) -> Site | None:
    """site(args) doing member.impl(interp, args, {}, node), or None when the member is not planned
    (namespaces._library_function / _math_function mark the ones that are)."""
    impl = member.impl
    planned = getattr(impl, "planned", None)
    if planned is None:
        return None
    if planned[0] == "math":
        return _math_site(interp, impl, planned[1], node)
    _, qualname, fn, spec = planned
    op = qualname.removeprefix("torch.")
    if qualname in calls._late().SPECIAL_FUNCTIONS or spec.kind == "random_like" or op in calls._PIECE_OPS:
        return None   # call_function's own branches
    costly = op if op in COSTLY else None   # call_work.py: its work checked before the call, as invoke's
    contraction = op if op in CONTRACTIONS else None   # einsum of 3 tensors: contraction_work.py
    norm = op in NORMS   # torch.norm(u) costs nothing to check: only a norm with an ord/p is
    tensor_data = spec.kind == "tensor"
    meta = spec.kind != "tensor" and spec.size == "meta"
    same = spec.kind != "tensor" and spec.size == "same"
    creation = spec.kind in ("random", "op")
    plain_call = spec.kind != "random" and op[-1:] != "_"   # call_sized adds a generator / tells a write
    sizes, may_grow, call_sized = interp.sizes, calls._may_grow, calls.call_sized
    empty: dict = {}
    shape_only = size_plans.shape_only(fn)
    scalar_float = SCALAR_FLOAT and fn is torch.tensor   # torch.tensor(0.25): see SCALAR_FLOAT
    seen = size_plans.fresh_seen()   # the last two arguments' keys and their count (size_plans')
    made: list = [_MISS, 0]   # the last result's shape and its count (tensor_sites.result_elements)

    def site(args: list) -> Any:
        for value in args:
            if type(value) not in _PLAIN_ARGUMENTS:
                return impl(interp, args, {}, node)
        if costly is not None and (len(args) > 1 or not norm):
            check_work(sizes.limits.max_call_work, costly, args, empty, sizes.work_rows)
        elif contraction is not None:
            check_contraction(sizes, contraction, fn, args, empty)
        # a str of its own per call, as call_function's: the report's pickle then shares the same
        # strings (records hold it) and stays byte-identical
        op = qualname.removeprefix("torch.")
        if tensor_data:   # call_function: the data's nested size before the call
            if len(args) == 1 and type(args[0]) in _NUMBERS:   # nested_length_product of a number: 1
                if 1 > sizes.quick_one or sizes.total_elements + 1 > sizes.quick_total:
                    sizes.check_elements(1, op)
            else:
                sizes.check_nested(args[0] if args else None, op)
        elif meta or same and may_grow(args, empty):   # invoke's size check
            if shape_only and len(args) == 2:   # predict's plan of this site, kept here
                count = size_plans.two_count(fn, args, seen)
                if count is None:
                    sizes.predict(fn, args, empty, op, creation=creation, site=node)
                elif count > sizes.quick_one or sizes.total_elements + count > sizes.quick_total:
                    sizes.check_elements(count, op)   # as predict checks fast_count's answer
            else:
                sizes.predict(fn, args, empty, op, creation=creation, site=node)
        if not plain_call:
            return call_sized(interp, op, fn, spec, args, {}, node)
        try:   # call_sized for a call with no keyword arguments, no generator and no write
            if scalar_float and len(args) == 1 and type(args[0]) is float \
                    and -_FLOAT_BOUND < args[0] < _FLOAT_BOUND:
                result = _scalar_tensor(args[0])
            else:
                result = fn(*args)
        except ProgramError:
            raise
        except Exception as exc:  # noqa: BLE001 - every torch failure becomes a ProgramError
            raise calls.translate_torch_error(exc, op, args) from None
        if type(result) is not _TENSOR:
            return call_sized_result(interp, op, args, result, node)
        shape = result.shape
        if shape == made[0]:   # the last result's shape: the same count, its checks passed
            elements = made[1]
        else:
            elements = result_elements(shape, made)
        if elements > sizes.quick_one or sizes.total_elements + elements > sizes.quick_total:
            sizes.check_elements(elements, op)   # whatever was predicted, fail closed
        sizes.total_elements += elements
        interp._ops += 1   # Interpreter.record_op, inline
        interp.hooks.on_op(op, args, {}, result, node, interp.scope.function_name)
        return result
    return site


def call_sized_result(interp: Interpreter, op: str, args: list, result: Any, node: ast.AST) -> Any:
    """The end of calls.call_sized for a result that is not a plain tensor."""
    result = calls.wrap_result(result, op)
    elements = tensor_elements(result)
    interp.sizes.check_elements(elements, op)
    interp.sizes.total_elements += elements
    if calls.has_tensor(result):
        interp.record_op(op, args, {}, result, node)
    return result


def _math_site(interp: Interpreter, impl: Callable[..., Any], fn: Callable[..., Any], node: ast.AST) -> Site:
    def site(args: list) -> Any:
        for value in args:
            if type(value) not in _NUMBERS:
                return impl(interp, args, {}, node)
        return fn(*args)
    return site

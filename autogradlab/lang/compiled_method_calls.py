"""Tensor method calls without arguments as one closure (issue 9; read compiled_expressions._call,
tensor_sites.method_site and compiled_leaves.py first).

`w.norm()`, `loss.backward()`, `l.item()`, `p.grad.zero_()`, `(y_pred - y).pow(2).sum()`: per call,
compiled_expressions._call runs the call's closure, `called` (which builds the empty argument list
and keyword dict), the method's planned site (tensor_sites.method_site, which looks at the arguments
again) and calls.call_sized, and for `p.grad.zero_()` also the attribute's closure and its property
read. Here, for a receiver that is exactly a torch.Tensor:

- zero_site(...) is method_site's run for no arguments, the branch it takes decided when the site is
  made (the same spec from the same allow-list, the same special cases, the same size check with the
  last shape remembered) and call_sized's work for one tensor and no keyword done inline: the write
  announced, the call with torch's error translated, the result's size checks (whatever was
  predicted, fail closed), the element total and the op record; a special method (backward, to,
  numpy, ...) goes to its handler as call_method sends it.
- property_call(...) fuses `name.prop.method()`: the call's, the attribute's and the name's steps
  taken at once when none of them reaches the step budget or a multiple of 32 (the time check), the
  name read inline, the property read (its errors at the attribute's position) and the method called
  (its errors at the call's). Whenever a step could matter, or the name is in no scope or not a plain
  tensor, nothing has happened yet and the call runs through its per-node closures.

Anything else (a subclass of Tensor, a value that is not a tensor, a property read that gives None)
goes through `called`, the general continuation, with its steps already taken exactly as the
per-node closures take them.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import ProgramError
from autogradlab.lang import calls, shapes, tensor_sites
from autogradlab.lang.allowlist import CallSpec
from autogradlab.lang.call_work import COSTLY, NORMS
from autogradlab.lang.compiled_leaves import outer_value
from autogradlab.lang.operators import python_error
from autogradlab.lang.sizes import tensor_elements
from autogradlab.lang.statements import BreakLoop, ContinueLoop, ReturnValue

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

Run = Callable[[], Any]
_CONTROL = (BreakLoop, ContinueLoop, ReturnValue)
_TENSOR = torch.Tensor
_MISS = object()
# `w.norm()` of a strided CPU tensor whose type is exactly torch.Tensor: what Tensor.norm() comes to
# (torch.norm with p="fro", dim=None, no out: torch/functional.py calls exactly this), without the two
# Python functions before it (issue 9: ~2 us a call, in power iteration's every pass); the same kernel,
# the same result, grad_fn and errors. Any other layout or device takes Tensor.norm itself.
_vector_norm = torch.linalg.vector_norm
_STRIDED = torch.strided
# method_site's branches for a plain tensor and no arguments
_SPECIAL, _INVOKE, _UNSIZED, _SAME, _META = range(5)


def _branch(attr: str, spec: CallSpec) -> int:
    """The branch tensor_sites.method_site takes for `tensor.attr()` with a plain tensor."""
    if attr in calls._late().SPECIAL_METHODS or attr in ("new_tensor", "type_as"):
        return _SPECIAL   # call_method's own branches
    if spec.kind == "tensor" or attr in calls._PIECE_OPS or attr in COSTLY and attr not in NORMS:
        return _INVOKE   # check_pieces, a tensor-data method, call_work.py's check (x.det()): invoke decides
    if spec.size == "same":
        return _SAME
    if spec.size == "meta":
        return _META
    return _UNSIZED


def zero_site(interp: Interpreter, attr: str, spec: CallSpec, node: ast.AST) -> Callable[[Any], Any]:
    """site(tensor): tensor_sites.method_site(interp, attr, spec, node)(tensor, [], {}) for a tensor
    whose type is exactly torch.Tensor (the caller sends every other value elsewhere)."""
    branch = _branch(attr, spec)
    special = calls._late().SPECIAL_METHODS.get(attr)
    fn = None if branch == _SPECIAL else getattr(torch.Tensor, attr, None)
    if fn is None:   # a name this torch lacks: call_method's lookup fails as it always did, at the call
        branch = _SPECIAL
    inline = spec.kind != "random"   # call_sized adds the run's generator to a random method
    frobenius = attr == "norm" and fn is _TENSOR.norm   # `w.norm()`: _vector_norm's call
    write = attr[-1:] == "_"   # x.zero_(): call_sized announces the write into args[0]
    sizes = interp.sizes
    seen: list = [_MISS, 0]   # the last receiver shape and its element count (method_site's plan)
    others: dict = {}   # receiver shape -> element count, up to SEEN_SHAPES of them (method_site's)
    made: list = [_MISS, 0]   # the last result's shape and its count (tensor_sites.result_elements)

    def site(tensor: Any) -> Any:
        if branch == _SPECIAL:
            if special is not None:   # call_method with no arguments: straight to the handler
                return special(interp, tensor, [], {}, node)
            return calls.call_method(interp, tensor, attr, spec, [], {}, node)
        if branch == _INVOKE:
            return calls.invoke(interp, attr, fn, spec, [tensor], {}, node)
        if branch == _META or branch == _SAME and not tensor.numel():   # _may_grow of one empty tensor
            shape = tensor.shape
            if shape == seen[0]:
                count = seen[1]
            else:
                count = others.get(shape)
                if count is None:
                    count = shapes.fast_count(fn, [tensor], {})
                    if count is None:   # the meta device or its cache: invoke's whole path
                        return calls.invoke(interp, attr, fn, spec, [tensor], {}, node)
                    if len(others) < tensor_sites.SEEN_SHAPES:
                        others[shape] = count
                seen[0], seen[1] = shape, count
            if count > sizes.quick_one or sizes.total_elements + count > sizes.quick_total:
                sizes.check_elements(count, attr)   # before the call, as predict does
        if not inline:
            return calls.call_sized(interp, attr, fn, spec, [tensor], {}, node)
        # calls.call_sized(interp, attr, fn, spec, [tensor], {}, node), inline
        if write:
            calls.notify_memory(interp, "write", tensor)
        try:
            if frobenius and tensor.is_cpu and tensor.layout is _STRIDED:
                result = _vector_norm(tensor, 2, None, False, dtype=None)   # see _vector_norm
            else:
                result = fn(tensor)
        except ProgramError:
            raise
        except Exception as exc:  # noqa: BLE001 - every torch failure becomes a ProgramError
            raise calls.translate_torch_error(exc, attr, [tensor]) from None
        if type(result) is _TENSOR:
            shape = result.shape
            if shape == made[0]:   # the last result's shape: the same count, its checks passed
                elements = made[1]
            else:
                elements = tensor_sites.result_elements(shape, made)
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
            interp.hooks.on_op(attr, [tensor], {}, result, node, interp.scope.function_name)
        return result
    return site


def property_call(interp: Interpreter, node: ast.Call, name: str, read: Callable[[Any], Any],
                  then: Callable[[Any], Any], per_node: Run) -> Run:
    """`name.prop.method()`: `read` is the property's planned read (tensor_sites.property_site),
    `then` the call's continuation for the property's value, `per_node` the call's own closure."""
    attribute = node.func.value
    line, column = node.lineno, node.col_offset + 1
    read_at = (attribute.lineno, attribute.col_offset + 1)

    def run() -> Any:
        s = interp._steps
        if s + 3 > interp._max_steps or (s & 31) >= 29:   # one of s+1 .. s+3 could stop the program
            return per_node()
        values = interp.scope.vars
        base = values[name] if name in values else outer_value(interp, name)
        if type(base) is not _TENSOR:   # not in scope, or not a plain tensor: nothing happened yet
            return per_node()
        interp._steps = s + 3
        try:
            try:   # the attribute's node (compiled_expressions._attribute)
                value = read(base)
            except ProgramError as err:
                raise err.at(*read_at) from None
            except Exception as exc:  # noqa: BLE001
                raise python_error(exc).at(*read_at) from None
            return then(value)
        except ProgramError as err:
            raise err.at(line, column) from None
        except _CONTROL:
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
    return run


def property_read(interp: Interpreter, node: ast.Attribute, name: str, read: Callable[[Any], Any],
                  per_node: Run) -> Run:
    """`name.prop` of a planned tensor property (`w.grad`, `x.data`, `v.shape`): the attribute's and
    the name's steps taken at once as compiled_leaves.leaf_first takes them, the name read inline
    and the property read; `per_node` (the attribute's own closure) whenever a step could matter or
    the name is in no scope or not a plain tensor (nothing has happened yet)."""
    line, column = node.lineno, node.col_offset + 1

    def run() -> Any:
        s = interp._steps
        if s + 2 > interp._max_steps or (s & 31) >= 30:   # s+1 or s+2 could stop the program
            return per_node()
        values = interp.scope.vars
        base = values[name] if name in values else outer_value(interp, name)
        if type(base) is not _TENSOR:   # not in scope, or not a plain tensor: nothing happened yet
            return per_node()
        interp._steps = s + 2
        try:
            return read(base)
        except ProgramError as err:
            raise err.at(line, column) from None
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
    return run

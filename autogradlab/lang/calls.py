"""Calling allowlisted torch functions and tensor methods on behalf of a program.

One path for every library call: check the keyword policy, unwrap numpy wrappers, inject the run's
generator, size the result on the meta device, call, translate torch's exception, wrap the result,
and tell the engine (hooks.on_op). Special cases (backward, jacobian, manual_seed, numpy, ...)
live in a registry at the bottom rather than in if-chains.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramError, ProgramTypeError
from autogradlab.lang.allowlist import CallSpec
from autogradlab.lang.call_arguments import (  # noqa: F401 - re-exported (calls.require_data & co.)
    _require_all,
    check_kwargs,
    has_tensor,
    require_data,
    unwrap,
    wrap_result,
)
from autogradlab.lang.call_errors import translate_torch_error
from autogradlab.lang.call_work import COSTLY, check_work
from autogradlab.lang.contraction_work import CONTRACTIONS, check_contraction
from autogradlab.lang.piece_counts import _PIECE_OPS, check_pieces, check_tolist  # noqa: F401 - re-exported
from autogradlab.lang.safe_values import SafeArray
from autogradlab.lang.sizes import check_result_shape, tensor_elements
from autogradlab.lang.tensor_counts import MAX_SHOWN_DIMS
from autogradlab.lang.torch_generators import call_with_generator

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


# -- the engine told of writes ---------------------------------------------------------------
def notify_memory(interp: Interpreter, kind: str, tensor: Any) -> None:
    """Tell the engine before the program writes into a tensor's memory ("write": in-place ops,
    setitem, out=, augmented assignment), shares it with NumPy or `.data` ("share"), or sees or
    sets its `.grad` ("grad"): the op trace holds outputs without copying them until then."""
    if type(tensor) is torch.Tensor or isinstance(tensor, torch.Tensor):
        try:   # getattr(interp.hooks, "on_memory", None), without the call (every `w.grad` of a loop)
            hook = interp.hooks.on_memory
        except AttributeError:
            return
        hook(kind, tensor)


# -- the common path -------------------------------------------------------------------------
def invoke(interp: Interpreter, op: str, fn: Callable[..., Any], spec: CallSpec, args: list,
           kwargs: dict, node: ast.AST, record_args: list | None = None) -> Any:
    """Size-check, call, translate, wrap, record. `op` is the name the engine sees."""
    if op in _PIECE_OPS:
        check_pieces(interp, op, args, kwargs)
    if op in COSTLY:   # eigvals of 2236x2236, matrix_power(a, 10**18): refused before the kernel runs
        check_work(interp.sizes.limits.max_call_work, op, args, kwargs, interp.sizes.work_rows)
    elif op in CONTRACTIONS:   # einsum's and multi_dot's intermediates (contraction_work.py)
        check_contraction(interp.sizes, op, fn, args, kwargs)
    if spec.kind != "tensor" and (spec.size == "meta" or spec.size == "same" and _may_grow(args, kwargs)):
        interp.sizes.predict(fn, args, kwargs, op, creation=spec.kind in ("random", "op"), site=node)
    return call_sized(interp, op, fn, spec, args, kwargs, node, record_args)


def call_sized(interp: Interpreter, op: str, fn: Callable[..., Any], spec: CallSpec, args: list,
               kwargs: dict, node: ast.AST, record_args: list | None = None) -> Any:
    """The rest of invoke once the size check before the call is done (tensor_sites.method_site
    makes that check itself): call, translate, wrap, check the result, record."""
    call_kwargs = dict(kwargs)
    if spec.kind == "random":
        call_kwargs["generator"] = interp.generator
    if op[-1:] == "_" and args:   # x.add_(y), torch.relu_(x), nn.init.normal_(w): writes args[0]
        notify_memory(interp, "write", args[0])
    try:
        result = fn(*args, **call_kwargs)
    except ProgramError:
        raise
    except Exception as exc:  # noqa: BLE001 - every torch failure becomes a ProgramError
        raise translate_torch_error(exc, op, args) from None
    if type(result) is torch.Tensor:   # wrap_result, tensor_elements and has_tensor's first answers
        dims = result.dim()   # a 0-dim result holds 1 element (math.prod of its empty shape)
        elements = math.prod(result.shape) if dims else 1
        if not elements or dims > MAX_SHOWN_DIMS:   # as tensor_elements: huge empty shapes
            check_result_shape(result.shape)   # and NumPy's 64 dimensions
        tensor = True
    else:
        result = wrap_result(result, op)
        elements = tensor_elements(result)
        tensor = has_tensor(result)
    sizes = interp.sizes
    if elements > sizes.quick_one or sizes.total_elements + elements > sizes.quick_total:
        sizes.check_elements(elements, op)   # whatever was predicted, fail closed
    sizes.total_elements += elements
    if tensor:   # Interpreter.record_op, inline
        interp._ops += 1
        interp.hooks.on_op(op, record_args if record_args is not None else args, kwargs, result, node,
                           interp.scope.function_name)
    return result


def _may_grow(args: list, kwargs: dict) -> bool:
    """A "same size" op can still grow: with two tensors it broadcasts (clamp(x, min=t),
    max(a, b)), and a reduction of an empty tensor keeps the other dimensions (zeros(0, 10**8).sum(0))."""
    tensors = 0
    for value in (*args, *kwargs.values()) if kwargs else args:
        if isinstance(value, torch.Tensor):
            if value.numel() == 0:
                return True
            tensors += 1
    return tensors > 1


class _Late:
    """Modules that build on this one (devices, specials), imported at their first use: an import
    statement in a function runs the import machinery on every call (microseconds per op)."""

    def __init__(self) -> None:
        from autogradlab.lang.devices import pop_device
        from autogradlab.lang.specials import SPECIAL_FUNCTIONS, SPECIAL_METHODS

        self.pop_device = pop_device
        self.SPECIAL_FUNCTIONS = SPECIAL_FUNCTIONS
        self.SPECIAL_METHODS = SPECIAL_METHODS


_late_modules: list[_Late] = []


def _late() -> _Late:
    if not _late_modules:
        _late_modules.append(_Late())
    return _late_modules[0]


# is_data's atoms that unwrap() leaves as they are (no SafeArray): arguments of the common call
_PLAIN_ARGUMENTS = frozenset({bool, int, float, complex, str, type(None), torch.Tensor, torch.Size,
                              torch.dtype})


def _atoms(args: list, kwargs: dict) -> bool:
    """Every argument is a number, a tensor, a string, None, a size or a dtype: data, unwrapped."""
    for value in args:
        if type(value) not in _PLAIN_ARGUMENTS:
            return False
    if kwargs:
        for value in kwargs.values():
            if type(value) not in _PLAIN_ARGUMENTS:
                return False
    return True


def _unwrapped(args: list) -> list:
    """unwrap() of every argument."""
    return [value.array if isinstance(value, SafeArray) else value for value in args]


def call_function(interp: Interpreter, qualname: str, fn: Callable[..., Any], spec: CallSpec,
                  args: list, kwargs: dict, node: ast.AST) -> Any:
    """A torch.* / torch.linalg.* / F.* function called by the program."""
    if "input" in kwargs and not args and "input" not in spec.kwargs:
        kwargs = dict(kwargs)
        args = [kwargs.pop("input")]   # torch's first parameter, by keyword: zeros_like(input=x)
    late = _late_modules[0] if _late_modules else _late()
    if kwargs and "generator" in kwargs and spec.kind in ("random", "random_like"):   # randn(3, generator=g)
        return call_with_generator(interp, qualname, kwargs, lambda kw: call_function(
            interp, qualname, fn, spec, args, kw, node))
    if kwargs:
        check_kwargs(qualname, spec, kwargs)
        kwargs = late.pop_device(kwargs)
    op = qualname.removeprefix("torch.")
    special = late.SPECIAL_FUNCTIONS.get(qualname)
    if special is not None:
        return special(interp, args, kwargs, node)
    if not _atoms(args, kwargs):   # atoms are data and never SafeArrays: nothing to check or unwrap
        _require_all(args, kwargs, qualname, False)
        args = _unwrapped(args)
        if kwargs:
            kwargs = {k: unwrap(v) for k, v in kwargs.items()}
    else:
        args = list(args)   # a list of its own, as _unwrapped gives
    if spec.kind == "tensor":
        data = args[0] if args else kwargs.get("data")
        interp.sizes.check_nested(data, op)
    if spec.kind == "random_like":
        return _random_like(interp, op, args, kwargs, node)
    if "out" in kwargs:
        from autogradlab.lang.outputs import call_with_out
        return call_with_out(interp, op, fn, spec, args, kwargs, node)
    return invoke(interp, op, fn, spec, args, kwargs, node)


def call_method(interp: Interpreter, tensor: torch.Tensor, name: str, spec: CallSpec, args: list,
                kwargs: dict, node: ast.AST) -> Any:
    """tensor.name(*args, **kwargs) for an allowlisted method."""
    late = _late_modules[0] if _late_modules else _late()
    if kwargs and "generator" in kwargs and spec.kind == "random":   # x.normal_(generator=g)
        return call_with_generator(interp, f"Tensor.{name}", kwargs, lambda kw: call_method(
            interp, tensor, name, spec, args, kw, node))
    if kwargs:
        check_kwargs(f"Tensor.{name}", spec, kwargs)
        if name != "type":   # x.type(dtype=float): PyTorch's ValueError (tensor_api.tensor_type), not float64
            kwargs = late.pop_device(kwargs)
    atoms = _atoms(args, kwargs)   # atoms are data and never SafeArrays: nothing to check or unwrap
    if not atoms and name != "register_hook":   # its one argument is a program function (tensor_hooks.py)
        _require_all(args, kwargs, name, True)
    special = late.SPECIAL_METHODS.get(name)
    if special is not None:
        return special(interp, tensor, args, kwargs, node)
    if not atoms:
        args = _unwrapped(args)
    if name == "new_tensor":
        interp.sizes.check_nested(args[0] if args else kwargs.get("data"), name)
    if name == "type_as" and not all(isinstance(a, (torch.dtype, torch.Tensor)) for a in args):
        raise NotSupported(f"`.{name}()` accepts only a dtype or a tensor in Autograd Lab")
    method = getattr(torch.Tensor, name)
    return invoke(interp, name, method, spec, [tensor, *args], kwargs, node)


def _random_like(interp: Interpreter, op: str, args: list, kwargs: dict, node: ast.AST) -> Any:
    """randn_like & co. through the run's generator: the shape of the input, a fresh sample."""
    if not args or not isinstance(args[0], torch.Tensor):
        raise ProgramTypeError(f"{op}() needs a tensor as its first argument")
    source, rest = args[0], list(args[1:])
    dtype = kwargs.get("dtype") or source.dtype
    extra = {"dtype": dtype, "requires_grad": bool(kwargs.get("requires_grad", False))}
    if op == "randint_like":
        bounds = rest + [kwargs[k] for k in ("low", "high") if k in kwargs]
        low, high = (0, bounds[0]) if len(bounds) == 1 else tuple(bounds[:2])
        fn, call_args = torch.randint, [low, high, tuple(source.shape)]
    else:
        fn = torch.randn if op == "randn_like" else torch.rand
        call_args = [tuple(source.shape)]
    from autogradlab.lang.allowlist import TORCH_FUNCTIONS
    spec = TORCH_FUNCTIONS["randint" if op == "randint_like" else op.removesuffix("_like")]
    return invoke(interp, op, fn, spec, call_args, extra, node, record_args=[source])

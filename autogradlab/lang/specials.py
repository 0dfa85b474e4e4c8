"""Library calls the common path in calls.py cannot make: backward (wrapped in the engine's
before/after hooks), torch.autograd.grad, jacobian & co. (program functions turned into Python
callables), manual_seed (the run's generator only), tensor.numpy() (wrapped), retain_grad().
"""

from __future__ import annotations

import ast
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch
import torch.autograd.forward_ad as fwAD

from autogradlab.errors import LimitExceeded, NotSupported, ProgramError, ProgramTypeError
from autogradlab.lang import batch_escapes, devices, tensor_api, tensor_hooks
from autogradlab.lang.calls import (
    call_sized,
    has_tensor,
    notify_memory,
    require_data,
    translate_torch_error,
    wrap_result,
)
from autogradlab.lang.create_graph_work import check_create_graph, wants_graph
from autogradlab.lang.dropout import SPECIALS as DROPOUT
from autogradlab.lang.func_running import refuse_inside
from autogradlab.lang.grad_results import grad_result_elements
from autogradlab.lang.gradchecks import GRADCHECKS
from autogradlab.lang.matrix_exp_backward import BLOCK_WEIGHT, check_matrix_exp_backward
from autogradlab.lang.safe_values import SafeArray, UserFunction
from autogradlab.lang.scalar_backward import backward_call, seeds_ones
from autogradlab.lang.sizes import tensor_elements

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


# PyTorch's own text (torch/csrc/autograd/python_engine.cpp), for backward() in any torch.func transform
BACKWARD_INSIDE = ("backward() called inside a functorch transform. This is not supported, please use "
                   "functorch.grad or functorch.vjp instead or call backward() outside of functorch "
                   "transforms.")


# -- special functions -----------------------------------------------------------------------
def seed_generator(interp: Interpreter, args: list, kwargs: dict) -> None:
    """manual_seed(n) seeds the run's own generator, never torch's process-wide one. As torch.manual_seed:
    `int(seed)` first (2.5 seeds as 2, "3" as 3, a one-element tensor as its value), Python's and PyTorch's
    own errors for the rest (lang/seed_values.py)."""
    from autogradlab.lang.seed_values import seed_of
    interp.generator.manual_seed(seed_of(args, kwargs))
    return None


def _run_backward(interp: Interpreter, target: Any, gradient: Any, node: ast.AST,
                  call: Callable[[], Any], graph_call: str = "") -> None:
    """`graph_call`: the call's name when it has create_graph=True (lang/create_graph_work.py)."""
    if interp.__dict__.get("func_depth", 0):   # PyTorch refuses it in every transform, before anything runs
        raise translate_torch_error(RuntimeError(BACKWARD_INSIDE), "backward", [target])
    check_matrix_exp_backward(interp, target, graph_call or "backward()")
    if graph_call:
        check_create_graph(interp, target, graph_call)
    hooks = interp.hooks
    if getattr(hooks, "captures_backward", False) and _capturable(interp, target, gradient, graph_call):
        call = hooks.before_backward(target, gradient, node, capture=True) or call
    else:
        hooks.before_backward(target, gradient, node)
    try:
        if not graph_call and _in_tangent_run():
            with fwAD._set_fwd_grad_enabled(False):   # see _in_tangent_run
                call()
        else:
            call()
    except ProgramError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise translate_torch_error(exc, "backward", [target]) from None
    interp.hooks.after_backward(target, node)


def _capturable(interp: Interpreter, target: Any, gradient: Any, graph_call: str) -> bool:
    """Nothing of the program's runs inside this backward, so the engine may capture every Node's
    gradient itself (engine/captured_backward.py): `y.backward()` that only seeds ones, no hook or
    retain_grad() of the program's in this run, no anomaly mode, not the Steps page's tangent run."""
    return (gradient is None and not graph_call and not interp.__dict__.get("program_hooks")
            and seeds_ones(target) and not torch.is_anomaly_enabled() and not _in_tangent_run())


def _in_tangent_run() -> bool:
    """The Steps page's forward mode runs the program again inside its own dual level
    (engine/tangent_run.py). A backward() there without create_graph leaves no tangent on any .grad
    (AccumulateGrad drops it), yet with forward grad on, every backward Node computed the tangent of
    its gradient anyway: slower, not bit-equal to the first run's gradients (other kernels), and
    stopped by PyTorch where a backward formula has no forward derivative: F.mse_loss's
    ("ZeroTensors are immutable"), silu's, huber_loss's. So that backward runs with forward
    grad off: the gradients of the program's first run, and the tangents every op keeps."""
    if fwAD._current_level < 0:
        return False
    from autogradlab.engine import tangent_run
    return tangent_run.holds_level()


def _tensor_backward(interp: Interpreter, tensor: torch.Tensor, args: list, kwargs: dict,
                     node: ast.AST) -> None:
    gradient = args[0] if args else kwargs.get("gradient")
    _run_backward(interp, tensor, gradient, node, backward_call(tensor, args, kwargs),
                  "backward(create_graph=True)" if wants_graph(args, kwargs, 2) else "")


def _autograd_backward(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    for value in list(args) + list(kwargs.values()):
        require_data(value, "in `torch.autograd.backward`")
    tensors = args[0] if args else kwargs.get("tensors")
    gradient = args[1] if len(args) > 1 else kwargs.get("grad_tensors")
    _run_backward(interp, tensors, gradient, node, lambda: torch.autograd.backward(*args, **kwargs),
                  "torch.autograd.backward(..., create_graph=True)" if wants_graph(args, kwargs, 3) else "")


def _autograd_grad(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang.allowlist import AUTOGRAD_FUNCTIONS
    for value in list(args) + list(kwargs.values()):
        require_data(value, "in `torch.autograd.grad`")
    outputs = args[0] if args else kwargs.get("outputs")
    _check_grad_inputs(interp, args[1] if len(args) > 1 else kwargs.get("inputs"))
    create_graph = wants_graph(args, kwargs, 4)
    check_matrix_exp_backward(interp, outputs, "torch.autograd.grad(...)", getattr(interp.hooks, "rows", 1))
    if interp.__dict__.get("func_depth", 0):   # bounded before PyTorch walks the graph back
        from autogradlab.lang.grad_in_vmap import check_grad_in_vmap
        check_grad_in_vmap(interp, outputs, getattr(interp.hooks, "rows", 1), create_graph)
    elif create_graph:   # each Node builds its gradient's graph, walked again by the next derivative
        check_create_graph(interp, outputs, "torch.autograd.grad(..., create_graph=True)")
    before = getattr(interp.hooks, "before_grad", None)   # the Steps run's StepHooks only
    parts = grad_call_parts(args, kwargs) if before is not None and not interp.__dict__.get("func_depth") \
        else None
    # sized from its inputs, not by a meta run (lang/grad_results.py), then the common path's call
    interp.sizes.check_elements(grad_result_elements(args, kwargs), "autograd.grad")
    if parts is None:
        result = call_sized(interp, "autograd.grad", torch.autograd.grad, AUTOGRAD_FUNCTIONS["grad"],
                            args, kwargs, node)
    else:
        before(parts[0], parts[2], node)
        result = None
        try:
            result = call_sized(interp, "autograd.grad", torch.autograd.grad, AUTOGRAD_FUNCTIONS["grad"],
                                args, kwargs, node)
        finally:
            interp.hooks.after_grad(parts[1], result, node)
    returned = getattr(interp.hooks, "on_grad_returned", None)   # the Graph page's returned gradients
    if returned is not None and not interp.__dict__.get("func_depth"):
        returned(args[1] if len(args) > 1 else kwargs.get("inputs"), result, getattr(node, "lineno", 0))
    return result


def _check_grad_inputs(interp: Interpreter, inputs: Any) -> None:
    """grad() returns one gradient per input, each an op result the engine records and snapshots (~15 us,
    ~50 us in a Steps run): `grad(y, [x] * 100000)` ran 1.2 s CPU in one statement, 4.3-5.3 s in a Steps run,
    and the sandbox stopped the worker with no line (red team 2, session 34). At most max_ops inputs."""
    count, limit = len(inputs) if isinstance(inputs, (list, tuple)) else 1, interp.limits.max_ops
    if count > limit:
        raise LimitExceeded(f"`torch.autograd.grad` of {count:,} inputs would return {count:,} gradients; "
                            f"the limit is {limit:,} (limit max_ops)",
                            hint="ask for the gradient of fewer inputs in one call (a repeated input once)")


def grad_call_parts(args: list, kwargs: dict) -> tuple[Any, Any, Any] | None:
    """(outputs, inputs, grad_outputs) of a torch.autograd.grad call as the program wrote it; None for
    is_grads_batched=True (a vmap over grad_outputs: one pass per row, not one pass to step)."""
    names = ("outputs", "inputs", "grad_outputs")
    got = [args[k] if k < len(args) else kwargs.get(name) for k, name in enumerate(names)]
    batched = args[7] if len(args) > 7 else kwargs.get("is_grads_batched", False)
    return None if batched is True else (got[0], got[1], got[2])


def _numpy(interp: Interpreter, tensor: torch.Tensor, args: list, kwargs: dict, node: ast.AST) -> Any:
    if args:
        raise NotSupported("`.numpy()` takes no arguments in Autograd Lab")
    notify_memory(interp, "share", tensor)   # NumPy writes it without torch's version counter
    try:
        return SafeArray(tensor.numpy())
    except Exception as exc:  # noqa: BLE001
        raise translate_torch_error(exc, "numpy", [tensor]) from None


def _retain_grad(interp: Interpreter, tensor: torch.Tensor, args: list, kwargs: dict,
                 node: ast.AST) -> None:
    interp.program_hooks = True   # its hook runs inside every later backward (captured_backward.py)
    try:
        tensor.retain_grad()
    except Exception as exc:  # noqa: BLE001
        raise translate_torch_error(exc, "retain_grad", [tensor]) from None


def _hof(name: str) -> Callable[..., Any]:
    """jacobian/hessian/vjp/jvp/hvp/vhp with a program function turned into a Python callable."""
    torch_fn = getattr(torch.autograd.functional, name)

    def call(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if interp.__dict__.get("func_depth", 0):
            refuse_inside(interp, f"`torch.autograd.functional.{name}(...)`")
        from autogradlab.lang.forward_ad import refuse_in_level
        refuse_in_level(interp, f"`torch.autograd.functional.{name}(...)`")
        args = list(args)
        func = args.pop(0) if args else kwargs.pop("func", None)
        if not isinstance(func, UserFunction) and not callable(getattr(func, "impl", None)):
            raise ProgramTypeError(f"{name}() needs a function (a def or a lambda) as its first "
                                   f"argument")
        for value in list(args) + list(kwargs.values()):
            require_data(value, f"in `{name}`")
        inputs = args[0] if args else kwargs.get("inputs")
        in_elements = tensor_elements(inputs)
        if name == "hessian":
            interp.sizes.check_elements(in_elements * in_elements, name)

        def python_func(*inner: Any) -> Any:
            out = interp.call_value(func, list(inner), {}, node)
            if name == "jacobian":
                out_elements = tensor_elements(out)
                interp.sizes.check_elements(out_elements * max(1, in_elements), name)
                interp.charge_loop_iterations(out_elements, name)
            call = f"torch.autograd.functional.{name}(...)"
            check_matrix_exp_backward(interp, out, call, _backward_rows(name, out, in_elements))
            if name in ("hessian", "jvp", "hvp", "vhp"):   # a create_graph backward; hessian's a row each
                check_create_graph(interp, out, call, passes=max(1, in_elements) if name == "hessian" else 1)
            return out

        on_jacobian = getattr(interp.hooks, "on_jacobian", None) if name == "jacobian" else None
        if on_jacobian is not None:   # engine/jacobian_call.py: fastest strategy, checks, record
            result = batch_escapes.run_watched(
                interp, name, args, lambda: on_jacobian(interp, python_func, args, kwargs, node))
        else:
            started = time.perf_counter()
            result = batch_escapes.run_watched(interp, name, args,
                                               lambda: torch_fn(python_func, *args, **kwargs))
        result = wrap_result(result, name)
        interp.sizes.add_result(result)
        if has_tensor(result):
            interp.record_op(name, [func, *args], kwargs, result, node)
            if name == "hessian":   # drawn on the Jacobian page as a Hessian
                from autogradlab.engine.func_jacobian_call import after_autograd_hessian
                after_autograd_hessian(interp, func, inputs, result, node, time.perf_counter() - started)
        return result

    return call


def _backward_rows(name: str, out: Any, in_elements: int) -> int:
    """How many times torch.autograd.functional's `name` walks back the graph of func's output: once a row
    of a jacobian; jvp, hvp and vhp differentiate a create_graph backward (a Node's block and that block's
    own backward, 1 + 8 times the first), hessian does so once per input element."""
    if name == "jacobian":
        return max(1, tensor_elements(out))
    double = 1 + BLOCK_WEIGHT
    return double * max(1, in_elements) if name == "hessian" else double if name != "vjp" else 1


SPECIAL_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "torch.autograd.backward": _autograd_backward,
    "torch.autograd.grad": _autograd_grad,
    **{f"torch.autograd.functional.{n}": _hof(n)
       for n in ("jacobian", "hessian", "vjp", "jvp", "hvp", "vhp")},
    **GRADCHECKS,   # torch.autograd.gradcheck / gradgradcheck (gradchecks.py)
    **DROPOUT,   # torch.nn.functional.dropout on the run's generator (dropout.py)
}
SPECIAL_METHODS: dict[str, Callable[..., Any]] = {
    "type": tensor_api.tensor_type, "new": tensor_api.tensor_new,
    "to": devices.tensor_to, "cpu": devices.tensor_cpu,
    "cuda": devices.tensor_cuda,
    "backward": _tensor_backward,
    "numpy": _numpy,
    "retain_grad": _retain_grad,
    "register_hook": tensor_hooks.register_hook,
}

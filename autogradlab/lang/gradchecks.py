"""`torch.autograd.gradcheck(f, x)` and `gradgradcheck(f, x)`, as PyTorch's "Double Backward with Custom
Functions" tutorial checks each of its autograd.Function classes: `torch.autograd.gradcheck(Square.apply, x)`.

PyTorch's own checks run, with the program's function (a def, a lambda, `F.apply`) turned into a
Python callable that runs through the interpreter (as jacobian's, lang/specials._hof), so everything
it does stays under the run's limits. Their cost is known before they start: the finite differences
call f twice per input element (gradgradcheck: also through f's backward), so the inputs may hold at
most MAX_CHECKED_ELEMENTS elements together, each charged to the loop budget; every call of f counts
its result too. And the slow mode builds the whole Jacobian twice (numerical and analytical), one column
per input element and one backward pass per output element: its entries (inputs x outputs, counted at
f's first call, before any column is built) may be at most MAX_JACOBIAN_ENTRIES. Keywords: the
tolerances, `raise_exception`, `fast_mode`, and gradgradcheck's `grad_outputs` and
`gen_non_contig_grad_outputs` (its random grad_outputs come from the run's generator); the others
(batched and forward-mode checks, which need vmap or forward AD of a custom Function) are refused by the
allowlist with their names.
"""

from __future__ import annotations

import ast
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import LimitExceeded, ProgramTypeError
from autogradlab.lang import batch_escapes
from autogradlab.lang.calls import require_data
from autogradlab.lang.error_text import BoundedErrorText
from autogradlab.lang.func_running import refuse_inside
from autogradlab.lang.gradcheck_time import CallCost
from autogradlab.lang.matrix_exp_backward import BLOCK_WEIGHT, check_matrix_exp_backward
from autogradlab.lang.safe_values import UserFunction
from autogradlab.lang.sizes import tensor_elements

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

# Measured (session 35, in-process, 1 thread, load ~3.5): TingsongYu's PyTorch-Tutorial-2nd ch. 2 checks a
# custom conv2d Function on 1,605 input elements and 1,250 outputs (2.0 M entries): 2.4 s CPU (plain
# PyTorch 1.05 s); an elementwise f of 2,000 elements (4 M entries) 1.8 s, of 4,000 (16 M) 4.5-5 s, past the
# 5 s limit; `(t * t).sin().sum()` of 5,000 elements 2.4-2.6 s, of 10,000 stopped by the time limit. (Until
# session 35 a flat 1,000 input elements: the chapter's check was refused.)
MAX_CHECKED_ELEMENTS = 5_000   # input elements one check perturbs (each: two calls of the function)
MAX_JACOBIAN_ENTRIES = 4_000_000   # input x output elements of the Jacobians a check builds
CHECK_KEYWORDS = ("func", "inputs", "eps", "atol", "rtol", "raise_exception", "nondet_tol", "fast_mode")
GRADGRAD_KEYWORDS = ("grad_outputs", "gen_non_contig_grad_outputs")


def _check(name: str) -> Callable[..., Any]:
    torch_fn = getattr(torch.autograd, name)

    def call(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if interp.__dict__.get("func_depth", 0):
            refuse_inside(interp, f"`torch.autograd.{name}(...)`")
        args, kwargs = list(args), dict(kwargs)
        func = args.pop(0) if args else kwargs.pop("func", None)
        if not isinstance(func, UserFunction) and not callable(getattr(func, "impl", None)) \
                and type(func).__name__ != "FunctionApply":
            raise ProgramTypeError(f"{name}() needs a function (a def, a lambda or F.apply) as its first "
                                   f"argument")
        for value in list(args) + list(kwargs.values()):
            require_data(value, f"in `{name}`")
        inputs = args[0] if args else kwargs.get("inputs")
        elements = tensor_elements(inputs)
        if elements > MAX_CHECKED_ELEMENTS:
            raise LimitExceeded(f"{name} would perturb {elements:,} input elements one by one; the limit is "
                                f"{MAX_CHECKED_ELEMENTS:,}", hint="check the function on a smaller input")
        interp.charge_loop_iterations(max(1, elements), name)

        fast = kwargs.get("fast_mode") is True   # (keyword-only; fast mode builds no Jacobian)
        cost = CallCost(name, interp.limits.timeout_s, fast)

        bound = BoundedErrorText()   # a Jacobian mismatch's text: its tensors summarised (lang/error_text.py)

        def python_func(*inner: Any) -> Any:
            started = time.thread_time()
            with bound.program():
                out = interp.call_value(func, list(inner), {}, node)
            spent = time.thread_time() - started
            interp.sizes.add_result(out)
            if not cost.started and not fast:   # gradcheck's first call, before it builds any column
                _check_jacobian(name, elements, tensor_elements(out))
            check_matrix_exp_backward(interp, out, f"torch.autograd.{name}(...)", _backward_rows(name, out,
                                                                                               elements))
            if not cost.started:   # (its backward timed once the checks above let it run)
                cost.begin(interp, inner, out, elements)
            cost.timed(spent)
            return out

        def run() -> Any:
            with bound:
                return _with_run_generator(interp, lambda: torch_fn(python_func, *args, **kwargs))
        result = batch_escapes.run_watched(interp, name, args, run)
        return bool(result)

    return call


def _check_jacobian(name: str, inputs: int, outputs: int) -> None:
    """gradgradcheck checks f's backward: its inputs are f's inputs and grad_outputs, its outputs the
    gradients of f's inputs."""
    rows, columns = (inputs, outputs) if name == "gradcheck" else (inputs + outputs, inputs)
    entries = rows * columns
    if entries > MAX_JACOBIAN_ENTRIES:
        raise LimitExceeded(f"{name} would build Jacobians of {rows:,} x {columns:,} = {entries:,} entries "
                            f"(two calls of the function per input element, a backward pass per output "
                            f"element); the limit is {MAX_JACOBIAN_ENTRIES:,}",
                            hint="check the function on a smaller input")


def _backward_rows(name: str, out: Any, inputs: int) -> int:
    """The backwards a check runs through the graph of f's output: gradcheck one per output element;
    gradgradcheck a create_graph one per finite-difference call of f (two per input and output element)
    and the backward of each of those, 1 + 8 times (lang/matrix_exp_backward.py)."""
    outputs = max(1, tensor_elements(out))
    return outputs if name == "gradcheck" else (1 + BLOCK_WEIGHT) * 2 * (inputs + outputs)


def _with_run_generator(interp: Interpreter, check: Callable[[], Any]) -> Any:
    """gradgradcheck draws its grad_outputs from torch's process-wide generator (make_tensor): here it
    draws them from the run's own (seeded by the run and by manual_seed), as the program's torch.rand
    does, so the numbers a program draws after a check are PyTorch's. The worker's own state comes back."""
    run, process = interp.generator, torch.default_generator
    kept = process.get_state()
    process.set_state(run.get_state())
    try:
        return check()
    finally:
        run.set_state(process.get_state())
        process.set_state(kept)


GRADCHECKS: dict[str, Callable[..., Any]] = {f"torch.autograd.{n}": _check(n)
                                             for n in ("gradcheck", "gradgradcheck")}

"""torch.func.linearize(func, *primals) -> (output, jvp_fn), without PyTorch's tracer.

PyTorch calls func twice (once for the output, once while make_fx traces its jvp into an FX graph,
whose generated Python code jvp_fn runs). Autograd Lab never traces: FX turns the traced program into
source text that it exec()s, and a program's text must never reach exec. The same numbers come from
torch.func.jvp instead: linearize calls func for the output (an ordinary call, recorded), then once
through jvp (what PyTorch's trace does: its print()s show, its checks run); each jvp_fn(*tangents)
runs jvp at the primals (the same tensors), with print() silent (the traced graph has no print; its
random ops draw again from the generator at each call, as they do here).
Every size and work check of lang/func_running.py applies to each of those runs.
Inside jvp/jacfwd/hessian, and inside vmap with a batched primal, PyTorch calls func and then fails with
its own words: so does linearize here; inside the other transforms it stays refused by name.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.safe_values import FunctionValue, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


class _Silent:
    """The program's hooks, print() left out (jvp_fn's runs of func print nothing in PyTorch)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def on_print(self, text: str) -> None:
        pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class LinearizeFunction(FunctionValue):
    """The jvp_fn torch.func.linearize returns."""

    def __init__(self, func: Any, primals: list[torch.Tensor]) -> None:
        self.func, self.primals = func, primals
        super().__init__("torch.func.linearize.jvp_fn", self._call)

    def _call(self, interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.lang.calls import require_data
        from autogradlab.lang.func_running import running
        from autogradlab.lang.func_transforms import TransformedFunction

        if kwargs:
            raise NotSupported("`jvp_fn(..., name=...)` is not supported in Autograd Lab",
                               hint="pass the tangents to jvp_fn as positional arguments")
        for value in args:
            require_data(value, "in a call of jvp_fn")
        _check_tangents(self.primals, args)
        outer = interp.hooks
        interp.hooks = _Silent(outer)
        try:
            result = running(interp, TransformedFunction("jvp", self.func, {}),
                             [tuple(self.primals), tuple(args)], {}, node)
        finally:
            interp.hooks = outer
        return result[1]

    def __repr__(self) -> str:
        return "<function linearize.<locals>.jvp_fn>"


def _check_tangents(primals: list[torch.Tensor], tangents: list) -> None:
    """PyTorch's own checks and words (torch._functorch.eager_transforms.linearize)."""
    from autogradlab.lang.call_errors import translate_torch_error

    if len(tangents) != len(primals) or not all(isinstance(t, torch.Tensor) for t in tangents):
        raise ProgramTypeError("jvp_fn() takes one tensor per primal of linearize")
    for idx, (t, p) in enumerate(zip(tangents, primals, strict=True)):
        for what, got, want in (("shape", t.shape, p.shape), ("device", t.device, p.device),
                                ("dtype", t.dtype, p.dtype)):
            if got != want:
                raise translate_torch_error(RuntimeError(
                    f"tangent:{idx} with {what} {got} in flattened pytree doesn't match the {what} {want} "
                    "of the corresponding primal."), "jvp_fn", [])


def _linearize(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """linearize(func, *primals) -> (output, jvp_fn)."""
    from autogradlab.lang.calls import require_data
    from autogradlab.lang.func_running import refuse_inside, running
    from autogradlab.lang.func_transforms import TransformedFunction, VjpResult, _require_function

    args = list(args)
    func = args.pop(0) if args else kwargs.pop("func", None)
    _require_function("linearize", func)
    for name in kwargs:
        raise NotSupported(f"`linearize(..., {name}=...)` is not supported in Autograd Lab",
                           hint="linearize takes the function and its primals")
    for value in args:
        require_data(value, "in `linearize`")
    if not args or not all(isinstance(p, torch.Tensor) for p in args):
        raise ProgramTypeError("linearize(func, *primals): each primal must be a tensor in Autograd Lab")
    torch_refusal = _refused_by_pytorch_inside(interp, args)
    if torch_refusal is None:
        refuse_inside(interp, "`torch.func.linearize(...)`")   # its jvp_fn would keep batched primals
    output = interp.call_value(func, list(args), {}, node)
    if torch_refusal is not None:   # PyTorch calls func first, then fails as it starts its trace
        from autogradlab.lang.call_errors import translate_torch_error
        raise translate_torch_error(RuntimeError(torch_refusal), "linearize", [])
    primals = list(args)   # PyTorch's graph holds these tensors themselves (x.add_(1) later shows)
    zeros = tuple(torch.zeros((), dtype=p.dtype).expand_as(p) for p in primals)
    running(interp, TransformedFunction("jvp", func, {}), [tuple(primals), zeros], {}, node)
    return VjpResult((output, LinearizeFunction(func, primals)))


# PyTorch's own texts: its trace opens a dual level (torch.func.jvp holds one: jvp, jacfwd, hessian), and
# make_dual has no batching rule (a primal batched by vmap)
NESTED = "Nested forward mode AD is not supported at the moment"
NO_BATCHING = ("Batching rule not implemented for aten::_make_dual; the fallback path doesn't work on "
               "out= or view ops.")


def _refused_by_pytorch_inside(interp: Interpreter, primals: list) -> str | None:
    """What PyTorch says of linearize inside these transforms, None where it would run (then still
    refused here by name: inside grad/jacrev/vjp PyTorch's jvp_fn reads a tangent it never filled)."""
    from autogradlab.lang.forward_ad import inside_level
    from autogradlab.lang.func_running import holds_batch
    kinds = interp.__dict__.get("func_kinds", ())
    if any(kind in ("jvp", "jacfwd") for kind in kinds) or inside_level(interp):
        return NESTED
    if "vmap" in kinds and any(isinstance(p, torch.Tensor) and holds_batch(p) for p in primals):
        return NO_BATCHING
    return None


LINEARIZE = SafeFunction("torch.func.linearize", _linearize)

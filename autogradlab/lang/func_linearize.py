"""torch.func.linearize(func, *primals) -> (output, jvp_fn), without PyTorch's tracer.

PyTorch calls func twice (once for the output, once while make_fx traces its jvp into an FX graph,
whose generated Python code jvp_fn runs) and never again: jvp_fn(*tangents) computes J·t from the trace.
Autograd Lab never traces: FX turns the traced program into source text that it exec()s, and a
program's text must never reach exec. linearize calls func for the output (an ordinary call, recorded),
then once through torch.func.vjp (PyTorch's trace: its print()s show, its checks run); jvp_fn is the
vjp of that (linear) vjp_fn, J·t, computed from the recorded graph without running func again (a func
that changes the program's state gives PyTorch's answer; a later in-place change of a primal is not
seen, as in PyTorch's trace). When the trace drew from torch's random generator, PyTorch's graph draws
again at each jvp_fn call: then each call runs func through jvp at the primals, print() silent, as it did
before session 26. Every size and work check of lang/func_running.py applies to each of those runs.
Inside jvp/jacfwd/hessian, and inside vmap with a batched primal, PyTorch calls func and then fails with
its own words: so does linearize here; inside vmap with unbatched primals it runs (its jvp_fn is called
inside that vmap only); inside the other transforms it stays refused by name.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch
import torch.func as tf
from torch.utils._pytree import tree_map

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

    def on_display(self, value: Any, node: Any) -> None:   # as print (it reached the output through here)
        pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class LinearizeFunction(FunctionValue):
    """The jvp_fn torch.func.linearize returns. `linear`: J·t from the trace (None: func runs at each call);
    `bound`: elements its backward passes may hold; `made_in`: the torch.func depth it was made at."""

    def __init__(self, func: Any, primals: list[torch.Tensor], linear: Any = None, bound: int = 0,
                 made_in: int = 0) -> None:
        self.func, self.primals = func, primals
        self.linear, self.bound, self.made_in = linear, bound, made_in
        super().__init__("torch.func.linearize.jvp_fn", self._call)

    def jvp(self, interp: Interpreter, tangents: tuple, node: ast.AST) -> Any:
        """J·t from the traced graph, recorded as the jvp PyTorch's jvp_fn stands for (before session 26 a
        func.jvp run at the primals: the same op, inputs and values)."""
        from autogradlab.lang.calls import has_tensor, wrap_result
        from autogradlab.lang.func_running import depth, transform_error
        interp.sizes.check_elements(max(1, self.bound), "jvp_fn")
        try:
            tangent = tree_map(torch.zeros_like, self.output) if self.linear is None \
                else self.linear(tangents)[0]
            result = (tree_map(torch.clone, self.output), tangent)
        except Exception as exc:  # noqa: BLE001
            raise transform_error(exc, "jvp_fn", list(tangents)) from None
        result = wrap_result(result, "jvp")
        interp.sizes.add_result(result)
        if has_tensor(result) and not depth(interp):
            kind = "jvp"   # (a new str per record, as running()'s f"func.{kind}": the same report bytes)
            interp.record_op(f"func.{kind}", [tuple(self.primals), tangents], {}, result, node)
        return result[1]

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
        from autogradlab.lang.func_running import depth
        if self.made_in and depth(interp) < self.made_in:
            raise NotSupported("calling the jvp_fn of a torch.func.linearize made inside vmap after that "
                               "vmap ended is not supported in Autograd Lab",
                               hint="call jvp_fn inside the function vmap runs")
        if self.linear is not None:   # J·t from the traced graph: func does not run again
            return self.jvp(interp, tuple(args), node)
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
    from autogradlab.lang.func_running import depth, refuse_inside, running
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
    if torch_refusal is None and any(kind != "vmap" for kind in interp.__dict__.get("func_kinds", ())):
        refuse_inside(interp, "`torch.func.linearize(...)`")
    output = interp.call_value(func, list(args), {}, node)
    if torch_refusal is not None:   # PyTorch calls func first, then fails as it starts its trace
        from autogradlab.lang.call_errors import translate_torch_error
        raise translate_torch_error(RuntimeError(torch_refusal), "linearize", [])
    primals = list(args)
    if type(func).__name__ == "FunctionApply":   # a custom Function: PyTorch's trace fails in its jvp
        zeros = tuple(torch.zeros((), dtype=p.dtype).expand_as(p) for p in primals)
        running(interp, TransformedFunction("jvp", func, {}), [tuple(primals), zeros], {}, node)
        return VjpResult((output, LinearizeFunction(func, primals)))
    drawn = _random_state(interp)
    traced = running(interp, TransformedFunction("vjp", func, {}), primals, {}, node, record=False)
    linear = None if not torch.equal(drawn, _random_state(interp)) else _linear_map(traced)
    jvp_fn = LinearizeFunction(func, primals, linear, traced[1].bound, depth(interp))
    jvp_fn.output = traced[0]
    # the trace, recorded as before session 26: a jvp at the primals with zero tangents (J·0 = 0)
    jvp_fn.jvp(interp, tuple(torch.zeros((), dtype=p.dtype).expand_as(p) for p in primals), node)
    return VjpResult((output, jvp_fn))


def _random_state(interp: Interpreter) -> torch.Tensor:
    """The run's generator's state (the one torch.rand & co. draw from: lang/torch_generators.py)."""
    generator = getattr(interp, "generator", None)
    return generator.get_state() if generator is not None else torch.get_rng_state()


def _linear_map(traced: tuple) -> Any:
    """t -> (J·t,): the vjp of the trace's vjp_fn (linear in its cotangent), None where PyTorch cannot
    take it (then jvp_fn runs func through jvp at each call)."""
    try:
        return tf.vjp(traced[1].torch_fn, tree_map(torch.zeros_like, traced[0]))[1]
    except Exception:  # noqa: BLE001 - an output vjp cannot differentiate: the jvp path answers
        return None


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

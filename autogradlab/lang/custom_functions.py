"""A program's custom autograd Function (lang/function_classes.py checks its form) as a real
torch.autograd.Function subclass, made once per run of its `class` statement.

Its forward/backward/setup_context call the program's own `@staticmethod` functions through the
interpreter (Interpreter.call_user), so the autograd graph holds PyTorch's own node
(`LegendrePolynomial3Backward`) and backward() runs the program's backward like PyTorch does: in the
engine's pass, under the same step budget, time limit, call depth and size checks as any call. The
program's errors (ProgramError) pass through PyTorch's engine as the same object, so a limit stays a
limit (never catchable) with the line inside backward where it happened; PyTorch's own complaints
(a wrong number of gradients, a wrong shape) are its RuntimeError at the backward() call.

The program never holds the torch class or its ctx: it holds the values of
lang/custom_function_values.py (a FunctionClass, a FunctionApply, a ProgramContext).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramError
from autogradlab.lang import batch_escapes
from autogradlab.lang.calls import has_tensor, require_data, translate_torch_error
from autogradlab.lang.custom_function_values import (  # noqa: F401  (re-exported: attributes, expressions, ...)
    BASE_ONLY,
    CTX_METHODS,
    CTX_PROPERTIES,
    FUNCTION_BASE,
    FUNCTION_VALUES,
    MAX_CTX_ATTRIBUTES,
    ONCE_DIFFERENTIABLE,
    FunctionApply,
    FunctionBase,
    FunctionClass,
    ProgramContext,
    call_class,
    call_method,
    read_attribute,
    set_attribute,
)
from autogradlab.lang.function_classes import CLASS_HINT, check_function_class, methods_of
from autogradlab.lang.safe_values import Namespace

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def define_class(interp: Interpreter, node: ast.ClassDef) -> None:
    """The `class` statement: checked again (the static checker's rules), its base must be
    torch.autograd.Function itself, its methods become the program's functions of this scope."""
    check_function_class(node)
    expr = node.bases[0]   # a dotted name (checked): its owner is evaluated, the base itself looked up
    if isinstance(expr, ast.Attribute):
        owner = interp.eval(expr.value)
        base = owner.members.get(expr.attr) if isinstance(owner, Namespace) else None
    else:
        base = interp.lookup(expr.id)
    if base is not FUNCTION_BASE:
        raise NotSupported(f"`class {node.name}({ast.unparse(node.bases[0])})`: the only class Autograd Lab "
                           "runs is a custom autograd Function with the one base torch.autograd.Function",
                           hint=CLASS_HINT)
    methods = {}
    for name, method in methods_of(node).items():
        body = method.body   # Python never runs a docstring: neither here (nor charge its steps)
        if len(body) > 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            body = body[1:]
        function = interp.make_function(f"{node.name}.{name}", method.args, body, method)
        if function.generator:
            raise NotSupported(f"`{node.name}.{name}` of a custom autograd Function cannot be a generator "
                               "(`yield`)").at(method.lineno, method.col_offset + 1)
        methods[name] = function
    once = methods_of(node)["backward"].decorator_list[1:]   # @once_differentiable
    if once and interp.eval(once[0]) is not ONCE_DIFFERENTIABLE:
        raise NotSupported(f"`@{ast.unparse(once[0])}` on `{node.name}.backward` is not "
                           "torch.autograd.function.once_differentiable").at(once[0].lineno,
                                                                             once[0].col_offset)
    torch_class = _torch_class(interp, node.name, methods, once_differentiable=bool(once))
    qualname = f"{node.name}.apply"
    apply = FunctionApply(qualname, lambda interp_, args, kwargs, call: _apply(interp, torch_class, qualname,
                                                                                args, kwargs, call))
    interp.scope.set(node.name, FunctionClass(node.name, torch_class, apply))


def _torch_class(interp: Interpreter, name: str, methods: dict[str, Any],
                 once_differentiable: bool = False) -> type:
    def run(method: str, args: tuple) -> Any:
        function = methods[method]
        outer, interp.library_depth = interp.library_depth, interp._depth + 1   # PyTorch receives its return
        try:   # (inline, no closure: a failed backward's frames must let go of its batched gradients)
            return interp.call_user(function, list(args), {}, function.node)
        finally:
            interp.library_depth = outer

    def forward(*args: Any) -> Any:   # (ctx, *inputs), or the inputs alone with setup_context
        if "setup_context" in methods:
            return run("forward", args)
        return run("forward", (ProgramContext(args[0]), *args[1:]))

    def setup_context(ctx: Any, inputs: tuple, output: Any) -> None:
        run("setup_context", (ProgramContext(ctx), inputs, output))

    def backward(ctx: Any, *grad_outputs: Any) -> Any:
        if not any(isinstance(g, torch.Tensor) and _is_batched(g) for g in grad_outputs):
            result = run("backward", (ProgramContext(ctx), *grad_outputs))
            told = getattr(interp.hooks, "before_grad_writes", None)
            if told is not None:   # the pass accumulates into .grad next (`x.grad.add_(1)` was recorded)
                told()
            return result
        hooks, interp.hooks = interp.hooks, _Unrecorded(interp.hooks)   # under vmap: see _Unrecorded
        try:
            function = methods["backward"]
            with batch_escapes.track(interp, function.name, function.node.lineno, grad_outputs, _is_batched):
                return run("backward", (ProgramContext(ctx), *grad_outputs))
        finally:
            interp.hooks = hooks

    if once_differentiable:   # PyTorch's own wrapper: backward under no_grad, a double backward refused
        backward = torch.autograd.function.once_differentiable(backward)
    members: dict[str, Any] = {"forward": staticmethod(forward), "backward": staticmethod(backward),
                               "__module__": "__main__", "__qualname__": name, PROGRAM_CLASS: True}
    if "setup_context" in methods:
        members["setup_context"] = staticmethod(setup_context)
    return type(name, (torch.autograd.Function,), members)


def _is_batched(tensor: torch.Tensor) -> bool:
    """A gradient batched by vmap (its Python tensor hides the batch dimension; the key says it).
    The answer is a function of the key set: worked out from its text once per distinct set (its raw
    bits), since printing a key set on every backward cost more than the rest of the call."""
    keys = torch._C._dispatch_keys(tensor)
    bits = keys.raw_repr()
    batched = _BATCHED_KEY_SETS.get(bits)
    if batched is None:
        batched = _BATCHED_KEY_SETS[bits] = "Batched" in str(keys)   # legacy vmap's key, or functorch's
    return batched


_BATCHED_KEY_SETS: dict[int, bool] = {}   # DispatchKeySet.raw_repr() -> batched (a few sets per process)


class _Unrecorded:
    """The engine's hooks while the program's backward runs under vmap (jacobian(..., vectorize=True)
    batches the gradients): its ops are on batched tensors, PyTorch's internals of one jacobian()
    call like the ops of any backward pass, so they are not recorded; everything else is told."""

    def __init__(self, hooks: Any) -> None:
        self._hooks = hooks

    def on_op(self, *args: Any) -> None:
        pass

    def on_assign(self, *args: Any) -> None:
        pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._hooks, name)


def torch_refuses_inside(interp: Interpreter, torch_class: type) -> bool:
    """Inside torch.func transforms PyTorch itself refuses a program's Function before its backward can
    run, with its own words: the old forward(ctx, ...) form (no setup_context) at apply; any vmap in the
    stack (vmap, jacfwd, hessian: a program's class has no vmap staticmethod nor generate_vmap_rule)
    before forward runs; a jvp (jvp, linearize) after forward ran (the class has no jvp staticmethod).
    Those calls go to PyTorch; a new-style Function inside grad/jacrev/vjp alone (PyTorch would run the
    program's backward on its own levels) stays refused."""
    if "setup_context" not in vars(torch_class):
        return True
    kinds = interp.__dict__.get("func_kinds", ())
    return any(kind in ("vmap", "jacfwd", "jvp") for kind in kinds)


def _only_grads(interp: Interpreter) -> bool:
    """Inside grad / grad_and_value alone PyTorch runs the program's backward once, unbatched, within
    the transform's call: interpreted with every check, as outside (jacrev/vjp/vmap would batch it or
    run it after the transform ended)."""
    kinds = interp.__dict__.get("func_kinds", ())
    return bool(kinds) and all(kind in ("grad", "grad_and_value") for kind in kinds)


def _apply(interp: Interpreter, torch_class: type, qualname: str, args: list, kwargs: dict,
           node: ast.AST | None) -> Any:
    for value in (*args, *kwargs.values()):
        require_data(value, f"as an argument of {qualname}")
    if interp.__dict__.get("func_depth", 0) and not torch_refuses_inside(interp, torch_class) \
            and not _only_grads(interp):
        from autogradlab.lang.func_running import refuse_inside
        refuse_inside(interp, f"`{qualname}(...)` (a custom autograd Function)")
    try:
        result = torch_class.apply(*args, **kwargs)
    except ProgramError:
        raise
    except Exception as exc:  # noqa: BLE001 - PyTorch's own words (save_for_backward of a non-tensor, ...)
        raise translate_torch_error(exc, qualname, args) from None
    if has_tensor(result):   # the op whose output holds the graph's `NameBackward` node
        interp.record_op(qualname, list(args), kwargs, result, node)
    return result


PROGRAM_CLASS = "_autogradlab_program_function"   # marks the torch classes made from a program's class


def grad_fn_apply(interp: Interpreter, base: Any, args: list) -> Any:
    """`z.grad_fn.apply(t.ones(1))` (chenyuntc/pytorch-book ch. 3): a custom Function's node runs that
    Function's backward on the given gradients, as in PyTorch. Only nodes of the program's own classes:
    their backward is program code, interpreted with every check (a built-in node has no `.apply`, as in
    PyTorch; a node of a Function torch defines in Python would run unchecked code on any shape)."""
    node = base.node
    if not getattr(getattr(node, "_forward_cls", None), PROGRAM_CLASS, False):
        if hasattr(node, "apply"):
            raise NotSupported(f"`.apply()` of {base.name} is not supported in Autograd Lab: only the "
                               f"grad_fn of the program's own autograd Function can be called")
        from autogradlab.lang.attribute_errors import _python_attribute_error  # PyTorch's AttributeError
        raise _python_attribute_error(f"'{base.name}' object has no attribute 'apply'",
                                      "only the grad_fn of a custom autograd Function has .apply(...): it "
                                      "runs that Function's backward")
    for value in args:
        require_data(value, "as an argument of grad_fn.apply")
    try:
        return node.apply(*args)
    except ProgramError:
        raise
    except Exception as exc:  # noqa: BLE001 - torch's own failure (freed saved tensors, arity)
        raise translate_torch_error(exc, "apply", list(args)) from None

"""The values a program holds of its custom autograd Function, and what it may do with them
(lang/custom_functions.py makes the torch class behind them).

A FunctionClass (only `.apply` is reachable), a FunctionApply (callable, may be stored) and a
ProgramContext wrapping PyTorch's ctx: save_for_backward, saved_tensors, needs_input_grad,
mark_non_differentiable, set_materialize_grads and the program's own attributes (data, at most
MAX_CTX_ATTRIBUTES). Anything else is refused in Python's or Autograd Lab's words.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import LimitExceeded, NotSupported
from autogradlab.lang.calls import require_data, translate_torch_error
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeFunction, type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


class FunctionBase:
    """`torch.autograd.Function` (a member of the torch.autograd namespace, and what `from torch.autograd
    import Function` binds): usable only as the base of a class; reading it anywhere else is refused
    (attributes.read_attribute), and it is no data (it cannot be printed, stored or passed)."""

    type_name = "torch.autograd.function.FunctionMeta"

    def __repr__(self) -> str:
        return "<class 'torch.autograd.function.Function'>"


FUNCTION_BASE = FunctionBase()


def _once_called(interp: Any, args: list, kwargs: dict, node: Any) -> Any:
    raise NotSupported("`once_differentiable` is supported only as a decorator, `@staticmethod` then "
                       "`@once_differentiable` above a custom Function's `def backward`, in Autograd Lab")


# torch.autograd.function.once_differentiable: read by the class statement (custom_functions.define_class),
# which wraps the Function's backward with PyTorch's own once_differentiable
ONCE_DIFFERENTIABLE = SafeFunction("torch.autograd.function.once_differentiable", _once_called)
BASE_ONLY = ("`torch.autograd.Function` is supported only as the base of a class in Autograd Lab "
             "(`class Name(torch.autograd.Function):`)")
MAX_CTX_ATTRIBUTES = 100   # the program's own attributes on one ctx (`ctx.k = 3`)
CTX_METHODS = ("save_for_backward", "mark_non_differentiable", "set_materialize_grads")
CTX_PROPERTIES = ("saved_tensors", "needs_input_grad")
_OWN = "_autogradlab_values"   # where a ctx keeps the program's attributes (never read by the program)


class FunctionClass:
    """`class Name(torch.autograd.Function)` as the program holds it."""

    def __init__(self, name: str, torch_class: type, apply: FunctionApply) -> None:
        self.name = name
        self.torch_class = torch_class
        self.apply = apply
        self.type_name = "torch.autograd.function.FunctionMeta"

    def __repr__(self) -> str:
        return f"<class '__main__.{self.name}'>"


class FunctionApply(SafeFunction):
    """`Name.apply`: called like a library function; may be stored in a variable."""

    def __repr__(self) -> str:
        return f"<bound method Function.apply of <class '__main__.{self.qualname.split('.')[0]}'>>"


class ProgramContext:
    """The ctx the program's forward/backward receive; wraps PyTorch's (the graph's node)."""

    __slots__ = ("ctx", "type_name")

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self.type_name = type(ctx).__name__   # Python's words: "'FBackward' object is not callable"

    def __repr__(self) -> str:
        return f"<{self.type_name} object>"


FUNCTION_VALUES = (FunctionClass, ProgramContext)


# -- what the program reaches -------------------------------------------------------------
def read_attribute(interp: Interpreter, base: Any, name: str) -> Any:
    if isinstance(base, FunctionClass):
        if name == "apply":
            return base.apply
        raise _class_member(base, f"{base.name}.{name}")
    own = getattr(base.ctx, _OWN, None)
    if own is not None and name in own:
        return own[name]
    if name in CTX_PROPERTIES:
        try:
            return tuple(getattr(base.ctx, name))
        except Exception as exc:  # noqa: BLE001 - e.g. saved tensors freed by an earlier backward
            raise translate_torch_error(exc, f"ctx.{name}", []) from None
    if name in CTX_METHODS:
        ctx = _ctx_name(interp, base)
        raise NotSupported(f"`{ctx}.{name}` is a method: call it, as in `{ctx}.{name}(...)`")
    raise python_error(AttributeError(f"'{type(base.ctx).__name__}' object has no attribute '{name}'"))


def call_method(interp: Interpreter, base: Any, name: str, args: list, kwargs: dict, node: ast.AST) -> Any:
    if isinstance(base, FunctionClass):
        if name == "apply":
            return base.apply.impl(interp, args, kwargs, node)
        raise _class_member(base, f"{base.name}.{name}(...)")
    if name not in CTX_METHODS:
        own = getattr(base.ctx, _OWN, None)
        if name in CTX_PROPERTIES or (own is not None and name in own):   # data, as in PyTorch: not callable
            value = own[name] if own is not None and name in own else ()
            raise python_error(TypeError(f"'{type_text(value)}' object is not callable"))
        raise NotSupported(f"`{_ctx_name(interp, base)}.{name}(...)` is not supported in Autograd Lab (ctx "
                           "offers save_for_backward, saved_tensors, needs_input_grad, "
                           "mark_non_differentiable, set_materialize_grads and your own attributes)")
    for value in (*args, *kwargs.values()):
        require_data(value, f"in `ctx.{name}()`")
    try:
        return getattr(base.ctx, name)(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001
        raise translate_torch_error(exc, f"ctx.{name}", args) from None


def set_attribute(interp: Interpreter, base: Any, name: str, value: Any) -> None:
    if isinstance(base, FunctionClass):
        raise _class_member(base, f"{base.name}.{name} = …")
    if name in CTX_METHODS:
        raise NotSupported(f"`{_ctx_name(interp, base)}.{name}` cannot be assigned: it is a method of ctx")
    if name in CTX_PROPERTIES:
        raise NotSupported(f"`{_ctx_name(interp, base)}.{name}` cannot be assigned: it is a read-only "
                           "property of ctx")
    require_data(value, "in an assignment")
    own = getattr(base.ctx, _OWN, None)
    if own is None:
        own = {}
        setattr(base.ctx, _OWN, own)
    if name not in own and len(own) >= MAX_CTX_ATTRIBUTES:
        raise LimitExceeded(f"ctx holds more than {MAX_CTX_ATTRIBUTES} attributes; the limit is "
                            f"{MAX_CTX_ATTRIBUTES}", hint="keep several values in one list or dict")
    own[name] = value


def _ctx_name(interp: Interpreter, base: ProgramContext) -> str:
    """The name the program gives this ctx where the refusal happens (`ctx`, `context`, ...)."""
    values = interp.scope.vars
    return next((name for name in list(values) if values.get(name) is base), "ctx")


def call_class(base: FunctionClass) -> NotSupported:
    return _class_member(base, f"{base.name}(...)")


def _class_member(base: FunctionClass, code: str) -> NotSupported:
    return NotSupported(f"`{code}` is not supported in Autograd Lab: a custom autograd Function is used "
                        f"through `{base.name}.apply(...)`")

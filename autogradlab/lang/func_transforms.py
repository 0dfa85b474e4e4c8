"""torch.func's transforms (grad, grad_and_value, jacrev, jacfwd, hessian, vmap, vjp, jvp; torch.vmap;
linearize: lang/func_linearize.py) on the program's functions, lambdas, partials and torch functions.

A transform is a function value (TransformedFunction); calling it runs PyTorch's transform on a Python
callable that calls the program's function through Interpreter.call_value, so every check of a direct
call applies. While it runs (lang/func_running.py): nothing is recorded (print() still writes), a vmap
batch of B rows makes every size and work check count B rows (jacfwd: one row per input element;
jacrev: its vmapped backward is bounded after the forward by rows x the largest tensor made), and a
batched tensor the program keeps beyond the call is refused, as torch itself cannot use it."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch.func as tf

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.func_running import running
from autogradlab.lang.partial_function import CALLABLE_VALUES
from autogradlab.lang.safe_values import FunctionValue, Namespace, SafeFunction, UserFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

# transform -> (its parameters in order after func, the keyword-only ones)
_PARAMETERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "grad": (("argnums", "has_aux"), ()),
    "grad_and_value": (("argnums", "has_aux"), ()),
    "jacrev": (("argnums",), ("has_aux",)),
    "jacfwd": (("argnums", "has_aux"), ()),
    "hessian": (("argnums",), ()),
    "vmap": (("in_dims", "out_dims", "randomness"), ("chunk_size",)),
}
_MAX_DIMS_ITEMS = 64   # in_dims / out_dims / argnums: a tuple per argument, never a big structure


def _function_name(func: Any) -> str:
    if isinstance(func, UserFunction):
        return func.name
    if isinstance(func, TransformedFunction):
        return f"{func.kind}({_function_name(func.func)})"
    if isinstance(func, SafeFunction):
        return func.qualname.rsplit(".", 1)[-1]
    return "f"


class TransformedFunction(FunctionValue):
    """`jacrev(predict, argnums=2)`: a function; calling it computes the transform."""

    def __init__(self, kind: str, func: Any, options: dict[str, Any]) -> None:
        self.kind, self.func, self.options = kind, func, options
        super().__init__(f"torch.func.{kind}", self._call)

    def _call(self, interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.lang.calls import require_data

        for value in (*args, *kwargs.values()):
            require_data(value, f"in a call of the function {self.kind}() made")
        return running(interp, self, args, kwargs, node)

    def torch_transform(self, python_func: Any) -> Any:
        """PyTorch's own transform of the program function's Python callable."""
        return getattr(tf, self.kind)(python_func, **self.options)

    def __repr__(self) -> str:   # PyTorch's wrappers take the function's name (functools.wraps)
        inner = self.func
        while isinstance(inner, TransformedFunction):
            inner = inner.func
        if isinstance(inner, UserFunction):   # its __qualname__: `make.<locals>.<lambda>`
            return f"<function {inner.qualname}>"
        return f"<function {self.kind}.<locals>.wrapper_fn>"


class VjpFunction(FunctionValue):
    """The vjp_fn torch.func.vjp returns: PyTorch's, called with the program's cotangents."""

    def __init__(self, torch_fn: Any, bound: int) -> None:
        self.torch_fn, self.bound = torch_fn, bound   # bound: elements its backward may hold per row
        super().__init__("torch.func.vjp.vjp_fn", self._call)

    def _call(self, interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.lang.func_running import call_vjp_fn
        return call_vjp_fn(interp, self, args, kwargs, node)

    def __repr__(self) -> str:
        return "<function _vjp_with_argnums.<locals>.wrapper>"


class VjpResult(tuple):
    """(output, vjp_fn): unpacked by `_, vjp_fn = vjp(f, x)` (lang/stored_objects.require_storable)."""


def _options(kind: str, args: list, kwargs: dict) -> dict[str, Any]:
    positional, keyword_only = _PARAMETERS[kind]
    if len(args) > len(positional):
        raise ProgramTypeError(f"{kind}() takes at most {len(positional) + 1} positional arguments")
    options = dict(zip(positional, args, strict=False))
    for name, value in kwargs.items():
        if name not in positional and name not in keyword_only:
            raise NotSupported(f"`{kind}(..., {name}=...)` is not supported in Autograd Lab",
                               hint=f"the options of {kind} here: " + ", ".join((*positional, *keyword_only)))
        if name in options:
            raise ProgramTypeError(f"{kind}() got multiple values for argument '{name}'")
        options[name] = value
    for name, value in options.items():
        if name == "has_aux":
            require_bool(kind, name, value)
        if name == "randomness" and not isinstance(value, str):   # PyTorch checks the word itself
            raise ProgramTypeError("vmap(randomness=...) must be 'error', 'different' or 'same'")
        if name == "chunk_size" and value is not None and type(value) not in (int, float, bool):
            raise ProgramTypeError("vmap(chunk_size=...) must be None or an int")
        if name in ("argnums", "in_dims", "out_dims") and not _small_dims(value, name != "argnums"):
            raise ProgramTypeError(f"{kind}({name}=...) must be an int or a tuple of ints"
                                   + (" or None" if name != "argnums" else ""))
    return options


def require_bool(call: str, name: str, value: Any) -> None:
    if not isinstance(value, bool):
        raise ProgramTypeError(f"{call}({name}=...) must be True or False")


def _small_dims(value: Any, none_ok: bool, depth: int = 0) -> bool:
    if value is None:
        return none_ok
    if isinstance(value, int) and not isinstance(value, bool):
        return True
    if isinstance(value, (tuple, list)) and depth < 3 and len(value) <= _MAX_DIMS_ITEMS:
        return all(_small_dims(v, none_ok, depth + 1) for v in value)
    # a dict argument's in_dims ({"x": 0, "y": None}: vmap's docs)
    if isinstance(value, dict) and none_ok and depth < 3 and len(value) <= _MAX_DIMS_ITEMS:
        return all(isinstance(k, str) and _small_dims(v, none_ok, depth + 1) for k, v in value.items())
    return False


def _require_function(kind: str, func: Any) -> None:
    if not isinstance(func, CALLABLE_VALUES):
        raise ProgramTypeError(f"{kind}() needs a function (a def, a lambda, a partial or a torch "
                               f"function) as its first argument")


def _transform(kind: str) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> TransformedFunction:
        args = list(args)
        func = args.pop(0) if args else kwargs.pop("func", None)
        _require_function(kind, func)
        options = _options(kind, args, kwargs)
        if kind == "hessian":   # PyTorch's own definition: jacfwd(jacrev(f, argnums), argnums)
            argnums = options.get("argnums", 0)
            made = TransformedFunction("jacfwd", TransformedFunction("jacrev", func, {"argnums": argnums}),
                                       {"argnums": argnums})
            made.label = "hessian"   # drawn as a Hessian (engine/func_jacobian_call.py)
            return made
        return TransformedFunction(kind, func, options)
    return SafeFunction(f"torch.func.{kind}", impl)


def _vjp(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """vjp(func, *primals, has_aux=False) -> (output, vjp_fn[, aux])."""
    from autogradlab.lang.calls import require_data

    args = list(args)
    func = args.pop(0) if args else None
    _require_function("vjp", func)
    for name in set(kwargs) - {"has_aux"}:
        raise NotSupported(f"`vjp(..., {name}=...)` is not supported in Autograd Lab",
                           hint="vjp takes has_aux")
    require_bool("vjp", "has_aux", kwargs.get("has_aux", False))
    for value in args:
        require_data(value, "in `vjp`")
    return running(interp, TransformedFunction("vjp", func, dict(kwargs)), args, {}, node)


def _jvp(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """jvp(func, primals, tangents, *, strict=False, has_aux=False) -> (output, jvp_out[, aux])."""
    from autogradlab.lang.calls import require_data

    args = list(args)
    func = args.pop(0) if args else kwargs.pop("func", None)
    _require_function("jvp", func)
    names = ("primals", "tangents")
    values = dict(zip(names, args, strict=False))
    if len(args) > 2:
        raise ProgramTypeError("jvp() takes 3 positional arguments")
    for name, value in kwargs.items():
        if name not in (*names, "strict", "has_aux") or name in values:
            raise NotSupported(f"`jvp(..., {name}=...)` is not supported in Autograd Lab")
        values[name] = value
    for name in ("strict", "has_aux"):
        require_bool("jvp", name, values.get(name, False))
    for value in values.values():
        require_data(value, "in `jvp`")
    if "primals" not in values or "tangents" not in values:
        raise ProgramTypeError("jvp() missing required arguments: 'primals' and 'tangents'")
    options = {k: values[k] for k in ("strict", "has_aux") if k in values}
    return running(interp, TransformedFunction("jvp", func, options),
                   [values["primals"], values["tangents"]], {}, node)


TRANSFORMS = ("grad", "grad_and_value", "jacrev", "jacfwd", "hessian", "vmap")


def func_namespace() -> Namespace:
    members = {name: _transform(name) for name in TRANSFORMS}
    members["vjp"] = SafeFunction("torch.func.vjp", _vjp)
    members["jvp"] = SafeFunction("torch.func.jvp", _jvp)
    from autogradlab.lang.func_linearize import LINEARIZE
    members["linearize"] = LINEARIZE
    return Namespace("torch.func", members)



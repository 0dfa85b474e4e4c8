"""Older and keyword forms of the tensor API that tutorials still use.

`torch.Tensor([...])` / `torch.FloatTensor([...])` / `torch.LongTensor([...])` from data only (a size,
as in `torch.Tensor(3)`, would hand out uninitialised memory), `x.type()` / `x.type(dtype)` /
`x.type('torch.LongTensor')` through a fixed table (a type string never reaches torch's parser,
which imports modules by name for storages), `torch.Size([...])`, `torch.manual_seed` returning a
generator that prints like PyTorch's with a fixed fake address, `torch.initial_seed()`,
`torch.__version__`.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.calls import invoke, require_data, translate_torch_error
from autogradlab.lang.safe_values import Namespace, SafeArray, SafeFunction, SafeGenerator, SafeType
from autogradlab.lang.torch_generators import get_rng_state, make_generator, set_rng_state

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

LEGACY_TYPES: dict[str, torch.dtype] = {
    "FloatTensor": torch.float32, "DoubleTensor": torch.float64, "HalfTensor": torch.float16,
    "BFloat16Tensor": torch.bfloat16, "LongTensor": torch.int64, "IntTensor": torch.int32,
    "ShortTensor": torch.int16, "CharTensor": torch.int8, "ByteTensor": torch.uint8,
    "BoolTensor": torch.bool,
}
TYPE_STRINGS: dict[str, torch.dtype] = {f"torch.{name}": dtype for name, dtype in LEGACY_TYPES.items()}


def _from_data(name: str, dtype: torch.dtype | None):  # noqa: ANN202
    def convert(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> torch.Tensor:
        from autogradlab.lang.allowlist import TORCH_FUNCTIONS
        if kwargs:
            raise NotSupported(f"`torch.{name}(...)` takes no keyword arguments in Autograd Lab; use "
                               f"torch.tensor(data, dtype=...)")
        if not args:
            args = [[]]
        target = dtype or torch.get_default_dtype()
        sizes = size_arguments(args)
        if sizes is not None:   # uninitialised memory in PyTorch: zero-filled here, as torch.empty is
            return zero_filled(interp, f"torch.{name}", sizes, target, node)
        data = require_data(args[0], f"in `torch.{name}`")
        if len(args) > 1 or not isinstance(data, (list, tuple, SafeArray, torch.Tensor)) \
                or isinstance(data, torch.Size):
            raise NotSupported(f"`torch.{name}(sizes...)` would make a tensor of uninitialised memory; "
                               f"Autograd Lab supports `torch.{name}(data)` with a list of numbers",
                               hint="use torch.zeros(...), torch.ones(...) or torch.rand(...) for a "
                                    "tensor of a given size")
        if isinstance(data, SafeArray):
            data = data.array
        if isinstance(data, torch.Tensor):
            data = data.detach()
        interp.sizes.check_nested(data, name)
        spec = TORCH_FUNCTIONS["tensor"]
        return invoke(interp, "tensor", torch.tensor, spec, [data], {"dtype": target}, node)
    return convert


def size_arguments(args: list) -> list[int] | None:
    """`(2, 3)` or `(torch.Size([2, 3]),)`: the sizes of the legacy `torch.Tensor(2, 3)` /
    `x.new(2, 3)`; None when the arguments are data."""
    if len(args) == 1 and isinstance(args[0], torch.Size):
        return list(args[0])
    if args and all(isinstance(a, int) and not isinstance(a, bool) for a in args):
        return list(args)
    return None


def zero_filled(interp: Interpreter, qualname: str, sizes: list[int], dtype: torch.dtype,
                node: ast.AST) -> torch.Tensor:
    """A tensor PyTorch leaves uninitialised (security.md: no leaks), filled with zeros like
    torch.empty here: torch.zeros with its size checks; a negative size fails with PyTorch's text."""
    from autogradlab.lang.allowlist import TORCH_FUNCTIONS
    from autogradlab.lang.calls import call_function
    if any(n < 0 for n in sizes):
        raise translate_torch_error(RuntimeError(f"Trying to create tensor with negative dimension "
                                                 f"{min(sizes)}: {sizes}"), qualname, [])
    return call_function(interp, qualname, torch.zeros, TORCH_FUNCTIONS["zeros"], list(sizes),
                         {"dtype": dtype}, node)


def tensor_new(interp: Interpreter, tensor: torch.Tensor, args: list, kwargs: dict, node: ast.AST) -> Any:
    """`x.new(2, 3)` (PyTorch: uninitialised, here zeros) / `x.new([1, 2])` / `x.new()`: a new tensor of
    x's dtype, with no history."""
    if kwargs:
        raise NotSupported("`x.new(...)` takes no keyword arguments in Autograd Lab; use "
                           "torch.zeros(..., dtype=x.dtype) or x.new_tensor(data)")
    if not args:
        args = [[]]
    sizes = size_arguments(args)
    if sizes is not None:
        return zero_filled(interp, "new", sizes, tensor.dtype, node)
    data = require_data(args[0], "in `x.new(...)`")
    if len(args) > 1 or not isinstance(data, (list, tuple)):
        raise NotSupported("Autograd Lab supports `x.new(sizes...)` and `x.new(data)` with a list of "
                           "numbers", hint="use x.new_tensor(data) or x.clone() to copy a tensor")
    interp.sizes.check_nested(data, "new")
    from autogradlab.lang.allowlist import TORCH_FUNCTIONS
    return invoke(interp, "tensor", torch.tensor, TORCH_FUNCTIONS["tensor"], [data], {"dtype": tensor.dtype},
                  node)


def tensor_types() -> dict[str, SafeType]:
    """torch.Tensor and the legacy typed constructors, as values of the torch namespace."""
    types = {name: SafeType(f"torch.{name}", getattr(torch, name), _from_data(name, dtype))
             for name, dtype in LEGACY_TYPES.items()}
    types["Tensor"] = SafeType("torch.Tensor", torch.Tensor, _from_data("Tensor", None))
    return types


def tensor_type(interp: Interpreter, tensor: torch.Tensor, args: list, kwargs: dict, node: ast.AST) -> Any:
    """x.type() -> 'torch.FloatTensor'; x.type(torch.int64), x.type('torch.LongTensor'),
    x.type(torch.LongTensor) convert."""
    from autogradlab.lang.allowlist import TENSOR_METHODS
    kwargs = {k: v for k, v in kwargs.items() if k != "non_blocking"}
    target = args[0] if args else kwargs.pop("dtype", None)
    if len(args) > 1 or kwargs:
        raise NotSupported("Autograd Lab supports `.type()` and `.type(dtype)`")
    if target is None:
        return _guarded(lambda: tensor.type(), tensor)
    if isinstance(target, str):
        if target not in TYPE_STRINGS:
            raise ProgramTypeError(f"invalid type: '{target[:60]}'",
                                   hint="use a dtype such as torch.float32 or a name such as "
                                        "'torch.LongTensor'")
        target = TYPE_STRINGS[target]
    elif isinstance(target, SafeType) and target.text_name.removeprefix("torch.") in LEGACY_TYPES:
        target = LEGACY_TYPES[target.text_name.removeprefix("torch.")]
    elif isinstance(target, SafeType) and getattr(target.py_type, "__module__", None) == "builtins":
        # x.type(float), x.type(dtype=int): PyTorch's words (its to(float) reads float64, .type() does not;
        # red team, session 41: dtype=float ran as float64)
        from autogradlab.lang.operators import python_error
        error = python_error(ValueError(f"invalid type: '{target.py_type.__name__}'"))
        error.hint = "use a dtype such as torch.float32 or a name such as 'torch.LongTensor'"
        raise error
    if not isinstance(target, torch.dtype):
        raise ProgramTypeError("`.type()` needs a dtype such as torch.float32")
    return invoke(interp, "type", torch.Tensor.type, TENSOR_METHODS["type"], [tensor, target], {}, node)


def _guarded(fn, tensor: torch.Tensor) -> Any:  # noqa: ANN001
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001
        raise translate_torch_error(exc, "type", [tensor]) from None


def _size(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> torch.Size:
    if kwargs or len(args) > 1:
        raise ProgramTypeError("torch.Size() takes at most one argument, a list of ints")
    items = interp.materialize(require_data(args[0], "in `torch.Size`"), node) if args else []
    if not all(isinstance(n, int) and not isinstance(n, bool) or
               isinstance(n, torch.Tensor) and n.dim() == 0 and not n.is_floating_point()
               for n in items):
        raise ProgramTypeError("torch.Size() takes an iterable of 'int'")
    return torch.Size([int(n) for n in items])


def _manual_seed(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeGenerator:
    from autogradlab.lang.specials import seed_generator
    seed_generator(interp, args, kwargs)
    return SafeGenerator()


def _initial_seed(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> int:
    if args or kwargs:
        raise ProgramTypeError("initial_seed() takes no arguments")
    return interp.generator.initial_seed()


def torch_members() -> dict[str, Any]:
    random = Namespace("torch.random", {
        "manual_seed": SafeFunction("torch.random.manual_seed", _manual_seed),
        "initial_seed": SafeFunction("torch.random.initial_seed", _initial_seed),
        "get_rng_state": SafeFunction("torch.random.get_rng_state", get_rng_state),
        "set_rng_state": SafeFunction("torch.random.set_rng_state", set_rng_state)})
    return {
        **tensor_types(),
        "Size": SafeType("torch.Size", torch.Size, _size),
        "Generator": SafeType("torch._C.Generator", SafeGenerator, make_generator),   # isinstance(g, it)
        "manual_seed": SafeFunction("torch.manual_seed", _manual_seed),
        "initial_seed": SafeFunction("torch.initial_seed", _initial_seed),
        "get_rng_state": SafeFunction("torch.get_rng_state", get_rng_state),
        "set_rng_state": SafeFunction("torch.set_rng_state", set_rng_state),
        "random": random,
        "__version__": str(torch.__version__),
    }


NUMPY_VERSION = str(np.__version__)

"""torch's process-wide switches as older lessons call them (chenyuntc/pytorch-book chapter 3):
`torch.set_grad_enabled(False)` as a call (not only `with torch.no_grad():`), and the default dtype
(`torch.set_default_tensor_type('torch.DoubleTensor')`, `torch.set_default_dtype(torch.float64)`:
only the floating-point dtypes PyTorch accepts, with PyTorch's error texts otherwise). The size
limits count elements whatever their dtype, and the held-memory measure counts bytes (live_memory.py),
so a float64 default is bounded as `dtype=torch.float64` always was.

They change the worker's process state, as in PyTorch, for the rest of the program; the interpreter
restores both when the program ends (Interpreter.run), so the report's own work and the next program
never see them (security.md 6: a sandbox job is a fresh fork anyway); torch.set_printoptions
(print_options.py) is restored once the report's texts are made (engine/run.py). A type name is looked up in a
fixed table and never reaches torch's own parser (which imports modules by name).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import ProgramTypeError
from autogradlab.lang.grad_managers import grad_mode_argument
from autogradlab.lang.numpy_print_options import (
    NumpyPrintState,
    numpy_print_state,
    restore_numpy_print_state,
)
from autogradlab.lang.print_options import PrintState, print_option_members, print_state, restore_print_state
from autogradlab.lang.safe_values import SafeFunction, SafeGradMode, SafeType

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

ONLY_FLOATS = "only floating-point types are supported as the default type"
FLOAT_DTYPES = "use torch.float64 or torch.float32"


def _one_argument(qualname: str, args: list, kwargs: dict, keyword: str) -> Any:
    if set(kwargs) - {keyword} or len(args) + len(kwargs) != 1:
        raise ProgramTypeError(f"{qualname}() takes exactly one argument ({len(args) + len(kwargs)} given)")
    return args[0] if args else kwargs[keyword]


def _set_grad_enabled(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeGradMode:
    mode = grad_mode_argument(args, kwargs)
    torch.set_grad_enabled(mode)
    return SafeGradMode(mode)


def _set_default_dtype(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    """torch.set_default_dtype(d): d positional only, a floating-point torch.dtype."""
    if kwargs:
        if "d" in kwargs:
            raise ProgramTypeError("set_default_dtype() got some positional-only arguments passed as "
                                   "keyword arguments: 'd'")
        raise ProgramTypeError(f"set_default_dtype() got an unexpected keyword argument "
                               f"'{sorted(kwargs)[0]}'")
    if len(args) != 1:
        if not args:
            raise ProgramTypeError("set_default_dtype() missing 1 required positional argument: 'd'")
        raise ProgramTypeError(f"set_default_dtype() takes 1 positional argument but {len(args)} were given")
    dtype = args[0]
    if not isinstance(dtype, torch.dtype):
        raise ProgramTypeError(f"invalid dtype object: {ONLY_FLOATS}", hint=FLOAT_DTYPES)
    if not dtype.is_floating_point:
        raise ProgramTypeError(ONLY_FLOATS, hint=FLOAT_DTYPES)
    torch.set_default_dtype(dtype)
    return None


def _is_inference_mode_enabled(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> bool:
    if args or kwargs:
        raise ProgramTypeError(f"torch.is_inference_mode_enabled() takes no arguments "
                               f"({len(args) + len(kwargs)} given)")
    return torch.is_inference_mode_enabled()


def _type_name(value: Any) -> str:
    return "Tensor" if isinstance(value, torch.Tensor) else type(value).__name__


def _set_default_tensor_type(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    from autogradlab.lang.tensor_api import LEGACY_TYPES, TYPE_STRINGS
    kind = _one_argument("set_default_tensor_type", args, kwargs, "t")
    if isinstance(kind, str):
        if kind not in TYPE_STRINGS:
            raise ProgramTypeError(f"invalid type: '{kind[:60]}'",
                                   hint="use 'torch.FloatTensor' or 'torch.DoubleTensor'")
        dtype = TYPE_STRINGS[kind]
    elif isinstance(kind, SafeType) and kind.text_name.removeprefix("torch.") in LEGACY_TYPES:
        dtype = LEGACY_TYPES[kind.text_name.removeprefix("torch.")]
    else:
        raise ProgramTypeError(f"invalid type object: {ONLY_FLOATS}")
    if not dtype.is_floating_point:
        raise ProgramTypeError(ONLY_FLOATS)
    torch.set_default_dtype(dtype)
    return None


def _get_default_dtype(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> torch.dtype:
    if args or kwargs:
        raise ProgramTypeError(f"torch.get_default_dtype() takes no arguments "
                               f"({len(args) + len(kwargs)} given)")
    return torch.get_default_dtype()


def switch_members() -> dict[str, SafeFunction]:
    """torch members: the switches above."""
    return {
        "set_grad_enabled": SafeFunction("torch.set_grad_enabled", _set_grad_enabled),
        "set_default_tensor_type": SafeFunction("torch.set_default_tensor_type", _set_default_tensor_type),
        "get_default_dtype": SafeFunction("torch.get_default_dtype", _get_default_dtype),
        "set_default_dtype": SafeFunction("torch.set_default_dtype", _set_default_dtype),
        "is_inference_mode_enabled": SafeFunction("torch.is_inference_mode_enabled",
                                                  _is_inference_mode_enabled),
        **print_option_members(),   # torch.set_printoptions(edgeitems=2, linewidth=75)
    }


def process_state() -> tuple[bool, torch.dtype, PrintState, NumpyPrintState]:
    return torch.is_grad_enabled(), torch.get_default_dtype(), print_state(), numpy_print_state()


def restore(state: tuple[bool, torch.dtype, PrintState, NumpyPrintState], *,
            print_options: bool = True) -> None:
    """print_options=False (the end of Interpreter.run): the report's texts of the program's variables
    are still made with the program's print options, as a notebook shows them; engine/run.py restores
    them once the report is made."""
    torch.set_grad_enabled(state[0])
    torch.set_default_dtype(state[1])
    if print_options:
        restore_print_state(state[2])   # torch.set_printoptions(...): print_options.py
        restore_numpy_print_state(state[3])   # np.set_printoptions(...): numpy_print_options.py

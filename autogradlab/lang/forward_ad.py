"""torch.autograd.forward_ad as PyTorch's "Forward-mode Automatic Differentiation" tutorial uses it:
`with fwAD.dual_level():`, make_dual(primal, tangent), unpack_dual(t) -> (primal, tangent).

PyTorch's own functions run on the program's tensors; a dual tensor is an ordinary tensor with a
tangent beside it, and every op on it computes the tangent too. So inside the level every size and
work check counts each op twice (jacobian_passes.batched_sizes with 2 rows, as a vmap of two rows
would): a tangent doubles what an op makes and what it costs. The level is always left (ExitStack in
grad_managers.run_with), however the block ends, so no tangent outlives it (PyTorch's rule).

The program's level is marked on the interpreter: make_dual outside it gets PyTorch's "no level
exists" and unpack_dual a tangent of None, whatever level the engine itself may hold (the Steps
page's tangent run, engine/tangent_run.py, holds one: a program opening its own is refused there, by
name, instead of meeting PyTorch's "Nested forward mode AD"). Inside a torch.func transform the level
is refused (rows and levels would mix), as are torch.func and torch.autograd.functional inside it.
"""

from __future__ import annotations

import ast
import contextlib
import math
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import torch
import torch.autograd.forward_ad as fwAD

from autogradlab.errors import NotSupported, ProgramTypeError, ProgramValueError
from autogradlab.lang.namedtuple_values import ProgramNamedTuple
from autogradlab.lang.safe_values import Namespace, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

LEVEL = "forward_ad_level"   # interpreter attribute: True while the program's own dual_level is open
TANGENT_ROWS = 2             # each op inside the level computes its value and its tangent
NO_LEVEL = ("Trying to create a dual Tensor for forward AD but no level exists, make sure to "
            "enter_dual_level() first.")   # PyTorch's text (torch/autograd/forward_ad.py)
NESTED = "Nested forward mode AD is not supported at the moment"


class UnpackedDualTensor(ProgramNamedTuple):
    """unpack_dual's namedtuple (primal, tangent), printed and typed as PyTorch's."""

    _fields = ("primal", "tangent")


UnpackedDualTensor.__module__ = "torch.autograd.forward_ad"


def inside_level(interp: Any) -> bool:
    return bool(interp.__dict__.get(LEVEL))


def refuse_in_level(interp: Any, construct: str) -> None:
    """torch.func's transforms and torch.autograd.functional open levels of their own (a jvp's)."""
    if inside_level(interp):
        raise NotSupported(f"{construct} inside `with fwAD.dual_level():` is not supported in Autograd Lab",
                           hint="call it outside the dual_level block")


@contextlib.contextmanager
def program_dual_level(interp: Interpreter, args: list, kwargs: dict) -> Iterator[None]:
    """`with fwAD.dual_level():` for the program: checks, then PyTorch's level, sizes counted twice."""
    from autogradlab.engine import tangent_run
    from autogradlab.engine.jacobian_passes import batched_sizes
    from autogradlab.lang.func_running import refuse_inside

    if args or kwargs:
        raise ProgramTypeError("dual_level() takes no arguments")
    refuse_inside(interp, "`torch.autograd.forward_ad.dual_level()`")
    if inside_level(interp) or (fwAD._current_level >= 0 and not tangent_run.holds_level()):
        # the program's own level, or PyTorch's around a call of the program (jacobian(f, x,
        # strategy="forward-mode") runs f inside one): PyTorch's RuntimeError, keyed by its words (zh entry)
        from autogradlab.lang.exceptions import remember_python_error
        raise remember_python_error(ProgramValueError(NESTED), RuntimeError(NESTED))
    if fwAD._current_level >= 0 or tangent_run.holds_level():   # the Steps page's tangent run's level
        # (also before it opens, tangent_run.py: the run refuses the program's level wherever it is)
        raise NotSupported("the forward-mode steps cannot follow a program that opens its own "
                           "`fwAD.dual_level()` in Autograd Lab",
                           hint="the program itself runs: see its output on the Run page")
    _warm(interp)
    with fwAD.dual_level(), batched_sizes(interp.sizes, TANGENT_ROWS):
        interp.__dict__[LEVEL] = True
        try:
            yield
        finally:
            interp.__dict__[LEVEL] = False


_warm_done = False


def _warm(interp: Interpreter) -> None:
    """forward_ad loads its decompositions once per process (~0.3 s): not the program's time."""
    global _warm_done
    if _warm_done:
        return
    from autogradlab.engine.tangent_run import quiet_forward_mode
    started = time.perf_counter()
    quiet_forward_mode()
    interp.sizes.warm_up_s += time.perf_counter() - started
    _warm_done = True


def _bind(name: str, args: list, kwargs: dict, names: tuple[str, ...]) -> list:
    """make_dual(tensor, tangent, *, level=None) / unpack_dual(tensor, *, level=None): Python's texts."""
    from autogradlab.lang.named_arguments import bind_named
    if len(args) > len(names):
        raise ProgramTypeError(f"{name}() takes {len(names)} positional arguments but {len(args)} were given")
    given = bind_named(name, names, args, kwargs, keywords=(*names, "level"))
    if "level" in given:
        raise NotSupported(f"`{name}(..., level=...)` is not supported in Autograd Lab",
                           hint="the level is the one `with fwAD.dual_level():` opened")
    missing = [n for n in names if n not in given]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise ProgramTypeError(f"{name}() missing {len(missing)} required positional argument{plural}: "
                               + " and ".join(f"'{n}'" for n in missing))
    return [given[n] for n in names]


def _not_a_tensor(value: Any) -> Any:
    """PyTorch's own failure for a non-tensor: it asks the value for is_floating_point()."""
    from autogradlab.lang.operators import python_error
    from autogradlab.lang.safe_values import type_text
    return python_error(AttributeError(f"'{type_text(value)}' object has no attribute 'is_floating_point'"))


def _make_dual(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang.calls import require_data, translate_torch_error
    tensor, tangent = _bind("make_dual", args, kwargs, ("tensor", "tangent"))
    for value in (tensor, tangent):
        require_data(value, "in `make_dual`")
    if not inside_level(interp):
        raise translate_torch_error(RuntimeError(NO_LEVEL), "make_dual", [])
    for value in (tensor, tangent):
        if not isinstance(value, torch.Tensor):
            raise _not_a_tensor(value)
    # a tangent of another layout or dtype is copied (checked as a new tensor); the result is a view
    interp.sizes.check_elements(math.prod(tangent.shape), "make_dual")
    try:
        result = fwAD.make_dual(tensor, tangent)
    except Exception as exc:  # noqa: BLE001 - PyTorch's words (sizes differ, integer dtypes)
        raise translate_torch_error(exc, "make_dual", [tensor, tangent]) from None
    interp.sizes.add_result(tangent)
    interp.record_op("forward_ad.make_dual", [tensor, tangent], {}, result, node)
    return result


def _unpack_dual(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang.calls import require_data, translate_torch_error
    (tensor,) = _bind("unpack_dual", args, kwargs, ("tensor",))
    require_data(tensor, "in `unpack_dual`")
    if not inside_level(interp):   # PyTorch: no level, no tangent (the tensor itself as the primal)
        return UnpackedDualTensor((tensor, None))
    if not isinstance(tensor, torch.Tensor):
        from autogradlab.lang.operators import python_error
        from autogradlab.lang.safe_values import type_text
        raise python_error(TypeError(f"_unpack_dual(): argument 'tensor' (position 1) must be Tensor, "
                                     f"not {type_text(tensor)}"))
    try:
        primal, tangent = fwAD.unpack_dual(tensor)
    except Exception as exc:  # noqa: BLE001
        raise translate_torch_error(exc, "unpack_dual", [tensor]) from None
    result = UnpackedDualTensor((primal, tangent))
    interp.record_op("forward_ad.unpack_dual", [tensor], {}, primal, node)
    return result


def _dual_level_call(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    raise NotSupported("`fwAD.dual_level()` is supported as `with fwAD.dual_level():` in Autograd Lab",
                       hint="write the forward-mode code inside `with fwAD.dual_level():`")


DUAL_LEVEL = SafeFunction("torch.autograd.forward_ad.dual_level", _dual_level_call)


def forward_ad_namespace() -> Namespace:
    return Namespace("torch.autograd.forward_ad", {
        "dual_level": DUAL_LEVEL,
        "make_dual": SafeFunction("torch.autograd.forward_ad.make_dual", _make_dual),
        "unpack_dual": SafeFunction("torch.autograd.forward_ad.unpack_dual", _unpack_dual),
    })

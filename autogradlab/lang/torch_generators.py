"""torch.Generator objects of the program (`g = torch.Generator().manual_seed(2147483647)`, then
`torch.randn(..., generator=g)`, as Karpathy's makemore lectures write): each holds a CPU generator of
its own, seeded as PyTorch seeds a new one, so its numbers equal plain PyTorch's. `generator=` takes
one of them, or what torch.manual_seed returned (the run's generator), or None.

A run makes at most MAX_GENERATORS of them. jacobian()'s extra passes restore their states as they
restore the run's (engine/jacobian_passes.py: random_states / restore_random_states).
"""

from __future__ import annotations

import ast
import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import LimitExceeded, NotSupported, ProgramTypeError
from autogradlab.lang.safe_values import SafeGenerator

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_GENERATORS = 1000   # torch.Generator() calls in one run (each holds 5 KB of state)


def _owned(interp: Interpreter) -> list[torch.Generator]:
    return interp.__dict__.setdefault("user_generators", [])


def make_generator(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeGenerator:
    """torch.Generator() / torch.Generator('cpu') / torch.Generator(device='cpu')."""
    device = args[0] if len(args) == 1 and not kwargs else kwargs.get("device", "cpu")
    if len(args) > 1 or set(kwargs) - {"device"} or args and kwargs:
        raise ProgramTypeError("torch.Generator() takes one argument, the device")
    if str(device) != "cpu":
        raise NotSupported("Autograd Lab runs on the CPU only: torch.Generator() takes device='cpu'")
    owned = _owned(interp)
    if len(owned) >= MAX_GENERATORS:
        raise LimitExceeded(f"the program makes more than {MAX_GENERATORS} torch.Generator objects")
    gen = torch.Generator()
    owned.append(gen)
    return SafeGenerator(gen)


def call_method(interp: Interpreter, base: SafeGenerator, name: str, args: list, kwargs: dict) -> Any:
    """g.manual_seed(n) (returns g, as PyTorch's does) and g.initial_seed()."""
    gen = base.gen if base.gen is not None else interp.generator
    if name == "manual_seed":
        seed = args[0] if len(args) == 1 and not kwargs else kwargs.get("seed")
        if isinstance(seed, bool) or not isinstance(seed, int) or len(args) + len(kwargs) != 1:
            raise ProgramTypeError("manual_seed() needs an int seed")
        try:
            gen.manual_seed(seed)
        except RuntimeError as exc:   # out of range: PyTorch's own message
            raise ProgramTypeError(str(exc).splitlines()[0]) from None
        return base
    if name == "initial_seed" and not args and not kwargs:
        return gen.initial_seed()
    raise NotSupported(f"`Generator.{name}()` is not supported in Autograd Lab "
                       "(a generator offers manual_seed(n) and initial_seed())")


def call_with_generator(interp: Interpreter, qualname: str, kwargs: dict, call: Callable[[dict], Any]) -> Any:
    """A random function or method called with `generator=`: the call runs with that generator in
    the run's place."""
    kwargs = dict(kwargs)
    chosen = kwargs.pop("generator")
    if chosen is not None and not isinstance(chosen, SafeGenerator):
        raise ProgramTypeError(f"{qualname.rsplit('.', 1)[-1]}(): argument 'generator' must be "
                               f"torch.Generator, not {type(chosen).__name__}")
    if chosen is None or chosen.gen is None:
        return call(kwargs)
    with _in_place(interp, chosen.gen):
        return call(kwargs)


@contextlib.contextmanager
def _in_place(interp: Interpreter, gen: torch.Generator) -> Iterator[None]:
    run_generator = interp.generator
    interp.generator = gen
    try:
        yield
    finally:
        interp.generator = run_generator


def random_states(interp: Interpreter) -> tuple[torch.Tensor, list[torch.Tensor]]:
    """The run's generator's state and the program's generators' states."""
    return interp.generator.get_state(), [gen.get_state() for gen in _owned(interp)]


def restore_random_states(interp: Interpreter, states: tuple[torch.Tensor, list[torch.Tensor]]) -> None:
    run_state, owned_states = states
    interp.generator.set_state(run_state)
    for gen, state in zip(_owned(interp), owned_states, strict=False):   # made later: left as they are
        gen.set_state(state)

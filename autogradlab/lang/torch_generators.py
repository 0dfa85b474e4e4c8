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
STATE_BYTES = 5056   # a CPU generator's get_state(): torch.uint8 of this many elements


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
    """g.manual_seed(n) and g.set_state(s) (return g, as PyTorch's do), g.initial_seed(), g.get_state()."""
    gen = base.gen if base.gen is not None else interp.generator
    if name == "manual_seed":
        from autogradlab.lang.seed_values import generator_seed_of
        gen.manual_seed(generator_seed_of(args, kwargs))
        return base
    if name == "initial_seed" and not args and not kwargs:
        return gen.initial_seed()
    if name == "get_state":
        if args or kwargs:
            given = len(args) + len(kwargs)
            raise ProgramTypeError(f"Generator.get_state() takes no arguments ({given} given)")
        return get_state(interp, gen)
    if name == "set_state":
        if kwargs:
            raise ProgramTypeError("Generator.set_state() takes no keyword arguments")
        if len(args) != 1:
            raise ProgramTypeError(f"Generator.set_state() takes exactly one argument ({len(args)} given)")
        set_state(interp, gen, args[0])
        return base
    raise NotSupported(f"`Generator.{name}()` is not supported in Autograd Lab "
                       "(a generator offers manual_seed(n), initial_seed(), get_state() and "
                       "set_state(state))")


# PyTorch checks only the type of a state that is not a tensor: its words name these types
_PLAIN_TYPES = (int, float, bool, str, list, tuple, dict, type(None))


def get_state(interp: Interpreter, gen: torch.Generator) -> torch.Tensor:
    """A copy of the generator's state (a uint8 tensor of 5,056 bytes), counted as a tensor made."""
    interp.sizes.check_elements(STATE_BYTES, "get_state()")
    state = gen.get_state()
    interp.sizes.add_result(state)
    return state


def set_state(interp: Interpreter, gen: torch.Generator, state: Any) -> None:
    """PyTorch checks a state before using it (type, dtype, size, contiguity, the mt19937 words: an
    altered state gets its 'Invalid mt19937 state'); inside a torch.func transform a state could be a
    batched tensor with no bytes of its own, so it is refused there."""
    from autogradlab.lang.call_errors import translate_torch_error
    from autogradlab.lang.func_running import refuse_inside

    refuse_inside(interp, "`set_state(...)`")
    if not isinstance(state, torch.Tensor) and not isinstance(state, _PLAIN_TYPES):
        raise ProgramTypeError("set_state() needs the uint8 tensor that get_state() returned")
    try:
        gen.set_state(state)
    except Exception as exc:  # noqa: BLE001 - PyTorch's own TypeError / RuntimeError
        raise translate_torch_error(exc, "set_state", [state]) from None


def get_rng_state(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> torch.Tensor:
    """torch.get_rng_state(): the run's generator, never the process-wide one."""
    if args or kwargs:
        raise ProgramTypeError(f"get_rng_state() takes 0 positional arguments but {len(args) + len(kwargs)} "
                               "were given")
    return get_state(interp, interp.generator)


def set_rng_state(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    """torch.set_rng_state(new_state): the run's generator, never the process-wide one."""
    values = [*args, *kwargs.values()]
    if set(kwargs) - {"new_state"} or len(values) != 1:
        raise ProgramTypeError("set_rng_state() takes one argument, new_state")
    set_state(interp, interp.generator, values[0])


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


def random_states(interp: Interpreter) -> tuple[torch.Tensor, list[torch.Tensor], list]:
    """The run's generator's state, the program's generators' states, and the run's NumPy and Python
    streams' (random_modules.stream_states)."""
    from autogradlab.lang.random_modules import stream_states
    return interp.generator.get_state(), [gen.get_state() for gen in _owned(interp)], stream_states(interp)


def restore_random_states(interp: Interpreter, states: tuple[torch.Tensor, list[torch.Tensor], list]) -> None:
    from autogradlab.lang.random_modules import restore_stream_states
    run_state, owned_states, streams = states
    interp.generator.set_state(run_state)
    for gen, state in zip(_owned(interp), owned_states, strict=False):   # made later: left as they are
        gen.set_state(state)
    restore_stream_states(streams)

"""np.random.RandomState(seed), NumPy's legacy generator object, as older lessons use it (rasbt's
deeplearning-models: `rng = np.random.RandomState(123)`, `rng.shuffle(idx)`, `rng.normal(...)`;
issue 9, session 33).

The program holds a SafeRandomState wrapping NumPy's own RandomState, so its numbers are NumPy's for the
same seed. Its methods are np.random's own functions (lang/random_modules.py: the same argument rules,
sizes counted before NumPy draws, work bounds for choice), run against this object's stream instead of
the run's: nothing of the RandomState is reachable but those methods (no get_state, no bit generator).
An unseeded RandomState() is seeded from the run's seed, as default_rng() is (numpy_generators.py).
The object is registered with the run's streams, so jacobian()'s extra passes restore it too.
"""

from __future__ import annotations

import ast
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang import numpy_ops
from autogradlab.lang.data_wrappers import SafeRandomState

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter
    from autogradlab.lang.safe_values import SafeFunction

_NOT_METHODS = ("default_rng", "Generator", "PCG64", "RandomState")


@cache
def _methods() -> dict[str, SafeFunction]:
    from autogradlab.lang.random_modules import numpy_random_namespace
    return {name: fn for name, fn in numpy_random_namespace().members.items() if name not in _NOT_METHODS}


def make_random_state(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeRandomState:
    from autogradlab.lang.numpy_generators import _count_made, _unseeded
    from autogradlab.lang.random_modules import _seed_value
    seed = _seed_value(list(args), dict(kwargs), "np.random.RandomState")
    _count_made(interp)
    state = numpy_ops._guarded(lambda: np.random.RandomState(_unseeded(interp) if seed is None else seed))
    interp.__dict__.setdefault("_numpy_bit_generators", []).append(state)   # restored by jacobian()
    return SafeRandomState(state)


def call_method(interp: Interpreter, base: SafeRandomState, name: str, args: list, kwargs: dict) -> Any:
    """rs.<name>(...): np.random.<name>'s own checks, drawing from this RandomState."""
    if name == "seed":   # reseeds this object in place (NumPy's RandomState.seed)
        from autogradlab.lang.random_modules import _seed_value
        seed = _seed_value(list(args), dict(kwargs), "RandomState.seed")
        from autogradlab.lang.numpy_generators import _unseeded
        numpy_ops._guarded(lambda: base.gen.seed(_unseeded(interp) if seed is None else seed))
        return None
    method = _methods().get(name)
    if method is None:
        raise refused(name)
    saved = interp.__dict__.get("_numpy_random")
    interp.__dict__["_numpy_random"] = base.gen
    try:
        return method.impl(interp, args, kwargs, None)
    finally:
        if saved is None:
            interp.__dict__.pop("_numpy_random", None)
        else:
            interp.__dict__["_numpy_random"] = saved


def refused(name: str) -> NotSupported:
    known = ", ".join(sorted({*_methods(), "seed"}))
    if name in _methods() or name == "seed":
        return NotSupported(f"`RandomState.{name}` is a method: call it, as in `rs.{name}(...)`")
    return NotSupported(f"`RandomState.{name}` is not supported in Autograd Lab (a RandomState offers "
                        f"{known})")

"""Python's `random` and NumPy's `np.random` as lessons use them (`a = np.random.randn()` in
"Learning PyTorch with Examples", `import random` in course notebooks).

Each run owns its generators, seeded with the run's seed (a `random.Random` and a legacy
`np.random.RandomState`, the same streams `random.seed(seed)` / `np.random.seed(seed)` give plain
Python): nothing touches the process-wide ones, and a program's `seed(...)` reseeds only its own.
Sizes are counted with Python ints and checked before NumPy allocates (same limits as torch);
arguments are plain numbers and int shapes only (NumPy would turn a nested list into an array first).
"""

from __future__ import annotations

import ast
import math
import random as py_random
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.numpy_generators import DRAWS, numpy_generator_members
from autogradlab.lang.numpy_generators import _draw as draw
from autogradlab.lang.numpy_ops import _guarded, _shape, _wrap, charge
from autogradlab.lang.safe_values import Namespace, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_NUMBERS = (int, float, np.integer, np.floating)
SEED_LIMIT = 2**32   # RandomState takes 0 <= seed < 2**32; random.Random's seeds stay as small


def _run_seed(interp: Interpreter) -> int:
    return int(getattr(interp, "run_seed", 0)) % SEED_LIMIT


def numpy_state(interp: Interpreter) -> np.random.RandomState:
    state = interp.__dict__.get("_numpy_random")
    if state is None:
        state = interp.__dict__["_numpy_random"] = np.random.RandomState(_run_seed(interp))
    return state


def python_random(interp: Interpreter) -> py_random.Random:
    state = interp.__dict__.get("_python_random")
    if state is None:
        state = interp.__dict__["_python_random"] = py_random.Random(_run_seed(interp))
    return state


def stream_states(interp: Interpreter) -> list[tuple[Any, Any]]:
    """The states of the run's own NumPy and Python streams (np.random, random, each NumPy Generator's bit
    generator: numpy_generators.py registers them): jacobian()'s extra passes restore them as they restore
    torch's (torch_generators.random_states), so a function that draws moves each stream once, as the one
    call PyTorch makes does."""
    found = [interp.__dict__.get("_numpy_random"), interp.__dict__.get("_python_random"),
             *interp.__dict__.get("_numpy_bit_generators", ())]
    states = []
    for stream in found:
        if isinstance(stream, np.random.RandomState):
            states.append((stream, stream.get_state()))
        elif isinstance(stream, py_random.Random):
            states.append((stream, stream.getstate()))
        elif stream is not None:
            states.append((stream, stream.state))
    return states


def restore_stream_states(states: list[tuple[Any, Any]]) -> None:
    for stream, state in states:
        if isinstance(stream, np.random.RandomState):
            stream.set_state(state)
        elif isinstance(stream, py_random.Random):
            stream.setstate(state)
        else:
            stream.state = state


def _seed_value(args: list, kwargs: dict, what: str) -> int | None:
    values = list(args) + [kwargs.pop("seed")] if "seed" in kwargs else list(args)
    if kwargs or len(values) > 1:
        raise NotSupported(f"Autograd Lab supports `{what}(n)` with one int seed")
    value = values[0] if values else None
    if value is not None and (not isinstance(value, (int, np.integer)) or isinstance(value, bool)):
        raise ProgramTypeError(f"{what}() needs an int seed here")
    if value is not None and not 0 <= value < SEED_LIMIT:
        raise ProgramTypeError(f"{what}(): Seed must be between 0 and 2**32 - 1")
    return None if value is None else int(value)


def _size(interp: Interpreter, size: Any, what: str) -> tuple[int, ...] | None:
    if size is None:
        return None
    shape = _shape(size)
    if any(n < 0 for n in shape):
        raise ProgramTypeError("negative dimensions are not allowed")
    charge(interp, math.prod(shape), what)
    return shape


def _numbers(values: list, what: str) -> list:
    for value in values:
        if not isinstance(value, _NUMBERS) or isinstance(value, bool):
            raise NotSupported(f"Autograd Lab supports `{what}` with plain numbers (not arrays or lists)")
    return values


def _all_numbers(bound: dict, names: tuple[str, ...]) -> bool:
    return all(isinstance(v, _NUMBERS) for k, v in bound.items() if k != "size")


def _np_shape_args(name: str):  # noqa: ANN202
    """randn(d0, d1, ...) / rand(d0, d1, ...): the shape as separate ints."""
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if kwargs:
            raise NotSupported(f"Autograd Lab supports `np.random.{name}(d0, d1, ...)`")
        shape = _size(interp, tuple(args), f"np.random.{name}") if args else None
        method = getattr(numpy_state(interp), name)
        return _wrap(_guarded(lambda: method(*shape) if shape else method()))
    return SafeFunction(f"numpy.random.{name}", impl)


def _np_sized(name: str, params: tuple[str, ...]):  # noqa: ANN202
    """normal(loc, scale, size), uniform(low, high, size), randint(low, high, size), random(size)."""
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        names = (*params, "size")
        if len(args) > len(names) or set(kwargs) - set(names):
            raise NotSupported(f"Autograd Lab supports `np.random.{name}({', '.join(names)})`")
        bound = dict(zip(names, args, strict=False)) | kwargs
        if name in DRAWS and DRAWS[name] == names and not _all_numbers(bound, names):
            # np.random.normal([3, 5]) (EffectivePyTorch): arrays of parameters, drawn as a Generator's
            return draw(interp, numpy_state(interp), name, args, kwargs, label="np.random")
        size = _size(interp, bound.pop("size", None), f"np.random.{name}")
        _numbers(list(bound.values()), f"np.random.{name}")
        method = getattr(numpy_state(interp), name)
        return _wrap(_guarded(lambda: method(**bound, size=size)))
    return SafeFunction(f"numpy.random.{name}", impl)


def _np_seed(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    seed = _seed_value(args, dict(kwargs), "np.random.seed")
    interp.__dict__["_numpy_random"] = np.random.RandomState(_run_seed(interp) if seed is None else seed)


def _np_reordered(name: str):  # noqa: ANN202
    """np.random.choice / permutation / shuffle: the run's RandomState, with the checks of a Generator's
    (numpy_generators.py: the result and NumPy's index array counted first, work bounded)."""
    from autogradlab.lang import numpy_generators as generators

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        state = numpy_state(interp)
        if name == "choice":
            return generators._choice(interp, state, args, kwargs, label="np.random")
        return generators._reordered(interp, state, name, args, kwargs, label="np.random")
    return SafeFunction(f"numpy.random.{name}", impl)


# legacy np.random draws of plain-number parameters (RandomState's, seeded with the run's seed)
LEGACY_DRAWS = {"binomial": ("n", "p"), "poisson": ("lam",), "exponential": ("scale",), "beta": ("a", "b"),
                "gamma": ("shape", "scale"), "lognormal": ("mean", "sigma"), "laplace": ("loc", "scale"),
                "logistic": ("loc", "scale"), "geometric": ("p",), "chisquare": ("df",),
                "standard_t": ("df",), "random_sample": (), "sample": (), "ranf": (),
                "standard_exponential": ()}


def numpy_random_namespace() -> Namespace:
    return Namespace("numpy.random", {
        "seed": SafeFunction("numpy.random.seed", _np_seed),
        "randn": _np_shape_args("randn"), "rand": _np_shape_args("rand"),
        "standard_normal": _np_sized("standard_normal", ()), "random": _np_sized("random", ()),
        "normal": _np_sized("normal", ("loc", "scale")), "uniform": _np_sized("uniform", ("low", "high")),
        "randint": _np_sized("randint", ("low", "high")),
        **{name: _np_sized(name, params) for name, params in LEGACY_DRAWS.items()},
        **{name: _np_reordered(name) for name in ("choice", "permutation", "shuffle")},
        **numpy_generator_members(),   # default_rng, Generator, PCG64 (numpy_generators.py)
    })


# -- Python's random ------------------------------------------------------------------------------
MAX_SAMPLE = 1_000_000   # random.sample(range(10**18), k): k items are made, so k is bounded


def _py(name: str, arity: tuple[int, int]):  # noqa: ANN202
    low, high = arity

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if kwargs:   # random.uniform(a=0, b=100), random.sample(population=xs, k=10) (Python Bootcamp)
            args = _positional(name, args, kwargs)
        if not low <= len(args) <= high:
            raise NotSupported(f"Autograd Lab supports `random.{name}(...)` with {low}-{high} "
                               f"positional arguments")
        if name in ("choice", "shuffle", "sample"):
            return _py_sequence(interp, name, args)
        _numbers(list(args), f"random.{name}")
        return _guarded(lambda: getattr(python_random(interp), name)(*args))
    return SafeFunction(f"random.{name}", impl)


# CPython's parameter names (3.11), for the keyword forms; a keyword given out of order (a gap before it)
# is refused by _py's message, as are keywords these functions do not have (sample's counts=).
PY_PARAMETERS = {"random": (), "uniform": ("a", "b"), "randint": ("a", "b"),
                 "randrange": ("start", "stop", "step"), "gauss": ("mu", "sigma"),
                 "normalvariate": ("mu", "sigma"), "choice": ("seq",), "shuffle": ("x",),
                 "sample": ("population", "k")}


def _positional(name: str, args: list, kwargs: dict) -> list:
    names = PY_PARAMETERS[name]
    given = dict(zip(names, args, strict=False))
    if len(args) > len(names) or set(kwargs) - set(names) or set(kwargs) & set(given):
        low, high = PY_FUNCTIONS[name]
        raise NotSupported(f"Autograd Lab supports `random.{name}(...)` with {low}-{high} "
                           f"positional arguments")
    given |= kwargs
    count = next((i for i, n in enumerate(names) if n not in given), len(names))
    if set(names[count:]) & set(given):   # randrange(start=1, step=2): stop left out before step
        low, high = PY_FUNCTIONS[name]
        raise NotSupported(f"Autograd Lab supports `random.{name}(...)` with {low}-{high} "
                           f"positional arguments")
    return [given[n] for n in names[:count]]


def _py_sequence(interp: Interpreter, name: str, args: list) -> Any:
    population = args[0]
    if not isinstance(population, (list, tuple, range, str)):
        raise NotSupported(f"Autograd Lab supports `random.{name}` on lists, tuples, ranges and strings")
    if name == "shuffle" and not isinstance(population, list):
        raise ProgramTypeError("random.shuffle() needs a list")
    if name == "sample":
        if len(args) != 2 or not isinstance(args[1], int) or isinstance(args[1], bool):
            raise NotSupported("Autograd Lab supports `random.sample(population, k)`")
        if args[1] > MAX_SAMPLE:
            raise ProgramTypeError(f"random.sample: k = {args[1]} is more than Autograd Lab's "
                                   f"{MAX_SAMPLE:,} items")
        # the k-item list it builds is a list like any other (max_sequence_len, the run's total)
        interp.sizes.charge_sequence(max(0, args[1]), "the list random.sample() builds")
    method = getattr(python_random(interp), name)
    return _guarded(lambda: method(*args))


# Python's random.seed also takes a text, a float or any int (`random.seed('running')`, Norvig's
# probability paradoxes, session 41): CPython hashes them (sha512 of a text bounded by max_sequence_len)
_PY_SEEDS = (str, float, int, bool)


def _py_seed(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    if len(args) == 1 and not kwargs and type(args[0]) in _PY_SEEDS:
        seed = args[0]
    else:
        seed = _seed_value(args, dict(kwargs), "random.seed")
    interp.__dict__["_python_random"] = py_random.Random(_run_seed(interp) if seed is None else seed)


PY_FUNCTIONS = {"random": (0, 0), "uniform": (2, 2), "randint": (2, 2), "randrange": (1, 3),
                "gauss": (0, 2), "normalvariate": (0, 2), "choice": (1, 1), "shuffle": (1, 1),
                "sample": (2, 2)}


def _py_choices(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> list:
    """random.choices(population, weights=None, *, cum_weights=None, k=1) (rougier's random walk): k
    items, bounded and charged as random.sample's; the weights are numbers."""
    if "population" in kwargs and not args:   # random.choices(population=xs, k=10) (Python Bootcamp)
        kwargs = dict(kwargs)
        args = [kwargs.pop("population")]
    if not 1 <= len(args) <= 2 or set(kwargs) - {"weights", "cum_weights", "k"} or \
            len(args) == 2 and "weights" in kwargs:
        raise NotSupported("Autograd Lab supports `random.choices(population, weights=None, *, "
                           "cum_weights=None, k=1)`")
    population = args[0]
    if not isinstance(population, (list, tuple, range, str)):
        raise NotSupported("Autograd Lab supports `random.choices` on lists, tuples, ranges and strings")
    k = kwargs.get("k", 1)
    if not isinstance(k, int) or isinstance(k, bool):
        raise NotSupported("Autograd Lab supports `random.choices(..., k=n)` with a whole number n")
    if k > MAX_SAMPLE:
        raise ProgramTypeError(f"random.choices: k = {k} is more than Autograd Lab's {MAX_SAMPLE:,} items")
    weights = {"weights": args[1]} if len(args) == 2 else {}
    weights.update({name: kwargs[name] for name in ("weights", "cum_weights") if name in kwargs})
    for value in weights.values():
        if value is not None:
            _numbers(list(value) if isinstance(value, (list, tuple)) else [value], "random.choices")
    interp.sizes.charge_sequence(max(0, k), "the list random.choices() builds")
    method = python_random(interp).choices
    return _guarded(lambda: method(population, k=k, **weights))


def python_random_namespace() -> Namespace:
    return Namespace("random", {"seed": SafeFunction("random.seed", _py_seed),
                                "choices": SafeFunction("random.choices", _py_choices),
                                **{name: _py(name, arity) for name, arity in PY_FUNCTIONS.items()}})


def random_namespaces() -> dict[str, Namespace]:
    return {"random": python_random_namespace(), "numpy.random": numpy_random_namespace()}

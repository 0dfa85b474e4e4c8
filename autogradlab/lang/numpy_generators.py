"""np.random.default_rng(seed) and the Generator it returns, as the NumPy quickstart and modern lessons use
them: `rng.random(3)`, `rng.normal(0, 1, size=(2, 3))`, `rng.integers(0, 10, 5)`, `rng.choice(a, 3)`,
`rng.permutation(10)`, `rng.shuffle(x)`, `rng.exponential(...)`, `rng.binomial(...)`, `rng.poisson(...)`.

The program holds a SafeNumpyGenerator wrapping NumPy's own Generator, so its numbers are NumPy's for the
same seed; it reaches the Generator only through the method table below (never `bit_generator`, its state
or anything else). Every result is sized with Python ints before NumPy draws it, by the same shape rules
as np.random.rand / np.zeros (numpy_ops._shape: ints, at most 32 dimensions; then charge): `size=` when
given, else the broadcast of the array arguments; choice() without replacement also counts the index
array NumPy makes of the population (it does when size > population // 50). Only numbers, arrays,
lists of numbers, shapes and dtypes reach NumPy, which words its own errors (`scale < 0`, `low >= high`).

An unseeded default_rng() (and PCG64()) is seeded from the run's seed, as np.random and torch are: the
first one as default_rng(run_seed), the k-th after it as default_rng([run_seed, k]), so a run is
reproducible and two unseeded generators still differ, as in NumPy.
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported
from autogradlab.lang import numpy_ops
from autogradlab.lang.data_wrappers import (
    SafeArray,
    SafeBitGenerator,
    SafeNumpyGenerator,
    SafeRandomState,
    SafeType,
)
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeFunction, SafeNumpyDtype

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_NUMPY_GENERATORS = 10_000   # made in one run (each ~1 KB; a loop making one per pass stays bounded)
SEED_TYPES = (int, float, str, np.integer, np.floating)   # NumPy words its own TypeError for float and str

# method -> its parameters in NumPy's order (Generator's signatures, NumPy 2.x)
DRAWS: dict[str, tuple[str, ...]] = {
    "random": ("size", "dtype"), "standard_normal": ("size", "dtype"),
    "standard_exponential": ("size", "dtype"), "standard_gamma": ("shape", "size", "dtype"),
    "standard_cauchy": ("size",),
    "integers": ("low", "high", "size", "dtype", "endpoint"),
    "normal": ("loc", "scale", "size"), "uniform": ("low", "high", "size"), "exponential": ("scale", "size"),
    "binomial": ("n", "p", "size"), "poisson": ("lam", "size"), "beta": ("a", "b", "size"),
    "gamma": ("shape", "scale", "size"), "lognormal": ("mean", "sigma", "size"),
    "laplace": ("loc", "scale", "size"), "logistic": ("loc", "scale", "size"),
    "gumbel": ("loc", "scale", "size"),
    "geometric": ("p", "size"), "negative_binomial": ("n", "p", "size"), "chisquare": ("df", "size"),
    "standard_t": ("df", "size"), "rayleigh": ("scale", "size"), "weibull": ("a", "size"),
    "pareto": ("a", "size"), "power": ("a", "size"), "triangular": ("left", "mode", "right", "size"),
    "f": ("dfnum", "dfden", "size"), "vonmises": ("mu", "kappa", "size"), "wald": ("mean", "scale", "size"),
}
OTHERS: dict[str, tuple[str, ...]] = {
    "choice": ("a", "size", "replace", "p", "axis", "shuffle"), "permutation": ("x", "axis"),
    "shuffle": ("x", "axis"), "permuted": ("x", "axis"), "multinomial": ("n", "pvals", "size"),
    "spawn": ("n_children",),
    "multivariate_normal": ("mean", "cov", "size", "check_valid", "tol", "method"),
}
METHODS = frozenset(DRAWS) | frozenset(OTHERS)
_FLAGS = frozenset({"replace", "shuffle", "endpoint"})


# -- making generators --------------------------------------------------------------------------------
def _count_made(interp: Interpreter, count: int = 1) -> None:
    made = interp.__dict__.get("_numpy_generators_made", 0) + count
    if made > MAX_NUMPY_GENERATORS:
        raise LimitExceeded(f"the program makes more than {MAX_NUMPY_GENERATORS:,} NumPy random generators",
                            hint="make one generator and draw from it (rng = np.random.default_rng(seed))")
    interp.__dict__["_numpy_generators_made"] = made


def _registered(interp: Interpreter, bits: Any) -> Any:
    """A bit generator the run made, kept so that jacobian()'s extra passes restore its state
    (random_modules.stream_states; at most MAX_NUMPY_GENERATORS of ~1 KB)."""
    interp.__dict__.setdefault("_numpy_bit_generators", []).append(bits)
    return bits


def _unseeded(interp: Interpreter) -> Any:
    """The run's seed for the first unseeded generator, [run_seed, k] for the k-th after it."""
    from autogradlab.lang.random_modules import _run_seed
    k = interp.__dict__.get("_numpy_unseeded", 0)
    interp.__dict__["_numpy_unseeded"] = k + 1
    return _run_seed(interp) if k == 0 else [_run_seed(interp), k]


def _seed(interp: Interpreter, what: str, args: list, kwargs: dict, keyword: str) -> Any:
    if len(args) > 1 or set(kwargs) - {keyword} or args and kwargs:
        raise NotSupported(f"Autograd Lab supports `np.random.{what}(seed)` with one seed")
    value = args[0] if args else kwargs.get(keyword)
    if value is None:
        return _unseeded(interp)
    items = list(value) if isinstance(value, (list, tuple)) else [value]
    if isinstance(value, SafeArray):
        return value.array
    if not all(isinstance(v, SEED_TYPES) for v in items):
        raise NotSupported(f"np.random.{what}() takes an int seed (or a list of ints) in Autograd Lab")
    return value


def default_rng(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeNumpyGenerator:
    if len(args) == 1 and not kwargs and isinstance(args[0], SafeNumpyGenerator):
        return args[0]   # NumPy returns a Generator it is given unaltered
    seed = _seed(interp, "default_rng", args, kwargs, "seed")
    _count_made(interp)
    gen = numpy_ops._guarded(lambda: np.random.default_rng(seed))
    _registered(interp, gen.bit_generator)
    return SafeNumpyGenerator(gen)


def make_pcg64(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeBitGenerator:
    seed = _seed(interp, "PCG64", args, kwargs, "seed")
    _count_made(interp)
    return SafeBitGenerator(_registered(interp, numpy_ops._guarded(lambda: np.random.PCG64(seed))))


def make_generator(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeNumpyGenerator:
    """np.random.Generator(np.random.PCG64(seed)): the bit generator the program made, nothing else."""
    values = [*args, *kwargs.values()]
    if len(values) != 1 or set(kwargs) - {"bit_generator"} or not isinstance(values[0], SafeBitGenerator):
        raise NotSupported("Autograd Lab supports `np.random.Generator(np.random.PCG64(seed))` "
                           "(or np.random.default_rng(seed))")
    _count_made(interp)
    return SafeNumpyGenerator(numpy_ops._guarded(lambda: np.random.Generator(values[0].bits)))


# -- arguments ------------------------------------------------------------------------------------------
def _bind(name: str, params: tuple[str, ...], args: list, kwargs: dict) -> dict[str, Any] | None:
    """The arguments by parameter name, or None when NumPy will refuse the call itself (too many
    positional arguments, one given twice): the call is then made for NumPy's own message only."""
    extra = [k for k in kwargs if k not in params]
    if "out" in extra:
        raise NotSupported(f"`Generator.{name}(out=...)` is not supported in Autograd Lab; use the result")
    if extra:
        raise python_error(TypeError(f"{name}() got an unexpected keyword argument '{extra[0]}'"))
    if len(args) > len(params) or any(p in kwargs for p in params[:len(args)]):
        return None
    return dict(zip(params, args, strict=False)) | kwargs


def _value(interp: Interpreter, name: str, param: str, value: Any) -> Any:
    """What NumPy receives for one argument: numbers, arrays, shapes, dtypes, flags, None."""
    what = f"Generator.{name}"
    if value is None:
        return None
    if param == "size":
        return numpy_ops._shape(value)
    if param == "dtype":   # a number: NumPy's own "Cannot interpret '6' as a data type"
        return value if type(value) in (int, float) else numpy_ops._dtype({"dtype": value})
    if param in _FLAGS:
        if not isinstance(value, (bool, np.bool_, int)):
            raise NotSupported(f"`{what}({param}=...)` takes True or False in Autograd Lab")
        return bool(value)
    if isinstance(value, (list, tuple)):
        value = numpy_ops.lists_as_arrays(interp, [value])[0]
    if isinstance(value, SafeNumpyDtype) or not numpy_ops.is_numpy_operand(value) \
            and not isinstance(value, (bool, int, float, complex)):
        raise NotSupported(f"Autograd Lab supports `{what}` with numbers, numpy arrays and lists of numbers")
    return numpy_ops._raw(value, what)


def _converted(interp: Interpreter, name: str, params: tuple[str, ...], args: list,
               kwargs: dict) -> tuple[list, dict, dict[str, Any] | None]:
    positional = [_value(interp, name, p, v) for p, v in zip(params, args, strict=False)]
    positional += [_value(interp, name, "", v) for v in args[len(params):]]
    keywords = {k: _value(interp, name, k, v) for k, v in kwargs.items()}
    return positional, keywords, _bind(name, params, positional, keywords)


def _elements(shape: tuple[int, ...], what: str) -> int:
    if any(n < 0 for n in shape):
        raise python_error(ValueError("negative dimensions are not allowed"))
    return math.prod(shape)


def _drawn_shape(bound: dict[str, Any], shapes: list[tuple[int, ...]]) -> tuple[int, ...] | None:
    """size= when given, else the broadcast of the array arguments' shapes (None: they do not broadcast,
    and NumPy says so before drawing)."""
    if bound.get("size") is not None:
        return bound["size"]
    try:
        return tuple(np.broadcast_shapes(*shapes))
    except ValueError:
        return None


def _draw(interp: Interpreter, gen: Any, name: str, args: list, kwargs: dict,
          label: str = "Generator") -> Any:
    """gen.<name>(...); also the legacy np.random.normal([3, 5]) with arrays of parameters (`gen`: the
    run's RandomState, `label` "np.random": random_modules.py)."""
    params = DRAWS[name]
    positional, keywords, bound = _converted(interp, name, params, args, kwargs)
    if bound is not None:
        shapes = [np.shape(v) for p, v in bound.items() if p not in ("size", "dtype") and p not in _FLAGS]
        shape = _drawn_shape(bound, shapes)
        if shape is not None:
            numpy_ops.charge(interp, _elements(shape, name), f"{label}.{name}")
    method = getattr(gen, name)
    return numpy_ops._wrap(numpy_ops._guarded(lambda: method(*positional, **keywords)))


# -- choice, permutation, shuffle, permuted, multinomial, spawn --------------------------------------------
def _choice(interp: Interpreter, gen: Any, args: list, kwargs: dict, label: str = "Generator") -> Any:
    """gen.choice(...); `label` names it in limit messages: np.random.choice passes the run's legacy
    RandomState, whose choice(replace=False) without p permutes the whole population, always."""
    positional, keywords, bound = _converted(interp, "choice", OTHERS["choice"], args, kwargs)
    if bound is not None and "a" in bound:
        a, axis = bound["a"], bound.get("axis", 0)
        shape = bound.get("size") or ()
        count = _elements(shape, "choice")
        if isinstance(a, np.ndarray) and a.ndim:
            rest = [n for i, n in enumerate(a.shape) if i != (axis if type(axis) is int else 0) % a.ndim]
            population = a.shape[(axis if type(axis) is int else 0) % a.ndim]
            numpy_ops.charge(interp, count * math.prod(rest), f"{label}.choice")
        else:
            population = int(a) if isinstance(a, (int, np.integer)) and not isinstance(a, bool) else 0
            numpy_ops.charge(interp, count, f"{label}.choice")
        if not bound.get("replace", True) and 0 <= count <= population:
            if bound.get("p") is None and (count > population // 50 or label != "Generator"):
                # NumPy's arange(population) (RandomState's permutation(population), always)
                numpy_ops.charge(interp, population, f"{label}.choice's index of the population")
            elif bound.get("p") is not None:   # NumPy draws again for each repeat: up to count passes
                _check_work(interp, count, population, label)
        elif bound.get("p") is not None and count > 0:   # with replacement: a lookup per draw in the cdf
            _check_lookups(interp, count, population, label)
    return numpy_ops._wrap(numpy_ops._guarded(lambda: gen.choice(*positional, **keywords)))


def _check_work(interp: Interpreter, count: int, population: int, label: str = "Generator") -> None:
    limit, work = interp.limits.max_call_work, count * population
    if work > limit:
        raise LimitExceeded(f"{label}.choice(replace=False, p=...) of {count:,} from {population:,} would "
                            f"take about {work:,} arithmetic steps; the limit is {limit:,} per call",
                            hint="use a smaller population or sample (limit max_call_work)")


def _check_lookups(interp: Interpreter, count: int, population: int, label: str) -> None:
    """choice(a, size, p=p) looks each of its `count` draws up in the cumulative p (NumPy's
    searchsorted): as lookup_work.py counts searchsorted (np.random.choice(5_000_000, 5_000_000, p=...)
    ran 7.8 s, session 29's red team)."""
    from autogradlab.lang.lookup_work import CACHE_MISS_FROM, CACHE_MISS_WEIGHT, SEARCH_WEIGHT
    limit = interp.limits.max_call_work
    work = count * max(1, population.bit_length()) * SEARCH_WEIGHT
    work *= CACHE_MISS_WEIGHT if population >= CACHE_MISS_FROM else 1
    if work > limit:
        raise LimitExceeded(f"{label}.choice(p=...) of {count:,} from {population:,} would take about "
                            f"{work:,} arithmetic steps; the limit is {limit:,} per call",
                            hint="use a smaller population or sample (limit max_call_work)")


def _reordered(interp: Interpreter, gen: Any, name: str, args: list, kwargs: dict,
               label: str = "Generator") -> Any:
    """permutation(x) (a copy; an int n: arange(n) shuffled), permuted(x) (a copy), shuffle(x) (in place)."""
    target = args[0] if args else kwargs.get("x")
    if name == "shuffle" and isinstance(target, list):   # a list of the program, in place, as NumPy does
        rest = [_value(interp, name, "axis", v) for v in args[1:]]
        keywords = {k: _value(interp, name, k, v) for k, v in kwargs.items() if k != "x"}
        return numpy_ops._guarded(lambda: gen.shuffle(target, *rest, **keywords))
    if name != "permutation" and target is not None and not isinstance(target, SafeArray):
        raise NotSupported(f"Autograd Lab supports `{label}.{name}(x)` on a numpy array"
                           + (" or a list" if name == "shuffle" else ""))
    positional, keywords, bound = _converted(interp, name, OTHERS[name], args, kwargs)
    x = None if bound is None else bound.get("x")
    if isinstance(x, np.ndarray) and name != "shuffle":
        numpy_ops.charge(interp, int(x.size), f"{label}.{name}")
    elif isinstance(x, (int, np.integer)) and not isinstance(x, bool):
        numpy_ops.charge(interp, max(0, int(x)), f"{label}.{name}")
    if name == "shuffle":   # the array itself (the program's), in place
        numpy_ops._guarded(lambda: gen.shuffle(*positional, **keywords))
        return None
    return numpy_ops._wrap(numpy_ops._guarded(lambda: getattr(gen, name)(*positional, **keywords)))


def _multinomial(interp: Interpreter, gen: Any, args: list, kwargs: dict) -> Any:
    positional, keywords, bound = _converted(interp, "multinomial", OTHERS["multinomial"], args, kwargs)
    if bound is not None and "pvals" in bound:
        pvals_shape = np.shape(bound["pvals"])
        categories = pvals_shape[-1] if pvals_shape else 1
        shape = _drawn_shape(bound, [np.shape(bound.get("n", 0)), pvals_shape[:-1]])
        if shape is not None:
            numpy_ops.charge(interp, _elements(shape, "multinomial") * categories, "Generator.multinomial")
    return numpy_ops._wrap(numpy_ops._guarded(lambda: gen.multinomial(*positional, **keywords)))


_WORDS = ("check_valid", "method")   # multivariate_normal's string options ('warn', 'svd', ...)


def _multivariate_normal(interp: Interpreter, gen: Any, args: list, kwargs: dict) -> Any:
    """rng.multivariate_normal(mean, cov, size) (the Python Data Science Handbook's "Fancy Indexing"):
    n draws of d values; NumPy factors the d x d cov (an SVD by default: ~d**3 steps) and multiplies
    n x d normals by a d x d factor (n * d * d), checked against max_call_work before NumPy runs."""
    words = {k: v for k, v in kwargs.items() if k in _WORDS}
    if any(not isinstance(v, str) for v in words.values()) or len(args) > 3:
        raise NotSupported("Autograd Lab supports `rng.multivariate_normal(mean, cov, size=None, "
                           "check_valid='warn', tol=1e-8, method='svd')`")
    rest = {k: v for k, v in kwargs.items() if k not in _WORDS}
    positional, keywords, bound = _converted(interp, "multivariate_normal", OTHERS["multivariate_normal"],
                                             args, rest)
    if bound is not None and "mean" in bound:
        dims = int(np.shape(bound["mean"])[-1]) if np.ndim(bound["mean"]) else 1
        draws = _elements(tuple(bound.get("size") or ()), "multivariate_normal")
        numpy_ops.charge(interp, draws * dims, "Generator.multivariate_normal")
        work = dims ** 3 + draws * dims * dims
        limit = interp.sizes.limits.max_call_work
        if work > limit:
            raise LimitExceeded(f"Generator.multivariate_normal of {draws:,} draws in {dims:,} dimensions "
                                f"would take about {work:,} arithmetic steps in one call; the limit is "
                                f"{limit:,} per call", hint="use smaller arrays (limit max_call_work)")
    return numpy_ops._wrap(numpy_ops._guarded(lambda: gen.multivariate_normal(*positional, **keywords,
                                                                                 **words)))


def _spawn(interp: Interpreter, base: SafeNumpyGenerator, args: list, kwargs: dict) -> list:
    values = [*args, *kwargs.values()]
    if len(values) != 1 or set(kwargs) - {"n_children"}:
        raise python_error(TypeError(f"spawn() takes exactly one argument ({len(values)} given)"))
    n = values[0]
    if not isinstance(n, (int, np.integer)) or isinstance(n, bool):
        raise python_error(TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer"))
    _count_made(interp, max(0, int(n)))
    children = numpy_ops._guarded(lambda: base.gen.spawn(int(n)))
    return [SafeNumpyGenerator(g) for g in children if _registered(interp, g.bit_generator) is not None]


_SCALARS = (int, float)
# where a draw's size= sits among its positional parameters (a call with fewer plain-number arguments and
# no keywords draws one number: `rng.random()`, `rng.integers(6)`, `rng.normal(0, 1)`)
_SIZE_AT = {name: params.index("size") for name, params in DRAWS.items()}


def call_method(interp: Interpreter, base: SafeNumpyGenerator, name: str, args: list, kwargs: dict) -> Any:
    if isinstance(base, SafeRandomState):   # np.random.RandomState(seed)'s methods (numpy_random_state.py)
        from autogradlab.lang import numpy_random_state
        return numpy_random_state.call_method(interp, base, name, args, kwargs)
    gen = base.gen
    if name in DRAWS:
        if not kwargs and len(args) < _SIZE_AT[name] + 1 and all(type(a) in _SCALARS for a in args):
            try:   # one number, nothing to size: a loop's `x = rng.random()` (4x faster than _draw)
                return getattr(gen, name)(*args)
            except Exception as exc:  # noqa: BLE001 - NumPy's own error (`scale < 0`, `low >= high`)
                raise python_error(exc) from None
        return _draw(interp, gen, name, args, kwargs)
    if name == "choice":
        return _choice(interp, gen, args, kwargs)
    if name in ("permutation", "shuffle", "permuted"):
        return _reordered(interp, gen, name, args, kwargs)
    if name == "multinomial":
        return _multinomial(interp, gen, args, kwargs)
    if name == "spawn":
        return _spawn(interp, base, args, kwargs)
    if name == "multivariate_normal":
        return _multivariate_normal(interp, gen, args, kwargs)
    raise refused(name)


def refused(name: str) -> NotSupported:
    known = ", ".join(sorted(METHODS))
    if name in METHODS:
        return NotSupported(f"`Generator.{name}` is a method: call it, as in `rng.{name}(...)`")
    return NotSupported(f"`Generator.{name}` is not supported in Autograd Lab (a Generator offers {known})")


def read_attribute(base: SafeNumpyGenerator, name: str) -> Any:
    if isinstance(base, SafeRandomState):
        from autogradlab.lang import numpy_random_state
        raise numpy_random_state.refused(name)
    raise refused(name)


def numpy_generator_members() -> dict[str, Any]:
    """np.random.default_rng, np.random.Generator (a type for isinstance, callable on a PCG64),
    np.random.PCG64."""
    return {
        "default_rng": SafeFunction("numpy.random.default_rng", default_rng),
        "Generator": SafeType("numpy.random._generator.Generator", SafeNumpyGenerator, make_generator),
        "PCG64": SafeType("numpy.random._pcg64.PCG64", SafeBitGenerator, make_pcg64),
        "RandomState": SafeType("numpy.random.mtrand.RandomState", SafeRandomState, _make_random_state),
    }


def _make_random_state(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang.numpy_random_state import make_random_state
    return make_random_state(interp, args, kwargs, node)

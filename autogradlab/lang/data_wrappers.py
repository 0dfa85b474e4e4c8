"""The wrappers that stand for library objects a program holds as data (safe_values.py's is_data
counts them as atoms): types, numpy arrays and dtypes, grad_fn nodes, the generator, grad-mode
objects, distributions and caught exceptions. Each prints like the object it stands for and
exposes nothing else to the program.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

_NAMED: dict[tuple[type, str], type] = {}


def _named(base: type, name: str) -> type:
    """A subclass of the wrapper `base` whose class name is `name`, the name Python or PyTorch prints for
    the object the wrapper stands for: CPython's and PyTorch's own messages name an operand's class
    (`unsupported operand type(s) for +: 'ValueError' and 'int'`), never the engine's wrapper."""
    kind = _NAMED.get((base, name))
    if kind is None:
        kind = _NAMED[(base, name)] = type(name, (base,), {"__qualname__": f"{base.__qualname__}.{name}"})
    return kind


def _python_name(kind: type, name: str) -> type:
    """Python's type name for `kind`'s objects (a dotted one such as `torch._C.Generator` is allowed)."""
    kind.__name__ = name
    return kind


class SafeType:
    """What `type(x)`, `torch.Tensor`, `int`, `np.ndarray` evaluate to.

    Prints like Python's class objects (`<class 'torch.Tensor'>`); can be compared, used in
    isinstance, and (for the plain builtins) called as a conversion.
    """

    def __init__(self, text_name: str, py_type: type, convert: Callable[..., Any] | None = None) -> None:
        self.text_name = text_name
        self.py_type = py_type
        self.convert = convert
        self.text = f"<class '{text_name}'>"

    def __repr__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SafeNumpyDtype):   # type(np.float64(1)) == np.float64 (red team s45)
            return other == self
        return isinstance(other, SafeType) and other.py_type is self.py_type

    def __hash__(self) -> int:
        return hash(self.py_type)


class SafeArray:
    """A numpy array the program made (np.array) or got (tensor.numpy()); prints like numpy."""

    def __init__(self, array: np.ndarray) -> None:
        self.array = array

    def __repr__(self) -> str:
        return repr(self.array)

    def __str__(self) -> str:
        return str(self.array)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __len__(self) -> int:
        return len(self.array)

    def __eq__(self, other: object) -> bool:
        """What a list's `in`, count(), index() and remove() ask of an item (CPython: the item itself
        first, then ==): numpy's elementwise answer as one bool, so an array of more than one element
        raises numpy's "truth value ... is ambiguous" ValueError as in Python (it said 0 / False). The
        broadcast result is sized first (compare_guard.py)."""
        from autogradlab.lang.compare_guard import broadcast_checked  # torch-free at import
        other = other.array if isinstance(other, SafeArray) else other
        broadcast_checked(self.array, other, "eq")
        result = self.array == other
        return bool(result) if isinstance(result, np.ndarray) else result

    def __ne__(self, other: object) -> bool:
        from autogradlab.lang.compare_guard import broadcast_checked
        other = other.array if isinstance(other, SafeArray) else other
        broadcast_checked(self.array, other, "ne")
        result = self.array != other
        return bool(result) if isinstance(result, np.ndarray) else result

    __hash__ = object.__hash__   # the engine's own tables key it by identity (dict keys refuse arrays)


class SafeNumpyDtype:
    """`array.dtype` / `np.float32`: prints like numpy's dtype (`float64`), or, for the scalar type
    numpy's namespace holds (`np.float64`, `np.double`), like that class (`<class 'numpy.float64'>`)."""

    def __new__(cls, dtype: np.dtype, instance: bool = False, scalar_type: bool = False) -> SafeNumpyDtype:
        kind = type(np.dtype(dtype))   # numpy.dtypes.Float64DType
        return object.__new__(_named(SafeNumpyDtype, f"{kind.__module__}.{kind.__name__}"))

    def __init__(self, dtype: np.dtype, instance: bool = False, scalar_type: bool = False) -> None:
        self.dtype = np.dtype(dtype)
        self.text = str(self.dtype)
        self.instance = instance   # an array's dtype (`a.dtype.name`), not the type np.float32
        self.scalar_type = scalar_type   # np.float64 itself: a class in numpy, shown as one

    def __repr__(self) -> str:
        if self.scalar_type:
            return f"<class 'numpy.{self.dtype.type.__name__}'>"
        return f"dtype('{self.dtype}')"

    def __str__(self) -> str:
        return repr(self) if self.scalar_type else self.text

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SafeType):   # red team s45: `type(x) in (np.float64, float)` was False
            return numpy_type_equal(self, other.py_type)
        return isinstance(other, SafeNumpyDtype) and other.dtype == self.dtype

    def __hash__(self) -> int:
        return hash(self.dtype)


def numpy_type_equal(dtype: SafeNumpyDtype, kind: type) -> bool:
    """NumPy's answer to `np.float64 == kind` (a class: the same class) or `a.dtype == kind` (NumPy makes a
    dtype of the class: `a.dtype == float` is True for float64), for a class the engine holds (SafeType)."""
    if dtype.scalar_type:
        return dtype.dtype.type is kind
    try:
        return bool(dtype.dtype == kind)
    except Exception:  # noqa: BLE001 - a class NumPy makes no dtype of: not equal
        return False


class SafeGradFn:
    """A tensor's grad_fn: prints `<MulBackward0 object>` (no address); offers name() and
    next_functions only. With a per-run cache, wrappers are shared per Node so `is` behaves like
    PyTorch; the cache belongs to one run, so no Node outlives it through here."""

    def __new__(cls, node: Any, *_: Any) -> SafeGradFn:
        return object.__new__(_named(SafeGradFn, type(node).__name__))   # `MulBackward0`

    def __init__(self, node: Any, cache: dict[int, tuple[Any, SafeGradFn]] | None = None) -> None:
        self.node = node
        self.name = type(node).__name__
        module = type(node).__module__   # a custom Function's node: Python's repr names its module
        shown = self.name if module == "builtins" else f"{module}.{type(node).__qualname__}"
        self.text = f"<{shown} object>"
        self._cache = cache

    @classmethod
    def wrap(cls, node: Any, cache: dict[int, tuple[Any, SafeGradFn]] | None = None) -> SafeGradFn | None:
        if node is None:
            return None
        if cache is None:
            return cls(node)
        hit = cache.get(id(node))
        if hit is not None and hit[0] is node:
            return hit[1]
        wrapper = cls(node, cache)
        cache[id(node)] = (node, wrapper)
        return wrapper

    def next_functions(self) -> tuple[tuple[SafeGradFn | None, int], ...]:
        return tuple((SafeGradFn.wrap(fn, self._cache), int(i)) for fn, i in self.node.next_functions)

    def __repr__(self) -> str:
        return self.text


class SafeGenerator:
    """What torch.manual_seed returns (`gen` None: the run's own generator) or torch.Generator()
    made (`gen`: its own, lang/torch_generators.py): prints like PyTorch's generator, with a fixed
    fake address (a real one would leak memory layout)."""

    text = "<torch._C.Generator object at 0x7f0000000000>"

    def __init__(self, gen: Any = None) -> None:
        self.gen = gen

    def __repr__(self) -> str:
        return self.text


class SafeNumpyGenerator:
    """What np.random.default_rng(seed) returns (lang/numpy_generators.py): holds NumPy's Generator, which
    the program reaches only through that module's method table. print() writes `Generator(PCG64)`, as
    NumPy's str(); repr() adds the engine's one fake address, as NumPy's repr adds the real one."""

    text = "Generator(PCG64)"

    def __init__(self, gen: Any) -> None:
        self.gen = gen

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"{self.text} at 0x7F0000000000"   # NumPy's repr writes the address in capitals

    def __format__(self, spec: str) -> str:
        return format(self.text, spec)


class SafeRandomState(SafeNumpyGenerator):
    """What np.random.RandomState(seed) returns (lang/numpy_random_state.py): holds NumPy's legacy
    RandomState, reached only through np.random's own functions (the same checks); prints as NumPy's."""

    text = "RandomState(MT19937)"


class SafeBitGenerator:
    """What np.random.PCG64(seed) returns: only for np.random.Generator(...) to take
    (lang/numpy_generators.py); prints like NumPy's bit generator, with the engine's fake address."""

    text = "<numpy.random._pcg64.PCG64 object at 0x7f0000000000>"

    def __init__(self, bits: Any) -> None:
        self.bits = bits

    def __repr__(self) -> str:
        return self.text


class SafeGradMode:
    """What a call of torch.set_grad_enabled(mode) returns (lang/process_switches.py): prints like
    PyTorch's object; it offers no methods."""

    def __init__(self, mode: bool) -> None:
        self.mode = bool(mode)

    def __repr__(self) -> str:
        return f"torch.autograd.grad_mode.set_grad_enabled(mode={self.mode})"


class SafeDistribution:
    """A torch.distributions object: the program reaches it only through distributions.py's
    tables (sample, log_prob, mean, ...); prints like PyTorch (`Normal(loc: 0.0, scale: 1.0)`)."""

    def __new__(cls, dist: Any) -> SafeDistribution:
        return object.__new__(_named(SafeDistribution, type(dist).__name__))   # `Normal`

    def __init__(self, dist: Any) -> None:
        self.dist = dist

    def __repr__(self) -> str:
        return repr(self.dist)


class SafeException:
    """What `except ... as e` binds: the Python class and the message, nothing else (no
    traceback, no frames). Prints like the exception: str() is the message. `args`: what `e.args`
    reads; `error`: the program error it was raised or caught as (`raise` re-raises that one, keeping
    the line where it was first raised, as Python's traceback does)."""

    def __new__(cls, py_type: type, *_: Any) -> SafeException:
        return object.__new__(_named(SafeException, py_type.__name__))   # Python's messages name its class

    def __init__(self, py_type: type, message: str, shown: str | None = None,
                 args: tuple | None = None) -> None:
        self.py_type = py_type
        self.message = message
        self.shown = shown   # repr() where it is not the class and the message (KeyError('k'))
        self.args = args if args is not None else ((message,) if message else ())
        self.error: Any = None
        self.fields: dict[str, Any] | None = None   # an OSError's errno, strerror, filename, filename2

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        if self.shown is not None:
            return self.shown
        if not self.message and not self.args:   # `ValueError()`, next() of a spent iterator: no args
            return f"{self.py_type.__name__}()"
        return f"{self.py_type.__name__}({self.message!r})"

    def __format__(self, spec: str) -> str:
        return format(self.message, spec)


class HookHandle:
    """What `h = y.register_hook(f)` binds: `h.remove()` takes the hook off, nothing else."""

    __slots__ = ("_handle",)

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def __repr__(self) -> str:
        return "<torch.utils.hooks.RemovableHandle object>"

    def remove(self) -> None:
        self._handle.remove()


# The wrappers of one class of object each print that class's name in Python's messages
for _kind, _name in ((SafeType, "type"), (SafeArray, "numpy.ndarray"), (SafeGenerator, "torch._C.Generator"),
                     (SafeGradMode, "set_grad_enabled"), (HookHandle, "RemovableHandle"),
                     (SafeNumpyGenerator, "Generator"), (SafeBitGenerator, "PCG64"),
                     (SafeRandomState, "RandomState")):
    _python_name(_kind, _name)


class TracebackStandIn:
    """The third argument of a program's `__exit__` when an exception reached it (lang/with_objects.py):
    prints as Python's traceback object (with the engine's fixed fake address); it holds nothing."""

    def __repr__(self) -> str:
        return "<traceback object at 0x7f0000000000>"


TracebackStandIn = _named(TracebackStandIn, "traceback")   # type(tb) prints <class 'traceback'>

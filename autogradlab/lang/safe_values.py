"""The only non-data objects a program can hold, and the test for what counts as data.

A program never receives a raw Python or torch object that could open a door (modules, autograd
Nodes, numpy arrays, bound methods): it gets one of these small wrappers instead. The interpreter
never calls getattr on them on behalf of the program; the program reaches their contents only
through the allowlists, so their Python attributes are invisible to it. The engine may read the
documented public attributes (`SafeArray.array`, `SafeType.text`, `SafeGradFn.text`, ...).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

import numpy as np
import torch

from autogradlab.lang import checked_containers
from autogradlab.lang.data_wrappers import (
    HookHandle,
    SafeArray,
    SafeBitGenerator,
    SafeDistribution,
    SafeException,
    SafeGenerator,
    SafeGradFn,
    SafeGradMode,
    SafeNumpyDtype,
    SafeNumpyGenerator,
    SafeType,
    TracebackStandIn,
)
from autogradlab.lang.inert_values import InertValue
from autogradlab.lang.set_value import ProgramSet
from autogradlab.lang.tensor_storage import TensorStorage


@dataclass(eq=False)
class UserFunction:
    """A `def` or `lambda` of the program; only the interpreter can call it."""

    name: str                      # the def name or "<lambda>"
    params: list[str]
    defaults: list[Any]            # values for the last len(defaults) params
    body: list[ast.stmt] | ast.expr  # statements (def) or one expression (lambda)
    closure: Any                   # the Scope the function was defined in
    node: ast.AST
    generator: bool = False        # a `def` whose body has `yield` (lang/generators.py)
    star: Any = None               # *args / keyword-only / **kwargs parameters (lang/parameters.py)
    declared: Any = None           # `global` / `nonlocal` names of its body (lang/declarations.py)
    managed: bool = False          # made by @contextlib.contextmanager (lang/context_managers.py)
    shown_name: str | None = None  # functools.wraps(fn): fn's __qualname__ (lang/decorators.py)
    attributes: dict | None = None  # `f.calls = 0` (lang/function_attributes.py)
    wraps: Any = None              # functools.wraps(fn): fn, whose signature and doc help() shows (user_help)
    doc_copy: tuple | None = None  # functools.wraps(fn): (fn's __doc__,) as it was then (function_names)

    def __repr__(self) -> str:   # Python's text without the address: `<function make.<locals>.f>`
        return f"<function {self.qualname}>"

    @property
    def qualname(self) -> str:
        """Python's __qualname__ (`make.<locals>.f`), which its call errors name too."""
        from autogradlab.lang.function_text import function_qualname
        return function_qualname(self)


@dataclass(eq=False)
class SafeFunction:
    """An allowlisted library function (torch.dot, print, math.sqrt, ...)."""

    qualname: str                  # "torch.dot", "print", "math.sqrt"
    impl: Callable[..., Any]       # called by the interpreter as impl(interp, args, kwargs, node)

    def __repr__(self) -> str:
        if self.qualname == "display":   # IPython writes its display() in Python (session 42)
            return "<function display at 0x7f0000000000>"
        return f"<built-in function {self.qualname.rsplit('.', 1)[-1]}>"


class FunctionValue(SafeFunction):
    """A function the program made from functions (functools.partial, a torch.func transform): called
    through Interpreter.call_value like any SafeFunction; storable like the program's own `def`s (names,
    attributes, lists, tuples), never data, so no library call receives one. Making one turns on
    is_data's exact walk (note_stored_object), as an object of the program's classes does."""

    def __init__(self, qualname: str, impl: Callable[..., Any]) -> None:
        super().__init__(qualname, impl)
        note_stored_object()


@dataclass(eq=False)
class Namespace:
    """A module as the program sees it: only the listed members exist."""

    qualname: str
    members: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"<module '{self.qualname}'>"


_ATOMS = (bool, int, float, complex, str, type(None), torch.Tensor, torch.Size, torch.dtype, torch.device,
          SafeArray, SafeNumpyDtype, SafeType, SafeGradFn, SafeGenerator, SafeException, SafeDistribution,
          SafeGradMode, HookHandle, TracebackStandIn, SafeNumpyGenerator, SafeBitGenerator, range, slice,
          type(Ellipsis), np.number, np.bool_,   # numpy scalars: operators route them to numpy_ops
          InertValue,   # typing's forms, finfo / iinfo, np.mgrid / np.r_ (lang/inert_values.py)
          TensorStorage)   # t.storage() (lang/tensor_storage.py)
# and the concrete NumPy scalar types (`type(x) in _ATOM_TYPES` answers np.float64 without a walk: each is an
# np.number or np.bool_, which _ATOMS lists)
_ATOM_TYPES = frozenset(_ATOMS) | {kind for kind in set(np.sctypeDict.values())
                                   if issubclass(kind, (np.number, np.bool_))}
ATOM_TYPES = checked_containers.ATOM_TYPES = _ATOM_TYPES   # (public: a caller's quick test before
                                                            # require_storable / is_data)
_MAPPINGS = (dict, type({}.keys()), type({}.values()), type({}.items()), ProgramSet)   # lang/sets.py
_CONTAINERS = (tuple, list, *_MAPPINGS)
DATA_CHECK_CONTAINERS = 64   # and containers (x = [x] nested 5,000 deep)
DATA_CHECK_ITEMS = 20_000    # items one is_data call looks at (the walk is the second line of defence)
_MEMO_KINDS = frozenset({list, tuple, dict})
_MEMO_FROM = checked_containers.MEMO_FROM


# Objects of the program's classes (lang/plain_classes.py registers ProgramObject): storable inside lists,
# tuples and dicts (lang/stored_objects.py), never data. Once a run has made one (plain_classes.instantiate),
# is_data walks every container whole (no budget): it is then the only line between a list holding one
# and a library call.
STORED_OBJECT_TYPES: list[type] = []
# Functions (the program's, the library's allowlisted ones, bound methods), generators and iterators: storable
# in lists, tuples and dict values once the run notes a stored object (stored_objects.require_storable does,
# on the first one); never data. lang/generators.py and lang/iterators.py add their types.
CODE_TYPES: list[type] = [UserFunction, SafeFunction]
_EXACT = 1 << 62   # the exact walk's budget (its cycles end at `seen`, not at a count)
_objects_stored = [False]


def note_stored_object() -> None:
    if not _objects_stored[0]:
        checked_containers.DATA.clear()   # a remembered list may now hold an object: never asked again
    _objects_stored[0] = True


def objects_stored() -> bool:
    return _objects_stored[0]


def reset_stored_objects() -> None:
    _objects_stored[0] = False
    checked_containers.forget()


def is_data(value: Any) -> bool:
    """True for values a program may store, return, print and pass around.

    Containers are visited once each (lists may share one inner list 100,000 times), iteratively
    (lists may nest deeper than Python's recursion limit), and at most DATA_CHECK_ITEMS items per
    call: every way into a list or tuple (displays, comprehensions, append, item assignment,
    returns) already checks what goes in, so this walk is the second line of defence and must not
    make `x.append(...)` cost as much as x is big."""
    if type(value) in _ATOM_TYPES:   # the common case, answered before any walk
        return True
    if _objects_stored[0]:
        return _walk(value, _ATOMS, _ATOM_TYPES, _EXACT, _EXACT)
    return _budgeted_data(value)


def is_data_quick(value: Any) -> bool:
    """is_data's budgeted walk, even once objects are stored: for the program's own uses of a value that
    hand it to no library (binding a name), where a list of 20,000 inner lists must stay cheap."""
    if type(value) in _ATOM_TYPES or _atoms_tuple(value):
        return True
    if type(value) in STORED_OBJECT_TYPES:   # an object of the program's classes (`for layer in layers`)
        return False
    if _objects_stored[0]:   # a remembered list may hold an object since (checked_containers)
        return _walk(value, _ATOMS, _ATOM_TYPES, DATA_CHECK_ITEMS, DATA_CHECK_CONTAINERS)
    return _budgeted_data(value)


SHORT_TUPLE = 8   # items of a tuple _atoms_tuple answers for (each walk's answer for it, without the walk)


def _atoms_tuple(value: Any) -> bool:
    """A short tuple of atoms (`for i, v in enumerate(a)` unpacks `(0, np.float64(0.5))`): every walk
    passes it (no item is a container; it is far too short to be remembered, checked_containers)."""
    return type(value) is tuple and len(value) <= SHORT_TUPLE and all(type(x) in _ATOM_TYPES for x in value)


def _short_storable(value: Any) -> bool:
    """A short list, tuple or set of atoms and objects of the program's classes (`for layer in
    self.layers`, `self.layers[0]`, micrograd's `self._prev = set(_children)` and `for child in
    v._prev`: issue 9): every storable walk passes it, as it passes each of its items (a set's walk
    reads its table, lang/set_value.py)."""
    kind = type(value)
    if kind is ProgramSet:
        value = value.items
    elif kind is not list and kind is not tuple:
        return False
    if len(value) > SHORT_TUPLE:
        return False
    for item in value:
        kind = type(item)
        if kind not in _ATOM_TYPES and kind not in STORED_OBJECT_TYPES:
            return False
    return True


def _budgeted_data(value: Any) -> bool:
    if checked_containers.remembered(value):   # xs.append(...) in a loop: the new items alone
        return checked_containers.check(value, checked_containers.DATA, _budgeted_data_walk)
    return _budgeted_data_walk(value)


def _budgeted_data_walk(value: Any) -> bool:
    return _walk(value, _ATOMS, _ATOM_TYPES, DATA_CHECK_ITEMS, DATA_CHECK_CONTAINERS, checked_containers.DATA)


_budgeted_data_walk.passes_atoms = True   # (checked_containers: new items that are all atoms need no walk)


def is_storable(value: Any) -> bool:
    """is_data, where objects of the program's classes also count as atoms (a list of layers)."""
    if type(value) is list and len(value) >= checked_containers.MEMO_FROM:   # (the way below for it)
        return checked_containers.check(value, checked_containers.STORABLE, _storable_walk)
    if type(value) in _ATOM_TYPES or (type(value) is tuple and _atoms_tuple(value)) or _short_storable(value):
        return True
    if checked_containers.remembered(value):   # xs.append(obj) in a loop: the new items alone
        return checked_containers.check(value, checked_containers.STORABLE, _storable_walk)
    return _storable_walk(value)


def _storable_walk(value: Any) -> bool:
    # plain_classes registers its types at import; functions, generators and iterators count only once the
    # run has noted a stored object (is_data's exact walk on: no list is too long to hide one)
    key = len(STORED_OBJECT_TYPES) + len(CODE_TYPES) * _objects_stored[0] * 1000
    if _storable_atoms[0] != key:
        objects = (*STORED_OBJECT_TYPES, FunctionValue, *(CODE_TYPES if _objects_stored[0] else ()))
        _storable_atoms[:] = [key, _ATOMS + objects, _ATOM_TYPES | frozenset(objects)]
    return _walk(value, _storable_atoms[1], _storable_atoms[2], DATA_CHECK_ITEMS, DATA_CHECK_CONTAINERS,
                 checked_containers.STORABLE)


_storable_walk.passes_atoms = True   # (as _budgeted_data_walk's)
_storable_atoms: list[Any] = [-1, (), frozenset()]   # (count of STORED_OBJECT_TYPES, atoms, atom types)


def _walk(value: Any, atoms: tuple, atom_types: frozenset, budget: int, containers: int,
          memo: dict | None = None) -> bool:
    """`memo` (a budgeted walk's checked_containers memory): a long list, tuple or dict met inside value
    costs only what was added to it since it last passed."""
    _ATOMS, _ATOM_TYPES = atoms, atom_types   # noqa: N806 - the walk below reads these names
    chains = budget < _EXACT   # the exact walk follows one-item chains like any list (cycles end at seen)
    long_ones: list[Any] = []   # long containers met inside value (remembered if the walk passes)
    seen: set[int] = set()
    keep: list[Any] = []   # dicts whose ids are in `seen` stay alive while it is used
    stack = [value]
    while stack and budget > 0 and containers > 0:
        item = stack.pop()
        kind = type(item)
        if kind is not list and kind is not tuple:   # the common containers skip these tests
            if isinstance(item, _ATOMS):
                continue
            if not isinstance(item, _CONTAINERS):
                return False
        if id(item) in seen:
            continue
        seen.add(id(item))   # the container's own id (never a temporary list's, which is reused)
        if memo is not None and item is not value and kind in _MEMO_KINDS and len(item) >= _MEMO_FROM:
            if id(item) in checked_containers.CHECKING:   # `d[i] = [d]`: d's own check is under way
                continue
            long_ones.append(item)
            added = checked_containers.added_since_passed(item, memo)
            if added is not None:   # passed before: its new items alone
                if not added:
                    continue
                item, kind = added, list
        if isinstance(item, _MAPPINGS):   # dicts and their views: walk the values, and the keys once a
            keep.append(item)           # run has objects (dicts.check_key: else keys are data)
            source = (item.values() if chains else chain(item.keys(), item.values())) \
                if isinstance(item, dict) else item.items if kind is ProgramSet else item  # a set: its table
            item = list(islice(source, budget))
        left, budget = budget, budget - len(item)
        containers -= 1
        if len(item) <= 4:   # short (a deep `[[[...]]]` nests one-item lists): no set, no dict
            inner = item if len(item) == 1 else [x for x in item if type(x) not in _ATOM_TYPES]
            if len(inner) == 1 and chains:   # `x = [x]`, `x = {"a": x}`, `x = [x, i]` deep
                item, containers = _one_item_chain(inner[0], containers, _ATOM_TYPES)
                if item is not None and id(item) not in seen:
                    stack.append(item)
                continue
            stack.extend(x for x in inner if id(x) not in seen)
            continue
        if budget < 0:   # a budgeted walk looks at `left` more items, not at the whole of a long list
            item = list(islice(item, left))   # (its types alone: 2 ms for 99,999 items, each time)
        if set(map(type, item)) <= _ATOM_TYPES:   # the common case, at C speed
            continue
        # Each distinct inner container once, however often the list repeats it.
        distinct = dict(zip(map(id, item), item, strict=True))   # C speed; one of each object
        stack.extend(x for key, x in distinct.items() if type(x) not in _ATOM_TYPES and key not in seen)
    if long_ones:
        checked_containers.note_passed(long_ones, memo)
    return True


def _one_item_chain(item: Any, containers: int, atom_types: frozenset = _ATOM_TYPES) -> tuple[Any, int]:
    """Down a chain of short lists, tuples and dicts (at most 4 items, one of them not an atom: `[x]`,
    `(x, i)`, `{"a": x}`), each counted as a container (the count also ends a cycle), at a few tenths
    of a microsecond a link where the walk's loop takes a few microseconds: (the first item that is
    something else, or None for an atom or the end of the count; the count left). A dict's values alone,
    as the budgeted walk reads them (the exact walk, which reads keys, never comes here)."""
    while containers > 0:
        kind = type(item)
        if kind in atom_types:
            return None, containers
        if kind is list or kind is tuple:
            if len(item) == 1:   # the common links first
                containers -= 1
                item = item[0]
                continue
            items = item
        elif kind is dict:
            if len(item) == 1:
                containers -= 1
                (item,) = item.values()
                continue
            items = item.values()
        else:
            return item, containers
        if len(items) > 4:
            return item, containers
        inner = None
        for part in items:
            if type(part) not in atom_types:
                if inner is not None:   # two ways down: the walk's own loop
                    return item, containers
                inner = part
        containers -= 1
        if inner is None:
            return None, containers
        item = inner
    return None, containers


def describe(value: Any) -> str:
    """A short name for a non-data value, used in error messages."""
    if isinstance(value, UserFunction):
        return "a function" if value.name == "<lambda>" else f"the function `{value.name}`"
    if type(value).__name__ == "ProgramGenerator":
        return f"the generator `{value.name}(...)`"
    if type(value).__name__ == "SequenceIterator":
        return "an iterator"
    if isinstance(value, SafeFunction):
        return f"the function `{value.qualname}`"
    if isinstance(value, Namespace):
        return f"the module `{value.qualname}`"
    if type(value).__name__ == "FunctionClass":   # lang/custom_functions.py
        return f"the class `{value.name}`"
    if type(value).__name__ == "ProgramContext":
        return "ctx"
    if type(value).__name__ == "FunctionBase":
        return "the class `torch.autograd.Function`"
    if type(value).__name__ == "ProgramClass":   # lang/plain_classes.py
        return f"the class `{value.name}`"
    if type(value).__name__ == "ProgramObject":
        return f"the `{value.cls.name}` object"
    if type(value).__name__ == "SuperProxy":
        return "super()"
    return f"a {type(value).__name__} value"


def type_text(value: Any) -> str:
    """The dotted class name Python would print for type(value)."""
    if isinstance(value, torch.Tensor):
        return "torch.Tensor"
    if isinstance(value, SafeArray):
        return "numpy.ndarray"
    if isinstance(value, SafeNumpyDtype):
        return f"numpy.dtypes.{type(value.dtype).__name__}"
    if isinstance(value, SafeGradFn):
        return value.name
    if isinstance(value, SafeGenerator):
        return "torch._C.Generator"
    if isinstance(value, TensorStorage):
        return "torch.storage.TypedStorage"
    if isinstance(value, HookHandle):
        return "torch.utils.hooks.RemovableHandle"
    if isinstance(value, SafeNumpyGenerator):
        return "numpy.random.mtrand.RandomState" if value.text.startswith("RandomState") else \
            "numpy.random._generator.Generator"
    if isinstance(value, SafeBitGenerator):
        return "numpy.random._pcg64.PCG64"
    if isinstance(value, SafeGradMode):
        return "torch.autograd.grad_mode.set_grad_enabled"
    if isinstance(value, SafeException):
        return value.py_type.__name__
    if isinstance(value, SafeDistribution):
        cls = type(value.dist)
        return f"{cls.__module__}.{cls.__name__}"
    if isinstance(value, SafeType):
        return "type"
    if isinstance(value, (torch.Size, torch.dtype)):
        return f"torch.{type(value).__name__}"
    if isinstance(value, UserFunction):
        return "function"
    if type(value).__name__ == "ProgramGenerator":
        return "generator"
    if type(value).__name__ == "SequenceIterator":
        if value.type_name.startswith(("itertools.", "numpy.")):   # itertools.count prints as count(5)
            return value.type_name
        return repr(value)[1:].split(" ")[0]   # list_iterator, str_iterator, ... (lang/generators.py)
    if isinstance(value, SafeFunction):
        program_code = type(value).__name__ in ("FunctionApply", "BoundMethod")
        if type(value) is SafeFunction:
            from autogradlab.lang.function_text import is_python_function
            if is_python_function(value):
                return "function"
        return "method" if program_code else "builtin_function_or_method"
    if type(value).__name__ in ("FunctionClass", "ProgramContext", "FunctionBase",   # custom_functions.py
                                "ProgramClass", "ProgramObject", "SuperProxy"):   # plain_classes.py
        return value.type_name
    if type(value).__name__ == "ErrState":   # context_managers.py: np.errstate(...)
        return "numpy.errstate"
    if type(value).__name__ in ("GeneratorManager", "NullContext", "Suppress"):   # context_managers.py
        return f"contextlib.{value.type_name}"
    cls = type(value)
    module = cls.__module__
    if module == "builtins" or module.startswith("autogradlab"):   # never the engine's own module paths
        return cls.__name__
    return f"{module}.{cls.__name__}"


# NumPy's named results: linalg's (QRResult, ...) and NumPy 2's unique_all / unique_counts / unique_inverse
NUMPY_RESULT_MODULES = ("numpy.linalg._linalg", "numpy.lib._arraysetops_impl")


def return_type_fields(value: Any) -> tuple[str, ...]:
    """Field names of torch.return_types results (values/indices, eigenvalues/eigenvectors...) and of
    NumPy's linalg results (QRResult's Q/R, EighResult's eigenvalues/eigenvectors, SVDResult's U/S/Vh)."""
    cls = type(value)
    if cls.__module__ == "torch.return_types":
        return tuple(getattr(cls, "__match_args__", ()))
    if cls.__module__ in NUMPY_RESULT_MODULES and issubclass(cls, tuple):   # numpy_decompositions.py
        return tuple(getattr(cls, "_fields", ()))
    return ()

"""functools.cache and functools.lru_cache (session 27: `@cache def fib(n)`, a lesson's memoised recursion).

The cached function is a FunctionValue: a call looks its arguments up in the cache's own dict, and on a
miss calls the function through Interpreter.call_value (every limit of a direct call) and keeps the value.
Each new entry counts as an item the program built (max_sequence_len for the cache, max_total_sequence_items
in all); lru_cache(maxsize=n) forgets its least recently used entry, as CPython's. Arguments are the keys:
numbers, strings, None and tuples of those (CPython's own TypeError for a list, a dict or a set); anything
else (a tensor hashes by its identity, an object of the program by its own __hash__) is refused by name.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported
from autogradlab.lang.dicts import check_key, tuple_parts
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import FunctionValue, SafeFunction, SafeType, UserFunction
from autogradlab.lang.stored_objects import require_item

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_KEY_ATOMS = (int, float, complex, str, bool, type(None))
_UNHASHABLE = {"list": "list", "dict": "dict", "ProgramSet": "set"}
_KEYWORDS = object()   # CPython's kwd_mark: keyword arguments after it, as (name, value) pairs
KEY_VALUES_PER_STEP = 16   # a key's values walked (~0.3-0.6 us each) per step of the program (~2 us)


class CachedFunction(FunctionValue):
    """`func` with its cache; maxsize None: unbounded."""

    def __init__(self, func: Any, maxsize: int | None, name: str, typed: bool = False) -> None:
        self.func, self.maxsize, self.cache, self.typed = func, maxsize, {}, typed
        super().__init__(name, self._call)

    def _call(self, interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        key = (*args, _KEYWORDS, *kwargs.items()) if kwargs else tuple(args)
        _check_key(interp, key, self.qualname)
        if self.typed:   # CPython's _make_key: the arguments' classes too (f(2) and f(2.0) apart)
            key += tuple(type(v) for v in args) + tuple(type(v) for v in kwargs.values())
        elif len(key) == 1 and type(key[0]) in (int, str):   # its fast path: the int or str alone, so
            key = key[0]   # f(2) and f(2.0) are two entries untyped too ((2.0,) != 2), as in CPython
        if key in self.cache:
            value = self.cache.pop(key)   # the most recently used goes last
            self.cache[key] = value
            return value
        value = require_item(interp.call_value(self.func, list(args), dict(kwargs), node), "in the cache")
        if self.maxsize == 0:
            return value
        if self.maxsize is not None and len(self.cache) >= self.maxsize:
            del self.cache[next(iter(self.cache))]   # the least recently used
        else:
            interp.sizes.charge_sequence(len(self.cache) + 1, f"the cache of {self.qualname}", added=1)
        self.cache[key] = value
        return value

    def __repr__(self) -> str:
        return "<functools._lru_cache_wrapper object>"


def _check_key(interp: Interpreter, key: tuple, name: str) -> None:
    """Each value of the key walked (a tuple argument within a dict key's bound) costs a step per
    KEY_VALUES_PER_STEP, the time limit checked: `f(*t)` of 100,000 64-value tuples walks 6.4 million."""
    stack, walked = list(key), 0
    while stack:
        part = stack.pop()
        walked += 1
        if walked % KEY_VALUES_PER_STEP == 0:
            interp._tick()
        if part is _KEYWORDS or type(part) in _KEY_ATOMS:
            continue
        if type(part) is tuple:   # hashed at each call: a dict key's bound (64 values, 8 deep), or its error
            if tuple_parts(part) is None:
                check_key(part)
            stack.extend(part)
            continue
        kind = type(part).__name__
        if kind in _UNHASHABLE:
            raise python_error(TypeError(f"unhashable type: '{_UNHASHABLE[kind]}'"))
        from autogradlab.lang.safe_values import type_text
        raise NotSupported(f"`{name}` caches calls whose arguments are numbers, strings, None or tuples of "
                           f"those in Autograd Lab (not {type_text(part)})")


def _cache(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> CachedFunction:
    if kwargs or len(args) != 1:
        raise python_error(TypeError(f"cache() takes 1 positional argument but {len(args)} were given"
                                     if not kwargs else f"cache() got an unexpected keyword argument "
                                     f"'{next(iter(kwargs))}'"))
    return CachedFunction(_function(args[0]), None, "functools.cache")


def _lru_cache(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """lru_cache(fn), lru_cache(maxsize), lru_cache(maxsize=128, typed=False): the cached function or its
    decorator (typed=True keeps calls with equal arguments of different classes apart, as CPython)."""
    if set(kwargs) - {"maxsize", "typed"} or len(args) > 2 or args and "maxsize" in kwargs \
            or len(args) == 2 and "typed" in kwargs:
        raise NotSupported("Autograd Lab supports `functools.lru_cache(maxsize=..., typed=...)`")
    typed = args[1] if len(args) == 2 else kwargs.get("typed", False)
    if type(typed) not in (bool, int) and typed is not None:
        raise NotSupported("Autograd Lab supports `typed=True` or `False` in functools.lru_cache")
    typed = bool(typed)
    first = args[0] if args else kwargs.get("maxsize", 128)
    if isinstance(first, UserFunction | SafeFunction):   # @lru_cache without parentheses
        return CachedFunction(first, 128, "functools.lru_cache", typed)
    if first is not None and type(first) not in (int, bool):   # CPython's isinstance(maxsize, int)
        raise python_error(TypeError("Expected first argument to be an integer, a callable, or None"))
    maxsize = None if first is None else max(int(first), 0)

    def decorate(interp_: Interpreter, args_: list, kwargs_: dict, node_: ast.AST) -> CachedFunction:
        if kwargs_ or len(args_) != 1:
            raise python_error(TypeError("decorating_function() takes 1 positional argument but "
                                         f"{len(args_)} were given"))
        return CachedFunction(_function(args_[0]), maxsize, "functools.lru_cache", typed)
    return FunctionValue("functools.lru_cache", decorate)


def _function(value: Any) -> Any:
    if not isinstance(value, UserFunction | SafeFunction | SafeType):
        raise python_error(TypeError("the first argument must be callable"))
    return value


CACHE_MEMBERS = {"cache": SafeFunction("functools.cache", _cache),
                 "lru_cache": SafeFunction("functools.lru_cache", _lru_cache)}

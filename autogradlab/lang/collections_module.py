"""`from collections import Counter, defaultdict, namedtuple`: d2l's text chapters and beginner material.

Counter and defaultdict are dicts (subclasses of dict, so every check of a dict's size and contents
applies to them: safe_values' walk, dicts.set_item's key check and charge_sequence). Every key they
gain is added through dicts.set_item, so a Counter of a huge iterable stops at the list-length limit
like a dict display would. A defaultdict's default factory is a builtin type (int, float, str, list,
tuple, bool, dict, set) or a function of the program; it runs only when the program itself reads a
missing key (item_access.get_item calls it as an ordinary call): the class has no __missing__, so no
library code can run program code through it. namedtuple is namedtuple_values.py's, deque
deque_values.py's; OrderedDict is a dict whose == minds the order. ChainMap and the User* classes are
refused by name.
"""

from __future__ import annotations

import ast
import operator
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang import dicts
from autogradlab.lang.data_wrappers import SafeType
from autogradlab.lang.deque_values import Deque, make_deque
from autogradlab.lang.deque_values import call_method as deque_method
from autogradlab.lang.missing_members import python_lacks
from autogradlab.lang.namedtuple_values import make_namedtuple
from autogradlab.lang.safe_values import Namespace, SafeFunction, UserFunction
from autogradlab.lang.stored_objects import require_item

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_NUMBERS = (int, float)


class Counter(dict):
    """collections.Counter's data: counts by key; a missing key reads as 0 (not stored)."""

    def __missing__(self, key: Any) -> int:
        return 0

    def __repr__(self) -> str:
        if not self:
            return "Counter()"
        items = _most_common(self)
        return f"Counter({dict.__repr__(dict(items))})"

    # c + d, c - d, c | d, c & d: CPython's Counter arithmetic (collections/__init__.py), counts that are
    # numbers only (lang/operators.other_result charges the result like a Counter built by the program)
    def __add__(self, other: Any) -> Any:
        return _combine(self, other, lambda a, b: a + b, keep_other=True)

    def __sub__(self, other: Any) -> Any:
        return _combine(self, other, lambda a, b: a - b, keep_other=True, negate_other=True)

    def __or__(self, other: Any) -> Any:
        return _combine(self, other, lambda a, b: b if a < b else a, keep_other=True)

    def __and__(self, other: Any) -> Any:
        return _combine(self, other, lambda a, b: a if a < b else b, keep_other=False)


def _combine(mine: Counter, other: Any, rule: Any, keep_other: bool, negate_other: bool = False) -> Any:
    if not isinstance(other, Counter):
        return NotImplemented
    for counts in (mine, other):
        if any(type(value) not in _NUMBERS and type(value) is not bool for value in counts.values()):
            raise ProgramTypeError("Counter arithmetic in Autograd Lab needs counts that are numbers")
    result = Counter()
    for key, count in mine.items():
        new = rule(count, other[key])
        if new > 0:
            result[key] = new
    if keep_other:
        for key, count in other.items():
            if key not in mine and (count < 0 if negate_other else count > 0):
                result[key] = 0 - count if negate_other else count
    return result


class DefaultDict(dict):
    """collections.defaultdict's data; `factory` is called by item_access.get_item for a missing key."""

    def __init__(self, factory: Any, *args: Any) -> None:
        super().__init__(*args[:1])
        for more in args[1:]:   # `dd | d`: the items of each, in order
            self.update(more)
        self.factory = factory

    def __repr__(self) -> str:
        return f"defaultdict({_factory_text(self.factory)}, {dict.__repr__(self)})"

    def __or__(self, other: Any) -> Any:   # `dd | d` and `d | dd` stay defaultdicts (Python 3.9+)
        return DefaultDict(self.factory, self, other) if isinstance(other, dict) else NotImplemented

    def __ror__(self, other: Any) -> Any:
        return DefaultDict(self.factory, other, self) if isinstance(other, dict) else NotImplemented


class OrderedDict(dict):
    """collections.OrderedDict's data: a dict whose equality with another OrderedDict minds the order."""

    def __repr__(self) -> str:
        return f"OrderedDict({list(self.items())!r})" if self else "OrderedDict()"

    def __or__(self, other: Any) -> Any:   # `od | d` and `d | od` stay OrderedDicts, as in Python
        return OrderedDict({**self, **other}) if isinstance(other, dict) else NotImplemented

    def __ror__(self, other: Any) -> Any:
        return OrderedDict({**other, **self}) if isinstance(other, dict) else NotImplemented

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]


OrderedDict.__module__ = "collections"
Counter.__name__ = Counter.__qualname__ = "Counter"
DefaultDict.__name__ = DefaultDict.__qualname__ = "defaultdict"
Counter.__module__ = DefaultDict.__module__ = "collections"   # type(c): <class 'collections.Counter'>
COLLECTION_TYPES = (Counter, DefaultDict, Deque, OrderedDict)


def _factory_text(factory: Any) -> str:
    if factory is None:
        return "None"
    if isinstance(factory, SafeType):
        return factory.text
    return repr(factory)


def _most_common(counter: dict, n: int | None = None) -> list[tuple[Any, Any]]:
    """Python's order (largest count first, ties in insertion order) when every count is a number;
    insertion order otherwise (Python's repr falls back to it when counts cannot be compared)."""
    items = list(counter.items())
    if all(type(v) in _NUMBERS or type(v) is bool for _, v in items):
        items.sort(key=lambda item: item[1], reverse=True)
    elif n is not None:
        raise ProgramTypeError("Counter.most_common() in Autograd Lab compares counts that are numbers only")
    return items if n is None else items[:max(n, 0)]


def _count(interp: Interpreter, counter: Counter, source: Any, node: ast.AST, sign: int = 1) -> None:
    """Counter.update(source) / subtract(source): a mapping adds its counts, any other iterable counts its
    items; each new key goes in through dicts.set_item (its key check and the length limit)."""
    if source is None:
        return
    if isinstance(source, dict):
        for key, value in list(source.items()):
            if type(value) not in _NUMBERS and type(value) is not bool:
                raise ProgramTypeError("Counter counts must be numbers in Autograd Lab")
            count = _added(interp, counter[key], sign * value, node)
            dicts.set_item(interp, counter, key, count, "the Counter")
        return
    for item in interp.materialize(source, node):
        dicts.set_item(interp, counter, item, _added(interp, counter[item], sign, node), "the Counter")


def _added(interp: Interpreter, count: Any, more: Any, node: ast.AST) -> Any:
    """count + more as the program's own `+` (its int size checked: max_int_bits, so `c.update(c)` in a
    loop cannot double a count past the limit)."""
    return interp.apply_binary("add", operator.add, count, more, node)


def _total(interp: Interpreter, counter: Counter, node: ast.AST) -> Any:
    """c.total(): the counts added one by one as the program's `+`."""
    total: Any = 0
    for value in list(counter.values()):
        total = _added(interp, total, value, node)
    return total


def _make_counter(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Counter:
    if len(args) > 1:
        raise ProgramTypeError(f"Counter expected at most 1 argument, got {len(args)}")
    counter = Counter()
    _count(interp, counter, args[0] if args else None, node)
    if kwargs:
        _count(interp, counter, dict(kwargs), node)
    return counter


def _make_defaultdict(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> DefaultDict:
    factory = args[0] if args else None
    if not (factory is None or isinstance(factory, SafeType | UserFunction) or
            (isinstance(factory, SafeFunction) and factory.qualname in ("set", "dict"))):
        raise NotSupported("the default factory of a defaultdict must be a builtin type (int, float, str, "
                           "list, tuple, dict, set) or a function of the program in Autograd Lab")
    if isinstance(factory, SafeType) and factory.convert is None:
        raise NotSupported(f"calling {factory.text} is not supported in Autograd Lab")
    result = DefaultDict(factory)
    if len(args) > 1 or kwargs:
        from autogradlab.lang.number_builtins import make_dict
        for key, value in make_dict(interp, list(args[1:]), kwargs, node).items():
            dicts.set_item(interp, result, key, value, "the defaultdict")
    return result


def missing_default(interp: Interpreter, base: DefaultDict, key: Any, node: ast.AST) -> Any:
    """d[key] for a key d lacks: the factory's value, stored under key (Python's __missing__)."""
    if base.factory is None:
        raise KeyError(key)
    value = require_item(interp.call_value(base.factory, [], {}, node), "in the defaultdict")
    dicts.set_item(interp, base, key, value, "the defaultdict")
    return value


def call_method(interp: Interpreter, base: dict, name: str, args: list, kwargs: dict, node: ast.AST) -> Any:
    """Counter's own methods; a copy keeps the kind; the dict methods otherwise (dicts.call_method)."""
    if type(base) is Deque:
        return deque_method(interp, base, name, args, kwargs, node)
    if type(base) is Counter:
        if name == "most_common" and len(args) <= 1 and not kwargs:
            n = args[0] if args else None
            if n is not None and type(n) is not int:
                raise ProgramTypeError(f"most_common(): n must be an int, not {type(n).__name__}")
            return _most_common(base, n)
        if name in ("update", "subtract") and len(args) <= 1:
            sign = 1 if name == "update" else -1
            _count(interp, base, args[0] if args else None, node, sign)
            if kwargs:
                _count(interp, base, dict(kwargs), node, sign)
            return None
        if name == "total" and not args and not kwargs:
            return _total(interp, base, node)
        if name == "elements" and not args and not kwargs:
            return _elements(interp, base)
    if type(base) is OrderedDict and name in ("move_to_end", "popitem"):
        return _ordered_method(base, name, args, kwargs)
    if name == "copy" and not args and not kwargs:
        interp.sizes.charge_sequence(len(base), "the copy of the dictionary")
        if type(base) is OrderedDict:
            return OrderedDict(base)
        return Counter(base) if type(base) is Counter else DefaultDict(base.factory, base)
    if name in dicts.DICT_METHODS and (name != "update" or type(base) is not Counter) and not kwargs:
        return dicts.call_method(interp, base, name, args)
    kind = {Counter: "Counter", DefaultDict: "defaultdict"}.get(type(base), "OrderedDict")
    raise python_lacks(base, name) or NotSupported(   # a name the real class lacks: Python's error
        f"the method `.{name}()` of {kind} values is not supported in Autograd Lab")


def _ordered_method(base: OrderedDict, name: str, args: list, kwargs: dict) -> Any:
    """move_to_end(key, last=True), popitem(last=True)."""
    positional = ("key", "last") if name == "move_to_end" else ("last",)
    if len(args) > len(positional) or set(kwargs) - {"last"}:
        raise ProgramTypeError(f"{name}() got unexpected arguments")
    given = {**dict(zip(positional, args, strict=False)), **kwargs}
    last = bool(given.get("last", True))
    if name == "popitem":
        if not base:
            raise KeyError("dictionary is empty")
        key = next(reversed(base)) if last else next(iter(base))
        return key, base.pop(key)
    if "key" not in given:
        raise ProgramTypeError("move_to_end() missing required argument 'key' (pos 1)")
    key = given["key"]
    dicts.check_key(key)
    value = base.pop(key)   # a KeyError as Python's
    if last:
        base[key] = value
    else:
        items = list(base.items())
        base.clear()
        base[key] = value
        base.update(items)
    return None


def _make_ordered(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> OrderedDict:
    from autogradlab.lang.number_builtins import make_dict
    return OrderedDict(make_dict(interp, args, kwargs, node))


def _refused(name: str) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        raise NotSupported(f"`collections.{name}` is not supported in Autograd Lab: Counter, defaultdict, "
                           "namedtuple, deque and OrderedDict are")
    return SafeFunction(f"collections.{name}", impl)


REFUSED = ("ChainMap", "UserDict", "UserList", "UserString")


def collections_namespace() -> Namespace:
    return Namespace("collections", {
        "Counter": SafeType("collections.Counter", Counter, _make_counter),   # also isinstance(c, Counter)
        "defaultdict": SafeType("collections.defaultdict", DefaultDict, _make_defaultdict),
        "namedtuple": SafeFunction("collections.namedtuple", make_namedtuple),   # namedtuple_values.py
        "deque": SafeType("collections.deque", Deque, make_deque),   # deque_values.py
        "OrderedDict": SafeType("collections.OrderedDict", OrderedDict, _make_ordered),
        **{name: _refused(name) for name in REFUSED},
    })


def _elements(interp: Interpreter, counter: Counter) -> Any:
    """c.elements(): each key repeated by its count (counts below 1 skipped), as CPython's chain; read
    ahead under the length limit (Counter(a=10**18).elements() stops there, not after 10**18 items)."""
    from autogradlab.lang.iterators import SequenceIterator
    total = 0
    for count in counter.values():
        if type(count) is not int and type(count) is not bool:
            from autogradlab.lang.operators import python_error
            name = type(count).__name__
            raise python_error(TypeError(f"'{name}' object cannot be interpreted as an integer"))
        total += max(count, 0)
        interp.sizes.check_length(total, "the elements of the Counter")
    items = [key for key, count in counter.items() for _ in range(max(count, 0))]
    interp.sizes.charge_sequence(len(items), "the elements of the Counter")
    return SequenceIterator(iter(items), "itertools.chain")

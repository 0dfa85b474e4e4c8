"""Python builtins a program may call: print, len, range, the conversions, min/max/sum, ...

Each is a small function `(interp, args, kwargs, node) -> value` in a table. Results are sized
(lists, strings) before they are built; tensors met on the way go through the interpreter's
operators so the engine sees every op.
"""

from __future__ import annotations

import builtins as py_builtins
import operator
from collections.abc import Callable
from typing import Any

import numpy as np
import torch

from autogradlab.errors import NotSupported, ProgramTypeError, ProgramValueError
from autogradlab.lang.builtin_arguments import (
    _arity,
    _charge_printed,
    _data_args,
    _exactly_one,
    _materialize,
    _torch_call,
    text_of,
)
from autogradlab.lang.builtin_conversions import BUILTIN_TYPES, _int_text_digits, code_type  # noqa: F401 - test_big_ints
from autogradlab.lang.call_arguments import require_data
from autogradlab.lang.class_kinds import CLASS_KIND, class_kinds, is_class_value
from autogradlab.lang.compare_guard import run_sized
from autogradlab.lang.exceptions import EXCEPTION_TYPES, remember_python_error
from autogradlab.lang.iterators import ITERATOR_BUILTINS, ITERATORS, SequenceIterator, materialize_iterator
from autogradlab.lang.namespaces import NDARRAY_TYPE, PARAMETER_TYPE, TENSOR_TYPE
from autogradlab.lang.object_sentinels import make_object
from autogradlab.lang.safe_values import (
    SafeArray,
    SafeException,
    SafeFunction,
    SafeType,
    type_text,
)
from autogradlab.lang.sorting import extreme, holds_objects, sort_keywords, sorted_items
from autogradlab.lang.tensor_storage import TensorStorage
from autogradlab.utf8_text import encode_error


def _print(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("print", args, kwargs, ("sep", "end", "flush"))
    sep, end = kwargs.get("sep", " "), kwargs.get("end", "\n")
    sep = " " if sep is None else sep
    end = "\n" if end is None else end
    if not isinstance(sep, str) or not isinstance(end, str):
        raise ProgramTypeError("print(): sep and end must be strings")
    texts = [text_of(interp, value) for value in args]
    _charge_printed(interp, sum(map(len, texts)) + len(sep) * max(0, len(texts) - 1) + len(end))
    text = sep.join(texts) + end
    if not text.isascii():
        _require_utf8(interp, texts, sep, end)
    interp.hooks.on_print(text)
    return None


def _require_utf8(interp, texts: list[str], sep: str, end: str) -> None:  # noqa: ANN001
    """Python writes print()'s pieces one by one to a UTF-8 stdout: a lone surrogate fails its piece
    with UnicodeEncodeError, after the pieces before it (utf8_text.py: the browser could not show it)."""
    pieces = [piece for i, text in enumerate(texts) for piece in ((sep, text) if i else (text,))] + [end]
    for i, piece in enumerate(pieces):
        exc = encode_error(piece)
        if exc is not None:
            if i:
                interp.hooks.on_print("".join(pieces[:i]))
            raise remember_python_error(ProgramValueError(str(exc)), exc)


def _len(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    if len(args) == 1 and isinstance(args[0], ITERATORS):   # len(zip(a, b)), len(gen()): Python's TypeError
        kind = "generator" if type(args[0]).__name__ == "ProgramGenerator" else args[0].type_name
        from autogradlab.lang.operators import python_error
        raise python_error(TypeError(f"object of type '{kind}' has no len()"))
    _data_args("len", args, kwargs)
    _exactly_one("len", args)
    if type(args[0]) is SafeFunction:   # len(print): Python's class name, not the engine's (red team s45)
        from autogradlab.lang.contained_names import python_class
        from autogradlab.lang.missing_members import class_name
        from autogradlab.lang.operators import python_error
        real = python_class(args[0])
        if real is not None:
            raise python_error(TypeError(f"object of type '{class_name(real)}' has no len()"))
    return _torch_call(interp, "len", len, args[0])


def _range(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    if any(type(a).__name__ == "ProgramObject" for a in args):   # range(obj): its __index__
        from autogradlab.lang.object_protocols import index_of
        args = [index_of(interp, a, node) for a in args]
    _data_args("range", args, kwargs)
    return range(*[operator.index(a) for a in args])


def _abs(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("abs", args, kwargs)
    _exactly_one("abs", args)
    return interp.apply_unary("abs", abs, args[0], node)


def _round(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("round", args, kwargs, ("ndigits",))
    _arity(args, 1, 2, "round() missing required argument 'number' (pos 1)",
           "round() takes at most 2 arguments ({n} given)", keywords=len(kwargs))
    number = args[0]
    if isinstance(number, torch.Tensor):
        return interp.apply_unary("round", round, number, node)
    ndigits = args[1] if len(args) > 1 else kwargs.get("ndigits")
    if ndigits is None:
        return round(number)
    if type(number) in (int, bool):
        return _round_int(int(number), operator.index(ndigits))
    return round(number, ndigits)   # floats: CPython clamps a huge ndigits itself


def _round_int(n: int, ndigits: int) -> int:
    """round(n, ndigits) as CPython computes it, minus CPython's 10**-ndigits when that power dwarfs
    n: round(1, -10**8) would build a 330-million-bit int for minutes, yet the answer is always 0
    once 10**-ndigits > 2*|n| (n has at most bit_length//3 + 1 decimal digits)."""
    if ndigits < 0 and -ndigits > n.bit_length() // 3 + 2:
        return 0
    return round(n, ndigits)


def _min_max(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def impl(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        if kwargs.get("key") is not None or holds_objects(args):   # max(words, key=len), max(vectors):
            return _extreme_by_key(interp, name, args, kwargs, node)   # plain keys, or objects (sorting.py)
        kwargs.pop("key", None)
        _data_args(name, args, kwargs, ("default",))
        _arity(args, 1, None, name + " expected at least 1 argument, got {n}")
        if len(args) > 1 and "default" in kwargs:
            raise ProgramTypeError(f"Cannot specify a default for {name}() with multiple positional "
                                   "arguments")
        items = _materialize(interp, args[0], node) if len(args) == 1 else list(args)
        interp.sizes.check_compared_items(f"{name}()", items)
        return _torch_call(interp, name, lambda values: run_sized(interp.sizes, lambda: fn(values, **kwargs)),
                           items)   # max(a, b) of tensors: CPython's a < b sized (compare_guard.py)
    return impl


def _extreme_by_key(interp, name: str, args: list, kwargs: dict, node: Any) -> Any:  # noqa: ANN001
    key = kwargs.pop("key", None)
    _data_args(name, args, kwargs, ("default",), storing=True)   # only key(item) is compared (sorting.py)
    _arity(args, 1, None, name + " expected at least 1 argument, got {n}")
    if len(args) > 1 and "default" in kwargs:
        raise ProgramTypeError(f"Cannot specify a default for {name}() with multiple positional arguments")
    items = _materialize(interp, args[0], node) if len(args) == 1 else list(args)
    if not items and "default" in kwargs:
        return kwargs["default"]
    return extreme(interp, items, key, node, name)


def _sum(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("sum", args, kwargs, ("start",), storing=True)   # each `+` checks its operands, or runs the
    # program's own __add__/__radd__ (lang/object_operators.py)
    _arity(args, 1, 2, "sum() takes at least 1 positional argument ({n} given)",
           "sum() takes at most 2 arguments ({n} given)", keywords=len(kwargs))
    total = args[1] if len(args) > 1 else kwargs.get("start", 0)
    if isinstance(total, str) or type(total).__name__ == "bytes":   # CPython's refusal, before any item
        kind, empty = ("strings", "''") if isinstance(total, str) else ("bytes", "b''")
        raise ProgramTypeError(f"sum() can't sum {kind} [use {empty}.join(seq) instead]")
    for item in interp.iterate(args[0], node):
        interp.charge_loop_iterations(1, "sum()")
        total = interp.apply_binary("add", operator.add, total, item, node)
    return total


def _enumerate(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("enumerate", args, kwargs, ("start",))
    _arity(args, 1, 2, "enumerate() missing required argument 'iterable'",
           "enumerate() takes at most 2 arguments ({n} given)", keywords=len(kwargs))
    start = args[1] if len(args) > 1 else kwargs.get("start", 0)
    if isinstance(args[0], ITERATORS):   # read one item per next(), as CPython's (see _zip)
        numbered = ((interp.apply_binary("add", operator.add, start, i, node), item)
                    for i, item in enumerate(iter(interp.iterate(args[0], node))))
        return SequenceIterator(_zipped(interp, numbered), "enumerate")
    items = [(start + i, item) for i, item in enumerate(_materialize(interp, args[0], node))]
    return SequenceIterator(iter(items), "enumerate")   # read ahead under the length limit, lazy for next()


def _zip(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    if "strict" in kwargs:   # zip(xs, ys, strict=True): CPython's own zip over the same sources, lazily, so
        # its ValueError ("zip() argument 2 is shorter than argument 1") comes where the shorter one ends
        rest = {key: value for key, value in kwargs.items() if key != "strict"}
        _data_args("zip", args, rest)
        strict = interp.truth(require_data(kwargs["strict"], "in `zip()`"), node)
        sources = [iter(interp.iterate(a, node)) if isinstance(a, ITERATORS)
                   else _materialize(interp, a, node) for a in args]
        return SequenceIterator(_zipped(interp, zip(*sources, strict=bool(strict))), "zip")
    _data_args("zip", args, kwargs)
    if any(isinstance(a, ITERATORS) for a in args):   # an iterator is read only when zip reads it, as
        # CPython's zip: one item of each source per next(), so a generator's side effects come between
        # a loop's passes, `zip(itertools.count(), itertools.count(10))` ends at a `break`, and
        # `zip(xs, itertools.repeat(0))` ends with xs (the others read ahead: finite). Each source is
        # charged as it is read (a generator's steps, itertools' loop budget), each tuple to the list items.
        sources = [iter(interp.iterate(a, node)) if isinstance(a, ITERATORS)
                   else _materialize(interp, a, node) for a in args]
        return SequenceIterator(_zipped(interp, zip(*sources, strict=False)), "zip")
    items = list(zip(*[_materialize(interp, a, node) for a in args], strict=False))
    return SequenceIterator(iter(items), "zip")   # read ahead under the length limit, lazy for next()


def _zipped(interp, tuples):  # noqa: ANN001, ANN202
    try:
        for item in tuples:
            interp.sizes.charge_sequence(len(item), "a tuple of zip()")
            yield item
    except ValueError as exc:   # zip(strict=True)'s own words, at the item that found the shorter source
        if not str(exc).startswith("zip() argument"):
            raise
        from autogradlab.lang.operators import python_error
        raise python_error(exc) from None


def _sorted(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    """sorted(items, key=..., reverse=...): plain values compared only (sorting.py)."""
    key, reverse = sort_keywords(kwargs)
    _data_args("sorted", args, {}, storing=True)   # only plain values or objects are compared (sorting.py)
    _data_args("sorted", [reverse], {})
    _arity(args, 1, 1, "sorted expected 1 argument, got {n}")
    return sorted_items(interp, _materialize(interp, args[0], node), key, reverse, node, "`sorted()`")


def _reversed(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("reversed", args, kwargs)
    _arity(args, 1, 1, "reversed expected 1 argument, got {n}")
    value = args[0]
    if type(value) is list:   # CPython's own list_reverseiterator: reads the list as it is at each next()
        return SequenceIterator(reversed(value), "list_reverseiterator")   # (test_loops_s41.py)
    if isinstance(value, torch.Tensor):   # PyTorch's Tensor.__reversed__: flip(0), a 0-d tensor itself
        if value.dim() == 0:
            return value
        from autogradlab.lang.attributes import call_method
        return call_method(interp, value, "flip", [0], {}, node)
    if type(value).__name__ in _NOT_REVERSIBLE or isinstance(value, ITERATORS):   # a set (ProgramSet's name),
        # a number, an iterator (a generator, map, zip, iter(L), reversed(L)): Python's words
        from autogradlab.lang.operators import python_error
        raise python_error(TypeError(f"'{type_text(value)}' object is not reversible"))
    kind = _REVERSED_ITERATORS.get(type(value).__name__, "reversed")
    if type(value) is range:   # CPython's range_iterator: lazy, any length (reversed(range(10**18)))
        return SequenceIterator(iter(value[::-1]), kind)
    items = _materialize(interp, value, node)   # read ahead under the length limit, lazy for next()
    return SequenceIterator(reversed(items), kind)


_NOT_REVERSIBLE = frozenset({"set", "int", "float", "complex", "bool", "NoneType"})
# reversed(x)'s type in CPython 3.11 (`reversed` for a tuple or string; others keep that name too)
_REVERSED_ITERATORS = {"list": "list_reverseiterator", "range": "range_iterator",
                       "dict": "dict_reversekeyiterator", "dict_keys": "dict_reversekeyiterator",
                       "Counter": "dict_reversekeyiterator", "defaultdict": "dict_reversekeyiterator",
                       "dict_values": "dict_reversevalueiterator", "dict_items": "dict_reverseitemiterator",
                       "OrderedDict": "odict_iterator"}


def _any_all(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def impl(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        if len(args) == 1 and not kwargs and holds_objects(args):   # any(layers): each one's own truth
            for item in _materialize(interp, args[0], node):
                interp.charge_loop_iterations(1, f"{name}()")
                if interp.truth(item, node) == (name == "any"):
                    return name == "any"
            return name == "all"
        _data_args(name, args, kwargs)
        _exactly_one(name, args)
        items = _materialize(interp, args[0], node)
        if type(items) is SafeArray:   # any(np.ones((2, 2))): its rows, each with NumPy's truth
            items = [SafeArray(row) if isinstance(row, np.ndarray) else row for row in items.array]
        if isinstance(items, (list, tuple)) and any(type(item) is SafeArray for item in items):
            for item in items:   # all([Z, Z]): each array's own truth (2+ elements: NumPy's ValueError)
                interp.charge_loop_iterations(1, f"{name}()")
                if interp.truth(item, node) == (name == "any"):
                    return name == "any"
            return name == "all"
        return _torch_call(interp, name, fn, items)
    return impl


def type_of(value: Any) -> SafeType:
    if isinstance(value, torch.Tensor):   # `type(nn.Parameter(w))` is Parameter, as in PyTorch
        return PARAMETER_TYPE if type(value) is torch.nn.Parameter else TENSOR_TYPE
    if isinstance(value, SafeException):   # type(e) is ValueError
        from autogradlab.lang.exceptions import exception_type
        return exception_type(value.py_type.__name__) or SafeType(value.py_type.__name__, value.py_type)
    if isinstance(value, SafeArray) or type(value).__name__ == "numpy.ndarray":   # numpy_strings' too
        return NDARRAY_TYPE
    if type(value).__name__ == "numpy.rec.recarray":   # `type(r) is np.recarray` (numpy_records.py)
        from autogradlab.lang.numpy_record_making import RECARRAY_TYPE
        return RECARRAY_TYPE
    if getattr(value, "scalar_type", False) and type(value).__name__.startswith("numpy.dtypes."):
        return type_of(BUILTIN_TYPES["int"])   # np.int8 is a class in numpy: type(np.int8) is `type`
    builtin = BUILTIN_TYPES.get(type(value).__name__)
    if builtin is not None and builtin.py_type is type(value):
        return builtin
    if type(value) is SafeType:   # type(torch.Tensor): its metaclass, as Python names it (session 42)
        meta = metaclass_of(value)
        if meta is not None:   # one SafeType per metaclass: `type(A) is type(B)` as in Python
            return _METACLASSES.setdefault(meta, SafeType(f"{meta.__module__}.{meta.__qualname__}", meta))
    return SafeType(type_text(value), type(value))


_METACLASSES: dict[type, SafeType] = {}   # (library metaclasses only: the same in every run, holding nothing)


def metaclass_of(value: SafeType) -> type | None:
    """The metaclass of the real class a SafeType stands for when it is not plain `type`
    (torch._C._TensorMeta, torch.nn.parameter._ParameterMeta, abc.ABCMeta), else None."""
    from autogradlab.lang.missing_members import _real_class
    found = _real_class(value)
    if found is None or not isinstance(found[0], type):
        return None
    meta = type(found[0])
    return None if meta is type or meta.__module__.startswith("autogradlab") else meta


_CODE_VALUES = ("UserFunction", "ProgramGenerator", "GeneratorManager", "NullContext", "Suppress", "ErrState")


def _type(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    if len(args) == 1 and not kwargs and type(args[0]).__name__ in _CODE_VALUES:
        return code_type(args[0])
    if len(args) == 1 and not kwargs and type(args[0]) is SafeFunction and args[0].qualname == "type":
        return type_of(BUILTIN_TYPES["int"])   # type(type) is type
    _data_args("type", args, kwargs)
    if len(args) != 1:
        raise NotSupported("only `type(x)` with one argument is supported in Autograd Lab")
    if type(args[0]) is SafeFunction:   # type(np.linspace): numpy._ArrayFunctionDispatcher, as NumPy
        return routine_type(args[0])
    return type_of(args[0])


_ROUTINE_TYPES: dict[str, SafeType] = {}   # one per name: `type(np.add) is type(np.subtract)` as in Python


def routine_type(value: SafeFunction) -> SafeType:
    """type() of a library function, named as Python names the real one's class (numpy.ufunc,
    numpy._ArrayFunctionDispatcher, method, builtin_function_or_method; session 43). The value stays the
    engine's SafeType of its wrapper (not callable, isinstance(f, type(f)) as before)."""
    from autogradlab.lang.function_text import library_routine
    from autogradlab.lang.missing_members import class_name
    real = library_routine(value)
    if real is None:
        return type_of(value)
    name = class_name(type(real))
    found = _ROUTINE_TYPES.get(name)
    if found is None:
        found = _ROUTINE_TYPES[name] = SafeType(name, type(value))
    return found


def _isinstance(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("isinstance", args, kwargs)
    if len(args) != 2:
        raise ProgramTypeError(f"isinstance expected 2 arguments, got {len(args)}")
    value, kinds = args
    kinds = class_kinds(kinds)
    if any(kind is CLASS_KIND for kind in kinds) and is_class_value(value):
        return True
    if not all(isinstance(kind, SafeType) for kind in kinds):
        raise ProgramTypeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
    if isinstance(value, SafeException):   # `isinstance(e, RuntimeError)` in an except block
        return any(issubclass(value.py_type, kind.py_type) for kind in kinds)
    if type(value).__name__ in ("numpy.ndarray", "numpy.rec.recarray") and any(kind is NDARRAY_TYPE
                                                                             for kind in kinds):
        return True   # an array of strings is NumPy's ndarray too (numpy_strings.py), a recarray too
    if type(value).__name__ == "numpy.rec.recarray" and any(kind.py_type is np.recarray for kind in kinds):
        return True   # isinstance(r, np.recarray) (numpy_records.py)
    return any(isinstance(value, kind.py_type) for kind in kinds)


def _id(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("id", args, kwargs)
    _exactly_one("id", args)
    if isinstance(args[0], TensorStorage):   # id(a.storage()): the memory's (lang/tensor_storage.py)
        return interp.identity(args[0].first)
    return interp.identity(args[0])


def _repr(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("repr", args, kwargs)
    _exactly_one("repr", args)
    return text_of(interp, args[0], repr)


_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "print": _print, "len": _len, "range": _range, "abs": _abs, "round": _round,
    "min": _min_max("min", min), "max": _min_max("max", max), "sum": _sum,
    "enumerate": _enumerate, "zip": _zip, "sorted": _sorted, "reversed": _reversed,
    "any": _any_all("any", any), "all": _any_all("all", all),
    "type": _type, "isinstance": _isinstance, "id": _id, "repr": _repr,
}
BUILTINS: dict[str, Any] = {
    **{name: SafeFunction(name, impl) for name, impl in _FUNCTIONS.items()},
    **BUILTIN_TYPES,
    **EXCEPTION_TYPES,   # for `except RuntimeError as e:` (not callable: there is no `raise`)
}
# Python builtins that exist but are outside the language: refused by name, not "undefined".
KNOWN_PYTHON_BUILTINS: frozenset[str] = frozenset(dir(py_builtins))

from autogradlab.lang.introspection import INTROSPECTION  # noqa: E402 - dir() and help() (d2l lookup-api)

BUILTINS.update(INTROSPECTION)
BUILTINS.update({name: SafeFunction(name, impl) for name, impl in ITERATOR_BUILTINS.items()})

from autogradlab.lang.number_builtins import NUMBER_BUILTINS  # noqa: E402 - divmod, pow, hex, dict(...)

BUILTINS.update(NUMBER_BUILTINS)

from autogradlab.lang.map_filter import MAP_FILTER  # noqa: E402 - map(), filter() (lazy iterators)
from autogradlab.lang.sets import ProgramSet  # noqa: E402 - set(...) (lang/sets.py)
from autogradlab.lang.sets import convert as _make_set  # noqa: E402

BUILTINS.update({name: SafeFunction(name, impl) for name, impl in MAP_FILTER.items()})
BUILTIN_TYPES["set"] = BUILTINS["set"] = SafeType("set", ProgramSet, _make_set)

from autogradlab.lang.bytes_values import BytesValue, make  # noqa: E402 - bytes([65, 66]) (session 36)
from autogradlab.lang.inert_values import named_kind  # noqa: E402

BUILTIN_TYPES["bytes"] = BUILTINS["bytes"] = SafeType("bytes", named_kind(BytesValue, "bytes"), make)


def _reading_iterators(name: str, impl: Callable[..., Any]) -> Callable[..., Any]:
    """sum(map(...)), max(filter(...)), sorted(g): a generator or iterator argument is read to its end
    first (counted like list(...)); any() and all() read it only as far as Python does (they stop at the
    first true / false item), and so do zip() and enumerate() (one item per next(): _zip)."""
    def wrapped(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        for value in args:
            if isinstance(value, ITERATORS):
                break
        else:   # the common case: no iterator, one isinstance per argument
            return impl(interp, args, kwargs, node)
        if name in ("zip", "enumerate"):   # they read an iterator only as far as CPython's do (_zip)
            return impl(interp, args, kwargs, node)
        if name in ("any", "all") and len(args) == 1 and not kwargs:
            for item in args[0]:
                interp.charge_loop_iterations(1, f"{name}()")
                if interp.truth(item, node) == (name == "any"):
                    return name == "any"
            return name == "all"
        args = [materialize_iterator(interp, value, "the list") if isinstance(value, ITERATORS) else value
                for value in args]
        return impl(interp, args, kwargs, node)
    return wrapped


for _name in ("sum", "min", "max", "sorted", "any", "all", "enumerate", "zip"):
    BUILTINS[_name] = SafeFunction(_name, _reading_iterators(_name, BUILTINS[_name].impl))

from autogradlab.lang.class_dispatch import super_of, wrap_builtins  # noqa: E402 - the program's classes

wrap_builtins(BUILTINS)
BUILTINS["super"] = SafeFunction("super", super_of)

from autogradlab.lang.subclass_checks import is_subclass  # noqa: E402 - builtin and the program's classes

BUILTINS["issubclass"] = SafeFunction("issubclass", is_subclass)
BUILTINS["object"] = SafeType("object", object, make_object)   # issubclass(C, object), isinstance(x, object);
# object() makes a bare object, a sentinel (lang/object_sentinels.py, session 45)

from autogradlab.lang.hasattr_builtin import hasattr_builtin  # noqa: E402 - hasattr(n, "value") (session 33)
from autogradlab.lang.slice_values import SLICE_BUILTINS  # noqa: E402 - slice(1, 3) (lang/slice_values.py)

BUILTINS["hasattr"] = SafeFunction("hasattr", hasattr_builtin)

BUILTINS.update(SLICE_BUILTINS)
BUILTIN_TYPES.update(SLICE_BUILTINS)   # type(s) is slice

BUILTINS["Ellipsis"] = Ellipsis   # `(1, Ellipsis, 1)` as `(1, ..., 1)` (numpy basics.indexing)

from autogradlab.lang.display_calls import DISPLAY  # noqa: E402 - a notebook's display(x) (session 40)

BUILTINS["display"] = DISPLAY

from autogradlab.lang.vars_builtin import VARS  # noqa: E402 - vars(obj) of the program's objects (session 43)

BUILTINS["vars"] = VARS

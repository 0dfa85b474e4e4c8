"""list.sort(), sorted(), min() and max() with `key=` and `reverse=`, as Python does them, with every
comparison between plain values (bool, int, float, str, and short tuples of those): no tensor code runs
from inside Python's sort, where the interpreter's step and time checks cannot see it. A key
function (`key=len`, `key=lambda p: p[1]`, a `def`) is called by the interpreter on each item first
(its steps counted as usual), then the keys are compared, so Python's stable order and its own
TypeError for keys that do not compare ('<' not supported between ...) stay as they are. Objects of
the program's classes (as items or keys) compare through their own __lt__/__gt__, each an interpreted
call under the run's limits (_Ordered). One-element real tensors of one dtype (d2l's `norm_eigs.sort()`
of `torch.abs(...)` values) compare as their values read in that dtype, which is what `bool(a < b)`
answers for them in PyTorch (_tensor_keys)."""

from __future__ import annotations

import operator
from typing import Any

import numpy as np
import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.bytes_values import BytesValue
from autogradlab.lang.calls import require_data
from autogradlab.lang.inert_values import named_kind
from autogradlab.lang.safe_values import SafeFunction, SafeNumpyDtype, SafeType, UserFunction, type_text

_PLAIN = (bool, int, float, str, complex, type(None),   # None/complex: Python's own TypeError
          # NumPy's scalars (`sorted(-Z)` of an array's items: numpy-100): as cheap to compare as numbers
          np.float64, np.float32, np.float16, np.int64, np.int32, np.int16, np.int8, np.uint8, np.bool_,
          np.str_,   # a string array's item: str's comparison
          # bytes (bytes_values.py): compared as CPython's, byte by byte, as a str is
          named_kind(BytesValue, "bytes"), named_kind(BytesValue, "numpy.bytes_"))
_MAX_KEY_ITEMS = 64   # a tuple key: (p[1], p[0]), short and flat


def _plain(value: Any) -> bool:
    """A key whose comparison is cheap and bounded. Lists are not: `[big] * n` shares one long list
    that every comparison would walk item by item (n * len(big) steps inside Python's sort)."""
    if type(value) in _PLAIN:
        return True
    return type(value) is tuple and len(value) <= _MAX_KEY_ITEMS and all(type(v) in _PLAIN for v in value)


class _Ordered:
    """An item or key that is an object of the program's classes, as Python's sort, min() and max() meet
    it: `a < b` and `a > b` are the interpreter's (the objects' own __lt__/__gt__, under the run's
    limits), their answer's truth too; Python's sort asks only `<`, min() `<` and max() `>`. Inside a
    tuple key (`sorted(d.items())`) CPython first asks `==` of each pair to find where they differ."""

    __slots__ = ("interp", "value", "node")
    __hash__ = None   # type: ignore[assignment]

    def __init__(self, interp: Any, value: Any, node: Any) -> None:
        self.interp, self.value, self.node = interp, value, node

    def _ask(self, op: str, fn: Any, other: Any) -> bool:
        interp = self.interp
        other = other.value if type(other) is _Ordered else other
        return interp.truth(interp.apply_binary(op, fn, self.value, other, self.node), self.node)

    def __lt__(self, other: Any) -> bool:
        return self._ask("lt", operator.lt, other)

    def __gt__(self, other: Any) -> bool:
        return self._ask("gt", operator.gt, other)

    def __eq__(self, other: object) -> bool:
        return self._ask("eq", operator.eq, other)


def _is_object(value: Any) -> bool:
    return type(value).__name__ == "ProgramObject"


def _holds_object(key: Any) -> bool:
    return _is_object(key) or type(key) is tuple and len(key) <= _MAX_KEY_ITEMS \
        and any(map(_is_object, key)) and all(_plain(v) or _is_object(v) for v in key)


def _ordered(interp: Any, keys: list, node: Any) -> list | None:
    """The keys wrapped for the interpreter's comparisons when some are objects of the program's classes
    (or short flat tuples holding them) and the others plain values (None: no object among them)."""
    if not any(_holds_object(key) for key in keys):
        return None
    if not all(_plain(key) or _holds_object(key) for key in keys):
        return None
    return [_Ordered(interp, key, node) if _is_object(key) else
            tuple(_Ordered(interp, v, node) for v in key) if type(key) is tuple   # Python's texts for 2 < obj
            else key for key in keys]


def _tensor_keys(interp: Any, keys: list, what: str) -> list | None:
    """The values of one-element tensors of a single real dtype, read in that dtype: Python's sort asks
    `bool(a < b)`, which for them is the comparison of those values (NaN included: never less). Read
    in one C call after the count is charged, so no tensor code runs inside Python's sort. None when
    any key is not such a tensor (mixed dtypes too: PyTorch's promotion between 0-d and 1-d tensors
    is not Python's). An nn.Parameter is such a tensor too."""
    if len(keys) < 2 or not all(isinstance(key, torch.Tensor) and key.numel() == 1 for key in keys):
        return None
    dtype = keys[0].dtype
    if dtype.is_complex or any(key.dtype != dtype or key.layout != torch.strided for key in keys):
        return None
    interp.charge_loop_iterations(len(keys), what)
    return torch.stack([key.detach().reshape(()) for key in keys]).tolist()


def _check_plain(keys: list, what: str, by_key: bool) -> None:
    if not all(_plain(key) for key in keys):
        kinds = sorted({type_text(key) for key in keys if not _plain(key)})
        raise NotSupported(f"{what} of `{', '.join(kinds)}` {'keys' if by_key else 'items'} is not supported "
                           f"in Autograd Lab")


def keys_of(interp: Any, items: list, key: Any, node: Any, what: str) -> list:
    """The values compared: the items, or key(item) for each, all plain."""
    if key is None:
        keys = items
    else:
        if not isinstance(key, UserFunction | SafeFunction | SafeType) and not (   # key=np.float64: a type
                isinstance(key, SafeNumpyDtype) and not key.instance):            # (red team s41)
            require_data(key, f"as `key=` of {what}")
            raise ProgramTypeError(f"'{type_text(key)}' object is not callable")
        keys = [interp.call_value(key, [item], {}, node) for item in items]
    ordered = _ordered(interp, keys, node)   # sorted(vectors): their own __lt__
    if ordered is not None:
        return ordered
    values = _tensor_keys(interp, keys, what)
    if values is not None:
        return values
    if key is None:   # `sorted(d.items())` of objects: named as before (only objects themselves compare)
        for item in keys:
            if not _plain(item):
                require_data(item, f"in {what}")
    _check_plain(keys, what, key is not None)
    return keys


def sorted_items(interp: Any, items: list, key: Any, reverse: Any, node: Any, what: str) -> list:
    keys = keys_of(interp, items, key, node, what)
    order = sorted(range(len(items)), key=keys.__getitem__, reverse=bool(reverse))
    return [items[i] for i in order]


def sort_keywords(kwargs: dict) -> tuple[Any, Any]:
    for word in kwargs:
        if word not in ("key", "reverse"):   # Python's text for list.sort() and sorted() alike
            raise ProgramTypeError(f"'{word}' is an invalid keyword argument for sort()")
    return kwargs.get("key"), kwargs.get("reverse", False)


def extreme(interp: Any, items: list, key: Any, node: Any, name: str) -> Any:
    """min()/max() with key=: the first item whose key is least/greatest, as Python returns it."""
    keys = keys_of(interp, items, key, node, f"`{name}()` with key=")
    pick = min if name == "min" else max
    return items[pick(range(len(items)), key=keys.__getitem__)]


def holds_objects(args: list) -> bool:
    """min(a, b) of objects, or min of one list, tuple, set or dict (its keys) holding them."""
    if len(args) == 1 and (isinstance(args[0], list | tuple | dict) or type(args[0]).__name__ == "set"):
        args = args[0]
    kinds = set(map(type, args))   # (read in C: max() of each 100,000-number row of a list took 0.2 s here)
    if any(kind.__name__ == "ProgramObject" for kind in kinds):
        return True
    return tuple in kinds and any(type(item) is tuple and any(map(_is_object, item)) for item in args)

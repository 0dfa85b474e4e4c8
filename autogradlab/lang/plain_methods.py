"""The few list, tuple, str, torch.Size and numpy-array methods a program may call besides the
tensor methods (attributes.call_method looks them up in PLAIN_METHODS); built lists and texts are
sized before they grow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.errors import ProgramTypeError
from autogradlab.lang import custom_functions, numpy_linalg
from autogradlab.lang.calls import check_tolist
from autogradlab.lang.compare_guard import run_sized
from autogradlab.lang.number_methods import NUMBER_METHODS
from autogradlab.lang.numpy_ops import array_copy
from autogradlab.lang.safe_values import SafeArray, SafeGradFn, type_text
from autogradlab.lang.search_work import charge_search
from autogradlab.lang.sequence_methods import MORE_METHODS
from autogradlab.lang.sequence_methods import copying as _copying
from autogradlab.lang.sequence_methods import plain as _plain
from autogradlab.lang.slice_values import SLICE_METHODS

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _list_append(interp: Interpreter, base: list, args: list) -> None:
    interp.sizes.charge_sequence(len(base) + 1, "the list", added=1)
    base.append(*args)


def _list_extend(interp: Interpreter, base: list, args: list) -> None:
    if len(args) != 1:   # CPython's words (red team s42: `ys.extend(1, 'x')` said "'int' object is not ...")
        raise TypeError(f"list.extend() takes exactly one argument ({len(args)} given)")
    items = interp.materialize(args[0], None)
    interp.sizes.charge_sequence(len(base) + len(items), "the list", added=len(items))
    base.extend(items)


def _searched(method: str) -> Callable[..., Any]:
    """list.index(v) puts repr(v) into its "not in list" message: weigh v first."""
    def call(interp: Interpreter, base: Any, args: list) -> Any:
        for value in args:
            interp.sizes.check_text_weight(value, f"the value passed to .{method}()")
        if args:   # a nested list compared with each item, as `in` weighs it
            interp.sizes.check_search(args[0], base, f"`.{method}()`")
        charge_search(interp, base, args[0] if args else None, f"`.{method}()`")
        # the class's own method, called as CPython's `xs.count(...)` calls it: its errors name the class
        # that defines it ("tuple.count()" of a torch.Size; the bound method said "Size.count()")
        return run_sized(interp.sizes, getattr(type(base), method), base, *args)   # (compare_guard)
    return call


def _join(interp: Interpreter, base: str, args: list) -> str:
    items = interp.materialize(args[0], None)
    for item in items:   # str(item) of a huge nested list would be the very work to avoid
        if not isinstance(item, str):
            raise ProgramTypeError(f"str.join() needs strings, got {type_text(item)}")
    interp.sizes.charge_sequence(sum(map(len, items)) + len(base) * len(items), "the text")
    return base.join(items)


PLAIN_METHODS: dict[tuple[type, str], Callable[..., Any]] = {
    (list, "append"): _list_append, (list, "extend"): _list_extend,
    (list, "pop"): _plain("pop"), (list, "index"): _searched("index"), (list, "count"): _searched("count"),
    (tuple, "index"): _searched("index"), (tuple, "count"): _searched("count"),
    (torch.Size, "numel"): lambda interp, base, args: _numel(base, args),
    (str, "upper"): _copying("upper"), (str, "lower"): _copying("lower"), (str, "strip"): _copying("strip"),
    (str, "startswith"): _plain("startswith"), (str, "endswith"): _plain("endswith"),
    (str, "split"): _copying("split"), (str, "join"): _join,
    (SafeArray, "tolist"): lambda interp, base, args: (check_tolist(interp, base.array.size),
                                                        base.array.tolist())[1],
    (SafeArray, "copy"): lambda interp, base, args: array_copy(interp, base),
    (SafeArray, "dot"): lambda interp, base, args: numpy_linalg.array_dot(interp, base, args),
    (SafeArray, "round"): lambda interp, base, args: numpy_linalg.array_round(interp, base, args),
    (np.number, "round"): lambda interp, base, args: numpy_linalg.scalar_round(base, args),   # np.float64(x)
    (SafeGradFn, "name"): lambda interp, base, args: base.name,
    (SafeGradFn, "apply"): custom_functions.grad_fn_apply,   # a custom Function's node runs its backward
    **MORE_METHODS,
    **NUMBER_METHODS,   # x.is_integer(), c.conjugate() (lang/number_methods.py)
    **SLICE_METHODS,   # s.indices(n), r.index(v) (lang/slice_values.py)
}


def _numel(size: torch.Size, args: list) -> int:
    if args:   # PyTorch's TypeError (red team s42: `torch.Size([2, 3]).numel(1)` answered 6)
        raise TypeError(f"Size.numel() takes no arguments ({len(args)} given)")
    total = 1
    for n in size:
        total *= int(n)
    return total

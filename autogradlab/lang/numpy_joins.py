"""NumPy's joining and splitting functions as "NumPy: the absolute basics for beginners" shows them:
np.concatenate((a, b), axis=0), np.vstack / np.hstack / np.stack, np.hsplit / np.vsplit, np.expand_dims,
np.nonzero, and `a[np.newaxis, :]` (np.newaxis is None). Every result is counted before numpy makes it
(the inputs' elements for a join, the index arrays of nonzero); splits and expand_dims are views of
their input, as in NumPy. Only arrays, lists of numbers and numbers reach numpy, which words its own
errors (mismatched shapes, an unequal split)."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported, ProgramTypeError
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

JOINS = ("concatenate", "vstack", "hstack", "stack")
SPLITS = ("hsplit", "vsplit", "dsplit", "split", "array_split")   # the last two take axis= (session 29)


def _raw_parts(interp: Interpreter, name: str, parts: Any) -> list:
    from autogradlab.lang import numpy_ops
    if not isinstance(parts, (list, tuple)):
        raise ProgramTypeError(f"np.{name}() takes a list or tuple of arrays")
    # every part that is a list becomes an array, each checked alone: 1,000 references to one
    # 100,000-number list were made into arrays one by one until the run's total stopped them (6 s);
    # the values all the parts hold are counted first (each distinct list once, tensor_counts.py)
    interp.sizes.check_nested(list(parts), f"np.{name}")
    return [numpy_ops._raw(a, f"np.{name}") for a in numpy_ops.lists_as_arrays(interp, list(parts))]


def _axis(value: Any) -> Any:
    if value is not None and type(value) is not int:
        raise ProgramTypeError("axis must be an int")
    return value


def _join(name: str) -> SafeFunction:
    keywords = {"axis"} if name in ("concatenate", "stack") else set()

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.lang import numpy_ops
        if len(args) == 2 and keywords and "axis" not in kwargs:   # np.concatenate((x, y), 1)
            args, kwargs = args[:1], {**kwargs, "axis": args[1]}
        if len(args) != 1 or set(kwargs) - keywords:
            shown = ", axis=..." if keywords else ""
            raise NotSupported(f"Autograd Lab supports `np.{name}((a, b){shown})`")
        parts = _raw_parts(interp, name, args[0])
        numpy_ops.charge(interp, sum(int(np.size(p)) for p in parts), f"np.{name}")
        extra = {"axis": _axis(kwargs["axis"])} if "axis" in kwargs else {}
        return numpy_ops._wrap(numpy_ops._guarded(lambda: getattr(np, name)(parts, **extra)))
    return SafeFunction(f"numpy.{name}", impl)


def _split(name: str) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.lang import numpy_ops
        axis = {}
        if name in ("split", "array_split") and (len(args) == 3 or list(kwargs) == ["axis"]):
            axis = {"axis": args[2] if len(args) == 3 else kwargs["axis"]}
            args, kwargs = args[:2], {}
            if type(axis["axis"]) is not int:
                raise ProgramTypeError(f"np.{name}(): axis must be an int")
        if len(args) != 2 or kwargs:
            raise NotSupported(f"Autograd Lab supports `np.{name}(x, sections)` and `np.{name}(x, (i, j))`")
        raw = numpy_ops._raw(numpy_ops.lists_as_arrays(interp, args[:1])[0], f"np.{name}")
        where = args[1]
        if isinstance(where, (list, tuple)):
            if not all(type(i) is int for i in where):
                raise ProgramTypeError(f"np.{name}(): the split points must be ints")
            where = list(where)
        elif type(where) is not int:
            raise ProgramTypeError(f"np.{name}(): the sections must be an int or a list of ints")
        pieces = len(where) + 1 if isinstance(where, list) else where   # one array each, as torch's split
        interp.sizes.charge_sequence(max(pieces, 0), f"the pieces of np.{name}")
        return [numpy_ops._wrap(p) for p in numpy_ops._guarded(lambda: getattr(np, name)(raw, where, **axis))]
    return SafeFunction(f"numpy.{name}", impl)


def _expand_dims(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang import numpy_ops
    if len(args) + len(kwargs) != 2 or set(kwargs) - {"axis"} or len(args) > 2 or not args:
        raise NotSupported("Autograd Lab supports `np.expand_dims(x, axis=...)`")
    axis = args[1] if len(args) == 2 else kwargs["axis"]
    if type(axis) in (tuple, list) and all(type(i) is int for i in axis):   # axis=(0, 2): NumPy 1.18+
        axis = tuple(axis)   # a view with len(axis) more dimensions (NumPy refuses more than 64 in all)
    else:
        axis = _axis(axis)
    raw = numpy_ops._raw(numpy_ops.lists_as_arrays(interp, args[:1])[0], "np.expand_dims")
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.expand_dims(raw, axis)))


def _nonzero(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang import numpy_ops
    if len(args) != 1 or kwargs:
        raise NotSupported("Autograd Lab supports `np.nonzero(x)`")
    raw = numpy_ops._raw(numpy_ops.lists_as_arrays(interp, args)[0], "np.nonzero")
    numpy_ops.charge(interp, int(np.size(raw)) * max(1, int(np.ndim(raw))), "np.nonzero")
    return tuple(numpy_ops._wrap(p) for p in numpy_ops._guarded(lambda: np.nonzero(raw)))


MAX_BLOCK_DEPTH = 32
# NumPy joins block by block in Python: [[a] * 600] * 600 of 1x1 blocks ran 2.4 s in one call, a list of
# two of itself nested 22 deep (4,194,304 blocks, 22 lists) over 100 s; 10,000 lists and blocks take at
# most ~0.35 s (31 dimensions deep), 100 x 100 blocks 0.01 s (red team, session 34)
MAX_BLOCK_PARTS = 10_000


def _block(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.block([[A, B], [C, D]]) (session 33, powerful-numpy): nested lists of arrays and numbers, joined
    along the last axes; the result holds every block's elements once, counted before NumPy joins them."""
    from autogradlab.lang import numpy_ops
    if len(args) != 1 or kwargs:
        raise NotSupported("Autograd Lab supports `np.block(arrays)`")
    total, parts_seen = [0], [0]

    def walk(value: Any, depth: int) -> Any:
        parts_seen[0] += 1
        if parts_seen[0] > MAX_BLOCK_PARTS:
            raise LimitExceeded(f"`np.block` of more than {MAX_BLOCK_PARTS:,} lists and blocks would take "
                                f"too long to join; the limit is {MAX_BLOCK_PARTS:,}",
                                hint="join fewer, larger blocks")
        if isinstance(value, (list, tuple)):
            if depth >= MAX_BLOCK_DEPTH:
                raise NotSupported(f"Autograd Lab supports `np.block` of lists nested at most "
                                   f"{MAX_BLOCK_DEPTH} deep")
            items = [walk(item, depth + 1) for item in value]
            return items if isinstance(value, list) else tuple(items)   # a tuple: NumPy's own TypeError
        raw = numpy_ops._raw(value, "np.block")
        total[0] += int(np.size(raw))
        return raw

    parts = walk(args[0], 0)
    numpy_ops.charge(interp, total[0], "np.block")
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.block(parts)))


def numpy_join_members() -> dict[str, Any]:
    return {**{name: _join(name) for name in JOINS}, **{name: _split(name) for name in SPLITS},
            "expand_dims": SafeFunction("numpy.expand_dims", _expand_dims),
            "block": SafeFunction("numpy.block", _block),
            "nonzero": SafeFunction("numpy.nonzero", _nonzero), "newaxis": None}

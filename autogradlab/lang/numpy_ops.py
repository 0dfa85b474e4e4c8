"""NumPy as lessons use it: np.arange/ones/zeros/linspace, arithmetic and in-place arithmetic on
arrays (`a + 1`, `n += 1`), np.add(n, 1, out=n), a few ufuncs and reductions.

Same limits as torch: every result's element count is computed from shapes with Python ints
(np.broadcast_shapes, the arange/linspace counts) and checked before numpy allocates anything.
Operands are arrays, numpy scalars and Python numbers only (never lists or strings: numpy would
turn `[0] * np.int64(10**9)` or a nested list into a huge array before any check). Results stay
wrapped in SafeArray; numpy scalars come back as numpy scalars (`np.float64(0.1)`), as in numpy.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.errors import NotSupported, ProgramError, ProgramTypeError, ProgramValueError
from autogradlab.lang.broadcast_shapes import broadcast_shape
from autogradlab.lang.numpy_big_ints import NOT_SCALARS, object_array_refusal, scalar_call
from autogradlab.lang.numpy_scalar_ops import big_int_beside, is_scalar_operand
from autogradlab.lang.numpy_scalar_ops import convert as convert_scalar
from autogradlab.lang.numpy_scalar_ops import ufunc as scalar_ufunc
from autogradlab.lang.numpy_scans import SCANS, numpy_scan_members, scan
from autogradlab.lang.safe_values import SafeArray, SafeFunction, SafeNumpyDtype

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

NUMPY_SCALARS = (np.number, np.bool_)
SCALAR_CONVERT = True   # make_scalar's short way (tests compare with it off)
_PLAIN_NUMBERS = (bool, int, float, complex)


def is_numpy_operand(value: Any) -> bool:
    return isinstance(value, (SafeArray, *NUMPY_SCALARS))


def _raw(value: Any, what: str) -> Any:
    if isinstance(value, SafeArray):
        return value.array
    if type(value).__name__ == "numpy.poly1d":   # np.square(p): its coefficients, as NumPy's __array__
        return value.poly.coeffs
    if isinstance(value, (*NUMPY_SCALARS, *_PLAIN_NUMBERS)):
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
            from autogradlab.lang.numpy_big_ints import too_large
            raise too_large()   # NumPy's OverflowError (session 41; was the engine's own words)
        return value
    raise NotSupported(f"{what}: numpy arrays combine only with numbers and other arrays in "
                       f"Autograd Lab (convert tensors with .numpy(), lists with np.array(...))")


def _wrap(value: Any, keep: SafeArray | None = None) -> Any:
    if isinstance(value, np.ndarray):
        if keep is not None and value is keep.array:
            return keep
        if value.dtype.kind not in "biufc":
            raise NotSupported("Autograd Lab supports numpy arrays of numbers only")
        return SafeArray(value)
    return value


def charge(interp: Interpreter, elements: int, what: str) -> None:
    """An array about to be made: refused above max_tensor_elements, and counted towards
    max_total_elements as a tensor is (a loop appending np.zeros(4_000_000) stops at the total)."""
    interp.sizes.check_elements(elements, what)
    interp.sizes.total_elements += elements


def array_copy(interp: Interpreter, base: SafeArray) -> SafeArray:
    charge(interp, base.array.size, "copy")
    return SafeArray(base.array.copy())


def _check_result(interp: Interpreter, operands: list, what: str) -> None:
    """The result's element count from the shapes alone (broadcasting; matmul's own rule, worked out
    on torch's meta device, which allocates nothing); numpy reports its own shape errors."""
    shapes = [np.shape(v) for v in operands]
    if what == "matmul":
        try:
            shape = torch.matmul(*(torch.empty(s, device="meta") for s in shapes)).shape
        except Exception:  # noqa: BLE001 - a mismatch: numpy's call reports it
            return
    else:
        try:
            shape = broadcast_shape(*shapes)   # (np.broadcast_shapes stops at 32 dimensions)
        except ValueError:
            raise ProgramValueError("operands could not be broadcast together with shapes "
                                    + " ".join(numpy_shape_text(s) for s in shapes) + " ") from None
    charge(interp, math.prod(shape), what)


def numpy_shape_text(shape: tuple) -> str:
    """A shape as NumPy's messages write it: (2,3), (2,), () (ageron's NumPy tutorial prints one)."""
    return "(" + ",".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"
# NumPy's matrix products are fast (BLAS) in float32 and float64 only: 1e9 multiply-adds took 0.04 s and
# 0.19 s, but 0.5-0.9 s in complex, 0.8-1.2 s in the ints and bool, 7.75 s in float16 (one thread, red team,
# session 31: np.ones((2236, 2236), dtype=np.int64) @ itself, np.dot, np.matmul, np.inner and np.tensordot
# ran past the hard stop). A product of those counts its multiply-adds this many times over,
# PRODUCT_SPEEDUP of them a unit (call_work.py); float32 / float64 stay with the element limits.
NUMPY_PRODUCT_WEIGHT = {"f2": 128, "c": 8, "i": 16, "u": 16, "b": 16}


def product_weight(*arrays: Any) -> int:
    """The largest NUMPY_PRODUCT_WEIGHT of the arrays' dtypes (0: none of them is slow)."""
    weight = 0
    for array in arrays:
        dtype = getattr(array, "dtype", None)
        if isinstance(dtype, np.dtype):
            kind = "f2" if dtype == np.float16 else dtype.kind
            weight = max(weight, NUMPY_PRODUCT_WEIGHT.get(kind, 0))
    return weight


def check_product(interp: Interpreter, what: str, a: Any, b: Any, outputs: int | None = None) -> None:
    """Refuse a matrix product of a slow dtype (product_weight) whose multiply-adds, `outputs` (matmul's
    result size when None) times a's last dimension, pass max_call_work. Scalars and shape errors: NumPy's."""
    from autogradlab.errors import LimitExceeded
    from autogradlab.lang.call_work import PRODUCT_SPEEDUP
    weight = product_weight(a, b)
    shape_a, shape_b = np.shape(a), np.shape(b)
    if not weight or not shape_a or not shape_b:
        return
    if outputs is None:
        try:
            outputs = math.prod(torch.matmul(torch.empty(shape_a, device="meta"),
                                             torch.empty(shape_b, device="meta")).shape)
        except Exception:  # noqa: BLE001 - a mismatch: NumPy's own error
            return
    work = -(-outputs * int(shape_a[-1]) * weight // PRODUCT_SPEEDUP)
    limit = interp.sizes.limits.max_call_work
    if work > limit:   # said as np.tensordot's and torch's call-work messages say it
        raise LimitExceeded(f"{what} of shape {list(shape_a)}, {list(shape_b)} would take about {work:,} "
                            f"arithmetic steps in one call; the limit is {limit:,} per call",
                            hint="use smaller arrays (limit max_call_work)")


def _guarded(fn: Callable[[], Any]) -> Any:
    from autogradlab.lang.operators import python_error
    try:
        with np.errstate(all="ignore"):   # numpy warns on stderr; results are what numpy gives
            return fn()
    except ProgramError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise python_error(exc) from None


def binary(interp: Interpreter, op: str, fn: Callable[..., Any], left: Any, right: Any) -> Any:
    """left <op> right when an array or numpy scalar is involved (operators.py routes it here). A list
    or tuple beside an array is the array NumPy makes of it (`Z == [0, 1, 2]`), sized first."""
    if isinstance(left, (list, tuple)) and type(right) is SafeArray or \
            isinstance(right, (list, tuple)) and type(left) is SafeArray:
        left, right = lists_as_arrays(interp, [left, right])
    if op in ("eq", "ne") and (type(left) is str) != (type(right) is str):   # `if out == "":` (Kyubyong's
        a, b = (v if type(v) is str else _raw(v, op) for v in (left, right))   # exercises): NumPy 2 finds no
        charge(interp, int(np.size(b if type(a) is str else a)), op)   # number equal to a text, elementwise
        return _wrap(_guarded(lambda: fn(a, b)))
    a = left if big_int_beside(left, right) else _raw(left, op)   # np.float64(2.0) * 10**30: NumPy's answer
    b = right if big_int_beside(right, left) else _raw(right, op)
    _check_result(interp, [a, b], op)
    if op == "matmul":
        check_product(interp, "matmul", a, b)
    result = _guarded(lambda: fn(a, b))
    return _wrap(result, left if isinstance(left, SafeArray) else None)


def unary(interp: Interpreter, fn: Callable[..., Any], value: Any) -> Any:
    charge(interp, int(np.size(_raw(value, "the operator"))), "the operator")
    return _wrap(_guarded(lambda: fn(_raw(value, "the operator"))))


# -- np.* functions -----------------------------------------------------------------------------
def _dtype(kwargs: dict) -> Any:
    dtype = kwargs.get("dtype")
    if dtype is None:
        return None
    if isinstance(dtype, SafeNumpyDtype):
        return dtype.dtype
    if isinstance(dtype, str):   # np.zeros(3, dtype='float32') (numpy_dtype_names.py)
        from autogradlab.lang.numpy_dtype_names import dtype_named
        return dtype_named(dtype).dtype
    if dtype in (int, float, bool, complex):
        return dtype
    from autogradlab.lang.safe_values import SafeType
    if isinstance(dtype, SafeType) and dtype.py_type in (int, float, bool, complex):
        return dtype.py_type
    raise ProgramTypeError("dtype= needs a numpy dtype such as np.float32")


def _shape(value: Any) -> tuple[int, ...]:
    items = value if isinstance(value, (tuple, list)) else (value,)
    if not all(isinstance(n, (int, np.integer)) and not isinstance(n, bool) for n in items):
        raise ProgramTypeError("a numpy shape must be an int or a tuple of ints")
    if len(items) > _MAX_DIMS:   # NumPy 2's words and class (red team s44: "... is 32", a TypeError, also
        from autogradlab.lang.operators import python_error  # for the 33-64 dimensions NumPy makes)
        raise python_error(ValueError(f"maximum supported dimension for an ndarray is currently {_MAX_DIMS}, "
                                      f"found {len(items)}"))
    return tuple(int(n) for n in items)


_MAX_DIMS = 64   # NumPy 2's NPY_MAXDIMS


def _filled(name: str, fill: Callable[..., Any]):  # noqa: ANN202
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeArray:
        named = ("shape", "dtype", "order")[:len(args)]
        if not 1 <= len(args) <= 3 or set(kwargs) - {"dtype", "order"} or set(kwargs) & set(named):
            raise NotSupported(f"Autograd Lab supports `np.{name}(shape, dtype=...)`")
        bound = dict(zip(named, args, strict=True)) | kwargs   # np.zeros((3, 1), int, 'F'), order='F' (s41)
        order = bound.pop("order", "C")
        if type(order) is not str:
            raise NotSupported(f"Autograd Lab supports `np.{name}(shape, dtype=...)`")
        kwargs = {"dtype": bound["dtype"]} if "dtype" in bound else {}
        shape = _shape(args[0])
        if any(n < 0 for n in shape):   # NumPy's ValueError (it was a TypeError: red team s44)
            from autogradlab.lang.operators import python_error
            raise python_error(ValueError("negative dimensions are not allowed"))
        from autogradlab.lang.numpy_record_making import dtype_spec, record_filled
        if (spec := dtype_spec(kwargs.get("dtype"))) is not None:   # np.zeros(2, dtype='i8, f4, ?, S1')
            return record_filled(interp, name, shape, spec)
        charge(interp, math.prod(shape), f"np.{name}")
        dtype = _dtype(kwargs)
        return SafeArray(_guarded(lambda: fill(shape, dtype=dtype, order=order)))   # order='K': NumPy's error
    return impl


def _number(value: Any, what: str) -> Any:
    if isinstance(value, (*_PLAIN_NUMBERS, np.number)) and not isinstance(value, complex):
        return value
    raise ProgramTypeError(f"{what} must be a number")


def _arange(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeArray:
    if not 1 <= len(args) <= 3 or set(kwargs) - {"dtype"}:
        raise NotSupported("Autograd Lab supports `np.arange([start,] stop[, step], dtype=...)`")
    values = [_number(v, "np.arange's arguments") for v in args]
    if len(values) == 1:
        values = [0, values[0]]
    start, stop, step = values[0], values[1], values[2] if len(values) == 3 else 1
    if step == 0:
        raise ProgramTypeError("np.arange: step must not be zero")
    count = (stop - start) / step
    if not math.isfinite(count):
        raise ProgramTypeError("np.arange: the bounds must be finite")
    charge(interp, max(0, math.ceil(count)), "np.arange")
    return SafeArray(_guarded(lambda: np.arange(start, stop, step, dtype=_dtype(kwargs))))


def _linspace(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeArray:
    if len(args) < 2 and not set(("start", "stop")[len(args):]) - set(kwargs):   # (NumPy's np.absolute page)
        args = [*args, *(kwargs[k] for k in ("start", "stop")[len(args):])]   # linspace(start=-10, stop=10)
        kwargs = {k: v for k, v in kwargs.items() if k not in ("start", "stop")}
    if not 2 <= len(args) <= 3 or set(kwargs) - {"num", "dtype", "endpoint"}:
        raise NotSupported("Autograd Lab supports `np.linspace(start, stop, num=50, endpoint=True, "
                           "dtype=...)`")
    start, stop = (_bound(v) for v in lists_as_arrays(interp, list(args[:2])))   # 1+1.j, an array
    num = args[2] if len(args) == 3 else kwargs.get("num", 50)
    if not isinstance(num, (int, np.integer)) or isinstance(num, bool) or num < 0:
        raise ProgramTypeError("np.linspace: num must be a non-negative int")
    try:   # arrays of bounds: one row of num values for each pair (how-to-partition)
        lanes = math.prod(np.broadcast_shapes(np.shape(start), np.shape(stop)))
    except ValueError:
        lanes = 1   # NumPy says so
    charge(interp, int(num) * max(lanes, 1), "np.linspace")
    endpoint = bool(kwargs.get("endpoint", True))
    return SafeArray(_guarded(lambda: np.linspace(start, stop, int(num), endpoint=endpoint,
                                                  dtype=_dtype(kwargs))))


def _bound(value: Any) -> Any:
    """np.linspace's start or stop: a number (complex too) or a numeric array."""
    if isinstance(value, SafeArray):
        return value.array
    if isinstance(value, (*_PLAIN_NUMBERS, np.number)) and not isinstance(value, bool):
        return value
    raise ProgramTypeError("np.linspace's bounds must be a number")


def lists_as_arrays(interp: Interpreter, args: list) -> list:
    """`np.abs([-1, -2, 1, 2])`, `np.mean(data)` (MorvanZhou's torch_numpy): a list or tuple argument
    becomes an array exactly as `np.array(data)` makes it (sized before it is built, numbers only);
    everything else is left for _raw to accept or refuse."""
    from autogradlab.lang.namespaces import _np_array
    return [_np_array(interp, [a], {}, None) if isinstance(a, (list, tuple)) else a for a in args]


def _ufunc2(name: str):  # noqa: ANN202
    ufunc = getattr(np, name)

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if not kwargs and len(args) == 2 and is_scalar_operand(args[0]) and is_scalar_operand(args[1]):
            return scalar_ufunc(interp, f"np.{name}", ufunc, args[0], args[1])   # np.maximum(x, 0.0)
        if len(args) != 2 or set(kwargs) - {"out", "dtype", "where"}:
            raise NotSupported(f"Autograd Lab supports `np.{name}(x1, x2, out=..., dtype=..., where=...)`")
        args = lists_as_arrays(interp, args)
        a, b = (value if big_int_beside(value, other) else _raw(value, f"np.{name}")   # np.maximum(x, 10**30)
                for value, other in (args, args[::-1]))
        _check_result(interp, [a, b], f"np.{name}")
        out = kwargs.get("out")
        extra = _where(interp, name, kwargs, out)
        if kwargs.get("dtype") is not None:   # np.power(100, 9, dtype=np.int32)
            extra["dtype"] = _dtype(kwargs)
        if out is None:
            return _wrap(_guarded(lambda: ufunc(a, b, **extra)))
        if not isinstance(out, SafeArray):
            raise ProgramTypeError(f"np.{name}: out= must be a numpy array")
        _guarded(lambda: ufunc(a, b, out=out.array, **extra))   # numpy checks the shape and the cast itself
        return out
    return SafeFunction(f"numpy.{name}", impl)


def _where(interp: Interpreter, name: str, kwargs: dict, out: Any) -> dict:
    """where= (rougier's boids: `np.divide(a, b, out=a, where=b != 0)`) only with out=: without it NumPy
    leaves the unpicked elements as the new array's memory held before (never initialised)."""
    if kwargs.get("where", True) is True:
        return {}
    if out is None:
        raise NotSupported(f"`np.{name}(..., where=...)` without out= is not supported in Autograd Lab (the "
                           f"elements it skips would be uninitialised memory)")
    return {"where": _raw(lists_as_arrays(interp, [kwargs["where"]])[0], f"np.{name}")}


def _ufunc1(name: str):  # noqa: ANN202
    ufunc = getattr(np, name)

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if not kwargs and len(args) == 1 and is_scalar_operand(args[0]):   # np.exp(x) of an np.float64
            return scalar_ufunc(interp, f"np.{name}", ufunc, args[0])
        if len(args) == 2 and "out" not in kwargs:   # np.cos([0.1], out1): out given by position
            args, kwargs = args[:1], {**kwargs, "out": args[1]}
        if len(args) != 1 or set(kwargs) - {"out"}:
            raise NotSupported(f"Autograd Lab supports `np.{name}(x, out=...)`")
        args = lists_as_arrays(interp, args)
        object_array_refusal(args[:1])   # np.abs(10**30), np.sqrt(10**30): NumPy's object loop
        charge(interp, int(np.size(_raw(args[0], f"np.{name}"))), f"np.{name}")
        out = kwargs.get("out")
        if out is None:
            return _wrap(_guarded(lambda: ufunc(_raw(args[0], f"np.{name}"))))
        if not isinstance(out, SafeArray):   # `np.negative(A, out=A)` (numpy-100, exercise 35)
            raise ProgramTypeError(f"np.{name}: out= must be a numpy array")
        _guarded(lambda: ufunc(_raw(args[0], f"np.{name}"), out=out.array))   # numpy checks shape and cast
        return out
    impl.scalar_ufunc = (f"np.{name}", ufunc)   # its scalar case (compiled_module_calls.plain_site)
    return SafeFunction(f"numpy.{name}", impl)


def _reduction(name: str):  # noqa: ANN202
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if not 1 <= len(args) <= 2 or set(kwargs) - _reduce_keywords(name) or args[1:] and "axis" in kwargs:
            raise NotSupported(f"Autograd Lab supports `np.{name}(x, axis=..., keepdims=...)`")
        return reduce(name, lists_as_arrays(interp, args[:1])[0], _axis_given(args[1:], kwargs))
    return SafeFunction(f"numpy.{name}", impl)


def _axis_given(args: list, kwargs: dict) -> dict:
    """`a.argmax(0)`, `np.sum(a, 1)`: the one positional argument after the array is the axis."""
    return {**kwargs, "axis": args[0]} if args else kwargs


# np.sum(a, dtype=np.int32), np.mean(a, dtype=np.float64) (NumPy's docstrings; session 35): the sum's
# type, a numeric dtype only (_dtype), the result no larger than without it
_DTYPE_REDUCTIONS = frozenset({"sum", "mean", "prod"})


def _reduce_keywords(name: str) -> set[str]:
    return {"axis", "keepdims", "dtype"} if name in _DTYPE_REDUCTIONS else {"axis", "keepdims"}


def reduce(name: str, value: Any, kwargs: dict) -> Any:
    axis = kwargs.get("axis")
    if axis is not None and not isinstance(axis, (int, tuple)):
        raise ProgramTypeError("axis must be an int or a tuple of ints")
    array = _raw(value, f"np.{name}")
    dtype = {"dtype": _dtype(kwargs)} if kwargs.get("dtype") is not None else {}
    return _wrap(_guarded(lambda: getattr(np, name)(array, axis=axis,
                                                    keepdims=bool(kwargs.get("keepdims", False)), **dtype)))


def _clip(interp: Interpreter, args: list, kwargs: dict, node: ast.AST | None, *,
          method: bool = False) -> Any:
    """np.clip(a, a_min, a_max) (also min=/max=, NumPy 2): pytorchTutorial's cross entropy in NumPy
    clips the probabilities. Only numbers, arrays and None reach numpy, which words its own errors;
    the result is sized like the broadcast of its operands first. `method`: the array's own
    `a.clip(0.0)`, whose bounds are both optional in NumPy (np.clip wants both: Understanding Deep
    Learning's ReLU is `preactivation.clip(0.0)`)."""
    if len(args) > 3 or set(kwargs) - {"a_min", "a_max", "min", "max"}:
        raise NotSupported("Autograd Lab supports `np.clip(x, a_min, a_max)`")
    if not method:   # np.clip(10**30, 0, 1): NumPy's 1 (numpy_big_ints.scalar_call)
        answer = scalar_call(np.clip, args, kwargs)
        if answer is not NOT_SCALARS:
            return answer
    raw_args = [None if v is None else _raw(v, "np.clip") for v in args]   # np.clip(a, 0, None)
    raw_kwargs = {k: None if v is None else _raw(v, "np.clip") for k, v in kwargs.items()}
    operands = [v for v in [*raw_args, *raw_kwargs.values()] if v is not None]
    if operands:
        _check_result(interp, operands, "np.clip")
    if method:
        return _wrap(_guarded(lambda: raw_args[0].clip(*raw_args[1:], **raw_kwargs)))
    return _wrap(_guarded(lambda: np.clip(*raw_args, **raw_kwargs)))


UFUNCS2 = ("add", "subtract", "multiply", "divide", "power", "maximum", "minimum")
UFUNCS1 = ("sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "square", "negative")
REDUCTIONS = ("sum", "mean", "max", "min", "prod", "argmax", "argmin")


def numpy_members() -> dict[str, SafeFunction]:
    return {
        "ones": SafeFunction("numpy.ones", _filled("ones", np.ones)),
        "zeros": SafeFunction("numpy.zeros", _filled("zeros", np.zeros)),
        "arange": SafeFunction("numpy.arange", _arange),
        "linspace": SafeFunction("numpy.linspace", _linspace),
        "clip": SafeFunction("numpy.clip", _clip),
        **{name: _ufunc2(name) for name in UFUNCS2},
        **{name: _ufunc1(name) for name in UFUNCS1},
        **{name: _reduction(name) for name in REDUCTIONS},
        **numpy_scan_members(),   # np.cumsum, np.cumprod
    }


def make_scalar(dtype: SafeNumpyDtype, args: list, kwargs: dict) -> Any:
    """np.float64(2.5), np.int32(3): a number becomes a numpy scalar (nothing else does)."""
    if SCALAR_CONVERT and not kwargs and len(args) == 1 and is_scalar_operand(args[0]):   # np.float64(k) in
        return convert_scalar(dtype.dtype.type, args[0])   # a loop (issue 9): the way below, shorter
    if kwargs or len(args) != 1 or not isinstance(args[0], (*_PLAIN_NUMBERS, *NUMPY_SCALARS)):
        raise NotSupported(f"Autograd Lab supports `np.{dtype.text}(number)`")
    value = args[0] if type(args[0]) is int else _raw(args[0], f"np.{dtype.text}")   # np.float64(10**30):
    return _guarded(lambda: dtype.dtype.type(value))   # NumPy's own answer for any int (its OverflowError)


# -- array methods ------------------------------------------------------------------------------
def array_method(interp: Interpreter, base: Any, name: str, args: list, kwargs: dict) -> Any:
    """An array's methods, and the same methods of a numpy scalar (`np.dot(a, b).mean()`: NumPy gives
    its scalars the array methods)."""
    raw = _raw(base, f".{name}()")
    if name in REDUCTIONS:
        if len(args) > 1 or set(kwargs) - _reduce_keywords(name) or args and "axis" in kwargs:
            raise NotSupported(f"Autograd Lab supports `.{name}(axis=..., keepdims=...)` on arrays")
        return reduce(name, base, _axis_given(args, kwargs))
    if name in SCANS:   # b.cumsum(axis=1) (numpy_scans.py)
        return scan(interp, name, base, args, kwargs)
    if name == "reshape":
        if set(kwargs) - {"order"}:
            raise NotSupported("Autograd Lab supports `a.reshape(shape, order='C')`")
        from autogradlab.lang.numpy_order_arg import order_arg  # a.reshape(2, 3, order='F') (session 35)
        order = order_arg(kwargs.get("order", "C"))   # NumPy's own words for None, 'K', 'x' (session 36)
        shape = _shape(args[0] if len(args) == 1 else tuple(args))
        return _wrap(_guarded(lambda: raw.reshape(shape, order=order)))
    if name == "item" and not args and not kwargs:
        return _guarded(lambda: raw.item())
    if name == "setflags" and isinstance(raw, np.ndarray):   # a.setflags(write=False) (numpy_flags.py, s42)
        from autogradlab.lang.numpy_flags import setflags
        return setflags(interp, raw, args, kwargs)
    if name == "tobytes" and not args and not kwargs:   # Z[1, 1].tobytes(), Z.tobytes() (rougier ch. 3)
        from autogradlab.lang.bytes_values import to_bytes
        return to_bytes(interp, raw, "a.tobytes()")
    if name == "flatten" and len(args) + len(kwargs) <= 1 and set(kwargs) <= {"order"}:   # a copy
        from autogradlab.lang.numpy_order_arg import order_arg
        order = order_arg(args[0] if args else kwargs.get("order", "C"))   # `X.flatten()`, `a.flatten('F')`
        charge(interp, raw.size, name)
        return _wrap(_guarded(lambda: raw.flatten(order)))
    if name == "astype" and len(args) == 1 and set(kwargs) <= {"casting"}:
        from autogradlab.lang.numpy_strings import as_strings, fixed_width, is_str_type
        if is_str_type(args[0]) and isinstance(raw, np.ndarray) and not kwargs:   # a.astype(str)
            return as_strings(interp, raw)   # (numpy_strings.py)
        if fixed_width(args[0]) is not None and isinstance(raw, np.ndarray) and not kwargs:   # a.astype('U5')
            return as_strings(interp, raw, fixed_width(args[0]))
        casting = kwargs.get("casting", "unsafe")   # casting="same_value" (basics.types)
        if casting not in CASTINGS:
            raise ProgramTypeError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'same_value', "
                                   "or 'unsafe'")
        charge(interp, int(np.size(raw)), "astype")
        return _wrap(_guarded(lambda: raw.astype(_dtype({"dtype": args[0]}), casting=casting)))
    if name in MORE_ARRAY_METHODS:   # a.std(), a.transpose(), a.sort(), ... (numpy_array_methods.py)
        from autogradlab.lang.numpy_array_methods import more_array_method  # (it imports this module)
        return more_array_method(interp, base, name, args, kwargs)
    raise NotSupported(f"the numpy method `.{name}()` is not supported in Autograd Lab")


CASTINGS = ("no", "equiv", "safe", "same_kind", "same_value", "unsafe")
# numpy_array_methods.py's names (kept here: that module imports this one)
MORE_ARRAY_METHODS = frozenset({"std", "var", "any", "all", "swapaxes", "squeeze", "ravel", "argsort",
                                "transpose", "clip", "nonzero", "diagonal", "trace", "conj", "conjugate",
                                "repeat", "take", "view", "fill", "sort", "partition",
                                "searchsorted", "put"})   # (s40: wesm appendix A)
ARRAY_METHODS = (frozenset(REDUCTIONS) | frozenset(SCANS) | MORE_ARRAY_METHODS
                 | {"reshape", "item", "astype", "flatten", "tobytes", "setflags"})
UNARY_FUNCTIONS = {"neg": operator.neg, "positive": operator.pos}

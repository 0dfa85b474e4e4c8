"""np.char, NumPy's string functions on arrays of strings, as Datawhale's powerful-numpy lessons show
them (issue 9, session 33): case (`np.char.upper`, `title`, `swapcase`, ...), `strip`, padding
(`center`, `ljust`, `rjust`, `zfill`), `add`, `multiply`, `replace`, the comparisons, the predicates
(`isdigit`, `isalpha`, ...) and the searches (`find`, `count`, `str_len`, `startswith`, ...).

The inputs are strings, lists of strings or string arrays (numpy_strings.StringArray); a list becomes
a string array as np.array makes it (its width worked out first). A result of strings is bounded
before NumPy makes it, as every string array is: elements * width at most MAX_STRING_CHARS, the width
worked out from the inputs (`multiply` by n: n times the width; `replace`: each possible match
replaced; the padding functions: the width asked for). Results of numbers or bools are arrays,
charged as any NumPy result. The other np.char functions (split, partition, join, translate, encode,
chararray) make object or bytes arrays, which Autograd Lab does not hold: not taken.
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported, ProgramTypeError
from autogradlab.lang.numpy_ops import _guarded, _wrap, charge
from autogradlab.lang.numpy_strings import (
    StringArray,
    _check_compared,
    charge_chars,
    check_chars,
    make_string_array,
)
from autogradlab.lang.safe_values import Namespace, SafeFunction, SafeType

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

CASES = ("upper", "lower", "title", "swapcase", "capitalize")
STRIPS = ("strip", "lstrip", "rstrip")
PREDICATES = ("isupper", "islower", "istitle", "isspace", "isnumeric", "isdigit", "isdecimal", "isalpha",
              "isalnum")
SEARCHES = ("count", "find", "rfind", "index", "rindex", "startswith", "endswith")
COMPARISONS = ("equal", "not_equal", "less", "less_equal", "greater", "greater_equal")
PADS = ("center", "ljust", "rjust")


def _strings(interp: Interpreter, value: Any, what: str) -> np.ndarray:
    """A string, a list of strings or a string array, as NumPy's '<U' array (sized first)."""
    if isinstance(value, StringArray):
        return value.array
    if isinstance(value, str):
        check_chars(1, len(value), what)
        return np.asarray(value)
    if isinstance(value, (list, tuple)):
        interp.sizes.check_nested(value, what)
        return make_string_array(interp, value).array
    raise NotSupported(f"{what} takes strings, lists of strings or numpy arrays of strings in Autograd Lab")


def _text(value: Any, what: str) -> str:
    if isinstance(value, str):
        return value
    raise ProgramTypeError(f"{what} must be a string")


def _position(value: Any, what: str) -> int | None:
    if value is None or isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return value
    raise ProgramTypeError(f"{what} must be an int or None")


def _width(a: np.ndarray) -> int:
    return a.dtype.itemsize // 4


def _result(interp: Interpreter, result: Any) -> Any:
    if isinstance(result, np.ndarray) and result.dtype.kind == "U":
        return StringArray(result)
    return _wrap(result)


def _bind(name: str, params: tuple[str, ...], args: list, kwargs: dict, required: int) -> dict[str, Any]:
    if len(args) > len(params) or set(kwargs) - set(params) or set(params[:len(args)]) & set(kwargs):
        raise NotSupported(f"Autograd Lab supports `np.char.{name}({', '.join(params)})`")
    bound = dict(zip(params, args, strict=False)) | kwargs
    if any(p not in bound for p in params[:required]):
        raise NotSupported(f"Autograd Lab supports `np.char.{name}({', '.join(params)})`")
    return bound


def _same_width(name: str) -> SafeFunction:
    """upper, lower, title, swapcase, capitalize (same width) and strip / lstrip / rstrip (narrower)."""
    params = ("a", "chars") if name in STRIPS else ("a",)

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        bound = _bind(name, params, args, kwargs, 1)
        a = _strings(interp, bound["a"], f"np.char.{name}")
        chars = bound.get("chars")
        extra = () if name not in STRIPS else (None if chars is None else _text(chars, "chars"),)
        check_chars(int(a.size), _width(a), f"np.char.{name}")
        if chars:
            _check_stripped(interp, name, int(a.size) * _width(a), len(chars))
        charge(interp, int(a.size), f"np.char.{name}")
        return _result(interp, _guarded(lambda: getattr(np.char, name)(a, *extra)))
    return SafeFunction(f"numpy.char.{name}", impl)


def _check_stripped(interp: Interpreter, name: str, chars: int, given: int) -> None:
    """NumPy looks each character of the strings up in `chars` one by one: 1,000,000 characters stripped of
    a 100,000-character `chars` ran 4.4-5 s in one call (red team, session 34); at most max_call_work."""
    work, limit = chars * given, interp.sizes.limits.max_call_work
    if work > limit:
        raise LimitExceeded(f"`np.char.{name}` would look {chars:,} characters up in chars of {given:,} "
                            f"characters, about {work:,} steps in one call; the limit is {limit:,} per call",
                            hint="use shorter strings or a shorter chars (limit max_call_work)")


def _predicate(name: str) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        bound = _bind(name, ("a",), args, kwargs, 1)
        a = _strings(interp, bound["a"], f"np.char.{name}")
        charge(interp, int(a.size), f"np.char.{name}")
        return _result(interp, _guarded(lambda: getattr(np.char, name)(a)))
    return SafeFunction(f"numpy.char.{name}", impl)


def _str_len(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    a = _strings(interp, _bind("str_len", ("a",), args, kwargs, 1)["a"], "np.char.str_len")
    charge(interp, int(a.size), "np.char.str_len")
    return _result(interp, _guarded(lambda: np.char.str_len(a)))


def _search(name: str) -> SafeFunction:
    """count / find / rfind / index / rindex (a, sub, start, end) and startswith / endswith (a, prefix,
    start, end): a number or bool for each string."""
    word = "prefix" if name == "startswith" else "suffix" if name == "endswith" else "sub"
    params = ("a", word, "start", "end")

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        bound = _bind(name, params, args, kwargs, 2)
        a = _strings(interp, bound["a"], f"np.char.{name}")
        sub = _text(bound[word], word)
        start = _position(bound.get("start", 0), "start")
        end = _position(bound.get("end"), "end")
        charge(interp, int(a.size), f"np.char.{name}")
        return _result(interp, _guarded(lambda: getattr(np.char, name)(a, sub, start, end)))
    return SafeFunction(f"numpy.char.{name}", impl)


def _pair(interp: Interpreter, name: str, args: list, kwargs: dict) -> tuple[np.ndarray, np.ndarray, int]:
    bound = _bind(name, ("x1", "x2"), args, kwargs, 2)
    x1, x2 = (_strings(interp, bound[k], f"np.char.{name}") for k in ("x1", "x2"))
    try:
        size = math.prod(np.broadcast_shapes(x1.shape, x2.shape))
    except ValueError:
        size = 0   # NumPy's own shape error follows
    return x1, x2, size


def _comparison(name: str) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        x1, x2, size = _pair(interp, name, args, kwargs)
        # every pair compared up to the wider width: (2000, 1) against (1, 2000) of 500 characters ran
        # 10 s in one NumPy call (red team 2, session 33), as `==` of string arrays did before its bound
        _check_compared(size, max(_width(x1), _width(x2)), f"np.char.{name}")
        charge(interp, size, f"np.char.{name}")
        return _result(interp, _guarded(lambda: getattr(np.char, name)(x1, x2)))
    return SafeFunction(f"numpy.char.{name}", impl)


def _add(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    x1, x2, size = _pair(interp, "add", args, kwargs)
    charge_chars(interp, size, _width(x1) + _width(x2), "np.char.add")
    return _result(interp, _guarded(lambda: np.char.add(x1, x2)))


def _multiply(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    bound = _bind("multiply", ("a", "i"), args, kwargs, 2)
    a = _strings(interp, bound["a"], "np.char.multiply")
    times = bound["i"]
    if isinstance(times, (int, np.integer)) and not isinstance(times, bool):
        most, shape = int(times), ()
    else:
        raise NotSupported("Autograd Lab supports `np.char.multiply(a, i)` with i an int")
    size = math.prod(np.broadcast_shapes(a.shape, shape))
    charge_chars(interp, size, _width(a) * max(most, 0), "np.char.multiply")
    return _result(interp, _guarded(lambda: np.char.multiply(a, most)))


def _replace(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    bound = _bind("replace", ("a", "old", "new", "count"), args, kwargs, 3)
    a = _strings(interp, bound["a"], "np.char.replace")
    old, new = _text(bound["old"], "old"), _text(bound["new"], "new")
    count = bound.get("count", -1)
    if not isinstance(count, (int, np.integer)) or isinstance(count, bool):
        raise ProgramTypeError("count must be an int")
    width = _width(a)
    matches = width // len(old) if old else width + 1   # at most this many in one string
    if count >= 0:
        matches = min(matches, int(count))
    charge_chars(interp, int(a.size), width + matches * max(0, len(new) - len(old)), "np.char.replace")
    return _result(interp, _guarded(lambda: np.char.replace(a, old, new, count)))


def _pad(name: str) -> SafeFunction:
    """center / ljust / rjust (a, width, fillchar=' ') and zfill (a, width): max(width, the strings')."""
    params = ("a", "width") if name == "zfill" else ("a", "width", "fillchar")

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        bound = _bind(name, params, args, kwargs, 2)
        a = _strings(interp, bound["a"], f"np.char.{name}")
        width = bound["width"]
        if not isinstance(width, (int, np.integer)) or isinstance(width, bool):
            raise NotSupported(f"Autograd Lab supports `np.char.{name}(a, width)` with width an int")
        fill = () if name == "zfill" else (_text(bound.get("fillchar", " "), "fillchar"),)
        charge_chars(interp, int(a.size), max(_width(a), int(width)), f"np.char.{name}")
        return _result(interp, _guarded(lambda: getattr(np.char, name)(a, int(width), *fill)))
    return SafeFunction(f"numpy.char.{name}", impl)


# np.str_, the dtype of string arrays as lessons name it: `np.array([1], dtype=np.str_)` (numpy_strings'
# is_str_type takes it as `str`); calling it (np.str_('a')) is refused by name
NUMPY_STR_MEMBERS = {"str_": SafeType("numpy.str_", np.str_)}


def numpy_char_namespace() -> Namespace:
    return Namespace("numpy.char", {
        **{name: _same_width(name) for name in (*CASES, *STRIPS)},
        **{name: _predicate(name) for name in PREDICATES},
        **{name: _search(name) for name in SEARCHES},
        **{name: _comparison(name) for name in COMPARISONS},
        **{name: _pad(name) for name in (*PADS, "zfill")},
        "str_len": SafeFunction("numpy.char.str_len", _str_len),
        "add": SafeFunction("numpy.char.add", _add),
        "multiply": SafeFunction("numpy.char.multiply", _multiply),
        "replace": SafeFunction("numpy.char.replace", _replace),
    })

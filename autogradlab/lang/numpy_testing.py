"""numpy.testing's comparisons (`np.testing.assert_allclose(a, b)`, `assert_array_equal`, `assert_equal`,
...), as NumPy lessons use them to show that two results agree (Datawhale's powerful-numpy, issue 9,
session 33): NumPy's own comparison runs, and a mismatch is NumPy's own AssertionError with its text,
which try/except catches as any error of the program.

Only numbers, numpy arrays and short lists / tuples of them reach NumPy (torch_testing's MAX_ITEMS bounds
the lists: NumPy's assert_equal walks a list item by item); err_msg= is a string and the tolerances are
numbers. The comparison's temporaries are the size of its inputs, which the program already holds; the
mismatch text prints the arrays with NumPy's summarised repr (at most 1,000 items: _summarised).
assert_raises / assert_warns (they call a function of the program inside NumPy) are not taken.
"""

from __future__ import annotations

import ast
import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.testing as npt

from autogradlab.errors import NotSupported
from autogradlab.lang.numpy_ops import NUMPY_SCALARS, _wrap
from autogradlab.lang.numpy_testing_names import NUMPY_TESTING_NAMES
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import Namespace, SafeArray, SafeFunction
from autogradlab.lang.torch_testing import MAX_DEPTH, MAX_ITEMS

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_NUMBERS = (bool, int, float, complex, *NUMPY_SCALARS)
# each function's keyword arguments and the kind of value each takes
_BOOL, _NUMBER, _TEXT = "True or False", "a number", "a string"
ASSERTIONS: dict[str, dict[str, str]] = {
    "assert_equal": {"err_msg": _TEXT, "verbose": _BOOL, "strict": _BOOL},
    "assert_array_equal": {"err_msg": _TEXT, "verbose": _BOOL, "strict": _BOOL},
    "assert_allclose": {"rtol": _NUMBER, "atol": _NUMBER, "equal_nan": _BOOL, "err_msg": _TEXT,
                        "verbose": _BOOL, "strict": _BOOL},
    "assert_almost_equal": {"decimal": _NUMBER, "err_msg": _TEXT, "verbose": _BOOL},
    "assert_array_almost_equal": {"decimal": _NUMBER, "err_msg": _TEXT, "verbose": _BOOL},
    "assert_array_less": {"err_msg": _TEXT, "verbose": _BOOL, "strict": _BOOL},
    "assert_string_equal": {},
    "assert_array_max_ulp": {"maxulp": _NUMBER},
    "assert_array_almost_equal_nulp": {"nulp": _NUMBER},
}
_POSITIONAL = {"assert_allclose": ("rtol", "atol", "equal_nan", "err_msg", "verbose"),
               "assert_almost_equal": ("decimal", "err_msg", "verbose"),
               "assert_array_almost_equal": ("decimal", "err_msg", "verbose"),
               "assert_array_max_ulp": ("maxulp",), "assert_array_almost_equal_nulp": ("nulp",)}


def _plain(name: str, value: Any, budget: list[int], depth: int = 0) -> Any:
    """The value with its numpy arrays unwrapped; NotSupported for anything NumPy should not see."""
    budget[0] -= 1
    if depth > MAX_DEPTH or budget[0] < 0:
        raise NotSupported(f"Autograd Lab's np.testing.{name} compares at most {MAX_ITEMS:,} values in "
                           "lists and tuples; compare arrays instead")
    if isinstance(value, _NUMBERS) or value is None:
        return value
    if isinstance(value, SafeArray):
        return value.array
    if type(value) is list or type(value) is tuple:
        return type(value)(_plain(name, item, budget, depth + 1) for item in value)
    if type(value) is str and name in ("assert_equal", "assert_string_equal"):
        return value
    raise NotSupported(f"Autograd Lab's np.testing.{name} compares numbers, numpy arrays and lists or "
                       "tuples of them")


def _option(name: str, key: str, value: Any) -> Any:
    kind = ASSERTIONS[name].get(key)
    if kind is None:
        raise python_error(TypeError(f"{name}() got an unexpected keyword argument '{key}'"))
    ok = {_BOOL: isinstance(value, (bool, np.bool_)),
          _NUMBER: isinstance(value, (int, float, *NUMPY_SCALARS)) and not isinstance(value, bool),
          _TEXT: isinstance(value, str)}[kind]
    if not ok:
        raise NotSupported(f"`np.testing.{name}({key}=...)` takes {kind} in Autograd Lab")
    return value


@contextlib.contextmanager
def _summarised() -> Iterator[None]:
    """NumPy's mismatch text written with at most its default threshold and edge items (the program may
    have raised both: numpy_print_options.py), so it stays as bounded as before (session 36)."""
    options = np.get_printoptions()
    with np.printoptions(threshold=min(options["threshold"], 1000), edgeitems=min(options["edgeitems"], 3)):
        yield


def _assertion(name: str) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        positional = _POSITIONAL.get(name, ())
        if len(args) < 2 or len(args) > 2 + len(positional):
            raise NotSupported(f"Autograd Lab supports `np.testing.{name}(actual, desired, ...)`")
        given = dict(zip(positional, args[2:], strict=False))
        for key, value in kwargs.items():
            if key in given:
                raise python_error(TypeError(f"{name}() got multiple values for argument '{key}'"))
            given[key] = value
        options = {key: _option(name, key, value) for key, value in given.items()}
        actual = _plain(name, args[0], [MAX_ITEMS + 1])
        desired = _plain(name, args[1], [MAX_ITEMS + 1])
        try:
            with _summarised():
                result = getattr(npt, name)(actual, desired, **options)
        except Exception as exc:  # noqa: BLE001 - NumPy's AssertionError / TypeError / ValueError, its text
            raise python_error(exc) from None
        return _wrap(result) if isinstance(result, np.ndarray) else None   # assert_array_max_ulp: the ulps
    return SafeFunction(f"numpy.testing.{name}", impl)


def numpy_testing_namespace() -> Namespace:
    assert tuple(ASSERTIONS) == NUMPY_TESTING_NAMES
    return Namespace("numpy.testing", {name: _assertion(name) for name in NUMPY_TESTING_NAMES})

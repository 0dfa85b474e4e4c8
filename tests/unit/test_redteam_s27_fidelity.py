"""Red team, session 27: the wrong values found while attacking session 26's additions, each now as
CPython gives it (CPython run in a child process as the oracle): reversed(L) read L ahead (CPython's
reverse iterator reads the list at each next()) and reversed(range(10**18)) was refused; suppress(int)
raised a TypeError where CPython's issubclass says False; `np.pi = array` said "to a this value"."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS


def _run(program: str, **limits: int):
    return run_program(program, limits=dataclasses.replace(DEFAULT_LIMITS, **limits), torchviz=False), 0


# -- 3. reversed() of a list or a range: CPython's lazy reverse iterators ---------------------------
REVERSED = """r = reversed(range(10**18))
print(next(r), next(r))
print(list(reversed(range(0, 30, 7))), list(reversed(range(5, -6, -3))), list(reversed(range(0))))
L = [1, 2, 3]
r = reversed(L)
L.append(4)
print(list(r))
L = [1, 2, 3]
r = reversed(L)
L.clear()
print(list(r))
L = [1, 2, 3]
r = reversed(L)
print(next(r))
L.pop()
L.pop()
print(list(r))
L.extend([7, 8])
print(list(r))
print(type(reversed([])).__name__, type(reversed(range(3))).__name__)
n = 0
for i in reversed(range(10**9)):
    n += 1
    if n > 5:
        break
print(n, i)
"""


def test_reversed_list_and_range_are_cpythons_lazy_iterators():
    """base27: [3, 2, 1] after L.clear() (CPython: []), and reversed(range(10**18)) refused."""
    expected = subprocess.run([sys.executable, "-c", REVERSED], capture_output=True, text=True, check=True)
    report, _ = _run(REVERSED)
    assert report.error is None, report.error
    assert report.printed == expected.stdout
    assert re.search(r"\[\]\n3\n\[\]\n\[\]\n", report.printed)


# -- 4. suppress(K) asks issubclass(exctype, K), as CPython's contextlib --------------------------
SUPPRESS = """from contextlib import suppress
class MyError(ValueError):
    pass
class Plain:
    pass
for k in (int, (int, KeyError), str, Plain, (ZeroDivisionError,), ArithmeticError, Exception,
          BaseException, MyError, ((KeyError, (ZeroDivisionError,)),)):
    try:
        with suppress(k):
            1/0
        print('suppressed')
    except ZeroDivisionError as e:
        print('ZDE', e)
for k in (int, MyError, ValueError, (Plain, ValueError)):
    try:
        with suppress(k):
            raise MyError('m')
        print('suppressed')
    except ValueError as e:
        print('VE', e)
for bad in (5, (ValueError, 5), 'x', None):
    try:
        with suppress(bad):
            1/0
    except TypeError as e:
        print('TE', e)
with suppress(5):
    pass
with suppress():
    print('empty ok')
try:
    with suppress():
        {}[1]
except KeyError as e:
    print('KE', e)
"""


def test_suppress_matches_exceptions_as_cpythons_issubclass():
    """base27: suppress(int) / suppress(Plain) raised TypeError("issubclass() arg 2 must be a class ...")
    where CPython lets the ZeroDivisionError through (int is a class: issubclass says False)."""
    expected = subprocess.run([sys.executable, "-c", SUPPRESS], capture_output=True, text=True, check=True)
    report, _ = _run(SUPPRESS)
    assert report.error is None, report.error
    assert report.printed == expected.stdout


@pytest.mark.parametrize("value, kind", [("np.array([1.0, 2.0])", "numpy.ndarray"), ("lambda: 1", "function"),
                                         ("None", "NoneType"), ("[1]", "list"), ("torch.ones(2)", "Tensor")])
def test_setting_a_module_constant_to_another_value_names_its_type(value, kind):
    """base27: `np.pi = np.array([1.0, 2.0])` said "setting `numpy.pi` to a this value"."""
    report, _ = _run(f"import torch\nimport numpy as np\nnp.pi = {value}\n")
    assert report.error is not None and report.error.kind == "unsupported" and report.error.line == 3
    expected = f"setting `numpy.pi` to a {kind} value is not supported"
    assert report.error.message.startswith(expected), report.error

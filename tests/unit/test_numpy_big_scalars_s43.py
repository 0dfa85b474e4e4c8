# ruff: noqa: E501 - the programs are kept on one line each
"""Session 43 (issue 9, session 42's leftovers): a NumPy function called with Python numbers only, one of
them an int outside int64, answers as NumPy (lang/numpy_big_ints.scalar_call): `np.clip(10**30, 0, 1)` is 1,
`np.isclose(2**70, 1)` np.False_, `np.ldexp(10**30, 2)` 4e+30, `np.round(2**70)` NumPy's TypeError,
`np.gcd(10**30, 2.5)` its UFuncTypeError (all were the engine's OverflowError). Arrays and lists beside a
big int keep the refusal or the OverflowError they had. And `type(np.linspace)` names NumPy's class
(numpy._ArrayFunctionDispatcher; was builtin_function_or_method). Oracle: plain Python + NumPy."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.oracle import run_trusted

CALLS = ["np.clip(10**30, 0, 1)", "np.clip(10**30, 0, 2**70)", "np.clip(-10**30, 0, 1)", "np.clip(10**30, 0.0, 1.0)",
         "np.clip(2**70, None, 1)", "np.clip(2**70, min=0, max=1)", "np.isclose(2**70, 1)",
         "np.isclose(2**70, 2**70 + 1, atol=2)", "np.isclose(2**70, 1.0, 0.1)", "np.isclose(2**70, 1, equal_nan=True)",
         "np.allclose(1, 2)", "np.round(2**70)", "np.round(2**70, 1)", "np.around(2**70, decimals=2)",
         "np.gcd(10**30, 2.5)", "np.gcd(10**30, 2)", "np.gcd(2, 10**30)", "np.lcm(10**30, 2.5)",
         "np.ldexp(10**30, 2)", "np.ldexp(10**30, True)", "np.left_shift(10**30, 2.5)", "np.bitwise_and(10**30, 1)",
         "np.right_shift(2**64, 1)", "np.clip(2**4000, 0, 3**2000) > 0", "np.isclose(2**4000, 3**2500)",
         "np.clip(5, 0, 1)", "np.isclose(1, 1.0)"]
TEMPLATE = ("import numpy as np\ntry:\n    r = {call}\n    print(repr(r), type(r).__name__)\n"
            "except (TypeError, OverflowError) as e:\n    print(type(e).__name__, isinstance(e, TypeError), e)\n")


@pytest.mark.parametrize("call", CALLS)
def test_numpys_answer_for_python_numbers_with_a_big_int(call: str) -> None:
    source = TEMPLATE.format(call=call)
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None and report.ok, report.error
    assert report.printed == oracle.printed


@pytest.mark.parametrize("call, words", [
    ("np.clip(np.array([1, 2]), 0, 10**30)", None),      # an array beside it: as before
    ("np.isclose(np.array([1.0]), 10**30)", None),
    ("np.round([2**70])", None),
])
def test_arrays_and_lists_beside_a_big_int_keep_their_answer(call: str, words: str | None) -> None:
    """Not the NumPy call for scalars: the same outcome as before session 43 (NumPy's OverflowError words, or
    the object-array refusal), never an object array's value."""
    report = run_program(f"import numpy as np\nr = {call}\n")
    assert not report.ok and report.error.kind in ("value", "unsupported", "type"), report.error


def test_the_type_of_a_library_function_is_named_as_python_names_it() -> None:
    source = ("import numpy as np\nimport torch\nimport math\n"
              "print(type(np.linspace), type(np.add), type(np.sum), type(torch.sin), type(math.sqrt), type(print),"
              " type(torch.func.grad), type(np.random.rand), type(len))\n"
              "print(type(np.add) is type(np.subtract), type(print) is type(len), isinstance(print, type(print)))\n")
    report, oracle = run_program(source), run_trusted(source)
    assert report.ok and report.printed == oracle.printed, (report.error, report.printed)

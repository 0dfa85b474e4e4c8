"""Session 38 (breadth, issue 9 part 2): what the Whirlwind Tour of Python (jakevdp, CC0) showed refused or
different, each compared with plain CPython on the same text (printed text, displays, variables):

- a Python number's attributes and methods: `x.real`, `x.imag`, `n.numerator`, `x.is_integer()`,
  `x.as_integer_ratio()`, `c.conjugate()`, `n.bit_length()`, `x.hex()` (lang/number_methods.py)
- a bare `(n ** 2 for n in range(12))` line shows a generator object, as CPython does, not its items
- the Variables table's value of a NumPy array of strings: an array (was "object")
- the oracle compares sets (tests/oracle.py)
"""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import Limits
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s35 import refused, sized


# -- numbers' attributes and methods ----------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "x = 4.5\nprint(x.real, '+', x.imag, 'i')\nx.is_integer()\n",
    "x = 4.0\nx.is_integer()\n",
    "x = 0.125\nx.as_integer_ratio()\nnumerator, denominator = x.as_integer_ratio()\n"
    "print(numerator / denominator)\n",
    "def real_imag_conj(val):\n    return val.real, val.imag, val.conjugate()\n\n"
    "r, i, c = real_imag_conj(3 + 4j)\nprint(r, i, c)\n",
    "c = 3 + 4j\nc.conjugate()\nabs(c)\n",
    "n = 7\nprint(n.real, n.imag, n.numerator, n.denominator, n.conjugate(), n.bit_length(), n.bit_count())\n"
    "print(n.as_integer_ratio(), (-8).bit_length(), True.real, True.numerator, False.bit_length())\n",
    "print((2.5).hex(), (0.1).as_integer_ratio(), (1e300).as_integer_ratio()[1], (-0.0).is_integer())\n",
    "print((2 ** 300).bit_length(), (3 ** 100).as_integer_ratio()[0] % 1000)\n",
    "xs = [0.5, 2.0, 3.25]\nprint([x for x in xs if x.is_integer()], sum(x.real for x in xs))\n",
    "import numpy as np\nv = np.float64(2.0)\nprint(v.is_integer(), v.real, v.as_integer_ratio())\n",
])
def test_number_methods_run_like_python(snippet: str) -> None:
    compare(snippet)


@pytest.mark.parametrize("snippet, words", [
    ("x = 1.5\nx.is_integer(1)\n", "takes no arguments"),
    ("(2 + 1j).is_integer()\n", "is_integer"),
    ("x = 2.0\nx.numerator\n", "numerator"),
    ("float('inf').as_integer_ratio()\n", "cannot convert Infinity"),
    ("float('nan').as_integer_ratio()\n", "cannot convert NaN"),
])
def test_number_method_errors_are_plain(snippet: str, words: str) -> None:
    assert words in refused(snippet).message


def test_number_methods_keep_the_int_limit() -> None:
    """The methods read an int the run could make: the int size limit still stops the making, just
    above its boundary (an int of max_int_bits bits is kept, one bit more is not)."""
    bits = Limits().max_int_bits
    sized(f"n = 2 ** {bits - 1}\nprint(n.bit_length(), n.as_integer_ratio()[1])\n", True)
    sized(f"n = 2 ** {bits}\nprint(n.bit_length())\n", False, "")


def test_dunder_attributes_of_numbers_stay_refused() -> None:
    for snippet in ("x = 1.5\nx.__class__\n", "n = 3\nn.__dict__\n", "x = 1.5\nx.__reduce__()\n"):
        assert not run_program(snippet).ok


# -- a bare generator expression line -------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "(n ** 2 for n in range(12))\n",
    "G = (n ** 2 for n in range(12))\nG\nprint(list(G))\n",
    "(n for n in range(3))\nprint(sum(n for n in range(3)))\n",
])
def test_bare_generator_expression_shows_a_generator(snippet: str) -> None:
    compare(snippet)


def test_bare_generator_expression_is_still_bounded() -> None:
    """Lazy now, as in CPython: an endless one is never read; one read in full meets the loop limit."""
    sized("import itertools\n(n for n in itertools.count())\n", True)
    sized("import itertools\nlist(n for n in itertools.count())\n", False, "")


# -- string arrays and sets in the Variables table ------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "import numpy as np\ns = np.array(['ab', 'c'])\nt = s[::-1]\n",
    "primes = {2, 3, 5, 7}\nodds = {1, 3, 5, 7, 9}\nboth = primes & odds\n",
])
def test_variables_compare_with_python(snippet: str) -> None:
    compare(snippet)


def test_string_array_is_an_array_in_the_variables_table() -> None:
    from components.variables_table import row
    report = run_program("import numpy as np\ns = np.array(['ab', 'c'])\n")
    value = report.variables["s"]
    assert value.kind == "array" and value.value.dtype.kind == "U"
    assert row("s", value)["dtype"] == "array"


def test_set_grad_enabled_object_is_not_a_variable() -> None:
    """`_ = torch.set_grad_enabled(False)` (grad_mode's reference example): PyTorch's object is callable (a
    decorator), so plain Python's variables leave it out; the engine's too."""
    compare("import torch\nx = torch.tensor([1.], requires_grad=True)\n_ = torch.set_grad_enabled(False)\n"
            "y = x * 2\ng = torch.set_grad_enabled(True)\nz = x * 2\n"
            "print(y.requires_grad, z.requires_grad, g)\n")

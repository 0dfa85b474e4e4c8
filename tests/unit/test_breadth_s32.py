"""Session 32 (breadth): np.nditer's own API (flags multi_index / c_index / f_index, it.multi_index,
it.index, it.finished, it.iternext(), it[0]; lang/numpy_flat.py) and `'%d' % (a 0-d array, ...)`, each
against CPython / NumPy run on the same trusted text; limits just below and above."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth_s30 import refused, same_as_python

SNIPPETS = {
    # NumPy's "Iterating over arrays" tutorial, as written
    "nditer_multi_index": """import numpy as np
a = np.arange(6).reshape(2, 3)
it = np.nditer(a, flags=['f_index'])
while not it.finished:
    print("%d <%d>" % (it[0], it.index), end=' ')
    is_not_finished = it.iternext()
print()
it = np.nditer(a, flags=['multi_index'])
while not it.finished:
    print("%d <%s>" % (it[0], it.multi_index), end=' ')
    is_not_finished = it.iternext()
print(is_not_finished, it.finished)
it = np.nditer(a, flags=['c_index'])
for x in it:
    print(x, it.index, it.iterindex, end=' ')
print(it.ndim, it.shape, it.itersize)
""",
    "nditer_multi_index_write": """import numpy as np
a = np.zeros((2, 3), dtype=int)
it = np.nditer(a, flags=['multi_index'], op_flags=['writeonly'])
with it:
    while not it.finished:
        it[0] = it.multi_index[1] - it.multi_index[0]
        is_not_finished = it.iternext()
print(a)
it = np.nditer([np.arange(3), np.arange(2).reshape(2, 1)], flags=['multi_index'])
for x, y in it:
    print(it.multi_index, x + y)
""",
    "nditer_errors": """import numpy as np
a = np.arange(4)
it = np.nditer(a)
try:
    it.multi_index
except ValueError as e:
    print(e)
try:
    it.index
except ValueError as e:
    print(e)
it = np.nditer(a, flags=['multi_index'])
for x in it:
    pass
try:
    it.multi_index
except ValueError as e:
    print(e)
try:
    np.nditer(a, flags=['multi_index', 'external_loop'])
except ValueError as e:
    print(e)
""",
    "percent_zero_d": """import numpy as np
a, b = np.array(3), np.array(2.5)
print("%d %s %r %.2f %x" % (a, a, b, b, a))
print("%d|%5.1f" % (b, a), "%s" % (np.arange(3),))
""",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_same_as_python(name: str) -> None:
    same_as_python(SNIPPETS[name])


def test_nditer_iternext_loop_stops_at_the_loop_budget() -> None:
    from autogradlab.limits import DEFAULT_LIMITS
    budget = DEFAULT_LIMITS.max_loop_iterations
    source = ("import numpy as np\nit = np.nditer(np.zeros({n}), flags=['multi_index'])\n"
              "ok = it.iternext()\nprint(ok)\n")
    same_as_python(source.format(n=3))
    big = ("import numpy as np\nit = np.nditer(np.zeros((1000, 1000)))\nok = True\n"
           "while ok:\n    ok = it.iternext()\n")
    assert budget < 10**6
    refused(big, "limit", "loop iterations", line=4)


def test_nditer_other_attributes_refused_by_name() -> None:
    source = "import numpy as np\nit = np.nditer(np.arange(3))\nprint(it.{name})\n"
    refused(source.format(name="operands"), "unsupported", "`.operands` of np.nditer", line=3)
    refused(source.format(name="remove_axis(0)"), "unsupported", "`.remove_axis()` of np.nditer", line=3)
    refused(source.format(name="itviews"), "unsupported", "multi_index", line=3)
    refused(source.format(name="__class__"), "unsupported", "double-underscore attributes", line=3)
    refused(source.format(name="f_index"), "unsupported", "`.f_index`", line=3)


def test_nditer_item_takes_an_int_only() -> None:
    refused("import numpy as np\nit = np.nditer(np.arange(3))\nprint(it['x'])\n", "unsupported",
            "`it[i]` takes an int", line=3)
    same_as_python("import numpy as np\nit = np.nditer(np.arange(3))\ntry:\n    print(it[5])\n"
                   "except IndexError as e:\n    print(e)\n")


def test_nditer_refusals_have_chinese_texts() -> None:
    report = run_program("import numpy as np\nit = np.nditer(np.arange(3))\nprint(it.operands)\n")
    assert report.error.key == "errors_breadth.nditer_attribute", report.error


def test_nditer_write_takes_numbers_and_arrays_only() -> None:
    refused("import numpy as np\nit = np.nditer(np.arange(3), op_flags=['readwrite'])\nit[0] = 'x'\n",
            "unsupported", "`it[i] = value` takes a number or an array", line=3)
    same_as_python("import numpy as np\nit = np.nditer(np.arange(3))\ntry:\n    it[0] = 5\n"
                   "except ValueError as e:\n    print(e)\n")

"""Session 27 (corpus7): NumPy's quickstart and absolute-beginners tutorials (tests/programs/
tutorial_numpy_*.py) needed `from numpy import pi`, `a.dtype.name` / `a.itemsize`, `cumsum` / `cumprod`,
np.concatenate / vstack / hstack / stack / hsplit / vsplit / expand_dims / nonzero and np.newaxis.
Each compared with plain NumPy; the results that allocate are sized first, just below and above the limit."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import Limits
from tests.unit.test_breadth import compare

N = "import numpy as np\na = np.arange(12).reshape(3, 4)\n"

SNIPPETS = [
    "from numpy import pi, e, inf, nan\nx = np.linspace(0, 2 * pi, 5)\nprint(x, e, inf, nan)\n",
    "a.dtype.name\na.dtype.itemsize\na.itemsize\na.nbytes\nnp.ones(2, dtype=np.float32).dtype.name\n",
    "a.cumsum()\na.cumsum(axis=1)\na.cumprod(0)\nnp.cumsum(a, axis=0)\nnp.cumsum([1, 2, 3])\n"
    "np.cumprod(np.array([1.5, 2.0]))\n",
    "np.concatenate((a, a))\nnp.concatenate([a, a], axis=1)\nnp.concatenate(([1, 2], [3]))\n"
    "np.vstack((a, a))\nnp.hstack((a, a))\nnp.stack((a, a), axis=2).shape\n",
    "p = np.hsplit(a, 2)\np\nq = np.vsplit(a, (1, 2))\nq\np[0][0, 0] = 99\na\n",
    "v = np.array([1, 2, 3])\nv[np.newaxis, :].shape\nv[:, np.newaxis]\nnp.expand_dims(v, axis=0)\n"
    "np.expand_dims(v, 1).shape\nnp.newaxis is None\n",
    "b = np.nonzero(a < 5)\nprint(b)\nprint(a[b])\nfor c in zip(b[0], b[1]):\n    print(c)\n"
    "print(np.nonzero(a == 42))\n",
]


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_like_plain_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize(("line", "kind", "says"), [
    ("np.concatenate((a, a[:1]), axis=1)", "value", "dimension"),   # numpy's own ValueError
    ("np.hsplit(a, 3)", "value", "equal division"),
    ("np.cumsum(a, axis=2)", "index", "out of bounds"),   # numpy AxisError is an IndexError
    ("np.concatenate(a)", "type", "list or tuple"),
    ("np.cumsum(a, axis=1.5)", "type", "axis must be an int"),
    ("np.hsplit(a, 1.5)", "type", "sections must be an int"),
    ("np.concatenate((a, a), dtype=int)", "unsupported", "np.concatenate"),
    ("np.concatenate((a, torch.ones(2)))", "unsupported", "numpy arrays combine"),
    ("np.dtype", "unsupported", "cannot be stored in variables"),   # np.dtype("f4") runs (session 32)
    # the type has no .name (only an array's dtype): NumPy's own AttributeError since session 43 (red team:
    # a name np.float64 lacks is Python's AttributeError, looked up first), was the engine's refusal
    ("np.float32.name", "value", "type object 'numpy.float32' has no attribute 'name'"),
])
def test_refusals_and_errors(line: str, kind: str, says: str) -> None:
    report = run_program("import torch\n" + N + f"r = {line}\n", torchviz=False)
    assert not report.ok and report.error.kind == kind and report.error.line == 4, report.error
    assert says in report.error.message, report.error.message


def test_from_numpy_imports_only_the_constants() -> None:
    report = run_program("from numpy import fromfile\n", torchviz=False)
    assert not report.ok and report.error.kind == "unsupported", report.error


SMALL = Limits(max_tensor_elements=100, max_total_elements=1_000)


@pytest.mark.parametrize(("template", "n", "what", "per_n"), [
    ("b = np.ones({n})\nc = np.concatenate((b, b))\n", 50, "np.concatenate", 2),
    ("b = np.ones({n})\nc = np.vstack([b, b])\n", 50, "np.vstack", 2),
    ("b = np.ones({n})\nc = np.stack((b, b), axis=0)\n", 50, "np.stack", 2),
    ("b = np.ones(({n}, 5))\nc = np.nonzero(b)\n", 10, "np.nonzero", 10),   # two index arrays of 5n
])
def test_sized_before_numpy_allocates(template: str, n: int, what: str, per_n: int) -> None:
    head = "import numpy as np\n"
    assert run_program(head + template.format(n=n), torchviz=False, limits=SMALL).ok
    report = run_program(head + template.format(n=n + 1), torchviz=False, limits=SMALL)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 3, report.error
    assert report.error.message == f"result of {what} would have {per_n * (n + 1)} elements; the limit is 100"


@pytest.mark.parametrize(("made", "total"), [   # the second result passes the total limit, the first not
    ("np.concatenate((b, b))", 200), ("np.hstack([b, b])", 200),
    ("b.cumsum()", 120), ("np.cumprod(b)", 120), ("np.nonzero(b)", 120),
])
def test_results_count_towards_the_total(made: str, total: int) -> None:
    limits = Limits(max_tensor_elements=100, max_total_elements=total)
    head = f"import numpy as np\nb = np.ones(50)\nc = {made}\n"
    assert run_program(head, torchviz=False, limits=limits).ok
    report = run_program(head + f"d = {made}\n", torchviz=False, limits=limits)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 4, report.error

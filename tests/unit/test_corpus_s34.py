"""Session 34 (corpus): what lesson code no earlier session had tried needed (NumPy's user guide pages
basics.copies / indexing / creation / types / ufuncs / how-to-print / how-to-partition, rougier's From
Python to NumPy ch. 2-6, numpy-tutorials' static equilibrium and fractals, d2l-en's convolution,
optimization and attention chapters, zhangxiann's PyTorch_Practice lesson 1), each compared with plain
NumPy / PyTorch / CPython on the same text, with the limits just below and above.

- a wrong value fixed: `np.multiply.reduce(x, dtype=np.float64, out=y)` ignored out= (y stayed zeros and
  the result was a new float array; NumPy writes into y and returns it)
- `y.base is x` / `y.base is None` and `Z.strides` (lang/numpy_layout.py); `is` between two arrays
  compares the arrays, as NumPy's objects do
- `np.get_printoptions()`, `with np.printoptions(...)`, and set_printoptions' threshold / edgeitems (up to
  NumPy's defaults), floatmode, sign, nanstr / infstr (short)
"""

from __future__ import annotations

import pytest

from autogradlab import error_text
from autogradlab.engine import run_program
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

N = "import numpy as np\n"


def refused(source: str):  # noqa: ANN201
    report = run_program(source)
    assert not report.ok, source
    return report.error


# -- ufunc.reduce(out=): a wrong value before ----------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "x = np.arange(9).reshape(3, 3)\ny = np.zeros(3, dtype=np.int_)\n"
    "r = np.multiply.reduce(x, dtype=np.float64, out=y)\nprint(r, y, r is y)\n",
    "x = np.arange(6.).reshape(2, 3)\nz = np.zeros(2)\nnp.add.reduce(x, axis=1, out=(z,))\nprint(z)\n"
    "w = np.ones((1, 3))\nnp.maximum.reduce(x, axis=0, keepdims=True, out=w)\nprint(w)\n",
    "x = np.arange(6).reshape(2, 3)\nz = np.zeros(2)\ntry:\n    np.add.reduce(x, out=z)\n"
    "except ValueError as e:\n    print('ValueError')\n",
    "x = np.arange(6).reshape(2, 3)\ntry:\n    np.add.reduce(x, out=[0, 0, 0])\n"
    "except TypeError as e:\n    print(e)\n",
])
def test_ufunc_reduce_writes_into_out_as_numpy(snippet: str) -> None:
    compare(N + snippet)


# -- .base and .strides --------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "x = np.arange(9)\ny = x.reshape(3, 3)\n"
    "print(y.base is x, x.base is None, x[[1, 2]].base is None)\ny.base\n",
    "Z = np.zeros((5, 5))\nZ1 = Z[:3, :]\nZ2 = Z[[0, 1, 2], :]\n"
    "print(Z1.base is Z, Z2.base is None, Z.ravel().base is Z, Z[::2, ::2].ravel().base is Z)\n"
    "print(Z.flatten().base is Z, Z1.base is not Z, Z1 is Z, Z is Z)\n",
    "Z = np.arange(25, dtype=np.int16).reshape(5, 5)\nprint(Z.strides, Z[::2, ::3].strides, Z.T.strides)\n"
    "s = Z.strides\noffset = 0\nfor i, n in enumerate((1, 3)):\n    offset += s[i] * n\nprint(offset)\n",
    "Z1 = np.arange(10)\nZ2 = Z1[1:-1:2]\nprint(Z2.base is Z1, Z2.strides[0] // Z1.strides[0])\n",
    "a = np.arange(4.)\nb = a.view()\nb[0] = 9\nb.base[1] = 7\nprint(a, b.base is a)\n",
])
def test_base_and_strides_as_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_base_that_is_no_numpy_array_is_refused_by_name() -> None:
    error = refused("import torch\nt = torch.arange(4.)\na = t.numpy()\nb = a.base\n")
    assert error.kind == "unsupported" and error.line == 4 and "`.base`" in error.message
    assert "Autograd Lab 不支持" in error_text.box("zh", error)


def test_base_of_a_read_only_view_is_refused() -> None:
    # writing through .base would go round the view's read-only flag
    # (np.apply_along_axis hands the program's function read-only views: lang/numpy_index_functions.py)
    for inner in ("r.base", "r[1:].base"):
        source = N + f"def f(r):\n    b = {inner}\n    return r.sum()\n" \
            "np.apply_along_axis(f, 1, np.ones((2, 3)))\n"
        error = refused(source)
        assert error.kind == "unsupported" and "read-only" in error.message and error.line == 3


# -- print options -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "np.set_printoptions(precision=2)\nnp.get_printoptions()\nprint(np.array([1/3]))\n",
    "np.set_printoptions(edgeitems=3, infstr='inf', linewidth=75, nanstr='nan', precision=8,\n"
    "                    suppress=False, threshold=1000, formatter=None)\nprint(np.arange(2000) / 3)\n",
    "arr = np.array([0.1, 0.184, 0.17322])\nwith np.printoptions(precision=2):\n    print(arr)\nprint(arr)\n",
    "arr = np.array([0.1, 0.184, 0.173], dtype=np.float32)\n"
    "with np.printoptions(precision=2, floatmode='fixed') as opts:\n    print(arr, opts['precision'])\n",
    "arr = np.array([np.inf, np.nan, 0])\nwith np.printoptions(nanstr='NAN', infstr='INF', sign='+'):\n"
    "    print(arr)\n    arr\nprint(arr)\n",
    "arr = np.array([0.00002, 210000.0, 3.14])\nwith np.printoptions(suppress=True):\n    print(arr)\n",
    "np.set_printoptions(threshold=5, edgeitems=1)\nprint(np.arange(10))\nx = np.arange(10) * 2\n",
    "try:\n    with np.printoptions(precision=1):\n        print(np.array([1/3]))\n"
    "        raise KeyError('k')\n"
    "except KeyError:\n    pass\nprint(np.array([1/3]))\n",
])
def test_print_options_as_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize(("call", "ok"), [
    ("threshold=1000", True), ("threshold=1001", False), ("threshold=0", True), ("threshold=-1", False),
    ("edgeitems=3", True), ("edgeitems=4", False), ("nanstr='x' * 8", True), ("nanstr='x' * 9", False),
    ("floatmode='fixed'", True), ("floatmode='wide'", False), ("sign=' '", True), ("sign='*'", False)])
def test_print_options_at_their_bounds(call: str, ok: bool) -> None:
    for source in (N + f"np.set_printoptions({call})\n", N + f"with np.printoptions({call}):\n    pass\n"):
        report = run_program(source)
        assert report.ok == ok, (source, report.error)
        if not ok:
            assert report.error.kind == "value" and report.error.line == 2


@pytest.mark.parametrize("name", ["formatter={'float': str}", "legacy='1.13'", "override_repr=None"])
def test_print_options_that_call_code_or_change_the_rules_stay_refused(name: str) -> None:
    if name.startswith("override"):
        assert run_program(N + f"np.set_printoptions({name})\n").ok   # None: NumPy's default, nothing set
        return
    error = refused(N + f"with np.printoptions({name}):\n    pass\n")
    assert error.kind == "unsupported" and error.line == 2


def test_print_options_do_not_outlive_the_run() -> None:
    run_program(N + "np.set_printoptions(threshold=3, edgeitems=1, precision=2)\n")
    report = run_program(N + "print(np.arange(10) / 3)\n")
    assert report.printed == run_trusted(N + "print(np.arange(10) / 3)\n").printed

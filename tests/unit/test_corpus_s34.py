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
    ("threshold=1000", True), ("threshold=1001", True), ("threshold=0", True), ("threshold=-1", False),
    ("edgeitems=1000", True), ("edgeitems=1001", False),   # edgeitems: 3 before session 36
    ("nanstr='x' * 8", True), ("nanstr='x' * 9", False),
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


# -- from numpy import name: what `from numpy import *` binds ------------------------------------------------
def test_from_numpy_import_functions_as_numpy() -> None:
    compare("from numpy import array, argmin, sqrt, sum\nobservation = array([111.0, 188.0])\n"
            "codes = array([[102.0, 203.0], [132.0, 193.0], [45.0, 155.0], [57.0, 173.0]])\n"
            "diff = codes - observation\ndist = sqrt(sum(diff**2, axis=-1))\nargmin(dist)\n"
            "from numpy import linalg, pi as PI\nprint(linalg.norm([3, 4]), PI)\n")


@pytest.mark.parametrize(("name", "words"), [("loadtxt", "loadtxt"), ("ma", "ma"), ("ctypeslib", "ctypeslib"),
                                             ("__version__", "__version__"), ("_core", "_core")])
def test_from_numpy_import_of_what_autograd_lab_lacks_stays_refused(name: str, words: str) -> None:
    error = refused(f"x = 1\nfrom numpy import {name}\n")
    assert error.kind == "unsupported" and words in error.message


def test_from_numpy_import_of_a_name_numpy_lacks_is_pythons_import_error() -> None:
    source = "x = 1\nfrom numpy import dott\n"
    report, oracle = run_program(source), run_trusted(source)
    assert report.error.line == oracle.error_line == 2
    assert "cannot import name 'dott' from 'numpy'" in report.error.message


# -- np.vander / np.geomspace / np.dstack, dtype codes, Ellipsis, ufunc dtype= and where= --------------------
@pytest.mark.parametrize("snippet", [
    "print(np.vander(np.linspace(0, 2, 5), 2), np.vander([1, 2, 3, 4], 2), np.vander((1, 2, 3, 4), 4))\n"
    "print(np.vander([1, 2, 3], increasing=True), np.vander([1, 2], N=0).shape, np.vander([2, 3], None))\n",
    "print(np.geomspace(2, 3, num=5), np.geomspace(1, 1000, 4, endpoint=False), np.geomspace(1, 2, 0))\n",
    "a = np.array((1, 2, 3))\nb = np.array((2, 3, 4))\n"
    "print(np.dstack((a, b)), np.dstack([[[1], [2]], [[3], [4]]]))\n",
    "try:\n    np.vander([[1, 2]], 2)\nexcept ValueError as e:\n    print(e)\n",
    "print(np.array([1, 2, 3], dtype='f'), np.array([1, 2, 3], dtype='d').dtype)\n"
    "for c in ['b', 'h', 'i', 'l', 'q', 'B', 'H', 'I', 'L', 'Q', 'e', 'f', 'd', 'F', 'D', 'u2', 'b1']:\n"
    "    print(c, np.zeros(2, dtype=c).dtype, np.dtype(c))\n",
    "z = np.arange(8).reshape(2, 2, 2)\nindices = (1, Ellipsis, 1)\nz[indices]\n"
    "print(Ellipsis is ..., Ellipsis)\n",
    "print(np.power(100, 9, dtype=np.int64), np.power(100, 9, dtype=np.int32))\n"
    "np.power(100, 100, dtype=np.float64)\nprint(np.add([1, 2], 3, dtype='f'))\n",
    "a = np.array([1., 2., 3.])\nb = np.array([0., 2., 4.])\nnp.divide(a, b, out=a, where=b != 0)\nprint(a)\n"
    "c = np.ones((2, 3))\nnp.multiply(c, [1, 2, 3], out=c, where=[True, False, True])\nprint(c)\n"
    "np.add(c, 1, out=c, where=True)\nprint(c)\n",
])
def test_new_numpy_makers_and_arguments_as_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_ufunc_where_without_out_is_refused() -> None:
    # NumPy would leave the skipped elements as uninitialised memory (security.md 3)
    error = refused(N + "b = np.array([0., 2.])\nx = np.divide(1, b, where=b != 0)\n")
    assert error.kind == "unsupported" and error.line == 3 and "uninitialised" in error.message
    assert "未初始化" in error_text.box("zh", error)


@pytest.mark.parametrize(("call", "ok"), [
    ("np.vander(np.arange(2000), 2500)", True), ("np.vander(np.arange(2001), 2500)", False),
    ("np.vander(np.arange(3), 10**12)", False), ("np.geomspace(1, 2, 5_000_000)", True),
    ("np.geomspace(1, 2, 5_000_001)", False), ("np.dstack([np.ones(2_500_000), np.ones(2_500_000)])", True),
    ("np.dstack([np.ones(2_500_000), np.ones(2_500_001)])", False)])
def test_new_makers_are_sized_before_numpy_makes_them(call: str, ok: bool) -> None:
    report = run_program(N + f"x = {call}\n")
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and "limit is" in report.error.message


# -- a library function as a default value; random.choices ---------------------------------------------------
def test_library_function_as_a_default_value_as_python() -> None:
    # numpy-tutorials' fractals: `def general_julia(mesh, c=-1, f=np.square, num_iter=100, radius=2)`
    compare("import numpy as np\nimport torch\n"
            "def general(z, c=-1, f=np.square, g=torch.sin, *, h=abs):\n"
            "    return f(z) + c, g(torch.tensor(1.0)), h(-2)\n"
            "print(general(np.array([1.0, 2.0])))\nprint(general(np.array([3.0]), f=np.sqrt))\n"
            "lam = lambda x, k=len: k(x)\nprint(lam([1, 2, 3]))\n")


def test_a_custom_functions_apply_stays_no_default_value() -> None:
    error = refused("import torch\nclass F(torch.autograd.Function):\n    @staticmethod\n"
                    "    def forward(ctx, x):\n        return x * 2\n    @staticmethod\n"
                    "    def backward(ctx, g):\n        return g * 2\ndef f(*, k=F.apply):\n    return k\n")
    assert "cannot be used as a default value" in error.message


def test_random_choices_as_python() -> None:
    compare("import random\nfrom itertools import accumulate\nrandom.seed(3)\n"
            "steps = random.choices([-1, +1], k=1000)\nwalk = [0] + list(accumulate(steps))\n"
            "print(walk[-5:], random.choices('abc', [1, 0, 5], k=4))\n"
            "print(random.choices(range(5), cum_weights=[1, 2, 3, 4, 5], k=3), random.choices([1, 2]))\n")


@pytest.mark.parametrize(("k", "ok"), [(100_000, True), (100_001, False), (10**9, False)])
def test_random_choices_k_is_bounded(k: int, ok: bool) -> None:
    # the list it builds is a list like any other (max_sequence_len), counted before it is made
    report = run_program(f"import random\nx = random.choices([1, 2], k={k})\n")
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind in ("limit", "type") and "random.choices" in report.error.message


# -- PyTorch's tensor attributes page: promotion, casting, devices -------------------------------------------
T = "import torch\n"
TENSORS = ("float_tensor = torch.ones(1, dtype=torch.float)\n"
           "double_tensor = torch.ones(1, dtype=torch.double)\n"
           "complex_float_tensor = torch.ones(1, dtype=torch.complex64)\n"
           "int_tensor = torch.ones(1, dtype=torch.int)\nlong_tensor = torch.ones(1, dtype=torch.long)\n"
           "uint_tensor = torch.ones(1, dtype=torch.uint8)\nbool_tensor = torch.ones(1, dtype=torch.bool)\n"
           "long_zerodim = torch.tensor(1, dtype=torch.long)\n"
           "int_zerodim = torch.tensor(1, dtype=torch.int)\n")


@pytest.mark.parametrize("snippet", [
    "print(torch.add(5, 5).dtype, (int_tensor + 5).dtype, (int_tensor + long_zerodim).dtype)\n"
    "print((bool_tensor + uint_tensor).dtype, torch.add(long_tensor, float_tensor).dtype)\n"
    "float_tensor *= int_tensor\nfloat_tensor *= double_tensor\nint_tensor *= long_tensor\n"
    "uint_tensor *= int_tensor\nprint(float_tensor, int_tensor, uint_tensor)\n",
    "print(torch.result_type(int_tensor, 2.0), torch.promote_types(torch.uint8, torch.int8))\n"
    "print(torch.can_cast(torch.double, torch.float), torch.can_cast(from_=torch.float, to=torch.int))\n"
    "print(torch.result_type(tensor=uint_tensor, other=int_zerodim), torch.result_type(2, 3.0))\n",
    "print(torch.device('cpu', 0), torch.device('cuda', 1), torch.device('mps', 0))\n"
    "d = torch.device('cuda', 0)\n"
    "print(d.type, d.index)\ntry:\n    torch.device('cuda:0', 1)\nexcept RuntimeError as e:\n    print(e)\n",
])
def test_tensor_attributes_page_as_pytorch(snippet: str) -> None:
    compare(T + TENSORS + snippet)


@pytest.mark.parametrize("cast", ["int_tensor *= float_tensor", "bool_tensor *= int_tensor",
                                  "float_tensor *= complex_float_tensor"])
def test_disallowed_casts_fail_as_in_pytorch(cast: str) -> None:
    source = T + TENSORS + cast + "\n"
    report, oracle = run_program(source), run_trusted(source)
    assert not report.ok and report.error.line == oracle.error_line == 11
    assert "can't be cast to the desired output type" in report.error.message


def test_view_as_complex_and_real_as_pytorch() -> None:
    # PyTorch's complex numbers page: views of the same memory, with autograd through them
    compare(T + "torch.manual_seed(0)\nx = torch.randn(3, 2, requires_grad=True)\n"
            "y = torch.view_as_complex(x)\n"
            "z = (y * y.conj()).real.sum()\nz.backward()\nprint(y, x.grad)\n"
            "r2 = torch.view_as_real(y.detach().clone())\nr2[0, 0] = 5.0\nprint(r2.shape, r2)\n"
            "w = torch.view_as_real(torch.tensor([1 + 2j, 3j]))\nw.mul_(2)\nprint(w)\n"
            "v = torch.randn(3, 2)\nc = torch.view_as_complex(v)\nc.real.mul_(2)\nprint(v, c.real.stride())\n"
            "try:\n    torch.view_as_complex(torch.ones(3))\nexcept RuntimeError as e:\n    print(e)\n")


# -- np.array(strings, dtype="U5") ---------------------------------------------------------------------------
def test_fixed_width_string_dtype_as_numpy() -> None:
    # NumPy's basics.types: np.array(["hello", "world!"], dtype="U5") cuts to five characters
    compare(N + 'np.array(["hello", "world!"], dtype="U5")\nnp.array(["hello", "world!"], dtype="U7")\n'
            'a = np.array(["ab", 3, 2.5], dtype="<U2")\nprint(a, a.dtype)\n'
            'b = np.array(np.array(["abcdef"]), dtype="U3")\nb\nc = np.array("xyz", dtype="U2")\nc\n'
            "del a, b, c\n")   # (string arrays are compared by their text: the displays and the prints)


@pytest.mark.parametrize(("source", "ok"), [
    ('x = np.array(["a"] * 1000, dtype="U1000")', True), ('x = np.array(["a"] * 1000, dtype="U1001")', False),
    ('x = np.array("a", dtype="U1000000")', True), ('x = np.array("a", dtype="U1000001")', False),
    ('x = np.array(np.array(["a"] * 2), dtype="U500001")', False)])
def test_fixed_width_strings_are_sized_by_their_width_first(source: str, ok: bool) -> None:
    report = run_program(N + source + "\n")
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and "string array" in report.error.message


# -- @once_differentiable on a custom Function's backward ---------------------------------------------------
ONCE = ("import torch\nfrom torch.autograd.function import once_differentiable\n"
        "from torch.autograd import Function\n"
        "class Exp(Function):\n    @staticmethod\n    def forward(ctx, i):\n        result = i.exp()\n"
        "        ctx.save_for_backward(result)\n        return result\n\n    @staticmethod\n"
        "    @once_differentiable\n    def backward(ctx, grad_output):\n        result, = ctx.saved_tensors\n"
        "        return grad_output * result\n\n")


@pytest.mark.parametrize("snippet", [
    "x = torch.tensor([0.5, 1.0], requires_grad=True)\ny = Exp.apply(x).sum()\ny.backward()\nprint(x.grad)\n",
    # PyTorch's wrapper runs backward under no_grad: a create_graph gradient has no graph to go on
    "x = torch.tensor([0.5, 1.0], requires_grad=True)\ny = Exp.apply(x).sum()\n"
    "g, = torch.autograd.grad(y, x, create_graph=True)\nprint(g, g.requires_grad)\ntry:\n"
    "    g.sum().backward()\nexcept RuntimeError as e:\n    print(e)\n",
    "x = torch.tensor([2.0], requires_grad=True)\nv = torch.tensor([3.0], requires_grad=True)\n"
    "y = Exp.apply(x)\ng, = torch.autograd.grad(y, x, grad_outputs=v, create_graph=True)\n"
    "print(g, g.grad_fn)\n"
    "try:\n    g.backward()\nexcept RuntimeError as e:\n    print(e)\n",
])
def test_once_differentiable_as_pytorch(snippet: str) -> None:
    compare(ONCE + snippet)


@pytest.mark.parametrize(("source", "words"), [
    ("import torch\nfrom torch.autograd.function import once_differentiable\ndef f(x):\n    return x\n"
     "g = once_differentiable(f)\n", "only as a decorator"),
    ("import torch\nonce_differentiable = 3\nclass F(torch.autograd.Function):\n    @staticmethod\n"
     "    def forward(ctx, x):\n        return x * 2\n    @staticmethod\n    @once_differentiable\n"
     "    def backward(ctx, g):\n        return g * 2\n",
     "is not torch.autograd.function.once_differentiable"),
    ("import torch\nfrom torch.autograd.function import once_differentiable\n"
     "class F(torch.autograd.Function):\n    @staticmethod\n    @once_differentiable\n"
     "    def forward(ctx, x):\n        return x * 2\n    @staticmethod\n    def backward(ctx, g):\n"
     "        return g * 2\n", "cannot be in its body"),
])
def test_once_differentiable_elsewhere_is_refused(source: str, words: str) -> None:
    error = refused(source)
    assert error.kind == "unsupported" and words in error.message
    assert error.message not in error_text.box("zh", error)   # said in Chinese


def test_numpy_dtype_variables_compare_with_the_oracle() -> None:
    # tests/oracle.py compares an np.dtype by its text (it said "cannot compare a dtype" before)
    compare(N + "d = np.dtype(np.int64)\nd\ne = np.dtype('f4')\nprint(d, e, e.itemsize)\n")

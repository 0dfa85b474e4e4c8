"""Session 31 (corpus): what lesson code no earlier session had tried needed (VanderPlas' Python Data
Science Handbook ch. 2, the scipy-lectures' NumPy chapter, ageron's handson-ml3 tools_numpy, Understanding
Deep Learning's notebooks, vahidk's EffectivePyTorch, chenyuntc's pytorch-book ch. 2-3, NYU DLSP20),
each compared with plain NumPy / PyTorch / CPython on the same text, with the limits just below and above.

- `a.clip(0.0)`: the array method's bounds are both optional (np.clip wants both); np.clip(a, 0, None)
- NumPy's broadcast error names shapes as NumPy does, `(2,3) (2,)` (a lesson prints it)
- np.partition / np.argpartition (the work of many kth's checked), np.searchsorted, np.may_share_memory,
  np.diag_indices, np.logaddexp / logaddexp2 / nextafter
- `a.shape = (6, 4)` reshapes an array in place
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from autogradlab import error_text
from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s30 import fails_like_python

N = "import numpy as np\n"
ENGLISH = re.compile(r"[A-Za-z][a-z']*(?:[ ,]+[A-Za-z][a-z']*){3,}")


def limits(**changes):  # noqa: ANN001, ANN201
    return dataclasses.replace(DEFAULT_LIMITS, **changes)


def said_in_chinese(report) -> None:  # noqa: ANN001
    zh = error_text.box("zh", report.error)
    assert not ENGLISH.findall(re.sub(r"`[^`]*`", "", zh)), zh


# -- a.clip(min) ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    # Understanding Deep Learning's ReLU: `activation = preactivation.clip(0.0)`
    "a = np.array([-1.5, 0.2, 3.0])\nr = a.clip(0.0)\ns = a.clip(max=1.0)\nt = a.clip(0, 1)\n",
    "a = np.arange(-3, 4)\nr = a.clip(min=-1)\ns = a.clip(None, 2)\n"
    "print(a.clip(1), np.float64(-2.0).clip(0.0))\n",
    "a = np.arange(-3, 4)\nr = np.clip(a, 0, None)\ns = np.clip(a, None, 1)\nt = a.clip(np.zeros(7), 2)\n",
])
def test_array_clip_with_one_bound_like_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("line", [
    "np.clip(np.ones(3), 0.0)",          # np.clip wants both bounds (the method does not)
    "np.ones(3).clip(np.zeros(2))",      # bounds broadcast
])
def test_clip_fails_like_numpy(line: str) -> None:
    fails_like_python(N + f"r = {line}\n")


def test_array_clip_is_sized_first() -> None:
    source = N + "a = np.zeros({n})\nr = a.clip(np.zeros(({n}, 1)))\n"   # the broadcast: n * n
    assert run_program(source.format(n=100), limits=limits(max_tensor_elements=20_000)).ok
    report = run_program(source.format(n=200), limits=limits(max_tensor_elements=20_000))
    assert not report.ok and report.error.kind == "limit", report.error


# -- NumPy's broadcast message -------------------------------------------------------------------------
def test_broadcast_error_text_is_numpys() -> None:
    compare(N + "k = np.arange(6).reshape(2, 3)\n"   # ageron's tools_numpy prints it
            "try:\n    k + [33, 44]\nexcept ValueError as e:\n    print(e)\n"
            "try:\n    np.ones((2, 3)) * np.ones((4, 1, 5))\nexcept ValueError as e:\n    print(e)\n"
            "try:\n    np.clip(np.ones(3), np.zeros(2), 1)\nexcept ValueError as e:\n    print(e)\n")


# -- partition, searchsorted, may_share_memory, diag_indices, logaddexp --------------------------------
@pytest.mark.parametrize("snippet", [
    # the Python Data Science Handbook's "Sorting Arrays"
    "x = np.array([7, 2, 3, 1, 6, 5, 4])\nr = np.partition(x, 3)\n"
    "rng = np.random.default_rng(seed=42)\nX = rng.integers(0, 10, (4, 6))\ns = np.partition(X, 2, axis=1)\n",
    "X = np.arange(24)[::-1].reshape(4, 6) % 7\nr = np.argpartition(X, [1, 2], axis=0)\n"
    "s = np.partition(X, 2, None)\nt = np.partition(a=X, kth=(0, 3))\n",
    # its "Fancy Indexing" histogram
    "bins = np.linspace(-5, 5, 20)\nr = np.searchsorted(bins, [-1.0, 0.3, 7])\n"
    "s = np.searchsorted(bins, 0.0, side='right')\nt = np.searchsorted(bins, np.ones((2, 3)), 'left')\n",
    # the scipy-lectures' views
    "a = np.arange(10)\nc = a[::2]\nr = np.may_share_memory(a, c)\ns = np.may_share_memory(a, np.arange(3))\n"
    "t = np.may_share_memory(c, c.copy())\n",
    "r = np.diag_indices(3)\ns = np.diag_indices(2, 3)\nA = np.zeros((3, 3))\nA[np.diag_indices(3)] = 1\n",
    "r = np.logaddexp(1.0, [2.0, 3.0])\ns = np.logaddexp2(1, 1)\n"
    "print(np.nextafter(np.float32(0), np.float32(1)), np.nextafter(1.0, 2.0))\n",
])
def test_order_functions_like_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("line", [
    "np.partition(np.arange(7), 10)", "np.argpartition(np.ones(3), 5)",
    "np.partition(np.ones((2, 3)), 1, axis=2)",
    "np.partition(np.ones(3), 1.5)", "np.partition(np.ones(3), [[1]])",
    "np.argpartition(np.ones(3), [0.5, 1])", "np.searchsorted(np.arange(3), 1, side='middle')",
    "np.logaddexp(np.ones(2), np.ones(3))",
])
def test_order_functions_fail_like_numpy(line: str) -> None:
    fails_like_python(N + f"r = {line}\n")


@pytest.mark.parametrize("line", ["np.partition(np.zeros({n}), 1)", "np.argpartition(np.zeros({n}), 1)",
                                  "np.searchsorted(np.arange(3), np.zeros({n}))",
                                  "np.logaddexp(np.zeros(({n}, 1)), np.zeros((1, 1)))"])
def test_order_results_are_sized_first(line: str) -> None:
    n = 20_000
    source = N + "r = " + line + "\n"
    assert run_program(source.format(n=n), limits=limits(max_tensor_elements=n)).ok
    report = run_program(source.format(n=n + 200), limits=limits(max_tensor_elements=n))
    assert not report.ok and report.error.kind == "limit", report.error


@pytest.mark.parametrize("name", ["partition", "argpartition"])
def test_many_kths_are_checked_as_work(name: str) -> None:
    # NumPy re-scans the lane for each kth past its 50 kept pivots: 200,000 kth's of 200,000 values ran
    # ~28 s in one uninterruptible call (40,000 of 40,000: 1.1 s); the work is size * (kths - 50)
    source = N + f"r = np.{name}(np.zeros(1000), np.arange({{k}}))\n"
    assert run_program(source.format(k=150), limits=limits(max_call_work=100_000)).ok   # 100,000
    report = run_program(source.format(k=151), limits=limits(max_call_work=100_000))
    assert not report.ok and report.error.kind == "limit" and f"np.{name}" in report.error.message
    said_in_chinese(report)


@pytest.mark.parametrize("line", ["np.partition(np.arange(5), 'a')",
                                  "np.searchsorted(np.arange(3), 1, side=1)",
                                  "np.partition(np.arange(5), 2, kind='introselect')"])
def test_order_refusals_are_said_in_both_languages(line: str) -> None:
    report = run_program(N + f"r = {line}\n")
    assert not report.ok, line
    said_in_chinese(report)


# -- a.shape = (...) -----------------------------------------------------------------------------------
def test_assigning_an_arrays_shape_reshapes_it_like_numpy() -> None:
    compare(N + "g = np.arange(24)\ng.shape = (6, 4)\nprint(g)\nprint('Rank:', g.ndim)\n"
            "h = g\ng.shape = (2, 3, 4)\nprint(h.shape)\ng.shape = [4, -1]\nk = g.T.copy()\nk.shape = 24\n")


@pytest.mark.parametrize("body", ["g = np.arange(24)\ng.shape = (5, 5)\n",
                                  "g = np.arange(12).reshape(3, 4).T\ng.shape = 12\n",
                                  "g = np.arange(4)\ng.shape = (2, -1, -1)\n"])
def test_assigning_a_wrong_shape_fails_like_numpy(body: str) -> None:
    fails_like_python(N + body)


def test_assigning_a_shape_of_other_values_is_refused_in_both_languages() -> None:
    report = run_program(N + "g = np.arange(4)\ng.shape = (2.0, 2)\n")
    assert not report.ok and "shape must be an int or a tuple of ints" in report.error.message
    said_in_chinese(report)
    report = run_program(N + "g = np.arange(4)\ng.size = 2\n")   # other attributes stay refused
    assert not report.ok and report.error.kind == "unsupported"
    plain = run_trusted(N + "g = np.arange(4)\ng.shape = (2.0, 2)\n")
    assert isinstance(plain.error, TypeError)


# -- a view made under no_grad, then written in place (d2l's optimizers) ------------------------------
W = "import torch\nw = torch.ones(3, 1, requires_grad=True)\nl = (w * w).sum()\nl.backward()\n"


@pytest.mark.parametrize("body", [
    # d2l's sgd_momentum / adagrad / adam: `p[:] -= lr * v` inside no_grad (PyTorch refuses only to name
    # such a view's grad_fn; the engine's recorder asked for it and stopped the program)
    "v = torch.zeros(3, 1)\nwith torch.no_grad():\n    v[:] = 0.5 * v + w.grad\n    w[:] -= 0.1 * v\n"
    "w.grad.data.zero_()\nprint(w)\n",
    "with torch.no_grad():\n    w[0] -= 1\n    w[1:] += w.grad[1:]\nprint(w, w.grad_fn, w.requires_grad)\n",
    "torch.set_grad_enabled(False)\nw[:] *= 2\ntorch.set_grad_enabled(True)\n"
    "l = (w * 3).sum()\nl.backward()\n",
    "def step(p):\n    with torch.no_grad():\n        p[:] -= p.grad\nstep(w)\n"
    "m = (w ** 2).sum()\nm.backward()\n",
])
def test_in_place_writes_of_no_grad_views_run_like_pytorch(body: str) -> None:
    compare(W + body)


@pytest.mark.parametrize("body", [
    # the view named: its values are shown (the oracle's own namespace cannot be read back: PyTorch
    # refuses even `v.requires_grad` outside no_grad, so the printed text is compared)
    "with torch.no_grad():\n    v = w[:]\n    v -= 1\nprint(v)\nu = v.detach()\nprint(u)\n",
    "with torch.no_grad():\n    v = w[:]\n    v -= 1\n    print(v * 2)\n"
    "try:\n    print(v.requires_grad)\nexcept RuntimeError as e:\n    print(str(e)[:40])\n",
    # in a list
    "with torch.no_grad():\n    a, b = w.split(2)\n    a -= 1\n    pair = [(a, b), 3]\nprint(w)\n",
])
def test_a_named_written_no_grad_view_prints_like_pytorch(body: str) -> None:
    report, oracle = run_program(W + body), run_trusted(W + body)
    assert oracle.error is None and report.ok, report.error
    assert report.printed == oracle.printed


@pytest.mark.parametrize("tail", ["s = v.sum()\n", "print(v.grad_fn)\n", "print(v.is_leaf)\n"])
def test_asking_a_written_no_grad_view_for_its_graph_fails_like_pytorch(tail: str) -> None:
    source = W + "with torch.no_grad():\n    v = w[:]\n    v -= 1\n" + tail
    report, oracle = run_program(source), run_trusted(source)
    assert isinstance(oracle.error, RuntimeError) and not report.ok
    assert report.error.line == oracle.error_line
    assert report.error.message[:60] == str(oracle.error)[:60]
    caught = source.replace(tail, "try:\n    " + tail + "except RuntimeError as e:\n    print(e)\n")
    report, oracle = run_program(caught), run_trusted(caught)
    assert report.ok and report.printed == oracle.printed


# -- np.random's legacy draws with arrays of parameters; unsigned NumPy dtypes ---------------------------
@pytest.mark.parametrize("snippet", [
    "import torch\nx = torch.tensor(np.random.normal([3, 5]))\n",   # vahidk's EffectivePyTorch
    "np.random.seed(1)\nr = np.random.normal([0.0, 10.0], [1, 2], size=(3, 2))\n"
    "s = np.random.uniform(low=[0, 1], high=2)\nt = np.random.poisson([1, 2, 3])\n",
    "r = np.random.normal(0, 1, 3)\ns = np.random.normal(size=2)\nt = np.random.laplace(np.zeros((2, 2)))\n",
    # the scipy-lectures' "elaborate arrays"
    "r = np.iinfo(np.uint32).max, 2**32 - 1\na = np.array([1, 2, 300], dtype=np.uint32)\nb = a - 5\n"
    "c = np.uint64(7) // 2\nd = a.astype(np.uint8)\ne = np.zeros(3, dtype=np.uint16)\n",
])
def test_more_numpy_lessons_like_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_legacy_draws_with_array_parameters_fail_and_count_like_numpy() -> None:
    fails_like_python(N + "r = np.random.normal([1, 2], size=3)\n")
    source = N + "r = np.random.normal(np.zeros(({n}, 1)), np.ones((1, 100)))\n"   # the broadcast: n * 100
    assert run_program(source.format(n=200), limits=limits(max_tensor_elements=20_000)).ok
    report = run_program(source.format(n=201), limits=limits(max_tensor_elements=20_000))
    assert not report.ok and report.error.kind == "limit" and "np.random.normal" in report.error.message
    report = run_program(N + "r = np.random.randint([1, 2], 5)\n")   # (randint keeps plain numbers)
    assert not report.ok and report.error.kind == "unsupported"


# -- Generator.multivariate_normal ------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    # the Python Data Science Handbook's "Fancy Indexing"
    "rng = np.random.default_rng(seed=1701)\nmean = [0, 0]\ncov = [[1, 2],\n       [2, 5]]\n"
    "X = rng.multivariate_normal(mean, cov, 100)\nprint(X.shape)\n",
    "rng = np.random.default_rng(0)\nY = rng.multivariate_normal(np.zeros(3), np.eye(3), size=(2, 2), "
    "method='cholesky')\nZ = rng.multivariate_normal([1.0], [[2.0]])\n",
])
def test_multivariate_normal_like_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("line", ["rng.multivariate_normal([0, 0], np.eye(3))",
                                  "rng.multivariate_normal([0, 0], np.eye(2), method='nope')",
                                  "rng.multivariate_normal([0, 0], np.eye(2), -1)"])
def test_multivariate_normal_fails_like_numpy(line: str) -> None:
    fails_like_python(N + "rng = np.random.default_rng(0)\n" + f"r = {line}\n")


def test_multivariate_normal_is_sized_and_its_work_checked() -> None:
    source = N + (
        "rng = np.random.default_rng(0)\nr = rng.multivariate_normal(np.zeros(10), np.eye(10), {n})\n")
    assert run_program(source.format(n=2000), limits=limits(max_tensor_elements=20_000)).ok
    report = run_program(source.format(n=2001), limits=limits(max_tensor_elements=20_000))
    assert not report.ok and report.error.kind == "limit", report.error
    # the work: d**3 + n * d * d (the SVD of cov, then the product)
    work = source
    assert run_program(work.format(n=90), limits=limits(max_call_work=10_000)).ok     # 1,000 + 9,000
    report = run_program(work.format(n=91), limits=limits(max_call_work=10_000))
    assert not report.ok and report.error.kind == "limit" and "multivariate_normal" in report.error.message
    said_in_chinese(report)
    report = run_program(N + "rng = np.random.default_rng(0)\n"
                         "r = rng.multivariate_normal([0], [[1]], method=1)\n")
    assert not report.ok and report.error.kind == "unsupported"
    said_in_chinese(report)


# -- np.apply_along_axis ----------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    # PyTorchStepByStep ch. 0: every (b, w) pair's predictions
    "np.random.seed(42)\nx_train = np.random.rand(80, 1)\n"
    "bs, ws = np.linspace(-1, 3, 5), np.linspace(0, 4, 5)\n"
    "all_predictions = np.apply_along_axis(\n    func1d=lambda x: bs + ws * x,\n    axis=1,\n"
    "    arr=x_train\n)\n"
    "shape = all_predictions.shape\n",
    "def my_func(a):\n    return (a[0] + a[-1]) * 0.5\nb = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])\n"
    "r = np.apply_along_axis(my_func, 0, b)\ns = np.apply_along_axis(my_func, 1, b)\n"
    "t = np.apply_along_axis(sorted, 1, np.array([[8, 1, 7], [4, 3, 9], [5, 2, 6]]))\n"
    "u = np.apply_along_axis(np.diag, -1, b)\n",
    "r = np.apply_along_axis(lambda v, k: v * k, 0, np.arange(6).reshape(2, 3), 10)\n"
    "s = np.apply_along_axis(np.sum, 1, np.ones((2, 3)), keepdims=True)\n"
    "t = np.apply_along_axis(lambda v: v.max(), 2, np.arange(24).reshape(2, 3, 4))\n",
])
def test_apply_along_axis_like_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("line", [
    "np.apply_along_axis(np.sum, 2, np.ones((2, 2)))",
    "np.apply_along_axis(np.sum, 0, np.ones((2, 0)))",
    "np.apply_along_axis(lambda v: v[:int(v[0])], 1, np.array([[1, 0], [2, 0]]))",   # results of two sizes
    "np.apply_along_axis(3, 0, np.ones(2))",
])
def test_apply_along_axis_fails_like_numpy(line: str) -> None:
    fails_like_python(N + f"r = {line}\n")


def test_apply_along_axis_slices_are_read_only_and_the_result_is_counted() -> None:
    report = run_program(N + "def f(v):\n    v[0] = 9\n    return v\n"
                         "r = np.apply_along_axis(f, 0, np.zeros(3))\n")
    assert not report.ok and "read-only" in report.error.message   # (no write around the checks)
    source = N + "r = np.apply_along_axis(lambda v: np.zeros({k}), 0, np.zeros((2, 100)))\n"   # 100 * k
    assert run_program(source.format(k=200), limits=limits(max_tensor_elements=20_000)).ok
    report = run_program(source.format(k=201), limits=limits(max_tensor_elements=20_000))
    assert not report.ok and report.error.kind == "limit", report.error
    report = run_program(N + "r = np.apply_along_axis(lambda v: v.sum(), 1, np.zeros((10**6, 1)))\n",
                         limits=limits(max_steps=10_000))   # one call a row: the step budget holds
    assert not report.ok and report.error.kind == "limit", report.error
    report = run_program(N + "def f(v):\n    while True:\n        pass\n"   # a limit inside stays uncatchable
                         "try:\n    r = np.apply_along_axis(f, 0, np.zeros(3))\n"
                         "except Exception:\n    pass\n",
                         limits=limits(max_steps=10_000))
    assert not report.ok and report.error.kind == "limit", report.error


# -- torch.cuda's other members say there is no GPU ----------------------------------------------------
@pytest.mark.parametrize("line", ["dtype = torch.cuda.FloatTensor", "torch.cuda.synchronize()",
                                  "x = torch.randn(10, 20).type(torch.cuda.FloatTensor)"])
def test_torch_cuda_members_say_there_is_no_gpu_in_both_languages(line: str) -> None:
    # 廖星宇's 深度学习入门之PyTorch ch. 2: `dtype = torch.cuda.FloatTensor` (plain PyTorch here fails too)
    report = run_program("import torch\nprint(1)\n" + line + "\n")
    assert not report.ok and report.error.kind == "unsupported" and report.error.line == 3
    assert report.printed == "1\n" and "there is no GPU here" in report.error.hint
    said_in_chinese(report)
    assert run_program("import torch\nok = torch.cuda.is_available()\n").ok   # the answers stay


# -- np.polyfit / np.polyval ----------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "x = np.linspace(-np.pi, np.pi, 200)\ny = np.sin(x)\nc = np.polyfit(x, y, 3)\n"
    "print(np.polyval(c, 1.0), np.polyval(c, [0.0, 0.5]), np.polyval([1, 2, 3], 2))\n",
    "x = np.linspace(0, 1, 20)\nY = np.stack([x ** 2, np.cos(x)], axis=1)\nc = np.polyfit(x, Y, 2)\n"
    "v = np.polyval(np.ones((3, 2)), np.array([1.0, 2.0]))\n",
])
def test_polyfit_and_polyval_like_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("line", ["np.polyfit([1.0, 2.0], [1.0], 1)",
                                  "np.polyfit([1.0, 2.0], [1.0, 2.0], -1)",
                                  "np.polyval(np.ones((3, 2)), np.ones(3))"])
def test_polyfit_and_polyval_fail_like_numpy(line: str) -> None:
    fails_like_python(N + f"r = {line}\n")


def test_polyfit_and_polyval_are_sized_and_their_work_checked() -> None:
    fit = N + "x = np.linspace(0, 1, 1000)\nr = np.polyfit(x, x, {d})\n"   # 1,000 * (d + 1) * (d + 2)
    assert run_program(fit.format(d=9), limits=limits(max_call_work=110_000)).ok        # 110,000
    report = run_program(fit.format(d=10), limits=limits(max_call_work=110_000))
    assert not report.ok and report.error.kind == "limit" and "np.polyfit" in report.error.message
    said_in_chinese(report)
    from autogradlab.lang.numpy_poly1d import EVAL_UNITS  # units a coefficient-point (session 32)
    val = N + "x = np.zeros(1000)\nr = np.polyval(np.ones({k}), x)\n"   # EVAL_UNITS * k * 1,000
    assert run_program(val.format(k=100), limits=limits(max_call_work=EVAL_UNITS * 100_000)).ok
    report = run_program(val.format(k=101), limits=limits(max_call_work=EVAL_UNITS * 100_000))
    assert not report.ok and report.error.kind == "limit" and "np.polyval" in report.error.message
    said_in_chinese(report)
    report = run_program(N + "r = np.polyval([1.0], np.zeros(20_001))\n",
                         limits=limits(max_tensor_elements=20_000))
    assert not report.ok and report.error.kind == "limit"

"""The constructs Session 23's new tutorials needed (tests/programs/tutorial_loeber_*, _nlp_intro_torch,
_linalg_docs, _func_docs): NumPy scalars' array methods, `import torch.optim as optim`, `from torch.linalg
import multi_dot`, linalg.cond / solve_triangular (and their work limit just below and above), tril_/triu_,
vmap's dict in_dims, a bare function name shown as Python shows it, and the Variables table's order of a
name first bound by an import or a def. Plain Python / PyTorch (tests/oracle.py) is the oracle."""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine.run import run_program
from autogradlab.lang.call_work import check_work
from autogradlab.lang.func_running import _batch_rows
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted
from tests.unit.test_call_work import meta, refused

T = "import torch\nimport numpy as np\n"


def run(source: str):
    return run_program(source, torchviz=False)


def same_as_python(source: str) -> None:
    """Same outcome, printed text and displays as plain Python."""
    ours, real = run(source), run_trusted(source)
    assert ours.ok == (real.error is None), (ours.error, real.error)
    assert ours.printed == real.printed
    assert [(d.line, d.text) for d in ours.displayed] == real.displayed


@pytest.mark.parametrize("expression", [
    "np.dot(2 * X, X - 1).mean()", "np.float32(2.5).sum()", "np.float32(2.5).mean(keepdims=True)",
    "np.int64(3).mean()", "np.float64(1.5).item()", "np.float32(2.5).astype(np.int32)",
    "np.float32(2.5).reshape(1, 1)", "np.float64(1.5).min()", "np.float32(7).max(axis=None)"])
def test_numpy_scalars_have_the_array_methods(expression):
    same_as_python(T + "X = np.array([1, 2, 3, 4], dtype=np.float32)\n"
                       f"v = {expression}\nprint(repr(v), type(v))\n")


@pytest.mark.parametrize("expression", ["np.float32(2.5).max(axis=1)", "np.float32(2.5).reshape(2)",
                                        "np.float32(2.5).reshape(" + ", ".join(["1"] * 65) + ")"])
def test_numpy_scalar_methods_fail_as_numpy_fails(expression):
    source = T + f"v = {expression}\n"
    ours, real = run(source), run_trusted(source)
    assert real.error is not None and not ours.ok and ours.error.line == real.error_line == 3
    if "65" in str(real.error):   # the engine's own, lower bound on dimensions (errors_runtime.np_dims)
        assert "maximum supported dimension for an ndarray" in ours.error.message
    else:
        assert str(real.error).split(":")[0].lower() in ours.error.message.lower()


def test_import_torch_optim_binds_and_an_optimizer_is_named_not_covered():
    same_as_python(T + "import torch.optim as optim\nfrom torch import optim as o\nprint(optim.Optimizer)\n")
    for line in ("import torch.optim as optim\nopt = optim.SGD([torch.ones(1)], lr=0.1)",
                 "from torch import optim\nopt = optim.Adam([torch.ones(1)])"):
        report = run(T + line + "\n")
        assert report.error.kind == "unsupported" and report.error.line == 4
        assert "optimizers (torch.optim)" in report.error.hint
    report = run(T + "from torch.optim import SGD\n")   # refused before anything runs, as before
    assert report.error.kind == "unsupported" and "optimizers (torch.optim)" in report.error.hint


def test_from_torch_linalg_imports_its_allowed_functions():
    same_as_python(T + "from torch.linalg import multi_dot, cond as c\n"
                       "A = torch.arange(6.).view(2, 3)\nB = torch.arange(6.).view(3, 2)\n"
                       "print(multi_dot([A, B, torch.eye(2)]))\nprint(c(torch.tensor([[2., 0], [0, 1]])))\n")
    report = run(T + "from torch.linalg import householder_product\n")
    assert report.error.kind == "unsupported" and "householder_product" in report.error.message


def test_cond_and_solve_triangular_equal_pytorch():
    same_as_python(T + "torch.manual_seed(0)\nA = torch.randn(3, 3).triu_() + 3 * torch.eye(3)\n"
                       "B = torch.randn(3, 4)\nX = torch.linalg.solve_triangular(A, B, upper=True)\n"
                       "print(X)\nprint(torch.linalg.solve_triangular(A.mT, B.mT, upper=False, left=False))\n"
                       "for p in [None, 'fro', 'nuc', float('inf'), -1, 2, -2]:\n"
                       "    print(torch.linalg.cond(A, p))\n"
                       "print(torch.linalg.cond(A, p='fro'))\n")


def test_cond_work_is_checked_just_below_and_above_the_limit():
    assert not refused("linalg.cond", [meta(1000, 1000)]) and refused("linalg.cond", [meta(1001, 1001)])
    assert refused("linalg.cond", [meta(1001, 1001)], {"p": "fro"})
    report = run(T + "A = torch.eye(1001)\nc = torch.linalg.cond(A)\n")
    assert (report.error.line, report.error.key) == (4, "errors_lang.call_work")


@pytest.mark.parametrize("op", ["linalg.solve_triangular", "linalg.solve"])
def test_solve_work_counts_the_right_hand_sides_on_either_side(op):
    """500x500: 1.25e8 for the matrix, 500*500 per right-hand side: 3,500 of them fit in 1e9, 3,501 not;
    left=False takes B's rows as the right-hand sides."""
    assert DEFAULT_LIMITS.max_call_work == 1000 ** 3
    a = meta(500, 500)
    assert not refused(op, [a, meta(500, 3500)]) and refused(op, [a, meta(500, 3501)])
    assert not refused(op, [a, meta(3500, 500)], {"left": False})
    assert refused(op, [a, meta(3501, 500)], {"left": False})


def test_tril_and_triu_in_place_equal_pytorch():
    same_as_python(T + "a = torch.arange(9.).view(3, 3)\nb = a.clone()\nprint(a.tril_())\n"
                       "print(b.triu_(diagonal=1), b)\nprint(a.tril_(-1))\n"
                       "w = torch.ones(2, 2, requires_grad=True)\ny = (w * 2).triu_()\ny.sum().backward()\n"
                       "print(w.grad)\n")
    source = T + "w = torch.ones(2, 2, requires_grad=True)\nw.tril_()\n"
    ours, real = run(source), run_trusted(source)
    assert real.error is not None and ours.error.line == real.error_line == 4
    assert "leaf tensor that requires grad (tril_)" in ours.error.message   # the engine's words for it


def test_vmap_takes_a_dict_of_in_dims_for_a_dict_argument():
    same_as_python(T + "torch.manual_seed(0)\nf = lambda d: torch.dot(d['x'], d['y'])\n"
                       "x, y = torch.randn(2, 5), torch.randn(5)\n"
                       "print(torch.vmap(f, in_dims=({'x': 0, 'y': None},))({'x': x, 'y': y}))\n")


def test_a_dict_of_in_dims_counts_its_rows_and_stays_small():
    rows = _batch_rows([{"x": torch.ones(7, 3), "y": torch.ones(3)}], ({"x": 0, "y": None},))
    assert rows == 7
    assert _batch_rows([{"x": torch.ones(7, 3)}], 0) == 7
    for dims in ("{1: 0}", "{'k' + str(i): 0 for i in range(65)}", "{'x': 'a'}"):
        report = run(T + f"f = lambda d: d\ng = torch.vmap(f, in_dims=({dims},))\n")
        assert report.error.kind == "type" and "in_dims" in report.error.message
    assert run(T + "g = torch.vmap(lambda d: d, in_dims=({'k' + str(i): 0 for i in range(64)},))\n").ok


def test_a_vmap_over_a_dict_counts_every_row_against_the_work_limit():
    from dataclasses import replace
    limits = replace(DEFAULT_LIMITS, max_call_work=1_000_000)
    for rows, ok in ((15, True), (16, False)):
        source = (T + f"A = torch.eye(40).expand({rows}, 40, 40)\n"
                  + "f = lambda d: torch.linalg.inv(d['a'] + d['s'])\n"
                  + "r = torch.vmap(f, in_dims=({'a': 0, 's': None},))({'a': A, 's': torch.zeros(40, 40)})\n")
        report = run_program(source, torchviz=False, limits=limits)
        assert report.ok == ok, report.error
        if not ok:
            assert report.error.key == "errors_lang.call_work"


def test_a_bare_function_name_shows_as_python_shows_it():
    same_as_python(T + "import math\nimport torch.nn.functional as F\ndef f(x):\n    return x\n"
                       "g = lambda x: x\ntorch.dot\nf\ng\nprint\nmath.sqrt\nlen\nF.relu\nnp.dot\n"
                       "torch.linalg.inv\n")


def test_a_name_bound_by_an_import_or_def_keeps_its_place_when_it_later_holds_data():
    for first in ("from torch.func import grad", "def grad(v):\n    return v", "grad = lambda v: v",
                  "import math as grad"):
        source = T + first + "\nx = torch.ones(2)\ngrad = x * 2\n"
        assert list(run(source).variables) == list(run_trusted(source).variables) == ["grad", "x"]


def test_check_work_names_cond_in_its_message():
    with pytest.raises(Exception, match="linalg.cond of shape"):
        check_work(DEFAULT_LIMITS.max_call_work, "linalg.cond", [meta(2000, 2000)], {})


@pytest.mark.parametrize("call, line", [
    ("from torch.linalg import cond as c\nA = torch.eye(1001)\nfor i in range(2):\n    d = c(A)\n", 6),
    ("from torch.linalg import solve_triangular as st\nA = torch.eye(500)\nB = torch.ones(3501, 500)\n"
     "for i in range(2):\n    X = st(A, B, upper=True, left=False)\n", 7)])
def test_an_imported_linalg_name_is_checked_like_the_full_name_in_a_loop(call, line):
    report = run(T + call)
    assert (report.error.line, report.error.key) == (line, "errors_lang.call_work")


def test_nested_dict_in_dims_stay_shallow():
    report = run(T + "g = torch.vmap(lambda d: d, in_dims=({'a': {'b': {'c': 0}}},))\n")
    assert report.error.kind == "type" and "in_dims" in report.error.message
    assert run(T + "g = torch.vmap(lambda d: d, in_dims=({'a': {'b': 0}},))\n").ok


@pytest.mark.parametrize("call", ["np.meshgrid(np.arange(-1, 1, 0.5), np.arange(3))",
                                  "np.meshgrid([1, 2], np.arange(3), np.array([0.5]), indexing='ij')",
                                  "np.meshgrid(np.arange(3))", "np.meshgrid(2.0, np.arange(2))"])
def test_meshgrid_equals_numpy(call):
    same_as_python(T + f"grids = {call}\nprint(type(grids), len(grids))\nfor g in grids:\n"
                       "    print(g.shape, g.dtype)\n    print(g)\n")


def test_meshgrid_is_sized_before_numpy_builds_it():
    report = run(T + "X, Y = np.meshgrid(np.arange(2000), np.arange(2500))\nprint(X.shape, Y[3, 5])\n")
    assert report.ok and report.printed == "(2500, 2000) 3\n"   # 5,000,000 each: just at the limit
    report = run(T + "X, Y = np.meshgrid(np.arange(2000), np.arange(2501))\n")
    assert (report.error.kind, report.error.line) == ("limit", 3) and "5,002,000" in report.error.message
    from dataclasses import replace
    small = replace(DEFAULT_LIMITS, max_tensor_elements=100, max_total_elements=150)
    # every grid counts: 10 + 6 inputs and two grids of 60 fit in 150; 10 + 7 and two of 70 do not
    assert run_program(T + "g = np.meshgrid(np.arange(10), np.arange(6))\n", torchviz=False, limits=small).ok
    report = run_program(T + "g = np.meshgrid(np.arange(10), np.arange(7))\n", torchviz=False, limits=small)
    assert report.error.kind == "limit" and "np.meshgrid" in report.error.message
    report = run(T + "X, Y = np.meshgrid(np.arange(3), np.arange(2), sparse=True)\n")
    assert report.error.kind == "unsupported" and "np.meshgrid" in report.error.message

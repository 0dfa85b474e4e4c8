"""functools.partial and torch.func's transforms (session 22, issue 9 breadth): values and printed text
equal plain PyTorch (tests/oracle.py) for program functions, lambdas, partials and torch functions;
limits inside transforms just below and above each boundary (a vmap batch counts every row), kept
batched tensors and constructs the checks cannot see inside a transform refused by name, and a time
limit inside grad() stays uncatchable."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import ADDRESS, run_trusted, value_mismatches

T = ("import torch\nfrom functools import partial\nfrom torch.func import grad, grad_and_value, jacrev, "
     "jacfwd, hessian, vmap, vjp, jvp\ntorch.manual_seed(0)\n")   # 4 lines: a program's first line below is 5


def same(source: str) -> None:
    report, oracle = run_program(source, torchviz=False), run_trusted(source)
    assert oracle.error is None and report.ok, (oracle.error, report.error)
    assert report.printed == ADDRESS.sub(">", oracle.printed), (report.printed, oracle.printed)
    assert [(d.line, d.text) for d in report.displayed] == [(line, ADDRESS.sub(">", text))
                                                            for line, text in oracle.displayed]
    problems = [p for name, real in oracle.variables.items() if name in report.variables
                for p in value_mismatches(report.variables[name], real, name)]
    assert not problems, problems


def refused(source: str, limits=DEFAULT_LIMITS):  # noqa: ANN001, ANN201
    report = run_program(source, torchviz=False, limits=limits)
    assert report.error is not None
    return report.error


@pytest.mark.parametrize("tail", [
    "def f(a, b, c=1):\n    return a * 10 + b + c\ng = partial(f, 1, c=5)\nprint(g(2), partial(g, 3)())\n",
    "s = partial(torch.add, torch.ones(2))\nprint(s(torch.ones(2), alpha=3))\n",
    "def f(a, b):\n    return a - b\nprint(list(map(partial(f, 10), [1, 2])), "
    "partial(lambda x, y: x * y, 3)(4))\n",
    "def f(a, b):\n    return a - b\nprint([partial(f, 1), partial(f, 2)][1](5))\n",
])
def test_partial_equals_python(tail: str) -> None:
    same(T + tail)


def test_a_partial_prints_like_python_without_addresses() -> None:
    report = run_program(T + "def f(a, b, c=1):\n    return a\nprint(partial(f, 1, c=5))\n", torchviz=False)
    assert report.printed == "functools.partial(<function f>, 1, c=5)\n"


def test_a_partial_call_meets_the_size_checks_of_a_direct_call() -> None:
    error = refused(T + "k = partial(torch.ones, 10**6)\nk(10**6)\n")
    assert (error.kind, error.line) == ("limit", 6) and "max_tensor_elements" in error.hint


def test_a_partial_cannot_reach_a_library_call() -> None:
    error = refused(T + "def f(a):\n    return a\nx = torch.tensor([partial(f, 1)])\n")
    assert error.kind == "unsupported" and error.line == 7


P = ("def predict(weight, bias, x):\n    return torch.nn.functional.linear(x, weight, bias).tanh()\n"
     "weight = torch.randn(5, 4)\nbias = torch.randn(5)\nx = torch.randn(4)\n")


@pytest.mark.parametrize("tail", [
    "def f(x):\n    return x.sin().sum()\ng = grad(f)(torch.randn(6))\n",
    "g = grad(lambda x, y: (x * y).sum(), argnums=(0, 1))(torch.randn(3), torch.randn(3))\n",
    "def f(x):\n    return x.pow(2).sum(), x.mean()\n"
    "g, v = grad_and_value(f, has_aux=True)(torch.randn(4))\n",
    P + "j = jacrev(predict, argnums=2)(weight, bias, x)\n"
        "jw, jb = jacrev(predict, argnums=(0, 1))(weight, bias, x)\n",
    P + "j = jacfwd(predict, argnums=2)(weight, bias, x)\n",
    P + "h = hessian(predict, argnums=2)(weight, bias, x)\nh2 = jacrev(jacrev(predict, argnums=2), argnums=2)"
        "(weight, bias, x)\n",
    P + "_, vjp_fn = vjp(partial(predict, weight, bias), x)\nj, = vmap(vjp_fn)(torch.eye(5))\n",
    P + "b = vmap(jacrev(predict, argnums=2), in_dims=(None, None, 0))(weight, bias, torch.randn(3, 4))\n",
    "def f(x):\n    return x.sin().sum()\nout, t = jvp(grad(f), (torch.randn(5),), (torch.randn(5),))\n",
    "y = vmap(torch.dot)(torch.randn(3, 4), torch.randn(3, 4))\n"
    "z = torch.vmap(torch.sum)(torch.ones(2, 3))\n",
    "y = vmap(lambda a, b: a * b, in_dims=(1, None), out_dims=1)(torch.randn(2, 3), torch.randn(2))\n",
    "def f(x):\n    print('inside', x)\n    return x.sin().sum()\ng = grad(f)(torch.ones(3))\nprint(g)\n",
    "def f(r):\n    print(r.shape)\n    return r * 2\ny = vmap(f)(torch.ones(3, 2))\n",
    "def hvp(f, primals, tangents):\n    return jvp(grad(f), primals, tangents)[1]\n"
    "def f(x):\n    return x.sin().sum()\nr = hvp(f, (torch.randn(8),), (torch.randn(8),))\n",
])
def test_transform_equals_pytorch(tail: str) -> None:
    same(T + tail)


def test_item_under_vmap_fails_as_in_pytorch() -> None:
    source = T + "def f(r):\n    return r.sum().item()\ny = vmap(f)(torch.ones(3, 2))\n"
    assert run_trusted(source).error is not None   # PyTorch's RuntimeError; the engine names the inner line
    error = refused(source)
    assert error.line == 6 and ".item()" in error.message


@pytest.mark.parametrize("rows, ok", [(1_250_000, True), (1_250_001, False)])
def test_a_vmap_batch_counts_every_row_of_each_op(rows: int, ok: bool) -> None:
    """Each row makes 4 elements: 1,250,000 rows are the 5,000,000 of max_tensor_elements."""
    source = T + f"y = vmap(lambda r: r.repeat(2))(torch.zeros({rows}, 2))\nprint(y.shape)\n"
    report = run_program(source, torchviz=False)
    if ok:
        assert report.ok and report.printed == f"torch.Size([{rows}, 4])\n", report.error
    else:
        assert (report.error.kind, report.error.line) == ("limit", 5), report.error
        assert "repeat" in report.error.message and f"{rows * 4:,}" in report.error.message


@pytest.mark.parametrize("rows, ok", [(15, True), (16, False)])
def test_a_vmap_batch_counts_every_row_of_the_call_work(rows: int, ok: bool) -> None:
    """15 * 40**3 is below a max_call_work of 1,000,000, 16 * 40**3 above (test_call_work's precedent)."""
    limits = dataclasses.replace(DEFAULT_LIMITS, max_call_work=1_000_000)
    source = T + f"a = torch.randn({rows}, 40, 40) / 100 + torch.eye(40)\ny = vmap(torch.linalg.inv)(a)\n"
    report = run_program(source, torchviz=False, limits=limits)
    if ok:
        assert report.ok, report.error
    else:
        assert (report.error.line, report.error.key) == (6, "errors_lang.call_work"), report.error


@pytest.mark.parametrize("n, ok", [(2236, True), (2237, False)])
def test_jacrevs_vmapped_backward_is_bounded_before_it_runs(n: int, ok: bool) -> None:
    """jacrev's backward holds one row per output element of (at least) the input's size:
    2236**2 = 4,999,696 elements, 2237**2 = 5,004,169 (max_tensor_elements 5,000,000)."""
    report = run_program(T + f"j = jacrev(torch.sin)(torch.ones({n}))\n", torchviz=False)
    if ok:
        assert report.ok, report.error
    else:
        assert (report.error.kind, report.error.line) == ("limit", 5) and "jacrev" in report.error.message


def test_a_batched_tensor_kept_after_vmap_is_refused_at_the_call() -> None:
    error = refused(T + "kept = []\ndef f(r):\n    kept.append(r * 2)\n    return r\n"
                        "y = vmap(f)(torch.ones(3, 2))\nprint(kept[0] + 1)\n")
    assert (error.kind, error.line) == ("unsupported", 9)
    assert "kept a tensor batched by vmap (line 7)" in error.message


@pytest.mark.parametrize("inside, construct", [   # backward(), autograd.grad: test_func2_s25.py
    ("x.register_hook(print)", "register_hook"),
])
def test_what_the_checks_cannot_see_inside_a_transform_is_refused(inside: str, construct: str) -> None:
    error = refused(T + f"def f(x):\n    {inside}\n    return x.sin().sum()\ng = grad(f)(torch.ones(3))\n")
    assert error.kind == "unsupported" and error.line == 6, error
    assert construct in error.message and "inside a torch.func transform" in error.message


def test_a_time_limit_inside_grad_is_not_catchable() -> None:
    limits = dataclasses.replace(DEFAULT_LIMITS, timeout_s=1.0, max_steps=10**9, max_loop_iterations=10**9)
    source = T + ("def f(x):\n    while True:\n        x = x * 1.0\n    return x.sum()\n"
                  "try:\n    g = grad(f)(torch.ones(3))\nexcept Exception:\n    print('caught')\n")
    error = refused(source, limits)
    assert error.kind == "timeout", error


def test_a_limit_inside_vmap_is_not_catchable() -> None:
    source = T + ("try:\n    y = vmap(lambda r: r.repeat(3))(torch.zeros(1000000, 2))\n"
                  "except Exception:\n    print('caught')\n")
    error = refused(source)
    assert (error.kind, error.line) == ("limit", 6), error


@pytest.mark.parametrize("call, says", [
    ("vmap(torch.sin, chunk_size=[2])", "chunk_size"),   # session 24: an int runs
    ("grad(torch.sin, has_aux=1)", "has_aux"),
    ("jacrev(3)", "needs a function"),
])
def test_transform_options_outside_the_table_are_refused(call: str, says: str) -> None:
    error = refused(T + f"f = {call}\n")
    assert error.line == 5 and says in error.message, error


def test_the_tutorials_din_512_hessian_is_refused_by_the_element_limit() -> None:
    """The cell left out of tests/programs/tutorial_jacobians_hessians_func.py: its Hessian has
    32 x 512 x 512 = 8,388,608 elements; refused before jacrev's vmapped backward makes them."""
    source = T + P.replace("5, 4", "32, 512").replace("(5)", "(32)").replace("(4)", "(512)") + \
        "hess_api = hessian(predict, argnums=2)(weight, bias, x)\n"
    error = refused(source)
    assert (error.kind, error.line) == ("limit", 10) and "max_tensor_elements" in error.hint, error


@pytest.mark.parametrize("rows, ok", [(15, True), (16, False)])
def test_jacrevs_vmapped_backward_counts_each_costly_op_once_per_output(rows: int, ok: bool) -> None:
    """jacrev's backward runs inv's backward once per output element: 15 * 40**3 below a max_call_work
    of 1,000,000, 16 * 40**3 above."""
    limits = dataclasses.replace(DEFAULT_LIMITS, max_call_work=1_000_000)
    source = T + ("A = torch.randn(40, 40) / 100 + torch.eye(40)\n"
                  f"j = jacrev(lambda a: torch.linalg.inv(a)[0, :{rows}])(A)\n")
    report = run_program(source, torchviz=False, limits=limits)
    if ok:
        assert report.ok, report.error
    else:
        assert (report.error.line, report.error.key) == (6, "errors_lang.call_work"), report.error


@pytest.mark.parametrize("tail", [
    "def f(x):\n    return x.sin(), x.cos().sum()\nout, vjp_fn, aux = vjp(f, torch.randn(4), has_aux=True)\n"
    "g, = vjp_fn(torch.ones(4))\n",
    "def f(x):\n    return x.sin(), x.sum()\nj, aux = jacrev(f, has_aux=True)(torch.randn(3))\n",
    "def f(x):\n    return x.exp(), x.mean()\n"
    "out, t, aux = jvp(f, (torch.randn(3),), (torch.ones(3),), has_aux=True)\n",
])
def test_has_aux_equals_pytorch(tail: str) -> None:
    same(T + tail)


@pytest.mark.parametrize("copies, ok", [(11, True), (13, False)])
def test_what_a_vmapped_function_holds_counts_every_row_in_the_total(copies: int, ok: bool) -> None:
    """Each copy holds 1,000,000 rows x 4 elements: with max_total_elements 50,000,000 and 4,000,000 of
    input, 11 copies (48,000,000) fit, 13 (56,000,000) do not; the running total counted one row each
    before (4 elements a copy)."""
    limits = dataclasses.replace(DEFAULT_LIMITS, max_total_elements=50_000_000)
    source = T + (f"def f(r):\n    kept = [r * k for k in range({copies})]\n    return kept[-1]\n"
                  "y = vmap(f)(torch.ones(1000000, 4))\n")
    report = run_program(source, torchviz=False, limits=limits)
    if ok:
        assert report.ok, report.error
    else:
        assert report.error.kind == "limit" and report.error.line == 6, report.error

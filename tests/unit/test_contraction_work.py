"""einsum / multi_dot of three or more tensors (lang/contraction_work.py): the largest intermediate of
the contraction order torch uses is checked against max_tensor_elements, and its products against
max_call_work, before the call. Boundaries use meta tensors (shapes only, no kernels)."""

from __future__ import annotations

import time

import pytest
import torch

from autogradlab import messages
from autogradlab.lang.contraction_work import check_contraction
from autogradlab.lang.sizes import SizeGuard
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted

ELEMENTS = DEFAULT_LIMITS.max_tensor_elements
WORK = DEFAULT_LIMITS.max_call_work
T = "import torch\n"
assert ELEMENTS == 5_000_000 and WORK == 1000 ** 3   # the shapes below are written for these


@pytest.fixture(scope="module")
def run():
    from autogradlab.engine.run import run_program

    return lambda source: run_program(source, torchviz=False)


def meta(*shape: int, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    return torch.empty(*shape, device="meta", dtype=dtype)


def refusal(op: str, fn, args: list) -> str | None:
    """The limit named by the refusal's hint, or None when the call may run."""
    try:
        check_contraction(SizeGuard(DEFAULT_LIMITS), op, fn, args, {})
    except Exception as error:  # noqa: BLE001 - the test looks at which
        assert type(error).__name__ == "LimitExceeded"
        return error.hint.rsplit("limit ", 1)[-1].rstrip(")")
    return None


def einsum(args: list) -> str | None:
    return refusal("einsum", torch.einsum, args)


def multi_dot(args: list) -> str | None:
    return refusal("linalg.multi_dot", torch.linalg.multi_dot, args)


def test_torch_contracts_left_to_right_here():
    """Without opt_einsum torch.einsum passes no path: A and B first, an a*b*c*d outer product."""
    assert not torch.backends.opt_einsum.is_available() and not torch.backends.opt_einsum.enabled


def test_einsum_intermediate_boundary():
    # A(100x20) B(100xd) C(20xd): A,B first -> 100*20*100*d elements, the output only 100x100
    assert einsum(["ab,cd,bd->ac", meta(100, 20), meta(100, 25), meta(20, 25)]) is None
    assert einsum(["ab,cd,bd->ac", meta(100, 20), meta(100, 26), meta(20, 26)]) \
        == "max_tensor_elements"
    # the same three in an order whose pairs contract: no big intermediate
    assert einsum(["ab,bd,cd->ac", meta(100, 20), meta(20, 26), meta(100, 26)]) is None
    # the operand-list form and the sublist form take the same path
    assert einsum(["ab,cd,bd->ac", [meta(100, 20), meta(100, 26), meta(20, 26)]]) \
        == "max_tensor_elements"
    assert einsum([meta(100, 20), [0, 1], meta(100, 26), [2, 3], meta(20, 26), [1, 3],
                                            [0, 2]]) == "max_tensor_elements"


def test_two_operands_are_left_to_the_element_limits():
    assert einsum(["ab,cd->ac", meta(3000, 3000), meta(3000, 3000)]) is None


def test_multi_dot_work_boundary():
    """Three n x n matrices: two products of n^3 multiply-adds (1/16 unit each) plus the results."""
    assert multi_dot([[meta(1990, 1990)] * 3]) is None
    assert multi_dot([[meta(2000, 2000)] * 3]) == "max_call_work"
    assert multi_dot([[meta(1570, 1570, dtype=torch.float64)] * 3]) \
        is None
    assert multi_dot([[meta(1600, 1600, dtype=torch.float64)] * 3]) \
        == "max_call_work"   # float64 counts twice


def test_einsum_work_boundary():
    """Intermediates within the element limit, products above the work limit: 'ab,bc,cd->ad' of
    n x n matrices is two n^3 products."""
    assert einsum(["ab,bc,cd->ad"] + [meta(1990, 1990)] * 3) is None
    assert einsum(["ab,bc,cd->ad"] + [meta(2000, 2000)] * 3) == "max_call_work"


def test_refused_in_a_program_uncatchable_en_and_zh(run):
    started = time.perf_counter()
    source = (T + "A = torch.randn(100, 20)\nB = torch.randn(100, 26)\nC = torch.randn(20, 26)\n"
              "try:\n    y = torch.einsum('ab,cd,bd->ac', A, B, C)\nexcept Exception:\n    y = 0\n"
              "print('after')\n")
    report = run(source)
    assert time.perf_counter() - started < 10
    error = report.error
    assert (error.kind, error.line, error.key) == ("limit", 6, "errors_lang.contraction_elements")
    params = dict(error.params)
    assert params == {"what": "einsum", "shape": "[100, 20], [100, 26], [20, 26]", "elements": "5,200,000",
                      "limit": f"{ELEMENTS:,}"}
    assert messages.text("en", error.key, **params) == error.message
    assert "after" not in report.printed
    zh = messages.text("zh", error.key, **params)
    assert "einsum" in zh and "5,200,000" in zh and zh != error.message
    assert error.hint_key == "errors_lang.hint_contraction_elements"
    assert messages.text("zh", error.hint_key) != error.hint
    # a loop's planned function site and multi_dot's list argument are checked too
    loop = run(T + "A = torch.randn(100, 20)\nB = torch.randn(100, 26)\nC = torch.randn(20, 26)\n"
               "for i in range(3):\n    y = torch.einsum('ab,cd,bd->ac', A, B, C)\n").error
    assert (loop.line, loop.key) == (6, "errors_lang.contraction_elements")
    dot = run(T + "m = torch.zeros(2000, 2000)\ny = torch.linalg.multi_dot([m, m, m])\n").error
    assert (dot.line, dot.key) == (3, "errors_lang.call_work")


@pytest.mark.parametrize("rows, refused_here", [(100, False), (101, True)])
def test_a_vmap_batch_counts_every_row(run, rows, refused_here):
    """jacobian's forward mode runs f on a batch of one row per input element: the 10*20*10*25 =
    50,000-element intermediate is held once per row (100 rows: 5,000,000, the limit)."""
    source = (T + "from torch.autograd.functional import jacobian\ntorch.manual_seed(0)\n"
              "A = torch.randn(10, 20)\nB = torch.randn(10, 25)\nC = torch.randn(20, 25)\n"
              "def f(t):\n    return torch.einsum('ab,cd,bd->ac', A * t.sum(), B, C)[0, :3]\n"
              f"J = jacobian(f, torch.ones({rows}), vectorize=True, strategy='forward-mode')\ns = J.sum()\n")
    report = run(source)
    if refused_here:
        assert (report.error.line, report.error.key) == (8, "errors_lang.contraction_elements")
        assert dict(report.error.params)["elements"] == f"{rows * 50_000:,}"
    else:
        assert report.error is None
        assert report.variables["s"].text == str(run_trusted(source).variables["s"])


def test_allowed_contractions_equal_pytorch(run):
    source = (T + "torch.manual_seed(0)\nA = torch.randn(100, 20)\nB = torch.randn(100, 25)\n"
              "C = torch.randn(20, 25)\ny = torch.einsum('ab,cd,bd->ac', A, B, C)[:2, :3]\n"
              "l = torch.randn(2, 5)\nW = torch.randn(3, 5, 4)\nr = torch.randn(2, 4)\n"
              "z = torch.einsum('bn,anm,bm->ba', l, W, r)\n"
              "for i in range(2):\n    w = torch.einsum('ij,jk,kl->il', W[0], W[1].T, W[2])\n"
              "d = torch.linalg.multi_dot([W[0], W[1].T, W[2]])\n")
    report, oracle = run(source), run_trusted(source)
    assert report.error is None
    for name in ("y", "z", "w", "d"):
        assert report.variables[name].text == str(oracle.variables[name]), name

"""max_call_work (lang/call_work.py): one expensive call is refused before its kernel runs when its
estimated arithmetic is above the limit, and runs as in PyTorch just below it. The refused shapes
would take seconds; the refusal comes first, so these tests stay fast."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
import torch

from autogradlab import messages
from autogradlab.lang.call_work import CDIST_POW_WEIGHT, MATRIX_EXP_WEIGHT, PRODUCT_SPEEDUP, check_work
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted

LIMIT = DEFAULT_LIMITS.max_call_work
T = "import torch\n"
assert LIMIT == 1000 ** 3   # the boundaries below are written for a 1000x1000 matrix


@pytest.fixture(scope="module")
def run():
    from autogradlab.engine.run import run_program

    return lambda source: run_program(source, torchviz=False)


def meta(*shape: int) -> torch.Tensor:
    return torch.empty(*shape, device="meta")


def refused(op: str, args: list, kwargs: dict | None = None) -> bool:
    try:
        check_work(LIMIT, op, args, kwargs or {})
    except Exception as error:  # noqa: BLE001 - the test looks at which
        assert type(error).__name__ == "LimitExceeded" and "max_call_work" in error.hint
        return True
    return False


CUBIC_OPS = ["linalg.eigvals", "linalg.eig", "linalg.eigh", "linalg.eigvalsh", "linalg.svd", "linalg.svdvals",
             "linalg.matrix_rank", "linalg.inv", "linalg.det", "linalg.slogdet", "linalg.pinv", "linalg.qr",
             "linalg.cholesky", "linalg.lu", "linalg.lu_factor", "det", "logdet", "slogdet", "inverse",
             "pinverse", "cholesky", "svd", "qr", "lu"]


@pytest.mark.parametrize("op", CUBIC_OPS)
def test_cubic_family_boundary(op):
    assert not refused(op, [meta(1000, 1000)])
    assert refused(op, [meta(1001, 1001)])
    assert not refused(op, [meta(10, 100, 100)]) and refused(op, [meta(1001, 100, 100)])   # a batch
    assert not refused(op, [meta(16000, 250)]) and refused(op, [meta(16000, 251)])   # m * n * min(m, n)


def test_matrix_exp_counts_its_squarings():
    side = int((LIMIT // MATRIX_EXP_WEIGHT) ** (1 / 3))   # 629
    for op in ("matrix_exp", "linalg.matrix_exp"):
        assert not refused(op, [meta(side, side)]) and refused(op, [meta(side + 1, side + 1)])


@pytest.mark.parametrize("op", ["linalg.solve", "linalg.lstsq"])
def test_solve_counts_the_right_hand_side_and_the_broadcast_batch(op):
    assert not refused(op, [meta(999, 999), meta(999, 1)])   # 999**3 + 999**2
    assert refused(op, [meta(1000, 1000), meta(1000, 1)])
    assert refused(op, [meta(1000, 1000), meta(1000)])
    assert not refused(op, [meta(1, 100, 100), meta(990, 100, 1)])   # 990 batches of 100**3 + 100**2
    assert refused(op, [meta(1, 100, 100), meta(991, 100, 1)])   # A broadcast to 991 copies
    assert refused(op, [meta(100, 100), meta(100, 100_000)])   # 100 * 100 * 100,000 more


def test_matrix_power_counts_its_products():
    assert PRODUCT_SPEEDUP == 16   # a product's multiply-add counts 1/16
    for op in ("matrix_power", "linalg.matrix_power"):
        assert not refused(op, [meta(1000, 1000), 2 ** 16])     # 16 squarings
        assert refused(op, [meta(1000, 1000), 2 ** 16 + 1])     # and one more product
        assert not refused(op, [meta(1000, 1000), 0]) and not refused(op, [meta(1000, 1000), 1])
        assert not refused(op, [meta(1000, 1000), -1])          # an inverse alone
        assert refused(op, [meta(1000, 1000), -2])              # an inverse and a product
        assert not refused(op, [meta(580, 580), 10 ** 18])      # 59 + 23 = 82 products of 580**3
        assert refused(op, [meta(581, 581), 10 ** 18])
        assert not refused(op, [meta(2, 100, 100), 2 ** 8000])  # 2 * 8000 * 100**3 / 16


def test_bilinear_counts_rows_times_weight():
    op = "nn.functional.bilinear"
    assert not refused(op, [meta(16_000, 100), meta(16_000, 100), meta(100, 100, 100)])   # 1.6e10 / 16
    assert refused(op, [meta(16_001, 100), meta(16_001, 100), meta(100, 100, 100)])
    assert refused(op, [meta(29_411, 170), meta(29_411, 170), meta(170, 170, 170)])   # 3.3 s before


def test_cdist_weighs_p_other_than_2():
    side = 1000 // round(CDIST_POW_WEIGHT ** 0.5)   # 250
    x, y = meta(side, 1000), meta(side, 1000)
    assert not refused("cdist", [x, y], {"p": 0.5}) and not refused("cdist", [x, y, 1.0])
    assert refused("cdist", [meta(side, 1001), meta(side, 1001)], {"p": 0.5})
    assert not refused("cdist", [meta(1000, 1000), meta(1000, 1000)])   # p = 2: a matrix product
    assert refused("cdist", [meta(1000, 1001), meta(1000, 1001)], {"p": 2})
    assert refused("cdist", [meta(2, side, 1000), meta(1, side, 1000)], {"p": 0.5})   # broadcast batch


def test_only_the_svd_norms_count():
    a = meta(1001, 1001)
    assert refused("linalg.matrix_norm", [a, "nuc"]) and refused("linalg.matrix_norm", [a], {"ord": -2})
    assert refused("linalg.norm", [a, 2]) and refused("norm", [a], {"p": "nuc"})
    assert not refused("linalg.matrix_norm", [a]) and not refused("linalg.norm", [a])   # Frobenius
    assert not refused("norm", [a, 2]) and not refused("linalg.norm", [a, 2], {"dim": 1})   # vector norms
    assert not refused("linalg.matrix_norm", [meta(1000, 1000), "nuc"])


def test_refused_call_names_function_shape_line_in_en_and_zh(run):
    started = time.perf_counter()
    report = run(T + "a = torch.randn(2236, 2236)\ntry:\n    e = torch.linalg.eigvals(a)\nexcept Exception:\n"
                 "    e = 0\nprint('after')\n")
    assert time.perf_counter() - started < 3   # the kernel alone takes more than 5 s
    error = report.error
    assert (error.kind, error.line, error.key) == ("limit", 4, "errors_lang.call_work")
    params = dict(error.params)
    assert params == {"what": "linalg.eigvals", "shape": "[2236, 2236]", "work": f"{2236 ** 3:,}",
                      "limit": f"{LIMIT:,}"}
    assert messages.text("en", error.key, **params) == error.message
    assert "after" not in report.printed   # uncatchable, as the size limits
    zh = messages.text("zh", error.key, **params)
    assert "linalg.eigvals" in zh and "[2236, 2236]" in zh and zh != error.message
    assert messages.text("zh", error.hint_key, **dict(error.hint_params)) != error.hint


def test_matrix_power_message_and_method_forms(run):
    report = run(T + "a = torch.eye(3)\nb = a.matrix_power(10**18)\nc = torch.randn(1001, 1001).inverse()\n")
    assert (report.error.line, report.error.key) == (4, "errors_lang.call_work")
    error = run(T + "a = torch.randn(600, 600)\nb = a.matrix_power(10**18)\n").error
    assert (error.line, error.key, error.hint_key) == (3, "errors_lang.call_work_power",
                                                       "errors_lang.hint_call_work_power")
    assert dict(error.params)["exponent"] == "1000000000000000000"
    assert messages.text("en", error.key, **dict(error.params)) == error.message
    error = run(T + "x = torch.randn(1001, 1001)\nfor i in range(3):\n    d = x.det()\n").error
    assert (error.line, error.key) == (4, "errors_lang.call_work")   # a loop's planned method site
    error = run(T + "x = torch.randn(581, 581)\nfor i in range(3):\n    d = x.matrix_power(10**18)\n").error
    assert (error.line, error.key) == (4, "errors_lang.call_work_power")   # a loop's method site, an argument
    error = run(T + "x = torch.randn(1001, 1001)\nfor i in range(3):\n    d = x.svd(some=True)\n").error
    assert (error.line, error.key) == (4, "errors_lang.call_work")   # a keyword: call_method, invoke
    error = run(T + "x = torch.randn(1001, 1001)\nfor i in range(3):\n    d = torch.inverse(x)\n").error
    assert (error.line, error.key) == (4, "errors_lang.call_work")   # a loop's planned function site
    error = run(T + "import torch.nn.functional as F\nx = torch.randn(16_001, 100)\n"
                "W = torch.randn(100, 100, 100)\nfor i in range(2):\n    y = F.bilinear(x, x, W)\n").error
    assert (error.line, error.key) == (6, "errors_lang.call_work")
    assert dict(error.params)["shape"] == "[16001, 100], [16001, 100], [100, 100, 100]"


def test_just_below_runs_as_pytorch(run):
    source = (T + "torch.manual_seed(0)\na = torch.randn(1000, 1000) / 100 + torch.eye(1000)\n"
              "d = torch.linalg.det(a)\np = a.matrix_power(2 ** 16)[0, :3]\n"
              "x = torch.randn(250, 1000)\nc = torch.cdist(x, x, p=0.5)[0, :3]\n")
    report, oracle = run(source), run_trusted(source)
    assert report.error is None
    for name in ("d", "p", "c"):
        ours, theirs = report.variables[name], oracle.variables[name]
        assert ours.text == getattr(theirs, "text", str(theirs)), name


@pytest.mark.parametrize("rows, refused_here", [(15, False), (16, True)])
def test_a_vmap_batch_counts_every_row(rows, refused_here):
    """jacobian's forward mode runs f on a batch of one row per input element (15 * 40**3 is below a
    limit of 1,000,000, 16 * 40**3 above), while the shapes f sees show one row. The limit is scaled
    down with the matrix: the default's 400x400 inverses, batched, ran LAPACK's nested thread teams
    for minutes in a loaded test worker (the sandbox's one-thread workers never do)."""
    from autogradlab.engine.run import run_program

    limits = replace(DEFAULT_LIMITS, max_call_work=1_000_000)
    source = (T + "from torch.autograd.functional import jacobian\ntorch.manual_seed(0)\n"
              "A = torch.randn(40, 40) / 100 + torch.eye(40)\n"
              "def f(t):\n    return torch.linalg.inv(A + t.sum() * torch.eye(40))[0, :3]\n"
              f"J = jacobian(f, torch.ones({rows}), vectorize=True, strategy='forward-mode')\n")
    error = run_program(source, torchviz=False, limits=limits).error
    if refused_here:
        assert (error.line, error.key) == (6, "errors_lang.call_work")   # the call inside f
        assert dict(error.params)["work"] == f"{rows * 40 ** 3:,}"
    else:
        assert error is None
        ours = run_program(source + "s = J.sum()\n", torchviz=False, limits=limits).variables["s"]
        assert ours.text == str(run_trusted(source + "s = J.sum()\n").variables["s"])


@pytest.mark.parametrize("call", ["a.norm('nuc')", "torch.norm(a, 'nuc')", "torch.linalg.norm(a, 2)",
                                  "torch.linalg.matrix_norm(a, ord=-2)", "a.norm(p='nuc')"])
def test_svd_norms_in_a_loop_are_checked_and_plain_norms_run(run, call):
    loop = "for i in range(2):\n    n = {}\n"
    error = run(T + "a = torch.randn(1001, 1001)\n" + loop.format(call)).error
    assert (error.line, error.key) == (4, "errors_lang.call_work")
    source = T + "a = torch.randn(1000, 1000)\n" + loop.format(call.replace("'nuc'", "'fro'")
                                                             .replace("2)", "1)").replace("-2", "1"))
    source += ("torch.manual_seed(0)\nb = torch.randn(9, 9)\n"
               "m = b.norm() + torch.norm(b) + torch.linalg.norm(b)\n")
    report = run(source)
    assert report.error is None
    assert report.variables["m"].text == str(run_trusted(source).variables["m"])


@pytest.mark.parametrize("dtype, side", [(torch.float64, 793), (torch.complex64, 793),
                                         (torch.complex128, 629), (torch.float32, 1000)])
def test_wider_dtypes_count_more(dtype, side):
    """float64 and complex64 eigvals take ~2x as long as float32, complex128 ~4.8x (limits.py)."""
    def matrix(n: int) -> torch.Tensor:
        return torch.empty(n, n, device="meta", dtype=dtype)
    for op in ("linalg.eigvals", "inverse"):
        assert not refused(op, [matrix(side)]) and refused(op, [matrix(side + 1)])
    assert refused("linalg.solve", [matrix(side + 1), matrix(side + 1)[:, :1]])

"""Session 24 (issue 9, breadth): torch.func.linearize, vmap's randomness= and chunk_size=,
torch.linalg.lu_solve / tensorinv / tensorsolve (their work estimated before the call, like solve and
inv), Generator.get_state()/set_state() and torch.get_rng_state()/set_rng_state() on the run's own
generators. Plain PyTorch is the oracle: outcome, printed text and bare-expression displays."""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine.run import run_program
from autogradlab.lang.call_work import check_work
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted

T = "import torch\n"
LIMIT = DEFAULT_LIMITS.max_call_work
assert LIMIT == 1000 ** 3   # the boundaries below are written for it


def run(source: str):
    return run_program(source, torchviz=False)


def same_as_pytorch(source: str) -> None:
    report, oracle = run(source), run_trusted(source, 0)
    assert report.ok == (oracle.error is None), (report.error, oracle.error)
    assert report.printed == oracle.printed, f"{report.printed!r}\n!=\n{oracle.printed!r}"
    assert [(d.line, d.text) for d in report.displayed] == oracle.displayed


PROGRAMS = {
    "autograd_grad_in_vmap": T + (   # vmap's docs: "vectorized gradient computation"
        "x = torch.tensor([1., 2., 3.], requires_grad=True)\ny = x ** 2\n"
        "print(torch.vmap(lambda v: torch.autograd.grad(y, x, v, retain_graph=True)[0])(torch.eye(3)))\n"
        "def g(v):\n    return torch.autograd.grad(y, x, v, retain_graph=True, create_graph=True)[0]\n"
        "print(torch.vmap(g)(torch.eye(3)))\n"
        "print(torch.vmap(lambda v: torch.autograd.grad([y], [x], [v], retain_graph=True))(torch.eye(3)))\n"
        "torch.vmap(torch.vmap(lambda v: torch.autograd.grad(y, x, v, retain_graph=True)[0]))"
        "(torch.ones(2, 3, 3)).shape\n"
        "def f(v):\n    z = (x * v).sum()\n    return torch.autograd.grad(z, x)[0]\n"
        "try:\n    torch.vmap(f)(torch.eye(3))\nexcept RuntimeError as e:\n    print(e)\n"
        "print(torch.vmap(lambda v: torch.autograd.grad(y, x, v)[0])(torch.eye(3)))\n"),
    "linearize": T + (
        "from torch.func import linearize\n"
        "x = torch.tensor([1., 2., 3.])\n"
        "def f(x):\n    print('called')\n    return x.sin() * 2\n"
        "out, jvp_fn = linearize(f, x)\nprint(out)\nprint(jvp_fn(torch.ones(3)))\n"
        "o2, j2 = torch.func.linearize(lambda a, b: a * b + torch.rand(3), x, x + 1)\n"
        "print(o2, j2(torch.ones(3), torch.zeros(3)), j2(torch.ones(3), torch.ones(3)), torch.rand(2))\n"
        "print(linearize(lambda a: (a ** 2, a.sum()), torch.ones(2))[1](torch.ones(2)))\n"
        "jvp_fn(torch.ones(3))\njvp_fn\n_, vjp_fn = torch.func.vjp(torch.sin, x)\nvjp_fn\n"
        "print(torch.vmap(jvp_fn)(torch.eye(3)))\nfs = [jvp_fn]\nprint(fs[0](torch.ones(3)))\n"),
    "linearize_errors": T + (
        "out, jvp_fn = torch.func.linearize(torch.sin, torch.zeros(3, 3))\njvp_fn(torch.ones(3, 3))\n"
        "for t in (torch.ones(2), torch.ones(3, 3, dtype=torch.float64)):\n"
        "    try:\n        jvp_fn(t)\n    except RuntimeError as e:\n        print(e)\n"),
    "lu": T + (
        "A = torch.randn(2, 3, 3)\nB1 = torch.randn(2, 3, 4)\n"
        "LU, pivots = torch.linalg.lu_factor(A)\nX1 = torch.linalg.lu_solve(LU, pivots, B1)\n"
        "torch.allclose(A @ X1, B1)\nX1\n"
        "A = torch.randn(3, 3)\nLU, pivots = torch.linalg.lu_factor(A)\n"
        "B = torch.randn(3, 5, 3)\nX = torch.linalg.lu_solve(LU, pivots, B, left=False)\n"
        "torch.allclose(X @ A, B)\n"
        "B = torch.randn(3, 3, 4)\nX = torch.linalg.lu_solve(LU, pivots, B, adjoint=True)\n"
        "torch.allclose(A.mT @ X, B)\nprint(X)\n"
        "P, L, U = torch.linalg.lu(torch.randn(3, 2))\nP\nL\nU\n"
        "try:\n    torch.linalg.lu_solve(LU, pivots, torch.randn(4, 2))\n"
        "except RuntimeError as e:\n    print(e)\n"),
    "tensorinv_tensorsolve": T + (
        "A = torch.eye(4 * 6).reshape((4, 6, 8, 3))\nAinv = torch.linalg.tensorinv(A, ind=2)\nAinv.shape\n"
        "B = torch.randn(4, 6)\n"
        "torch.allclose(torch.tensordot(Ainv, B), torch.linalg.tensorsolve(A, B))\n"
        "A = torch.randn(6, 4, 4, 3, 2)\nB = torch.randn(4, 3, 2)\n"
        "X = torch.linalg.tensorsolve(A, B, dims=(0, 2))\nX.shape\nX\n"
        "try:\n    torch.linalg.tensorinv(torch.randn(4, 5), ind=1)\n"
        "except RuntimeError as e:\n    print(e)\n"),
    "generator_state": T + (
        "g = torch.Generator().manual_seed(3)\ns = g.get_state()\na = torch.rand(3, generator=g)\n"
        "print(g.set_state(s) is g)\nprint(a, torch.rand(3, generator=g), s.shape, s.dtype)\n"
        "st = torch.get_rng_state()\nx = torch.rand(2)\ntorch.set_rng_state(st)\nprint(x, torch.rand(2))\n"
        "torch.random.set_rng_state(new_state=torch.random.get_rng_state())\nprint(torch.rand(1))\n"
        "bad = s.clone()\nbad[:16] = 255\n"
        "for b in (bad, s[:100].clone(), s.float(), 5, None, torch.stack([s, s], 1)[:, 0]):\n"
        "    try:\n        g.set_state(b)\n    except (RuntimeError, TypeError) as e:\n"
        "        print(type(e).__name__, e)\n"
        "try:\n    torch.set_rng_state(torch.zeros(3, dtype=torch.uint8))\n"
        "except RuntimeError as e:\n    print(e)\n"
        "s2 = s.clone()\ns2[100:200] = 7\ng.set_state(s2)\nprint(torch.rand(3, generator=g))\ns[:4]\n"),
    "vmap_randomness_chunks": T + (
        "x = torch.randn(4, 3)\nprint(torch.vmap(torch.sin, chunk_size=2)(x))\n"
        "print(torch.vmap(lambda t: t + torch.rand(3), randomness='different')(x))\n"
        "print(torch.vmap(lambda t: t + torch.rand(3), randomness='same')(x))\n"
        "print(torch.vmap(lambda t: t + torch.randn_like(t), 0, 0, 'different', chunk_size=3)(x))\n"
        "print(torch.vmap(lambda t: t * torch.bernoulli(torch.full((3,), 0.5)), randomness='different',"
        " chunk_size=1)(x))\n"
        "for kw in ({}, {'randomness': 'bad'}, {'chunk_size': 0}):\n"
        "    try:\n        torch.vmap(lambda t: t + torch.rand(3), **kw)(x)\n"
        "    except (RuntimeError, ValueError) as e:\n        print(type(e).__name__, e)\n"),
}


@pytest.mark.parametrize("name", PROGRAMS)
def test_runs_as_plain_pytorch(name):
    same_as_pytorch(PROGRAMS[name])


def meta(*shape: int) -> torch.Tensor:
    return torch.empty(*shape, device="meta")


def refused(op: str, args: list, kwargs: dict | None = None) -> bool:
    try:
        check_work(LIMIT, op, args, kwargs or {})
    except Exception as error:  # noqa: BLE001 - the test looks at which
        assert type(error).__name__ == "LimitExceeded" and "max_call_work" in error.hint
        return True
    return False


def test_lu_solve_counts_like_solve():
    pivots = meta(999).int()
    assert not refused("linalg.lu_solve", [meta(999, 999), pivots, meta(999, 1)])   # 999**3 + 999**2
    assert refused("linalg.lu_solve", [meta(1000, 1000), meta(1000).int(), meta(1000, 1)])
    assert refused("linalg.lu_solve", [meta(100, 100), meta(100).int(), meta(100, 100_000)])
    assert not refused("linalg.lu_solve", [meta(1, 100, 100), meta(1, 100).int(), meta(990, 100, 1)])
    assert refused("linalg.lu_solve", [meta(1, 100, 100), meta(1, 100).int(), meta(991, 100, 1)])


def test_tensorinv_counts_its_square_matrix():
    assert not refused("linalg.tensorinv", [meta(9, 111, 999)], {"ind": 2})   # 999**3 + 999**2
    assert refused("linalg.tensorinv", [meta(10, 100, 1000)], {"ind": 2})
    assert not refused("linalg.tensorinv", [meta(999, 999)], {"ind": 1})
    assert refused("linalg.tensorinv", [meta(1000, 1000)], {"ind": 1})
    assert refused("linalg.tensorinv", [meta(10, 100, 10, 100)])   # ind defaults to 2


def test_tensorsolve_counts_a_as_a_matrix():
    assert not refused("linalg.tensorsolve", [meta(9, 111, 999), meta(9, 111)])
    assert refused("linalg.tensorsolve", [meta(10, 100, 1000), meta(10, 100)])


@pytest.mark.parametrize("call", [
    "torch.linalg.tensorinv(torch.zeros(10, 100, 1000), ind=2)",
    "torch.linalg.tensorsolve(torch.zeros(10, 100, 1000), torch.zeros(10, 100))",
    "torch.linalg.lu_solve(torch.zeros(1000, 1000), torch.ones(1000, dtype=torch.int32), "
    "torch.zeros(1000, 1))",
])
def test_a_program_above_the_work_limit_is_refused_before_the_call(call):
    report = run(T + f"y = {call}\n")
    assert not report.ok and report.error.kind == "limit" and report.error.line == 2
    assert "the limit is 1,000,000,000 per call" in report.error.message


def chain_grad_in_vmap(muls: int) -> str:
    """muls MulBackward Nodes and one AccumulateGrad, 1,000 elements each, walked back 1,000 rows at once:
    8 (BATCHED_GRAD_WEIGHT) x 1,000 rows x 2 x 1,000 elements + 10,000 per Node, 1.601e7 per Node."""
    return T + ("x = torch.ones(1000, requires_grad=True)\ny = x\n"
                f"for i in range({muls}):\n    y = y * 1.0\n"
                "g = torch.vmap(lambda v: torch.autograd.grad(y, x, v, retain_graph=True)[0])"
                "(torch.eye(1000))\n")


def test_autograd_grad_in_vmap_counts_rows_times_the_graph():
    assert run(chain_grad_in_vmap(61)).ok   # 62 Nodes: 992,620,000
    above = run(chain_grad_in_vmap(62))      # 63 Nodes: 1,008,630,000
    assert not above.ok and above.error.kind == "limit" and above.error.line == 6
    assert "would push 1,000 rows at once through a graph of 63 operations" in above.error.message
    assert "max_graph_work" in above.error.hint


def test_autograd_grad_with_create_graph_in_vmap_counts_every_gradient_kept():
    source = T + ("x = torch.ones(10000, requires_grad=True)\ny = x\nfor i in range(10):\n    y = y * 2.0\n"
                  "g = torch.vmap(lambda v: torch.autograd.grad(y, x, v, retain_graph=True, "
                  "create_graph={cg})[0])(torch.zeros({rows}, 10000))\n")
    kept = run(source.format(cg=True, rows=45))   # 11 Nodes' gradients of 10,000 kept x 45 rows < 5M
    assert kept.ok, kept.error
    above = run(source.format(cg=True, rows=46))
    assert not above.ok and above.error.kind == "limit"
    assert "torch.autograd.grad inside vmap" in above.error.message
    assert run(source.format(cg=False, rows=46)).ok   # without create_graph: only the largest at once


def test_autograd_grad_inside_other_transforms_runs_as_pytorch():
    """Session 25 (test_func2_s25.py): bounded like the vmap case, no longer refused."""
    same_as_pytorch(T + "x = torch.ones(3, requires_grad=True)\ny = x ** 2\n"
                        "g = torch.func.grad(lambda v: torch.vmap(lambda u: torch.autograd.grad(y, x, u, "
                        "retain_graph=True)[0])(v.expand(2, 3)).sum())(torch.ones(3))\nprint(g)\n")


def test_vmap_chunks_count_the_rows_of_one_chunk():
    """Each call of the function gets chunk_size rows: a 10,000-element outer product per row, 1,000
    rows (10M, past max_tensor_elements) in chunks of 500 (5M: at the limit) or 501."""
    source = T + ("x = torch.ones(1000, 100)\n"
                  "y = torch.vmap(lambda t: (t.unsqueeze(0) * t.unsqueeze(1)).sum(){chunk})(x)\n"
                  "print(y[:3])\n")
    assert not run(source.format(chunk="")).ok
    assert not run(source.format(chunk=", chunk_size=501")).ok
    same_as_pytorch(source.format(chunk=", chunk_size=500"))


def test_autograd_grad_in_vmap_through_program_code_is_refused():
    custom = run(T + "class Sq(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n"
                     "        ctx.save_for_backward(x)\n        return x ** 2\n    @staticmethod\n"
                     "    def backward(ctx, g):\n        x, = ctx.saved_tensors\n        return 2 * x * g\n"
                     "x = torch.ones(3, requires_grad=True)\ny = Sq.apply(x) * 2\n"
                     "g = torch.vmap(lambda v: torch.autograd.grad(y, x, v)[0])(torch.eye(3))\n")
    assert not custom.ok and custom.error.line == 13
    says = "through a custom autograd Function's backward inside a torch.func transform"
    assert says in custom.error.message
    hooked = run(T + "x = torch.ones(3, requires_grad=True)\nz = x * 3\nh = z.register_hook(print)\n"
                     "g = torch.vmap(lambda v: torch.autograd.grad(z, x, v)[0])(torch.eye(3))\n")
    assert not hooked.ok
    assert "a tensor hook (register_hook) inside a torch.func transform" in hooked.error.message


def test_vmap_randomness_rows_count_against_the_element_limit():
    rows = DEFAULT_LIMITS.max_tensor_elements // 1000
    ok = run(T + f"y = torch.vmap(lambda t: torch.rand(1000), randomness='different')(torch.zeros({rows}))\n")
    assert ok.ok, ok.error
    above = run(T + "y = torch.vmap(lambda t: torch.rand(1000), randomness='different')"
                    f"(torch.zeros({rows + 1}))\n")
    assert not above.ok and above.error.kind == "limit"
    chunked = T + ("y = torch.vmap(lambda t: torch.rand(1000), randomness='different', chunk_size=8)"
                   "(torch.zeros({}))\n")
    assert run(chunked.format(rows)).ok   # 625 chunks of 8 rows: the joined result counts all 5,000 rows
    above = run(chunked.format(rows + 1))
    assert not above.ok and "result of vmap would have 5,001,000 elements" in above.error.message


@pytest.mark.parametrize("source, says", [
    ("torch.vmap(torch.sin, randomness=1)(torch.ones(2))", "vmap(randomness=...) must be"),
    ("torch.vmap(torch.sin, chunk_size='2')(torch.ones(2))", "vmap(chunk_size=...) must be None or an int"),
    ("torch.func.jacrev(lambda t: torch.func.linearize(torch.sin, t)[0])(torch.ones(2))",
     "`torch.func.linearize(...)` inside a torch.func transform"),
    ("torch.vmap(lambda t: torch.set_rng_state(torch.get_rng_state()))(torch.ones(2))",
     "`set_state(...)` inside a torch.func transform"),
    ("torch.Generator().set_state([1, 2])", "expected a torch.ByteTensor, but got list"),
    ("torch.Generator().get_state(1)", "Generator.get_state() takes no arguments (1 given)"),
    ("torch.func.linearize(torch.sin, 2.0)", "each primal must be a tensor"),
])
def test_refusals_name_the_construct(source, says):
    report = run(T + source + "\n")
    assert not report.ok and says in report.error.message, report.error


def test_rng_state_calls_leave_the_process_generator_alone():
    before = torch.get_rng_state()
    report = run(T + "s = torch.get_rng_state()\ns[:] = 0\ntorch.manual_seed(7)\n"
                     "torch.set_rng_state(torch.get_rng_state())\nx = torch.rand(3)\n")
    assert report.ok, report.error
    assert torch.equal(torch.get_rng_state(), before)

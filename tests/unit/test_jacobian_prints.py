"""jacobian() of a custom autograd.Function and of 0-dim inputs: the value and the printed text
equal plain PyTorch's (the oracle). The engine's extra passes (its checks, its vectorized run) are
silent; the passes PyTorch makes too print as often as in PyTorch."""

from __future__ import annotations

import pytest

from autogradlab.engine.run import run_program
from tests.oracle import assert_value_matches, run_trusted

SQUARE = '''import torch
from torch.autograd.functional import jacobian, hessian

class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        print("forward ran", x.shape)
        return x ** 2

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        print("backward ran", g.shape)
        return 2 * x * g

'''

CASES = {
    "scalar_x": "x = torch.tensor(3.0)\nJ = jacobian(Square.apply, x)\nprint(J)\n",
    "scalar_x_lambda": "x = torch.tensor(3.0)\nJ = jacobian(lambda t: Square.apply(t), x)\nprint(J)\n",
    "vector_x": "x = torch.tensor([3.0, 1.0], requires_grad=True)\nJ = jacobian(Square.apply, x)\nprint(J)\n",
    "many_rows": "x = torch.arange(6.0)\nJ = jacobian(Square.apply, x)\nprint(J)\n",
    "vectorize": "x = torch.tensor([3.0, 1.0])\nJ = jacobian(Square.apply, x, vectorize=True)\nprint(J)\n",
    "vectorize_many": "x = torch.arange(6.0)\nJ = jacobian(Square.apply, x, vectorize=True)\nprint(J)\n",
    "create_graph": "x = torch.tensor([3.0, 1.0])\n"
                    "J = jacobian(Square.apply, x, create_graph=True)\nprint(J)\n",
    "forward_mode_refused": "x = torch.tensor([3.0, 1.0])\n"
                            "J = jacobian(Square.apply, x, vectorize=True, strategy='forward-mode')\n",
    "backward_then_jacobian": "y = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                              "Square.apply(y).sum().backward()\nprint(y.grad)\n"
                              "J = jacobian(lambda t: Square.apply(t).sum(), y)\nprint(J)\n",
}

PLAIN = '''import torch
from torch.autograd.functional import jacobian, hessian
def f(v):
    print("f ran", v.shape)
    return v ** 3
'''

PLAIN_CASES = {
    "forward_mode_prints_once": "x = torch.tensor([1.0, 2.0, 3.0])\n"
                                "J = jacobian(f, x, vectorize=True, strategy='forward-mode')\nprint(J)\n",
    "reverse_vectorized": "x = torch.tensor([1.0, 2.0, 3.0])\nJ = jacobian(f, x, vectorize=True)\nprint(J)\n",
    "wide_default": "x = torch.arange(8.0)\nJ = jacobian(f, x)\nprint(J)\n",
    "scalar": "x = torch.tensor(2.0)\nJ = jacobian(f, x)\nprint(J)\n",
    "scalar_forward_mode": "x = torch.tensor(2.0)\n"
                           "J = jacobian(f, x, vectorize=True, strategy='forward-mode')\nprint(J)\n",
    "scalar_out_vector_in": "x = torch.tensor([1.0, 2.0])\nJ = jacobian(lambda t: f(t).sum(), x)\nprint(J)\n",
    "vector_out_scalar_in": "x = torch.tensor(2.0)\nJ = jacobian(lambda t: f(t) * torch.ones(3), x)\n"
                            "print(J)\n",
    "scalar_tuple": "x = torch.tensor(2.0)\nJ = jacobian(lambda a, b: f(a) * b, (x, x))\nprint(J)\n",
    "scalar_hessian": "x = torch.tensor(2.0)\nJ = hessian(f, x)\nprint(J)\n",
}


def _compare(source: str) -> None:
    report, oracle = run_program(source, seed=0), run_trusted(source)
    assert report.printed == oracle.printed
    if oracle.error is None:
        assert report.ok, report.error
        assert_value_matches(report.variables["J"], oracle.namespace["J"])
    else:
        assert report.error is not None and str(oracle.error) in report.error.message


@pytest.mark.parametrize("name", sorted(CASES))
def test_custom_function_jacobian_prints_as_torch(name: str) -> None:
    _compare(SQUARE + CASES[name])


@pytest.mark.parametrize("name", sorted(PLAIN_CASES))
def test_function_jacobian_prints_as_torch(name: str) -> None:
    _compare(PLAIN + PLAIN_CASES[name])

"""Session 40 (corpus-s40): `dtype=float` / `dtype=int` / `.to(float)` in torch calls read as PyTorch reads
them (float64, int64, bool, complex128; lang/python_dtypes.py), compared with plain PyTorch; sizes still
checked before the tensor is made, and other types still get PyTorch's error."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s30 import fails_like_python
from tests.unit.test_corpus_s31 import limits

T = "import torch\ntorch.manual_seed(0)\n"


@pytest.mark.parametrize("line", [
    "torch.rand(3, 3, dtype=float)", "torch.zeros(2, dtype=float)", "torch.ones(2, dtype=int)",
    "torch.tensor([1, 2], dtype=float)", "torch.arange(3, dtype=float)", "torch.full((2,), 1, dtype=bool)",
    "torch.rand(2).to(float)", "torch.rand(2).to(dtype=float)", "torch.eye(2, dtype=float)",
    "torch.rand(2, dtype=complex)", "torch.randint(0, 5, (2,), dtype=float)",
    "torch.rand(2).sum(dtype=float)",
    "torch.zeros_like(torch.ones(2), dtype=int)", "torch.randn_like(torch.ones(2), dtype=float)",
    "torch.as_tensor([1], dtype=float)", "torch.ones(2).new_zeros(3, dtype=int)",
    "torch.ones(2, dtype=float, requires_grad=True)", "torch.linspace(0, 1, 3, dtype=float)",
])
def test_python_number_types_as_dtype_like_pytorch(line: str) -> None:
    compare(T + f"x = {line}\nprint(x.dtype, x)\nx\n")


def test_the_eigenvector_notebook_cell_runs_like_pytorch() -> None:
    # ritchieng/eigenvectors-from-eigenvalues, notebooks/comparison.ipynb: a random "Hermitian" matrix
    compare(T + "m = torch.rand(6, 6, dtype=float)\nh = m * m.T\nlam, v = torch.linalg.eig(h)\n"
                "print(torch.abs(v[0, 0] ** 2))\nprint(torch.linalg.eigvals(h).dtype)\n")


@pytest.mark.parametrize("line", ["torch.zeros(2, dtype=str)", "torch.ones(2, dtype=list)"])
def test_other_types_fail_like_pytorch(line: str) -> None:
    fails_like_python(T + f"x = {line}\n")


def test_int_dtype_cannot_require_grad() -> None:
    report = run_program(T + "x = torch.ones(2, dtype=int, requires_grad=True)\n")
    assert not report.ok and report.error.line == 3


@pytest.mark.parametrize("line", ["torch.zeros({n}, dtype=float)", "torch.rand({n}, dtype=float)",
                                  "torch.ones(1).new_zeros({n}, dtype=int)",
                                  "torch.arange({n}, dtype=float)"])
def test_python_dtype_results_are_sized_first(line: str) -> None:
    source = T + f"x = {line}\n"
    assert run_program(source.format(n=1000), limits=limits(max_tensor_elements=1000)).ok
    report = run_program(source.format(n=1001), limits=limits(max_tensor_elements=1000))
    assert not report.ok and report.error.kind == "limit" and report.error.line == 3, report.error
    huge = run_program(source.format(n=10 ** 12))
    assert not huge.ok and huge.error.kind == "limit", huge.error

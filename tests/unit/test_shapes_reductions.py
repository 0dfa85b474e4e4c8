"""Issue 9: whole-tensor reductions (`x.sum()`, `x.norm()`, `torch.mean(x)`) are sized by shape
arithmetic (lang/shapes.py); PyTorch is the oracle, and a reduction with a dim, a keyword or a
non-tensor first argument is left to the meta device."""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.lang import shapes
from autogradlab.limits import Limits

NAMES = "sum mean norm prod max min amax amin std var all any median".split()
TENSORS = [torch.ones(3, 4), torch.ones(5), torch.tensor(2.0), torch.ones(2, 0, 3), torch.ones(2, 3, 4, 5)]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("owner", [torch, torch.Tensor], ids=["torch", "Tensor"])
def test_a_whole_tensor_reduction_counts_what_pytorch_makes(name, owner):
    fn = getattr(owner, name)
    for tensor in TENSORS:
        count = shapes.fast_count(fn, [tensor], {})
        try:
            made = fn(tensor).numel()
        except RuntimeError:   # max() of an empty tensor: raised before anything was allocated
            assert count == 1
            continue
        assert count == made == 1, (name, tuple(tensor.shape))


@pytest.mark.parametrize(("fn", "args", "kwargs"), [
    (torch.Tensor.sum, [torch.ones(3, 4), 0], {}),             # a dim: the meta device decides
    (torch.Tensor.sum, [torch.ones(3, 4)], {"dim": 1}),
    (torch.Tensor.max, [torch.ones(3, 4), torch.ones(3, 4)], {}),   # elementwise max of two
    (torch.sum, [[1.0, 2.0]], {}),
])
def test_a_reduction_with_arguments_is_left_to_the_meta_device(fn, args, kwargs):
    assert shapes.fast_count(fn, args, kwargs) is None


def test_a_reduction_result_still_counts_against_the_total():
    """The element limits hold as before: the reduction's one element is charged."""
    program = "import torch\nx = torch.ones(10)\ns = x.sum()\nm = x.mean()\n"
    assert run_program(program, limits=Limits(max_total_elements=12)).error is None
    report = run_program(program, limits=Limits(max_total_elements=11))
    assert report.error is not None and report.error.kind == "limit" and report.error.line == 4

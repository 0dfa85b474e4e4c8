"""Session 32: torch.nn.functional.conv_transpose3d (lang/conv_work.py, as conv_transpose1d/2d),
compared with plain PyTorch (values, printed text, gradients, PyTorch's own errors); its work and col2im
buffer checked before the kernel runs, just below and just above each bound."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.lang import conv_work
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.test_breadth import compare
from tests.unit.test_conv_transpose_s31 import _called, _fresh_namespaces  # noqa: F401 - the fixture

H = "import torch\nimport torch.nn.functional as F\ntorch.manual_seed(0)\n"

SNIPPETS = {
    "conv_transpose3d": """x = torch.randn(2, 4, 3, 3, 3, requires_grad=True)
w = torch.randn(4, 3, 2, 2, 2, requires_grad=True)
b = torch.randn(3, requires_grad=True)
y = F.conv_transpose3d(x, w, b, stride=2, padding=1, output_padding=1)
z = F.conv_transpose3d(x, torch.randn(4, 1, 2, 2, 2), groups=2, dilation=2)
(y.sum() + z.pow(2).mean()).backward()
print(y.shape, z.shape, y[0, 0, 0])
print(x.grad.sum(), w.grad.sum(), b.grad)
print(F.conv_transpose3d(torch.ones(1, 1, 1, 1, 2), torch.ones(1, 1, 1, 1, 2), stride=(1, 1, 3)))
""",
    "errors": """x = torch.randn(1, 2, 3, 3, 3)
for call in (lambda: F.conv_transpose3d(x, torch.randn(3, 2, 2, 2, 2)),
             lambda: F.conv_transpose3d(x[0], torch.randn(3, 2, 2, 2)),
             lambda: F.conv_transpose3d(x, torch.randn(2, 2, 2, 2, 2), stride=0)):
    try:
        call()
    except (ValueError, RuntimeError) as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_runs_like_plain_pytorch(name: str) -> None:
    compare(H + SNIPPETS[name])


def _limited(**limits: int):  # noqa: ANN202
    return dataclasses.replace(DEFAULT_LIMITS, **limits)


# 1 x 2 x 5 x 5 x 5 input, 2 x 1 x 3 x 3 x 3 kernel: 250 input elements x 1 out-channel x 27 kernel
# elements, 16 units each (one out-channel); col2im's columns: 125 positions x 1 out-channel x 27
TRANSPOSE = "x = torch.randn(1, 2, 5, 5, 5)\nw = torch.randn(2, 1, 3, 3, 3)\ny = F.conv_transpose3d(x, w)\n"
WORK = 250 * 27 * 16
BUFFER = 125 * 27


def test_the_work_is_checked_before_the_kernel_runs() -> None:
    conv_work._measured.clear()
    ok = run_program(H + TRANSPOSE, limits=_limited(max_call_work=WORK), torchviz=False)
    assert ok.ok, ok.error
    refused = run_program(H + TRANSPOSE, limits=_limited(max_call_work=WORK - 1), torchviz=False)
    assert not refused.ok and refused.error.kind == "limit" and refused.error.line == 6
    assert f"about {WORK:,} arithmetic steps in one call; the limit is {WORK - 1:,}" in refused.error.message


def test_the_col2im_buffer_is_checked_as_an_intermediate() -> None:
    conv_work._measured.clear()
    ok = run_program(H + TRANSPOSE, limits=_limited(max_total_elements=BUFFER), torchviz=False)
    assert ok.ok, ok.error
    refused = run_program(H + TRANSPOSE, limits=_limited(max_total_elements=BUFFER - 1), torchviz=False)
    assert not refused.ok and refused.error.kind == "limit" and refused.error.line == 6
    assert f"intermediate result of {BUFFER:,} elements" in refused.error.message


def test_a_refused_call_never_reaches_the_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    called = _called(monkeypatch, "conv_transpose3d")
    # one input channel, 20**3 positions x 19**3 kernel elements: 54,872,000 col2im columns (> 50 million)
    source = H + ("x = torch.ones(1, 1, 20, 20, 20)\nw = torch.ones(1, 1, 19, 19, 19)\n"
                  "y = F.conv_transpose3d(x, w)\n")
    report = run_program(source, torchviz=False)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 6
    assert "54,872,000 elements" in report.error.message and called == []
    assert run_program(H + TRANSPOSE, torchviz=False).ok and called == [1]   # the spy sees an allowed call

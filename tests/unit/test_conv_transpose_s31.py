"""Session 31: torch.nn.functional.conv_transpose1d/2d and interpolate (lang/conv_work.py; interpolate's
output sized on the meta device as any op's), compared with plain PyTorch (values, printed text,
gradients, PyTorch's own errors); the work, the col2im buffer and the output size checked before the
kernel runs, just below and just above each bound, and a refused call never reaching the kernel."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.lang import conv_work
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.test_breadth import compare
from tests.unit.test_conv_s30 import _called as _kernel_calls

H = "import torch\nimport torch.nn.functional as F\ntorch.manual_seed(0)\n"

SNIPPETS = {
    # d2l's transposed-convolution chapter (13.10), then the layer's keywords
    "conv_transpose": """X = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
K = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
print(F.conv_transpose2d(X.reshape(1, 1, 2, 2), K.reshape(1, 1, 2, 2)))
x = torch.randn(2, 4, 5, 5, requires_grad=True)
w = torch.randn(4, 3, 3, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
y = F.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1)
z = F.conv_transpose2d(x, torch.randn(4, 1, 2, 2), groups=2, dilation=2)
q = F.conv_transpose1d(torch.randn(1, 2, 7), torch.randn(2, 3, 4), stride=3)
(y.sum() + z.pow(2).mean()).backward()
print(y.shape, z.shape, q.shape, q.sum())
print(x.grad.sum(), w.grad.sum(), b.grad)
""",
    "interpolate": """x = torch.arange(8.0).reshape(1, 2, 4).requires_grad_()
a = F.interpolate(x, scale_factor=2, mode='linear')
b = F.interpolate(x, size=7, mode='linear', align_corners=True)
c = F.interpolate(x, scale_factor=1.5)
img = torch.arange(16.0).reshape(1, 1, 4, 4)
d = F.interpolate(img, scale_factor=2, mode='bilinear', align_corners=False)
e = F.interpolate(img, size=(3, 5), mode='nearest')
f = F.interpolate(img, scale_factor=0.5, mode='bilinear', antialias=True)
g = F.interpolate(img, size=(6, 6), mode='bicubic', align_corners=True)
h = F.interpolate(img, scale_factor=0.5, mode='area')
(a.sum() + b.pow(2).sum() + c.sum()).backward()
print(a, b, c, sep='\\n')
print(d, e, f, g, h, sep='\\n')
print(x.grad)
""",
    "errors": """x = torch.randn(1, 2, 4)
for call in (lambda: F.interpolate(x, scale_factor=2, mode='bilinear'),
             lambda: F.interpolate(x, size=3, scale_factor=2),
             lambda: F.interpolate(x, mode='linear'),
             lambda: F.conv_transpose1d(x, torch.randn(3, 2, 2))):
    try:
        call()
    except (ValueError, RuntimeError, NotImplementedError) as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_runs_like_plain_pytorch(name: str) -> None:
    compare(H + SNIPPETS[name])


def _limited(**limits: int):  # noqa: ANN202
    return dataclasses.replace(DEFAULT_LIMITS, **limits)


@pytest.fixture(autouse=True)
def _fresh_namespaces():   # noqa: ANN202 - the engine's namespaces hold F's functions as they were when built
    from autogradlab.lang.namespaces import modules
    modules.cache_clear()
    yield
    modules.cache_clear()


def _called(monkeypatch: pytest.MonkeyPatch, name: str) -> list:
    """test_conv_s30's spy on F.<name> (calls with real, not meta, tensors: the kernel itself ran), with
    the namespaces built again after the spy is in place (_fresh_namespaces)."""
    calls = _kernel_calls(monkeypatch, name)
    from autogradlab.lang.namespaces import modules
    modules.cache_clear()
    return calls


# 1 x 2 x 10 x 10 input, 2 x 1 x 3 x 3 kernel: 200 input elements x 1 out-channel x 9 kernel elements,
# 16 units each (one out-channel); col2im's columns: 100 positions x 1 out-channel x 9 x 1 batch
TRANSPOSE = "x = torch.randn(1, 2, 10, 10)\nw = torch.randn(2, 1, 3, 3)\ny = F.conv_transpose2d(x, w)\n"
TRANSPOSE_WORK = 200 * 9 * 16
TRANSPOSE_BUFFER = 100 * 9


def test_the_work_is_checked_before_the_kernel_runs() -> None:
    conv_work._measured.clear()
    ok = run_program(H + TRANSPOSE, limits=_limited(max_call_work=TRANSPOSE_WORK), torchviz=False)
    assert ok.ok, ok.error
    refused = run_program(H + TRANSPOSE, limits=_limited(max_call_work=TRANSPOSE_WORK - 1), torchviz=False)
    assert not refused.ok and refused.error.kind == "limit" and refused.error.line == 6
    assert f"about {TRANSPOSE_WORK:,} arithmetic steps in one call; the limit is {TRANSPOSE_WORK - 1:,}" \
        in refused.error.message


def test_the_col2im_buffer_is_checked_as_an_intermediate() -> None:
    conv_work._measured.clear()
    ok = run_program(H + TRANSPOSE, limits=_limited(max_total_elements=TRANSPOSE_BUFFER), torchviz=False)
    assert ok.ok, ok.error
    refused = run_program(H + TRANSPOSE, limits=_limited(max_total_elements=TRANSPOSE_BUFFER - 1),
                          torchviz=False)
    assert not refused.ok and refused.error.kind == "limit" and refused.error.line == 6
    assert f"intermediate result of {TRANSPOSE_BUFFER:,} elements" in refused.error.message


def test_more_out_channels_make_each_multiply_add_cheaper() -> None:
    source = "x = torch.randn(1, 1, 10, 10)\nw = torch.randn(1, 16, 3, 3)\ny = F.conv_transpose2d(x, w)\n"
    work = 100 * 16 * 9   # 16 out-channels: 1 unit a multiply-add
    assert run_program(H + source, limits=_limited(max_call_work=work), torchviz=False).ok
    assert not run_program(H + source, limits=_limited(max_call_work=work - 1), torchviz=False).ok


def test_a_refused_transposed_convolution_never_reaches_the_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    called = _called(monkeypatch, "conv_transpose2d")
    source = H + ("x = torch.ones(1, 1, 300, 300)\nw = torch.ones(1, 1, 31, 31)\n"
                  "y = F.conv_transpose2d(x, w)\n")
    report = run_program(source, torchviz=False)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 6
    assert called == []
    assert run_program(H + TRANSPOSE, torchviz=False).ok and called == [1]   # the spy sees an allowed call


def _upsampled(side: int) -> str:
    return f"x = torch.ones(1, 1, 10, 10)\ny = F.interpolate(x, size=({side}, 1000), mode='bilinear')\n"


def test_interpolate_output_just_below_and_above_the_tensor_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    limit = 1000 * 1000   # max_tensor_elements: 1000 x 1000 outputs pass, 1001 x 1000 do not
    ok = run_program(H + _upsampled(1000), limits=_limited(max_tensor_elements=limit), torchviz=False)
    assert ok.ok, ok.error
    called = _called(monkeypatch, "interpolate")
    refused = run_program(H + _upsampled(1001), limits=_limited(max_tensor_elements=limit), torchviz=False)
    assert not refused.ok and refused.error.kind == "limit" and refused.error.line == 5
    assert "1,001,000 elements" in refused.error.message and called == []


def test_a_huge_scale_factor_is_refused_before_the_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    called = _called(monkeypatch, "interpolate")
    source = H + "y = F.interpolate(torch.ones(1, 1, 10, 10), scale_factor=1e6, mode='nearest')\n"
    report = run_program(source, torchviz=False)
    assert not report.ok and report.error.kind == "limit" and called == []
    assert run_program(H + _upsampled(10), torchviz=False).ok and called == [1]   # the spy sees one

"""Session 30: torch.nn.functional's convolutions, pooling, embedding, layer_norm and dropout
(lang/conv_work.py, lang/dropout.py), compared with plain PyTorch (values, printed text, gradients, the
random stream after a dropout); the work and the im2col buffer of a convolution or pooling call checked
before the kernel runs, just below and just above each bound; the layers' hints naming the forms."""

from __future__ import annotations

import dataclasses

import pytest
import torch
import torch.nn.functional as F

from autogradlab.engine import run_program
from autogradlab.lang import conv_work
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.test_breadth import compare

H = "import torch\nimport torch.nn.functional as F\ntorch.manual_seed(0)\n"

SNIPPETS = {
    "conv2d": "x = torch.randn(2, 3, 7, 7, requires_grad=True)\n"
              "w = torch.randn(4, 3, 3, 3, requires_grad=True)\n"
              "b = torch.randn(4, requires_grad=True)\ny = F.conv2d(x, w, b, padding=1)\n"
              "z = F.conv2d(x, w, stride=2, dilation=1)\nq = F.conv2d(x, w, padding='same')\n"
              "(y.sum() + z.pow(2).sum() + q.mean()).backward()\nprint(y.shape, z.shape, q.shape)\n"
              "print(x.grad.sum(), w.grad, b.grad)\n",
    "conv_groups_1d_3d": "x = torch.randn(1, 4, 9)\ng = F.conv1d(x, torch.randn(4, 2, 3), groups=2)\n"
                         "u = F.conv1d(x[0], torch.ones(1, 4, 2))\n"
                         "v = F.conv3d(torch.randn(1, 1, 4, 4, 4), torch.ones(2, 1, 2, 2, 2), padding=1)\n"
                         "print(g, u, v.shape, v.sum())\n",
    "pools": "x = torch.randn(1, 2, 6, 6, requires_grad=True)\na = F.max_pool2d(x, 2)\n"
             "b, idx = F.max_pool2d(x, 3, stride=1, padding=1, return_indices=True)\n"
             "c = F.avg_pool2d(x, kernel_size=3, stride=2, padding=1, count_include_pad=False)\n"
             "d = F.adaptive_avg_pool2d(x, (2, 3))\ne = F.adaptive_max_pool2d(x, 1)\n"
             "f = F.max_pool1d(x[0], 2)\ng = F.avg_pool1d(x[0], 3, ceil_mode=True)\n"
             "h = F.adaptive_avg_pool1d(x[0], 4)\ni = F.adaptive_max_pool1d(x[0], 2)\n"
             "(a.sum() + b.sum() + c.sum() + d.sum() + e.sum() + f.sum() + g.sum() + h.sum()\n"
             " + i.sum()).backward()\n"
             "print(a, idx, c, d, e.flatten(), f.shape, g.shape, h.shape, i.shape)\nprint(x.grad)\n",
    "embedding_layer_norm": "W = torch.randn(5, 3, requires_grad=True)\n"
                            "e = F.embedding(torch.tensor([[0, 2, 4], [4, 3, 2]]), W)\n"
                            "p = F.embedding(torch.tensor([1, 0, 1]), W, padding_idx=0)\n"
                            "n = F.layer_norm(e, (3,))\n"
                            "m = F.layer_norm(e, (3,), torch.ones(3), torch.zeros(3), 1e-3)\n"
                            "(e.sum() + p.pow(2).sum() + n.pow(3).sum() + m.sum()).backward()\n"
                            "print(e, p, n, m)\nprint(W.grad)\n",
    "dropout": "x = torch.ones(3, 8, requires_grad=True)\ny = F.dropout(x)\nz = F.dropout(x, 0.25, True)\n"
               "print(y, z)\nprint(torch.rand(4))\nprint(F.dropout(x, p=0.5, training=False) is x)\n"
               "(y * z).sum().backward()\nprint(x.grad)\nw = torch.ones(6)\nF.dropout(w, 0.5, True, True)\n"
               "print(w, F.dropout(torch.ones(3), p=1.0), F.dropout(torch.ones(3), p=0.0))\n"
               "print(torch.randn(2))\n",
    "dropout_seeded_twice": "torch.manual_seed(3)\na = F.dropout(torch.ones(10))\ntorch.manual_seed(3)\n"
                            "b = F.dropout(torch.ones(10))\nprint(torch.equal(a, b), a)\n",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_runs_like_plain_pytorch(name: str) -> None:
    compare(H + SNIPPETS[name])


def test_pytorch_errors_are_pytorch_s() -> None:
    for source, words in [
        ("F.conv2d(torch.randn(1, 1, 5, 5), torch.randn(1, 1, 6, 6))", "Kernel size can't be greater"),
        ("F.conv2d(torch.randn(3, 3), torch.randn(3, 3))", "Expected 3D (unbatched) or 4D (batched) input"),
        ("F.conv2d(torch.randn(1, 2, 5, 5), torch.randn(1, 3, 3, 3))", "expected input"),
        ("F.max_pool2d(torch.randn(1, 1, 4, 4), 2, padding=2)", "pad should be at most half"),
        ("F.embedding(torch.tensor([5]), torch.randn(3, 2))", "out of range"),
        ("F.dropout(torch.ones(2), p=1.5)", "dropout probability has to be between 0 and 1"),
    ]:
        report = run_program(H + f"y = {source}\n", torchviz=False)
        assert not report.ok and report.error.line == 4, (source, report.error)
        assert report.error.kind != "limit", (source, report.error)
        assert words.lower() in report.error.message.lower(), (source, report.error.message)


def test_a_dropout_error_can_be_caught_with_torch_s_text() -> None:
    compare(H + "try:\n    F.dropout(torch.ones(2), p=-0.1)\n"
                "except ValueError as e:\n    print('caught', e)\n")


def test_dropout_leaves_the_process_wide_generator_alone() -> None:
    torch.manual_seed(123)
    before = torch.default_generator.get_state()
    report = run_program(H + "y = F.dropout(torch.ones(100))\n", torchviz=False)
    assert report.ok
    assert torch.equal(torch.default_generator.get_state(), before)


def test_the_graph_shows_the_convolution_with_values_and_gradients() -> None:
    report = run_program(H + "x = torch.randn(1, 1, 4, 4, requires_grad=True)\n"
                             "w = torch.randn(1, 1, 2, 2, requires_grad=True)\n"
                             "y = F.max_pool2d(F.conv2d(x, w), 3).sum()\ny.backward()\n")
    assert report.ok, report.error
    ops = {node.grad_fn: node for node in report.graph.nodes if node.kind == "op"}
    assert {"ConvolutionBackward0", "MaxPool2DWithIndicesBackward0", "SumBackward0"} <= set(ops)
    conv = ops["ConvolutionBackward0"]
    assert conv.op == "nn.functional.conv2d" and conv.line == 6 and conv.grad is not None
    assert conv.value.shape == (1, 1, 3, 3)


def _limited(**limits: int):  # noqa: ANN202
    return dataclasses.replace(DEFAULT_LIMITS, **limits)


def _called(monkeypatch: pytest.MonkeyPatch, name: str) -> list:
    """Calls of F.<name> with real (not meta) tensors: the kernel itself ran."""
    real = getattr(F, name)
    calls: list = []

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if any(isinstance(a, torch.Tensor) and a.device.type != "meta" for a in args):
            calls.append(1)
        return real(*args, **kwargs)
    monkeypatch.setattr(F, name, spy)
    return calls


# 1 x 1 x 20 x 20 with a 3 x 3 kernel, padding 1: 400 outputs x 9 multiply-adds x 16 units (1 out-channel)
CONV = "x = torch.randn(1, 1, 20, 20)\nw = torch.randn(1, 1, 3, 3)\ny = F.conv2d(x, w, padding=1)\n"
CONV_WORK = 400 * 9 * 16
CONV_BUFFER = 400 * 9   # im2col: 1 batch x 1 in-channel x 9 kernel elements x 400 output positions
# max_pool2d of 1 x 1 x 20 x 20, window 3, stride 1, padding 1: 400 outputs x (9 + 8) x 4 units
POOL = "x = torch.randn(1, 1, 20, 20)\ny = F.max_pool2d(x, 3, stride=1, padding=1)\n"
POOL_WORK = 400 * (9 + conv_work.POOL_OUTPUT_OVERHEAD) * conv_work.POOL_UNITS


@pytest.mark.parametrize(("source", "work"), [(CONV, CONV_WORK), (POOL, POOL_WORK)])
def test_the_work_is_checked_before_the_kernel_runs(source: str, work: int) -> None:
    conv_work._measured.clear()
    ok = run_program(H + source, limits=_limited(max_call_work=work), torchviz=False)
    assert ok.ok, ok.error
    refused = run_program(H + source, limits=_limited(max_call_work=work - 1), torchviz=False)
    assert not refused.ok and refused.error.kind == "limit" and refused.error.line == source.count("\n") + 3
    assert f"about {work:,} arithmetic steps in one call; the limit is {work - 1:,}" in refused.error.message
    assert "limit max_call_work" in refused.error.hint


def test_a_refused_convolution_never_reaches_the_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    called = _called(monkeypatch, "conv2d")
    source = H + ("x = torch.randn(1, 1, 300, 300)\nw = torch.randn(1, 1, 31, 31)\n"
                  "y = F.conv2d(x, w, padding=15)\n")
    report = run_program(source, torchviz=False)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 6
    assert called == []


def test_float64_counts_twice() -> None:
    source = CONV.replace("randn(1, 1, 20, 20)", "randn(1, 1, 20, 20, dtype=torch.float64)").replace(
        "randn(1, 1, 3, 3)", "randn(1, 1, 3, 3, dtype=torch.float64)")
    assert run_program(H + source, limits=_limited(max_call_work=2 * CONV_WORK), torchviz=False).ok
    refused = run_program(H + source, limits=_limited(max_call_work=2 * CONV_WORK - 1), torchviz=False)
    assert refused.error is not None and refused.error.kind == "limit"


def test_more_out_channels_make_each_multiply_add_cheaper() -> None:
    # 16 out-channels: 1 unit a multiply-add (MKL-DNN's matrix products), 16 x 400 outputs x 9
    source = "x = torch.randn(1, 1, 20, 20)\nw = torch.randn(16, 1, 3, 3)\ny = F.conv2d(x, w, padding=1)\n"
    work = 16 * 400 * 9
    assert run_program(H + source, limits=_limited(max_call_work=work), torchviz=False).ok
    assert not run_program(H + source, limits=_limited(max_call_work=work - 1), torchviz=False).ok


def test_the_im2col_buffer_is_checked_as_an_intermediate() -> None:
    conv_work._measured.clear()
    ok = run_program(H + CONV, limits=_limited(max_total_elements=CONV_BUFFER), torchviz=False)
    assert ok.ok, ok.error
    refused = run_program(H + CONV, limits=_limited(max_total_elements=CONV_BUFFER - 1), torchviz=False)
    assert not refused.ok and refused.error.kind == "limit" and refused.error.line == 6
    assert f"intermediate result of {CONV_BUFFER:,} elements" in refused.error.message
    assert "limit max_total_elements" in refused.error.hint


def test_a_planned_call_in_a_loop_is_checked_each_time() -> None:
    # the loop's call site is planned after its first passes (function_sites.py): still checked
    source = H + ("w = torch.randn(1, 1, 3, 3)\nfor n in range(4, 40, 4):\n"
                  "    y = F.conv2d(torch.randn(1, 1, n, n), w, padding=1)\n")
    report = run_program(source, limits=_limited(max_call_work=30 * 30 * 9 * 16), torchviz=False)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 6
    assert "[1, 1, 32, 32]" in report.error.message


def test_refused_in_chinese_too() -> None:
    from autogradlab import error_text
    from tests.app.test_zh_no_english import english
    for limits in ({"max_call_work": CONV_WORK - 1}, {"max_total_elements": CONV_BUFFER - 1}):
        report = run_program(H + CONV, limits=_limited(**limits), torchviz=False)
        box = error_text.box("zh", report.error)
        assert "卷积核" in box and next(iter(limits)) in box, box
        assert not english(box, ("nn.functional.conv2d",)), english(box, ("nn.functional.conv2d",))


def test_a_jacobian_through_a_convolution() -> None:
    compare(H + "from torch.autograd.functional import jacobian\nw = torch.tensor([[[1.0, -2.0, 0.5]]])\n"
                "def f(x):\n    return F.conv1d(x.reshape(1, 1, -1), w, padding=1).flatten()\n"
                "J = jacobian(f, torch.arange(5.0))\nJf = jacobian(f, torch.arange(5.0), vectorize=True, "
                "strategy='forward-mode')\nprint(J)\nprint(torch.equal(J, Jf))\n")


def test_the_steps_tell_dropout_as_its_own_op_not_a_product_with_p() -> None:
    from autogradlab.step_records import StepOptions
    report = run_program(H + "x = torch.randn(4, requires_grad=True)\nd = F.dropout(x, 0.5)\n"
                             "y = (d * 3).sum()\ny.backward()\n", steps=StepOptions())
    assert report.ok, report.error
    forward = {step.op: step.rule for step in report.steps.forward}
    assert forward["nn.functional.dropout"] == "d = nn.functional.dropout(x, 0.5)"
    assert forward["mul"].endswith("= d · 3")   # (other products keep their rule)
    reverse = [step.rule for step in report.steps.reverse]
    assert any("∂nn.functional.dropout/∂x" in rule for rule in reverse), reverse
    assert not any("0.5" in rule for rule in reverse), reverse

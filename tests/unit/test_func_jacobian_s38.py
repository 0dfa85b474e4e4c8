"""torch.func's jacrev/jacfwd/hessian and torch.autograd.functional.hessian drawn on the Jacobian page
(engine/func_jacobian_call.py): each call made at the program's own level becomes a JacobianRecord whose
matrix is what PyTorch computed (plain torch.func is the oracle), with the checks a jacobian(...) call gets;
a vmap's batch and third derivatives are named in Report.jacobian_notes instead; the limits that stop the
program's own call stop it with the same message, and the checks never lift them."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import torch
import torch.func as tf
from torch.autograd.functional import hessian as autograd_hessian

from autogradlab import messages, note_keys
from autogradlab.engine import run_program
from autogradlab.error_keys import recognise
from autogradlab.jacobian_words import why_text
from autogradlab.limits import DEFAULT_LIMITS

T = ("import torch\nfrom torch.func import jacrev, jacfwd, hessian, vmap, grad\n"
     "from torch.autograd.functional import jacobian\n"
     "def f(x):\n    return torch.tanh(x) * x.sum()\n"
     "def s(x):\n    return (torch.sin(x) * x).sum()\n"
     "def g(w, x):\n    return torch.tanh(w @ x)\n"
     "x = torch.tensor([0.5, -1.0, 2.0])\nw = torch.tensor([[1.0, -2.0, 0.5], [0.3, 0.8, -1.0]])\n")
LINE = 12   # the first line after T


def f(x):
    return torch.tanh(x) * x.sum()


def s(x):
    return (torch.sin(x) * x).sum()


def g(w, x):
    return torch.tanh(w @ x)


X = torch.tensor([0.5, -1.0, 2.0])
W = torch.tensor([[1.0, -2.0, 0.5], [0.3, 0.8, -1.0]])


def _flat(result, xs, input_is_tuple):
    """torch's nesting (outputs, then inputs) as one (M, N) matrix."""
    blocks = result if isinstance(result, tuple) and (not input_is_tuple or isinstance(result[0], tuple)) \
        else (result,)
    rows = []
    for block in blocks:
        parts = block if input_is_tuple else (block,)
        m = parts[0].numel() // xs[0].numel()
        rows.append(torch.cat([p.reshape(m, -1) for p in parts], dim=1))
    return torch.cat(rows, dim=0).numpy()


def _run(tail: str, **limits: int):
    return run_program(T + tail, torchviz=False, limits=dataclasses.replace(DEFAULT_LIMITS, **limits))


@pytest.mark.parametrize("call, oracle, xs, input_is_tuple, kind, strategy, names", [
    ("jacrev(f)(x)", lambda: tf.jacrev(f)(X), (X,), False, "jacobian", "reverse", ("x",)),
    ("jacfwd(f)(x)", lambda: tf.jacfwd(f)(X), (X,), False, "jacobian", "forward", ("x",)),
    ("jacrev(g, argnums=1)(w, x)", lambda: tf.jacrev(g, argnums=1)(W, X), (X,), False, "jacobian", "reverse",
     ("x",)),
    ("jacfwd(g, argnums=(0, 1))(w, x)", lambda: tf.jacfwd(g, argnums=(0, 1))(W, X), (W, X), True, "jacobian",
     "forward", ("w", "x")),
    ("jacrev(lambda v: (v.sin(), v.cos().sum()))(x)",
     lambda: tf.jacrev(lambda v: (v.sin(), v.cos().sum()))(X), (X,), False, "jacobian", "reverse", ("x",)),
    ("jacrev(f)(torch.ones(3) * 0.5)", lambda: tf.jacrev(f)(torch.ones(3) * 0.5), (X,), False, "jacobian",
     "reverse", ("torch.ones(3) * 0.5",)),
    ("jacrev(f)(torch.tensor([0.5, -1.0, 2.0]))", lambda: tf.jacrev(f)(X), (X,), False, "jacobian", "reverse",
     ("input",)),
    ("hessian(s)(x)", lambda: tf.hessian(s)(X), (X,), False, "hessian", "forward", ("x",)),
    ("torch.func.hessian(s)(x)", lambda: tf.hessian(s)(X), (X,), False, "hessian", "forward", ("x",)),
    ("jacrev(jacrev(s))(x)", lambda: tf.jacrev(tf.jacrev(s))(X), (X,), False, "hessian", "reverse", ("x",)),
    ("jacfwd(grad(s))(x)", lambda: tf.jacfwd(tf.grad(s))(X), (X,), False, "hessian", "forward", ("x",)),
    ("torch.autograd.functional.hessian(s, x)", lambda: autograd_hessian(s, X), (X,), False, "hessian",
     "reverse", ("x",)),
    ("torch.autograd.functional.hessian(lambda a, b: (a * b.exp()).sum(), (x, x * 2))",
     lambda: autograd_hessian(lambda a, b: (a * b.exp()).sum(), (X, X * 2)), (X, X * 2), True, "hessian",
     "reverse", ("x", "x * 2")),
])
def test_each_call_is_drawn_with_the_values_pytorch_computed(call, oracle, xs, input_is_tuple, kind,
                                                             strategy, names):
    report = _run(f"J = {call}\n")
    assert report.ok, report.error
    assert len(report.jacobians) == 1, report.jacobians
    record = report.jacobians[0]
    want = _flat(oracle(), xs, input_is_tuple)
    assert record.matrix.shape == want.shape
    np.testing.assert_allclose(record.matrix, want, rtol=1e-6, atol=1e-7)
    assert (record.kind, record.strategy, record.input_names) == (kind, strategy, names)
    assert (record.line, record.text) == (LINE, f"J = {call}")
    assert record.checks.passed(), record.checks
    assert record.checks.fd_max_error is not None and record.checks.vjp_max_error is not None
    assert record.checks.jvp_max_error is not None, record.checks


def test_the_record_is_exactly_the_programs_result():
    """The drawn matrix is the tensor the program holds (not a recomputation), block by block."""
    report = _run("J = jacrev(g, argnums=(0, 1))(w, x)\n"
                  "print(J[0].flatten().tolist(), J[1].flatten().tolist())\n")
    record = report.jacobians[0]
    want = tf.jacrev(g, argnums=(0, 1))(W, X)
    assert np.array_equal(record.block(0, 0), want[0].numpy()) and np.array_equal(record.block(0, 1),
                                                                                   want[1].numpy())
    assert report.printed == f"{want[0].flatten().tolist()} {want[1].flatten().tolist()}\n"


def test_has_aux_draws_the_jacobian_part():
    report = _run("J, aux = jacrev(lambda v: (v.sin(), v.sum()), has_aux=True)(x)\n")
    assert report.ok, report.error
    np.testing.assert_allclose(report.jacobians[0].matrix, torch.diag(X.cos()).numpy(), rtol=1e-6)


def test_calls_inside_a_def_at_top_level_are_drawn_and_the_order_is_kept():
    report = _run("def both(v):\n    return jacrev(f)(v)\nA = jacobian(f, x)\nB = both(x)\n")
    assert [r.line for r in report.jacobians] == [LINE + 2, LINE + 1]
    np.testing.assert_allclose(report.jacobians[0].matrix, report.jacobians[1].matrix, rtol=1e-6)


@pytest.mark.parametrize("tail, key, call", [
    ("B = vmap(jacrev(f))(torch.ones(4, 3))\n", "notes.func_batch", "jacrev(f)"),
    ("B = vmap(hessian(s))(torch.ones(4, 3))\n", "notes.func_batch_hessian", "hessian(s)"),
    ("B = vmap(vmap(jacfwd(f)))(torch.ones(2, 4, 3))\n", "notes.func_batch", "vmap(jacfwd(f))"),
    ("T3 = jacrev(jacrev(jacrev(s)))(x)\n", "notes.func_higher", "jacrev(jacrev(jacrev(s)))"),
    ("D = jacrev(lambda d: d['a'].sin())({'a': x})\n", "notes.func_not_tensors", "jacrev(<lambda>)"),
])
def test_what_is_not_drawn_is_named_with_its_line(tail, key, call):
    report = _run(tail)
    assert report.ok, report.error
    assert report.jacobians == ()
    (note,) = report.jacobian_notes
    found, params = recognise(note, note_keys.JACOBIAN)
    assert found == key and dict(params)["line"] == str(LINE), note
    assert dict(params)["call"] == call
    assert messages.text("en", key, **dict(params)) == note
    zh = note_keys.say("zh", note, note_keys.JACOBIAN)
    assert zh != note and "不画出" in zh


def test_a_transform_inside_a_jacobian_function_or_a_vmap_adds_no_record():
    report = _run("J = jacobian(lambda v: jacrev(f)(v).sum(0), x)\n"
                  "B = vmap(lambda r: jacrev(f)(r))(torch.ones(2, 3))\n")
    assert report.ok, report.error
    assert [r.line for r in report.jacobians] == [LINE]
    want = torch.autograd.functional.jacobian(lambda v: tf.jacrev(f)(v).sum(0), X)
    np.testing.assert_allclose(report.jacobians[0].matrix, want.numpy(), rtol=1e-5, atol=1e-6)


def test_the_why_sentence_and_path_note_are_said_in_chinese():
    report = _run("J = jacrev(f)(x)\nH = hessian(s)(x)\n")
    j, h = report.jacobians
    assert j.why == "the program called jacrev(f): PyTorch computed it in reverse mode, vectorized"
    assert h.why == ("the program called hessian(s): PyTorch computed this Hessian (the Jacobian of the "
                     "gradient)")
    assert why_text(j.why, 3, 3, "zh") == "程序调用了 jacrev(f)：PyTorch 以向量化方式用反向模式计算了它"
    assert "黑塞矩阵" in why_text(h.why, 3, 3, "zh")
    (note,) = h.notes
    assert recognise(note, note_keys.JACOBIAN)[0] == "notes.func_paths"
    assert "jacobian(...)" in note_keys.say("zh", note, note_keys.JACOBIAN)


def test_the_tutorial_draws_its_three_jacobians_and_names_its_two_batches():
    from pathlib import Path
    programs = Path(__file__).resolve().parents[1] / "programs"
    source = (programs / "tutorial_jacobians_hessians_func.py").read_text()
    report = run_program(source, torchviz=False)
    assert report.ok, report.error
    assert [(r.shape, r.input_names) for r in report.jacobians] == [
        ((16, 16), ("x",)), ((16, 272), ("weight", "bias")), ((33, 1984), ("x",))]
    assert all(r.checks.passed() for r in report.jacobians)
    assert [recognise(n, note_keys.JACOBIAN)[0] for n in report.jacobian_notes] == [
        "notes.func_batch", "notes.func_batch_hessian"]


# -- limits: the program's call is refused as before (the record comes after it ran) ----------------------

@pytest.mark.parametrize("n, ok", [(2236, True), (2237, False)])
def test_jacrevs_element_bound_is_unchanged(n, ok):
    """2236**2 = 4,999,696 elements of jacrev's backward, 2237**2 above max_tensor_elements."""
    report = run_program(T + f"J = jacrev(torch.sin)(torch.ones({n}))\n", torchviz=False)
    if ok:
        assert report.ok, report.error
        assert report.jacobians[0].shape == (n, n) and report.jacobians[0].checks.passed()
    else:
        assert (report.error.kind, report.error.line) == ("limit", LINE) and "jacrev" in report.error.message
        assert report.jacobians == ()


@pytest.mark.parametrize("n, ok", [(2236, True), (2237, False)])
def test_autograd_hessians_element_bound_is_unchanged(n, ok):
    report = run_program(T + f"H = torch.autograd.functional.hessian(lambda v: v.sum(), torch.ones({n}))\n",
                         torchviz=False)
    if ok:
        assert report.ok, report.error
        assert report.jacobians[0].kind == "hessian" and not report.jacobians[0].matrix.any()
    else:
        assert (report.error.kind, report.error.line) == ("limit", LINE), report.error
        assert "hessian" in report.error.message


def _graph_steps(tail: str) -> int:
    """The smallest max_graph_work the program's call runs under (found by bisection: the boundary the
    transform's own check draws)."""
    low, high = 1, 10**9
    while low < high:
        mid = (low + high) // 2
        if _run(tail, max_graph_work=mid).ok:
            high = mid
        else:
            low = mid + 1
    return low


@pytest.mark.parametrize("tail, words", [
    ("J = jacrev(f)(torch.ones(40))\n", "jacrev would run the backward pass of `f`"),
    ("H = torch.autograd.functional.hessian(s, torch.ones(5))\n",
     "`torch.autograd.functional.hessian(...)` would differentiate a graph of"),
])
def test_at_the_graph_limit_the_call_is_drawn_and_just_below_it_is_refused(tail, words):
    """The checks' extra passes never raise the limit nor lift it: at the smallest max_graph_work the
    program's own call runs under, it is drawn (checks that would pass the limit are noted, not run); one
    step below, the call is refused with the old message and nothing is drawn."""
    limit = _graph_steps(tail)
    at = _run(tail, max_graph_work=limit)
    assert at.ok and len(at.jacobians) == 1, at.error
    below = _run(tail, max_graph_work=limit - 1)
    assert (below.error.kind, below.error.line) == ("limit", LINE), below.error
    assert words in below.error.message and below.jacobians == ()


def test_a_check_that_would_pass_a_limit_is_noted_not_raised():
    """autograd's hessian at its own graph limit: the gradient function the checks run (jacrev) has its
    own bound; when it would pass it, the record says the checks did not run."""
    tail = "H = torch.autograd.functional.hessian(s, torch.ones(5))\n"
    limit = _graph_steps(tail)
    report = _run(tail, max_graph_work=limit)
    record = report.jacobians[0]
    np.testing.assert_allclose(record.matrix, autograd_hessian(s, torch.ones(5)).numpy(), rtol=1e-6)
    if record.checks.notes:
        assert any(recognise(n, note_keys.JACOBIAN)[0] in ("notes.func_no_rerun", "notes.check_fd_failed",
                                                         "notes.check_jvp_failed", "notes.check_vjp_failed",
                                                         "notes.check_fd_columns")
                   for n in record.checks.notes), record.checks.notes


@pytest.mark.parametrize("tail", [
    "def p(v):\n    print('in p', v.shape)\n    return v.sin()\nJ = jacrev(p)(x)\nprint(J.sum())\n",
    "def r(v):\n    return v * torch.rand(3)\nJ = jacrev(r)(x)\nprint(torch.rand(2))\n",
    "H = torch.autograd.functional.hessian(lambda v: (v.exp() * torch.rand(1)).sum(), x)\n"
    "print(torch.rand(2))\n",
])
def test_the_checks_print_nothing_and_leave_the_random_stream_as_pytorch_does(tail):
    """The probe and the checks run muted: printed text and later random draws equal plain PyTorch's."""
    from tests.oracle import run_trusted

    source = T.replace("import torch\n", "import torch\ntorch.manual_seed(0)\n", 1) + tail
    report, oracle = run_program(source, torchviz=False), run_trusted(source)
    assert report.ok and oracle.error is None, (report.error, oracle.error)
    assert report.printed == oracle.printed
    assert len(report.jacobians) == 1


@pytest.mark.parametrize("calls, drawn", [(10, 10), (11, 10)])
def test_a_loop_draws_the_first_ten_calls_of_its_line(calls, drawn):
    report = _run(f"for i in range({calls}):\n    J = jacrev(f)(x * i)\n")
    assert report.ok, report.error
    assert len(report.jacobians) == drawn
    np.testing.assert_allclose(report.jacobians[-1].matrix, tf.jacrev(f)(X * (drawn - 1)).numpy(), rtol=1e-6)
    keys = [recognise(n, note_keys.JACOBIAN)[0] for n in report.jacobian_notes]
    assert keys == ([] if calls == drawn else ["notes.func_more_calls"])
    for note in report.jacobian_notes:
        assert "第 13 行" in note_keys.say("zh", note, note_keys.JACOBIAN)


@pytest.mark.parametrize("calls, drawn", [(5, 5), (6, 5)])
def test_the_drawn_entries_of_a_run_are_bounded(calls, drawn):
    """2 x max_tensor_elements (1,000 here): five 20 x 20 Jacobians are 2,000 entries, a sixth is not drawn
    (the program's own calls all run)."""
    report = _run(f"for i in range({calls}):\n    J = jacrev(f)(torch.ones(20))\nprint(J.shape)\n",
                  max_tensor_elements=1000)
    assert report.ok and report.printed == "torch.Size([20, 20])\n", report.error
    assert len(report.jacobians) == drawn
    keys = [recognise(n, note_keys.JACOBIAN)[0] for n in report.jacobian_notes]
    assert keys == ([] if calls == drawn else ["notes.func_entries"])
    if keys:
        assert "2,000 entries" in report.jacobian_notes[0]


def test_a_hessians_figure_says_hessian_in_english_and_chinese():
    from autogradlab.render import heatmap

    h, j = _run("H = hessian(s)(x)\nJ = jacrev(f)(x)\n").jacobians
    fig = heatmap.jacobian_figure(h)
    assert "— Hessian H is 3 × 3" in fig.layout.title.text and fig.data[0].colorbar.title.text == "∂²f/∂x∂x"
    assert "黑塞矩阵 H 的形状为 3 × 3" in heatmap.jacobian_figure(h, lang="zh").layout.title.text
    assert heatmap.latex_matrix(h.matrix, "H").startswith("H = ")
    plain = heatmap.jacobian_figure(j)
    assert "— J is 3 × 3" in plain.layout.title.text and plain.data[0].colorbar.title.text == "∂y/∂x"


def test_edge_cases_run_as_pytorch_and_draw_what_they_can():
    report = _run("E = jacrev(f)(torch.ones(0))\nprint(E.shape)\n"
                  "def h(v):\n    global c\n    c = c + 1\n    return v.sin()\n"
                  "c = 0\nJ = jacrev(h)(x)\nprint(c)\n"
                  "K = jacrev(lambda v: v.sin() if v.sum() > 0 else v.cos())(x)\n")
    assert report.ok and report.printed == "torch.Size([0, 0])\n1\n", report.error   # c: h ran once
    side, branch = report.jacobians                      # 0 x 0: nothing drawn
    assert side.checks.notes == ("the function changes values outside itself and was not run again: "
                                 "no checks",)
    np.testing.assert_allclose(branch.matrix, torch.diag(X.cos()).numpy(), rtol=1e-6)
    assert branch.checks.passed()


def test_the_undrawable_note_is_said_in_chinese():
    note = messages.text("en", "notes.func_not_drawn", line=3, call="jacrev(f)", error="RuntimeError")
    assert recognise(note, note_keys.JACOBIAN)[0] == "notes.func_not_drawn"
    assert note_keys.say("zh", note, note_keys.JACOBIAN) == "第 3 行：`jacrev(f)` 无法画出（RuntimeError）"


def test_a_mixed_second_derivative_is_drawn_as_a_jacobian_not_a_hessian():
    report = _run("M = jacrev(jacrev(g, argnums=0), argnums=1)(w, x)\n")
    (record,) = report.jacobians
    assert record.kind == "jacobian" and record.input_names == ("x",) and record.shape == (12, 3)
    want = tf.jacrev(tf.jacrev(g, argnums=0), argnums=1)(W, X)
    np.testing.assert_allclose(record.matrix, want.reshape(12, 3).numpy(), rtol=1e-6, atol=1e-7)
    assert record.checks.passed(), record.checks


@pytest.mark.parametrize("tail", ["h = hessian(s)\nprint(h.label)\n", "h = hessian(s)\nh.label = 'x'\n",
                                  "print(jacrev(s).func)\n"])
def test_the_transforms_attributes_stay_out_of_reach(tail):
    report = _run(tail)
    assert report.error is not None and report.error.kind == "unsupported", report.error

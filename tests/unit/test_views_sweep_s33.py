"""The Steps, Jacobian and Eigen pages' core data on the programs bench/views_sweep.py found wrong or
over-refused (session 33), each against plain PyTorch / CPython running the same trusted text.

- Steps: a leaf made inside a function (d2l's `train_ch11` makes `w`, `b` in each call) got no tangent
  (the tangent run gave tangents only at top-level assignments): J·v was 0, torch's ∇·v is not.
- Eigen: the function picker offered functions of several arguments (`model(x, w, b)`: "missing 2
  required positional arguments") and names later rebound to a tensor (`f = (u + v)**2`); the matrix
  picker offered complex tensors it then refused; a function with float32 weights failed on the
  float64 point ("both tensors need the same dtype").
- Jacobian: dY/dX after a training loop said "call backward(retain_graph=True)" when the rerun with
  every graph kept knew the real reason (a weight updated in place), which retain_graph does not cure.
"""

from __future__ import annotations

import inspect
import sys

import numpy as np
import pytest
import torch

import autogradlab.engine.tangent_run as tangent_run
from autogradlab import note_keys
from autogradlab.engine import eigen_sources as sources
from autogradlab.engine import run_program
from autogradlab.engine.jacobian_dydx import add_dydx
from autogradlab.limits import Limits
from autogradlab.step_records import StepOptions
from tests.oracle import PROGRAM_FILENAME, run_trusted
from tests.programs.manifest import TUTORIALS

LONG = Limits(timeout_s=90)


def _backward_grads(source: str, names: tuple[str, ...]) -> list[tuple[int, dict[str, np.ndarray]]]:
    """(line, d root / d each named tensor of the calling frame) at every backward() of the program,
    by torch.autograd.grad just before the real backward runs."""
    seen: list[tuple[int, dict[str, np.ndarray]]] = []
    real = torch.Tensor.backward

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        frame = sys._getframe(1)
        while frame.f_code.co_filename != PROGRAM_FILENAME:
            frame = frame.f_back
        scope = {**frame.f_globals, **frame.f_locals}
        tensors = [scope[n] for n in names]
        grads = torch.autograd.grad(self, tensors, retain_graph=True)
        seen.append((frame.f_lineno, {n: g.double().numpy() for n, g in zip(names, grads, strict=True)}))
        return real(self, gradient, retain_graph, create_graph, inputs)

    torch.Tensor.backward = backward
    try:
        run = run_trusted(source)
    finally:
        torch.Tensor.backward = real
    assert run.error is None, run.error
    return seen


LOCAL_LEAVES = """import torch
X = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
def train(k):
    w = torch.ones(2, 1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    for _ in range(2):
        l = ((X @ w + b) ** 2).mean() * k
        l.backward()
        with torch.no_grad():
            w -= 0.01 * w.grad
            b -= 0.01 * b.grad
        w.grad.zero_()
        b.grad.zero_()
    return w, b
w, b = train(1.0)
w, b = train(2.0)
"""


def _output_tangent_against_torch(source: str, names: tuple[str, ...], monkeypatch, late: bool,
                                  direction: dict[str, object]) -> None:
    monkeypatch.setattr(tangent_run, "LATE_LEVEL", late)
    report = run_program(source, steps=StepOptions(direction=tuple(direction.items())), limits=LONG)
    assert report.ok, report.error
    steps = report.steps
    line, grads = [(ln, g) for ln, g in _backward_grads(source, names) if ln == steps.backward_line][-1]
    # J·v of a scalar output is ∇·v: torch's gradients at the same backward(), in the same direction
    jv = sum(float((grads[n] * np.asarray(v, dtype=np.float64)).sum()) for n, v in direction.items())
    assert steps.tangent is not None, steps.notes
    np.testing.assert_allclose(float(steps.tangent.output_tangent.value), jv, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(float(steps.tangent.vjp.value), jv, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("late", [True, False])
def test_leaves_made_inside_a_function_get_their_tangents(monkeypatch, late):
    _output_tangent_against_torch(LOCAL_LEAVES, ("w", "b"), monkeypatch, late,
                                  {"w": [[1.0], [1.0]], "b": [1.0]})


def test_leaves_made_inside_a_function_one_direction(monkeypatch):
    _output_tangent_against_torch(LOCAL_LEAVES, ("w", "b"), monkeypatch, True, {"w": [[0.5], [-2.0]]})


def test_d2l_optimizers_tangent_equals_torch(monkeypatch):
    """The tutorial itself (d2l zh, chapter 11): the last backward() is yogi's last minibatch."""
    spec = next(s for s in TUTORIALS if s.file == "tutorial_d2l_zh_optimizers.py")
    _output_tangent_against_torch(spec.source, ("w", "b"), monkeypatch, True,
                                  {"w": [[1.0]] * 5, "b": [1.0]})


# ---- Eigen page: which functions and matrices the pickers offer ---------------------------------

PICKER_PROGRAMS = (
    "import torch\ndef model(x, w, b):\n    return w * x + b\ndef f(p):\n    return p * 2\n"
    "g = lambda p, q: p + q\nh = lambda p, scale=2.0: p * scale\ndef star(*ps):\n    return ps[0]\n"
    "def kw(p, *, k):\n    return p * k\ndef kw_default(p, *, k=1.0):\n    return p * k\n",
    # d2l (multivariable calculus): `def f(x, y)`, later `f = (u + v)**2`
    "import torch\ndef f(p):\n    return p ** 2\nu = torch.tensor(1.0, requires_grad=True)\n"
    "v = torch.tensor(2.0, requires_grad=True)\nf = (u + v)**2\ndef k(p):\n    return p\n",
    "import torch\ndef loss(y_hat, y):\n    return ((y_hat - y) ** 2).mean()\n",
)


def _callable_with_one_argument(value: object) -> bool:
    if not callable(value) or isinstance(value, type):
        return False
    try:
        inspect.signature(value).bind(torch.zeros(2))
    except TypeError:
        return False
    return True


@pytest.mark.parametrize("source", PICKER_PROGRAMS, ids=["arities", "rebound", "two_arguments"])
def test_function_picker_offers_what_python_can_call_with_one_point(source):
    run = run_trusted(source)
    assert run.error is None
    expected = [n for n, v in run.namespace.items() if not n.startswith("_") and inspect.isfunction(v)
                and _callable_with_one_argument(v)]
    assert sorted(sources.functions_in(source)) == sorted(expected)


def test_matrix_picker_leaves_out_complex_tensors():
    source = ("import torch\nA = torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=torch.cfloat)\n"
              "B = torch.tensor([[2.0, 1.0], [1.0, 2.0]])\nC = torch.eye(3, dtype=torch.complex64)\n")
    run = run_trusted(source)
    expected = [n for n, v in run.namespace.items() if isinstance(v, torch.Tensor) and v.dim() == 2
                and v.shape[0] == v.shape[1] in (2, 3) and not v.is_complex()]
    report = run_program(source)
    assert sources.matrix_variables(report) == expected == ["B"]


FLOAT32_WEIGHTS = (
    "import torch\nW = torch.tensor([[1.0, 2.0], [3.0, 4.0]])\ndef f(p):\n    return torch.tanh(W @ p)\n",
    "import torch\nimport torch.nn.functional as F\nW = torch.tensor([[1.0, -2.0], [0.5, 4.0]])\n"
    "b = torch.tensor([0.1, 0.2])\ndef f(p):\n    return F.linear(p, W, b) ** 2\n",
    # float64 weights: the float64 point as before
    "import torch\nW = torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=torch.float64)\n"
    "def f(p):\n    return torch.sin(W @ p)\n",
)


@pytest.mark.parametrize("source", FLOAT32_WEIGHTS, ids=["matmul", "linear", "float64"])
def test_jacobian_of_a_function_with_its_own_dtype_equals_torch(source):
    point = (0.5, -1.5)
    report = run_program(sources.jacobian_program(source, "f", point))
    ours = sources.matrix_from_report(report, sources.JACOBIAN_VAR)
    run = run_trusted(source)
    f = run.namespace["f"]
    weights = run.namespace["W"]
    x = torch.tensor(point, dtype=weights.dtype)
    expected = torch.autograd.functional.jacobian(f, x).double().numpy()
    np.testing.assert_allclose(ours, expected, rtol=1e-5, atol=1e-6)


def test_a_function_that_fails_anyway_still_says_why():
    source = "import torch\ndef f(p):\n    return p.reshape(3)\n"
    report = run_program(sources.jacobian_program(source, "f", (1.0, 2.0)))
    try:
        torch.autograd.functional.jacobian(lambda p: p.reshape(3), torch.tensor([1.0, 2.0]))
    except RuntimeError as exc:
        plain = str(exc)
    assert report.error is not None and report.error.line == 3
    assert "shape '[3]' is invalid for input of size 2" in plain
    assert "3" in report.error.message and "2" in report.error.message


# ---- Jacobian page: dY/dX after a backward() freed the graph ------------------------------------

INPLACE_AFTER_BACKWARD = """import torch
x = torch.linspace(-2, 2, 8).reshape(-1, 1)
y = x ** 3 - x
W1 = (torch.randn(1, 4) * 0.5).requires_grad_()
W2 = (torch.randn(4, 1) * 0.2).requires_grad_()
for step in range(3):
    h = torch.tanh(x @ W1)
    out = h @ W2
    loss = ((out - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        for p in [W1, W2]:
            p -= 0.05 * p.grad
            p.grad.zero_()
"""


def test_dydx_after_in_place_updates_names_the_in_place_update_like_torch():
    # PyTorch with every graph kept: dloss/dW1 still fails, for the in-place update
    real = torch.Tensor.backward
    torch.Tensor.backward = lambda self, g=None, r=None, c=False, i=None: real(self, g, True, c, i)
    try:
        run = run_trusted(INPLACE_AFTER_BACKWARD)
    finally:
        torch.Tensor.backward = real
    assert run.error is None
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        torch.autograd.grad(run.namespace["loss"], run.namespace["W1"])
    report = run_program(INPLACE_AFTER_BACKWARD, jacobian_of=("loss", "W1"), limits=LONG)
    assert not [r for r in report.jacobians if r.line == 0]
    note = next(n for n in report.notes if n.startswith("dloss/dW1: "))
    assert "modified by an inplace operation" in note and "retain_graph=True" not in note, note


def test_dydx_with_no_time_for_a_rerun_says_so_in_both_languages():
    a = torch.tensor(2.0, requires_grad=True)
    y = a * a
    y.backward()   # frees the graph, as the program's own backward() did
    notes: list[str] = []

    class Recorder:
        jacobians: list = []

    add_dydx(Recorder(), {"y": y, "a": a}, ("y", "a"), Limits(), notes, rerun=None)
    with pytest.raises(RuntimeError, match="second time"):
        torch.autograd.grad(y, a)
    assert notes and "runs too long to run once more" in notes[0] and "retain_graph=True" in notes[0]
    assert "无法再运行一次" in note_keys.say("zh", notes[0], note_keys.DYDX)


# ---- Steps page: a leaf output ------------------------------------------------------------------

LEAF_OUTPUT = ("import torch\nv = torch.tensor([0., 0., 0.], requires_grad=True)\n"
               "h = v.register_hook(lambda grad: grad * 2)\nv.backward(torch.tensor([1., 2., 3.]))\nv.grad\n"
               "h.remove()\n")


@pytest.mark.parametrize("direction", [(), (("v", [1.0, 1.0, 1.0]),)], ids=["default", "given"])
def test_a_leaf_output_says_only_that_it_is_a_leaf(direction):
    """torch's Tensor.register_hook docs' `v`: the output is a leaf the variable v holds (PyTorch: no
    grad_fn); the page added "no leaf of the output's graph is held by a variable" and "direction v:
    not a named leaf of the output's graph (its leaves: none)"."""
    run = run_trusted(LEAF_OUTPUT)
    assert run.namespace["v"].is_leaf and run.namespace["v"].grad_fn is None
    report = run_program(LEAF_OUTPUT, steps=StepOptions(direction=direction))
    assert report.output == "v"
    steps = report.steps
    leaf = "the output is a leaf tensor: no operation made it, so there is nothing to step"
    assert steps.notes == (leaf,)
    assert steps.direction_error is None and steps.tangent is None and not steps.reverse


# ---- Steps page: the toggle's backward on a graph autograd.grad() freed --------------------------

GRAD_FREED = """import torch
from torch.autograd import grad
x = torch.tensor([-1.])
w = torch.tensor([1.], requires_grad=True)
b = torch.tensor([1.], requires_grad=True)
a = torch.relu(x*w + b)
grad(a, w, retain_graph=False)
"""


def test_the_toggles_backward_on_a_freed_graph_says_why_in_words():
    """Sebastian Raschka's autograd notebook ends with `grad(a, w, retain_graph=False)`: PyTorch's
    a.backward() then fails ("backward through the graph a second time"); the page said so in PyTorch's
    words cut mid-sentence, and then advised adding `a.backward()`, which fails the same way. (Since
    session 34 the steps follow that grad() call itself, test_steps_grad_s34.py: the toggle's backward is
    tried on an output past `a`, `c = a * 3`, which the grad() call did not reach.)"""
    source = GRAD_FREED + "c = a * 3\n"
    run = run_trusted(source)
    with pytest.raises(RuntimeError, match="second time"):
        run.namespace["c"].backward()
    report = run_program(source, steps=StepOptions(backward_if_missing=True))
    assert report.output == "c"
    notes = report.steps.notes
    assert notes == ("backward on the output could not run: an earlier backward() or autograd.grad() call "
                     "freed the output's graph (retain_graph=True in that call keeps it)",), notes
    assert "autograd.grad()" in note_keys.say("zh", notes[0], note_keys.STEPS)
    assert "无法对输出运行" in note_keys.say("zh", notes[0], note_keys.STEPS)

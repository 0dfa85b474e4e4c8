"""`with torch.no_grad():` / `with torch.enable_grad():`: the one kind of `with` the language has.

PyTorch is the oracle: the same text run by plain Python gives the same values, grads, printed text
and requires_grad flags. The grad mode is restored however the block ends.
"""

from __future__ import annotations

import contextlib
import io

import numpy as np
import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.lang.parse import parse_program

PROGRAMS = {
    "sgd step": """import torch
w = torch.tensor([1.0, -2.0], requires_grad=True)
for step in range(3):
    loss = ((w - 3) ** 2).sum()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        w.grad.zero_()
print(w, loss)
""",
    "no graph inside": """import torch
x = torch.arange(3.0, requires_grad=True)
with torch.no_grad():
    y = x * 2
z = x * 2
print(y.requires_grad, z.requires_grad, y.grad_fn, torch.is_grad_enabled())
""",
    "nested enable_grad": """import torch as t
x = t.ones(2, requires_grad=True)
with t.no_grad():
    a = x + 1
    with t.enable_grad():
        b = x + 1
    c = x + 1
print(a.requires_grad, b.requires_grad, c.requires_grad)
""",
    "return inside": """import torch
def frozen(v):
    with torch.no_grad():
        return v * 3
x = torch.ones(2, requires_grad=True)
r = frozen(x)
s = x * 3
print(r.requires_grad, s.requires_grad, torch.is_grad_enabled())
""",
    "break inside": """import torch
x = torch.ones(1, requires_grad=True)
for i in range(5):
    with torch.no_grad():
        if i == 2:
            break
y = x * 2
print(i, y.requires_grad)
""",
}


def plain(source: str) -> tuple[dict, str]:
    torch.manual_seed(0)
    namespace: dict = {"__name__": "__main__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(source, namespace)  # noqa: S102 - test text only
    return namespace, out.getvalue()


@pytest.mark.parametrize("name", PROGRAMS)
def test_grad_mode_blocks_behave_like_pytorch(name):
    source = PROGRAMS[name]
    report = run_program(source, torchviz=False)
    assert report.ok, report.error
    expected, printed = plain(source)
    assert report.printed == printed
    for var, value in report.variables.items():
        want = expected[var]
        if isinstance(want, torch.Tensor):
            np.testing.assert_allclose(value.value, want.detach().numpy(), err_msg=var)
            assert value.requires_grad == want.requires_grad, var
            if want.is_leaf and want.grad is not None:
                np.testing.assert_allclose(value.grad, want.grad.numpy(), err_msg=var)
    assert torch.is_grad_enabled()


def test_grad_mode_is_restored_after_an_error_inside_the_block():
    report = run_program("import torch\nwith torch.no_grad():\n    x = torch.ones(2)\n    x[5] = 1\n",
                         torchviz=False)
    assert (report.error.kind, report.error.line) == ("index", 4)
    assert torch.is_grad_enabled()
    after = run_program("import torch\ny = torch.ones(2, requires_grad=True) * 2\n", torchviz=False)
    assert after.variables["y"].grad_fn == "MulBackward0"


@pytest.mark.parametrize(("source", "words"), [
    ("with torch.enable_grad(False):\n    pass", "`with` statements other than `with torch.no_grad():`"),
    ("import torch\nwith torch.no_grad() as g:\n    pass", "`with` statements other than"),
    ("import torch\nwith torch.autograd.set_grad_enabled(False):\n    pass", "`with` statements other than"),
    ("import torch\nwith torch.no_grad(True):\n    pass", "`with` statements other than"),
])
def test_other_with_statements_are_refused_before_running(source, words):
    with pytest.raises(Exception) as caught:
        parse_program(source)
    assert words in str(caught.value)


@pytest.mark.parametrize(("source", "kind", "message"), [
    ("import numpy as np\nwith np.no_grad():\n    pass", "unsupported", "works with the torch module only"),
    ("import torch\nno_grad = 1\nwith no_grad():\n    pass", "type", "is a variable of the program"),
])
def test_no_grad_must_be_torch_s(source, kind, message):
    report = run_program(source, torchviz=False)
    assert report.error.kind == kind and message in report.error.message, report.error
    assert report.error.line == source.count("\n")  # the `with` line, just above `pass`


def test_backward_of_a_result_made_under_no_grad_points_at_the_block():
    source = ("import torch\nx = torch.ones(2, requires_grad=True)\nwith torch.no_grad():\n"
              "    y = (x * 2).sum()\ny.backward()\n")
    report = run_program(source, torchviz=False)
    assert (report.error.kind, report.error.line) == ("autograd", 5)
    assert "torch.no_grad()" in report.error.hint

"""Session 35: `python -m autogradlab graph` of a program that only calls torch.autograd.grad draws what the
Graph page draws (helper browser's fix of the page, render/dot.annotated_dot's `returned=`): the input's
node shows the gradient grad() returned, not "grad: not computed yet"."""

from __future__ import annotations

from pathlib import Path

from tests.unit.cli_run import in_process as cli

GRAD_ONLY = ("import torch\nx = torch.tensor([1., 2.], requires_grad=True)\ny = (x ** 2).sum()\n"
             "g, = torch.autograd.grad(y, x)\n")
BACKWARD = "import torch\nx = torch.tensor([1., 2.], requires_grad=True)\ny = (x ** 2).sum()\ny.backward()\n"


def _drawn(tmp_path: Path, source: str) -> str:
    program = tmp_path / "p.py"
    program.write_text(source, encoding="utf-8")
    out = tmp_path / "g.dot"
    result = cli("graph", str(program), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_a_grad_only_programs_drawing_shows_what_grad_returned(tmp_path: Path) -> None:
    text = _drawn(tmp_path, GRAD_ONLY)
    assert "grad() returned" in text and "not computed yet" not in text
    assert "2., 4." in text   # PyTorch's gradient of (x ** 2).sum() at [1, 2]


def test_a_backward_programs_drawing_is_as_before(tmp_path: Path) -> None:
    text = _drawn(tmp_path, BACKWARD)
    assert "grad() returned" not in text and "not returned by grad()" not in text

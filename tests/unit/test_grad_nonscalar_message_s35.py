"""torch.autograd.grad of an output with more than one element, without grad_outputs (session 35).

PyTorch refuses it ("grad can be implicitly created only for scalar outputs"); the engine retold it as
"backward() on a tensor with more than one element needs a gradient argument" with the hint
"call y.sum().backward()", naming a call the program did not make. It now names grad() and grad_outputs,
in English and Chinese; backward()'s own message is unchanged.
"""

from __future__ import annotations

import re

import pytest
import torch

from autogradlab import messages
from autogradlab.engine.run import run_program

PROGRAM = ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\nys = [x * 2, x * 3]\n"
           "g = torch.autograd.grad({call})\n")


@pytest.mark.parametrize("call", ["ys, [x, x]", "ys[0], x", "outputs=ys[1], inputs=[x]"])
def test_grad_of_a_non_scalar_output_names_grad_outputs(call: str) -> None:
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    ys = [x * 2, x * 3]
    with pytest.raises(RuntimeError, match="grad can be implicitly created only for scalar outputs"):
        eval(f"torch.autograd.grad({call})", {"torch": torch, "x": x, "ys": ys})   # noqa: S307 - own text
    error = run_program(PROGRAM.format(call=call), torchviz=False).error
    assert error is not None and error.kind == "autograd" and error.line == 4, error
    assert error.message == ("torch.autograd.grad() of an output with more than one element needs "
                             "grad_outputs of the same shape")
    assert error.hint == "pass grad_outputs=torch.ones_like(y), or take the gradient of y.sum()"
    assert (error.key, error.hint_key) == ("errors_torch.grad_scalar", "errors_torch.hint_grad")
    for key in (error.key, error.hint_key):
        said = messages.text("zh", key)
        assert re.search(r"[\u4e00-\u9fff]", said) and "grad_outputs" in said, said


def test_backward_of_a_non_scalar_keeps_its_message() -> None:
    error = run_program("import torch\nx = torch.ones(3, requires_grad=True)\n(x * 2).backward()\n").error
    assert error.message == ("backward() on a tensor with 3 elements needs a gradient argument of the same "
                             "shape")

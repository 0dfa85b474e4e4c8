"""PyTorch's errors, retold by the engine (autogradlab/lang/torch_errors.py), are recognised
(autogradlab/error_keys_torch.py) and said in Chinese: each one is made by running a real program
through the engine; the English template gives the engine's sentence back exactly. PyTorch's own
text (no rule retells it) stays as written inside a Chinese sentence."""

from __future__ import annotations

import re

import pytest

from autogradlab import messages

CJK = re.compile(r"[\u4e00-\u9fff]")
T = "import torch\n"
G = "import torch\nx = torch.ones(3, requires_grad=True)\n"


@pytest.fixture(scope="module")
def run():
    from autogradlab.engine.run import run_program

    return lambda source: run_program(source, torchviz=False)


CASES = [
    (T + "torch.ones(2, 3).sum(dim=5)\n", "errors_torch.dim_range"),
    (T + "torch.mm(torch.ones(2, 3), torch.ones(2, 3))\n", "errors_torch.mm"),
    (T + "torch.mv(torch.ones(2, 3), torch.ones(2))\n", "errors_torch.mv"),
    (T + "torch.dot(torch.ones(3), torch.ones(2))\n", "errors_torch.dot"),
    (T + "torch.dot(torch.ones(2, 2), torch.ones(2, 2))\n", "errors_torch.dot_1d"),
    (T + "torch.mm(torch.ones(3), torch.ones(3))\n", "errors_torch.mm_2d_shapes"),   # zh: no English "and"
    (T + "torch.ones(2, 3) @ torch.ones(2, 2, 4)\n", "errors_torch.matmul"),
    (T + "torch.ones(2, 3) + torch.ones(2, 4)\n", "errors_torch.broadcast"),
    (T + "a = torch.ones(3)\na += torch.ones(2, 3)\n", "errors_torch.inplace_shape"),
    (T + "torch.ones(6).reshape(4, -1)\n", "errors_torch.reshape_divisible"),
    (T + "torch.ones(6).reshape(4, 2)\n", "errors_torch.reshape_holds"),
    (G + "(x * 2).backward()\n", "errors_torch.backward_scalar"),
    (G + "y = (x * x).sum()\ny.backward()\ny.backward()\n", "errors_torch.backward_twice"),
    (G + "x += 1\n", "errors_torch.inplace_leaf"),
    (T + "torch.ones(3).sum().backward()\n", "errors_torch.no_graph"),
    (G + "z = torch.ones(2, requires_grad=True)\ntorch.autograd.grad((x * 2).sum(), [x, z])\n",
     "errors_torch.unused"),
    (G + "x.numpy()\n", "errors_torch.numpy_grad"),
    (T + "torch.tensor([1, 2], requires_grad=True)\n", "errors_torch.int_grad"),
    (T + "torch.arange(4).mean()\n", "errors_torch.float_call"),
    (T + "torch.ones(3)[5]\n", "errors_torch.index"),
    (T + "torch.ones(3)[0, 1]\n", "errors_torch.too_many_indices"),
    (T + "torch.ones(3).item()\n", "errors_torch.one_element_count"),
    (T + "if torch.ones(3) > 0:\n    pass\n", "errors_torch.ambiguous"),
    (T + "torch.tensor([[1.0, 2.0], [3.0]])\n", "errors_torch.ragged"),
    (T + "torch.mm(torch.ones(2, 2), torch.ones(2, 2, dtype=torch.float64))\n", "errors_torch.same_dtype"),
]


@pytest.mark.parametrize("source, key", CASES, ids=[k.split(".")[1] for _, k in CASES])
def test_torch_error_is_said_in_chinese(run, source, key):
    error = run(source).error
    assert error is not None, source
    assert error.key == key, (error.message, error.key)
    params = dict(error.params)
    assert messages.text("en", key, **params) == error.message
    zh = messages.text("zh", key, **params)
    assert CJK.search(zh), zh
    if error.hint:
        assert error.hint_key is not None, error.hint
        assert messages.text("en", error.hint_key, **dict(error.hint_params)) == error.hint
        assert CJK.search(messages.text("zh", error.hint_key, **dict(error.hint_params)))


def test_pytorchs_own_text_is_framed_in_chinese(run):
    error = run(T + "torch.stack([torch.ones(2), torch.ones(3)])\n").error
    assert error is not None and error.key == "errors_torch.said", (error.message, error.key)
    assert messages.text("en", error.key, **dict(error.params)) == error.message   # PyTorch's words
    zh = messages.text("zh", error.key, **dict(error.params))
    assert zh.startswith("PyTorch") and CJK.search(zh) and error.message in zh


def test_mm_of_two_vectors_says_its_shapes_without_english_in_chinese(run):
    """The zh error box read "实际形状为 [3] and [3]": the shapes were one English phrase."""
    error = run(T + "torch.mm(torch.ones(3), torch.ones(2))\n").error
    assert error is not None
    assert error.message == "mm: needs two 2-D tensors (matrices), got shapes [3] and [2]"
    zh = messages.text("zh", error.key, **dict(error.params))
    assert zh.endswith("实际形状为 [3] 与 [2]") and " and " not in zh, zh

"""Session 39 (corpus-s39, issue 9 part 2): `y.grad_fn._saved_self` and the other `_saved_*` values of a
backward node, as PyTorch's "Hooks for autograd saved tensors" tutorial reads them, compared with plain
PyTorch; the program's unpack hook runs when they are read (as in PyTorch); everything else private
stays refused."""

from __future__ import annotations

import pytest

from autogradlab import error_text
from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s30 import fails_like_python

T = "import torch\n"


@pytest.mark.parametrize("snippet", [
    # the tutorial's cells, in order
    "a = torch.randn(5, requires_grad=True)\nb = torch.ones(5, requires_grad=True)\ny = a * b\n"
    "print(y.grad_fn._saved_self)\nprint(y.grad_fn._saved_other)\n"
    "print(y.grad_fn._saved_self is a)\nprint(y.grad_fn._saved_other is b)\n",
    "a = torch.randn(5, requires_grad=True)\ny = torch.exp(a)\nprint(y.grad_fn._saved_result.equal(y))\n"
    "print(y.grad_fn._saved_result is y)\n",
    # numbers, tuples and bools a node saved
    "x = torch.tensor([1., 2.], requires_grad=True)\ny = x.pow(3)\nprint(y.grad_fn._saved_exponent)\n"
    "z = x.sum(0, keepdim=True)\nprint(z.grad_fn._saved_self_sym_sizes)\n"
    "s = x.sum(dim=0)\nprint(s.grad_fn._saved_dim, s.grad_fn._saved_keepdim)\n"
    "t = x[0:1]\nprint(t.grad_fn._saved_start, t.grad_fn._saved_end, t.grad_fn._saved_step)\n",
    "x = torch.ones(2, 3, requires_grad=True)\ny = x.t().matmul(x)\nm = y.grad_fn._saved_mat2\nprint(m)\n",
    "x = torch.tensor([1., 2.], requires_grad=True)\ny = (x * x).sum()\n"
    "print(y.grad_fn.next_functions[0][0]._saved_self * 2)\n",
])
def test_saved_values_like_pytorch(snippet: str) -> None:
    compare(T + "torch.manual_seed(0)\n" + snippet)


def test_reading_a_saved_tensor_runs_the_unpack_hook() -> None:
    compare(T + "def pack_hook(x):\n    print('Packing', x)\n    return x\n\n"
            "def unpack_hook(x):\n    print('Unpacking', x)\n    return x * 1\n\n"
            "x = torch.ones(5, requires_grad=True)\n"
            "with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):\n    y = x.pow(2)\n"
            "print(y.grad_fn._saved_self)\nprint(y.grad_fn._saved_self)\ny.sum().backward()\nprint(x.grad)\n")


@pytest.mark.parametrize("source", [
    "x = torch.tensor([1., 2.], requires_grad=True)\ny = x * 2\nr = y.grad_fn._saved_nothing\n",
    "x = torch.tensor([1., 2.], requires_grad=True)\ny = x * 2\n"
    "r = y.grad_fn.next_functions[0][0]._saved_self\n",   # AccumulateGrad saves nothing
])
def test_saved_values_fail_like_pytorch(source: str) -> None:
    fails_like_python(T + source)


def test_a_freed_saved_tensor_is_the_retain_graph_error() -> None:
    report = run_program(T + "x = torch.tensor([1., 2.], requires_grad=True)\ny = (x * x).sum()\n"
                         "y.backward()\nr = y.grad_fn.next_functions[0][0]._saved_self\n")
    assert not report.ok and report.error.line == 5 and "retain_graph=True" in report.error.message


@pytest.mark.parametrize("line", [
    "y.grad_fn._raw_saved_self",   # a SavedVariable
    "y.grad_fn._saved_self__",
    "x._saved_self",
    "torch._saved_self",
    "y.grad_fn._saved_self.__class__",
    "getattr(y.grad_fn, '_saved_self')",
    "y.grad_fn._next_functions",
])
def test_other_private_names_stay_refused(line: str) -> None:
    report = run_program(T + f"x = torch.ones(2, requires_grad=True)\ny = x * x\nr = {line}\n")
    assert not report.ok and report.error.kind == "unsupported", report.error


def test_saved_values_cannot_be_written() -> None:
    report = run_program(T + "x = torch.ones(2, requires_grad=True)\ny = x * x\ny.grad_fn._saved_self = x\n")
    assert not report.ok and report.error.kind == "unsupported", report.error


def test_a_value_that_is_not_plain_is_refused_in_both_languages() -> None:
    import torch

    from autogradlab.lang.grad_fn_saved import _plain
    from autogradlab.report import ErrorInfo
    assert _plain((torch.ones(1), 3, (True, None), torch.float32))
    assert not _plain(object()) and not _plain([[[1]]]) and not _plain(torch.device("cpu"))
    text = "`._saved_x` of a grad_fn holds a SavedVariable, which is not supported in Autograd Lab"
    assert "Autograd Lab 不支持读取它" in error_text.message("zh", ErrorInfo("unsupported", text))


# -- a pack hook giving back a function (the tutorial's "Returning a tuple") -------------------------------
def test_pack_hook_may_give_back_a_function_as_in_pytorch() -> None:
    compare(T + "torch.manual_seed(0)\n"
            "def pack(x):\n    delta = torch.randn(*x.size())\n    return x - delta, lambda x: x + delta\n\n"
            "def unpack(packed):\n    x, f = packed\n    return f(x)\n\n"
            "x = torch.randn(5, requires_grad=True)\n"
            "with torch.autograd.graph.saved_tensors_hooks(pack, unpack):\n    y = x * x\n"
            "y.sum().backward()\nassert(torch.allclose(x.grad, 2 * x))\nprint(x.grad)\n")


@pytest.mark.parametrize("given", ["torch.sin", "(1, 2)", "print"])
def test_unpack_hook_giving_back_no_tensor_fails_with_pytorchs_words(given: str) -> None:
    fails_like_python(T + "x = torch.ones(2, requires_grad=True)\n"
                      f"with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda p: {given}):\n"
                      "    y = x * x\ny.sum().backward()\n")

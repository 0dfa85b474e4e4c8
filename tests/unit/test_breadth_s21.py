"""Session 21's breadth (issue 9): what the new tutorial sources needed, equal to plain PyTorch / NumPy
(tests/oracle.py): `from torch.autograd import Variable` (MorvanZhou, the old blitz), NumPy functions of
lists and np.matmul (MorvanZhou's torch_numpy), torch.masked_fill / index_fill / bilinear as functions
(eat_pytorch_in_20_days 4-1, 4-2), vhp/hvp imports (torch.autograd.functional's docs), a custom
Function's grad_fn printed with its module (eat_pytorch 2-3). Limits just below and above each size."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.oracle import ADDRESS, run_trusted, value_mismatches
from tests.unit.breakout_helpers import SMALL, Case, check_case

N = "import numpy as np\nimport torch\n"
V = "import torch\nfrom torch.autograd import Variable\n"


def _same(source: str) -> None:
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None and report.ok, (oracle.error, report.error)
    assert report.printed == ADDRESS.sub(">", oracle.printed)   # grad_fn addresses: never shown here
    assert [(d.line, d.text) for d in report.displayed] == oracle.displayed
    problems = [p for name, real in oracle.variables.items() if name in report.variables
                for p in value_mismatches(report.variables[name], real, name)]
    assert not problems, problems


@pytest.mark.parametrize("tail", [
    "t = torch.tensor([1., 2.])\nv = Variable(t, requires_grad=True)\nw = torch.autograd.Variable(t)\n"
    "print(v, w, v.is_leaf, w.requires_grad, isinstance(v, Variable), Variable)\n"
    "y = (v * v).sum()\ny.backward()\nprint(v.grad)\n",
    "x = torch.ones(2, requires_grad=True)\nu = Variable(x * 3, requires_grad=True)\n"
    "print(u.grad_fn, u.is_leaf, Variable(), Variable(x * 3).requires_grad)\n",
    "t = torch.zeros(2)\nv = Variable(t, True)\nt.add_(1)\nprint(v, Variable(t, volatile=True))\n",
    "x = Variable(torch.randn(3), requires_grad=True)\ny = x * 2\nwhile y.data.norm() < 1000:\n"
    "    y = y * 2\ny.backward(torch.FloatTensor([0.1, 1.0, 0.0001]))\nprint(x.grad)\n",
])
def test_variable_equals_pytorch(tail: str) -> None:
    _same(V + tail)


@pytest.mark.parametrize(("tail", "pytorchs_words"), [
    ("Variable([1.0, 2.0])\n", True),
    ("Variable(torch.ones(2), foo=1)\n", True),
    ("Variable(torch.tensor([1, 2]), requires_grad=True)\n", False),   # as x.requires_grad_() says it
])
def test_variable_errors_equal_pytorch(tail: str, pytorchs_words: bool) -> None:
    source = V + tail
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is not None and report.error is not None, report.printed
    assert (report.error.kind, report.error.line) == ("type", 3)
    assert (report.error.message == str(oracle.error)) == pytorchs_words, report.error.message


@pytest.mark.parametrize("tail", [
    "data = [-1, -2, 1, 2]\nprint(np.abs(data), np.sin(data), np.mean(data), np.sum((1, 2.5)))\n",
    "data = [[1, 2], [3, 4]]\nprint(np.matmul(data, data), np.matmul(np.array(data), [1, 1]))\n",
    "print(np.add([1, 2], 3), np.maximum([1.5, -2], [0, 0]), np.exp([]))\n",
    "a = np.arange(6).reshape(2, 3)\nprint(np.matmul(a, a.T), np.matmul(a.T, a).shape)\n",
])
def test_numpy_of_lists_equals_numpy(tail: str) -> None:
    _same(N + tail)


@pytest.mark.parametrize("tail", [
    "torch.manual_seed(0)\nscores = torch.floor(torch.rand(4, 5) * 100)\n"
    "a = torch.index_fill(scores, dim=1, index=torch.tensor([0, 2, 4]), value=100)\n"
    "b = torch.masked_fill(scores, scores < 60, 60)\n"
    "c = torch.masked_fill(scores, mask=scores < 60, value=6.5)\n",
    "torch.manual_seed(0)\nq, k = torch.randn(10), torch.randn(10)\n"
    "W, b = torch.randn(5, 10, 10), torch.randn(5)\n"
    "a = torch.bilinear(q, k, W, b)\nA = torch.bilinear(q.unsqueeze(0), k.unsqueeze(0), W, bias=None)\n",
    "x = torch.ones(3, requires_grad=True)\ny = torch.masked_fill(x * 2, x > 5, 0.0).sum()\ny.backward()\n"
    "print(x.grad, y.grad_fn)\n",
])
def test_torch_functions_equal_pytorch(tail: str) -> None:
    _same(N + tail)


def test_vhp_hvp_import_and_equal_pytorch() -> None:
    _same("import torch\nfrom torch.autograd.functional import vhp, hvp\n"
          "def pow_reducer(x):\n    return x.pow(3).sum()\ninputs = torch.rand(2, 2)\nv = torch.ones(2, 2)\n"
          "a = vhp(pow_reducer, inputs, v)\nb = hvp(pow_reducer, inputs, v)\nprint(a, b)\n")


def test_a_custom_functions_grad_fn_prints_with_its_module() -> None:
    source = ("import torch\nclass MyReLU(torch.autograd.Function):\n    @staticmethod\n"
              "    def forward(ctx, x):\n        return x.clamp(min=0)\n    @staticmethod\n"
              "    def backward(ctx, g):\n        return g\n"
              "y = MyReLU.apply(torch.ones(2, requires_grad=True))\nprint(y.grad_fn)\n")
    report = run_program(source)
    assert report.printed == "<torch.autograd.function.MyReLUBackward object>\n"
    assert run_trusted(source).printed.startswith("<torch.autograd.function.MyReLUBackward object at 0x")


CASES = [
    # a list becomes an array as np.array makes it: sized first, numbers only
    Case(N + "a = np.abs([[0.0] * 10] * 10)\nprint(a.shape)\n", None, None, "(10, 10)\n", SMALL),
    Case(N + "a = np.abs([[0.0] * 11] * 10)\n", "limit", 3, r"np\.array would have 110 elements", SMALL),
    Case(N + "a = np.mean([print])\n", "unsupported", 3, r"a function may only be called"),
    Case(N + "a = np.sin(['x'])\n", "unsupported", 3, r"numpy arrays of numbers only"),
    # np.matmul is sized by matmul's rule before NumPy allocates
    Case(N + "a = np.matmul(np.ones((10, 1)), np.ones((1, 10)))\nprint(a.shape)\n", None, None, "(10, 10)\n",
         SMALL),
    Case(N + "a = np.matmul(np.ones((10, 1)), np.ones((1, 11)))\n", "limit", 3,
         r"matmul would have 110 elements", SMALL),
    Case(N + "a = np.matmul([[1.0]] * 10, [[1.0] * 11])\n", "limit", 3, r"matmul would have 110 elements",
         SMALL),
    # the torch functions broadcast their operands: sized on the meta device first
    Case(N + "a = torch.masked_fill(torch.zeros(10, 1), torch.ones(1, 10, dtype=torch.bool), 1.0)\n"
         "print(a.shape)\n", None, None, "torch.Size([10, 10])\n", SMALL),
    Case(N + "a = torch.masked_fill(torch.zeros(10, 1), torch.ones(1, 11, dtype=torch.bool), 1.0)\n",
         "limit", 3, r"masked_fill would have 110 elements", SMALL),
    Case(N + "a = torch.bilinear(torch.ones(10, 2), torch.ones(10, 2), torch.ones(10, 2, 2))\n"
         "print(a.shape)\n", None, None, "torch.Size([10, 10])\n", SMALL),
    Case(N + "a = torch.bilinear(torch.ones(10, 2), torch.ones(10, 2), torch.ones(11, 2, 2))\n", "limit", 3,
         r"bilinear would have 110 elements", SMALL),
    Case(N + "a = torch.ones(2).bilinear(torch.ones(2), torch.ones(1, 2, 2))\n", "value", 3,
         r"'Tensor' object has no attribute 'bilinear'"),   # a function only: PyTorch's AttributeError
    # Variable runs as detach() and requires_grad_(): nothing but a tensor goes in
    Case(V + "a = Variable(print)\n", "unsupported", 3, r"a function may only be called"),
    Case(V + "a = Variable(torch.ones(2), requires_grad=print)\n", "unsupported", 3,
         r"a function may only be called"),
    Case(V + "a = Variable(torch.ones(2), 1)\n", "type", 3, r"requires_grad must be True or False, not int"),
    Case(V + "a = Variable(torch.ones(2), True, False, None)\n", "unsupported", 3, r"takes at most"),
    Case(V + "a = Variable(torch.ones(2), data=torch.ones(2))\n", "type", 3, r"given by name and position"),
    Case(V + "print(Variable.__module__)\n", "unsupported", 3, r"__module__"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.program.splitlines()[-1][:60])
def test_limits_and_refusals(case: Case) -> None:
    check_case(case)


# -- y.register_hook(f): the program's def or lambda (or print), run inside backward (lang/tensor_hooks.py) --
H = "import torch\nx = torch.ones(2, requires_grad=True)\ny = x * 2\n"


@pytest.mark.parametrize("tail", [
    "y.register_hook(lambda grad: print('y grad: ', grad))\nz = (y * y).sum()\nz.retain_grad()\n"
    "z.backward()\nprint(z.grad, x.grad)\n",
    "h = y.register_hook(lambda g: g * 10)\ny.sum().backward()\nprint(x.grad)\nh.remove()\nx.grad = None\n"
    "(x * 2).sum().backward()\nprint(x.grad, h)\n",
    "def hook(g):\n    print('hook', g)\n    return g + 1\ny.register_hook(hook=hook)\n"
    "x.register_hook(hook)\ny.sum().backward()\nprint(x.grad)\n",
    "keep = []\ny.register_hook(lambda g: keep.append(g))\ny.sum().backward()\nprint(keep, x.grad)\n",
    "from torch.autograd.functional import jacobian\ndef f(v):\n    w = v * 2\n"
    "    w.register_hook(lambda g: print(g))\n    return w\nprint(jacobian(f, x))\n",
    "y.register_hook(lambda g: g * 2)\ng, = torch.autograd.grad(y.sum(), x)\nprint(g)\n",
    "y.register_hook(print)\nx.register_hook(torch.sin)\ny.sum().backward()\nprint(x.grad)\n",   # builtins
])
def test_register_hook_equals_pytorch(tail: str) -> None:
    _same(H + tail)


@pytest.mark.parametrize(("tail", "kind", "line"), [
    ("y.register_hook(lambda g: 3)\ny.sum().backward()\n", "type", 5),           # expected Variable ...
    ("y.register_hook(lambda g: g[:1])\ny.sum().backward()\n", "value", 5),      # has changed the size
    ("torch.ones(2).register_hook(lambda g: g)\n", "value", 4),                   # doesn't require gradient
    ("y.register_hook(lambda g: y.register_hook(print))\ny.sum().backward()\n", "type", 5),   # a handle
])
def test_register_hook_errors_say_what_pytorch_says(tail: str, kind: str, line: int) -> None:
    source = H + tail
    report, oracle = run_program(source), run_trusted(source)
    assert report.error is not None and oracle.error is not None
    assert (report.error.kind, report.error.line, report.error.message) == (kind, line, str(oracle.error))


LOOPING_HOOK = H + "def hook(g):\n    for i in range({n}):\n        pass\ny.register_hook(hook)\ntry:\n" \
                   "    y.sum().backward()\nexcept Exception as e:\n    print('caught', e)\nprint(x.grad)\n"
HOOK_CASES = [
    # the hook's loop counts towards the run's limits; a limit inside backward stays uncatchable
    Case(LOOPING_HOOK.format(n=200), None, None, "tensor([2., 2.])\n", SMALL),
    Case(LOOPING_HOOK.format(n=201), "limit", 5, r"loop iterations", SMALL),
    Case(H + "def f(g):\n    return f(g)\ny.register_hook(f)\ny.sum().backward()\n", "limit", 5, r"deep",
         SMALL),
    # a hook that runs backward again on its own graph: PyTorch re-enters until it crashes; a limit here
    Case(H + "z = (y * y).sum()\ny.register_hook(lambda g: z.backward(retain_graph=True))\n"
         "try:\n    z.backward(retain_graph=True)\nexcept Exception as e:\n    print('caught', e)\n",
         "limit", 5, r"deep", SMALL),   # the line inside the hook, as for a custom Function's backward
    # only the program's own functions are hooks; the handle offers remove() and nothing else
    Case(H + "y.register_hook(torch)\n", "unsupported", 4, r"`\.register_hook\(\)` takes a function \("),
    Case(H + "y.register_hook(float)\n", "unsupported", 4, r"`\.register_hook\(\)` takes a function \("),
    Case(H + "y.register_hook(3)\n", "unsupported", 4, r"`\.register_hook\(\)` takes a function \("),
    Case(H + "y.register_hook()\n", "unsupported", 4, r"takes one function"),
    Case(H + "y.register_hook(lambda g: g, lambda g: g)\n", "unsupported", 4, r"takes one function"),
    Case(H + "h = y.register_hook(lambda g: g)\nprint(h._handle)\n", "unsupported", 5, r"private attributes"),
    Case(H + "h = y.register_hook(lambda g: g)\nh.remove(1)\n", "unsupported", 5, r"remove"),
    # (y.grad_fn.register_hook runs since session 36: tests/unit/test_breadth_s36.py)
    Case(H + "y.grad_fn.register_hook(3)\n", "unsupported", 4, r"register_hook"),
    # under vmap the gradient is batched: it never reaches the program
    Case(H + "from torch.autograd.functional import jacobian\ndef f(v):\n    w = v * 2\n"
         "    w.register_hook(lambda g: g)\n    return w\nJ = jacobian(f, x, vectorize=True)\n",
         "unsupported", 9, r"vectorize=True"),
]


@pytest.mark.parametrize("case", HOOK_CASES, ids=lambda c: c.program.splitlines()[-1][:60])
def test_register_hook_limits_and_refusals(case: Case) -> None:
    check_case(case)


def test_functools_partial_imports_and_its_call_runs_as_in_python() -> None:
    """PyTorch's "Jacobians, Hessians" page starts with `from functools import partial` and uses it
    (session 22: its call runs through the interpreter's call path, lang/partial_function.py)."""
    _same("import torch\nfrom functools import partial\nx = torch.ones(2, requires_grad=True)\n"
          "g, = torch.autograd.grad((x * x).sum(), x)\nprint(g)\n")
    for call in ("from functools import partial\ng = partial(abs, -1)\nprint(g())\n",
                 "import functools\ng = functools.partial(abs, -1)\nprint(g())\n"):
        _same(call)


def test_the_hook_handle_answers_type_and_dir_as_pytorchs() -> None:
    _same(H + "h = y.register_hook(lambda g: g)\nprint(type(h), h == h, str(h))\nnames = dir(h)\n"
              "h.remove()\nh.remove()\n")

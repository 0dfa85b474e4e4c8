"""Session 11 red-team: session 10's constructs again (custom autograd Functions, their ctx and
Name.apply, sets, map/filter/reduce, *args/**kwargs and f(**d), global/nonlocal, loop else), as a
hostile student would try them, one program per case.

Most cases were already handled and stay as regression tests. The holes found this session have
their own tests below the table (each failed before its fix):
- jacobian(..., vectorize=True) ran program code on tensors batched by vmap, whose Python shape hides
  the batch: the size checks counted one row, so a tensor of rows x the limit was allocated (forward
  mode: the program's function; reverse mode: a custom Function's backward, and torch's own backward
  holding one row per output of the function's largest tensor);
- forward-mode jacobian(vectorize=True) of `v * torch.ones(3)` was an internal error (the graph's
  saved ZeroTensor could not be read);
- a custom Function's backward that wrote into a .grad (`x.grad.add_(100)`) left a stale op record
  (trace.STALE_LAZY): PyTorch accumulates into that .grad after the program's backward returns.
"""

from __future__ import annotations

import re

import pytest
import torch

from autogradlab.engine import run_program, trace
from autogradlab.limits import Limits
from autogradlab.step_records import StepOptions
from tests.unit.breakout_helpers import FN, SMALL, Case, check_case, function_class

CASES = [
    # -- the ctx stays behind its wrapper: no container, no text, no attribute of the wrapper -------
    Case(function_class("return x * 2, [ctx]", "return g"), "unsupported", 5,
         "ctx cannot be used inside a list"),
    Case(function_class("return x * 2, ctx", "return g"), "unsupported", 5,
         "ctx cannot be used inside a list"),
    Case(function_class(backward="return ctx", tail="y.sum().backward()\n"), "unsupported", 8,
         "ctx cannot be used as a return value"),
    Case(function_class("d = {'c': ctx}\n        return x * 2"), "unsupported", 5,
         "ctx cannot be used as a dictionary value"),
    Case(function_class("print(f'{ctx}')\n        return x * 2"), "unsupported", 5,
         "ctx cannot be used in an f-string"),
    Case(function_class("print('{0.ctx}'.format(ctx))\n        return x * 2"), "unsupported", 5,
         r"ctx cannot be used in `str\.format`"),
    Case(function_class("print(ctx.ctx)\n        return x * 2"), "value", 5, "has no attribute 'ctx'"),
    Case(function_class("print(ctx.type_name)\n        return x * 2"), "value", 5,
         "has no attribute 'type_name'"),
    Case(function_class("ctx._autogradlab_values = 5\n        return x * 2"), "unsupported", 5,
         "private attributes"),
    Case(function_class("ctx.k = 1\n        del ctx.k\n        return x * 2"), "unsupported", 6,
         "deleting attributes"),
    Case(function_class("setattr(ctx, 'a', 1)\n        return x * 2"), "unsupported", 5, "`setattr`"),
    # -- the graph's node (the real ctx) as y.grad_fn ---------------------------------------------------
    Case(function_class(tail="print(y.grad_fn._forward_cls)\n"), "unsupported", 11, "private attributes"),
    # grad_fn.apply of the program's own Function runs its checked backward, as PyTorch does (session 13)
    Case(function_class(tail="print(y.grad_fn.apply(x))\n"), None, None,
         "tensor([1., 1.], requires_grad=True)\n"),
    # a hook on the node runs as in PyTorch since session 36 (lang/graph_hooks.py); only functions are hooks
    Case(function_class(tail="print(y.grad_fn.register_hook(print))\ny.sum().backward()\n"), None, None,
         "<torch.utils.hooks.RemovableHandle object>\n(tensor([1., 1.]),) (tensor([1., 1.]),)\n"),
    Case(function_class(tail="print(y.grad_fn.register_hook(F))\n"), "unsupported", 11,
         r"`\.register_hook\(\)`"),
    Case(function_class(tail="print(y.grad_fn.metadata)\n"), "unsupported", 11,
         r"the attribute `\.metadata`"),
    Case(function_class("ctx.k = x\n        return x * 2", tail="print(y.grad_fn.k)\n"), "unsupported", 12,
         r"the attribute `\.k` of FBackward values"),
    # -- the class and Name.apply ---------------------------------------------------------------------
    Case(function_class(tail="print(F.apply.impl)\n"), "unsupported", 11, r"the attribute `\.impl`"),
    Case(function_class(tail="print(F.torch_class)\n"), "unsupported", 11, r"`F\.torch_class` is not"),
    Case(function_class(tail="print(F.vjp)\n"), "unsupported", 11, r"`F\.vjp` is not"),
    Case(function_class(tail="print('%s' % F.apply)\n"), "unsupported", 11, r"`F\.apply` cannot be used"),
    Case(function_class(tail="y2 = F.apply(x=x)\n"), "type", 11, "unexpected keyword argument 'x'"),
    Case(function_class(tail="def f(*a):\n    return a[0]\ng = f(F.apply)\ntorch.tensor([g])\n"),
         "unsupported", 14, FN),   # session 27: a function may return a function, which stays no data
    Case(function_class(tail="def f(*, k=F.apply):\n    return k\n"), "unsupported", 11,
         "cannot be used as a default value"),
    Case(function_class(tail="print(list(map(lambda v: F, [1])))\n"), "unsupported", 11,
         r"the class `F` cannot be used as a return value"),
    Case(function_class(tail="import functools\nr = functools.reduce(lambda a, b: a, [F.apply, 2])\n"
                             "torch.tensor([r])\n"), "unsupported", 13, FN),   # s27: returned, never data
    Case("import torch\ndef mk():\n    class F(torch.autograd.Function):\n        @staticmethod\n"
         "        def forward(ctx, x):\n            return x * 2\n        @staticmethod\n"
         "        def backward(ctx, g):\n            return g\n    return F.apply\na = mk()\n"
         "torch.tensor([a])\n",
         "unsupported", 12, "cannot be used in `torch.tensor`"),   # s27: returned, but never data
    # -- no hooks, no raise: the doors a backward could use to run code elsewhere ----------------------
    # (session 21: a tensor hook that is a function runs, lang/tensor_hooks.py; anything else not)
    Case(function_class(tail="y.register_hook(torch.float32)\n"), "unsupported", 11,
         r"`\.register_hook\(\)`"),
    # (session 23: `raise` runs; an error a backward raises is the program's, at its line)
    Case(function_class(backward="raise ValueError('x')", tail="y.sum().backward()\n"), "value", 8,
         r"^ValueError: x$"),
    # -- what forward/backward give back: PyTorch's own checks, translated ----------------------------
    Case(function_class(backward="return 3", tail="y.sum().backward()\n"), "value", 11,
         r"expected Variable or None \(got int\)"),
    Case(function_class(backward="return g[:1]", tail="y.sum().backward()\n"), "value", 11,
         "invalid gradient at index 0"),
    Case(function_class(backward="return g.to(torch.complex64)", tail="y.sum().backward()\n"), "value", 11,
         "isFloatingType"),
    Case(function_class("return x.view(-1)", tail="y.mul_(2)\n"), "value", 11,
         "is a view and is being modified inplace"),
    Case(function_class(backward="return g.expand(10**4, 10**4, 2)", tail="y.sum().backward()\n"), "limit", 8,
         "would have 200,000,000 elements"),
    Case(function_class("return x.expand(10**4, 10**4, 2)"), "limit", 5, "would have 200,000,000 elements"),
    Case(function_class(backward="return torch.ones(2, 2)", tail="y.sum().backward()\nprint(x.grad)\n"),
         None, None, "tensor([2., 2.])\n"),   # PyTorch sums the gradient to the input's shape
    Case(function_class("return (x * 2, {1, 2})", "return g", "a, s = y\ns.add(3)\nprint(s, type(s))\n"),
         None, None, "{1, 2, 3} <class 'set'>\n"),   # as PyTorch: a non-tensor output comes back as it is
    # -- recursion through apply and backward stops as a limit ---------------------------------------
    Case(function_class("return F.apply(x)"), "limit", 5, "more than 50 levels"),
    Case(function_class(backward="with torch.enable_grad():\n            v = g.detach().requires_grad_()\n"
                                 "            J = torch.autograd.functional.jacobian(F.apply, v)\n"
                                 "        return g", tail="y.sum().backward()\n"),
         "limit", None, "nests too deeply|more than 50 levels|nested too deeply"),
    # -- sets, kwargs, starred targets: every growth counted ------------------------------------------
    Case("s = set(range(40))\ns.update(range(40, 45), range(45, 60))", "limit", 2, "the set would have 60",
         SMALL),
    Case("s = set(range(40))\ns.symmetric_difference_update(range(40, 80))", "limit", 2,
         "the set would have 80", SMALL),
    Case("s = set(range(40))\nt = s.symmetric_difference(range(40, 80))", "limit", 2, "the set would have 80",
         SMALL),
    Case("a = set(range(40))\nd = {'k': a}\nd['k'] |= set(range(40, 80))", "limit", 3,
         "the set would have 80",
         SMALL),
    Case("def f():\n    a = set(range(40))\n    def g():\n        nonlocal a\n"
         "        a |= set(range(40, 80))\n"
         "    g()\nf()", "limit", 5, "the set would have 80", SMALL),
    Case("a = [set(range(40))]\nfor i in range(3):\n    a[0] |= set(range(40, 80))", "limit", 3,
         "the set would have 80", SMALL),
    Case("d = {str(i): i for i in range(40)}\ne = dict(d, **{str(i): i for i in range(40, 80)})", "limit", 2,
         "the dictionary would have 51", SMALL),
    Case("def f(**k):\n    return k\nd = {str(i): i for i in range(30)}\n"
         "e = f(**d, **{str(i): i for i in range(30, 60)})", "limit", 4, "would have 60", SMALL),
    Case("def f(*a):\n    return a\nx = f(*range(30), *range(30))", "limit", 3, "the list would have 60",
         SMALL),
    Case("print(*range(10), sep='x' * 1000)", "limit", 1, "would have 1,000 items", SMALL),
    # -- f(**d) reaches library functions as written keywords ----------------------------------------
    Case("import torch\nprint(torch.ones(**{'size': (10**5, 10**5)}))", "limit", 2,
         "would have 10,000,000,000 elements"),
    Case("import torch\nx = torch.ones(2)\nprint(x.to(**{'device': 'meta'}))", "unsupported", 3,
         "only the CPU device"),
    Case("import torch\nx = torch.ones(2)\nprint(x.new_empty(**{'size': (2,)}))", "unsupported", 3,
         r"`\.new_empty\(\)`"),
    Case("import torch\ntorch.set_default_dtype(**{'d': torch.float64})", "type", 2,   # PyTorch's text
         r"set_default_dtype\(\) got some positional-only arguments passed as keyword arguments: 'd'"),
    Case("print(range(**{'stop': 10}))", "unsupported", 1, "keyword argument `stop=`"),
    # -- global / nonlocal / loop else: CPython's answers, also in the compiled paths ----------------
    Case("n = 0\ndef f():\n    global n\n    for i in range(10):\n        if n % 3 == 0:\n"
         "            n += 2\n"
         "        else:\n            n += 1\n    return n\nprint(f(), n)", None, None, "15 15\n"),
    Case("def f():\n    global q\n    q += 1\nf()", "name", 3, "name 'q' is not defined"),
    Case("def f():\n    for i in range(5):\n        if i == 3:\n            return i\n    else:\n"
         "        return -1\nprint(f())", None, None, "3\n"),
    Case("x = [0, 0, 0]\nx[0], *x[1:] = [7, 8, 9]\nprint(x)", None, None, "[7, 8, 9]\n"),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}" for i in range(len(CASES))])
def test_hostile_program(case: Case) -> None:
    check_case(case)


# -- jacobian(..., vectorize=True): program code on vmap-batched tensors counts every row ----------
ROWS = Limits(max_tensor_elements=5_000)   # one row of the programs below: 60 x 60 = 3,600 elements


def _outer(n: int, options: str) -> str:
    return ("import torch\n"
            "def f(v):\n"
            f"    h = v.unsqueeze(1) * torch.ones({n})\n"
            "    return h.sum(1)\n"
            f"x = torch.ones({n}, requires_grad=True)\n"
            f"J = torch.autograd.functional.jacobian(f, x, {options})\n"
            "print(J.sum().item())\n")


def _outer_backward(n: int) -> str:
    return ("import torch\n"
            "class F(torch.autograd.Function):\n"
            "    @staticmethod\n"
            "    def forward(ctx, x):\n"
            "        return x * 2\n"
            "    @staticmethod\n"
            "    def backward(ctx, g):\n"
            f"        h = g.unsqueeze(1) * torch.ones({n})\n"
            "        return h.sum(1)\n"
            f"x = torch.ones({n}, requires_grad=True)\n"
            "J = torch.autograd.functional.jacobian(lambda v: F.apply(v), x, vectorize=True)\n"
            "print(J.sum().item())\n")


@pytest.mark.parametrize(("program", "line", "what"), [
    (_outer(60, "vectorize=True, strategy='forward-mode'"), 3, "mul"),   # the function, one row per input
    (_outer(60, "vectorize=True"), 6, r"jacobian\(\.\.\., vectorize=True\)"),   # torch's batched backward
    (_outer_backward(60), 8, "mul"),   # the custom backward, one row per output
])
def test_vectorized_jacobian_counts_every_row_of_the_batch(program: str, line: int, what: str) -> None:
    error = run_program(program, limits=ROWS, torchviz=False).error
    assert error is not None and (error.kind, error.line) == ("limit", line), error
    expected = rf"result of {what} would have 216,000 elements; the limit is 5,000"
    assert re.search(expected, error.message), error


@pytest.mark.parametrize("program", [_outer(60, "vectorize=True, strategy='forward-mode'"),
                                     _outer(60, "vectorize=True"), _outer_backward(60)])
def test_the_batch_limit_cannot_be_caught(program: str) -> None:
    caught = re.sub(r"\nJ = (.*)\n", r"\ntry:\n    J = \1\nexcept Exception as e:\n    print('caught')\n"
                    r"    J = torch.ones(1)\n", program)
    report = run_program(caught, limits=ROWS, torchviz=False)
    assert "try:" in caught and report.printed == ""
    assert report.error is not None and report.error.kind == "limit", report.error


@pytest.mark.parametrize("program", [_outer(8, "vectorize=True, strategy='forward-mode'"),
                                     _outer(8, "vectorize=True"), _outer_backward(8)])
def test_vectorized_jacobian_within_the_limits_gives_pytorchs_answer(program: str) -> None:
    class F(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):  # noqa: ANN001, ANN205
            return x * 2

        @staticmethod
        def backward(ctx, g):  # noqa: ANN001, ANN205
            return (g.unsqueeze(1) * torch.ones(8)).sum(1)

    def outer(v: torch.Tensor) -> torch.Tensor:
        return (v.unsqueeze(1) * torch.ones(8)).sum(1)

    func = (lambda v: F.apply(v)) if "class F" in program else outer
    expected = torch.autograd.functional.jacobian(func, torch.ones(8, requires_grad=True)).sum().item()
    report = run_program(program, limits=ROWS, torchviz=False)
    assert report.error is None, report.error
    assert report.printed == f"{expected}\n"


def test_forward_mode_vectorized_jacobian_with_a_constant_is_pytorchs_answer_not_an_internal_error() -> None:
    program = ("import torch\nx = torch.ones(3, requires_grad=True)\n"
               "J = torch.autograd.functional.jacobian(lambda v: v * torch.ones(3), x, vectorize=True, "
               "strategy='forward-mode')\nprint(J.detach())\n")
    x = torch.ones(3, requires_grad=True)
    expected = torch.autograd.functional.jacobian(lambda v: v * torch.ones(3), x, vectorize=True,
                                                  strategy="forward-mode")
    report = run_program(program, torchviz=True)
    assert report.error is None, report.error
    assert report.printed == f"{expected.detach()}\n"


# -- a custom backward that writes into a .grad: the op trace copies it before PyTorch accumulates -----
@pytest.mark.parametrize("steps", [None, StepOptions(backward_if_missing=True)])
def test_a_grad_written_by_a_custom_backward_leaves_no_stale_record(steps: StepOptions | None) -> None:
    program = function_class(backward="x.grad.add_(100)\n        return g",
                             tail="x.grad = torch.zeros(2)\ny.sum().backward()\nprint(x.grad)\n")
    before = trace.STALE_LAZY[0]
    report = run_program(program, torchviz=False, steps=steps)
    assert report.error is None, report.error
    assert report.printed == "tensor([101., 101.])\n"   # PyTorch: 0 + 100 (the backward) + 1 (accumulated)
    assert trace.STALE_LAZY[0] == before


# jacobian(f, x, create_graph=True) (the user's options: torch's own jacobian, then a probe for the
# checks) probed f without measuring its largest tensor (peak 0), so the finite-difference check ran f
# vectorized over 2 x 8 perturbed inputs whatever f made: 16 x a tensor at the limit. With the probe's
# peak, the vectorized pass is bounded as the engine's own passes are (jac.CHUNK_ELEMENTS).
def test_the_checks_after_a_user_options_jacobian_bound_their_vectorized_pass(monkeypatch) -> None:  # noqa: ANN001
    import autogradlab.engine.jacobian as jac
    import autogradlab.engine.jacobian_checks as checks

    batches: list[int] = []
    vectorized = checks._fd_vectorized

    def spy(func, xs, flat, columns, *rest):  # noqa: ANN001, ANN202
        batches.append(2 * len(columns))
        return vectorized(func, xs, flat, columns, *rest)
    monkeypatch.setattr(checks, "_fd_vectorized", spy)
    n = 600   # f's largest tensor: 360,000 elements; 16 of them are more than jac.CHUNK_ELEMENTS
    program = ("import torch\ndef f(v):\n"
               f"    h = v.unsqueeze(1) * torch.ones({n})\n    return h.sum()\n"
               f"x = torch.ones({n}, requires_grad=True)\n"
               "J = torch.autograd.functional.jacobian(f, x, create_graph=True)\nprint(J.sum().item())\n")
    report = run_program(program, torchviz=False)
    assert report.error is None, report.error
    assert report.printed == f"{float(n * n)}\n"   # dJ/dx = n for every element (PyTorch: n * ones(n))
    assert all(rows * n * n <= jac.CHUNK_ELEMENTS for rows in batches), batches

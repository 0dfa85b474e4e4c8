"""Custom autograd Functions (`class Name(torch.autograd.Function)`, lang/custom_functions.py): values,
gradients, printed text and errors equal plain PyTorch's; the program's forward/backward run under
the engine's limits; every other class, and every other use of the class and its ctx, is refused."""

from __future__ import annotations

import dataclasses
import traceback
from dataclasses import replace

import pytest

from autogradlab.engine import run_program
from autogradlab.lang.custom_functions import MAX_CTX_ATTRIBUTES
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import PROGRAM_FILENAME, run_trusted, value_mismatches

LEGENDRE = '''import torch

class LegendrePolynomial3(torch.autograd.Function):
    """docstring"""
    @staticmethod
    def forward(ctx, input):
        """a docstring Python never runs"""
        ctx.save_for_backward(input)
        return 0.5 * (5 * input ** 3 - 3 * input)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * input ** 2 - 1)

x = torch.linspace(-1, 1, 7)
c = torch.tensor(0.1, requires_grad=True)
d = torch.tensor(0.7, requires_grad=True)
P3 = LegendrePolynomial3.apply
y = (2.0 * P3(c + d * x)).sum()
y.backward()
print(y.item(), c.grad, d.grad)
print(P3(c).grad_fn)
'''

TWO_INPUTS = '''import torch

class MulAdd(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a * b + a

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        ga = g * (b + 1) if ctx.needs_input_grad[0] else None
        gb = g * a if ctx.needs_input_grad[1] else None
        return ga, gb

a = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
b = torch.tensor([0.5, 4.0, -1.0], requires_grad=True)
k = torch.tensor([2.0, 2.0, 2.0])
out = MulAdd.apply(a, b)
(out * out).sum().backward()
print(out, a.grad, b.grad)
MulAdd.apply(a, k).sum().backward()
print(a.grad, k.grad)
'''

NON_TENSOR = '''import torch

class Scale(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k, name):
        ctx.k = k
        ctx.name = name
        ctx.k += 1
        return x * k

    @staticmethod
    def backward(ctx, g):
        print(ctx.name, ctx.k)
        return g * ctx.k, None, None

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = Scale.apply(x, 3.0, "scale")
y.sum().backward()
print(y, x.grad)
'''

SETUP_CONTEXT = '''import torch

class Exp(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return x.exp()

    @staticmethod
    def setup_context(ctx, inputs, output):
        ctx.save_for_backward(output)

    @staticmethod
    def backward(ctx, g):
        result, = ctx.saved_tensors
        return g * result

x = torch.tensor([0.0, 1.0, -1.0], requires_grad=True)
y = Exp.apply(x)
y.sum().backward()
print(y, x.grad)
'''

TWO_OUTPUTS = '''import torch

class SortWithIndex(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        values, indices = torch.sort(x)
        ctx.mark_non_differentiable(indices)
        ctx.save_for_backward(indices)
        ctx.set_materialize_grads(False)
        ctx.n = x.shape[0]
        return values, indices

    @staticmethod
    def backward(ctx, g, g_indices):
        indices, = ctx.saved_tensors
        grad = torch.zeros(ctx.n)
        grad[indices] = g
        return grad

x = torch.tensor([3.0, 1.0, 2.0], requires_grad=True)
values, indices = SortWithIndex.apply(x)
(values * torch.tensor([1.0, 10.0, 100.0])).sum().backward()
print(values, indices, indices.requires_grad, x.grad)
'''

IN_FUNCTIONS = '''import torch
from torch.autograd import Function
from torch.autograd.functional import jacobian

class Cube(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * 3 * x ** 2

def f(x):
    return Cube.apply(x) * 2

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
J = jacobian(f, x)
total = 0.0
for i in range(3):
    total = total + Cube.apply(x[i]).item()
print(J, total)
'''

# vectorize=True: the program's backward gets gradients batched by vmap
VECTORIZED = IN_FUNCTIONS.replace("J = jacobian(f, x)", "J = jacobian(f, x, vectorize=True)")

PROGRAMS = {"legendre": LEGENDRE, "two_inputs": TWO_INPUTS, "non_tensor": NON_TENSOR,
            "setup_context": SETUP_CONTEXT, "two_outputs": TWO_OUTPUTS, "in_functions": IN_FUNCTIONS,
            "vectorized": VECTORIZED}


@pytest.mark.parametrize("name", PROGRAMS)
def test_custom_function_equals_plain_pytorch(name):
    source = PROGRAMS[name]
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None, oracle.error
    assert report.ok, report.error
    assert _same_but_address(report.printed, oracle.printed), (report.printed, oracle.printed)
    real = {k: v for k, v in oracle.namespace.items() if k in report.variables}
    problems = [p for key, value in real.items() for p in value_mismatches(report.variables[key], value, key)]
    assert not problems, problems


def _same_but_address(got: str, want: str) -> bool:
    """`<torch.autograd.function.NameBackward object>` for PyTorch's `<... object at 0x...>` (the engine
    prints no address, as for every grad_fn; session 21: with the module, as Python's repr names it)."""
    import re
    want = re.sub(r"(<torch\.autograd\.function\.\w+ object) at 0x[0-9a-f]+>", r"\1>", want)
    return got == want


def test_the_graph_holds_pytorchs_own_node_with_its_variable():
    report = run_program(LEGENDRE.replace("y = (2.0 * P3(c + d * x)).sum()",
                                          "p = P3(c + d * x)\ny = (2.0 * p).sum()"))
    node = next(n for n in report.graph.nodes if n.grad_fn == "LegendrePolynomial3Backward")
    assert (node.var, node.op) == ("p", "LegendrePolynomial3.apply")
    assert any(op.in_function == "LegendrePolynomial3.forward" for op in report.ops)
    assert any(op.in_function == "LegendrePolynomial3.backward" for op in report.ops)
    assert report.torchviz_error is None and "label=LegendrePolynomial3Backward" in report.torchviz_dot


def test_steps_and_dydx_run_through_the_programs_backward():
    from autogradlab.step_records import StepOptions
    report = run_program(LEGENDRE, steps=StepOptions(direction=(("c", 1.0),)))
    assert report.ok, report.error
    assert any(step.grad_fn == "LegendrePolynomial3Backward" for step in report.steps.reverse)
    report = run_program(TWO_INPUTS, jacobian_of=("out", "b"))
    assert report.ok, report.error
    oracle = run_trusted(TWO_INPUTS).namespace
    assert report.jacobians[-1].matrix.diagonal().tolist() == oracle["a"].detach().tolist()


# --- errors: where PyTorch has them, in its words ----------------------------------------------------

def _function(forward: str, backward: str) -> str:
    indent = "\n        "
    return ("import torch\n\nclass F(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):"
            + indent + indent.join(forward.splitlines()) + "\n\n    @staticmethod\n    def backward(ctx, g):"
            + indent + indent.join(backward.splitlines()) + "\n\nx = torch.ones(3, requires_grad=True)\n")


def _innermost_line(error: BaseException) -> int:
    return [f for f in traceback.extract_tb(error.__traceback__) if f.filename == PROGRAM_FILENAME][-1].lineno


@pytest.mark.parametrize("backward", ["return g, g", "return torch.ones(5)"])
def test_wrong_gradients_get_pytorchs_message_at_the_backward_call(backward):
    source = _function("return x * 2", backward) + "y = F.apply(x).sum()\ny.backward()\n"
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is not None and not report.ok
    assert report.error.message == str(oracle.error)
    assert report.error.line == oracle.error_line == source.count("\n")


def test_python_error_in_backward_is_reported_at_its_line():
    source = _function("return x * 2", "k = 1 / 0\nreturn g") + "y = F.apply(x).sum()\ny.backward()\n"
    report, oracle = run_program(source), run_trusted(source)
    assert isinstance(oracle.error, ZeroDivisionError) and not report.ok
    assert report.error.message == str(oracle.error)
    assert report.error.line == _innermost_line(oracle.error) == 10


def test_error_in_backward_can_be_caught_like_in_python():
    source = (_function("return x * 2", "return g @ torch.ones(2, 2)")
              + "try:\n    F.apply(x).sum().backward()\nexcept RuntimeError as e:\n    print('caught')\n")
    report, oracle = run_program(source), run_trusted(source)
    assert report.ok and report.printed == oracle.printed == "caught\n"


# --- limits: the program's backward counts like any of its code --------------------------------------

CATCH_ALL = "try:\n    F.apply(x).sum().backward()\nexcept Exception:\n    print('caught')\nprint('after')\n"


@pytest.mark.parametrize(("loop", "ok"), [("for i in range(99_000):\n    pass", True),
                                          ("for i in range(101_000):\n    pass", False)])
def test_loop_budget_in_backward_just_below_and_above(loop, ok):
    report = run_program(_function("return x * 2", loop + "\nreturn g") + CATCH_ALL)
    assert report.ok is ok, report.error
    if not ok:   # never caught by the program's `except Exception`, and said at the loop's line
        assert (report.error.kind, report.error.line, report.printed) == ("limit", 10, "")


def test_endless_loop_in_backward_stops_at_the_step_budget_uncaught():
    # a step budget below the loop-iteration limit's reach, so the step budget is what stops it
    report = run_program(_function("return x * 2", "s = 0\nwhile True:\n    s = s + 1\nreturn g") + CATCH_ALL,
                         limits=replace(DEFAULT_LIMITS, max_steps=200_000))
    assert (report.error.kind, report.printed) == ("limit", "")
    assert report.error.line in (11, 12) and "max_steps" in report.error.hint   # the loop's lines in backward


def test_recursion_through_apply_stops_at_the_call_depth():
    report = run_program(_function("return F.apply(x)", "return g") + "y = F.apply(x)\n")
    assert report.error.kind == "limit" and f"{DEFAULT_LIMITS.max_call_depth}" in report.error.message
    reentrant = ("x, = ctx.saved_tensors\nwith torch.enable_grad():\n"
                 "    x2 = x.detach().requires_grad_(True)\n    F.apply(x2).sum().backward()\nreturn g * 2")
    report = run_program(_function("ctx.save_for_backward(x)\nreturn x * 2", reentrant) + CATCH_ALL)
    # the call depth, or Python's own recursion limit first (the autograd engine's frames count too)
    assert report.error.kind == "limit" and report.printed == "", report.error


@pytest.mark.parametrize("count", [MAX_CTX_ATTRIBUTES, MAX_CTX_ATTRIBUTES + 1])
def test_ctx_attributes_just_below_and_above_the_limit(count):
    forward = "\n".join(f"ctx.a{i} = {i}" for i in range(count)) + "\nreturn x * ctx.a0"
    report = run_program(_function(forward, "return g") + "y = F.apply(x)\n")
    assert report.ok is (count <= MAX_CTX_ATTRIBUTES), report.error
    if count > MAX_CTX_ATTRIBUTES:
        assert report.error.kind == "limit" and report.error.key == "errors_functions.ctx_limit"


def test_ctx_values_are_sized_like_any_value():
    source = _function("ctx.big = torch.ones(10 ** 7)\nreturn x", "return g") + "y = F.apply(x)\n"
    report = run_program(source)
    assert report.error.kind == "limit" and f"{DEFAULT_LIMITS.max_tensor_elements:,}" in report.error.message


def test_time_limit_in_backward_is_uncaught_and_said_at_its_line():
    limits = dataclasses.replace(DEFAULT_LIMITS, timeout_s=0.5, max_steps=10**9, max_loop_iterations=10**9)
    report = run_program(_function("return x * 2", "s = 0\nwhile True:\n    s = s + 1\nreturn g") + CATCH_ALL,
                         limits=limits)
    assert (report.error.kind, report.printed) == ("timeout", "")
    assert report.error.line in (11, 12), report.error   # the loop's lines inside backward

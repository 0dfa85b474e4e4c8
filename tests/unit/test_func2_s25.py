"""Session 25 (issue 9 §2, func2): torch.autograd.grad and backward() inside torch.func's grad, jacrev,
jacfwd, jvp, vjp and hessian; a program's custom autograd Function inside transforms (PyTorch's own
refusals; run inside grad alone). torch.autograd.forward_ad and linearize: test_func2_forward_ad_s25.py.
Plain PyTorch is the oracle: outcome, printed text, messages."""

from __future__ import annotations

import dataclasses
import re

import pytest

from autogradlab.engine.run import run_program
from autogradlab.lang.call_work import NODE_WORK
from autogradlab.lang.create_graph_work import CREATE_GRAPH_NODE_WORK
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted

T = "import torch\nfrom torch.func import grad, jacrev, jacfwd, jvp, vjp, hessian, vmap\n"


def run(source: str, limits=DEFAULT_LIMITS):
    return run_program(source, torchviz=False, limits=limits)


def same_as_pytorch(source: str) -> None:
    report, oracle = run(source), run_trusted(source, 0)
    assert report.ok == (oracle.error is None), (report.error, oracle.error)
    assert report.printed == oracle.printed, f"{report.printed!r}\n!=\n{oracle.printed!r}"
    assert [(d.line, d.text) for d in report.displayed] == oracle.displayed


def _catching(call: str, error: str = "RuntimeError") -> str:
    return f"try:\n    print({call})\nexcept {error} as e:\n    print(type(e).__name__, e)\n"


GRAD_INSIDE = T + (
    "x = torch.tensor([1.0, 2.0, 3.0])\n"
    "def f(x):\n    y = x.sin()\n    g, = torch.autograd.grad(y.sum(), x, create_graph=True)\n"
    "    return g.sum()\n"
    "def f2(x):\n    g, = torch.autograd.grad(x.sin().sum(), x)\n    return g.sum()\n"
    "def f3(x):\n    y = x.sin().sum()\n    y.backward()\n    return y\n"
    "w = torch.tensor([1.0, 2.0], requires_grad=True)\n"
    "def f4(x):\n    torch.autograd.backward((w * 2).sum())\n    return x.sum()\n"
    + "".join(_catching(f"{t}({fn})(x)") for t in ("grad", "jacrev", "jacfwd", "hessian")
              for fn in ("f", "f2", "f3"))
    + "".join(_catching(f"jvp({fn}, (x,), (torch.ones(3),))") for fn in ("f", "f3"))
    + "".join(_catching(f"vjp({fn}, x)[0]") for fn in ("f", "f2", "f3"))
    + _catching("vmap(f)(x.reshape(3, 1))") + _catching("vmap(f3)(x.reshape(3, 1))")
    + _catching("grad(f4)(torch.ones(2))")
    + "print(w.grad)\n")


def test_autograd_grad_and_backward_inside_each_transform_as_pytorch():
    """grad/jacrev/hessian differentiate the inner gradient; jacfwd/jvp/vmap: PyTorch's 'does not
    require grad'; backward() anywhere: PyTorch's 'called inside a functorch transform'."""
    same_as_pytorch(GRAD_INSIDE)


def test_autograd_grad_of_a_captured_leaf_inside_grad_as_pytorch():
    same_as_pytorch(T + (
        "w = torch.tensor([1.0, 2.0], requires_grad=True)\n"
        "def k(x):\n    g, = torch.autograd.grad((w * x).sum(), w, create_graph=True)\n"
        "    return (g * g).sum()\n"
        + _catching("grad(k)(torch.ones(2))")
        + "def m(x):\n    y = (x * x).sum()\n    g, = torch.autograd.grad(y, x, create_graph=True)\n"
          "    h, = torch.autograd.grad(g.sum(), x, create_graph=True)\n    return (h * x).sum()\n"
          "print(grad(m)(torch.tensor([1.0, 2.0])), jacrev(m)(torch.tensor([3.0])))\n"
          "print(jacrev(jacrev(m))(torch.tensor([1.0, 2.0])))\n"))


def _steps(report) -> int:
    return int(re.search(r"about ([\d,]+) arithmetic", report.error.message).group(1).replace(",", ""))


CHAIN = T + ("def f(x):\n    y = x\n    for i in range(40):\n        y = y * 1.01\n"
             "    g, = torch.autograd.grad(y.sum(), x, create_graph=True)\n    return g.sum()\n"
             "print(grad(f)(torch.ones(50)))\n")


def test_autograd_grad_inside_grad_is_bounded_at_max_graph_work():
    """The walk back counts each Node's gradient; just at the limit it runs, one step below it is
    refused before PyTorch walks the graph (a LimitExceeded, not a catchable error)."""
    small = dataclasses.replace(DEFAULT_LIMITS, max_graph_work=NODE_WORK * 42)
    refused = run(CHAIN, small)
    assert refused.error is not None and "inside a torch.func transform would push 1 rows" in \
        refused.error.message, refused.error
    # session 26: create_graph=True also keeps the gradients' graph, weighed per Node and element
    # (lang/create_graph_work.py): that check's own total is the limit this chain sits at
    kept = run(CHAIN, dataclasses.replace(DEFAULT_LIMITS, max_graph_work=42 * CREATE_GRAPH_NODE_WORK))
    assert kept.error is not None and "keep the graph of their gradients" in kept.error.message, kept.error
    steps = _steps(kept)
    at = run(CHAIN, dataclasses.replace(DEFAULT_LIMITS, max_graph_work=steps))
    assert at.error is None and at.printed == run_trusted(CHAIN, 0).printed, at.error
    below = run(CHAIN, dataclasses.replace(DEFAULT_LIMITS, max_graph_work=steps - 1))
    assert below.error is not None and f"about {steps:,} arithmetic steps" in below.error.message
    caught = run("try:\n" + "".join("    " + line + "\n" for line in CHAIN.splitlines())
                 + "except Exception as e:\n    print('caught')\n", small)
    assert caught.error is not None and caught.printed == ""


def test_autograd_grad_inside_hessian_counts_its_rows():
    """hessian = jacfwd(jacrev): the inner backward runs batched, one row per input element, each row
    weighted like vmap's batched backward (func_running.BATCHED_GRAD_WEIGHT)."""
    program = CHAIN.replace("grad(f)", "hessian(f)")
    refused = run(program, dataclasses.replace(DEFAULT_LIMITS, max_graph_work=NODE_WORK * 200))
    assert refused.error is not None and "would push 50 rows through a graph of 42 operations" in \
        refused.error.message, refused.error
    assert _steps(refused) == 8 * 50 * (_steps(run(CHAIN, dataclasses.replace(
        DEFAULT_LIMITS, max_graph_work=NODE_WORK * 42))) - 42 * NODE_WORK) + 42 * NODE_WORK
    # (session 26: the gradients' graph the 400 weighted rows keep needs ~18.1M, create_graph_work.py)
    ran = run(program, dataclasses.replace(DEFAULT_LIMITS, max_graph_work=NODE_WORK * 2000))
    assert ran.error is None and ran.printed == run_trusted(program, 0).printed


def test_autograd_grad_inside_jacrev_counts_toward_the_outer_backward():
    """create_graph=True: the inner gradients' Nodes join the function's, so jacrev's vmapped backward
    through them is bounded too (same limit, refused before that backward runs)."""
    report = run(CHAIN.replace("grad(f)", "jacrev(f)").replace("g.sum()", "g"),
                 dataclasses.replace(DEFAULT_LIMITS, max_graph_work=NODE_WORK * 60))
    # 41 ops of the forward + the inner backward's 42 Nodes; session 26: the inner create_graph backward
    # itself (42 Nodes at 40,000 each, lang/create_graph_work.py) is refused first, at the same limit
    assert report.error is not None and "would differentiate a graph of more than 15 operations" in \
        report.error.message, report.error


CUSTOM = T + (
    "class Old(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n"
    "        ctx.save_for_backward(x)\n        return x.exp()\n    @staticmethod\n"
    "    def backward(ctx, g):\n        x, = ctx.saved_tensors\n        return g * x.exp()\n"
    "class New(torch.autograd.Function):\n    @staticmethod\n    def forward(x):\n"
    "        print('forward')\n        return x.exp()\n    @staticmethod\n"
    "    def setup_context(ctx, inputs, output):\n        ctx.save_for_backward(output)\n"
    "    @staticmethod\n    def backward(ctx, g):\n        y, = ctx.saved_tensors\n        return g * y\n"
    "x = torch.tensor([1.0, 2.0])\n"
    "def fo(x):\n    return Old.apply(x).sum()\n"
    "def fn(x):\n    return New.apply(x).sum()\n")


@pytest.mark.parametrize("call", [
    "grad(fo)(x)", "vmap(Old.apply)(x)", "jacrev(Old.apply)(x)", "jvp(Old.apply, (x,), (x,))",
    "vmap(New.apply)(x)", "jacfwd(New.apply)(x)", "hessian(fn)(x)", "vmap(grad(fn))(x.reshape(2, 1))",
    "grad(lambda v: vmap(New.apply)(v).sum())(x.reshape(2, 1))",
])
def test_custom_function_inside_transforms_refused_with_pytorchs_words(call):
    same_as_pytorch(CUSTOM + _catching(call))


def test_custom_function_inside_jvp_runs_forward_then_pytorch_refuses():
    same_as_pytorch(CUSTOM + _catching("jvp(New.apply, (x,), (x,))", "NotImplementedError")
                    + _catching("torch.func.linearize(New.apply, x)", "NotImplementedError"))


CUBE = ("class Cube(torch.autograd.Function):\n    @staticmethod\n    def forward(x):\n"
        "        return x ** 3\n"
        "    @staticmethod\n    def setup_context(ctx, inputs, output):\n"
        "        ctx.save_for_backward(inputs[0])\n    @staticmethod\n    def backward(ctx, g):\n"
        "        x, = ctx.saved_tensors\n{loop}        return g * 3 * x ** 2\n")


def test_new_style_custom_function_inside_grad_alone_runs_as_pytorch():
    """grad / grad_and_value (also nested): PyTorch runs the program's backward once, unbatched."""
    same_as_pytorch(CUSTOM + CUBE.format(loop="") + (
        "print(grad(fn)(x))\nprint(torch.func.grad_and_value(lambda v: (New.apply(v) * v).sum())(x))\n"
        "print(grad(grad(lambda s: Cube.apply(s)))(torch.tensor(2.0)))\n"
        "w = torch.tensor([1.0, 2.0], requires_grad=True)\n"
        "print(grad(lambda v: Cube.apply(v * w).sum())(x))\n" + _catching("grad(New.apply)(x)")))


def test_a_limit_in_a_custom_backward_under_grad_is_not_catchable():
    limits = dataclasses.replace(DEFAULT_LIMITS, max_steps=5_000)
    source = T + CUBE.format(loop="        for i in range(10000):\n            g = g + 0\n") + (
        "try:\n    print(grad(lambda v: Cube.apply(v).sum())(torch.ones(2)))\n"
        "except Exception as e:\n    print('caught')\n")
    report = run(source, limits)
    assert report.error is not None and report.error.kind == "limit" and report.printed == "", report.error


@pytest.mark.parametrize("call", ["jacrev(New.apply)(x)", "vjp(New.apply, x)",
                                  "grad(lambda v: jacrev(New.apply)(v).sum())(x)"])
def test_new_style_custom_function_where_pytorch_batches_or_defers_its_backward_stays_refused(call):
    report = run(CUSTOM + call + "\n")
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert "`New.apply(...)` (a custom autograd Function) inside a torch.func transform" in \
        report.error.message


@pytest.mark.parametrize("inside", ["x.sum().backward()", "torch.autograd.grad(x.sum(), x)"])
def test_the_former_refusals_inside_grad_are_pytorchs_outcome(inside):
    """Were refused by name until session 25 (test_func_transforms.py): now PyTorch's error / result."""
    source = T + f"def f(x):\n    {inside}\n    return x.sin().sum()\n"
    same_as_pytorch(source + _catching("grad(f)(torch.ones(3))"))
    report = run(source + "g = grad(f)(torch.ones(3))\n")
    if "backward" in inside:
        assert report.error.kind != "unsupported" and report.error.line == 4, report.error
        assert "backward() called inside a functorch transform" in report.error.message
    else:
        assert report.error is None

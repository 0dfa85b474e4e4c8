"""Red team, session 25 (redfunc): what the func2 work taught the language (torch.autograd.grad inside
torch.func transforms, a custom autograd Function's backward run inside torch.func.grad, and
torch.autograd.forward_ad), tried as a hostile student would. Plain PyTorch is the oracle where the
program is valid; a limit stays a limit; no dual level outlives a run."""

from __future__ import annotations

import gc

import pytest
import torch.autograd.forward_ad as fwAD

from autogradlab.engine.run import run_program
from tests.oracle import run_trusted
from tests.unit.breakout_helpers import Case, check_case

F = ("import torch\nimport torch.autograd.forward_ad as fwAD\n"
     "from torch.autograd.functional import jacobian, hessian\n")
OWN_LEVEL = ("def f(x):\n    with fwAD.dual_level():\n        d = fwAD.make_dual(x, torch.ones_like(x))\n"
             "        t = fwAD.unpack_dual(d * d).tangent\n    return (t * x).sum()\n"
             "x = torch.tensor([1.0, 2.0, 3.0])\n")


def _same_as_pytorch(source: str) -> None:
    report = run_program(source, torchviz=False)
    assert fwAD._current_level == -1   # no level of the program's outlives its run
    oracle = run_trusted(source, 0)
    error, printed = oracle.error, oracle.printed
    del oracle   # its namespace may hold a generator suspended inside its level: closed now
    gc.collect()
    assert report.ok == (error is None), (report.error, error)
    assert report.printed == printed


@pytest.mark.parametrize("call", [
    "jacobian(f, x)", "jacobian(f, x, vectorize=True)", "hessian(f, x)",
    "jacobian(f, x, strategy='forward-mode', vectorize=True)",
], ids=["reverse", "reverse-vectorized", "hessian", "forward-mode"])
def test_a_function_opening_its_own_level_under_a_forward_mode_jacobian_gets_pytorchs_words(call):
    """jacobian(f, x, strategy="forward-mode") runs f inside PyTorch's own dual level: f's
    `with fwAD.dual_level():` answered "the forward-mode steps cannot follow a program that opens its
    own level" (the Steps page's note, on the Run page, with the hint "the program itself runs");
    PyTorch says "Nested forward mode AD is not supported at the moment", and so does the engine now.
    The reverse-mode calls (no level held) run as in PyTorch."""
    source = F + OWN_LEVEL + f"try:\n    print({call})\nexcept RuntimeError as e:\n    print(e)\n"
    _same_as_pytorch(source)
    if "forward" in call:
        check_case(Case(F + OWN_LEVEL + f"print({call})\n", "value", 5,
                        r"^Nested forward mode AD is not supported at the moment$"))
        for source in (F + OWN_LEVEL + f"print({call})\n",
                       F + "with fwAD.dual_level():\n    with fwAD.dual_level():\n        pass\n"):
            error = run_program(source, torchviz=False).error
            assert error.key == "errors_torch.nested_forward"   # the zh catalogue's sentence, both sites


CUSTOM = ("import torch\nclass F(torch.autograd.Function):\n    @staticmethod\n    def forward(x):\n"
          "        return x * 2\n    @staticmethod\n"
          "    def setup_context(ctx, inputs, output):\n        pass\n"
          "    @staticmethod\n    def backward(ctx, g):\n")   # backward's body from line 11
CATCH_ALL = ("x = torch.ones(3)\ntry:\n    print(torch.func.grad(lambda x: F.apply(x).sum())(x))\n"
             "except Exception as e:\n    print('caught', e)\n")


@pytest.mark.parametrize("case", [
    Case(CUSTOM + "        while True:\n            pass\n        return g\n" + CATCH_ALL, "limit", 11,
         r"while loop ran past .* loop iterations"),
    Case(CUSTOM + "        l = []\n        for i in range(100000):\n            l.append(torch.ones(1000))\n"
         "        return g\n" + CATCH_ALL, "limit", 13, r"tensor elements"),
    Case(CUSTOM + "        return g.expand(100000000, 3)\n" + CATCH_ALL, "limit", 11,
         r"^result of expand would have 300,000,000 elements"),
    Case(CUSTOM + "        return torch.func.grad(lambda x: F.apply(x).sum())(g)\n" + CATCH_ALL, "limit",
         11, r"nests too deeply|nested too deeply|levels deep"),
], ids=["endless-loop", "memory", "expanded-gradient", "recursion"])
def test_a_custom_backward_run_inside_torch_func_grad_meets_every_limit_uncatchably(case):
    """The program's backward runs inside PyTorch's call (torch.func.grad): an endless loop, memory,
    a huge expanded gradient and a recursion back into grad stop at their line inside backward, and
    `except Exception` around the grad call does not catch the limit."""
    check_case(case)


def test_a_custom_backwards_own_error_is_the_programs_and_the_next_grad_runs():
    _same_as_pytorch(CUSTOM + "        raise ValueError('mine')\nx = torch.ones(3)\ntry:\n"
                     "    print(torch.func.grad(lambda x: F.apply(x).sum())(x))\nexcept ValueError as e:\n"
                     "    print('caught', e)\nprint(torch.func.grad(lambda x: (x * x).sum())(x))\n")


@pytest.mark.parametrize("source", [
    # an error inside the level, caught: the level is closed, make_dual then has no level
    "try:\n    with fwAD.dual_level():\n        x = fwAD.make_dual(torch.ones(2), torch.ones(2))\n"
    "        raise ValueError('boom')\nexcept ValueError:\n    print('caught')\nprint(fwAD.unpack_dual(x))\n"
    "try:\n    fwAD.make_dual(torch.ones(2), torch.ones(2))\nexcept RuntimeError as e:\n    print(e)\n",
    # a generator suspended inside its level, never closed: the run ends, so does the level
    "def gen():\n    with fwAD.dual_level():\n        yield 1\n        yield 2\ng = gen()\nprint(next(g))\n"
    "x = fwAD.make_dual(torch.ones(2), torch.ones(2))\nprint(fwAD.unpack_dual(x * 3))\n",
    # a dual tensor kept in a list and a global, used and printed after the level
    "keep = []\nwith fwAD.dual_level():\n    d = fwAD.make_dual(torch.ones(2), torch.ones(2))\n"
    "    keep.append(d * 2)\n    print(keep[0])\nprint(keep[0], d, fwAD.unpack_dual(keep[0]), keep[0] * d)\n",
    # nested levels, a tangent that is itself dual, a tangent of another size
    "with fwAD.dual_level():\n    try:\n        with fwAD.dual_level():\n            pass\n"
    "    except RuntimeError as e:\n        print(e)\n    t = fwAD.make_dual(torch.ones(2), torch.ones(2))\n"
    "    for tangent in (t, torch.ones(3)):\n        try:\n"
    "            fwAD.make_dual(torch.ones(2), tangent)\n"
    "        except RuntimeError as e:\n            print(e)\n",
], ids=["error-inside", "generator", "escaped-duals", "nested-and-bad-tangents"])
def test_no_dual_level_outlives_the_program_and_escaped_duals_are_pytorchs(source):
    _same_as_pytorch(F + source)
    _same_as_pytorch(F + "with fwAD.dual_level():\n    d = fwAD.make_dual(torch.ones(2), torch.ones(2))\n"
                     "    print(fwAD.unpack_dual(d * 3).tangent)\n")   # the next run in this process


CHAIN = ("import torch\ndef f(x):\n    y = x\n    for i in range(100):\n        y = torch.sin(y) * y\n"
         "    g = y\n    for k in range({k}):\n"
         "        g = torch.autograd.grad(g.sum(), x, create_graph=True)[0]\n"
         "    return g.sum()\nx = torch.ones(10) * 0.5\nprint(torch.func.grad(f)(x))\n")


def test_a_create_graph_chain_inside_grad_stops_at_the_node_walk():
    """Each autograd.grad(create_graph=True) of the last gradient has ~3.5 times the Nodes (202, 701,
    2,491, 8,343, 26,955, 85,087, ...): the 5th passes 25,000 (max_graph_work // CREATE_GRAPH_NODE_WORK,
    session 26: a create_graph Node costs ~4 plain ones) and is refused before PyTorch runs it (the 7th
    alone takes 8 s in plain PyTorch)."""
    _same_as_pytorch(CHAIN.format(k=3))
    check_case(Case(CHAIN.format(k=5), "limit", 8,
                    r"would differentiate a graph of more than 25,000 operations"))


def _at_stack_depth(depth: int, source: str):
    return _at_stack_depth(depth - 1, source) if depth > 0 else run_program(source, torchviz=False)


@pytest.mark.parametrize("depth", [0, 95, 190, 330])
def test_recursion_through_func_grad_stops_at_the_recursing_line_however_deep_the_caller_is(depth):
    """The engine's own stack check (lang/user_functions.py) fires before Python's RecursionError, so the
    stop is at line 11 (the recursing grad call in backward) whether the run starts 0 or 330 frames
    deep (pytest-xdist's worker starts deeper than a plain run): with a 100-frame margin Python's error
    hit first, inside PyTorch (line 11 or, in CI, line 5)."""
    source = CUSTOM + "        return torch.func.grad(lambda x: F.apply(x).sum())(g)\n" + CATCH_ALL
    error = _at_stack_depth(depth, source).error
    assert error is not None and error.kind == "limit" and error.line == 11, error
    assert error.key == "errors_runtime.nests_too_deeply", error   # the check's, not a torch frame's

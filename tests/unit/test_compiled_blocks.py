"""Issue 9: blocks compiled into closures (lang/compiled.py) behave exactly like the generic walk.

Each case runs twice in this process: with the compiled blocks, and with Interpreter.exec_block put
back to the generic per-node dispatch. The outcome must be identical: the error (kind, message,
line, column), the step count, the variables, what was printed. Limits sit just below and just
above their boundaries (steps, loop iterations, tensor elements, int bits, sequence length, call
depth), and statically refused forms (private attributes, dunder names, bytes, `*args`, `**kw`)
are in loops and expressions the compiler handles; those the static checker already refuses are
run on the raw tree, so the interpreter's own refusal (its second line of defence) is compared too.
"""

from __future__ import annotations

import ast

import pytest
import torch

from autogradlab.engine.recorder import Recorder
from autogradlab.errors import ProgramError
from autogradlab.lang.interpreter import Interpreter
from autogradlab.lang.parse import parse_program
from autogradlab.lang.statements import StatementsMixin
from autogradlab.limits import Limits
from tests.programs.manifest import PROGRAMS

LOOP = "n = 0\nfor i in range({k}):\n    n += i * 2 - 1\n    if n % 3 == 0:\n        n -= 1\nprint(n)\n"
WHILE = ("n = 0\ni = 0\nwhile i < {k}:\n    i += 1\n    if i % 4 == 0:\n        continue\n    n += i\n"
         "    if n > 10 ** 6:\n        break\nelse:\n    print('done', n)\nprint(i, n)\n")
CASES = {
    "loop": (LOOP.format(k=30), Limits()),
    "tensor_loop": ("import torch\nx = torch.ones(3, requires_grad=True)\nfor i in range(5):\n"
                    "    y = (x * i + 1.5).sum()\n    y.backward()\n    with torch.no_grad():\n"
                    "        x -= 0.1 * x.grad\n        x.grad.zero_()\nprint(x, y.item())\n", Limits()),
    "elements_at": ("import torch\nfor i in range(3):\n    a = torch.ones(10, 1) * torch.ones(1, 10)\n",
                    Limits(max_tensor_elements=100)),
    "elements_above": ("import torch\nfor i in range(3):\n    a = torch.ones(10, 1) * torch.ones(1, 11)\n",
                       Limits(max_tensor_elements=100)),
    "iterations_at": (LOOP.format(k=10), Limits(max_loop_iterations=10)),
    "iterations_above": (LOOP.format(k=11), Limits(max_loop_iterations=10)),
    "int_bits_at": ("x = 1\nfor i in range(3):\n    x = 2 ** (60 + i)\n", Limits(max_int_bits=63)),
    "int_bits_above": ("x = 1\nfor i in range(5):\n    x = 2 ** (60 + i)\n", Limits(max_int_bits=63)),
    "sequence_at": ("for i in range(2):\n    s = 'ab' * 50\n", Limits(max_sequence_len=100)),
    "sequence_above": ("for i in range(2):\n    s = 'ab' * 50 + 'c'\n", Limits(max_sequence_len=100)),
    "depth_at": ("def f(n):\n    if n == 0:\n        return 0\n    return f(n - 1) + 1\nx = f(4)\n",
                 Limits(max_call_depth=5)),
    "depth_above": ("def f(n):\n    if n == 0:\n        return 0\n    return f(n - 1) + 1\nx = f(5)\n",
                    Limits(max_call_depth=5)),
    "private_attribute": ("import torch\nx = torch.ones(2)\nfor i in range(2):\n    y = x._version\n",
                          Limits()),
    "private_method": ("import torch\nx = torch.ones(2)\nfor i in range(2):\n    y = x._fix_weakref()\n",
                       Limits()),
    "dunder_call": ("import torch\nfor i in range(2):\n    y = torch.ones(2).__class__\n", Limits()),
    "dunder_name": ("for i in range(2):\n    y = __builtins__\n", Limits()),
    "bytes": ("for i in range(2):\n    y = b'x'\n", Limits()),
    "star_args": ("import torch\nfor i in range(2):\n    y = torch.ones(*[2, 3])\n", Limits()),
    "star_star": ("import torch\nfor i in range(2):\n    y = torch.ones(2, **{})\n", Limits()),
    "star_star_refused": ("import torch\nfor i in range(2):\n    y = torch.ones(2, **{'file': 3})\n",
                          Limits()),
    "name_error": ("for i in range(2):\n    y = undefined_name + 1\n", Limits()),
    "type_error": ("for i in range(2):\n    y = 'a' - i\n", Limits()),
    "zero_division": ("for i in range(3):\n    y = 1.0 / (i - 1.0) if i else 0.5\n    z = 1 / (i - 2)\n",
                      Limits()),
    "break_continue": ("n = 0\nfor i in range(10):\n    if i % 2 == 0:\n        continue\n    if i > 6:\n"
                       "        break\n    n += i\nprint(n)\n", Limits()),
    "tensor_index": ("import torch\nX = torch.arange(12.0).reshape(3, 4)\nfor i in range(3):\n"
                     "    r = X[i, 1:3] * -X[i][0]\n    X[i, 0] = r.sum()\nprint(X)\n", Limits()),
    "function_and_lambda": ("sq = lambda v: v * v\ndef f(a, b=2):\n    return sq(a) + b\nt = 0\n"
                            "for i in range(4):\n    t += f(i) + f(i, b=i)\nprint(t, not t, -t)\n", Limits()),
    "print_fstring": ("for i in range(3):\n    print(f'{i:.2f}', i == 1, i != 2, i < 1 <= 2)\n", Limits()),
    "not_callable": ("import torch\nx = torch.ones(2)\nfor i in range(2):\n    y = x(1)\n", Limits()),
    "shape_mismatch": ("import torch\nfor i in range(2):\n    y = torch.ones(2) + torch.ones(3)\n", Limits()),
    "while_loop": (WHILE.format(k=30), Limits()),
    "while_iterations_at": (WHILE.format(k=10), Limits(max_loop_iterations=10)),
    "while_iterations_above": (WHILE.format(k=11), Limits(max_loop_iterations=10)),
    "while_break": ("i = 0\nwhile True:\n    i += 1\n    if i == 7:\n        break\nelse:\n"
                    "    i = -1\nprint(i)\n", Limits()),
    "while_forever_steps": ("i = 0\nwhile True:\n    i += 1\n", Limits(max_steps=500)),
    "while_tensor_test": ("import torch\nx = torch.tensor(5.0, requires_grad=True)\ny = x\n"
                          "while y > 0.5:\n    y = y / 2\ny.backward()\nprint(y, x.grad)\n", Limits()),
    "while_tensor_test_ambiguous": ("import torch\nx = torch.ones(3)\nwhile x:\n    x = x - 1\n", Limits()),
    "while_test_error": ("i = 0\nwhile i < undefined_name:\n    i += 1\n", Limits()),
    "while_dunder_in_test": ("i = 0\nwhile __debug__:\n    i += 1\n", Limits()),
    "while_in_function": ("def f(n):\n    k = 0\n    while n > 1:\n        n = n // 2\n        k += 1\n"
                          "        if k > 100:\n            return -1\n    return k\nprint(f(1000), f(1))\n",
                          Limits()),
    "assert_fails": ("for i in range(3):\n    assert i < 2, 'too big'\n", Limits()),
}


def outcome(source: str, limits: Limits, tree: ast.Module | None = None) -> tuple:
    """`tree`: source's parse_program() result, when the caller runs it many times (the interpreter
    does not change its tree, and the parse does not depend on the step or time limits)."""
    if tree is None:
        try:
            tree = parse_program(source, limits)
        except ProgramError:   # refused by the static checker: the interpreter is the second line
            tree = ast.parse(source)
    recorder = Recorder(source, limits)
    interp = Interpreter(tree, source, limits=limits, generator=torch.Generator().manual_seed(0),
                         hooks=recorder)
    error = None
    try:
        interp.run()
    except ProgramError as exc:
        error = (exc.kind, str(exc), exc.line, exc.column)
    recorder.grads.abort()
    variables = {name: repr(value) for name, value in interp.user_variables().items()}
    ops = [(r.op, r.line, r.column, r.inputs) for r in recorder.ops]
    return error, interp._steps, variables, "".join(recorder.printed), ops


@pytest.fixture
def generic(monkeypatch):
    """Interpreter.exec_block as it was: every statement through exec (node-type dispatch)."""
    def run_generic():
        monkeypatch.setattr(Interpreter, "exec_block", StatementsMixin.exec_block)
    return run_generic


def same_both_ways(source: str, limits: Limits, generic) -> tuple:
    compiled = outcome(source, limits)
    generic()
    assert outcome(source, limits) == compiled
    return compiled


@pytest.mark.parametrize("name", sorted(CASES))
def test_compiled_blocks_do_what_the_generic_walk_does(name, generic):
    source, limits = CASES[name]
    error, steps, _, _, _ = same_both_ways(source, limits, generic)
    assert steps > 0
    refused = ("private_attribute", "dunder_name", "star_star_refused")   # b'x' runs since session 35
    if name.endswith("_above") or name in refused:
        assert error is not None, name
    runs = ("loop", "tensor_loop", "break_continue", "tensor_index", "star_args",
            "star_star", "bytes")   # f(**d) is part of the language since session 10, b'x' since 35
    if name.endswith("_at") or name in runs:
        assert error is None, (name, error)


@pytest.mark.parametrize("cut", [0, 1])
def test_step_budget_ends_at_the_same_node_both_ways(cut, generic):
    source = LOOP.format(k=25)
    _, steps, _, _, _ = outcome(source, Limits())
    limits = Limits(max_steps=steps - cut)
    error, *_ = same_both_ways(source, limits, generic)
    assert (error is None) == (cut == 0)
    if cut:
        assert error[0] == "limit" and error[1].startswith(f"the program took more than {steps - 1:,} steps")


@pytest.mark.parametrize("spec", [s for s in PROGRAMS if not s.slow and s.oracle and s.timeout_s is None],
                         ids=lambda s: s.file)
def test_lesson_programs_run_the_same_both_ways(spec, generic):
    same_both_ways(spec.source, Limits(timeout_s=60), generic)

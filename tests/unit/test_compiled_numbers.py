"""Issue 9, session 8: plain arithmetic computed by one raw closure with its steps taken at once
(lang/compiled_numbers.py, compiled_number_statements.py) behaves exactly like the generic walk.

The differential harness of test_compiled_blocks.py (the error's kind, message, line and column,
the step count, the variables, the printed text and the op records, with the compiled blocks and
with the generic per-node dispatch), over every form the raw closures take and every way they hand
back to the per-node closures: a tensor, a bool, a name no scope holds (a builtin, an undefined
name), int results at and above the max_int_bits bound for `+ - *` and `**`, `<<`, a division by
zero, a float overflow, a complex power, a call site that stops trying after its misses. The step
budget is cut at every step, and the time check fires at every offset of the 32-step period.
"""

from __future__ import annotations

import pytest

from autogradlab.limits import Limits
from tests.unit.differential_helpers import assert_every_step_cut_agrees, assert_time_check_agrees
from tests.unit.test_compiled_blocks import generic, outcome, same_both_ways  # noqa: F401

NUMBERS = """import torch
def h(m):
    t = 0
    for j in range(m):
        t += j * scale - 1
        if -j < -1 and j % 2:
            t -= (j + 0.5) ** 2 / 3
    return t
scale = 3
total = 0.0
count = 0
flag = True
x = torch.tensor([1.0, 2.0])
for n in range(1, 41):
    total += 1 / n ** 2
    count += n // 3 - n % 4
    y = -n * 2.5 + (n - 1) * 0.5
    z = n ** 2 - 3 * n + 7 > 10
    if n % 10 == 0:
        print(n, total, count, y, z)
    if n * 1.5 >= 30.0:
        count -= 1
    else:
        count += +n
    w = x * n + 1
    w += n * 2
    if flag:
        flag = n < 3
    u = flag + n * 2
    v = (-2.0) ** 0.5 + n
    total += h(n % 5)
print(total, count, y, z, w, u, v, h(6))
"""

CASES = {
    "numbers": (NUMBERS, Limits()),
    "tensor_then_numbers": ("import torch\na = torch.ones(2)\nfor i in range(20):\n    if i == 12:\n"
                            "        a = 1.5\n    b = a * 2 + i\n    a += i * 0.5\nprint(a, b)\n", Limits()),
    "bool_operands": ("t = True\nfor i in range(3):\n    s = t + i * 2\n    t += i - 1\nprint(s, t)\n",
                      Limits()),
    "augassign_builtin": ("for i in range(3):\n    abs += i * 2\n", Limits()),
    "augassign_undefined": ("for i in range(3):\n    k += i * 2\n", Limits()),
    "assign_undefined": ("for i in range(3):\n    k = i * 2 + undefined_name\n", Limits()),
    "if_undefined": ("for i in range(3):\n    if i * 2 > undefined_name:\n        pass\n", Limits()),
    "assign_builtin": ("for i in range(3):\n    k = -len + i\n", Limits()),
    "unary_tensor_refused": ("import torch\nf = torch.ones\nfor i in range(3):\n    k = -i * 2\n", Limits()),
    "int_bits_linear_at": ("n = 2 ** 40\nfor i in range(3):\n    k = n * n - i\n", Limits(max_int_bits=95)),
    "int_bits_linear_above": ("n = 2 ** 60\nfor i in range(3):\n    k = n * n - i\n",
                              Limits(max_int_bits=95)),
    "int_bits_augassign_above": ("n = 3\nfor i in range(8):\n    n *= n + i\n", Limits(max_int_bits=200)),
    "int_bits_power_at": ("for i in range(3):\n    k = 2 ** (50 + i) - 1\n", Limits(max_int_bits=63)),
    "int_bits_power_above": ("for i in range(20):\n    k = 3 ** (30 + i) + 1\n", Limits(max_int_bits=63)),
    "int_power_negative_base": ("for i in range(5):\n    k = (-3) ** (i + 1) + (-1) ** 1000\nprint(k)\n",
                                Limits(max_int_bits=63)),
    "shift_above": ("for i in range(3):\n    k = 1 << (60 + i) + 1\n", Limits(max_int_bits=63)),
    "float_zero_division": ("for i in range(3):\n    k = 1.0 + 1 / (i - 1)\n", Limits()),
    "augassign_zero_division": ("k = 5\nfor i in range(3):\n    k //= i - 1\n", Limits()),
    "if_zero_division": ("for i in range(3):\n    if 1 % (i - 1) == 0:\n        pass\n", Limits()),
    "float_overflow": ("for i in range(3):\n    k = 10.0 ** (300 + i * 10) * 1\n", Limits()),
    "complex_in_if": ("for i in range(3):\n    if (-1.0) ** 0.5 + i:\n        pass\n", Limits()),
    "steps_at": ("t = 0\nfor i in range(10):\n    t += i * 2 + 1\n", Limits(max_steps=66)),
    "steps_above": ("t = 0\nfor i in range(10):\n    t += i * 2 + 1\n", Limits(max_steps=65)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_raw_arithmetic_does_what_the_generic_walk_does(name, generic):  # noqa: F811
    source, limits = CASES[name]
    error, steps, _, _, _ = same_both_ways(source, limits, generic)
    assert steps > 0
    refused = ("_builtin", "_undefined", "_above", "_zero_division", "_overflow", "_refused")
    assert (error is not None) == name.endswith(refused), (name, error)


def test_numbers_program_equals_python():
    """The oracle: the same text run by Python prints the same thing."""
    import contextlib
    import io

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(NUMBERS, "numbers", "exec"), {})  # noqa: S102 - trusted test text
    error, _, _, text, _ = outcome(NUMBERS, Limits())
    assert error is None and text == printed.getvalue()


# NUMBERS with two iterations of its loop instead of forty (407 steps instead of 4,987; the cut test
# runs the program once per step, both ways): n = 19 then 20 run every node the forty do (checked by
# recording the generic walk's nodes: the same 155 both ways): both branches of each `if` (n = 20
# prints, n * 1.5 >= 30 at n = 20 only, `flag` true then false), h(4) (its loop to j = 3, each way
# out of `-j < -1 and j % 2`, its inner `if`) and h(0) (a loop that never runs).
SHORT = NUMBERS.replace("range(1, 41)", "range(19, 21)")


def test_every_step_cut(generic):  # noqa: F811
    """The budget runs out at every single step of SHORT: the same node, message and count both
    ways (a long time limit: on a loaded machine the default one could end a run first)."""
    assert SHORT != NUMBERS
    assert_every_step_cut_agrees(SHORT, generic)


@pytest.mark.parametrize("offset", range(32))
def test_the_time_check_fires_at_the_same_node_at_every_offset(offset, generic, monkeypatch):  # noqa: F811
    """`offset` leading statements move the 32nd step over every node of the loop body."""
    assert_time_check_agrees(NUMBERS, offset, generic, monkeypatch)

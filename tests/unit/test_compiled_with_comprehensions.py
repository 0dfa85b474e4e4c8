"""Issue 9: `with torch.no_grad():` blocks and list comprehensions / generator expressions compiled
into closures (lang/compiled_blocks.py) behave exactly like the generic walk.

The same differential harness as test_compiled_blocks.py: every case runs with the compiled blocks
and with Interpreter.exec_block put back to the generic dispatch, and the error (kind, message,
line, column), the step count, the variables, the printed text and the op records must be equal.
Limits sit at and just above their boundaries inside `with` bodies and comprehensions, and the
refusals (a `with` of something else, a variable named no_grad, a module that is not torch, a
function as a list element, dunder names) are compared too.
"""

from __future__ import annotations

import pytest

from autogradlab.limits import Limits
from tests.unit.test_compiled_blocks import generic, outcome, same_both_ways  # noqa: F401

TRAIN = ("import torch\nw = torch.ones(3, requires_grad=True)\nfor i in range({k}):\n"
         "    loss = (w * w * i).sum()\n    loss.backward()\n    with torch.no_grad():\n"
         "        w -= 0.1 * w.grad\n        w.grad.zero_()\n    print(torch.is_grad_enabled())\nprint(w)\n")
COMP = "t = 0\nfor i in range({k}):\n    t += sum([j * 2 for j in range(3) if j != 1])\nprint(t)\n"


def _src(text: str) -> str:
    """A program written out below its opening quotes."""
    return text.removeprefix("\n")


CASES = {
    "with_train": (_src("""
import torch
w = torch.ones(3, requires_grad=True)
for i in range(4):
    loss = (w * w * i).sum()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        w.grad.zero_()
    print(torch.is_grad_enabled())
print(w)
"""), Limits()),
    "with_iterations_at": (_src("""
import torch
w = torch.ones(3, requires_grad=True)
for i in range(4):
    loss = (w * w * i).sum()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        w.grad.zero_()
    print(torch.is_grad_enabled())
print(w)
"""), Limits(max_loop_iterations=4)),
    "with_iterations_above": (_src("""
import torch
w = torch.ones(3, requires_grad=True)
for i in range(5):
    loss = (w * w * i).sum()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        w.grad.zero_()
    print(torch.is_grad_enabled())
print(w)
"""), Limits(max_loop_iterations=4)),
    "with_nested_modes": (_src("""
import torch
x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    a = x * 2
    with torch.enable_grad():
        b = x * 3
    c = x * 4
print(a.requires_grad, b.requires_grad, c.requires_grad, torch.is_grad_enabled())
"""), Limits()),
    "with_two_items": (_src("""
import torch
x = torch.ones(2, requires_grad=True)
with torch.no_grad(), torch.enable_grad():
    y = x * 2
print(y.requires_grad)
"""), Limits()),
    "with_alias": (_src("""
import torch as T
x = T.ones(2, requires_grad=True)
for i in range(2):
    with T.no_grad():
        y = x + i
print(y)
"""), Limits()),
    "with_bare_name": (_src("""
import torch
x = torch.ones(2, requires_grad=True)
for i in range(2):
    with no_grad():
        y = x + i
print(y)
"""), Limits()),
    "with_variable_named_no_grad": (_src("""
import torch
no_grad = 3
for i in range(2):
    with no_grad():
        y = 1
"""), Limits()),
    "with_not_torch": (_src("""
import numpy as np
for i in range(2):
    with np.no_grad():
        y = 1
"""), Limits()),
    "with_undefined_base": (_src("""
for i in range(2):
    with undefined.no_grad():
        y = 1
"""), Limits()),
    "with_other_manager": (_src("""
import torch
for i in range(2):
    with open('f') as f:
        y = 1
"""), Limits()),
    "with_second_item_refused": (_src("""
import torch
for i in range(2):
    with torch.no_grad(), open('f'):
        y = 1
"""), Limits()),
    "with_error_restores_mode": (_src("""
import torch
x = torch.ones(2, requires_grad=True)
try:
    with torch.no_grad():
        y = 1 / 0
except ZeroDivisionError as e:
    print(e, torch.is_grad_enabled())
print((x * 2).requires_grad)
"""), Limits()),
    "with_error_position": (_src("""
import torch
for i in range(3):
    with torch.no_grad():
        y = 1 / (i - 1)
"""), Limits()),
    "with_break_continue": (_src("""
import torch
n = 0
for i in range(10):
    with torch.no_grad():
        if i % 2:
            continue
        if i > 5:
            break
        n += i
print(n, torch.is_grad_enabled())
"""), Limits()),
    "with_return": (_src("""
import torch
def f(x):
    with torch.no_grad():
        return x * 2
x = torch.ones(2, requires_grad=True)
y = f(x)
print(y.requires_grad, torch.is_grad_enabled())
"""), Limits()),
    "with_elements_at": (_src("""
import torch
for i in range(2):
    with torch.no_grad():
        a = torch.ones(10, 1) * torch.ones(1, 10)
"""), Limits(max_tensor_elements=100)),
    "with_elements_above": (_src("""
import torch
for i in range(2):
    with torch.no_grad():
        a = torch.ones(10, 1) * torch.ones(1, 11)
"""), Limits(max_tensor_elements=100)),
    "with_private_attribute": (_src("""
import torch
x = torch.ones(2)
for i in range(2):
    with torch.no_grad():
        y = x._version
"""), Limits()),
    "with_dunder_base": (_src("""
for i in range(2):
    with __builtins__.no_grad():
        y = 1
"""), Limits()),
    "with_top_level_display": (_src("""
import torch
x = torch.ones(2)
with torch.no_grad():
    x * 2
"""), Limits()),
    "comp_loop": (_src("""
t = 0
for i in range(5):
    t += sum([j * 2 for j in range(3) if j != 1])
print(t)
"""), Limits()),
    "comp_iterations_at": (_src("""
t = 0
for i in range(2):
    t += sum([j * 2 for j in range(3) if j != 1])
print(t)
"""), Limits(max_loop_iterations=12)),
    "comp_iterations_above": (_src("""
t = 0
for i in range(2):
    t += sum([j * 2 for j in range(3) if j != 1])
print(t)
"""), Limits(max_loop_iterations=8)),
    "comp_iterations_in_sum_above": (_src("""
t = 0
for i in range(2):
    t += sum([j * 2 for j in range(3) if j != 1])
print(t)
"""), Limits(max_loop_iterations=11)),
    "comp_sequence_at": (_src("""
for i in range(2):
    s = [k for k in range(10)]
"""), Limits(max_sequence_len=10)),
    "comp_sequence_above": (_src("""
for i in range(2):
    s = [k for k in range(11)]
"""), Limits(max_sequence_len=10)),
    "comp_generator_sum": (_src("""
for i in range(3):
    s = sum(k * k for k in range(i + 3))
print(s)
"""), Limits()),
    "comp_tuple_target": (_src("""
pairs = [(1, 2), (3, 4)]
for i in range(2):
    s = [a * b + i for a, b in pairs]
print(s)
"""), Limits()),
    "comp_unpack_error": (_src("""
pairs = [(1, 2, 3)]
for i in range(2):
    s = [a * b for a, b in pairs]
"""), Limits()),
    "comp_tensor_rows": (_src("""
import torch
X = torch.arange(6.0).reshape(3, 2)
for i in range(2):
    r = [row.sum() * i for row in X]
print(r)
"""), Limits()),
    "comp_zero_d_tensor": (_src("""
import torch
for i in range(2):
    r = [v for v in torch.tensor(1.0)]
"""), Limits()),
    "comp_nested": (_src("""
for i in range(2):
    m = [[j * k for j in range(k)] for k in range(4)]
print(m)
"""), Limits()),
    "comp_scope_does_not_leak": (_src("""
s = [q for q in range(3)]
print(s)
print(q)
"""), Limits()),
    "comp_reads_outer": (_src("""
def f(n):
    return [n * k for k in range(n)]
for i in range(3):
    print(f(i))
"""), Limits()),
    "comp_function_element_runs": (_src("""
def g():
    return 1
for i in range(2):
    s = [g for k in range(2)]
"""), Limits()),
    "comp_lambda_target_value_runs": (_src("""
for i in range(2):
    s = [k for k in [lambda: 1]]
"""), Limits()),
    "comp_name_error": (_src("""
for i in range(2):
    s = [k + missing for k in range(2)]
"""), Limits()),
    "comp_test_error": (_src("""
for i in range(2):
    s = [k for k in range(3) if 1 / (k - 1)]
"""), Limits()),
    "comp_tensor_test": (_src("""
import torch
for i in range(2):
    s = [k for k in range(3) if torch.ones(2)]
"""), Limits()),
    "comp_elements_above": (_src("""
import torch
for i in range(2):
    s = [torch.ones(10, 1) * torch.ones(1, 11) for k in range(2)]
"""), Limits(max_tensor_elements=100)),
    "comp_dunder_target": (_src("""
for i in range(2):
    s = [__x for __x in range(2)]
"""), Limits()),
    "comp_in_with": (_src("""
import torch
x = torch.ones(3, requires_grad=True)
for i in range(2):
    with torch.no_grad():
        s = [x * k for k in range(3)]
print(s)
"""), Limits()),
    "comp_not_iterable": (_src("""
for i in range(2):
    s = [k for k in 5]
"""), Limits()),
    "comp_top_level_display": (_src("""
[k * k for k in range(4)]
"""), Limits()),
    # -- fast paths folded into the closures (names, binary operators, floats, bool tests) ----
    "fast_float_augassign": (_src("""
t = 0.0
for n in range(1, 50):
    t += 1 / n ** 2
    t -= 0.5 * 1e-3
    if n % 10 == 0:
        print(t, n < 2.5, 2.5 <= n, n == 10.0)
"""), Limits()),
    "fast_float_division_by_zero": (_src("""
x = 1.0
for i in range(3):
    x /= (1.0 - i)
"""), Limits()),
    "fast_float_overflow": (_src("""
x = 10.0
for i in range(3):
    x **= 200.0
"""), Limits()),
    "fast_float_overflow_binop": (_src("""
for i in range(3):
    y = 2.0 + 10.0 ** (200.0 * i)
"""), Limits()),
    "fast_int_pow_above": (_src("""
x = 3
for i in range(3):
    x = x ** 40
"""), Limits(max_int_bits=200)),
    "fast_augassign_undefined": (_src("""
for i in range(2):
    undefined_total += 1.0
"""), Limits()),
    "fast_augassign_function": (_src("""
def f():
    return 1
for i in range(2):
    f += 1.0
"""), Limits()),
    "fast_bool_tests": (_src("""
n = 5
k = 0
while n:
    n -= 1
    if [n] and not None:
        k += 1
    if n > 2.5:
        k += 0.5
print(k, n)
"""), Limits()),
    "fast_while_iterations_above": (_src("""
n = 0
while n < 10.0:
    n += 1.0
"""), Limits(max_loop_iterations=9)),
    "fast_while_iterations_at": (_src("""
n = 0
while n < 10.0:
    n += 1.0
"""), Limits(max_loop_iterations=10)),
    "fast_names_in_function_and_closure": (_src("""
scale = 2.0
def f(x):
    y = x * scale
    g = lambda z: z + y
    return g(x) - 1.5
t = 0.0
for i in range(4):
    t += f(float(i))
print(t)
"""), Limits()),
    "fast_int_ops": (_src("""
t = 0
for n in range(1, 40):
    t += n // 3 + n % 7 + (n >> 1) + (n ^ 5) + (n | 2) + (n & 6)
    if n % 10 == 0 and n != 20 and n <= 30 and n > 1 and n >= 2:
        print(t, n / 4, n < 3, 7 == n)
"""), Limits()),
    "fast_int_floordiv_zero": (_src("""
for n in range(3):
    t = 10 // (1 - n)
"""), Limits()),
    "fast_int_mod_zero": (_src("""
for n in range(3):
    t = 10 % (1 - n)
"""), Limits()),
    "fast_int_negative_shift": (_src("""
for n in range(3):
    t = 10 >> (1 - n)
"""), Limits()),
    "fast_int_matmul": (_src("""
for n in range(3):
    t = n @ 2
"""), Limits()),
    "fast_int_shift_left_above": (_src("""
for n in range(3):
    t = 1 << (100 * n)
"""), Limits(max_int_bits=150)),
    "fast_int_mul_above": (_src("""
x = 2 ** 60
for i in range(3):
    x = x * x
"""), Limits(max_int_bits=200)),
    "fast_int_imul_above": (_src("""
x = 2 ** 60
for i in range(3):
    x *= x
"""), Limits(max_int_bits=200)),
    "fast_int_add_near_limit": (_src("""
x = 2 ** 95
y = 2 ** 96
for i in range(3):
    z = x + y
    x += y
    w = y - x
print(z, x, w)
"""), Limits(max_int_bits=200)),
    "fast_int_add_bits_at": (_src("""
x = 2 ** 98
t = 0
for i in range(2):
    t = x + x
    t += x
print(t)
"""), Limits(max_int_bits=100)),
    "fast_int_add_bits_above": (_src("""
x = 2 ** 99
for i in range(2):
    t = x + x
"""), Limits(max_int_bits=100)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_compiled_with_and_comprehensions_do_what_the_generic_walk_does(name, generic):  # noqa: F811
    source, limits = CASES[name]
    error, steps, _, _, _ = same_both_ways(source, limits, generic)
    assert steps > 0
    refused = ("_above", "_variable_named_no_grad", "_not_torch", "_undefined_base", "_other_manager",
               "_refused", "_position", "_private_attribute", "_dunder_base", "_unpack_error",
               "_zero_d_tensor", "_does_not_leak", "_function_element", "_lambda_target_value",
               "_name_error", "_test_error", "_tensor_test", "_division_by_zero", "_overflow",
               "_overflow_binop",
               "_undefined", "_augassign_function", "_zero", "_negative_shift", "_int_matmul",
               "_dunder_target", "_not_iterable")
    if name.endswith(refused):
        assert error is not None, name
    else:
        assert error is None, (name, error)


@pytest.mark.parametrize("program", ["with", "comp"])
@pytest.mark.parametrize("cut", [0, 1])
def test_step_budget_ends_at_the_same_node_inside_with_and_comprehensions(program, cut, generic):  # noqa: F811
    source = TRAIN.format(k=3) if program == "with" else COMP.format(k=3)
    _, steps, _, _, _ = outcome(source, Limits())
    error, *_ = same_both_ways(source, Limits(max_steps=steps - cut), generic)
    assert (error is None) == (cut == 0)
    if cut:
        assert error[0] == "limit" and error[1].startswith(f"the program took more than {steps - 1:,} steps")


@pytest.mark.parametrize("cut", range(1, 40, 3))
def test_every_step_boundary_inside_a_with_body_and_a_comprehension(cut, generic):  # noqa: F811
    """The budget runs out at many different nodes (the base `torch`, the body, a comprehension's
    iterable, element, test): the same node, message and count both ways."""
    source = ("import torch\nx = torch.ones(2, requires_grad=True)\nfor i in range(4):\n"
              "    with torch.no_grad():\n        s = [k * i for k in range(3) if k != i]\n"
              "        x += len(s)\nprint(x)\n")
    _, steps, _, _, _ = outcome(source, Limits())
    error, *_ = same_both_ways(source, Limits(max_steps=steps - cut), generic)
    assert error is not None and error[0] == "limit"


def test_the_compiled_closures_are_the_ones_that_run(monkeypatch):
    """The differential cases above really go through compiled_blocks (not the generic handlers)."""
    from autogradlab.lang import compiled_blocks
    from autogradlab.lang.expressions import ExpressionsMixin
    from autogradlab.lang.statements import StatementsMixin

    def refuse(*args):
        raise AssertionError("the generic handler ran")
    monkeypatch.setattr(StatementsMixin, "_with", refuse)
    monkeypatch.setattr(ExpressionsMixin, "_listcomp", refuse)
    made = []
    for name in ("with_statement", "list_comprehension"):
        original = getattr(compiled_blocks, name)
        monkeypatch.setattr(compiled_blocks, name,
                            lambda interp, node, original=original:
                            made.append(node) or original(interp, node))
    error, _, variables, printed, _ = outcome(CASES["comp_in_with"][0], Limits())
    assert error is None and len(made) == 2
    assert printed.startswith("[tensor([0., 0., 0.]), tensor([1., 1., 1.])")

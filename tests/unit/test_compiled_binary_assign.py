"""Issue 9, session 11: `name = a op b` as one closure (lang/compiled_binary_assign.py) behaves exactly
like the generic walk, and the inline size checks of the tensor sites refuse what check_elements refused.

The differential harness of test_compiled_blocks.py: every case runs with the compiled blocks and
with Interpreter.exec_block put back to the generic dispatch; the error (kind, message, line,
column), the step count, the variables, the printed text and the op records must be equal. The step
budget is cut at every step of a program that uses every operand form, and the time check (every
32nd step) is made to fire at every offset, so the steps taken at once can never skip or move either.
"""

from __future__ import annotations

import pytest

from autogradlab.limits import Limits
from tests.unit.differential_helpers import assert_every_step_cut_agrees, assert_time_check_agrees
from tests.unit.test_compiled_blocks import generic, outcome, same_both_ways  # noqa: F401

FORMS = """import torch
A = torch.eye(3) * 2
v = torch.ones(3)
top = 0.5
def inner(t, k):
    u = t * k
    return u - top
total = 0.0
for n in range(1, 5):
    w = A @ v
    v = w / w.norm()
    p = n * top
    q = 2 ** n
    r = n - 1
    s = top / n
    h = A @ v + w
    g = w * (n + 1)
    e = (n - 1) * (n + 2)
    b = (n > 2) + True
    z = inner(v, n) * 2.0
    total = total + p
print(w, v, p, q, r, s, h, g, e, b, z, total)
"""

CASES = {
    "forms": (FORMS, Limits()),
    "left_undefined": ("for i in range(2):\n    y = nothing * i\n", Limits()),
    "right_undefined": ("for i in range(2):\n    y = i * nothing\n", Limits()),
    "after_subtree_right_undefined": ("for i in range(2):\n    y = (i + 1) * nothing\n", Limits()),
    "left_builtin": ("for i in range(2):\n    y = len * i\n", Limits()),
    "right_builtin": ("for i in range(2):\n    y = i + abs\n", Limits()),
    "after_subtree_right_builtin": ("for i in range(2):\n    y = (i + 1) + abs\n", Limits()),
    "int_power_at": ("k = 54\nfor i in range(2):\n    y = 2 ** k\n", Limits(max_int_bits=63)),
    "int_power_above": ("k = 64\nfor i in range(2):\n    y = 2 ** k\n", Limits(max_int_bits=63)),
    "int_mul_above": ("a = 2 ** 40\nfor i in range(2):\n    y = a * a\n", Limits(max_int_bits=63)),
    "zero_division": ("d = 0\nfor i in range(2):\n    y = i / d\n", Limits()),
    "float_overflow": ("x = 10.0\nfor i in range(2):\n    y = x ** 400\n", Limits()),
    "shape_mismatch": ("import torch\na = torch.ones(2)\nb = torch.ones(3)\nfor i in range(2):\n"
                       "    y = a + b\n", Limits()),
    "elements_at": ("import torch\na = torch.ones(10, 1)\nb = torch.ones(1, 10)\nfor i in range(2):\n"
                    "    y = a * b\n", Limits(max_tensor_elements=100)),
    "elements_above": ("import torch\na = torch.ones(10, 1)\nb = torch.ones(1, 11)\nfor i in range(2):\n"
                       "    y = a * b\n", Limits(max_tensor_elements=100)),
    "total_elements_above": ("import torch\na = torch.ones(10, 1)\nb = torch.ones(1, 10)\n"
                             "for i in range(9):\n    y = a * b\n",
                             Limits(max_tensor_elements=100, max_total_elements=600)),
    "method_elements_above": ("import torch\na = torch.ones(10, 10)\nfor i in range(9):\n"
                              "    y = a.exp()\n", Limits(max_tensor_elements=100, max_total_elements=600)),
    "function_elements_above": ("import torch\na = torch.ones(10, 10)\nfor i in range(9):\n"
                                "    y = torch.exp(a)\n", Limits(max_tensor_elements=100,
                                                                 max_total_elements=600)),
    "list_result": ("a = [1]\nb = [2]\nfor i in range(2):\n    y = a + b\nprint(y)\n", Limits()),
    "function_operand": ("def f():\n    return 1\nfor i in range(2):\n    y = f + 1\n", Limits()),
    "dunder_target_refused": ("for i in range(2):\n    __y = i + 1\n", Limits()),
    "two_targets": ("for i in range(2):\n    y = z = i * 2\nprint(y, z)\n", Limits()),
    "in_function_scope": ("top = 3\ndef f(a):\n    b = a * top\n    c = b - a\n    return c\n"
                          "for i in range(3):\n    y = f(i)\nprint(y)\n", Limits()),
    # compiled_number_pairs.py: a name or a tree with a constant, a constant with a tree
    "pair_power_at": ("n = 3\nfor i in range(2):\n    k = n ** 34 + 1\n", Limits(max_int_bits=63)),
    "pair_power_above": ("n = 3\nfor i in range(2):\n    k = n ** 70 + 1\n", Limits(max_int_bits=63)),
    "pair_constant_power_above": ("for i in range(2):\n    k = 3 ** (i + 70) + 1\n", Limits(max_int_bits=63)),
    "pair_linear_past_bound": ("n = 2 ** 40\nfor i in range(2):\n    k = n * 1000000 + 1\n",
                               Limits(max_int_bits=63)),
    "pair_linear_above": ("n = 2 ** 40\nfor i in range(2):\n    k = n * 100000000 + 1\n",
                          Limits(max_int_bits=63)),
    "pair_bool_name": ("t = True\nfor i in range(2):\n    k = t * 2 + 1\nprint(k)\n", Limits()),
    "pair_tensor_name": ("import torch\nt = torch.ones(2)\nfor i in range(2):\n    k = t * 2 + 1\n",
                         Limits()),
    "pair_constant_tree_bool": ("for i in range(3):\n    k = 1 + (i > 1)\nprint(k)\n", Limits()),
    "pair_zero_division": ("for i in range(2):\n    k = i % 0 + 1\n", Limits()),
    "pair_float_overflow": ("x = 10.0\nfor i in range(2):\n    k = 2.0 * x ** 400\n", Limits()),
    "pair_undefined": ("for i in range(2):\n    k = nothing ** 2 + 1\n", Limits()),
    "pair_outer_scope": ("n = 4\ndef f(i):\n    return n % 3 == i\nprint(f(1), f(2))\n", Limits()),
    "pair_if_and_augassign": ("total = 0.0\nfor n in range(1, 40):\n    total += 1 / n ** 2\n"
                              "    if n % 10 == 0:\n        print(total)\n", Limits()),
    "tuple_target": ("for i in range(2):\n    a, b = i, i + 1\n    y = a * b\nprint(y)\n", Limits()),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fused_assignment_does_what_the_generic_walk_does(name, generic):  # noqa: F811
    source, limits = CASES[name]
    error, steps, _, _, _ = same_both_ways(source, limits, generic)
    assert steps > 0
    refused = ("_undefined", "_builtin", "_above", "_division", "_overflow", "_mismatch", "_operand",
               "_refused")
    assert (error is not None) == name.endswith(refused), (name, error)


def test_forms_compute_what_python_computes():
    """FORMS run by Python itself: the same printed text (PyTorch and Python are the oracle)."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(FORMS, "forms", "exec"), {})   # noqa: S102 - the test's own trusted text
    error, _, _, printed, _ = outcome(FORMS, Limits())
    assert error is None and printed == out.getvalue()


def test_limits_name_the_limit():
    error, *_ = outcome(CASES["elements_above"][0], CASES["elements_above"][1])
    assert error[0] == "limit" and "110 elements; the limit is 100" in error[1] and error[2:] == (5, 9)
    error, *_ = outcome(CASES["total_elements_above"][0], CASES["total_elements_above"][1])
    assert error[0] == "limit" and "the limit is 600" in error[1] and error[2:] == (5, 9)
    error, *_ = outcome(CASES["int_power_above"][0], CASES["int_power_above"][1])
    assert error[0] == "limit" and error[2:] == (3, 9)


FORMS_SHORT = FORMS.replace("range(1, 5)", "range(2, 4)")


def test_every_step_cut(generic):  # noqa: F811
    """The budget runs out at every single step of FORMS_SHORT: the same node, message and count."""
    assert FORMS_SHORT != FORMS
    assert_every_step_cut_agrees(FORMS_SHORT, generic)


@pytest.mark.parametrize("offset", range(32))
def test_the_time_check_fires_at_the_same_node_at_every_offset(offset, generic, monkeypatch):  # noqa: F811
    """`offset` leading statements move the 32nd step over every node of the loop body."""
    assert_time_check_agrees(FORMS, offset, generic, monkeypatch)


def test_the_fused_assignments_are_the_ones_that_run(monkeypatch):
    """FORMS really goes through compiled_binary_assign, and with the clock in time its closures
    never fall back to their per-node closures (no step of FORMS reaches the budget)."""
    from autogradlab.lang import compiled_binary_assign

    made, fallbacks = [], []
    original = compiled_binary_assign.statement

    def counting(interp, node, per_node):
        def fallback():
            fallbacks.append(node.lineno)
            return per_node()
        found = original(interp, node, fallback)
        if found is not None:
            made.append(node.lineno)
        return found
    monkeypatch.setattr(compiled_binary_assign, "statement", counting)
    error, _, variables, _, ops = outcome(FORMS, Limits())
    assert error is None and not fallbacks, fallbacks
    assert sorted(set(made)) == [2, 6, *range(10, 22)], made
    assert ("matmul", 10, 9) in [op[:3] for op in ops]
    assert variables["total"] == repr(0.5 * (1 + 2 + 3 + 4))

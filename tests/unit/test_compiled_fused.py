"""Issue 9, session 7: names and constants read inside their parent's closure (lang/compiled_leaves.py),
module members looked up once per call site, and the statements compiled since (lang/compiled.py,
compiled_statements.py) behave exactly like the generic walk.

The differential harness of test_compiled_blocks.py: every case runs with the compiled blocks and
with Interpreter.exec_block put back to the generic dispatch; the error (kind, message, line,
column), the step count, the variables, the printed text and the op records must be equal. The step
budget is cut at every step of a program that uses every fused form, and the time check (every 32nd
step) is made to fire at every offset, so two fused steps can never skip or move either of them.
"""

from __future__ import annotations

import pytest

from autogradlab.limits import Limits
from tests.unit.differential_helpers import assert_every_step_cut_agrees, assert_time_check_agrees
from tests.unit.test_compiled_blocks import generic, outcome, same_both_ways  # noqa: F401

FUSED = """import torch
import math
def g(v, k=2):
    return v ** k + top
top = 0.5
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
A = torch.eye(3)
total = 0.0
best = torch.tensor(-1.0)
for n in range(1, 7):
    total += 1 / n ** 2
    if n % 2 == 0:
        best = torch.maximum(best, torch.tensor(math.sin(n)))
    y = x * n + 2 * x - n
    z = A @ x
    w = z / z.norm() + 1.5 ** 2 + (n - 1) * 0.5
    q = x[0] * x.sum() + g(n) + g(x, 1)[1]
    r = [k * n for k in range(2)]
    s = x.detach()[n % 3] + math.pi
    if z.sum() > top and abs(n - 3) % 3 == n % 3 + 1:
        s = s * (n - 2) ** 2 + abs(-n) * top
print(total, best, y, z, w, q, r, s)
"""

STATEMENTS = """import torch
W = torch.zeros(2, 3, requires_grad=True)
Z = torch.zeros(2, 3)
v = [1, 2, 3]
sq = lambda t: t * t + 1
def first_odd(xs):
    for x in xs:
        if x % 2 == 1:
            return x
        else:
            pass
    return None
k = 0
while True:
    k += 1
    if k < 3:
        continue
    if k > 4:
        break
for i in range(3):
    loss = (W * (i + 1)).sum()
    loss.backward()
    with torch.no_grad():
        W -= 0.1 * W.grad
        W.grad = None
    Z[0, i] += 1.0
    Z[1, i] = sq(i)
    v[i] *= 2
    v[i] -= sq(v[0] % 5)
print(W, Z, v, k, first_odd([2, 4, 5, 7]), first_odd([2]))
"""

CASES = {
    "fused": (FUSED, Limits()),
    "statements": (STATEMENTS, Limits()),
    "grad_assign_not_tensor": ("v = 3\nfor i in range(2):\n    v.grad = None\n", Limits()),
    "private_attribute_target": ("import torch\nx = torch.ones(2)\nfor i in range(2):\n    x._grad = None\n",
                                 Limits()),
    "augassign_private_attribute": ("import torch\nx = torch.ones(2)\nfor i in range(2):\n"
                                    "    x._grad += 1\n", Limits()),
    "augassign_grad_none": ("import torch\nx = torch.ones(2)\nfor i in range(2):\n    x.grad += 1\n",
                            Limits()),
    "augassign_item_out_of_range": ("v = [1, 2]\nfor i in range(3):\n    v[i] += 1\n", Limits()),
    "augassign_item_undefined": ("v = [1, 2]\nfor i in range(3):\n    v[j] += 1\n", Limits()),
    "setitem_function_value_runs": ("v = [1, 2]\nfor i in range(2):\n    v[i] = print\n", Limits()),
    "setitem_tensor_elements_above": ("import torch\nX = torch.zeros(3, 3)\nfor i in range(2):\n"
                                      "    X[i] = torch.ones(3) * torch.ones(40, 1)\n",
                                      Limits(max_tensor_elements=100)),
    "return_at_top_refused": ("for i in range(2):\n    return i\n", Limits()),
    "break_at_top_refused": ("x = 1\nbreak\n", Limits()),
    # a function returned alone runs since session 27 (closures), as it did inside a list
    "return_function_value_runs": ("def f():\n    return print\nfor i in range(2):\n    y = f()\n", Limits()),
    "display_starred": ("v = [1, 2]\nfor i in range(2):\n    y = [*v, i, (i, *v)]\nprint(y)\n", Limits()),
    "display_function_element_runs": ("for i in range(2):\n    y = [i, print]\n", Limits()),
    "display_tuple_function_element_runs": ("for i in range(2):\n    y = (i, len)\n", Limits()),
    "display_length_at": ("for i in range(2):\n    y = [i, i, i, i]\n", Limits(max_sequence_len=4)),
    "display_length_above": ("for i in range(2):\n    y = (i, i, i, i, i)\n", Limits(max_sequence_len=4)),
    "display_total_above": ("for i in range(30):\n    y = [i, i, i, i]\n",
                            Limits(max_total_sequence_items=100)),
    "lambda_defaults": ("k = 3\nfor i in range(3):\n    f = lambda t, s=k * i: t + s\n"
                        "    print(f(1), f(1, 2))\n",
                        Limits()),
    # a library function as a default value runs since session 34 (`def f(mesh, f=np.square)`, corpus);
    # one the language refuses by name stays refused both ways
    "lambda_default_library": ("for i in range(2):\n    f = lambda t, s=print: t\n", Limits()),
    "lambda_default_getattr_refused": ("for i in range(2):\n    f = lambda t, s=getattr: t\n", Limits()),
    "lambda_body_error": ("f = lambda t: t / 0\nfor i in range(2):\n    y = f(i)\n", Limits()),
    "lambda_int_bits_above": ("f = lambda t: 2 ** t\nfor i in range(60, 66):\n    y = f(i)\n",
                              Limits(max_int_bits=63)),
    "left_leaf_undefined": ("for i in range(2):\n    y = undefined_name * i\n", Limits()),
    "right_leaf_undefined": ("for i in range(2):\n    y = i * undefined_name\n", Limits()),
    "left_leaf_function": ("for i in range(2):\n    y = abs + i\n", Limits()),
    "right_leaf_after_call_undefined": ("for i in range(2):\n    y = abs(i) - undefined_name\n", Limits()),
    "right_leaf_after_call_builtin": ("for i in range(2):\n    y = abs(i) * len\n", Limits()),
    "right_leaf_after_call_int_power_above": ("k = 64\nfor i in range(2):\n    y = abs(2) ** k\n",
                                              Limits(max_int_bits=63)),
    "right_leaf_builtin": ("for i in range(2):\n    y = i + len\n", Limits()),
    "leaf_dunder": ("for i in range(2):\n    y = __debug__ + i\n", Limits()),
    "leaf_bytes": ("for i in range(2):\n    y = b'a' + i\n", Limits()),
    "int_power_at": ("for i in range(2):\n    y = 2 ** 55\n", Limits(max_int_bits=63)),
    "int_power_above": ("for i in range(2):\n    y = 2 ** 64\n", Limits(max_int_bits=63)),
    "int_power_name_above": ("k = 70\nfor i in range(2):\n    y = 3 ** k\n", Limits(max_int_bits=63)),
    "int_power_negative": ("for i in range(2):\n    y = 2 ** -3 + 0 ** 0\n", Limits()),
    "int_power_zero_division": ("for i in range(2):\n    y = 0 ** -1\n", Limits()),
    "float_power_overflow": ("for i in range(2):\n    y = 10.0 ** 400\n", Limits()),
    "leaf_attribute_refused": ("import torch\nfor i in range(2):\n    y = torch.no_such_function\n",
                               Limits()),
    "leaf_method_missing": ("import math\nfor i in range(2):\n    y = math.no_such(1)\n", Limits()),
    "leaf_method_on_none": ("v = None\nfor i in range(2):\n    y = v.item()\n", Limits()),
    "leaf_method_on_int": ("v = 3\nfor i in range(2):\n    y = v.to_bytes(2, 'big')\n", Limits()),   # s38
    "leaf_subscript_int": ("v = 3\nfor i in range(2):\n    y = v[0]\n", Limits()),
    "leaf_subscript_out_of_range": ("v = [1, 2]\nfor i in range(3):\n    y = v[i]\n", Limits()),
    "namespace_switch": ("import math\nimport numpy as np\nfor i in range(3):\n"
                         "    y = (math if i % 2 else np).sqrt(4.0 + i)\n    print(y)\n",
                         Limits()),
    "module_function_kwargs": ("import torch\nfor i in range(2):\n"
                               "    y = torch.zeros(2, dtype=torch.float64)\n",
                               Limits()),
    "module_function_refused_kwarg": ("import torch\nfor i in range(2):\n    y = torch.zeros(2, out=None)\n",
                                      Limits()),
    "elements_at": ("import torch\na = torch.ones(10, 1)\nfor i in range(2):\n"
                    "    y = a * torch.ones(1, 10)\n",
                    Limits(max_tensor_elements=100)),
    "elements_above": ("import torch\na = torch.ones(10, 1)\nfor i in range(2):\n"
                       "    y = a * torch.ones(1, 11)\n",
                       Limits(max_tensor_elements=100)),
    "outer_scope_names": ("a = 2\ndef f(b):\n    return [a * b + c for c in range(b)]\nprint(f(3), f(1))\n",
                          Limits()),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fused_reads_do_what_the_generic_walk_does(name, generic):  # noqa: F811
    source, limits = CASES[name]
    error, steps, _, _, _ = same_both_ways(source, limits, generic)
    assert steps > 0
    refused = ("_not_tensor", "_target", "_private_attribute", "_grad_none", "_value", "_body_error",
               "_element", "_undefined", "_function", "_builtin", "_dunder", "_bytes", "_above",
               "_zero_division", "_overflow", "_refused", "_missing", "_on_none", "_on_int", "_int",
               "_out_of_range", "_refused_kwarg")
    assert (error is not None) == name.endswith(refused), (name, error)


# FUSED with two iterations of its loop instead of six (287 steps instead of 749; the cut test runs
# the program once per step, both ways, so its cost grows with the square of the steps): the same
# nodes run (n = 1 skips the `n % 2 == 0` branch and takes the last `if`, n = 2 the other way round;
# every other line of the body runs in each iteration; recording the generic walk's nodes gives the
# same set as with six), then the loop ends. Every offset of the time check is
# test_the_time_check_... below, on the whole FUSED.
FUSED_SHORT = FUSED.replace("range(1, 7)", "range(1, 3)")


@pytest.mark.parametrize("source", [FUSED_SHORT, STATEMENTS], ids=["fused", "statements"])
def test_every_step_cut(source, generic):  # noqa: F811
    """The budget runs out at every single step of FUSED_SHORT (leaves, their parents, module calls,
    subscripts, user functions) and of STATEMENTS (targets, augmented targets, return, pass,
    break, continue, lambda bodies): the same node, message and count both ways."""
    assert FUSED_SHORT != FUSED
    assert_every_step_cut_agrees(source, generic)



@pytest.mark.parametrize("offset", range(32))
def test_the_time_check_fires_at_the_same_node_at_every_offset(offset, generic, monkeypatch):  # noqa: F811
    """`offset` leading statements move the 32nd step over every node of the loop body."""
    assert_time_check_agrees(FUSED, offset, generic, monkeypatch)


def test_the_fused_closures_are_the_ones_that_run(monkeypatch):
    """FUSED really goes through compiled_leaves (not only through the closures it replaces)."""
    from autogradlab.lang import compiled_leaves

    made: list[str] = []
    for name in ("fused_binary", "leaf_first"):
        original = getattr(compiled_leaves, name)
        monkeypatch.setattr(compiled_leaves, name, lambda *args, original=original, name=name:
                            made.append(name) or original(*args))
    error, _, variables, printed, _ = outcome(FUSED, Limits())
    assert error is None and made.count("fused_binary") >= 10 and made.count("leaf_first") >= 8, made
    assert printed.startswith("1.49138")   # 1 + 1/4 + ... + 1/36


def test_statements_run_without_the_generic_dispatch(monkeypatch):
    """Every statement and expression of STATEMENTS (but `import`, and `def` with compiled.DEFS off) is
    compiled."""
    from autogradlab.lang import compiled
    from autogradlab.lang.interpreter import Interpreter

    seen: list[str] = []
    for method in ("exec", "eval"):
        original = getattr(Interpreter, method)
        monkeypatch.setattr(Interpreter, method, lambda self, node, original=original:
                            seen.append(type(node).__name__) or original(self, node))
    error, *_ = outcome(STATEMENTS, Limits())
    expected = ["Import"] if compiled.DEFS else ["FunctionDef", "Import"]
    assert error is None and sorted(set(seen)) == expected, seen

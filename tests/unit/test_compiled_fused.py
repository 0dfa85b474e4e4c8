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
print(total, best, y, z, w, q, r, s)
"""

CASES = {
    "fused": (FUSED, Limits()),
    "left_leaf_undefined": ("for i in range(2):\n    y = undefined_name * i\n", Limits()),
    "right_leaf_undefined": ("for i in range(2):\n    y = i * undefined_name\n", Limits()),
    "left_leaf_function": ("for i in range(2):\n    y = abs + i\n", Limits()),
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
    "leaf_method_on_int": ("v = 3\nfor i in range(2):\n    y = v.bit_length()\n", Limits()),
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
    refused = ("_undefined", "_function", "_builtin", "_dunder", "_bytes", "_above", "_zero_division",
               "_overflow", "_refused", "_missing", "_on_none", "_on_int", "_int", "_out_of_range",
               "_refused_kwarg")
    assert (error is not None) == name.endswith(refused), (name, error)


def test_every_step_cut_of_the_fused_program(generic):  # noqa: F811
    """The budget runs out at every single step of FUSED (leaves, their parents, module calls,
    subscripts, user functions): the same node, message and count both ways."""
    _, steps, _, _, _ = outcome(FUSED, Limits())
    compiled = [outcome(FUSED, Limits(max_steps=cut)) for cut in range(1, steps + 1)]
    generic()
    walked = [outcome(FUSED, Limits(max_steps=cut)) for cut in range(1, steps + 1)]
    for cut, (mine, theirs) in enumerate(zip(compiled, walked, strict=True), start=1):
        assert mine == theirs, cut
    assert compiled[-1][0] is None and all(error[0] == "limit" for error, *_ in compiled[:-1])


class _PastDeadline:
    """time for lang/interpreter.py: the run starts at 0 s, every later clock reading is far past
    the deadline, so the first time check (the 32nd step) stops the program."""

    def __init__(self) -> None:
        self.readings = 0

    def monotonic(self) -> float:
        self.readings += 1
        return 0.0 if self.readings == 1 else 1e9


@pytest.mark.parametrize("offset", range(32))
def test_the_time_check_fires_at_the_same_node_at_every_offset(offset, generic, monkeypatch):  # noqa: F811
    """`offset` leading statements move the 32nd step over every node of the loop body."""
    from autogradlab.lang import interpreter

    source = "pad = 0\n" * offset + FUSED
    monkeypatch.setattr(interpreter, "time", _PastDeadline())
    compiled = outcome(source, Limits())
    monkeypatch.setattr(interpreter, "time", _PastDeadline())
    generic()
    assert outcome(source, Limits()) == compiled
    error, steps, *_ = compiled
    assert error is not None and error[0] == "timeout" and steps == 32, compiled


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

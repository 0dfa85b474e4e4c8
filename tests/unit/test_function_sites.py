"""Issue 9, session 10: library function calls planned per call site (lang/function_sites.py) and
tensor augmented assignment planned per statement behave exactly like the general path.

The differential harness of test_tensor_sites.py: each case runs with the plans and against the
general path (the generic per-node walk, no remembered size answers, no function sites). The error
(kind, message, line, column), the step count, the variables, the printed text and the op records
must be equal. Limits sit just below and just above their boundaries through a planned call site.
"""

from __future__ import annotations

import math

import pytest
import torch

from autogradlab.lang import compiled, compiled_expressions, function_sites, size_plans  # noqa: F401 - compiled first: its import order
from autogradlab.limits import Limits
from tests.unit.site_helpers import (
    assert_every_step_cut_alike,
    assert_planned_like_general,
    assert_time_check_alike,
    python_prints,
)
from tests.unit.test_compiled_blocks import generic, outcome  # noqa: F401

SUM = """import torch
import math
total = 0.0
best = torch.tensor(-1.0)
for n in range(1, 61):
    total += 1 / n ** 2
    if n % 10 == 0:
        best = torch.maximum(best, torch.tensor(math.sin(n)))
print(total, math.pi ** 2 / 6)
print(best, torch.sigmoid(best), torch.exp(torch.tensor(math.cos(total))))
"""

MIXED = """import torch
import math
x = torch.linspace(-1, 1, 6)
w = torch.ones(6, requires_grad=True)
for k in range(4):
    y = torch.tanh(x * w).sum() + torch.log(torch.tensor(2.0 + k))
    y.backward()
    with torch.no_grad():
        w -= 0.5 * w.grad
        w *= 1.0
        w += torch.ones(6)
        w.grad.zero_()
    z = torch.relu_(torch.randn(3))
    print(torch.numel(x), torch.is_tensor(z), torch.max(x, 0), torch.sort(x * k), math.hypot(k, 3))
print(w, y)
"""

CASES = {
    "sum": (SUM, Limits()),
    "mixed": (MIXED, Limits()),
    # broadcasting through a function: 100, 400 (at the limit), then 900 elements
    "function_growing_at": ("import torch\nfor i in range(1, 3):\n"
                            "    y = torch.maximum(torch.ones(10 * i, 1), torch.ones(1, 10 * i))\n",
                            Limits(max_tensor_elements=400)),
    "function_growing_above": ("import torch\nfor i in range(1, 4):\n"
                               "    y = torch.maximum(torch.ones(10 * i, 1), torch.ones(1, 10 * i))\n",
                               Limits(max_tensor_elements=400)),
    "huge_outer_above": ("import torch\nfor n in [10, 10, 10**6]:\n"
                         "    y = torch.outer(torch.ones(n), torch.ones(n))\n", Limits()),
    "huge_creation_above": ("import torch\nfor n in [10, 10, 10**6]:\n    y = torch.ones(n, n)\n", Limits()),
    "random_at": ("import torch\nfor n in range(1, 5):\n    y = torch.randn(n * 5, n * 5)\n",
                  Limits(max_tensor_elements=400)),
    "random_above": ("import torch\nfor n in range(1, 6):\n    y = torch.randn(n * 5, n * 5)\n",
                     Limits(max_tensor_elements=400)),
    "tensor_of_tensor_total_at": ("import torch\nx = torch.ones(10)\nfor i in range(7):\n"
                                  "    y = torch.tensor(x)\n", Limits(max_total_elements=80)),
    "tensor_of_tensor_total_above": ("import torch\nx = torch.ones(10)\nfor i in range(8):\n"
                                     "    y = torch.tensor(x)\n", Limits(max_total_elements=80)),
    "tensor_of_list_above": ("import torch\nfor i in range(1, 4):\n"
                             "    y = torch.tensor([[1.0] * (10 * i)] * (10 * i))\n",
                             Limits(max_tensor_elements=400)),
    "steps_at": (SUM, Limits(max_steps=0)),   # set below from the run's own count
    "steps_above": (SUM, Limits(max_steps=0)),
    # arguments and results the plan leaves to the general path, or refuses as it does
    "shape_mismatch_refused": ("import torch\nvs = [torch.ones(3), torch.ones(4)]\nfor i in range(2):\n"
                               "    y = torch.maximum(torch.ones(3), vs[i])\n", Limits()),
    "tensor_of_string_refused": ("import torch\nfor s in ['1', 'a']:\n    y = torch.tensor(float(s))\n"
                                 "    z = torch.tensor(s)\n", Limits()),
    "function_argument_refused": ("import torch\nfor i in range(2):\n    y = torch.exp(torch.exp)\n",
                                  Limits()),
    "numpy_argument_refused": ("import torch\nimport numpy as np\nfor i in range(2):\n"
                               "    print(torch.tensor(np.float32(i)), torch.tensor(np.arange(3)))\n"
                               "    y = torch.exp(np.float64(1.5))\n", Limits()),
    "keywords": ("import torch\nx = torch.arange(6.0).reshape(2, 3)\nfor i in range(2):\n"
                 "    print(torch.sum(x, dim=i), torch.sum(x), torch.zeros(2, dtype=torch.int64))\n",
                 Limits()),
    "math_errors_refused": ("import math\nfor v in [4, 2.25, True, -1]:\n    print(math.sqrt(v))\n",
                            Limits()),
    "math_overflow_refused": ("import math\nfor k in [10, 400]:\n    print(math.sqrt(10 ** k))\n", Limits()),
    "math_arity_refused": ("import math\nfor k in range(2):\n    print(math.sin(k, k))\n", Limits()),
    "math_tensor_and_string_refused": ("import torch\nimport math\nvals = [torch.tensor(0.5), 'a']\n"
                                       "for i in range(2):\n    print(math.sin(vals[i]))\n", Limits()),
    "math_keyword_refused": ("import math\nfor i in range(2):\n"
                             "    print(math.isclose(1.0, 1.0, rel_tol=0.1))\n", Limits()),
    # session 15: torch.tensor(number) sized without nested_length_product (1 element each)
    "tensor_of_number_total_at": ("import torch\nfor i in range(80):\n    y = torch.tensor(1.5)\n",
                                  Limits(max_total_elements=80)),
    "tensor_of_number_total_above": ("import torch\nfor i in range(81):\n    y = torch.tensor(1.5)\n",
                                     Limits(max_total_elements=80)),
    "tensor_of_kinds_change_refused": ("import torch\nvals = [2, 2.5, True, -0.0, [1.0, 2.0], 'a']\n"
                                       "for v in vals:\n    print(torch.tensor(v))\n", Limits()),
    "tensor_of_no_argument_refused": ("import torch\nfor i in range(2):\n    y = torch.tensor()\n",
                                      Limits()),
    # session 15: the two-argument plan kept in the site (the same count as predict's)
    "two_plan_total_at": ("import torch\na = torch.ones(10)\nfor i in range(7):\n"
                          "    y = torch.maximum(a, a)\n", Limits(max_total_elements=80)),
    "two_plan_total_above": ("import torch\na = torch.ones(10)\nfor i in range(8):\n"
                             "    y = torch.maximum(a, a)\n", Limits(max_total_elements=80)),
    "two_plan_number_total_at": ("import torch\na = torch.ones(10)\nfor i in range(7):\n"
                                 "    y = torch.pow(a, 2.0)\n", Limits(max_total_elements=80)),
    "two_plan_number_total_above": ("import torch\na = torch.ones(10)\nfor i in range(8):\n"
                                    "    y = torch.pow(a, 2)\n", Limits(max_total_elements=80)),
    # shapes back and forth between calls: 100, 100, 400 (at the limit), 100, 400, then 900
    "two_plan_shapes_change_at": ("import torch\nfor i in [1, 1, 2, 1, 2]:\n"
                                  "    y = torch.maximum(torch.ones(10 * i, 1), torch.ones(1, 10 * i))\n",
                                  Limits(max_tensor_elements=400)),
    "two_plan_shapes_change_above": ("import torch\nfor i in [1, 1, 2, 1, 2, 3]:\n"
                                     "    y = torch.maximum(torch.ones(10 * i, 1), torch.ones(1, 10 * i))\n",
                                     Limits(max_tensor_elements=400)),
    "two_plan_kinds_change_refused": ("import torch\nimport numpy as np\n"
                                      "vals = [torch.ones(3), 2, 2.0, True, torch.ones(2, 1),"
                                      " [1.0, 2.0, 3.0], np.float64(2.0), torch.ones(2)]\n"
                                      "a = torch.arange(3.0)\n"
                                      "for v in vals:\n    print(torch.pow(a, v), torch.hypot(a, a))\n",
                                      Limits()),
    "two_plan_empty_refused": ("import torch\nfor n in [0, 0, 3]:\n"
                               "    print(torch.maximum(torch.ones(n, 1), torch.ones(1, 2)))\n"
                               "    print(torch.maximum(torch.ones(n), torch.ones(4)))\n", Limits()),
    "huge_two_plan_above": ("import torch\nfor n in [10, 10, 10**6]:\n"
                            "    y = torch.maximum(torch.ones(n, 1), torch.ones(1, n))\n", Limits()),
    # tensor augmented assignment
    "aug_tensor": ("import torch\nw = torch.ones(3)\ng = torch.arange(3.0)\nfor i in range(4):\n"
                   "    w -= 0.5 * g\n    w += 1\n    w *= g\n    w /= 2.0\n    w **= 1\n"
                   "    w @= torch.eye(3)\n"
                   "    n = 2\n    n *= w\n    print(w, n)\n", Limits()),
    "aug_tensor_int_refused": ("import torch\nw = torch.ones(3, dtype=torch.int64)\nfor i in range(2):\n"
                               "    w /= 2\n", Limits()),
    "aug_tensor_grad_refused": ("import torch\nw = torch.ones(3, requires_grad=True)\nfor i in range(2):\n"
                                "    w -= 0.1\n", Limits()),
    "aug_tensor_broadcast_refused": ("import torch\nw = torch.ones(3)\nfor i in range(2):\n"
                                     "    w += torch.ones(2, 3)\n", Limits()),
    # the in-place op's size check counts its result against the total too (w * 2: 10 more each pass)
    "aug_tensor_total_at": ("import torch\nw = torch.ones(10)\nfor i in range(6):\n    w += w * 2\n",
                            Limits(max_total_elements=80)),
    "aug_tensor_total_above": ("import torch\nw = torch.ones(10)\nfor i in range(7):\n    w += w * 2\n",
                               Limits(max_total_elements=80)),
    # 30 x 30 broadcast: refused by its size before torch could say it cannot broadcast in place
    "aug_tensor_growing_above": ("import torch\nfor i in range(3, 4):\n    w = torch.ones(10 * i, 1)\n"
                                 "    w += torch.ones(1, 10 * i)\n", Limits(max_tensor_elements=400)),
    "aug_in_place_broadcast_refused": ("import torch\nfor i in range(1, 3):\n"
                                       "    w = torch.ones(10 * i, 1)\n    w += torch.ones(1, 10 * i)\n",
                                       Limits(max_tensor_elements=400)),
    "aug_kinds_change_refused": ("import torch\nimport numpy as np\n"
                                 "vals = [torch.ones(2), 2.0, np.float64(3.0), 'a']\n"
                                 "w = torch.ones(2)\nfor i in range(4):\n    w += vals[i]\n", Limits()),
    "aug_names_change": ("import torch\nvals = [torch.ones(2), 2.5, [1, 2]]\nfor i in range(3):\n"
                         "    w = vals[i]\n    w *= 2\n    print(w)\n", Limits()),
}


@pytest.fixture
def unplanned(monkeypatch, generic):  # noqa: F811
    """The general path: the generic per-node walk, no remembered size answers, no function sites."""
    def run_unplanned():
        generic()
        monkeypatch.setattr(size_plans, "planned_count", lambda *args: None)
        monkeypatch.setattr(size_plans, "remember", lambda *args: None)
        monkeypatch.setattr(compiled_expressions, "function_site", lambda *args: None)
    return run_unplanned


def _limits(name: str) -> Limits:
    source, limits = CASES[name]
    if name.startswith("steps_"):
        _, steps, *_ = outcome(source, Limits())
        return Limits(max_steps=steps if name == "steps_at" else steps - 1)
    return limits


@pytest.mark.parametrize("name", sorted(CASES))
def test_planned_calls_do_what_the_general_path_does(name, unplanned):
    source, limits = CASES[name][0], _limits(name)
    assert_planned_like_general(name, source, limits, unplanned)


@pytest.mark.parametrize("name", ["sum", "mixed", "aug_tensor"])
def test_values_equal_python(name):
    """Python and PyTorch are the oracle: the same text run by Python (same seed) prints the same."""
    source = CASES[name][0]
    error, _, _, text, _ = outcome(source, Limits())
    assert error is None and text == python_prints(source)
    if name == "sum":
        assert f"{sum(1 / n ** 2 for n in range(1, 61))} {math.pi ** 2 / 6}" in text


@pytest.mark.parametrize("source", [SUM, MIXED], ids=["sum", "mixed"])
def test_every_step_cut(source, unplanned):
    """The budget runs out at every step: the same node, message and count."""
    source = source.replace("range(1, 61)", "range(8, 11)").replace("range(4)", "range(2)")
    assert_every_step_cut_alike(source, unplanned)


@pytest.mark.parametrize("offset", range(0, 32, 5))
def test_the_time_check_fires_at_the_same_node(offset, unplanned, monkeypatch):
    assert_time_check_alike("pad = 0\n" * offset + MIXED, unplanned, monkeypatch)


def test_the_function_sites_are_the_ones_that_run(monkeypatch):
    """SUM's torch.maximum / torch.tensor / math.sin calls in the loop go through planned sites."""
    used: list[str] = []
    original = function_sites.function_site

    def made(interp, member, node):
        site = original(interp, member, node)
        return None if site is None else (lambda args: used.append(member.qualname) or site(args))
    monkeypatch.setattr(compiled_expressions, "function_site", made)
    error, *_ = outcome(SUM, Limits())
    assert error is None
    assert {name: used.count(name) for name in set(used)} == {"torch.maximum": 6, "torch.tensor": 8,
                                                             "math.sin": 6, "math.cos": 1,
                                                             "torch.sigmoid": 1, "torch.exp": 1}


@pytest.mark.parametrize(("call", "made", "limit"), [
    ("torch.tensor(1.5)", 1, 80),   # 80 calls fit the total; the 81st is refused before it runs
    # a's 10, then 8 results of 10; the 9th refused before it runs (95: a count of 1 would pass)
    ("torch.maximum(a, a)", 10, 95),
    ("torch.pow(a, 2.0)", 10, 95),
])
def test_a_refused_call_never_runs(call, made, limit):
    """Session 15's site paths (a number for torch.tensor, the two-argument plan) check the size
    before the call, as SizeGuard.predict does: the refused call is not made (a TorchFunctionMode
    counts the calls that are not on the meta device), and the refusal is the general path's."""
    from torch.overrides import TorchFunctionMode

    name = call.split("(")[0].removeprefix("torch.")
    real = getattr(torch, name)
    # (session 26: torch.tensor(1.5) is made by torch.scalar_tensor, function_sites.SCALAR_FLOAT)
    made_by = (real, torch.scalar_tensor) if name == "tensor" else (real,)
    calls: list[int] = []

    class Count(TorchFunctionMode):
        def __torch_function__(self, func, types, args=(), kwargs=None):
            if func in made_by and not any(isinstance(v, torch.Tensor) and v.is_meta for v in args) \
                    and (kwargs or {}).get("device") != "meta":
                calls.append(1)
            return func(*args, **(kwargs or {}))

    source = f"import torch\na = torch.ones(10)\nfor i in range(100):\n    y = {call}\n"
    with Count():
        error, *_ = outcome(source, Limits(max_total_elements=limit))
    assert error is not None and error[0] == "limit", error
    assert f"would create more than {limit:,} tensor elements in total (at {name})" in error[1], error
    assert error[2:] == (4, 9), error
    assert len(calls) == (limit - 10) // made

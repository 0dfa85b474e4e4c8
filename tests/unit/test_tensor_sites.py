"""Issue 9, session 9: tensor operators and tensor method calls planned per call site
(lang/tensor_sites.py) and size answers remembered per call site (lang/size_plans.py) behave
exactly like the general path.

The differential harness of test_compiled_blocks.py, against a run with neither: the generic
per-node walk (Interpreter.exec_block put back) with size_plans switched off, so every size check
goes through shapes.fast_count / the meta device as before. The error (kind, message, line,
column), the step count, the variables, the printed text and the op records must be equal. The
cases hit each limit just below and just above through a planned call site, a site that first sees
small and then huge shapes, and sites whose operands or receiver change type.
"""

from __future__ import annotations

import pytest
import torch

from autogradlab.lang import compiled_method_calls, shapes, size_plans, tensor_sites
from autogradlab.limits import Limits
from tests.unit.site_helpers import (
    assert_every_step_cut_alike,
    assert_planned_like_general,
    assert_time_check_alike,
    python_prints,
)
from tests.unit.test_compiled_blocks import generic, outcome  # noqa: F401

POWER = """import torch
A = torch.randn(6, 6)
A = A @ A.T / 6
v = torch.ones(6)
for k in range(30):
    w = A @ v
    v = w / w.norm()
lam = v @ A @ v
print(lam, v.sum(), (v * 2 - 1).abs().max())
"""

MIXED = """import torch
import math
x = torch.linspace(-1, 1, 8).reshape(-1, 1)
W = (torch.randn(1, 4) * 0.5).requires_grad_()
b = torch.zeros(4, requires_grad=True)
best = torch.tensor(-1.0)
for step in range(6):
    h = torch.tanh(x @ W + b)
    loss = ((h - x) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        W -= 0.1 * W.grad
        W.grad.zero_()
        b.grad.zero_()
    best = torch.maximum(best, torch.tensor(math.sin(step)))
    c = 2 * h.t() - step + h.detach().sum() / 3
    d = (h > 0.1) + (1.5 <= h)
print(loss.item(), best, c.shape, d.sum(), W)
"""

CASES = {
    "power": (POWER, Limits()),
    "mixed": (MIXED, Limits()),
    # a site that first sees small and then huge shapes: 100, 400 (at the limit), then 900 elements
    "growing_elements_at": ("import torch\nfor i in range(1, 3):\n"
                            "    y = torch.ones(10 * i, 1) * torch.ones(1, 10 * i)\n",
                            Limits(max_tensor_elements=400)),
    "growing_elements_above": ("import torch\nfor i in range(1, 4):\n"
                               "    y = torch.ones(10 * i, 1) * torch.ones(1, 10 * i)\n",
                               Limits(max_tensor_elements=400)),
    "growing_matmul_at": ("import torch\nfor i in range(1, 3):\n"
                          "    y = torch.ones(10 * i, 2) @ torch.ones(2, 10 * i)\n",
                          Limits(max_tensor_elements=400)),
    "growing_matmul_above": ("import torch\nfor i in range(1, 4):\n"
                             "    y = torch.ones(10 * i, 2) @ torch.ones(2, 10 * i)\n",
                             Limits(max_tensor_elements=400)),
    # a creation op's count depends on its arguments' values, not only on their types
    "creation_values_at": ("import torch\nfor n in range(1, 5):\n    z = torch.zeros(n * 5, n * 5)\n",
                           Limits(max_tensor_elements=400)),
    "creation_values_above": ("import torch\nfor n in range(1, 6):\n    z = torch.zeros(n * 5, n * 5)\n",
                              Limits(max_tensor_elements=400)),
    # small and then huge (10**12 elements, 4 TB): refused before the op runs, never by its allocation
    "huge_elementwise_above": ("import torch\nfor n in [10, 10, 10**6]:\n"
                               "    y = torch.ones(n, 1) * torch.ones(1, n)\n", Limits()),
    "huge_matmul_above": ("import torch\nfor n in [10, 10, 10**6]:\n"
                          "    y = torch.ones(n, 1) @ torch.ones(1, n)\n", Limits()),
    "huge_creation_above": ("import torch\nfor n in [10, 10, 10**6]:\n    y = torch.zeros(n, n)\n", Limits()),
    "huge_method_above": ("import torch\nfor n in [10, 10, 10**6]:\n"
                          "    y = torch.ones(n, 1).expand(n, n).mul(torch.ones(n))\n", Limits()),
    "huge_zero_arg_method_above": ("import torch\nfor n in [10, 10, 10**6]:\n    y = torch.ones(n).diag()\n",
                                   Limits()),
    "method_growing_above": ("import torch\nfor i in range(1, 4):\n"
                             "    y = torch.ones(10 * i).outer(torch.ones(10 * i))\n",
                             Limits(max_tensor_elements=400)),
    "method_same_view_above": ("import torch\nfor i in range(1, 4):\n"
                               "    y = torch.ones(10 * i, 10 * i).t()\n", Limits(max_tensor_elements=400)),
    "total_elements_at": ("import torch\nx = torch.ones(10)\nfor i in range(8):\n    y = x * 2\n",
                          Limits(max_total_elements=90)),
    "total_elements_above": ("import torch\nx = torch.ones(10)\nfor i in range(9):\n    y = x * 2\n",
                             Limits(max_total_elements=90)),
    # operands and receivers that change type at the same site
    "operand_kinds": ("import torch\nimport numpy as np\nx = torch.ones(3)\n"
                      "vals = [torch.ones(3), 2, 2.5, True, torch.tensor(3.0), np.float64(1.5)]\n"
                      "for i in range(6):\n    y = x * vals[i]\n    z = vals[i] * x\n    print(y, z)\n",
                      Limits()),
    "operand_list_refused": ("import torch\nx = torch.ones(3)\nvals = [torch.ones(3), 2, [1, 2]]\n"
                             "for i in range(3):\n    y = x * vals[i]\n", Limits()),
    "receiver_tensor_then_list_refused": ("import torch\nvals = [torch.ones(3), [1, 2]]\n"
                                          "for i in range(2):\n    y = vals[i].sum()\n", Limits()),
    "receiver_tensor_then_number_refused": ("import torch\nvals = [torch.ones(3), 3.5]\n"
                                            "for i in range(2):\n    y = vals[i].abs()\n", Limits()),
    "receiver_tensor_then_sequence": ("import torch\nvals = [torch.ones(3), 'abc', [1, 2, 2]]\n"
                                      "for i in range(3):\n    y = vals[i] * 2\n    print(vals[i].count(2) "
                                      "if i == 2 else y)\n", Limits()),
    "method_kwargs_and_plain": ("import torch\nx = torch.arange(12.0).reshape(3, 4)\nfor i in range(3):\n"
                                "    print(x.sum(), x.sum(i % 2), x.sum(dim=1, keepdim=True), "
                                "x.view(4, 3)[0])\n",
                                Limits()),
    "method_special_and_refused": ("import torch\nx = torch.ones(3)\nfor i in range(2):\n"
                                   "    y = x.new_tensor([1.0, 2.0])\n    z = x.type_as(x)\n"
                                   "    print(x.tolist(), y, z)\n    w = x.type_as(3)\n", Limits()),
    "property_reads": ("import torch\nx = torch.ones(2, 3, requires_grad=True)\nfor i in range(3):\n"
                       "    y = (x * i).sum()\n    y.backward()\n    print(x.grad, x.data, x.shape, x.ndim, "
                       "x.dtype, x.requires_grad, x.is_leaf, x.T, y.grad_fn)\n", Limits()),
    "property_grad_none_refused": ("import torch\nx = torch.ones(2, requires_grad=True)\n"
                                   "for i in range(2):\n    g = x.grad\n    y = g * 2\n", Limits()),
    "property_of_number_refused": ("import torch\nvals = [torch.ones(2), 3]\nfor i in range(2):\n"
                                   "    s = vals[i].shape\n", Limits()),
    "zero_arg_empty_tensors": ("import torch\nvals = [torch.ones(3, 2), torch.ones(0, 5), torch.ones(4)]\n"
                               "for i in range(3):\n    print(vals[i].sum(), vals[i].abs(), vals[i].t(), "
                               "vals[i].clone().zero_())\n", Limits()),
    "zero_arg_growing_above": ("import torch\nfor n in [10, 20, 30]:\n    y = torch.ones(n, n).exp()\n",
                               Limits(max_tensor_elements=400)),
    "method_in_place_write": ("import torch\nx = torch.ones(3)\nfor i in range(3):\n    x.mul_(2)\n"
                              "    x.add_(x)\nprint(x)\n", Limits()),
    "shape_mismatch_refused": ("import torch\nA = torch.ones(3, 3)\nvs = [torch.ones(3), torch.ones(4)]\n"
                               "for i in range(2):\n    w = A @ vs[i]\n", Limits()),
    "broadcast_refused": ("import torch\nvs = [torch.ones(3), torch.ones(4)]\n"
                          "for i in range(2):\n    w = torch.ones(3) + vs[i]\n", Limits()),
    "matmul_number_refused": ("import torch\nA = torch.ones(3, 3)\nvs = [torch.ones(3), 2]\n"
                              "for i in range(2):\n    w = A @ vs[i]\n", Limits()),
    # session 15: a tensor operand of a fused binary node (a leaf beside a subtree, or two leaves
    # inside a bigger expression) goes to its site at once, skipping the number tests
    "nested_scalar_chain": ("import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\n"
                            "for i in range(40):\n    y = torch.sin(y) * 1.01 + 0.1 * x\n"
                            "    z = (y + y) + y\n    u = y * 2 - (3 ** 2) * y\n"
                            "y.backward()\nprint(y, z, u, x.grad)\n", Limits()),
    "nested_kinds_change": ("import torch\nimport numpy as np\n"
                            "vals = [torch.ones(3), 2, 2.5, True, torch.ones(2, 1), np.float64(1.5), 7]\n"
                            "for v in vals:\n    print(torch.exp(torch.zeros(3)) * v + v * 1.5, (v + v) + 1,"
                            " 2 ** v - v)\n", Limits()),
    "nested_kinds_change_refused": ("import torch\nvals = [torch.ones(3), 'ab', [1, 2]]\n"
                                    "for v in vals:\n    print((v + v) * v)\n", Limits()),
    "nested_big_int_above": ("import torch\nfor k in [2, 3, 10**6]:\n    print((k ** k) ** k + 1)\n",
                             Limits(max_int_bits=4096)),
    "nested_total_at": ("import torch\nx = torch.ones(10)\nfor i in range(4):\n    y = (x * 2) + 1\n",
                        Limits(max_total_elements=90)),
    "nested_total_above": ("import torch\nx = torch.ones(10)\nfor i in range(5):\n    y = (x * 2) + 1\n",
                           Limits(max_total_elements=90)),
    "nested_growing_above": ("import torch\nfor i in range(1, 4):\n"
                             "    y = (torch.ones(10 * i, 1) * 2) + torch.ones(1, 10 * i)\n",
                             Limits(max_tensor_elements=400)),
    # session 15: methods with arguments sized by the site's own two-argument plan (invoke inline)
    "method_arg_total_at": ("import torch\nx = torch.ones(10)\nfor i in range(8):\n    y = x.pow(2)\n",
                            Limits(max_total_elements=90)),
    "method_arg_total_above": ("import torch\nx = torch.ones(10)\nfor i in range(9):\n    y = x.add(x)\n",
                               Limits(max_total_elements=90)),
    "method_arg_growing_above": ("import torch\nfor i in [1, 1, 2, 1, 3]:\n"
                                 "    y = torch.ones(10 * i, 1).add(torch.ones(1, 10 * i))\n",
                                 Limits(max_tensor_elements=400)),
    "method_arg_kinds_change_refused": ("import torch\nimport numpy as np\na = torch.arange(3.0)\n"
                                        "vals = [torch.ones(3), 2, 2.0, True, torch.ones(2, 1),"
                                        "\n        [1.0, 2.0, 3.0], np.float64(2.0), torch.ones(2)]\n"
                                        "for v in vals:\n"
                                        "    print(a.pow(v), a.mul(v), a.requires_grad_(False))\n",
                                        Limits()),
    "method_arg_empty_and_grad": ("import torch\nfor n in [0, 0, 3]:\n    t = torch.ones(n, 2)\n"
                                  "    print(t.pow(2), t.maximum(torch.ones(1, 2)), t.requires_grad_(True))\n"
                                  "    print(t.sum(0), t.add(t, alpha=2))\n", Limits()),
    "method_arg_random_and_write": ("import torch\nx = torch.zeros(3)\nkeep = x * 1\nfor i in range(3):\n"
                                    "    x.uniform_(0, 1)\n    y = x.add_(1.0)\n    z = x.mul_(x)\n"
                                    "    print(x.normal_(0, 2), x.bernoulli_(0.5), y, z, keep,"
                                    " x.clamp_(max=1.5))\n", Limits()),
    "method_arg_tuple_result": ("import torch\nx = torch.arange(6.0).reshape(2, 3)\nfor i in range(2):\n"
                                "    v, k = x.max(1)\n    s = x.split(1)\n    print(v, k, s, x.topk(2))\n",
                                Limits()),
    "huge_method_arg_above": ("import torch\nfor n in [10, 10, 10**6]:\n"
                              "    y = torch.ones(n, 1).mul(torch.ones(1, n))\n", Limits()),
    "nested_broadcast_refused": ("import torch\nvs = [torch.ones(3), torch.ones(4)]\n"
                                 "for i in range(2):\n    w = (torch.ones(3) * 2) + vs[i]\n", Limits()),
}


@pytest.fixture
def unplanned(monkeypatch, generic):  # noqa: F811
    """The general path: the generic per-node walk and no remembered size answers."""
    def run_unplanned():
        generic()
        monkeypatch.setattr(size_plans, "planned_count", lambda *args: None)
        monkeypatch.setattr(size_plans, "remember", lambda *args: None)
    return run_unplanned


@pytest.mark.parametrize("name", sorted(CASES))
def test_planned_sites_do_what_the_general_path_does(name, unplanned):
    source, limits = CASES[name]
    assert_planned_like_general(name, source, limits, unplanned)


@pytest.mark.parametrize("source", [POWER, MIXED], ids=["power", "mixed"])
def test_values_equal_pytorch(source):
    """PyTorch is the oracle: the same text run by Python (same seed) prints the same thing."""
    error, _, _, text, _ = outcome(source, Limits())
    assert error is None and text == python_prints(source)


def test_every_step_cut(unplanned):
    """The budget runs out at every step of a short MIXED: the same node, message and count."""
    source = MIXED.replace("range(6)", "range(2)")
    assert_every_step_cut_alike(source, unplanned)


@pytest.mark.parametrize("offset", range(0, 32, 3))
def test_the_time_check_fires_at_the_same_node(offset, unplanned, monkeypatch):
    assert_time_check_alike("pad = 0\n" * offset + POWER, unplanned, monkeypatch)


def test_the_planned_sites_are_the_ones_that_run(monkeypatch):
    """POWER's operators and w.norm() go through the sites, and their size answers are reused
    (w.norm(), a call without arguments, through compiled_method_calls.zero_site since session 12)."""
    used: list[str] = []
    for module, name in ((tensor_sites, "binary_site"), (compiled_method_calls, "zero_site")):
        original = getattr(module, name)

        def made(*args, original=original, name=name):
            site = original(*args)
            return lambda *values: used.append(name) or site(*values)
        monkeypatch.setattr(module, name, made)
    counted: list[int] = []
    original_count = shapes.fast_count
    monkeypatch.setattr(shapes, "fast_count", lambda *args: counted.append(1) or original_count(*args))
    error, *_ = outcome(POWER, Limits())
    assert error is None and used.count("binary_site") >= 60 and used.count("zero_site") >= 30, used
    assert len(counted) < 20   # 90 sized ops in the loop: each site worked its count out once


def test_a_plan_answers_only_for_its_function_and_shapes():
    plans: dict = {}
    site, a, b = object(), torch.ones(2, 3), torch.ones(3)
    size_plans.remember(plans, site, torch.add, [a, b], 6)
    assert size_plans.planned_count(plans, site, torch.add, [a, b]) == 6
    assert size_plans.planned_count(plans, site, torch.add, [torch.zeros(2, 3), torch.zeros(3)]) == 6
    assert size_plans.planned_count(plans, site, torch.add, [a, torch.ones(1, 3)]) is None
    assert size_plans.planned_count(plans, site, torch.mul, [a, b]) is None
    assert size_plans.planned_count(plans, object(), torch.add, [a, b]) is None
    assert size_plans.planned_count(plans, site, torch.add, [a, [1.0, 2.0, 3.0]]) is None
    size_plans.remember(plans, site, torch.add, [a, 2.0], 6)   # elementwise: a number's type only
    assert size_plans.planned_count(plans, site, torch.add, [a, 7.5]) == 6
    assert size_plans.planned_count(plans, site, torch.add, [a, 7]) is None
    size_plans.remember(plans, site, torch.zeros, [2, 3], 6)   # creation: the values too
    assert size_plans.planned_count(plans, site, torch.zeros, [2, 3]) == 6
    assert size_plans.planned_count(plans, site, torch.zeros, [3, 3]) is None
    assert size_plans.planned_count(plans, site, torch.zeros, [2, 3.0]) is None


def test_no_plan_for_keywords_or_other_arguments():
    plans: dict = {}
    site = object()
    size_plans.remember(plans, site, torch.cat, [[torch.ones(2), torch.ones(2)]], 4)
    size_plans.remember(plans, site, torch.ones, [torch.Size([2, 2])], 4)
    assert plans == {}


@pytest.mark.parametrize("name", ["nested_scalar_chain", "nested_kinds_change"])
def test_nested_binary_values_equal_pytorch(name):
    """Session 15's direct site calls inside fused binary nodes: PyTorch's own printed values."""
    source = CASES[name][0]
    error, _, _, text, _ = outcome(source, Limits())
    assert error is None and text == python_prints(source)


@pytest.mark.parametrize(("call", "method"), [("a.pow(2.0)", "pow"), ("a.add(a)", "add")])
def test_a_refused_method_call_never_runs(call, method):
    """A method with an argument is sized before it runs (session 15's plan in method_site, as
    invoke's predict): at 95 elements in total, 8 results of 10 fit after a's 10, the 9th is refused
    before the call (a count of 1 would have let it run), as a TorchFunctionMode count shows."""
    from torch.overrides import TorchFunctionMode

    real = getattr(torch.Tensor, method)
    calls: list[int] = []

    class Count(TorchFunctionMode):
        def __torch_function__(self, func, types, args=(), kwargs=None):
            if func is real and not any(isinstance(v, torch.Tensor) and v.is_meta for v in args):
                calls.append(1)
            return func(*args, **(kwargs or {}))

    source = f"import torch\na = torch.ones(10)\nfor i in range(100):\n    y = {call}\n"
    with Count():
        error, *_ = outcome(source, Limits(max_total_elements=95))
    assert error is not None and error[0] == "limit", error
    assert f"would create more than 95 tensor elements in total (at {method})" in error[1], error
    assert error[2:] == (4, 9) and len(calls) == 8, (error, calls)

"""Issue 9, session 12: tensor method calls without arguments as one closure
(lang/compiled_method_calls.py: `w.norm()`, `l.item()`, `loss.backward()`, `p.grad.zero_()`,
`(y - t).pow(2).sum()`) and tensor properties of a name (`w.grad`) behave exactly like the general
path.

The differential harness of test_tensor_sites.py (tests/unit/site_helpers.py): every case runs with
the compiled closures and on the general path (the generic per-node walk, no remembered size
answers); the error (kind, message, line, column), the step count, the variables, the printed text
and the op records must be equal. The cases hit each size limit just below and just above through a
zero-argument method, receivers that change kind at the same site (a tensor, a number, a
list, None from `.grad`, a name in no scope, a builtin), the special methods and the refused ones;
the step budget is cut at every step and the time check is moved over every node.
"""

from __future__ import annotations

import pytest

from autogradlab.lang import compiled_method_calls
from autogradlab.limits import Limits
from tests.unit.site_helpers import (
    assert_every_step_cut_alike,
    assert_planned_like_general,
    assert_time_check_alike,
    python_prints,
)
from tests.unit.test_compiled_blocks import generic, outcome  # noqa: F401
from tests.unit.test_tensor_sites import unplanned  # noqa: F401

FORMS = """import torch
W = torch.randn(3, 2).requires_grad_()
b = torch.zeros(2, requires_grad=True)
x = torch.randn(5, 3)
t = torch.randn(5, 2)
def norm_of(v):
    return v.norm() + W.grad.sum()
for step in range(4):
    out = x @ W + b
    loss = (out - t).pow(2).sum()
    loss.backward()
    n = W.grad.norm()
    m = norm_of(b)
    with torch.no_grad():
        for p in [W, b]:
            p -= 0.01 * p.grad
            p.grad.zero_()
    v = out.detach().abs().mean()
    print(step, loss.item(), n, m, v, W.grad.sum(), x.t().shape, b.data.abs())
print(W.norm(), b.clone().zero_(), W.is_leaf)
"""

_TOTAL = "import torch\nx = torch.ones(10, requires_grad=True)\nx.sum().backward()\n"

CASES = {
    "forms": (FORMS, Limits()),
    # each zero_() of a 10-element .grad counts 10 elements, norm() and sum() one each
    "grad_zero_total_at": (_TOTAL + "for i in range(8):\n    x.grad.zero_()\n",
                           Limits(max_total_elements=100)),
    "grad_zero_total_above": (_TOTAL + "for i in range(9):\n    x.grad.zero_()\n",
                              Limits(max_total_elements=100)),
    "norm_total_at": ("import torch\nx = torch.ones(10)\nfor i in range(89):\n    y = x.norm()\n",
                      Limits(max_total_elements=99)),
    "norm_total_above": ("import torch\nx = torch.ones(10)\nfor i in range(90):\n    y = x.norm()\n",
                         Limits(max_total_elements=99)),
    "exp_elements_at": ("import torch\nfor n in [10, 20]:\n    x = torch.ones(n, n)\n    y = x.exp()\n",
                        Limits(max_tensor_elements=400)),
    "exp_elements_above": ("import torch\nfor n in [10, 20, 21]:\n    x = torch.ones(n, n)\n"
                           "    y = x.exp()\n",
                           Limits(max_tensor_elements=400)),
    "property_exp_elements_above": ("import torch\nfor n in [10, 20, 21]:\n"
                                    "    x = torch.ones(n, n)\n    y = x.data.exp()\n",
                                    Limits(max_tensor_elements=400)),
    "huge_diag_above": ("import torch\nfor n in [10, 10, 10**6]:\n    x = torch.ones(n)\n    y = x.diag()\n",
                        Limits()),
    "huge_property_diag_above": ("import torch\nfor n in [10, 10, 10**6]:\n    x = torch.ones(n)\n"
                                 "    y = x.data.diag()\n", Limits()),
    "empty_sums": ("import torch\nvals = [torch.ones(3, 2), torch.ones(0, 5), torch.ones(4), torch.ones(0)]\n"
                   "for i in range(4):\n    x = vals[i]\n"
                   "    print(x.sum(), x.data.sum(), x.abs(), x.zero_())\n",
                   Limits()),
    # (10**8, 0): 10**8 empty rows, more than sizes.MAX_EMPTY_ROWS
    "empty_rows_refused": ("import torch\nvals = [torch.ones(0, 3), torch.ones(0, 10**8)]\n"
                           "for i in range(2):\n    x = vals[i]\n    z = x.data.t()\n    y = x.t()\n",
                           Limits()),
    "empty_rows_method_refused": ("import torch\nvals = [torch.ones(0, 3), torch.ones(0, 10**8)]\n"
                                  "for i in range(2):\n    x = vals[i]\n    y = x.t()\n", Limits()),
    "item_of_many_refused": ("import torch\nvals = [torch.ones(1), torch.ones(3)]\nfor i in range(2):\n"
                             "    x = vals[i]\n    print(x.item(), x.data.item())\n", Limits()),
    "grad_none_refused": ("import torch\nx = torch.ones(2, requires_grad=True)\nfor i in range(2):\n"
                          "    x.grad.zero_()\n", Limits()),
    "grad_then_none_refused": ("import torch\nx = torch.ones(2, requires_grad=True)\nx.sum().backward()\n"
                               "for i in range(3):\n    x.grad.zero_()\n    if i == 1:\n"
                               "        x.grad = None\n", Limits()),
    "undefined_refused": ("for i in range(2):\n    nothing.grad.zero_()\n", Limits()),
    "undefined_method_refused": ("for i in range(2):\n    nothing.norm()\n", Limits()),
    "builtin_refused": ("for i in range(2):\n    len.grad.zero_()\n", Limits()),
    "builtin_method_refused": ("for i in range(2):\n    y = abs.sum()\n", Limits()),
    "number_refused": ("import torch\nvals = [torch.ones(2), 2.5]\nfor i in range(2):\n    x = vals[i]\n"
                       "    print(x.abs(), x.sum())\n", Limits()),
    "list_refused": ("import torch\nvals = [torch.ones(2), [1, 2]]\nfor i in range(2):\n    x = vals[i]\n"
                     "    print(x.sum())\n", Limits()),
    "list_property_refused": ("import torch\nvals = [torch.ones(2), [1, 2]]\nfor i in range(2):\n"
                              "    x = vals[i]\n    print(x.grad.sum())\n", Limits()),
    "shape_then_method": ("import torch\nx = torch.ones(2, 3)\nfor i in range(2):\n"
                          "    print(x.shape.numel(), x.dtype.is_floating_point)\n", Limits()),
    "specials": ("import torch\nx = torch.ones(3, requires_grad=True)\nfor i in range(2):\n"
                 "    y = (x * 2).sum()\n    y.retain_grad()\n    y.backward()\n"
                 "    print(x.grad.cpu(), x.detach().numpy(), x.tolist(), y.grad, x.grad.clone())\n"
                 "    x.grad.zero_()\n", Limits()),
    "backward_twice_refused": ("import torch\nx = torch.ones(3, requires_grad=True)\ny = (x * x).sum()\n"
                               "for i in range(2):\n    y.backward()\n", Limits()),
    "new_tensor_refused": ("import torch\nx = torch.ones(3)\nfor i in range(2):\n    y = x.new_tensor()\n",
                           Limits()),
    "type_as_refused": ("import torch\nx = torch.ones(3)\nfor i in range(2):\n    y = x.type_as()\n",
                        Limits()),
    "random_method": ("import torch\nx = torch.ones(3)\nfor i in range(2):\n    x.normal_()\n"
                      "    x.data.uniform_()\n    print(x)\n", Limits()),
    # `name.prop` (compiled_method_calls.property_read)
    "property_reads": ("import torch\nx = torch.ones(2, 3, requires_grad=True)\nfor i in range(3):\n"
                       "    y = (x * i).sum()\n    y.backward()\n    g = x.grad\n"
                       "    print(g, x.data, x.shape, x.ndim, x.dtype, x.requires_grad, x.is_leaf, x.device, "
                       "x.is_cuda, y.grad_fn, x.T)\n", Limits()),
    "property_kinds_refused": ("import torch\nvals = [torch.ones(2), 3.5, [1, 2]]\nfor i in range(3):\n"
                               "    x = vals[i]\n    print(x.real)\n    print(x.shape)\n", Limits()),
    "property_undefined_refused": ("for i in range(2):\n    g = nothing.grad\n", Limits()),
    "property_builtin_refused": ("for i in range(2):\n    g = len.shape\n", Limits()),
    "property_grad_none_refused": ("import torch\nx = torch.ones(2, requires_grad=True)\nfor i in range(2):\n"
                                   "    g = x.grad\n    y = g * 2\n", Limits()),
    # `w.norm()`: linalg.vector_norm's call (compiled_method_calls._vector_norm) for every kind
    "norm_kinds": ("import torch\nz = torch.ones(3, requires_grad=True)\n"
                   "vals = [torch.ones(4), torch.ones(2, 3, dtype=torch.float64), torch.randn(3, 4).t(),\n"
                   "        torch.ones(0), torch.ones(0, 3), torch.tensor(-2.5),\n"
                   "        torch.ones(2, dtype=torch.complex64),\n"
                   "        z * 2, torch.ones(2, dtype=torch.float16)]\n"
                   "for i in range(9):\n    x = vals[i]\n    n = x.norm()\n"
                   "    print(n, n.dtype, n.shape, n.grad_fn is None, n.requires_grad)\n", Limits()),
    "norm_long_refused": ("import torch\nvals = [torch.ones(2), torch.arange(3)]\nfor i in range(2):\n"
                          "    x = vals[i]\n    print(x.norm())\n", Limits()),
    "norm_backward": ("import torch\nw = torch.randn(5).requires_grad_()\nfor i in range(3):\n"
                      "    n = (w * (i + 1)).norm()\n    n.backward()\nprint(w.grad)\n", Limits()),
    "outer_scope": ("import torch\nx = torch.ones(3, requires_grad=True)\n(x * 3).sum().backward()\n"
                    "def f():\n    return x.grad.sum() + x.norm()\nfor i in range(3):\n    print(f())\n",
                    Limits()),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fused_method_calls_do_what_the_general_path_does(name, unplanned):  # noqa: F811
    source, limits = CASES[name]
    assert_planned_like_general(name, source, limits, unplanned)


def test_forms_print_what_pytorch_prints():
    error, _, _, text, _ = outcome(FORMS, Limits())
    assert error is None and text == python_prints(FORMS)


def test_norm_without_arguments_prints_what_pytorch_prints():
    """`x.norm()` (zero_site's linalg.vector_norm call) against Python running the same text: values,
    dtypes, shapes, grad_fn names and gradients; an integer tensor is refused as torch refuses it."""
    for name in ("norm_kinds", "norm_backward"):
        error, _, _, text, _ = outcome(*CASES[name])
        assert error is None and text == python_prints(CASES[name][0]), (name, error)
    error, *_ = outcome(*CASES["norm_long_refused"])
    assert error == ("type", "norm: needs a floating-point tensor, got dtype Long", 5, 11), error


def test_limits_name_the_limit_at_the_call():
    error, *_ = outcome(*CASES["grad_zero_total_above"])
    assert error[0] == "limit" and "the limit is 100" in error[1] and error[2:] == (5, 5), error
    error, *_ = outcome(*CASES["huge_property_diag_above"])
    assert error[0] == "limit" and "1,000,000,000,000 elements" in error[1] and error[2:] == (4, 9), error


def test_every_step_cut(unplanned):  # noqa: F811
    assert_every_step_cut_alike(FORMS.replace("range(4)", "range(2)"), unplanned)


@pytest.mark.parametrize("offset", range(32))
def test_the_time_check_fires_at_the_same_node(offset, unplanned, monkeypatch):  # noqa: F811
    assert_time_check_alike("pad = 0\n" * offset + FORMS, unplanned, monkeypatch)


def test_the_fused_closures_are_the_ones_that_run(monkeypatch):
    """FORMS's zero-argument calls go through zero_site, `W.grad.norm()`, `p.grad.zero_()`,
    `b.data.abs()` through property_call and `p.grad` through property_read, without falling back
    while no step can matter."""
    sites, fallbacks, fused, reads = [], [], [], []
    original_site, original_call = compiled_method_calls.zero_site, compiled_method_calls.property_call
    original_read = compiled_method_calls.property_read

    def counting_read(interp, node, name, read, per_node):
        def fallback():
            fallbacks.append(node.lineno)
            return per_node()
        run = original_read(interp, node, name, read, fallback)
        return lambda: reads.append(node.lineno) or run()

    def counting_site(interp, attr, spec, node):
        site = original_site(interp, attr, spec, node)
        return lambda tensor: sites.append(attr) or site(tensor)

    def counting_call(interp, node, name, read, then, per_node):
        def fallback():
            fallbacks.append(node.lineno)
            return per_node()
        run = original_call(interp, node, name, read, then, fallback)
        return lambda: fused.append(node.lineno) or run()
    monkeypatch.setattr(compiled_method_calls, "zero_site", counting_site)
    monkeypatch.setattr(compiled_method_calls, "property_call", counting_call)
    monkeypatch.setattr(compiled_method_calls, "property_read", counting_read)
    error, steps, *_ = outcome(FORMS, Limits())
    assert error is None
    for attr, count in (("norm", 9), ("zero_", 8), ("backward", 4), ("item", 4), ("sum", 12), ("abs", 8)):
        assert sites.count(attr) >= count, (attr, sites)
    assert set(fused) == {7, 12, 17, 19}, fused
    # p.grad, W.is_leaf (x.t().shape is not a name's); 7, 12, 17, 19 when a property_call falls back
    assert {16, 20} <= set(reads) <= {7, 12, 16, 17, 19, 20}, reads
    # only near a multiple of 32 steps
    assert len(fallbacks) < (len(fused) + len(reads)) / 4, (fallbacks, fused, reads)


def test_an_allowed_name_torch_lacks_fails_as_the_general_path_fails(unplanned, monkeypatch):  # noqa: F811
    """A method in the allow-list that this torch does not have (a torch upgrade) is not looked up
    when the closure is made: the call fails at its position, as the general path's lookup fails."""
    from autogradlab.lang import allowlist as al

    monkeypatch.setitem(al.TENSOR_METHODS, "gone_in_this_torch", al.TENSOR_METHODS["abs"])
    source = "import torch\nx = torch.ones(2)\nfor i in range(2):\n    y = x.gone_in_this_torch()\n"
    planned = outcome(source, Limits())
    unplanned()
    assert outcome(source, Limits()) == planned
    assert planned[0] is not None and planned[0][2:] == (4, 9), planned

"""Issue 9, session 39: a planned call site remembers its last result's shape and element count
(tensor_sites.result_elements), so a loop's every pass takes the count of a shape it has checked
instead of `dim()` + `math.prod(shape)` and the empty/64-dimension checks again.

The count is the same number for the same shape, and the element limits are still checked after
every op with it: the outcome (error, steps, variables, printed text, op records) equals the
general path's, just below and above max_total_elements, with results whose shape changes, grows,
or becomes empty on a site that has seen another shape.
"""

from __future__ import annotations

import pytest

from autogradlab.lang import function_sites, tensor_sites
from autogradlab.limits import Limits
from tests.unit.site_helpers import assert_planned_like_general, python_prints
from tests.unit.test_compiled_blocks import generic, outcome  # noqa: F401
from tests.unit.test_tensor_sites import POWER, unplanned  # noqa: F401

GROWING = """import torch
x = torch.ones(1)
for k in range(12):
    y = x * 2
    z = y.exp()
    w = torch.cat([x, x])
    x = w / 2
print(x.sum(), y.shape, z.shape)
"""

EMPTY_AFTER = """import torch
a = torch.ones(3, 4)
for n in [2, 2, 2, 0, 0, 2]:
    b = torch.ones(n, 4)
    c = b + 1
    d = c.abs()
    e = torch.relu(d)
print(c.shape, d.shape, e.sum())
"""

POWER_5 = POWER.replace("range(30)", "range(5)")

SHAPE_CASES = {
    "power_ok": (POWER, Limits()),
    "growing_ok": (GROWING, Limits()),
    "empty_after_ok": (EMPTY_AFTER, Limits()),
    # the smallest limits these programs run under (found by bisection), and one less
    "power_total_at": (POWER_5, Limits(max_total_elements=242)),
    "power_total_above": (POWER_5, Limits(max_total_elements=241)),
    "growing_total_at": (GROWING, Limits(max_total_elements=24_572)),
    "growing_total_above": (GROWING, Limits(max_total_elements=24_571)),
    "growing_one_at": (GROWING, Limits(max_tensor_elements=4_096)),
    "growing_one_above": (GROWING, Limits(max_tensor_elements=4_095)),
}


@pytest.mark.parametrize("name", sorted(SHAPE_CASES))
def test_remembered_result_shapes_do_what_the_general_path_does(name, unplanned):  # noqa: F811
    source, limits = SHAPE_CASES[name]
    assert_planned_like_general(name, source, limits, unplanned)


@pytest.mark.parametrize("source", [GROWING, EMPTY_AFTER], ids=["growing", "empty_after"])
def test_values_equal_pytorch(source):
    error, _, _, text, _ = outcome(source, Limits())
    assert error is None and text == python_prints(source)


def test_a_site_checks_a_result_shape_once_while_it_repeats(monkeypatch):
    """POWER's 30 passes: `A @ v`, `w / w.norm()` and `w.norm()` (3 sites) work out their result's
    count when its shape is new, not on every pass (was: every op)."""
    seen: list[tuple] = []
    original = tensor_sites.result_elements

    def counting(shape, made):
        seen.append(tuple(shape))
        return original(shape, made)
    monkeypatch.setattr(tensor_sites, "result_elements", counting)
    monkeypatch.setattr(function_sites, "result_elements", counting)
    error, *_ = outcome(POWER, Limits())
    assert error is None
    assert len(seen) < 20, seen   # 90 ops in the loop alone (each site: once, at its first result)


def test_a_growing_result_is_checked_at_every_new_shape(monkeypatch):
    """`torch.cat([x, x])` doubles each pass: every pass's result shape is new, so every one is
    worked out and checked (the remembered shape never stands in for another)."""
    seen: list[tuple] = []
    original = tensor_sites.result_elements

    def counting(shape, made):
        seen.append(tuple(shape))
        return original(shape, made)
    monkeypatch.setattr(tensor_sites, "result_elements", counting)
    monkeypatch.setattr(function_sites, "result_elements", counting)
    error, *_ = outcome(GROWING, Limits())
    assert error is None
    for k in range(12):
        assert (2 ** (k + 1),) in seen

"""Issue 9, session 24: a 0-dim result counts 1 element without math.prod of its empty shape, in
every place that counts a call's result (function sites, tensor binary and in-place sites, method
sites, zero-argument method sites, calls.call_sized, Interpreter.apply_binary). The counts are
fixed here, not taken from another path: 2 held tensors plus one element per result, so with
max_total_elements = 2 + n the n-th result fits and the (n + 1)-th is refused at its line, with
the limit's own message. Python's numbers are the oracle for the values.
"""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.engine.values import _fmt_float, _fmt_item
from autogradlab.limits import Limits

PASSES = 6
# each form makes exactly one new 0-dim tensor element per pass
FORMS = {
    "function_site": "torch.sin(x)",                 # function_sites.site
    "function_two": "torch.maximum(x, y)",           # function_sites.site, the two-argument plan
    "tensor_binary": "x * y",                        # tensor_sites binary site
    "method_site": "x.add(y)",                       # tensor_sites method site
    "zero_argument_method": "x.exp()",               # compiled_method_calls zero-argument site
    "keyword_call": "torch.sum(x, dim=None)",        # calls.call_sized (keywords: the general call)
    "builtin_sum": "sum([x])",                       # builtins' sum: Interpreter.apply_binary (0 + x)
}


def _program(form: str, passes: int) -> str:
    return (f"import torch\nx = torch.tensor(0.5)\ny = torch.tensor(0.25)\nfor i in range({passes}):\n"
            f"    z = {form}\nprint(float(z))\n")


@pytest.mark.parametrize("name", sorted(FORMS))
def test_a_zero_dim_result_counts_one_element_at_the_limit(name):
    report = run_program(_program(FORMS[name], PASSES), limits=Limits(max_total_elements=2 + PASSES))
    assert report.error is None, report.error
    x, y = 0.5, 0.25
    z = {"function_site": None, "function_two": max(x, y), "tensor_binary": x * y, "method_site": x + y,
         "zero_argument_method": None, "keyword_call": x, "builtin_sum": x}[name]
    if z is not None:
        assert report.printed == f"{z}\n"


@pytest.mark.parametrize("name", sorted(FORMS))
def test_a_zero_dim_result_above_the_limit_is_refused_at_its_line(name):
    report = run_program(_program(FORMS[name], PASSES + 1), limits=Limits(max_total_elements=2 + PASSES))
    error = report.error
    assert error is not None and error.kind == "limit" and error.line == 5, error
    assert f"more than {2 + PASSES:,} tensor elements" in error.message
    assert "max_total_elements" in (error.hint or "")
    assert report.printed == ""


def test_fmt_item_is_fmt_float_for_floats():
    """values._fmt_item (graph and scalar snapshots of item() floats) writes what _fmt_float writes."""
    import random
    import struct

    special = [0.0, -0.0, 1.0, -1.0, 1e8, -1e8, 99999999.0, -99999999.0, 1e8 - 0.5, 1e9, 1.5, 0.1,
               float("nan"), -float("nan"), float("inf"), -float("inf"), 5e-324, 1.7976931348623157e308,
               2.0 ** 53, -(2.0 ** 53) - 2, 123456.5, 1e-5, 12345678.0]
    rng = random.Random(24)
    floats = special + [struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0] for _ in range(20000)]
    floats += [rng.uniform(-2e8, 2e8) for _ in range(5000)] + [float(rng.randint(-2 * 10**8, 2 * 10**8))
                                                                for _ in range(5000)]
    assert [_fmt_item(v) for v in floats] == [_fmt_float(v) for v in floats]

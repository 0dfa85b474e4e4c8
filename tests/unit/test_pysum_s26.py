"""Issue 9, session 26: `torch.maximum(best, torch.tensor(math.sin(n)))` with each module call made
in one closure once its call site has planned its member (lang/compiled_module_calls.py). It must do
what the two closures it replaces do (compiled_module_calls.FUSED off) and what the generic walk does:
the same values and printed text (Python and PyTorch as the oracle), the same refusals and error
positions, the same step count, the same cut at every step and the same time check at every offset,
and the element limits straddled.
"""

from __future__ import annotations

import contextlib
import io

import pytest
import torch

from autogradlab.engine.run import run_program
from autogradlab.lang import (  # noqa: F401 - compiled first (import order)
    compiled,
    compiled_expressions,
    compiled_module_calls,
    function_sites,
)
from autogradlab.limits import Limits
from tests.unit.differential_helpers import assert_every_step_cut_agrees, assert_time_check_agrees
from tests.unit.test_compiled_blocks import generic, outcome  # noqa: F401

PYTHON_SUM = open("tests/programs/loop_python_sum.py", encoding="utf-8").read()


def _python(source: str) -> str:
    """What CPython and PyTorch print for the program (the oracle: the test's own text)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "<test>", "exec"), {})
    return out.getvalue()


def _three_ways(source: str, limits: Limits, generic, monkeypatch) -> tuple:  # noqa: F811
    """The outcome fused, with the two closures (FUSED off) and by the generic walk: all equal."""
    fused = outcome(source, limits)
    with monkeypatch.context() as patch:
        patch.setattr(compiled_module_calls, "FUSED", False)
        assert outcome(source, limits) == fused
    generic()
    assert outcome(source, limits) == fused
    return fused


def test_python_sum_prints_what_python_prints():
    report = run_program(PYTHON_SUM)
    assert report.error is None, report.error
    assert report.printed == _python(PYTHON_SUM)


def test_python_sum_takes_the_fused_way(monkeypatch):
    """After each call site's first pass, every call of the loop's tensor line is made fused."""
    general_calls = []
    original = compiled_module_calls.module_call

    def counted(interp, node, name, attr, module, first, second, general):
        def watched():
            general_calls.append(attr)
            return general()
        return original(interp, node, name, attr, module, first, second, watched)
    monkeypatch.setattr(compiled_expressions, "module_call", counted)
    report = run_program(PYTHON_SUM)
    assert report.error is None and report.printed == _python(PYTHON_SUM)
    # the first call of each site plans it; later ones only near a multiple of 32 steps
    assert 0 < general_calls.count("maximum") < 300 // 8 and general_calls.count("sin") < 300 // 8


def test_python_sum_same_three_ways(generic, monkeypatch):  # noqa: F811
    error, steps, variables, printed, _ = _three_ways(PYTHON_SUM, Limits(timeout_s=600), generic, monkeypatch)
    assert error is None and steps > 30000 and printed == _python(PYTHON_SUM)


def _lines(*lines: str) -> str:
    return "\n".join(lines) + "\n"


CASES = {
    "math_of_tensor": _lines("import math", "import torch", "x = torch.tensor(0.5)", "for i in range(3):",
                             "    y = math.sin(x)", "print(y)"),
    "math_of_str": _lines("import math", "for i in range(3):", "    y = math.sin(i if i < 2 else 'a')"),
    "math_two_arguments": _lines("import math", "t = 0.0", "for i in range(1, 5):",
                                 "    t += math.hypot(i, 2) + math.atan2(i, 3) + math.log(i, 2)", "print(t)"),
    "tensor_of_list": _lines("import torch", "for i in range(3):",
                             "    x = torch.tensor([i, 2.0] if i < 2 else 1.5)", "print(x)"),
    "shapes_mismatch": _lines("import torch", "a = torch.ones(2)", "for i in range(4):",
                              "    a = torch.maximum(a, torch.ones(2 if i < 3 else 3))"),
    "keyword_call": _lines("import torch", "for i in range(3):",
                           "    x = torch.tensor(float(i), requires_grad=True)", "print(x)"),
    "in_a_function": _lines("import torch", "import math", "def f(k):", "    b = torch.tensor(-1.0)",
                            "    for n in range(k):",
                            "        b = torch.maximum(b, torch.tensor(math.cos(n)))",
                            "    return b", "print(f(5), f(2))"),
    "parameter_shadows_module": _lines("import torch", "def f(torch):", "    return torch.maximum(torch)",
                                       "for i in range(3):", "    y = f(torch.ones(2) * i)", "print(y)"),
    "name_rebound": _lines("import torch", "import math", "for i in range(4):", "    y = math.floor(2.5 + i)",
                           "    if i == 1:", "        math = torch", "print(y)"),
    "refused_member": _lines("import torch", "for i in range(3):",
                             "    y = torch.load('x') if i == 2 else torch.abs(-i)"),
    "undefined_module": _lines("for i in range(3):", "    y = numpy.sin(i)"),
    "first_argument_undefined": _lines("import math", "for i in range(3):", "    y = math.sin(i)",
                                       "    if i == 2:", "        z = math.cos(w)"),
    "first_argument_builtin": _lines("import math", "for i in range(3):", "    y = math.sin(i)",
                                     "    z = math.cos(abs)"),
    "first_argument_global_in_function": _lines("import math", "g = 0.5", "def f():",
                                                "    return math.sin(g)", "for i in range(3):", "    y = f()",
                                                "    g = g + 1", "print(y)"),
    "grad_through_maximum": _lines("import torch", "w = torch.tensor(0.3, requires_grad=True)",
                                   "b = torch.tensor(-1.0)", "for i in range(5):",
                                   "    b = torch.maximum(b, w * torch.tensor(float(i)))", "b.backward()",
                                   "print(b, w.grad)"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_edge_cases_three_ways(name, generic, monkeypatch):  # noqa: F811
    _three_ways(CASES[name], Limits(), generic, monkeypatch)


@pytest.mark.parametrize("name", ["math_of_tensor", "math_two_arguments", "tensor_of_list", "in_a_function",
                                  "first_argument_global_in_function",
                                  "parameter_shadows_module", "grad_through_maximum", "keyword_call"])
def test_edge_cases_print_what_python_prints(name):
    report = run_program(CASES[name])
    assert report.error is None, report.error
    assert report.printed == _python(CASES[name])


@pytest.mark.parametrize(("name", "line"), [("math_of_str", 3), ("shapes_mismatch", 4),
                                            ("undefined_module", 2), ("refused_member", 3),
                                            ("first_argument_undefined", 5), ("first_argument_builtin", 4)])
def test_errors_are_where_python_raises_them(name, line):
    report = run_program(CASES[name])
    assert report.error is not None and report.error.line == line, report.error
    with pytest.raises(Exception):  # noqa: B017, PT011 - Python raises too (TypeError, RuntimeError, ...)
        _python(CASES[name].replace("torch.load('x')", "torch.load(1)"))


SHORT = _lines("import torch", "import math", "best = torch.tensor(-1.0)", "for n in range(1, 5):",
               "    best = torch.maximum(best, torch.tensor(math.sin(n)))", "    m = math.hypot(n, len([n]))",
               "print(best, m)")


def test_every_step_cut(generic):  # noqa: F811
    assert_every_step_cut_agrees(SHORT, generic)


@pytest.mark.parametrize("offset", range(32))
def test_the_time_check_fires_at_the_same_node_at_every_offset(offset, generic, monkeypatch):  # noqa: F811
    assert_time_check_agrees(SHORT, offset, generic, monkeypatch)


# `best` and 12 new tensors of one element each (torch.tensor's 12 and torch.maximum's 12 results):
# 25 elements made in all; the element total is checked before each result is counted
ELEMENTS = _lines("import torch", "best = torch.tensor(-1.0)", "for n in range(12):",
                  "    best = torch.maximum(best, torch.tensor(n / 3))", "print(best)")


def test_the_element_total_just_at_the_limit_runs_as_python():
    report = run_program(ELEMENTS, limits=Limits(max_total_elements=25))
    assert report.error is None, report.error
    assert report.printed == _python(ELEMENTS) == f"{torch.tensor(11 / 3)!r}\n"


@pytest.mark.parametrize("fused", [True, False])
def test_the_element_total_just_above_the_limit_is_refused_at_the_line(fused, monkeypatch):
    monkeypatch.setattr(compiled_module_calls, "FUSED", fused)
    report = run_program(ELEMENTS, limits=Limits(max_total_elements=24))
    assert report.error is not None and report.error.kind == "limit", report.error
    assert report.error.line == 4 and "24" in report.error.message


def test_the_element_limit_straddled_three_ways(generic, monkeypatch):  # noqa: F811
    for limit in (24, 25):
        _three_ways(ELEMENTS, Limits(max_total_elements=limit), generic, monkeypatch)


# -- torch.tensor(<float>) made by torch.scalar_tensor (function_sites.SCALAR_FLOAT) ---------------
# float32's, float16's and bfloat16's edges, the bound (3e38) straddled, values only torch.tensor takes
FLOATS = [0.1, -0.0, 0.0, 1 / 3, -2.5, 1e-45, 7e-46, 2.0 ** -149, 2.0 ** -150, 5e-324, 6.1e-5, 65504.0,
          65519.99, 65520.0, 1e5, 3.3895313892515355e38, 2.9999999999999998e38, 3e38, -3e38,
          3.4028234663852886e38, 3.4028235677973366e38, 1e300, -1e300,
          float("inf"), float("-inf"), float("nan")]
INF_NAN = "inf, nan = float('inf'), float('nan')"   # FLOATS' repr names them


def _floats_program(dtype: str, values: list[float]) -> str:
    return _lines("import torch", f"torch.set_default_dtype(torch.{dtype})", f"values = {values!r}",
                  "for v in values:", "    x = torch.tensor(v)",
                  "    print(x.item(), x.dtype, x.shape, x.requires_grad, x.is_leaf, x.grad_fn, x)")


@pytest.mark.parametrize("dtype", ["float32", "float64", "float16", "bfloat16"])
def test_float_tensors_are_what_torch_tensor_makes(dtype, monkeypatch):
    source = _lines(INF_NAN) + _floats_program(dtype, FLOATS)
    made = []
    monkeypatch.setattr(function_sites, "_scalar_tensor", lambda x: made.append(x) or torch.scalar_tensor(x))
    report = run_program(source)
    assert report.error is None, report.error
    expected = _python(source)
    torch.set_default_dtype(torch.float32)
    assert report.printed == expected
    assert "inf torch.float32" in expected or dtype != "float32"   # beyond float32's range: torch's inf
    # every value inside the bound, and only those, is made by scalar_tensor
    assert made == [v for v in FLOATS if -3e38 < v < 3e38]


@pytest.mark.parametrize("dtype", ["float32", "float16"])
def test_float_tensors_three_ways(dtype, generic, monkeypatch):  # noqa: F811
    source = _lines(INF_NAN) + _floats_program(dtype, FLOATS[:-3] + [1e308])
    fused = outcome(source, Limits())
    with monkeypatch.context() as patch:
        patch.setattr(function_sites, "SCALAR_FLOAT", False)
        assert outcome(source, Limits()) == fused
    torch.set_default_dtype(torch.float32)
    generic()
    assert outcome(source, Limits()) == fused
    torch.set_default_dtype(torch.float32)
    assert fused[0] is None


MODES = {
    "no_grad": _lines("import torch", "with torch.no_grad():", "    for i in range(3):",
                      "        x = torch.tensor(i / 7)", "print(x, x.requires_grad)"),
    "inference_mode": _lines("import torch", "with torch.inference_mode():", "    for i in range(3):",
                             "        x = torch.tensor(i / 7)", "print(x, x.is_inference())"),
    "func_grad": _lines("import torch", "def f(w):", "    t = w * 0.0", "    for i in range(3):",
                        "        t = t + w * torch.tensor(i / 7)", "    return t",
                        "print(torch.func.grad(f)(torch.tensor(0.5)))"),
    "vmap": _lines("import torch", "def f(w):", "    return torch.maximum(w, torch.tensor(0.25))",
                   "print(torch.vmap(f)(torch.tensor([0.0, 0.5, 1.0])))"),
    "custom_backward_vectorized": _lines(
        "import torch", "class Scale(torch.autograd.Function):", "    @staticmethod",
        "    def forward(ctx, x):", "        return x * 2.0", "    @staticmethod",
        "    def backward(ctx, g):",
        "        return g * torch.tensor(2.0) + torch.tensor(0.5) * 0.0",
        "J = torch.autograd.functional.jacobian(Scale.apply, torch.ones(3), vectorize=True)", "print(J)"),
}


@pytest.mark.parametrize("name", sorted(MODES))
def test_float_tensors_under_modes_and_transforms(name, monkeypatch):
    report = run_program(MODES[name])
    assert report.error is None, report.error
    assert report.printed == _python(MODES[name])
    monkeypatch.setattr(function_sites, "SCALAR_FLOAT", False)
    assert run_program(MODES[name]).printed == report.printed


CHECKED = _lines("import torch", "import math", "best = torch.tensor(-1.0)", "w = 0.5",
                 "for n in range(1, 400):", "    best = torch.maximum(best, torch.tensor(math.sin(n)))",
                 "    y = math.cos(w)",
                 "    if n % 3 == 0:", "        k = 0", "print(best, y)")


def test_every_time_check_is_made_at_the_same_step(monkeypatch):
    """Over 400 passes the time checks (every 32nd step) fall on every node of the line: the same
    steps checked fused and with the two closures."""
    from autogradlab.lang.interpreter import Interpreter

    checked: list[int] = []
    original = Interpreter.check_time

    def check_time(self):
        checked.append(self._steps)
        return original(self)
    monkeypatch.setattr(Interpreter, "check_time", check_time)
    fused = outcome(CHECKED, Limits())
    fused_checks, checked[:] = list(checked), []
    monkeypatch.setattr(compiled_module_calls, "FUSED", False)
    assert outcome(CHECKED, Limits()) == fused and fused[0] is None
    assert checked == fused_checks and len(checked) > 100


def test_a_first_argument_gone_later_is_looked_up_where_it_was():
    source = _lines("import math", "w = 0.5", "for i in range(3):", "    y = math.cos(w)", "    if i == 1:",
                    "        del w")
    report = run_program(source)
    assert report.error is not None and report.error.kind == "name" and report.error.line == 4, report.error
    with pytest.raises(NameError):
        _python(source)


def test_a_first_argument_gone_later_three_ways(generic, monkeypatch):  # noqa: F811
    source = _lines("import math", "w = 0.5", "for i in range(3):", "    y = math.cos(w)", "    if i == 1:",
                    "        del w")
    _three_ways(source, Limits(), generic, monkeypatch)


# -- `name = value` in one closure (compiled_targets.positioned_name_assign) ----------------------
ASSIGNMENTS = {
    "kinds": _lines("import torch", "import math", "for i in range(3):", "    t = torch.ones(2) * i",
                    "    n = i / 2", "    s = 'a' * i", "    z = None", "    xs = [t, n]",
                    "    f = lambda v: v + i", "    b = i > 1", "    c = f(n)",
                    "print(t, n, s, z, xs, c, b)"),
    "in_a_function": _lines("def g(k):", "    for i in range(k):", "        y = i * 3", "        w = [y]",
                            "    return y, w", "print(g(4))"),
    "refused_module_value": _lines("import math", "for i in range(2):", "    y = i", "    m = math"),
    "error_in_value": _lines("for i in range(3):", "    y = 1 / (2 - i)"),
    "rebinding_loop_name": _lines("import torch", "for i in range(3):", "    i = torch.tensor(float(i))",
                                  "print(i)"),
}


def _three_ways_assign(source: str, limits: Limits, generic, monkeypatch) -> tuple:  # noqa: F811
    from autogradlab.lang import compiled_targets

    fused = outcome(source, limits)
    with monkeypatch.context() as patch:
        patch.setattr(compiled_targets, "NAME_ASSIGN", False)
        assert outcome(source, limits) == fused
    generic()
    assert outcome(source, limits) == fused
    return fused


@pytest.mark.parametrize("name", sorted(ASSIGNMENTS))
def test_name_assignments_three_ways(name, generic, monkeypatch):  # noqa: F811
    error, *_ = _three_ways_assign(ASSIGNMENTS[name], Limits(), generic, monkeypatch)
    if name in ("kinds", "in_a_function", "rebinding_loop_name"):
        assert error is None, error
        assert run_program(ASSIGNMENTS[name]).printed == _python(ASSIGNMENTS[name])
    else:
        assert error is not None and error[2] == (4 if name == "refused_module_value" else 2), error


def test_name_assignments_every_step_cut(generic, monkeypatch):  # noqa: F811
    assert_every_step_cut_agrees(ASSIGNMENTS["kinds"], generic)


@pytest.mark.parametrize("offset", range(0, 32, 3))
def test_name_assignments_time_check(offset, generic, monkeypatch):  # noqa: F811
    assert_time_check_agrees(ASSIGNMENTS["kinds"], offset, generic, monkeypatch)
